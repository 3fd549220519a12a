//! Reading typed values out of a name → value lookup, with errors that name the variable.

use std::time::Duration;

use anyhow::{Context, bail};

/// A lookup of configuration variables; blank values count as unset.
pub struct Env<F> {
    lookup: F,
}

impl<F: Fn(&str) -> Option<String>> Env<F> {
    /// Wraps a lookup (the environment, or a map in tests).
    pub fn new(lookup: F) -> Self {
        Self { lookup }
    }

    /// The trimmed value, `None` when unset or blank.
    pub fn get(&self, name: &str) -> Option<String> {
        (self.lookup)(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// A whole number.
    pub fn number(&self, name: &str, default: u64) -> anyhow::Result<u64> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .with_context(|| format!("{name} must be a whole number, got {v:?}")),
        }
    }

    /// A whole number within `min..=max`.
    pub fn bounded(&self, name: &str, default: u64, min: u64, max: u64) -> anyhow::Result<u64> {
        let v = self.number(name, default)?;
        if !(min..=max).contains(&v) {
            bail!("{name} must be between {min} and {max}, got {v}");
        }
        Ok(v)
    }

    /// A whole number of seconds within `min..=max`.
    pub fn seconds(&self, name: &str, default: Duration, min: u64, max: u64) -> anyhow::Result<Duration> {
        let v = self.number(name, default.as_secs())?;
        if !(min..=max).contains(&v) {
            bail!("{name} must be between {min} and {max} seconds, got {v}");
        }
        Ok(Duration::from_secs(v))
    }

    /// On or off (`1/true/yes/on`, `0/false/no/off`).
    pub fn flag(&self, name: &str, default: bool) -> anyhow::Result<bool> {
        match self.get(name).map(|v| v.to_ascii_lowercase()) {
            None => Ok(default),
            Some(v) if ["1", "true", "yes", "on"].contains(&v.as_str()) => Ok(true),
            Some(v) if ["0", "false", "no", "off"].contains(&v.as_str()) => Ok(false),
            Some(v) => bail!("{name} must be on or off, got {v:?}"),
        }
    }

    /// A comma-separated list.
    pub fn list(&self, name: &str, default: &[String]) -> Vec<String> {
        match self.get(name) {
            None => default.to_vec(),
            Some(v) => v
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }
}
