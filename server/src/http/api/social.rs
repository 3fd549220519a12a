//! `social` tag: sign-in with outside identity providers, and the providers linked to the
//! signed-in account. The redirect flow's callback always answers with a redirect; the other
//! operations with JSON.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::social::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, auth::login_challenge, present_or_null};
use crate::{
    config::is_loopback,
    error::{AppError, AppResult, FieldError},
    http::cookies::{self, SOCIAL_COOKIE},
    services::{
        mfa::SignIn,
        protection::rate_limit::Action,
        social::{StartRequest, Started, TokenLogin},
    },
};

const NO_STORE: &str = "no-store";

/// An optional query parameter sent empty counts as absent.
fn param(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

impl Api {
    /// Where browsers reach Gatehouse: `PUBLIC_URL`, else the request's (allowed) Host —
    /// `http` on loopback or with `DEBUG`, `https` otherwise.
    fn public_base(&self, host: &Host) -> String {
        let settings = &self.state.settings;
        if let Some(url) = &settings.social.public_url {
            return url.clone();
        }
        let authority = match host.port() {
            Some(port) => format!("{}:{port}", host.hostname()),
            None => host.hostname().to_string(),
        };
        let loopback = url::Url::parse(&format!("http://{authority}")).is_ok_and(|u| is_loopback(&u));
        let scheme = if loopback || settings.debug { "http" } else { "https" };
        format!("{scheme}://{authority}")
    }

    /// Sets the browser-binding cookie of a flow that reached the provider.
    fn bind_browser(&self, started: &Started) {
        if let Some(browser) = &started.browser {
            cookies::set_social_cookie(&self.state.settings, browser.clone());
        }
    }
}

#[async_trait]
impl Social<AppError> for Api {
    type Claims = Credentials;

    async fn list_social_providers(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
    ) -> AppResult<ListSocialProvidersResponse> {
        let providers = self.state.social.providers();
        Ok(ListSocialProvidersResponse::Status200_TheConfiguredProviders(
            providers
                .into_iter()
                .map(|p| models::SocialProvider { id: p.id, name: p.name })
                .collect(),
        ))
    }

    async fn start_social_login(
        &self,
        _: &Method,
        host: &Host,
        cookies: &CookieJar,
        path: &models::StartSocialLoginPathParams,
        query: &models::StartSocialLoginQueryParams,
    ) -> AppResult<StartSocialLoginResponse> {
        self.state.limits.check(Action::Social, None).await?;
        let public_base = self.public_base(host);
        let started = self
            .state
            .social
            .start(StartRequest {
                provider: &path.provider,
                redirect_to: param(&query.redirect_to),
                code_challenge: param(&query.code_challenge),
                code_challenge_method: param(&query.code_challenge_method),
                public_base: &public_base,
                browser: cookies.get(SOCIAL_COOKIE).map(|c| c.value()),
            })
            .await?;
        self.bind_browser(&started);
        Ok(StartSocialLoginResponse::Status302_ToTheProvider {
            location: Some(started.location),
        })
    }

    async fn finish_social_login(
        &self,
        _: &Method,
        _: &Host,
        cookies: &CookieJar,
        path: &models::FinishSocialLoginPathParams,
        query: &models::FinishSocialLoginQueryParams,
    ) -> AppResult<FinishSocialLoginResponse> {
        self.state.limits.check(Action::Social, None).await?;
        let finished = self
            .state
            .social
            .finish(
                &path.provider,
                param(&query.code),
                param(&query.state),
                param(&query.error),
                cookies.get(SOCIAL_COOKIE).map(|c| c.value()),
            )
            .await?;
        if let Some(tokens) = finished.tokens {
            // Cookie mode: the session goes out as cookies, nothing in the URL.
            let _ = self.token_response(tokens);
        }
        Ok(FinishSocialLoginResponse::Status302_ToTheProvider {
            location: Some(finished.location),
        })
    }

    async fn exchange_social_code(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::SocialExchangeRequest,
    ) -> AppResult<ExchangeSocialCodeResponse> {
        self.state.limits.check(Action::Social, None).await?;
        let tokens = self
            .state
            .social
            .exchange(&body.code, body.code_verifier.as_deref())
            .await?;
        Ok(ExchangeSocialCodeResponse::Status200_SignedIn {
            body: self.token_response(tokens),
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn social_token_login(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        path: &models::SocialTokenLoginPathParams,
        body: &models::SocialTokenRequest,
    ) -> AppResult<SocialTokenLoginResponse> {
        self.state.limits.check(Action::Social, None).await?;
        let login = match (&body.code, &body.redirect_uri, &body.id_token, &body.nonce) {
            (Some(code), Some(redirect_uri), None, _) => TokenLogin::Code {
                code: code.clone(),
                redirect_uri: redirect_uri.clone(),
                code_verifier: body.code_verifier.clone(),
            },
            (None, None, Some(id_token), Some(nonce)) => TokenLogin::IdToken {
                id_token: id_token.clone(),
                nonce: nonce.clone(),
            },
            _ => {
                let message = "Send either `code` with `redirect_uri`, or `id_token` with `nonce`.";
                return Err(AppError::Validation(vec![
                    FieldError::new("code", "code_or_id_token", message),
                    FieldError::new("id_token", "code_or_id_token", message),
                ]));
            }
        };
        Ok(match self.state.social.token_login(&path.provider, login).await? {
            SignIn::Tokens(tokens) => SocialTokenLoginResponse::Status200_SignedIn {
                body: self.token_response(tokens),
                cache_control: Some(NO_STORE.into()),
            },
            SignIn::Challenge(challenge) => SocialTokenLoginResponse::Status202_TheAccountHasASecondFactor {
                body: login_challenge(challenge),
                cache_control: Some(NO_STORE.into()),
            },
        })
    }

    async fn list_social_accounts(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<ListSocialAccountsResponse> {
        let auth = claims.user()?;
        let linked = self.state.social.linked(auth.user.id).await?;
        Ok(ListSocialAccountsResponse::Status200_TheLinkedProviderAccounts(
            linked
                .into_iter()
                .map(|l| models::SocialAccount {
                    provider: l.provider,
                    subject: l.subject,
                    email: present_or_null(l.email),
                    linked_at: l.linked_at,
                    last_used_at: present_or_null(l.last_used_at),
                })
                .collect(),
        ))
    }

    async fn link_social_account(
        &self,
        _: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Credentials,
        path: &models::LinkSocialAccountPathParams,
        query: &models::LinkSocialAccountQueryParams,
    ) -> AppResult<LinkSocialAccountResponse> {
        let auth = claims.user()?;
        self.state.limits.check(Action::Social, None).await?;
        let public_base = self.public_base(host);
        let request = StartRequest {
            provider: &path.provider,
            redirect_to: param(&query.redirect_to),
            code_challenge: None,
            code_challenge_method: None,
            public_base: &public_base,
            browser: cookies.get(SOCIAL_COOKIE).map(|c| c.value()),
        };
        let started = self.state.social.start_link(auth.user.id, request).await?;
        self.bind_browser(&started);
        Ok(LinkSocialAccountResponse::Status200_WhereToSendTheBrowser {
            body: models::SocialLinkStart {
                authorize_url: started.location,
            },
            cache_control: Some(NO_STORE.into()),
        })
    }

    async fn unlink_social_account(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::UnlinkSocialAccountPathParams,
    ) -> AppResult<UnlinkSocialAccountResponse> {
        let auth = claims.user()?;
        self.state.social.unlink(auth.user.id, &path.provider).await?;
        Ok(UnlinkSocialAccountResponse::Status204_Unlinked)
    }
}
