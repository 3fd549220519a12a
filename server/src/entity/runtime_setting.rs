//! `runtime_settings`: knobs staff changed through the API, overriding the environment.

use sea_orm::entity::prelude::*;

/// One overridden knob.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "runtime_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// The value as JSON (a number, or a string for modes).
    pub value: String,
    pub updated_at: DateTimeUtc,
    /// The staff account that set it.
    pub updated_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
