//! Codes and challenges: drawn from the OS CSPRNG, kept only as keyed hashes under the
//! instance secret, compared in constant time.

use std::fmt::Write;

use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::services::platform::{
    metrics::SignInMethod,
    secrets::{self, InstanceSecret},
};

/// Digits in a code.
pub const CODE_DIGITS: usize = 6;
/// How many codes there are (10^6).
const CODE_SPACE: u32 = 1_000_000;
/// The largest multiple of [`CODE_SPACE`] that fits in a `u32`: draws at or above it are
/// thrown away, so every code is exactly as likely as every other (no modulo bias).
const ACCEPTED_DRAWS: u32 = u32::MAX - u32::MAX % CODE_SPACE;

/// What a code is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Passwordless login: e-mail + code.
    Login,
    /// The second step of a password login: challenge + code.
    TwoStep,
}

impl Purpose {
    /// As stored and audited.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Login => "login",
            Self::TwoStep => "two_step",
        }
    }

    /// The sign-in method a code of this purpose completes.
    pub fn sign_in_method(self) -> SignInMethod {
        match self {
            Self::Login => SignInMethod::EmailOtp,
            Self::TwoStep => SignInMethod::TwoStep,
        }
    }
}

/// A new 6-digit code, uniform over `000000`–`999999`.
pub fn generate_code() -> String {
    loop {
        let mut bytes = [0u8; 4];
        secrets::fill_random(&mut bytes);
        let draw = u32::from_le_bytes(bytes);
        if draw < ACCEPTED_DRAWS {
            return format!("{:0width$}", draw % CODE_SPACE, width = CODE_DIGITS);
        }
    }
}

/// A code as typed, without the spaces and dashes people paste with it; `None` when what is
/// left is not six digits. The answer to such a code is the same as to a wrong one.
pub fn normalize_code(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    (digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Whether two stored hashes are equal, in time independent of where they differ.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// The keyed hashes of codes, challenges and addresses.
#[derive(Clone)]
pub struct CodeHasher {
    secret: InstanceSecret,
}

impl CodeHasher {
    /// Hashes under `secret` (`SECRET_KEY`).
    pub fn new(secret: InstanceSecret) -> Self {
        Self { secret }
    }

    /// The stored form of `code`: bound to its purpose, the account and its address, so a
    /// code never counts for another purpose or account, nor after the address changed.
    pub fn code_hash(&self, purpose: Purpose, user_id: Uuid, email_key: &str, code: &str) -> String {
        let data = [
            purpose.as_str().as_bytes(),
            b"\0",
            user_id.as_bytes(),
            email_key.as_bytes(),
            b"\0",
            code.as_bytes(),
        ]
        .concat();
        hex(&self.secret.mac("otp-code", &data))
    }

    /// The stored form of a two-step challenge.
    pub fn challenge_hash(&self, challenge: &str) -> String {
        hex(&self.secret.mac("otp-challenge", challenge.as_bytes()))
    }

    /// The key under which sends to an address are counted (known or not).
    pub fn email_hash(&self, email_key: &str) -> String {
        hex(&self.secret.mac("otp-email", email_key.as_bytes()))
    }

    /// An account id no account has, stable for `seed`: unknown addresses and challenges go
    /// through the same lookups as known ones.
    pub fn dummy_user(&self, seed: &str) -> Uuid {
        let mac = self.secret.mac("otp-dummy-user", seed.as_bytes());
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&mac[..16]);
        Uuid::from_bytes(bytes)
    }
}

/// A new two-step challenge: 256 random bits, base64url.
pub fn generate_challenge() -> String {
    secrets::random_token()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_spread_evenly() {
        let mut first_digit = [0u32; 10];
        let draws = 50_000;
        for _ in 0..draws {
            let code = generate_code();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
            first_digit[usize::from(code.as_bytes()[0] - b'0')] += 1;
        }
        // Each leading digit should come up about 5,000 times; 4,500–5,500 is > 7 sigma.
        for (digit, count) in first_digit.iter().enumerate() {
            assert!((4_500..=5_500).contains(count), "digit {digit}: {count} of {draws}");
        }
        assert_eq!(ACCEPTED_DRAWS % CODE_SPACE, 0);
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalize_code(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(normalize_code("123-456").as_deref(), Some("123456"));
        assert_eq!(normalize_code("12345"), None);
        assert_eq!(normalize_code("1234567"), None);
        assert_eq!(normalize_code("12345a"), None);
        assert_eq!(normalize_code("１２３４５６"), None, "full-width digits are not ASCII");
    }

    #[test]
    fn hashes_depend_on_purpose_account_address_and_code() {
        let secret = InstanceSecret::for_tests("an-instance-secret-of-at-least-32-chars");
        let hasher = CodeHasher::new(secret);
        let user = Uuid::now_v7();
        let base = hasher.code_hash(Purpose::Login, user, "ada@example.com", "123456");
        assert_eq!(base.len(), 64);
        assert!(!base.contains("123456"));
        assert!(same_hash(
            &base,
            &hasher.code_hash(Purpose::Login, user, "ada@example.com", "123456")
        ));
        for other in [
            hasher.code_hash(Purpose::TwoStep, user, "ada@example.com", "123456"),
            hasher.code_hash(Purpose::Login, Uuid::now_v7(), "ada@example.com", "123456"),
            hasher.code_hash(Purpose::Login, user, "eve@example.com", "123456"),
            hasher.code_hash(Purpose::Login, user, "ada@example.com", "123457"),
        ] {
            assert!(!same_hash(&base, &other));
        }
        assert_eq!(hasher.dummy_user("x"), hasher.dummy_user("x"));
        assert_ne!(hasher.dummy_user("x"), hasher.dummy_user("y"));
    }
}
