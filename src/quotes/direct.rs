//! Attribution of quoted passages: the patterns around a quote, in order of
//! trust, then continuation.
//!
//! | rule | pattern |
//! |---|---|
//! | `quote_cue_speaker` | `"Q," said X.` / `"Q," according to X.` |
//! | `quote_speaker_cue` | `"Q," X said.` / `"Q," X, the minister, said.` |
//! | `quote_dash_speaker` | `"Q" — X` / `"Q" -X` |
//! | `speaker_cue_quote` | `X said: "Q"` / `X said, "Q"` / `X told Reuters: "Q"` / `X said "Q"` |
//! | `according_to_quote` | `According to X, "Q"` |
//! | `speaker_colon_quote` | `X: "Q"` |
//! | `intro_paragraph` | `From X:` ending the previous paragraph |
//! | `continuation` | a quote after a quote of the same speaker (same or next paragraphs) |
//! | `previous_sentence` | the person named in the previous sentence, no cue |

use crate::document::{Quote, QuoteKind, Speaker};
use crate::gazetteer::Label;
use crate::lexicon;

use super::context::{Context, Cue};
use super::scan::Quoted;
use super::speaker::{self, Phrase, Referent};

/// How many tokens a cue may be from the quote.
const CUE_REACH: usize = 10;

/// How many tokens a cue after a quote may be from it when a speaker's
/// apposition stands between ("…," James Comey, the director of the FBI, said).
const APPOSITION_REACH: usize = 30;

/// The attribution found for one quote.
struct Attribution {
    speaker: Option<Phrase>,
    cue: Option<Cue>,
    rule: &'static str,
    confidence: f32,
}

/// Attributes every quoted passage; returns direct quotes and fragments.
pub(crate) fn attribute(ctx: &Context, referents: &mut Vec<Referent>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // The last attributed direct quote: (paragraph index, speaker).
    let mut last: Option<(usize, Speaker)> = None;
    for (qi, q) in ctx.quoted.iter().enumerate() {
        let bounds = Bounds::of(ctx, qi, q);
        let right = right_pattern(ctx, &bounds);
        // A speaker and cue right after the quote close its clause.
        let right_clear = right.is_some() || bounds.right_clear(ctx, q);
        let clear = bounds.left_clear(ctx) && right_clear;
        let att = right
            .or_else(|| left_pattern(ctx, &bounds))
            .or_else(|| intro_pattern(ctx, &bounds));
        let para = ctx.paragraph_index(q.open.start);
        let words = q.inner.as_str(ctx.text).split_whitespace().count();
        match att {
            Some(a) => {
                let kind = if clear {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                };
                let sp = a.speaker.map(|p| {
                    let (s, r) = speaker::make(ctx, p);
                    referents.extend(r);
                    s
                });
                if let Some(s) = &sp {
                    last = Some((ctx.paragraph_index(q.outer().end), s.clone()));
                }
                out.push(Quote {
                    span: q.inner,
                    kind,
                    speaker: sp,
                    cue: a.cue.map(|c| c.span),
                    confidence: a.confidence,
                    rule: a.rule,
                });
            }
            // A quote that its paragraph's end closed, with no attribution,
            // is a stray mark rather than speech.
            None if clear
                && bounds.starts_sentence(ctx)
                && words >= 3
                && (q.close.is_some() || q.paragraphs > 1) =>
            {
                let inherited = last
                    .as_ref()
                    .filter(|(p, _)| para <= p + 2)
                    .map(|(_, s)| s.clone());
                let (speaker, rule, confidence) = match inherited {
                    Some(s) => (Some(s), "continuation", 0.6),
                    None => match previous_person(ctx, q) {
                        Some(s) => (Some(s), "previous_sentence", 0.4),
                        None => (None, "unattributed", 0.3),
                    },
                };
                if speaker.is_none() && words < 6 {
                    continue;
                }
                if let Some(s) = &speaker {
                    last = Some((ctx.paragraph_index(q.outer().end), s.clone()));
                }
                out.push(Quote {
                    span: q.inner,
                    kind: QuoteKind::Direct,
                    speaker,
                    cue: None,
                    confidence,
                    rule,
                });
            }
            None => {}
        }
    }
    out
}

/// Where a quote's context begins and ends, in tokens.
struct Bounds {
    /// First token of the left context (sentence, paragraph or previous
    /// quote start, whichever is latest).
    floor: usize,
    /// The opening mark's token.
    open: usize,
    /// First token after the closing mark.
    after: usize,
    /// One past the last token of the right context.
    ceil: usize,
    /// The quote ended a sentence and the right context is the next one.
    next_sentence: bool,
}

impl Bounds {
    fn of(ctx: &Context, qi: usize, q: &Quoted) -> Bounds {
        let open_at = q.open.start;
        let sent = ctx.sentence_at(open_at);
        let para = ctx.paragraph_at(open_at);
        let prev_end = qi
            .checked_sub(1)
            .and_then(|p| ctx.quoted.get(p))
            .map_or(0, |p| p.outer().end);
        let floor_at = sent.start.max(para.start).max(prev_end).min(open_at);
        // Markup right before the quote (<tweet …>) starts a new clause.
        let before = ctx.text[floor_at..open_at].trim_end();
        let floor_at = if before.ends_with('>') {
            before
                .rfind('<')
                .map_or(floor_at, |_| floor_at + before.len())
        } else {
            floor_at
        };
        let end = q.outer().end;
        let close_para = ctx.paragraph_at(end.saturating_sub(1));
        let close_sent = ctx.sentence_at(end.saturating_sub(1));
        let next_open = ctx.quoted.get(qi + 1).map_or(usize::MAX, |n| n.open.start);
        let (ceil_at, next_sentence) = if close_sent.end > end {
            (close_sent.end, false)
        } else {
            // The quote ends its sentence: look into the next sentence of
            // the paragraph ("Why?" Trump asked.).
            let next = ctx.sentence_at(end);
            if next.start >= end && next.start < close_para.end {
                (next.end, true)
            } else {
                (end, false)
            }
        };
        let ceil_at = ceil_at.min(close_para.end).min(next_open).max(end);
        Bounds {
            // A sentence that starts inside a token (after a byte-order
            // mark that a combining mark clings to) starts with that token.
            floor: ctx.token_over(floor_at),
            open: ctx.token_at(open_at),
            after: ctx.token_at(end),
            ceil: ctx.token_at(ceil_at),
            next_sentence,
        }
    }

    /// The quote starts a clause: nothing before it in the sentence, or a
    /// colon, comma, dash or cue.
    fn left_clear(&self, ctx: &Context) -> bool {
        if self.open <= self.floor {
            return true;
        }
        let m = self.open - 1;
        if [":", ",", "(", "—", "–", "-", ";"]
            .iter()
            .any(|p| ctx.is(m, p))
        {
            return true;
        }
        // "X said "Q"" — but "X said that "Q"" reports a clause that
        // quotes: a fragment.
        ctx.cue_at(m).is_some()
    }

    /// The quote ends a clause: punctuation inside its closing mark, or
    /// punctuation or the sentence end after it.
    fn right_clear(&self, ctx: &Context, q: &Quoted) -> bool {
        let inner = q.inner.as_str(ctx.text);
        let inner = inner.trim_end_matches(['\'', '’', '"', '”', '»', '›']);
        if inner.ends_with(|c: char| {
            matches!(c, '.' | ',' | '?' | '!' | ';' | ':' | '—' | '–' | '-' | '…')
        }) {
            return true;
        }
        if self.after >= self.ceil || self.next_sentence {
            return true;
        }
        let t = ctx.tokens[self.after];
        !t.word
    }

    /// The quote begins its sentence or paragraph (for unattributed quotes).
    fn starts_sentence(&self, ctx: &Context) -> bool {
        self.open <= self.floor || ctx.is(self.open - 1, ":")
    }
}

/// `"Q," X said.` / `"Q," said X.` / `"Q" — X`.
fn right_pattern(ctx: &Context, b: &Bounds) -> Option<Attribution> {
    let mut k = b.after;
    if k >= b.ceil {
        return None;
    }
    // Dash attribution.
    if ["—", "–", "-", "―"].iter().any(|d| ctx.is(k, d)) {
        let mut s = k + 1;
        while s < b.ceil && ["-", "—"].iter().any(|d| ctx.is(s, d)) {
            s += 1;
        }
        let p = speaker::after(ctx, s, b.ceil, false)?;
        return Some(Attribution {
            speaker: Some(p),
            cue: None,
            rule: "quote_dash_speaker",
            confidence: 0.8,
        });
    }
    if ctx.is(k, ",") {
        k += 1;
    } else if !b.next_sentence && ctx.tokens[k].word {
        // Words run straight on from the quote ("… a crime" is what …):
        // only an adjacent cue counts.
    } else if !ctx.tokens[k].word && !b.next_sentence {
        return None;
    }
    // Cue right after the quote: "said X" / "according to X".
    if let Some(c) = ctx.cue_at(k) {
        let sp = speaker::after(ctx, c.next, b.ceil, true);
        if sp.is_some() || c.speaker_after {
            return Some(Attribution {
                speaker: sp,
                cue: Some(c),
                rule: "quote_cue_speaker",
                confidence: 0.95,
            });
        }
    }
    // Phrase, then cue: "X said", "X, the minister of …, said".
    let limit = (k + APPOSITION_REACH).min(b.ceil);
    let c = (k + 1..limit)
        .take_while(|&i| !ctx.quoted_token(i))
        .find_map(|i| ctx.cue_at(i).filter(|c| !c.verb.participle))?;
    if c.speaker_after {
        return None;
    }
    let p = match speaker::before(ctx, c.first, k, true).filter(|p| p.first == k) {
        Some(p) => p,
        None => {
            // The phrase starts at the quote and an apposition set off by
            // commas or brackets separates it from the cue.
            let p = speaker::after(ctx, k, c.first, true)?;
            let mut e = c.first;
            while e > p.end && ctx.tokens[e - 1].word && speaker::is_pre_modifier(ctx, e - 1) {
                e -= 1;
            }
            let opens = ctx.is(p.end, ",") || ctx.is(p.end, "(");
            let closes = ctx.is(e - 1, ",") || ctx.is(e - 1, ")");
            if p.first != k || !opens || !closes || e - 1 <= p.end {
                return None;
            }
            p
        }
    };
    // In the next sentence the phrase and cue must be all of it
    // ("Trump asked." / "Trump asked reporters on Monday.").
    Some(Attribution {
        speaker: Some(p),
        cue: Some(c),
        rule: "quote_speaker_cue",
        confidence: if b.next_sentence { 0.85 } else { 0.95 },
    })
}

/// `X said: "Q"` / `X said, "Q"` / `X said "Q"` / `According to X, "Q"` /
/// `X: "Q"`.
fn left_pattern(ctx: &Context, b: &Bounds) -> Option<Attribution> {
    if b.open <= b.floor {
        return None;
    }
    let mut m = b.open - 1;
    let punct = [":", ","].iter().any(|p| ctx.is(m, p));
    if punct {
        if m <= b.floor {
            return None;
        }
        m -= 1;
    } else if ctx.is_word(m, "that") && m > b.floor {
        m -= 1;
    }
    // The nearest cue at or before m, within reach ("told Reuters on Monday:").
    let lo = m.saturating_sub(CUE_REACH).max(b.floor);
    let cue = ctx.last_cue(lo, m + 1);
    if let Some(c) = cue {
        if !punct && c.next != m + 1 {
            return None;
        }
        if c.speaker_after {
            let p = speaker::after(ctx, c.next, m + 1, false)?;
            return Some(Attribution {
                speaker: Some(p),
                cue: Some(c),
                rule: "according_to_quote",
                confidence: 0.9,
            });
        }
        // A participle ("…, saying:") and a cue whose subject is further
        // back ("X called on her to resign and said, …") take the subject
        // of the clause.
        let p = if c.verb.participle {
            // "one of her ads asking, …" / "X urged, saying: …"
            let set_off = c.first > b.floor && ctx.is(c.first - 1, ",");
            let near = (!set_off)
                .then(|| speaker::before(ctx, c.first, b.floor, false))
                .flatten();
            near.or_else(|| speaker::subject(ctx, b.floor, c.first))
                .or_else(|| speaker::nearest_name(ctx, b.floor, c.first))
        } else {
            speaker::before(ctx, c.first, b.floor, false)
                .or_else(|| {
                    speaker::before(ctx, c.first, b.floor, true)
                        .filter(|p| speaker::starts_with_determiner(ctx, *p))
                })
                .or_else(|| speaker::after(ctx, c.next, m + 1, false))
                .or_else(|| speaker::subject(ctx, b.floor, c.first))
                .or_else(|| speaker::nearest_name(ctx, b.floor, c.first))
        };
        return Some(Attribution {
            speaker: p,
            cue: Some(c),
            rule: "speaker_cue_quote",
            confidence: if p.is_some() { 0.9 } else { 0.5 },
        });
    }
    if ctx.is(b.open - 1, ":") {
        let p = speaker::before(ctx, b.open - 1, b.floor, false)?;
        let p = if p.first == b.floor {
            p
        } else {
            speaker::leading_name(ctx, p)?
        };
        return Some(Attribution {
            speaker: Some(p),
            cue: None,
            rule: "speaker_colon_quote",
            confidence: 0.7,
        });
    }
    None
}

/// "From Chairwoman X:" closing the previous paragraph.
fn intro_pattern(ctx: &Context, b: &Bounds) -> Option<Attribution> {
    if b.open != b.floor || b.open == 0 {
        return None;
    }
    let colon = b.open - 1;
    if !ctx.is(colon, ":") {
        return None;
    }
    let para = ctx.paragraph_at(ctx.tokens[colon].span.start);
    let first = ctx.token_at(para.start);
    let starts_with_intro = lexicon::INTRO_WORDS
        .iter()
        .any(|w| ctx.text[para.start..].trim_start().starts_with(w));
    let cue = ctx.last_cue(first, colon);
    let p = match cue {
        // "Cruz continued:" / "Smith said in a statement:"
        Some(c) => speaker::before(ctx, c.first, first, false)?,
        None if starts_with_intro => speaker::before(ctx, colon, first, false)?,
        None => return None,
    };
    Some(Attribution {
        speaker: Some(p),
        cue,
        rule: "intro_paragraph",
        confidence: 0.8,
    })
}

/// The person named last before the quote, in the same or previous
/// sentence, outside quotation marks.
fn previous_person(ctx: &Context, q: &Quoted) -> Option<Speaker> {
    let sent = ctx.sentence_at(q.open.start);
    let prev = ctx.sentence_at(sent.start.saturating_sub(1));
    let from = if prev.end <= sent.start {
        prev.start
    } else {
        sent.start
    };
    let upto = ctx
        .entities
        .partition_point(|e| e.span.start < q.open.start);
    let e = ctx.entities[..upto]
        .iter()
        .rev()
        .take_while(|e| e.span.start >= from)
        .find(|e| e.label == Label::Person && !ctx.quoted_token(ctx.token_at(e.span.start)))?;
    Some(Speaker {
        span: e.span,
        canonical: Some(e.canonical.clone()),
        id: Some(e.id.clone()),
        label: Some(e.label),
    })
}

#[cfg(test)]
mod tests {
    use crate::quotes::extract;
    use crate::sentence::sentences;

    /// (kind, quote, speaker, rule) of every quote of `text`, no entities.
    fn run(text: &str) -> Vec<(String, String, String, String)> {
        let sents = sentences(text);
        extract(text, &sents, &[])
            .iter()
            .map(|q| {
                (
                    q.kind().as_str().to_string(),
                    q.span().as_str(text).to_string(),
                    q.speaker()
                        .map_or("-".into(), |s| s.span().as_str(text).to_string()),
                    q.rule().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn pronoun_after_quote() {
        let got = run("“But this is a call to conscience, not math,” it added.");
        assert_eq!(got[0].2, "it", "{got:?}");
    }
}
