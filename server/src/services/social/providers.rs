//! The providers: where their consent page and token endpoint are, and how each says who the
//! user is — an OpenID Connect id_token (Google, any issuer), GitHub's `/user` and
//! `/user/emails`, Facebook's Graph `/me` with `appsecret_proof`.

use hmac::{Hmac, KeyInit, Mac};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope,
    StandardRevocableToken, StandardTokenResponse, TokenResponse, TokenUrl,
    basic::{BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse, BasicTokenType},
};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use url::Url;

use super::{
    Failure, Identity,
    oidc::{self, OidcIssuer},
    outbound::{self, Outbound},
};
use crate::{
    config::{ProviderKind, ProviderSettings},
    services::platform::secrets,
};

/// The Graph API version Facebook calls go to.
const FACEBOOK_VERSION: &str = "v19.0";

/// The token endpoint's answer, with the id_token of OpenID Connect.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct IdTokenField {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}

impl ExtraTokenFields for IdTokenField {}

type ProviderTokens = StandardTokenResponse<IdTokenField, BasicTokenType>;
type OAuthClient = oauth2::Client<
    BasicErrorResponse,
    ProviderTokens,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// What the authorize redirect needs.
pub struct AuthorizeRequest<'a> {
    pub state: &'a str,
    pub nonce: &'a str,
    pub pkce_challenge: PkceCodeChallenge,
    pub redirect_uri: &'a str,
}

/// One configured provider.
pub struct Provider {
    pub settings: ProviderSettings,
    oidc: Option<OidcIssuer>,
}

impl Provider {
    /// The provider of `settings`.
    pub fn new(settings: ProviderSettings) -> Self {
        let oidc = match &settings.kind {
            ProviderKind::Oidc { issuer, also_issued_by } => Some(OidcIssuer::new(
                issuer.as_str(),
                also_issued_by.clone(),
                settings.client_id.clone(),
            )),
            _ => None,
        };
        Self { settings, oidc }
    }

    /// Whether it speaks OpenID Connect (id_tokens, nonces).
    pub fn is_oidc(&self) -> bool {
        self.oidc.is_some()
    }

    /// Who vouches for this provider's subjects: the OIDC issuer, or the provider's base URL.
    pub fn issuer(&self) -> String {
        match &self.settings.kind {
            ProviderKind::Oidc { issuer, .. } => issuer.as_str().trim_end_matches('/').to_string(),
            ProviderKind::GitHub { web, .. } | ProviderKind::Facebook { web, .. } => {
                web.as_str().trim_end_matches('/').to_string()
            }
        }
    }

    /// The consent page and token endpoint, and whether the secret goes in the body.
    async fn endpoints(&self, out: &Outbound) -> Result<(String, String, bool), Failure> {
        let join = |base: &Url, path: &str| format!("{}{path}", base.as_str().trim_end_matches('/'));
        Ok(match (&self.settings.kind, &self.oidc) {
            (ProviderKind::Oidc { .. }, Some(issuer)) => {
                let doc = issuer.discovery(out).await?;
                let in_body = doc.wants_secret_in_body();
                (doc.authorization_endpoint.clone(), doc.token_endpoint.clone(), in_body)
            }
            (ProviderKind::GitHub { web, .. }, _) => (
                join(web, "/login/oauth/authorize"),
                join(web, "/login/oauth/access_token"),
                true,
            ),
            (ProviderKind::Facebook { web, graph }, _) => (
                join(web, &format!("/{FACEBOOK_VERSION}/dialog/oauth")),
                join(graph, &format!("/{FACEBOOK_VERSION}/oauth/access_token")),
                true,
            ),
            (ProviderKind::Oidc { .. }, None) => return Err(Failure::ProviderError),
        })
    }

    async fn client(&self, out: &Outbound, redirect_uri: &str) -> Result<OAuthClient, Failure> {
        let (auth, token, in_body) = self.endpoints(out).await?;
        let bad = |e: url::ParseError| {
            tracing::warn!(error = %e, provider = %self.settings.id, "provider endpoint is not a URL");
            Failure::ProviderError
        };
        let client = oauth2::Client::new(ClientId::new(self.settings.client_id.clone()))
            .set_client_secret(ClientSecret::new(self.settings.client_secret.0.clone()))
            .set_auth_uri(AuthUrl::new(auth).map_err(bad)?)
            .set_token_uri(TokenUrl::new(token).map_err(bad)?)
            .set_redirect_uri(RedirectUrl::new(redirect_uri.to_string()).map_err(bad)?);
        Ok(if in_body {
            client.set_auth_type(AuthType::RequestBody)
        } else {
            client
        })
    }

    /// The provider's consent page for this flow.
    pub async fn authorize_url(&self, out: &Outbound, request: AuthorizeRequest<'_>) -> Result<Url, Failure> {
        let client = self.client(out, request.redirect_uri).await?;
        let state = request.state.to_string();
        let mut builder = client
            .authorize_url(move || CsrfToken::new(state))
            .add_scopes(self.settings.scopes.iter().cloned().map(Scope::new))
            .set_pkce_challenge(request.pkce_challenge);
        if self.is_oidc() {
            builder = builder.add_extra_param("nonce", request.nonce);
        }
        Ok(builder.url().0)
    }

    /// Exchanges an authorization code and finds out who signed in. `nonce`: what an id_token
    /// must carry (checked when given).
    pub async fn exchange(
        &self,
        out: &Outbound,
        code: &str,
        redirect_uri: &str,
        pkce_verifier: Option<String>,
        nonce: Option<&str>,
    ) -> Result<Identity, Failure> {
        let client = self.client(out, redirect_uri).await?;
        let mut request = client.exchange_code(AuthorizationCode::new(code.to_string()));
        if let Some(verifier) = pkce_verifier {
            request = request.set_pkce_verifier(PkceCodeVerifier::new(verifier));
        }
        let tokens = request
            .request_async(&outbound::OauthClient(out))
            .await
            .map_err(|e| match e {
                RequestTokenError::Request(e) => {
                    tracing::warn!(error = %e, provider = %self.settings.id, "token endpoint unreachable");
                    outbound::failure(&e)
                }
                other => {
                    tracing::info!(error = %other, provider = %self.settings.id, "token endpoint refused the code");
                    Failure::ProviderError
                }
            })?;
        let access_token = tokens.access_token().secret().as_str();
        match &self.settings.kind {
            ProviderKind::Oidc { .. } => {
                let id_token = tokens
                    .extra_fields()
                    .id_token
                    .as_deref()
                    .ok_or(Failure::InvalidIdToken)?;
                self.oidc_identity(out, id_token, nonce, Some(access_token)).await
            }
            ProviderKind::GitHub { api, .. } => github_identity(out, api, &self.issuer(), access_token).await,
            ProviderKind::Facebook { graph, .. } => {
                let secret = &self.settings.client_secret.0;
                facebook_identity(
                    out,
                    graph,
                    &self.issuer(),
                    access_token,
                    secret,
                    self.settings.trust_email,
                )
                .await
            }
        }
    }

    /// Verifies an id_token the frontend got itself (One Tap, native SDKs).
    pub async fn id_token_identity(&self, out: &Outbound, id_token: &str, nonce: &str) -> Result<Identity, Failure> {
        if !self.is_oidc() {
            return Err(Failure::ProviderError);
        }
        self.oidc_identity(out, id_token, Some(nonce), None).await
    }

    async fn oidc_identity(
        &self,
        out: &Outbound,
        id_token: &str,
        nonce: Option<&str>,
        access_token: Option<&str>,
    ) -> Result<Identity, Failure> {
        let issuer = self.oidc.as_ref().ok_or(Failure::ProviderError)?;
        let mut claims = issuer.verify(out, id_token, nonce).await?;
        // Some issuers keep the address out of the id_token: ask userinfo, for the same subject.
        if claims.email.is_none()
            && let Some(token) = access_token
            && let Some(userinfo) = issuer.discovery(out).await?.userinfo_endpoint.clone()
        {
            let info: oidc::Claims = outbound::get_json(out, &userinfo, Some(token)).await?;
            if info.sub != claims.sub {
                return Err(Failure::InvalidIdToken);
            }
            claims.email = info.email;
            claims.email_verified = info.email_verified;
            claims.given_name = claims.given_name.or(info.given_name);
            claims.family_name = claims.family_name.or(info.family_name);
        }
        Ok(oidc::identity(&self.issuer(), claims, self.settings.trust_email))
    }
}

#[derive(Deserialize)]
struct GitHubUser {
    id: i64,
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct GitHubEmail {
    email: String,
    primary: bool,
    verified: bool,
}

/// GitHub: the numeric id, and the primary address only when GitHub verified it.
async fn github_identity(out: &Outbound, api: &Url, issuer: &str, token: &str) -> Result<Identity, Failure> {
    let base = api.as_str().trim_end_matches('/');
    let user: GitHubUser = outbound::get_json(out, &format!("{base}/user"), Some(token)).await?;
    let emails: Vec<GitHubEmail> = outbound::get_json(out, &format!("{base}/user/emails"), Some(token)).await?;
    let primary = emails.into_iter().find(|e| e.primary && e.verified);
    let (first_name, last_name) = split_name(user.name.as_deref());
    Ok(Identity {
        issuer: issuer.to_string(),
        subject: user.id.to_string(),
        email_verified: primary.is_some(),
        email: primary.map(|e| e.email),
        first_name,
        last_name,
    })
}

#[derive(Deserialize)]
struct FacebookUser {
    id: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
}

/// Facebook: Graph `/me`, the call proven with `appsecret_proof` (HMAC-SHA256 of the token
/// under the app secret). Facebook says nothing about whether the address is verified.
async fn facebook_identity(
    out: &Outbound,
    graph: &Url,
    issuer: &str,
    token: &str,
    app_secret: &str,
    trust_email: bool,
) -> Result<Identity, Failure> {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(app_secret.as_bytes()).map_err(|_| Failure::ProviderError)?;
    mac.update(token.as_bytes());
    let proof = secrets::hex(&mac.finalize().into_bytes());
    let base = graph.as_str().trim_end_matches('/');
    let url = format!("{base}/{FACEBOOK_VERSION}/me?fields=id,email,first_name,last_name&appsecret_proof={proof}");
    let user: FacebookUser = outbound::get_json(out, &url, Some(token)).await?;
    Ok(Identity {
        issuer: issuer.to_string(),
        subject: user.id,
        email_verified: user.email.is_some() && trust_email,
        email: user.email,
        first_name: user.first_name,
        last_name: user.last_name,
    })
}

/// "Ada Lovelace" → ("Ada", "Lovelace").
fn split_name(name: Option<&str>) -> (Option<String>, Option<String>) {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => (None, None),
        Some(name) => match name.split_once(' ') {
            Some((first, last)) => (Some(first.to_string()), Some(last.trim().to_string())),
            None => (Some(name.to_string()), None),
        },
    }
}
