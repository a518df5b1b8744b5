//! The error type.

use std::fmt;

/// An error building an [`Extractor`](crate::Extractor): a gazetteer that
/// cannot be read or parsed, or a bad option.
///
/// The message says what went wrong and where: for a gazetteer line it names
/// the file and the 1-based line number.
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, GazetteerSource};
///
/// let bad = GazetteerSource::from_text("mine.tsv", "x\tPERSONA\tSomeone\n");
/// let err = Extractor::builder()
///     .default_gazetteers(false)
///     .gazetteer(bad)
///     .build()
///     .unwrap_err();
/// assert_eq!(err.path(), Some("mine.tsv"));
/// assert_eq!(err.line(), Some(1));
/// assert!(err.to_string().starts_with("mine.tsv:1: unknown label"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    path: Option<String>,
    line: Option<usize>,
    message: String,
}

/// What kind of problem an [`Error`] reports.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file or folder could not be read.
    Io,
    /// A gazetteer file is not valid UTF-8.
    Utf8,
    /// A gazetteer line has too few or too many columns.
    Columns,
    /// A gazetteer line names a label that does not exist.
    Label,
    /// An id, name or alias is empty or malformed.
    Empty,
    /// An id is defined twice.
    DuplicateId,
    /// Any other malformed gazetteer value (gender, alias marks).
    Value,
    /// A bad option given to the builder.
    Option,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            path: None,
            line: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(mut self, path: &str, line: Option<usize>) -> Error {
        self.path = Some(path.to_string());
        self.line = line;
        self
    }

    /// The kind of problem.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the problem is in, when there is one.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The 1-based line the problem is on, when there is one.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The description of the problem, without file and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: {}", p, l, self.message),
            (Some(p), None) => write!(f, "{}: {}", p, self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
