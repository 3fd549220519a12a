//! What the outbox delivers: well-formed messages, overridable templates, the file backend,
//! and bodies that are never stored in clear.

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use gatehouse_tests::{
    EmailBackend, EmailVerification, Settings, TestUser, outbox_rows, request_password_reset, spawn_app,
    spawn_app_with, wait_for_outbox,
};
use mail_parser::MessageParser;

const WAIT: Duration = Duration::from_secs(10);

/// A fresh directory under the system temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> Self {
        let path = std::env::temp_dir().join(format!("{prefix}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&path).expect("the temporary directory is created");
        Self(path)
    }

    fn with_file(prefix: &str, name: &str, contents: &str) -> Self {
        let dir = Self::new(prefix);
        std::fs::write(dir.0.join(name), contents).expect("the template is written");
        dir
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mandatory(settings: &mut Settings) {
    settings.email_verification = EmailVerification::Mandatory;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_mail_is_well_formed() {
    // Arrange
    let app = spawn_app_with(|s| {
        mandatory(s);
        s.email.from = "Gatehouse <no-reply@example.com>".into();
        s.email.site_name = "Acme".into();
    })
    .await;
    let users = [TestUser::generate(), TestUser::generate()];

    // Act
    for user in &users {
        app.register(user).await;
    }

    // Assert
    app.mail.wait_for(2, WAIT).await;
    let mut message_ids = Vec::new();
    for user in &users {
        let mail = app.mail.wait_for_mail_to(&user.email, WAIT).await;
        assert!(mail.is_multipart_alternative, "multipart/alternative:\n{}", mail.raw);
        let link = mail.link_with("/verify-email");
        let html = mail.html.as_deref().expect("an HTML part");
        assert!(
            html.contains(&format!("href=\"{link}\"")),
            "the HTML links to {link}:\n{html}"
        );
        assert_eq!(
            (mail.envelope_from.as_str(), mail.from.as_str()),
            ("no-reply@example.com", "no-reply@example.com")
        );
        let parsed = MessageParser::default()
            .parse(mail.raw.as_bytes())
            .expect("a parsable message");
        let from = parsed.from().and_then(|f| f.first()).expect("a From header");
        assert_eq!(from.name(), Some("Gatehouse"), "DEFAULT_FROM_EMAIL's display name");
        assert_eq!(mail.to, std::slice::from_ref(&user.email));
        assert!(
            mail.subject.contains("Acme"),
            "the subject names the site: {:?}",
            mail.subject
        );
        let id = mail.message_id.clone().expect("a Message-ID");
        assert!(id.ends_with("@example.com"), "{id}");
        message_ids.push(id);
    }
    assert_ne!(message_ids[0], message_ids[1], "each message has its own Message-ID");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_template_file_can_be_overridden_and_the_others_stay_built_in() {
    // Arrange
    let subject = "Welcome to {{ site_name }}, confirm please\n";
    let dir = TempDir::with_file("gatehouse-templates", "verify_email.subject.txt", subject);
    let app = spawn_app_with(|s| {
        mandatory(s);
        s.email.site_name = "Acme".into();
        s.email.templates_dir = Some(dir.0.clone());
    })
    .await;
    let user = TestUser::generate();

    // Act
    app.register(&user).await;

    // Assert
    let mail = app.mail.wait_for_mail_to(&user.email, WAIT).await;
    assert_eq!(mail.subject, "Welcome to Acme, confirm please");
    let link = mail.link_with("/verify-email");
    let html = mail.html.as_deref().expect("an HTML part");
    assert!(
        html.contains(&link) && html.contains("Confirm e-mail address"),
        "built-in HTML:\n{html}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_template_override_stops_startup_naming_the_file() {
    let app = spawn_app().await;
    let cases = [
        ("verify_email.subject.txt", "{% if %}Confirm{% endif %}"),
        ("password_reset.html", "<p>{{ no_such_variable }}</p>"),
    ];
    for (file, source) in cases {
        let dir = TempDir::with_file("gatehouse-broken-templates", file, source);
        let mut settings = app.settings.clone();
        settings.email.templates_dir = Some(dir.0.clone());

        let built = gatehouse::startup::Application::build(settings).await;

        let error = match built {
            Ok(_) => panic!("a broken {file} must stop startup"),
            Err(error) => format!("{error:#}"),
        };
        assert!(error.contains(file), "the error names {file}: {error}");
    }
}

/// The `.eml` files in `dir`.
fn eml_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).expect("the mail folder can be read");
    let paths = entries.map(|entry| entry.expect("a directory entry").path());
    paths
        .filter(|path| path.extension().is_some_and(|e| e == "eml"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_file_backend_writes_one_eml_file_per_message() {
    // Arrange
    let dir = TempDir::new("gatehouse-eml");
    let app = spawn_app_with(|s| {
        mandatory(s);
        s.email.backend = EmailBackend::File(dir.0.clone());
    })
    .await;
    let user = TestUser::generate();

    // Act
    app.register(&user).await;

    // Assert: once the message is marked sent, its file is complete.
    wait_for_outbox(&app, "the message is written", WAIT, |rows| {
        rows.len() == 1 && rows[0].status == "sent"
    })
    .await;
    let files = eml_files(&dir.0);
    assert_eq!(files.len(), 1, "one .eml file: {files:?}");
    let raw = std::fs::read(&files[0]).expect("the .eml file can be read");
    let message = MessageParser::default().parse(&raw).expect("a parsable message");
    let to = message.to().and_then(|to| to.first()).and_then(|to| to.address());
    assert_eq!(to, Some(user.email.as_str()));
    let text = message.body_text(0).expect("a text part");
    let token_link = format!("{}/verify-email?token=", app.settings.frontend_url);
    let start = text
        .find(&token_link)
        .unwrap_or_else(|| panic!("no verification link in:\n{text}"));
    let token: String = text[start + token_link.len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let body = gatehouse_tests::types::TokenRequest {
        token: token.as_str().try_into().expect("a token"),
    };
    app.client
        .verify_email(&body)
        .await
        .expect("the link from the file works");
    app.login(&user).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_never_stores_a_link_in_clear() {
    // Arrange: a reset mail that cannot be delivered yet.
    let app = spawn_app().await;
    let user = app.registered_user().await;
    app.mail.stop().await;
    request_password_reset(&app.client, &user.email).await;
    let queued = wait_for_outbox(&app, "the reset mail is queued after a failed attempt", WAIT, |rows| {
        rows.len() == 1 && rows[0].status == "pending" && rows[0].attempts >= 1
    })
    .await;
    let stored = queued[0].clone();

    // Act
    app.mail.start_again().await;
    let mail = app.mail.wait_for_mail_to(&user.email, WAIT).await;

    // Assert: neither the stored row nor its decoded payload held the token or the link.
    let token = mail.token_from_link("/reset-password");
    let payload = stored
        .payload
        .clone()
        .expect("a queued message keeps its sealed bodies");
    let decoded = URL_SAFE_NO_PAD.decode(&payload).unwrap_or_default();
    let decoded = String::from_utf8_lossy(&decoded);
    for text in [
        payload.as_str(),
        &decoded,
        &stored.subject,
        stored.last_error.as_deref().unwrap_or(""),
    ] {
        assert!(!text.contains(&token), "the token is stored in clear: {stored:?}");
        assert!(
            !text.contains("reset-password"),
            "the link is stored in clear: {stored:?}"
        );
    }
    let sent = wait_for_outbox(&app, "the reset mail is sent", WAIT, |rows| {
        rows.len() == 1 && rows[0].status == "sent"
    })
    .await;
    assert_eq!(sent[0].payload, None, "the bodies are erased once sent");
    assert_eq!(outbox_rows(&app).await.len(), 1);
}
