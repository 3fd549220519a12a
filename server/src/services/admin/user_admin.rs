//! Staff administration of accounts: find, change, force logout, soft-delete and restore.
//! Every change is audit-logged with the staff member as the actor.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, IntoActiveModel, QueryFilter, SqlErr,
    sea_query::{BinOper, Expr, ExprTrait, Func, LikeExpr},
};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::{
    entity::user::{self, Column},
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        identity::accounts,
        platform::pagination::{self, Page, PageRequest},
        privacy::{anonymise, deletion::AccountDeletion},
        sessions::{RevokeReason, Revoked, Sessions, session_cache::Invalidation},
    },
};

/// Which accounts to list; a `None` matches every account.
#[derive(Clone, Debug, Default)]
pub struct UserFilter {
    /// Text the e-mail, first or last name contains (case-insensitive).
    pub search: Option<String>,
    /// Active or not.
    pub is_active: Option<bool>,
    /// Staff or not.
    pub is_staff: Option<bool>,
    /// Address verified or not.
    pub email_verified: Option<bool>,
    /// Soft-deleted or live.
    pub deleted: Option<bool>,
}

/// What staff change on an account; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct UserChanges {
    /// Activate or deactivate (deactivating ends every session).
    pub is_active: Option<bool>,
    /// Grant or take the staff flag.
    pub is_staff: Option<bool>,
    /// New first name.
    pub first_name: Option<String>,
    /// New last name.
    pub last_name: Option<String>,
}

/// The staff administration service.
#[derive(Clone)]
pub struct UserAdmin {
    db: DatabaseConnection,
    sessions: Sessions,
    deletion: AccountDeletion,
}

/// `text` as a LIKE pattern matching it anywhere, with the wildcards in it escaped.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// `text` as a SQLite GLOB pattern matching it anywhere, regardless of case. SQLite's `lower()`
/// and `LIKE` fold ASCII letters only, so each cased letter becomes the set of its lower- and
/// upper-case forms (`[öÖ]`), and the GLOB wildcards `*`, `?` and `[` stand for themselves.
fn glob_contains_pattern(text: &str) -> String {
    fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }
    let mut pattern = String::with_capacity(text.len() * 4 + 2);
    pattern.push('*');
    for c in text.chars() {
        let mut forms = vec![c];
        for form in [single(c.to_lowercase()), single(c.to_uppercase())]
            .into_iter()
            .flatten()
        {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
        if forms.len() > 1 || matches!(c, '*' | '?' | '[') {
            pattern.push('[');
            pattern.extend(forms);
            pattern.push(']');
        } else {
            pattern.push(c);
        }
    }
    pattern.push('*');
    pattern
}

/// Only a superuser may act on a superuser's account.
fn check_authority(staff: &user::Model, target: &user::Model) -> AppResult<()> {
    if target.is_superuser && !staff.is_superuser {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Records `field` in `changes` when its value moves from `old` to `new`.
fn note_change(changes: &mut Map<String, Value>, field: &str, old: Value, new: Value) {
    if old != new {
        changes.insert(field.to_string(), json!({ "old": old, "new": new }));
    }
}

impl UserAdmin {
    /// The service.
    pub fn new(db: DatabaseConnection, sessions: Sessions, deletion: AccountDeletion) -> Self {
        Self { db, sessions, deletion }
    }

    /// One page of the accounts matching `filter`, newest first.
    pub async fn list(&self, filter: &UserFilter, page: PageRequest) -> AppResult<Page<user::Model>> {
        let mut query = user::Entity::find();
        if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            if pagination::matches_no_stored_text(search) {
                return Ok((Vec::new(), None));
            }
            let sqlite = self.db.get_database_backend() == DbBackend::Sqlite;
            let like = |column: Column| {
                if sqlite {
                    Expr::col(column).binary(BinOper::Custom("GLOB"), glob_contains_pattern(search))
                } else {
                    Expr::expr(Func::lower(Expr::col(column)))
                        .like(LikeExpr::new(contains_pattern(search)).escape('\\'))
                }
            };
            query = query.filter(
                Condition::any()
                    .add(like(Column::EmailNormalized))
                    .add(like(Column::FirstName))
                    .add(like(Column::LastName)),
            );
        }
        if let Some(active) = filter.is_active {
            query = query.filter(Column::IsActive.eq(active));
        }
        if let Some(staff) = filter.is_staff {
            query = query.filter(Column::IsStaff.eq(staff));
        }
        if let Some(verified) = filter.email_verified {
            query = query.filter(if verified {
                Column::EmailVerifiedAt.is_not_null()
            } else {
                Column::EmailVerifiedAt.is_null()
            });
        }
        if let Some(deleted) = filter.deleted {
            query = query.filter(if deleted {
                Column::DeletedAt.is_not_null()
            } else {
                Column::DeletedAt.is_null()
            });
        }
        pagination::newest_first(&self.db, query, Column::Id, |u| u.id, page).await
    }

    /// Any account, deleted ones included.
    pub async fn get(&self, id: Uuid) -> AppResult<user::Model> {
        user::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Applies `changes` to account `id` on behalf of `staff`.
    pub async fn update(&self, staff: &user::Model, id: Uuid, changes: UserChanges) -> AppResult<user::Model> {
        let names = accounts::name_errors(&changes.first_name, &changes.last_name);
        if !names.is_empty() {
            return Err(AppError::Validation(names));
        }
        let target = self.get(id).await?;
        if target.deleted_at.is_some() {
            return Err(AppError::UserDeleted);
        }
        check_authority(staff, &target)?;
        let errors = accounts::name_errors(&changes.first_name, &changes.last_name);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        if target.id == staff.id && (changes.is_active == Some(false) || changes.is_staff == Some(false)) {
            return Err(AppError::OwnAccount);
        }
        let mut diff = Map::new();
        let mut row = target.clone().into_active_model();
        if let Some(active) = changes.is_active {
            note_change(&mut diff, "is_active", json!(target.is_active), json!(active));
            row.is_active = Set(active);
        }
        if let Some(staff_flag) = changes.is_staff {
            note_change(&mut diff, "is_staff", json!(target.is_staff), json!(staff_flag));
            row.is_staff = Set(staff_flag);
        }
        if let Some(first) = changes.first_name.map(|n| n.trim().to_string()) {
            note_change(&mut diff, "first_name", json!(target.first_name), json!(first));
            row.first_name = Set(first);
        }
        if let Some(last) = changes.last_name.map(|n| n.trim().to_string()) {
            note_change(&mut diff, "last_name", json!(target.last_name), json!(last));
            row.last_name = Set(last);
        }
        if diff.is_empty() {
            return Ok(target);
        }
        row.updated_at = Set(Utc::now());
        let deactivated = target.is_active && changes.is_active == Some(false);
        let event = AuditEvent::new("staff_user_updated", Some(id))
            .actor(staff.id)
            .detail(json!({ "changes": diff }));
        let updated = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let updated = row.update(txn).await?;
                if deactivated {
                    Sessions::revoke_all_in(txn, updated.id, RevokeReason::Deactivated).await?;
                }
                audit::record(txn, event).await;
                Ok(updated)
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(id)).await;
        Ok(updated)
    }

    /// Revokes every session of account `id`; returns how many were live.
    pub async fn logout_all(&self, staff: &user::Model, id: Uuid) -> AppResult<u64> {
        let target = self.get(id).await?;
        check_authority(staff, &target)?;
        let actor = staff.id;
        self.sessions
            .revoke_recorded(Revoked::AllOf(id), RevokeReason::LoggedOutByStaff, move |revoked| {
                AuditEvent::new("staff_user_logged_out", Some(id))
                    .actor(actor)
                    .detail(json!({ "revoked": revoked }))
            })
            .await
    }

    /// Soft-deletes account `id`: deactivated, every session ended, its address freed.
    pub async fn delete(&self, staff: &user::Model, id: Uuid) -> AppResult<()> {
        let target = self.get(id).await?;
        if target.id == staff.id {
            return Err(AppError::OwnAccount);
        }
        check_authority(staff, &target)?;
        if target.deleted_at.is_some() {
            return Err(AppError::UserDeleted);
        }
        let event = AuditEvent::new("staff_user_deleted", Some(id)).actor(staff.id);
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let now = Utc::now();
                let mut row = target.into_active_model();
                row.deleted_at = Set(Some(now));
                row.is_active = Set(false);
                row.updated_at = Set(now);
                row.update(txn).await?;
                Sessions::revoke_all_in(txn, id, RevokeReason::AccountDeleted).await?;
                audit::record(txn, event).await;
                Ok(())
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(id)).await;
        Ok(())
    }

    /// Undeletes and reactivates account `id`, unless its address was taken meanwhile or it was
    /// anonymised; or cancels its scheduled deletion.
    pub async fn restore(&self, staff: &user::Model, id: Uuid) -> AppResult<user::Model> {
        let target = self.get(id).await?;
        check_authority(staff, &target)?;
        if target.deletion_due_at.is_some() && target.deleted_at.is_none() {
            let pending = self.deletion.pending_for(id).await?.ok_or(AppError::UserNotDeleted)?;
            self.deletion.cancel_pending(&pending, Some(staff.id)).await?;
            return self.get(id).await;
        }
        if target.deleted_at.is_none() || target.email_normalized == anonymise::placeholder_address(id) {
            return Err(AppError::UserNotDeleted);
        }
        if accounts::find_live(&self.db, &target.email_normalized).await?.is_some() {
            return Err(AppError::EmailTaken);
        }
        let mut row = target.into_active_model();
        row.deleted_at = Set(None);
        row.is_active = Set(true);
        row.updated_at = Set(Utc::now());
        let event = AuditEvent::new("staff_user_restored", Some(id)).actor(staff.id);
        let restored = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let restored = match row.update(txn).await {
                    Ok(restored) => restored,
                    // Registered at this very moment.
                    Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                        return Err(AppError::EmailTaken);
                    }
                    Err(e) => return Err(e.into()),
                };
                audit::record(txn, event).await;
                Ok(restored)
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(id)).await;
        Ok(restored)
    }
}

#[cfg(test)]
mod tests {
    use super::{contains_pattern, glob_contains_pattern};

    #[test]
    fn search_text_is_matched_literally() {
        assert_eq!(contains_pattern("Ada"), "%ada%");
        assert_eq!(contains_pattern("100%_a\\b"), "%100\\%\\_a\\\\b%");
    }

    #[test]
    fn sqlite_search_text_is_matched_literally_in_any_case() {
        assert_eq!(glob_contains_pattern("Ödön 1"), "*[Öö][dD][öÖ][nN] 1*");
        assert_eq!(glob_contains_pattern("*?[]%_\\"), "*[*][?][[]]%_\\*");
        assert_eq!(glob_contains_pattern("ß"), "*ß*", "no single-letter upper case");
    }
}
