/*!
whosaid reads news articles and answers two questions: *who is mentioned*
and *who said what*.

It finds the people, news outlets, organisations and places of its
gazetteers in the text (with canonical names and ids, aliases, titles,
diacritic folding and surname resolution within the document), and it pulls
out attributed quotations: direct quotes in any common quotation-mark style,
quotes that run over several paragraphs, quoted fragments inside reported
speech, reported (indirect) speech, and their speakers, whether named,
titled, a group or a pronoun.

# Example: who said what

An [`Extractor`] is built once (the embedded default gazetteers need no
file) and used for any number of texts, from any number of threads.

```
use whosaid::{Extractor, QuoteKind};

let ex = Extractor::new();
let text = "\"Publishing is not a crime,\" the media outlets said. \
            Lopez Obrador said he gave a letter to Biden.";
let doc = ex.extract(text);

let q = &doc.quotes()[0];
assert_eq!(q.kind(), QuoteKind::Direct);
assert_eq!(q.span().as_str(text), "Publishing is not a crime,");
assert_eq!(q.speaker().unwrap().span().as_str(text), "the media outlets");
assert_eq!(q.cue().unwrap().as_str(text), "said");

let r = &doc.quotes()[1];
assert_eq!(r.kind(), QuoteKind::Indirect);
assert_eq!(r.span().as_str(text), "he gave a letter to Biden");
assert_eq!(r.speaker().unwrap().canonical(), Some("Andrés Manuel López Obrador"));
```

# Example: who is mentioned

```
use whosaid::{Extractor, Label};

let text = "Mr Assange’s lawyers wrote to President Biden and to El País.";
let doc = Extractor::new().extract(text);
let found: Vec<(&str, &str, Label)> = doc
    .entities()
    .iter()
    .map(|e| (e.text(text), e.entity_id(), e.label()))
    .collect();
assert_eq!(found, vec![
    ("Assange", "julian-assange", Label::Person),
    ("Biden", "joe-biden", Label::Person),
    ("El País", "el-pais", Label::Outlet),
]);
```

# Example: your own gazetteer

Gazetteers are tab-separated text files (`gazetteers/FORMAT.md`): id, label,
canonical name, aliases separated by `|`, and optional external id and
gender. Add yours to the defaults, or replace them.

```
use whosaid::{Extractor, GazetteerSource};

let mine = GazetteerSource::from_text(
    "mine.tsv",
    "jane-roe\tPERSON\tJane Q. Roe\tJanie Roe\t\tf\n",
);
let ex = Extractor::builder().default_gazetteers(false).gazetteer(mine).build()?;
let doc = ex.extract("\"We won,\" Roe said. Janie Roe smiled.");
assert_eq!(doc.entities()[0].canonical(), "Jane Q. Roe");
assert_eq!(doc.quotes()[0].speaker().unwrap().entity_id(), Some("jane-roe"));
# Ok::<(), whosaid::Error>(())
```

A bad gazetteer is an [`Error`] that names the file and the line.

# Many documents

[`Extractor::extract_many`] runs a batch on several threads and returns the
results in input order; [`Extractor::map_many`] does the same for any
per-document closure (the example binary serialises on the worker threads
that way).

# Offsets

Inside Rust every [`Span`] is a byte range of the text. The JSON form
([`Document::to_json`], [`Document::json`]) and the Python module use
code-point offsets, so that `text[start:end]` in Python is the span's text.
[`CharOffsets`] converts.

# The pipeline

text → normalise (a folded shadow copy with an offset map) → tokens and
sentences → entity mentions (aho-corasick over the folded text, then
in-document resolution) → quotation marks → attribution → reported speech →
[`Document`]. Each stage only reads the output of the stages before it.
`DESIGN.md` explains the design; `CONFORMANCE.md` lists the quotation-mark
styles and attribution patterns handled, and those that are not.

# Crate features

* `python` — the Python module (pyo3), built with maturin from
  `pyproject.toml`. Off by default; the Rust crate has no Python dependency.
*/
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod defaults {
    include!(concat!(env!("OUT_DIR"), "/defaults.rs"));
}
mod document;
mod entities;
mod error;
mod extractor;
mod gazetteer;
mod hash;
mod lexicon;
mod lookup;
mod matcher;
mod normalize;
mod quotes;
mod sentence;
mod span;
mod token;
mod uax29;

pub use document::{CharOffsets, Document, Entity, JsonDocument, Quote, QuoteKind, Speaker};
pub use error::{Error, ErrorKind};
pub use extractor::{Extractor, ExtractorBuilder, ExtractorConfig};
pub use gazetteer::{GazetteerSource, Gender, Label};
pub use lookup::{NameCandidate, NameKind, NameMatch};
pub use matcher::MatchEngine;
pub use sentence::sentences;
pub use span::Span;

#[cfg(feature = "python")]
mod python;

/// The README's Rust examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod auto_traits {
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_all<T: Send + Sync + UnwindSafe + RefUnwindSafe + Unpin>() {}

    /// Every public type can cross threads and panics boundaries.
    #[test]
    fn public_types_are_send_sync_unwind_safe() {
        assert_all::<crate::Extractor>();
        assert_all::<crate::ExtractorBuilder>();
        assert_all::<crate::ExtractorConfig>();
        assert_all::<crate::Document>();
        assert_all::<crate::Entity>();
        assert_all::<crate::Quote>();
        assert_all::<crate::Speaker>();
        assert_all::<crate::QuoteKind>();
        assert_all::<crate::Span>();
        assert_all::<crate::Label>();
        assert_all::<crate::Gender>();
        assert_all::<crate::GazetteerSource>();
        assert_all::<crate::Error>();
        assert_all::<crate::ErrorKind>();
        assert_all::<crate::MatchEngine>();
        assert_all::<crate::CharOffsets<'static>>();
        assert_all::<crate::NameMatch<'static>>();
        assert_all::<crate::NameCandidate<'static>>();
        assert_all::<crate::NameKind>();
    }
}
