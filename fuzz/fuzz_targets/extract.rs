//! Fuzzes the whole pipeline: arbitrary bytes (as lossy UTF-8) through
//! `Extractor::extract` and the JSON form, checking the invariants that
//! `tests/properties.rs` checks (keep the two in step) and panicking on a
//! violation.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use whosaid::{Document, Extractor, Span};

/// The extractor with the default gazetteers, built once.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let doc = extractor().extract(&input);
    check_doc(&input, &doc);
});

/// The code-point offset of byte offset `byte` of `text`.
fn cp(text: &str, byte: usize) -> u64 {
    text[..byte].chars().count() as u64
}

/// Checks that `span` lies in `text`, on character boundaries.
fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text (length {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

/// Checks a JSON span against the Rust span it came from.
fn check_json_span(text: &str, span: Span, json: &Value, what: &str) {
    assert_eq!(
        json["start"],
        json!(cp(text, span.start)),
        "{what} start: {json}"
    );
    assert_eq!(json["end"], json!(cp(text, span.end)), "{what} end: {json}");
    assert_eq!(
        json["text"],
        json!(span.as_str(text)),
        "{what} text: {json}"
    );
}

/// Checks every invariant of `doc`, extracted from `input`.
fn check_doc(input: &str, doc: &Document) {
    let text = doc.text();
    assert_eq!(text, input, "offsets index the text as given");

    let mut last_end = 0;
    for e in doc.entities() {
        check_span(text, e.span(), "entity");
        assert!(!e.span().is_empty(), "empty entity {e:?}");
        assert!(
            e.span().start >= last_end,
            "entities overlap or are unsorted"
        );
        last_end = e.span().end;
        if let Some(title) = e.title() {
            check_span(text, title, "title");
            assert!(title.end <= e.span().start, "title after the name");
        }
    }
    let mut last_start = 0;
    for q in doc.quotes() {
        check_span(text, q.span(), "quote");
        assert!(q.span().start >= last_start, "quotes unsorted");
        last_start = q.span().start;
        assert!(
            (0.0..=1.0).contains(&q.confidence()),
            "confidence {}",
            q.confidence()
        );
        if let Some(sp) = q.speaker() {
            check_span(text, sp.span(), "speaker");
        }
        if let Some(cue) = q.cue() {
            check_span(text, cue, "cue");
        }
    }
    let mut last_end = 0;
    for &s in doc.sentences() {
        check_span(text, s, "sentence");
        assert!(s.start >= last_end, "sentences overlap or are unsorted");
        last_end = s.end;
        let t = s.as_str(text);
        assert!(!t.is_empty() && t.trim() == t, "sentence {t:?} not trimmed");
    }

    let value = doc.to_json(Some(json!(1)), true);
    let string = serde_json::to_string(&value).expect("a Value serialises");
    let back: Value = serde_json::from_str(&string).expect("the JSON parses");
    assert_eq!(back, value, "JSON round trip");
    let empty = Vec::new();
    let list = |key: &str| value[key].as_array().unwrap_or(&empty).clone();
    let (entities, quotes, sentences) = (list("entities"), list("quotes"), list("sentences"));
    assert_eq!(entities.len(), doc.entities().len());
    for (e, j) in doc.entities().iter().zip(&entities) {
        check_json_span(text, e.span(), j, "entity");
    }
    assert_eq!(quotes.len(), doc.quotes().len());
    for (q, j) in doc.quotes().iter().zip(&quotes) {
        check_json_span(text, q.span(), j, "quote");
        let c = j["confidence"].as_f64().expect("confidence is a number");
        assert!((0.0..=1.0).contains(&c));
        match q.speaker() {
            Some(sp) => check_json_span(text, sp.span(), &j["speaker"], "speaker"),
            None => assert!(j["speaker"].is_null()),
        }
        match q.cue() {
            Some(cue) => check_json_span(text, cue, &j["cue"], "cue"),
            None => assert!(j["cue"].is_null()),
        }
    }
    assert_eq!(sentences.len(), doc.sentences().len());
    for (&s, j) in doc.sentences().iter().zip(&sentences) {
        check_json_span(text, s, j, "sentence");
    }
}
