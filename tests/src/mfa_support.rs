//! Steps shared by the second-factor tests: authenticator-app codes computed like an app does
//! (totp-rs, from the secret the enrolment answers), enrolment through the generated client,
//! sign-ins that stop at a challenge, and the step-up clock (a session's `auth_time` moved back).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sea_orm::{ConnectionTrait, Statement};
use totp_rs::{Algorithm, Builder, Secret};

use crate::{Client, Error, ResponseValue, TestApp, TestUser, header, types, types::Problem};

type ApiResult<T> = Result<ResponseValue<T>, Error<Problem>>;

/// Seconds per TOTP step.
pub const STEP: u64 = 30;

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is past 1970")
        .as_secs()
}

/// An authenticator app holding one secret.
#[derive(Clone, Debug)]
pub struct Authenticator {
    secret: Vec<u8>,
    /// The step all codes of a test are counted from.
    pub base_step: u64,
}

impl Authenticator {
    /// An app for the base32 `secret`; waits out the last seconds of a step first, so that a
    /// test's codes (base step −1 … +1) stay inside the server's window.
    pub async fn new(secret: &str) -> Self {
        let into_step = unix_now() % STEP;
        if into_step >= STEP - 8 {
            tokio::time::sleep(Duration::from_secs(STEP - into_step + 1)).await;
        }
        Self {
            secret: Secret::try_from_base32(secret)
                .expect("the secret is base32")
                .as_ref()
                .to_vec(),
            base_step: unix_now() / STEP,
        }
    }

    /// The code of the base step moved by `offset` (−1, 0 or +1 are accepted by the server).
    pub fn code(&self, offset: i64) -> String {
        let step = self.base_step.checked_add_signed(offset).expect("a step after 1970");
        let totp = Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(6)
            .with_skew(1)
            .with_step_duration(STEP)
            .with_secret(self.secret.as_slice())
            .build()
            .expect("a valid TOTP");
        totp.generate(step * STEP).to_string()
    }
}

/// `startTotpEnrollment` for the holder of `access_token`.
pub async fn start_totp(app: &TestApp, access_token: &str) -> ApiResult<types::TotpEnrollment> {
    app.client_with_token(access_token).start_totp_enrollment().await
}

/// `confirmTotpEnrollment` with `code`.
pub async fn confirm_totp(app: &TestApp, access_token: &str, code: &str) -> ApiResult<types::RecoveryCodeSet> {
    let body = types::TotpConfirmRequest {
        code: code.try_into().expect("the code fits the spec"),
    };
    app.client_with_token(access_token).confirm_totp_enrollment(&body).await
}

/// Turns TOTP on for the holder of `access_token`, confirming with the code of the step before
/// the base step (so the base step and the next stay usable); answers the app and the
/// recovery codes.
pub async fn enable_totp(app: &TestApp, access_token: &str) -> (Authenticator, Vec<String>) {
    let enrollment = start_totp(app, access_token)
        .await
        .expect("the enrolment starts")
        .into_inner();
    let app_ = Authenticator::new(&enrollment.secret).await;
    let codes = confirm_totp(app, access_token, &app_.code(-1))
        .await
        .expect("the code confirms the enrolment")
        .into_inner()
        .recovery_codes;
    (app_, codes.to_vec())
}

/// Logs in with the password, expecting a `202` challenge.
pub async fn login_challenge(app: &TestApp, user: &TestUser) -> types::LoginChallenge {
    match app.client.login(&user.login_request()).await {
        Err(Error::UnexpectedResponse(response)) => {
            assert_eq!(response.status().as_u16(), 202, "{response:?}");
            assert_eq!(header(response.headers(), "cache-control"), "no-store");
            response.json().await.expect("the 202 body is a LoginChallenge")
        }
        other => panic!("expected a 202 login challenge, got {other:?}"),
    }
}

/// `completeMfaLogin` with `code`, through `client`.
pub async fn complete_mfa(client: &Client, challenge: &str, code: &str) -> ApiResult<types::TokenResponse> {
    let body = types::MfaLoginRequest {
        challenge: challenge.try_into().expect("the challenge fits the spec"),
        code: Some(code.try_into().expect("the code fits the spec")),
        credential: None,
    };
    client.complete_mfa_login(&body).await
}

/// `reauthenticate` with a password or a TOTP code.
pub async fn reauthenticate(
    app: &TestApp,
    access_token: &str,
    password: Option<&str>,
    code: Option<&str>,
) -> ApiResult<types::Reauthenticated> {
    let body = types::ReauthenticateRequest {
        password: password.map(|p| p.try_into().expect("the password fits the spec")),
        code: code.map(|c| c.try_into().expect("the code fits the spec")),
        credential: None,
    };
    app.client_with_token(access_token).reauthenticate(&body).await
}

/// `getMfa`.
pub async fn mfa_summary(app: &TestApp, access_token: &str) -> types::MfaSummary {
    app.client_with_token(access_token)
        .get_mfa()
        .await
        .expect("the summary is readable")
        .into_inner()
}

/// Moves every session's latest authentication `ago` into the past, as if it were old.
pub async fn age_authentications(app: &TestApp, ago: Duration) {
    let at = chrono::Utc::now() - chrono::Duration::from_std(ago).expect("a small duration");
    let backend = app.db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "UPDATE sessions SET auth_time = $1",
        _ => "UPDATE sessions SET auth_time = ?",
    };
    app.db
        .execute_raw(Statement::from_sql_and_values(backend, sql, [at.into()]))
        .await
        .expect("sessions can be updated");
}
