//! Keyset pagination over UUIDv7 ids, newest first: ids grow with time, so "older than this
//! id" is a stable cursor that no insert or delete can shift.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use uuid::Uuid;

use crate::error::AppResult;

/// Page size when the client names none.
pub const DEFAULT_LIMIT: u64 = 50;

/// Which page to read.
#[derive(Clone, Copy, Debug)]
pub struct PageRequest {
    /// Items at most.
    pub limit: u64,
    /// Only items older than this id.
    pub before: Option<Uuid>,
}

impl PageRequest {
    /// A page of `limit` items (the default when `None`) older than `before`.
    pub fn new(limit: Option<u32>, before: Option<Uuid>) -> Self {
        Self {
            limit: limit.map_or(DEFAULT_LIMIT, u64::from),
            before,
        }
    }
}

/// One page and the cursor of the next one, if there is one.
pub type Page<M> = (Vec<M>, Option<Uuid>);

/// Whether a text filter can match nothing stored: no stored text holds a NUL character
/// (PostgreSQL cannot store one, and the API refuses it in names), and PostgreSQL would refuse
/// the query itself, so such a filter answers an empty page without asking the database.
pub fn matches_no_stored_text(filter: &str) -> bool {
    filter.contains('\0')
}

/// Reads one page of `query`, newest first by `id_column`.
pub async fn newest_first<E, C>(
    db: &impl ConnectionTrait,
    mut query: Select<E>,
    id_column: C,
    id_of: impl Fn(&E::Model) -> Uuid,
    page: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    C: ColumnTrait,
{
    if let Some(before) = page.before {
        query = query.filter(id_column.lt(before));
    }
    let mut rows = query.order_by_desc(id_column).limit(page.limit + 1).all(db).await?;
    let next = if rows.len() as u64 > page.limit {
        rows.truncate(page.limit as usize);
        rows.last().map(&id_of)
    } else {
        None
    };
    Ok((rows, next))
}
