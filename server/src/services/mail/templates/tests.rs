//! Tests of the e-mail templates: built-ins, overrides, escaping, the loader's rules.

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
        if matches!(kind, TemplateKind::LoginCode | TemplateKind::TwoStepCode) {
            has(&mail.text, &["\n    123456\n", "for 24 hours."]);
            has(&mail.html, &[">123456</p>"]);
        } else if matches!(kind, TemplateKind::SocialLinked | TemplateKind::SocialUnlinked) {
            has(&mail.subject, &["GitHub was"]);
            has(&mail.text, &["GitHub was just", "(ada@example.com)"]);
            has(&mail.html, &["GitHub was just"]);
        } else if matches!(kind, TemplateKind::MfaEnabled | TemplateKind::MfaDisabled) {
            has(&mail.subject, &["An authenticator app was"]);
            has(&mail.text, &["An authenticator app was just", "(ada@example.com)"]);
            has(&mail.html, &["An authenticator app was just"]);
        } else if kind == TemplateKind::RecoveryCodeUsed {
            has(&mail.subject, &["A recovery code was used: 9 left"]);
            has(&mail.text, &["9 of your recovery codes are left."]);
            has(&mail.html, &["9 of your recovery codes are left."]);
        } else if kind == TemplateKind::EmailChangeConflict {
            has(
                &mail.text,
                &["(ada@example.com), which already belongs to your account"],
            );
            assert!(!mail.text.contains(LINK), "no link: {}", mail.text);
        } else if kind != TemplateKind::PasswordChanged {
            has(&mail.text, &[LINK]);
            has(&mail.html, &[href]);
            assert!(!mail.html.contains(LINK) && !mail.html.contains("&#x2f;"));
        }
    }
    let changed = render(None, TemplateKind::EmailChanged, "Ada");
    has(
        &changed.text,
        &["from ada@example.com to ada@newmail.example", "(it works for 24 hours)"],
    );
    let mut deletion = EmailContext::sample();
    deletion.expires_in_minutes = Some(14 * 1440);
    let deletion = Templates::new(None)
        .unwrap()
        .render(TemplateKind::DeletionScheduled, &deletion)
        .unwrap();
    has(&deletion.text, &["in 14 days its data will be erased"]);
    let export = render(None, TemplateKind::DataExportReady, "Ada");
    has(&export.text, &["within 24 hours with this link, which works once:"]);
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
fn a_first_name_stored_with_line_breaks_renders_on_one_line() {
    let mail = render(None, TemplateKind::PasswordReset, "Ann\r\nEvil\u{2028}Text\tTab\u{7}\n");
    assert!(mail.text.starts_with("Hi Ann  Evil Text Tab,\n"), "{}", mail.text);
    assert!(mail.html.contains("Hi Ann  Evil Text Tab,"), "{}", mail.html);
}

#[test]
fn html_escapes_the_first_name_and_text_does_not() {
    let mail = render(None, TemplateKind::PasswordReset, "<script>x</script>");
    has(&mail.html, &["Hi &lt;script&gt;x&lt;/script&gt;,"]);
    assert!(!mail.html.contains("<script>") && mail.text.starts_with("Hi <script>x</script>,"));
}

fn load(dir: Option<&std::path::Path>, name: &str) -> Result<Option<String>, minijinja::Error> {
    template_files::load(dir, name, BUILTIN, "e-mail")
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
