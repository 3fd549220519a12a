#!/usr/bin/env bash
# Sourced by scripts/bench.sh: the ceilings each figure is read against (the axum hello-world,
# axum + Ed25519, one argon2id hash, pgbench running the refresh statement).
# shellcheck shell=bash disable=SC2154

# --- ceilings ----------------------------------------------------------------------------

# start_ceiling KIND OUTPUT: starts `bench-ceilings KIND` on a free port (its standard output
# to OUTPUT); sets server_pid and port.
start_ceiling() {
    port="$(free_port)"
    "$ceilings" "$1" "$port" >"$2" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
}

# measure_hello DB: the axum hello-world again, right after DB's GET me (Gatehouse idle
# meanwhile), so that the two are read against each other on a machine whose speed drifts.
measure_hello() {
    local gatehouse_pid="$server_pid" port
    start_ceiling hello "$tmp/hello-$1.log"
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
    start_ceiling hello "$tmp/hello.log"
    run_wrk "this box" "axum hello-world" / "http://127.0.0.1:$port/"
    stop_server

    start_ceiling ed25519 "$tmp/ed25519.out"
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
    # The server's own statement file, its parameters replaced by pgbench expressions: each
    # client walks a chain of its own tokens, spending token n and inserting token n + 1, as a
    # refresh spends the presented token and stores its child. Started with -D n=0.
    local script="$tmp/refresh-ceiling.sql" token="lpad('bench-' || :client_id || '-' || :n, 64, '0')"
    {
        echo '\set child :n + 1'
        sed -e "s/\\\$1/$token/" -e 's/\$2/now()/g' -e 's/\$3/gen_random_uuid()/' \
            -e "s/\\\$4/${token//:n/:child}/" -e "s/\\\$5/now() + interval '14 days'/g" \
            -e "s/\\\$6/'127.0.0.1'/" "$root/server/src/services/sessions/rotate_postgres.sql"
        echo ';'
        echo '\set n :child'
    } >"$script"
    local seconds="${duration%s}"
    log "postgres / pgbench: -c$connections -j$threads -T$seconds -M prepared -f the refresh statement"
    if ! pgbench -n -M prepared -c "$connections" -j "$threads" -T "$seconds" -D n=0 \
        -f "$script" "$url" >"$out" 2>&1; then
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
