//! The quotation-mark scanner: finds quoted passages in linear time.
//!
//! Handled marks: straight `"…"`, curly `“…”`, German `„…“`, guillemets
//! `«…»` and `»…«`, `‹…›`, and the doubled `''…''` / ``` ``…'' ``` of some
//! newspapers. Single quotes (`'…'`, `‘…’`) nested inside double quotes
//! stay part of the outer quote; apostrophes are never marks.
//!
//! Pairing works paragraph by paragraph (a paragraph ends at a line break).
//! A quote still open at the end of a paragraph continues when the next
//! paragraph opens with a quotation mark (the news convention for quotes
//! over several paragraphs); otherwise it ends there, so a stray mark never
//! swallows the rest of the text.

use crate::span::Span;

/// A quoted passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The opening mark.
    pub(crate) open: Span,
    /// The words inside the marks, trimmed of white space.
    pub(crate) inner: Span,
    /// The closing mark; `None` when the quote was closed by a paragraph end.
    pub(crate) close: Option<Span>,
    /// The quote runs over several paragraphs.
    pub(crate) paragraphs: u16,
}

impl Quoted {
    /// From the opening mark to the closing mark (or the content's end).
    pub(crate) fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

/// How a mark may act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// Recognises a double quotation mark at byte `i`: (length, role, family).
/// Families pair: a quote opened by one family's mark closes with a mark of
/// the same family, or with any `Close`/`Either` mark of the double family.
fn mark_at(b: &[u8], text: &str, i: usize) -> Option<(usize, Role)> {
    match b[i] {
        b'"' => Some((1, Role::Either)),
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((2, Role::Either)),
        b'`' if b.get(i + 1) == Some(&b'`') => Some((2, Role::Open)),
        0xC2 | 0xE2 => {
            let c = text.get(i..)?.chars().next()?;
            let role = match c {
                '“' | '„' | '«' | '‹' => Role::Open,
                '”' | '»' | '›' => Role::Close,
                _ => return None,
            };
            Some((c.len_utf8(), role))
        }
        _ => None,
    }
}

/// True for characters after which a mark opens ("left" of a quote).
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ',' | ';')
        }
    }
}

/// True for characters before which a mark closes ("right" of a quote).
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '#' && c != '@')
                || matches!(c, '—' | '–' | '…')
        }
    }
}

/// Open quote state.
#[derive(Clone, Copy, Debug)]
struct Open {
    mark: Span,
    paragraphs: u16,
}

/// Finds the quoted passages of `text`, in order of their opening marks.
/// Nested double quotes (a quote inside a quote) are kept inside the outer
/// one and not reported on their own.
pub(crate) fn scan(text: &str) -> Vec<Quoted> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // Nesting depth inside the open quote (only for marks that say clearly
    // whether they open or close).
    let mut depth = 0u32;
    let mut i = 0;
    while i < b.len() {
        // Only line breaks, markup and quotation marks matter here: skip
        // to the next byte that may start one.
        match b[i..]
            .iter()
            .position(|&x| matches!(x, b'\n' | b'<' | b'\'' | b'"' | b'`' | 0xC2 | 0xE2))
        {
            Some(k) => i += k,
            None => break,
        }
        let c = b[i];
        if c == b'\n' {
            // Paragraph end: continue or close the open quote.
            if let Some(o) = open {
                let next = skip_space(text, i);
                // The convention: the paragraph ends a sentence without a
                // closing mark and the next one opens again. A paragraph
                // that stops mid-sentence was a stray mark.
                let ends_sentence = text[o.mark.end..i]
                    .trim_end()
                    .ends_with(['.', '?', '!', '…', ':', ';', ',', '-', '—', '–']);
                let reopens = ends_sentence
                    && next < b.len()
                    && mark_at(b, text, next).is_some_and(|(_, r)| r != Role::Close);
                if reopens {
                    let (len, _) = mark_at(b, text, next).unwrap_or((1, Role::Open));
                    open = Some(Open {
                        paragraphs: o.paragraphs.saturating_add(1),
                        ..o
                    });
                    depth = 0;
                    i = next + len;
                    continue;
                }
                push(&mut out, text, o, Span::new(o.mark.end, i), None);
                open = None;
                depth = 0;
            }
            i += 1;
            continue;
        }
        if c == b'<' {
            if let Some(end) = tag_end(b, i) {
                i = end;
                continue;
            }
        }
        // "'''" closes a single quote and then a doubled one.
        if c == b'\'' && b.get(i + 1) == Some(&b'\'') && b.get(i + 2) == Some(&b'\'') {
            i += 1;
            continue;
        }
        let Some((len, role)) = mark_at(b, text, i) else {
            i += 1;
            continue;
        };
        let prev = visible(text[..i].chars().rev());
        let next = visible(text[i + len..].chars());
        let left = opens_after(prev) && !next.is_some_and(char::is_whitespace);
        let right = closes_before(next) && !prev.is_some_and(char::is_whitespace);
        let mark = Span::new(i, i + len);
        match open {
            None => {
                // A closing-only mark with nothing open is stray; an
                // "either" mark right after a digit is an inch sign.
                let opens = match role {
                    Role::Open => true,
                    Role::Close => left && !right,
                    Role::Either => (!right || left) && !prev.is_some_and(|p| p.is_ascii_digit()),
                };
                if opens {
                    open = Some(Open {
                        mark,
                        paragraphs: 1,
                    });
                    depth = 0;
                }
            }
            Some(o) => {
                let closes = match role {
                    Role::Close => true,
                    Role::Open => right && !left,
                    Role::Either => true,
                };
                if role == Role::Open && !closes {
                    depth += 1;
                } else if closes && depth > 0 && role != Role::Either {
                    depth -= 1;
                } else if closes {
                    push(&mut out, text, o, Span::new(o.mark.end, i), Some(mark));
                    open = None;
                    depth = 0;
                }
            }
        }
        i += len;
    }
    if let Some(o) = open {
        push(&mut out, text, o, Span::new(o.mark.end, b.len()), None);
    }
    out
}

fn push(out: &mut Vec<Quoted>, text: &str, o: Open, content: Span, close: Option<Span>) {
    let inner = content.trim(text);
    if inner.is_empty() || !inner.as_str(text).chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(Quoted {
        open: o.mark,
        inner,
        close,
        paragraphs: o.paragraphs,
    });
}

/// The first character of `chars` that is not an invisible format
/// character (byte-order mark, zero-width space, soft hyphen), looking at
/// a few at most: invisible characters do not change how a mark flanks.
fn visible(mut chars: impl Iterator<Item = char>) -> Option<char> {
    chars.by_ref().take(4).find(|&c| {
        !matches!(
            c,
            '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}'
        )
    })
}

/// Skips spaces and tabs (not line breaks) from `i` on.
fn skip_space(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let t = rest.trim_start();
    text.len() - t.len()
}

/// The end of an HTML/XML tag starting at `i` (`<tweet id="1">`), if it is one.
fn tag_end(b: &[u8], i: usize) -> Option<usize> {
    let n = *b.get(i + 1)?;
    if !(n.is_ascii_alphabetic() || n == b'/' || n == b'!') {
        return None;
    }
    let limit = (i + 512).min(b.len());
    for (j, &c) in b.iter().enumerate().take(limit).skip(i + 1) {
        match c {
            b'>' => return Some(j + 1),
            b'<' | b'\n' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        scan(text).iter().map(|q| q.inner.as_str(text)).collect()
    }

    #[test]
    fn mark_styles() {
        let cases = [
            ("He said \"yes, now.\" Then", vec!["yes, now."]),
            ("He said “yes.” Then", vec!["yes."]),
            ("Er sagte „ja“ dann", vec!["ja"]),
            ("Il a dit « oui » puis", vec!["oui"]),
            ("Il a dit «oui» puis", vec!["oui"]),
            ("Er sagte »ja« dann", vec!["ja"]),
            ("He said ''yes'' then", vec!["yes"]),
            ("He said ``yes'' then", vec!["yes"]),
            ("‹inner› ok", vec!["inner"]),
            ("He said, \"mixed.” ok", vec!["mixed."]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn nested_and_apostrophes() {
        let t = "\"After the publication of 'Cablegate', it is Assange's time,\" they said.";
        assert_eq!(
            quotes(t),
            vec!["After the publication of 'Cablegate', it is Assange's time,"]
        );
        let t = "“He said “no” to me,” she said.";
        assert_eq!(quotes(t), vec!["He said “no” to me,"]);
        assert!(quotes("don't, Assange’s, the '90s, rock 'n' roll, students' union").is_empty());
    }

    #[test]
    fn multi_paragraph_is_one_quote() {
        let t = "\"First paragraph.\n\n\"Second paragraph,\" he said.";
        let q = scan(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].inner.as_str(t),
            "First paragraph.\n\n\"Second paragraph,"
        );
        assert_eq!(q[0].paragraphs, 2);
    }

    #[test]
    fn unclosed_mark_stops_at_paragraph_end() {
        let t = "He said \"this never closes.\nNext paragraph \"is fine\" here.";
        assert_eq!(quotes(t), vec!["this never closes.", "is fine"]);
    }

    #[test]
    fn tags_and_inches() {
        let t = "<tweet id=\"12\" lang=\"en\">He is 6' 2\" tall</tweet> and \"real\" ok";
        assert_eq!(quotes(t), vec!["real"]);
    }

    #[test]
    fn many_unbalanced_marks_do_not_blow_up() {
        let t = "\"“«„".repeat(10_000);
        let _ = scan(&t);
        let t = "\"a\n".repeat(10_000);
        assert_eq!(scan(&t).len(), 10_000);
    }
}
