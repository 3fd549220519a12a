//! The staff console: staff-only sign-in (refused after the credential check, a second factor
//! when the account has one), its cookie and headers, a CSRF token on every form, names
//! rendered inert, actions through the staff services (a deactivated user's access token is
//! refused at once), settings errors next to their field, a dead e-mail retried, the idle
//! timeout, an override template, and `ADMIN_CONSOLE=off`.

use std::time::Duration;

use chrono::Utc;
use gatehouse_tests::{
    ConsoleBrowser, PASSKEY_ORIGIN, SetCookie, SoftPasskey, add_passkey, age_authentications, enable_totp,
    register_account, seed_outbox_message, spawn_app, spawn_app_with, superuser,
};
use reqwest::StatusCode;

#[tokio::test]
async fn pages_need_a_staff_sign_in_and_carry_strict_headers() {
    // Arrange
    let app = spawn_app().await;
    let mut browser = ConsoleBrowser::new(&app);
    let (user, _) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let (staff, _) = superuser(&app).await;

    // Act + Assert: no cookie, no page.
    let page = browser.get("/admin/").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/admin/sign-in"));
    let form = browser.get("/admin/sign-in").await;
    assert_eq!(form.status, StatusCode::OK);
    let csp = form.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(form.headers["x-frame-options"], "DENY");
    assert_eq!(form.headers["cache-control"], "no-store");

    // A form without its token, or with another, is refused.
    let fields = [("email", user.email.as_str()), ("password", user.password.as_str())];
    assert_eq!(
        browser.post("/admin/sign-in", &fields).await.status,
        StatusCode::FORBIDDEN
    );
    let wrong = [("csrf", "x"), fields[0], fields[1]];
    assert_eq!(
        browser.post("/admin/sign-in", &wrong).await.status,
        StatusCode::FORBIDDEN
    );

    // Right credentials of a non-staff account: refused, and no session starts.
    let sessions = app.count_of_user("sessions", user_id, "").await;
    let refused = browser.sign_in(&user).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("not staff"), "{}", refused.body);
    assert_eq!(app.count_of_user("sessions", user_id, "").await, sessions);
    assert!(!browser.cookies.contains_key("gh_admin"));

    // A wrong password says nothing more than the API.
    let mut wrong_password = staff.clone();
    wrong_password.password.push('x');
    let refused = browser.sign_in(&wrong_password).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused.body.contains("e-mail address or password is incorrect"));

    // Staff sign in: a strict cookie, the overview, and a session like any other.
    let staff_id = app.user_id(&staff.email).await;
    let live = "AND revoked_at IS NULL";
    let before = app.count_of_user("sessions", staff_id, live).await;
    let signed_in = browser.sign_in(&staff).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{}", signed_in.body);
    assert_eq!(signed_in.location(), Some("/admin/"));
    let cookie = SetCookie::named(&signed_in.headers, "gh_admin");
    assert!(cookie.has_flag("HttpOnly") && cookie.has_flag("Secure"), "{cookie:?}");
    assert_eq!(cookie.attribute("SameSite").as_deref(), Some("Strict"));
    assert_eq!(cookie.attribute("Path").as_deref(), Some("/admin"));
    let overview = browser.get("/admin/").await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(overview.body.contains("<h1>Overview</h1>") && overview.body.contains("Live sessions"));
    assert_eq!(app.count_of_user("sessions", staff_id, live).await, before + 1);

    // Signing out ends that session.
    let csrf = overview.csrf();
    let out = browser.post("/admin/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(out.location(), Some("/admin/sign-in?notice=signed_out"));
    assert_eq!(app.count_of_user("sessions", staff_id, live).await, before);
    assert_eq!(browser.get("/admin/").await.location(), Some("/admin/sign-in"));
}

#[tokio::test]
async fn deactivating_a_user_refuses_their_token_at_once_and_names_stay_inert() {
    // Arrange
    let app = spawn_app().await;
    let (staff, _) = superuser(&app).await;
    let email = format!("grace-{}@example.com", uuid::Uuid::now_v7());
    let (victim, victim_id) = register_account(&app, &email, "<script>alert(1)</script>", "Hopper").await;
    let tokens = app.login(&victim).await;
    let mut browser = ConsoleBrowser::new(&app);
    browser.sign_in(&staff).await;

    // Act + Assert: the search finds the account; its name is text, not markup.
    let list = browser.get(&format!("/admin/users?search={email}")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(&format!("/admin/users/{victim_id}")));
    assert!(list.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!list.body.contains("<script>alert"));
    let detail = browser.get(&format!("/admin/users/{victim_id}")).await;
    assert!(!detail.body.contains("<script>alert"));
    assert!(detail.body.contains("Deactivate…") && !detail.body.contains(">Activate<"));
    let csrf = detail.csrf();
    let action = format!("/admin/users/{victim_id}/deactivate");

    // Without the right token nothing happens.
    let refused = browser.post(&action, &[("csrf", "wrong"), ("confirmed", "yes")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get_me_raw(Some(&tokens.access_token)).await.status(), 200);

    // First a confirmation, then the change.
    let confirm = browser.post(&action, &[("csrf", &csrf)]).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("Deactivate the account") && confirm.body.contains("name=\"confirmed\""));
    assert_eq!(app.get_me_raw(Some(&tokens.access_token)).await.status(), 200);
    let done = browser.post(&action, &[("csrf", &csrf), ("confirmed", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(app.get_me_raw(Some(&tokens.access_token)).await.status(), 401);
    let detail = browser.get(&format!("/admin/users/{victim_id}")).await;
    assert!(detail.body.contains("inactive") && detail.body.contains("staff_user_updated"));
    let staff_id = app.user_id(&staff.email).await;
    let audit = browser.get("/admin/audit?event_type=staff_user_updated").await;
    assert!(audit.body.contains(&staff_id.to_string()) && audit.body.contains(&victim_id.to_string()));
}

#[tokio::test]
async fn settings_errors_show_next_to_their_field_and_a_dead_email_is_retried() {
    // Arrange
    let app = spawn_app().await;
    let (staff, _) = superuser(&app).await;
    let mut browser = ConsoleBrowser::new(&app);
    browser.sign_in(&staff).await;
    let page = browser.get("/admin/settings").await;
    let csrf = page.csrf();

    // Act + Assert: an out-of-range value is shown back with its error; nothing is saved.
    let refused = browser
        .post("/admin/settings", &[("csrf", &csrf), ("otp_ttl", "5")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"otp_ttl-error\"") && refused.body.contains("Must be between 30 and 3600"));
    assert!(refused.body.contains("aria-invalid=\"true\""));
    let saved = browser
        .post("/admin/settings", &[("csrf", &csrf), ("otp_ttl", "600")])
        .await;
    assert_eq!(saved.location(), Some("/admin/settings?notice=saved"));
    assert!(browser.get("/admin/settings").await.body.contains("value=\"600\""));

    // A dead e-mail goes back to the queue.
    let dead = seed_outbox_message(&app, "dead", Utc::now(), None).await;
    let outbox = browser.get("/admin/outbox?status=dead").await;
    assert!(outbox.body.contains(&format!("/admin/outbox/{dead}/retry")));
    let retried = browser
        .post(&format!("/admin/outbox/{dead}/retry"), &[("csrf", &csrf)])
        .await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    let audit = browser.get("/admin/audit?event_type=outbox_message_retried").await;
    assert!(audit.body.contains(&dead.to_string()));
}

#[tokio::test]
async fn staff_with_an_authenticator_app_use_its_codes_to_sign_in_and_to_confirm_an_action() {
    // Arrange
    let app = spawn_app().await;
    let (staff, tokens) = superuser(&app).await;
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;
    let (_, other_id) = register_account(&app, &format!("o-{}@example.com", uuid::Uuid::now_v7()), "O", "P").await;
    let mut browser = ConsoleBrowser::new(&app);

    // Act + Assert: the password leads to the second factor, which signs in.
    let challenge = browser.sign_in(&staff).await;
    assert_eq!(challenge.status, StatusCode::OK);
    assert!(!browser.cookies.contains_key("gh_admin"));
    let fields = [
        ("csrf", challenge.csrf()),
        ("challenge", challenge.hidden("challenge").unwrap()),
        ("code", "000000".to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let wrong = browser.post("/admin/sign-in/second-factor", &fields).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let code = authenticator.code(0);
    let right = [fields[0], fields[1], ("code", code.as_str())];
    let signed_in = browser.post("/admin/sign-in/second-factor", &right).await;
    assert_eq!(signed_in.location(), Some("/admin/"), "{}", signed_in.body);

    // An old sign-in must confirm itself before a change, then returns to it.
    age_authentications(&app, Duration::from_secs(3600)).await;
    let csrf = browser.get("/admin/").await.csrf();
    let action = format!("/admin/users/{other_id}/logout");
    let asked = browser.post(&action, &[("csrf", &csrf), ("confirmed", "yes")]).await;
    assert_eq!(
        asked.location(),
        Some(format!("/admin/confirm-identity?next=%2Fadmin%2Fusers%2F{other_id}").as_str())
    );
    let code = authenticator.code(1);
    let next = format!("/admin/users/{other_id}");
    let confirmed = browser
        .post(
            "/admin/confirm-identity",
            &[("csrf", &csrf), ("next", &next), ("code", &code)],
        )
        .await;
    assert_eq!(confirmed.location(), Some(next.as_str()), "{}", confirmed.body);
    let done = browser.post(&action, &[("csrf", &csrf), ("confirmed", "yes")]).await;
    assert_eq!(done.location(), Some(format!("{next}?notice=done").as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_with_a_passkey_sign_in_and_confirm_an_action_with_it() {
    // Arrange
    let app = spawn_app().await;
    let (staff, tokens) = superuser(&app).await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);
    add_passkey(&app, &tokens.access_token, &mut authenticator).await;
    let (_, other_id) = register_account(&app, &format!("p-{}@example.com", uuid::Uuid::now_v7()), "P", "Q").await;
    let mut browser = ConsoleBrowser::new(&app);

    // Act + Assert: the second step offers the passkey, whose assertion signs in.
    let challenge = browser.sign_in(&staff).await;
    let options: serde_json::Value =
        serde_json::from_str(&challenge.attribute("data-passkey-options").expect("passkey options")).unwrap();
    let assertion = authenticator.assert(&options).to_string();
    let fields = [
        ("csrf", challenge.csrf()),
        ("challenge", challenge.hidden("challenge").unwrap()),
        ("credential", assertion),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let signed_in = browser.post("/admin/sign-in/second-factor", &fields).await;
    assert_eq!(signed_in.location(), Some("/admin/"), "{}", signed_in.body);

    // The identity check offers the passkey too.
    age_authentications(&app, Duration::from_secs(3600)).await;
    let next = format!("/admin/users/{other_id}");
    let page = browser.get(&format!("/admin/confirm-identity?next={next}")).await;
    assert!(
        !page.body.contains("name=\"code\""),
        "no authenticator app, so no code field"
    );
    assert!(page.attribute("data-passkey-options").is_some());
    let csrf = page.csrf();
    let bogus = browser
        .post(
            "/admin/confirm-identity",
            &[("csrf", &csrf), ("next", &next), ("credential", "{}")],
        )
        .await;
    assert_eq!(bogus.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bogus.body);
    // The refusal offers fresh options (a ceremony is used once).
    let options: serde_json::Value =
        serde_json::from_str(&bogus.attribute("data-passkey-options").expect("new options")).unwrap();
    let assertion = authenticator.assert(&options).to_string();
    let confirmed = browser
        .post(
            "/admin/confirm-identity",
            &[("csrf", &csrf), ("next", &next), ("credential", &assertion)],
        )
        .await;
    assert_eq!(confirmed.location(), Some(next.as_str()), "{}", confirmed.body);
    let action = format!("/admin/users/{other_id}/logout");
    let done = browser.post(&action, &[("csrf", &csrf), ("confirmed", "yes")]).await;
    assert_eq!(done.location(), Some(format!("{next}?notice=done").as_str()));
}

#[tokio::test]
async fn an_idle_console_session_ends_and_is_revoked() {
    // Arrange
    let app = spawn_app_with(|s| s.console.idle_timeout = Duration::from_secs(1)).await;
    let (staff, _) = superuser(&app).await;
    let staff_id = app.user_id(&staff.email).await;
    let mut browser = ConsoleBrowser::new(&app);
    browser.sign_in(&staff).await;
    assert_eq!(browser.get("/admin/").await.status, StatusCode::OK);

    // Act
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let page = browser.get("/admin/users").await;

    // Assert
    assert_eq!(page.location(), Some("/admin/sign-in?notice=timed_out"));
    let condition = "AND revoked_reason = 'console_idle'";
    assert_eq!(app.count_of_user("sessions", staff_id, condition).await, 1);
    assert!(
        browser
            .get("/admin/sign-in?notice=timed_out")
            .await
            .body
            .contains("inactivity")
    );
}

#[tokio::test]
async fn an_override_template_is_used_and_the_console_can_be_turned_off() {
    // Arrange
    let dir = std::env::temp_dir().join(format!("gatehouse-console-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = "{% extends \"base.html\" %}{% block content %}<h1>Our own overview</h1>{% endblock %}";
    std::fs::write(dir.join("overview.html"), page).unwrap();
    let custom = spawn_app_with(|s| s.console.templates_dir = Some(dir.clone())).await;
    let off = spawn_app_with(|s| s.console.enabled = false).await;
    let (staff, _) = superuser(&custom).await;

    // Act
    let mut browser = ConsoleBrowser::new(&custom);
    browser.sign_in(&staff).await;
    let overview = browser.get("/admin/").await;
    let gone = ConsoleBrowser::new(&off).get("/admin/sign-in").await;

    // Assert
    assert!(overview.body.contains("<h1>Our own overview</h1>"), "{}", overview.body);
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(gone.headers["content-type"], "application/problem+json");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn names_and_webhook_endpoints_are_edited_under_the_apis_rules() {
    // Arrange
    let app = spawn_app().await;
    let (staff, _) = superuser(&app).await;
    let (_, id) = register_account(&app, &format!("n-{}@example.com", uuid::Uuid::now_v7()), "Ada", "L").await;
    let mut browser = ConsoleBrowser::new(&app);
    browser.sign_in(&staff).await;
    let csrf = browser.get(&format!("/admin/users/{id}")).await.csrf();
    let names = format!("/admin/users/{id}/names");

    // Act + Assert: a name too long is refused with the API's message; a right one is saved.
    let long = "x".repeat(151);
    let refused = browser
        .post(&names, &[("csrf", &csrf), ("first_name", &long), ("last_name", "L")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("At most 150 characters."), "{}", refused.body);
    let saved = browser
        .post(
            &names,
            &[("csrf", &csrf), ("first_name", "Grace"), ("last_name", "Hopper")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(
        browser
            .get(&format!("/admin/users/{id}"))
            .await
            .body
            .contains("Grace Hopper")
    );

    // An endpoint added (its secret shown once), then its events edited.
    let url = "https://93.184.215.14/hook";
    let added = browser
        .post(
            "/admin/webhooks",
            &[("csrf", &csrf), ("url", url), ("events", "user.created")],
        )
        .await;
    assert_eq!(added.status, StatusCode::OK);
    assert!(added.body.contains("whsec_"));
    let endpoint_id = added
        .body
        .split("/admin/webhooks/")
        .nth(1)
        .and_then(|rest| rest.get(..36))
        .expect("the endpoint's link");
    let edited = browser
        .post(
            &format!("/admin/webhooks/{endpoint_id}/edit"),
            &[
                ("csrf", &csrf),
                ("url", url),
                ("events", "user.deleted"),
                ("events", "mfa.enabled"),
            ],
        )
        .await;
    assert_eq!(edited.location(), Some("/admin/webhooks?notice=saved"));
    let list = browser.get("/admin/webhooks").await;
    let events_cell = ["user.deleted, mfa.enabled", "mfa.enabled, user.deleted"];
    assert!(events_cell.iter().any(|cell| list.body.contains(cell)), "{}", list.body);
    let private = browser
        .post(
            "/admin/webhooks",
            &[
                ("csrf", &csrf),
                ("url", "https://10.0.0.1/x"),
                ("events", "user.created"),
            ],
        )
        .await;
    assert_eq!(private.status, StatusCode::UNPROCESSABLE_ENTITY);
}
