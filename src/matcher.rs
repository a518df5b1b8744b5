//! The gazetteer automaton: finds every alias of every entry in the folded
//! text, on token boundaries and with the alias's case rule.
//!
//! aho-corasick knows neither word boundaries nor Unicode case, so the text is
//! folded first ([`crate::normalize`]) and matches are filtered here. Names
//! start where tokens start, so the automaton runs anchored at token starts
//! (leftmost-longest), and again with the range cut short of each match to
//! find the shorter names at the same place: every valid candidate is
//! collected, and choosing among them happens in
//! [`crate::entities`], so a shorter valid candidate survives when a longer
//! one fails its checks.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::error::{Error, ErrorKind};
use crate::gazetteer::{Entry, Label};
use crate::lexicon;
use crate::normalize::{fold_str, Folded};
use crate::span::Span;

/// How strongly a pattern names an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    /// A surname derived from a person's full name: resolved in context.
    Surname,
    /// An alias marked `?`: resolved in context, like a surname.
    Ambiguous,
    /// An alias.
    Alias,
    /// The canonical name.
    Canonical,
}

impl Strength {
    /// True for names that identify their entry on their own.
    pub(crate) fn is_full(self) -> bool {
        self >= Strength::Alias
    }
}

/// What the original text's letters must look like for a match to count.
#[derive(Clone, Debug, PartialEq, Eq)]
enum CaseRule {
    /// Any case.
    Any,
    /// The first letter must be upper-case.
    Initial,
    /// The words starting at these byte offsets of the folded pattern must
    /// start with an upper-case letter.
    Words(Box<[u16]>),
    /// Every letter must have the case it has in this text.
    Exact(Box<str>),
}

impl CaseRule {
    /// True when a match may start with a lower-case letter.
    fn allows_lower_start(&self) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Initial => false,
            CaseRule::Words(offs) => offs.first() != Some(&0),
            CaseRule::Exact(alias) => !alias.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// One entry a pattern may name.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) entry: u32,
    pub(crate) strength: Strength,
    case: CaseRule,
}

/// A pattern found in the text, before resolution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawMatch {
    /// Where it is, in the original text.
    pub(crate) span: Span,
    /// Where it starts in the folded text.
    folded_start: usize,
    pub(crate) pattern: u32,
}

/// The automaton over every folded alias, and what each pattern names.
#[derive(Debug)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// `cands[starts[p]..starts[p + 1]]` are pattern `p`'s candidates.
    starts: Vec<u32>,
    cands: Vec<Candidate>,
    /// The first two folded bytes of every pattern.
    prefixes: PrefixSet,
    /// The same, for patterns that may start with a lower-case letter.
    lower_prefixes: PrefixSet,
}

/// A set of two-byte prefixes (a 64 Ki-bit bitmap).
#[derive(Debug)]
struct PrefixSet(Vec<u64>);

impl PrefixSet {
    fn new() -> PrefixSet {
        PrefixSet(vec![0; 1024])
    }

    /// Adds the prefix of `pattern`; a one-byte pattern adds every key that
    /// starts with its byte.
    fn add(&mut self, pattern: &[u8]) {
        match pattern {
            [] => {}
            [a] => (0..=255u8).for_each(|b| self.insert(prefix_key(&[*a, b], 0))),
            _ => self.insert(prefix_key(pattern, 0)),
        }
    }

    fn insert(&mut self, key: u16) {
        self.0[key as usize >> 6] |= 1 << (key & 63);
    }

    fn contains(&self, key: u16) -> bool {
        self.0[key as usize >> 6] & (1 << (key & 63)) != 0
    }
}

/// The two bytes at `i` as a key (a missing second byte counts as 0).
fn prefix_key(bytes: &[u8], i: usize) -> u16 {
    let a = bytes.get(i).copied().unwrap_or(0) as u16;
    let b = bytes.get(i + 1).copied().unwrap_or(0) as u16;
    (a << 8) | b
}

impl Matcher {
    /// Builds the automaton for `entries`.
    pub(crate) fn new(entries: &[Entry]) -> Result<Matcher, Error> {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut per_pattern: Vec<Vec<Candidate>> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        for (ei, entry) in entries.iter().enumerate() {
            let ei = u32::try_from(ei)
                .map_err(|_| Error::new(ErrorKind::Option, "too many gazetteer entries"))?;
            for (text, strength, case_sensitive) in names_of(entry) {
                let folded = fold_str(text.trim());
                let folded = folded.trim();
                if !folded.chars().any(char::is_alphanumeric) || folded.len() > u16::MAX as usize {
                    continue;
                }
                let case = case_rule(text.trim(), folded, case_sensitive, strength);
                let pid = match ids.get(folded) {
                    Some(&p) => p,
                    None => {
                        let p = patterns.len() as u32;
                        ids.insert(folded.to_string(), p);
                        patterns.push(folded.to_string());
                        per_pattern.push(Vec::new());
                        p
                    }
                };
                let list = &mut per_pattern[pid as usize];
                match list.iter_mut().find(|c| c.entry == ei) {
                    // The same entry by two spellings: keep the stronger
                    // name, and of equals the more lenient case rule.
                    Some(c) if c.strength < strength => {
                        c.strength = strength;
                        c.case = case;
                    }
                    Some(c) if c.strength == strength && case == CaseRule::Any => c.case = case,
                    Some(_) => {}
                    None => list.push(Candidate { entry: ei, strength, case }),
                }
            }
        }
        drop(ids);
        let (mut prefixes, mut lower_prefixes) = (PrefixSet::new(), PrefixSet::new());
        for (p, list) in patterns.iter().zip(&per_pattern) {
            prefixes.add(p.as_bytes());
            if list.iter().any(|c| c.case.allows_lower_start()) {
                lower_prefixes.add(p.as_bytes());
            }
        }
        let mut starts = Vec::with_capacity(per_pattern.len() + 1);
        let mut cands = Vec::new();
        for list in per_pattern {
            starts.push(cands.len() as u32);
            cands.extend(list);
        }
        starts.push(cands.len() as u32);
        let ac = if patterns.is_empty() {
            None
        } else {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&patterns)
                .map_err(|e| Error::new(ErrorKind::Option, format!("building the automaton: {e}")))?;
            Some(ac)
        };
        Ok(Matcher {
            ac,
            starts,
            cands,
            prefixes,
            lower_prefixes,
        })
    }

    /// The candidates of pattern `p`.
    pub(crate) fn candidates(&self, p: u32) -> &[Candidate] {
        let p = p as usize;
        match (self.starts.get(p), self.starts.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.cands[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Every pattern occurrence in `original` that sits on token boundaries
    /// and satisfies the case rule of at least one candidate. Overlapping
    /// matches are all kept. Sorted by start, then longest first.
    pub(crate) fn find(&self, original: &str, folded: &Folded) -> Vec<RawMatch> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let hay = folded.as_str();
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        // An anchored leftmost-longest search at every token start that may
        // begin a name finds the longest name there; searching again with
        // the range cut short of it finds the next longest, so a shorter
        // name survives when a longer one ends inside a word. Two-byte
        // prefix sets skip most tokens without touching the automaton; a
        // token starting with a lower-case letter is searched only when some
        // name may start that way ("justice department").
        // Whether the previous character is alphanumeric, and whether it is
        // an apostrophe inside a word ("O'Brien").
        let (mut prev_alnum, mut inner_apostrophe) = (false, false);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (alnum, space, apostrophe, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), b.is_ascii_whitespace(), b == b'\'', 1)
            } else {
                let c = hay[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.is_whitespace(), false, c.len_utf8())
            };
            if !space && !prev_alnum && !inner_apostrophe {
                let key = prefix_key(bytes, i);
                if self.prefixes.contains(key)
                    && (self.lower_prefixes.contains(key)
                        || !original
                            .get(folded.orig_start(i)..)
                            .and_then(|t| t.chars().next())
                            .is_some_and(char::is_lowercase))
                {
                    self.find_at(ac, original, folded, i, &mut out);
                }
            }
            inner_apostrophe = apostrophe && prev_alnum;
            prev_alnum = alnum;
            i += len;
        }
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        out
    }

    /// Every name that starts at folded byte `s` and ends on a token
    /// boundary, longest first.
    fn find_at(&self, ac: &AhoCorasick, original: &str, folded: &Folded, s: usize, out: &mut Vec<RawMatch>) {
        let hay = folded.as_str();
        let mut end = hay.len();
        while end > s {
            let input = Input::new(hay).range(s..end).anchored(Anchored::Yes);
            let Ok(Some(m)) = ac.try_find(input) else { return };
            if on_boundaries(hay, m.start(), m.end()) {
                let pid = m.pattern().as_u32();
                let start = folded.orig_start(m.start());
                let stop = folded.orig_end(original, m.end());
                if let Some(orig) = original.get(start..stop) {
                    if self
                        .candidates(pid)
                        .iter()
                        .any(|c| case_ok(&c.case, orig, m.start(), folded, original))
                    {
                        out.push(RawMatch {
                            span: Span::new(start, stop),
                            folded_start: m.start(),
                            pattern: pid,
                        });
                    }
                }
            }
            end = m.end() - 1;
        }
    }

    /// The candidates of `m` whose case rule the text satisfies.
    pub(crate) fn accepted<'a>(
        &'a self,
        m: RawMatch,
        original: &'a str,
        folded: &'a Folded,
    ) -> impl Iterator<Item = &'a Candidate> + 'a {
        let orig = m.span.as_str(original);
        self.candidates(m.pattern)
            .iter()
            .filter(move |c| case_ok(&c.case, orig, m.folded_start, folded, original))
    }
}

/// The names an entry is matched by: (text, strength, case-sensitive).
fn names_of(entry: &Entry) -> Vec<(&str, Strength, bool)> {
    let mut out = vec![(&*entry.canonical, Strength::Canonical, false)];
    for a in &entry.aliases {
        let s = if a.ambiguous { Strength::Ambiguous } else { Strength::Alias };
        out.push((a.text.as_str(), s, a.case_sensitive));
    }
    // "The Guardian" is also "Guardian"; the article stays in the longer form.
    // A single common word left without its article ("Wire" of "The Wire")
    // would match everywhere; such names need their "The".
    let mut extra = Vec::new();
    for &(t, s, cs) in &out {
        if let Some(rest) = t.strip_prefix("The ").or_else(|| t.strip_prefix("the ")) {
            let one_common_word = !rest.trim().contains(' ') && lexicon::is_common_word(&fold_str(rest.trim()));
            if !one_common_word {
                extra.push((rest, s, cs));
            }
        }
    }
    out.extend(extra);
    if entry.label == Label::Person {
        let mut surnames = Vec::new();
        for &(t, s, _) in &out {
            if s == Strength::Ambiguous {
                continue;
            }
            surnames.extend(derived_surnames(t));
        }
        out.extend(surnames.into_iter().map(|t| (t, Strength::Surname, false)));
    }
    out
}

/// "Andrés Manuel López Obrador" → "Obrador", "López Obrador".
pub(crate) fn derived_surnames(name: &str) -> Vec<&str> {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let mut n = words.len();
    while n > 0 && lexicon::NAME_SUFFIXES.contains(&words[n - 1].1.trim_end_matches(',')) {
        n -= 1;
    }
    if n < 2 {
        return Vec::new();
    }
    let end = words[n - 1].0 + words[n - 1].1.trim_end_matches(',').len();
    let mut out = vec![&name[words[n - 1].0..end]];
    if n >= 3 {
        out.push(&name[words[n - 2].0..end]);
    }
    // An initial ("J.") or a particle alone is no surname.
    out.retain(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    out
}

/// The case rule an alias gets.
fn case_rule(alias: &str, folded: &str, case_sensitive: bool, strength: Strength) -> CaseRule {
    if case_sensitive {
        return CaseRule::Exact(alias.into());
    }
    let words: Vec<&str> = alias.split_whitespace().collect();
    if words.len() <= 1 || strength == Strength::Surname && words.len() <= 2 {
        return if alias.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase) {
            CaseRule::Initial
        } else {
            CaseRule::Any
        };
    }
    // A capitalised alias needs its first capital ("New York", not "new
    // york"); one made only of common words ("The Guardian", "White House")
    // keeps all its capitals. An alias written in lower case in the
    // gazetteer ("justice department") matches in any case.
    let all_common = folded.split_whitespace().all(lexicon::is_common_word);
    let mut offsets = Vec::new();
    let mut pos = 0usize;
    for (i, w) in alias.split_whitespace().enumerate() {
        let fw = fold_str(w);
        let capital = w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        let Some(rel) = folded[pos..].find(fw.as_str()) else { break };
        if capital && (all_common || i == 0) {
            offsets.push((pos + rel) as u16);
        }
        pos += rel + fw.len();
    }
    match offsets.as_slice() {
        [] => CaseRule::Any,
        [0] => CaseRule::Initial,
        _ => CaseRule::Words(offsets.into()),
    }
}

/// True when the original character at folded byte `i` is upper-case (or
/// not a letter at all, e.g. a digit).
fn upper_at(folded: &Folded, original: &str, i: usize) -> bool {
    let o = folded.orig_start(i);
    match original.get(o..).and_then(|s| s.chars().next()) {
        Some(c) => !c.is_lowercase(),
        None => false,
    }
}

/// True when the matched original text `orig`, starting at folded byte
/// `start`, satisfies `rule`.
fn case_ok(rule: &CaseRule, orig: &str, start: usize, folded: &Folded, original: &str) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Words(offs) => offs
            .iter()
            .all(|&o| upper_at(folded, original, start + o as usize)),
        CaseRule::Initial => orig.chars().find(|c| c.is_alphabetic()).is_some_and(|c| !c.is_lowercase()),
        CaseRule::Exact(alias) => {
            let a = alias.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase);
            let o = orig.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase);
            a.eq(o)
        }
    }
}

/// True when `[s, e)` of the folded text starts and ends on token
/// boundaries. An apostrophe inside a word ("O'Brien") is no boundary; a
/// hyphen is ("then-U.S.", "al-Assad").
fn on_boundaries(hay: &str, s: usize, e: usize) -> bool {
    let before = hay[..s].chars().next_back();
    let ok_start = match before {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('\'') => !hay[..s - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
        Some(_) => true,
    };
    if !ok_start {
        return false;
    }
    let first = hay[s..].chars().next();
    let last = hay[..e].chars().next_back();
    // A pattern ending in "." ("U.S.") may be followed by anything; others
    // must not run on into a letter or digit.
    match hay[e..].chars().next() {
        None => true,
        Some(c) if c.is_alphanumeric() => {
            !last.is_some_and(char::is_alphanumeric) && !first.is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{parse_all, GazetteerSource};

    fn matcher(text: &str) -> (Vec<Entry>, Matcher) {
        let es = parse_all(&[GazetteerSource::from_text("t.tsv", text)]).unwrap();
        let m = Matcher::new(&es).unwrap();
        (es, m)
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        let f = Folded::new(text);
        m.find(text, &f)
            .iter()
            .map(|r| r.span.as_str(text).to_string())
            .collect()
    }

    #[test]
    fn surnames_are_derived() {
        assert_eq!(derived_surnames("Andrés Manuel López Obrador"), vec!["Obrador", "López Obrador"]);
        assert_eq!(derived_surnames("Martin Luther King Jr."), vec!["King", "Luther King"]);
        assert!(derived_surnames("Madonna").is_empty());
    }

    #[test]
    fn boundaries_and_possessives() {
        let (_, m) = matcher("ja\tPERSON\tJulian Assange\n");
        assert_eq!(found(&m, "Assange's lawyer"), vec!["Assange"]);
        assert_eq!(found(&m, "Assange’s lawyer"), vec!["Assange"]);
        assert!(found(&m, "Assangex said").is_empty());
        assert!(found(&m, "xAssange said").is_empty());
        assert_eq!(found(&m, "JULIAN ASSANGE"), vec!["JULIAN ASSANGE", "ASSANGE"]);
    }

    #[test]
    fn shorter_candidate_survives_a_failed_longer_one() {
        let (_, m) = matcher("a\tORG\tNew York\nb\tORG\tNew York Times Square\n");
        assert_eq!(found(&m, "New York Times Squared"), vec!["New York"]);
    }

    #[test]
    fn case_rules() {
        let (_, m) = matcher("g\tOUTLET\tThe Guardian\t=Guardian\nt\tPERSON\tDonald Trump\n");
        assert!(found(&m, "a guardian angel").is_empty());
        assert_eq!(found(&m, "the Guardian said"), vec!["Guardian"]);
        assert!(found(&m, "the guardian said").is_empty());
        assert!(found(&m, "a trump card").is_empty());
        assert_eq!(found(&m, "Trump said"), vec!["Trump"]);
        let (_, m) = matcher("w\tORG\tWorld Health Organization\t=WHO\n");
        assert!(found(&m, "Who said it?").is_empty());
        assert_eq!(found(&m, "the WHO said"), vec!["WHO"]);
    }

    #[test]
    fn diacritics_fold_both_ways() {
        let (_, m) = matcher("amlo\tPERSON\tAndrés Manuel López Obrador\n");
        assert_eq!(found(&m, "Lopez Obrador"), vec!["Lopez Obrador", "Obrador"]);
        let (_, m) = matcher("amlo\tPERSON\tAndres Manuel Lopez Obrador\n");
        assert_eq!(found(&m, "López Obrador"), vec!["López Obrador", "Obrador"]);
    }

    #[test]
    fn multiword_aliases_match_any_case() {
        let (_, m) = matcher("doj\tORG\tUnited States Department of Justice\tJustice Department|justice department\n");
        assert_eq!(found(&m, "the U.S. justice department"), vec!["justice department"]);
        let (_, m) = matcher("wh\tORG\tWhite House\n");
        assert!(found(&m, "a white house").is_empty());
        assert_eq!(found(&m, "the White House"), vec!["White House"]);
    }
}
