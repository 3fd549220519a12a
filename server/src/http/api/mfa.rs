//! `mfa` tag: authenticator apps and recovery codes, the second step of sign-ins, and step-up.
//! Every operation but `completeMfaLogin` works for an account that `MFA_REQUIRED` limits to
//! enrolling.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::mfa::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, present_or_null};
use crate::{
    error::{AppError, AppResult, FieldError},
    http::cookies,
    services::{mfa::Proof, protection::rate_limit::Action},
};

const NO_STORE: &str = "no-store";

fn recovery_codes(codes: Vec<String>) -> models::RecoveryCodes {
    models::RecoveryCodes { recovery_codes: codes }
}

/// The proof of `reauthenticate`: exactly one of `password` and `code`.
fn proof(body: &models::ReauthenticateRequest) -> AppResult<Proof> {
    match (&body.password, &body.code) {
        (Some(password), None) => Ok(Proof::Password(password.clone())),
        (None, Some(code)) => Ok(Proof::Code(code.clone())),
        _ => {
            let message = "Send either `password` or `code`.";
            Err(AppError::Validation(vec![
                FieldError::new("password", "password_or_code", message),
                FieldError::new("code", "password_or_code", message),
            ]))
        }
    }
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
        let Some(code) = &body.code else {
            return Err(AppError::Validation(vec![FieldError::new(
                "code",
                "required",
                "Send the code that completes the sign-in.",
            )]));
        };
        let tokens = self.state.mfa.complete(&body.challenge, code).await?;
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
}
