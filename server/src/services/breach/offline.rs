//! The offline breached-password list (`server/data/breached-passwords.txt`, about 100,000
//! passwords), compiled into the binary and held as a binary fuse filter of SHA-1 digests:
//! 241,664 bytes, one false positive in 65,536, built on first use.

use std::sync::LazyLock;

use sha1::{Digest, Sha1};
use xorf::{BinaryFuse16, Filter};

const LIST: &str = include_str!("../../../data/breached-passwords.txt");

static FILTER: LazyLock<Option<BinaryFuse16>> = LazyLock::new(|| {
    let mut keys: Vec<u64> = LIST.lines().filter(|l| !l.is_empty()).map(key).collect();
    keys.sort_unstable();
    keys.dedup();
    match BinaryFuse16::try_from(&keys) {
        Ok(filter) => Some(filter),
        Err(e) => {
            tracing::error!(error = e, "building the breached-password filter failed");
            None
        }
    }
});

/// The filter key of a password: the first 8 bytes of its SHA-1.
fn key(password: &str) -> u64 {
    let digest = Sha1::digest(password.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// How many passwords the list holds.
pub fn size() -> usize {
    LIST.lines().filter(|l| !l.is_empty()).count()
}

/// Whether `password`, or its lower-cased form, is on the list.
pub fn contains(password: &str) -> bool {
    let Some(filter) = FILTER.as_ref() else {
        return false;
    };
    let lowered = password.to_lowercase();
    filter.contains(&key(password)) || (lowered != password && filter.contains(&key(&lowered)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_large_sorted_and_every_entry_is_found() {
        assert!(size() >= 100_000, "{}", size());
        let lines: Vec<&str> = LIST.lines().collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        assert!(lines.iter().all(|l| contains(l)));
    }

    #[test]
    fn common_passwords_are_found_in_any_case_and_random_ones_are_not() {
        for breached in ["password1", "Password123", "qwertyuiop", "iloveyou1", "BASEBALL"] {
            assert!(contains(breached), "{breached}");
        }
        let tries = 100_000;
        let false_positives = (0..tries)
            .filter(|i| contains(&format!("gatehouse-not-breached-{i}-xq")))
            .count();
        let bytes = FILTER.as_ref().map_or(0, |f| f.fingerprints.len() * 2);
        println!(
            "filter: {bytes} bytes for {} passwords; {false_positives} false positives in {tries}",
            size()
        );
        assert!(false_positives <= 10, "{false_positives} false positives in {tries}");
        assert!(bytes < 256 * 1024, "{bytes} bytes");
    }
}
