//! Social sign-in: Google, GitHub, Facebook and any OpenID Connect issuer.
//!
//! Two flows. The redirect flow: `start` sends the browser to the provider with a single-use
//! `state` (stored in the database, so any instance finishes it), PKCE towards the provider, an
//! OIDC `nonce` and a browser-binding cookie; `finish` checks all of them, verifies who signed
//! in, applies the linking rules (see [`linking`]) and hands the frontend a one-time code (60 s)
//! that `exchange` turns into tokens — tokens never travel in a URL. The frontend-driven flow:
//! `token_login` takes a code the frontend got itself, or an id_token with its nonce.

mod grants;
mod linking;
mod oidc;
pub mod outbound;
mod providers;
pub mod redirects;

use std::{sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use oauth2::PkceCodeChallenge;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use url::Url;
use uuid::Uuid;

pub use self::linking::Purpose;
use self::{
    grants::{GrantKind, Grants},
    linking::Resolved,
    outbound::Outbound,
    providers::{AuthorizeRequest, Provider},
    redirects::{allowed_redirect, with_param},
};
use crate::{
    config::{EmailVerification, SocialSettings},
    entity::{social_account, user},
    error::{AppError, AppResult, FieldError},
    services::{
        audit::{self, AuditEvent},
        identity::registration::Registration,
        mail::Mailer,
        platform::{
            metrics::{self, SignInMethod},
            secrets::{self, InstanceSecret},
        },
        runtime_settings::RuntimeSettings,
        sessions::{IssuedTokens, Sessions},
    },
};

/// How long a redirect flow may take.
const STATE_TTL: Duration = Duration::from_secs(600);
/// How long the frontend has to exchange the one-time code.
const CODE_TTL: Duration = Duration::from_secs(60);
/// How long a spent id_token nonce is remembered (longer than any id_token lives).
const NONCE_TTL: Duration = Duration::from_secs(24 * 3600);

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

/// What `start` asks for.
pub struct StartRequest<'a> {
    pub provider: &'a str,
    pub redirect_to: Option<&'a str>,
    pub code_challenge: Option<&'a str>,
    pub code_challenge_method: Option<&'a str>,
    /// Where browsers reach Gatehouse (for the callback URL).
    pub public_base: &'a str,
    /// The value of the browser-binding cookie, when the browser has one already.
    pub browser: Option<&'a str>,
}

/// A started flow.
pub struct Started {
    /// Where to send the browser.
    pub location: String,
    /// The browser-binding cookie's value, to set when the flow reached the provider.
    pub browser: Option<String>,
}

/// What the callback does next.
pub struct Finished {
    /// Where to send the browser.
    pub location: String,
    /// Cookie mode: the session to set as cookies.
    pub tokens: Option<IssuedTokens>,
}

/// The frontend-driven sign-in.
pub enum TokenLogin {
    /// A code the frontend got for `redirect_uri`.
    Code {
        code: String,
        redirect_uri: String,
        code_verifier: Option<String>,
    },
    /// An id_token carrying `nonce`.
    IdToken { id_token: String, nonce: String },
}

#[derive(Serialize, Deserialize)]
struct FlowState {
    provider: String,
    callback: String,
    redirect_to: String,
    pkce_verifier: String,
    nonce: String,
    browser_hash: String,
    client_challenge: Option<String>,
    link_user: Option<Uuid>,
}

#[derive(Serialize, Deserialize)]
struct CodeGrant {
    user_id: Uuid,
    provider: String,
    client_challenge: Option<String>,
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
    sessions: Sessions,
    registration: Registration,
    mailer: Mailer,
    runtime: RuntimeSettings,
    cookie_mode: bool,
}

/// The services social sign-in builds on.
pub struct SocialDeps {
    pub db: DatabaseConnection,
    pub secret: InstanceSecret,
    pub sessions: Sessions,
    pub registration: Registration,
    pub mailer: Mailer,
    pub runtime: RuntimeSettings,
    pub cookie_mode: bool,
}

impl Social {
    /// The service for the configured providers.
    pub fn new(settings: SocialSettings, deps: SocialDeps) -> anyhow::Result<Self> {
        let providers = settings.providers.iter().cloned().map(Provider::new).collect();
        Ok(Self {
            grants: Grants::new(deps.db.clone(), deps.secret.clone()),
            db: deps.db,
            settings: Arc::new(settings),
            providers: Arc::new(providers),
            out: Outbound::new()?,
            secret: deps.secret,
            sessions: deps.sessions,
            registration: deps.registration,
            mailer: deps.mailer,
            runtime: deps.runtime,
            cookie_mode: deps.cookie_mode,
        })
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
        self.provider(id).map_or_else(|_| id.to_string(), |p| p.settings.name.clone())
    }

    fn callback_url(&self) -> AppResult<Url> {
        Url::parse(&self.settings.callback).map_err(|e| AppError::Internal(e.into()))
    }

    /// Where the browser goes afterwards: `redirect_to` when allowed, else `CALLBACK`.
    fn landing(&self, redirect_to: Option<&str>) -> AppResult<Url> {
        match redirect_to {
            None => self.callback_url(),
            Some(candidate) => allowed_redirect(candidate, &self.settings.allowed_redirects)
                .ok_or(AppError::Social(Failure::RedirectNotAllowed)),
        }
    }

    /// `startSocialLogin`: where to send the browser — the provider, or back with an error
    /// when the provider cannot be reached.
    pub async fn start(&self, request: StartRequest<'_>) -> AppResult<Started> {
        self.begin(request, None).await.map(|outcome| match outcome {
            Ok(started) => started,
            Err((landing, failure)) => Started {
                location: with_param(&landing, "error", failure.code()),
                browser: None,
            },
        })
    }

    /// `linkSocialAccount`: the provider's consent page for linking it to `user_id`.
    pub async fn start_link(&self, user_id: Uuid, request: StartRequest<'_>) -> AppResult<Started> {
        self.provider(request.provider)?;
        let linked = social_account::Entity::find()
            .filter(social_account::Column::UserId.eq(user_id))
            .filter(social_account::Column::Provider.eq(request.provider))
            .one(&self.db)
            .await?;
        if linked.is_some() {
            return Err(AppError::Social(Failure::ProviderAlreadyLinked));
        }
        match self.begin(request, Some(user_id)).await? {
            Ok(started) => Ok(started),
            Err((_, failure)) => Err(AppError::Social(failure)),
        }
    }

    async fn begin(
        &self,
        request: StartRequest<'_>,
        link_user: Option<Uuid>,
    ) -> AppResult<Result<Started, (Url, Failure)>> {
        let provider = self.provider(request.provider)?;
        let landing = self.landing(request.redirect_to)?;
        let client_challenge = client_challenge(request.code_challenge, request.code_challenge_method)?;
        let browser = request
            .browser
            .filter(|b| b.len() == 43 && URL_SAFE_NO_PAD.decode(b).is_ok())
            .map_or_else(secrets::random_token, str::to_string);
        let state = secrets::random_token();
        let nonce = secrets::random_token();
        let (pkce_challenge, pkce_verifier) = PkceCodeChallenge::new_random_sha256();
        let callback = format!("{}/api/v1/auth/social/{}/callback", request.public_base, provider.settings.id);
        let authorize = AuthorizeRequest {
            state: &state,
            nonce: &nonce,
            pkce_challenge,
            redirect_uri: &callback,
        };
        let url = match provider.authorize_url(&self.out, authorize).await {
            Ok(url) => url,
            Err(failure) => return Ok(Err((landing, failure))),
        };
        let flow = FlowState {
            provider: provider.settings.id.clone(),
            callback,
            redirect_to: landing.into(),
            pkce_verifier: pkce_verifier.into_secret(),
            nonce,
            browser_hash: self.secret.token_hash(&browser),
            client_challenge,
            link_user,
        };
        self.grants.put(GrantKind::State, &state, &flow, STATE_TTL).await?;
        Ok(Ok(Started {
            location: url.into(),
            browser: Some(browser),
        }))
    }

    /// `finishSocialLogin`: checks the flow, finds out who signed in and where the browser
    /// goes. Every failure is a redirect with `?error=`.
    pub async fn finish(
        &self,
        provider_id: &str,
        code: Option<&str>,
        state: Option<&str>,
        provider_error: Option<&str>,
        browser: Option<&str>,
    ) -> AppResult<Finished> {
        self.provider(provider_id)?;
        let fallback = self.callback_url()?;
        let flow = match state {
            Some(state) => self.grants.take::<FlowState>(GrantKind::State, state).await?,
            None => None,
        };
        let Some(flow) = flow else {
            self.failed(provider_id, None, Failure::InvalidState).await;
            return Ok(failed_at(&fallback, Failure::InvalidState.code()));
        };
        let landing = Url::parse(&flow.redirect_to).unwrap_or(fallback);
        let same_browser = match browser {
            Some(b) => bool::from(self.secret.token_hash(b).as_bytes().ct_eq(flow.browser_hash.as_bytes())),
            None => false,
        };
        let link_user = flow.link_user;
        let outcome = self
            .checked_flow(flow, provider_id, same_browser, provider_error, code, landing.clone())
            .await;
        match outcome {
            Ok(finished) => Ok(finished),
            Err(e) => {
                let code = redirect_error_code(&e);
                self.note_failure(provider_id, link_user, &e).await;
                if matches!(e, AppError::Internal(_) | AppError::Unavailable(_)) {
                    tracing::error!(error = ?e, "social callback failed");
                }
                Ok(failed_at(&landing, code))
            }
        }
    }

    async fn checked_flow(
        &self,
        flow: FlowState,
        provider_id: &str,
        same_browser: bool,
        provider_error: Option<&str>,
        code: Option<&str>,
        landing: Url,
    ) -> AppResult<Finished> {
        if flow.provider != provider_id || !same_browser {
            return Err(AppError::Social(Failure::InvalidState));
        }
        if let Some(error) = provider_error {
            return Err(AppError::Social(if error == "access_denied" {
                Failure::AccessDenied
            } else {
                Failure::ProviderError
            }));
        }
        self.finish_flow(&flow, code, &landing).await
    }

    async fn finish_flow(&self, flow: &FlowState, code: Option<&str>, landing: &Url) -> AppResult<Finished> {
        let provider = self.provider(&flow.provider)?;
        let code = code.ok_or(AppError::Social(Failure::ProviderError))?;
        let identity = provider
            .exchange(&self.out, code, &flow.callback, Some(flow.pkce_verifier.clone()), Some(&flow.nonce))
            .await
            .map_err(AppError::Social)?;
        let purpose = flow.link_user.map_or(Purpose::SignIn, Purpose::Link);
        let account = match self.resolve(&flow.provider, identity, purpose).await? {
            Resolved::Linked => {
                return Ok(Finished {
                    location: with_param(landing, "linked", &flow.provider),
                    tokens: None,
                });
            }
            Resolved::SignIn(account) => account,
        };
        self.check_verified(&account)?;
        if self.cookie_mode {
            let tokens = self.sign_in(&account, &flow.provider).await?;
            return Ok(Finished {
                location: landing.to_string(),
                tokens: Some(tokens),
            });
        }
        let one_time = secrets::random_token();
        let grant = CodeGrant {
            user_id: account.id,
            provider: flow.provider.clone(),
            client_challenge: flow.client_challenge.clone(),
        };
        self.grants.put(GrantKind::Code, &one_time, &grant, CODE_TTL).await?;
        Ok(Finished {
            location: with_param(landing, "code", &one_time),
            tokens: None,
        })
    }

    /// `exchangeSocialCode`: the one-time code (and the verifier of its challenge) for tokens.
    pub async fn exchange(&self, code: &str, code_verifier: Option<&str>) -> AppResult<IssuedTokens> {
        let grant = self
            .grants
            .take::<CodeGrant>(GrantKind::Code, code)
            .await?
            .ok_or(AppError::InvalidCode)?;
        if let Some(challenge) = &grant.client_challenge {
            let verifier = code_verifier.unwrap_or_default();
            let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
            if verifier.is_empty() || !bool::from(computed.as_bytes().ct_eq(challenge.as_bytes())) {
                self.failed(&grant.provider, Some(grant.user_id), Failure::InvalidState).await;
                return Err(AppError::InvalidCode);
            }
        }
        let account = user::Entity::find_by_id(grant.user_id)
            .one(&self.db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active)
            .ok_or(AppError::Social(Failure::AccountInactive))?;
        self.sign_in(&account, &grant.provider).await
    }

    /// `socialTokenLogin`: the frontend-driven flow.
    pub async fn token_login(&self, provider_id: &str, login: TokenLogin) -> AppResult<IssuedTokens> {
        let identity = match self.frontend_identity(provider_id, login).await {
            Ok(identity) => identity,
            Err(AppError::Social(failure)) => {
                self.failed(provider_id, None, failure).await;
                return Err(AppError::Social(failure));
            }
            Err(e) => return Err(e),
        };
        let account = match self.resolve(provider_id, identity, Purpose::SignIn).await {
            Ok(Resolved::SignIn(account)) => account,
            Ok(Resolved::Linked) => return Err(AppError::Social(Failure::ProviderError)),
            Err(e) => {
                self.note_failure(provider_id, None, &e).await;
                return Err(e);
            }
        };
        self.check_verified(&account)?;
        self.sign_in(&account, provider_id).await
    }

    /// Who the frontend's code or id_token stands for; an id_token's nonce is spent.
    async fn frontend_identity(&self, provider_id: &str, login: TokenLogin) -> AppResult<Identity> {
        let provider = self.provider(provider_id)?;
        match login {
            TokenLogin::Code {
                code,
                redirect_uri,
                code_verifier,
            } => {
                if allowed_redirect(&redirect_uri, &self.settings.allowed_redirects).is_none() {
                    return Err(AppError::Social(Failure::RedirectNotAllowed));
                }
                provider
                    .exchange(&self.out, &code, &redirect_uri, code_verifier, None)
                    .await
                    .map_err(AppError::Social)
            }
            TokenLogin::IdToken { id_token, nonce } => {
                let identity = provider
                    .id_token_identity(&self.out, &id_token, &nonce)
                    .await
                    .map_err(AppError::Social)?;
                let key = format!("{}\n{nonce}", provider.issuer());
                if !self.grants.put(GrantKind::Nonce, &key, &json!({}), NONCE_TTL).await? {
                    return Err(AppError::Social(Failure::InvalidIdToken));
                }
                Ok(identity)
            }
        }
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

    async fn sign_in(&self, account: &user::Model, provider: &str) -> AppResult<IssuedTokens> {
        let tokens = self.sessions.start(account.id).await?;
        let event = AuditEvent::new("social_login_succeeded", Some(account.id))
            .session(tokens.session_id)
            .detail(json!({ "provider": provider }));
        audit::record(&self.db, event).await;
        metrics::sign_in(SignInMethod::Social, "success");
        Ok(tokens)
    }
}

/// The frontend's PKCE challenge: S256 only, 43 to 128 unreserved characters.
fn client_challenge(challenge: Option<&str>, method: Option<&str>) -> AppResult<Option<String>> {
    let Some(challenge) = challenge else {
        return match method {
            None => Ok(None),
            Some(_) => Err(invalid("code_challenge", "A code_challenge_method needs a code_challenge.")),
        };
    };
    if method != Some("S256") {
        return Err(invalid("code_challenge_method", "Only S256 is supported."));
    }
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
    if !(43..=128).contains(&challenge.len()) || !challenge.bytes().all(unreserved) {
        return Err(invalid("code_challenge", "Send the base64url SHA-256 of your code_verifier (43 characters)."));
    }
    Ok(Some(challenge.to_string()))
}

fn invalid(field: &str, message: &str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, "invalid_format", message)])
}

fn failed_at(landing: &Url, code: &str) -> Finished {
    Finished {
        location: with_param(landing, "error", code),
        tokens: None,
    }
}

/// The `?error=` of a failed redirect flow.
fn redirect_error_code(error: &AppError) -> &'static str {
    match error {
        AppError::Social(failure) => failure.code(),
        AppError::EmailNotVerified => "email_not_verified",
        AppError::RateLimited { .. } => "rate_limited",
        _ => "server_error",
    }
}
