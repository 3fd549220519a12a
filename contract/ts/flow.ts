// What a frontend team does with Gatehouse: generate the TypeScript client from openapi.yaml
// (openapi-generator typescript-fetch, untouched) and use it. Run by contract/run.sh against a
// live server:
//
//   CONTRACT_BASE_URL=http://127.0.0.1:8000 CONTRACT_SPEC_JSON=spec.json \
//   CONTRACT_STAFF_EMAIL=… CONTRACT_STAFF_PASSWORD=… node contract/build/flow.js
//
// 1. The account flows, typed: register → wrong password → login → me → update → sessions →
//    refresh → me → logout → the old tokens are refused; every error is a typed problem.
// 2. The whole spec, generically: every operation has its method on `<Tag>Api`, and every
//    GET that needs no parameter answers through the client (staff token for tag `admin`)
//    with a value that has the required fields of its schema.
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

import * as client from "./generated/index.js";
import {
  AuthApi,
  Configuration,
  ResponseError,
  SessionsApi,
  UsersApi,
  type Problem,
  type TokenResponse,
} from "./generated/index.js";

const base = required("CONTRACT_BASE_URL");
const spec = JSON.parse(readFileSync(required("CONTRACT_SPEC_JSON"), "utf8")) as OpenApi;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function config(accessToken?: string, headers?: Record<string, string>): Configuration {
  return new Configuration({ basePath: base, ...(accessToken ? { accessToken } : {}), ...(headers ? { headers } : {}) });
}

/** The problem document of a failed call, or a failure if the call succeeded. */
async function problemOf(call: Promise<unknown>): Promise<Problem> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ResponseError) {
      assert.equal(error.response.headers.get("content-type"), "application/problem+json");
      return client.ProblemFromJSON(await error.response.json());
    }
    throw error;
  }
  assert.fail("expected an error response");
}

let steps = 0;
function step(text: string): void {
  steps += 1;
  console.log(`ok ${steps} - ${text}`);
}

async function accountFlow(): Promise<void> {
  const auth = new AuthApi(config());
  const email = `ts-client-${Date.now()}-${process.pid}@example.com`;
  const password = "correct horse battery staple ts";

  const accepted = await auth.register({
    registerRequest: { email, password, firstName: "Ada", lastName: null },
  });
  assert.ok(accepted.detail.length > 0);
  step(`register ${email}: ${accepted.detail}`);

  const wrong = await problemOf(auth.login({ loginRequest: { email, password: "not the password" } }));
  assert.equal(wrong.status, 401);
  assert.equal(wrong.code, "invalid_credentials");
  step(`login with a wrong password: ${wrong.status} ${wrong.code}`);

  const invalid = await problemOf(auth.register({ registerRequest: { email: "not an address", password } }));
  assert.equal(invalid.status, 422);
  assert.ok(invalid.errors?.some((e) => e.field === "email"), JSON.stringify(invalid));
  step(`register with a bad address: ${invalid.status} ${invalid.code} (${invalid.errors?.map((e) => e.code).join(", ")})`);

  const tokens: TokenResponse = await auth.login({ loginRequest: { email, password } });
  assert.equal(tokens.tokenType, "Bearer");
  assert.ok(tokens.refreshToken, "a refresh token in the body (cookie mode is off)");
  step(`login: access token for ${tokens.expiresIn} s, refresh token for ${tokens.refreshExpiresIn} s`);

  const users = new UsersApi(config(tokens.accessToken));
  const me = await users.getMe();
  assert.equal(me.email, email);
  assert.ok(me.dateJoined instanceof Date && !Number.isNaN(me.dateJoined.valueOf()));
  step(`me: ${me.firstName} <${me.email}>, joined ${me.dateJoined.toISOString()}`);

  const updated = await users.updateMe({ updateMeRequest: { lastName: "Lovelace" } });
  assert.equal(updated.lastName, "Lovelace");
  assert.equal(updated.firstName, "Ada");
  step(`update me: ${updated.firstName} ${updated.lastName}`);

  const sessions = await new SessionsApi(config(tokens.accessToken)).listSessions();
  assert.equal(sessions.items.filter((s) => s.current).length, 1);
  step(`sessions: ${sessions.items.length}, current one on "${sessions.items[0]?.device}"`);

  const rotated = await auth.refreshToken({ refreshRequest: { refreshToken: tokens.refreshToken } });
  assert.notEqual(rotated.refreshToken, tokens.refreshToken);
  step("refresh: a new pair");

  const again = new UsersApi(config(rotated.accessToken));
  assert.equal((await again.getMe()).id, me.id);
  step("me with the new access token");

  await new AuthApi(config(rotated.accessToken)).logout();
  step("logout");

  const revoked = await problemOf(again.getMe());
  assert.equal(revoked.status, 401);
  step(`me after logout: ${revoked.status} ${revoked.code}`);

  const spent = await problemOf(auth.refreshToken({ refreshRequest: { refreshToken: rotated.refreshToken } }));
  assert.equal(spent.status, 401);
  step(`refresh after logout: ${spent.status} ${spent.code}`);
}

// --- the whole spec --------------------------------------------------------------------------

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, unknown>;
    responses?: Record<string, Response>;
    parameters?: Record<string, Parameter>;
    securitySchemes?: Record<string, { type: string; scheme?: string }>;
  };
}
interface Parameter {
  required?: boolean;
  $ref?: string;
}
interface Operation {
  operationId: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, Response & { $ref?: string }>;
}
interface Response {
  content?: Record<string, { schema?: { $ref?: string } }>;
}
type Method = (...args: unknown[]) => Promise<unknown>;

const methods = ["get", "put", "post", "delete", "patch"];

function operations(): [string, string, Operation][] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, op]): [string, string, Operation] => [method, path, op]),
  );
}

function apiClass(tag: string): (new (c: Configuration) => object) | undefined {
  const name = tag.replace(/(^|[-_ ])(\w)/g, (_, __, c: string) => c.toUpperCase()) + "Api";
  return (client as unknown as Record<string, new (c: Configuration) => object>)[name];
}

function refName(ref: string | undefined): string | undefined {
  return ref?.split("/").pop();
}

async function token(email: string, password: string): Promise<string> {
  return (await new AuthApi(config()).login({ loginRequest: { email, password } })).accessToken;
}

async function wholeSpec(): Promise<void> {
  const all = operations();
  for (const [method, path, op] of all) {
    const Api = apiClass(op.tags[0] ?? "default");
    assert.ok(Api, `${op.operationId}: no ${op.tags[0]}Api class in the generated client`);
    const api = new Api(config()) as Record<string, unknown>;
    assert.equal(typeof api[op.operationId], "function", `${method.toUpperCase()} ${path}: no ${op.operationId}()`);
  }
  step(`the generated client has a method for each of the ${all.length} operations of the spec`);

  const staff = await token(required("CONTRACT_STAFF_EMAIL"), required("CONTRACT_STAFF_PASSWORD"));
  const email = `ts-reader-${Date.now()}@example.com`;
  const password = "correct horse battery staple ts";
  await new AuthApi(config()).register({ registerRequest: { email, password } });
  const user = await token(email, password);

  let called = 0;
  for (const [method, path, op] of all) {
    const parameters = (op.parameters ?? []).map((p) => (p.$ref ? spec.components?.parameters?.[refName(p.$ref) ?? ""] : p));
    const needsParameter = parameters.some((p) => p?.required);
    const bearer = (op.security ?? []).some((requirement) =>
      Object.keys(requirement).some((name) => spec.components?.securitySchemes?.[name]?.scheme?.toLowerCase() === "bearer"),
    );
    const publicOp = (op.security ?? []).length === 0;
    if (method !== "get" || needsParameter || op.requestBody || !(bearer || publicOp)) continue;
    let ok = Object.entries(op.responses).find(([status]) => status.startsWith("2"))?.[1];
    if (ok?.$ref) ok = spec.components?.responses?.[refName(ok.$ref) ?? ""];
    const media = Object.keys(ok?.content ?? {});
    const Api = apiClass(op.tags[0] ?? "default")!;
    // An operation that offers JSON among other media types (getSchema: YAML by default) is
    // asked for JSON, which is what the generated client parses.
    const accept = media.length > 1 && media.includes("application/json") ? { Accept: "application/json" } : undefined;
    const api = new Api(config(op.tags.includes("admin") ? staff : user, accept)) as Record<string, Method>;
    const call = api[op.operationId]!.bind(api);
    const value: unknown = await call();
    if (media[0] === "application/json") {
      const schema = refName(ok?.content?.["application/json"]?.schema?.$ref);
      const check = schema && (client as unknown as Record<string, (v: object) => boolean>)[`instanceOf${schema}`];
      if (check) assert.ok(check(value as object), `${op.operationId}: the ${schema} lacks required fields`);
    } else {
      assert.ok(value !== undefined, `${op.operationId}: no body`);
    }
    called += 1;
    console.log(`   GET ${path} (${op.operationId}) → ${media.join(", ") || "no content"}`);
  }
  step(`${called} parameterless GET operations answered through the client`);
}

await accountFlow();
await wholeSpec();
console.log(`1..${steps}`);
console.log(`${steps} passed, 0 failed`);
