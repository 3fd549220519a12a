//! The redirect flow: `start` sends the browser to the provider with a single-use `state`
//! (stored in the database, so any instance finishes it), PKCE towards the provider, an OIDC
//! `nonce` and a browser-binding cookie; `finish` checks them all, verifies who signed in,
//! applies the linking rules and hands the frontend a one-time code (60 s) that `exchange`
//! turns into tokens — tokens never travel in a URL.

use std::time::Duration;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use oauth2::PkceCodeChallenge;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use url::Url;
use uuid::Uuid;

use super::{
    CODE, Failure, Purpose, STATE, Social,
    linking::Resolved,
    providers::AuthorizeRequest,
    redirects::{allowed_redirect, with_param},
};
use crate::{
    entity::{social_account, user},
    error::{AppError, AppResult, FieldError},
    services::{
        mfa::FirstFactor,
        platform::secrets,
        sessions::{AuthMethod, IssuedTokens},
    },
};

/// What `start` asks for.
pub struct StartRequest<'a> {
    /// The provider's id.
    pub provider: &'a str,
    /// Where the browser lands afterwards (default `CALLBACK`).
    pub redirect_to: Option<&'a str>,
    /// The frontend's PKCE challenge, checked at `exchange`.
    pub code_challenge: Option<&'a str>,
    /// Only `S256`.
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

/// What a `state` stands for, sealed in its grant.
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

/// What a one-time code stands for, sealed in its grant.
#[derive(Serialize, Deserialize)]
struct CodeGrant {
    user_id: Uuid,
    provider: String,
    client_challenge: Option<String>,
}

/// The frontend's PKCE challenge: S256 only, 43 to 128 unreserved characters.
fn client_challenge(challenge: Option<&str>, method: Option<&str>) -> AppResult<Option<String>> {
    let Some(challenge) = challenge else {
        return match method {
            None => Ok(None),
            Some(_) => Err(invalid(
                "code_challenge",
                "A code_challenge_method needs a code_challenge.",
            )),
        };
    };
    if method != Some("S256") {
        return Err(invalid("code_challenge_method", "Only S256 is supported."));
    }
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
    if !(43..=128).contains(&challenge.len()) || !challenge.bytes().all(unreserved) {
        return Err(invalid(
            "code_challenge",
            "Send the base64url SHA-256 of your code_verifier (43 characters).",
        ));
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
        AppError::AccountPendingDeletion => "account_pending_deletion",
        AppError::RateLimited { .. } => "rate_limited",
        _ => "server_error",
    }
}

/// How long a redirect flow may take.
const STATE_TTL: Duration = Duration::from_secs(600);

/// How long the frontend has to exchange the one-time code.
const CODE_TTL: Duration = Duration::from_secs(60);

impl Social {
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
        let callback = format!(
            "{}/api/v1/auth/social/{}/callback",
            request.public_base, provider.settings.id
        );
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
        self.grants.put(STATE, &state, &flow, STATE_TTL).await?;
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
            Some(state) => self.grants.take::<FlowState>(STATE, state).await?,
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
            .exchange(
                &self.out,
                code,
                &flow.callback,
                Some(flow.pkce_verifier.clone()),
                Some(&flow.nonce),
            )
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
        if let Some(challenge) = self.mfa.second_step(&account, AuthMethod::Social).await? {
            let methods: Vec<&str> = challenge.methods.iter().map(|m| m.as_str()).collect();
            let mut location = landing.clone();
            location
                .query_pairs_mut()
                .append_pair("challenge", &challenge.challenge)
                .append_pair("methods", &methods.join(","));
            return Ok(Finished {
                location: location.into(),
                tokens: None,
            });
        }
        if self.cookie_mode {
            let tokens = self
                .mfa
                .signed_in(&account, FirstFactor::social(&flow.provider))
                .await?;
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
        self.grants.put(CODE, &one_time, &grant, CODE_TTL).await?;
        Ok(Finished {
            location: with_param(landing, "code", &one_time),
            tokens: None,
        })
    }

    /// `exchangeSocialCode`: the one-time code (and the verifier of its challenge) for tokens.
    pub async fn exchange(&self, code: &str, code_verifier: Option<&str>) -> AppResult<IssuedTokens> {
        let grant = self
            .grants
            .take::<CodeGrant>(CODE, code)
            .await?
            .ok_or(AppError::InvalidCode)?;
        if let Some(challenge) = &grant.client_challenge {
            let verifier = code_verifier.unwrap_or_default();
            let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
            if verifier.is_empty() || !bool::from(computed.as_bytes().ct_eq(challenge.as_bytes())) {
                self.failed(&grant.provider, Some(grant.user_id), Failure::InvalidState)
                    .await;
                return Err(AppError::InvalidCode);
            }
        }
        let account = user::Entity::find_by_id(grant.user_id)
            .one(&self.db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active)
            .ok_or(AppError::Social(Failure::AccountInactive))?;
        // The callback asked for a second factor before it handed out the code.
        self.mfa.signed_in(&account, FirstFactor::social(&grant.provider)).await
    }
}
