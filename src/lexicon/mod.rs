//! Every word list whosaid uses, in one place.
//!
//! Lexicons are data: cue verbs, titles, pronouns, abbreviations and the
//! common English words that make an alias case-sensitive. Code elsewhere
//! asks these lists questions; it never carries its own literals.

mod abbrev;
mod names;
mod speech;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::hash::FxBuildHasher;

pub(crate) use abbrev::*;
pub(crate) use names::*;
pub(crate) use speech::*;

/// Lower-cases an ASCII word for lexicon look-ups (into `buf` when it has
/// capitals); `None` for words that are too long or not ASCII (no lexicon
/// entry is).
pub(crate) fn lower<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    // Most words are in lower case already: no copy.
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(word);
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// A word list with constant-time look-ups (a hash set built on first use).
#[derive(Debug)]
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<Lookup>,
}

/// A word list's hash set, behind a cheap test that turns most other words
/// away before hashing: the lengths of the words that start with each byte.
#[derive(Debug)]
struct Lookup {
    set: HashSet<&'static str, FxBuildHasher>,
    /// For each first byte, bit `n`: some word starting with it is `n`
    /// bytes long (63 stands for 63 or more; the empty word sets bit 0 of
    /// byte 0).
    lengths: [u64; 256],
}

impl WordSet {
    /// A set of `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// True when `word` is in the list (exactly as written).
    pub(crate) fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        let word = word.as_ref();
        let first = word.as_bytes().first().copied().unwrap_or(0);
        self.may_hold(word.len(), first) && self.lookup().set.contains(word)
    }

    /// False when no word of the list is `len` bytes long and starts with
    /// byte `first`: a test that costs no hashing, for scans of whole texts.
    pub(crate) fn may_hold(&self, len: usize, first: u8) -> bool {
        self.lookup().lengths[usize::from(first)] & (1 << len.min(63)) != 0
    }

    fn lookup(&self) -> &Lookup {
        self.set.get_or_init(|| {
            let mut lookup = Lookup {
                set: self.words.iter().copied().collect(),
                lengths: [0; 256],
            };
            for w in self.words {
                let first = w.as_bytes().first().copied().unwrap_or(0);
                lookup.lengths[usize::from(first)] |= 1 << w.len().min(63);
            }
            lookup
        })
    }

    /// The words, in list order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.words.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_answer_as_their_lists() {
        static SET: WordSet = WordSet::new(&["", "a", "said", "according"]);
        for w in ["", "a", "said", "according"] {
            assert!(SET.contains(w), "{w:?}");
        }
        for w in ["b", "sai", "saidx", "According", "s", "according to"] {
            assert!(!SET.contains(w), "{w:?}");
        }
        static LONG: WordSet = WordSet::new(&[
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        ]);
        assert!(LONG.contains(
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
        ));
        assert!(!LONG.contains(
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyZ"
        ));
    }

    #[test]
    fn lower_cases_ascii_words_only() {
        let mut buf = [0u8; 32];
        assert_eq!(lower("Said", &mut buf), Some("said"));
        assert_eq!(lower("said", &mut buf), Some("said"));
        assert_eq!(lower("SAID", &mut buf), Some("said"));
        assert_eq!(lower("Señor", &mut buf), None);
        assert_eq!(lower(&"a".repeat(33), &mut buf), None);
        assert_eq!(
            lower(&"A".repeat(32), &mut buf),
            Some("a".repeat(32).as_str())
        );
    }
}
