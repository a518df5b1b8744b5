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
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
        // The tail in at most two reads of fixed size (overlapping when it
        // is short), never a copy of variable length: words are short, and
        // hashing them is on the matcher's hot path.
        let r = chunks.remainder();
        let n = r.len();
        let tail = match n {
            0 => return,
            1..=3 => u64::from(r[0]) | u64::from(r[n / 2]) << 8 | u64::from(r[n - 1]) << 16,
            _ => {
                let (mut a, mut b) = ([0u8; 4], [0u8; 4]);
                a.copy_from_slice(&r[..4]);
                b.copy_from_slice(&r[n - 4..]);
                u64::from(u32::from_le_bytes(a)) | u64::from(u32::from_le_bytes(b)) << 32
            }
        };
        self.write_u64(tail);
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
    fn short_keys_differ() {
        let words = [
            "a", "b", "ab", "ba", "abc", "acb", "cab", "abcd", "abce", "abcde", "bcdea",
        ];
        let hashes: HashSet<u64> = words.iter().map(|w| hash(w.as_bytes())).collect();
        assert_eq!(hashes.len(), words.len());
        let tails: HashSet<u64> = (0..2000)
            .map(|i| hash(format!("{i:x}").as_bytes()) >> 32)
            .collect();
        assert_eq!(tails.len(), 2000);
    }

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
