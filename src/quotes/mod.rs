//! Quotations and their speakers.
//!
//! The stage takes the text, its sentences and its entity mentions and
//! returns [`Quote`]s:
//! 1. [`scan`] pairs quotation marks into quoted passages;
//! 2. [`direct`] attributes each passage by the patterns around it (cue and
//!    speaker after it, before it, a dash, a colon, an introduction in the
//!    previous paragraph) or by continuation from the previous quote, and
//!    decides whether it is direct speech or a fragment;
//! 3. [`reported`] finds reported speech ("X said that …", "…, X said",
//!    "according to X") and the quoted fragments inside it;
//! 4. pronoun speakers are resolved ([`speaker`]).

mod context;
mod direct;
mod reported;
mod scan;
mod speaker;

use crate::document::{Entity, Quote, QuoteKind};
use crate::span::Span;
use crate::token;

use context::Context;

/// Finds the quotes of `text`.
pub(crate) fn extract(text: &str, sentences: &[Span], entities: &[Entity]) -> Vec<Quote> {
    let quoted = scan::scan(text);
    let tokens = token::tokenize(text);
    let ctx = Context::new(text, tokens, sentences, entities, quoted);
    let mut referents = speaker::entity_referents(&ctx);
    let mut found = direct::attribute(&ctx, &mut referents);
    let reported = reported::find(&ctx, &found, &mut referents);
    found.extend(reported);
    referents.sort_by_key(|r| r.at);
    // Pronouns are resolved once every referent is known.
    for q in &mut found {
        if let Some(sp) = q.speaker.as_mut() {
            if sp.canonical.is_none() && speaker::resolve_pronoun(&ctx, sp, &referents) {
                q.confidence *= 0.9;
            }
        }
        q.confidence = q.confidence.clamp(0.0, 1.0);
    }
    let mut out = found;
    out.sort_by_key(|q| (q.span.start, kind_order(q.kind), q.span.end));
    out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    out
}

fn kind_order(k: QuoteKind) -> u8 {
    match k {
        QuoteKind::Direct => 0,
        QuoteKind::Indirect => 1,
        QuoteKind::Partial => 2,
    }
}
