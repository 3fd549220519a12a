"""What a Python service does with Gatehouse: generate a client from openapi.yaml
(openapi-python-client, untouched, in generated/) and use it. Run by contract/run.sh against a
live server (file e-mail backend, optional verification):

    CONTRACT_BASE_URL=http://127.0.0.1:8000 CONTRACT_MAIL_DIR=… CONTRACT_SPEC_JSON=spec.json \
    CONTRACT_STAFF_EMAIL=… CONTRACT_STAFF_PASSWORD=… CONTRACT_CRON_SECRET=… \
    python3 -m pytest contract/python/test_flow.py

Every call goes through the generated function of its operationId; the clients raise on a
status the spec does not declare for the operation.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import hashlib
import io
import json
import os
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from gatehouse_client import AuthenticatedClient, Client
from gatehouse_client.api.admin import create_webhook, delete_webhook, list_users
from gatehouse_client.api.auth import login, logout, refresh_token, register, verify_email
from gatehouse_client.api.ops import run_cleanup
from gatehouse_client.api.privacy import create_data_request, download_data_export
from gatehouse_client.api.users import get_me
from gatehouse_client.models import (
    Accepted,
    CleanupReport,
    DataRequest,
    DataRequestCreate,
    DataRequestStatus,
    DataRequestType,
    EmailVerified,
    LoginRequest,
    Problem,
    RefreshRequest,
    RegisterRequest,
    TokenRequest,
    TokenResponse,
    User,
    UserPage,
    WebhookEndpointCreate,
    WebhookEventType,
    WebhookSecret,
)
from gatehouse_client.types import File, Unset
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

PASSWORD = "correct horse battery staple py"
GENERATED = Path(__file__).parent / "generated" / "gatehouse_client"


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        # A failure, not a skip: a walk that did not run must not pass.
        pytest.fail(f"{name} is not set")
    return value


@pytest.fixture(scope="module")
def public() -> Iterator[Client]:
    with Client(base_url=required("CONTRACT_BASE_URL"), raise_on_unexpected_status=True) as client:
        yield client


def bearer(token: str) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=required("CONTRACT_BASE_URL"), token=token, raise_on_unexpected_status=True
    )


def new_address(label: str) -> str:
    return f"py-client-{label}-{uuid.uuid4().hex[:12]}@example.com"


def tokens_of(public: Client, address: str, password: str) -> TokenResponse:
    tokens = login.sync(client=public, body=LoginRequest(email=address, password=password))
    assert isinstance(tokens, TokenResponse), tokens
    return tokens


def mailed_word(address: str, matches: Callable[[str], str | None], what: str, timeout: float = 10.0) -> str:
    """The first word of the newest e-mail to `address` (file backend) for which `matches`
    gives a value, that value. The body is quoted-printable: the e-mail parser decodes it
    (`=3D`, soft line breaks)."""
    mail_dir = Path(required("CONTRACT_MAIL_DIR"))
    deadline = time.monotonic() + timeout
    while True:  # the workers deliver after the commit, not before the answer
        mails = sorted(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in mails:
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if address.lower() not in str(message["To"]).lower():
                continue
            body = message.get_body(preferencelist=("plain",))
            assert isinstance(body, email.message.EmailMessage), f"{path}: no text part"
            for word in str(body.get_content()).split():
                found = matches(word)
                if found:
                    return found
        if time.monotonic() > deadline:
            pytest.fail(f"no e-mail to {address} with {what} in {mail_dir} after {timeout} s")
        time.sleep(0.05)


def mailed_token(address: str) -> str:
    """The `token` of the verification link e-mailed to `address`."""

    def verification_token(word: str) -> str | None:
        tokens = parse_qs(urlsplit(word).query).get("token")
        return tokens[0] if "/verify-email" in word and tokens else None

    return mailed_word(address, verification_token, "a verification link")


def registered_tokens(public: Client, label: str) -> tuple[str, TokenResponse]:
    """A new, verified account's address and its tokens."""
    address = new_address(label)
    register.sync(client=public, body=RegisterRequest(email=address, password=PASSWORD))
    verified = verify_email.sync(client=public, body=TokenRequest(token=mailed_token(address)))
    assert isinstance(verified, EmailVerified), verified
    return address, tokens_of(public, address, PASSWORD)


def test_every_operation_has_its_function() -> None:
    spec = json.loads(Path(required("CONTRACT_SPEC_JSON")).read_text())
    missing = []
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            # openapi-python-client: api/<first tag>/<operationId in snake_case>.py
            name = "".join(f"_{c.lower()}" if c.isupper() else c for c in operation["operationId"])
            if not (GENERATED / "api" / operation["tags"][0] / f"{name}.py").is_file():
                missing.append(operation["operationId"])
    assert not missing, f"no generated function for {missing}"


def test_account_walk(public: Client) -> None:
    address = new_address("walk")
    accepted = register.sync(
        client=public, body=RegisterRequest(email=address, password=PASSWORD, first_name="Ada")
    )
    assert isinstance(accepted, Accepted) and accepted.detail, accepted

    verified = verify_email.sync(client=public, body=TokenRequest(token=mailed_token(address)))
    assert isinstance(verified, EmailVerified), verified
    assert verified.email == address

    tokens = tokens_of(public, address, PASSWORD)
    assert tokens.token_type == "Bearer"
    assert isinstance(tokens.refresh_token, str), "a refresh token in the body (cookie mode is off)"

    with bearer(tokens.access_token) as client:
        me = get_me.sync(client=client)
    assert isinstance(me, User), me
    assert (me.email, me.first_name, me.email_verified) == (address, "Ada", True)

    rotated = refresh_token.sync(
        client=public, body=RefreshRequest(refresh_token=tokens.refresh_token)
    )
    assert isinstance(rotated, TokenResponse), rotated
    assert isinstance(rotated.refresh_token, str) and rotated.refresh_token != tokens.refresh_token

    with bearer(rotated.access_token) as client:
        again = get_me.sync(client=client)
        assert isinstance(again, User) and again.id == me.id, again
        assert logout.sync_detailed(client=client).status_code == 204
        revoked = get_me.sync(client=client)
    assert isinstance(revoked, Problem) and revoked.status == 401, revoked

    spent = refresh_token.sync(
        client=public, body=RefreshRequest(refresh_token=rotated.refresh_token)
    )
    assert isinstance(spent, Problem), spent
    assert spent.status == 401


def test_wrong_password_is_a_typed_problem(public: Client) -> None:
    address = new_address("wrong")
    register.sync(client=public, body=RegisterRequest(email=address, password=PASSWORD))
    response = login.sync_detailed(
        client=public, body=LoginRequest(email=address, password="not the password")
    )
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.parsed
    assert isinstance(problem, Problem), problem
    assert (problem.status, problem.code) == (401, "invalid_credentials")
    assert problem.title and not isinstance(problem.request_id, Unset)


def test_staff_lists_users(public: Client) -> None:
    address = new_address("listed")
    register.sync(client=public, body=RegisterRequest(email=address, password=PASSWORD))
    staff = tokens_of(public, required("CONTRACT_STAFF_EMAIL"), required("CONTRACT_STAFF_PASSWORD"))
    with bearer(staff.access_token) as client:
        page = list_users.sync(client=client, q=address, limit=10)
    assert isinstance(page, UserPage), page
    assert [user.email for user in page.items] == [address]


def test_cron_cleanup() -> None:
    # The spec's `cronSecret` scheme is an API key in the X-Cron-Secret header; the generated
    # client has no notion of it, but its AuthenticatedClient can send the token in any header.
    with AuthenticatedClient(
        base_url=required("CONTRACT_BASE_URL"),
        token=required("CONTRACT_CRON_SECRET"),
        auth_header_name="X-Cron-Secret",
        prefix="",
        raise_on_unexpected_status=True,
    ) as cron:
        report = run_cleanup.sync(client=cron)
        assert isinstance(report, CleanupReport), report
        assert report.total >= 0

    with AuthenticatedClient(
        base_url=required("CONTRACT_BASE_URL"),
        token="not the secret",
        auth_header_name="X-Cron-Secret",
        prefix="",
        raise_on_unexpected_status=True,
    ) as wrong:
        refused = run_cleanup.sync(client=wrong)
    assert isinstance(refused, Problem) and (refused.status, refused.code) == (401, "unauthorized")


def test_data_export_downloads_once_as_its_manifest_says(public: Client) -> None:
    address, tokens = registered_tokens(public, "export")
    with bearer(tokens.access_token) as client:
        request = create_data_request.sync(
            client=client, body=DataRequestCreate(type_=DataRequestType.EXPORT)
        )
    assert isinstance(request, DataRequest), request
    assert request.status == DataRequestStatus.PENDING

    download_path = "/api/v1/data-exports/"
    token = mailed_word(
        address,
        lambda word: word.rsplit("/", 1)[1] if download_path in word else None,
        "a data export link",
        timeout=30.0,
    )
    response = download_data_export.sync_detailed(client=public, token=token)
    assert response.status_code == 200, response
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"].startswith('attachment; filename="gatehouse-export-')
    archive = response.parsed
    assert isinstance(archive, File), archive
    with zipfile.ZipFile(io.BytesIO(archive.payload.read())) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
        assert manifest["format_version"] == 1
        listed = {entry["name"]: entry for entry in manifest["files"]}
        assert set(listed) | {"manifest.json"} == set(bundle.namelist())
        for name, entry in listed.items():
            data = bundle.read(name)
            assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"]), name
        assert json.loads(bundle.read("profile.json"))["email"] == address

    spent = download_data_export.sync(client=public, token=token)
    assert isinstance(spent, Problem) and (spent.status, spent.code) == (400, "invalid_token"), spent


class Receiver(BaseHTTPRequestHandler):
    """A webhook endpoint that answers its first request 503 and records the others."""

    failures_left = 1
    received: list[tuple[bytes, dict[str, str]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if Receiver.failures_left > 0:
            Receiver.failures_left -= 1
            self.send_response(503)
        else:
            Receiver.received.append((body, dict(self.headers.items())))
            self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_webhooks_are_signed_as_the_standardwebhooks_library_verifies(public: Client) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    staff = tokens_of(public, required("CONTRACT_STAFF_EMAIL"), required("CONTRACT_STAFF_PASSWORD"))
    with bearer(staff.access_token) as client:
        created = create_webhook.sync(
            client=client,
            body=WebhookEndpointCreate(
                url=f"http://127.0.0.1:{server.server_address[1]}/hook",
                events=[WebhookEventType.USER_CREATED],
            ),
        )
        assert isinstance(created, WebhookSecret), created
        try:
            address = new_address("hooked")
            register.sync(client=public, body=RegisterRequest(email=address, password=PASSWORD))
            deadline = time.monotonic() + 30
            while not any(address.encode() in body for body, _ in Receiver.received):
                assert time.monotonic() < deadline, "no user.created webhook within 30 s"
                time.sleep(0.05)
        finally:
            server.shutdown()
            delete_webhook.sync_detailed(client=client, id=created.endpoint.id)

    body, headers = next((b, h) for b, h in Receiver.received if address.encode() in b)
    event = Webhook(created.secret).verify(body, headers)
    assert event["type"] == "user.created"
    assert event["data"]["email"] == address
    assert Receiver.failures_left == 0, "the first attempt was refused and retried"
    with pytest.raises(WebhookVerificationError):
        Webhook(created.secret).verify(body.replace(b"user.created", b"user.deleted"), headers)
    with pytest.raises(WebhookVerificationError):
        stale = dict(headers, **{"webhook-timestamp": str(int(time.time()) - 3600)})
        Webhook(created.secret).verify(body, stale)
