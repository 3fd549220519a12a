#!/usr/bin/env bash
# Contract checks (`just contract`; the last step of .ci/run): does the running server do what
# openapi.yaml says, and can a frontend and a Rust service use it as documented?
#
#   contract/run.sh [STEP...]      default: all of them, in this order
#
#   install   npm ci (Redocly CLI, TypeScript, playwright-core, oidc-provider), pip
#             schemathesis, openapi-python-client, mypy, pytest, Debian chromium: each only when
#             missing or at the wrong version
#   lint      Redocly CLI lints the spec with contract/redocly.yaml (zero errors, zero warnings);
#             contract/statuses.py checks that every operation declares the statuses the
#             server's own layers can give it (host check, timeout, body limit, content type,
#             authentication, CSRF, unavailability), and fails on a copy missing one
#   ts        openapi-generator (typescript-fetch) generates the TypeScript client from the spec
#             into contract/ts/generated/ (not committed); tsc --strict compiles it with the
#             Node scripts (contract/ts/*.ts) into contract/build/
#   py        openapi-python-client generates the Python client from the spec into
#             contract/python/generated/ (not committed); mypy --strict checks it with the
#             pytest walk (contract/python/test_flow.py)
#   build     cargo build --release: the server; the Rust client's examples in the dev
#             profile (a client: `cargo test` has already built them)
#   sqlite    against a server on a fresh SQLite file: the Node client flow, the Python client
#             walk (pytest), the Rust examples, Schemathesis, the docs in headless Chromium, a self-test (Schemathesis must
#             fail against a deliberately wrong copy of the spec), a clean server log
#   social    social sign-in against a real OpenID provider: oidc-provider (panva, OpenID
#             Certified) on loopback, a server on a fresh SQLite file with it as OIDC provider
#             `panva`, headless Chromium through its login and consent pages: a redirect
#             sign-in (one-time code exchanged for tokens) and linking it to a password account
#             (contract/social/interop.mjs; `node contract/social/interop.mjs --idp-only`
#             checks the provider alone); a clean server log
#   passkey   passkeys in headless Chromium with the DevTools WebAuthn virtual authenticator
#             (CTAP2, resident keys, user verification) on a page served on http://localhost:
#             registration with the Level 3 JSON helpers, sign-in with the passkey alone, and
#             as the second step of a password login (contract/passkeys/browser.mjs); a clean
#             server log
#   console   the staff console in headless Chromium (contract/console/browser.mjs): staff sign
#             in, search a user, open and deactivate them (their access token is refused at
#             once), see the audit row, change a runtime setting (a wrong value shown next to
#             its field first), retry a dead e-mail; screenshots of each page (console-*.png),
#             no CSP violation or script error, a phone's width without sideways scrolling
#   postgres  the same on a fresh PostgreSQL database (gatehouse_contract), without the
#             browser and the self-test
#
# Environment:
#   CONTRACT_SPEC          the spec the checks hold the server to (default openapi.yaml); point
#                          it at a mutated copy to see them fail
#   CONTRACT_MAX_EXAMPLES  Schemathesis examples per operation and phase (default 25)
#   CONTRACT_MAX_TIME      Schemathesis time budget per database, seconds (default 60)
#   CONTRACT_POSTGRES_URL  server to create the database on (default
#                          postgres://postgres@127.0.0.1:5432/test; CREATE/DROP go through it)
#   CONTRACT_BIN           test this gatehouse binary instead of building one (the Rust
#                          examples are still built)
#
# Reports go to contract/artifacts/ (Schemathesis JUnit + NDJSON, server logs, screenshots).
# Servers bind 127.0.0.1 on a free port and are stopped by PID on exit; the PostgreSQL
# database is dropped at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
contract="$root/contract"
cd "$root"
# shellcheck source=scripts/common.sh
source "$root/scripts/common.sh"

SCHEMATHESIS_VERSION=4.32.5
OPENAPI_GENERATOR_VERSION=7.26.0
OPENAPI_PYTHON_CLIENT_VERSION=0.29.1
# The generator's post-hooks run ruff, which it does not pin: pinned here, so that what ruff
# rewrites in the generated code does not change under mypy.
RUFF_VERSION=0.17.6
MYPY_VERSION=2.4.1
PYTEST_VERSION=9.2.0
# The receivers' side of webhooks: the Python walk verifies Gatehouse's signatures with it.
STANDARDWEBHOOKS_VERSION=1.0.0

spec="$(realpath "${CONTRACT_SPEC:-$root/openapi.yaml}")"
max_examples="${CONTRACT_MAX_EXAMPLES:-25}"
max_time="${CONTRACT_MAX_TIME:-60}"
postgres_url="${CONTRACT_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
artifacts="$contract/artifacts"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
contract_database=gatehouse_contract

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-contract.XXXXXX")"
server_pid=""
server_log=""
pg_admin_url=""
pg_database=""

log() { printf '\n==> %s\n' "$*" >&2; }
warn() { printf 'contract: %s\n' "$*" >&2; }
die() {
    printf 'contract: error: %s\n' "$*" >&2
    exit 1
}

# --- timing --------------------------------------------------------------------------------
# `timed NAME COMMAND...` runs the command in a subshell with `set -e` in force, records how
# long it took and whether it failed, and goes on: every check runs even when an earlier one
# failed, and the run fails at the end with the list. (A function called as `f || …` would
# run with `set -e` switched off; a background job keeps it.)
timings=()
failed=()
now_ns() { date +%s%N; }
timed() {
    local name="$1" start status=0
    shift
    start="$(now_ns)"
    "$@" &
    wait $! || status=$?
    timings+=("$(printf '%-38s %7ss%s' "$name" \
        "$(awk -v a="$start" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')" \
        "$([[ $status -eq 0 ]] || echo "  FAILED")")")
    ((status == 0)) || failed+=("$name")
    return 0
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    if [[ $status -ne 0 && -n "$server_log" && -s "$server_log" ]]; then
        printf '\ncontract: last lines of the server log (%s):\n' "$server_log" >&2
        tail -n 20 "$server_log" >&2 || true
    fi
    drop_pg_database
    rm -rf "$tmp"
    local out
    for out in "$artifacts"/*/schemathesis.out; do
        [[ -f "$out" ]] && grep -q "= FAILURES =" "$out" || continue
        printf '\n---- schemathesis failures (%s), repeated from above ----\n' "$out" >&2
        sed -n '/= FAILURES =/,/= WARNINGS =\|= SUMMARY =/p' "$out" | head -n 120 >&2
    done
    if ((${#timings[@]})); then
        printf '\n---- contract timings ----\n' >&2
        printf '%s\n' "${timings[@]}" >&2
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- install -------------------------------------------------------------------------------

step_install() {
    # npm: exactly what package-lock.json says; skipped when node_modules already matches it.
    if ! cmp -s "$contract/package-lock.json" "$contract/node_modules/.package-lock.json.contract" 2>/dev/null; then
        log "npm ci (contract/)"
        (cd "$contract" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$contract/package-lock.json" "$contract/node_modules/.package-lock.json.contract"
    fi
    # pip: the pinned packages that are missing or at another version (one Python start).
    local pip_packages=()
    mapfile -t pip_packages < <(python3 - schemathesis=="$SCHEMATHESIS_VERSION" \
        openapi-python-client=="$OPENAPI_PYTHON_CLIENT_VERSION" ruff=="$RUFF_VERSION" \
        mypy=="$MYPY_VERSION" pytest=="$PYTEST_VERSION" standardwebhooks=="$STANDARDWEBHOOKS_VERSION" <<'EOF'
import importlib.metadata as m, sys
for wanted in sys.argv[1:]:
    name, version = wanted.split("==")
    try:
        if m.version(name) == version:
            continue
    except m.PackageNotFoundError:
        pass
    print(wanted)
EOF
    )
    if ! command -v openapi-generator-cli >/dev/null ||
        ! openapi-generator-cli version 2>/dev/null | grep -qF "$OPENAPI_GENERATOR_VERSION"; then
        pip_packages+=("openapi-generator-cli==$OPENAPI_GENERATOR_VERSION")
    fi
    if ((${#pip_packages[@]})); then
        log "pip install ${pip_packages[*]}"
        python3 -m pip install --quiet --disable-pip-version-check "${pip_packages[@]}"
    fi
    add_python_scripts_to_path
    if [[ ! -x /usr/bin/chromium ]]; then
        log "apt-get install chromium"
        apt_install chromium >/dev/null || die "chromium is missing and could not be installed"
    fi
    st --version
    openapi-generator-cli version
    openapi-python-client --version
    mypy --version
    python3 -m pytest --version
    /usr/bin/chromium --version
}

# --- lint ----------------------------------------------------------------------------------

step_lint() { timed lint lint; }
lint() {
    log "redocly lint $(realpath --relative-to="$root" "$spec")"
    "$contract/node_modules/.bin/redocly" lint --config "$contract/redocly.yaml" "$spec"
    log "every operation declares the statuses the server's own layers can give"
    python3 "$contract/statuses.py" "$spec"
    # The check has teeth: the same spec with one such status taken out must fail it.
    python3 - "$spec" "$tmp/undeclared.yaml" <<'EOF_PY'
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
del spec["paths"]["/api/v1/users/me"]["get"]["responses"]["408"]
yaml.safe_dump(spec, open(sys.argv[2], "w"))
EOF_PY
    if python3 "$contract/statuses.py" "$tmp/undeclared.yaml" >"$tmp/undeclared.log" 2>&1; then
        die "statuses.py accepted a spec whose getMe does not declare 408"
    fi
    grep -q "getMe (GET /api/v1/users/me) does not declare 408" "$tmp/undeclared.log" ||
        die "statuses.py did not name the undeclared status: $(cat "$tmp/undeclared.log")"
    printf 'self-test: an undeclared 408 on getMe fails the check, as it must\n'
}

# --- TypeScript client ---------------------------------------------------------------------

step_ts() { timed "ts (generate + tsc)" ts_client; }
ts_client() {
    log "openapi-generator typescript-fetch -> contract/ts/generated/"
    rm -rf "$contract/ts/generated" "$contract/build"
    openapi-generator-cli generate --input-spec "$spec" --generator-name typescript-fetch \
        --output "$contract/ts/generated" \
        --additional-properties=supportsES6=true,importFileExtension=.js,hideGenerationTimestamp=true \
        >"$tmp/openapi-generator.log" 2>&1 || {
        cat "$tmp/openapi-generator.log" >&2
        die "openapi-generator failed"
    }
    log "tsc -p contract/tsconfig.json (strict)"
    "$contract/node_modules/.bin/tsc" -p "$contract/tsconfig.json"
}

# --- Python client -------------------------------------------------------------------------

python_dir="$contract/python"

step_py() { timed "py (generate + mypy)" py_client; }
py_client() {
    log "openapi-python-client -> contract/python/generated/gatehouse_client/"
    rm -rf "$python_dir/generated"
    # From contract/python: the post-hooks (ruff) run in the output folder, and the config file
    # names their rules.
    (cd "$python_dir" && openapi-python-client generate --path "$spec" --meta none \
        --config openapi-python-client.yaml --output-path generated/gatehouse_client) \
        >"$tmp/openapi-python-client.log" 2>&1 || {
        cat "$tmp/openapi-python-client.log" >&2
        die "openapi-python-client failed"
    }
    # What the generator could not express (skipped operations, unsupported parameters) is a
    # warning, not an error: show it.
    if grep -qi "warning" "$tmp/openapi-python-client.log"; then
        cat "$tmp/openapi-python-client.log" >&2
    fi
    log "mypy --strict: the generated client and contract/python/test_flow.py"
    (cd "$python_dir" && mypy --strict generated/gatehouse_client test_flow.py)
}

# --- build ---------------------------------------------------------------------------------

bin=""
example_dir=""
spec_json="$tmp/spec.json"

# The spec as JSON, for the Node scripts (Node has no YAML parser; PyYAML comes with
# schemathesis).
write_spec_json() {
    [[ -s "$spec_json" ]] || python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' "$spec" "$spec_json"
}

step_build() {
    if [[ -z "${CONTRACT_BIN:-}" ]]; then
        log "cargo build --release -p gatehouse"
        cargo build --locked --release -p gatehouse --bin gatehouse
    fi
    # The whole workspace, so features unify as in `cargo nextest run --workspace` / `cargo
    # test`, which already built these examples: after the tests this is a no-op.
    log "cargo build --workspace --examples"
    cargo build --locked --workspace --examples
}

ensure_built() {
    [[ -n "$bin" ]] && return 0
    bin="$(realpath "${CONTRACT_BIN:-$target_dir/release/gatehouse}")"
    example_dir="$target_dir/debug/examples"
    [[ -x "$bin" ]] || die "$bin is missing: run the build step first"
}

# --- a server ------------------------------------------------------------------------------

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

random_secret() { python3 -c 'import secrets; print(secrets.token_urlsafe(48))'; }

# start_server NAME DATABASE_URL: starts gatehouse with a fresh e-mail folder; sets base_url.
start_server() {
    local name="$1" database_url="$2" port code
    port="$(free_port)"
    base_url="http://127.0.0.1:$port"
    mail_dir="$tmp/mail-$name"
    server_log="$artifacts/$name/server.log"
    mkdir -p "$artifacts/$name" "$mail_dir"
    server_env=(
        HOST=127.0.0.1 PORT="$port" DATABASE_URL="$database_url" SECRET_KEY="$(random_secret)"
        LOG_FORMAT=json RUST_LOG=info
        # Login works before the address is verified, and verification e-mails are still
        # written (as files), so the hooks can post real tokens from them.
        EMAIL_VERIFICATION=optional EMAIL_BACKEND=file EMAIL_FILE_PATH="$mail_dir"
        CRON_SECRET_KEY="$cron_secret"
        # Schemathesis sends thousands of logins from one address; its `rate_limited` warning
        # fails the run, so the limits and the lock-out (tested in tests/api/rate_limits.rs and
        # lockout.rs) are off here.
        RATE_LIMITS=off LOCKOUT_THRESHOLD=0
        # The same goes for the one-time code cooldown and send cap (tests/api/otp_resend.rs):
        # generated cases reuse the spec's example address.
        # Two-step login codes count against the same cap, and fuzzing may turn two-step on for
        # every login (`login_otp=required`).
        OTP_RESEND_COOLDOWN=0 OTP_SEND_LIMIT=10000 OTP_SEND_WINDOW=60
        # No outside calls: the offline breached-password list still applies.
        PWNED_PASSWORDS_URL=off
        # The Python walk's webhook receiver listens on loopback, and fails once on purpose:
        # retried a second later.
        WEBHOOK_ALLOW_PRIVATE=on WEBHOOK_RETRY_DELAY=1
    )
    # From the temporary folder, so that a developer's .env is not read.
    (cd "$tmp" && exec env "${server_env[@]}" "$bin" serve) >"$server_log" 2>&1 &
    server_pid=$!
    log "$name: gatehouse (pid $server_pid) on $base_url"
    for _ in $(seq 1 300); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            server_pid=""
            tail -n 40 "$server_log" >&2
            die "the server exited before it was ready"
        fi
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base_url/readyz" || true)"
        [[ "$code" == 200 ]] && break
        sleep 0.1
    done
    [[ "$code" == 200 ]] || die "GET /readyz did not answer 200 within 30 s"
    # The served spec is the one the checks use (unless CONTRACT_SPEC is a deliberate mutation).
    if [[ "$spec" == "$root/openapi.yaml" ]]; then
        curl -sf "$base_url/api/schema?format=json" -o "$tmp/served.json"
        python3 - "$spec" "$tmp/served.json" <<'EOF' || die "GET /api/schema differs from openapi.yaml (rebuild the server)"
import json, sys, yaml
sys.exit(yaml.safe_load(open(sys.argv[1])) != json.load(open(sys.argv[2])))
EOF
    fi
    # A staff account for the operations tagged admin.
    staff_email="contract-staff@example.com"
    staff_password="contract staff $(random_secret)"
    (cd "$tmp" && env "${server_env[@]}" GATEHOUSE_SUPERUSER_PASSWORD="$staff_password" \
        "$bin" createsuperuser --email "$staff_email" --no-input) >>"$tmp/createsuperuser.log" 2>&1 ||
        { cat "$tmp/createsuperuser.log" >&2; die "createsuperuser failed"; }
}

# The server must not have panicked or logged an error while the checks ran.
check_server_log() {
    local name="$1" bad
    bad="$(grep -E '"level":"ERROR"|panicked' "$server_log" | head -n 5 || true)"
    if [[ -n "$bad" ]]; then
        printf '%s\n' "$bad" >&2
        die "$name: the server logged errors or panics (full log: $server_log)"
    fi
}

# --- the checks against a running server ---------------------------------------------------

check_node_flow() {
    log "$1: Node script with the generated TypeScript client"
    CONTRACT_BASE_URL="$base_url" CONTRACT_SPEC_JSON="$spec_json" CONTRACT_STAFF_EMAIL="$staff_email" \
        CONTRACT_STAFF_PASSWORD="$staff_password" node "$contract/build/flow.js"
}

# pytest exits 0 when every test was skipped and 5 when none was collected: the JUnit report
# must show the walk's tests, none skipped.
check_python_flow() {
    log "$1: pytest walk with the generated Python client"
    local report="$artifacts/$1/python-flow.xml"
    [[ -d "$python_dir/generated/gatehouse_client" ]] || die "no generated Python client: run the py step first"
    (
        cd "$python_dir"
        # Without the plugins pip put next to pytest (Schemathesis' and Hypothesis'): faster.
        exec env PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 CONTRACT_BASE_URL="$base_url" \
            CONTRACT_SPEC_JSON="$spec_json" CONTRACT_MAIL_DIR="$mail_dir" \
            CONTRACT_STAFF_EMAIL="$staff_email" CONTRACT_STAFF_PASSWORD="$staff_password" \
            CONTRACT_CRON_SECRET="$cron_secret" \
            python3 -m pytest --junitxml="$report" -o junit_family=xunit2 test_flow.py
    )
    python3 - "$report" <<'EOF' || die "$1: the Python walk did not run all its tests (see $report)"
import sys
import xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
tests, skipped = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
print(f"python walk: {tests} tests, {skipped} skipped")
sys.exit(tests == 0 or skipped > 0)
EOF
}

check_rust_example() {
    log "$1: Rust client examples"
    local example
    for example in "$example_dir"/*; do
        # cargo keeps each example twice: NAME and NAME-<hash>; run NAME.
        [[ -x "$example" && -f "$example" && "$(basename "$example")" != *[-.]* ]] || continue
        printf -- '-- %s\n' "$(basename "$example")"
        "$example" "$base_url" </dev/null
    done
}

# st SPEC [OPTION...]: Schemathesis against the running server, with what hooks.py needs.
# The server's own environment is passed too, for `gatehouse createsuperuser`.
st_run() {
    local spec_file="$1"
    shift
    (
        cd "$contract/schemathesis"
        exec env "${server_env[@]}" CONTRACT_BASE_URL="$base_url" CONTRACT_MAIL_DIR="$mail_dir" \
            CONTRACT_STAFF_EMAIL="$staff_email" CONTRACT_STAFF_PASSWORD="$staff_password" \
            CONTRACT_GATEHOUSE_BIN="$bin" CONTRACT_APIKEY_cronSecret="$cron_secret" \
            st --no-color --config-file schemathesis.toml run "$spec_file" "$@"
    )
}

check_schemathesis() {
    local name="$1"
    log "$name: schemathesis (max $max_examples examples per operation and phase, ${max_time}s)"
    # Kept whole, so that the run's end can repeat its failures (see cleanup): CI output is
    # often read from the end only.
    st_run "$spec" --max-examples "$max_examples" --max-time "$max_time" \
        --seed "${CONTRACT_SEED:-$RANDOM}" \
        --report junit,ndjson --report-dir "$artifacts/$name/schemathesis" 2>&1 |
        tee "$artifacts/$name/schemathesis.out"
    return "${PIPESTATUS[0]}"
}

# The checks must have teeth: against a copy of the spec with a field and a status code
# removed (mutate.py), Schemathesis must report both operations, with the right checks.
check_selftest() {
    local name="$1" id out status=0 include=()
    log "$name: self-test: a deliberately wrong spec must fail"
    for id in $(python3 "$contract/schemathesis/mutate.py" "$spec" "$tmp/mutated.yaml" |
        python3 -c 'import json, sys; print(" ".join(json.load(sys.stdin)))'); do
        include+=(--include-operation-id "$id")
    done
    out="$artifacts/$name/selftest.log"
    st_run "$tmp/mutated.yaml" "${include[@]}" --phases examples,fuzzing --max-examples 10 \
        --checks response_schema_conformance,status_code_conformance >"$out" 2>&1 || status=$?
    grep -E "^(_+ [A-Z]+ |- ST|    Received|    Additional)" "$out" | sed 's/^/    /' || true
    if [[ $status -eq 0 ]] || ! grep -q "ST108 Response violates schema" "$out" ||
        ! grep -q "ST103 Undocumented status code" "$out"; then
        die "the mutated spec did not fail as it must (exit $status; see $out)"
    fi
    echo "self-test: the mutated spec fails as it must (exit $status; full output in $out)"
}

check_browser() {
    log "$1: docs in headless Chromium"
    CONTRACT_BASE_URL="$base_url" CONTRACT_SPEC_JSON="$spec_json" CONTRACT_ARTIFACTS="$artifacts/$1" \
        node "$contract/build/docs.js"
}

run_database() {
    local name="$1" database_url="$2"
    ensure_built
    write_spec_json
    cron_secret="$(random_secret)"
    start_server "$name" "$database_url"
    timed "$name: node flow (TypeScript client)" check_node_flow "$name"
    timed "$name: pytest walk (Python client)" check_python_flow "$name"
    timed "$name: Rust client examples" check_rust_example "$name"
    timed "$name: schemathesis" check_schemathesis "$name"
    if [[ "$name" == sqlite ]]; then
        timed "$name: docs in Chromium" check_browser "$name"
        if [[ "$spec" == "$root/openapi.yaml" ]]; then
            timed "$name: self-test (mutated spec)" check_selftest "$name"
        fi
    fi
    timed "$name: server log clean" check_server_log "$name"
    stop_server
}

step_sqlite() {
    rm -rf "$artifacts/sqlite"
    run_database sqlite "sqlite://$tmp/contract.sqlite3?mode=rwc"
}

# The Node script starts everything itself (the provider first: the server is configured with
# its issuer) and stops it by PID; the server writes its log to social-server.log.
step_social() {
    rm -rf "$artifacts"/social-*
    ensure_built
    [[ -f "$contract/node_modules/oidc-provider/package.json" ]] ||
        die "contract/node_modules has no oidc-provider: run the install step first"
    server_log="$artifacts/social-server.log"
    timed "social: oidc-provider sign-in + link" check_social
    timed "social: server log clean" check_server_log social
}
check_social() {
    log "social: gatehouse with oidc-provider as OpenID provider, in headless Chromium"
    CONTRACT_BIN="$bin" CONTRACT_ARTIFACTS="$artifacts" node "$contract/social/interop.mjs"
}

# Passkeys in headless Chromium with its virtual authenticator (contract/passkeys/browser.mjs):
# registration, sign-in alone, and as the second step of a password login.
step_passkey() {
    rm -rf "$artifacts"/passkey-*
    ensure_built
    server_log="$artifacts/passkey-server.log"
    timed "passkey: Chromium virtual authenticator" check_passkey
    timed "passkey: server log clean" check_server_log passkey
}
check_passkey() {
    log "passkey: registration and sign-in in headless Chromium (WebAuthn virtual authenticator)"
    CONTRACT_BIN="$bin" CONTRACT_ARTIFACTS="$artifacts" node "$contract/passkeys/browser.mjs"
}

# The staff console in headless Chromium (contract/console/browser.mjs). Its server log holds
# the refused SMTP connections of the dead e-mail on purpose, so it is not checked for warnings.
step_console() {
    rm -rf "$artifacts"/console-*
    ensure_built
    timed "console: staff console in Chromium" check_console
}
check_console() {
    log "console: sign-in, a user deactivated, a setting changed, a dead e-mail retried, in headless Chromium"
    CONTRACT_BIN="$bin" CONTRACT_ARTIFACTS="$artifacts" node "$contract/console/browser.mjs"
}

step_postgres() {
    rm -rf "$artifacts/postgres"
    [[ "$postgres_url" =~ ^(postgres(ql)?://[^/?]*)(/([^?]*))?(\?.*)?$ ]] ||
        die "CONTRACT_POSTGRES_URL is not a postgres:// URL: $postgres_url"
    local server="${BASH_REMATCH[1]}" query="${BASH_REMATCH[5]}"
    pg_admin_url="$server/${BASH_REMATCH[4]:-test}$query"
    pg_database="$contract_database"
    drop_pg_database
    psql "$pg_admin_url" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $contract_database" >/dev/null
    pg_database="$contract_database"
    run_database postgres "$server/$contract_database$query"
    drop_pg_database
}

# --- main ----------------------------------------------------------------------------------

all_steps=(install lint ts py build sqlite social passkey console postgres)
steps=("$@")
((${#steps[@]})) || steps=("${all_steps[@]}")
for step in "${steps[@]}"; do
    case "$step" in
    install | lint | ts | py | build | sqlite | social | passkey | console | postgres) ;;
    *) die "unknown step: $step (steps: ${all_steps[*]})" ;;
    esac
done
mkdir -p "$artifacts"
for step in "${steps[@]}"; do
    case "$step" in
    install) timed install step_install ;;
    # Later steps need a server binary and examples: a failed build ends the run here.
    build)
        add_python_scripts_to_path
        timed build step_build
        ((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
        ;;
    *)
        add_python_scripts_to_path
        "step_$step"
        ;;
    esac
done
((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
log "contract checks passed"
