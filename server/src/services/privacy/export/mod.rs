//! Data exports: the owner asks (`createDataRequest` with `export`), a worker builds a ZIP of
//! everything kept about the account into the database ([`worker`], [`archive`], [`parts`]),
//! and the owner gets a link that downloads it once, until `DATA_EXPORT_LINK_LIFETIME`. The
//! token in the link is the capability: 256 random bits, stored only as a keyed hash.

mod archive;
mod parts;
pub mod worker;

use std::{sync::Arc, time::Duration};

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::stream::{self, Stream};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, SqlErr,
    sea_query::{Expr, ExprTrait, Query},
};
use tokio::sync::Notify;
use uuid::Uuid;

pub use self::archive::{CHUNK_SIZE, FORMAT_VERSION};
pub use super::requests::EXPORT;
use super::{
    consents::Consents,
    requests::{self, CANCELLED, DOWNLOADED, EXPIRED, PENDING, READY},
};
use crate::{
    entity::{data_export_chunk, data_request, user},
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        mail::Mailer,
        platform::secrets::InstanceSecret,
    },
};

/// Exports of account data; cheap to clone.
#[derive(Clone)]
pub struct DataExports {
    db: DatabaseConnection,
    secret: InstanceSecret,
    mailer: Mailer,
    consents: Consents,
    link_lifetime: Duration,
    download_base: Arc<str>,
    wake: Arc<Notify>,
}

/// A download under way: the archive's name and size, and its bytes as they are read.
pub struct Download<S> {
    /// `gatehouse-export-<date>.zip`.
    pub file_name: String,
    /// The archive's size in bytes.
    pub size: u64,
    /// The archive, a piece at a time.
    pub bytes: S,
}

impl DataExports {
    /// The service. Links are `download_base` + `/api/v1/data-exports/<token>` and work for
    /// `link_lifetime`. Nothing is built until [`DataExports::work_forever`] is spawned.
    pub fn new(
        db: DatabaseConnection,
        secret: InstanceSecret,
        mailer: Mailer,
        consents: Consents,
        link_lifetime: Duration,
        download_base: &str,
    ) -> Self {
        Self {
            db,
            secret,
            mailer,
            consents,
            link_lifetime,
            download_base: download_base.trim_end_matches('/').into(),
            wake: Arc::default(),
        }
    }

    /// Asks for an export of `account`'s data (its owner proved who they are);
    /// `data_request_pending` while another is being built.
    pub async fn request(&self, account: &user::Model) -> AppResult<data_request::Model> {
        let now = Utc::now();
        let request = data_request::Model {
            next_attempt_at: Some(now),
            ..requests::new_pending(account.id, EXPORT, now)
        };
        let inserted = data_request::Entity::insert(request.clone().into_active_model())
            .exec_without_returning(&self.db)
            .await;
        match inserted {
            Ok(_) => {}
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                return Err(AppError::DataRequestPending);
            }
            Err(e) => return Err(e.into()),
        }
        self.wake.notify_one();
        let event = AuditEvent::new("data_export_requested", Some(account.id))
            .detail(serde_json::json!({ "request_id": request.id }));
        audit::record(&self.db, event).await;
        Ok(request)
    }

    /// Spends the link `token` and answers its archive, streamed from the database. Unknown,
    /// used, expired and tampered tokens are `invalid_token`.
    pub async fn download(
        &self,
        token: &str,
    ) -> AppResult<Download<impl Stream<Item = Result<Bytes, sea_orm::DbErr>> + Send + 'static>> {
        let hash = self.secret.token_hash(token);
        let now = Utc::now();
        let request = data_request::Entity::find()
            .filter(data_request::Column::TokenHash.eq(hash.as_str()))
            .filter(data_request::Column::Status.eq(READY))
            .one(&self.db)
            .await?
            .ok_or(AppError::InvalidToken)?;
        let (Some(build), Some(expires_at)) = (request.archive_build, request.expires_at) else {
            return Err(AppError::InvalidToken);
        };
        if expires_at <= now {
            return Err(AppError::InvalidToken);
        }
        // Single use: of two downloads at once, one spends the link.
        let spent = data_request::Entity::update_many()
            .col_expr(data_request::Column::Status, Expr::value(DOWNLOADED))
            .col_expr(data_request::Column::TokenHash, Expr::value(Option::<String>::None))
            .filter(data_request::Column::Id.eq(request.id))
            .filter(data_request::Column::TokenHash.eq(hash.as_str()))
            .filter(data_request::Column::Status.eq(READY))
            .exec(&self.db)
            .await?;
        if spent.rows_affected == 0 {
            return Err(AppError::InvalidToken);
        }
        let event = AuditEvent::new("data_export_downloaded", Some(request.user_id))
            .detail(serde_json::json!({ "request_id": request.id }));
        audit::record(&self.db, event).await;
        let created = request.completed_at.unwrap_or(now);
        Ok(Download {
            file_name: format!("gatehouse-export-{}.zip", created.format("%Y-%m-%d")),
            size: u64::try_from(request.archive_size.unwrap_or(0)).unwrap_or(0),
            bytes: chunks(self.db.clone(), request.id, build),
        })
    }

    /// Expires the links of exports ready before `now - link lifetime` and removes every
    /// piece that belongs to no ready archive (downloaded, expired, cancelled, failed, or an
    /// abandoned build); answers the archives removed.
    pub async fn remove_expired(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<u64> {
        let expired = data_request::Entity::update_many()
            .col_expr(data_request::Column::Status, Expr::value(EXPIRED))
            .col_expr(data_request::Column::TokenHash, Expr::value(Option::<String>::None))
            .filter(data_request::Column::Kind.eq(EXPORT))
            .filter(data_request::Column::Status.eq(READY))
            .filter(data_request::Column::ExpiresAt.lte(now))
            .exec(db)
            .await?;
        // A piece is kept while its request is ready with that build, or pending (a build
        // under way).
        let kept = Query::select()
            .column(data_request::Column::Id)
            .from(data_request::Entity)
            .cond_where(
                sea_orm::Condition::any()
                    .add(data_request::Column::Status.eq(PENDING))
                    .add(
                        sea_orm::Condition::all()
                            .add(data_request::Column::Status.eq(READY))
                            .add(
                                Expr::col((data_request::Entity, data_request::Column::ArchiveBuild))
                                    .equals((data_export_chunk::Entity, data_export_chunk::Column::Build)),
                            ),
                    ),
            )
            .and_where(
                Expr::col((data_request::Entity, data_request::Column::Id))
                    .equals((data_export_chunk::Entity, data_export_chunk::Column::RequestId)),
            )
            .to_owned();
        let removed = data_export_chunk::Entity::delete_many()
            .filter(Expr::exists(kept).not())
            .exec(db)
            .await?;
        if removed.rows_affected > 0 {
            tracing::debug!(pieces = removed.rows_affected, "export pieces removed");
        }
        Ok(expired.rows_affected)
    }
}

/// Cancels pending export `request` (it is not built, or its build is discarded); false when
/// it was not pending any more.
pub async fn cancel(db: &DatabaseConnection, request: &data_request::Model) -> AppResult<bool> {
    let result = data_request::Entity::update_many()
        .col_expr(data_request::Column::Status, Expr::value(CANCELLED))
        .col_expr(data_request::Column::CancelledAt, Expr::value(Utc::now()))
        .filter(data_request::Column::Id.eq(request.id))
        .filter(data_request::Column::Status.eq(PENDING))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(false);
    }
    let event = AuditEvent::new("data_export_cancelled", Some(request.user_id))
        .detail(serde_json::json!({ "request_id": request.id }));
    audit::record(db, event).await;
    Ok(true)
}

/// The pieces of build `build` of request `id`, read one at a time; once the last has gone
/// out, they are removed (the link is spent).
fn chunks(
    db: DatabaseConnection,
    id: Uuid,
    build: i32,
) -> impl Stream<Item = Result<Bytes, sea_orm::DbErr>> + Send + 'static {
    stream::try_unfold((db, 0i32), move |(db, seq)| async move {
        let piece = data_export_chunk::Entity::find_by_id((id, build, seq)).one(&db).await?;
        match piece {
            Some(piece) => Ok(Some((Bytes::from(piece.data), (db, seq + 1)))),
            None => {
                let removed = data_export_chunk::Entity::delete_many()
                    .filter(data_export_chunk::Column::RequestId.eq(id))
                    .exec(&db)
                    .await;
                if let Err(e) = removed {
                    tracing::warn!(%id, error = %e, "removing a downloaded export failed; the cleanup job will");
                }
                Ok(None)
            }
        }
    })
}
