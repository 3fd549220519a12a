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
