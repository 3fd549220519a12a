//! `auth` tag: register, login, refresh, logout, e-mail verification, password reset and change.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::auth::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, given};
use crate::{
    error::{AppError, AppResult},
    http::cookies,
    services::{
        audit::AuditEvent,
        identity::accounts::NewAccount,
        mfa::{Challenge, FirstFactor, Method as Factor, SignIn},
        protection::rate_limit::Action,
        sessions::{IssuedTokens, RevokeReason, Revoked},
    },
};

const NO_STORE: &str = "no-store";

/// The `202` body of a sign-in that waits for its second step.
pub(super) fn login_challenge(challenge: Challenge) -> models::LoginChallenge {
    let methods: Vec<models::SecondFactor> = challenge.methods.iter().map(|m| second_factor(*m)).collect();
    models::LoginChallenge {
        challenge: challenge.challenge,
        expires_in: challenge.expires_in.as_secs() as i64,
        method: methods.first().copied().unwrap_or(models::SecondFactor::EmailOtp),
        methods,
        passkey_options: super::nullable(challenge.passkey_options.map(super::mfa::free_form)),
    }
}

fn second_factor(method: Factor) -> models::SecondFactor {
    match method {
        Factor::Passkey => models::SecondFactor::Passkey,
        Factor::Totp => models::SecondFactor::Totp,
        Factor::RecoveryCode => models::SecondFactor::RecoveryCode,
        Factor::EmailOtp => models::SecondFactor::EmailOtp,
    }
}

/// The one answer to requests that may send an e-mail: it never says whether one was sent.
pub(super) fn accepted() -> models::Accepted {
    models::Accepted {
        detail: "If the address can receive it, an e-mail is on its way.".into(),
    }
}

impl Api {
    /// The RFC 6749 body for `tokens`; in cookie mode the tokens also go out as cookies and
    /// the refresh token stays out of the body, out of reach of scripts.
    pub(super) fn token_response(&self, tokens: IssuedTokens) -> models::TokenResponse {
        let cookie_mode = self.state.settings.auth_cookies;
        if cookie_mode {
            let csrf_token = self.state.sessions.csrf_token(tokens.session_id);
            cookies::set_session_cookies(&self.state.settings, &tokens, csrf_token);
        }
        models::TokenResponse {
            access_token: tokens.access_token,
            token_type: "Bearer".into(),
            expires_in: tokens.access_expires_in.as_secs() as i64,
            refresh_token: (!cookie_mode).then_some(tokens.refresh_token),
            refresh_expires_in: tokens.refresh_expires_in.as_secs() as i64,
        }
    }
}

#[async_trait]
impl Auth<AppError> for Api {
    type Claims = Credentials;

    async fn register(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::RegisterRequest,
    ) -> AppResult<RegisterResponse> {
        self.state.limits.check(Action::Register, None).await?;
        self.state
            .registration
            .register(NewAccount {
                email: body.email.clone(),
                password: body.password.clone(),
                first_name: given(&body.first_name),
                last_name: given(&body.last_name),
                staff: false,
            })
            .await?;
        Ok(RegisterResponse::Status202_Accepted(accepted()))
    }

    async fn verify_email(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::TokenRequest,
    ) -> AppResult<VerifyEmailResponse> {
        self.state.limits.check(Action::VerifyEmail, None).await?;
        let account = self.state.registration.verify_email(&body.token).await?;
        Ok(VerifyEmailResponse::Status200_TheAddressIsVerified(
            super::privacy::email_verified(account),
        ))
    }

    async fn resend_verification(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::EmailRequest,
    ) -> AppResult<ResendVerificationResponse> {
        let limits = &self.state.limits;
        limits.check(Action::ResendVerification, Some(&body.email)).await?;
        self.state.registration.resend(&body.email).await?;
        Ok(ResendVerificationResponse::Status202_Accepted(accepted()))
    }

    async fn request_password_reset(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::EmailRequest,
    ) -> AppResult<RequestPasswordResetResponse> {
        let limits = &self.state.limits;
        limits.check(Action::PasswordReset, Some(&body.email)).await?;
        self.state.passwords.request_reset(&body.email).await?;
        Ok(RequestPasswordResetResponse::Status202_Accepted(accepted()))
    }

    async fn confirm_password_reset(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::PasswordResetConfirmRequest,
    ) -> AppResult<ConfirmPasswordResetResponse> {
        self.state.limits.check(Action::PasswordResetConfirm, None).await?;
        self.state
            .passwords
            .confirm_reset(&body.token, &body.new_password)
            .await?;
        Ok(ConfirmPasswordResetResponse::Status204_ThePasswordWasChanged)
    }

    async fn change_password(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::PasswordChangeRequest,
    ) -> AppResult<ChangePasswordResponse> {
        let auth = claims.user()?;
        self.state.sessions.require_recent_second_factor(auth).await?;
        self.state
            .passwords
            .change(auth, &body.current_password, &body.new_password)
            .await?;
        Ok(ChangePasswordResponse::Status204_ThePasswordWasChanged)
    }

    async fn login(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::LoginRequest,
    ) -> AppResult<LoginResponse> {
        let account = self
            .state
            .accounts
            .check_credentials(&body.email, &body.password)
            .await?;
        Ok(match self.state.mfa.sign_in(&account, FirstFactor::password()).await? {
            SignIn::Tokens(tokens) => LoginResponse::Status200_LoggedIn {
                body: self.token_response(tokens),
                cache_control: Some(NO_STORE.into()),
            },
            SignIn::Challenge(challenge) => LoginResponse::Status202_ThePasswordIsRight {
                body: login_challenge(challenge),
                cache_control: Some(NO_STORE.into()),
            },
        })
    }

    async fn refresh_token(
        &self,
        _: &Method,
        _: &Host,
        jar: &CookieJar,
        body: &models::RefreshRequest,
    ) -> AppResult<RefreshTokenResponse> {
        self.state.limits.check(Action::Refresh, None).await?;
        let from_cookie = || {
            self.state
                .settings
                .auth_cookies
                .then(|| jar.get(cookies::REFRESH_COOKIE).map(|c| c.value().to_string()))
                .flatten()
        };
        let presented = given(&body.refresh_token)
            .or_else(from_cookie)
            .ok_or(AppError::InvalidRefreshToken)?;
        let tokens = self.state.sessions.refresh(&presented).await?;
        Ok(RefreshTokenResponse::Status200_NewTokens {
            body: self.token_response(tokens),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn logout(&self, _: &Method, _: &Host, _: &CookieJar, claims: &Credentials) -> AppResult<LogoutResponse> {
        let auth = claims.enrolling_user()?;
        let (user_id, session_id) = (auth.user.id, auth.session_id);
        self.state
            .sessions
            .revoke_recorded(Revoked::Session(session_id), RevokeReason::Logout, move |_| {
                AuditEvent::new("logout", Some(user_id)).session(session_id)
            })
            .await?;
        cookies::clear_session_cookies(&self.state.settings);
        Ok(LogoutResponse::Status204_LoggedOut)
    }

    async fn logout_all(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<LogoutAllResponse> {
        let auth = claims.enrolling_user()?;
        let (user_id, session_id) = (auth.user.id, auth.session_id);
        self.state
            .sessions
            .revoke_recorded(Revoked::AllOf(user_id), RevokeReason::LogoutAll, move |_| {
                AuditEvent::new("logout_all", Some(user_id)).session(session_id)
            })
            .await?;
        cookies::clear_session_cookies(&self.state.settings);
        Ok(LogoutAllResponse::Status204_EverySessionWasRevoked)
    }
}
