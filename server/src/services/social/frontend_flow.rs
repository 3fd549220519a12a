//! The frontend-driven flow (dj-rest-auth style, native SDKs): a code the frontend got from
//! the provider itself, or an OpenID Connect id_token with the nonce the frontend put in it.

use std::time::Duration;

use serde_json::json;

use super::{Failure, Identity, NONCE, Purpose, Social, linking::Resolved, redirects::allowed_redirect};
use crate::{
    error::{AppError, AppResult},
    services::mfa::{FirstFactor, SignIn},
};

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

/// How long a spent id_token nonce is remembered (longer than any id_token lives).
const NONCE_TTL: Duration = Duration::from_secs(24 * 3600);

impl Social {
    /// `socialTokenLogin`: the frontend-driven flow; an account with a second factor gets its
    /// challenge.
    pub async fn token_login(&self, provider_id: &str, login: TokenLogin) -> AppResult<SignIn> {
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
        self.mfa.sign_in(&account, FirstFactor::social(provider_id)).await
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
                if !self.grants.put(NONCE, &key, &json!({}), NONCE_TTL).await? {
                    return Err(AppError::Social(Failure::InvalidIdToken));
                }
                Ok(identity)
            }
        }
    }
}
