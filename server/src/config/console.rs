//! The staff console: `ADMIN_CONSOLE`, `ADMIN_TEMPLATES_DIR`, `ADMIN_SESSION_IDLE_TIMEOUT`.

use std::{path::PathBuf, time::Duration};

use super::env::Env;

/// How the staff console at `/admin/` is served.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleSettings {
    /// `ADMIN_CONSOLE`: serve the console (default on; `off` removes every `/admin/` page).
    pub enabled: bool,
    /// `ADMIN_TEMPLATES_DIR`: files here replace the built-in console templates of the same name.
    pub templates_dir: Option<PathBuf>,
    /// `ADMIN_SESSION_IDLE_TIMEOUT`: seconds without a console request before its session ends
    /// (default 1800, 60 – 86400).
    pub idle_timeout: Duration,
}

impl Default for ConsoleSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            templates_dir: None,
            idle_timeout: Duration::from_secs(1800),
        }
    }
}

impl ConsoleSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        Ok(Self {
            enabled: env.flag("ADMIN_CONSOLE", d.enabled)?,
            templates_dir: env.get("ADMIN_TEMPLATES_DIR").map(PathBuf::from),
            idle_timeout: env.seconds("ADMIN_SESSION_IDLE_TIMEOUT", d.idle_timeout, 60, 86_400)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<ConsoleSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        ConsoleSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()))
    }

    #[test]
    fn on_by_default_with_half_an_hour_idle_and_bounds_hold() {
        assert_eq!(settings(&[]).unwrap(), ConsoleSettings::default());
        let off = settings(&[("ADMIN_CONSOLE", "off"), ("ADMIN_SESSION_IDLE_TIMEOUT", "60")]).unwrap();
        assert_eq!((off.enabled, off.idle_timeout), (false, Duration::from_secs(60)));
        assert!(settings(&[("ADMIN_SESSION_IDLE_TIMEOUT", "59")]).is_err());
    }
}
