//! Byte spans into a document's text.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
///
/// Inside Rust every offset is a byte offset that lies on a `char` boundary,
/// so `&text[span.range()]` never panics for a span produced from `text`.
/// JSON and Python output convert to code-point offsets (see
/// [`Document::to_json`](crate::Document::to_json)).
///
/// # Example
///
/// ```
/// use whosaid::Span;
///
/// let text = "López said";
/// let span = Span::new(0, 6);
/// assert_eq!(span.as_str(text), "López");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` must not exceed `end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers; empty when the span does not fit `text`
    /// or does not lie on character boundaries.
    #[inline]
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }

    /// True when `other` lies within this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.as_str(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}
