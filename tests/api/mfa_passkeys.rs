//! Passkeys through the real endpoints, answered by a software authenticator: registration of
//! a discoverable credential, sign-in with it alone, as the second step of a password login and
//! as a step-up; refusals (another origin, another RP ID, no user verification, a replayed
//! assertion); a ceremony finished on another instance; renaming and removal.

use gatehouse_tests::{
    Client, PASSKEY_ORIGIN, SoftPasskey, add_passkey, complete_mfa_with_passkey, credential, expect_problem,
    first_mail_to, json_of, jwt_claims, login_challenge, mfa_summary, passkey_creation_options,
    passkey_sign_in_options, register_credential, sign_in_with_passkey, spawn_app, types, verify_passkey,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discoverable_passkey_registers_and_signs_in_alone_as_two_factors() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);

    // Act
    let options = passkey_creation_options(&app, &tokens.access_token)
        .await
        .unwrap()
        .into_inner();
    let options = json_of(&options.0);
    let answer = authenticator.register(&options);
    let registered = register_credential(&app, &tokens.access_token, answer, Some("Laptop"))
        .await
        .expect("the passkey is stored");
    let status = registered.status().as_u16();
    let registered = registered.into_inner();
    let (_, request) = passkey_sign_in_options(&app.client).await;
    let signed_in = sign_in_with_passkey(&app.client, &authenticator)
        .await
        .expect("the passkey signs in")
        .into_inner();
    // A synced passkey keeps reporting a zero counter: accepted every time.
    let again = sign_in_with_passkey(&app.client, &authenticator).await;

    // Assert: Level 3 JSON, discoverable, user verification required.
    assert_eq!(options["authenticatorSelection"]["residentKey"], "required");
    assert_eq!(options["authenticatorSelection"]["requireResidentKey"], true);
    assert_eq!(options["authenticatorSelection"]["userVerification"], "required");
    assert_eq!(options["rp"]["id"], "localhost");
    assert_eq!(options["user"]["name"], user.email.as_str());
    assert!(options["challenge"].as_str().unwrap().len() >= 43);
    assert!(!options["challenge"].as_str().unwrap().contains(['+', '/', '=']));
    assert_eq!(request["userVerification"], "required");
    assert!(
        request["allowCredentials"].as_array().is_none_or(Vec::is_empty),
        "{request}"
    );
    assert_eq!(status, 201);
    assert_eq!(registered.passkey.name, "Laptop");
    assert_eq!(
        registered.recovery_codes.as_ref().map(Vec::len),
        Some(10),
        "the first factor brings codes"
    );
    let summary = mfa_summary(&app, &tokens.access_token).await;
    assert!(summary.mfa_enabled && !summary.totp_enabled);
    assert_eq!(summary.passkeys, 1);
    let claims = jwt_claims(&signed_in.access_token);
    assert_eq!(claims["amr"], serde_json::json!(["webauthn"]));
    assert_eq!(claims["aal"], 2);
    assert_eq!(again.expect("a zero counter again").status().as_u16(), 200);
    let listed = app
        .client_with_token(&tokens.access_token)
        .list_passkeys()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.items.len(), 1);
    assert!(listed.items[0].last_used_at.is_some(), "the sign-in is recorded");
    let added = first_mail_to(&app, &user.email).await;
    assert!(added.subject.contains("A passkey was added"), "{}", added.subject);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_login_of_a_passkey_account_is_completed_by_an_assertion() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);
    add_passkey(&app, &tokens.access_token, &mut authenticator).await;

    // Act
    let challenge = login_challenge(&app, &user).await;
    let options = challenge
        .passkey_options
        .clone()
        .expect("passkey options come with the challenge");
    let options = json_of(&options.0);
    let assertion = authenticator.assert(&options);
    let signed_in = complete_mfa_with_passkey(&app.client, &challenge.challenge, assertion.clone())
        .await
        .expect("the assertion completes the login")
        .into_inner();
    let replayed = complete_mfa_with_passkey(&app.client, &challenge.challenge, assertion).await;

    // Assert
    assert_eq!(
        challenge.methods,
        [types::SecondFactor::Passkey, types::SecondFactor::RecoveryCode]
    );
    assert_eq!(options["allowCredentials"].as_array().map(Vec::len), Some(1));
    let claims = jwt_claims(&signed_in.access_token);
    assert_eq!(claims["amr"], serde_json::json!(["pwd", "webauthn"]));
    assert_eq!(claims["aal"], 2);
    expect_problem(replayed, 400, "passkey_failed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_origin_another_rp_id_or_no_user_verification_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let mut good = SoftPasskey::new(PASSKEY_ORIGIN);
    add_passkey(&app, &tokens.access_token, &mut good).await;
    let mut phishing = good.clone();
    phishing.origin = "http://localhost:4000".into();
    let mut wrong_rp = good.clone();
    wrong_rp.rp_id_override = Some("evil.test".into());
    let mut unverified = good.clone();
    unverified.user_verified = false;

    // Act
    let outcomes = [
        sign_in_with_passkey(&app.client, &phishing).await,
        sign_in_with_passkey(&app.client, &wrong_rp).await,
        sign_in_with_passkey(&app.client, &unverified).await,
    ];
    let mut registering = SoftPasskey::new("https://evil.test");
    let options = passkey_creation_options(&app, &tokens.access_token)
        .await
        .unwrap()
        .into_inner();
    let evil_registration = register_credential(
        &app,
        &tokens.access_token,
        registering.register(&json_of(&options.0)),
        None,
    )
    .await;

    // Assert
    for outcome in outcomes {
        expect_problem(outcome, 400, "passkey_failed");
    }
    expect_problem(evil_registration, 400, "passkey_failed");
    assert_eq!(
        sign_in_with_passkey(&app.client, &good)
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_or_misdirected_assertion_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);
    add_passkey(&app, &tokens.access_token, &mut authenticator).await;
    let (first, options) = passkey_sign_in_options(&app.client).await;
    let assertion = authenticator.assert(&options);
    let (second, _) = passkey_sign_in_options(&app.client).await;

    // Act
    let on_other_ceremony = verify_passkey(&app.client, &second, assertion.clone()).await;
    let accepted = verify_passkey(&app.client, &first, assertion.clone()).await;
    let replayed = verify_passkey(&app.client, &first, assertion).await;

    // Assert
    expect_problem(on_other_ceremony, 400, "passkey_failed");
    assert_eq!(accepted.expect("the right ceremony").status().as_u16(), 200);
    expect_problem(replayed, 400, "passkey_failed");
    let failures = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'passkey_login_failed'";
    assert_eq!(app.count(failures).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ceremonies_started_on_one_instance_finish_on_another() {
    // Arrange
    let app = spawn_app().await;
    let other_address = app.spawn_another_instance().await;
    let other = Client::new(&other_address);
    let (_, tokens) = app.logged_in_user().await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);

    // Act: registration options here, the credential there; sign-in options there, the
    // assertion here.
    let options = passkey_creation_options(&app, &tokens.access_token)
        .await
        .unwrap()
        .into_inner();
    let answer = authenticator.register(&json_of(&options.0));
    let body = types::PasskeyRegistrationRequest {
        credential: credential(answer),
        name: None,
    };
    let registered = gatehouse_tests::authorized_client(&other_address, &tokens.access_token)
        .register_passkey(&body)
        .await;
    let (ceremony, request) = passkey_sign_in_options(&other).await;
    let signed_in = verify_passkey(&app.client, &ceremony, authenticator.assert(&request)).await;

    // Assert
    assert_eq!(registered.expect("finished elsewhere").status().as_u16(), 201);
    assert_eq!(signed_in.expect("finished elsewhere").status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passkeys_are_renamed_and_removed_by_their_owner_only() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (_, stranger) = app.logged_in_user().await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);
    let registered = add_passkey(&app, &tokens.access_token, &mut authenticator).await;
    let id = registered.passkey.id;
    let owner = app.client_with_token(&tokens.access_token);
    let rename = types::PasskeyRename {
        name: "Phone".try_into().unwrap(),
    };

    // Act
    let by_stranger = app.client_with_token(&stranger.access_token).delete_passkey(&id).await;
    let renamed = owner.rename_passkey(&id, &rename).await.expect("renamed").into_inner();
    let blank = owner
        .rename_passkey(
            &id,
            &types::PasskeyRename {
                name: " ".try_into().unwrap(),
            },
        )
        .await;
    let removed = owner.delete_passkey(&id).await;
    let login = app.client.login(&user.login_request()).await;
    let after = sign_in_with_passkey(&app.client, &authenticator).await;

    // Assert
    expect_problem(by_stranger, 404, "not_found");
    assert_eq!(renamed.name, "Phone");
    expect_problem(blank, 422, "validation_failed");
    assert_eq!(removed.expect("removed").status().as_u16(), 204);
    assert_eq!(login.expect("the password alone again").status().as_u16(), 200);
    expect_problem(after, 400, "passkey_failed");
    let summary = mfa_summary(&app, &tokens.access_token).await;
    assert!(!summary.mfa_enabled);
    assert_eq!((summary.passkeys, summary.recovery_codes_remaining), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_steps_a_session_up() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let mut authenticator = SoftPasskey::new(PASSKEY_ORIGIN);
    add_passkey(&app, &tokens.access_token, &mut authenticator).await;
    gatehouse_tests::age_authentications(&app, std::time::Duration::from_secs(3600)).await;
    let client = app.client_with_token(&tokens.access_token);

    // Act
    let stale = client.start_passkey_registration().await;
    let options = client
        .start_passkey_reauthentication()
        .await
        .expect("step-up options")
        .into_inner();
    let body = types::ReauthenticateRequest {
        password: None,
        code: None,
        credential: Some(credential(authenticator.assert(&json_of(&options.0))).0),
    };
    let stepped_up = client
        .reauthenticate(&body)
        .await
        .expect("the passkey steps up")
        .into_inner();
    let fresh = client.start_passkey_registration().await;

    // Assert
    expect_problem(stale, 401, "reauthentication_required");
    assert_eq!(stepped_up.aal.get(), 2);
    assert_eq!(fresh.expect("fresh now").status().as_u16(), 200);
}
