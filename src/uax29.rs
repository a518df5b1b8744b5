//! UAX #29 sentence boundaries, fast for the characters of news text.
//!
//! [`sentence_bounds`] yields exactly the pieces of unicode-segmentation's
//! `split_sentence_bound_indices`. A boundary always follows a paragraph
//! separator (rule SB4) and no rule looks back across one, so the text is
//! cut into paragraphs (each with its line break): a paragraph of ASCII and
//! of the common characters that [`wide_class`] knows (typographic quotes
//! and dashes, no-break space, Latin-1 letters) is segmented here by the
//! rules SB3–SB11 restricted to those classes, any other by
//! unicode-segmentation. Tests hold the two to the same output.

use unicode_segmentation::UnicodeSegmentation;

/// Sentence_Break classes of ASCII characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b' ' | b'\t' | 0x0b | 0x0c => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        _ => Class::Other,
    }
}

fn is_para_sep(c: Class) -> bool {
    matches!(c, Class::Cr | Class::Lf)
}

fn is_saterm(c: Class) -> bool {
    matches!(c, Class::ATerm | Class::STerm)
}

/// The sentence pieces of `text` as (byte offset, piece), in order.
pub(crate) fn sentence_bounds(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // The paragraph runs to just after its separator (CR LF together);
        // U+0085, U+2028 and U+2029 are separators too, but no class here
        // knows them: their paragraphs go to unicode-segmentation whole.
        let mut end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |k| start + k);
        let ascii = bytes[start..end].is_ascii();
        if end < bytes.len() {
            end += if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        let para = &text[start..end];
        let mut emit = |a: usize, b: usize| out.push((start + a, &text[start + a..start + b]));
        if ascii {
            ascii_paragraph(para, &mut emit);
        } else if let Some(chars) = known_classes(para) {
            wide_paragraph(para.len(), &chars, &mut emit);
        } else {
            out.extend(
                para.split_sentence_bound_indices()
                    .map(|(i, s)| (start + i, s)),
            );
        }
        start = end;
    }
    out
}

/// Segments an ASCII paragraph (its line break, if any, last).
///
/// Inside a paragraph only the rules after a sentence terminator can break
/// (SB11), and only where its `SATerm Close* Sp*` run ends: SB9 and SB10
/// keep the run whole. So only the ends of such runs are tried.
fn ascii_paragraph(para: &str, emit: &mut impl FnMut(usize, usize)) {
    let b = para.as_bytes();
    let mut last = 0;
    let mut from = 0;
    while let Some(k) = b[from..]
        .iter()
        .position(|&x| matches!(x, b'.' | b'!' | b'?'))
    {
        let term = from + k;
        let p = run_end(b, term);
        if p < b.len() && breaks_before(b, p) {
            emit(last, p);
            last = p;
        }
        from = term + 1;
    }
    if last < b.len() {
        emit(last, b.len());
    }
}

/// The sentence class of a non-ASCII character common in news text, or
/// `None` for any other (whose paragraph goes to unicode-segmentation).
fn wide_class(c: char) -> Option<Class> {
    Some(match c {
        '\u{A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => Class::Sp,
        '‘' | '’' | '“' | '”' | '«' | '»' | '‹' | '›' | '„' | '‚' => Class::Close,
        '–' | '—' => Class::SContinue,
        '…' | '€' | '£' | '°' | '•' | '·' | '×' | '÷' => Class::Other,
        '\u{C0}'..='\u{DE}' => Class::Upper,
        '\u{DF}'..='\u{FF}' => Class::Lower,
        _ => return None,
    })
}

/// Every character of `para` as (byte offset, class), when all are ASCII
/// or known to [`wide_class`].
fn known_classes(para: &str) -> Option<Vec<(usize, Class)>> {
    para.char_indices()
        .map(|(i, c)| {
            let class = if c.is_ascii() {
                Some(class(c as u8))
            } else {
                wide_class(c)
            };
            class.map(|k| (i, k))
        })
        .collect()
}

/// Segments a paragraph of `len` bytes whose characters are `chars` (byte
/// offset, class), its line break, if any, last: [`ascii_paragraph`] over
/// characters instead of bytes.
fn wide_paragraph(len: usize, chars: &[(usize, Class)], emit: &mut impl FnMut(usize, usize)) {
    let offset = |p: usize| chars.get(p).map_or(len, |&(i, _)| i);
    let mut last = 0;
    for term in (0..chars.len()).filter(|&i| is_saterm(chars[i].1)) {
        let p = run_end(chars, term);
        if p < chars.len() && breaks_before(chars, p) {
            emit(offset(last), offset(p));
            last = p;
        }
    }
    if last < chars.len() {
        emit(offset(last), len);
    }
}

/// A paragraph as a sequence of sentence classes: ASCII bytes, or the
/// characters of a wider paragraph.
trait Classes {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> Class;
}

impl Classes for [u8] {
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }

    fn at(&self, i: usize) -> Class {
        class(self[i])
    }
}

impl Classes for [(usize, Class)] {
    fn len(&self) -> usize {
        <[(usize, Class)]>::len(self)
    }

    fn at(&self, i: usize) -> Class {
        self[i].1
    }
}

/// The end of the `SATerm Close* Sp*` run that starts at `term`.
fn run_end<C: Classes + ?Sized>(c: &C, term: usize) -> usize {
    let mut p = term + 1;
    while p < c.len() && c.at(p) == Class::Close {
        p += 1;
    }
    while p < c.len() && c.at(p) == Class::Sp {
        p += 1;
    }
    p
}

/// The start of the `SATerm Close* Sp*` run that ends just before `p`,
/// with whether it had spaces, or `None`.
fn saterm_before<C: Classes + ?Sized>(b: &C, p: usize) -> Option<(usize, bool)> {
    let c = |i: usize| b.at(i);
    let mut i = p;
    while i > 0 && c(i - 1) == Class::Sp {
        i -= 1;
    }
    let spaces = i < p;
    while i > 0 && c(i - 1) == Class::Close {
        i -= 1;
    }
    (i > 0 && is_saterm(c(i - 1))).then(|| (i - 1, spaces))
}

/// Whether UAX #29 puts a sentence boundary between `p - 1` and `p`.
fn breaks_before<C: Classes + ?Sized>(b: &C, p: usize) -> bool {
    let c = |i: usize| b.at(i);
    let (prev, next) = (c(p - 1), c(p));
    // SB3, SB4.
    if prev == Class::Cr && next == Class::Lf {
        return false;
    }
    if is_para_sep(prev) {
        // SB11 with its optional ParaSep also ends here; SB4 decides.
        return true;
    }
    // SB6, SB7.
    if prev == Class::ATerm && next == Class::Numeric {
        return false;
    }
    if prev == Class::ATerm
        && next == Class::Upper
        && p >= 2
        && matches!(c(p - 2), Class::Upper | Class::Lower)
    {
        return false;
    }
    let Some((term, spaces)) = saterm_before(b, p) else {
        return false;
    };
    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
    if c(term) == Class::ATerm {
        let ahead = (p..b.len())
            .map(c)
            .find(|&k| matches!(k, Class::Upper | Class::Lower) || is_para_sep(k) || is_saterm(k));
        if ahead == Some(Class::Lower) {
            return false;
        }
    }
    // SB8a.
    if next == Class::SContinue || is_saterm(next) {
        return false;
    }
    // SB9: SATerm Close* × (Close | Sp | ParaSep).
    if !spaces && matches!(next, Class::Close | Class::Sp | Class::Cr | Class::Lf) {
        return false;
    }
    // SB10: SATerm Close* Sp* × (Sp | ParaSep).
    if matches!(next, Class::Sp | Class::Cr | Class::Lf) {
        return false;
    }
    // SB11.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uax(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    /// Every string of one to `max` pieces of `alphabet`.
    fn strings_over(alphabet: &[&str], max: usize) -> Vec<String> {
        let mut all = Vec::new();
        let mut strings = vec![String::new()];
        for _ in 0..max {
            strings = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |a| format!("{s}{a}")))
                .collect();
            all.extend(strings.iter().cloned());
        }
        all
    }

    #[test]
    fn matches_unicode_segmentation_on_news() {
        let samples = [
            "He said \"Go.\" Then he left. U.S. officials, e.g. Mr. Smith, met at 3.5 p.m. on Jan. 5.",
            "Why? \"Because!\" she said. (It was late.) [Really.] {No.} 'Yes.' Done...   Next one.\r\nNew para.\n\nLast",
            "end.The next. a.b. 1.5.2 ok?! wow!? ...and so: yes; no, - well. \t Tabs.  \x0bVT. \x0cFF.",
            "\"Stop,\" he said. \"Why?\" he asked. She said \"no.\" and left.) Then (.) ). ( a.) b",
        ];
        for t in samples {
            assert_eq!(sentence_bounds(t), uax(t), "{t:?}");
        }
    }

    #[test]
    fn matches_unicode_segmentation_on_every_short_string() {
        // All strings of up to five characters over an alphabet with one
        // character of every class (and a second of some).
        let alphabet = [
            "a", "A", "1", ".", "?", "\"", ")", ",", " ", "\n", "\r", "x", "B", "#", "!",
        ];
        for t in strings_over(&alphabet, 5) {
            assert_eq!(sentence_bounds(&t), uax(&t), "{t:?}");
        }
    }

    #[test]
    fn every_known_wide_character_matches_unicode_segmentation() {
        // Each character that `wide_class` knows, in all strings of up to
        // four characters over it and one ASCII character of each class.
        let wide = (0xA0..=0xFFu32)
            .chain([0x2002, 0x2009, 0x200A, 0x202F])
            .filter_map(char::from_u32)
            .chain("‘’“”«»‹›„‚–—…€£°•·×÷".chars())
            .filter(|&c| wide_class(c).is_some());
        let mut tested = 0;
        for w in wide {
            let w = w.to_string();
            let alphabet = ["a", "A", "1", ".", "?", "\"", ",", " ", "\n", &w];
            for t in strings_over(&alphabet, 4)
                .iter()
                .filter(|t| t.contains(w.as_str()))
            {
                assert_eq!(sentence_bounds(t), uax(t), "{t:?}");
            }
            tested += 1;
        }
        assert!(tested > 90, "{tested}");
    }

    #[test]
    fn non_ascii_paragraphs_use_unicode_segmentation() {
        let t = "Café «ouvert». Non.\u{2029}Next… ok.\nMixed “quote.” Then";
        assert_eq!(sentence_bounds(t), uax(t));
    }
}
