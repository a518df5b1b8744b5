//! Sentence splitting (placeholder until the real splitter lands).
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentences.
pub fn sentences(text: &str) -> Vec<Span> {
    text.split_sentence_bound_indices()
        .map(|(i, s)| Span::new(i, i + s.len()).trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}
