//! How the process itself runs: password hashing cost and log format.

use anyhow::bail;

use super::env::Env;

/// Argon2id cost parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argon2Settings {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Default for Argon2Settings {
    fn default() -> Self {
        // OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1.
        Self {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

/// How logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

impl Argon2Settings {
    /// `ARGON2_MEMORY_KIB`, `ARGON2_ITERATIONS`, `ARGON2_PARALLELISM`; below OWASP's minimum
    /// is refused.
    pub(super) fn from_env<F: Fn(&str) -> Option<String>>(env: &Env<F>) -> anyhow::Result<Self> {
        let floor = Self::default();
        let argon2 = Self {
            memory_kib: env.number("ARGON2_MEMORY_KIB", floor.memory_kib.into())? as u32,
            iterations: env.number("ARGON2_ITERATIONS", floor.iterations.into())? as u32,
            parallelism: env.number("ARGON2_PARALLELISM", floor.parallelism.into())? as u32,
        };
        if argon2.memory_kib < floor.memory_kib || argon2.iterations < floor.iterations || argon2.parallelism < 1 {
            bail!("Argon2 parameters below OWASP's minimum (m=19456 KiB, t=2, p=1) are refused");
        }
        Ok(argon2)
    }
}

impl LogFormat {
    /// `LOG_FORMAT`: `text` (default) or `json`.
    pub(super) fn from_env<F: Fn(&str) -> Option<String>>(env: &Env<F>) -> anyhow::Result<Self> {
        Ok(match env.get("LOG_FORMAT").as_deref() {
            None | Some("text") => Self::Text,
            Some("json") => Self::Json,
            Some(v) => bail!("LOG_FORMAT must be text or json, got {v:?}"),
        })
    }
}
