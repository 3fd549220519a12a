//! The command line: `gatehouse serve | migrate | createsuperuser | cleanup | keys rotate`.

use std::{io::IsTerminal, process::ExitCode};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::{
    config::Settings,
    db,
    error::AppError,
    healthcheck,
    services::{admin::maintenance::DEFAULT_BATCH_SIZE, identity::accounts::NewAccount},
    startup::{Application, build_state},
    telemetry,
};

/// Gatehouse: a self-hosted authentication and account service.
///
/// Configuration comes from environment variables and a `.env` file in the working directory
/// (DATABASE_URL, HOST, PORT, SECRET_KEY, ALLOWED_HOSTS, …; see the README). With none at all
/// it runs on a SQLite file in the working directory at http://127.0.0.1:8000.
#[derive(Debug, Parser)]
#[command(name = "gatehouse", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP server (applies pending migrations first unless AUTO_MIGRATE=off).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a staff account. The password is asked twice on a terminal, or read from
    /// GATEHOUSE_SUPERUSER_PASSWORD with --no-input.
    Createsuperuser {
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
        /// Never prompt: read the password from GATEHOUSE_SUPERUSER_PASSWORD.
        #[arg(long)]
        no_input: bool,
    },
    /// Remove expired and revoked sessions and refresh tokens, used or expired e-mailed links,
    /// audit events past their retention and old sent e-mails; print how many of each.
    Cleanup {
        /// Rows deleted per statement: small batches keep locks on big tables short.
        #[arg(long, default_value_t = DEFAULT_BATCH_SIZE, value_parser = clap::value_parser!(u64).range(1..=100_000))]
        batch_size: u64,
    },
    /// Manage the keys that sign access tokens.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Ask a running server whether it is ready (GET /readyz); exit 0 when it answers 200
    /// within 5 s, 1 otherwise. For container health checks in images without curl.
    Healthcheck {
        /// The readiness URL (plain http). Default: http://127.0.0.1:PORT/readyz, with
        /// HOST instead of 127.0.0.1 when HOST is a specific address.
        #[arg(long)]
        url: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum KeysAction {
    /// Create a new signing key. It is published in the JWKS at once and starts signing after
    /// KEY_ACTIVATION_DELAY (default 7 min), once every instance and every JWKS cache knows it;
    /// the current key signs until then. Retired keys keep verifying until their tokens expire.
    Rotate {
        /// Sign with the new key at once and retire the old one now: for a compromised key.
        /// Risk: instances that have not reloaded their keys yet keep signing with the old key
        /// for up to a minute, and services holding a cached JWKS refuse the new tokens until
        /// they refetch it.
        #[arg(long)]
        now: bool,
    },
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Settings::from_env().and_then(|settings| {
        if let Command::Healthcheck { url } = &cli.command {
            return healthcheck::check(url.as_deref(), &settings);
        }
        let telemetry = telemetry::init(settings.log_format);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .context("starting the runtime")?;
        let outcome = runtime.block_on(run(cli.command, settings));
        drop(runtime);
        telemetry.shutdown();
        outcome
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gatehouse: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        // `main` answers it before starting the runtime; this arm keeps `run` whole.
        Command::Healthcheck { url } => {
            tokio::task::spawn_blocking(move || healthcheck::check(url.as_deref(), &settings)).await?
        }
        Command::Serve => {
            let app = Application::build(settings.clone()).await?;
            let base = format!("http://{}:{}", settings.host_in_url(), app.port());
            tracing::info!("Gatehouse listening on {base} (docs: {base}/api/docs, redoc: {base}/api/redoc)");
            app.run_until_stopped().await
        }
        Command::Migrate => {
            let db = db::connect(&settings).await?;
            db::migrate(&db).await?;
            println!("Migrations applied.");
            Ok(())
        }
        Command::Createsuperuser { email, no_input } => {
            let password = superuser_password(no_input)?;
            let state = build_state(settings).await?;
            let new = NewAccount {
                email,
                password,
                first_name: None,
                last_name: None,
                staff: true,
            };
            match state.accounts.create(new).await {
                Ok(user) => {
                    println!("Superuser {} created.", user.email);
                    Ok(())
                }
                Err(AppError::EmailTaken) => bail!("an account with this e-mail address already exists"),
                Err(AppError::Validation(errors)) => {
                    let reasons: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
                    bail!("{}", reasons.join("; "))
                }
                Err(e) => Err(anyhow::anyhow!(e)),
            }
        }
        Command::Cleanup { batch_size } => {
            let state = build_state(settings).await?;
            let report = state.maintenance.with_batch_size(batch_size).cleanup().await?;
            println!("refresh_tokens: {}", report.refresh_tokens);
            println!("sessions: {}", report.sessions);
            println!("email_tokens: {}", report.email_tokens);
            println!("audit_events: {}", report.audit_events);
            println!("outbox_messages: {}", report.outbox_messages);
            println!("otp_codes: {}", report.otp_codes);
            println!("social_grants: {}", report.social_grants);
            println!("mfa_challenges: {}", report.mfa_challenges);
            println!("accounts_anonymised: {}", report.accounts_anonymised);
            println!("data_exports: {}", report.data_exports);
            println!("webhook_deliveries: {}", report.webhook_deliveries);
            println!("total: {}", report.total());
            Ok(())
        }
        Command::Keys {
            action: KeysAction::Rotate { now },
        } => {
            let state = build_state(settings).await?;
            let keys = state.sessions.tokens().keys();
            if now {
                let rotated = keys.rotate_now().await?;
                println!(
                    "New signing key {}, signing now; the previous keys are retired and keep verifying until their tokens expire. Instances sign with it after their next key reload (within a minute).",
                    rotated.kid
                );
            } else {
                let rotated = keys.rotate().await?;
                println!(
                    "New signing key {}, published now, signing from {}; the current key signs until then, then keeps verifying until its tokens expire.",
                    rotated.kid,
                    rotated.activates_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                );
            }
            Ok(())
        }
    }
}

fn superuser_password(no_input: bool) -> anyhow::Result<String> {
    if no_input || !std::io::stdin().is_terminal() {
        return std::env::var("GATEHOUSE_SUPERUSER_PASSWORD")
            .ok()
            .filter(|p| !p.is_empty())
            .context("--no-input needs the password in GATEHOUSE_SUPERUSER_PASSWORD");
    }
    let first = rpassword::prompt_password("Password: ").context("reading the password")?;
    let second = rpassword::prompt_password("Password (again): ").context("reading the password")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first)
}
