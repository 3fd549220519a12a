// The staff console in a real browser: headless Debian Chromium (playwright-core) against the
// release binary (`gatehouse serve` on a fresh SQLite file), with no JavaScript of ours: the
// pages, their forms and the vendored htmx under the console's strict Content-Security-Policy.
// Run by `contract/run.sh console`:
//
//   CONTRACT_BIN=target/release/gatehouse CONTRACT_ARTIFACTS=contract/artifacts \
//   node contract/console/browser.mjs
//
// 1. `gatehouse createsuperuser` makes the staff account; grace registers through the API and
//    signs in (her access token is kept); a password reset for her goes to an SMTP server that
//    is not there, so with EMAIL_MAX_ATTEMPTS=1 it is a dead e-mail.
// 2. Staff sign in at /admin/sign-in, search for grace, open her, deactivate her (through the
//    confirmation page): her access token is refused through the API at once, and the audit
//    row is on her page.
// 3. A runtime setting: an out-of-range value is shown back with its error, a valid one saved.
// 4. The dead e-mail is retried from the outbox page.
// 5. Every page is screenshotted (also at a phone's width); the browser reports no CSP
//    violation or script error.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
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

let steps = 0;
const step = (text) => console.log(`ok ${(steps += 1)} - ${text}`);

const tmp = mkdtempSync(join(tmpdir(), "gatehouse-console."));
let gatehouse = null;
let browser = null;

async function stopAll() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  if (gatehouse && gatehouse.exitCode === null) {
    gatehouse.kill("SIGTERM");
    await new Promise((done) => gatehouse.once("exit", done));
  }
  gatehouse = null;
  rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", () => gatehouse?.exitCode === null && gatehouse.kill("SIGKILL"));

function serverEnv(port, smtpPort) {
  return {
    PATH: process.env.PATH,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `sqlite://${join(tmp, "gatehouse.db")}?mode=rwc`,
    SECRET_KEY: "console-contract-secret-key-0123456789abcdef",
    EMAIL_VERIFICATION: "none",
    // Nothing listens there: every e-mail fails its one attempt and is dead.
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: String(smtpPort),
    EMAIL_MAX_ATTEMPTS: "1",
    PWNED_PASSWORDS_URL: "off",
    LOG_FORMAT: "json",
    RUST_LOG: "info",
  };
}

async function startGatehouse(env) {
  const log = createWriteStream(join(artifacts, "console-server.log"));
  const child = spawn(bin, ["serve"], { cwd: tmp, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  for (let i = 0; i < 300; i += 1) {
    const ok = await fetch(`http://127.0.0.1:${env.PORT}/readyz`).then((r) => r.ok).catch(() => false);
    if (ok) return child;
    if (child.exitCode !== null) throw new Error("gatehouse exited before it was ready");
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error("gatehouse did not get ready within 30 s");
}


async function waitFor(what, check) {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  const env = serverEnv(port, await freePort());
  const staff = { email: "staff@console.test", password: "a passphrase for the console check" };
  const made = spawnSync(bin, ["createsuperuser", "--email", staff.email, "--no-input"], {
    cwd: tmp,
    env: { ...env, GATEHOUSE_SUPERUSER_PASSWORD: staff.password },
    encoding: "utf8",
  });
  assert.equal(made.status, 0, made.stderr);
  gatehouse = await startGatehouse(env);
  const base = `http://127.0.0.1:${port}`;
  // localhost is a secure context: the console's Secure cookies work over plain http there.
  const consoleBase = `http://localhost:${port}`;

  // 1. grace, her token, and a dead e-mail.
  const grace = { email: "grace@console.test", password: "another passphrase for grace" };
  assert.equal((await api(base, "/api/v1/auth/register", { body: grace })).status, 202);
  const login = await api(base, "/api/v1/auth/login", { body: grace });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const graceToken = login.body.access_token;
  assert.equal((await api(base, "/api/v1/users/me", { token: graceToken })).status, 200);
  assert.equal((await api(base, "/api/v1/auth/password/reset", { body: { email: grace.email } })).status, 202);
  const staffLogin = await api(base, "/api/v1/auth/login", { body: staff });
  assert.equal(staffLogin.status, 200);
  await waitFor("a dead e-mail", async () => {
    const page = await api(base, "/api/v1/admin/outbox?status=dead", { token: staffLogin.body.access_token });
    return page.body.items.length === 1;
  });
  step("grace signs in through the API; her reset e-mail is dead (no SMTP server)");

  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  // Answers of 4xx are logged by Chromium as "Failed to load resource" (the settings form's
  // 422, the favicon Gatehouse does not have): expected. A CSP violation or a script error is not.
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !text.startsWith("Failed to load resource")) problems.push(`${page.url()}: ${text.slice(0, 120)}`);
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  const shot = (name) => page.screenshot({ path: join(artifacts, `console-${name}.png`), fullPage: true });

  // 2. Sign in, find grace, deactivate her.
  await page.goto(`${consoleBase}/admin/`);
  assert.match(page.url(), /\/admin\/sign-in$/);
  await shot("sign-in");
  await page.getByLabel("E-mail address").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await shot("overview");
  step("staff sign in and see the overview");

  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Search").fill("grace@");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: grace.email }).waitFor();
  await shot("users");
  await page.getByRole("link", { name: grace.email }).click();
  await page.getByRole("heading", { name: grace.email }).waitFor();
  await page.getByRole("button", { name: "Deactivate…" }).click();
  await page.getByRole("heading", { name: "Deactivate the account" }).waitFor();
  await shot("confirm");
  await page.getByRole("button", { name: "Deactivate", exact: true }).click();
  await page.getByText("Saved.").waitFor();
  const refused = await api(base, "/api/v1/users/me", { token: graceToken });
  assert.equal(refused.status, 401, "the deactivated user's access token is refused at once");
  await page.getByRole("cell", { name: "staff_user_updated" }).first().waitFor();
  await shot("user");
  step("staff find grace and deactivate her: her token is refused at once, the audit row is on her page");

  // 3. A runtime setting.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("otp_ttl").fill("5");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Must be between 30 and 3600.").waitFor();
  await shot("settings-error");
  await page.getByLabel("otp_ttl").fill("600");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved.").waitFor();
  assert.equal(await page.getByLabel("otp_ttl").inputValue(), "600");
  const settings = await api(base, "/api/v1/admin/settings", { token: staffLogin.body.access_token });
  assert.equal(settings.body.otp_ttl, 600);
  step("a wrong value is shown next to its field; a right one is saved and in force");

  // 4. The dead e-mail.
  await page.getByRole("link", { name: "Outbox" }).click();
  await page.getByLabel("Status").selectOption("dead");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("button", { name: "Retry" }).waitFor();
  await shot("outbox");
  await page.getByRole("button", { name: "Retry" }).click();
  await page.getByText("Queued again.").waitFor();
  const audit = await api(base, "/api/v1/admin/audit-log?event_type=outbox_message_retried", {
    token: staffLogin.body.access_token,
  });
  assert.equal(audit.body.items.length, 1);
  step("staff retry the dead e-mail from the outbox page (audited)");

  // 5. The other pages, and a phone's width.
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("heading", { name: "Audit log" }).waitFor();
  await shot("audit");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("heading", { name: "Webhooks" }).waitFor();
  await shot("webhooks");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("heading", { name: "Users" }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the users page scrolls sideways at a phone's width (${overflow}px)`);
  await shot("phone");
  assert.deepEqual(problems, [], "no CSP violation or script error");
  step("every page renders without a CSP violation or script error, and fits a phone's width");

  await page.getByRole("button", { name: /Sign out/ }).click();
  await page.getByText("You are signed out.").waitFor();
  step("staff sign out");
}

try {
  await main();
  console.log(`console: ${steps} checks passed`);
} catch (error) {
  console.error(`console: FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
