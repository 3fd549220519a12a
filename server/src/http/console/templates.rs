//! The console's templates: built in, each file overridable from `ADMIN_TEMPLATES_DIR`, HTML
//! auto-escaped. Every page is rendered once at start with sample data, so a broken override
//! stops `serve` with the file named.

use std::{path::Path, sync::Arc};

use anyhow::{Context, bail};
use minijinja::{AutoEscape, Environment};
use serde_json::Value;

use crate::services::{mail::templates::formatter, platform::template_files};

/// Lists the built-in files.
macro_rules! builtin {
    ($($name:literal),*) => { &[ $( ($name, include_str!(concat!("../../../templates/console/", $name))), )* ] };
}

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = builtin!(
    "base.html",
    "sign_in.html",
    "second_factor.html",
    "confirm_identity.html",
    "confirm_action.html",
    "error.html",
    "overview.html",
    "users.html",
    "user.html",
    "audit_table.html",
    "audit.html",
    "outbox.html",
    "settings.html",
    "webhooks.html",
    "webhook.html"
);

/// The stylesheet every page loads.
pub const STYLESHEET: &str = include_str!("../../../templates/console/console.css");
/// The console's own script (passkeys).
pub const SCRIPT: &str = include_str!("../../../templates/console/console.js");

/// The console's templates.
#[derive(Clone)]
pub struct ConsoleTemplates {
    env: Arc<Environment<'static>>,
}

impl ConsoleTemplates {
    /// Loads the templates, preferring files in `override_dir`, and renders every page once.
    pub fn new(override_dir: Option<&Path>) -> anyhow::Result<Self> {
        if let Some(dir) = override_dir.filter(|dir| !dir.is_dir()) {
            bail!(
                "ADMIN_TEMPLATES_DIR {} does not exist or is not a directory",
                dir.display()
            );
        }
        let override_dir = override_dir.map(Path::to_path_buf);
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_formatter(formatter);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_loader(move |name| template_files::load(override_dir.as_deref(), name, BUILTIN, "console"));
        let templates = Self { env: Arc::new(env) };
        let sample = sample();
        for (name, _) in BUILTIN
            .iter()
            .filter(|(name, _)| *name != "base.html" && *name != "audit_table.html")
        {
            templates.render(name, &sample).context("invalid console templates")?;
        }
        Ok(templates)
    }

    /// Renders page `name` with `context`.
    pub fn render(&self, name: &str, context: &Value) -> anyhow::Result<String> {
        let in_file = || format!("console template {name}");
        let template = self.env.get_template(name).with_context(in_file)?;
        template.render(context).with_context(in_file)
    }
}

/// Data with every field the pages use, for the check at start (and a reference for
/// whoever overrides a page).
const SAMPLE: &str = include_str!("../../../templates/console/sample.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn built_in_pages_render_and_escape_what_they_show() {
        let templates = ConsoleTemplates::new(None).unwrap();
        let mut context = sample();
        context["u"]["name"] = json!("<script>alert(1)</script>");
        let page = templates.render("user.html", &context).unwrap();
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn a_broken_override_is_named_at_start() {
        let dir = std::env::temp_dir().join(format!("gatehouse-console-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("users.html"),
            "{% extends \"base.html\" %}{% block content %}{% if %}{% endblock %}",
        )
        .unwrap();
        let error = format!("{:#}", ConsoleTemplates::new(Some(&dir)).err().unwrap());
        assert!(error.contains("users.html"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
