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
    set: OnceLock<HashSet<&'static str, FxBuildHasher>>,
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
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word.as_ref())
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
