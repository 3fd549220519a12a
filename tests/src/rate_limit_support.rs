//! Rate-limit helpers: an app with one tight limit, and the shape of a `429 rate_limited`.

use serde_json::json;
use uuid::Uuid;

use crate::{Policy, Rate, TestApp, assert_problem, header, spawn_app_with};

/// An app where `policy` allows `limit` requests per `secs` and everything else is far away.
pub async fn app_limiting(policy: Policy, limit: u32, secs: u64) -> TestApp {
    spawn_app_with(|s| s.limits.set(policy, Some(Rate::per_secs(limit, secs)))).await
}

/// Asserts a `429 rate_limited` from `policy` (quota `q` per `w` s), returns its Retry-After.
pub async fn assert_rate_limited(response: reqwest::Response, policy: &str, q: u32, w: u64) -> u64 {
    let headers = response.headers().clone();
    let problem = assert_problem(response, 429, "rate_limited").await;
    let retry_after: u64 = header(&headers, "retry-after")
        .parse()
        .expect("Retry-After is whole seconds");
    assert!(
        (1..=w).contains(&retry_after),
        "Retry-After {retry_after} within the window"
    );
    assert_eq!(
        header(&headers, "ratelimit"),
        format!("\"{policy}\";r=0;t={retry_after}")
    );
    assert_eq!(
        header(&headers, "ratelimit-policy"),
        format!("\"{policy}\";q={q};w={w}")
    );
    let detail = problem.detail.expect("the problem says how long to wait");
    assert!(detail.contains(&format!("{retry_after} seconds")), "{detail}");
    retry_after
}

/// Per IP: fresh addresses; per address: the same one, existing or not.
pub async fn assert_limited_per_ip_and_per_address(path: &str, ip_policy: Policy, email_policy: Policy) {
    // Per IP.
    let app = app_limiting(ip_policy, 2, 60).await;
    let fresh = || json!({ "email": format!("someone-{}@example.com", Uuid::new_v4()) });
    for _ in 0..2 {
        assert_eq!(app.post_json(path, &fresh()).await.status(), 202);
    }
    assert_rate_limited(app.post_json(path, &fresh()).await, ip_policy.name(), 2, 60).await;

    // Per address, identical for an account and for an address without one.
    let app = app_limiting(email_policy, 2, 3600).await;
    let user = app.registered_user().await;
    let unknown = format!("nobody-{}@example.com", Uuid::new_v4());
    for email in [user.email.clone(), unknown] {
        for _ in 0..2 {
            assert_eq!(app.post_json(path, &json!({ "email": email })).await.status(), 202);
        }
        let refused = app.post_json(path, &json!({ "email": email.to_uppercase() })).await;
        assert_rate_limited(refused, email_policy.name(), 2, 3600).await;
    }
    let another = json!({ "email": format!("someone-{}@example.com", Uuid::new_v4()) });
    assert_eq!(app.post_json(path, &another).await.status(), 202);
}
