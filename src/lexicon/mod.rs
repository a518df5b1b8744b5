//! Every word list whosaid uses, in one place.
//!
//! Lexicons are data: cue verbs, titles, pronouns, abbreviations and the
//! common English words that make an alias case-sensitive. Code elsewhere
//! asks these lists questions; it never carries its own literals.

mod abbrev;
mod names;
mod speech;

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
