//! Property tests of the library: whatever the text, [`Extractor::extract`]
//! does not panic and its result keeps the contract's invariants (spans in
//! the text and on character boundaries, entities sorted and disjoint, quotes
//! sorted, confidence in [0, 1], JSON with code-point offsets that agree with
//! the text).
//!
//! The number of cases per property is 256; set `PROPTEST_CASES` for more.
//! Crash inputs found by fuzzing (`fuzz/`) are kept in `tests/fixtures/fuzz/`
//! and replayed by [`fuzz_regressions`].

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::json;
use unicode_segmentation::UnicodeSegmentation;
use whosaid::{Document, Extractor, Span};

#[path = "common/invariants.rs"]
mod invariants;

use invariants::check_doc;

/// The extractor with the default gazetteers, built once.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// Extracts `input` and checks every invariant of the result; panics on a
/// violation. (`fuzz/fuzz_targets/extract.rs` checks the same, from
/// `tests/common/invariants.rs`.)
fn check(input: &str) -> Document {
    let doc = extractor().extract(input);
    check_doc(input, &doc);
    doc
}

/// Quotation marks of every style the contract cares about.
const MARKS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "「", "」", "``", "''",
];

/// Names from the default gazetteers, partial names, and names in no
/// gazetteer.
const NAMES: &[&str] = &[
    "Joe Biden",
    "Biden",
    "President Joe Biden",
    "Mr. Biden",
    "Biden's",
    "Biden’s",
    "Julian Assange",
    "Assange",
    "Assange's",
    "Mr Assange",
    "Andrés Manuel López Obrador",
    "Lopez Obrador",
    "AMLO",
    "Reuters",
    "the Guardian",
    "Jane Doe",
    "WikiLeaks",
];

/// Words that take part in attribution, and filler.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "reporters",
    "according to",
    "added",
    "he",
    "she",
    "they",
    "it",
    "that",
    "the",
    "media outlets",
    "spokesman",
    "on Monday",
    "wrote",
    "asked",
    "Publishing",
    "is",
    "not",
    "a",
    "crime",
    "we",
    "will",
    "win",
    "U.S.",
    "Dr.",
    "a.m.",
    "—",
    "–",
    "-",
    "…",
    "(",
    ")",
    "From",
    "Statement from",
];

/// Separators, including line and paragraph breaks.
const SEPARATORS: &[&str] = &[
    " ", " ", " ", "\n", "\n\n", "\r\n", "\t", ". ", ", ", ": ", "; ", "! ", "? ", "\u{a0}",
    "\u{2028}", "\u{FEFF}",
];

/// A piece of news-like text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(MARKS).prop_map(String::from),
        4 => prop::sample::select(WORDS).prop_map(String::from),
        3 => prop::sample::select(NAMES).prop_map(String::from),
        4 => prop::sample::select(SEPARATORS).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zéñü]{1,10}",
        1 => "[\u{300}-\u{36f}\u{200d}\u{1F600}-\u{1F64F}\u{590}-\u{6ff}]{1,4}",
    ]
}

/// News-like text: pieces run together (mostly, but not always, spaced).
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|pieces| pieces.concat())
}

/// Text made of quotation marks, names and cue words only.
fn quote_soup() -> impl Strategy<Value = String> {
    let p = prop_oneof![
        3 => prop::sample::select(MARKS).prop_map(String::from),
        1 => prop::sample::select(NAMES).prop_map(String::from),
        1 => prop::sample::select(&["said", "says", "told", ",", ".", " ", "\n\n"][..])
            .prop_map(String::from),
    ];
    prop::collection::vec(p, 0..200).prop_map(|pieces| pieces.join(" "))
}

/// The number of cases: 256, or `PROPTEST_CASES`.
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        // Failures are kept as explicit regression tests below (and inputs in
        // tests/fixtures/fuzz/), not in proptest's side files.
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_text(text in news_text()) {
        check(&text);
    }

    #[test]
    fn quotation_marks_names_and_cues(text in quote_soup()) {
        check(&text);
    }

    #[test]
    fn with_a_byte_order_mark(text in news_text()) {
        prop_assume!(!text.starts_with('\u{FEFF}'));
        // A first character that clings to what precedes it (a combining
        // mark, a joiner) joins the mark's word under UAX #29: tokens then
        // legitimately differ.
        let with = format!("\u{FEFF}{text}");
        prop_assume!(with.split_word_bounds().next() == Some("\u{FEFF}"));
        bom_only_shifts_offsets(&text);
    }

    #[test]
    fn extract_many_is_extract_in_order(
        texts in prop::collection::vec(news_text(), 0..12),
        threads in 0usize..5,
    ) {
        let many = extractor().extract_many(&texts, threads);
        let one: Vec<Document> = texts.iter().map(|t| extractor().extract(t)).collect();
        prop_assert_eq!(many, one);
    }
}

/// A leading byte-order mark shifts every offset by its three bytes and
/// changes nothing else.
fn bom_only_shifts_offsets(text: &str) {
    let with = check(&format!("\u{FEFF}{text}"));
    let plain = extractor().extract(text);
    let shift = |s: Span| Span::new(s.start + 3, s.end + 3);
    let ents = |d: &Document, f: &dyn Fn(Span) -> Span| -> Vec<(Span, String)> {
        d.entities()
            .iter()
            .map(|e| (f(e.span()), e.entity_id().to_string()))
            .collect()
    };
    let quotes = |d: &Document, f: &dyn Fn(Span) -> Span| -> Vec<(Span, &'static str)> {
        d.quotes()
            .iter()
            .map(|q| (f(q.span()), q.kind().as_str()))
            .collect()
    };
    assert_eq!(ents(&with, &|s| s), ents(&plain, &shift), "{text:?}");
    assert_eq!(quotes(&with, &|s| s), quotes(&plain, &shift), "{text:?}");
}

/// Inputs on which `with_a_byte_order_mark` once failed.
#[test]
fn byte_order_mark_regressions() {
    for text in [
        // "AMLO!" before a name is no part of it, even when a byte-order
        // mark keeps the first word from starting the text.
        " AMLO! AMLO\"",
        "Karl Biden",
        // A title glued to the byte-order mark is still a title.
        "Mr Assange\n\nJoe Biden",
        // A combining mark or joiner clings to the byte-order mark: the
        // sentence still starts with that token, not the quotation mark.
        "\u{300}``said\ton Monday President Joe Biden\"\"",
        "\u{200d}«「\tPresident Joe Biden\tmedia outletssaid« ",
        // A given name opening the text joins the surname after it, with
        // the mark before it or not.
        "UJoe Biden\r\nPresident Joe Biden spoke",
    ] {
        bom_only_shifts_offsets(text);
    }
}

#[test]
fn thousands_of_unbalanced_quotation_marks() {
    let mut inputs = vec![
        "\"".repeat(5001),
        "“".repeat(4000),
        "”".repeat(4000),
        "'".repeat(5000),
        "’s ".repeat(3000),
        "« ".repeat(3000) + "Joe Biden said.",
        "\"Joe Biden said ".repeat(2001),
        "“We will win,” Joe Biden said. “And ".repeat(1500),
        format!("{}Julian Assange said so.", "„ ‹ » ‘ ".repeat(2500)),
        "said \" Assange \n\n \" ".repeat(2000),
    ];
    // Every mark, many times, in a fixed shuffled order.
    let mut state = 7u64;
    let mut mixed = String::new();
    for _ in 0..12_000 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = (state >> 33) as usize;
        mixed += MARKS[i % MARKS.len()];
        if i % 5 == 0 {
            mixed += NAMES[i % NAMES.len()];
            mixed += " said ";
        }
        if i % 97 == 0 {
            mixed += "\n\n";
        }
    }
    inputs.push(mixed);
    for input in &inputs {
        check(input);
    }
}

#[test]
fn edge_case_texts() {
    for input in [
        "",
        " ",
        "\u{FEFF}",
        "\u{FEFF}\u{FEFF}",
        "\n\n\n",
        "\"",
        "\"\"",
        "“”",
        "Biden",
        "Joe Biden",
        "Biden's",
        "\"Publishing is not a crime,\" Julian Assange said.",
        "Julian Assange said: \"Publishing is not a crime.\"",
        "“Biden”",
        "Mr.",
        "Mr. Biden",
        "e\u{301}\u{301} Joe Biden\u{301} said",
        "\u{0}Joe\u{0}Biden\u{0}",
        "JOE BIDEN SAID \"YES\"",
        "joe biden said \"yes\"",
        "😀 Joe Biden said “😀”.",
        "\r\n\"\r\n\r\nJoe Biden said\r\n",
    ] {
        check(input);
    }
}

/// Found by `any_string`: a span ending at the end of a non-ASCII text whose
/// length is a multiple of 64 bytes got the JSON offset 0
/// (`CharOffsets::char_offset(text.len())`).
#[test]
fn json_offsets_at_the_end_of_a_64_byte_text() {
    for len in [64, 128, 192, 640] {
        let text = format!("é{}", "a".repeat(len - 2));
        assert_eq!(text.len(), len);
        let co = whosaid::CharOffsets::new(&text);
        assert_eq!(co.char_offset(len), len - 1, "end of a {len}-byte text");
        let json = extractor().extract(&text).to_json(None, true);
        assert_eq!(json["sentences"][0]["end"], json!(len - 1), "{json}");
        check(&text);
    }
    // Every length around the block size, with the multibyte character anywhere.
    for len in 60usize..=200 {
        for at in [0, len / 2, len.saturating_sub(2)] {
            let mut text = "a".repeat(len - 1);
            text.insert(at.min(text.len()), 'é');
            let co = whosaid::CharOffsets::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(co.char_offset(bi), ci);
            }
            assert_eq!(
                co.char_offset(text.len()),
                text.chars().count(),
                "{len} {at}"
            );
        }
    }
}

/// Replays every input saved under `tests/fixtures/fuzz/` (crashes found by
/// the fuzz targets; bytes read as lossy UTF-8, as the targets do). Files
/// named `gazetteer-*` are gazetteer texts (the `gazetteer` target), all
/// others texts to extract (the `extract` target).
#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.is_file()) {
        if path.extension().is_some_and(|x| x == "md") {
            continue;
        }
        let bytes = std::fs::read(path).expect("a fixture is readable");
        let text = String::from_utf8_lossy(&bytes);
        let is_gazetteer = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("gazetteer-"));
        let result = std::panic::catch_unwind(|| {
            if is_gazetteer {
                check_gazetteer(&text);
            } else {
                check(&text);
            }
        });
        assert!(result.is_ok(), "regression input {} fails", path.display());
    }
}

/// Builds an extractor from `text` as a gazetteer file (what the `gazetteer`
/// fuzz target does): an error names the file when it names a line, and an
/// extractor that builds runs on a text naming its entries.
fn check_gazetteer(text: &str) {
    let source = whosaid::GazetteerSource::from_text("fuzz.tsv", text);
    match Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(source)
        .build()
    {
        Ok(ex) => {
            let names: Vec<&str> = text
                .lines()
                .filter_map(|l| l.split('\t').nth(2))
                .take(20)
                .collect();
            let sample = format!(
                "{} “Quote,” Joe Biden said. {text}",
                names.join(" said \"yes\". ")
            );
            let doc = ex.extract(&sample);
            check_doc(&sample, &doc);
        }
        Err(e) => {
            if e.line().is_some() {
                assert_eq!(e.path(), Some("fuzz.tsv"), "{e}");
            }
            assert!(!e.to_string().is_empty());
        }
    }
}

/// Found by the `gazetteer` fuzz target: a name that starts with a
/// byte-order mark, in a text that starts with one. Offsets must index the
/// text as given.
#[test]
fn gazetteer_name_and_text_starting_with_a_byte_order_mark() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let data = std::fs::read(dir.join("gazetteer-bom-canonical")).unwrap();
    let gaz = String::from_utf8_lossy(&data);
    let ex = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(whosaid::GazetteerSource::from_text(
            "fuzz.tsv",
            gaz.as_ref(),
        ))
        .build()
        .unwrap();
    let name = gaz
        .lines()
        .next()
        .and_then(|l| l.split('\t').nth(2))
        .unwrap();
    let sample = format!("{name} “Quote,” Joe Biden said. {gaz}");
    let doc = ex.extract(&sample);
    assert!(!doc.entities().is_empty());
    check_doc(&sample, &doc);
}
