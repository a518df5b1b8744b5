//! The word index: the matching engine for very large gazetteers.
//!
//! A name found at a token starts with the token's first word, so the names
//! worth comparing there are those filed under the hash of the token's first
//! word (one-word names) or first two words (longer names): the name's
//! *key* (see `name_key` in the parent module). The index maps keys to their
//! names with a look-up that touches two places in memory, which is what
//! counts once a gazetteer of a million names no longer fits in cache:
//!
//! - an open-addressed table of keys (linear probing, at most half full),
//!   each slot holding the top half of its key's hash and where its record
//!   starts: eight bytes a slot, so that the table stays small;
//! - the records, back to back: each starts with its number of names, then
//!   for each name, longest first, its pattern id and length (four bytes
//!   each, little-endian) and its folded bytes.
//!
//! Two keys may share the top half of their hash: a look-up may then read
//! the wrong record, whose names the text's bytes do not match; what it
//! finds is always right.

use crate::error::{Error, ErrorKind};

/// One slot of the table: the top half of a key and one more than the
/// start of its record (0: an empty slot).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    tag: u32,
    record: u32,
}

/// Names by their first one or two words.
#[derive(Debug)]
pub(super) struct WordIndex {
    /// The key table; its length is a power of two.
    slots: Box<[Slot]>,
    /// Every key's record.
    records: Box<[u8]>,
}

/// The bytes before a name's own in its record: pattern id and length.
const HEADER: usize = 8;

impl WordIndex {
    /// The index of `patterns` (start and length in `arena`), whose keys
    /// are `keys` (the second of each pair; see `name_key`).
    pub(super) fn new(
        arena: &str,
        patterns: &[(u32, u32)],
        keys: &[(u64, u64)],
    ) -> Result<WordIndex, Error> {
        // Names grouped by key, longest first, then in pattern order.
        let mut keyed: Vec<(u64, u32, u32)> = keys
            .iter()
            .zip(patterns)
            .enumerate()
            .map(|(p, (&(_, key), &(_, len)))| (key, len, p as u32))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let groups = 1 + keyed.windows(2).filter(|w| w[0].0 != w[1].0).count();
        let slots_len = (groups * 2).next_power_of_two().max(8);
        let mut slots = vec![Slot::default(); slots_len].into_boxed_slice();
        let size: usize = 4 * groups
            + keyed
                .iter()
                .map(|&(_, len, _)| HEADER + len as usize)
                .sum::<usize>();
        let too_large = || Error::new(ErrorKind::Option, "gazetteer names exceed 4 GB");
        if u32::try_from(size + 1).is_err() {
            return Err(too_large());
        }
        let mut records = Vec::with_capacity(size);
        let mask = slots_len - 1;
        let mut i = 0;
        while i < keyed.len() {
            let key = keyed[i].0;
            let start = records.len() as u32;
            let j = i + keyed[i..].iter().take_while(|k| k.0 == key).count();
            records.extend_from_slice(&((j - i) as u32).to_le_bytes());
            for &(_, len, p) in &keyed[i..j] {
                let name = patterns
                    .get(p as usize)
                    .and_then(|&(s, l)| arena.as_bytes().get(s as usize..(s + l) as usize))
                    .ok_or_else(too_large)?;
                records.extend_from_slice(&p.to_le_bytes());
                records.extend_from_slice(&len.to_le_bytes());
                records.extend_from_slice(name);
            }
            let mut at = slot_of(key, mask);
            while slots[at].record != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = Slot {
                tag: tag_of(key),
                record: start + 1,
            };
            i = j;
        }
        Ok(WordIndex {
            slots,
            records: records.into_boxed_slice(),
        })
    }

    /// Calls `found(pattern id, length)` for every name filed under `key`
    /// that starts `rest`, longest first.
    pub(super) fn each_starting(&self, key: u64, rest: &[u8], mut found: impl FnMut(u32, usize)) {
        let mask = self.slots.len() - 1;
        let tag = tag_of(key);
        let mut at = slot_of(key, mask);
        // The table is at most half full: an empty slot ends every probe.
        // A slot of another key with the same tag leads to names that the
        // text's bytes are compared with all the same.
        while let Some(&slot) = self.slots.get(at) {
            if slot.record == 0 {
                return;
            }
            if slot.tag == tag {
                self.each_in_record(slot.record as usize - 1, rest, &mut found);
            }
            at = (at + 1) & mask;
        }
    }

    /// Calls `found` for every name of the record at byte `at` that starts
    /// `rest`.
    fn each_in_record(&self, mut at: usize, rest: &[u8], found: &mut impl FnMut(u32, usize)) {
        let Some(count) = self.u32_at(at) else {
            return;
        };
        at += 4;
        for _ in 0..count {
            let (Some(id), Some(len)) = (self.u32_at(at), self.u32_at(at + 4)) else {
                return;
            };
            let name_at = at + HEADER;
            let len = len as usize;
            let Some(name) = self.records.get(name_at..name_at + len) else {
                return;
            };
            if rest.starts_with(name) {
                found(id, len);
            }
            at = name_at + len;
        }
    }

    /// The little-endian `u32` at byte `at` of the records.
    fn u32_at(&self, at: usize) -> Option<u32> {
        let b = self.records.get(at..at + 4)?;
        Some(u32::from_le_bytes(b.try_into().ok()?))
    }
}

/// The first slot to probe for `key`: its low bits (the crate's hash mixes
/// its high bits down).
fn slot_of(key: u64, mask: usize) -> usize {
    key as usize & mask
}

/// What a slot keeps of `key`: its top half.
fn tag_of(key: u64) -> u32 {
    (key >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_under_their_key_longest_first() {
        let arena = "new yorknew york timesparis";
        let patterns = [(0, 8), (8, 14), (22, 5)];
        // Two names share a key; a key no name has finds nothing.
        let keys = [(1, 7), (1, 7), (2, 9)];
        let index = WordIndex::new(arena, &patterns, &keys).unwrap();
        let found = |key: u64, rest: &str| {
            let mut out = Vec::new();
            index.each_starting(key, rest.as_bytes(), |id, len| out.push((id, len)));
            out
        };
        assert_eq!(found(7, "new york times square"), [(1, 14), (0, 8)]);
        assert_eq!(found(7, "new york city"), [(0, 8)]);
        assert_eq!(found(9, "paris"), [(2, 5)]);
        assert!(found(9, "pari").is_empty());
        assert!(found(8, "new york").is_empty());
    }

    #[test]
    fn probes_wrap_around_a_crowded_table() {
        // Keys that all want the last slots wrap to the first ones; they
        // share their tag (the top half is 0), so every probe reads every
        // record, and only the text's bytes tell the names apart.
        let arena = "abcdefgh";
        let patterns: Vec<(u32, u32)> = (0..8).map(|i| (i, 1)).collect();
        let keys: Vec<(u64, u64)> = (0..8).map(|i| (0, 15 + 16 * i)).collect();
        let index = WordIndex::new(arena, &patterns, &keys).unwrap();
        for (i, c) in "abcdefgh".bytes().enumerate() {
            let mut hits = Vec::new();
            index.each_starting(15 + 16 * i as u64, &[c], |id, _| hits.push(id));
            assert_eq!(hits, [i as u32]);
        }
    }
}
