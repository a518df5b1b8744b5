//! What the attribution rules look at: tokens, sentences, paragraphs and
//! quoted passages of one text, with fast position look-ups.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::document::Entity;
use crate::hash::FxBuildHasher;
use crate::lexicon::{self, CueVerb};
use crate::span::Span;
use crate::token::Token;

use super::scan::Quoted;

/// A cue found at a token: the cue's span, the token after it, and the verb.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    pub(crate) span: Span,
    /// First token index of the cue.
    pub(crate) first: usize,
    /// Token index just after the cue.
    pub(crate) next: usize,
    pub(crate) verb: CueVerb,
    /// "according to": the speaker comes after the cue.
    pub(crate) speaker_after: bool,
}

/// One text's tokens, sentences, paragraphs and quotes.
pub(crate) struct Context<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: Vec<Token>,
    pub(crate) sentences: &'t [Span],
    pub(crate) entities: &'t [Entity],
    pub(crate) quoted: Vec<Quoted>,
    /// For each token, the index of the quoted passage it lies in (outer
    /// span, marks included), if any.
    in_quote: Vec<Option<u32>>,
    /// Byte offsets of line breaks.
    breaks: Vec<usize>,
    /// The longest capitalised run ending with each word, built on first use.
    names: OnceCell<HashMap<&'t str, Span, FxBuildHasher>>,
}

impl<'t> Context<'t> {
    pub(crate) fn new(
        text: &'t str,
        tokens: Vec<Token>,
        sentences: &'t [Span],
        entities: &'t [Entity],
        quoted: Vec<Quoted>,
    ) -> Context<'t> {
        let mut in_quote = vec![None; tokens.len()];
        let mut qi = 0;
        for (ti, t) in tokens.iter().enumerate() {
            while qi < quoted.len() && quoted[qi].outer().end <= t.span.start {
                qi += 1;
            }
            if let Some(q) = quoted.get(qi) {
                if q.outer().start <= t.span.start && t.span.end <= q.outer().end {
                    in_quote[ti] = Some(qi as u32);
                }
            }
        }
        let breaks = text.match_indices('\n').map(|(i, _)| i).collect();
        Context {
            text,
            tokens,
            sentences,
            entities,
            quoted,
            in_quote,
            breaks,
            names: OnceCell::new(),
        }
    }

    /// The longest run of capitalised words that ends with `word`.
    pub(crate) fn longest_name_ending(&self, word: &str) -> Option<Span> {
        self.names
            .get_or_init(|| super::speaker::name_runs(self))
            .get(word)
            .copied()
    }

    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// True when token `i` is the punctuation `p`.
    pub(crate) fn is(&self, i: usize, p: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.word) && self.word(i) == p
    }

    /// True when token `i` is a word equal to `w` ignoring ASCII case.
    pub(crate) fn is_word(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word) && self.word(i).eq_ignore_ascii_case(w)
    }

    /// True when token `i` lies inside a quoted passage.
    pub(crate) fn quoted_token(&self, i: usize) -> bool {
        self.in_quote.get(i).copied().flatten().is_some()
    }

    /// The first token starting at or after byte `at`.
    pub(crate) fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }

    /// The token containing byte `at`, or else the first one after it.
    pub(crate) fn token_over(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= at)
    }

    /// The sentence containing byte `at` (or the last one starting before it).
    pub(crate) fn sentence_at(&self, at: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.start <= at);
        match i.checked_sub(1).and_then(|i| self.sentences.get(i)) {
            Some(s) => *s,
            None => Span::new(0, self.text.len()),
        }
    }

    /// The paragraph containing byte `at`: from after the previous line
    /// break to the next one.
    pub(crate) fn paragraph_at(&self, at: usize) -> Span {
        let i = self.breaks.partition_point(|&b| b < at);
        let start = i.checked_sub(1).map_or(0, |j| self.breaks[j] + 1);
        let end = self.breaks.get(i).copied().unwrap_or(self.text.len());
        Span::new(start, end)
    }

    /// The index of the paragraph containing byte `at`.
    pub(crate) fn paragraph_index(&self, at: usize) -> usize {
        self.breaks.partition_point(|&b| b < at)
    }

    /// The cue starting at token `i`, if one does (multi-word cues first).
    pub(crate) fn cue_at(&self, i: usize) -> Option<Cue> {
        let t = self.tokens.get(i)?;
        if !t.word {
            return None;
        }
        let mut buf = [0u8; 32];
        let lw = self.lower(i, &mut buf)?;
        // Most words are no cue at all: one look-up rules them out.
        let cw = lexicon::cue_word(lw)?;
        let phrases = if cw.starts_phrase {
            lexicon::CUE_PHRASES
        } else {
            &[]
        };
        for &(phrase, after) in phrases {
            if let Some(next) = self.phrase_at(i, phrase) {
                let last = self.tokens.get(next - 1)?;
                let verb = CueVerb {
                    reports: true,
                    frames_only: false,
                    participle: self.verb_of(i).is_some_and(|v| v.participle),
                };
                return Some(Cue {
                    span: Span::new(t.span.start, last.span.end),
                    first: i,
                    next,
                    verb,
                    speaker_after: after,
                });
            }
        }
        // A capitalised verb form is a name or a heading ("States"), not a
        // cue; after a determiner it is a noun ("the report").
        if t.capital {
            return None;
        }
        let verb = cw.verb?;
        if self.after_determiner(i) {
            return None;
        }
        self.cue_verb_at(i, verb)
    }

    /// A cue that only frames quoted fragments is a cue only for them.
    fn cue_verb_at(&self, i: usize, verb: CueVerb) -> Option<Cue> {
        let t = self.tokens.get(i)?;
        if verb.frames_only {
            return None;
        }
        Some(Cue {
            span: t.span,
            first: i,
            next: i + 1,
            verb,
            speaker_after: false,
        })
    }

    /// Like [`cue_at`](Context::cue_at), also accepting verbs that only
    /// frame quoted fragments ("called her \"weak\"").
    pub(crate) fn fragment_cue_at(&self, i: usize) -> Option<Cue> {
        let t = self.tokens.get(i)?;
        if !t.word || t.capital || self.after_determiner(i) {
            return self.cue_at(i);
        }
        match self.verb_of(i) {
            Some(v) if v.frames_only => Some(Cue {
                span: t.span,
                first: i,
                next: i + 1,
                verb: v,
                speaker_after: false,
            }),
            _ => self.cue_at(i),
        }
    }

    /// The last cue that ends by token `end` (exclusive) and starts at or
    /// after `lo`; a longer cue that covers it wins ("went on to say",
    /// "said in a statement").
    pub(crate) fn last_cue(&self, lo: usize, end: usize) -> Option<Cue> {
        let i = (lo..end)
            .rev()
            .find(|&i| self.cue_at(i).is_some_and(|c| c.next <= end))?;
        let mut best = self.cue_at(i)?;
        for j in (lo..i).rev().take(3) {
            if let Some(c) = self.cue_at(j).filter(|c| c.next > i && c.next <= end) {
                best = c;
            }
        }
        Some(best)
    }

    /// True when token `i` follows a determiner or a possessive ("the
    /// report", "his post", "Trump's remarks").
    pub(crate) fn after_determiner(&self, i: usize) -> bool {
        let mut buf = [0u8; 32];
        i > 0
            && self.tokens[i - 1].word
            && (self.tokens[i - 1].possessive > 0
                || self.lower(i - 1, &mut buf).is_some_and(|w| {
                    lexicon::DETERMINERS.contains(&w) && !lexicon::NON_NOUN_DETERMINERS.contains(w)
                }))
    }

    /// A word that looks like a verb (a lower-case "-ed" or "-ing" form, or
    /// a common verb) as a weak cue for a quoted fragment after it.
    pub(crate) fn verb_like_at(&self, i: usize) -> Option<Cue> {
        let t = self.tokens.get(i)?;
        if !t.word || t.capital || self.after_determiner(i) {
            return None;
        }
        let mut buf = [0u8; 32];
        let w = self.lower(i, &mut buf)?;
        let looks = lexicon::VERB_ENDINGS
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
            || lexicon::COMMON_VERBS.contains(&w);
        looks.then_some(Cue {
            span: t.span,
            first: i,
            next: i + 1,
            verb: CueVerb {
                reports: false,
                frames_only: true,
                participle: w.ends_with("ing"),
            },
            speaker_after: false,
        })
    }

    fn verb_of(&self, i: usize) -> Option<CueVerb> {
        let mut buf = [0u8; 32];
        lexicon::lower(self.word(i), &mut buf).and_then(lexicon::cue_verb)
    }

    /// When the words of `phrase` start at token `i`, the token after them.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for w in phrase.split(' ') {
            if !self.is_word(j, w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The lower-cased form of token `i` (in `buf` when it had capitals),
    /// for lexicon look-ups.
    pub(crate) fn lower<'b>(&self, i: usize, buf: &'b mut [u8; 32]) -> Option<&'b str>
    where
        't: 'b,
    {
        lexicon::lower(self.word(i), buf)
    }

    /// Entities lying within `span`.
    pub(crate) fn entities_in(&self, span: Span) -> &'t [Entity] {
        let a = self.entities.partition_point(|e| e.span.start < span.start);
        let b = self.entities.partition_point(|e| e.span.start < span.end);
        let slice = &self.entities[a..b.max(a)];
        let n = slice.iter().take_while(|e| e.span.end <= span.end).count();
        &slice[..n]
    }
}
