//! `privacy` tag: the signed-in user's consents.

use std::collections::HashMap;

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::privacy::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, given, present_or_null};
use crate::{
    error::{AppError, AppResult},
    services::privacy::consents::{Change, ConsentState, Source},
};

/// The states as the API shows them.
pub(super) fn consent_list(states: Vec<ConsentState>) -> Vec<models::ConsentState> {
    states
        .into_iter()
        .map(|s| models::ConsentState {
            purpose: s.purpose,
            granted: s.granted,
            policy_version: present_or_null(s.policy_version),
            updated_at: present_or_null(s.updated_at),
        })
        .collect()
}

#[async_trait]
impl Privacy<AppError> for Api {
    type Claims = Credentials;

    async fn get_my_consents(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<GetMyConsentsResponse> {
        let auth = claims.user()?;
        let states = self.state.consents.current(auth.user.id).await?;
        Ok(GetMyConsentsResponse::Status200_OneEntryPerPurpose(
            models::ConsentList {
                items: consent_list(states),
            },
        ))
    }

    async fn update_my_consents(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &HashMap<String, models::ConsentChange>,
    ) -> AppResult<UpdateMyConsentsResponse> {
        let auth = claims.user()?;
        let mut changes: Vec<(String, Change)> = body
            .iter()
            .map(|(purpose, change)| {
                let change = Change {
                    granted: change.granted,
                    policy_version: given(&change.policy_version),
                };
                (purpose.clone(), change)
            })
            .collect();
        changes.sort_by(|a, b| a.0.cmp(&b.0));
        let states = self
            .state
            .consents
            .update(&auth.user, changes, Source::Consents)
            .await?;
        Ok(UpdateMyConsentsResponse::Status200_EveryPurpose(models::ConsentList {
            items: consent_list(states),
        }))
    }
}
