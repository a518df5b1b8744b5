//! Every word list whosaid uses, in one place.
//!
//! Lexicons are data: cue verbs, titles, pronouns, abbreviations and the
//! common English words that make an alias case-sensitive. Code elsewhere
//! asks these lists questions; it never carries its own literals.

mod abbrev;
mod names;

pub(crate) use abbrev::*;
pub(crate) use names::*;
