//! `otp_send_windows`: how many codes went to an address lately, for the resend cooldown and
//! cap. Keyed by a keyed hash of the address, so unknown addresses are tracked alike.

use sea_orm::entity::prelude::*;

/// The sending history of one address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "otp_send_windows")]
pub struct Model {
    /// HMAC-SHA256 of the normalised address, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub email_hash: String,
    /// When the current counting window began.
    pub window_started_at: DateTimeUtc,
    /// Codes sent in the current window.
    pub sends: i32,
    /// The latest send (the cooldown runs from it).
    pub last_sent_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
