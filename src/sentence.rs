//! Sentence segmentation for English news text: [`sentences`].
//!
//! UAX #29 proposes boundaries; the rules here review each of them, and add
//! the few that UAX #29 misses. Every scan is bounded, so the splitter is
//! linear in the length of the text.

use crate::lexicon;
use crate::Span;

/// The longest token, in characters, that the splitter inspects before a
/// period. Longer tokens are never abbreviations; the bound keeps the
/// splitter linear on adversarial input.
const MAX_TOKEN_CHARS: usize = 32;

/// The most characters of whitespace or punctuation the splitter skips when
/// it looks ahead for the next word.
const MAX_SKIP_CHARS: usize = 16;

/// Splits `text` into sentences.
///
/// Returns byte spans, in order, each trimmed of surrounding whitespace
/// (including no-break space, other Unicode whitespace and the byte-order
/// mark) and never empty. Text that contains only whitespace has no
/// sentence. The function runs in linear time and never panics.
///
/// # Rules
///
/// The splitter starts from the sentence boundaries of Unicode
/// [UAX #29](https://www.unicode.org/reports/tr29/#Sentence_Boundaries) and
/// reviews each of them with the conventions of English news text:
///
/// * **Line breaks** (LF, CR, CRLF, NEL, U+2028, U+2029, VT and FF) always
///   end a sentence, whatever comes before them.
/// * **Titles and reference abbreviations** (`Mr.`, `Dr.`, `Sen.`, `Gen.`,
///   `e.g.`, `vs.`, `Fig.`, `pp.` …) never end a sentence.
/// * **Abbreviations before numbers** (`No. 5`, `Jan. 5`, `Art. 3`) do not
///   end a sentence when a number follows.
/// * **Abbreviations that may end a sentence** (`Inc.`, `Jr.`, `etc.`,
///   `St.`, month and state abbreviations, and dotted abbreviations such as
///   `U.S.`, `D.C.` and `a.m.`) and **initials** (`George W. Bush`) end one
///   only when the next word clearly starts a sentence: a capitalised
///   closed-class word such as "The", "He" or "However", possibly after an
///   opening quotation mark or bracket, or a title such as "Mr.". So
///   "in the U.S. He left" splits and "U.S. President Joe Biden" does not.
/// * **Question and exclamation marks** do not end a sentence before a
///   lowercase word (`"Why?" he asked.`), nor after a closing quotation
///   mark when a speaker and a reporting verb follow (`"Why?" Smith
///   asked.`).
/// * **Closing quotation marks and brackets** after the final punctuation
///   belong to the sentence they close: `He said "Go." Then he left.` gives
///   `He said "Go."` and `Then he left.`; the same holds for `”`, `’`, `?"`
///   and `!"`. After `."` a lowercase word continues the sentence
///   (`"Stop." he said.`).
/// * **Ellipses**: after `...` or `…` a capitalised word starts a new
///   sentence and a lowercase word does not.
/// * **Decimals, times, version numbers, URLs and e-mail addresses**
///   (`3.5`, `10.30`, `2.0.1`, `example.com`) are never split.
/// * Two boundaries that UAX #29 misses are added: a period directly before
///   a sentence opener (`said.The`), and a plain word or number, a period
///   and a sentence that starts with a digit (`in 2019. 2020 was`).
///
/// # Limitations
///
/// After an abbreviation that may end a sentence, a sentence that starts
/// with a proper noun or another open-class word is not split off ("at
/// 3 a.m. Police said" stays one sentence). A sentence that starts with a
/// lowercase word ("eBay") is not split from the previous one. A single
/// capital letter and a period is read as an initial, so "Plan B. Nothing
/// worked." stays one sentence.
///
/// # Example
///
/// ```
/// use whosaid::{sentences, Span};
///
/// let text = "Mr. Smith left the U.S. military at 10 a.m. He said \"Go.\" \
///             Then he left.\n\"Why?\" she asked.";
/// let got: Vec<&str> = sentences(text).iter().map(|s| s.as_str(text)).collect();
/// assert_eq!(got, [
///     "Mr. Smith left the U.S. military at 10 a.m.",
///     "He said \"Go.\"",
///     "Then he left.",
///     "\"Why?\" she asked.",
/// ]);
///
/// assert_eq!(sentences("  Hi. Bye.  "), [Span::new(2, 5), Span::new(6, 10)]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Builder {
        text,
        start: 0,
        spans: Vec::new(),
    };
    for (offset, piece) in crate::uax29::sentence_bounds(text) {
        let end = offset + piece.len();
        inner_breaks(text, offset, end, &mut out);
        if end < text.len() && breaks_at(text, end) {
            out.cut(end);
        }
    }
    out.cut(text.len());
    out.spans
}

/// Accumulates sentence spans as boundaries are found.
struct Builder<'t> {
    text: &'t str,
    /// Where the current, unfinished sentence starts.
    start: usize,
    spans: Vec<Span>,
}

impl Builder<'_> {
    /// Ends the current sentence at byte offset `at`. Offsets at or before
    /// the current start are ignored, so boundaries found twice are harmless.
    fn cut(&mut self, at: usize) {
        if at <= self.start {
            return;
        }
        if let Some(span) = trimmed(self.text, self.start, at) {
            self.spans.push(span);
        }
        self.start = at;
    }
}

/// The span `start..end` of `text` without surrounding whitespace, or
/// `None` when nothing but whitespace is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = text.get(start..end)?;
    let rest = s.trim_start_matches(is_space);
    let lead = s.len() - rest.len();
    let core = rest.trim_end_matches(is_space);
    if core.is_empty() {
        return None;
    }
    Some(Span::new(start + lead, start + lead + core.len()))
}

/// Whitespace for trimming: Unicode `White_Space` plus the invisible
/// zero-width space, word joiner and byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters that end a paragraph or line, and so always a sentence.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Closing quotation marks and brackets that may follow the end of a
/// sentence and belong to it. `“` and `‘` close quotations in German-style
/// text.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '«' | '›' | '‹' | ')' | ']' | '}'
    )
}

/// Opening quotation marks and brackets that may precede the first word of
/// a sentence.
fn is_opener_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '»' | '‹' | '›' | '(' | '['
    )
}

/// How the text before a UAX #29 boundary ends.
enum Ending {
    /// A line break: always a sentence boundary.
    Hard,
    /// A period at byte offset `dot`, followed by closing marks when
    /// `closed`.
    Period { dot: usize, closed: bool },
    /// A question or exclamation mark, followed by closing marks when
    /// `closed`.
    Mark { closed: bool },
    /// Anything else, such as a terminal from another script: keep the
    /// UAX #29 boundary.
    Other,
}

/// Classifies the end of `text[..at]`. Scans back over the whitespace and
/// closing marks that UAX #29 attaches to the end of a sentence; these
/// belong to the piece that ends at `at`, so each is scanned once.
fn ending(text: &str, at: usize) -> Ending {
    let mut chars = text[..at].char_indices().rev().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if !is_space(c) {
            break;
        }
        if is_line_break(c) {
            return Ending::Hard;
        }
        chars.next();
    }
    let mut closed = false;
    while let Some(&(_, c)) = chars.peek() {
        if !is_closer(c) {
            break;
        }
        closed = true;
        chars.next();
    }
    match chars.next() {
        Some((dot, '.')) => Ending::Period { dot, closed },
        Some((_, '?' | '!' | '‽')) => Ending::Mark { closed },
        _ => Ending::Other,
    }
}

/// Decides whether the UAX #29 boundary at byte offset `at` (strictly inside
/// `text`) ends a sentence.
fn breaks_at(text: &str, at: usize) -> bool {
    match ending(text, at) {
        Ending::Hard | Ending::Other => true,
        Ending::Mark { closed } => {
            let next = Next::at(text, at);
            if next.first.is_some_and(char::is_lowercase) {
                return false;
            }
            !(closed && attribution_follows(text, at))
        }
        Ending::Period { dot, closed } => {
            let Some(token) = token_before(text, dot) else {
                return true;
            };
            let next = Next::at(text, at);
            if closed {
                // Titles are never quoted or bracketed before their name;
                // after a closing mark every abbreviation may end a sentence.
                return !is_abbrev(token) || next.is_opener();
            }
            if lexicon::is_non_terminal_abbrev(token) {
                return false;
            }
            if lexicon::is_numbered_abbrev(token) && next.starts_number() {
                return false;
            }
            if lexicon::is_terminal_abbrev(token) || is_initial(token) || is_dotted(token) {
                return next.is_opener();
            }
            true
        }
    }
}

/// The token that ends with the period at byte offset `dot`: the run of
/// letters, digits and periods before it, plus the period itself. `None`
/// when the run is longer than [`MAX_TOKEN_CHARS`] (no abbreviation is).
fn token_before(text: &str, dot: usize) -> Option<&str> {
    let before = &text[..dot];
    let mut start = dot;
    for (taken, (i, c)) in before.char_indices().rev().enumerate() {
        if !(c.is_alphanumeric() || c == '.') {
            break;
        }
        if taken >= MAX_TOKEN_CHARS {
            return None;
        }
        start = i;
    }
    text.get(start..dot + 1)
}

/// True for any abbreviation the lexicon or the token's shape knows.
fn is_abbrev(token: &str) -> bool {
    lexicon::is_non_terminal_abbrev(token)
        || lexicon::is_numbered_abbrev(token)
        || lexicon::is_terminal_abbrev(token)
        || is_initial(token)
        || is_dotted(token)
}

/// True for a single uppercase letter and a period: an initial ("W.").
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// True for a dotted abbreviation: two or more groups of one or two letters,
/// each followed by a period ("U.S.", "a.m.", "Ph.D.", "N.Y.").
fn is_dotted(token: &str) -> bool {
    let Some(body) = token.strip_suffix('.') else {
        return false;
    };
    let mut groups = 0;
    for group in body.split('.') {
        let letters = group.chars().count();
        if !(1..=2).contains(&letters) || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// True for a token that is a plain word or number ending in a period, and
/// no abbreviation: "said.", "2020.".
fn is_plain(token: &str) -> bool {
    let body = token.strip_suffix('.').unwrap_or(token);
    let letters = body.chars().count();
    let word = letters >= 2 && body.chars().all(char::is_alphabetic);
    let number = letters >= 2 && body.bytes().all(|b| b.is_ascii_digit());
    (word || number) && !is_abbrev(token)
}

/// What follows a boundary: the first non-space character, and the first
/// word after any opening quotation marks or brackets.
struct Next<'t> {
    /// The first character after whitespace.
    first: Option<char>,
    /// The run of letters that starts the next word (possibly empty).
    word: &'t str,
    /// The word followed by a period, when one follows it.
    word_dot: Option<&'t str>,
}

impl<'t> Next<'t> {
    /// Looks at the text after byte offset `at`.
    fn at(text: &'t str, at: usize) -> Next<'t> {
        let rest = &text[at..];
        let mut chars = rest.char_indices().peekable();
        let mut first = None;
        let mut skipped = 0;
        while let Some(&(_, c)) = chars.peek() {
            if is_space(c) && skipped < MAX_SKIP_CHARS {
                skipped += 1;
                chars.next();
                continue;
            }
            first = Some(c);
            break;
        }
        while let Some(&(_, c)) = chars.peek() {
            if is_opener_mark(c) && skipped < MAX_SKIP_CHARS {
                skipped += 1;
                chars.next();
                continue;
            }
            break;
        }
        let start = chars.peek().map_or(rest.len(), |&(i, _)| i);
        let mut end = start;
        for (taken, (i, c)) in chars.by_ref().enumerate() {
            if !c.is_alphabetic() || taken >= MAX_TOKEN_CHARS {
                break;
            }
            end = i + c.len_utf8();
        }
        let word = &rest[start..end];
        let word_dot = rest[end..].starts_with('.').then(|| &rest[start..=end]);
        Next {
            first,
            word,
            word_dot,
        }
    }

    /// True when the next word clearly starts a sentence.
    fn is_opener(&self) -> bool {
        match self.word_dot {
            Some(dotted) => lexicon::is_sentence_opener(dotted),
            None => lexicon::is_sentence_opener(self.word),
        }
    }

    /// True when a number follows ("5", "#5").
    fn starts_number(&self) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit() || c == '#')
    }
}

/// True when the text after byte offset `at` is a speaker followed by a
/// reporting verb: one to three capitalised words or titles, then a cue
/// verb of the speech lexicon (`Smith asked`, `Sen. Jane Doe said`).
fn attribution_follows(text: &str, at: usize) -> bool {
    let mut rest = &text[at..];
    let mut names = 0;
    loop {
        let Some(len) = word_len(rest) else {
            return false;
        };
        let word = &rest[..len];
        let Some(first) = word.chars().next() else {
            return false;
        };
        if first.is_lowercase() {
            return names > 0 && lexicon::cue_verb(word.trim_end_matches('.')).is_some();
        }
        let opener = lexicon::is_sentence_opener(word.trim_end_matches('.'));
        let title = lexicon::is_non_terminal_abbrev(word);
        if names == 3 || !first.is_uppercase() || (names == 0 && opener && !title) {
            return false;
        }
        names += 1;
        match rest[len..].strip_prefix(' ') {
            Some(after) => rest = after,
            None => return false,
        }
    }
}

/// The length in bytes of the word (letters, periods, hyphens and
/// apostrophes) at the start of `s`; `None` when it is longer than
/// [`MAX_TOKEN_CHARS`].
fn word_len(s: &str) -> Option<usize> {
    for (taken, (i, c)) in s.char_indices().enumerate() {
        if !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')) {
            return Some(i);
        }
        if taken >= MAX_TOKEN_CHARS {
            return None;
        }
    }
    Some(s.len())
}

/// Finds the sentence boundaries that UAX #29 misses inside the piece
/// `text[offset..end]` and reports them to `out`.
fn inner_breaks(text: &str, offset: usize, end: usize, out: &mut Builder<'_>) {
    let bytes = text.as_bytes();
    let mut pos = offset;
    // A byte search: '.', vertical tab, form feed, or the lead byte of '…'.
    while let Some(k) = bytes[pos..end]
        .iter()
        .position(|&b| matches!(b, b'.' | 0x0B | 0x0C | 0xE2))
    {
        pos += k;
        let cut = match bytes[pos] {
            b'.' => break_after_period(text, pos),
            0xE2 if text[pos..end].starts_with('…') => break_after_ellipsis(text, pos + 3),
            0xE2 => None,
            _ => Some(pos + 1),
        };
        if let Some(cut) = cut.filter(|&cut| cut < end) {
            out.cut(cut);
        }
        pos += 1;
    }
}

/// A boundary after the period at byte offset `dot` that UAX #29 does not
/// see: "said.The" (no space before a sentence opener) and "in 2020. 2021
/// was" (a sentence that starts with a number).
fn break_after_period(text: &str, dot: usize) -> Option<usize> {
    let after = dot + 1;
    let rest = text.get(after..)?;
    let first = rest.chars().next()?;
    if first.is_uppercase() {
        let token = token_before(text, dot)?;
        if lexicon::is_non_terminal_abbrev(token) || is_initial(token) {
            return None;
        }
        let next = Next::at(text, after);
        // `first` is a letter, so the word starts right after the period.
        let spaced = rest
            .get(next.word.len()..)
            .and_then(|tail| tail.chars().next())
            .is_some_and(|c| c.is_whitespace() || c == '\'' || c == '’');
        return (next.word.len() > 1 && spaced && next.is_opener()).then_some(after);
    }
    if first.is_whitespace() {
        let token = token_before(text, dot)?;
        let skip = rest
            .char_indices()
            .take(MAX_SKIP_CHARS)
            .find(|&(_, c)| !c.is_whitespace())?
            .0;
        let digit = rest[skip..].starts_with(|c: char| c.is_ascii_digit());
        return (digit && is_plain(token)).then_some(after + skip);
    }
    None
}

/// A boundary after an ellipsis character ending at byte offset `after`,
/// mirroring what UAX #29 does for "...": "He paused… Then he left." splits,
/// "wait… and then" does not.
fn break_after_ellipsis(text: &str, after: usize) -> Option<usize> {
    let rest = text.get(after..)?;
    let mut spaces = false;
    for (taken, (i, c)) in rest.char_indices().enumerate() {
        if taken >= MAX_SKIP_CHARS {
            return None;
        }
        // Closing marks may come before the space, opening marks after it.
        let mark = if spaces {
            is_opener_mark(c)
        } else {
            is_closer(c)
        };
        if is_space(c) {
            spaces = true;
        } else if !mark {
            return (spaces && c.is_uppercase()).then_some(after + i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.as_str(text)).collect()
    }

    /// Input text and the sentences expected from it.
    const CASES: &[(&str, &[&str])] = &[
        // Plain sentences and trimming.
        ("", &[]),
        (" \t\n \u{a0}", &[]),
        ("Hello world", &["Hello world"]),
        ("It rained. We stayed in.", &["It rained.", "We stayed in."]),
        ("Really? Yes! Fine.", &["Really?", "Yes!", "Fine."]),
        ("\u{a0} It rained.\u{2003} ", &["It rained."]),
        ("\u{feff}It rained.", &["It rained."]),
        // Titles never end a sentence.
        ("Mr. Smith met Dr. Jones.", &["Mr. Smith met Dr. Jones."]),
        ("Mrs. Ms. Prof. Gen. Sen. Rep. Gov. Lt. Col. Capt. Sgt. Maj. Adm. Cmdr. Rev. Hon. Pres. Supt. Det. Insp. Fr. Mt. Ruth.",
         &["Mrs. Ms. Prof. Gen. Sen. Rep. Gov. Lt. Col. Capt. Sgt. Maj. Adm. Cmdr. Rev. Hon. Pres. Supt. Det. Insp. Fr. Mt. Ruth."]),
        ("Prof. He Jiankui spoke.", &["Prof. He Jiankui spoke."]),
        ("(Sen. Warren) agreed.", &["(Sen. Warren) agreed."]),
        ("Roe v. Wade was decided. Smith vs. Jones was not.", &["Roe v. Wade was decided.", "Smith vs. Jones was not."]),
        ("Some fruit, e.g. Apples, i.e. Good ones.", &["Some fruit, e.g. Apples, i.e. Good ones."]),
        ("See Fig. 3 and pp. 4-5, cf. Chapter 2.", &["See Fig. 3 and pp. 4-5, cf. Chapter 2."]),
        ("It weighs approx. 5 tons. Vol. 2 is out.", &["It weighs approx. 5 tons.", "Vol. 2 is out."]),
        // Abbreviations before numbers.
        ("He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
        ("The answer was No. The vote failed.", &["The answer was No.", "The vote failed."]),
        ("It opened on Jan. 5. The crowd came.", &["It opened on Jan. 5.", "The crowd came."]),
        ("On Sept. 11 Americans mourned.", &["On Sept. 11 Americans mourned."]),
        ("Shares fell in Dec. The drop continued.", &["Shares fell in Dec.", "The drop continued."]),
        // Abbreviations that may end a sentence.
        ("He joined Acme Inc. The firm grew.", &["He joined Acme Inc.", "The firm grew."]),
        ("Acme Inc. Chief Executive Jane Doe spoke.", &["Acme Inc. Chief Executive Jane Doe spoke."]),
        ("He met Martin Luther King Jr. Day organizers.", &["He met Martin Luther King Jr. Day organizers."]),
        ("She sells apples, pears, etc. But not plums.", &["She sells apples, pears, etc.", "But not plums."]),
        ("U.S. President Joe Biden spoke.", &["U.S. President Joe Biden spoke."]),
        ("He left the U.S. military in 2001.", &["He left the U.S. military in 2001."]),
        ("He moved to the U.S. He never left.", &["He moved to the U.S.", "He never left."]),
        ("He moved to the U.S. Then he left.", &["He moved to the U.S.", "Then he left."]),
        ("It happened in Washington, D.C. \"We won,\" she said.", &["It happened in Washington, D.C.", "\"We won,\" she said."]),
        ("The E.U. and U.N. agreed. The U.K. Parliament did not.", &["The E.U. and U.N. agreed.", "The U.K. Parliament did not."]),
        ("We met at 10 a.m. Friday. It was early.", &["We met at 10 a.m. Friday.", "It was early."]),
        ("We met at 5 p.m. It was late.", &["We met at 5 p.m.", "It was late."]),
        ("She earned a Ph.D. Mr. Lee did not.", &["She earned a Ph.D.", "Mr. Lee did not."]),
        ("He sued Apple Inc.\nShares fell.", &["He sued Apple Inc.", "Shares fell."]),
        ("Smith et al. However, the results held.", &["Smith et al.", "However, the results held."]),
        ("It was made in the U.S.", &["It was made in the U.S."]),
        ("He lives on Main St. The house is old. St. Louis is near.", &["He lives on Main St.", "The house is old.", "St. Louis is near."]),
        ("He lives in Springfield, Ill. His wife works in Boston, Mass. Gov. Healey met her.", &["He lives in Springfield, Ill.", "His wife works in Boston, Mass. Gov. Healey met her."]),
        // Initials.
        ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
        ("George W. Bush and John F. Kennedy were presidents.", &["George W. Bush and John F. Kennedy were presidents."]),
        ("W. E. B. Du Bois wrote. E. B. White too.", &["W. E. B. Du Bois wrote.", "E. B. White too."]),
        ("He met Malcolm X. He was impressed.", &["He met Malcolm X.", "He was impressed."]),
        ("It was Plan B.\nNothing worked.", &["It was Plan B.", "Nothing worked."]),
        // Numbers, times, URLs, e-mail.
        ("Growth was 3.5 percent. It rose 1.5 million.", &["Growth was 3.5 percent.", "It rose 1.5 million."]),
        ("The train left at 10.30 sharp. It cost $4.50.", &["The train left at 10.30 sharp.", "It cost $4.50."]),
        ("Visit example.com or www.Example.org today. Write to jane.Doe@example.com now.", &["Visit example.com or www.Example.org today.", "Write to jane.Doe@example.com now."]),
        ("See https://news.example.com/a.b?c=1. Then click.", &["See https://news.example.com/a.b?c=1.", "Then click."]),
        ("Version 2.0.1 shipped. Prices rose 3.5.", &["Version 2.0.1 shipped.", "Prices rose 3.5."]),
        ("Sales peaked in 2019. 2020 was worse.", &["Sales peaked in 2019.", "2020 was worse."]),
        ("Nobody came. 5 people stayed home.", &["Nobody came.", "5 people stayed home."]),
        ("It was Room No. 5 that burned. Vol. 3 covers it.", &["It was Room No. 5 that burned.", "Vol. 3 covers it."]),
        // Ellipses.
        ("Wait... and then it happened.", &["Wait... and then it happened."]),
        ("He paused... Then he left.", &["He paused...", "Then he left."]),
        ("He paused\u{2026} Then he left.", &["He paused\u{2026}", "Then he left."]),
        ("Wait\u{2026} and then it happened.", &["Wait\u{2026} and then it happened."]),
        ("He paused . . . Then he left.", &["He paused . . .", "Then he left."]),
        // Quotation marks.
        ("He said \"Go.\" Then he left.", &["He said \"Go.\"", "Then he left."]),
        ("He said \u{201c}Go.\u{201d} Then he left.", &["He said \u{201c}Go.\u{201d}", "Then he left."]),
        ("He said \u{2018}Go.\u{2019} Then he left.", &["He said \u{2018}Go.\u{2019}", "Then he left."]),
        ("\"Stop,\" he said. \"Now.\"", &["\"Stop,\" he said.", "\"Now.\""]),
        ("\"Stop.\" he said.", &["\"Stop.\" he said."]),
        ("\"Why?\" he asked.", &["\"Why?\" he asked."]),
        ("\u{201c}Why?\u{201d} she asked. \u{201c}Run!\u{201d} he shouted.", &["\u{201c}Why?\u{201d} she asked.", "\u{201c}Run!\u{201d} he shouted."]),
        ("\"Why?\" Smith asked.", &["\"Why?\" Smith asked."]),
        ("\"Why?\" Sen. Jane Doe asked.", &["\"Why?\" Sen. Jane Doe asked."]),
        ("\"Why?\" The answer came later.", &["\"Why?\"", "The answer came later."]),
        ("\"Is it over?\" They said no.", &["\"Is it over?\"", "They said no."]),
        ("Why not? because.", &["Why not? because."]),
        ("He works at \"Acme Inc.\" The firm grew.", &["He works at \"Acme Inc.\"", "The firm grew."]),
        ("(See Fig. 3.) The data agree.", &["(See Fig. 3.)", "The data agree."]),
        ("He joined the U.S. \"We are proud,\" it said.", &["He joined the U.S.", "\"We are proud,\" it said."]),
        // Missing space after a period.
        ("He said no.The talks ended.", &["He said no.", "The talks ended."]),
        ("Mr.Smith came.", &["Mr.Smith came."]),
        // Line breaks.
        ("First line\nSecond line", &["First line", "Second line"]),
        ("Dr.\nWho", &["Dr.", "Who"]),
        ("One.\r\nTwo.\r\n\r\nThree.\r\n", &["One.", "Two.", "Three."]),
        ("One\rTwo\u{2028}Three\u{2029}Four\u{85}Five", &["One", "Two", "Three", "Four", "Five"]),
        ("One\u{0B}Two\u{0C}Three", &["One", "Two", "Three"]),
        ("Mr.\u{0C}Smith", &["Mr.", "Smith"]),
        ("Ends here.   \n\n  Next para.  ", &["Ends here.", "Next para."]),
        // Mixed news sentences.
        ("I. M. Pei designed it. I. The end.", &["I. M. Pei designed it.", "I.", "The end."]),
        ("He was born on Aug. 4, 1961, in Honolulu. He grew up there.", &["He was born on Aug. 4, 1961, in Honolulu.", "He grew up there."]),
        ("\"We won!\" The crowd cheered.", &["\"We won!\"", "The crowd cheered."]),
        ("\"Stop!\" shouted Smith. \"Now!\" Jones yelled.", &["\"Stop!\" shouted Smith.", "\"Now!\" Jones yelled."]),
        ("He said, 'She told me \"no.\"' Then he left.", &["He said, 'She told me \"no.\"'", "Then he left."]),
        ("Mr.\u{a0}Smith came. Dr. Who aired.", &["Mr.\u{a0}Smith came.", "Dr. Who aired."]),
        ("Rubio (R-Fla.) spoke. Sen. Rubio (R-Fla.) He left.", &["Rubio (R-Fla.) spoke.", "Sen. Rubio (R-Fla.)", "He left."]),
        ("It costs 5 U.S. dollars. The U.S. Army and U.S. Rep. Jane Doe agreed.", &["It costs 5 U.S. dollars.", "The U.S. Army and U.S. Rep. Jane Doe agreed."]),
        ("He said \u{201e}Ja.\u{201c} Dann ging er.", &["He said \u{201e}Ja.\u{201c}", "Dann ging er."]),
        // A known limitation: a proper noun after "a.m." does not start a sentence.
        ("He was arrested at 3 a.m. Police said so.", &["He was arrested at 3 a.m. Police said so."]),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for &(text, want) in CASES {
            let got = split(text);
            if got != want {
                failures.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// Checks every promise `sentences` makes about its output.
    fn check_invariants(text: &str) {
        let spans = sentences(text);
        let mut last_end = 0;
        for span in &spans {
            assert!(span.start < span.end, "empty span {span:?} in {text:?}");
            assert!(span.start >= last_end, "overlap at {span:?} in {text:?}");
            assert!(span.end <= text.len(), "{span:?} outside {text:?}");
            let Some(s) = text.get(span.range()) else {
                panic!("{span:?} not on char boundaries in {text:?}");
            };
            assert!(
                !s.starts_with(is_space) && !s.ends_with(is_space),
                "{s:?} untrimmed"
            );
            let gap = &text[last_end..span.start];
            assert!(gap.chars().all(is_space), "text {gap:?} lost in {text:?}");
            last_end = span.end;
        }
        assert!(
            text[last_end..].chars().all(is_space),
            "tail lost in {text:?}"
        );
    }

    #[test]
    fn invariants_on_table() {
        for &(text, _) in CASES {
            check_invariants(text);
        }
    }

    /// Pseudo-random texts built from the pieces that trip sentence
    /// splitters: abbreviations, quotes, line breaks, odd whitespace and
    /// multi-byte characters.
    #[test]
    fn invariants_on_random_text() {
        const PIECES: &[&str] = &[
            "Mr.",
            "U.S.",
            "Inc.",
            "No.",
            "Jan.",
            "e.g.",
            "a.m.",
            "W.",
            "I",
            "The",
            "he",
            "said",
            "asked",
            "Smith",
            "x",
            "5",
            "3.5",
            "é",
            "日本",
            ".",
            "..",
            "…",
            "?",
            "!",
            ",",
            "\"",
            "'",
            "\u{201c}",
            "\u{201d}",
            "\u{2019}",
            "(",
            ")",
            " ",
            " ",
            "  ",
            "\n",
            "\r",
            "\r\n",
            "\u{a0}",
            "\u{0b}",
            "\u{0c}",
            "\u{85}",
            "\u{2028}",
            "\u{2029}",
            "\u{200b}",
            "\u{feff}",
            "\0",
            "\u{7f}",
            "\u{301}",
            "\u{1f600}",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        };
        for _ in 0..3000 {
            let len = next() % 40;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            check_invariants(&text);
        }
    }

    /// Long adversarial inputs finish quickly (the splitter is linear) and
    /// keep the invariants.
    #[test]
    fn large_adversarial_inputs() {
        let n = 50_000;
        for unit in [
            ".",
            "?",
            " ",
            "\n",
            "1.B",
            "x?",
            "a. ",
            "Mr. ",
            "U.S. ",
            "W. ",
            "\"Why?\" ",
            "… ",
            "said. 5 ",
            "no.The ",
            "é.",
            "\u{2029}",
        ] {
            check_invariants(&unit.repeat(n));
        }
        let long_word = "a".repeat(n) + ". " + &".a".repeat(n) + ". The end.";
        check_invariants(&long_word);
    }

    #[test]
    fn many_periods_make_one_sentence() {
        let text = ".".repeat(10_000);
        assert_eq!(sentences(&text), [Span::new(0, text.len())]);
    }
}
