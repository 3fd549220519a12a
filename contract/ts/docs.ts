// The API documentation in a real browser: headless Debian Chromium (playwright-core, no
// downloaded browser) opens /api/docs (Swagger UI) and /api/redoc (Redoc) as Gatehouse serves
// them, offline, and checks what a reader would see. Run by contract/run.sh:
//
//   CONTRACT_BASE_URL=http://127.0.0.1:8000 CONTRACT_SPEC_JSON=spec.json \
//   CONTRACT_ARTIFACTS=contract/artifacts/sqlite node contract/build/docs.js
//
// - every operation of the spec appears on both pages (ids derived from the spec);
// - no request leaves the server (no CDN, fonts or validator), no script error, no CSP
//   violation;
// - one "Try it out" → "Execute" in Swagger UI reaches the server and shows its 200;
// - full-page screenshots docs.png and redoc.png in CONTRACT_ARTIFACTS.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";

import { chromium, type Page } from "playwright-core";

const base = required("CONTRACT_BASE_URL");
const artifacts = required("CONTRACT_ARTIFACTS");
const spec = JSON.parse(readFileSync(required("CONTRACT_SPEC_JSON"), "utf8")) as {
  paths: Record<string, Record<string, { operationId: string; tags: string[]; security?: object[]; parameters?: unknown[] }>>;
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ["get", "put", "post", "delete", "patch"].includes(method))
    .map(([method, op]) => ({ method, path, ...op })),
);

let steps = 0;
function step(text: string): void {
  steps += 1;
  console.log(`ok ${steps} - ${text}`);
}

/** Fails the page on script errors, CSP violations and any request that leaves the server. */
function guard(page: Page, problems: string[]): void {
  const origin = new URL(base).origin;
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  void page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:")) {
      return route.continue();
    }
    problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
}

async function swaggerUi(page: Page): Promise<void> {
  await page.goto(`${base}/api/docs`);
  await page.locator(".opblock").first().waitFor({ timeout: 20_000 });
  // Swagger UI gives each operation the element id `operations-<tag>-<operationId>`.
  const missing = [];
  for (const op of operations) {
    const id = `operations-${op.tags[0]}-${op.operationId}`;
    if ((await page.locator(`[id="${id}"]`).count()) !== 1) missing.push(`${op.method.toUpperCase()} ${op.path} (#${id})`);
  }
  assert.deepEqual(missing, [], `operations missing from Swagger UI: ${missing.join(", ")}`);
  step(`Swagger UI lists all ${operations.length} operations of the spec`);

  // Try it out on the first public GET that takes no parameter.
  const target = operations.find((op) => op.method === "get" && op.security?.length === 0 && !op.parameters?.length);
  assert.ok(target, "the spec has no public GET without parameters to try");
  const block = page.locator(`[id="operations-${target.tags[0]}-${target.operationId}"]`);
  await block.locator(".opblock-summary").first().click();
  await block.getByRole("button", { name: "Try it out" }).click();
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === target.path, { timeout: 10_000 });
  await block.getByRole("button", { name: "Execute" }).click();
  const response = await answered;
  assert.equal(response.status(), 200);
  const shown = block.locator(".live-responses-table .response .response-col_status").first();
  await shown.waitFor({ timeout: 10_000 });
  assert.equal((await shown.innerText()).trim(), "200");
  step(`Try it out: GET ${target.path} (${target.operationId}) executed from the page, Swagger UI shows 200`);

  await page.screenshot({ path: join(artifacts, "docs.png"), fullPage: true });
  step(`screenshot ${join(artifacts, "docs.png")}`);
}

async function redoc(page: Page): Promise<void> {
  await page.goto(`${base}/api/redoc`);
  await page.locator("[data-section-id]").first().waitFor({ timeout: 30_000 });
  // Redoc gives each operation the section id `tag/<tag>/operation/<operationId>`.
  const sections = new Set(
    await page.locator("[data-section-id]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-section-id"))),
  );
  const missing = operations
    .filter((op) => !sections.has(`tag/${op.tags[0]}/operation/${op.operationId}`))
    .map((op) => `${op.method.toUpperCase()} ${op.path}`);
  assert.deepEqual(missing, [], `operations missing from Redoc: ${missing.join(", ")}`);
  step(`Redoc lists all ${operations.length} operations of the spec`);
  await page.screenshot({ path: join(artifacts, "redoc.png"), fullPage: true });
  step(`screenshot ${join(artifacts, "redoc.png")}`);
}

mkdirSync(artifacts, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CONTRACT_CHROMIUM ?? "/usr/bin/chromium",
  // Root in CI has no user namespace sandbox for Chromium.
  args: ["--no-sandbox"],
});
try {
  for (const [name, check] of [
    ["/api/docs", swaggerUi],
    ["/api/redoc", redoc],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    guard(page, problems);
    await check(page);
    assert.deepEqual(problems, [], `${name}: ${problems.join("; ")}`);
    step(`${name}: no script error, no CSP violation, nothing fetched from outside the server`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`1..${steps}`);
console.log(`${steps} passed, 0 failed`);
