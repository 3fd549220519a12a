//! The `409` problems of second-factor operations in the wrong state.

use http::StatusCode;

use crate::http::problem::Problem;

/// Why a second-factor operation cannot happen now (each a `409`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MfaState {
    /// `totp_already_enabled`: remove the authenticator app first.
    TotpAlreadyEnabled,
    /// `totp_not_enabled`: there is no authenticator app to remove.
    TotpNotEnabled,
    /// `no_pending_enrollment`: start an enrolment first.
    NoPendingEnrollment,
    /// `mfa_not_enabled`: recovery codes need a second factor.
    MfaNotEnabled,
    /// `passkey_not_enabled`: the account has no passkey.
    PasskeyNotEnabled,
    /// `passkeys_unavailable`: this server has no WebAuthn relying party configured.
    PasskeysUnavailable,
}

impl MfaState {
    /// The problem document this state answers with.
    pub(super) fn problem(self) -> Problem {
        let (code, title, detail) = match self {
            Self::TotpAlreadyEnabled => (
                "totp_already_enabled",
                "Authenticator app already on",
                "Remove the current authenticator app first.",
            ),
            Self::TotpNotEnabled => (
                "totp_not_enabled",
                "No authenticator app",
                "This account has no authenticator app.",
            ),
            Self::NoPendingEnrollment => (
                "no_pending_enrollment",
                "No enrolment started",
                "Start adding an authenticator app first.",
            ),
            Self::MfaNotEnabled => (
                "mfa_not_enabled",
                "No second factor",
                "Add a passkey or an authenticator app first.",
            ),
            Self::PasskeyNotEnabled => ("passkey_not_enabled", "No passkey", "This account has no passkey."),
            Self::PasskeysUnavailable => (
                "passkeys_unavailable",
                "Passkeys unavailable",
                "This server has no passkey relying party (WEBAUTHN_RP_ID, WEBAUTHN_ORIGINS).",
            ),
        };
        Problem::new(StatusCode::CONFLICT, code, title).detail(detail)
    }
}
