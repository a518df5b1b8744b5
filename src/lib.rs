//! whosaid finds who is mentioned in news text and who said what.
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
mod lexicon;
mod matcher;
mod normalize;
mod quotes;
mod sentence;
mod span;
mod token;

pub use document::{CharOffsets, Document, Entity, JsonDocument, Quote, QuoteKind, Speaker};
pub use error::{Error, ErrorKind};
pub use extractor::{Extractor, ExtractorBuilder, ExtractorConfig};
pub use gazetteer::{GazetteerSource, Gender, Label};
pub use sentence::sentences;
pub use span::Span;

#[cfg(feature = "python")]
mod python;
