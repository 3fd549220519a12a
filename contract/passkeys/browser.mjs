// Passkeys in a real browser: headless Debian Chromium (playwright-core) with the DevTools
// WebAuthn domain's virtual authenticator (CTAP2, internal, resident keys, user verification),
// a page served on http://localhost (a secure context) by a tiny frontend that forwards /api/
// to Gatehouse (the release binary, `gatehouse serve` on a fresh SQLite file, FRONTEND_URL
// the page's origin, so WEBAUTHN_RP_ID is localhost). The page does what a frontend does,
// with the WebAuthn Level 3 JSON helpers. Run by `contract/run.sh passkey`:
//
//   CONTRACT_BIN=target/release/gatehouse CONTRACT_ARTIFACTS=contract/artifacts \
//   node contract/passkeys/browser.mjs
//
// 1. ada registers and logs in with a password (from Node, through the API).
// 2. In the page: POST /users/me/passkeys/options → parseCreationOptionsFromJSON →
//    navigator.credentials.create → credential.toJSON() → POST /users/me/passkeys: 201, the
//    virtual authenticator holds one resident credential for localhost.
// 3. In a fresh page: POST /auth/passkey/options → parseRequestOptionsFromJSON →
//    navigator.credentials.get → POST /auth/passkey/verify: tokens for ada (amr webauthn,
//    aal 2); GET /users/me answers ada.
// 4. A password login now answers 202 with passkey options; the page asserts and
//    POST /auth/login/mfa {challenge, credential} signs in (amr pwd + webauthn).
//
// Screenshots go to CONTRACT_ARTIFACTS/passkey-*.png and the server's log to
// passkey-server.log; everything started here is stopped at the end.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { api, freePort } from "../lib/net.mjs";

const contractDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(contractDir, "..");
const artifacts = resolve(process.env.CONTRACT_ARTIFACTS ?? join(contractDir, "artifacts"));
const bin = resolve(process.env.CONTRACT_BIN ?? join(root, "target", "release", "gatehouse"));
const chromiumPath = process.env.CONTRACT_CHROMIUM ?? "/usr/bin/chromium";
const started = Date.now();

let steps = 0;
const step = (text) => console.log(`ok ${(steps += 1)} - ${text}`);

const tmp = mkdtempSync(join(tmpdir(), "gatehouse-passkey."));
let gatehouse = null;
let front = null;
let browser = null;

async function stopAll() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  if (front) await new Promise((done) => front.close(() => done()));
  front = null;
  if (gatehouse && gatehouse.exitCode === null) {
    gatehouse.kill("SIGTERM");
    await new Promise((done) => gatehouse.once("exit", done));
  }
  gatehouse = null;
  rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", () => gatehouse?.exitCode === null && gatehouse.kill("SIGKILL"));


// The frontend: one page, and /api/ forwarded to Gatehouse (same origin, no CORS).
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Passkeys</title></head>
<body><main><h1>Frontend: passkeys</h1><p id="status">ready</p></main></body></html>`;

function startFront(apiPort) {
  const server = http.createServer((req, res) => {
    if (req.url.startsWith("/api/")) {
      const upstream = http.request(
        { host: "127.0.0.1", port: apiPort, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${apiPort}` } },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function startGatehouse(port, frontendUrl) {
  const log = createWriteStream(join(artifacts, "passkey-server.log"));
  const env = {
    PATH: process.env.PATH,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `sqlite://${join(tmp, "gatehouse.db")}?mode=rwc`,
    SECRET_KEY: "passkey-contract-secret-key-0123456789abcdef",
    FRONTEND_URL: frontendUrl,
    EMAIL_VERIFICATION: "none",
    EMAIL_BACKEND: "file",
    EMAIL_FILE_PATH: join(tmp, "mail"),
    PWNED_PASSWORDS_URL: "off",
    LOG_FORMAT: "json",
    RUST_LOG: "info",
  };
  mkdirSync(env.EMAIL_FILE_PATH, { recursive: true });
  const child = spawn(bin, ["serve"], { cwd: tmp, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  for (let i = 0; i < 300; i += 1) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false);
    if (ok) return child;
    if (child.exitCode !== null) throw new Error("gatehouse exited before it was ready");
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error("gatehouse did not get ready within 30 s");
}

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());


async function pageWithAuthenticator(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  return { page, cdp };
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const apiPort = await freePort();
  front = await startFront(apiPort);
  const frontUrl = `http://localhost:${front.address().port}`;
  gatehouse = await startGatehouse(apiPort, frontUrl);
  const base = `http://127.0.0.1:${apiPort}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  const context = await browser.newContext();

  // 1. A password account.
  const email = "ada@passkey.test";
  const password = "a passphrase for the passkey check";
  assert.equal((await api(base, "/api/v1/auth/register", { body: { email, password } })).status, 202);
  const login = await api(base, "/api/v1/auth/login", { body: { email, password } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  step("a password account signs in");

  // 2. Registration in the page, on the virtual authenticator.
  const { page, cdp } = await pageWithAuthenticator(context);
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto(frontUrl);
  const registered = await page.evaluate(async (token) => {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const options = await (await fetch("/api/v1/users/me/passkeys/options", { method: "POST", headers })).json();
    const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options);
    const credential = await navigator.credentials.create({ publicKey });
    const response = await fetch("/api/v1/users/me/passkeys", {
      method: "POST",
      headers,
      body: JSON.stringify({ credential: credential.toJSON(), name: "Chromium" }),
    });
    document.getElementById("status").textContent = `registered: ${response.status}`;
    return { status: response.status, body: await response.json() };
  }, login.body.access_token);
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.equal(registered.body.passkey.name, "Chromium");
  assert.equal(registered.body.recovery_codes.length, 10);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  assert.equal(credentials.length, 1);
  assert.equal(credentials[0].isResidentCredential, true, "a discoverable credential");
  assert.equal(credentials[0].rpId, "localhost");
  await page.screenshot({ path: join(artifacts, "passkey-registered.png") });
  step("Chromium registers a discoverable passkey (201, resident credential for localhost)");

  // 3. Sign-in with the passkey alone.
  const signedIn = await page.evaluate(async () => {
    const json = { "content-type": "application/json" };
    const start = await (await fetch("/api/v1/auth/passkey/options", { method: "POST", headers: json, body: "{}" })).json();
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(start.options);
    const credential = await navigator.credentials.get({ publicKey });
    const response = await fetch("/api/v1/auth/passkey/verify", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ ceremony: start.ceremony, credential: credential.toJSON() }),
    });
    document.getElementById("status").textContent = `signed in: ${response.status}`;
    return { status: response.status, body: await response.json() };
  });
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.deepEqual(claims(signedIn.body.access_token).amr, ["webauthn"]);
  assert.equal(claims(signedIn.body.access_token).aal, 2);
  const me = await api(base, "/api/v1/users/me", { token: signedIn.body.access_token });
  assert.equal(me.body.email, email);
  await page.screenshot({ path: join(artifacts, "passkey-signed-in.png") });
  step("the passkey alone signs in (amr webauthn, aal 2) and the token reads /users/me");

  // 4. The passkey as the second step of a password login.
  const challenge = await api(base, "/api/v1/auth/login", { body: { email, password } });
  assert.equal(challenge.status, 202, JSON.stringify(challenge.body));
  assert.deepEqual(challenge.body.methods, ["passkey", "recovery_code"]);
  const completed = await page.evaluate(async (body) => {
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(body.passkey_options);
    const credential = await navigator.credentials.get({ publicKey });
    const response = await fetch("/api/v1/auth/login/mfa", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ challenge: body.challenge, credential: credential.toJSON() }),
    });
    return { status: response.status, body: await response.json() };
  }, challenge.body);
  assert.equal(completed.status, 200, JSON.stringify(completed.body));
  assert.deepEqual(claims(completed.body.access_token).amr, ["pwd", "webauthn"]);
  step("a password login is completed by the passkey (amr pwd, webauthn)");

  console.log(`passkey: ${steps} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  console.error(`passkey: FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
