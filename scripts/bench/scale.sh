#!/usr/bin/env bash
# Sourced by scripts/bench.sh: the large database (bulk seeding on PostgreSQL and SQLite) and
# the measurements on it, before and during a cleanup.
# shellcheck shell=bash disable=SC2154

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
