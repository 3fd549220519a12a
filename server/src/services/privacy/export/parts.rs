//! The files of an export, each written into the archive as it is read: the long ones
//! (sessions, audit events) a page at a time, so an account with 100,000 events costs one
//! page of memory.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use super::archive::ArchiveWriter;
use crate::{
    entity::{audit_event, consent_event, mfa_recovery_code, mfa_totp, passkey, session, social_account, user},
    services::privacy::consents::ConsentState,
};

/// Rows read at a time from the long tables.
const PAGE: u64 = 1000;

/// Writes every file of `account`'s export but the manifest; `consents` is its current state
/// per purpose.
pub async fn write_all(
    db: &DatabaseConnection,
    archive: &mut ArchiveWriter,
    account: &user::Model,
    consents: Vec<ConsentState>,
) -> anyhow::Result<()> {
    archive.json("profile.json", &profile(account)).await?;
    sessions(db, archive, account.id).await?;
    audit_log(db, archive, account.id).await?;
    consents_file(db, archive, account.id, consents).await?;
    social_accounts(db, archive, account.id).await?;
    mfa(db, archive, account.id).await?;
    passkeys(db, archive, account.id).await
}

fn profile(account: &user::Model) -> serde_json::Value {
    json!({
        "id": account.id,
        "email": account.email,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email_verified_at": account.email_verified_at,
        "date_joined": account.date_joined,
        "last_login": account.last_login,
        "updated_at": account.updated_at,
        "is_active": account.is_active,
        "is_staff": account.is_staff,
        "is_superuser": account.is_superuser,
        "has_password": account.password_hash.is_some(),
        "otp_login_enabled": account.otp_login_enabled,
        "mfa_enabled": account.mfa_enabled,
        "marketing_consent": account.marketing_consent,
        "deletion_due_at": account.deletion_due_at,
    })
}

fn time(at: Option<DateTime<Utc>>) -> String {
    at.map(|t| t.to_rfc3339()).unwrap_or_default()
}

/// CSV rows into bytes.
fn csv_bytes<const N: usize>(
    header: Option<[&str; N]>,
    rows: impl Iterator<Item = [String; N]>,
) -> anyhow::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    if let Some(header) = header {
        out.write_record(header)?;
    }
    for row in rows {
        out.write_record(&row)?;
    }
    out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

async fn sessions(db: &DatabaseConnection, archive: &mut ArchiveWriter, user_id: Uuid) -> anyhow::Result<()> {
    const HEADER: [&str; 11] = [
        "id",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
        "revoked_reason",
        "ip",
        "user_agent",
        "amr",
        "aal",
        "auth_time",
    ];
    archive.start("sessions.csv").await?;
    archive.write(&csv_bytes(Some(HEADER), std::iter::empty())?).await?;
    let mut after: Option<Uuid> = None;
    loop {
        let mut query = session::Entity::find().filter(session::Column::UserId.eq(user_id));
        if let Some(after) = after {
            query = query.filter(session::Column::Id.gt(after));
        }
        let page = query.order_by_asc(session::Column::Id).limit(PAGE).all(db).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let full = page.len() as u64 == PAGE;
        let rows = page.into_iter().map(|s| {
            [
                s.id.to_string(),
                s.created_at.to_rfc3339(),
                s.last_used_at.to_rfc3339(),
                s.expires_at.to_rfc3339(),
                time(s.revoked_at),
                s.revoked_reason.unwrap_or_default(),
                s.ip.unwrap_or_default(),
                s.user_agent.unwrap_or_default(),
                s.amr,
                s.aal.to_string(),
                time(s.auth_time),
            ]
        });
        archive.write(&csv_bytes(None, rows)?).await?;
        if !full {
            break;
        }
    }
    Ok(())
}

async fn audit_log(db: &DatabaseConnection, archive: &mut ArchiveWriter, user_id: Uuid) -> anyhow::Result<()> {
    const HEADER: [&str; 8] = [
        "id",
        "created_at",
        "event_type",
        "actor_id",
        "session_id",
        "ip",
        "user_agent",
        "detail",
    ];
    archive.start("audit_log.csv").await?;
    archive.write(&csv_bytes(Some(HEADER), std::iter::empty())?).await?;
    // Keyset pages in the order of the (user_id, created_at) index.
    let mut after: Option<(DateTime<Utc>, Uuid)> = None;
    loop {
        let mut query = audit_event::Entity::find().filter(audit_event::Column::UserId.eq(user_id));
        if let Some((at, id)) = after {
            query = query.filter(
                Condition::any().add(audit_event::Column::CreatedAt.gt(at)).add(
                    Condition::all()
                        .add(audit_event::Column::CreatedAt.eq(at))
                        .add(audit_event::Column::Id.gt(id)),
                ),
            );
        }
        let page = query
            .order_by_asc(audit_event::Column::CreatedAt)
            .order_by_asc(audit_event::Column::Id)
            .limit(PAGE)
            .all(db)
            .await?;
        let Some(last) = page.last() else { break };
        after = Some((last.created_at, last.id));
        let full = page.len() as u64 == PAGE;
        let rows = page.into_iter().map(|e| {
            [
                e.id.to_string(),
                e.created_at.to_rfc3339(),
                e.event_type,
                e.actor_id.map(|id| id.to_string()).unwrap_or_default(),
                e.session_id.map(|id| id.to_string()).unwrap_or_default(),
                e.ip.unwrap_or_default(),
                e.user_agent.unwrap_or_default(),
                e.detail,
            ]
        });
        archive.write(&csv_bytes(None, rows)?).await?;
        if !full {
            break;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct ConsentsFile {
    current: Vec<CurrentConsent>,
    history: Vec<ConsentChange>,
}

#[derive(Serialize)]
struct CurrentConsent {
    purpose: String,
    granted: bool,
    policy_version: Option<String>,
    updated_at: Option<DateTime<Utc>>,
}

#[derive(Serialize)]
struct ConsentChange {
    purpose: String,
    granted: bool,
    policy_version: Option<String>,
    source: String,
    ip: Option<String>,
    user_agent: Option<String>,
    at: DateTime<Utc>,
}

async fn consents_file(
    db: &DatabaseConnection,
    archive: &mut ArchiveWriter,
    user_id: Uuid,
    current: Vec<ConsentState>,
) -> anyhow::Result<()> {
    let history = consent_event::Entity::find()
        .filter(consent_event::Column::UserId.eq(user_id))
        .order_by_asc(consent_event::Column::CreatedAt)
        .order_by_asc(consent_event::Column::Id)
        .all(db)
        .await?;
    let file = ConsentsFile {
        current: current
            .into_iter()
            .map(|c| CurrentConsent {
                purpose: c.purpose,
                granted: c.granted,
                policy_version: c.policy_version,
                updated_at: c.updated_at,
            })
            .collect(),
        history: history
            .into_iter()
            .map(|e| ConsentChange {
                purpose: e.purpose,
                granted: e.granted,
                policy_version: e.policy_version,
                source: e.source,
                ip: e.ip,
                user_agent: e.user_agent,
                at: e.created_at,
            })
            .collect(),
    };
    archive.json("consents.json", &file).await
}

async fn social_accounts(db: &DatabaseConnection, archive: &mut ArchiveWriter, user_id: Uuid) -> anyhow::Result<()> {
    let linked = social_account::Entity::find()
        .filter(social_account::Column::UserId.eq(user_id))
        .order_by_asc(social_account::Column::LinkedAt)
        .all(db)
        .await?;
    let items: Vec<_> = linked
        .into_iter()
        .map(|a| {
            json!({
                "provider": a.provider,
                "issuer": a.issuer,
                "subject": a.subject,
                "email": a.email,
                "linked_at": a.linked_at,
                "last_used_at": a.last_used_at,
            })
        })
        .collect();
    archive.json("social_accounts.json", &items).await
}

/// Factor kinds and dates; the TOTP secret and the recovery codes' hashes stay out.
async fn mfa(db: &DatabaseConnection, archive: &mut ArchiveWriter, user_id: Uuid) -> anyhow::Result<()> {
    let totp = mfa_totp::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|t| t.confirmed_at.is_some());
    let codes = mfa_recovery_code::Entity::find()
        .filter(mfa_recovery_code::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let remaining = codes.iter().filter(|c| c.used_at.is_none()).count();
    let file = json!({
        "totp": totp.map(|t| json!({ "enabled_at": t.confirmed_at, "created_at": t.created_at })),
        "recovery_codes": {
            "total": codes.len(),
            "remaining": remaining,
            "created_at": codes.iter().map(|c| c.created_at).max(),
            "used_at": codes.iter().filter_map(|c| c.used_at).collect::<Vec<_>>(),
        },
    });
    archive.json("mfa.json", &file).await
}

/// Names and dates; the public keys stay out (they are no one's data but the authenticator's).
async fn passkeys(db: &DatabaseConnection, archive: &mut ArchiveWriter, user_id: Uuid) -> anyhow::Result<()> {
    let keys = passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(user_id))
        .order_by_asc(passkey::Column::CreatedAt)
        .all(db)
        .await?;
    let items: Vec<_> = keys
        .into_iter()
        .map(|k| json!({ "id": k.id, "name": k.name, "created_at": k.created_at, "last_used_at": k.last_used_at }))
        .collect();
    archive.json("passkeys.json", &items).await
}
