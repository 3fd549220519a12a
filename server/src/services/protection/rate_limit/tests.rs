use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::*;

fn limiter(rates: &[(Policy, Rate)]) -> RateLimiter {
    let mut settings = LimitSettings::default();
    for policy in Policy::ALL {
        settings.set(*policy, None);
    }
    for (policy, rate) in rates {
        settings.set(*policy, Some(*rate));
    }
    RateLimiter::new(
        settings,
        InstanceSecret::for_tests("a test secret of at least 32 characters"),
        None,
    )
}

const CLIENT: Option<IpAddr> = Some(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7)));

#[test]
fn ipv6_clients_share_their_64_and_mapped_ipv4_is_ipv4() {
    let a: Ipv6Addr = "2001:db8:1:2:aaaa::1".parse().expect("ip");
    let b: Ipv6Addr = "2001:db8:1:2:bbbb::9".parse().expect("ip");
    let c: Ipv6Addr = "2001:db8:1:3::1".parse().expect("ip");
    assert_eq!(ip_subject(a.into()), ip_subject(b.into()));
    assert_ne!(ip_subject(a.into()), ip_subject(c.into()));
    let mapped: Ipv6Addr = "::ffff:203.0.113.7".parse().expect("ip");
    assert_eq!(ip_subject(mapped.into()), "ip:203.0.113.7");
}

#[test]
fn addresses_are_keyed_by_a_hash_of_their_normalised_form() {
    let limits = limiter(&[]);
    let key = limits.email_subject("Ada@Example.com");
    assert_eq!(key, limits.email_subject("  ada@EXAMPLE.COM "));
    assert!(!key.contains("ada") && !key.contains("example"));
    assert_ne!(key, limits.email_subject("bob@example.com"));
}

#[tokio::test]
async fn a_policy_refuses_with_its_quota_once_exhausted() {
    let limits = limiter(&[(Policy::RegisterIp, Rate::per_secs(2, 60))]);
    for _ in 0..2 {
        assert!(limits.check_from(Action::Register, CLIENT, None).await.is_ok());
    }
    match limits.check_from(Action::Register, CLIENT, None).await {
        Err(AppError::RateLimited {
            retry_after,
            policy: Some(policy),
        }) => {
            assert!(retry_after > Duration::from_secs(25) && retry_after <= Duration::from_secs(30));
            assert_eq!(
                (policy.name, policy.quota, policy.window),
                ("register-ip", 2, Duration::from_secs(60))
            );
        }
        other => panic!("expected rate_limited, got {other:?}"),
    }
    let elsewhere = Some(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 1)));
    assert!(limits.check_from(Action::Register, elsewhere, None).await.is_ok());
}

#[tokio::test]
async fn login_counts_only_failures_per_address() {
    let limits = limiter(&[(Policy::LoginFailuresEmail, Rate::per_secs(2, 60))]);
    for _ in 0..5 {
        assert!(
            limits
                .check_from(Action::Login, CLIENT, Some("a@example.com"))
                .await
                .is_ok()
        );
    }
    limits.record_login_failure("a@example.com").await;
    limits.record_login_failure("A@example.com").await;
    assert!(matches!(
        limits.check_from(Action::Login, CLIENT, Some("a@example.com")).await,
        Err(AppError::RateLimited { .. })
    ));
    assert!(
        limits
            .check_from(Action::Login, CLIENT, Some("b@example.com"))
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn switched_off_limits_allow_everything() {
    let mut settings = LimitSettings::all(Rate::per_secs(1, 60));
    settings.enabled = false;
    let limits = RateLimiter::new(
        settings,
        InstanceSecret::for_tests("a test secret of at least 32 characters"),
        None,
    );
    for _ in 0..5 {
        assert!(limits.check_from(Action::Register, CLIENT, None).await.is_ok());
    }
}

#[tokio::test]
async fn an_unreachable_redis_fails_open_and_is_counted() {
    let redis = Redis::connect("redis://127.0.0.1:9", "t:", Duration::from_millis(200)).expect("valid URL");
    let limits = RateLimiter::new(
        LimitSettings::all(Rate::per_secs(1, 60)),
        InstanceSecret::for_tests("a test secret of at least 32 characters"),
        Some(redis),
    );
    for _ in 0..3 {
        assert!(limits.check_from(Action::Register, CLIENT, None).await.is_ok());
    }
    assert_eq!(limits.failed_open(), 3);
}
