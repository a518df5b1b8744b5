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

/// Lower-cases an ASCII word into `buf` for lexicon look-ups; `None` for
/// words that are too long or not ASCII (no lexicon entry is).
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
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
