//! Generates the typed client from `openapi.yaml` at build time, so it can never drift.

use std::{env, fs, path::Path};

fn main() {
    let spec_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.yaml");
    println!("cargo:rerun-if-changed={}", spec_path.display());
    let text = fs::read_to_string(&spec_path).expect("read openapi.yaml");
    let mut spec: openapiv3::OpenAPI = serde_yaml::from_str(&text).expect("parse openapi.yaml");
    retype_for_progenitor(&mut spec);

    let mut generator = progenitor::Generator::default();
    let tokens = generator
        .generate_tokens(&spec)
        .expect("progenitor generates the client");
    let ast = syn::parse2(tokens).expect("generated client parses");
    let code = prettyplease::unparse(&ast);
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("codegen.rs");
    fs::write(out, code).expect("write generated client");
}

/// progenitor types only `application/json` bodies: present the RFC 9457
/// `application/problem+json` errors as JSON so they come back as typed `Problem`s, and
/// keep only the JSON form of operations that also offer another media type.
fn retype_for_progenitor(spec: &mut openapiv3::OpenAPI) {
    let fix = |response: &mut openapiv3::Response| {
        if let Some(problem) = response.content.shift_remove("application/problem+json") {
            response.content.insert("application/json".to_string(), problem);
        }
        if response.content.contains_key("application/json") {
            response.content.retain(|media, _| media == "application/json");
        }
    };
    if let Some(components) = spec.components.as_mut() {
        for response in components.responses.values_mut() {
            if let openapiv3::ReferenceOr::Item(response) = response {
                fix(response);
            }
        }
    }
    for (_, path) in spec.paths.paths.iter_mut() {
        let openapiv3::ReferenceOr::Item(path) = path else {
            continue;
        };
        let operations = [
            &mut path.get,
            &mut path.put,
            &mut path.post,
            &mut path.delete,
            &mut path.options,
            &mut path.head,
            &mut path.patch,
            &mut path.trace,
        ];
        for op in operations.into_iter().flatten() {
            keep_one_success_type(op);
            for response in op.responses.responses.values_mut() {
                if let openapiv3::ReferenceOr::Item(response) = response {
                    fix(response);
                }
            }
        }
    }
}

/// progenitor types one success body per operation. Where another 2xx answers with another
/// schema (`login`'s `202` `LoginChallenge` beside its `200` `TokenResponse`), that status is
/// left out of the typed client: it comes back as `Error::UnexpectedResponse` holding the raw
/// response, whose body parses as the generated type (`types::LoginChallenge`).
fn keep_one_success_type(op: &mut openapiv3::Operation) {
    let schema_of = |response: &openapiv3::ReferenceOr<openapiv3::Response>| match response {
        openapiv3::ReferenceOr::Reference { reference } => reference.clone(),
        openapiv3::ReferenceOr::Item(item) => item
            .content
            .get("application/json")
            .and_then(|media| media.schema.as_ref())
            .map(|schema| format!("{schema:?}"))
            .unwrap_or_default(),
    };
    let mut first_success: Option<String> = None;
    op.responses.responses.retain(|status, response| {
        let openapiv3::StatusCode::Code(code) = status else {
            return true;
        };
        if !(200..300).contains(code) {
            return true;
        }
        let schema = schema_of(response);
        match &first_success {
            None => {
                first_success = Some(schema);
                true
            }
            Some(first) => *first == schema,
        }
    });
}
