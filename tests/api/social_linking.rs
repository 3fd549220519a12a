//! Social sign-in: the linking rules (automatic only when both addresses are verified), linking
//! and unlinking from the settings, GitHub and Facebook.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use gatehouse::entity::user;
use gatehouse_tests::{
    EmailVerification, TestUser, expect_problem,
    fake_idp::{FakeIdp, FakeUser},
    first_mail_to, mark_email_verified,
    social_support::{Browser, Landing, accounts_with, events, exchange, links, me, social_app},
    types,
};

/// Registers a password account for `email` and returns its id and tokens.
async fn password_account(
    app: &gatehouse_tests::TestApp,
    email: &str,
    verified: bool,
) -> (uuid::Uuid, types::TokenResponse) {
    let user = TestUser {
        email: email.to_string(),
        ..TestUser::generate()
    };
    app.register(&user).await;
    let row = user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(email.to_lowercase()))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the account exists");
    if verified {
        mark_email_verified(app, row.id).await;
    }
    (row.id, app.login(&user).await)
}

/// Starts linking `provider` for the holder of `tokens` and runs the browser through it.
async fn link(app: &gatehouse_tests::TestApp, tokens: &types::TokenResponse, provider: &str) -> Landing {
    let client = app.client_with_token(&tokens.access_token);
    let response = client
        .link_social_account(&provider.try_into().unwrap(), None)
        .await
        .expect("the link starts");
    let cookie = gatehouse_tests::SetCookie::named(response.headers(), "gh_social");
    assert!(cookie.attributes.iter().any(|a| a == "HttpOnly"));
    assert!(cookie.attributes.iter().any(|a| a.eq_ignore_ascii_case("SameSite=Lax")));
    let authorize = response.into_inner().authorize_url;
    let mut browser = Browser::new();
    browser.social_cookie = Some(cookie.value);
    let callback = browser.consent(&authorize).await;
    browser.callback(&callback).await
}

#[tokio::test]
async fn a_verified_identity_links_to_a_verified_account_and_the_owner_is_told() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let (id, _) = password_account(&app, "owner@example.com", true).await;
    idp.sign_in_as(&FakeUser::verified("Owner@Example.com"));

    let landing = Browser::new().sign_in(&app, "acme").await;
    let tokens = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    assert_eq!(me(&app, &tokens).await.id, id);
    assert_eq!(accounts_with(&app, "owner@example.com").await, 1);
    let mail = first_mail_to(&app, "owner@example.com").await;
    assert!(mail.subject.contains("acme was linked"), "{}", mail.subject);
    let linked = events(&app, "social_linked").await;
    assert!(linked[0].detail.contains("\"automatic\":true"));
}

#[tokio::test]
async fn nothing_is_linked_unless_both_addresses_are_verified() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;

    // An unverified local account (the pre-account-takeover trick): never linked into.
    password_account(&app, "squatted@example.com", false).await;
    idp.sign_in_as(&FakeUser::verified("squatted@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    assert_eq!(landing.error(), Some("account_exists_link_required"));

    // The provider did not verify its address.
    password_account(&app, "verified@example.com", true).await;
    idp.sign_in_as(&FakeUser::unverified("verified@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    assert_eq!(landing.error(), Some("account_exists_link_required"));
    assert!(links(&app).await.is_empty());
    assert_eq!(
        accounts_with(&app, "verified@example.com").await,
        1,
        "nothing created either"
    );

    // The frontend-driven flow says the same with 409.
    idp.sign_in_as(&FakeUser::verified("squatted@example.com"));
    let nonce = "frontend-nonce-409";
    let body = types::SocialTokenRequest {
        id_token: Some(
            idp.id_token(&FakeUser::verified("squatted@example.com"), nonce)
                .try_into()
                .unwrap(),
        ),
        nonce: Some(nonce.try_into().unwrap()),
        ..Default::default()
    };
    expect_problem(
        app.client.social_token_login(&"acme".try_into().unwrap(), &body).await,
        409,
        "account_exists_link_required",
    );
}

#[tokio::test]
async fn automatic_linking_can_be_turned_off() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |s| s.social.auto_link = false).await;
    password_account(&app, "manual@example.com", true).await;
    idp.sign_in_as(&FakeUser::verified("manual@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    assert_eq!(landing.error(), Some("account_exists_link_required"));
}

#[tokio::test]
async fn an_unverified_new_identity_must_verify_its_address_when_verification_is_mandatory() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |s| s.email_verification = EmailVerification::Mandatory).await;
    idp.sign_in_as(&FakeUser::unverified("fresh@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    assert_eq!(landing.error(), Some("email_not_verified"));
    assert_eq!(
        accounts_with(&app, "fresh@example.com").await,
        1,
        "the account exists, unverified"
    );
    let mail = first_mail_to(&app, "fresh@example.com").await;
    assert!(
        mail.raw.contains("verify-email?token="),
        "the verification e-mail went out"
    );

    // A verified one signs in at once.
    idp.sign_in_as(&FakeUser::verified("trusted@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    assert!(landing.params.contains_key("code"));
}

#[tokio::test]
async fn inactive_accounts_cannot_sign_in_through_a_provider() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let person = FakeUser::verified("inactive@example.com");
    idp.sign_in_as(&person);
    let landing = Browser::new().sign_in(&app, "acme").await;
    exchange(&app, &landing.code(), None).await.expect("first sign-in");
    user::Entity::update_many()
        .col_expr(user::Column::IsActive, Expr::value(false))
        .filter(user::Column::EmailNormalized.eq("inactive@example.com"))
        .exec(&app.db)
        .await
        .unwrap();
    let landing = Browser::new().sign_in(&app, "acme").await;
    assert_eq!(landing.error(), Some("account_inactive"));
}

#[tokio::test]
async fn providers_are_linked_listed_and_unlinked_from_the_settings() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let (id, tokens) = password_account(&app, "settings@example.com", true).await;
    let client = app.client_with_token(&tokens.access_token);
    // The provider account's address differs from the local one: linking does not care.
    let person = FakeUser::verified("someone-else@example.com");
    idp.sign_in_as(&person);

    let landing = link(&app, &tokens, "github").await;
    assert_eq!(
        landing.params.get("linked").map(String::as_str),
        Some("github"),
        "{:?}",
        landing.url
    );
    let listed = client.list_social_accounts().await.unwrap().into_inner();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].provider, "github");
    assert_eq!(listed[0].subject, person.github_id.to_string());
    let mail = first_mail_to(&app, "settings@example.com").await;
    assert!(mail.subject.contains("github was linked"));

    // Signing in with that GitHub account now reaches this account.
    let landing = Browser::new().sign_in(&app, "github").await;
    let signed_in = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    assert_eq!(me(&app, &signed_in).await.id, id);

    // Twice the same provider, or someone else's identity: 409 / error.
    expect_problem(
        client.link_social_account(&"github".try_into().unwrap(), None).await,
        409,
        "provider_already_linked",
    );
    let (_, other_tokens) = password_account(&app, "other@example.com", true).await;
    let landing = link(&app, &other_tokens, "github").await;
    assert_eq!(landing.error(), Some("identity_already_linked"));
    expect_problem(
        client.link_social_account(&"nope".try_into().unwrap(), None).await,
        404,
        "unknown_provider",
    );

    let unlinked = client
        .unlink_social_account(&"github".try_into().unwrap())
        .await
        .expect("unlinked");
    assert_eq!(unlinked.status().as_u16(), 204);
    assert!(client.list_social_accounts().await.unwrap().into_inner().is_empty());
    expect_problem(
        client.unlink_social_account(&"github".try_into().unwrap()).await,
        404,
        "not_found",
    );
    assert_eq!(events(&app, "social_unlinked").await.len(), 1);
    let mails = gatehouse_tests::nth_mail_to(&app, "settings@example.com", 2).await;
    assert!(mails.subject.contains("github was unlinked"));
}

#[tokio::test]
async fn the_last_way_to_sign_in_cannot_be_unlinked() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("only-social@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    let tokens = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    let client = app.client_with_token(&tokens.access_token);
    expect_problem(
        client.unlink_social_account(&"acme".try_into().unwrap()).await,
        409,
        "last_sign_in_method",
    );

    idp.sign_in_as(&FakeUser::verified("gh@example.com"));
    assert!(link(&app, &tokens, "github").await.params.contains_key("linked"));
    client
        .unlink_social_account(&"acme".try_into().unwrap())
        .await
        .expect("another provider is left");
    expect_problem(
        client.unlink_social_account(&"github".try_into().unwrap()).await,
        409,
        "last_sign_in_method",
    );
    assert_eq!(links(&app).await.len(), 1);

    // A password reset gives the social-only account a password: then the last provider can go.
    let token = gatehouse_tests::reset_token(&app, "only-social@example.com").await;
    let password = gatehouse_tests::fresh_password();
    gatehouse_tests::post_password_reset_confirm(&app, &token, &password)
        .await
        .expect("a password is set");
    let user = TestUser {
        email: "only-social@example.com".into(),
        password,
    };
    let tokens = app.login(&user).await;
    let client = app.client_with_token(&tokens.access_token);
    client
        .unlink_social_account(&"github".try_into().unwrap())
        .await
        .expect("the password is left");
    assert!(links(&app).await.is_empty());
}

#[tokio::test]
async fn github_uses_the_primary_verified_address_and_facebook_proves_its_calls() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let person = FakeUser::verified("octo@example.com");
    idp.sign_in_as(&person);
    let landing = Browser::new().sign_in(&app, "github").await;
    let tokens = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    let user = me(&app, &tokens).await;
    assert_eq!((user.email.as_str(), user.email_verified), ("octo@example.com", true));
    assert_eq!(links(&app).await[0].subject, person.github_id.to_string());

    // A GitHub account whose primary address is unverified gives no address to use.
    idp.sign_in_as(&FakeUser::unverified("unverified-octo@example.com"));
    let landing = Browser::new().sign_in(&app, "github").await;
    assert_eq!(landing.error(), Some("email_required"));

    // Facebook says nothing about verification: an account, unverified.
    let person = FakeUser::verified("fb@example.com");
    idp.sign_in_as(&person);
    let landing = Browser::new().sign_in(&app, "facebook").await;
    let tokens = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    let user = me(&app, &tokens).await;
    assert_eq!((user.email.as_str(), user.email_verified), ("fb@example.com", false));
}

#[tokio::test]
async fn parallel_unlinks_never_leave_an_account_without_a_way_to_sign_in() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.sign_in_as(&FakeUser::verified("racing@example.com"));
    let landing = Browser::new().sign_in(&app, "acme").await;
    let tokens = exchange(&app, &landing.code(), None).await.unwrap().into_inner();
    idp.sign_in_as(&FakeUser::verified("racing-gh@example.com"));
    assert!(link(&app, &tokens, "github").await.params.contains_key("linked"));

    let client = app.client_with_token(&tokens.access_token);
    let (acme, github) = ("acme".try_into().unwrap(), "github".try_into().unwrap());
    let (first, second) = tokio::join!(
        client.unlink_social_account(&acme),
        client.unlink_social_account(&github)
    );
    let outcomes = [first.is_ok(), second.is_ok()];
    assert_eq!(
        outcomes.iter().filter(|ok| **ok).count(),
        1,
        "exactly one unlink wins: {outcomes:?}"
    );
    let refused = if first.is_ok() { second } else { first };
    expect_problem(refused, 409, "last_sign_in_method");
    assert_eq!(links(&app).await.len(), 1);
}
