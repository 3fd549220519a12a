//! Gatehouse: a self-hosted authentication and account service.
//!
//! `openapi.yaml` is the contract; `gatehouse-api` (generated from it) provides the routes and
//! traits, which [`http::api`] implements on top of the domain [`services`].

pub mod cli;
pub mod config;
pub mod db;
pub mod entity;
pub mod error;
pub mod healthcheck;
pub mod http;
pub mod services;
pub mod startup;
pub mod state;
pub mod telemetry;
