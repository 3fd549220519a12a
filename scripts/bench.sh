#!/usr/bin/env bash
# Load benchmark of the release build (`just bench`), each figure next to its ceiling.
#
# First it measures what this machine can do at best, in the same run:
#   - an axum hello-world (bench/ceilings) and axum verifying one Ed25519 JWT per request,
#     driven by wrk exactly as Gatehouse is: the ceilings of GET me;
#   - the CPU time of one argon2id hash at the configured parameters: cores / that time is
#     the ceiling of login and register;
#   - on PostgreSQL, pgbench running Gatehouse's own refresh statement
#     (scripts/bench/refresh-ceiling.sql): the ceiling of refresh.
# Then, for each database (SQLite in a temporary directory, then a fresh PostgreSQL database),
# it starts `gatehouse serve` on 127.0.0.1 and drives it with wrk for a bounded time through
# four scenarios: register, login, refresh, me. Then it seeds a large database with bulk SQL
# (PostgreSQL: 1,000,000 users, as many live sessions, 5,000,000 expired refresh tokens;
# SQLite: 100,000 / 500,000), measures me and refresh again, and once more while `gatehouse
# cleanup` deletes the expired rows. It prints one Markdown table (requests/s, the
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
#   ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM
#                       passed to the server and to the hash ceiling (defaults 19456, 2, 1)
#
# Only 127.0.0.1 is ever contacted; every server is stopped by its PID when its part is done
# and on any exit.
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

if [[ -n "${BENCH_BIN:-}" ]]; then
    bin="$BENCH_BIN"
    log "cargo build --release -p bench-ceilings"
    cargo build --release -p bench-ceilings
else
    log "cargo build --release -p gatehouse -p bench-ceilings"
    cargo build --release -p gatehouse -p bench-ceilings
    bin="$root/target/release/gatehouse"
fi
[[ -x "$bin" ]] || die "$bin is not an executable"
ceilings="$root/target/release/bench-ceilings"
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
            DATABASE_URL="$database_url" ACCESS_TOKEN_LIFETIME=3600 RATE_LIMITS=off \
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

# --- ceilings ----------------------------------------------------------------------------

# measure_hello DB: the axum hello-world again, right after DB's GET me (Gatehouse idle
# meanwhile), so that the two are read against each other on a machine whose speed drifts.
measure_hello() {
    local gatehouse_pid="$server_pid" port
    port="$(free_port)"
    "$ceilings" hello "$port" >"$tmp/hello-$1.log" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
    run_wrk "$1" "axum hello-world, right after" / "http://127.0.0.1:$port/"
    stop_server
    server_pid="$gatehouse_pid"
}

measure_ceilings() {
    log "== ceilings"
    local hash_seconds
    read -r hash_seconds parallel_rate < <("$ceilings" hash "$argon_memory" "$argon_iterations" "$argon_parallelism" 7)
    hash_ceiling="$(awk -v c="$cores" -v t="$hash_seconds" 'BEGIN { printf "%.0f", c / t }')"
    notes+=("one argon2id hash (m=$argon_memory KiB, t=$argon_iterations, p=$argon_parallelism) takes $(awk -v t="$hash_seconds" 'BEGIN { printf "%.1f", t * 1000 }') ms of CPU alone: $cores cores / that = $hash_ceiling hashes/s, the ceiling of login and register; $cores hashing threads at once (sharing the memory bus and cache) reach $parallel_rate hashes/s")

    local port
    port="$(free_port)"
    "$ceilings" hello "$port" >"$tmp/hello.log" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
    run_wrk "this box" "axum hello-world" / "http://127.0.0.1:$port/"
    stop_server

    port="$(free_port)"
    "$ceilings" ed25519 "$port" >"$tmp/ed25519.out" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
    local token
    token="$(head -n 1 "$tmp/ed25519.out")"
    run_wrk "this box" "axum + Ed25519 JWT" / -H "Authorization: Bearer $token" "http://127.0.0.1:$port/"
    stop_server
}

# pgbench_refresh DATABASE_URL: Gatehouse's refresh statement run by pgbench, on chains of
# tokens seeded for the purpose in the bench database.
pgbench_refresh() {
    local url="$1" out="$tmp/pgbench.txt"
    command -v pgbench >/dev/null || {
        notes+=("postgres: pgbench not found: no refresh ceiling")
        return 0
    }
    psql "$url" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
INSERT INTO users (id, email, email_normalized, password_hash, first_name, last_name, is_active,
                   is_staff, is_superuser, email_verified_at, date_joined, last_login, updated_at,
                   deleted_at, otp_login_enabled)
VALUES ('00000000-0000-7000-8000-00000000b001', 'pgbench@example.com', 'pgbench@example.com', NULL,
        '', '', true, false, false, now(), now(), NULL, now(), NULL, false);
INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at, revoked_reason, ip, user_agent)
SELECT gen_random_uuid(), '00000000-0000-7000-8000-00000000b001', now(), now(), now() + interval '14 days',
       NULL, NULL, '127.0.0.1', 'pgbench'
FROM generate_series(0, $connections - 1) AS c;
INSERT INTO refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, rotated_at)
SELECT gen_random_uuid(), s.id, lpad('bench-' || (row_number() OVER (ORDER BY s.id) - 1) || '-0', 64, '0'),
       NULL, now(), now() + interval '14 days', NULL
FROM sessions s WHERE s.user_agent = 'pgbench';
SQL
    local seconds="${duration%s}"
    log "postgres / pgbench: -c$connections -j$threads -T$seconds -M prepared -f refresh-ceiling.sql"
    if ! pgbench -n -M prepared -c "$connections" -j "$threads" -T "$seconds" -D n=0 \
        -f "$lua_dir/refresh-ceiling.sql" "$url" >"$out" 2>&1; then
        cat "$out" >&2
        die "pgbench failed"
    fi
    sed 's/^/    /' "$out" >&2
    local key="postgres/pgbench: refresh statement"
    rows+=("$key")
    rps[$key]="$(awk '/^tps = / { printf "%.0f", $3; exit }' "$out")"
    p50[$key]="?"
    p99[$key]="?"
    errors[$key]="$(awk '/number of failed transactions:/ { print $5; exit }' "$out")"
    cpu[$key]="?"
    peak[$key]="?"
    notes+=("postgres / pgbench: latency average $(awk '/^latency average/ { print $4, $5; exit }' "$out")")
}

# hot_updates URL: how many of the updates of the refresh path were HOT (no index touched).
hot_updates() {
    psql "$1" -qtA -F' ' -c "SELECT pg_stat_force_next_flush()" >/dev/null 2>&1 || true
    sleep 1
    local line
    while read -r line; do
        [[ -n "$line" ]] && notes+=("postgres: $line")
    done < <(psql "$1" -qtA -c "SELECT relname || ': ' || n_tup_upd || ' updates, ' || n_tup_hot_upd || ' HOT' FROM pg_stat_user_tables WHERE relname IN ('sessions', 'refresh_tokens') ORDER BY relname")
}

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
    run_wrk "$db" "refresh$suffix" /api/v1/auth/token/refresh -s "$lua_dir/refresh.lua" "$base_url" -- "$tokens_file" "$threads"

    # me: a bearer-authenticated read, with the access token of a session of its own.
    login_user "$email"
    access_token="$(printf '%s' "$reply" | json_string access_token)"
    run_wrk "$db" "me$suffix" /api/v1/users/me -H "Authorization: Bearer $access_token" "$base_url/api/v1/users/me"
}

# seed_postgres URL USERS: USERS users, each with a live session and five expired refresh
# tokens, in a few bulk statements. Ids are sequential (as Gatehouse's UUIDv7 ids are) and
# the password hash is a placeholder nobody signs in with.
seed_postgres() {
    psql "$1" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
INSERT INTO users (id, email, email_normalized, password_hash, first_name, last_name, is_active,
                   is_staff, is_superuser, email_verified_at, date_joined, last_login, updated_at,
                   deleted_at, otp_login_enabled)
SELECT ('00000000' || lpad(to_hex(g), 24, '0'))::uuid, 'scale-' || g || '@example.com',
       'scale-' || g || '@example.com', NULL, '', '', true, false, false, now(), now(), NULL, now(),
       NULL, false
FROM generate_series(1, $2) AS g;
INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at, revoked_reason, ip, user_agent)
SELECT ('00000001' || lpad(to_hex(g), 24, '0'))::uuid, ('00000000' || lpad(to_hex(g), 24, '0'))::uuid,
       now(), now(), now() + interval '14 days', NULL, NULL, '127.0.0.1', 'scale'
FROM generate_series(1, $2) AS g;
INSERT INTO refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, rotated_at)
SELECT ('00000002' || lpad(to_hex(g * 8 + k), 24, '0'))::uuid, ('00000001' || lpad(to_hex(g), 24, '0'))::uuid,
       md5(g || '-' || k) || md5(k || '-' || g), NULL, now() - interval '15 days', now() - interval '1 day',
       now() - interval '14 days'
FROM generate_series(1, $2) AS g, generate_series(1, 5) AS k;
VACUUM ANALYZE users;
VACUUM ANALYZE sessions;
VACUUM ANALYZE refresh_tokens;
CHECKPOINT;
SQL
}

# seed_sqlite FILE USERS: the same on SQLite, in its own formats (UUIDs as 16-byte blobs,
# RFC 3339 timestamps).
seed_sqlite() {
    command -v sqlite3 >/dev/null || apt_install sqlite3 || die "sqlite3 is needed to seed the large SQLite database"
    sqlite3 "$1" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $2)
INSERT INTO users (id, email, email_normalized, password_hash, first_name, last_name, is_active,
                   is_staff, is_superuser, email_verified_at, date_joined, last_login, updated_at,
                   deleted_at, otp_login_enabled)
SELECT randomblob(16), 'scale-' || n || '@example.com', 'scale-' || n || '@example.com', NULL, '', '',
       1, 0, 0, strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now'),
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now'), NULL,
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now'), NULL, 0
FROM g;
INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at, revoked_reason, ip, user_agent)
SELECT randomblob(16), id, strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now'),
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now'),
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now', '+14 days'), NULL, NULL, '127.0.0.1', 'scale'
FROM users WHERE email LIKE 'scale-%';
INSERT INTO refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, rotated_at)
SELECT randomblob(16), s.id, lower(hex(randomblob(32))), NULL,
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now', '-15 days'),
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now', '-1 day'),
       strftime('%Y-%m-%dT%H:%M:%S.000000000+00:00', 'now', '-14 days')
FROM sessions s, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5)
WHERE s.user_agent = 'scale';
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

# bench_scale DB DATABASE_URL EMAIL: seeds the large database, measures refresh and me on it,
# then again while `gatehouse cleanup` deletes the expired rows.
bench_scale() {
    local db="$1" database_url="$2" email="$3" users
    if [[ "$db" == postgres ]]; then users="${BENCH_SCALE_USERS:-1000000}"; else users="${BENCH_SCALE_USERS:-100000}"; fi
    log "$db: seeding $users users, $users live sessions, $((users * 5)) expired refresh tokens"
    local started seeded
    started="$(date +%s)"
    if [[ "$db" == postgres ]]; then
        seed_postgres "$database_url" "$users"
    else
        local file="${database_url#sqlite://}"
        seed_sqlite "${file%%\?*}" "$users"
    fi
    seeded=$(($(date +%s) - started))
    notes+=("$db: seeded $users users, $users live sessions and $((users * 5)) expired refresh tokens in $seeded s (bulk SQL, then VACUUM ANALYZE and a checkpoint, so that the measurements do not pay for the seeding's writes)")
    start_server "$database_url"
    measure_refresh_and_me "$db" " (large)" "$email"

    # The cleanup runs as its own process, as a cron job would, while both scenarios run.
    local cleanup_log="$tmp/cleanup-$db.log" cleanup_pid cleanup_started
    cleanup_started="$(date +%s.%N)"
    (
        cd "$tmp"
        exec env DATABASE_URL="$database_url" LOG_FORMAT=json RUST_LOG=warn "$bin" cleanup
    ) >"$cleanup_log" 2>&1 &
    cleanup_pid=$!
    measure_refresh_and_me "$db" " (large, cleanup running)" "$email"
    local still_running=no
    kill -0 "$cleanup_pid" 2>/dev/null && still_running=yes
    if ! wait "$cleanup_pid"; then
        tail -n 20 "$cleanup_log" >&2
        die "gatehouse cleanup failed on $db"
    fi
    notes+=("$db: the cleanup took $(awk -v s="$cleanup_started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s (still running when the measurements ended: $still_running) and reported: $(grep -v '"level"' "$cleanup_log" | tr '\n' ' ')")
    stop_server
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

    measure_refresh_and_me "$db" "" "$email"
    measure_hello "$db"

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

# ceiling_of KEY: the ceiling a row is read against, or nothing.
ceiling_of() {
    local db="${1%%/*}" scenario="${1#*/}"
    case "$scenario" in
    register | login) echo "$hash_ceiling" ;;
    me) echo "${rps["$db/axum hello-world, right after"]:-${rps["this box/axum hello-world"]:-}}" ;;
    refresh) if [[ "$db" == postgres ]]; then echo "${rps["postgres/pgbench: refresh statement"]:-}"; fi ;;
    esac
    return 0
}

# fraction A B: A / B with two decimals, or "?".
fraction() {
    if [[ -n "$1" && -n "$2" && "$2" != 0 ]]; then
        awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
    else
        echo "?"
    fi
}

table() {
    echo "| database | scenario | req/s | ceiling | of ceiling | p50 ms | p99 ms | errors | server CPU (cores) | peak RSS MiB |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    local key ceiling
    for key in "${rows[@]}"; do
        ceiling="$(ceiling_of "$key")"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${key%%/*}" "${key#*/}" \
            "${rps[$key]:-?}" "${ceiling:-}" "$( [[ -n "$ceiling" ]] && fraction "${rps[$key]:-}" "$ceiling")" \
            "${p50[$key]}" "${p99[$key]}" "${errors[$key]:-?}" "${cpu[$key]}" "${peak[$key]}"
    done
}

# goal TEXT HOLDS: one line of the goals list.
goal() {
    if [[ "$2" == 1 ]]; then echo "- met: $1"; else echo "- MISSED: $1"; fi
}

at_least() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print (a != "?" && a + 0 >= b + 0) ? 1 : 0 }'; }
at_most() { awk -v a="${1:-?}" -v b="$2" 'BEGIN { print (a != "?" && a + 0 <= b + 0) ? 1 : 0 }'; }

goals() {
    local db key
    for db in "${wanted[@]}"; do
        [[ "$db" == postgresql ]] && db=postgres
        key="$db/me"
        [[ -n "${rps[$key]:-}" ]] || continue
        goal "$db GET me ≥ 50,000 req/s (${rps[$key]})" "$(at_least "${rps[$key]}" 50000)"
        goal "$db GET me ≥ 0.45 of the axum hello-world ($(fraction "${rps[$key]}" "$(ceiling_of "$key")"))" \
            "$(at_least "$(fraction "${rps[$key]}" "$(ceiling_of "$key")")" 0.45)"
        for scenario in login register; do
            goal "$db $scenario ≥ 0.9 of cores ÷ hash CPU ($(fraction "${rps[$db/$scenario]}" "$hash_ceiling"); of what $cores hashing threads sustain at once: $(fraction "${rps[$db/$scenario]}" "$parallel_rate"))" \
                "$(at_least "$(fraction "${rps[$db/$scenario]}" "$hash_ceiling")" 0.9)"
        done
        for scenario in me refresh; do
            goal "$db peak RSS serving $scenario ≤ 24 MiB (${peak[$db/$scenario]})" "$(at_most "${peak[$db/$scenario]}" 24)"
        done
        local storm
        storm="$(awk -v m="$argon_memory" -v c="$cores" 'BEGIN { printf "%.0f", 32 + c * m / 1024 }')"
        goal "$db peak RSS under the login storm ≤ 32 MiB + permits × ARGON2_MEMORY_KIB = $storm MiB (${peak[$db/login]})" \
            "$(at_most "${peak[$db/login]}" "$storm")"
        for scenario in me refresh; do
            [[ -n "${p99[$db/$scenario (large)]:-}" ]] || continue
            goal "$db $scenario p99 on the large database ≤ 1.25 × the small one's (${p99[$db/$scenario (large)]} against ${p99[$db/$scenario]} ms: $(fraction "${p99[$db/$scenario (large)]}" "${p99[$db/$scenario]}"))" \
                "$(at_most "$(fraction "${p99[$db/$scenario (large)]}" "${p99[$db/$scenario]}")" 1.25)"
            goal "$db $scenario p99 with the cleanup running ≤ 2 × the small database's (${p99[$db/$scenario (large, cleanup running)]} ms: $(fraction "${p99[$db/$scenario (large, cleanup running)]}" "${p99[$db/$scenario]}"))" \
                "$(at_most "$(fraction "${p99[$db/$scenario (large, cleanup running)]}" "${p99[$db/$scenario]}")" 2)"
        done
        if [[ "$db" == postgres ]]; then
            goal "postgres refresh ≥ 0.7 of pgbench's ($(fraction "${rps[$db/refresh]}" "$(ceiling_of "$db/refresh")"))" \
                "$(at_least "$(fraction "${rps[$db/refresh]}" "$(ceiling_of "$db/refresh")")" 0.7)"
        fi
    done
    local total=0 key
    for key in "${rows[@]}"; do
        [[ "${errors[$key]:-0}" =~ ^[0-9]+$ ]] && total=$((total + errors[$key]))
    done
    goal "no errors ($total)" "$([[ $total == 0 ]] && echo 1 || echo 0)"
}

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
