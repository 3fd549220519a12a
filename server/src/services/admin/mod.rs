//! What staff and operators do: user administration (list, search, (de)activate, staff,
//! force logout, soft delete and restore), staff changes to webhook endpoints, and maintenance
//! (the cleanup job and its schedule).

pub mod maintenance;
pub mod user_admin;
pub mod webhook_admin;
