//! Authenticator-app codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps). A code is
//! accepted for the current step ±1, and only once: the step it matched must be later than
//! the last one accepted, and advancing it is one conditional UPDATE, so the same code (or an
//! older one) is refused even by another instance in the same second.

use chrono::Utc;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use qrcode::{QrCode, render::svg};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait},
};
use totp_rs::{Algorithm, Builder, Secret, Totp};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::{
    entity::mfa_totp,
    error::{AppError, AppResult},
    services::platform::secrets::{self, InstanceSecret},
};

/// Seconds per step.
const STEP_SECONDS: u64 = 30;
/// Steps accepted either side of the current one.
const SKEW_STEPS: u16 = 1;
/// Secret length: 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;

/// What the user puts into the authenticator app.
#[derive(Clone, Debug)]
pub struct Enrollment {
    /// The secret, base32 without padding.
    pub secret: String,
    /// The `otpauth://totp/…` URI.
    pub otpauth_uri: String,
    /// The URI as a QR code (SVG).
    pub qr_svg: String,
}

fn totp(secret: &[u8]) -> AppResult<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(SKEW_STEPS)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret)
        .build()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("building a TOTP: {e:?}")))
}

/// The step `code` matches at `unix_time` (current ±1), if any. Spaces are ignored; the
/// comparison is constant-time.
pub fn matching_step(secret: &[u8], code: &str, unix_time: u64) -> AppResult<Option<u64>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    Ok(totp(secret)?.check(&code, unix_time))
}

/// The code of `secret` at `unix_time` (tests, and the sample in the docs).
pub fn code_at(secret: &[u8], unix_time: u64) -> AppResult<String> {
    Ok(totp(secret)?.generate(unix_time).to_string())
}

fn unix_now() -> u64 {
    u64::try_from(Utc::now().timestamp()).unwrap_or(0)
}

/// The TOTP rows of the accounts; secrets sealed under `SECRET_KEY`.
#[derive(Clone)]
pub struct TotpStore {
    db: DatabaseConnection,
    secret: InstanceSecret,
}

impl TotpStore {
    /// The store.
    pub fn new(db: DatabaseConnection, secret: InstanceSecret) -> Self {
        Self { db, secret }
    }

    fn context(user_id: Uuid) -> Vec<u8> {
        format!("mfa-totp:{user_id}").into_bytes()
    }

    /// The account's row, if any.
    pub async fn find(&self, user_id: Uuid) -> AppResult<Option<mfa_totp::Model>> {
        Ok(mfa_totp::Entity::find_by_id(user_id).one(&self.db).await?)
    }

    fn open(&self, row: &mfa_totp::Model) -> AppResult<Zeroizing<Vec<u8>>> {
        Ok(Zeroizing::new(
            self.secret.open(&Self::context(row.user_id), &row.secret)?,
        ))
    }

    /// A new pending secret for the account (replacing an unconfirmed one); refused when a
    /// confirmed one exists.
    pub async fn start(&self, user_id: Uuid, issuer: &str, account_name: &str) -> AppResult<Enrollment> {
        if self.find(user_id).await?.is_some_and(|row| row.confirmed_at.is_some()) {
            return Err(AppError::MfaState(crate::error::MfaState::TotpAlreadyEnabled));
        }
        let mut raw = Zeroizing::new([0u8; SECRET_BYTES]);
        secrets::fill_random(raw.as_mut());
        let row = mfa_totp::ActiveModel {
            user_id: Set(user_id),
            secret: Set(self.secret.seal(&Self::context(user_id), raw.as_ref())?),
            created_at: Set(Utc::now()),
            confirmed_at: Set(None),
            last_used_step: Set(None),
        };
        // Only an unconfirmed row is replaced: a confirmation racing with this start wins.
        mfa_totp::Entity::delete_many()
            .filter(mfa_totp::Column::UserId.eq(user_id))
            .filter(mfa_totp::Column::ConfirmedAt.is_null())
            .exec(&self.db)
            .await?;
        mfa_totp::Entity::insert(row)
            .on_conflict_do_nothing_on([mfa_totp::Column::UserId])
            .exec_without_returning(&self.db)
            .await?;
        let secret = Secret::from(raw.as_ref()).to_base32();
        let otpauth_uri = otpauth_uri(&secret, issuer, account_name);
        let qr_svg = QrCode::new(otpauth_uri.as_bytes())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?
            .render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .build();
        Ok(Enrollment {
            secret,
            otpauth_uri,
            qr_svg,
        })
    }

    /// Checks `code` against the account's secret — the confirmed one, or with `pending` the
    /// one waiting for confirmation — and spends its step. `true` when accepted.
    pub async fn accept(&self, db: &impl ConnectionTrait, user_id: Uuid, code: &str, pending: bool) -> AppResult<bool> {
        let Some(row) = self.find(user_id).await? else {
            return Ok(false);
        };
        if row.confirmed_at.is_some() == pending {
            return Ok(false);
        }
        let secret = self.open(&row)?;
        let Some(step) = matching_step(&secret, code, unix_now())? else {
            return Ok(false);
        };
        let step = i64::try_from(step).unwrap_or(i64::MAX);
        let mut update = mfa_totp::Entity::update_many()
            .col_expr(mfa_totp::Column::LastUsedStep, Expr::value(step))
            .filter(mfa_totp::Column::UserId.eq(user_id))
            .filter(
                mfa_totp::Column::LastUsedStep
                    .is_null()
                    .or(mfa_totp::Column::LastUsedStep.lt(step)),
            );
        update = if pending {
            update
                .col_expr(mfa_totp::Column::ConfirmedAt, Expr::value(Utc::now()))
                .filter(mfa_totp::Column::ConfirmedAt.is_null())
                .filter(mfa_totp::Column::Secret.eq(row.secret.as_str()))
        } else {
            update.filter(mfa_totp::Column::ConfirmedAt.is_not_null())
        };
        Ok(update.exec(db).await?.rows_affected == 1)
    }

    /// Removes the account's TOTP (pending or confirmed); `true` when a confirmed one went.
    pub async fn remove(&self, db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<bool> {
        let confirmed = mfa_totp::Entity::delete_many()
            .filter(mfa_totp::Column::UserId.eq(user_id))
            .filter(mfa_totp::Column::ConfirmedAt.is_not_null())
            .exec(db)
            .await?
            .rows_affected
            > 0;
        mfa_totp::Entity::delete_many()
            .filter(mfa_totp::Column::UserId.eq(user_id))
            .exec(db)
            .await?;
        Ok(confirmed)
    }
}

/// `otpauth://totp/Issuer:account?secret=…&issuer=…` (Google Authenticator's key URI format).
fn otpauth_uri(secret: &str, issuer: &str, account_name: &str) -> String {
    let issuer = utf8_percent_encode(&issuer.replace(':', ""), NON_ALPHANUMERIC).to_string();
    let account = utf8_percent_encode(account_name, NON_ALPHANUMERIC).to_string();
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits=6&period={STEP_SECONDS}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B: the SHA-1 seed, 8-digit codes truncated to the 6 we use.
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_match_rfc_6238() {
        assert_eq!(code_at(RFC_SECRET, 59).unwrap(), "287082");
        assert_eq!(code_at(RFC_SECRET, 1_111_111_109).unwrap(), "081804");
        assert_eq!(code_at(RFC_SECRET, 1_234_567_890).unwrap(), "005924");
    }

    #[test]
    fn the_current_step_and_one_either_side_are_accepted_at_the_edges() {
        // Step 1000 spans [30000, 30030).
        let code = code_at(RFC_SECRET, 30_000).unwrap();
        assert_eq!(matching_step(RFC_SECRET, &code, 30_000).unwrap(), Some(1000));
        assert_eq!(matching_step(RFC_SECRET, &code, 30_029).unwrap(), Some(1000));
        // One step late or early (clock skew), still the same step.
        assert_eq!(matching_step(RFC_SECRET, &code, 30_030).unwrap(), Some(1000));
        assert_eq!(matching_step(RFC_SECRET, &code, 30_059).unwrap(), Some(1000));
        assert_eq!(matching_step(RFC_SECRET, &code, 29_970).unwrap(), Some(1000));
        // Two steps away: refused.
        assert_eq!(matching_step(RFC_SECRET, &code, 30_060).unwrap(), None);
        assert_eq!(matching_step(RFC_SECRET, &code, 29_969).unwrap(), None);
    }

    #[test]
    fn malformed_codes_match_nothing_and_spaces_are_ignored() {
        let code = code_at(RFC_SECRET, 30_000).unwrap();
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(matching_step(RFC_SECRET, &spaced, 30_000).unwrap(), Some(1000));
        for bad in ["", "12345", "1234567", "abcdef", "12345x"] {
            assert_eq!(matching_step(RFC_SECRET, bad, 30_000).unwrap(), None);
        }
    }

    #[test]
    fn the_uri_names_issuer_and_account_and_escapes_them() {
        let uri = otpauth_uri("JBSWY3DP", "Acme: Prod", "ada+1@example.com");
        assert_eq!(
            uri,
            "otpauth://totp/Acme%20Prod:ada%2B1%40example%2Ecom?secret=JBSWY3DP&issuer=Acme%20Prod&algorithm=SHA1&digits=6&period=30"
        );
    }
}
