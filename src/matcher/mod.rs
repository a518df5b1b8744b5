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
//!
//! Building an automaton over a million long names takes seconds and
//! hundreds of megabytes, so very large gazetteers use a word index instead:
//! a hash table from a name's first one or two words to the names that start
//! so, checked byte by byte. Both engines find exactly the same matches.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::gazetteer::{Entry, Label};
use crate::hash::hash;
use crate::lexicon;
use crate::normalize::{fold_str, Folded};
use crate::span::Span;
use crate::token::{alnum_run, is_alnum};

mod words;

use words::WordIndex;

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
    /// A one-word name in mixed case ("Sia", "Drake"): the first letter
    /// must be upper-case and the word not written in capitals ("SIA" is an
    /// acronym).
    Word,
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
            CaseRule::Initial | CaseRule::Word => false,
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
    /// Bit `k`: the text's case suits the pattern's candidate `k` (of the
    /// first 64).
    pub(crate) accepted: u64,
}

/// The automaton over every folded alias, and what each pattern names.
#[derive(Debug)]
pub(crate) struct Matcher {
    engine: Engine,
    /// `cands[starts[p]..starts[p + 1]]` are pattern `p`'s candidates.
    starts: Vec<u32>,
    cands: Vec<Candidate>,
    /// How every pattern starts.
    starts_any: Starts,
    /// How the patterns that may start with a lower-case letter start.
    starts_lower: Starts,
}

/// How a set of names starts: filters for the token starts worth
/// searching, cheapest first.
#[derive(Debug)]
struct Starts {
    /// For each first byte, the byte lengths of the names' first words
    /// that start with it: bit `n` for length `n`, bit 63 for 63 and more.
    lengths: Box<[u64; 256]>,
    /// The names' first words and keys.
    words: StartFilter,
}

impl Starts {
    /// Filters sized for `names` names.
    fn with_capacity(names: usize) -> Starts {
        Starts {
            lengths: Box::new([0; 256]),
            words: StartFilter::with_capacity(names),
        }
    }

    /// The bit of a first word of `len` bytes in [`Starts::lengths`].
    fn length_bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    /// Adds a folded name with its first word's hash and its key.
    fn add(&mut self, name: &str, first: u64, key: u64) {
        if let Some(&b) = name.as_bytes().first() {
            self.lengths[usize::from(b)] |= Starts::length_bit(word_ends(name, 0).0);
            self.words.insert(first, key);
        }
    }

    /// True when some name's first word starts with byte `first` and is
    /// `len` bytes long: a test cheaper than hashing the word, which most
    /// lower-case words ("said", "of") fail.
    #[inline]
    fn may_begin(&self, first: u8, len: usize) -> bool {
        self.lengths[usize::from(first)] & Starts::length_bit(len) != 0
    }

    /// The keys of the token at byte `i` of `hay`, whose first word ends at
    /// `e1`, when a name may start there ([`Starts::may_begin`] answered
    /// yes).
    fn may_start(&self, hay: &str, i: usize, e1: usize) -> Option<TokenKeys> {
        let b = hay.as_bytes();
        let one = hash(b.get(i..e1)?);
        let block = self.words.first_word(one)?;
        // Most first words start one-word names only (surnames): their
        // second word is not worth finding.
        let two = if StartFilter::has_longer(block, one) {
            second_word_end(hay, e1).map(|e2| hash(&b[i..e2]))
        } else {
            None
        };
        let keys = TokenKeys {
            one: Some(one).filter(|&k| StartFilter::has_key(block, k)),
            two: two.filter(|&k| StartFilter::has_key(block, k)),
        };
        (keys.one.is_some() || keys.two.is_some()).then_some(keys)
    }

    /// True when some name starts with the byte `b`: a test cheaper than
    /// hashing the token's first word.
    fn first_byte(&self, b: u8) -> bool {
        self.lengths[usize::from(b)] != 0
    }
}

/// The first words and keys of a set of names, as a filter that may answer
/// yes wrongly but never no wrongly (a blocked Bloom filter): a name's
/// first word and its key set one bit each in the 64-byte block that the
/// first word picks, so that a token costs one cache line however large
/// the gazetteer (16 bits a name: 2.6 MB for a million names with their
/// surnames). A first word that starts longer names sets a third bit.
#[derive(Debug)]
struct StartFilter {
    blocks: Box<[[u64; 8]]>,
    /// The number of blocks.
    count: u64,
}

impl StartFilter {
    fn with_capacity(names: usize) -> StartFilter {
        // Sized to the bit, not to a power of two: a million names need
        // 2.6 MB rather than 4, which keeps more of it in cache.
        let blocks = (names.saturating_mul(16) / 512).clamp(8, 1 << 22);
        StartFilter {
            blocks: vec![[0; 8]; blocks].into(),
            count: blocks as u64,
        }
    }

    /// The block of first word `first`: the hash's high half, as a fraction
    /// of the block count (hash tables keyed by the same hashes use the low
    /// bits).
    fn block(&self, first: u64) -> usize {
        (((first >> 32) * self.count) >> 32) as usize
    }

    /// The bit of the first word itself, and of a key, in a block.
    fn first_bit(first: u64) -> u64 {
        first & 511
    }

    fn key_bit(key: u64) -> u64 {
        (key >> 9) & 511
    }

    /// The bit telling that some name filed under two words starts with
    /// first word `first`.
    fn longer_bit(first: u64) -> u64 {
        (first >> 18) & 511
    }

    fn set(block: &mut [u64; 8], bit: u64) {
        block[(bit >> 6) as usize] |= 1 << (bit & 63);
    }

    fn get(block: &[u64; 8], bit: u64) -> bool {
        block[(bit >> 6) as usize] & (1 << (bit & 63)) != 0
    }

    /// Adds a name with first word `first` and key `key`.
    fn insert(&mut self, first: u64, key: u64) {
        let b = self.block(first);
        let block = &mut self.blocks[b];
        StartFilter::set(block, StartFilter::first_bit(first));
        StartFilter::set(block, StartFilter::key_bit(key));
        if key != first {
            StartFilter::set(block, StartFilter::longer_bit(first));
        }
    }

    /// The block of first word `first` when some name may start with it.
    fn first_word(&self, first: u64) -> Option<&[u64; 8]> {
        let block = self.blocks.get(self.block(first))?;
        StartFilter::get(block, StartFilter::first_bit(first)).then_some(block)
    }

    /// True when a name of `block`'s first word may have key `key`.
    fn has_key(block: &[u64; 8], key: u64) -> bool {
        StartFilter::get(block, StartFilter::key_bit(key))
    }

    /// True when a name filed under two words may start with first word
    /// `first`, whose block is `block`.
    fn has_longer(block: &[u64; 8], first: u64) -> bool {
        StartFilter::get(block, StartFilter::longer_bit(first))
    }
}

/// The hash of a name's first word, and the key the name is filed under:
/// the hash of its first two words, or of its first word when it has one
/// word (or its second word comes after more than [`MAX_SEPARATORS`]
/// separator bytes).
fn name_key(name: &str) -> (u64, u64) {
    let b = name.as_bytes();
    let (e1, e2) = word_ends(name, 0);
    let first = hash(&b[..e1]);
    (first, e2.map_or(first, |e2| hash(&b[..e2])))
}

/// The keys of the names that may start at a token: a name found there
/// starts with the token's first word, and ends on a token boundary, so
/// its key is the hash of the token's first word or first two words.
#[derive(Clone, Copy, Debug)]
struct TokenKeys {
    one: Option<u64>,
    two: Option<u64>,
}

/// How the matcher searches; see [`MatchEngine`](crate::MatchEngine).
#[derive(Debug)]
enum Engine {
    Empty,
    Automaton(AhoCorasick),
    Words(WordIndex),
}

/// The search engine behind entity matching.
///
/// Both engines find exactly the same mentions; they differ in build time
/// and memory. The automaton (aho-corasick) is the default; past about
/// 200,000 names the word index builds in a fraction of the time and memory.
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, MatchEngine};
///
/// let ex = Extractor::builder().match_engine(MatchEngine::WordIndex).build()?;
/// assert_eq!(ex.extract("Julian Assange spoke.").entities()[0].entity_id(), "julian-assange");
/// # Ok::<(), whosaid::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum MatchEngine {
    /// The automaton up to 200,000 names, the word index beyond.
    #[default]
    Auto,
    /// Always the aho-corasick automaton.
    Automaton,
    /// Always the word index.
    WordIndex,
}

/// Above this many distinct names, [`MatchEngine::Auto`] picks the word index.
const AUTOMATON_LIMIT: usize = 200_000;

/// Collects the folded names of entries, then builds a [`Matcher`].
#[derive(Debug, Default)]
pub(crate) struct MatcherBuilder {
    /// Every folded name, back to back.
    arena: String,
    /// (start, len in `arena`, candidate) per name, duplicates included.
    names: Vec<(u32, u32, Candidate)>,
}

impl MatcherBuilder {
    /// Adds the names of entry `index`.
    pub(crate) fn add(&mut self, index: u32, entry: &Entry<'_>) -> Result<(), Error> {
        for (text, strength, case_sensitive) in names_of(entry) {
            let start = self.arena.len();
            for c in text.trim().chars() {
                crate::normalize::fold_char(c, &mut self.arena);
            }
            let folded = &self.arena[start..];
            let lead = folded.len() - folded.trim_start().len();
            let folded = folded.trim();
            // A name needs a letter: "538" alone would match any number.
            if !folded.chars().any(char::is_alphabetic) || folded.len() > u16::MAX as usize {
                self.arena.truncate(start);
                continue;
            }
            let case = case_rule(text.trim(), folded, case_sensitive, strength);
            let (Ok(s), Ok(l)) = (u32::try_from(start + lead), u32::try_from(folded.len())) else {
                return Err(Error::new(ErrorKind::Option, "gazetteer names exceed 4 GB"));
            };
            self.names.push((
                s,
                l,
                Candidate {
                    entry: index,
                    strength,
                    case,
                },
            ));
        }
        Ok(())
    }

    /// Deduplicates the names and builds the engine.
    pub(crate) fn build(self, choice: MatchEngine) -> Result<Matcher, Error> {
        let MatcherBuilder { arena, names } = self;
        let text = |s: u32, l: u32| &arena[s as usize..(s + l) as usize];
        // Equal names end up next to each other: sorted by hash, then text.
        let mut names: Vec<(u64, u32, u32, Candidate)> = names
            .into_iter()
            .map(|(s, l, c)| (hash(text(s, l).as_bytes()), s, l, c))
            .collect();
        names.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| text(a.1, a.2).cmp(text(b.1, b.2)))
                .then(a.3.entry.cmp(&b.3.entry))
                .then(b.3.strength.cmp(&a.3.strength))
        });
        // One pattern per distinct name; its candidates in entry order, the
        // strongest name of each entry first.
        let mut patterns: Vec<(u32, u32)> = Vec::new();
        let mut starts: Vec<u32> = Vec::new();
        let mut cands: Vec<Candidate> = Vec::new();
        for (_, s, l, cand) in names {
            let this = text(s, l);
            let same = patterns
                .last()
                .is_some_and(|&(ps, pl)| &arena[ps as usize..(ps + pl) as usize] == this);
            if !same {
                patterns.push((s, l));
                starts.push(cands.len() as u32);
                cands.push(cand);
                continue;
            }
            // The same entry by two spellings with different case rules
            // ("=Nato", "=NATO") keeps both: the text needs to satisfy one.
            let group = *starts.last().unwrap_or(&0) as usize;
            if !cands[group..].iter().any(|c| {
                c.entry == cand.entry && c.case == cand.case && c.strength >= cand.strength
            }) {
                cands.push(cand);
            }
        }
        starts.push(cands.len() as u32);
        let (patterns, starts, cands) = in_entry_order(patterns, &starts, cands);
        let pattern = |&(s, l): &(u32, u32)| &arena[s as usize..(s + l) as usize];
        let lower: Vec<bool> = starts
            .windows(2)
            .map(|w| {
                cands[w[0] as usize..w[1] as usize]
                    .iter()
                    .any(|c| c.case.allows_lower_start())
            })
            .collect();
        let mut starts_any = Starts::with_capacity(patterns.len());
        let mut starts_lower = Starts::with_capacity(lower.iter().filter(|&&l| l).count());
        // Each name's first word and key (see [`name_key`]).
        let keys: Vec<(u64, u64)> = patterns.iter().map(|p| name_key(pattern(p))).collect();
        for ((p, &lower), &(first, key)) in patterns.iter().zip(&lower).zip(&keys) {
            starts_any.add(pattern(p), first, key);
            if lower {
                starts_lower.add(pattern(p), first, key);
            }
        }
        let use_words = match choice {
            MatchEngine::Auto => patterns.len() > AUTOMATON_LIMIT,
            MatchEngine::Automaton => false,
            MatchEngine::WordIndex => true,
        };
        let engine = if patterns.is_empty() {
            Engine::Empty
        } else if use_words {
            Engine::Words(WordIndex::new(&arena, &patterns, &keys)?)
        } else {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(patterns.iter().map(pattern))
                .map_err(|e| {
                    Error::new(ErrorKind::Option, format!("building the automaton: {e}"))
                })?;
            Engine::Automaton(ac)
        };
        Ok(Matcher {
            engine,
            starts,
            cands,
            starts_any,
            starts_lower,
        })
    }
}

/// The patterns, with their candidate ranges `starts` and candidates
/// `cands`, renumbered in the order of their first entry (gazetteer order,
/// by a counting sort), so that the names of one gazetteer file sit
/// together in memory whatever their hashes: with a million names of a
/// user's list loaded, the defaults' frequent names stay in cache.
fn in_entry_order(
    patterns: Vec<(u32, u32)>,
    starts: &[u32],
    cands: Vec<Candidate>,
) -> (Vec<(u32, u32)>, Vec<u32>, Vec<Candidate>) {
    let range = |p: usize| starts[p] as usize..starts[p + 1] as usize;
    let first: Vec<usize> = (0..patterns.len())
        .map(|p| cands.get(range(p).start).map_or(0, |c| c.entry as usize))
        .collect();
    let mut at = vec![0usize; first.iter().max().map_or(1, |&m| m + 2)];
    for &e in &first {
        at[e + 1] += 1;
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    let mut order = vec![0usize; patterns.len()];
    for (p, &e) in first.iter().enumerate() {
        order[at[e]] = p;
        at[e] += 1;
    }
    let mut old: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    let mut new_starts = Vec::with_capacity(starts.len());
    let mut new_cands = Vec::with_capacity(old.len());
    for &p in &order {
        new_starts.push(new_cands.len() as u32);
        new_cands.extend(old[range(p)].iter_mut().filter_map(Option::take));
    }
    new_starts.push(new_cands.len() as u32);
    let new_patterns = order.iter().map(|&p| patterns[p]).collect();
    (new_patterns, new_starts, new_cands)
}

impl Matcher {
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
        if matches!(self.engine, Engine::Empty) {
            return Vec::new();
        }
        let hay = folded.as_str();
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        // An anchored leftmost-longest search at every token start that may
        // begin a name finds the longest name there; searching again with
        // the range cut short of it finds the next longest, so a shorter
        // name survives when a longer one ends inside a word. A filter of
        // the names' first words and keys skips most tokens without touching
        // the engine; a token starting with a lower-case letter asks the
        // filter of the names that may start so ("justice department").
        //
        // A token starts at a character that is no space and follows no
        // letter or digit, nor an apostrophe inside a word ("O'Brien").
        let same_offsets = folded.same_offsets();
        let lower_at = |i: usize| {
            let o = if same_offsets {
                i
            } else {
                folded.orig_start(i)
            };
            match original.as_bytes().get(o) {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => original
                    .get(o..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_lowercase),
            }
        };
        let (mut prev_alnum, mut inner_apostrophe) = (false, false);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let starts = !prev_alnum && !inner_apostrophe;
            if b == b' ' {
                // The commonest separator, first.
                (prev_alnum, inner_apostrophe) = (false, false);
                i += 1;
            } else if is_alnum(b) {
                let j = alnum_run(bytes, i + 1);
                if starts {
                    // The first word goes on when a letter of another script
                    // follows.
                    let e1 = if bytes.get(j).is_some_and(|b| !b.is_ascii()) {
                        word_ends(hay, i).0
                    } else {
                        j
                    };
                    self.try_start(original, folded, lower_at(i), i, e1, &mut out);
                }
                // The rest of the word starts nothing.
                i = j;
                (prev_alnum, inner_apostrophe) = (true, false);
            } else if b.is_ascii() {
                let space = b.is_ascii_whitespace();
                // (Every name is in `starts_any`, lower-case ones too.)
                if starts && !space && self.starts_any.first_byte(b) {
                    let e1 = word_ends(hay, i).0;
                    self.try_start(original, folded, lower_at(i), i, e1, &mut out);
                }
                (prev_alnum, inner_apostrophe) = (false, b == b'\'' && prev_alnum);
                i += 1;
            } else {
                let c = hay[i..].chars().next().unwrap_or(' ');
                if starts && !c.is_whitespace() {
                    let e1 = word_ends(hay, i).0;
                    self.try_start(original, folded, lower_at(i), i, e1, &mut out);
                }
                (prev_alnum, inner_apostrophe) = (c.is_alphanumeric(), false);
                i += c.len_utf8();
            }
        }
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        out
    }

    /// Tries the token at folded byte `i`, whose first word ends at `e1`
    /// and whose first letter is `lower` case: its filter's first-byte and
    /// length test here (inlined into the scan), the rest out of line.
    #[inline(always)]
    fn try_start(
        &self,
        original: &str,
        folded: &Folded,
        lower: bool,
        i: usize,
        e1: usize,
        out: &mut Vec<RawMatch>,
    ) {
        let filter = if lower {
            &self.starts_lower
        } else {
            &self.starts_any
        };
        let first = folded.as_str().as_bytes().get(i).copied().unwrap_or(0);
        if filter.may_begin(first, e1 - i) {
            self.search_token(original, folded, filter, i, e1, out);
        }
    }

    /// Searches the token at folded byte `i`, whose first word ends at `e1`
    /// and which `filter` lets through by its first byte and length.
    fn search_token(
        &self,
        original: &str,
        folded: &Folded,
        filter: &Starts,
        i: usize,
        e1: usize,
        out: &mut Vec<RawMatch>,
    ) {
        if let Some(keys) = filter.may_start(folded.as_str(), i, e1) {
            self.find_at(original, folded, i, keys, out);
        }
    }

    /// Every name that starts at folded byte `s` and ends on a token
    /// boundary, longest first.
    fn find_at(
        &self,
        original: &str,
        folded: &Folded,
        s: usize,
        keys: TokenKeys,
        out: &mut Vec<RawMatch>,
    ) {
        let hay = folded.as_str();
        match &self.engine {
            Engine::Empty => {}
            Engine::Automaton(ac) => {
                let mut end = hay.len();
                while end > s {
                    let input = Input::new(hay).range(s..end).anchored(Anchored::Yes);
                    let Ok(Some(m)) = ac.try_find(input) else {
                        return;
                    };
                    self.check(original, folded, s, m.end(), m.pattern().as_u32(), out);
                    end = m.end() - 1;
                }
            }
            Engine::Words(index) => {
                // Longer names first: those filed under two words.
                let rest = hay.as_bytes().get(s..).unwrap_or(&[]);
                for key in [keys.two, keys.one].into_iter().flatten() {
                    index.each_starting(key, rest, |pid, len| {
                        self.check(original, folded, s, s + len, pid, out);
                    });
                }
            }
        }
    }

    /// Records pattern `pid` found at folded `[s, e)` when it sits on token
    /// boundaries and one of its candidates accepts the text's case.
    fn check(
        &self,
        original: &str,
        folded: &Folded,
        s: usize,
        e: usize,
        pid: u32,
        out: &mut Vec<RawMatch>,
    ) {
        let hay = folded.as_str();
        if !on_boundaries(hay, s, e) || runs_into_number(hay, s, e) {
            return;
        }
        let start = folded.orig_start(s);
        let stop = folded.orig_end(original, e);
        let Some(orig) = original.get(start..stop) else {
            return;
        };
        if original[..start].ends_with('<') && is_ticker(&original[start..]) {
            return;
        }
        // Which of the first 64 candidates the text's case suits (those
        // past 64, rare, are asked again when needed).
        let cands = self.candidates(pid);
        let mut accepted = 0u64;
        // Candidates in a row often share their rule (a surname's bearers).
        let mut last: Option<(&CaseRule, bool)> = None;
        for (k, c) in cands.iter().take(64).enumerate() {
            let ok = match last {
                Some((rule, ok)) if *rule == c.case => ok,
                _ => case_ok(&c.case, orig, s, folded, original),
            };
            last = Some((&c.case, ok));
            if ok {
                accepted |= 1 << k;
            }
        }
        if accepted != 0
            || cands
                .iter()
                .skip(64)
                .any(|c| case_ok(&c.case, orig, s, folded, original))
        {
            out.push(RawMatch {
                span: Span::new(start, stop),
                folded_start: s,
                pattern: pid,
                accepted,
            });
        }
    }

    /// The indices past 64 of the candidates of `m` whose case rule the
    /// text satisfies (those of the first 64 are bits of `m.accepted`).
    pub(crate) fn accepted_past_64(
        &self,
        m: RawMatch,
        original: &str,
        folded: &Folded,
    ) -> Box<[u32]> {
        let orig = m.span.as_str(original);
        (64u32..)
            .zip(self.candidates(m.pattern).iter().skip(64))
            .filter(|(_, c)| case_ok(&c.case, orig, m.folded_start, folded, original))
            .map(|(k, _)| k)
            .collect()
    }

    /// The candidates of `m` whose case rule the text satisfies.
    pub(crate) fn accepted<'a>(
        &'a self,
        m: RawMatch,
        original: &'a str,
        folded: &'a Folded,
    ) -> impl Iterator<Item = &'a Candidate> + 'a {
        let orig = m.span.as_str(original);
        let mut last = None;
        self.candidates(m.pattern)
            .iter()
            .enumerate()
            .filter(move |&(k, c)| match k {
                0..64 => m.accepted & 1 << k != 0,
                _ => case_ok(&c.case, orig, m.folded_start, folded, original),
            })
            .map(|(_, c)| c)
            .filter(move |c| last.replace(c.entry) != Some(c.entry))
    }

    /// How many entries pattern `p` names.
    pub(crate) fn entry_count(&self, p: u32) -> usize {
        let cands = self.candidates(p);
        1 + cands
            .windows(2)
            .filter(|w| w[0].entry != w[1].entry)
            .count()
            - usize::from(cands.is_empty())
    }
}

/// The most separator characters between the first two words of a key.
const MAX_SEPARATORS: usize = 8;

/// Where the first word starting at byte `s` of `t` ends, and where the
/// second ends (after at most [`MAX_SEPARATORS`] separator bytes). A word
/// is a run of letters and digits; a separator starting the text is a word
/// of its own.
fn word_ends(t: &str, s: usize) -> (usize, Option<usize>) {
    let mut e1 = word_run(t, s);
    if e1 == s {
        e1 = (s + char_at(t, s).1.max(1)).min(t.len());
    }
    (e1, second_word_end(t, e1))
}

/// Where the word after the first word, which ends at `e1`, ends.
fn second_word_end(t: &str, e1: usize) -> Option<usize> {
    // The common case first: one space, then an ASCII letter or digit.
    if let [b' ', c, ..] = t.as_bytes().get(e1..).unwrap_or(&[]) {
        if is_alnum(*c) {
            return Some(word_run(t, e1 + 1));
        }
    }
    let mut k = e1;
    loop {
        match char_at(t, k) {
            (false, len) if len > 0 && k - e1 < MAX_SEPARATORS => k += len,
            (true, _) if k - e1 <= MAX_SEPARATORS => return Some(word_run(t, k)),
            _ => return None,
        }
    }
}

/// Whether the character at byte `i` of `t` belongs to a word, and its
/// length (0 at the end).
fn char_at(t: &str, i: usize) -> (bool, usize) {
    match t.as_bytes().get(i) {
        None => (false, 0),
        Some(x) if x.is_ascii() => (x.is_ascii_alphanumeric(), 1),
        Some(_) => t
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// The end of the run of word characters from byte `i` of `t`.
fn word_run(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    loop {
        // ASCII letters and digits, the common case, byte by byte.
        i = alnum_run(b, i);
        match char_at(t, i) {
            (true, len) => i += len,
            _ => return i,
        }
    }
}

/// The names an entry is matched by: (text, strength, case-sensitive).
fn names_of<'a>(entry: &Entry<'a>) -> Vec<(&'a str, Strength, bool)> {
    let mut out = vec![(entry.canonical, Strength::Canonical, false)];
    for a in &entry.aliases {
        let s = if a.ambiguous {
            Strength::Ambiguous
        } else {
            Strength::Alias
        };
        out.push((a.text, s, a.case_sensitive));
    }
    // "The New York Times" is also "New York Times"; the article stays in
    // the longer form. A single word left without its article ("Wire" of
    // "The Wire", "Australian" of "The Australian") would match everywhere:
    // such names need their "The" unless the gazetteer lists the short form.
    let mut extra = Vec::new();
    for &(t, s, cs) in &out {
        if let Some(rest) = t.strip_prefix("The ").or_else(|| t.strip_prefix("the ")) {
            if rest.trim().contains(' ') {
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
    // A title made of a rank and a place ("Duchess of Cornwall") ends in
    // no surname.
    if n < 2 || words[n - 2].1 == "of" {
        return Vec::new();
    }
    let end = words[n - 1].0 + words[n - 1].1.trim_end_matches(',').len();
    let mut out = vec![&name[words[n - 1].0..end]];
    if n >= 3 {
        out.push(&name[words[n - 2].0..end]);
    }
    // An initial ("J."), a particle alone, or an acronym ("AA" of "Anuel
    // AA") is no surname.
    out.retain(|s| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && s.chars().any(char::is_lowercase)
    });
    out
}

/// The case rule an alias gets.
fn case_rule(alias: &str, folded: &str, case_sensitive: bool, strength: Strength) -> CaseRule {
    if case_sensitive {
        return CaseRule::Exact(alias.into());
    }
    let words: Vec<&str> = alias.split_whitespace().collect();
    if words.len() <= 1 || strength == Strength::Surname && words.len() <= 2 {
        let capital = alias
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let mixed = alias.chars().any(char::is_lowercase);
        return match (capital, mixed && words.len() == 1) {
            (true, true) => CaseRule::Word,
            (true, false) => CaseRule::Initial,
            (false, _) => CaseRule::Any,
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
        let capital = w
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let Some(rel) = folded[pos..].find(fw.as_str()) else {
            break;
        };
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
        CaseRule::Initial => orig
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| !c.is_lowercase()),
        CaseRule::Word => {
            let mut letters = orig.chars().filter(|c| c.is_alphabetic());
            let first_upper = letters.next().is_some_and(|c| !c.is_lowercase());
            let mut rest = letters.peekable();
            first_upper && (rest.peek().is_none() || rest.any(char::is_lowercase))
        }
        CaseRule::Exact(alias) => {
            let a = alias
                .chars()
                .filter(|c| c.is_alphabetic())
                .map(char::is_uppercase);
            let o = orig
                .chars()
                .filter(|c| c.is_alphabetic())
                .map(char::is_uppercase);
            a.eq(o)
        }
    }
}

/// True when `[s, e)` of the folded text runs into a number: a code, a
/// score or a figure ("Karbala-5", "Europe-1", "France 24-18", "7.2GB").
fn runs_into_number(hay: &str, s: usize, e: usize) -> bool {
    let b = hay.as_bytes();
    let after = matches!(b.get(e..e + 2), Some([b'-' | b'.', d]) if d.is_ascii_digit());
    let before = s >= 2 && b[s - 1] == b'.' && b[s - 2].is_ascii_digit();
    after || before
}

/// True when `rest`, which follows a `<`, is a ticker symbol ("MTI.N>",
/// "ROK>"): one short word up to the `>`, with a dot or without lower-case
/// letters. Reuters writes company names in the same brackets ("<Bank of
/// Montreal>", "<Samsung>"), and those are names.
fn is_ticker(rest: &str) -> bool {
    let (mut dot, mut lower) = (false, false);
    for &b in rest.as_bytes().iter().take(16) {
        match b {
            b'>' => return dot || !lower,
            b'.' => dot = true,
            b'a'..=b'z' => lower = true,
            b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'&' => {}
            _ => return false,
        }
    }
    false
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

    fn matcher_with(text: &str, engine: MatchEngine) -> Matcher {
        let srcs = [GazetteerSource::from_text("t.tsv", text)];
        let mut b = MatcherBuilder::default();
        let mut i = 0;
        parse_all(&srcs, |_, e| {
            b.add(i, &e).unwrap();
            i += 1;
        })
        .unwrap();
        b.build(engine).unwrap()
    }

    /// Builds both engines and checks that they agree on `found` calls.
    struct Both(Matcher, Matcher);

    fn matcher(text: &str) -> ((), Both) {
        (
            (),
            Both(
                matcher_with(text, MatchEngine::Automaton),
                matcher_with(text, MatchEngine::WordIndex),
            ),
        )
    }

    fn found(m: &Both, text: &str) -> Vec<String> {
        let f = Folded::new(text);
        let run = |m: &Matcher| -> Vec<String> {
            m.find(text, &f)
                .iter()
                .map(|r| r.span.as_str(text).to_string())
                .collect()
        };
        let (a, b) = (run(&m.0), run(&m.1));
        assert_eq!(a, b, "the engines disagree on {text:?}");
        a
    }

    #[test]
    fn surnames_are_derived() {
        assert_eq!(
            derived_surnames("Andrés Manuel López Obrador"),
            vec!["Obrador", "López Obrador"]
        );
        assert_eq!(
            derived_surnames("Martin Luther King Jr."),
            vec!["King", "Luther King"]
        );
        assert!(derived_surnames("Madonna").is_empty());
        assert!(derived_surnames("Duchess of Cornwall").is_empty());
    }

    #[test]
    fn boundaries_and_possessives() {
        let (_, m) = matcher("ja\tPERSON\tJulian Assange\n");
        assert_eq!(found(&m, "Assange's lawyer"), vec!["Assange"]);
        assert_eq!(found(&m, "Assange’s lawyer"), vec!["Assange"]);
        assert!(found(&m, "Assangex said").is_empty());
        assert!(found(&m, "xAssange said").is_empty());
        assert_eq!(found(&m, "JULIAN ASSANGE"), vec!["JULIAN ASSANGE"]);
        // A one-word name written in capitals is an acronym; "<X.N>" a ticker.
        let (_, m) = matcher("sia\tPERSON\tSia\n");
        assert!(found(&m, "the SIA said").is_empty());
        assert_eq!(found(&m, "Sia sang"), vec!["Sia"]);
        assert_eq!(found(&m, "Sia Inc <Sia.N>"), vec!["Sia"]);
        assert_eq!(found(&m, "Sia Inc <SIA>"), vec!["Sia"]);
        // A name in Reuters' company brackets is a name.
        assert_eq!(found(&m, "<Sia Inc> said"), vec!["Sia"]);
        assert_eq!(found(&m, "from <Sia>, a unit"), vec!["Sia"]);
    }

    #[test]
    fn a_name_run_into_a_number_is_none() {
        let (_, m) = matcher("k\tLOC\tKarbala\nf\tOUTLET\tFrance 24\nfr\tLOC\tFrance\n");
        assert!(found(&m, "the Karbala-5 offensive").is_empty());
        assert!(found(&m, "size 7.2France").is_empty());
        // The shorter name survives a longer one run into a number.
        assert_eq!(found(&m, "beat France 24-18"), vec!["France"]);
        assert_eq!(found(&m, "France 3.57 3.42"), vec!["France"]);
        assert_eq!(
            found(&m, "Karbala-Baghdad road, Karbala. 5 died"),
            vec!["Karbala", "Karbala"]
        );
        assert_eq!(found(&m, "France 24 said"), vec!["France 24", "France"]);
    }

    #[test]
    fn tickers_are_told_from_names_in_brackets() {
        for t in ["MTI.N>", "ROK>", "RD.AMS>", "Sia.N> said", "BT>"] {
            assert!(is_ticker(t), "{t}");
        }
        for t in [
            "Bank of Montreal>",
            "Samsung>",
            "Sia",
            "ABC DEF>",
            "ROK",
            "Ab",
        ] {
            assert!(!is_ticker(t), "{t}");
        }
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
    fn names_of_every_shape_are_found_by_both_engines() {
        let (_, m) = matcher(
            "a\tPERSON\tJoe Biden\n\
             b\tORG\tAT&T\n\
             c\tLOC\tU.S.\n\
             d\tPERSON\t't Hooft\n\
             e\tLOC\tМосква\n\
             f\tLOC\tSão Paulo\n\
             g\tORG\tA - - - - - - B\n\
             h\tORG\t(Untitled)\n\
             i\tPERSON\tÜnal Çelik\n",
        );
        let text = "Joe Biden… met AT&T in the U.S.-based office; 't Hooft, Москва, \
                    Sao Paulo, A - - - - - - B and (Untitled) with Unal Celik. Biden·";
        assert_eq!(
            found(&m, text),
            vec![
                "Joe Biden",
                "Biden",
                "AT&T",
                "U.S.",
                "'t Hooft",
                "Hooft",
                "Москва",
                "Sao Paulo",
                "A - - - - - - B",
                "(Untitled)",
                "Unal Celik",
                "Celik",
                "Biden",
            ]
        );
        // A name's first word must be the token's whole first word.
        assert!(found(&m, "Joe Bidenx, AT&Tx, Москвах").is_empty());
    }

    proptest::proptest! {
        /// Every name of a random gazetteer, written as it is between line
        /// breaks, is found by both engines: the start filter drops no name.
        #[test]
        fn every_name_written_alone_is_found(
            names in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(NAME_WORDS), 1..4),
                1..10,
            ),
        ) {
            // A name needs a letter (the gazetteer refuses others).
            let names: Vec<String> = names
                .iter()
                .map(|w| w.join(" "))
                .filter(|n| n.chars().any(char::is_alphabetic))
                .collect();
            let tsv: String = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("e{i}\tORG\t{n}\n"))
                .collect();
            let (_, m) = matcher(&tsv);
            for name in &names {
                let text = format!("Yes.\n{name}\nNo.");
                let found = found(&m, &text);
                proptest::prop_assert!(found.contains(name), "{name:?}: {found:?}");
            }
        }
    }

    /// Pieces of names: plain and accented words, capitals, punctuation
    /// inside names, other scripts.
    const NAME_WORDS: &[&str] = &[
        "Joe",
        "Biden",
        "López",
        "AT&T",
        "U.S.",
        "O'Brien",
        "al-Assad",
        "Москва",
        "São",
        "Ünal",
        "'t",
        "(Untitled)",
        "Zoë",
        "Straße",
        "X",
        "Q.",
        "de",
        "van",
        "the",
        "New",
        "A",
        "-",
        "SIA",
        "eBay",
    ];

    #[test]
    fn multiword_aliases_match_any_case() {
        let (_, m) = matcher("doj\tORG\tUnited States Department of Justice\tJustice Department|justice department\n");
        assert_eq!(
            found(&m, "the U.S. justice department"),
            vec!["justice department"]
        );
        let (_, m) = matcher("wh\tORG\tWhite House\n");
        assert!(found(&m, "a white house").is_empty());
        assert_eq!(found(&m, "the White House"), vec!["White House"]);
    }
}
