//! How a session was authenticated — the methods (`amr`), the assurance level (`aal`) and the
//! time of the latest authentication (`auth_time`) — and the step-up check of sensitive
//! operations that rests on them.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{AuthUser, Sessions};
use crate::{
    entity::session,
    error::{AppError, AppResult},
};

/// One way of proving who you are, named as in the `amr` claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthMethod {
    /// A password.
    #[serde(rename = "pwd")]
    Password,
    /// A code e-mailed to the account.
    #[serde(rename = "otp")]
    EmailCode,
    /// A code from an authenticator app.
    #[serde(rename = "totp")]
    Totp,
    /// A recovery code.
    #[serde(rename = "recovery")]
    RecoveryCode,
    /// An outside identity provider.
    #[serde(rename = "social")]
    Social,
    /// A passkey with user verification.
    #[serde(rename = "webauthn")]
    Passkey,
}

impl AuthMethod {
    const ALL: [Self; 6] = [
        Self::Password,
        Self::EmailCode,
        Self::Totp,
        Self::RecoveryCode,
        Self::Social,
        Self::Passkey,
    ];

    /// The `amr` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Password => "pwd",
            Self::EmailCode => "otp",
            Self::Totp => "totp",
            Self::RecoveryCode => "recovery",
            Self::Social => "social",
            Self::Passkey => "webauthn",
        }
    }

    /// The method named `name` in `amr`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// A factor that lifts a session to level 2 (something the user has beyond the mailbox).
    pub fn is_strong_factor(self) -> bool {
        matches!(self, Self::Totp | Self::RecoveryCode | Self::Passkey)
    }
}

/// How a session was authenticated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authentication {
    /// The methods used, first factor first.
    pub methods: Vec<AuthMethod>,
    /// The latest authentication at the session's level.
    pub time: DateTime<Utc>,
}

impl Authentication {
    /// Signed in just now with `method`.
    pub fn now(method: AuthMethod) -> Self {
        Self {
            methods: vec![method],
            time: Utc::now(),
        }
    }

    /// The same, with `method` added (a second factor).
    pub fn and(mut self, method: AuthMethod) -> Self {
        if !self.methods.contains(&method) {
            self.methods.push(method);
        }
        self
    }

    /// Authenticator assurance level: 2 once a strong second factor was used, else 1.
    pub fn aal(&self) -> u8 {
        if self.methods.iter().any(|m| m.is_strong_factor()) {
            2
        } else {
            1
        }
    }

    /// The `amr` column: the methods, comma-separated.
    pub fn amr_column(&self) -> String {
        let names: Vec<&str> = self.methods.iter().map(|m| m.as_str()).collect();
        names.join(",")
    }

    /// From the columns of a session row (`auth_time` defaulting to its creation).
    pub fn from_row(amr: &str, auth_time: Option<DateTime<Utc>>, created_at: DateTime<Utc>) -> Self {
        Self {
            methods: amr.split(',').filter_map(AuthMethod::from_name).collect(),
            time: auth_time.unwrap_or(created_at),
        }
    }
}

impl Sessions {
    /// How the session of `auth` was authenticated, read from the database (another instance
    /// may have re-authenticated it).
    pub async fn authentication(&self, auth: &AuthUser) -> AppResult<Authentication> {
        let row = session::Entity::find_by_id(auth.session_id)
            .one(&self.db)
            .await?
            .filter(|s| s.revoked_at.is_none())
            .ok_or(AppError::SessionRevoked)?;
        Ok(Authentication::from_row(&row.amr, row.auth_time, row.created_at))
    }

    /// Step-up: succeeds when the session authenticated within `REAUTH_MAX_AGE`, else
    /// `401 reauthentication_required`.
    pub async fn require_recent(&self, auth: &AuthUser) -> AppResult<Authentication> {
        let authentication = self.authentication(auth).await?;
        let max_age = self.runtime.current().reauth_max_age;
        let max_age = chrono::Duration::from_std(max_age).unwrap_or(chrono::Duration::MAX);
        if Utc::now() - authentication.time > max_age {
            return Err(AppError::ReauthenticationRequired);
        }
        Ok(authentication)
    }

    /// Step-up for operations that take the password in the request: the password is the
    /// re-authentication of a session at level 1; a session signed in with a second factor
    /// also needs a recent authentication.
    pub async fn require_recent_second_factor(&self, auth: &AuthUser) -> AppResult<()> {
        if self.authentication(auth).await?.aal() >= 2 {
            self.require_recent(auth).await?;
        }
        Ok(())
    }

    /// Records a fresh authentication of the session with `method` (step-up, or a second
    /// factor added while signed in) and issues an access token that says so.
    pub async fn reauthenticated(&self, auth: &AuthUser, method: AuthMethod) -> AppResult<(String, Authentication)> {
        let mut authentication = self.authentication(auth).await?.and(method);
        authentication.time = Utc::now();
        record(&self.db, auth.session_id, &authentication).await?;
        let token = self.tokens.issue(auth.user.id, auth.session_id, &authentication)?;
        Ok((token, authentication))
    }
}

/// Stores `authentication` on session `session_id`.
async fn record(
    db: &impl sea_orm::ConnectionTrait,
    session_id: Uuid,
    authentication: &Authentication,
) -> AppResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::Amr, Expr::value(authentication.amr_column()))
        .col_expr(session::Column::Aal, Expr::value(authentication.aal() as i16))
        .col_expr(session::Column::AuthTime, Expr::value(authentication.time))
        .filter(session::Column::Id.eq(session_id))
        .exec(db)
        .await?;
    Ok(())
}
