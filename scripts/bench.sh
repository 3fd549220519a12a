#!/usr/bin/env bash
# Load benchmark of the release build (`just bench`), each figure next to its ceiling.
#
# First it measures what this machine can do at best, in the same run:
#   - an axum hello-world (bench/ceilings) and axum verifying one Ed25519 JWT per request,
#     driven by wrk exactly as Gatehouse is: the ceilings of GET me;
#   - the CPU time of one argon2id hash at the configured parameters: cores / that time is
#     the ceiling of login and register;
#   - on PostgreSQL, pgbench running Gatehouse's own refresh statement
#     (server/src/services/sessions/rotate_postgres.sql, the very file the server runs): the
#     ceiling of refresh.
# Then, for each database (SQLite in a temporary directory, then a fresh PostgreSQL database),
# it starts `gatehouse serve` on 127.0.0.1 and drives it with wrk for a bounded time through
# four scenarios: register, login, refresh, me. Then it seeds a large database with bulk SQL
# (PostgreSQL: 1,000,000 users, as many live sessions, 5,000,000 expired refresh tokens;
# SQLite: 100,000 / 500,000), measures me and refresh again, and once more while `gatehouse
# cleanup` deletes the expired rows. On each database it also exports an account with
# 100,000 audit events and notes the build and download times and the server's peak RSS. It prints one Markdown table (requests/s, the
# ceiling and the fraction of it reached, p50, p99, errors, the server's CPU and peak RSS),
# checks the goals of issue 21 under it, and saves it under bench-results/.
#
# Environment:
#   BENCH_DURATION      wrk duration per scenario (default 10s)
#   BENCH_CONNECTIONS   wrk connections and pgbench clients (default 16)
#   BENCH_THREADS       wrk and pgbench threads (default 2)
#   BENCH_TIMEOUT       wrk per-request timeout (default 5s)
#   BENCH_DATABASES     which databases, comma-separated (default sqlite,postgres)
#   BENCH_POSTGRES_URL  PostgreSQL server to create the bench database on
#                       (default postgres://postgres@127.0.0.1:5432; a database name in
#                       the URL is the one psql connects to for CREATE/DROP, default test)
#   BENCH_SCALE         on (default) or off: the large-database part
#   BENCH_SCALE_USERS   users (and live sessions) of the large database (default 1000000 on
#                       PostgreSQL, 100000 on SQLite); five expired refresh tokens per user
#   BENCH_BIN           benchmark this binary instead of building target/release/gatehouse
#   BENCH_RUST_LOG      RUST_LOG for the server (default warn)
#   BENCH_EXPORT        on (default) or off: a data export of an account with
#                       BENCH_EXPORT_EVENTS audit events (default 100000), its build and
#                       download time and the server's peak RSS during each
#   ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM
#                       passed to the server and to the hash ceiling (defaults 19456, 2, 1)
#
# Only 127.0.0.1 is ever contacted; every server is stopped by its PID when its part is done
# and on any exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_dir="$root/scripts/bench"
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
argon_memory="${ARGON2_MEMORY_KIB:-19456}"
argon_iterations="${ARGON2_ITERATIONS:-2}"
argon_parallelism="${ARGON2_PARALLELISM:-1}"
cores="$(nproc)"
scale="${BENCH_SCALE:-on}"
clock_ticks="$(getconf CLK_TCK)"

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

# Where cargo puts what it builds (CI shares one target directory across checkouts).
target_dir="${CARGO_TARGET_DIR:-$root/target}"
if [[ -n "${BENCH_BIN:-}" ]]; then
    bin="$BENCH_BIN"
    log "cargo build --release -p bench-ceilings"
    cargo build --release -p bench-ceilings
else
    log "cargo build --release -p gatehouse -p bench-ceilings"
    cargo build --release -p gatehouse -p bench-ceilings
    bin="$target_dir/release/gatehouse"
fi
[[ -x "$bin" ]] || die "$bin is not an executable"
ceilings="$target_dir/release/bench-ceilings"
[[ -x "$ceilings" ]] || die "$ceilings is not an executable"
if ! command -v pgbench >/dev/null && [[ "$databases" == *postgres* ]]; then
    log "installing pgbench"
    apt_install postgresql-client || warn "pgbench is missing: the refresh ceiling will not be measured"
fi

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
            DATABASE_URL="$database_url" ACCESS_TOKEN_LIFETIME=3600 RATE_LIMITS=off PWNED_PASSWORDS_URL=off \
            EMAIL_VERIFICATION=optional EMAIL_BACKEND=file EMAIL_FILE_PATH="$tmp/mail-$port" \
            ARGON2_MEMORY_KIB="$argon_memory" ARGON2_ITERATIONS="$argon_iterations" \
            ARGON2_PARALLELISM="$argon_parallelism" "$bin" serve
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

# Figures by "db/scenario": rows in the order measured, and their columns.
rows=()
declare -A rps p50 p99 errors cpu peak
notes=()     # lines printed under the table

# cpu_ticks: user + system clock ticks the measured process has used so far.
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$server_pid/stat" 2>/dev/null || echo 0
}

# run_wrk DB SCENARIO PATH [wrk options...] [-- script args...]: runs wrk against the process
# $server_pid serves, records a row.
run_wrk() {
    local db="$1" scenario="$2" path="$3"
    shift 3
    local key="$db/$scenario" out="$tmp/wrk-$db-$scenario.txt"
    out="${out// /-}"
    # Measure each scenario's own peak: let idle argon2 buffers (kept 2 s after the last
    # hash) go back to the OS, then reset the kernel's high-water mark (VmHWM).
    sleep 3
    echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || warn "cannot reset VmHWM: peak RSS is the run's"
    log "$db / $scenario: wrk -t$threads -c$connections -d$duration $path"
    local ticks_before started ended
    ticks_before="$(cpu_ticks)"
    started="$(date +%s.%N)"
    if ! wrk --latency -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" \
        "$@" >"$out" 2>&1; then
        cat "$out" >&2
        die "wrk failed ($db / $scenario)"
    fi
    ended="$(date +%s.%N)"
    sed 's/^/    /' "$out" >&2

    local non2xx socket_errors
    rows+=("$key")
    rps[$key]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    p50[$key]="$(to_ms "$(awk '$1 == "50%" { print $2; exit }' "$out")")"
    p99[$key]="$(to_ms "$(awk '$1 == "99%" { print $2; exit }' "$out")")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
    socket_errors="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out")"
    errors[$key]=$((${non2xx:-0} + ${socket_errors:-0}))
    cpu[$key]="$(awk -v a="$ticks_before" -v b="$(cpu_ticks)" -v hz="$clock_ticks" -v s="$started" -v e="$ended" \
        'BEGIN { printf "%.2f", (b - a) / hz / (e - s) }')"
    peak[$key]="$(kib_to_mib "$(status_field VmHWM)")"
    if grep -q '^refresh.lua:' "$out"; then
        notes+=("$db / $scenario: $(sed -n 's/^refresh.lua: //p' "$out")")
    fi
}

# wait_for_port PORT: until something accepts connections on 127.0.0.1:PORT (10 s at most).
wait_for_port() {
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
            return 0
        fi
        kill -0 "$server_pid" 2>/dev/null || die "the ceiling program exited before listening"
        sleep 0.1
    done
    die "nothing listened on port $1 within 10 s"
}

# shellcheck source=scripts/bench/ceilings.sh
source "$bench_dir/ceilings.sh"
# shellcheck source=scripts/bench/scale.sh
source "$bench_dir/scale.sh"
# shellcheck source=scripts/bench/report.sh
source "$bench_dir/report.sh"
# shellcheck source=scripts/bench/export.sh
source "$bench_dir/export.sh"

# measure_refresh_and_me DB SUFFIX EMAIL: the refresh and me scenarios for EMAIL's sessions,
# recorded as "refresh SUFFIX" and "me SUFFIX".
measure_refresh_and_me() {
    local db="$1" suffix="$2" email="$3"
    # Sessions for refresh: two per connection (see scripts/bench/refresh.lua).
    local tokens_file="$tmp/refresh-tokens-$db$suffix.txt" access_token
    tokens_file="${tokens_file// /-}"
    : >"$tokens_file"
    for _ in $(seq 1 $((connections * 2))); do
        login_user "$email"
        printf '%s\n' "$(printf '%s' "$reply" | json_string refresh_token)" >>"$tokens_file"
    done

    # refresh: rotation of the refresh token (no password hashing).
    run_wrk "$db" "refresh$suffix" /api/v1/auth/token/refresh -s "$bench_dir/refresh.lua" "$base_url" -- "$tokens_file" "$threads"

    # me: a bearer-authenticated read, with the access token of a session of its own.
    login_user "$email"
    access_token="$(printf '%s' "$reply" | json_string access_token)"
    run_wrk "$db" "me$suffix" /api/v1/users/me -H "Authorization: Bearer $access_token" "$base_url/api/v1/users/me"
}

# --- one database ------------------------------------------------------------------------

bench_database() {
    local db="$1" database_url="$2"
    log "== $db"
    start_server "$database_url"
    notes+=("$db: server RSS after start $(kib_to_mib "$(status_field VmRSS)") MiB")

    # register: a new address on every request (argon2 hash + insert).
    run_wrk "$db" register /api/v1/auth/register -s "$bench_dir/register.lua" "$base_url" -- "$run_tag-$db"

    # One user for login, refresh and me.
    local email="bench-user-$run_tag@example.com" reply status
    reply="$(post /api/v1/auth/register "{\"email\":\"$email\",\"password\":\"$password\"}")"
    status="${reply##*$'\n'}"
    [[ "$status" == 202 ]] || die "registering $email answered $status: ${reply%$'\n'*}"

    # login: argon2 verify + a new session per request.
    run_wrk "$db" login /api/v1/auth/login -s "$bench_dir/login.lua" "$base_url" -- "$email" "$password"

    measure_refresh_and_me "$db" "" "$email"
    measure_hello "$db"
    if [[ "${BENCH_EXPORT:-on}" == on ]]; then
        bench_export "$db" "$database_url" "$email"
    fi

    local argon_lines
    argon_lines="$(grep -i 'argon' "$server_log" | head -n 5 || true)"
    if [[ -n "$argon_lines" ]]; then
        notes+=("$db: server log on argon2: $argon_lines")
    fi
    local logged_errors
    logged_errors="$(grep -c '"level":"ERROR"' "$server_log" || true)"
    if [[ "${logged_errors:-0}" != 0 ]]; then
        notes+=("$db: the server logged $logged_errors ERROR lines; first: $(grep -m1 '"level":"ERROR"' "$server_log")")
    fi
    stop_server
    if [[ "$db" == postgres ]]; then
        hot_updates "$database_url"
        pgbench_refresh "$database_url"
    fi
    if [[ "$scale" == on ]]; then
        bench_scale "$db" "$database_url" "$email"
    fi
}

# --- the runs ----------------------------------------------------------------------------

measure_ceilings

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

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$root" status --porcelain 2>/dev/null | head -n 1)" ]]; then
    commit="$commit (uncommitted changes)"
fi
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"

report="$tmp/report.md"
{
    echo "# Gatehouse benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- commit: $commit"
    echo "- machine: $cores cores${cpu_model:+, $cpu_model}, $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- load: $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $threads threads, $connections connections, $duration per scenario, timeout $timeout; wrk runs on the same cores"
    echo "- ceiling: the axum hello-world (measured right after) for GET me, cores ÷ the CPU time of one hash for login and register, pgbench running the refresh statement for refresh on PostgreSQL"
    echo "- server CPU is the cores the measured process used on average; peak RSS is its VmHWM during the scenario (reset before each one)"
    echo
    table
    echo
    echo "Goals (issue 21):"
    echo
    goals
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
