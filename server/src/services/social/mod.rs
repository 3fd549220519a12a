//! Social sign-in: Google, GitHub, Facebook and any OpenID Connect issuer.
//!
//! Two flows: the redirect flow ([`redirect_flow`]: authorize → provider → callback → one-time
//! code → exchange) and the frontend-driven flow ([`frontend_flow`]: a code or an id_token the
//! frontend got itself). Both end in the linking rules ([`linking`]).

mod frontend_flow;
mod linking;
mod oidc;
pub mod outbound;
mod providers;
mod redirect_flow;
pub mod redirects;

use std::sync::Arc;

use sea_orm::DatabaseConnection;
use uuid::Uuid;

pub use self::{
    frontend_flow::TokenLogin,
    linking::Purpose,
    redirect_flow::{Finished, StartRequest, Started},
};
use self::{outbound::Outbound, providers::Provider};
use crate::{
    config::{EmailVerification, SocialSettings},
    entity::user,
    error::{AppError, AppResult},
    services::{
        identity::registration::Registration,
        mail::Mailer,
        mfa::Mfa,
        platform::{
            grants::{GrantKind, Grants},
            metrics::{self, SignInMethod},
            secrets::InstanceSecret,
        },
        runtime_settings::RuntimeSettings,
    },
};

/// The `state` of a redirect flow (10 minutes).
const STATE: GrantKind = GrantKind::new("state");
/// The one-time code handed to the frontend (60 seconds).
const CODE: GrantKind = GrantKind::new("code");
/// The nonce of an id_token sign-in, spent (until the token expires).
const NONCE: GrantKind = GrantKind::new("nonce");

/// Why a social sign-in or link did not happen. `code()` is what the redirect flow puts in
/// `?error=` and the API in the problem's `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The provider is not configured.
    UnknownProvider,
    /// `redirect_to` (or `redirect_uri`) is outside `SOCIAL_ALLOWED_REDIRECTS`.
    RedirectNotAllowed,
    /// The `state` is missing, unknown, used, expired, or from another browser.
    InvalidState,
    /// The user declined at the provider.
    AccessDenied,
    /// The provider refused (a bad code, an error answer, something unreadable).
    ProviderError,
    /// The provider did not answer in time, or answered 5xx.
    ProviderUnavailable,
    /// The id_token did not verify.
    InvalidIdToken,
    /// The provider gave no (usable) address.
    EmailRequired,
    /// The account is deactivated or deleted.
    AccountInactive,
    /// An account has this address, and linking it automatically is not safe.
    AccountExistsLinkRequired,
    /// This provider account is linked to another account.
    IdentityAlreadyLinked,
    /// The account already has this provider linked.
    ProviderAlreadyLinked,
    /// Unlinking would leave no way to sign in.
    LastSignInMethod,
}

impl Failure {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::UnknownProvider => "unknown_provider",
            Self::RedirectNotAllowed => "redirect_not_allowed",
            Self::InvalidState => "invalid_state",
            Self::AccessDenied => "access_denied",
            Self::ProviderError => "provider_error",
            Self::ProviderUnavailable => "provider_unavailable",
            Self::InvalidIdToken => "invalid_id_token",
            Self::EmailRequired => "email_required",
            Self::AccountInactive => "account_inactive",
            Self::AccountExistsLinkRequired => "account_exists_link_required",
            Self::IdentityAlreadyLinked => "identity_already_linked",
            Self::ProviderAlreadyLinked => "provider_already_linked",
            Self::LastSignInMethod => "last_sign_in_method",
        }
    }
}

/// Who a provider says signed in.
#[derive(Clone, Debug)]
pub struct Identity {
    /// Who vouches for the subject (the OIDC issuer, or the provider's base URL).
    pub issuer: String,
    /// The account's id there.
    pub subject: String,
    /// The address it reports.
    pub email: Option<String>,
    /// Whether it says it verified the address.
    pub email_verified: bool,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

/// A configured provider, as listed to clients.
#[derive(Clone, Debug)]
pub struct ProviderInfo {
    pub id: String,
    pub name: String,
}

/// The social sign-in service; cheap to clone.
#[derive(Clone)]
pub struct Social {
    db: DatabaseConnection,
    settings: Arc<SocialSettings>,
    providers: Arc<Vec<Provider>>,
    out: Outbound,
    grants: Grants,
    secret: InstanceSecret,
    mfa: Mfa,
    registration: Registration,
    mailer: Mailer,
    runtime: RuntimeSettings,
    cookie_mode: bool,
}

/// The services social sign-in builds on.
pub struct SocialDeps {
    pub db: DatabaseConnection,
    pub secret: InstanceSecret,
    pub mfa: Mfa,
    pub registration: Registration,
    pub mailer: Mailer,
    pub runtime: RuntimeSettings,
    pub cookie_mode: bool,
}

impl Social {
    /// The service for the configured providers.
    pub fn new(settings: SocialSettings, deps: SocialDeps) -> Self {
        let providers = settings.providers.iter().cloned().map(Provider::new).collect();
        Self {
            grants: Grants::new(deps.db.clone(), deps.secret.clone()),
            db: deps.db,
            settings: Arc::new(settings),
            providers: Arc::new(providers),
            out: Outbound::default(),
            secret: deps.secret,
            mfa: deps.mfa,
            registration: deps.registration,
            mailer: deps.mailer,
            runtime: deps.runtime,
            cookie_mode: deps.cookie_mode,
        }
    }

    /// The configured providers.
    pub fn providers(&self) -> Vec<ProviderInfo> {
        let info = |p: &Provider| ProviderInfo {
            id: p.settings.id.clone(),
            name: p.settings.name.clone(),
        };
        self.providers.iter().map(info).collect()
    }

    fn provider(&self, id: &str) -> AppResult<&Provider> {
        self.providers
            .iter()
            .find(|p| p.settings.id == id)
            .ok_or(AppError::Social(Failure::UnknownProvider))
    }

    fn display_name(&self, id: &str) -> String {
        self.provider(id)
            .map_or_else(|_| id.to_string(), |p| p.settings.name.clone())
    }

    /// Audits a failed flow, unless the linking rules audited it already (with the account).
    async fn note_failure(&self, provider: &str, user_id: Option<Uuid>, error: &AppError) {
        match error {
            AppError::Social(Failure::AccountExistsLinkRequired | Failure::AccountInactive) => {}
            AppError::Social(failure) => self.failed(provider, user_id, *failure).await,
            AppError::EmailNotVerified => {
                metrics::sign_in(SignInMethod::Social, "email_not_verified");
            }
            _ => {}
        }
    }

    /// `EMAIL_VERIFICATION=mandatory` applies to social accounts as to anyone.
    fn check_verified(&self, account: &user::Model) -> AppResult<()> {
        if self.runtime.current().email_verification == EmailVerification::Mandatory
            && account.email_verified_at.is_none()
        {
            return Err(AppError::EmailNotVerified);
        }
        Ok(())
    }
}
