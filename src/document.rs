//! The result of extraction: a [`Document`] with its entities, quotes and
//! sentences, and its JSON form (code-point offsets, per the contract).

use std::sync::Arc;

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::gazetteer::{Gender, Label};
use crate::span::Span;

/// A gazetteer entity mentioned in the text.
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, Label};
///
/// let ex = Extractor::new();
/// let text = "President Joe Biden met Mr. Assange's lawyers. Biden left.";
/// let doc = ex.extract(text);
/// let biden = &doc.entities()[0];
/// assert_eq!(biden.text(text), "Joe Biden");
/// assert_eq!(biden.label(), Label::Person);
/// assert_eq!(biden.entity_id(), "joe-biden");
/// assert_eq!(biden.title().map(|t| t.as_str(text)), Some("President"));
/// // A surname resolves to the full entry.
/// assert_eq!(doc.entities()[1].canonical(), "Julian Assange");
/// assert_eq!(doc.entities()[2].canonical(), "Joe Biden");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub(crate) span: Span,
    pub(crate) label: Label,
    pub(crate) canonical: Arc<str>,
    pub(crate) id: Arc<str>,
    pub(crate) external_id: Option<Arc<str>>,
    pub(crate) title: Option<Span>,
    pub(crate) gender: Option<Gender>,
}

impl Entity {
    /// Where the mention is (the name, without possessive or title).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The mention's text in `text` (the text it was extracted from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.as_str(text)
    }

    /// The entity's label.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The canonical name of the gazetteer entry.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The id of the gazetteer entry.
    pub fn entity_id(&self) -> &str {
        &self.id
    }

    /// The entry's external id (e.g. a Wikidata id), when the gazetteer has one.
    pub fn external_id(&self) -> Option<&str> {
        self.external_id.as_deref()
    }

    /// A title or office written before a person's name ("President",
    /// "Mr.", "Mexican President").
    pub fn title(&self) -> Option<Span> {
        self.title
    }

    /// The person's gender, when the gazetteer gives it.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
}

/// What kind of quotation a [`Quote`] is.
///
/// # Example
///
/// ```
/// use whosaid::QuoteKind;
///
/// assert_eq!(QuoteKind::Direct.as_str(), "direct");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// A quoted fragment inside reported speech (the words inside the marks).
    Partial,
    /// Reported speech: the reported clause.
    Indirect,
}

impl QuoteKind {
    /// `"direct"`, `"partial"` or `"indirect"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who a quote is attributed to.
///
/// The span is the mention that names the source: a name, a title and name,
/// a group ("the media outlets") or a pronoun. For pronouns and partial names
/// [`canonical`](Speaker::canonical) gives the resolved entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub(crate) span: Span,
    pub(crate) canonical: Option<Arc<str>>,
    pub(crate) id: Option<Arc<str>>,
    pub(crate) label: Option<Label>,
}

impl Speaker {
    /// The mention in the text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The fullest name the speaker resolves to: a gazetteer entry's
    /// canonical name, or the fullest form of the name in the article.
    pub fn canonical(&self) -> Option<&str> {
        self.canonical.as_deref()
    }

    /// The gazetteer id, when the speaker resolved to an entry.
    pub fn entity_id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The label, when known.
    pub fn label(&self) -> Option<Label> {
        self.label
    }
}

/// A quotation or reported statement with its speaker and cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub(crate) span: Span,
    pub(crate) kind: QuoteKind,
    pub(crate) speaker: Option<Speaker>,
    pub(crate) cue: Option<Span>,
    pub(crate) confidence: f32,
    pub(crate) rule: &'static str,
}

impl Quote {
    /// The quoted words (for direct and partial quotes, without the marks).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The kind of quotation.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }

    /// The speaker, when one was found.
    pub fn speaker(&self) -> Option<&Speaker> {
        self.speaker.as_ref()
    }

    /// The reporting verb or phrase ("said", "according to").
    pub fn cue(&self) -> Option<Span> {
        self.cue
    }

    /// How sure the attribution is, in `[0, 1]`.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }

    /// The name of the attribution rule that fired (for debugging and
    /// evaluation; the set of names may grow).
    pub fn rule(&self) -> &'static str {
        self.rule
    }
}

/// Everything extracted from one text.
///
/// Offsets in the Rust API are byte offsets into the text (which the
/// document keeps); [`Document::to_json`] converts them to code points.
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, QuoteKind};
///
/// let ex = Extractor::new();
/// let doc = ex.extract("\"We will win,\" Joe Biden said.");
/// let q = &doc.quotes()[0];
/// assert_eq!(q.kind(), QuoteKind::Direct);
/// assert_eq!(q.span().as_str(doc.text()), "We will win,");
/// assert_eq!(q.speaker().unwrap().canonical(), Some("Joe Biden"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub(crate) text: String,
    pub(crate) sentences: Vec<Span>,
    pub(crate) entities: Vec<Entity>,
    pub(crate) quotes: Vec<Quote>,
}

impl Document {
    /// The text the document was extracted from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The sentences, in order, without surrounding whitespace.
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// Gazetteer entity mentions, sorted by start, non-overlapping.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Quotes, sorted by start.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The document in the contract's JSON form, with code-point offsets.
    ///
    /// `id` is put first when given; `sentences` adds the `"sentences"` list.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let doc = Extractor::new().extract("¡Olé! Biden said it.");
    /// let json = doc.to_json(Some("a1".into()), true);
    /// assert_eq!(json["id"], "a1");
    /// // Code points, not bytes: "¡Olé! " is 6 characters.
    /// assert_eq!(json["entities"][0]["start"], 6);
    /// assert_eq!(json["sentences"][1]["text"], "Biden said it.");
    /// ```
    pub fn to_json(&self, id: Option<serde_json::Value>, sentences: bool) -> serde_json::Value {
        serde_json::to_value(self.json(id.as_ref(), sentences)).unwrap_or(serde_json::Value::Null)
    }

    /// A serialisable view of the document in the contract's JSON form, for
    /// writing straight to an output stream with `serde_json::to_writer`.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let doc = Extractor::new().extract("Biden spoke.");
    /// let id = serde_json::json!("doc-1");
    /// let line = serde_json::to_string(&doc.json(Some(&id), false)).unwrap();
    /// assert!(line.starts_with(r#"{"id":"doc-1","entities":[{"start":0,"end":5,"#));
    /// ```
    pub fn json<'a>(
        &'a self,
        id: Option<&'a serde_json::Value>,
        sentences: bool,
    ) -> JsonDocument<'a> {
        JsonDocument {
            doc: self,
            id,
            sentences,
            offsets: CharOffsets::new(&self.text),
        }
    }
}

/// Converts byte offsets to code-point offsets.
///
/// # Example
///
/// ```
/// use whosaid::CharOffsets;
///
/// let text = "naïve café";
/// let co = CharOffsets::new(text);
/// assert_eq!(co.char_offset(text.find("café").unwrap()), 6);
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// Characters before each 64-byte block; empty for ASCII text.
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl<'t> CharOffsets<'t> {
    /// Prepares conversion for `text` (linear time, one pass).
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let mut blocks = Vec::new();
        if !text.is_ascii() {
            let bytes = text.as_bytes();
            let mut count = 0u32;
            for chunk in bytes.chunks(BLOCK) {
                blocks.push(count);
                count += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
            }
            // The end of a text whose length is a multiple of the block size
            // has a block of its own.
            blocks.push(count);
        }
        CharOffsets { text, blocks }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.blocks.is_empty() {
            return byte;
        }
        let b = byte / BLOCK;
        let base = self.blocks.get(b).copied().unwrap_or(0) as usize;
        let from = b * BLOCK;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&x| !is_continuation(x))
            .count()
    }
}

fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// The JSON form of a [`Document`]; see [`Document::json`].
#[derive(Debug)]
pub struct JsonDocument<'a> {
    doc: &'a Document,
    id: Option<&'a serde_json::Value>,
    sentences: bool,
    offsets: CharOffsets<'a>,
}

/// A span written as `{"start", "end", "text"}` plus extra fields.
struct JsonSpan<'a> {
    span: Span,
    text: &'a str,
    offsets: &'a CharOffsets<'a>,
}

impl JsonSpan<'_> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("start", &self.offsets.char_offset(self.span.start))?;
        map.serialize_entry("end", &self.offsets.char_offset(self.span.end))?;
        map.serialize_entry("text", self.span.as_str(self.text))
    }
}

impl Serialize for JsonSpan<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.write(&mut map)?;
        map.end()
    }
}

struct JsonEntity<'a>(&'a Entity, &'a str, &'a CharOffsets<'a>);

impl Serialize for JsonEntity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let JsonEntity(e, text, offsets) = *self;
        let mut map = s.serialize_map(None)?;
        JsonSpan {
            span: e.span,
            text,
            offsets,
        }
        .write(&mut map)?;
        map.serialize_entry("label", e.label.as_str())?;
        map.serialize_entry("canonical", &*e.canonical)?;
        map.serialize_entry("entity_id", &*e.id)?;
        if let Some(x) = &e.external_id {
            map.serialize_entry("external_id", &**x)?;
        }
        if let Some(t) = e.title {
            map.serialize_entry("title", t.as_str(text))?;
        }
        map.end()
    }
}

struct JsonSpeaker<'a>(&'a Speaker, &'a str, &'a CharOffsets<'a>);

impl Serialize for JsonSpeaker<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let JsonSpeaker(sp, text, offsets) = *self;
        let mut map = s.serialize_map(None)?;
        JsonSpan {
            span: sp.span,
            text,
            offsets,
        }
        .write(&mut map)?;
        if let Some(c) = &sp.canonical {
            map.serialize_entry("canonical", &**c)?;
        }
        if let Some(i) = &sp.id {
            map.serialize_entry("entity_id", &**i)?;
        }
        if let Some(l) = sp.label {
            map.serialize_entry("label", l.as_str())?;
        }
        map.end()
    }
}

struct JsonQuote<'a>(&'a Quote, &'a str, &'a CharOffsets<'a>);

impl Serialize for JsonQuote<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let JsonQuote(q, text, offsets) = *self;
        let mut map = s.serialize_map(None)?;
        JsonSpan {
            span: q.span,
            text,
            offsets,
        }
        .write(&mut map)?;
        map.serialize_entry("kind", q.kind.as_str())?;
        map.serialize_entry(
            "speaker",
            &q.speaker.as_ref().map(|sp| JsonSpeaker(sp, text, offsets)),
        )?;
        map.serialize_entry(
            "cue",
            &q.cue.map(|c| JsonSpan {
                span: c,
                text,
                offsets,
            }),
        )?;
        // Two decimals are plenty and keep the output stable.
        let c = (f64::from(q.confidence.clamp(0.0, 1.0)) * 100.0).round() / 100.0;
        map.serialize_entry("confidence", &c)?;
        map.serialize_entry("rule", q.rule)?;
        map.end()
    }
}

/// Items that have a JSON form given the text and offset converter.
trait JsonItem {
    type Json<'b>: Serialize
    where
        Self: 'b;
    fn json<'b>(&'b self, text: &'b str, offsets: &'b CharOffsets<'b>) -> Self::Json<'b>;
}

impl JsonItem for Entity {
    type Json<'b> = JsonEntity<'b>;
    fn json<'b>(&'b self, text: &'b str, offsets: &'b CharOffsets<'b>) -> JsonEntity<'b> {
        JsonEntity(self, text, offsets)
    }
}

impl JsonItem for Quote {
    type Json<'b> = JsonQuote<'b>;
    fn json<'b>(&'b self, text: &'b str, offsets: &'b CharOffsets<'b>) -> JsonQuote<'b> {
        JsonQuote(self, text, offsets)
    }
}

impl JsonItem for Span {
    type Json<'b> = JsonSpan<'b>;
    fn json<'b>(&'b self, text: &'b str, offsets: &'b CharOffsets<'b>) -> JsonSpan<'b> {
        JsonSpan {
            span: *self,
            text,
            offsets,
        }
    }
}

struct JsonList<'a, T>(&'a [T], &'a str, &'a CharOffsets<'a>);

impl<T: JsonItem> Serialize for JsonList<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for x in self.0 {
            seq.serialize_element(&x.json(self.1, self.2))?;
        }
        seq.end()
    }
}

impl Serialize for JsonDocument<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (text, offsets) = (self.doc.text.as_str(), &self.offsets);
        let mut map = s.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry("id", id)?;
        }
        map.serialize_entry("entities", &JsonList(&self.doc.entities, text, offsets))?;
        map.serialize_entry("quotes", &JsonList(&self.doc.quotes, text, offsets))?;
        if self.sentences {
            map.serialize_entry("sentences", &JsonList(&self.doc.sentences, text, offsets))?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_python_indexing() {
        let text = "a😀b ñ ".repeat(40);
        let co = CharOffsets::new(&text);
        let exact = format!("é{}", "0".repeat(62));
        assert_eq!(exact.len(), 64);
        assert_eq!(CharOffsets::new(&exact).char_offset(64), 63);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(co.char_offset(bi), ci);
        }
        assert_eq!(co.char_offset(text.len()), text.chars().count());
    }
}
