// Social sign-in against a real, certified OpenID provider: oidc-provider (panva, OpenID
// Certified), started here on loopback with one confidential client for Gatehouse, its
// development login and consent pages, PKCE (S256) required and the e-mail claims in the
// id_token. Gatehouse (the release binary, `gatehouse serve` on a fresh SQLite file) is
// configured with it as the OpenID Connect provider `panva`; a tiny frontend (node:http)
// serves the page the browser lands on. Headless Debian Chromium (playwright-core) does what
// a user does. Run by `contract/run.sh social`:
//
//   CONTRACT_BIN=target/release/gatehouse CONTRACT_ARTIFACTS=contract/artifacts \
//   node contract/social/interop.mjs
//
// 1. GET /api/v1/auth/social/providers lists {id: panva, name: Panva}.
// 2. Redirect sign-in: /api/v1/auth/social/panva/authorize?redirect_to=<front> → the IdP's
//    login form (alice) → consent → the front callback with ?code=…; POST
//    /api/v1/auth/social/exchange gives the token response; GET /api/v1/users/me is
//    alice@interop.test, verified.
// 3. Linking: carol registers and logs in with a password; POST
//    /api/v1/users/me/social-accounts/panva answers {authorize_url} and the gh_social cookie;
//    in a new browser (no IdP session) with that cookie: login (bob) → consent → the front
//    callback with ?linked=panva; GET /api/v1/users/me/social-accounts lists panva / bob.
//
// Screenshots of every page visited go to CONTRACT_ARTIFACTS/social-*.png, the server's log to
// social-server.log and the IdP's requests to social-idp.log. Every process and server started
// here is stopped at the end, whatever happened.
//
//   node contract/social/interop.mjs --idp-only
//
// checks the IdP half alone, without Gatehouse: the same provider with the front as the
// client's redirect_uri; Chromium goes through login and consent; the code is exchanged here
// with PKCE and the id_token is verified (signature, iss, aud, nonce) and must carry email and
// email_verified. A provider that does not require PKCE fails it too.
//
// oidc-provider warns, on stderr, that Node 20 is not a runtime it supports (9.13.3 works on
// it), and about its in-memory adapter and development interactions: both are meant here.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import Provider from "oidc-provider";
import { chromium } from "playwright-core";

import { freePort } from "../lib/net.mjs";

const contractDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(contractDir, "..");
const idpOnly = process.argv.includes("--idp-only");
const artifacts = resolve(process.env.CONTRACT_ARTIFACTS ?? join(contractDir, "artifacts"));
const bin = resolve(process.env.CONTRACT_BIN ?? join(root, "target", "release", "gatehouse"));
const chromiumPath = process.env.CONTRACT_CHROMIUM ?? "/usr/bin/chromium";
const WAIT = 20_000;
const PROVIDER = "panva";
const started = Date.now();

// --- output --------------------------------------------------------------------------------

let steps = 0;
function step(text) {
  steps += 1;
  console.log(`ok ${steps} - ${text}`);
}

/** An assertion that failed, with what was sent and what came back. */
class CheckFailed extends Error {}
function fail(message, details = []) {
  throw new CheckFailed([message, ...details.filter(Boolean)].join("\n  "));
}

// --- what is started here, and stopped at the end ------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), "gatehouse-social."));
const servers = []; // node:http servers (IdP, front)
const streams = []; // log files
let gatehouse = null; // { child, log }
let browser = null;

async function stopAll() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  if (gatehouse) await stopGatehouse();
  for (const server of servers.splice(0)) {
    server.closeAllConnections?.();
    await new Promise((done) => server.close(() => done()));
  }
  for (const stream of streams.splice(0)) await new Promise((done) => stream.end(done));
  rmSync(tmp, { recursive: true, force: true });
}

// Last resort if the script dies in between: never leave the server running.
process.on("exit", () => {
  if (gatehouse?.child.exitCode === null) gatehouse.child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`social: ${signal}: stopping what was started`);
    void stopAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

function listen(server, port = 0) {
  return new Promise((done, failed) => {
    server.once("error", failed);
    server.listen(port, "127.0.0.1", () => {
      servers.push(server);
      done(server.address().port);
    });
  });
}

// --- the frontend --------------------------------------------------------------------------

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function startFront() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://front");
    if (req.method !== "GET" || !["/social/callback", "/idp-selftest/callback"].includes(url.pathname)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    const rows = [...url.searchParams]
      .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td><code>${escapeHtml(v)}</code></td></tr>`)
      .join("");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(
      `<!doctype html><html><head><meta charset="utf-8"><title>Frontend: social callback</title></head>
<body><main id="landing"><h1>Back at the frontend</h1><p>${escapeHtml(url.pathname)}</p>
<table>${rows}</table></main></body></html>`,
    );
  });
  const port = await listen(server);
  return `http://127.0.0.1:${port}`;
}

// --- the OpenID provider -------------------------------------------------------------------

const account = (id) => ({
  sub: id,
  email: `${id}@interop.test`,
  email_verified: true,
  given_name: id,
  family_name: "Interop",
});

/** oidc-provider's configuration: the one client and what the brief asks for, nothing else. */
function idpConfiguration({ clientSecret, redirectUri, signingKey, cookieKey }) {
  return {
    clients: [
      {
        client_id: "gatehouse",
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // PKCE for every client, not only public ones (S256 is the only method 9.x supports).
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name", "name"],
    },
    // The claims of the granted scopes go in the id_token too, not only in userinfo.
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => account(id) };
    },
    // The built-in login form (any login and password) and consent page.
    features: { devInteractions: { enabled: true } },
    // Nothing calls it from a browser (the code exchange is server to server).
    clientBasedCORS: () => false,
    cookies: { keys: [cookieKey] },
    jwks: { keys: [signingKey] },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
}

async function startIdp(redirectUri) {
  let handler = (_req, res) => res.writeHead(503).end();
  const idpLog = createWriteStream(join(artifacts, "social-idp.log"));
  streams.push(idpLog);
  const server = http.createServer((req, res) => {
    const t0 = Date.now();
    res.on("finish", () => {
      idpLog.write(`${new Date().toISOString()} ${req.method} ${req.url} -> ${res.statusCode} (${Date.now() - t0} ms)\n`);
    });
    handler(req, res);
  });
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = {
    ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
    kid: "interop-rs256",
    use: "sig",
    alg: "RS256",
  };
  const clientSecret = randomBytes(32).toString("base64url");
  const configuration = idpConfiguration({
    clientSecret,
    redirectUri,
    signingKey,
    cookieKey: randomBytes(32).toString("base64url"),
  });
  const provider = new Provider(issuer, configuration);
  const errors = [];
  for (const event of ["server_error", "authorization.error", "grant.error", "userinfo.error", "jwks.error", "discovery.error"]) {
    provider.on(event, (_ctx, error) => {
      const text = `${event}: ${error?.name ?? ""} ${error?.message ?? error} ${error?.error_description ?? ""}`.trim();
      errors.push(text);
      idpLog.write(`${new Date().toISOString()} EVENT ${text}\n`);
    });
  }
  provider.on("grant.success", () => idpLog.write(`${new Date().toISOString()} EVENT grant.success\n`));
  handler = provider.callback();
  return { issuer, clientSecret, configuration, errors };
}

// --- Gatehouse -----------------------------------------------------------------------------

async function startGatehouse({ port, issuer, clientSecret, front }) {
  const log = join(artifacts, "social-server.log");
  const out = createWriteStream(log);
  mkdirSync(join(tmp, "mail"), { recursive: true });
  const env = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `sqlite://${tmp}/social.sqlite3?mode=rwc`,
    SECRET_KEY: randomBytes(32).toString("hex"),
    LOG_FORMAT: "json",
    RUST_LOG: "info",
    EMAIL_BACKEND: "file",
    EMAIL_FILE_PATH: join(tmp, "mail"),
    EMAIL_VERIFICATION: "none",
    FRONTEND_URL: front,
    OIDC_PROVIDERS: PROVIDER,
    OIDC_PANVA_ISSUER: issuer,
    OIDC_PANVA_CLIENT_ID: "gatehouse",
    OIDC_PANVA_CLIENT_SECRET: clientSecret,
    OIDC_PANVA_DISPLAY_NAME: "Panva",
    RATE_LIMITS: "off",
    // The server's calls to the IdP stay on loopback even where a proxy is configured.
    NO_PROXY: ["127.0.0.1", "localhost", process.env.NO_PROXY].filter(Boolean).join(","),
    no_proxy: ["127.0.0.1", "localhost", process.env.no_proxy].filter(Boolean).join(","),
  };
  // From the temporary folder, so that a developer's .env is not read.
  const child = spawn(bin, ["serve"], { cwd: tmp, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  let spawnError = null;
  const exited = new Promise((done) => {
    child.once("exit", (code, signal) => done({ code, signal }));
    child.once("error", (error) => {
      spawnError = error;
      done({ code: null, signal: null });
    });
  });
  gatehouse = { child, log, exited, out };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (spawnError) fail(`could not start ${bin}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      fail(`gatehouse exited (${child.exitCode ?? child.signalCode}) before it was ready`, [serverLogTail(40)]);
    }
    const status = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) break;
    if (Date.now() > deadline) fail("GET /readyz did not answer 200 within 30 s", [serverLogTail(40)]);
    await new Promise((r) => setTimeout(r, 100));
  }
  step(`gatehouse (pid ${child.pid}) ready on ${base}, log ${log}`);
  return base;
}

/** SIGTERM, up to 10 s for a graceful shutdown, then SIGKILL (as scripts/common.sh does). */
async function stopGatehouse() {
  const { child, exited, out } = gatehouse;
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
      console.error(`social: gatehouse ${child.pid} ignored SIGTERM for 10 s; sending SIGKILL`);
      child.kill("SIGKILL");
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }
  await new Promise((done) => out.end(done));
  gatehouse = null;
}

function serverLogTail(lines = 20) {
  if (!gatehouse) return "";
  try {
    const text = readFileSync(gatehouse.log, "utf8").trimEnd().split("\n").slice(-lines).join("\n    ");
    return `last lines of the server log (${gatehouse.log}):\n    ${text}`;
  } catch {
    return "";
  }
}

/** One API call; keeps what was sent for the failure message. */
async function api(base, method, path, { token, json, expect } = {}) {
  const headers = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(base + path, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
    redirect: "manual",
  });
  const text = await res.text();
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const call = {
    status: res.status,
    headers: res.headers,
    text,
    body,
    describe: () =>
      [
        `sent: ${method} ${path}${token ? " (Authorization: Bearer …)" : ""}${json !== undefined ? ` ${JSON.stringify(redact(json))}` : ""}`,
        `got: ${res.status} ${text.slice(0, 1500)}`,
        serverLogTail(),
      ].join("\n  "),
  };
  if (expect !== undefined && res.status !== expect) {
    fail(`${method} ${path}: expected ${expect}, got ${res.status}`, [call.describe()]);
  }
  return call;
}

const redact = (json) => (json && typeof json === "object" && "password" in json ? { ...json, password: "…" } : json);

function check(condition, message, call) {
  if (!condition) fail(message, [call?.describe()]);
}

// --- the browser ---------------------------------------------------------------------------

/** Navigations of the page (with the redirects), for the failure message. */
function trail(page) {
  const seen = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      seen.push(`${request.method()} ${request.url()}`);
    }
  });
  page.on("response", (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      seen.push(`  -> ${response.status()}${response.headers().location ? ` Location: ${response.headers().location}` : ""}`);
    }
  });
  return seen;
}

async function shot(page, name) {
  const path = join(artifacts, `social-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

async function pageFailure(page, flow, seen, message) {
  let text = "";
  try {
    await shot(page, `${flow}-failure`);
    text = (await page.locator("body").innerText({ timeout: 2_000 })).slice(0, 1500);
  } catch {
    // the page may be gone
  }
  fail(`${flow}: ${message}`, [
    `browser at: ${page.url()}`,
    text && `page text: ${text.replace(/\n+/g, " | ")}`,
    `navigations:\n    ${seen.join("\n    ")}`,
    serverLogTail(),
    `screenshot: ${join(artifacts, `social-${flow}-failure.png`)}`,
  ]);
}

/**
 * From a page that is on its way to the IdP: its login form (login `user`, any password), its
 * consent page, then wherever the IdP sends the browser back to, which must be `landing`.
 * Returns the final URL. Screenshots: <flow>-1-login, <flow>-2-consent, <flow>-3-landing.
 */
async function signInAtIdp(page, seen, { flow, issuer, user, landing }) {
  const loginForm = page.locator('form:has(input[name="prompt"][value="login"])');
  const consentForm = page.locator('form:has(input[name="prompt"][value="consent"])');
  const landed = page.locator("#landing");
  const waitFor = async (what, locator) => {
    try {
      await locator.first().waitFor({ timeout: WAIT });
    } catch {
      await pageFailure(page, flow, seen, `${what} did not appear within ${WAIT / 1000} s`);
    }
  };

  await waitFor("the IdP's login form", loginForm.or(landed));
  if (!(await loginForm.count()) || !page.url().startsWith(`${issuer}/`)) {
    await pageFailure(page, flow, seen, "expected the IdP's login form");
  }
  await loginForm.locator('input[name="login"]').fill(user);
  await loginForm.locator('input[name="password"]').fill(randomBytes(9).toString("base64url"));
  step(`${flow}: on the IdP's login form (${new URL(page.url()).pathname}), screenshot ${await shot(page, `${flow}-1-login`)}`);
  await loginForm.locator('button[type="submit"]').click();

  await waitFor("the IdP's consent page", consentForm.or(landed));
  if (!(await consentForm.count()) || !page.url().startsWith(`${issuer}/`)) {
    await pageFailure(page, flow, seen, "expected the IdP's consent page after the login");
  }
  step(`${flow}: signed in at the IdP as ${user}; consent page, screenshot ${await shot(page, `${flow}-2-consent`)}`);
  await consentForm.getByRole("button", { name: "Continue" }).click();

  await waitFor(`the frontend's callback (${landing})`, landed);
  const url = new URL(page.url());
  if (`${url.origin}${url.pathname}` !== landing) {
    await pageFailure(page, flow, seen, `landed on ${url.origin}${url.pathname}, not ${landing}`);
  }
  step(`${flow}: consented; back at ${landing}${url.search}, screenshot ${await shot(page, `${flow}-3-landing`)}`);
  return url;
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  return { context, page, seen: trail(page) };
}

// --- the checks ----------------------------------------------------------------------------

async function gatehouseChecks() {
  if (!process.env.CONTRACT_BIN) console.log(`# CONTRACT_BIN not set: ${bin}`);
  const front = await startFront();
  const frontCallback = `${front}/social/callback`;
  const ghPort = await freePort();
  const idp = await startIdp(`http://127.0.0.1:${ghPort}/api/v1/auth/social/${PROVIDER}/callback`);
  step(`oidc-provider ${providerVersion()} at ${idp.issuer} (client gatehouse, PKCE S256 required), frontend at ${front}`);
  const base = await startGatehouse({ port: ghPort, issuer: idp.issuer, clientSecret: idp.clientSecret, front });

  // The providers.
  const providers = await api(base, "GET", "/api/v1/auth/social/providers", { expect: 200 });
  check(
    Array.isArray(providers.body) && providers.body.some((p) => p.id === PROVIDER && p.name === "Panva"),
    `GET /api/v1/auth/social/providers does not list {id: "${PROVIDER}", name: "Panva"}`,
    providers,
  );
  step(`GET /api/v1/auth/social/providers lists ${JSON.stringify(providers.body)}`);

  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });

  // Redirect sign-in.
  {
    const { context, page, seen } = await newPage();
    const start = `${base}/api/v1/auth/social/${PROVIDER}/authorize?redirect_to=${encodeURIComponent(frontCallback)}`;
    await page.goto(start);
    const landed = await signInAtIdp(page, seen, { flow: "signin", issuer: idp.issuer, user: "alice", landing: frontCallback });
    const code = landed.searchParams.get("code");
    if (landed.searchParams.has("error") || !code) {
      await pageFailure(page, "signin", seen, `the callback brought no code: ${landed.search || "(no query)"}`);
    }
    await context.close();
    step(`signin: one-time code on the frontend's callback (${code.length} characters), no error`);

    const exchange = await api(base, "POST", "/api/v1/auth/social/exchange", { json: { code }, expect: 200 });
    const tokens = exchange.body ?? {};
    check(
      typeof tokens.access_token === "string" &&
        tokens.token_type === "Bearer" &&
        Number.isInteger(tokens.expires_in) &&
        typeof tokens.refresh_token === "string" &&
        Number.isInteger(tokens.refresh_expires_in),
      "POST /api/v1/auth/social/exchange: not a token response {access_token, token_type: Bearer, expires_in, refresh_token, refresh_expires_in}",
      exchange,
    );
    step(`POST /api/v1/auth/social/exchange: 200, token_type Bearer, expires_in ${tokens.expires_in}, refresh_expires_in ${tokens.refresh_expires_in}`);

    const again = await api(base, "POST", "/api/v1/auth/social/exchange", { json: { code } });
    check(again.status === 400, `the one-time code worked twice (second exchange: ${again.status})`, again);
    step(`the code is single use: a second exchange is ${again.status} ${again.body?.code ?? ""}`.trim());

    const me = await api(base, "GET", "/api/v1/users/me", { token: tokens.access_token, expect: 200 });
    check(me.body?.email === "alice@interop.test", `GET /api/v1/users/me: email is ${me.body?.email}, not alice@interop.test`, me);
    check(me.body?.email_verified === true, `GET /api/v1/users/me: email_verified is ${me.body?.email_verified}, not true`, me);
    step(
      `GET /api/v1/users/me: alice@interop.test, email_verified true (first_name ${JSON.stringify(me.body.first_name)}, last_name ${JSON.stringify(me.body.last_name)})`,
    );
  }

  // Linking a provider account to a password account.
  {
    const email = "carol@interop.test";
    const password = `Interop ${randomBytes(12).toString("base64url")}`;
    await api(base, "POST", "/api/v1/auth/register", { json: { email, password }, expect: 202 });
    const login = await api(base, "POST", "/api/v1/auth/login", { json: { email, password }, expect: 200 });
    const token = login.body?.access_token;
    check(typeof token === "string", "POST /api/v1/auth/login: no access_token", login);
    step(`carol registered (202) and logged in with her password (200)`);

    const start = await api(
      base,
      "POST",
      `/api/v1/users/me/social-accounts/${PROVIDER}?redirect_to=${encodeURIComponent(frontCallback)}`,
      { token, expect: 200 },
    );
    const authorizeUrl = start.body?.authorize_url;
    check(typeof authorizeUrl === "string" && authorizeUrl.startsWith(`${idp.issuer}/`), `authorize_url is not the IdP's (${authorizeUrl})`, start);
    const setCookie = start.headers.getSetCookie().find((c) => c.startsWith("gh_social="));
    check(setCookie, "POST /api/v1/users/me/social-accounts/panva set no gh_social cookie", start);
    const cookie = parseSetCookie(setCookie);
    check(cookie.path === "/api/v1/auth/social", `the gh_social cookie's Path is ${cookie.path}, not /api/v1/auth/social`, start);
    step(`POST /api/v1/users/me/social-accounts/${PROVIDER}: 200 {authorize_url} at the IdP, Set-Cookie gh_social (${cookie.attributes})`);

    // A new browser: no IdP session (alice's is in the closed context); the cookie stands for
    // the one the frontend's fetch would have received.
    const { context, page, seen } = await newPage();
    await context.addCookies([
      {
        name: "gh_social",
        value: cookie.value,
        domain: "127.0.0.1",
        path: "/api/v1/auth/social",
        httpOnly: true,
        secure: cookie.secure,
        sameSite: cookie.sameSite ?? "Lax",
      },
    ]);
    await page.goto(authorizeUrl);
    const landed = await signInAtIdp(page, seen, { flow: "link", issuer: idp.issuer, user: "bob", landing: frontCallback });
    if (landed.searchParams.get("linked") !== PROVIDER || landed.searchParams.has("error")) {
      await pageFailure(page, "link", seen, `expected ?linked=${PROVIDER}, got ${landed.search || "(no query)"}`);
    }
    await context.close();
    step(`link: back at the frontend with ?linked=${PROVIDER}`);

    const linked = await api(base, "GET", "/api/v1/users/me/social-accounts", { token, expect: 200 });
    check(
      Array.isArray(linked.body) && linked.body.length === 1 && linked.body[0].provider === PROVIDER && linked.body[0].subject === "bob",
      `GET /api/v1/users/me/social-accounts: expected one entry {provider: ${PROVIDER}, subject: bob}`,
      linked,
    );
    step(`GET /api/v1/users/me/social-accounts: ${JSON.stringify(linked.body.map(({ provider, subject, email }) => ({ provider, subject, email })))}`);
    const me = await api(base, "GET", "/api/v1/users/me", { token, expect: 200 });
    check(me.body?.email === email, `after linking, GET /api/v1/users/me is ${me.body?.email}, not ${email}`, me);
    step(`carol is still carol@interop.test after linking`);
  }

  if (idp.errors.length) console.log(`# IdP events: ${idp.errors.join("; ")}`);
}

function parseSetCookie(header) {
  const [pair, ...attrs] = header.split(";").map((s) => s.trim());
  const value = pair.slice(pair.indexOf("=") + 1);
  const cookie = { value, secure: false, path: undefined, sameSite: undefined, attributes: attrs.join("; ") };
  for (const attr of attrs) {
    const [k, v = ""] = attr.split("=");
    switch (k.toLowerCase()) {
      case "path":
        cookie.path = v;
        break;
      case "secure":
        cookie.secure = true;
        break;
      case "samesite":
        cookie.sameSite = { lax: "Lax", strict: "Strict", none: "None" }[v.toLowerCase()];
        break;
    }
  }
  return cookie;
}

/** The IdP alone: Chromium through its login and consent, then the code exchanged here. */
async function idpChecks() {
  const front = await startFront();
  const redirectUri = `${front}/idp-selftest/callback`;
  const idp = await startIdp(redirectUri);
  step(`oidc-provider ${providerVersion()} at ${idp.issuer}, frontend at ${front}`);
  const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
  assert.equal(discovery.issuer, idp.issuer);
  assert.deepEqual(discovery.code_challenge_methods_supported, ["S256"]);
  for (const claim of ["email", "email_verified", "given_name", "family_name"]) {
    assert.ok(discovery.claims_supported.includes(claim), `claims_supported lacks ${claim}`);
  }
  step(`discovery: scopes ${discovery.scopes_supported.join(" ")}; PKCE ${discovery.code_challenge_methods_supported}`);

  const verifier = randomBytes(32).toString("base64url");
  const params = {
    client_id: "gatehouse",
    response_type: "code",
    scope: "openid email profile",
    redirect_uri: redirectUri,
    state: randomBytes(16).toString("base64url"),
    nonce: randomBytes(16).toString("base64url"),
  };
  // Without PKCE the IdP must refuse.
  const refused = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams(params)}`, { redirect: "manual" });
  const refusedAt = new URL(refused.headers.get("location") ?? "", idp.issuer);
  assert.equal(refusedAt.searchParams.get("error"), "invalid_request", `an authorization request without PKCE was not refused: ${refused.status} ${refusedAt}`);
  step(`without code_challenge: ${refused.status} to the redirect_uri with error=invalid_request (${refusedAt.searchParams.get("error_description")})`);

  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  const { context, page, seen } = await newPage();
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  await page.goto(`${discovery.authorization_endpoint}?${new URLSearchParams({ ...params, code_challenge: challenge, code_challenge_method: "S256" })}`);
  const landed = await signInAtIdp(page, seen, { flow: "idp", issuer: idp.issuer, user: "alice", landing: redirectUri });
  await context.close();
  assert.equal(landed.searchParams.get("state"), params.state);
  assert.equal(landed.searchParams.get("iss"), idp.issuer);
  const code = landed.searchParams.get("code");
  assert.ok(code, `no code: ${landed.search}`);

  const basic = Buffer.from(`gatehouse:${idp.clientSecret}`).toString("base64");
  const tokenCall = (body) =>
    fetch(discovery.token_endpoint, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
  const grant = { grant_type: "authorization_code", code, redirect_uri: redirectUri };
  const wrong = await tokenCall({ ...grant, code_verifier: randomBytes(32).toString("base64url") });
  assert.equal(wrong.status, 400, "a wrong code_verifier was accepted");
  // oidc-provider spends the code on a failed attempt: a new round for the real exchange.
  step(`token endpoint: a wrong code_verifier is ${wrong.status} ${(await wrong.json()).error}`);

  const { page: page2, context: context2, seen: seen2 } = await newPage();
  const state2 = randomBytes(16).toString("base64url");
  await page2.goto(
    `${discovery.authorization_endpoint}?${new URLSearchParams({ ...params, state: state2, code_challenge: challenge, code_challenge_method: "S256" })}`,
  );
  const landed2 = await signInAtIdp(page2, seen2, { flow: "idp2", issuer: idp.issuer, user: "alice", landing: redirectUri });
  await context2.close();
  const res = await tokenCall({ ...grant, code: landed2.searchParams.get("code"), code_verifier: verifier });
  const tokens = await res.json();
  assert.equal(res.status, 200, `token endpoint: ${res.status} ${JSON.stringify(tokens)}`);
  const [h, p, s] = tokens.id_token.split(".");
  const header = JSON.parse(Buffer.from(h, "base64url"));
  const claims = JSON.parse(Buffer.from(p, "base64url"));
  const jwks = await (await fetch(discovery.jwks_uri)).json();
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, `no key ${header.kid} in the JWKS`);
  assert.equal(header.alg, "RS256");
  assert.ok(
    verify("RSA-SHA256", Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(s, "base64url")),
    "the id_token's signature does not verify",
  );
  assert.equal(claims.iss, idp.issuer);
  assert.equal(claims.aud, "gatehouse");
  assert.equal(claims.nonce, params.nonce);
  assert.equal(claims.sub, "alice");
  assert.equal(claims.email, "alice@interop.test");
  assert.equal(claims.email_verified, true);
  assert.equal(claims.given_name, "alice");
  assert.equal(claims.family_name, "Interop");
  step(`PKCE code exchange: 200; id_token (RS256, verified) ${JSON.stringify(claims)}`);
  if (idp.errors.length) console.log(`# IdP events: ${idp.errors.join("; ")}`);
}

function providerVersion() {
  return JSON.parse(readFileSync(join(contractDir, "node_modules", "oidc-provider", "package.json"), "utf8")).version;
}

// --- main ----------------------------------------------------------------------------------

mkdirSync(artifacts, { recursive: true });
let status = 0;
try {
  await (idpOnly ? idpChecks() : gatehouseChecks());
} catch (error) {
  status = 1;
  if (error instanceof CheckFailed || error instanceof assert.AssertionError) {
    console.error(`not ok ${steps + 1} - ${error.message}`);
  } else {
    console.error(`not ok ${steps + 1} - unexpected error:`, error);
  }
} finally {
  await stopAll();
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`1..${steps + status}`);
console.log(`${steps} passed, ${status} failed (${seconds} s)${idpOnly ? " [IdP alone]" : ""}`);
process.exitCode = status;
