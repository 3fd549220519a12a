//! Data exports: asked for with a recent authentication, built in the background into the
//! database, e-mailed as a link that downloads a ZIP once and not after it expires; every file
//! of the archive checked against its manifest; a build left by a dead worker finished by
//! another; the cleanup removing expired archives and anonymisation removing all of them.

use std::{collections::HashMap, io::Read, time::Duration};

use chrono::Utc;
use futures::StreamExt;
use gatehouse::{
    config::Redacted,
    entity::{data_export_chunk, data_request},
};
use gatehouse_tests::{
    CRON_SECRET, Error, MAIL_TIMEOUT, ResponseValue, TestApp, age_authentications, audit_events, cron_client,
    expect_problem, spawn_app_with, superuser, types,
};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, sea_query::Expr};
use sha2::{Digest, Sha256};
use uuid::Uuid;

const DOWNLOAD_PATH: &str = "/api/v1/data-exports/";

fn export_request() -> types::DataRequestCreate {
    types::DataRequestCreate {
        type_: types::DataRequestType::Export,
    }
}

async fn spawn() -> TestApp {
    spawn_app_with(|s| s.cron_secret_key = Some(Redacted(CRON_SECRET.into()))).await
}

/// The token of the `n`th export link mailed to `address`: the last segment of the link's path.
async fn nth_export_token(app: &TestApp, address: &str, n: usize) -> String {
    let deadline = tokio::time::Instant::now() + MAIL_TIMEOUT;
    loop {
        let mut mails = app.mail.mails_to(address);
        mails.retain(|mail| mail.text.contains(DOWNLOAD_PATH));
        if let Some(mail) = mails.get(n - 1) {
            let link = mail.link_with(DOWNLOAD_PATH);
            return link.rsplit('/').next().expect("a token ends the link").to_string();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for export link #{n} to {address}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// `token` as the generated client's path parameter.
fn download_token(token: &str) -> types::DownloadDataExportToken {
    token.try_into().expect("a token of a valid length")
}

/// A download that must be refused: its problem, ready for `expect_problem`.
async fn refused_download(app: &TestApp, token: &str) -> Result<ResponseValue<()>, Error<types::Problem>> {
    match app.client.download_data_export(&download_token(token)).await {
        Ok(answer) => panic!("expected a refusal, got {}", answer.status()),
        Err(refusal) => Err(refusal),
    }
}

/// Downloads the archive behind `token` through the generated client: its headers and bytes.
async fn download(app: &TestApp, token: &str) -> (reqwest::header::HeaderMap, Vec<u8>) {
    let answer = app
        .client
        .download_data_export(&download_token(token))
        .await
        .expect("the link downloads the archive");
    assert_eq!(answer.status().as_u16(), 200);
    let headers = answer.headers().clone();
    let mut stream = answer.into_inner().into_inner();
    let mut bytes = Vec::new();
    while let Some(piece) = stream.next().await {
        bytes.extend_from_slice(&piece.expect("the archive streams whole"));
    }
    (headers, bytes)
}

/// The files of a ZIP archive, by name.
fn unzip(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid ZIP archive");
    let mut files = HashMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("each entry reads");
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("each entry decompresses");
        files.insert(file.name().expect("a UTF-8 name").to_string(), data);
    }
    files
}

fn json(files: &HashMap<String, Vec<u8>>, name: &str) -> serde_json::Value {
    serde_json::from_slice(&files[name]).unwrap_or_else(|e| panic!("{name} is JSON: {e}"))
}

/// The CSV file `name` as rows of fields, header first.
fn csv_rows(files: &HashMap<String, Vec<u8>>, name: &str) -> Vec<Vec<String>> {
    let text = String::from_utf8(files[name].clone()).expect("UTF-8");
    // The fields checked here hold no comma or quote.
    text.lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

async fn requests_of(app: &TestApp, user_id: Uuid) -> Vec<data_request::Model> {
    data_request::Entity::find()
        .filter(data_request::Column::UserId.eq(user_id))
        .all(&app.db)
        .await
        .expect("data requests read")
}

async fn pieces_of(app: &TestApp, request_id: Uuid) -> Vec<data_export_chunk::Model> {
    data_export_chunk::Entity::find()
        .filter(data_export_chunk::Column::RequestId.eq(request_id))
        .all(&app.db)
        .await
        .expect("pieces read")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_holds_every_file_as_its_manifest_says_and_its_link_works_once() {
    // Arrange: an account with a consent given and two sessions.
    let app = spawn().await;
    let (user, tokens) = app.logged_in_user().await;
    let _second = app.login(&user).await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    let grant = HashMap::from([(
        "marketing".to_string(),
        types::ConsentChange {
            granted: true,
            policy_version: Some("2026-11".try_into().unwrap()),
        },
    )]);
    client.update_my_consents(&grant).await.expect("consent given");

    // Act
    let accepted = client
        .create_data_request(&export_request())
        .await
        .expect("the export is accepted");
    let token = nth_export_token(&app, &user.email, 1).await;
    let listed = client.list_my_data_requests().await.unwrap().into_inner();
    let (headers, bytes) = download(&app, &token).await;
    let again = refused_download(&app, &token).await;

    // Assert: accepted pending, then ready with an expiry a day out.
    assert_eq!(accepted.status().as_u16(), 202);
    let accepted = accepted.into_inner();
    assert_eq!(accepted.type_, types::DataRequestType::Export);
    assert_eq!(accepted.status, types::DataRequestStatus::Pending);
    let ready = &listed.items[0];
    assert_eq!((ready.id, ready.status), (accepted.id, types::DataRequestStatus::Ready));
    let hours = (ready.expires_at.expect("an expiry") - Utc::now()).num_minutes() as f64 / 60.0;
    assert!((23.9..=24.0).contains(&hours), "the link expires in {hours} h");

    // The answer: a named attachment, never cached.
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"gatehouse-export-") && disposition.ends_with(".zip\""),
        "{disposition}"
    );
    assert_eq!(headers["content-type"], "application/zip");
    assert_eq!(headers["cache-control"], "no-store");

    // Every file, each as the manifest says.
    let files = unzip(&bytes);
    let mut names: Vec<_> = files.keys().cloned().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "audit_log.csv",
            "consents.json",
            "manifest.json",
            "mfa.json",
            "passkeys.json",
            "profile.json",
            "sessions.csv",
            "social_accounts.json"
        ]
    );
    let manifest = json(&files, "manifest.json");
    assert_eq!(manifest["format_version"], 1);
    assert_eq!(manifest["account_id"], user_id.to_string());
    let listed_files = manifest["files"].as_array().expect("a list of files");
    assert_eq!(listed_files.len(), 7);
    for entry in listed_files {
        let name = entry["name"].as_str().unwrap();
        let data = &files[name];
        assert_eq!(entry["size"], data.len(), "{name}");
        assert_eq!(entry["sha256"], hex::encode(Sha256::digest(data)), "{name}");
    }
    let profile = json(&files, "profile.json");
    assert_eq!(profile["email"], user.email.as_str());
    assert_eq!(profile["marketing_consent"], true);
    assert!(profile.get("password_hash").is_none());
    let sessions = csv_rows(&files, "sessions.csv");
    assert_eq!(sessions[0][..3], ["id", "created_at", "last_used_at"]);
    assert_eq!(sessions.len(), 1 + 2, "a header and both sessions");
    let events = csv_rows(&files, "audit_log.csv");
    assert_eq!(events[0][..3], ["id", "created_at", "event_type"]);
    let kinds: Vec<&str> = events[1..].iter().map(|row| row[2].as_str()).collect();
    assert!(
        kinds.contains(&"user_registered") && kinds.contains(&"login_succeeded"),
        "{kinds:?}"
    );
    let consents = json(&files, "consents.json");
    assert_eq!(consents["current"][0]["purpose"], "marketing");
    assert_eq!(consents["current"][0]["granted"], true);
    assert_eq!(consents["history"].as_array().unwrap().len(), 1);
    assert_eq!(consents["history"][0]["policy_version"], "2026-11");
    let mfa = json(&files, "mfa.json");
    assert!(mfa["totp"].is_null());
    assert_eq!(mfa["recovery_codes"]["total"], 0);
    assert_eq!(json(&files, "passkeys.json"), serde_json::json!([]));
    assert_eq!(json(&files, "social_accounts.json"), serde_json::json!([]));

    // Single use: spent, downloaded, and its pieces gone.
    expect_problem(again, 400, "invalid_token");
    let after = client.list_my_data_requests().await.unwrap().into_inner();
    assert_eq!(after.items[0].status, types::DataRequestStatus::Downloaded);
    assert!(after.items[0].expires_at.is_none());
    assert!(pieces_of(&app, accepted.id).await.is_empty());
    let (_, staff) = superuser(&app).await;
    let staff_client = app.client_with_token(&staff.access_token);
    for kind in ["data_export_requested", "data_export_ready", "data_export_downloaded"] {
        assert_eq!(audit_events(&staff_client, user_id, kind).await.len(), 1, "{kind}");
    }
    let another = "A".repeat(43);
    expect_problem(refused_download(&app, &another).await, 400, "invalid_token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_link_is_refused_and_the_cleanup_removes_its_archive() {
    // Arrange: a ready export whose link has expired.
    let app = spawn().await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    let request = client
        .create_data_request(&export_request())
        .await
        .unwrap()
        .into_inner();
    let token = nth_export_token(&app, &user.email, 1).await;
    assert!(!pieces_of(&app, request.id).await.is_empty());
    data_request::Entity::update_many()
        .col_expr(
            data_request::Column::ExpiresAt,
            Expr::value(Utc::now() - chrono::Duration::seconds(1)),
        )
        .filter(data_request::Column::Id.eq(request.id))
        .exec(&app.db)
        .await
        .unwrap();

    // Act
    let refused = refused_download(&app, &token).await;
    let report = cron_client(&app, CRON_SECRET).run_cleanup().await.unwrap().into_inner();

    // Assert
    expect_problem(refused, 400, "invalid_token");
    assert_eq!(report.data_exports, 1);
    let rows = requests_of(&app, user_id).await;
    assert_eq!(rows[0].status, "expired");
    assert!(rows[0].token_hash.is_none());
    assert!(pieces_of(&app, request.id).await.is_empty());
    let listed = client.list_my_data_requests().await.unwrap().into_inner();
    assert_eq!(listed.items[0].status, types::DataRequestStatus::Expired);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_build_left_half_written_by_a_dead_worker_is_built_again_by_another() {
    // Arrange: what a worker that died mid-build leaves: the request claimed under a lapsed
    // lease, and the first pieces of its build written.
    let app = spawn().await;
    let (user, _) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let id = Uuid::now_v7();
    let now = Utc::now();
    let row = data_request::Model {
        id,
        user_id,
        kind: "export".into(),
        status: "pending".into(),
        created_at: now,
        due_at: None,
        completed_at: None,
        cancelled_at: None,
        attempts: 1,
        next_attempt_at: Some(now - chrono::Duration::minutes(1)),
        locked_by: Some("a-dead-host:8000#gone".into()),
        locked_until: Some(now - chrono::Duration::seconds(1)),
        last_error: None,
        token_hash: None,
        expires_at: None,
        archive_build: None,
        archive_size: None,
    };
    data_request::Entity::insert(row.into_active_model())
        .exec_without_returning(&app.db)
        .await
        .unwrap();
    for seq in 0..2 {
        let piece = data_export_chunk::ActiveModel {
            request_id: Set(id),
            build: Set(1),
            seq: Set(seq),
            data: Set(vec![0x55; 1000]),
        };
        data_export_chunk::Entity::insert(piece)
            .exec_without_returning(&app.db)
            .await
            .unwrap();
    }

    // Act: this app's worker finds the request due.
    let token = nth_export_token(&app, &user.email, 1).await;
    let (_, bytes) = download(&app, &token).await;

    // Assert: a second build, whole and valid, none of the first one's pieces in it.
    let files = unzip(&bytes);
    assert_eq!(json(&files, "profile.json")["email"], user.email.as_str());
    let rows = requests_of(&app, user_id).await;
    assert_eq!((rows[0].attempts, rows[0].archive_build), (2, Some(2)));
    assert!(rows[0].locked_by.is_none());
    assert!(!bytes.windows(64).any(|w| w.iter().all(|&b| b == 0x55)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_export_is_built_at_a_time_a_pending_one_can_be_cancelled_and_a_stale_session_must_reauthenticate() {
    // Arrange: an export already being built (by a live worker elsewhere, whose lease holds).
    let app = spawn().await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    let now = Utc::now();
    let held = data_request::Model {
        id: Uuid::now_v7(),
        user_id,
        kind: "export".into(),
        status: "pending".into(),
        created_at: now,
        due_at: None,
        completed_at: None,
        cancelled_at: None,
        attempts: 1,
        next_attempt_at: Some(now),
        locked_by: Some("another-host:8000#alive".into()),
        locked_until: Some(now + chrono::Duration::hours(1)),
        last_error: None,
        token_hash: None,
        expires_at: None,
        archive_build: None,
        archive_size: None,
    };
    data_request::Entity::insert(held.clone().into_active_model())
        .exec_without_returning(&app.db)
        .await
        .unwrap();

    // Act
    let second = client.create_data_request(&export_request()).await;
    let cancelled = client
        .cancel_my_data_request(&held.id)
        .await
        .expect("a pending export cancels");
    let twice = client.cancel_my_data_request(&held.id).await;
    age_authentications(&app, Duration::from_secs(3600)).await;
    let stale = client.create_data_request(&export_request()).await;

    // Assert
    expect_problem(second, 409, "data_request_pending");
    let cancelled = cancelled.into_inner();
    assert_eq!(cancelled.status, types::DataRequestStatus::Cancelled);
    assert!(cancelled.cancelled_at.is_some());
    expect_problem(twice, 409, "data_request_not_pending");
    expect_problem(stale, 401, "reauthentication_required");
    assert_eq!(requests_of(&app, user_id).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymising_an_account_removes_its_archives_and_kills_its_links() {
    // Arrange: a ready export, then a deletion without a grace period.
    let app = spawn_app_with(|s| {
        s.privacy.account_deletion_grace_period = Duration::ZERO;
        s.cron_secret_key = Some(Redacted(CRON_SECRET.into()));
    })
    .await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    let export = client
        .create_data_request(&export_request())
        .await
        .unwrap()
        .into_inner();
    let token = nth_export_token(&app, &user.email, 1).await;

    // Act
    let delete = types::DataRequestCreate {
        type_: types::DataRequestType::Delete,
    };
    client.create_data_request(&delete).await.expect("deleted at once");
    let refused = refused_download(&app, &token).await;

    // Assert
    expect_problem(refused, 400, "invalid_token");
    assert!(pieces_of(&app, export.id).await.is_empty());
    let rows = requests_of(&app, user_id).await;
    let export_row = rows.iter().find(|r| r.id == export.id).unwrap();
    assert_eq!(export_row.status, "cancelled");
    assert!(export_row.token_hash.is_none());
}
