// Network helpers shared by the contract's Node scripts.
import net from "node:net";

/** A free loopback port for a process started later (as run.sh's free_port does). */
export function freePort() {
  return new Promise((done, failed) => {
    const probe = net.createServer();
    probe.once("error", failed);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** A JSON request to Gatehouse: GET without `body`, POST with it; answers the status and parsed body. */
export async function api(base, path, { token, body } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
