#!/usr/bin/env bash
# Sourced by scripts/bench.sh: a data export of an account with BENCH_EXPORT_EVENTS audit
# events (default 100,000), seeded with bulk SQL: how long the build and the download take,
# the archive's size, and the server's peak RSS during each (the archive must never be held
# in memory whole).
# shellcheck shell=bash disable=SC2154

# seed_audit_events DB DATABASE_URL EMAIL N: N audit events whose subject is EMAIL's account.
seed_audit_events() {
    local db="$1" database_url="$2" email="$3" n="$4"
    if [[ "$db" == postgres ]]; then
        psql "$database_url" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
INSERT INTO audit_events (id, created_at, event_type, actor_id, user_id, session_id, ip, user_agent, detail)
SELECT ('00000003' || lpad(to_hex(g), 24, '0'))::uuid, now() - (g || ' seconds')::interval, 'login_succeeded',
       u.id, u.id, NULL, '198.51.100.' || (g % 250), 'Mozilla/5.0 (X11; Linux x86_64) bench/' || g,
       '{"method":"password","mfa":false}'
FROM generate_series(1, $n) AS g, (SELECT id FROM users WHERE email_normalized = '$email') AS u;
ANALYZE audit_events;
SQL
    else
        local file="${database_url#sqlite://}"
        # created_at written as the server writes a whole second (sqlx: RFC 3339, no fraction when
        # it is 0): SQLite compares the text, and the export's keyset pages bind it that way.
        sqlite3 "${file%%\?*}" >/dev/null <<SQL
PRAGMA busy_timeout = 10000;
BEGIN;
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $n)
INSERT INTO audit_events (id, created_at, event_type, actor_id, user_id, session_id, ip, user_agent, detail)
SELECT randomblob(16), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-' || n || ' seconds'),
       'login_succeeded', u.id, u.id, NULL, '198.51.100.' || (n % 250),
       'Mozilla/5.0 (X11; Linux x86_64) bench/' || n, '{"method":"password","mfa":false}'
FROM g, (SELECT id FROM users WHERE email_normalized = '$email') AS u;
COMMIT;
SQL
    fi
}

# export_token MAIL_DIR: the token of the newest data-export link among the mails in MAIL_DIR.
export_token() {
    python3 - "$1" <<'PY'
import email, email.policy, pathlib, re, sys
token = None
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.eml"), key=lambda p: p.stat().st_mtime):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    found = re.findall(r"/api/v1/data-exports/([A-Za-z0-9_-]+)", body.get_content() if body else "")
    token = found[-1] if found else token
print(token or "")
PY
}

# bench_export DB DATABASE_URL EMAIL: seeds the events, asks for an export as EMAIL, waits for
# it, downloads it, checks it, and records the figures as notes.
bench_export() {
    local db="$1" database_url="$2" email="$3" n="${BENCH_EXPORT_EVENTS:-100000}"
    [[ "$db" == postgres ]] || command -v sqlite3 >/dev/null || apt_install sqlite3 ||
        die "sqlite3 is needed to seed the export's events"
    log "$db: seeding $n audit events for one account, then exporting it"
    seed_audit_events "$db" "$database_url" "$email" "$n"
    # Declared before login_user, which sets `reply` (bash scoping is dynamic).
    local access_token reply status started built rss_before peak_build
    login_user "$email"
    access_token="$(printf '%s' "$reply" | json_string access_token)"
    sleep 3
    rss_before="$(kib_to_mib "$(status_field VmRSS)")"
    echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || true
    started="$(date +%s.%N)"
    reply="$(curl -s --max-time 30 -X POST -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $access_token" --data '{"type":"export"}' -w '\n%{http_code}' \
        "$base_url/api/v1/users/me/data-requests")"
    status="${reply##*$'\n'}"
    [[ "$status" == 202 ]] || die "asking for an export answered $status: ${reply%$'\n'*}"
    for _ in $(seq 1 1200); do
        reply="$(curl -s --max-time 10 -H "Authorization: Bearer $access_token" "$base_url/api/v1/users/me/data-requests")"
        [[ "$reply" == *'"status":"ready"'* ]] && break
        [[ "$reply" == *'"status":"failed"'* ]] && die "the export failed: $reply"
        sleep 0.1
    done
    [[ "$reply" == *'"status":"ready"'* ]] || die "the export was not ready within 120 s: $reply"
    built="$(date +%s.%N)"
    peak_build="$(kib_to_mib "$(status_field VmHWM)")"

    local token archive="$tmp/export-$db.zip" download_started downloaded peak_download
    for _ in $(seq 1 100); do
        token="$(export_token "$tmp/mail-$port")"
        [[ -n "$token" ]] && break
        sleep 0.1
    done
    [[ -n "$token" ]] || die "no data-export link was mailed"
    echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || true
    download_started="$(date +%s.%N)"
    status="$(curl -s --max-time 120 -o "$archive" -w '%{http_code}' "$base_url/api/v1/data-exports/$token")"
    downloaded="$(date +%s.%N)"
    [[ "$status" == 200 ]] || die "downloading the export answered $status"
    peak_download="$(kib_to_mib "$(status_field VmHWM)")"
    local rows
    rows="$(python3 - "$archive" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    assert archive.testzip() is None, "a corrupt member"
    with archive.open("audit_log.csv") as events:
        ids = [line.split(b",", 1)[0] for line in list(events)[1:]]
    assert len(ids) == len(set(ids)), f"{len(ids) - len(set(ids))} events listed twice"
    print(len(ids))
PY
)" || die "the downloaded export is not a valid archive"
    ((rows >= n)) || die "the export holds $rows audit events, fewer than the $n seeded"
    local size
    size="$(kib_to_mib "$(($(stat -c %s "$archive") / 1024))")"
    notes+=("$db: export of an account with $rows audit events: built in $(awk -v a="$started" -v b="$built" 'BEGIN { printf "%.1f", b - a }') s, a $size MiB archive, downloaded in $(awk -v a="$download_started" -v b="$downloaded" 'BEGIN { printf "%.2f", b - a }') s; server RSS $rss_before MiB before, peak $peak_build MiB while building, $peak_download MiB while serving it")
}
