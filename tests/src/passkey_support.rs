//! Passkey ceremonies through the generated client, answered by the software authenticator.

use serde_json::Value;

use crate::{Client, Error, ResponseValue, SoftPasskey, TestApp, types, types::Problem};

type ApiResult<T> = Result<ResponseValue<T>, Error<Problem>>;

/// The frontend's origin in tests (`FRONTEND_URL`), where passkeys are used.
pub const PASSKEY_ORIGIN: &str = "http://localhost:3000";

/// A JSON object of the spec as a JSON value.
pub fn json_of(map: &serde_json::Map<String, Value>) -> Value {
    Value::Object(map.clone())
}

/// A JSON value as a credential of the spec.
pub fn credential(value: Value) -> types::PasskeyCredential {
    match value {
        Value::Object(map) => types::PasskeyCredential(map),
        other => panic!("a credential is an object, not {other}"),
    }
}

/// `startPasskeyRegistration` for the holder of `access_token`.
pub async fn passkey_creation_options(app: &TestApp, access_token: &str) -> ApiResult<types::PasskeyCreationOptions> {
    app.client_with_token(access_token).start_passkey_registration().await
}

/// `registerPasskey` with `credential` and `name`.
pub async fn register_credential(
    app: &TestApp,
    access_token: &str,
    credential_json: Value,
    name: Option<&str>,
) -> ApiResult<types::PasskeyRegistered> {
    let body = types::PasskeyRegistrationRequest {
        credential: credential(credential_json),
        name: name.map(|n| n.try_into().expect("the name fits the spec")),
    };
    app.client_with_token(access_token).register_passkey(&body).await
}

/// Registers a new passkey of `authenticator` for the holder of `access_token`.
pub async fn add_passkey(
    app: &TestApp,
    access_token: &str,
    authenticator: &mut SoftPasskey,
) -> types::PasskeyRegistered {
    let options = passkey_creation_options(app, access_token)
        .await
        .expect("creation options")
        .into_inner();
    let answer = authenticator.register(&json_of(&options.0));
    register_credential(app, access_token, answer, None)
        .await
        .expect("the passkey is stored")
        .into_inner()
}

/// `startPasskeySignIn` through `client`: the ceremony and its request options.
pub async fn passkey_sign_in_options(client: &Client) -> (String, Value) {
    let body = types::PasskeyOptionsRequest { email: None };
    let options = client
        .start_passkey_sign_in(&body)
        .await
        .expect("request options")
        .into_inner();
    (options.ceremony, json_of(&options.options.0))
}

/// `verifyPasskey` through `client`.
pub async fn verify_passkey(
    client: &Client,
    ceremony: &str,
    credential_json: Value,
) -> ApiResult<types::TokenResponse> {
    let body = types::PasskeyVerifyRequest {
        ceremony: ceremony.try_into().expect("the ceremony fits the spec"),
        credential: credential(credential_json),
    };
    client.verify_passkey(&body).await
}

/// Signs in with a passkey of `authenticator` alone.
pub async fn sign_in_with_passkey(client: &Client, authenticator: &SoftPasskey) -> ApiResult<types::TokenResponse> {
    let (ceremony, options) = passkey_sign_in_options(client).await;
    verify_passkey(client, &ceremony, authenticator.assert(&options)).await
}

/// `completeMfaLogin` with a passkey assertion.
pub async fn complete_mfa_with_passkey(
    client: &Client,
    challenge: &str,
    credential_json: Value,
) -> ApiResult<types::TokenResponse> {
    let body = types::MfaLoginRequest {
        challenge: challenge.try_into().expect("the challenge fits the spec"),
        code: None,
        credential: Some(credential(credential_json).0),
    };
    client.complete_mfa_login(&body).await
}
