//! A small, fast, non-cryptographic hash for the crate's own tables (names,
//! ids, lexicon words). The keys come from gazetteers and lexicons, not from
//! untrusted input, so hash flooding is no concern.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`FxHasher`]s for `HashMap`/`HashSet`.
pub(crate) type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// A small, fast hash for keys (FxHash's multiply-rotate).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        // The multiply only carries low bits upwards; fold the high bits
        // back down so that tables indexed by the low bits spread well.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

/// The hash of a byte string (its length included).
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.write_u64(bytes.len() as u64);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_differing_in_late_bytes_spread_over_low_bits() {
        let lows: HashSet<u64> = (0..1000)
            .map(|i| hash(format!("synthetic-{i:06}").as_bytes()) & 0xfff)
            .collect();
        assert!(
            lows.len() > 700,
            "only {} distinct low bit patterns",
            lows.len()
        );
    }
}
