//! The invariants every extracted document keeps, checked by the property
//! tests (`tests/properties.rs`) and the `extract` fuzz target
//! (`fuzz/fuzz_targets/extract.rs`), which both include this file.

use serde_json::{json, Value};
use whosaid::{Document, Span};

/// The code-point offset of byte offset `byte` of `text`.
pub fn cp(text: &str, byte: usize) -> u64 {
    text[..byte].chars().count() as u64
}

/// Checks that `span` lies in `text`, on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text (length {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries of {text:?}"
    );
}

/// Checks a JSON span against the Rust span it came from: code-point offsets
/// and text.
pub fn check_json_span(text: &str, span: Span, json: &Value, what: &str) {
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
    // And Python's slicing rule, by code points, holds directly.
    let start = json["start"].as_u64().unwrap_or(0) as usize;
    let end = json["end"].as_u64().unwrap_or(0) as usize;
    let sliced: String = text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    assert_eq!(
        json["text"],
        json!(sliced),
        "{what}: code points {start}..{end}"
    );
}

/// Checks every invariant of `doc`, extracted from `input`.
pub fn check_doc(input: &str, doc: &Document) {
    let text = doc.text();
    assert_eq!(text, input, "offsets index the text as given");

    let mut last_end = 0;
    for e in doc.entities() {
        check_span(text, e.span(), "entity");
        assert!(!e.span().is_empty(), "empty entity {e:?}");
        assert!(
            e.span().start >= last_end,
            "entities overlap or are unsorted: {e:?}"
        );
        last_end = e.span().end;
        assert!(
            !e.canonical().is_empty() && !e.entity_id().is_empty(),
            "{e:?}"
        );
        if let Some(title) = e.title() {
            check_span(text, title, "title");
            assert!(title.end <= e.span().start, "title after the name: {e:?}");
        }
    }

    let mut last_start = 0;
    for q in doc.quotes() {
        check_span(text, q.span(), "quote");
        assert!(q.span().start >= last_start, "quotes unsorted: {q:?}");
        last_start = q.span().start;
        let c = q.confidence();
        assert!((0.0..=1.0).contains(&c), "confidence {c} of {q:?}");
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
        assert!(
            s.start >= last_end,
            "sentences overlap or are unsorted: {s:?}"
        );
        last_end = s.end;
        let t = s.as_str(text);
        assert!(!t.is_empty() && t.trim() == t, "sentence {t:?} not trimmed");
    }

    check_json(doc);
}

/// Checks the JSON form: it round-trips through a string, the streaming view
/// writes the same, and every span's code-point offsets agree with the text.
pub fn check_json(doc: &Document) {
    let text = doc.text();
    let id = json!("doc");
    let value = doc.to_json(Some(id.clone()), true);
    let string = serde_json::to_string(&value).expect("a Value serialises");
    let back: Value = serde_json::from_str(&string).expect("the JSON parses");
    assert_eq!(back, value, "JSON round trip");
    let streamed = serde_json::to_string(&doc.json(Some(&id), true)).expect("serialises");
    assert_eq!(
        serde_json::from_str::<Value>(&streamed).ok(),
        Some(value.clone())
    );
    assert_eq!(value["id"], id);

    let entities = value["entities"].as_array().expect("entities");
    assert_eq!(entities.len(), doc.entities().len());
    for (e, j) in doc.entities().iter().zip(entities) {
        check_json_span(text, e.span(), j, "entity");
        assert_eq!(j["label"], e.label().as_str());
        assert_eq!(j["canonical"], e.canonical());
        assert_eq!(j["entity_id"], e.entity_id());
    }

    let quotes = value["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), doc.quotes().len());
    for (q, j) in doc.quotes().iter().zip(quotes) {
        check_json_span(text, q.span(), j, "quote");
        assert_eq!(j["kind"], q.kind().as_str());
        let c = j["confidence"].as_f64().expect("confidence is a number");
        assert!((0.0..=1.0).contains(&c), "JSON confidence {c}");
        match q.speaker() {
            Some(sp) => check_json_span(text, sp.span(), &j["speaker"], "speaker"),
            None => assert!(j["speaker"].is_null(), "{j}"),
        }
        match q.cue() {
            Some(cue) => check_json_span(text, cue, &j["cue"], "cue"),
            None => assert!(j["cue"].is_null(), "{j}"),
        }
    }

    let sentences = value["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), doc.sentences().len());
    for (&s, j) in doc.sentences().iter().zip(sentences) {
        check_json_span(text, s, j, "sentence");
    }

    let without = doc.to_json(None, false);
    assert!(without.get("id").is_none() && without.get("sentences").is_none());
}
