WITH current AS (
    SELECT t.id AS token_id, t.expires_at AS token_expires_at, s.id AS session_id, s.user_id,
           s.revoked_at AS session_revoked_at, s.expires_at AS session_expires_at,
           u.is_active AS user_is_active, u.deleted_at AS user_deleted_at,
           s.amr AS session_amr, COALESCE(s.auth_time, s.created_at) AS session_auth_time
    FROM refresh_tokens t
    JOIN sessions s ON s.id = t.session_id
    JOIN users u ON u.id = s.user_id
    WHERE t.token_hash = $1
), spent AS (
    UPDATE refresh_tokens SET rotated_at = $2
    WHERE id = (SELECT token_id FROM current
                WHERE token_expires_at > $2 AND session_revoked_at IS NULL
                  AND session_expires_at > $2 AND user_is_active AND user_deleted_at IS NULL)
      AND rotated_at IS NULL
    RETURNING id, session_id
), child AS (
    INSERT INTO refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, rotated_at)
    SELECT $3, session_id, $4, id, $2, $5, NULL FROM spent
    RETURNING id
), touched AS (
    UPDATE sessions SET last_used_at = $2, expires_at = $5, ip = $6
    WHERE id = (SELECT session_id FROM spent)
)
SELECT current.*, (SELECT count(*) FROM child) AS rotated FROM current
