//! Steps shared by the e-mail OTP tests: the `otp` endpoints through the generated client, codes
//! read from the delivered e-mails, two-step login challenges, and the stored form of codes
//! (a database row, or a Redis hash when the app runs with `TEST_REDIS_URL`).

use std::collections::HashMap;

use gatehouse::entity::otp_code;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    Client, Error, MAIL_TIMEOUT, ReceivedMail, ResponseValue, TestApp, TestUser, expect_problem, types, types::Problem,
};

type ApiResult<T> = Result<ResponseValue<T>, Error<Problem>>;

/// Subject of the passwordless sign-in e-mail (after the `[site]` prefix).
pub const LOGIN_CODE_SUBJECT: &str = "Your sign-in code";
/// Subject of the two-step login e-mail.
pub const TWO_STEP_CODE_SUBJECT: &str = "Your login code";

/// `POST /auth/otp/request` for `email`.
pub async fn request_otp(client: &Client, email: &str) -> ApiResult<types::Accepted> {
    let body = types::EmailRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
    };
    client.request_otp(&body).await
}

/// `POST /auth/otp/verify` with `email` and `code`.
pub async fn verify_otp(client: &Client, email: &str, code: &str) -> ApiResult<types::TokenResponse> {
    let body = types::OtpVerifyRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
        code: code.try_into().expect("the code fits the spec"),
    };
    client.verify_otp(&body).await
}

/// `POST /auth/otp/resend` for `email`.
pub async fn resend_otp(client: &Client, email: &str) -> ApiResult<types::Accepted> {
    let body = types::OtpResendRequest {
        email: Some(email.try_into().expect("the e-mail fits the spec")),
        challenge: None,
    };
    client.resend_otp(&body).await
}

/// `POST /auth/otp/resend` for a two-step `challenge`.
pub async fn resend_otp_for_challenge(client: &Client, challenge: &str) -> ApiResult<types::Accepted> {
    let body = types::OtpResendRequest {
        email: None,
        challenge: Some(challenge.try_into().expect("the challenge fits the spec")),
    };
    client.resend_otp(&body).await
}

/// `POST /auth/login/otp` with `challenge` and `code`.
pub async fn login_with_otp(client: &Client, challenge: &str, code: &str) -> ApiResult<types::TokenResponse> {
    let body = types::LoginOtpRequest {
        challenge: challenge.try_into().expect("the challenge fits the spec"),
        code: code.try_into().expect("the code fits the spec"),
    };
    client.login_with_otp(&body).await
}

/// Asserts a `400 invalid_code` and returns the problem.
pub fn expect_invalid_code<T: std::fmt::Debug>(result: ApiResult<T>) -> Problem {
    expect_problem(result, 400, "invalid_code")
}

/// The code in a code e-mail: the line of the text part that is six digits.
pub fn code_in(mail: &ReceivedMail) -> String {
    mail.text
        .lines()
        .map(str::trim)
        .find(|line| line.len() == 6 && line.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no 6-digit code in the e-mail:\n{}", mail.text))
        .to_owned()
}

/// Another valid-looking code than `code`.
pub fn other_code(code: &str) -> String {
    let n: u32 = code.parse().expect("a code is a number");
    format!("{:06}", (n + 1) % 1_000_000)
}

/// The code e-mails (of either kind) `address` has received so far.
pub fn code_mails(app: &TestApp, address: &str) -> Vec<ReceivedMail> {
    let mut mails = app.mail.mails_to(address);
    mails.retain(|mail| mail.subject.ends_with(LOGIN_CODE_SUBJECT) || mail.subject.ends_with(TWO_STEP_CODE_SUBJECT));
    mails
}

/// Waits until `address` has received `n` code e-mails and returns the `n`-th (1-based).
pub async fn nth_code_mail(app: &TestApp, address: &str, n: usize) -> ReceivedMail {
    let deadline = tokio::time::Instant::now() + MAIL_TIMEOUT;
    loop {
        let mails = code_mails(app, address);
        if mails.len() >= n {
            return mails[n - 1].clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {MAIL_TIMEOUT:?} waiting for code e-mail #{n} to {address}; {} arrived",
            mails.len()
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Waits for the `n`-th code e-mail to `address` and returns its code.
pub async fn nth_code(app: &TestApp, address: &str, n: usize) -> String {
    code_in(&nth_code_mail(app, address, n).await)
}

/// Asks for a sign-in code for `email` (expecting 202) and returns the code that arrives.
pub async fn requested_code(app: &TestApp, email: &str) -> String {
    let before = code_mails(app, email).len();
    let answer = request_otp(&app.client, email).await.expect("the request is accepted");
    assert_eq!(answer.status().as_u16(), 202);
    nth_code(app, email, before + 1).await
}

/// Logs `user` in expecting the two-step `202`; returns the challenge and the raw answer's
/// `Cache-Control`. The generated client has one success type per operation, so it hands the
/// `202` back as an unexpected response: the body parses as `types::LoginChallenge`.
pub async fn two_step_login(app: &TestApp, user: &TestUser) -> (types::LoginChallenge, String) {
    match app.client.login(&user.login_request()).await {
        Err(Error::UnexpectedResponse(response)) => {
            assert_eq!(response.status().as_u16(), 202, "{response:?}");
            let cache_control = crate::header(response.headers(), "cache-control");
            let challenge = response.json().await.expect("the 202 body is a LoginChallenge");
            (challenge, cache_control)
        }
        other => panic!("expected a 202 login challenge, got {other:?}"),
    }
}

/// Turns two-step login on (or off) for the account of `access_token`.
pub async fn set_two_step(app: &TestApp, access_token: &str, enabled: bool) -> types::User {
    let update = types::UpdateMeRequest {
        otp_login_enabled: Some(enabled),
        ..Default::default()
    };
    app.client_with_token(access_token)
        .update_me(&update)
        .await
        .expect("the preference is saved")
        .into_inner()
}

/// Whether the app keeps its codes in Redis.
pub fn uses_redis(app: &TestApp) -> bool {
    app.settings.redis_url.is_some()
}

/// The stored form of the account's code for `purpose` (`login` or `two_step`), field by field:
/// the `otp_codes` row, or the Redis hash.
pub async fn stored_code(app: &TestApp, user_id: Uuid, purpose: &str) -> Option<HashMap<String, String>> {
    if let Some(url) = &app.settings.redis_url {
        let key = format!("{}otp:code:{purpose}:{user_id}", app.settings.redis_key_prefix);
        let fields: HashMap<String, String> = redis_query(&url.0, redis::cmd("HGETALL").arg(key)).await;
        return (!fields.is_empty()).then_some(fields);
    }
    let row = otp_code::Entity::find()
        .filter(otp_code::Column::UserId.eq(user_id))
        .filter(otp_code::Column::Purpose.eq(purpose))
        .one(&app.db)
        .await
        .expect("otp_codes can be read")?;
    Some(HashMap::from([
        ("code".to_owned(), row.code_hash),
        ("challenge".to_owned(), row.challenge_hash.unwrap_or_default()),
        ("attempts".to_owned(), row.attempts.to_string()),
    ]))
}

/// Runs one Redis command against the test Redis.
pub async fn redis_query<T: redis::FromRedisValue>(url: &str, cmd: &redis::Cmd) -> T {
    let client = redis::Client::open(url).expect("TEST_REDIS_URL is a Redis URL");
    let mut connection = client
        .get_multiplexed_async_connection()
        .await
        .expect("the test Redis answers");
    cmd.query_async(&mut connection).await.expect("the Redis command runs")
}
