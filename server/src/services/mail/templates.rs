//! E-mail templates: a built-in set (compiled into the binary), each file overridable from a directory.
//!
//! Every kind has three files: `<name>.subject.txt`, `<name>.txt` (extends `base.txt`) and `<name>.html`
//! (extends `base.html`, auto-escaped). Templates see the fields of [`EmailContext`] and a `duration` filter
//! that turns minutes into words ("30 minutes", "24 hours").

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, bail};
use minijinja::{AutoEscape, Environment, Error, HtmlEscape, Output, State, UndefinedBehavior, Value};
use serde::{Deserialize, Serialize};

use crate::services::platform::template_files;

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
    /// A code for passwordless login.
    LoginCode,
    /// A code completing a login whose password was right (two-step login).
    TwoStepCode,
    /// Sign-in to the account was locked after repeated failed attempts.
    AccountLocked,
    /// A provider (Google, GitHub…) was linked to the account.
    SocialLinked,
    /// A provider was unlinked from the account.
    SocialUnlinked,
    /// A second factor was added.
    MfaEnabled,
    /// A second factor was removed (by the owner or by staff).
    MfaDisabled,
    /// A recovery code was used to sign in.
    RecoveryCodeUsed,
    /// The account's deletion is scheduled; the link cancels it.
    DeletionScheduled,
    /// Confirm a new address (sent to the new address).
    EmailChangeConfirm,
    /// The address was changed (sent to the old address); the link undoes it.
    EmailChanged,
    /// Someone asked to move their account to this address, which already has one.
    EmailChangeConflict,
    /// An export of the account's data is ready; the link downloads it once.
    DataExportReady,
}

impl TemplateKind {
    /// Every kind.
    pub const ALL: [TemplateKind; 17] = [
        Self::VerifyEmail,
        Self::PasswordReset,
        Self::PasswordChanged,
        Self::AccountExists,
        Self::LoginCode,
        Self::TwoStepCode,
        Self::AccountLocked,
        Self::SocialLinked,
        Self::SocialUnlinked,
        Self::MfaEnabled,
        Self::MfaDisabled,
        Self::RecoveryCodeUsed,
        Self::DeletionScheduled,
        Self::EmailChangeConfirm,
        Self::EmailChanged,
        Self::EmailChangeConflict,
        Self::DataExportReady,
    ];

    /// The file-name stem of the kind's templates, e.g. `"verify_email"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::PasswordReset => "password_reset",
            Self::PasswordChanged => "password_changed",
            Self::AccountExists => "account_exists",
            Self::LoginCode => "login_code",
            Self::TwoStepCode => "two_step_code",
            Self::AccountLocked => "account_locked",
            Self::SocialLinked => "social_linked",
            Self::SocialUnlinked => "social_unlinked",
            Self::MfaEnabled => "mfa_enabled",
            Self::MfaDisabled => "mfa_disabled",
            Self::RecoveryCodeUsed => "recovery_code_used",
            Self::DeletionScheduled => "deletion_scheduled",
            Self::EmailChangeConfirm => "email_change_confirm",
            Self::EmailChanged => "email_changed",
            Self::EmailChangeConflict => "email_change_conflict",
            Self::DataExportReady => "data_export_ready",
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
    /// How long the link (or code) is valid.
    pub expires_in_minutes: Option<u64>,
    /// The one-time code of `login_code` and `two_step_code`.
    pub code: Option<String>,
    /// The provider's display name, for `social_linked` and `social_unlinked`.
    pub provider: Option<String>,
    /// The second factor an e-mail is about ("An authenticator app"), for `mfa_enabled` and
    /// `mfa_disabled`.
    pub factor: Option<String>,
    /// Staff did it (`mfa_disabled`).
    pub by_staff: bool,
    /// Recovery codes left (`recovery_code_used`).
    pub remaining: Option<u32>,
    /// The account's new address (`email_changed`).
    pub new_email: Option<String>,
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
const BUILTIN: &[(&str, &str)] = builtin!(
    "verify_email",
    "password_reset",
    "password_changed",
    "account_exists",
    "login_code",
    "two_step_code",
    "account_locked",
    "social_linked",
    "social_unlinked",
    "mfa_enabled",
    "mfa_disabled",
    "recovery_code_used",
    "deletion_scheduled",
    "email_change_confirm",
    "email_changed",
    "email_change_conflict",
    "data_export_ready"
);

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
        env.set_loader(move |name| template_files::load(override_dir.as_deref(), name, BUILTIN, "e-mail"));
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
        // Names are refused with line breaks now, but older rows may hold some.
        let one_line;
        let context = if context.first_name.chars().any(breaks_a_line) {
            one_line = EmailContext {
                first_name: context.first_name.replace(breaks_a_line, " ").trim().to_string(),
                ..context.clone()
            };
            &one_line
        } else {
            context
        };
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

/// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
fn breaks_a_line(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
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
            code: Some("123456".into()),
            provider: Some("GitHub".into()),
            factor: Some("An authenticator app".into()),
            by_staff: true,
            remaining: Some(9),
            new_email: Some("ada@newmail.example".into()),
        }
    }
}

/// Finds a template: in `override_dir` if it has the file, else among the built-in ones. Only names made of
/// `[a-z0-9_.]` (no `..`, not starting with `.`) are looked up, so nothing outside `override_dir` is read.
/// minijinja's formatter, except that HTML escaping leaves `/` alone, so links in the HTML read as written.
pub(crate) fn formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    match (state.auto_escape(), value.as_str()) {
        (AutoEscape::Html, Some(text)) if !value.is_safe() => {
            let escaped = HtmlEscape(text).to_string().replace("&#x2f;", "/");
            out.write_str(&escaped).map_err(Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// The `duration` filter: minutes in words, as hours from 120 minutes on and as days from two
/// whole days on; none renders as empty.
fn duration(minutes: Option<u64>) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match minutes {
        None => String::new(),
        Some(m) if m < 120 => plural(m, "minute"),
        Some(m) if m >= 2 * 1440 && m % 1440 == 0 => plural(m / 1440, "day"),
        Some(m) if m % 60 == 0 => plural(m / 60, "hour"),
        Some(m) => format!("{} and {}", plural(m / 60, "hour"), plural(m % 60, "minute")),
    }
}

#[cfg(test)]
mod tests;
