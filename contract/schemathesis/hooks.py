"""Schemathesis hooks for the Gatehouse contract run (contract/run.sh, `just contract`).

Loaded through `hooks = "hooks.py"` in schemathesis.toml beside this file. Nothing here names
an operation: what an operation needs is read from the spec (its `security`, its tag, its
request and response schemas), so operations added to openapi.yaml are covered as they land.

Authentication
    Every operation that accepts a bearer token gets one: a fresh account (registered and
    logged in through the API itself) for ordinary operations, a staff account for operations
    tagged `admin`; one account per operation, so that what one operation does to its account
    does not spill over to the others. Schemathesis calls logout, logout-all, revoke-others,
    deleteMe… with that token, which ends the session or the account; the next request then
    answers 401 (403 once a staff account was demoted), and Schemathesis' reactive re-auth
    (`retry_on = [401, 403]`) drops the cached token, calls `get` again (a new account; the
    staff account is logged in again, or replaced through `gatehouse createsuperuser` when
    fuzzing demoted, deactivated or deleted it) and replays the request. When fuzzing of the
    runtime settings made e-mail verification mandatory, new accounts are verified through
    their e-mail, as a user would. API-key schemes in a header (e.g. `X-Cron-Secret`) get the value of the
    environment variable CONTRACT_APIKEY_<schemeName>; a scheme with no value is an error, so
    a new scheme cannot silently be tested only for its 401.

Stateful links
    openapi.yaml has no `links`; `before_load_schema` adds them to the in-memory copy only,
    derived from the schemas: sign-up → login (same e-mail and password), token issuers →
    refresh (their refresh token) and → every bearer-secured, non-admin operation (their
    access token), so the stateful phase walks register → login → refresh → me/logout/…; and
    every list (`items` with an `id`) → the operations on one item below its path (sessions →
    revoke one, outbox → retry one, users → get/update/delete one…).

Closed response schemas
    The spec leaves `additionalProperties` unset, which JSON Schema reads as "anything else is
    allowed": a handler that returned an undeclared field (a password hash, an internal id)
    would pass. `before_load_schema` sets `additionalProperties: false` on every object schema
    with declared properties that only responses use (in memory only), so an undeclared field
    fails `response_schema_conformance`. Schemas that requests use too are left open, since
    closing them would change what is generated for requests.

Real data
    Random e-mails, passwords and tokens can only be refused, so half of the positive cases of
    the operations that take them get real ones (see `map_case`): tokens from the e-mails the
    server wrote to CONTRACT_MAIL_DIR (EMAIL_BACKEND=file), the accounts' own addresses and
    password. The success responses (200/204) are then exercised and checked against the
    spec too, not only the 4xx.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import re
import subprocess
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import requests

import schemathesis

BASE_URL = os.environ["CONTRACT_BASE_URL"].rstrip("/")
PASSWORD = "contract " + uuid.uuid4().hex  # long and random: never a "common password"
STAFF_PASSWORD = os.environ["CONTRACT_STAFF_PASSWORD"]
MAIL_DIR = Path(os.environ["CONTRACT_MAIL_DIR"])
GATEHOUSE_BIN = os.environ["CONTRACT_GATEHOUSE_BIN"]  # for `createsuperuser`
STAFF_TAG = "admin"

_session = requests.Session()
_lock = threading.Lock()
_staff = {"email": os.environ["CONTRACT_STAFF_EMAIL"]}
_registered: list[str] = []  # addresses of the accounts made by new_user_token()

# --- the spec, as loaded -----------------------------------------------------------------

_raw_schema: dict[str, Any] = {}


def _resolve(node: Any) -> Any:
    """Follow local `$ref`s (components) until a concrete node."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = _raw_schema
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _schemes() -> dict[str, dict[str, Any]]:
    return {name: _resolve(s) for name, s in _raw_schema.get("components", {}).get("securitySchemes", {}).items()}


def _security(definition: dict[str, Any]) -> list[dict[str, Any]]:
    return definition.get("security", _raw_schema.get("security", []))


def _accepts_bearer(definition: dict[str, Any]) -> bool:
    schemes = _schemes()
    return any(
        schemes.get(name, {}).get("type") == "http" and schemes[name].get("scheme", "").lower() == "bearer"
        for requirement in _security(definition)
        for name in requirement
    )


def _json_properties(schema: Any) -> dict[str, Any]:
    schema = _resolve(schema) or {}
    props = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        props.update(_json_properties(part))
    return props


def _request_properties(definition: dict[str, Any]) -> dict[str, Any]:
    body = _resolve(definition.get("requestBody", {}))
    media = body.get("content", {}).get("application/json", {})
    return _json_properties(media.get("schema", {}))


def _success_properties(definition: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    for status, response in definition.get("responses", {}).items():
        if str(status).startswith("2"):
            media = _resolve(response).get("content", {}).get("application/json", {})
            return str(status), _json_properties(media.get("schema", {}))
    return None, {}


def _operations():
    for path, item in _raw_schema.get("paths", {}).items():
        for method, definition in item.items():
            if method in {"get", "put", "post", "delete", "patch"} and "operationId" in definition:
                yield path, method, definition


# --- stateful links, derived from the schemas --------------------------------------------


@schemathesis.hook
def before_load_schema(context, raw_schema: dict[str, Any]) -> None:
    _raw_schema.clear()
    _raw_schema.update(raw_schema)
    _close_response_schemas()
    ops = list(_operations())
    issuers = []  # operations whose success response carries an access token
    for _, _, definition in ops:
        status, props = _success_properties(definition)
        if "access_token" in props:
            issuers.append((definition, status, props))
    logins = [d for d, _, _ in issuers if {"email", "password"} <= _request_properties(d).keys()]
    for definition in (d for _, _, d in ops):
        status, props = _success_properties(definition)
        # A public operation that takes an e-mail and a password but issues no token: sign-up.
        if (
            status
            and _security(definition) == []
            and {"email", "password"} <= _request_properties(definition).keys()
            and "access_token" not in props
        ):
            for login in logins:
                _add_link(
                    definition,
                    status,
                    f"then{_cap(login['operationId'])}",
                    {
                        "operationId": login["operationId"],
                        "requestBody": {"email": "$request.body#/email", "password": "$request.body#/password"},
                    },
                )
    # A list (`items` of objects with an `id`) → the operations on one of its items, below its path.
    for list_path, method, listing in ops:
        status, props = _success_properties(listing)
        items = _resolve(props.get("items", {}))
        if method != "get" or items.get("type") != "array" or "id" not in _json_properties(items.get("items", {})):
            continue
        for path, _, target in ops:
            rest = re.fullmatch(re.escape(list_path) + r"/\{(\w+)\}(/[\w/-]*)?", path)
            if rest:
                parameters = {f"path.{rest[1]}": "$response.body#/items/0/id"}
                if _accepts_bearer(listing) and _accepts_bearer(target):
                    # The same user: their own sessions, not someone else's (a 404).
                    parameters["header.Authorization"] = "$request.header.Authorization"
                _add_link(
                    listing,
                    status,
                    f"then{_cap(target['operationId'])}",
                    {"operationId": target["operationId"], "parameters": parameters},
                )
    for issuer, status, props in issuers:
        for _, _, target in ops:
            if "refresh_token" in props and "refresh_token" in _request_properties(target):
                _add_link(
                    issuer,
                    status,
                    f"then{_cap(target['operationId'])}",
                    {"operationId": target["operationId"], "requestBody": {"refresh_token": "$response.body#/refresh_token"}},
                )
            elif _accepts_bearer(target) and STAFF_TAG not in target.get("tags", []):
                _add_link(
                    issuer,
                    status,
                    f"then{_cap(target['operationId'])}",
                    {
                        "operationId": target["operationId"],
                        "parameters": {"header.Authorization": "Bearer {$response.body#/access_token}"},
                    },
                )


def _refs(node: Any, seen: set[str]) -> None:
    """Collect the component schemas reachable from `node` into `seen` (as '#/...' refs)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in seen:
            seen.add(ref)
            _refs(_resolve(node), seen)
        for key, value in node.items():
            if key != "$ref":
                _refs(value, seen)
    elif isinstance(node, list):
        for item in node:
            _refs(item, seen)


def _close(schema: Any, shared: set[int]) -> None:
    if isinstance(schema, dict):
        if id(schema) in shared:
            return
        if schema.get("type") == "object" and schema.get("properties") and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for key, value in schema.items():
            if key not in ("example", "examples", "default", "enum", "$ref"):
                _close(value, shared)
    elif isinstance(schema, list):
        for item in schema:
            _close(item, shared)


def _close_response_schemas() -> None:
    request_refs: set[str] = set()
    response_nodes = []
    for _, _, definition in _operations():
        _refs(definition.get("requestBody", {}), request_refs)
        _refs(definition.get("parameters", []), request_refs)
        for response in definition.get("responses", {}).values():
            for media in _resolve(response).get("content", {}).values():
                response_nodes.append(media.get("schema", {}))
    shared = {id(_resolve({"$ref": ref})) for ref in request_refs}
    response_refs: set[str] = set()
    for node in response_nodes:
        _refs(node, response_refs)
        _close(node, shared)
    for ref in response_refs:
        _close(_resolve({"$ref": ref}), shared)


def _cap(name: str) -> str:
    return name[:1].upper() + name[1:]


def _add_link(definition: dict[str, Any], status: str, name: str, link: dict[str, Any]) -> None:
    # Marked as inferred (they are: the spec declares no links), which also tells Schemathesis
    # that a link it cannot follow (an empty list has no `items/0/id`) is not a failure.
    link = {**link, "x-schemathesis": {"is_inferred": True}}
    response = definition["responses"][status]
    if "$ref" in response:  # links go on this operation's response only, not the shared component
        response = definition["responses"][status] = dict(_resolve(response))
    response.setdefault("links", {})[name] = link


# --- authentication ----------------------------------------------------------------------

_JWT = re.compile(r"^Bearer eyJ[\w-]*\.[\w-]+\.[\w-]+$")
_refused: set[str] = set()  # Authorization headers that got a 401


@schemathesis.hook
def after_call(context, case, response) -> None:
    # Runs before Schemathesis decides to re-authenticate and replay.
    if response.status_code == 401:
        authorization = (case.headers or {}).get("Authorization")
        if authorization:
            _refused.add(str(authorization))


def _post(path: str, body: dict[str, Any], **kwargs) -> requests.Response:
    return _session.post(f"{BASE_URL}{path}", json=body, timeout=30, **kwargs)


# The account flows the hooks use themselves, at the paths PRODUCT.md fixes.
REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
LOGIN_OTP = "/api/v1/auth/login/otp"
VERIFY = "/api/v1/auth/email/verify"
RESEND = "/api/v1/auth/email/resend"
ME = "/api/v1/users/me"


def _newest_mail_match(address: str, pattern: re.Pattern[str], skip: frozenset[Path] = frozenset()) -> str | None:
    """The first group of `pattern` in the plain text of the newest e-mail to `address` that
    has a match (file backend), leaving out the files in `skip`."""
    for path in sorted(MAIL_DIR.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
        if path in skip:
            continue
        try:
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if address.lower() not in str(message["To"]).lower():
                continue
            body = message.get_body(preferencelist=("plain",))
            match = pattern.search(body.get_content() if body else "")
        except Exception:
            continue
        if match:
            return match[1]
    return None


_VERIFY_LINK = re.compile(r"/verify-email\?token=([A-Za-z0-9_\-]+)")
_CODE_LINE = re.compile(r"^\s+(\d{6})\s*$", re.MULTILINE)


def _verification_token(address: str) -> str | None:
    """The token of the newest verification e-mail sent to `address`."""
    return _newest_mail_match(address, _VERIFY_LINK)


def _second_step(address: str, challenge: str, skip: frozenset[Path]) -> requests.Response | None:
    """Completes a two-step login (fuzzing may have set the runtime setting `login_otp` to
    required, or an account's `otp_login_enabled`) with the code of a new e-mail (not in
    `skip`)."""
    for _ in range(100):
        code = _newest_mail_match(address, _CODE_LINE, skip)
        if code is not None:
            return _post(LOGIN_OTP, {"challenge": challenge, "code": code})
        time.sleep(0.05)
    return None


def _verify(address: str) -> None:
    """Verify the address through its e-mail, as its owner would (fuzzing may have switched the
    runtime setting `email_verification` to mandatory)."""
    for attempt in range(100):  # the outbox worker delivers right after the commit
        token = _verification_token(address)
        if token is not None:
            _post(VERIFY, {"token": token})
            return
        if attempt == 20:  # registered while verification was off: no e-mail yet
            _post(RESEND, {"email": address})
        time.sleep(0.05)
    raise RuntimeError(f"no verification e-mail for {address} in {MAIL_DIR}")


def _login(address: str, password: str) -> str | None:
    answer = _login_answer(address, password)
    return None if answer is None else answer["access_token"]


def _login_answer(address: str, password: str) -> dict[str, Any] | None:
    """The token response of a sign-in, verifying the address or completing a second step
    where the server asks for it."""
    earlier = frozenset(MAIL_DIR.glob("*.eml"))
    response = _post(LOGIN, {"email": address, "password": password})
    if response.status_code == 403 and response.json().get("code") == "email_not_verified":
        _verify(address)
        response = _post(LOGIN, {"email": address, "password": password})
    if response.status_code == 202 and "challenge" in response.json():
        response = _second_step(address, response.json()["challenge"], earlier)
    if response is None or response.status_code != 200:
        return None
    answer: dict[str, Any] = response.json()
    return answer


def new_user_token() -> str:
    address = f"contract-{uuid.uuid4().hex[:16]}@example.com"
    response = _post(REGISTER, {"email": address, "password": PASSWORD, "first_name": "Contract"})
    if not response.ok:
        raise RuntimeError(f"registering {address}: {response.status_code} {response.text}")
    token = _login(address, PASSWORD)
    if token is None:
        raise RuntimeError(f"logging in {address} after registering it failed")
    _registered.append(address)
    return token


def _is_live_staff(token: str) -> bool:
    response = _session.get(f"{BASE_URL}{ME}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return response.ok and response.json().get("is_staff") is True and response.json().get("is_active") is True


def staff_token() -> str:
    with _lock:
        token = _login(_staff["email"], STAFF_PASSWORD)
        if token is not None and _is_live_staff(token):
            return token
        # Fuzzing deleted, deactivated, demoted or re-passworded the staff account: make another.
        _staff["email"] = f"contract-staff-{uuid.uuid4().hex[:12]}@example.com"
        subprocess.run(
            [GATEHOUSE_BIN, "createsuperuser", "--email", _staff["email"], "--no-input"],
            env={**os.environ, "GATEHOUSE_SUPERUSER_PASSWORD": STAFF_PASSWORD},
            check=True,
            capture_output=True,
        )
        token = _login(_staff["email"], STAFF_PASSWORD)
        if token is None:
            raise RuntimeError(f"could not log in the new staff account {_staff['email']}")
        return token


def _cache_key(case, context) -> str:
    # One account per operation: an operation that ends its own session or account (logout,
    # deleteMe, …) then only affects itself, and Schemathesis' re-auth gives it a new one.
    return context.operation.label


@schemathesis.auth(cache_by_key=_cache_key, retry_on=[401, 403])
class GatehouseAuth:
    def get(self, case, context) -> dict[str, str] | None:
        definition = context.operation.definition.raw
        if _accepts_bearer(definition):
            token = staff_token() if STAFF_TAG in definition.get("tags", []) else new_user_token()
            return {"Authorization": f"Bearer {token}"}
        headers: dict[str, str] = {}
        schemes = _schemes()
        for requirement in _security(definition):
            for name in requirement:
                scheme = schemes.get(name, {})
                if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                    value = os.environ.get(f"CONTRACT_APIKEY_{name}")
                    if value is None:
                        raise RuntimeError(
                            f"security scheme {name!r} ({scheme.get('name')} header): set "
                            f"CONTRACT_APIKEY_{name} in contract/run.sh so that operations using it "
                            "are tested beyond their 401"
                        )
                    headers[scheme["name"]] = value
        return headers or None

    def set(self, case, data: dict[str, str], context) -> None:
        headers = dict(case.headers or {})
        # A stateful link may already carry the access token of the user it just logged in:
        # keep it, unless it was refused already (then this is the re-auth's replay).
        link_token = str(headers.get("Authorization", ""))
        if "Authorization" in data and _JWT.match(link_token) and link_token not in _refused:
            data = {k: v for k, v in data.items() if k != "Authorization"}
        headers.update(data)
        case.headers = headers


# --- real data for half of the positive cases -------------------------------------------

_TOKEN_IN_LINK = re.compile(r"[?&]token=([A-Za-z0-9_\-]+)")


def _mailed_tokens() -> list[str]:
    tokens = []
    for path in sorted(MAIL_DIR.glob("*.eml"), key=lambda p: p.stat().st_mtime)[-50:]:
        try:
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            text = body.get_content() if body is not None else ""
        except Exception:
            continue
        tokens.extend(_TOKEN_IN_LINK.findall(text))
    return tokens


def _pick(case, choices: list[str]) -> str | None:
    """Half of the time one of `choices`, chosen from the generated data itself (Hypothesis
    must stay in control of randomness, so no `random` here)."""
    digest = int(hashlib.sha256(repr((case.operation.label, case.body)).encode()).hexdigest(), 16)
    if not choices or digest % 2:
        return None
    return choices[(digest // 2) % len(choices)]


@schemathesis.hook
def map_case(context, case):
    """Real values where random ones can only be refused: an e-mailed token for a `token`
    field, a live refresh token for refreshToken, the account's own password for `password` / `current_password` of a bearer-secured
    operation (change password, delete account), the address of an account made by the hooks
    for public operations that take only an `email` (resend verification, password reset,
    which then e-mails a reset token for the `token` case), and an account's e-mail and
    password for the operation that exchanges them for tokens (login)."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or not isinstance(case.body, dict):
        return case
    definition = case.operation.definition.raw
    body = dict(case.body)
    if "token" in body:
        token = _pick(case, _mailed_tokens())
        if token is not None:
            body["token"] = token
    if _accepts_bearer(definition) and STAFF_TAG not in definition.get("tags", []):
        for field in ("password", "current_password"):
            if field in body and _pick(case, [PASSWORD]):
                body[field] = PASSWORD
    if _security(definition) == [] and set(body) == {"email"}:
        address = _pick(case, _registered[-20:])
        if address is not None:
            body["email"] = address
    if _security(definition) == [] and {"email", "password"} <= set(body) and "access_token" in _success_properties(definition)[1]:
        address = _pick(case, _registered[-20:])  # login: an account's own credentials
        if address is not None:
            body["email"], body["password"] = address, PASSWORD
    if _security(definition) == [] and set(body) == {"refresh_token"} and _registered:
        # refreshToken: a live refresh token from a new sign-in of an account the hooks made
        # (random ones are all refused, and the stateful phase reaches refresh only by chance).
        if _pick(case, ["live"]) is not None:
            answer = _login_answer(_registered[-1], PASSWORD)
            if answer is not None and answer.get("refresh_token"):
                body["refresh_token"] = answer["refresh_token"]
    case.body = body
    return case
