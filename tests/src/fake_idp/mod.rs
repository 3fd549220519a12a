//! A fake identity provider, a real HTTP server on port 0: OpenID Connect (discovery,
//! authorize that approves at once, token with PKCE and client authentication, JWKS with an RS256
//! and an ES256 key and a key rotation, userinfo), GitHub (`/login/oauth/*`, `/api/user`,
//! `/api/user/emails`) and Facebook (`/fb/v19.0/dialog/oauth`, `/graph/v19.0/oauth/access_token`,
//! `/graph/v19.0/me` checking `appsecret_proof`), with a knob for each failure.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{
    Router,
    routing::{get, post},
};
use uuid::Uuid;

use gatehouse::config::{ProviderKind, ProviderSettings, Redacted};

use self::{endpoints::*, keys::sign_id_token};

mod endpoints;
mod keys;

/// The client id the fake knows Gatehouse by.
pub const CLIENT_ID: &str = "gatehouse-test-client";
/// Its client secret.
pub const CLIENT_SECRET: &str = "fake-idp-client-secret-0123456789";

const RSA1: &[u8] = include_bytes!("../../fixtures/idp_rsa1.der");
const RSA2: &[u8] = include_bytes!("../../fixtures/idp_rsa2.der");
const EC: &[u8] = include_bytes!("../../fixtures/idp_ec.der");

/// Someone at the provider.
#[derive(Clone, Debug)]
pub struct FakeUser {
    pub sub: String,
    /// GitHub's numeric id.
    pub github_id: i64,
    pub email: Option<String>,
    /// `email_verified` (OIDC), GitHub's `verified`; `None` leaves the claim out.
    pub email_verified: Option<bool>,
    pub given_name: String,
    pub family_name: String,
}

impl FakeUser {
    /// A new person with a verified address.
    pub fn verified(email: &str) -> Self {
        let id = Uuid::new_v4();
        Self {
            sub: format!("sub-{}", id.simple()),
            github_id: (id.as_u128() % 1_000_000_000) as i64 + 1,
            email: Some(email.to_string()),
            email_verified: Some(true),
            given_name: "Ada".into(),
            family_name: "Lovelace".into(),
        }
    }

    /// The same, with an address the provider did not verify.
    pub fn unverified(email: &str) -> Self {
        Self {
            email_verified: Some(false),
            ..Self::verified(email)
        }
    }
}

/// How the next id_tokens are spoiled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tweak {
    #[default]
    None,
    WrongIssuer,
    WrongAudience,
    WrongAzp,
    WrongNonce,
    Expired,
    IssuedInTheFuture,
    /// Signed with a key the JWKS never publishes.
    UnknownKey,
    AlgNone,
    /// HS256 with the client secret as the key.
    Hs256,
}

/// What the fake does wrong, and how it signs.
#[derive(Clone, Debug, Default)]
pub struct Knobs {
    /// Authorize answers `error=access_denied`.
    pub deny: bool,
    /// The token endpoint answers this status (with an OAuth error body).
    pub token_status: Option<u16>,
    /// The token endpoint waits this long first.
    pub token_delay: Option<Duration>,
    /// The token endpoint answers a body this many bytes long.
    pub token_body_bytes: Option<usize>,
    /// The token endpoint answers `307` to itself at another path (that would work).
    pub token_redirect: bool,
    pub tweak: Tweak,
    /// Sign with the EC key (ES256) instead of RSA.
    pub es256: bool,
    /// Leave the address out of the id_token (userinfo has it).
    pub email_only_in_userinfo: bool,
}

struct Grant {
    redirect_uri: String,
    nonce: Option<String>,
    challenge: String,
    user: FakeUser,
    openid: bool,
}

struct Inner {
    issuer: String,
    knobs: Knobs,
    user: FakeUser,
    codes: HashMap<String, Grant>,
    access_tokens: HashMap<String, FakeUser>,
    rotated: bool,
    jwks_fetches: u32,
    token_calls: u32,
}

/// The running fake provider.
#[derive(Clone)]
pub struct FakeIdp {
    /// `http://127.0.0.1:PORT`: the OIDC issuer.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

type Shared = Arc<Mutex<Inner>>;

impl FakeIdp {
    /// Starts the provider; it serves until the test process ends.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake IdP");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let inner = Arc::new(Mutex::new(Inner {
            issuer: url.clone(),
            knobs: Knobs::default(),
            user: FakeUser::verified("nobody@idp.test"),
            codes: HashMap::new(),
            access_tokens: HashMap::new(),
            rotated: false,
            jwks_fetches: 0,
            token_calls: 0,
        }));
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/token-elsewhere", post(token_elsewhere))
            .route("/jwks", get(jwks))
            .route("/userinfo", get(userinfo))
            .route("/login/oauth/authorize", get(authorize))
            .route("/login/oauth/access_token", post(token))
            .route("/api/user", get(github_user))
            .route("/api/user/emails", get(github_emails))
            .route("/fb/v19.0/dialog/oauth", get(authorize))
            .route("/graph/v19.0/oauth/access_token", post(token))
            .route("/graph/v19.0/me", get(facebook_me))
            .with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, inner }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Who the next authorize signs in.
    pub fn sign_in_as(&self, user: &FakeUser) {
        self.lock().user = user.clone();
    }

    /// Changes the knobs.
    pub fn set(&self, change: impl FnOnce(&mut Knobs)) {
        change(&mut self.lock().knobs);
    }

    /// Publishes the second RSA key instead of the first and signs with it.
    pub fn rotate_keys(&self) {
        self.lock().rotated = true;
    }

    /// How often the JWKS was fetched.
    pub fn jwks_fetches(&self) -> u32 {
        self.lock().jwks_fetches
    }

    /// How often the token endpoint was called.
    pub fn token_calls(&self) -> u32 {
        self.lock().token_calls
    }

    /// An id_token for `user` carrying `nonce`, as a frontend SDK would get it (knobs apply).
    pub fn id_token(&self, user: &FakeUser, nonce: &str) -> String {
        let inner = self.lock();
        sign_id_token(&inner, user, Some(nonce), false)
    }

    /// Gatehouse's settings for this fake as the OIDC provider `id`.
    pub fn oidc_provider(&self, id: &str) -> ProviderSettings {
        self.provider(
            id,
            ProviderKind::Oidc {
                issuer: self.url.parse().expect("issuer URL"),
                also_issued_by: Vec::new(),
            },
            &["openid", "email", "profile"],
        )
    }

    /// Gatehouse's settings for this fake as GitHub.
    pub fn github_provider(&self) -> ProviderSettings {
        let kind = ProviderKind::GitHub {
            web: self.url.parse().expect("URL"),
            api: format!("{}/api", self.url).parse().expect("URL"),
        };
        self.provider("github", kind, &["read:user", "user:email"])
    }

    /// Gatehouse's settings for this fake as Facebook.
    pub fn facebook_provider(&self, trust_email: bool) -> ProviderSettings {
        let kind = ProviderKind::Facebook {
            web: format!("{}/fb", self.url).parse().expect("URL"),
            graph: format!("{}/graph", self.url).parse().expect("URL"),
        };
        ProviderSettings {
            trust_email,
            ..self.provider("facebook", kind, &["email"])
        }
    }

    fn provider(&self, id: &str, kind: ProviderKind, scopes: &[&str]) -> ProviderSettings {
        ProviderSettings {
            id: id.to_string(),
            name: id.to_string(),
            kind,
            client_id: CLIENT_ID.into(),
            client_secret: Redacted(CLIENT_SECRET.into()),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            trust_email: false,
        }
    }
}
