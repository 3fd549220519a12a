#!/usr/bin/env python3
"""Fault-injected soak of Gatehouse's multi-instance shape (`just soak`, issue 20).

Everything runs on 127.0.0.1 on free ports, private to this run: a PostgreSQL cluster
(`initdb` + `pg_ctl`, as the `postgres` user when we are root), a `redis-server`, an SMTP
sink in this process, two `gatehouse serve` instances and nginx balancing them. Virtual users
drive a mixed load through nginx (register -> verify from the e-mail -> login -> me ->
refresh -> e-mailed code login -> password reset from the e-mailed link -> logout -> login)
while faults are injected one after the other, each followed by a settle phase:

  kill-instance  kill -9 one instance, restart it (same port) after a pause
  pg-restart     pg_ctl restart -m fast on the private cluster
  redis-down     stop Redis, start it again after a pause
  smtp-down      stop the SMTP sink (port closed), start it again after a pause

Then it waits (bounded) for the outbox to drain, prints one line per phase (requests, errors
by status, p50/p99 latency, recovery time after the fault) and the invariants, each PASS or
FAIL, and exits 1 when any fails. Logs and the summary go to ops/soak/artifacts/<timestamp>/.
Standard library only. Every process it starts is stopped by PID at the end, also on failure
or Ctrl-C; the machine's shared PostgreSQL (5432) and Redis (6379) are never touched.

    ops/soak/soak.py --binary target/release/gatehouse --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import collections
import dataclasses
import email
import email.policy
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
API = "/api/v1"
GRACE_DEFAULT = 5.0  # seconds after a fault's end during which 5xx are still tolerated
MAIL_WAIT = 15.0  # how long a virtual user waits for an e-mail before giving the flow up
RETRY_BUDGET = 120.0  # how long one request is retried on 502/503/504/connection errors
RETRYABLE = {0, 502, 503, 504}  # 0 = connection error / timeout

# Subjects of the built-in templates (server/templates/email/*.subject.txt) -> template kind.
SUBJECT_KINDS = [
    ("Confirm your e-mail address", "verify_email"),
    ("Someone tried to create an account", "account_exists"),
    ("Sign-in to your account was paused", "account_locked"),
    ("Your sign-in code", "login_code"),
    ("Your login code", "two_step_code"),
    ("Your password was changed", "password_changed"),
    ("Reset your password", "password_reset"),
]


def log(message: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def is_root() -> bool:
    return os.geteuid() == 0


class Cleanup:
    """Stop actions, run once in reverse order (finally, atexit, SIGTERM)."""

    def __init__(self) -> None:
        self.actions: list[tuple[str, object]] = []
        self.lock = threading.Lock()
        self.done = False

    def push(self, name: str, action) -> None:
        with self.lock:
            self.actions.append((name, action))

    def run(self) -> None:
        with self.lock:
            if self.done:
                return
            self.done = True
            actions = list(reversed(self.actions))
        for name, action in actions:
            try:
                action()
            except Exception as e:  # noqa: BLE001 - keep stopping the others
                log(f"cleanup of {name} failed: {e}")


CLEANUP = Cleanup()


def stop_process(proc: subprocess.Popen | None, name: str, timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL, by PID."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        log(f"{name} (pid {proc.pid}) ignored SIGTERM; SIGKILL")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


# --------------------------------------------------------------------------------------------
# PostgreSQL, Redis, nginx, Gatehouse
# --------------------------------------------------------------------------------------------


def pg_bin_dir() -> Path:
    candidates = []
    for p in os.environ.get("PATH", "").split(os.pathsep):
        candidates.append(Path(p))
    lib = Path("/usr/lib/postgresql")
    if lib.is_dir():
        candidates += sorted((v / "bin" for v in lib.iterdir()), reverse=True)
    for d in candidates:
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file():
            return d.resolve()
    sys.exit("soak: initdb and pg_ctl not found (install PostgreSQL server binaries)")


class PrivatePostgres:
    def __init__(self, artifacts: Path) -> None:
        self.bin = pg_bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="gatehouse-soak-pg-"))
        self.data = self.dir / "data"
        self.logfile = self.dir / "server.log"
        self.artifacts = artifacts
        self.port = free_port()
        self.as_postgres = is_root()
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")

    def cmd(self, program: str, *args: str) -> list[str]:
        path = str(self.bin / program)
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return prefix + [path, *args]

    def options(self) -> str:
        return (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.dir}"
            " -c fsync=off -c max_connections=200"
        )

    def run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(
            self.cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            timeout=timeout, check=check, start_new_session=True,
        )

    def start(self) -> None:
        self.run("initdb", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "-D", str(self.data))
        CLEANUP.push("postgres", self.stop)
        self.run("pg_ctl", "start", "-w", "-t", "30", "-o", self.options(), "-l", str(self.logfile),
                 "-D", str(self.data))
        if not wait_port(self.port, 15):
            raise RuntimeError("private PostgreSQL did not listen")
        self.psql("CREATE DATABASE gatehouse", db="postgres")

    def restart(self) -> None:
        self.run("pg_ctl", "restart", "-m", "fast", "-w", "-t", "30", "-o", self.options(), "-l",
                 str(self.logfile), "-D", str(self.data))

    def pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        pid = self.pid()
        if pid is not None:
            result = self.run("pg_ctl", "stop", "-m", "fast", "-w", "-t", "20", "-D", str(self.data), check=False)
            if result.returncode != 0:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        try:
            shutil.copy(self.logfile, self.artifacts / "postgres.log")
        except OSError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/gatehouse?sslmode=disable"

    def psql(self, sql: str, db: str = "gatehouse") -> list[list[str]]:
        out = subprocess.run(
            ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
             "-U", "postgres", "-d", db, "-c", sql],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30,
            env={**os.environ, "PGCONNECT_TIMEOUT": "5"},
        )
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}")
        return [line.split("|") for line in out.stdout.splitlines() if line]


class PrivateRedis:
    def __init__(self, artifacts: Path) -> None:
        self.port = free_port()
        self.logpath = artifacts / "redis.log"
        self.proc: subprocess.Popen | None = None
        self.binary = shutil.which("redis-server") or sys.exit("soak: redis-server not found")
        CLEANUP.push("redis", self.stop)

    def start(self) -> None:
        logf = open(self.logpath, "ab")
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
        logf.close()
        deadline = time.monotonic() + 10
        while not self.ping():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("private Redis did not start; see redis.log")
            time.sleep(0.05)

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        stop_process(self.proc, "redis-server")

    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"


class Instance:
    def __init__(self, name: str, binary: str, port: int, env: dict, artifacts: Path, workdir: Path) -> None:
        self.name, self.binary, self.port, self.env = name, binary, port, env
        self.logpath = artifacts / f"{name}.log"
        self.workdir = workdir
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        CLEANUP.push(name, self.stop)

    def start(self) -> None:
        self.starts += 1
        with open(self.logpath, "ab") as logf:
            logf.write(f'{{"soak":"start #{self.starts} of {self.name} on port {self.port}"}}\n'.encode())
            logf.flush()
            self.proc = subprocess.Popen(
                [self.binary, "serve"], env=self.env, cwd=self.workdir, stdout=logf, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )

    def ready(self) -> bool:
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            c.request("GET", "/readyz")
            r = c.getresponse()
            r.read()
            c.close()
            return r.status == 200
        except (OSError, http.client.HTTPException):
            return False

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self.ready():
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.logpath}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} not ready after {timeout} s; see {self.logpath}")
            time.sleep(0.1)

    def kill9(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        stop_process(self.proc, self.name)

    def memory(self) -> dict:
        out = {}
        if self.proc is None or self.proc.poll() is not None:
            return out
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    out[key] = int(value.split()[0])  # kB
        except OSError:
            pass
        return out


NGINX_CONF = """\
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {artifacts}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream gatehouse {{
        server 127.0.0.1:{p1} max_fails=1 fail_timeout=2s;
        server 127.0.0.1:{p2} max_fails=1 fail_timeout=2s;
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://gatehouse;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            proxy_connect_timeout 2s;
            proxy_read_timeout 40s;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, artifacts: Path, p1: int, p2: int) -> None:
        self.binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
        if not self.binary:
            sys.exit("soak: nginx not found (ops/soak/run.sh installs it)")
        self.tmp = Path(tempfile.mkdtemp(prefix="gatehouse-soak-nginx-"))
        self.port = free_port()
        self.artifacts = artifacts
        self.conf = self.tmp / "nginx.conf"
        self.conf.write_text(NGINX_CONF.format(
            user="user root;" if is_root() else "", tmp=self.tmp, artifacts=artifacts, p1=p1, p2=p2,
            port=self.port))
        shutil.copy(self.conf, artifacts / "nginx.conf")
        self.proc: subprocess.Popen | None = None
        CLEANUP.push("nginx", self.stop)

    def start(self) -> None:
        with open(self.artifacts / "nginx.out", "ab") as out:
            self.proc = subprocess.Popen(
                [self.binary, "-c", str(self.conf), "-p", f"{self.tmp}/", "-e", str(self.artifacts / "nginx-error.log"),
                 "-g", "daemon off;"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )
        if not wait_port(self.port, 10):
            raise RuntimeError("nginx did not listen; see nginx-error.log / nginx.out")

    def stop(self) -> None:
        stop_process(self.proc, "nginx")
        shutil.rmtree(self.tmp, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# SMTP sink
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Mail:
    seq: int
    t: float
    rcpt: list
    subject: str
    kind: str
    text: str
    token: str | None
    code: str | None
    message_id: str  # Gatehouse sends Message-ID <outbox row id@domain>


def parse_mail(seq: int, rcpt: list, data: bytes) -> Mail:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(msg.get("Subject", ""))
    kind = next((k for s, k in SUBJECT_KINDS if s in subject), "unknown")
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    token = re.search(r"[?&]token=([A-Za-z0-9_\-.~%]+)", text)
    code = re.search(r"^\s*(\d{6})\s*$", text, re.M)
    message_id = str(msg.get("Message-ID", "")).strip().strip("<>").split("@")[0]
    return Mail(seq, time.monotonic(), [r.lower() for r in rcpt], subject, kind, text,
                token.group(1) if token else None, code.group(1) if code else None, message_id)


class SmtpSink:
    """A small asyncio SMTP server (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS) in its
    own thread. `stop()` closes the listener and every open connection (port refused);
    `start()` listens again on the same port."""

    def __init__(self, drop_every: int = 0) -> None:
        self.port = free_port()
        self.mails: list[Mail] = []
        self.cond = threading.Condition()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="smtp-sink", daemon=True)
        self.thread.start()
        self.server: asyncio.base_events.Server | None = None
        self.writers: set = set()
        self.accepted = 0
        self.drop_every = drop_every  # sabotage: silently lose every n-th accepted message
        CLEANUP.push("smtp sink", self.shutdown)

    def _call(self, coro, timeout: float = 10):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def start(self) -> None:
        self._call(self._start())

    def stop(self) -> None:
        self._call(self._stop())

    def shutdown(self) -> None:
        if self.loop.is_running():
            try:
                self._call(self._stop())
            finally:
                self.loop.call_soon_threadsafe(self.loop.stop)

    async def _start(self) -> None:
        deadline = time.monotonic() + 5
        while True:
            try:
                self.server = await asyncio.start_server(
                    self._session, "127.0.0.1", self.port, reuse_address=True, limit=1 << 20)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.05)

    async def _stop(self) -> None:
        if self.server is None:
            return
        self.server.close()
        for w in list(self.writers):
            w.transport.abort()
        await self.server.wait_closed()
        self.server = None

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        greeted, mail_from, rcpts = False, None, []

        async def say(line: str) -> None:
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        try:
            await say("220 soak-smtp-sink ESMTP ready")
            while True:
                raw = await reader.readline()
                if not raw:
                    return
                line = raw.rstrip(b"\r\n").decode("utf-8", "replace")
                verb, _, arg = line.partition(" ")
                verb = verb.upper()
                if verb in ("EHLO", "HELO"):
                    greeted, mail_from, rcpts = True, None, []
                    if verb == "EHLO":
                        writer.write(b"250-soak-smtp-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n")
                        await writer.drain()
                    else:
                        await say("250 soak-smtp-sink")
                elif verb == "MAIL":
                    if not greeted:
                        await say("503 5.5.1 send EHLO first")
                    else:
                        m = re.match(r"(?i)FROM:\s*<([^>]*)>", arg)
                        mail_from, rcpts = (m.group(1) if m else ""), []
                        await say("250 2.1.0 OK" if m else "501 5.5.4 syntax")
                elif verb == "RCPT":
                    m = re.match(r"(?i)TO:\s*<([^>]+)>", arg)
                    if mail_from is None:
                        await say("503 5.5.1 need MAIL")
                    elif not m:
                        await say("501 5.5.4 syntax")
                    else:
                        rcpts.append(m.group(1))
                        await say("250 2.1.5 OK")
                elif verb == "DATA":
                    if mail_from is None or not rcpts:
                        await say("503 5.5.1 need MAIL and RCPT")
                        continue
                    await say("354 end data with <CR><LF>.<CR><LF>")
                    chunks = []
                    while True:
                        raw = await reader.readline()
                        if not raw:
                            return  # connection closed mid-message: nothing accepted
                        if raw in (b".\r\n", b".\n"):
                            break
                        chunks.append(raw[1:] if raw.startswith(b".") else raw)
                    self._deliver(list(rcpts), b"".join(chunks))
                    mail_from, rcpts = None, []
                    await say("250 2.0.0 queued")
                elif verb == "RSET":
                    mail_from, rcpts = None, []
                    await say("250 2.0.0 OK")
                elif verb == "NOOP":
                    await say("250 2.0.0 OK")
                elif verb == "QUIT":
                    await say("221 2.0.0 bye")
                    return
                else:
                    await say("502 5.5.2 command not recognized")
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            return
        finally:
            self.writers.discard(writer)
            writer.close()

    def _deliver(self, rcpts: list, data: bytes) -> None:
        self.accepted += 1
        if self.drop_every and self.accepted % self.drop_every == 0:
            return
        with self.cond:
            mail = parse_mail(len(self.mails) + 1, rcpts, data)
            self.mails.append(mail)
            self.cond.notify_all()

    def seq(self) -> int:
        with self.cond:
            return len(self.mails)

    def wait_for(self, rcpt: str, kind: str, after: int, timeout: float, stop: threading.Event) -> Mail | None:
        """The newest mail of `kind` to `rcpt` accepted after sequence number `after`."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                found = [m for m in self.mails[after:] if m.kind == kind and rcpt in m.rcpt]
                if found:
                    return found[-1]
                left = deadline - time.monotonic()
                if left <= 0 or stop.is_set():
                    return None
                self.cond.wait(min(left, 0.5))

    def snapshot(self) -> list[Mail]:
        with self.cond:
            return list(self.mails)


# --------------------------------------------------------------------------------------------
# Load: virtual users
# --------------------------------------------------------------------------------------------


class Abort(Exception):
    """The run is over (or a request stayed unavailable too long): leave the flow."""


@dataclasses.dataclass
class Resp:
    status: int
    body: object
    attempts: int
    retried_5xx: bool
    headers: dict

    @property
    def code(self) -> str | None:
        return self.body.get("code") if isinstance(self.body, dict) else None


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple] = []  # (t0, t1, op, status, vu, problem code)
        self.expected: collections.Counter = collections.Counter()  # (address, kind) -> promised
        self.registered: set = set()  # 202 to a fresh address
        self.attempted: set = set()  # every address sent to register
        self.refresh_401: list[dict] = []
        self.session_lost: list[dict] = []
        self.anomalies: collections.Counter = collections.Counter()
        self.flows: collections.Counter = collections.Counter()
        self.exceptions: list[str] = []

    def promise(self, address: str, kind: str) -> None:
        with self.lock:
            self.expected[(address, kind)] += 1

    def anomaly(self, name: str) -> None:
        with self.lock:
            self.anomalies[name] += 1

    def flow(self, name: str) -> None:
        with self.lock:
            self.flows[name] += 1


class Client:
    def __init__(self, port: int, stats: Stats, vu: int, load_stop: threading.Event, hard_stop: threading.Event):
        self.port, self.stats, self.vu = port, stats, vu
        self.load_stop, self.hard_stop = load_stop, hard_stop
        self.conn: http.client.HTTPConnection | None = None

    def _once(self, method: str, path: str, payload: bytes | None, headers: dict):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=45)
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            r = self.conn.getresponse()
            data = r.read()
            hdrs = {k.lower(): v for k, v in r.getheaders()}
            if r.getheader("connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            try:
                body = json.loads(data) if data else None
            except ValueError:
                body = data[:200].decode("utf-8", "replace")
            return r.status, body, hdrs
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            return 0, None, {}

    def call(self, op: str, method: str, path: str, body: dict | None = None, token: str | None = None) -> Resp:
        headers = {"Accept": "application/json", "User-Agent": f"gatehouse-soak/vu{self.vu}"}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        first = time.monotonic()
        attempt, retried = 0, False
        while True:
            if self.hard_stop.is_set():
                raise Abort()
            attempt += 1
            t0 = time.monotonic()
            status, data, hdrs = self._once(method, path, payload, headers)
            t1 = time.monotonic()
            code = data.get("code") if isinstance(data, dict) else None
            self.stats.requests.append((t0, t1, op, status, self.vu, code))
            if status not in RETRYABLE:
                return Resp(status, data, attempt, retried, hdrs)
            retried = True
            if self.load_stop.is_set() or t1 - first > RETRY_BUDGET:
                raise Abort()
            delay = min(2.0, 0.1 * 2 ** min(attempt - 1, 5))
            try:
                delay = min(delay, float(hdrs.get("retry-after", delay)))
            except ValueError:
                pass
            time.sleep(delay * random.uniform(0.8, 1.2))


@dataclasses.dataclass
class User:
    email: str
    password: str
    access: str | None = None
    refresh: str | None = None
    issued: float = 0.0


def new_password() -> str:
    return "soak " + secrets.token_urlsafe(12)


class VirtualUser(threading.Thread):
    def __init__(self, vu: int, run_id: str, port: int, sink: SmtpSink, stats: Stats, phase_of,
                 load_stop: threading.Event, hard_stop: threading.Event, sabotage: set):
        super().__init__(name=f"vu{vu}", daemon=True)
        self.vu, self.run_id, self.sink, self.stats, self.phase_of = vu, run_id, sink, stats, phase_of
        self.load_stop, self.hard_stop = load_stop, hard_stop
        self.http = Client(port, stats, vu, load_stop, hard_stop)
        self.sabotage = sabotage
        self.n = 0

    def run(self) -> None:
        while not self.load_stop.is_set():
            try:
                user = self.register()
                if user is None:
                    time.sleep(0.2)  # no tight loop when registrations keep failing
                    continue
                for _ in range(4):
                    if self.load_stop.is_set():
                        break
                    self.cycle(user)
            except Abort:
                pass
            except Exception:  # noqa: BLE001 - a bug in the driver must not end the run silently
                with self.stats.lock:
                    self.stats.exceptions.append(traceback.format_exc())
                self.stats.anomaly("driver_exception")
                time.sleep(0.5)

    # -- helpers ------------------------------------------------------------------------------

    def wait_mail(self, user: User, kind: str, after: int, timeout: float = MAIL_WAIT) -> Mail | None:
        return self.sink.wait_for(user.email, kind, after, timeout, self.load_stop)

    def take_tokens(self, user: User, r: Resp) -> None:
        user.access, user.refresh, user.issued = r.body["access_token"], r.body["refresh_token"], time.monotonic()

    def fail_session(self, user: User, what: str, r: Resp) -> None:
        record = {"vu": self.vu, "email": user.email, "op": what, "status": r.status, "code": r.code,
                  "retried_after_5xx": r.retried_5xx, "t": time.monotonic(), "phase": self.phase_of(time.monotonic())}
        with self.stats.lock:
            (self.stats.refresh_401 if what == "refresh" else self.stats.session_lost).append(record)

    def login(self, user: User) -> bool:
        r = self.http.call("login", "POST", f"{API}/auth/login", {"email": user.email, "password": user.password})
        if r.status == 200:
            self.take_tokens(user, r)
            return True
        self.stats.anomaly(f"login_{r.status}_{r.code}")
        return False

    # -- flows --------------------------------------------------------------------------------

    def register(self) -> User | None:
        self.n += 1
        user = User(f"soak-{self.run_id}-v{self.vu}-{self.n}@example.com", new_password())
        with self.stats.lock:
            self.stats.attempted.add(user.email)
        marker = self.sink.seq()
        r = self.http.call("register", "POST", f"{API}/auth/register",
                           {"email": user.email, "password": user.password, "first_name": f"Soak{self.vu}"})
        if r.status != 202:
            self.stats.anomaly(f"register_{r.status}_{r.code}")
            return None
        with self.stats.lock:
            self.stats.registered.add(user.email)
        self.stats.promise(user.email, "verify_email")
        mail = self.wait_mail(user, "verify_email", marker)
        if mail is None or not mail.token:
            self.stats.anomaly("verify_mail_not_in_time")
            return None
        r = self.http.call("verify_email", "POST", f"{API}/auth/email/verify", {"token": mail.token})
        if r.status != 200:
            self.stats.anomaly(f"verify_{r.status}_{r.code}")
            return None
        self.stats.flow("registered_and_verified")
        return user if self.login(user) else None

    def ensure_session(self, user: User) -> bool:
        return user.access is not None or self.login(user)

    def cycle(self, user: User) -> None:
        if not self.ensure_session(user):
            return
        if time.monotonic() - user.issued > 240:  # access tokens live 300 s
            self.refresh(user)
        self.me(user)
        self.refresh(user)
        self.me(user)
        self.otp_login(user)
        self.password_reset(user)
        self.logout_login(user)

    def me(self, user: User) -> None:
        if not self.ensure_session(user):
            return
        r = self.http.call("me", "GET", f"{API}/users/me", token=user.access)
        if r.status == 401:
            self.fail_session(user, "me", r)
            user.access = user.refresh = None
        elif r.status != 200:
            self.stats.anomaly(f"me_{r.status}_{r.code}")

    def refresh(self, user: User) -> None:
        if not self.ensure_session(user):
            return
        if "refresh-reuse" in self.sabotage and self.vu == 0 and user.refresh and random.random() < 0.3:
            spent = user.refresh  # sabotage: replay a spent token after the grace period
            r = self.http.call("refresh", "POST", f"{API}/auth/token/refresh", {"refresh_token": spent})
            if r.status == 200:
                self.take_tokens(user, r)
                time.sleep(11)
                r = self.http.call("refresh", "POST", f"{API}/auth/token/refresh", {"refresh_token": spent})
                if r.status == 401:
                    self.fail_session(user, "refresh", r)
                    user.access = user.refresh = None
                return
        r = self.http.call("refresh", "POST", f"{API}/auth/token/refresh", {"refresh_token": user.refresh})
        if r.status == 200:
            self.take_tokens(user, r)
            self.stats.flow("refreshed")
        elif r.status == 401:
            self.fail_session(user, "refresh", r)
            user.access = user.refresh = None
        else:
            self.stats.anomaly(f"refresh_{r.status}_{r.code}")

    def otp_login(self, user: User) -> None:
        marker = self.sink.seq()
        r = self.http.call("otp_request", "POST", f"{API}/auth/otp/request", {"email": user.email})
        if r.status != 202:
            self.stats.anomaly(f"otp_request_{r.status}_{r.code}")
            return
        self.stats.promise(user.email, "login_code")
        mail = self.wait_mail(user, "login_code", marker)
        if mail is None or not mail.code:
            self.stats.anomaly("login_code_not_in_time")
            return
        for _ in range(3):
            r = self.http.call("otp_verify", "POST", f"{API}/auth/otp/verify", {"email": user.email, "code": mail.code})
            if r.status != 400:
                break
            # An older request's code arrived last (or a retried verify spent it): use a newer one.
            newer = self.wait_mail(user, "login_code", mail.seq, timeout=5)
            if newer is None:
                break
            mail = newer
        if r.status != 200:
            self.stats.anomaly(f"otp_verify_{r.status}_{r.code}")
            return
        self.stats.flow("otp_login")
        second = User(user.email, user.password)
        self.take_tokens(second, r)
        r = self.http.call("me", "GET", f"{API}/users/me", token=second.access)
        if r.status == 401:
            self.fail_session(second, "me", r)
            return
        r = self.http.call("logout", "POST", f"{API}/auth/logout", token=second.access)
        if r.status == 401 and not r.retried_5xx:
            self.fail_session(second, "logout", r)

    def password_reset(self, user: User) -> None:
        marker = self.sink.seq()
        r = self.http.call("reset_request", "POST", f"{API}/auth/password/reset", {"email": user.email})
        if r.status != 202:
            self.stats.anomaly(f"reset_request_{r.status}_{r.code}")
            return
        self.stats.promise(user.email, "password_reset")
        mail = self.wait_mail(user, "password_reset", marker)
        if mail is None or not mail.token:
            self.stats.anomaly("reset_mail_not_in_time")
            return
        password = new_password()
        for _ in range(3):
            r = self.http.call("reset_confirm", "POST", f"{API}/auth/password/reset/confirm",
                               {"token": mail.token, "new_password": password})
            if r.status != 400 or r.retried_5xx:
                break
            newer = self.wait_mail(user, "password_reset", mail.seq, timeout=5)
            if newer is None:
                break
            mail = newer
        if r.status == 204:
            self.stats.promise(user.email, "password_changed")
            self.stats.flow("password_reset")
            user.password = password
        elif r.status == 400 and r.retried_5xx:
            # The first attempt may have committed before its connection broke: which password works?
            self.stats.anomaly("reset_confirm_outcome_unknown")
            old = user.password
            user.password = password
            if self.login(user):
                return
            user.password = old
        else:
            self.stats.anomaly(f"reset_confirm_{r.status}_{r.code}")
        user.access = user.refresh = None  # a reset ends every session
        self.login(user)

    def logout_login(self, user: User) -> None:
        if not self.ensure_session(user):
            return
        r = self.http.call("logout", "POST", f"{API}/auth/logout", token=user.access)
        if r.status == 401 and not r.retried_5xx:
            self.fail_session(user, "logout", r)
        elif r.status not in (204, 401):
            self.stats.anomaly(f"logout_{r.status}_{r.code}")
        user.access = user.refresh = None
        if self.login(user):
            self.stats.flow("logout_login")


# --------------------------------------------------------------------------------------------
# Orchestration
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Phase:
    name: str
    start: float
    end: float = 0.0
    fault: bool = False
    note: str = ""


def percentile(values: list, p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


class Soak:
    def __init__(self, args) -> None:
        self.args = args
        self.sabotage = set(args.sabotage or [])
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.artifacts = (Path(args.artifacts) if args.artifacts else HERE / "artifacts") / stamp
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.run_id = secrets.token_hex(3)
        self.stats = Stats()
        self.phases: list[Phase] = []
        self.load_stop = threading.Event()
        self.hard_stop = threading.Event()
        self.events: list[tuple[float, str]] = []
        self.t0 = time.monotonic()

    def event(self, text: str) -> None:
        self.events.append((time.monotonic(), text))
        log(text)

    def phase_of(self, t: float) -> str:
        for p in reversed(self.phases):
            if t >= p.start:
                return p.name
        return "setup"

    # -- set-up -------------------------------------------------------------------------------

    def setup(self) -> None:
        binary = str(Path(self.args.binary).resolve())
        if not os.access(binary, os.X_OK):
            sys.exit(f"soak: {binary} is not an executable (build it: cargo build --release -p gatehouse)")
        log(f"artifacts: {self.artifacts}")
        self.pg = PrivatePostgres(self.artifacts)
        self.pg.start()
        log(f"private PostgreSQL on 127.0.0.1:{self.pg.port} ({self.pg.dir})")
        self.redis = PrivateRedis(self.artifacts)
        self.redis.start()
        log(f"private Redis on 127.0.0.1:{self.redis.port}")
        self.sink = SmtpSink(drop_every=7 if "lose-mail" in self.sabotage else 0)
        self.sink.start()
        log(f"SMTP sink on 127.0.0.1:{self.sink.port}")
        self.workdir = Path(tempfile.mkdtemp(prefix="gatehouse-soak-run-"))
        CLEANUP.push("workdir", lambda: shutil.rmtree(self.workdir, ignore_errors=True))
        ports = [free_port(), free_port()]
        while ports[1] == ports[0]:
            ports[1] = free_port()
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8",
            "RUST_LOG": "info",
            "RUST_BACKTRACE": "1",
            "LOG_FORMAT": "json",
            "HOST": "127.0.0.1",
            "DATABASE_URL": self.pg.url(),
            "REDIS_URL": self.redis.url(),
            "SECRET_KEY": secrets.token_urlsafe(48),
            "AUTO_MIGRATE": "off",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "TRUSTED_PROXIES": "127.0.0.1",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.sink.port),
            "EMAIL_USE_TLS": "off",
            "EMAIL_USE_SSL": "off",
            "EMAIL_TIMEOUT": "5",
            "EMAIL_RETRY_DELAY": "2",
            "EMAIL_RESEND_COOLDOWN": "0",
            "DEFAULT_FROM_EMAIL": "Gatehouse soak <soak@example.com>",
            "RATE_LIMITS": "off",
            "LOCKOUT_THRESHOLD": "0",
            "OTP_RESEND_COOLDOWN": "0",
            "OTP_SEND_LIMIT": "10000",
            "CLEANUP_INTERVAL": "0",
            # No outside calls (the offline breached-password list still applies).
            "PWNED_PASSWORDS_URL": "off",
        }
        migrate = subprocess.run([binary, "migrate"], env={**base, "PORT": "0"}, cwd=self.workdir,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        (self.artifacts / "migrate.log").write_bytes(migrate.stdout)
        if migrate.returncode != 0:
            raise RuntimeError("gatehouse migrate failed; see migrate.log")
        self.instances = [
            Instance(f"gatehouse-{i + 1}", binary, port, {**base, "PORT": str(port)}, self.artifacts, self.workdir)
            for i, port in enumerate(ports)
        ]
        for inst in self.instances:
            inst.start()
        for inst in self.instances:
            inst.wait_ready()
            log(f"{inst.name} ready on 127.0.0.1:{inst.port} (pid {inst.proc.pid})")
        self.nginx = Nginx(self.artifacts, *ports)
        self.nginx.start()
        log(f"nginx on 127.0.0.1:{self.nginx.port} (pid {self.nginx.proc.pid})")
        c = http.client.HTTPConnection("127.0.0.1", self.nginx.port, timeout=5)
        c.request("GET", "/readyz")
        r = c.getresponse()
        r.read()
        if r.status != 200:
            raise RuntimeError(f"/readyz through nginx answered {r.status}")

    # -- the run ------------------------------------------------------------------------------

    def plan(self) -> dict:
        seconds = self.args.seconds
        f = min(1.0, seconds / 600)
        d = {
            "kill_down": max(5.0, 20 * f),
            "redis_down": max(5.0, 30 * f),
            "smtp_down": max(5.0, 60 * f),
        }
        estimate = d["kill_down"] + 2 + 2 + d["redis_down"] + d["smtp_down"]
        d["settle"] = max(self.args.grace + 2, (seconds - estimate) / 5)
        return d

    def begin(self, name: str, fault: bool = False, note: str = "") -> Phase:
        now = time.monotonic()
        if self.phases:
            self.phases[-1].end = now
        p = Phase(name, now, fault=fault, note=note)
        self.phases.append(p)
        self.event(f"phase {name} begins{(' (' + note + ')') if note else ''}")
        return p

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.5))

    def run_load(self) -> None:
        plan = self.plan()
        self.plan_used = plan
        log("plan: " + ", ".join(f"{k}={v:.1f}s" for k, v in plan.items()))
        vus = [VirtualUser(i, self.run_id, self.nginx.port, self.sink, self.stats, self.phase_of,
                           self.load_stop, self.hard_stop, self.sabotage) for i in range(self.args.vus)]
        self.load_start = time.monotonic()
        self.begin("baseline")
        for vu in vus:
            vu.start()
        self.sleep(plan["settle"])

        victim = self.instances[0]
        self.begin("kill-instance", True, f"kill -9 {victim.name}, restart after {plan['kill_down']:.0f}s")
        victim.kill9()
        self.event(f"{victim.name} killed (SIGKILL)")
        self.sleep(plan["kill_down"])
        victim.start()
        victim.wait_ready()
        self.event(f"{victim.name} restarted and ready (pid {victim.proc.pid})")
        self.begin("settle-1")
        self.sleep(plan["settle"])

        self.begin("pg-restart", True, "pg_ctl restart -m fast")
        self.pg.restart()
        self.event("PostgreSQL restarted")
        self.begin("settle-2")
        self.sleep(plan["settle"])

        self.begin("redis-down", True, f"Redis stopped for {plan['redis_down']:.0f}s")
        self.redis.stop()
        self.sleep(plan["redis_down"])
        self.redis.start()
        self.event("Redis started again")
        self.begin("settle-3")
        self.sleep(plan["settle"])

        self.begin("smtp-down", True, f"SMTP sink stopped for {plan['smtp_down']:.0f}s")
        self.sink.stop()
        self.sleep(plan["smtp_down"])
        if "smtp-stays-down" in self.sabotage:
            self.event("SABOTAGE: the SMTP sink is not started again")
        else:
            self.sink.start()
            self.event("SMTP sink listening again")
        self.begin("settle-4")
        self.sleep(max(plan["settle"], self.load_start + self.args.seconds - time.monotonic()))

        self.phases[-1].end = time.monotonic()
        self.load_stop.set()
        self.event("load stops; waiting for the virtual users")
        deadline = time.monotonic() + 60
        for vu in vus:
            vu.join(max(0.1, deadline - time.monotonic()))
        alive = [vu.name for vu in vus if vu.is_alive()]
        if alive:
            log(f"virtual users still busy after 60 s: {alive}")
        self.hard_stop.set()
        self.load_end = time.monotonic()

    def drain(self) -> None:
        """Wait (bounded) until the deferred queue is empty, every promised e-mail arrived and
        no outbox row is waiting: pending rows, or rows claimed (`sending`). A `sending` row
        whose message did arrive is one whose delivery is not recorded yet (the worker retries
        the recording until the database takes it); it is waited for too, and reported as
        stuck_sent if it never is."""
        start = time.monotonic()
        limit = self.args.drain
        self.outbox, self.stuck_sent, self.waiting_rows, jobs = {}, [], [], -1
        while True:
            try:
                rows = self.pg.psql("SELECT status, count(*) FROM email_outbox GROUP BY status")
                self.outbox = {s: int(n) for s, n in rows}
                jobs = int(self.pg.psql("SELECT count(*) FROM deferred_jobs")[0][0])
                unsent = self.pg.psql(
                    "SELECT id, kind, status, attempts, coalesce(locked_by, ''), coalesce(locked_until::text, ''),"
                    " coalesce(left(last_error, 120), '') FROM email_outbox WHERE status IN ('pending', 'sending')")
            except RuntimeError as e:
                log(f"drain: {e}")
                unsent, jobs = [["?"] * 7], -1
            arrived = {m.message_id for m in self.sink.snapshot()}
            self.stuck_sent = [r for r in unsent if r[2] == "sending" and r[0] in arrived]
            self.waiting_rows = [r for r in unsent if r not in self.stuck_sent]
            missing = self.missing_mail()
            if not self.waiting_rows and not self.stuck_sent and jobs == 0 and missing == 0:
                break
            if time.monotonic() - start > limit:
                log(f"drain: gave up after {limit:.0f} s ({len(self.waiting_rows)} outbox rows waiting, "
                    f"{jobs} deferred jobs, {missing} promised e-mails missing)")
                break
            time.sleep(0.5)
        self.drain_seconds = time.monotonic() - start
        self.deferred_left = jobs
        with open(self.artifacts / "outbox-unsent.txt", "w") as f:
            f.write("id | kind | status | attempts | locked_by | locked_until | last_error\n")
            for r in self.waiting_rows + self.stuck_sent:
                f.write(" | ".join(r) + ("  (already delivered)" if r in self.stuck_sent else "") + "\n")
        self.event(f"drain done in {self.drain_seconds:.1f}s; outbox {self.outbox}, deferred jobs {jobs}, "
                   f"claimed rows already delivered {len(self.stuck_sent)}")

    def missing_mail(self) -> int:
        delivered = self.delivered()
        with self.stats.lock:
            expected = dict(self.stats.expected)
        return sum(max(0, n - delivered.get(k, 0)) for k, n in expected.items())

    def delivered(self) -> collections.Counter:
        c: collections.Counter = collections.Counter()
        for m in self.sink.snapshot():
            for r in m.rcpt:
                c[(r, m.kind)] += 1
        return c

    # -- report -------------------------------------------------------------------------------

    def report(self) -> int:
        a = self.args
        lines: list[str] = []
        out = lines.append
        rel = lambda t: t - self.load_start  # noqa: E731
        reqs = list(self.stats.requests)
        windows = [(p.name, p.start, p.end) for p in self.phases if p.fault]

        out(f"Gatehouse soak: {a.seconds}s of load, {a.vus} virtual users, 2 instances behind nginx, "
            f"private PostgreSQL + Redis + SMTP sink; run {self.run_id}")
        out(f"plan: " + ", ".join(f"{k} {v:.1f}s" for k, v in self.plan_used.items())
            + f"; grace after a fault {a.grace:.1f}s")
        if self.sabotage:
            out(f"SABOTAGE ON: {', '.join(sorted(self.sabotage))}")
        out("")
        header = f"{'phase':<14}{'from':>7}{'secs':>7}{'reqs':>7}{'err':>6}  {'errors by status':<34}{'p50 ms':>8}{'p99 ms':>9}  recovery"
        out(header)
        out("-" * len(header))
        per_phase = collections.defaultdict(list)
        for r in reqs:  # by completion: a request cut by a fault belongs to the fault's phase
            per_phase[self.phase_of(r[1])].append(r)
        recovery: dict[str, float] = {}
        for i, p in enumerate(self.phases):
            rs = per_phase.get(p.name, [])
            errs = collections.Counter("conn" if r[3] == 0 else str(r[3]) for r in rs if not 200 <= r[3] < 300)
            lat = [(r[1] - r[0]) * 1000 for r in rs]
            rec = ""
            if p.fault:
                horizon = self.phases[i + 2].start if i + 2 < len(self.phases) else float("inf")
                fails = [r[1] for r in reqs if (r[3] == 0 or r[3] >= 500) and p.start <= r[1] < horizon]
                last = max(fails, default=None)
                recovery[p.name] = max(0.0, last - p.end) if last is not None else 0.0
                rec = f"{recovery[p.name]:.1f}s" + ("" if fails else " (no 5xx)")
            err_text = " ".join(f"{k}:{v}" for k, v in sorted(errs.items())) or "-"
            out(f"{p.name:<14}{rel(p.start):>7.1f}{p.end - p.start:>7.1f}{len(rs):>7}{sum(errs.values()):>6}  "
                f"{err_text[:33]:<34}{percentile(lat, 50):>8.1f}{percentile(lat, 99):>9.1f}  {rec}")
        total_lat = [(r[1] - r[0]) * 1000 for r in reqs]
        total_errs = sum(1 for r in reqs if not 200 <= r[3] < 300)
        out(f"{'all':<14}{'':>7}{self.load_end - self.load_start:>7.1f}{len(reqs):>7}{total_errs:>6}  {'':<34}"
            f"{percentile(total_lat, 50):>8.1f}{percentile(total_lat, 99):>9.1f}")
        out("")
        ops = collections.Counter(r[2] for r in reqs)
        out("requests by operation: " + ", ".join(f"{k} {v}" for k, v in sorted(ops.items())))
        out("completed flows: " + (", ".join(f"{k} {v}" for k, v in sorted(self.stats.flows.items())) or "none"))
        if self.stats.anomalies:
            out("flow notes (not failures by themselves): "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.stats.anomalies.items())))
        codes = collections.Counter(f"{r[3]} {r[2]} {r[5]}" for r in reqs if 400 <= r[3] < 600)
        if codes:
            out("non-2xx answers (status op code): " + ", ".join(f"{k} x{v}" for k, v in codes.most_common(12)))
        out("")

        results: list[tuple[str, bool, str]] = []

        # 1. E-mails: every promise delivered (at least once).
        delivered = self.delivered()
        expected = dict(self.stats.expected)
        missing = {k: n - delivered.get(k, 0) for k, n in expected.items() if delivered.get(k, 0) < n}
        by_kind_exp = collections.Counter()
        by_kind_del = collections.Counter()
        for (addr, kind), n in expected.items():
            by_kind_exp[kind] += n
        for (addr, kind), n in delivered.items():
            by_kind_del[kind] += n
        beyond = sum(max(0, delivered.get(k, 0) - n) for k, n in expected.items())
        ids = collections.Counter(m.message_id for m in self.sink.snapshot())
        dupes = sum(n - 1 for n in ids.values() if n > 1)
        unpromised = {k: n for k, n in delivered.items() if k not in expected}
        unpromised_kinds = collections.Counter()
        for (addr, kind), n in unpromised.items():
            unpromised_kinds[kind] += n
        kinds = sorted(set(by_kind_exp) | set(by_kind_del))
        detail = (f"expected {sum(expected.values())}, delivered {sum(delivered.values())} "
                  f"({', '.join(f'{k} {by_kind_exp[k]}/{by_kind_del[k]}' for k in kinds)}); "
                  f"missing {sum(missing.values())}, duplicates (same Message-ID) {dupes}, beyond the promises {beyond}, "
                  f"unpromised {sum(unpromised.values())} "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(unpromised_kinds.items())) or '-'}); "
                  f"outbox {self.outbox}, deferred jobs left {self.deferred_left}, drain {self.drain_seconds:.1f}s")
        if missing:
            detail += "; first missing: " + ", ".join(f"{k[0]} {k[1]} x{n}" for k, n in list(missing.items())[:5])
        results.append(("e-mails: every promised e-mail delivered", not missing and self.outbox.get("dead", 0) == 0, detail))

        # 1b. The outbox drained: nothing waiting, and no delivered message left claimed.
        stuck = self.stuck_sent
        waiting = self.waiting_rows
        verdict = not (waiting or stuck or self.deferred_left)
        results.append(("outbox: nothing left queued or claimed after the drain", verdict,
                        f"{len(waiting)} rows still waiting, {self.deferred_left} deferred jobs; {len(stuck)} rows "
                        f"delivered but left 'sending' (delivery not recorded, claim renewed by a live worker)"
                        + (": " + ", ".join(f"{r[1]} {r[0]} by {r[4]}" for r in stuck[:3]) if stuck else "")
                        + "; see outbox-unsent.txt"))

        # 2. Refresh families.
        r401 = self.stats.refresh_401
        results.append(("refresh: no valid refresh token refused with 401", not r401,
                        f"{len(r401)} refused" + ("; " + "; ".join(
                            f"vu{x['vu']} {x['phase']} {x['code']} retried_after_5xx={x['retried_after_5xx']}"
                            for x in r401[:5]) if r401 else "")
                        + f"; {self.stats.flows['refreshed']} refreshes succeeded"))
        lost = self.stats.session_lost
        results.append(("sessions: no live session answered 401 (me, logout)", not lost,
                        f"{len(lost)} lost" + ("; " + "; ".join(
                            f"vu{x['vu']} {x['op']} {x['phase']} {x['code']}" for x in lost[:5]) if lost else "")))

        # 3. No 5xx outside the fault windows (+ grace).
        def in_window(r) -> bool:
            return any(r[1] >= s and r[0] <= e + a.grace for _, s, e in windows)
        outside = [r for r in reqs if (r[3] >= 500 or r[3] == 0) and not in_window(r)]
        inside = sum(1 for r in reqs if (r[3] >= 500 or r[3] == 0) and in_window(r))
        results.append((f"no 5xx/connection error outside fault windows (+{a.grace:.0f}s grace)", not outside,
                        f"{len(outside)} outside, {inside} inside; recovery "
                        + ", ".join(f"{k} {v:.1f}s" for k, v in recovery.items())
                        + ("; first outside: " + ", ".join(
                            f"{r[2]} {r[3] or 'conn'} {r[5] or ''} at {rel(r[0]):.1f}s ({self.phase_of(r[1])})"
                            for r in outside[:5]) if outside else "")))

        # 4. No half-written account.
        try:
            if "half-account" in self.sabotage:
                self.pg.psql("DELETE FROM email_tokens WHERE id = (SELECT id FROM email_tokens "
                             "WHERE purpose = 'verify_email' LIMIT 1)")
            rows = self.pg.psql(
                "SELECT u.email_normalized,"
                " EXISTS (SELECT 1 FROM email_tokens t WHERE t.user_id = u.id AND t.purpose = 'verify_email'),"
                " EXISTS (SELECT 1 FROM email_outbox o WHERE o.user_id = u.id AND o.kind = 'verify_email'),"
                " EXISTS (SELECT 1 FROM audit_events e WHERE e.user_id = u.id AND e.event_type = 'user_registered')"
                " FROM users u")
            users = {r[0]: (r[1] == "t", r[2] == "t", r[3] == "t") for r in rows}
            half = [e for e, (tok, mail, _) in users.items() if not (tok and mail)]
            no_audit = [e for e, (_, _, audit) in users.items() if not audit]
            registered = self.stats.registered
            without_row = sorted(registered - set(users))
            unknown = sorted(set(users) - self.stats.attempted)
            committed_unanswered = sorted((set(users) & self.stats.attempted) - registered)
            ok = not half and not without_row and not unknown
            results.append(("accounts: no half-written account", ok,
                            f"{len(registered)} registrations answered 202, {len(users)} user rows; "
                            f"without verification token or e-mail {len(half)}, 202 without a row {len(without_row)}, "
                            f"rows never requested {len(unknown)}, rows whose 202 the client never saw "
                            f"{len(committed_unanswered)}; rows without a user_registered audit event "
                            f"{len(no_audit)} (audit writes are best-effort)"
                            + (f"; e.g. {(half + without_row + unknown)[:3]}" if not ok else "")))
        except RuntimeError as e:
            results.append(("accounts: no half-written account", False, f"query failed: {e}"))

        # 5. Memory.
        mem_ok, parts = True, []
        for inst in self.instances:
            m = self.memory.get(inst.name, {})
            hwm = m.get("VmHWM", 0) / 1024
            rss = m.get("VmRSS", 0) / 1024
            mem_ok &= bool(m) and hwm <= a.max_rss_mib
            parts.append(f"{inst.name} (started {inst.starts}x) VmRSS {rss:.0f} MiB, VmHWM {hwm:.0f} MiB")
        results.append((f"memory: each instance's peak RSS <= {a.max_rss_mib} MiB", mem_ok, "; ".join(parts)))

        # 6. Logs: no panic.
        panics, errors = {}, {}
        for inst in self.instances:
            text = inst.logpath.read_text(errors="replace") if inst.logpath.exists() else ""
            panics[inst.name] = text.count("panicked")
            errors[inst.name] = sum(1 for line in text.splitlines() if '"level":"ERROR"' in line)
        results.append(("logs: no panic in either instance", not any(panics.values()),
                        ", ".join(f"{k}: {panics[k]} panics, {errors[k]} ERROR lines" for k in panics)))

        # 7. The load really exercised every flow.
        need = ["registered_and_verified", "refreshed", "otp_login", "password_reset", "logout_login"]
        missing_flows = [f for f in need if not self.stats.flows.get(f)]
        empty_phases = [p.name for p in self.phases if not p.fault and not per_phase.get(p.name)]
        exc = len(self.stats.exceptions)
        results.append(("load: every flow completed, every settle phase had traffic, no driver exception",
                        not missing_flows and not empty_phases and not exc,
                        f"flows missing {missing_flows or '-'}, empty phases {empty_phases or '-'}, driver exceptions {exc}"))

        out("invariants:")
        failed = 0
        for name, ok, detail in results:
            failed += ok is False
            out(f"  {'WARN' if ok is None else 'PASS' if ok else 'FAIL'}  {name}")
            out(f"        {detail}")
        out("")
        out(f"result: {'PASS' if not failed else f'FAIL ({failed} invariant(s))'}; "
            f"setup {self.load_start - self.t0:.1f}s, load {self.load_end - self.load_start:.1f}s, "
            f"total {time.monotonic() - self.t0:.1f}s; artifacts {self.artifacts}")
        text = "\n".join(lines)
        print("\n" + text, flush=True)
        (self.artifacts / "summary.txt").write_text(text + "\n")
        summary = {
            "seconds": a.seconds, "vus": a.vus, "plan": self.plan_used, "grace": a.grace, "run_id": self.run_id,
            "phases": [dataclasses.asdict(p) | {"start": rel(p.start), "end": rel(p.end)} for p in self.phases],
            "recovery": recovery,
            "invariants": [{"name": n, "pass": ok is not False, "warn": ok is None, "detail": d} for n, ok, d in results],
            "events": [(rel(t), e) for t, e in self.events],
            "flows": dict(self.stats.flows), "notes": dict(self.stats.anomalies),
            "refresh_401": self.stats.refresh_401, "session_lost": self.stats.session_lost,
        }
        (self.artifacts / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
        with open(self.artifacts / "non-2xx.jsonl", "w") as f:
            for r in reqs:
                if not 200 <= r[3] < 300:
                    f.write(json.dumps({"t": round(rel(r[0]), 3), "ms": round((r[1] - r[0]) * 1000, 1), "op": r[2],
                                        "status": r[3], "vu": r[4], "code": r[5], "phase": self.phase_of(r[1])}) + "\n")
        with open(self.artifacts / "mails.jsonl", "w") as f:
            for m in self.sink.snapshot():
                f.write(json.dumps({"seq": m.seq, "t": round(rel(m.t), 3), "rcpt": m.rcpt, "kind": m.kind}) + "\n")
        if self.stats.exceptions:
            (self.artifacts / "driver-exceptions.txt").write_text("\n".join(self.stats.exceptions))
        return 1 if failed else 0

    def save_metrics(self) -> None:
        """Each instance's Prometheus /metrics (when it serves them), for the artifacts."""
        for inst in self.instances:
            try:
                c = http.client.HTTPConnection("127.0.0.1", inst.port, timeout=5)
                c.request("GET", "/metrics")
                r = c.getresponse()
                body = r.read()
                c.close()
                if r.status == 200:
                    (self.artifacts / f"{inst.name}.metrics.txt").write_bytes(body)
            except (OSError, http.client.HTTPException):
                pass

    def main(self) -> int:
        self.setup()
        self.run_load()
        self.memory = {inst.name: inst.memory() for inst in self.instances}
        self.save_metrics()
        self.drain()
        return self.report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the gatehouse release binary")
    parser.add_argument("--seconds", type=int, default=60, help="seconds of load (fault durations scale below 600)")
    parser.add_argument("--vus", type=int, default=8, help="concurrent virtual users")
    parser.add_argument("--grace", type=float, default=GRACE_DEFAULT,
                        help="seconds after a fault's end during which 5xx are still tolerated")
    parser.add_argument("--drain", type=float, default=90, help="at most this many seconds to wait for the outbox")
    parser.add_argument("--max-rss-mib", type=int, default=512, help="peak RSS allowed per instance")
    parser.add_argument("--artifacts", help="folder for the run's artifacts folder (default ops/soak/artifacts)")
    parser.add_argument("--sabotage", action="append",
                        choices=["smtp-stays-down", "lose-mail", "half-account", "refresh-reuse"],
                        help="break something on purpose to see the matching invariant fail")
    args = parser.parse_args()
    if args.seconds < 30:
        parser.error("--seconds must be at least 30")

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    atexit.register(CLEANUP.run)
    soak = Soak(args)
    try:
        return soak.main()
    except KeyboardInterrupt:
        log("interrupted; stopping everything")
        return 130
    finally:
        soak.hard_stop.set()
        soak.load_stop.set()
        CLEANUP.run()


if __name__ == "__main__":
    sys.exit(main())
