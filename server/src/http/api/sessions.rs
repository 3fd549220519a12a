//! `sessions` tag: the signed-in user's sessions.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::sessions::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, nullable};
use crate::{
    error::{AppError, AppResult},
    http::cookies,
    services::sessions::user_sessions::SessionView,
};

impl From<SessionView> for models::Session {
    fn from(view: SessionView) -> Self {
        let s = view.session;
        Self {
            id: s.id,
            created_at: s.created_at,
            last_used_at: s.last_used_at,
            expires_at: s.expires_at,
            ip: nullable(s.ip),
            user_agent: nullable(s.user_agent),
            device: view.device,
            current: view.current,
        }
    }
}

#[async_trait]
impl Sessions<AppError> for Api {
    type Claims = Credentials;

    async fn list_sessions(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<ListSessionsResponse> {
        let views = self.state.user_sessions.list(claims.user()?).await?;
        Ok(ListSessionsResponse::Status200_TheLiveSessions(models::SessionList {
            items: views.into_iter().map(Into::into).collect(),
        }))
    }

    async fn revoke_session(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::RevokeSessionPathParams,
    ) -> AppResult<RevokeSessionResponse> {
        let auth = claims.user()?;
        self.state.user_sessions.revoke(auth, path.id).await?;
        if path.id == auth.session_id {
            cookies::clear_session_cookies(&self.state.settings);
        }
        Ok(RevokeSessionResponse::Status204_TheSessionWasRevoked)
    }

    async fn revoke_other_sessions(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<RevokeOtherSessionsResponse> {
        let revoked = self.state.user_sessions.revoke_others(claims.user()?).await?;
        Ok(RevokeOtherSessionsResponse::Status200_TheOtherSessionsWereRevoked(
            models::RevokedSessions {
                revoked: revoked as i64,
            },
        ))
    }
}
