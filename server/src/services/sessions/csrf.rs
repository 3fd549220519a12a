//! The CSRF token of a session (cookie mode): an HMAC of the session id under the instance
//! secret — OWASP's "signed double-submit cookie". A cookie planted by a sibling subdomain
//! cannot carry it without the secret, and it dies with the session.

use uuid::Uuid;

use super::{Sessions, refresh_store};
use crate::error::AppResult;

const CSRF_LABEL: &str = "csrf-token";

impl Sessions {
    /// The CSRF token bound to `session_id` (base64url, 43 characters).
    pub fn csrf_token(&self, session_id: Uuid) -> String {
        self.secret.mac_token(CSRF_LABEL, session_id.as_bytes())
    }

    /// The session a presented refresh token belongs to, whether or not it is still usable
    /// (the refresh itself decides that); `None` for an unknown token.
    pub async fn refresh_token_session(&self, presented: &str) -> AppResult<Option<Uuid>> {
        if presented.is_empty() || presented.len() > 512 {
            return Ok(None);
        }
        let found = refresh_store::find(&self.db, &self.secret.token_hash(presented)).await?;
        Ok(found.map(|row| row.session_id))
    }
}
