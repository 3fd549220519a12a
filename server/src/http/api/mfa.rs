//! `mfa` tag: passkeys, authenticator apps and recovery codes, the second step of sign-ins,
//! passkey sign-in, and step-up. Every signed-in operation works for an account that
//! `MFA_REQUIRED` limits to enrolling.

use std::collections::HashMap;

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::mfa::*, models, types::Object};
use headers::Host;
use http::Method;
use serde_json::Value;

use super::{Api, Credentials, given, present_or_null};
use crate::{
    entity::passkey,
    error::{AppError, AppResult, FieldError},
    http::cookies,
    services::{
        identity::accounts::is_line_break_or_control,
        mfa::{Proof, SecondProof},
        protection::rate_limit::Action,
    },
};

const NO_STORE: &str = "no-store";

fn recovery_codes(codes: Vec<String>) -> models::RecoveryCodeSet {
    models::RecoveryCodeSet { recovery_codes: codes }
}

/// A free-form JSON object of the spec (WebAuthn options and credentials) as a JSON value.
fn json_object(map: &HashMap<String, Object>) -> Value {
    Value::Object(map.iter().map(|(k, v)| (k.clone(), v.0.clone())).collect())
}

/// A JSON value as a free-form object of the spec.
pub(super) fn free_form(value: Value) -> HashMap<String, Object> {
    match value {
        Value::Object(map) => map.into_iter().map(|(k, v)| (k, Object(v))).collect(),
        _ => HashMap::new(),
    }
}

fn exactly_one(fields: &[&str]) -> AppError {
    let message = format!("Send exactly one of {}.", fields.join(", "));
    AppError::Validation(
        fields
            .iter()
            .map(|f| FieldError::new(*f, "exactly_one", message.clone()))
            .collect(),
    )
}

/// The proof of `reauthenticate`: exactly one of `password`, `code` and `credential`.
fn proof(body: &models::ReauthenticateRequest) -> AppResult<Proof> {
    match (given(&body.password), given(&body.code), given(&body.credential)) {
        (Some(password), None, None) => Ok(Proof::Password(password)),
        (None, Some(code), None) => Ok(Proof::Code(code)),
        (None, None, Some(credential)) => Ok(Proof::Credential(json_object(&credential))),
        _ => Err(exactly_one(&["password", "code", "credential"])),
    }
}

fn passkey_view(row: passkey::Model) -> models::Passkey {
    models::Passkey {
        id: row.id,
        name: row.name,
        created_at: row.created_at,
        last_used_at: present_or_null(row.last_used_at),
    }
}

/// A passkey name: trimmed, 1 to 100 characters, no line break or other control character.
fn passkey_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(is_line_break_or_control) {
        return Err(AppError::Validation(vec![FieldError::new(
            "name",
            "invalid_format",
            "A name of 1 to 100 characters, without control characters.",
        )]));
    }
    Ok(name.to_string())
}

#[async_trait]
impl Mfa<AppError> for Api {
    type Claims = Credentials;

    async fn complete_mfa_login(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::MfaLoginRequest,
    ) -> AppResult<CompleteMfaLoginResponse> {
        self.state.limits.check(Action::OtpVerify, None).await?;
        let proof = match (given(&body.code), given(&body.credential)) {
            (Some(code), None) => SecondProof::Code(code),
            (None, Some(credential)) => SecondProof::Credential(json_object(&credential)),
            _ => return Err(exactly_one(&["code", "credential"])),
        };
        let tokens = self.state.mfa.complete(&body.challenge, proof).await?;
        Ok(CompleteMfaLoginResponse::Status200_LoggedIn {
            body: self.token_response(tokens),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn get_mfa(&self, _: &Method, _: &Host, _: &CookieJar, claims: &Credentials) -> AppResult<GetMfaResponse> {
        let auth = claims.enrolling_user()?;
        let summary = self.state.mfa.summary(&auth.user).await?;
        Ok(GetMfaResponse::Status200_TheFactors(models::MfaSummary {
            mfa_enabled: auth.user.mfa_enabled,
            totp_enabled: summary.totp_enabled_at.is_some(),
            totp_enabled_at: present_or_null(summary.totp_enabled_at),
            recovery_codes_remaining: summary.recovery_codes_remaining,
            passkeys: summary.passkeys,
            enrollment_required: summary.enrollment_required,
        }))
    }

    async fn start_totp_enrollment(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<StartTotpEnrollmentResponse> {
        let auth = claims.enrolling_user()?;
        let enrollment = self.state.mfa.start_totp(auth).await?;
        Ok(
            StartTotpEnrollmentResponse::Status200_TheSecretToPutInTheAuthenticatorApp {
                body: models::TotpEnrollment {
                    secret: enrollment.secret,
                    otpauth_uri: enrollment.otpauth_uri,
                    qr_svg: enrollment.qr_svg,
                },
                cache_control: Some(NO_STORE.into()),
            },
        )
    }

    async fn confirm_totp_enrollment(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::TotpConfirmRequest,
    ) -> AppResult<ConfirmTotpEnrollmentResponse> {
        let auth = claims.enrolling_user()?;
        self.state.limits.check(Action::OtpVerify, None).await?;
        let codes = self.state.mfa.confirm_totp(auth, &body.code).await?;
        Ok(ConfirmTotpEnrollmentResponse::Status200_TOTPIsOn {
            body: recovery_codes(codes),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn remove_totp(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<RemoveTotpResponse> {
        let auth = claims.enrolling_user()?;
        self.state.mfa.remove_totp(auth).await?;
        Ok(RemoveTotpResponse::Status204_TOTPIsOff)
    }

    async fn regenerate_recovery_codes(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<RegenerateRecoveryCodesResponse> {
        let auth = claims.enrolling_user()?;
        let codes = self.state.mfa.regenerate_recovery_codes(auth).await?;
        Ok(RegenerateRecoveryCodesResponse::Status200_TheNewRecoveryCodes {
            body: recovery_codes(codes),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn reauthenticate(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::ReauthenticateRequest,
    ) -> AppResult<ReauthenticateResponse> {
        let auth = claims.enrolling_user()?;
        let proof = proof(body)?;
        let (access_token, authentication) = self.state.mfa.reauthenticate(auth, proof).await?;
        let expires_in = self.state.sessions.tokens().lifetime().as_secs() as i64;
        if self.state.settings.auth_cookies {
            cookies::set_access_cookie(&self.state.settings, access_token.clone(), expires_in);
        }
        Ok(ReauthenticateResponse::Status200_AuthenticatedAgain {
            body: models::Reauthenticated {
                access_token,
                token_type: "Bearer".into(),
                expires_in,
                auth_time: authentication.time,
                aal: authentication.aal().into(),
            },
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn start_passkey_registration(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<StartPasskeyRegistrationResponse> {
        let auth = claims.enrolling_user()?;
        let options = self.state.mfa.passkey_options(auth).await?;
        Ok(StartPasskeyRegistrationResponse::Status200_TheCreationOptions {
            body: free_form(options),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn register_passkey(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::PasskeyRegistrationRequest,
    ) -> AppResult<RegisterPasskeyResponse> {
        let auth = claims.enrolling_user()?;
        let name = given(&body.name).as_deref().map(passkey_name).transpose()?;
        let (stored, codes) = self
            .state
            .mfa
            .add_passkey(auth, json_object(&body.credential), name)
            .await?;
        Ok(RegisterPasskeyResponse::Status201_ThePasskeyIsStored {
            body: models::PasskeyRegistered {
                passkey: passkey_view(stored),
                recovery_codes: present_or_null(codes),
            },
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn list_passkeys(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<ListPasskeysResponse> {
        let auth = claims.enrolling_user()?;
        let rows = self.state.mfa.passkeys().list(auth.user.id).await?;
        Ok(ListPasskeysResponse::Status200_ThePasskeys(models::PasskeyList {
            items: rows.into_iter().map(passkey_view).collect(),
        }))
    }

    async fn rename_passkey(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::RenamePasskeyPathParams,
        body: &models::PasskeyRename,
    ) -> AppResult<RenamePasskeyResponse> {
        let auth = claims.enrolling_user()?;
        let name = passkey_name(&body.name)?;
        let row = self.state.mfa.passkeys().rename(auth.user.id, path.id, name).await?;
        Ok(RenamePasskeyResponse::Status200_TheRenamedPasskey(passkey_view(row)))
    }

    async fn delete_passkey(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::DeletePasskeyPathParams,
    ) -> AppResult<DeletePasskeyResponse> {
        let auth = claims.enrolling_user()?;
        self.state.mfa.remove_passkey(auth, path.id).await?;
        Ok(DeletePasskeyResponse::Status204_ThePasskeyIsRemoved)
    }

    async fn start_passkey_sign_in(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        _body: &models::PasskeyOptionsRequest,
    ) -> AppResult<StartPasskeySignInResponse> {
        self.state.limits.check(Action::Login, None).await?;
        let (ceremony, options) = self.state.mfa.passkeys().sign_in_options().await?;
        Ok(
            StartPasskeySignInResponse::Status200_TheRequestOptionsAndTheirCeremony {
                body: models::PasskeySignInOptions {
                    ceremony,
                    options: free_form(options),
                },
                cache_control: Some(NO_STORE.into()),
            },
        )
    }

    async fn verify_passkey(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::PasskeyVerifyRequest,
    ) -> AppResult<VerifyPasskeyResponse> {
        self.state.limits.check(Action::Login, None).await?;
        let tokens = self
            .state
            .mfa
            .passkey_sign_in(&body.ceremony, json_object(&body.credential))
            .await?;
        Ok(VerifyPasskeyResponse::Status200_LoggedIn {
            body: self.token_response(tokens),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn start_passkey_reauthentication(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<StartPasskeyReauthenticationResponse> {
        let auth = claims.enrolling_user()?;
        let options = self.state.mfa.step_up_options(auth).await?;
        Ok(StartPasskeyReauthenticationResponse::Status200_TheRequestOptions {
            body: free_form(options),
            cache_control: Some(NO_STORE.into()),
        })
    }
}
