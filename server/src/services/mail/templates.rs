//! E-mail templates: a built-in set (compiled into the binary), each file overridable from a directory.
//!
//! Every kind has three files: `<name>.subject.txt`, `<name>.txt` (extends `base.txt`) and `<name>.html`
//! (extends `base.html`, auto-escaped). Templates see the fields of [`EmailContext`] and a `duration` filter
//! that turns minutes into words ("30 minutes", "24 hours").

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, bail};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, HtmlEscape, Output, State, UndefinedBehavior, Value};
use serde::{Deserialize, Serialize};

/// Which e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    /// Confirm the e-mail address of a new account.
    VerifyEmail,
    /// A password-reset link.
    PasswordReset,
    /// Notice that the password was changed.
    PasswordChanged,
    /// Someone tried to sign up with an address that already has an account.
    AccountExists,
}

impl TemplateKind {
    /// Every kind.
    pub const ALL: [TemplateKind; 4] = [
        Self::VerifyEmail,
        Self::PasswordReset,
        Self::PasswordChanged,
        Self::AccountExists,
    ];

    /// The file-name stem of the kind's templates, e.g. `"verify_email"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::PasswordReset => "password_reset",
            Self::PasswordChanged => "password_changed",
            Self::AccountExists => "account_exists",
        }
    }
}

/// What templates may use.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EmailContext {
    /// The site's name, e.g. "Gatehouse".
    pub site_name: String,
    /// The frontend's base URL, e.g. "http://localhost:3000".
    pub frontend_url: String,
    /// The recipient.
    pub email: String,
    /// The recipient's first name; may be empty.
    pub first_name: String,
    /// The verification or reset link (for `account_exists`, the frontend's password-reset page).
    pub link: Option<String>,
    /// The raw token, for templates that want to show it.
    pub token: Option<String>,
    /// How long the link is valid.
    pub expires_in_minutes: Option<u64>,
}

/// A rendered message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedEmail {
    /// One line: whitespace collapsed, never empty.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body.
    pub html: String,
}

/// The templates: built in, each file overridable from a directory.
#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
}

/// Lists the built-in files: the two bases and, for each kind, its subject, text and HTML.
macro_rules! builtin {
    ($($kind:literal),*) => { &[
        ("base.html", include_str!("../../../templates/email/base.html")),
        ("base.txt", include_str!("../../../templates/email/base.txt")),
        $(
            (concat!($kind, ".subject.txt"), include_str!(concat!("../../../templates/email/", $kind, ".subject.txt"))),
            (concat!($kind, ".txt"), include_str!(concat!("../../../templates/email/", $kind, ".txt"))),
            (concat!($kind, ".html"), include_str!(concat!("../../../templates/email/", $kind, ".html"))),
        )*
    ] };
}

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = builtin!("verify_email", "password_reset", "password_changed", "account_exists");

impl Templates {
    /// Loads templates, preferring files in `override_dir` (EMAIL_TEMPLATES_DIR) over the built-in ones, and
    /// renders every kind once with sample data so a broken override stops startup with an error naming the file.
    pub fn new(override_dir: Option<&Path>) -> anyhow::Result<Self> {
        if let Some(dir) = override_dir.filter(|dir| !dir.is_dir()) {
            let shown = dir.display();
            bail!("EMAIL_TEMPLATES_DIR {shown} does not exist or is not a directory");
        }
        let override_dir = override_dir.map(Path::to_path_buf);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_formatter(formatter);
        env.add_filter("duration", duration);
        env.set_loader(move |name| load(override_dir.as_deref(), name));
        let templates = Self { env: Arc::new(env) };
        let sample = EmailContext::sample();
        for kind in TemplateKind::ALL {
            templates.render(kind, &sample).context("invalid e-mail templates")?;
        }
        Ok(templates)
    }

    /// Renders the subject, text and HTML of one e-mail.
    pub fn render(&self, kind: TemplateKind, context: &EmailContext) -> anyhow::Result<RenderedEmail> {
        let name = kind.name();
        let raw = self.render_file(&format!("{name}.subject.txt"), context)?;
        let subject = raw.replace(|c: char| c.is_control(), " ");
        let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
        if subject.is_empty() {
            bail!("e-mail template {name}.subject.txt rendered an empty subject");
        }
        let text = self.render_file(&format!("{name}.txt"), context)?;
        let html = self.render_file(&format!("{name}.html"), context)?;
        Ok(RenderedEmail { subject, text, html })
    }

    fn render_file(&self, file: &str, context: &EmailContext) -> anyhow::Result<String> {
        let in_file = || format!("e-mail template {file}");
        let template = self.env.get_template(file).with_context(in_file)?;
        template.render(context).with_context(in_file)
    }
}

impl EmailContext {
    /// The data every kind is rendered with at startup: every field set.
    fn sample() -> Self {
        Self {
            site_name: "Gatehouse".into(),
            frontend_url: "http://localhost:3000".into(),
            email: "ada@example.com".into(),
            first_name: "Ada".into(),
            link: Some("http://localhost:3000/verify-email?token=sample".into()),
            token: Some("sample".into()),
            expires_in_minutes: Some(1440),
        }
    }
}

/// Finds a template: in `override_dir` if it has the file, else among the built-in ones. Only names made of
/// `[a-z0-9_.]` (no `..`, not starting with `.`) are looked up, so nothing outside `override_dir` is read.
fn load(override_dir: Option<&Path>, name: &str) -> Result<Option<String>, Error> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.';
    if !name.bytes().all(allowed) || name.is_empty() || name.starts_with('.') || name.contains("..") {
        let detail = format!("invalid e-mail template name {name:?}");
        return Err(Error::new(ErrorKind::InvalidOperation, detail));
    }
    if let Some(dir) = override_dir {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(source) => return Ok(Some(source)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                let detail = format!("cannot read e-mail template {}: {err}", path.display());
                return Err(Error::new(ErrorKind::InvalidOperation, detail));
            }
        }
    }
    let builtin = BUILTIN.iter().find(|(builtin, _)| *builtin == name);
    Ok(builtin.map(|(_, source)| (*source).to_owned()))
}

/// minijinja's formatter, except that HTML escaping leaves `/` alone, so links in the HTML read as written.
fn formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    match (state.auto_escape(), value.as_str()) {
        (AutoEscape::Html, Some(text)) if !value.is_safe() => {
            let escaped = HtmlEscape(text).to_string().replace("&#x2f;", "/");
            out.write_str(&escaped).map_err(Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// The `duration` filter: minutes in words, as hours from 120 minutes on; none renders as empty.
fn duration(minutes: Option<u64>) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match minutes {
        None => String::new(),
        Some(m) if m < 120 => plural(m, "minute"),
        Some(m) if m % 60 == 0 => plural(m / 60, "hour"),
        Some(m) => format!("{} and {}", plural(m / 60, "hour"), plural(m % 60, "minute")),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    const LINK: &str = "http://localhost:3000/reset?token=abc&x=1";

    /// A fresh directory under the system temp dir holding `files`, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(files: &[(&str, &str)]) -> Self {
            static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!("gatehouse-mail-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            for (name, source) in files {
                std::fs::write(dir.join(name), source).unwrap();
            }
            Self(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn render(dir: Option<&Path>, kind: TemplateKind, first_name: &str) -> RenderedEmail {
        let mut context = EmailContext::sample();
        (context.first_name, context.link) = (first_name.into(), Some(LINK.into()));
        Templates::new(dir).unwrap().render(kind, &context).unwrap()
    }

    /// The error of `Templates::new` over a directory holding `files`.
    fn new_err(files: &[(&str, &str)]) -> String {
        let dir = TempDir::new(files);
        format!("{:#}", Templates::new(Some(&dir.0)).err().unwrap())
    }

    fn has(haystack: &str, needles: &[&str]) {
        for needle in needles {
            assert!(haystack.contains(needle), "{needle:?} not in:\n{haystack}");
        }
    }

    #[test]
    fn every_kind_renders_with_the_built_in_set() {
        let href = "href=\"http://localhost:3000/reset?token=abc&amp;x=1\"";
        for kind in TemplateKind::ALL {
            let mail = render(None, kind, "Ada");
            assert!(mail.subject.starts_with("[Gatehouse] ") && mail.text.starts_with("Hi Ada,\n\n"));
            has(&mail.html, &["<!DOCTYPE html>", "Hi Ada,", "The Gatehouse team"]);
            if kind != TemplateKind::PasswordChanged {
                has(&mail.text, &[LINK]);
                has(&mail.html, &[href]);
                assert!(!mail.html.contains(LINK) && !mail.html.contains("&#x2f;"));
            }
        }
        let verify = render(None, TemplateKind::VerifyEmail, "Ada");
        assert_eq!(verify.subject, "[Gatehouse] Confirm your e-mail address");
        has(&verify.text, &["valid for 24 hours."]);
        let frontend_url = "http://localhost:3000".into();
        let changed = EmailContext {
            frontend_url,
            ..Default::default()
        };
        let templates = Templates::new(None).unwrap();
        let mail = templates.render(TemplateKind::PasswordChanged, &changed).unwrap();
        assert!(mail.text.starts_with("Hi,\n\n") && !mail.text.contains("none") && !mail.html.contains("none"));
        has(&mail.text, &["at http://localhost:3000 and contact support"]);
    }

    #[test]
    fn templates_can_be_shared_across_tasks() {
        fn shareable<T: Clone + Send + Sync + 'static>() {}
        shareable::<Templates>();
    }

    #[test]
    fn duration_switches_to_hours_from_two_hours() {
        let cases = [(1, "1 minute"), (90, "90 minutes"), (120, "2 hours")];
        for (minutes, words) in cases.into_iter().chain([(150, "2 hours and 30 minutes")]) {
            assert_eq!(duration(Some(minutes)), words);
        }
        assert_eq!(duration(None), "");
    }

    #[test]
    fn an_override_replaces_only_its_file() {
        let body = r#"{% extends "base.html" %}{% block content %}<p>Custom {{ link }}</p>{% endblock %}"#;
        let dir = TempDir::new(&[("verify_email.html", body)]);
        let builtin = render(None, TemplateKind::VerifyEmail, "Ada");
        let custom = render(Some(&dir.0), TemplateKind::VerifyEmail, "Ada");
        has(&custom.html, &["<p>Custom http:", "The Gatehouse team"]);
        assert!(!builtin.html.contains("Custom"));
        assert_eq!((custom.subject, custom.text), (builtin.subject, builtin.text));
    }

    #[test]
    fn a_missing_override_dir_is_an_error() {
        let missing = std::env::temp_dir().join(format!("gatehouse-mail-missing-{}", std::process::id()));
        let err = Templates::new(Some(&missing)).err().unwrap().to_string();
        has(&err, &["EMAIL_TEMPLATES_DIR", "does not exist"]);
    }

    #[test]
    fn a_broken_override_fails_startup_naming_the_file() {
        let err = new_err(&[("password_reset.txt", "{% if %}")]);
        has(&err, &["password_reset.txt", "syntax error"]);
        let typo = r#"{% extends "base.html" %}{% block content %}{{ frist_name }}{% endblock %}"#;
        let err = new_err(&[("account_exists.html", typo)]);
        has(&err, &["account_exists.html", "undefined"]);
        has(&new_err(&[("base.txt", "{{ nope }}")]), &["base.txt", "undefined"]);
        let err = new_err(&[("verify_email.subject.txt", "{% if false %}x{% endif %}\n \n")]);
        has(&err, &["verify_email.subject.txt", "empty subject"]);
    }

    #[test]
    fn a_subject_is_one_line() {
        let subject = "[{{ site_name }}]\r\n  Hello\t{{ first_name }}\n";
        let dir = TempDir::new(&[("verify_email.subject.txt", subject)]);
        let mail = render(Some(&dir.0), TemplateKind::VerifyEmail, "Ada\r\nBcc: eve@example.com");
        assert_eq!(mail.subject, "[Gatehouse] Hello Ada Bcc: eve@example.com");
    }

    #[test]
    fn html_escapes_the_first_name_and_text_does_not() {
        let mail = render(None, TemplateKind::PasswordReset, "<script>x</script>");
        has(&mail.html, &["Hi &lt;script&gt;x&lt;/script&gt;,"]);
        assert!(!mail.html.contains("<script>") && mail.text.starts_with("Hi <script>x</script>,"));
    }

    #[test]
    fn the_loader_rejects_paths_and_reads_only_the_override_dir() {
        let root = TempDir::new(&[("outside.txt", "secret")]);
        let dir = root.0.join("overrides");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("base.txt"), "overridden").unwrap();
        let names = ["../outside.txt", "overrides/base.txt", "/etc/passwd", ".x", "A.txt", ""];
        for name in names {
            assert!(load(Some(&dir), name).is_err(), "{name:?}");
        }
        assert_eq!(load(Some(&dir), "base.txt").unwrap().as_deref(), Some("overridden"));
        let base = load(Some(&dir), "base.html").unwrap().unwrap();
        has(&base, &["{% block content %}"]);
        assert_eq!(load(Some(&dir), "nope.txt").unwrap(), None);
        assert_eq!(load(None, "outside.txt").unwrap(), None);
    }
}
