//! Template files: a built-in set compiled into the binary, each file overridable by a file
//! of the same name in a directory (`EMAIL_TEMPLATES_DIR`, `ADMIN_TEMPLATES_DIR`).

use std::path::Path;

use minijinja::{Error, ErrorKind};

/// The source of template `name`: the override directory's file when there is one, else the
/// built-in one. `what` names the set in errors ("e-mail", "console"). Names are plain file
/// names (lower-case letters, digits, `_` and `.`), never paths.
pub fn load(
    override_dir: Option<&Path>,
    name: &str,
    builtin: &[(&str, &str)],
    what: &str,
) -> Result<Option<String>, Error> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.';
    if !name.bytes().all(allowed) || name.is_empty() || name.starts_with('.') || name.contains("..") {
        let detail = format!("invalid {what} template name {name:?}");
        return Err(Error::new(ErrorKind::InvalidOperation, detail));
    }
    if let Some(dir) = override_dir {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(source) => return Ok(Some(source)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                let detail = format!("cannot read {what} template {}: {err}", path.display());
                return Err(Error::new(ErrorKind::InvalidOperation, detail));
            }
        }
    }
    let builtin = builtin.iter().find(|(builtin, _)| *builtin == name);
    Ok(builtin.map(|(_, source)| (*source).to_owned()))
}
