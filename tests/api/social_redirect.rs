//! Social sign-in, the redirect flow: authorize → provider → callback → one-time code →
//! exchange, and every way it can go wrong (each ends in a redirect with `error=`, never a
//! 5xx and never an account).

use std::time::Duration;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};
use url::Url;

use gatehouse_tests::{
    FRONTEND_URL, SetCookie, assert_problem, expect_problem,
    fake_idp::{FakeIdp, FakeUser, Tweak},
    social_support::{
        Browser, accounts_with, default_landing, events, exchange, expire_social_grants, links, location, me,
        social_app,
    },
    types,
};

#[tokio::test]
async fn providers_are_listed_and_unknown_ones_are_404() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let providers = app.client.list_social_providers().await.expect("the list").into_inner();
    let ids: Vec<_> = providers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["acme", "github", "facebook"]);

    let response = Browser::new()
        .get(&app.url("/api/v1/auth/social/google/authorize"))
        .await;
    assert_problem(response, 404, "unknown_provider").await;
    let body = types::SocialTokenRequest {
        id_token: Some("x".try_into().unwrap()),
        nonce: Some("n".try_into().unwrap()),
        ..Default::default()
    };
    let refused = app.client.social_token_login(&"okta".try_into().unwrap(), &body).await;
    expect_problem(refused, 404, "unknown_provider");
}

#[tokio::test]
async fn a_redirect_sign_in_creates_a_verified_account_and_its_code_works_once() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let person = FakeUser::verified("Ada.Social@Example.com");
    idp.sign_in_as(&person);

    let mut browser = Browser::new();
    let authorize = browser.start(&app, "acme", "").await;
    let to_idp = Url::parse(&authorize).unwrap();
    let params: std::collections::HashMap<_, _> = to_idp.query_pairs().into_owned().collect();
    assert!(authorize.starts_with(&format!("{}/authorize?", idp.url)));
    assert!(params["state"].len() >= 43, "state carries at least 256 bits");
    assert!(params["nonce"].len() >= 43);
    assert_eq!(params["code_challenge_method"], "S256");
    assert_eq!(params["client_id"], gatehouse_tests::fake_idp::CLIENT_ID);
    assert_eq!(params["redirect_uri"], app.url("/api/v1/auth/social/acme/callback"));
    let cookie = browser.social_cookie.clone().expect("the browser-binding cookie");
    assert!(cookie.len() >= 43);

    let callback = browser.consent(&authorize).await;
    let landing = browser.callback(&callback).await;
    assert_eq!(landing.base(), default_landing());
    assert_eq!(
        landing.params.len(),
        1,
        "only the one-time code travels: {:?}",
        landing.url
    );
    let code = landing.code();

    let tokens = exchange(&app, &code, None)
        .await
        .expect("the code is exchanged")
        .into_inner();
    let user = me(&app, &tokens).await;
    assert_eq!(user.email, "Ada.Social@example.com");
    assert!(user.email_verified);
    assert_eq!((user.first_name.as_str(), user.last_name.as_str()), ("Ada", "Lovelace"));
    expect_problem(exchange(&app, &code, None).await, 400, "invalid_code");
    expect_problem(exchange(&app, "never-issued", None).await, 400, "invalid_code");
    // A code not exchanged within its 60 seconds.
    let late = Browser::new().sign_in(&app, "acme").await;
    expire_social_grants(&app).await;
    expect_problem(exchange(&app, &late.code(), None).await, 400, "invalid_code");

    let stored = links(&app).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].issuer.as_str(), stored[0].subject.as_str()),
        (idp.url.as_str(), person.sub.as_str())
    );
    assert_eq!(events(&app, "social_login_succeeded").await.len(), 1);
    let row = gatehouse_tests::user_row(&app, stored[0].user_id).await;
    assert!(row.password_hash.is_none(), "a social-only account has no password");

    // The same identity signs in to the same account, found by subject even after the
    // address changed at the provider.
    idp.sign_in_as(&FakeUser {
        email: Some("renamed@example.com".into()),
        ..person.clone()
    });
    let again = Browser::new().sign_in(&app, "acme").await;
    let tokens = exchange(&app, &again.code(), None)
        .await
        .expect("signed in again")
        .into_inner();
    assert_eq!(me(&app, &tokens).await.id, user.id);
    assert_eq!(accounts_with(&app, "renamed@example.com").await, 0);
}

#[tokio::test]
async fn the_state_must_be_known_unused_unexpired_and_from_this_browser() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("state@example.com"));
    let invalid_state = Some("invalid_state");

    // No state, or one never issued: back to CALLBACK.
    let mut browser = Browser::new();
    let missing = browser
        .callback(&app.url("/api/v1/auth/social/acme/callback?code=x"))
        .await;
    assert_eq!((missing.base(), missing.error()), (default_landing(), invalid_state));
    let unknown = browser
        .callback(&app.url("/api/v1/auth/social/acme/callback?code=x&state=forged"))
        .await;
    assert_eq!(unknown.error(), invalid_state);

    // Finished in another browser (login CSRF): refused, and the state is spent.
    let mut victim = Browser::new();
    let callback = victim.until_callback(&app, "acme").await;
    let mut attacker = Browser::new();
    assert_eq!(attacker.callback(&callback).await.error(), invalid_state);
    assert_eq!(victim.callback(&callback).await.error(), invalid_state);

    // Used twice.
    let mut browser = Browser::new();
    let callback = browser.until_callback(&app, "acme").await;
    assert!(browser.callback(&callback).await.error().is_none());
    assert_eq!(browser.callback(&callback).await.error(), invalid_state);

    // Expired.
    let mut browser = Browser::new();
    let callback = browser.until_callback(&app, "acme").await;
    expire_social_grants(&app).await;
    assert_eq!(browser.callback(&callback).await.error(), invalid_state);

    // Started for one provider, finished at another's callback.
    let mut browser = Browser::new();
    let callback = browser.until_callback(&app, "acme").await.replace("/acme/", "/github/");
    assert_eq!(browser.callback(&callback).await.error(), invalid_state);

    assert_eq!(
        accounts_with(&app, "state@example.com").await,
        1,
        "only the one good flow signed up"
    );
    assert!(!events(&app, "social_login_failed").await.is_empty());
}

#[tokio::test]
async fn provider_failures_end_in_an_error_redirect_without_an_account() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("failing@example.com"));
    type Knob = Box<dyn Fn(&mut gatehouse_tests::fake_idp::Knobs)>;
    let cases: Vec<(&str, Knob)> = vec![
        ("access_denied", Box::new(|k| k.deny = true)),
        ("provider_unavailable", Box::new(|k| k.token_status = Some(503))),
        ("provider_unavailable", Box::new(|k| k.token_status = Some(500))),
        ("provider_error", Box::new(|k| k.token_status = Some(400))),
        (
            "provider_error",
            Box::new(|k| k.token_body_bytes = Some(2 * 1024 * 1024)),
        ),
        // Redirects are not followed, even to an endpoint that would have answered.
        ("provider_error", Box::new(|k| k.token_redirect = true)),
        (
            "provider_unavailable",
            Box::new(|k| k.token_delay = Some(Duration::from_secs(11))),
        ),
    ];
    for (expected, knob) in cases {
        idp.set(|k| *k = Default::default());
        idp.set(knob);
        let landing = Browser::new().sign_in(&app, "acme").await;
        assert_eq!(landing.error(), Some(expected), "{:?}", landing.url);
        assert_eq!(landing.base(), default_landing());
    }
    assert_eq!(accounts_with(&app, "failing@example.com").await, 0);

    // A provider that cannot even be discovered: back to the frontend at once.
    let gone = social_app(&idp, |s| {
        s.social.providers[0] = gatehouse::config::ProviderSettings {
            kind: gatehouse::config::ProviderKind::Oidc {
                issuer: format!("http://127.0.0.1:{}", gatehouse_tests::unused_port())
                    .parse()
                    .unwrap(),
                also_issued_by: Vec::new(),
            },
            ..s.social.providers[0].clone()
        };
    })
    .await;
    let landing = Browser::new().start(&gone, "acme", "").await;
    assert_eq!(landing, format!("{}?error=provider_unavailable", default_landing()));
}

#[tokio::test]
async fn id_tokens_that_do_not_verify_are_refused() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("tokens@example.com"));
    for tweak in [
        Tweak::WrongIssuer,
        Tweak::WrongAudience,
        Tweak::WrongAzp,
        Tweak::WrongNonce,
        Tweak::Expired,
        Tweak::IssuedInTheFuture,
        Tweak::UnknownKey,
        Tweak::AlgNone,
        Tweak::Hs256,
    ] {
        idp.set(|k| k.tweak = tweak);
        let landing = Browser::new().sign_in(&app, "acme").await;
        assert_eq!(landing.error(), Some("invalid_id_token"), "{tweak:?}");
    }
    assert_eq!(accounts_with(&app, "tokens@example.com").await, 0);
    let failures = events(&app, "social_login_failed").await;
    assert!(failures.iter().all(|e| e.detail.contains("invalid_id_token")));
}

#[tokio::test]
async fn es256_keys_rotation_and_userinfo_are_followed() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("keys@example.com"));

    assert!(Browser::new().sign_in(&app, "acme").await.error().is_none());
    assert_eq!(idp.jwks_fetches(), 1);
    idp.set(|k| k.es256 = true);
    assert!(Browser::new().sign_in(&app, "acme").await.error().is_none(), "ES256");
    assert_eq!(idp.jwks_fetches(), 1, "the cached keys had the EC key");

    // The issuer rotates: the unknown kid makes Gatehouse fetch the keys once more.
    idp.set(|k| k.es256 = false);
    idp.rotate_keys();
    assert!(
        Browser::new().sign_in(&app, "acme").await.error().is_none(),
        "the rotated key"
    );
    assert_eq!(idp.jwks_fetches(), 2);
    // An unknown key again within the minute: refused without hammering the issuer.
    idp.set(|k| k.tweak = Tweak::UnknownKey);
    assert_eq!(
        Browser::new().sign_in(&app, "acme").await.error(),
        Some("invalid_id_token")
    );
    assert_eq!(idp.jwks_fetches(), 2, "JWKS refetches are rate-limited");

    // An issuer that keeps the address out of the id_token: userinfo supplies it.
    idp.set(|k| *k = Default::default());
    idp.set(|k| k.email_only_in_userinfo = true);
    idp.sign_in_as(&FakeUser::verified("userinfo@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    let tokens = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    assert_eq!(me(&app, &tokens).await.email, "userinfo@example.com");
}

#[tokio::test]
async fn redirect_to_must_fall_under_an_allowed_url() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("redirects@example.com"));
    let host = FRONTEND_URL.trim_start_matches("http://");
    for evil in [
        format!("http://{host}.evil.test/cb"),
        format!("http://{host}@evil.test/cb"),
        "https://evil.test/".to_string(),
        "javascript:alert(1)".to_string(),
        "/relative".to_string(),
        format!("https://{host}/cb"),
    ] {
        let query = format!("?redirect_to={}", urlencoding(&evil));
        let response = Browser::new()
            .get(&app.url(&format!("/api/v1/auth/social/acme/authorize{query}")))
            .await;
        assert_problem(response, 400, "redirect_not_allowed").await;
    }
    let wanted = format!("{FRONTEND_URL}/welcome/back?tab=1");
    let landing = Browser::new()
        .sign_in_with(&app, "acme", &format!("?redirect_to={}", urlencoding(&wanted)))
        .await;
    assert_eq!(landing.url.path(), "/welcome/back");
    assert_eq!(landing.params.get("tab").map(String::as_str), Some("1"));
    assert!(landing.params.contains_key("code"));
}

#[tokio::test]
async fn a_code_challenge_binds_the_exchange_to_the_frontend_that_started() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("pkce@example.com"));
    let verifier = "a-frontend-verifier-of-at-least-forty-three-characters-0123";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let query = format!("?code_challenge={challenge}&code_challenge_method=S256");

    let landing = Browser::new().sign_in_with(&app, "acme", &query).await;
    expect_problem(exchange(&app, &landing.code(), None).await, 400, "invalid_code");
    let landing = Browser::new().sign_in_with(&app, "acme", &query).await;
    expect_problem(
        exchange(&app, &landing.code(), Some("wrong-verifier")).await,
        400,
        "invalid_code",
    );
    let landing = Browser::new().sign_in_with(&app, "acme", &query).await;
    let tokens = exchange(&app, &landing.code(), Some(verifier))
        .await
        .expect("the right verifier")
        .into_inner();
    assert_eq!(me(&app, &tokens).await.email, "pkce@example.com");

    for bad in [
        format!("?code_challenge={challenge}&code_challenge_method=plain"),
        format!("?code_challenge={challenge}"),
        "?code_challenge=short&code_challenge_method=S256".to_string(),
    ] {
        let response = Browser::new()
            .get(&app.url(&format!("/api/v1/auth/social/acme/authorize{bad}")))
            .await;
        assert_problem(response, 422, "validation_failed").await;
    }
}

#[tokio::test]
async fn a_flow_started_on_one_instance_finishes_on_another() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let other = app.spawn_another_instance().await;
    idp.sign_in_as(&FakeUser::verified("replicas@example.com"));
    let mut browser = Browser::new();
    let callback = browser.until_callback(&app, "acme").await;
    let on_other = callback.replace(&app.address, &other);
    let landing = browser.callback(&on_other).await;
    let tokens = exchange(&app, &landing.code(), None)
        .await
        .expect("exchanged on the first instance")
        .into_inner();
    assert_eq!(me(&app, &tokens).await.email, "replicas@example.com");
}

#[tokio::test]
async fn in_cookie_mode_the_callback_sets_the_session_cookies_and_no_code() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |s| s.auth_cookies = true).await;
    idp.sign_in_as(&FakeUser::verified("cookies@example.com"));
    let mut browser = Browser::new();
    let callback = browser.until_callback(&app, "acme").await;
    let response = browser.get(&callback).await;
    assert_eq!(location(&response), default_landing(), "no code in the URL");
    let cookies = SetCookie::all(response.headers());
    let names: Vec<_> = cookies.iter().map(|c| c.name.as_str()).collect();
    for name in ["gh_access", "gh_refresh", "gh_csrf"] {
        assert!(names.contains(&name), "{name} is set: {names:?}");
    }
    let access = cookies.iter().find(|c| c.name == "gh_access").unwrap();
    let me = app.get_me_raw(Some(&access.value)).await;
    assert_eq!(me.status(), 200);
}

#[tokio::test]
async fn social_steps_are_rate_limited_per_ip() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |s| {
        let rate = gatehouse_tests::Rate::per_secs(2, 60);
        s.limits.set(gatehouse_tests::Policy::SocialIp, Some(rate));
    })
    .await;
    let mut browser = Browser::new();
    browser.start(&app, "acme", "").await;
    browser.start(&app, "acme", "").await;
    let response = browser.get(&app.url("/api/v1/auth/social/acme/authorize")).await;
    assert_problem(response, 429, "rate_limited").await;
}

fn urlencoding(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[tokio::test]
async fn a_one_time_code_exchanged_in_parallel_signs_in_once() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("parallel@example.com"));
    let code = Browser::new().sign_in(&app, "acme").await.code();
    let tries = (0..20).map(|_| exchange(&app, &code, None));
    let results = futures::future::join_all(tries).await;
    let signed_in = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(signed_in, 1, "one of twenty parallel exchanges succeeds");
    for refused in results.into_iter().filter(|r| r.is_err()) {
        expect_problem(refused, 400, "invalid_code");
    }
    assert_eq!(events(&app, "social_login_succeeded").await.len(), 1);
}
