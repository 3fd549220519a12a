//! Driving social sign-in as a browser would: a client that follows no redirect and keeps the
//! browser-binding cookie, an app configured with the fake identity provider, and readers for
//! where the browser landed.

use std::collections::HashMap;

use reqwest::{StatusCode, redirect::Policy};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};
use url::Url;

use gatehouse::entity::{audit_event, flow_grant, social_account, user};

use crate::{FRONTEND_URL, ResponseValue, SetCookie, Settings, TestApp, fake_idp::FakeIdp, spawn_app_with, types};

/// Where the browser lands by default (`CALLBACK`).
pub fn default_landing() -> String {
    format!("{FRONTEND_URL}/social/callback")
}

/// An app whose providers are the fake: `acme` (OIDC), `github` and `facebook`.
pub async fn social_app(idp: &FakeIdp, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let (oidc, github, facebook) = (
        idp.oidc_provider("acme"),
        idp.github_provider(),
        idp.facebook_provider(false),
    );
    spawn_app_with(move |s| {
        s.social.providers = vec![oidc, github, facebook];
        s.social.callback = default_landing();
        s.social.allowed_redirects = vec![FRONTEND_URL.parse().expect("the frontend URL")];
        configure(s);
    })
    .await
}

/// A browser: follows no redirect by itself, remembers the `gh_social` cookie.
pub struct Browser {
    http: reqwest::Client,
    /// The browser-binding cookie, once a flow set it.
    pub social_cookie: Option<String>,
}

/// Where a flow ended.
#[derive(Debug)]
pub struct Landing {
    pub url: Url,
    pub params: HashMap<String, String>,
}

impl Landing {
    fn new(location: &str) -> Self {
        let url = Url::parse(location).unwrap_or_else(|e| panic!("{location:?} is not a URL: {e}"));
        let params = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Self { url, params }
    }

    /// The one-time code; panics with the landing when there is none.
    pub fn code(&self) -> String {
        self.params
            .get("code")
            .cloned()
            .unwrap_or_else(|| panic!("no code on {}", self.url))
    }

    /// The `error` code, if any.
    pub fn error(&self) -> Option<&str> {
        self.params.get("error").map(String::as_str)
    }

    /// The URL without its query.
    pub fn base(&self) -> String {
        let mut url = self.url.clone();
        url.set_query(None);
        url.to_string()
    }
}

impl Default for Browser {
    fn default() -> Self {
        Self::new()
    }
}

impl Browser {
    /// A browser with no cookies.
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .expect("the browser client builds");
        Self {
            http,
            social_cookie: None,
        }
    }

    /// GETs `url` (with the cookie), expects a redirect, keeps a new `gh_social`; returns the
    /// response.
    pub async fn get(&mut self, url: &str) -> reqwest::Response {
        let mut request = self.http.get(url);
        if let Some(cookie) = &self.social_cookie {
            request = request.header("cookie", format!("gh_social={cookie}"));
        }
        let response = request.send().await.expect("the request is answered");
        if let Some(cookie) = SetCookie::all(response.headers())
            .into_iter()
            .find(|c| c.name == "gh_social")
        {
            self.social_cookie = Some(cookie.value);
        }
        response
    }

    /// Follows one redirect that must be there.
    pub async fn redirected(&mut self, url: &str) -> String {
        let response = self.get(url).await;
        // Gatehouse answers 302; providers may answer 303.
        assert!(
            [StatusCode::FOUND, StatusCode::SEE_OTHER].contains(&response.status()),
            "GET {url} redirects, got {}",
            response.status()
        );
        location(&response)
    }

    /// `startSocialLogin` with `query`: the provider's authorize URL (or an error landing).
    pub async fn start(&mut self, app: &TestApp, provider: &str, query: &str) -> String {
        let url = app.url(&format!("/api/v1/auth/social/{provider}/authorize{query}"));
        self.redirected(&url).await
    }

    /// Passes the provider's consent page (the fake approves at once): our callback URL.
    pub async fn consent(&mut self, authorize_url: &str) -> String {
        self.redirected(authorize_url).await
    }

    /// Calls the callback: where the browser lands.
    pub async fn callback(&mut self, callback_url: &str) -> Landing {
        Landing::new(&self.redirected(callback_url).await)
    }

    /// Starts a sign-in and passes the consent page: the callback URL, not yet called.
    pub async fn until_callback(&mut self, app: &TestApp, provider: &str) -> String {
        let authorize = self.start(app, provider, "").await;
        self.consent(&authorize).await
    }

    /// The whole redirect sign-in with `provider`.
    pub async fn sign_in(&mut self, app: &TestApp, provider: &str) -> Landing {
        self.sign_in_with(app, provider, "").await
    }

    /// The whole redirect sign-in, with query parameters for `startSocialLogin`.
    pub async fn sign_in_with(&mut self, app: &TestApp, provider: &str, query: &str) -> Landing {
        let authorize = self.start(app, provider, query).await;
        let callback = self.consent(&authorize).await;
        self.callback(&callback).await
    }
}

/// The `Location` header.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .expect("a Location header")
        .to_str()
        .expect("an ASCII Location")
        .to_string()
}

/// Exchanges a one-time code through the generated client.
pub async fn exchange(
    app: &TestApp,
    code: &str,
    verifier: Option<&str>,
) -> Result<ResponseValue<types::TokenResponse>, gatehouse_client::Error<types::Problem>> {
    let body = types::SocialExchangeRequest {
        code: code.try_into().expect("the code fits the spec"),
        code_verifier: verifier.map(|v| v.try_into().expect("the verifier fits the spec")),
    };
    app.client.exchange_social_code(&body).await
}

/// The signed-in user of `tokens`.
pub async fn me(app: &TestApp, tokens: &types::TokenResponse) -> types::User {
    app.client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("GET /users/me with the new tokens")
        .into_inner()
}

/// How many live accounts use `email`.
pub async fn accounts_with(app: &TestApp, email: &str) -> u64 {
    user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(email.to_lowercase()))
        .count(&app.db)
        .await
        .expect("users can be counted")
}

/// Makes every stored state, one-time code and nonce expired.
pub async fn expire_social_grants(app: &TestApp) {
    flow_grant::Entity::update_many()
        .col_expr(
            flow_grant::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)),
        )
        .exec(&app.db)
        .await
        .expect("grants can be updated");
}

/// The linked identities stored.
pub async fn links(app: &TestApp) -> Vec<social_account::Model> {
    social_account::Entity::find()
        .all(&app.db)
        .await
        .expect("links can be read")
}

/// The audit events of a type, oldest first.
pub async fn events(app: &TestApp, event_type: &str) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::EventType.eq(event_type))
        .all(&app.db)
        .await
        .expect("audit events can be read")
}
