#!/usr/bin/env bash
# Load benchmark of the release build (`just bench`).
#
# For each database (SQLite in a temporary directory, then a fresh PostgreSQL database)
# it starts `gatehouse serve` on 127.0.0.1 and drives it with wrk for a bounded time
# through four scenarios: register, login, refresh, me. It prints a Markdown table
# (requests/s, p50, p99, non-2xx responses, socket errors, peak RSS of the server) and
# saves it under bench-results/.
#
# Environment:
#   BENCH_DURATION      wrk duration per scenario (default 10s)
#   BENCH_CONNECTIONS   wrk connections (default 16)
#   BENCH_THREADS       wrk threads (default 2)
#   BENCH_TIMEOUT       wrk per-request timeout (default 5s)
#   BENCH_DATABASES     which databases, comma-separated (default sqlite,postgres)
#   BENCH_POSTGRES_URL  PostgreSQL server to create the bench database on
#                       (default postgres://postgres@127.0.0.1:5432; a database name in
#                       the URL is the one psql connects to for CREATE/DROP, default test)
#   BENCH_BIN           benchmark this binary instead of building target/release/gatehouse
#   BENCH_RUST_LOG      RUST_LOG for the server (default warn)
#
# Only 127.0.0.1 is ever contacted; the server is stopped by its PID at the end of each
# database run and on any exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lua_dir="$root/scripts/bench"
cd "$root"
# shellcheck source=scripts/common.sh
source "$root/scripts/common.sh"

duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-16}"
threads="${BENCH_THREADS:-2}"
timeout="${BENCH_TIMEOUT:-5s}"
databases="${BENCH_DATABASES:-sqlite,postgres}"
postgres_url="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
server_rust_log="${BENCH_RUST_LOG:-warn}"

password='correct horse battery staple 1'
run_tag="$(date +%s)$$"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench.XXXXXX")"
server_pid=""
server_log=""
pg_admin_url=""
pg_database=""

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'bench: %s\n' "$*" >&2; }
die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    if [[ $status -ne 0 && -n "$server_log" && -s "$server_log" ]]; then
        printf 'bench: last lines of the server log (%s):\n' "$server_log" >&2
        tail -n 20 "$server_log" >&2 || true
    fi
    drop_pg_database
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools -------------------------------------------------------------------------------

if ! command -v wrk >/dev/null; then
    log "installing wrk"
    apt_install wrk || die "wrk is missing and could not be installed (apt-get install wrk)"
fi
command -v curl >/dev/null || die "curl is needed"

if [[ -n "${BENCH_BIN:-}" ]]; then
    bin="$BENCH_BIN"
else
    log "cargo build --release -p gatehouse"
    cargo build --release -p gatehouse
    bin="$root/target/release/gatehouse"
fi
[[ -x "$bin" ]] || die "$bin is not an executable"

# --- helpers -----------------------------------------------------------------------------

free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        # Nothing answers on it: take it.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free port"
}

# start_server DATABASE_URL: starts gatehouse, sets server_pid, base_url, port.
start_server() {
    local database_url="$1"
    port="$(free_port)"
    [[ -n "$port" ]] || die "found no free port"
    base_url="http://127.0.0.1:$port"
    server_log="$tmp/server-$port.log"
    # Run from the temporary directory so that a developer's .env is not read. Verification is
    # optional so the bench user logs in unverified; each registration still queues a
    # verification e-mail, which the outbox worker writes to a file. Rate limits are off: wrk
    # hammers login and register from one IP, which is exactly what they exist to refuse.
    (
        cd "$tmp"
        exec env HOST=127.0.0.1 PORT="$port" LOG_FORMAT=json RUST_LOG="$server_rust_log" \
            DATABASE_URL="$database_url" ACCESS_TOKEN_LIFETIME=3600 RATE_LIMITS=off \
            EMAIL_VERIFICATION=optional EMAIL_BACKEND=file EMAIL_FILE_PATH="$tmp/mail-$port" \
            "$bin" serve
    ) >"$server_log" 2>&1 &
    server_pid=$!
    log "server pid $server_pid on $base_url"

    local code
    for _ in $(seq 1 600); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            wait "$server_pid" 2>/dev/null || true
            server_pid=""
            tail -n 40 "$server_log" >&2 || true
            die "the server exited before it was ready"
        fi
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base_url/readyz" || true)"
        [[ "$code" == 200 ]] && return 0
        sleep 0.1
    done
    tail -n 40 "$server_log" >&2 || true
    die "GET /readyz did not answer 200 within 60 s (last: ${code:-none})"
}

# status_field NAME: a field of /proc/<server>/status in KiB.
status_field() {
    awk -v name="$1:" '$1 == name { print $2 }' "/proc/$server_pid/status" 2>/dev/null || true
}

kib_to_mib() {
    if [[ -z "$1" ]]; then
        echo "?"
    else
        awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
    fi
}

# post PATH BODY: curl a JSON POST, prints "<body>\n<status>".
post() {
    curl -s --max-time 30 -X POST -H 'Content-Type: application/json' \
        --data "$2" -w '\n%{http_code}' "$base_url$1"
}

# login_user EMAIL: logs in with $password; sets reply to the response body, or dies.
login_user() {
    local status
    reply="$(post /api/v1/auth/login "{\"email\":\"$1\",\"password\":\"$password\"}")"
    status="${reply##*$'\n'}"
    reply="${reply%$'\n'*}"
    [[ "$status" == 200 ]] || die "login of $1 answered $status: $reply"
    [[ "$reply" == *'"access_token"'* && "$reply" == *'"refresh_token"'* ]] ||
        die "login of $1: no access_token/refresh_token in $reply"
}

json_string() { # json_string NAME: the first "NAME":"value" of stdin
    sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" | head -n 1
}

# Latency as wrk prints it (e.g. 812.00us, 1.23ms, 2.01s, 1.00m) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v == "") { print "?"; exit }
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        else if (u == "h") n *= 3600000
        printf "%.2f", n
    }'
}

results=()   # Markdown rows
notes=()     # lines printed under the table

# run_wrk DB SCENARIO PATH [wrk options...] [-- script args...]: runs wrk, records a row.
run_wrk() {
    local db="$1" scenario="$2" path="$3"
    shift 3
    local out="$tmp/wrk-$db-$scenario.txt"
    # Measure each scenario's own peak: let idle argon2 buffers (kept 2 s after the last
    # hash) go back to the OS, then reset the kernel's high-water mark (VmHWM).
    sleep 3
    echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || warn "cannot reset VmHWM: peak RSS is the run's"
    log "$db / $scenario: wrk -t$threads -c$connections -d$duration $path"
    if ! wrk --latency -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" \
        "$@" >"$out" 2>&1; then
        cat "$out" >&2
        die "wrk failed ($db / $scenario)"
    fi
    sed 's/^/    /' "$out" >&2

    local rps p50 p99 non2xx socket_errors hwm rss
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2; exit }' "$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$out")")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
    socket_errors="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out")"
    hwm="$(status_field VmHWM)"
    rss="$(status_field VmRSS)"
    results+=("| $db | $scenario | ${rps:-?} | $p50 | $p99 | ${non2xx:-0} | ${socket_errors:-0} | $(kib_to_mib "$hwm") | $(kib_to_mib "$rss") |")
    if grep -q '^refresh.lua:' "$out"; then
        notes+=("$db / $scenario: $(sed -n 's/^refresh.lua: //p' "$out")")
    fi
}

# --- one database ------------------------------------------------------------------------

bench_database() {
    local db="$1" database_url="$2"
    log "== $db"
    start_server "$database_url"
    notes+=("$db: server RSS after start $(kib_to_mib "$(status_field VmRSS)") MiB")

    # register: a new address on every request (argon2 hash + insert).
    run_wrk "$db" register /api/v1/auth/register -s "$lua_dir/register.lua" "$base_url" -- "$run_tag-$db"

    # One user for login, refresh and me.
    local email="bench-user-$run_tag@example.com" reply status
    reply="$(post /api/v1/auth/register "{\"email\":\"$email\",\"password\":\"$password\"}")"
    status="${reply##*$'\n'}"
    [[ "$status" == 202 ]] || die "registering $email answered $status: ${reply%$'\n'*}"

    # login: argon2 verify + a new session per request.
    run_wrk "$db" login /api/v1/auth/login -s "$lua_dir/login.lua" "$base_url" -- "$email" "$password"

    # Sessions for refresh: two per connection (see scripts/bench/refresh.lua).
    local tokens_file="$tmp/refresh-tokens-$db.txt" access_token
    : >"$tokens_file"
    for _ in $(seq 1 $((connections * 2))); do
        login_user "$email"
        printf '%s\n' "$(printf '%s' "$reply" | json_string refresh_token)" >>"$tokens_file"
    done

    # refresh: rotation of the refresh token (no password hashing).
    run_wrk "$db" refresh /api/v1/auth/token/refresh -s "$lua_dir/refresh.lua" "$base_url" -- "$tokens_file" "$threads"

    # me: a bearer-authenticated read, with the access token of a session of its own.
    login_user "$email"
    access_token="$(printf '%s' "$reply" | json_string access_token)"
    run_wrk "$db" me /api/v1/users/me -H "Authorization: Bearer $access_token" "$base_url/api/v1/users/me"

    local argon_lines
    argon_lines="$(grep -i 'argon' "$server_log" | head -n 5 || true)"
    if [[ -n "$argon_lines" ]]; then
        notes+=("$db: server log on argon2: $argon_lines")
    fi
    local errors
    errors="$(grep -c '"level":"ERROR"' "$server_log" || true)"
    if [[ "${errors:-0}" != 0 ]]; then
        notes+=("$db: the server logged $errors ERROR lines; first: $(grep -m1 '"level":"ERROR"' "$server_log")")
    fi
    stop_server
}

# --- the runs ----------------------------------------------------------------------------

IFS=',' read -r -a wanted <<<"$databases"
for db in "${wanted[@]}"; do
    case "$db" in
    sqlite)
        bench_database sqlite "sqlite://$tmp/bench.sqlite3?mode=rwc"
        ;;
    postgres | postgresql)
        # postgres://user@host:port[/admin-db][?query]
        if [[ ! "$postgres_url" =~ ^(postgres(ql)?://[^/?]*)(/([^?]*))?(\?.*)?$ ]]; then
            die "BENCH_POSTGRES_URL is not a postgres:// URL: $postgres_url"
        fi
        pg_server="${BASH_REMATCH[1]}"
        pg_query="${BASH_REMATCH[5]}"
        pg_admin_url="$pg_server/${BASH_REMATCH[4]:-test}$pg_query"
        if ! command -v psql >/dev/null; then
            warn "psql not found: skipping PostgreSQL"
            notes+=("postgres: skipped (psql not found)")
            continue
        fi
        if ! psql "$pg_admin_url" -qtAc 'SELECT 1' >/dev/null 2>&1; then
            warn "PostgreSQL at $pg_admin_url does not answer: skipping PostgreSQL"
            notes+=("postgres: skipped ($pg_admin_url unreachable)")
            continue
        fi
        name="gh_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
        psql "$pg_admin_url" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $name" >/dev/null
        pg_database="$name"
        bench_database postgres "$pg_server/$name$pg_query"
        drop_pg_database
        ;;
    *)
        die "unknown database in BENCH_DATABASES: $db (sqlite, postgres)"
        ;;
    esac
done

# --- report ------------------------------------------------------------------------------

header="| database | scenario | req/s | p50 ms | p99 ms | non-2xx | socket errors | peak RSS MiB | RSS MiB |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$root" status --porcelain 2>/dev/null | head -n 1)" ]]; then
    commit="$commit (uncommitted changes)"
fi
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"

report="$tmp/report.md"
{
    echo "# Gatehouse benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- commit: $commit"
    echo "- machine: $(nproc) cores${cpu:+, $cpu}, $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- load: $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $threads threads, $connections connections, $duration per scenario, timeout $timeout"
    echo "- peak RSS is the server's VmHWM during the scenario (reset before each one); RSS is VmRSS at its end"
    echo
    echo "$header"
    if ((${#results[@]})); then
        printf '%s\n' "${results[@]}"
    fi
    if ((${#notes[@]})); then
        echo
        printf -- '- %s\n' "${notes[@]}"
    fi
} >"$report"

mkdir -p "$root/bench-results"
out="$root/bench-results/$(date +%Y-%m-%d).md"
n=2
while [[ -e "$out" ]]; do
    out="$root/bench-results/$(date +%Y-%m-%d)-$n.md"
    n=$((n + 1))
done
cp "$report" "$out"

echo
cat "$report"
echo
echo "Saved to ${out#"$root"/}"
