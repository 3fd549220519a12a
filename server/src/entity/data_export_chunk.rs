//! `data_export_chunks`: an export archive, in pieces of at most 256 KiB, per build.

use sea_orm::entity::prelude::*;

/// One piece of one build of an archive.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "data_export_chunks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub request_id: Uuid,
    /// The build (the request's `attempts` when it started) the piece belongs to.
    #[sea_orm(primary_key, auto_increment = false)]
    pub build: i32,
    /// Its place in the archive, from 0.
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i32,
    pub data: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
