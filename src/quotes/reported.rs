//! Reported (indirect) speech and the quoted fragments inside it.
//!
//! | rule | pattern |
//! |---|---|
//! | `speaker_cue_clause` | `X said (that) CLAUSE` / `X told Y (that) CLAUSE` / `X urged Y to …` |
//! | `clause_speaker_cue` | `CLAUSE, X said.` / `CLAUSE, said X.` |
//! | `according_to_clause` | `According to X, CLAUSE` / `CLAUSE, according to X.` |
//! | `participle_clause` | `…, X urged, saying CLAUSE` (the speaker of the clause before) |
//!
//! | `fragment_clause` | `X called her "weak"` / `X pledged to fight "cheating"` |
//!
//! A quoted passage inside the clause that is not itself a direct quote is
//! also reported as `partial`, with the same speaker and cue.

use std::collections::HashSet;

use crate::document::{Quote, QuoteKind, Speaker};
use crate::lexicon;
use crate::span::Span;

use super::context::{Context, Cue};
use super::scan::Quoted;
use super::speaker::{self, Phrase, Referent};

/// The fewest words a reported clause has.
const MIN_WORDS: usize = 3;

/// Finds reported speech; `direct` are the quotes already attributed.
pub(crate) fn find(ctx: &Context, direct: &[Quote], referents: &mut Vec<Referent>) -> Vec<Quote> {
    let mut out = Vec::new();
    // Cues of direct quotes say nothing more; a fragment's cue still
    // reports the clause around it.
    let used: HashSet<Span> = direct
        .iter()
        .filter(|f| f.kind == QuoteKind::Direct)
        .filter_map(|f| f.cue)
        .collect();
    for &sent in ctx.sentences {
        let first = ctx.token_at(sent.start);
        let end = ctx.token_at(sent.end);
        // The speaker of the sentence's last reported clause, for a
        // participle that continues it ("…, the groups urged, saying …").
        let mut last: Option<Phrase> = None;
        let mut i = first;
        while i < end {
            if ctx.quoted_token(i) {
                i += 1;
                continue;
            }
            let Some(c) = ctx.cue_at(i) else {
                i += 1;
                continue;
            };
            i = c.next;
            if !c.verb.reports || used.contains(&c.span) {
                continue;
            }
            if c.verb.participle && c.first > first && ctx.is(c.first - 1, ",") {
                let sp = last.or_else(|| speaker::subject(ctx, first, c.first));
                let s = skip_that(ctx, c.next, end);
                let stop = last_content_token(ctx, first, end)
                    .map_or(s, |l| clause_stop(ctx, s + 1, l + 1));
                if let (Some(sp), true) = (sp, s < stop) {
                    let content = span_of(ctx, s, stop);
                    push(
                        ctx,
                        &mut out,
                        referents,
                        direct,
                        sp,
                        content,
                        c,
                        "participle_clause",
                    );
                }
                continue;
            }
            if let Some((sp, content, rule)) = clause_of(ctx, c, first, end) {
                last = Some(sp);
                push(ctx, &mut out, referents, direct, sp, content, c, rule);
            }
        }
    }
    fragments(ctx, direct, referents, &mut out);
    out
}

/// Quoted fragments that no rule has covered yet, framed by a verb earlier
/// in their sentence: "he called her \"weak\" and …".
fn fragments(ctx: &Context, direct: &[Quote], referents: &mut Vec<Referent>, out: &mut Vec<Quote>) {
    // Which passages a record covers already: marked once, in one pass.
    let mut covered = vec![false; ctx.quoted.len()];
    let mark = |covered: &mut Vec<bool>, f: &Quote| {
        let a = ctx.quoted.partition_point(|q| q.inner.end <= f.span.start);
        for (i, q) in ctx.quoted.iter().enumerate().skip(a) {
            if q.inner.start >= f.span.end {
                break;
            }
            covered[i] |= q.inner.overlaps(f.span);
        }
    };
    for f in direct.iter().chain(out.iter()) {
        mark(&mut covered, f);
    }
    for (qi, q) in ctx.quoted.iter().enumerate() {
        if covered[qi] {
            continue;
        }
        let sent = ctx.sentence_at(q.open.start);
        let first = ctx.token_at(sent.start);
        let open = ctx.token_at(q.open.start);
        let lo = open.saturating_sub(20).max(first);
        let window = || (lo..open).rev().take_while(|&k| !ctx.quoted_token(k));
        // A cue, else the nearest word that looks like a verb ("pressed
        // for an entitlement-slashing “Grand Bargain”").
        let Some(c) = window()
            .find_map(|k| ctx.fragment_cue_at(k))
            .or_else(|| window().find_map(|k| ctx.verb_like_at(k)))
        else {
            continue;
        };
        // "…, the WHO said, calling the deal \"a first step\"": a participle
        // set off by a comma continues the clause before it.
        let set_off = c.verb.participle && c.first > first && ctx.is(c.first - 1, ",");
        let cue_at = ctx.tokens[c.first].span.start;
        let in_sentence = |f: &&Quote| {
            f.cue
                .is_some_and(|cs| cs.start >= sent.start && cs.end <= cue_at)
        };
        let earlier = out
            .iter()
            .rev()
            .take(8)
            .find(in_sentence)
            .or_else(|| near(direct, sent).filter(in_sentence).last())
            .and_then(|f| f.speaker.clone());
        let sp = if set_off {
            None
        } else {
            speaker::before(ctx, c.first, first, false)
        };
        let sp = match sp {
            Some(p) => Some(p),
            None if set_off && earlier.is_some() => None,
            None => speaker::subject(ctx, first, c.first)
                .or_else(|| speaker::nearest_name(ctx, first, c.first)),
        };
        if sp.is_none() && !(set_off && earlier.is_some()) {
            continue;
        }
        let mut s = c.next;
        if ctx.is_word(s, "that") {
            s += 1;
        }
        // The clause ends after the fragment, at the next comma, semicolon,
        // dash or the sentence end; a comma inside the marks ends it at once.
        let end_tok = ctx.token_at(sent.end);
        let after = ctx.token_at(q.outer().end);
        let inner_comma = q.inner.as_str(ctx.text).ends_with(',');
        let stop = if inner_comma {
            after
        } else {
            (after..end_tok)
                .find(|&k| {
                    !ctx.quoted_token(k)
                        && [",", ";", "—", "–", ".", "?", "!"]
                            .iter()
                            .any(|p| ctx.is(k, p))
                })
                .unwrap_or(end_tok)
        };
        if s >= stop {
            continue;
        }
        let content = span_of(ctx, s, stop);
        if !content.contains(q.inner) {
            continue;
        }
        let before = out.len();
        match (sp, earlier) {
            (Some(sp), _) => push(
                ctx,
                out,
                referents,
                direct,
                sp,
                content,
                c,
                "fragment_clause",
            ),
            (None, Some(speaker)) if valid_clause(ctx, direct, content) => {
                push_speaker(ctx, out, direct, speaker, content, c, "fragment_clause")
            }
            _ => {}
        }
        for f in &out[before..] {
            mark(&mut covered, f);
        }
    }
}

/// The speaker phrase, the content and the rule for a cue.
fn clause_of(
    ctx: &Context,
    c: Cue,
    first: usize,
    end: usize,
) -> Option<(Phrase, Span, &'static str)> {
    let last_word = last_content_token(ctx, first, end)?;
    if c.speaker_after {
        // "According to X, CLAUSE" / "CLAUSE, according to X."
        let sp = speaker::after(ctx, c.next, end, false)?;
        if c.first == first || (c.first == first + 1 && !ctx.tokens[first].word) {
            if !ctx.is(sp.end, ",") {
                return None;
            }
            let content = span_of(ctx, sp.end + 1, last_word + 1);
            return Some((sp, content, "according_to_clause"));
        }
        if c.first > first && ctx.is(c.first - 1, ",") && sp.end > last_word {
            let content = span_of(ctx, first, c.first - 1);
            return Some((sp, content, "according_to_clause"));
        }
        return None;
    }
    // "CLAUSE, X said." / "CLAUSE, said X." — the cue ends the clause.
    // What may follow the cue at the end: "on Friday", "in a report".
    // Or an object and a comma: "…, he told friends, in which …".
    let object_then_comma = |from: usize| {
        (from..end.min(from + 4))
            .find(|&k| ctx.is(k, ","))
            .is_some_and(|k| (from..k).all(|j| ctx.tokens[j].word))
    };
    let tail_ok = |from: usize| {
        let words = (from..end).filter(|&k| ctx.tokens[k].word).count();
        object_then_comma(from)
            || words <= 8
                && (from..end).all(|k| {
                    !ctx.is_word(k, "that") && !ctx.quoted_token(k) && !ctx.tokens[k].capital || {
                        let mut b = [0u8; 32];
                        ctx.lower(k, &mut b)
                            .is_some_and(|w| lexicon::TIME_WORDS.contains(&w))
                    }
                })
    };
    // "CLAUSE, said X." / "CLAUSE ''quoted,'' said X, the expert." — the
    // comma (or a comma inside the closing mark) before the cue.
    let comma_before = c.first > first
        && (ctx.is(c.first - 1, ",")
            || ctx.quoted_token(c.first - 1) && ends_with_comma_quote(ctx, c.first - 1));
    if comma_before && c.first - 1 > first {
        if let Some(sp) = speaker::after(ctx, c.next, end, false) {
            let closes = |k: usize| [".", ",", "!", "?", ";"].iter().any(|p| ctx.is(k, p));
            if sp.end >= end || closes(sp.end) {
                let ce = if ctx.is(c.first - 1, ",") {
                    c.first - 1
                } else {
                    c.first
                };
                let content = span_of(ctx, skip_dateline(ctx, first, ce), ce);
                return Some((sp, content, "clause_speaker_cue"));
            }
        }
    }
    if let Some(sp) = speaker::before(ctx, c.first, first, false) {
        // The clause ends with a comma, or with a quote whose comma is
        // inside its closing mark (… on a global scale," the letter said).
        let clause_end = if sp.first > first && ctx.is(sp.first - 1, ",") {
            Some(sp.first - 1)
        } else if sp.first > first
            && ctx.quoted_token(sp.first - 1)
            && ends_with_comma_quote(ctx, sp.first - 1)
        {
            Some(sp.first)
        } else {
            None
        };
        if let (Some(ce), true) = (clause_end, tail_ok(c.next) || ctx.is(c.next, ",")) {
            let content = span_of(ctx, skip_dateline(ctx, first, ce), ce);
            return Some((sp, content, "clause_speaker_cue"));
        }
        // "X said (that) CLAUSE"; also the parenthetical "In 2008, X said,
        // CLAUSE".
        let mut s = skip_that(ctx, c.next, end);
        if s == c.next && ctx.is(s, ",") && !ctx.cue_at(s + 1).is_some_and(|n| n.verb.participle) {
            s += 1;
        }
        if s < end && !ctx.tokens[s].word && !is_open_mark(ctx, s) {
            return None;
        }
        if s > last_word {
            return None;
        }
        // "agreed on Monday to ban …", "spoke about …": a prepositional
        // phrase is no reported clause.
        let mut b = [0u8; 32];
        if s == c.next
            && ctx
                .lower(s, &mut b)
                .is_some_and(|w| lexicon::CLAUSE_BLOCKERS.contains(&w))
        {
            return None;
        }
        // The clause ends before ", noting …" / ", adding …", which go on
        // with the same speaker.
        // So does a comma before a relative or concessive clause (", which
        // …", ", though …"), also when the comma ends a quote ("corrupt,").
        let stop = clause_stop(ctx, s, last_word + 1);
        let content = span_of(ctx, s, stop);
        return Some((sp, content, "speaker_cue_clause"));
    }
    None
}

/// Where a reported clause from token `s` ends, at most at `end`: before
/// ", noting …", ", which …", ", though …" and the like — the comma may
/// be the last character of a quote (`"corrupt," noting …`).
fn clause_stop(ctx: &Context, s: usize, end: usize) -> usize {
    let opens_new_clause = |k: usize| {
        let mut b = [0u8; 32];
        ctx.cue_at(k).is_some_and(|n| n.verb.participle)
            || ctx
                .lower(k, &mut b)
                .is_some_and(|w| lexicon::CLAUSE_ENDERS.contains(&w))
    };
    for k in s..end {
        if ctx.is(k, ",") && !ctx.quoted_token(k) && opens_new_clause(k + 1) {
            return k;
        }
        if ctx.quoted_token(k)
            && ends_with_comma_quote(ctx, k)
            && k + 1 < end
            && opens_new_clause(k + 1)
        {
            return k + 1;
        }
    }
    end
}

/// True when token `k`, a closing quotation mark, closes a quote whose
/// words end with a comma.
fn ends_with_comma_quote(ctx: &Context, k: usize) -> bool {
    let at = ctx.tokens[k].span.end;
    let i = ctx.quoted.partition_point(|q| q.outer().end < at);
    ctx.quoted
        .get(i)
        .filter(|q| q.close.is_some_and(|c| c.end == at))
        .is_some_and(|q| q.inner.as_str(ctx.text).ends_with(','))
}

/// The quoted passages whose opening mark lies within `span`.
fn quotes_within<'c>(ctx: &'c Context, span: Span) -> &'c [Quoted] {
    let a = ctx.quoted.partition_point(|q| q.open.start < span.start);
    let b = ctx.quoted.partition_point(|q| q.open.start < span.end);
    &ctx.quoted[a..b.max(a)]
}

/// The records of `found` (sorted by start) that may overlap `span`: the
/// few before it and those starting inside it.
fn near<'f>(found: &'f [Quote], span: Span) -> impl Iterator<Item = &'f Quote> + 'f {
    let i = found.partition_point(|f| f.span.start < span.start);
    found[i.saturating_sub(4)..]
        .iter()
        .take_while(move |f| f.span.start < span.end)
}

/// Skips a dateline opening a story ("LONDON (Reuters) -", "New York,
/// November 28 (RHC)--"): names, numbers, commas and an agency in brackets,
/// then a dash.
fn skip_dateline(ctx: &Context, first: usize, end: usize) -> usize {
    let para = ctx.paragraph_at(ctx.tokens.get(first).map_or(0, |t| t.span.start));
    if ctx
        .tokens
        .get(first)
        .map_or(true, |t| t.span.start != para.start)
    {
        return first;
    }
    for k in first..end.min(first + 16) {
        let t = ctx.tokens[k];
        if ["-", "—", "–"].iter().any(|d| ctx.is(k, d)) {
            if k == first {
                return first;
            }
            let mut s = k + 1;
            while s < end && ["-", "—", "–"].iter().any(|d| ctx.is(s, d)) {
                s += 1;
            }
            return s;
        }
        let fits = if t.word {
            t.capital || ctx.word(k).chars().all(|c| c.is_ascii_digit())
        } else {
            [",", "(", ")", "."].iter().any(|p| ctx.is(k, p))
        };
        if !fits {
            return first;
        }
    }
    first
}

/// Skips "last week that" / "that," after a cue: where the clause starts.
fn skip_that(ctx: &Context, from: usize, end: usize) -> usize {
    let mut s = from;
    let lim = (s + 6).min(end);
    // Only time words ("last week") or a short object ("told CNN", "told
    // reporters") may stand between the cue and "that"; in "said there was
    // evidence that …" the clause starts at "there".
    let skippable = |k: usize| {
        let mut b = [0u8; 32];
        let t = ctx.tokens[k];
        t.word
            && (t.capital
                || ctx.lower(k, &mut b).is_some_and(|w| {
                    lexicon::TIME_WORDS.contains(&w)
                        || lexicon::pronoun(w).is_some()
                        || lexicon::BEFORE_THAT.contains(w)
                }))
    };
    if let Some(t) = (s..lim).find(|&k| ctx.is_word(k, "that")) {
        if (s..t).all(|k| ctx.tokens[k].word) && (s..t).filter(|&k| !skippable(k)).count() <= 1 {
            s = t + 1;
            // "noted that, when …, …"
            if ctx.is(s, ",") {
                s += 1;
            }
        }
    }
    s
}

fn is_open_mark(ctx: &Context, k: usize) -> bool {
    matches!(ctx.word(k), "\"" | "“" | "«" | "„" | "'" | "‘")
}

/// The last token of the sentence that is not final punctuation.
fn last_content_token(ctx: &Context, first: usize, end: usize) -> Option<usize> {
    (first..end)
        .rev()
        .find(|&k| ctx.tokens[k].word || !matches!(ctx.word(k), "." | "!" | "?" | "," | ";" | ":"))
}

/// The text span from token `a` to token `b` (exclusive).
fn span_of(ctx: &Context, a: usize, b: usize) -> Span {
    if a >= b || b > ctx.tokens.len() {
        return Span::new(0, 0);
    }
    Span::new(ctx.tokens[a].span.start, ctx.tokens[b - 1].span.end)
}

/// True when `content` is worth a record: long enough, and not a direct
/// quote found already.
fn valid_clause(ctx: &Context, direct: &[Quote], content: Span) -> bool {
    // A clause around a quoted fragment may be short: "it ''predatory''".
    let has_quote = quotes_within(ctx, content)
        .iter()
        .any(|q| content.contains(q.inner));
    let min = if has_quote { 2 } else { MIN_WORDS };
    !content.is_empty()
        && content.as_str(ctx.text).split_whitespace().count() >= min
        && !near(direct, content).any(|d| {
            d.kind == QuoteKind::Direct
                && d.span.overlaps(content)
                && d.span.len() * 2 > content.len()
        })
}

/// Records a reported clause for the speaker phrase `sp`.
#[allow(clippy::too_many_arguments)]
fn push(
    ctx: &Context,
    out: &mut Vec<Quote>,
    referents: &mut Vec<Referent>,
    direct: &[Quote],
    sp: Phrase,
    content: Span,
    c: Cue,
    rule: &'static str,
) {
    if !valid_clause(ctx, direct, content) {
        return;
    }
    let (speaker, r) = speaker::make(ctx, sp);
    referents.extend(r);
    push_speaker(ctx, out, direct, speaker, content, c, rule);
}

/// Records a reported clause and the quoted fragments inside it.
fn push_speaker(
    ctx: &Context,
    out: &mut Vec<Quote>,
    direct: &[Quote],
    speaker: Speaker,
    content: Span,
    c: Cue,
    rule: &'static str,
) {
    let confidence = if rule == "speaker_cue_clause" {
        0.7
    } else {
        0.65
    };
    for q in quotes_within(ctx, content) {
        if content.contains(q.outer()) || content.contains(q.inner) {
            let is_direct =
                near(direct, q.inner).any(|d| d.span == q.inner && d.kind == QuoteKind::Direct);
            if !is_direct {
                out.push(Quote {
                    span: q.inner,
                    kind: QuoteKind::Partial,
                    speaker: Some(speaker.clone()),
                    cue: Some(c.span),
                    confidence,
                    rule,
                });
            }
        }
    }
    out.push(Quote {
        span: content,
        kind: QuoteKind::Indirect,
        speaker: Some(speaker),
        cue: Some(c.span),
        confidence,
        rule,
    });
}
