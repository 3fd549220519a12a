-- pgbench script: Gatehouse's own refresh rotation statement (refresh_store.rs,
-- ROTATE_POSTGRES), run back to back by pgbench to measure what PostgreSQL alone can do.
-- Each client walks a chain of its own tokens: token n is spent and token n + 1 is inserted,
-- just as a refresh spends the presented token and stores its child. Started with -D n=0;
-- bench.sh seeds one session and token 0 per client.
\set child :n + 1
WITH current AS (
    SELECT t.id AS token_id, t.expires_at AS token_expires_at, s.id AS session_id, s.user_id,
           s.revoked_at AS session_revoked_at, s.expires_at AS session_expires_at,
           u.is_active AS user_is_active, u.deleted_at AS user_deleted_at
    FROM refresh_tokens t
    JOIN sessions s ON s.id = t.session_id
    JOIN users u ON u.id = s.user_id
    WHERE t.token_hash = lpad('bench-' || :client_id || '-' || :n, 64, '0')
), spent AS (
    UPDATE refresh_tokens SET rotated_at = now()
    WHERE id = (SELECT token_id FROM current
                WHERE token_expires_at > now() AND session_revoked_at IS NULL
                  AND session_expires_at > now() AND user_is_active AND user_deleted_at IS NULL)
      AND rotated_at IS NULL
    RETURNING id, session_id
), child AS (
    INSERT INTO refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, rotated_at)
    SELECT gen_random_uuid(), session_id, lpad('bench-' || :client_id || '-' || :child, 64, '0'), id,
           now(), now() + interval '14 days', NULL
    FROM spent
    RETURNING id
), touched AS (
    UPDATE sessions SET last_used_at = now(), expires_at = now() + interval '14 days', ip = '127.0.0.1'
    WHERE id = (SELECT session_id FROM spent)
)
SELECT current.*, (SELECT count(*) FROM child) AS rotated FROM current;
\set n :child
