//! `otp` tag: codes sent by e-mail — passwordless login and the second step of a password
//! login. Each operation is rate-limited per client IP and, when the request names one, per
//! address; the send cooldown and cap of `resendOtp` live in the OTP service.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::otp::*, models};
use headers::Host;
use http::Method;

use super::{
    Api,
    auth::{accepted, login_challenge},
    given,
};
use crate::{
    error::{AppError, AppResult, FieldError},
    services::{
        mfa::{FirstFactor, SecondProof, SignIn},
        otp::ResendTarget,
        protection::rate_limit::Action,
    },
};

const NO_STORE: &str = "no-store";

/// The target of `resendOtp`: exactly one of `email` and `challenge`.
fn resend_target(body: &models::OtpResendRequest) -> AppResult<ResendTarget> {
    match (given(&body.email), given(&body.challenge)) {
        (Some(email), None) => Ok(ResendTarget::Email(email)),
        (None, Some(challenge)) => Ok(ResendTarget::Challenge(challenge)),
        _ => {
            let message = "Send either `email` or `challenge`.";
            Err(AppError::Validation(vec![
                FieldError::new("email", "email_or_challenge", message),
                FieldError::new("challenge", "email_or_challenge", message),
            ]))
        }
    }
}

#[async_trait]
impl Otp<AppError> for Api {
    async fn request_otp(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::EmailRequest,
    ) -> AppResult<RequestOtpResponse> {
        self.state.limits.check(Action::OtpRequest, Some(&body.email)).await?;
        self.state.otp.request(&body.email).await?;
        Ok(RequestOtpResponse::Status202_Accepted(accepted()))
    }

    async fn verify_otp(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::OtpVerifyRequest,
    ) -> AppResult<VerifyOtpResponse> {
        self.state.limits.check(Action::OtpVerify, Some(&body.email)).await?;
        let account = self.state.otp.verify_login(&body.email, &body.code).await?;
        Ok(
            match self.state.mfa.sign_in(&account, FirstFactor::email_code()).await? {
                SignIn::Tokens(tokens) => VerifyOtpResponse::Status200_LoggedIn {
                    body: self.token_response(tokens),
                    cache_control: Some(NO_STORE.into()),
                },
                SignIn::Challenge(challenge) => VerifyOtpResponse::Status202_TheAccountHasASecondFactor {
                    body: login_challenge(challenge),
                    cache_control: Some(NO_STORE.into()),
                },
            },
        )
    }

    async fn resend_otp(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::OtpResendRequest,
    ) -> AppResult<ResendOtpResponse> {
        let target = resend_target(body)?;
        let email = match &target {
            ResendTarget::Email(email) => Some(email.as_str()),
            ResendTarget::Challenge(_) => None,
        };
        self.state.limits.check(Action::OtpResend, email).await?;
        self.state.otp.resend(target).await?;
        Ok(ResendOtpResponse::Status202_Accepted(accepted()))
    }

    async fn login_with_otp(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::LoginOtpRequest,
    ) -> AppResult<LoginWithOtpResponse> {
        self.state.limits.check(Action::OtpVerify, None).await?;
        let proof = SecondProof::Code(body.code.clone());
        let tokens = self.state.mfa.complete(&body.challenge, proof).await?;
        Ok(LoginWithOtpResponse::Status200_LoggedIn {
            body: self.token_response(tokens),
            cache_control: Some(NO_STORE.into()),
        })
    }
}
