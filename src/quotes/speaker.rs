//! Speaker phrases: the noun phrase next to a cue that names the source,
//! and what it resolves to (a gazetteer entity, the fullest form of a name
//! in the article, or, for pronouns, the most recent compatible mention).
//!
//! Pronoun rule: "he" and "she" take the most recent person mentioned
//! before them whose gender (from the gazetteer or a title such as Mr or Ms)
//! does not contradict the pronoun; "they" takes the most recent group
//! (a plural phrase such as "the media outlets") or organisation; "it" the
//! most recent organisation or document. "I" and "we" are never resolved.
//! Mentions inside quotation marks are not candidates.

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::{Entity, Speaker};
use crate::gazetteer::{Gender, Label};
use crate::hash::FxBuildHasher;
use crate::lexicon;
use crate::span::Span;

use super::context::Context;

/// The most tokens a speaker phrase may have.
const MAX_BEFORE: usize = 8;
const MAX_AFTER: usize = 14;

/// A speaker phrase: token range `[first, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub(crate) first: usize,
    pub(crate) end: usize,
}

/// The phrase ending just before token `end` (exclusive), not reaching
/// before token `floor`. Skips words such as "also", "has" between the
/// phrase and the cue, and an apposition set off by commas
/// ("X, the minister of …, said").
///
/// A `lenient` search accepts any phrase ("the host"); otherwise the phrase
/// must name someone (a capitalised word, a pronoun, a speaker noun).
pub(crate) fn before(ctx: &Context, end: usize, floor: usize, lenient: bool) -> Option<Phrase> {
    let mut j = end;
    while j > floor && ctx.tokens[j - 1].word && is_pre_modifier(ctx, j - 1) {
        j -= 1;
    }
    if j > floor && ctx.is(j - 1, ",") {
        // Apposition: walk back over up to three comma-separated segments
        // to the phrase that names someone.
        let mut comma = j - 1;
        for _ in 0..3 {
            let Some(prev) = (floor..comma)
                .rev()
                .take(24)
                .find(|&k| ctx.is(k, ",") || is_hard_stop(ctx, k))
            else {
                break;
            };
            if !ctx.is(prev, ",") {
                // The segment runs from a hard stop: it is the head itself.
                return chunk_back(ctx, comma, prev + 1).filter(|p| names_someone(ctx, *p));
            }
            if let Some(p) = chunk_back(ctx, prev, floor) {
                if names_someone(ctx, p) {
                    return Some(p);
                }
            }
            // "Its delegate, Rafael Costa, said": the name is the apposition.
            let segment = Phrase {
                first: prev + 1,
                end: comma,
            };
            if segment.end > segment.first
                && ctx.tokens[segment.first].capital
                && leading_name(ctx, segment) == Some(segment)
            {
                return Some(segment);
            }
            comma = prev;
        }
        return None;
    }
    chunk_back(ctx, j, floor).filter(|p| acceptable(ctx, *p, lenient))
}

/// True when token `i` may stand between a speaker and its cue ("also",
/// "has").
pub(crate) fn is_pre_modifier(ctx: &Context, i: usize) -> bool {
    let mut buf = [0u8; 32];
    ctx.lower(i, &mut buf)
        .is_some_and(|w| lexicon::CUE_PRE_MODIFIERS.contains(&w))
}

/// The last pronoun or capitalised name before token `end` in the clause
/// from `floor`: the speaker of "When he returned he began by saying, …".
pub(crate) fn nearest_name(ctx: &Context, floor: usize, end: usize) -> Option<Phrase> {
    let mut buf = [0u8; 32];
    let k = (floor..end).rev().take(12).find(|&k| {
        let t = ctx.tokens[k];
        t.word
            && !ctx.quoted_token(k)
            && ctx.lower(k, &mut buf).is_some_and(|w| {
                let pronoun = lexicon::PERSON_PRONOUNS.contains(w);
                // A capitalised word inside the clause is a name.
                let name = t.capital
                    && k > floor
                    && !lexicon::SPEAKER_STOPS.contains(&w)
                    && !lexicon::DETERMINERS.contains(&w)
                    && !lexicon::TIME_WORDS.contains(&w);
                pronoun || name
            })
    })?;
    // A name runs on to the capitalised words before it ("Marco Rubio").
    let mut first = k;
    while first > floor + 1 && ctx.tokens[first - 1].capital && !ctx.quoted_token(first - 1) {
        first -= 1;
    }
    Some(Phrase { first, end: k + 1 })
}

/// The phrase starting at token `start`, not reaching token `ceil`.
pub(crate) fn after(ctx: &Context, start: usize, ceil: usize, lenient: bool) -> Option<Phrase> {
    let mut buf = [0u8; 32];
    let mut i = start;
    // "said on Monday X" is rare; "said Monday" has no speaker after it.
    let first = ctx.lower(i, &mut buf).map(str::to_owned);
    if first
        .as_deref()
        .is_some_and(|w| lexicon::TIME_WORDS.contains(&w))
    {
        return None;
    }
    if let Some(w) = first.as_deref() {
        if lexicon::pronoun(w).is_some() {
            return Some(Phrase {
                first: i,
                end: i + 1,
            });
        }
    }
    while i < ceil && i - start < MAX_AFTER {
        let t = ctx.tokens[i];
        if ctx.quoted_token(i) {
            break;
        }
        if !t.word {
            if joins_abbreviation(ctx, i) {
                i += 1;
                continue;
            }
            break;
        }
        let w = ctx.lower(i, &mut buf).unwrap_or("");
        let joiner = lexicon::PHRASE_JOINERS.contains(w);
        if joiner {
            // Only inside a phrase, and only before more of it.
            let next_ok = i + 1 < ceil
                && ctx.tokens[i + 1].word
                && (ctx.tokens[i + 1].capital || {
                    let mut b2 = [0u8; 32];
                    ctx.lower(i + 1, &mut b2).is_some_and(|n| {
                        lexicon::DETERMINERS.contains(&n) || lexicon::is_speaker_noun(n)
                    })
                });
            if i == start || !next_ok {
                break;
            }
        } else if lexicon::SPEAKER_STOPS.contains(&w) {
            break;
        } else if i > start && lexicon::TIME_WORDS.contains(&w) {
            // "a Wednesday editorial" keeps its day; "X on Monday" ends.
            let mut b2 = [0u8; 32];
            let prev = ctx.lower(i - 1, &mut b2).unwrap_or("");
            if !lexicon::DETERMINERS.contains(&prev) {
                break;
            }
        } else if !t.capital
            && !lexicon::DETERMINERS.contains(&w)
            && i > start
            && lexicon::cue_verb(w).is_some()
        {
            break;
        }
        i += 1;
    }
    // Drop a trailing joiner or determiner.
    while i > start && {
        let w = ctx.lower(i - 1, &mut buf).unwrap_or("");
        lexicon::PHRASE_JOINERS.contains(w) || lexicon::DETERMINERS.contains(&w)
    } {
        i -= 1;
    }
    let p = Phrase {
        first: start,
        end: i,
    };
    (i > start && acceptable(ctx, p, lenient)).then_some(p)
}

/// Collects the phrase that ends before token `end`, walking back.
fn chunk_back(ctx: &Context, end: usize, floor: usize) -> Option<Phrase> {
    let mut buf = [0u8; 32];
    let mut i = end;
    while i > floor && end - i < MAX_BEFORE {
        let k = i - 1;
        let t = ctx.tokens[k];
        if ctx.quoted_token(k) {
            break;
        }
        if !t.word {
            if joins_abbreviation(ctx, k) {
                i -= 1;
                continue;
            }
            break;
        }
        let w = ctx.lower(k, &mut buf).unwrap_or("");
        if lexicon::pronoun(w).is_some() {
            if i == end {
                return Some(Phrase {
                    first: k,
                    end: k + 1,
                });
            }
            break;
        }
        if lexicon::SPEAKER_STOPS.contains(&w)
            && !(w == "and" && i < end && ctx.tokens[k - 1.min(k)].capital)
        {
            break;
        }
        if !t.capital && lexicon::cue_verb(w).is_some() && !ctx.after_determiner(k) {
            break;
        }
        i -= 1;
    }
    (i < end).then_some(Phrase { first: i, end })
}

/// "U.S" + "." and initials "J" + "." keep a phrase together.
fn joins_abbreviation(ctx: &Context, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    // A hyphen glued on both sides: "co-founder", "Lopez-Cantera", "43-year-old".
    if ctx.is(k, "-") {
        return ctx.tokens[k - 1].word
            && ctx.tokens[k - 1].span.end == ctx.tokens[k].span.start
            && ctx
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.word && n.span.start == ctx.tokens[k].span.end);
    }
    if !ctx.is(k, ".") {
        return false;
    }
    let prev = ctx.word(k - 1);
    let title = || {
        lexicon::TITLES
            .iter()
            .any(|t| t.len() == prev.len() + 1 && t.ends_with('.') && t.starts_with(prev))
    };
    ctx.tokens[k - 1].word
        && ctx.tokens[k - 1].span.end == ctx.tokens[k].span.start
        && (prev.as_bytes().contains(&b'.')
            || (prev.chars().count() == 1 && ctx.tokens[k - 1].capital)
            || title()
            || lexicon::NAME_SUFFIXES
                .iter()
                .any(|s| s.len() == prev.len() + 1 && s.starts_with(prev) && s.ends_with('.')))
}

fn is_hard_stop(ctx: &Context, k: usize) -> bool {
    let t = ctx.tokens[k];
    !t.word && !ctx.is(k, ",") && !joins_abbreviation(ctx, k) && !ctx.is(k, "-") && !ctx.is(k, "'")
}

/// True when the phrase names someone: it has a capitalised word (not
/// only a sentence-initial one), an entity, a pronoun or a speaker noun.
fn names_someone(ctx: &Context, p: Phrase) -> bool {
    let mut buf = [0u8; 32];
    (p.first..p.end).any(|i| {
        let t = ctx.tokens[i];
        let w = ctx.lower(i, &mut buf).unwrap_or("");
        t.word
            && (lexicon::pronoun(w).is_some()
                || lexicon::is_speaker_noun(w)
                || lexicon::is_speaker_noun(
                    ctx.word(i).trim_end_matches("'s").trim_end_matches("’s"),
                )
                || (t.capital
                    && !lexicon::DETERMINERS.contains(&w)
                    && !lexicon::SPEAKER_STOPS.contains(&w)))
    })
}

/// A phrase is a plausible speaker: it names someone and is not just a
/// determiner.
fn acceptable(ctx: &Context, p: Phrase, lenient: bool) -> bool {
    if p.end <= p.first {
        return false;
    }
    if !lenient || names_someone(ctx, p) {
        return names_someone(ctx, p);
    }
    let mut buf = [0u8; 32];
    (p.first..p.end).any(|i| {
        ctx.tokens[i].word
            && ctx.lower(i, &mut buf).map_or(true, |w| {
                !lexicon::DETERMINERS.contains(&w) && !lexicon::SPEAKER_STOPS.contains(&w)
            })
    })
}

/// True when the phrase starts with a determiner ("the heckler").
pub(crate) fn starts_with_determiner(ctx: &Context, p: Phrase) -> bool {
    let mut buf = [0u8; 32];
    ctx.lower(p.first, &mut buf)
        .is_some_and(|w| lexicon::DETERMINERS.contains(&w))
}

/// The subject that opens a clause at token `floor`, when it names
/// someone: the speaker of "X called on her to resign and said, …".
pub(crate) fn subject(ctx: &Context, floor: usize, ceil: usize) -> Option<Phrase> {
    if let Some(p) = after(ctx, floor, ceil, false).filter(|p| p.first == floor) {
        return Some(p);
    }
    // After an opening adverbial: "During the debate, Cruz made …".
    let comma = (floor..ceil.min(floor + 12)).find(|&k| ctx.is(k, ","))?;
    after(ctx, comma + 1, ceil, false).filter(|p| p.first == comma + 1)
}

/// The leading run of capitalised words of a phrase ("Rubio" of "Rubio
/// fired back forcefully").
pub(crate) fn leading_name(ctx: &Context, p: Phrase) -> Option<Phrase> {
    let mut buf = [0u8; 32];
    let mut e = p.first;
    while e < p.end && (ctx.tokens[e].capital || joins_abbreviation(ctx, e)) {
        if ctx
            .lower(e, &mut buf)
            .is_some_and(|w| lexicon::SPEAKER_STOPS.contains(&w))
        {
            break;
        }
        e += 1;
    }
    (e > p.first).then_some(Phrase {
        first: p.first,
        end: e,
    })
}

/// The span of a phrase.
pub(crate) fn span(ctx: &Context, p: Phrase) -> Span {
    let a = ctx.tokens[p.first].span.start;
    let last = ctx.tokens[p.end - 1];
    // "Assange's lawyer" keeps its possessive; a phrase ending in one
    // ("Monday's") does not need it.
    Span::new(a, last.span.end)
}

/// What a speaker phrase refers to, for pronoun resolution.
#[derive(Clone, Debug)]
pub(crate) struct Referent {
    pub(crate) at: usize,
    pub(crate) kind: RefKind,
    pub(crate) canonical: Option<Arc<str>>,
    pub(crate) id: Option<Arc<str>>,
    pub(crate) label: Option<Label>,
}

/// The kinds of things pronouns refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Person(Option<Gender>),
    Group,
    Thing,
}

/// Builds the speaker for a phrase: resolves entities inside it, names not
/// in any gazetteer, and leaves pronouns to [`resolve_pronoun`].
pub(crate) fn make(ctx: &Context, p: Phrase) -> (Speaker, Option<Referent>) {
    let sp = span(ctx, p);
    let mut buf = [0u8; 32];
    let single = p.end - p.first == 1;
    if single
        && ctx
            .lower(p.first, &mut buf)
            .and_then(lexicon::pronoun)
            .is_some()
    {
        let speaker = Speaker {
            span: sp,
            canonical: None,
            id: None,
            label: None,
        };
        return (speaker, None);
    }
    // A possessive entity is a modifier ("Assange's supporters"), not the
    // speaker, unless it ends the phrase ("Monday's").
    let ents: Vec<&Entity> = ctx
        .entities_in(sp)
        .iter()
        .filter(|e| !is_possessive_modifier(ctx, e, sp))
        .collect();
    let pick = ents
        .iter()
        .rev()
        .find(|e| e.label == Label::Person)
        .or_else(|| {
            ents.iter()
                .find(|e| matches!(e.label, Label::Org | Label::Outlet))
        })
        .copied();
    if let Some(e) = pick {
        let kind = match e.label {
            Label::Person => RefKind::Person(gender_of(ctx, e)),
            _ => RefKind::Group,
        };
        let speaker = Speaker {
            span: sp,
            canonical: Some(e.canonical.clone()),
            id: Some(e.id.clone()),
            label: Some(e.label),
        };
        let r = Referent {
            at: sp.start,
            kind,
            canonical: speaker.canonical.clone(),
            id: speaker.id.clone(),
            label: speaker.label,
        };
        return (speaker, Some(r));
    }
    // A name in no gazetteer: the trailing run of capitalised words.
    let mut k = p.end;
    while k > p.first && (ctx.tokens[k - 1].capital || joins_abbreviation(ctx, k - 1)) {
        k -= 1;
    }
    let name_run =
        (k < p.end).then(|| Span::new(ctx.tokens[k].span.start, ctx.tokens[p.end - 1].stem().end));
    let lowered_last = ctx.lower(p.end - 1, &mut buf).unwrap_or("").to_string();
    let plural = (lowered_last.ends_with('s') && !ctx.tokens[p.end - 1].capital)
        || (p.first..p.end).any(|i| ctx.is_word(i, "and"));
    let is_name = name_run.is_some_and(|r| {
        let w = r.as_str(ctx.text);
        w.split_whitespace().count() >= 1
            && !lexicon::is_speaker_noun(&w.to_ascii_lowercase())
            && !lexicon::DETERMINERS.contains(&w.to_ascii_lowercase().as_str())
    });
    if let (true, Some(run)) = (is_name && !plural, name_run) {
        let canonical: Arc<str> = Arc::from(fullest_name(ctx, run));
        let gender = title_gender(ctx, ctx.tokens[k].span.start);
        let speaker = Speaker {
            span: sp,
            canonical: Some(canonical.clone()),
            id: None,
            label: None,
        };
        let r = Referent {
            at: sp.start,
            kind: RefKind::Person(gender),
            canonical: Some(canonical),
            id: None,
            label: None,
        };
        return (speaker, Some(r));
    }
    let speaker = Speaker {
        span: sp,
        canonical: None,
        id: None,
        label: None,
    };
    let kind = if plural {
        RefKind::Group
    } else {
        RefKind::Thing
    };
    // A pronoun that refers back to "the media outlets" resolves to that
    // phrase.
    let r = Referent {
        at: sp.start,
        kind,
        canonical: Some(Arc::from(sp.as_str(ctx.text))),
        id: None,
        label: None,
    };
    (speaker, Some(r))
}

/// True when entity `e` carries a possessive and more of the phrase
/// follows it.
fn is_possessive_modifier(ctx: &Context, e: &Entity, phrase: Span) -> bool {
    let rest = ctx.text.get(e.span.end..phrase.end).unwrap_or("");
    let after = ["'s", "’s", "'", "’"]
        .iter()
        .find(|p| rest.starts_with(**p));
    after.is_some_and(|p| {
        rest[p.len()..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    })
}

/// The gender of a person entity: the title before it, then the gazetteer.
fn gender_of(ctx: &Context, e: &Entity) -> Option<Gender> {
    title_gender(ctx, e.span.start).or(e.gender)
}

/// The gender a title just before `at` implies ("Mr", "Ms.").
fn title_gender(ctx: &Context, at: usize) -> Option<Gender> {
    let head = ctx.text.get(..at)?.trim_end();
    let ends = |t: &&str| {
        head.ends_with(*t)
            && head[..head.len() - t.len()]
                .chars()
                .next_back()
                .map_or(true, |c| !c.is_alphanumeric())
    };
    if lexicon::MALE_TITLES.iter().any(ends) {
        Some(Gender::Male)
    } else if lexicon::FEMALE_TITLES.iter().any(ends) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The fullest form of a name in the text: the longest run of capitalised
/// words (up to four) that ends with the name's last word, "David Magel"
/// for "Magel".
fn fullest_name(ctx: &Context, run: Span) -> String {
    let name = run.as_str(ctx.text);
    // After a knight's or a ruler's title the name is a given name: a
    // longer name that ends with it is someone else's ("Sir Richard" is
    // not Owen Richard).
    let words: Vec<&str> = name.split_whitespace().collect();
    if let [title, _] = words[..] {
        if lexicon::KNIGHTS_TITLES.contains(&title) || lexicon::ROYAL_TITLES.contains(&title) {
            return name.to_string();
        }
    }
    let last = name.split_whitespace().last().unwrap_or(name);
    match ctx.longest_name_ending(last) {
        Some(full) if full.len() > name.len() => full.as_str(ctx.text).to_string(),
        _ => name.to_string(),
    }
}

/// For every word that ends a run of capitalised words, the longest such
/// run (at most four words, titles, determiners and clause words left
/// out), computed in one pass over the tokens.
pub(crate) fn name_runs<'t>(ctx: &Context<'t>) -> HashMap<&'t str, Span, FxBuildHasher> {
    let mut out: HashMap<&'t str, Span, FxBuildHasher> = HashMap::default();
    let mut buf = [0u8; 32];
    let mut run_start: Option<usize> = None;
    for (i, t) in ctx.tokens.iter().enumerate() {
        let w = t.stem().as_str(ctx.text);
        let name_word = t.word && t.capital && {
            let lw = lexicon::lower(w, &mut buf).unwrap_or("");
            !lexicon::TITLES.contains(&w)
                && !lexicon::SPEAKER_STOPS.contains(&lw)
                && !lexicon::DETERMINERS.contains(&lw)
        };
        // Words of one run are separated by a single space.
        let joined = run_start.is_some()
            && i > 0
            && ctx.text.get(ctx.tokens[i - 1].span.end..t.span.start) == Some(" ")
            && ctx.tokens[i - 1].possessive == 0;
        if !name_word {
            run_start = None;
            continue;
        }
        let first = match run_start {
            Some(f) if joined => f.max(i.saturating_sub(3)),
            _ => i,
        };
        run_start = Some(first);
        let span = Span::new(ctx.tokens[first].span.start, t.stem().end);
        let e = out.entry(w).or_insert(span);
        if span.len() > e.len() {
            *e = span;
        }
    }
    out
}

/// Resolves a pronoun speaker against the referents before it.
pub(crate) fn resolve_pronoun(
    ctx: &Context,
    speaker: &mut Speaker,
    referents: &[Referent],
) -> bool {
    let mut buf = [0u8; 32];
    let Some((plural, g)) =
        lexicon::lower(speaker.span.as_str(ctx.text), &mut buf).and_then(lexicon::pronoun)
    else {
        return false;
    };
    let word = speaker.span.as_str(ctx.text).to_ascii_lowercase();
    if lexicon::SELF_PRONOUNS.contains(&word) {
        return false;
    }
    let want = |k: RefKind| match (plural, g, k) {
        (true, _, RefKind::Group) => true,
        (false, Some(c), RefKind::Person(pg)) => match pg {
            None => true,
            Some(Gender::Male) => c == 'm',
            Some(Gender::Female) => c == 'f',
        },
        (false, None, RefKind::Thing) | (false, None, RefKind::Group) => true,
        _ => false,
    };
    let i = referents.partition_point(|r| r.at < speaker.span.start);
    let found = referents[..i].iter().rev().take(40).find(|r| want(r.kind));
    let found = found.or_else(|| {
        // "they" for an organisation named by its name.
        if plural {
            referents[..i]
                .iter()
                .rev()
                .take(40)
                .find(|r| r.kind == RefKind::Thing && r.label.is_some())
        } else {
            None
        }
    });
    match found {
        Some(r) if r.canonical.is_some() => {
            speaker.canonical = r.canonical.clone();
            speaker.id = r.id.clone();
            speaker.label = r.label;
            true
        }
        Some(_) => true,
        None => false,
    }
}

/// Referents from the entities outside quotation marks.
pub(crate) fn entity_referents(ctx: &Context) -> Vec<Referent> {
    ctx.entities
        .iter()
        .filter(|e| !ctx.quoted_token(ctx.token_at(e.span.start)))
        .filter_map(|e| {
            let kind = match e.label {
                Label::Person => RefKind::Person(gender_of(ctx, e)),
                Label::Org | Label::Outlet => RefKind::Thing,
                _ => return None,
            };
            Some(Referent {
                at: e.span.start,
                kind,
                canonical: Some(e.canonical.clone()),
                id: Some(e.id.clone()),
                label: Some(e.label),
            })
        })
        .collect()
}
