#!/usr/bin/env python3
"""Checks that every operation of the spec declares the statuses the server's own layers can
answer it with, whatever its handler does (see README "Contract checks"):

- every operation: 400 (Host not in ALLOWED_HOSTS, malformed request), 408 (REQUEST_TIMEOUT),
  413 (a body over MAX_BODY_BYTES), 422 (a JSON body that is not an object);
- with a request body: 415 (not sent as application/json);
- with bearer or cookie security: 401, and 403 (`MFA_REQUIRED` limits an account without a
  second factor to enrolling one; with cookie security an unsafe method also has the CSRF
  check) — except the safe operations such an account may still use (`getMe`, `getMfa`, `listPasskeys`);
- every operation that reads the database or Redis: 503 (dependency unavailable).

Usage: statuses.py SPEC [--fix]  (--fix adds the missing ones to the file, as $refs to the
shared responses). Exits 1, listing them, when any is missing.
"""
import re
import sys

import yaml

METHODS = ("get", "put", "post", "delete", "patch")
UNSAFE = ("put", "post", "delete", "patch")
# Operations served from memory: no database or Redis behind them.
NO_DEPENDENCY = {"healthz", "getJwks", "getSchema", "getSwaggerUi", "getRedoc", "getMetrics", "listSocialProviders"}
# Safe operations an account that MFA_REQUIRED limits to enrolling may still use.
WHILE_ENROLLING = {"getMe", "getMfa", "listPasskeys"}
SHARED = {
    "400": "BadRequest",
    "401": "Unauthorized",
    "403": "Forbidden",
    "408": "RequestTimeout",
    "413": "PayloadTooLarge",
    "415": "UnsupportedMediaType",
    "422": "ValidationFailed",
    "503": "Unavailable",
}


def required(operation, method, global_security):
    need = {"400", "408", "413", "422"}
    if "requestBody" in operation:
        need.add("415")
    security = operation.get("security", global_security) or []
    schemes = {name for requirement in security for name in requirement}
    if schemes & {"bearerAuth", "cookieAuth", "cronSecret"}:
        need.add("401")
    if "cookieAuth" in schemes and method in UNSAFE:
        need.add("403")
    if schemes & {"bearerAuth", "cookieAuth"} and operation.get("operationId") not in WHILE_ENROLLING:
        need.add("403")
    if operation.get("operationId") not in NO_DEPENDENCY:
        need.add("503")
    return need


def missing_statuses(spec):
    out = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            declared = set(operation.get("responses", {}))
            for status in sorted(required(operation, method, spec.get("security")) - declared):
                out.append((path, method, operation.get("operationId", "?"), status))
    return out


def fix(text, missing):
    lines = text.split("\n")
    by_operation = {}
    for path, method, _, status in missing:
        by_operation.setdefault((path, method), []).append(status)
    for (path, method), statuses in by_operation.items():
        path_line = lines.index(f"  {path}:")
        method_line = next(i for i in range(path_line + 1, len(lines)) if lines[i] == f"    {method}:")
        responses = next(i for i in range(method_line + 1, len(lines)) if lines[i] == "      responses:")
        end = responses + 1
        while end < len(lines) and (lines[end].startswith("        ") or lines[end].strip() == ""):
            end += 1
        while lines[end - 1].strip() == "":
            end -= 1
        block = lines[responses + 1 : end]
        entries, current = [], None
        for line in block:
            match = re.match(r"^        '(\d{3})':", line)
            if match:
                current = [match.group(1), [line]]
                entries.append(current)
            else:
                current[1].append(line)
        for status in statuses:
            entries.append([status, [f"        '{status}':", f"          $ref: '#/components/responses/{SHARED[status]}'"]])
        entries.sort(key=lambda e: e[0])
        lines[responses + 1 : end] = [line for _, body in entries for line in body]
    return "\n".join(lines)


def main():
    path = sys.argv[1]
    text = open(path, encoding="utf-8").read()
    spec = yaml.safe_load(text)
    missing = missing_statuses(spec)
    if "--fix" in sys.argv[2:] and missing:
        open(path, "w", encoding="utf-8").write(fix(text, missing))
        missing = missing_statuses(yaml.safe_load(open(path, encoding="utf-8")))
    for path_, method, operation_id, status in missing:
        print(f"{operation_id} ({method.upper()} {path_}) does not declare {status}: the server's layers can answer it")
    if missing:
        print(f"{len(missing)} undeclared statuses", file=sys.stderr)
        sys.exit(1)
    print("every operation declares the statuses the server's layers can give")


if __name__ == "__main__":
    main()
