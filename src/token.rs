//! Words and punctuation with byte spans (UAX #29 word boundaries).
//!
//! A possessive ending ("Assange's", "Assange’s") stays part of the word,
//! as UAX #29 keeps it, and is recorded so that callers can drop it.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// One token: a word (it contains a letter or digit) or one punctuation
/// mark. White space is not a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    /// Contains a letter or a digit.
    pub(crate) word: bool,
    /// Starts with an upper-case letter.
    pub(crate) capital: bool,
    /// Bytes of a possessive ending ("'s", "’s") at the end of the word; 0 if none.
    pub(crate) possessive: u8,
}

impl Token {
    /// The word without its possessive ending.
    pub(crate) fn stem(&self) -> Span {
        Span::new(self.span.start, self.span.end - self.possessive as usize)
    }
}

/// Splits `text` into tokens.
///
/// Tokens never span white space, so the text is cut at ASCII white space
/// into chunks: an ASCII chunk is split by [`ascii_words`], which applies the
/// UAX #29 rules that concern ASCII, a chunk of ASCII and the common
/// characters that [`wide_class`] knows by [`wide_words`], the same rules
/// over characters, and any other chunk by unicode-segmentation itself.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        let chunk = &text[start..i];
        if ascii {
            ascii_words(chunk, |a, b| {
                push_ascii(&mut out, bytes, start + a, start + b)
            });
        } else if let Some(chars) = known_classes(chunk) {
            wide_words(chunk.len(), &chars, |a, b| {
                push(&mut out, text, start + a, start + b)
            });
        } else {
            for (j, w) in chunk.split_word_bound_indices() {
                push(&mut out, text, start + j, start + j + w.len());
            }
        }
    }
    out
}

/// [`push`] for a segment of ASCII characters.
fn push_ascii(out: &mut Vec<Token>, bytes: &[u8], a: usize, b: usize) {
    let w = &bytes[a..b];
    let Some(&first) = w.first() else {
        return;
    };
    if char::from(first).is_whitespace() {
        return;
    }
    let word = w.iter().any(u8::is_ascii_alphanumeric);
    let possessive = word && w.len() > 2 && (w.ends_with(b"'s") || w.ends_with(b"'S"));
    out.push(Token {
        span: Span::new(a, b),
        word,
        capital: first.is_ascii_uppercase(),
        possessive: if possessive { 2 } else { 0 },
    });
}

/// Records the segment `[a, b)` of `text` unless it is white space.
fn push(out: &mut Vec<Token>, text: &str, a: usize, b: usize) {
    let w = &text[a..b];
    let Some(first) = w.chars().next() else {
        return;
    };
    if first.is_whitespace() {
        return;
    }
    let word = w.chars().any(char::is_alphanumeric);
    let possessive = if word {
        ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|p| w.len() > p.len() && w.ends_with(**p))
            .map_or(0, |p| p.len() as u8)
    } else {
        0
    };
    out.push(Token {
        span: Span::new(a, b),
        word,
        capital: first.is_uppercase(),
        possessive,
    });
}

/// True for ASCII letters and digits: a table look-up, for loops that ask
/// it of nearly every byte.
pub(crate) fn is_alnum(b: u8) -> bool {
    static ALNUM: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = (i as u8).is_ascii_alphanumeric();
            i += 1;
        }
        t
    };
    ALNUM[usize::from(b)]
}

/// The end of the run of ASCII letters and digits that starts at byte `i`
/// of `b` (`i` itself when there is none): eight bytes at a time, for the
/// scans that step over every word of a text. A word's end is then found
/// by arithmetic rather than by a branch per byte, which the processor
/// would mispredict at the end of nearly every word.
pub(crate) fn alnum_run(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, the top bit of `x + (0x80 - lo)` tells `x >= lo`, and of
    // `x + (0x7f - hi)` tells `x > hi`, as long as `x` is below 0x80: no
    // sum then carries into the next byte.
    let in_range = |x: u64, lo: u8, hi: u8| {
        (x + u64::from(0x80 - lo) * ONES) & !(x + u64::from(0x7f - hi) * ONES)
    };
    while let Some(chunk) = b.get(i..i + 8) {
        let w = chunk.try_into().map_or(0, u64::from_le_bytes);
        let low = w & !HIGH;
        // Upper-case letters OR 0x20 are the lower-case ones.
        let words = (in_range(low | (0x20 * ONES), b'a', b'z') | in_range(low, b'0', b'9')) & !w;
        let stop = !words & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + b
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|&&c| is_alnum(c)).count())
}

/// The UAX #29 word segments of an ASCII chunk without white space,
/// reported as byte ranges: letters and digits run together (WB8–WB10),
/// a letter run continues over `'`, `.` or `:` before another letter
/// (WB6, WB7), a digit run over `,`, `.`, `;` or `'` before another digit
/// (WB11, WB12), underscores join (WB13a, WB13b), and every other character
/// is a segment of its own.
fn ascii_words(chunk: &str, mut emit: impl FnMut(usize, usize)) {
    let b = chunk.as_bytes();
    let is_word = |c: u8| is_alnum(c) || c == b'_';
    let mut i = 0;
    while i < b.len() {
        if !is_word(b[i]) {
            emit(i, i + 1);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            if i < b.len() && is_word(b[i]) {
                i += 1;
                continue;
            }
            // A middle character between two letters or two digits.
            if i + 1 < b.len() {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                let letters = prev.is_ascii_alphabetic()
                    && next.is_ascii_alphabetic()
                    && matches!(mid, b'\'' | b'.' | b':');
                let digits = prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && matches!(mid, b',' | b'.' | b';' | b'\'');
                if letters || digits {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        emit(start, i);
    }
}

/// The UAX #29 word classes of the characters [`wide_words`] knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`).
    Joiner,
    /// MidLetter (`:`): joins letters only.
    MidLetter,
    /// MidNumLet and Single_Quote (`.`, `'`, `‘`, `’`): join letters or
    /// digits.
    MidNumLet,
    /// MidNum (`,`, `;`): joins digits only.
    MidNum,
    /// Anything else: a segment of its own.
    Other,
}

/// The word class of an ASCII character, or of a non-ASCII character
/// common in news text (typographic quotes and dashes, no-break space,
/// Latin-1 letters); `None` for any other.
fn wide_class(c: char) -> Option<WordClass> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => WordClass::Letter,
        '0'..='9' => WordClass::Digit,
        '_' => WordClass::Joiner,
        ':' => WordClass::MidLetter,
        '.' | '\'' | '‘' | '’' => WordClass::MidNumLet,
        ',' | ';' => WordClass::MidNum,
        '×' | '÷' => WordClass::Other,
        '\u{C0}'..='\u{FF}' => WordClass::Letter,
        c if c.is_ascii() => WordClass::Other,
        '“' | '”' | '«' | '»' | '‹' | '›' | '„' | '‚' | '–' | '—' | '…' | '\u{A0}' | '€' | '£'
        | '°' | '•' => WordClass::Other,
        _ => return None,
    })
}

/// Every character of `chunk` as (byte offset, class), when all are known
/// to [`wide_class`].
fn known_classes(chunk: &str) -> Option<Vec<(usize, WordClass)>> {
    chunk
        .char_indices()
        .map(|(i, c)| wide_class(c).map(|k| (i, k)))
        .collect()
}

/// [`ascii_words`] over the characters of a chunk of `len` bytes.
fn wide_words(len: usize, chars: &[(usize, WordClass)], mut emit: impl FnMut(usize, usize)) {
    use WordClass::*;
    let offset = |i: usize| chars.get(i).map_or(len, |&(o, _)| o);
    let class = |i: usize| chars[i].1;
    let is_word = |k: WordClass| matches!(k, Letter | Digit | Joiner);
    let mut i = 0;
    while i < chars.len() {
        if !is_word(class(i)) {
            emit(offset(i), offset(i + 1));
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            if i < chars.len() && is_word(class(i)) {
                i += 1;
                continue;
            }
            if i + 1 < chars.len() {
                let (prev, mid, next) = (class(i - 1), class(i), class(i + 1));
                let letters =
                    prev == Letter && next == Letter && matches!(mid, MidLetter | MidNumLet);
                let digits = prev == Digit && next == Digit && matches!(mid, MidNum | MidNumLet);
                if letters || digits {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        emit(offset(start), offset(i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_runs_end_where_the_byte_test_says() {
        // Every byte value at every position of a chunk and of the tail.
        for len in [1usize, 7, 8, 9, 16, 20] {
            for at in 0..len {
                for x in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = x;
                    let slow = b.iter().take_while(|&&c| is_alnum(c)).count();
                    assert_eq!(alnum_run(&b, 0), slow, "len {len}, byte {x:#x} at {at}");
                }
            }
        }
        assert_eq!(alnum_run(b"Zz09 x", 0), 4);
        assert_eq!(alnum_run(b"ab", 2), 2);
        assert_eq!(alnum_run(b"ab", 5), 5);
    }

    /// Tokens are unicode-segmentation's word segments, white space left
    /// out.
    fn assert_matches_uax29(text: &str) {
        let uax: Vec<(usize, &str)> = text
            .split_word_bound_indices()
            .filter(|(_, w)| !w.chars().next().is_some_and(char::is_whitespace))
            .collect();
        let ours: Vec<(usize, &str)> = tokenize(text)
            .iter()
            .map(|t| (t.span.start, t.span.as_str(text)))
            .collect();
        assert_eq!(ours, uax, "{text:?}");
    }

    /// The ASCII path agrees with unicode-segmentation on ASCII text.
    #[test]
    fn ascii_path_matches_uax29() {
        let samples = [
            "U.S. officials said, \"we can't\" -- at 3.5% on Jan. 5, 1,000.50 a:b e.g. x_y B52 52B",
            "O'Brien's rock 'n' roll, the '90s; 10:30 a.m. U.K. 1'000 a'1 1'a ... !? --- __init__",
            "x.y.z 1.2.3 a..b 1,,2 'quoted' \"\" ''a'' ``b'' @user #tag http://example.com/a?b=c&d",
        ];
        for text in samples {
            assert_matches_uax29(text);
        }
        // Every printable ASCII pair and triple, between letters and digits.
        let alphabet: Vec<char> = (32u8..127).map(char::from).collect();
        for &x in &alphabet {
            for &y in &alphabet {
                for text in [
                    format!("a{x}b{y}c"),
                    format!("1{x}2{y}3"),
                    format!("a{x}1{y}b"),
                ] {
                    assert_matches_uax29(&text);
                }
            }
        }
    }

    /// The path over known characters agrees with unicode-segmentation.
    #[test]
    fn wide_path_matches_uax29() {
        let wide: Vec<char> = (0xA0..=0xFFu32)
            .filter_map(char::from_u32)
            .chain("‘’“”«»‹›„‚–—…€£°•".chars())
            .filter(|&c| wide_class(c).is_some())
            .collect();
        assert!(wide.len() > 70);
        let ascii = ["a", "1", "_", ":", ".", "'", ",", ";", "-", "\""];
        for w in &wide {
            let w = w.to_string();
            for x in ascii.iter().copied().chain([w.as_str()]) {
                for y in ascii.iter().copied().chain([w.as_str()]) {
                    for text in [
                        format!("a{w}b{x}c{y}"),
                        format!("1{x}{w}2{y}3"),
                        format!("{w}{x}a{y}{w}"),
                        format!("a{x}{w}{y}b"),
                        format!("1{w}{x}1{y}a"),
                    ] {
                        assert_matches_uax29(&text);
                    }
                }
            }
        }
    }

    #[test]
    fn words_punctuation_and_possessives() {
        let text = "Assange’s lawyer said: \"no.\"";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.span.as_str(text)).collect();
        assert_eq!(
            words,
            vec!["Assange’s", "lawyer", "said", ":", "\"", "no", ".", "\""]
        );
        assert_eq!(toks[0].stem().as_str(text), "Assange");
        assert!(toks[0].capital && toks[0].word && !toks[3].word);
    }
}
