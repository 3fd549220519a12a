//! Recovery codes: ten per set, each 24 base32 characters (120 bits) shown once in groups of
//! four, stored only as an HMAC under `SECRET_KEY`, and spent by one conditional UPDATE, so
//! twenty parallel uses of a code give one success.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr,
};
use uuid::Uuid;

use crate::{
    entity::mfa_recovery_code,
    error::AppResult,
    services::platform::secrets::{self, InstanceSecret},
};

/// Codes per set.
pub const SET_SIZE: usize = 10;
/// Characters per code: 24 × 5 bits = 120 bits (at least 112, as NIST SP 800-63B asks of a
/// look-up secret that stands in for a second factor).
const CODE_CHARS: usize = 24;
/// Crockford's base32 alphabet: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new code, grouped by four: `K4M9-X7QP-2AB8-HT3Z-…`.
fn generate() -> String {
    let mut raw = [0u8; CODE_CHARS];
    secrets::fill_random(&mut raw);
    let chars: Vec<char> = raw.iter().map(|b| ALPHABET[usize::from(b & 31)] as char).collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The code as typed, in its canonical form: separators and spaces dropped, upper case, the
/// letters Crockford maps (O→0, I/L→1). `None` when it cannot be a recovery code.
pub fn normalize(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_CHARS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.len() == CODE_CHARS).then_some(out)
}

/// Keyed hash of a normalised code, bound to its account.
fn hash(secret: &InstanceSecret, user_id: Uuid, normalized: &str) -> String {
    secrets::hex(&secret.mac("mfa-recovery-code", format!("{user_id}:{normalized}").as_bytes()))
}

/// Replaces the account's set with a new one (inside the caller's transaction) and answers
/// the codes, to be shown once.
pub async fn replace(db: &impl ConnectionTrait, secret: &InstanceSecret, user_id: Uuid) -> AppResult<Vec<String>> {
    remove_all(db, user_id).await?;
    let now = Utc::now();
    let codes: Vec<String> = (0..SET_SIZE).map(|_| generate()).collect();
    let rows = codes.iter().map(|code| mfa_recovery_code::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        code_hash: Set(hash(secret, user_id, &normalize(code).unwrap_or_default())),
        created_at: Set(now),
        used_at: Set(None),
    });
    mfa_recovery_code::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(codes)
}

/// Deletes every code of the account.
pub async fn remove_all(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<()> {
    mfa_recovery_code::Entity::delete_many()
        .filter(mfa_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Spends `typed` when it is an unused code of the account; `true` when it was.
pub async fn consume(
    db: &impl ConnectionTrait,
    secret: &InstanceSecret,
    user_id: Uuid,
    typed: &str,
) -> AppResult<bool> {
    let Some(normalized) = normalize(typed) else {
        return Ok(false);
    };
    let spent = mfa_recovery_code::Entity::update_many()
        .col_expr(mfa_recovery_code::Column::UsedAt, Expr::value(Utc::now()))
        .filter(mfa_recovery_code::Column::UserId.eq(user_id))
        .filter(mfa_recovery_code::Column::CodeHash.eq(hash(secret, user_id, &normalized)))
        .filter(mfa_recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(spent.rows_affected == 1)
}

/// Unused codes of the account.
pub async fn remaining(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<u32> {
    let count = mfa_recovery_code::Entity::find()
        .filter(mfa_recovery_code::Column::UserId.eq(user_id))
        .filter(mfa_recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_unique_and_normalise_back() {
        let codes: Vec<String> = (0..1000).map(|_| generate()).collect();
        for code in &codes {
            assert_eq!(code.len(), CODE_CHARS + CODE_CHARS / 4 - 1, "{code}");
            assert!(code.split('-').all(|g| g.len() == 4));
            assert_eq!(normalize(code).unwrap(), code.replace('-', ""));
        }
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());
        const { assert!(CODE_CHARS * 5 >= 112) };
    }

    #[test]
    fn typing_variants_are_forgiven_and_junk_is_refused() {
        let code = "K4M9-X7QP-2AB8-HT3Z-0000-1111";
        assert_eq!(
            normalize("k4m9 x7qp 2ab8 ht3z oooo iiii").as_deref(),
            Some("K4M9X7QP2AB8HT3Z00001111")
        );
        assert_eq!(normalize(code).as_deref(), Some("K4M9X7QP2AB8HT3Z00001111"));
        assert_eq!(normalize("K4M9-X7QP"), None);
        assert_eq!(normalize("K4M9-X7QP-2AB8-HT3Z-0000-111U"), None);
        assert_eq!(normalize("123456"), None);
    }

    #[test]
    fn hashes_are_bound_to_the_account() {
        let secret = InstanceSecret::for_tests("0123456789abcdef0123456789abcdef");
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        assert_ne!(hash(&secret, a, "X"), hash(&secret, b, "X"));
        assert_eq!(hash(&secret, a, "X"), hash(&secret, a, "X"));
    }
}
