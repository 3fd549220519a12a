//! Test users: generated credentials and the request bodies built from them.

use uuid::Uuid;

use crate::types;

/// Credentials of a user the test can register and log in with.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub email: String,
    pub password: String,
}

impl TestUser {
    /// A unique e-mail address and a strong password (never one of the offline list's rare
    /// false positives, one in 65,536, which registration would refuse as breached).
    pub fn generate() -> Self {
        let password = std::iter::repeat_with(|| format!("correct horse battery {}", Uuid::new_v4()))
            .find(|p| !gatehouse::services::breach::offline::contains(p))
            .expect("a password that is not on the list");
        Self {
            email: format!("user-{}@example.com", Uuid::new_v4()),
            password,
        }
    }

    pub fn register_request(&self) -> types::RegisterRequest {
        types::RegisterRequest {
            email: self.email.as_str().try_into().expect("the e-mail fits the spec"),
            password: self.password.as_str().try_into().expect("the password fits the spec"),
            first_name: Some("Ada".try_into().expect("a short name")),
            last_name: Some("Lovelace".try_into().expect("a short name")),
        }
    }

    pub fn login_request(&self) -> types::LoginRequest {
        login_request(&self.email, &self.password)
    }
}

/// A login request for any e-mail and password.
pub fn login_request(email: &str, password: &str) -> types::LoginRequest {
    types::LoginRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
        password: password.try_into().expect("the password fits the spec"),
    }
}
