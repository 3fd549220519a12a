//! Gatehouse database migrations. The same migrations run on SQLite and PostgreSQL; they are
//! applied by `gatehouse migrate` and, by default, when `gatehouse serve` starts.

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_accounts_and_sessions;
mod m20261121_000002_email;
mod m20261121_000003_administration;
mod m20261121_000004_otp;
mod m20261130_000005_durable_work;
mod m20261130_000006_key_activation;
mod m20261201_000007_refresh_token_expiry;
mod m20261201_000008_social;
mod m20261201_000009_mfa;
mod m20261201_000010_passkeys;
mod m20261201_000011_consents;
mod m20261201_000012_data_requests;
mod m20261201_000013_data_exports;
mod m20261202_000014_webhooks;

/// All migrations, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_accounts_and_sessions::Migration),
            Box::new(m20261121_000002_email::Migration),
            Box::new(m20261121_000003_administration::Migration),
            Box::new(m20261121_000004_otp::Migration),
            Box::new(m20261130_000005_durable_work::Migration),
            Box::new(m20261130_000006_key_activation::Migration),
            Box::new(m20261201_000007_refresh_token_expiry::Migration),
            Box::new(m20261201_000008_social::Migration),
            Box::new(m20261201_000009_mfa::Migration),
            Box::new(m20261201_000010_passkeys::Migration),
            Box::new(m20261201_000011_consents::Migration),
            Box::new(m20261201_000012_data_requests::Migration),
            Box::new(m20261201_000013_data_exports::Migration),
            Box::new(m20261202_000014_webhooks::Migration),
        ]
    }
}
