//! Each route's operationId, read once from the spec: it names the request's metrics and its
//! trace span, so that dashboards speak the API's own vocabulary.

use std::{collections::HashMap, sync::LazyLock};

use axum::extract::MatchedPath;
use http::Method;

use super::api::ops::SPEC_YAML;

/// Requests no route matched (404s, probes).
pub const UNMATCHED: &str = "unmatched";
/// Routes outside the spec: the docs' static assets.
pub const ASSETS: &str = "assets";

type Key = (Method, &'static str);

static OPERATIONS: LazyLock<HashMap<Key, &'static str>> = LazyLock::new(|| {
    let spec: serde_yaml::Value = serde_yaml::from_str(SPEC_YAML).unwrap_or_default();
    let mut operations = HashMap::new();
    let Some(paths) = spec.get("paths").and_then(|p| p.as_mapping()) else {
        return operations;
    };
    for (path, item) in paths {
        let (Some(path), Some(item)) = (path.as_str(), item.as_mapping()) else {
            continue;
        };
        for (method, operation) in item {
            let method = method
                .as_str()
                .and_then(|m| m.to_ascii_uppercase().parse::<Method>().ok());
            let id = operation.get("operationId").and_then(|id| id.as_str());
            if let (Some(method), Some(id)) = (method, id) {
                // Leaked once: a few dozen short strings that live as long as the process.
                let path: &'static str = Box::leak(path.to_owned().into_boxed_str());
                let id: &'static str = Box::leak(id.to_owned().into_boxed_str());
                operations.insert((method, path), id);
            }
        }
    }
    operations
});

/// The operationId of the route that matched, [`ASSETS`] for a route outside the spec, or
/// [`UNMATCHED`].
pub fn operation_id(method: &Method, matched: Option<&MatchedPath>) -> &'static str {
    let Some(matched) = matched else {
        return UNMATCHED;
    };
    // HEAD is answered by the GET route.
    let method = if method == Method::HEAD { &Method::GET } else { method };
    OPERATIONS
        .get(&(method.clone(), matched.as_str()))
        .copied()
        .unwrap_or(ASSETS)
}

#[cfg(test)]
mod tests {
    use super::OPERATIONS;
    use http::Method;

    #[test]
    fn every_operation_of_the_spec_is_known_by_method_and_path() {
        assert_eq!(OPERATIONS.get(&(Method::POST, "/api/v1/auth/login")), Some(&"login"));
        assert_eq!(
            OPERATIONS.get(&(Method::GET, "/api/v1/admin/users/{id}")),
            Some(&"getUser")
        );
        let declared = super::SPEC_YAML.matches("operationId:").count();
        assert_eq!(
            OPERATIONS.len(),
            declared,
            "every operationId maps from one method and path"
        );
    }
}
