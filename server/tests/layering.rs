//! The shape of `src/services/`: one folder per domain, arrows pointing down only. No domain
//! service imports from the HTTP layer, and no two domains import each other, directly or
//! round about. Read from the source files, so a new import that breaks the rule fails here.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The source without `//` comments (doc comments mention paths freely).
fn strip_comments(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands a `use` tree (`a::{b, c::{d, e}}`) into its paths (`a::b`, `a::c::d`, `a::c::e`).
fn expand_use(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let mut depth = 0;
    let mut item = String::new();
    let mut items = Vec::new();
    for ch in tree.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if ch == ',' && depth == 0 {
            items.push(std::mem::take(&mut item));
        } else {
            item.push(ch);
        }
    }
    items.push(item);
    for item in items {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        match item.find('{') {
            Some(open) if item.ends_with('}') => expand_use(
                &format!("{prefix}{}", &item[..open]),
                &item[open + 1..item.len() - 1],
                out,
            ),
            _ => out.push(format!("{prefix}{item}")),
        }
    }
}

/// Every `crate::…` or `super::…` path the source names: in `use` trees and inline.
fn paths_named(source: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("use ") {
        let before_ok = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        rest = &rest[at + 4..];
        if !before_ok {
            continue;
        }
        if let Some(end) = rest.find(';') {
            // `a::b as c` names `a::b`.
            let tree: String = rest[..end]
                .split(" as ")
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_')
                    }
                })
                .collect::<String>()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            expand_use("", &tree, &mut paths);
        }
    }
    for start in ["crate::", "super::"] {
        let mut rest = source;
        while let Some(at) = rest.find(start) {
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            paths.push(tail[..end].to_string());
            rest = &rest[at + start.len()..];
        }
    }
    paths
        .into_iter()
        .map(|p| p.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect())
        .collect()
}

/// The module path of a file below `services/` (`["sessions", "tokens"]`).
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Where a path leads, seen from `services/`: `Some(["http", …])` for the rest of the crate
/// (prefixed `crate`), `Some([domain, …])` inside the services.
fn resolve(module: &[String], path: &[String]) -> Option<Vec<String>> {
    match path.first().map(String::as_str) {
        Some("crate") => match path.get(1).map(String::as_str) {
            Some("services") => Some(path[2..].to_vec()),
            Some(_) => Some(
                std::iter::once("crate".to_string())
                    .chain(path[1..].iter().cloned())
                    .collect(),
            ),
            None => None,
        },
        Some("super") => {
            let mut base = module.to_vec();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            Some(base)
        }
        _ => None,
    }
}

struct Services {
    domains: BTreeSet<String>,
    /// domain → (domain it uses → a file that does)
    edges: BTreeMap<String, BTreeMap<String, String>>,
    /// (file, path) for every reference to `crate::http`
    http_imports: Vec<(String, String)>,
}

fn read_services() -> Services {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
    let domains: BTreeSet<String> = fs::read_dir(&root)
        .expect("src/services")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut http_imports = Vec::new();
    for file in rust_files(&root) {
        let relative = file.strip_prefix(&root).expect("below services").to_path_buf();
        let module = module_path(&relative);
        let Some(domain) = module.first().cloned() else {
            continue;
        };
        let source = strip_comments(&fs::read_to_string(&file).expect("readable"));
        for path in paths_named(&source) {
            let Some(target) = resolve(&module, &path) else {
                continue;
            };
            let shown = relative.display().to_string();
            if target.first().is_some_and(|s| s == "crate") && target.get(1).is_some_and(|s| s == "http") {
                http_imports.push((shown, path.join("::")));
            } else if let Some(other) = target.first().filter(|t| domains.contains(*t) && **t != domain) {
                edges
                    .entry(domain.clone())
                    .or_default()
                    .entry(other.clone())
                    .or_insert(shown);
            }
        }
    }
    Services {
        domains,
        edges,
        http_imports,
    }
}

#[test]
fn every_service_lives_in_a_domain_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
    let loose: Vec<String> = fs::read_dir(&root)
        .expect("src/services")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "mod.rs"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(loose.is_empty(), "services outside a domain folder: {loose:?}");
    for domain in read_services().domains {
        let module = root.join(&domain).join("mod.rs");
        let source = fs::read_to_string(&module).unwrap_or_else(|e| panic!("{}: {e}", module.display()));
        assert!(
            source.starts_with("//!"),
            "{domain}/mod.rs does not say what the domain owns"
        );
    }
}

#[test]
fn no_service_imports_from_the_http_layer() {
    let imports = read_services().http_imports;
    assert!(imports.is_empty(), "services reaching up into crate::http: {imports:?}");
}

#[test]
fn no_two_domains_import_each_other() {
    let services = read_services();
    // Depth-first search for a cycle, reporting it with one file per arrow.
    fn visit(
        domain: &str,
        edges: &BTreeMap<String, BTreeMap<String, String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|d| d == domain) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(domain.to_string());
            return Some(cycle);
        }
        if done.contains(domain) {
            return None;
        }
        stack.push(domain.to_string());
        for next in edges.get(domain).into_iter().flat_map(|e| e.keys()) {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(domain.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for domain in &services.domains {
        if let Some(cycle) = visit(domain, &services.edges, &mut Vec::new(), &mut done) {
            let arrows: Vec<String> = cycle
                .windows(2)
                .map(|w| format!("{} -> {} (in {})", w[0], w[1], services.edges[&w[0]][&w[1]]))
                .collect();
            panic!("domains import each other: {}", arrows.join(", "));
        }
    }
}

#[test]
fn the_checker_sees_imports_in_use_trees_and_through_super() {
    let source = "use crate::{error::AppResult, services::{audit::{self, AuditEvent}, mail::Mailer}};\n\
                  use super::keys::KeyStore;\nfn f() { crate::http::context::current(); }";
    let module = vec!["sessions".to_string()];
    let targets: Vec<Vec<String>> = paths_named(source).iter().filter_map(|p| resolve(&module, p)).collect();
    let named = |path: &[&str]| {
        targets
            .iter()
            .any(|t| t.iter().map(String::as_str).eq(path.iter().copied()))
    };
    assert!(named(&["audit", "self"]), "{targets:?}");
    assert!(named(&["mail", "Mailer"]), "{targets:?}");
    assert!(named(&["keys", "KeyStore"]), "{targets:?}");
    assert!(named(&["crate", "http", "context", "current"]), "{targets:?}");
    // From a domain's mod.rs, `super::` is the services folder: another domain.
    let root_module = vec!["otp".to_string()];
    let via_super = resolve(&root_module, &["super".into(), "sessions".into(), "Sessions".into()]);
    assert_eq!(via_super, Some(vec!["sessions".to_string(), "Sessions".to_string()]));
}
