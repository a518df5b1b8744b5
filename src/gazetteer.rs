//! Gazetteers: the lists of named entities that mentions are matched against.
//!
//! A gazetteer is a tab-separated text file (see `gazetteers/FORMAT.md` and the
//! crate documentation): one entry per line with an id, a label, a canonical
//! name and optional aliases, external id and gender. This module reads the
//! files into [`GazetteerSource`]s (name + contents, the serialisable
//! description an [`Extractor`](crate::Extractor) is rebuilt from) and parses
//! them into entries, reporting problems with file and line.

use std::collections::hash_map::Entry as Slot;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::hash::FxBuildHasher;

/// The kind of thing an entity is.
///
/// # Example
///
/// ```
/// use whosaid::Label;
///
/// assert_eq!("OUTLET".parse::<Label>(), Ok(Label::Outlet));
/// assert_eq!(Label::Person.as_str(), "PERSON");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// A news medium: agency, newspaper, broadcaster, magazine, website.
    #[serde(rename = "OUTLET")]
    Outlet,
    /// Any other organisation: government body, party, company, NGO, court.
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, city, region.
    #[serde(rename = "LOC")]
    Loc,
    /// Anything else.
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    /// The label as written in gazetteers and JSON (`"PERSON"`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Outlet => "OUTLET",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Label {
    type Err = ();

    fn from_str(s: &str) -> Result<Label, ()> {
        Ok(match s {
            "PERSON" => Label::Person,
            "OUTLET" => Label::Outlet,
            "ORG" => Label::Org,
            "LOC" => Label::Loc,
            "MISC" => Label::Misc,
            _ => return Err(()),
        })
    }
}

/// A person's grammatical gender as the gazetteer records it; used to
/// resolve "he" and "she".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Referred to as "he".
    #[serde(rename = "m")]
    Male,
    /// Referred to as "she".
    #[serde(rename = "f")]
    Female,
}

/// One gazetteer file's name and contents: what an
/// [`Extractor`](crate::Extractor) is built from.
///
/// Sources carry the text itself, not a path, so an extractor's description
/// can be serialised and rebuilt where the file does not exist (a worker
/// process, another machine).
///
/// # Example
///
/// ```
/// use whosaid::GazetteerSource;
///
/// let src = GazetteerSource::from_text(
///     "mine.tsv",
///     "# id\tlabel\tcanonical\taliases\n\
///      ada-lovelace\tPERSON\tAda Lovelace\tCountess of Lovelace\n",
/// );
/// assert_eq!(src.name(), "mine.tsv");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GazetteerSource {
    name: String,
    /// Shared, so that cloning a source (and an extractor's description)
    /// copies no text.
    text: Arc<str>,
}

impl GazetteerSource {
    /// A source from text in memory; `name` is used in error messages.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> GazetteerSource {
        GazetteerSource {
            name: name.into(),
            text: Arc::from(text.into()),
        }
    }

    /// Reads a gazetteer file, or every `*.tsv` file of a folder (in file
    /// name order).
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Io`] error when a path cannot be read, and an
    /// [`ErrorKind::Utf8`] error naming the line when a file is not UTF-8.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Vec<GazetteerSource>, Error> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).at(&shown, None))?;
        if !meta.is_dir() {
            return Ok(vec![read_file(path)?]);
        }
        let mut files = Vec::new();
        let dir = std::fs::read_dir(path)
            .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).at(&shown, None))?;
        for item in dir {
            let item =
                item.map_err(|e| Error::new(ErrorKind::Io, e.to_string()).at(&shown, None))?;
            let p = item.path();
            if p.is_file() && p.extension().is_some_and(|x| x == "tsv") {
                files.push(p);
            }
        }
        files.sort();
        files.iter().map(|p| read_file(p)).collect()
    }

    /// The gazetteers embedded in the crate (the files of `gazetteers/`).
    pub fn defaults() -> Vec<GazetteerSource> {
        crate::defaults::FILES
            .iter()
            .map(|(name, text)| GazetteerSource::from_text(format!("gazetteers/{name}"), *text))
            .collect()
    }

    /// The name given to the source (a path, for files).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The source's text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

fn read_file(path: &Path) -> Result<GazetteerSource, Error> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).at(&shown, None))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(GazetteerSource::from_text(shown, text)),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count();
            Err(Error::new(ErrorKind::Utf8, "invalid UTF-8").at(&shown, Some(line)))
        }
    }
}

/// An alias as written in a gazetteer, with its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Alias<'a> {
    pub(crate) text: &'a str,
    /// `=`: matched only with the case as written.
    pub(crate) case_sensitive: bool,
    /// `?`: known to name several entries.
    pub(crate) ambiguous: bool,
}

/// One parsed gazetteer line, borrowing from its source's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry<'a> {
    pub(crate) id: &'a str,
    pub(crate) label: Label,
    pub(crate) canonical: &'a str,
    pub(crate) aliases: Vec<Alias<'a>>,
    pub(crate) external_id: Option<&'a str>,
    pub(crate) gender: Option<Gender>,
}

/// Parses every source, calling `f(source index, entry)` for each entry in
/// order; ids must be unique over all sources.
pub(crate) fn parse_all<'s>(
    sources: &'s [GazetteerSource],
    mut f: impl FnMut(usize, Entry<'s>),
) -> Result<(), Error> {
    // Sized for one entry a line, so that a million entries never rehash.
    let lines: usize = sources
        .iter()
        .map(|s| s.text.bytes().filter(|&b| b == b'\n').count() + 1)
        .sum();
    let mut seen: HashMap<&'s str, (usize, usize), FxBuildHasher> =
        HashMap::with_capacity_and_hasher(lines, FxBuildHasher::default());
    for (si, src) in sources.iter().enumerate() {
        for (ln, line) in src.text.lines().enumerate() {
            let lineno = ln + 1;
            let entry = match parse_line(line) {
                Ok(Some(e)) => e,
                Ok(None) => continue,
                Err(e) => return Err(e.at(&src.name, Some(lineno))),
            };
            match seen.entry(entry.id) {
                Slot::Occupied(first) => {
                    let (fs, fl) = *first.get();
                    let msg = format!(
                        "duplicate id {:?} (first defined at {}:{})",
                        entry.id, sources[fs].name, fl
                    );
                    let err = Error::new(ErrorKind::DuplicateId, msg);
                    return Err(err.at(&src.name, Some(lineno)));
                }
                Slot::Vacant(v) => {
                    v.insert((si, lineno));
                }
            }
            f(si, entry);
        }
    }
    Ok(())
}

/// A byte range into one source's text.
#[derive(Clone, Copy, Debug, Default)]
struct Range32 {
    start: u32,
    len: u32,
}

/// One entry as the extractor keeps it: ranges into its source's text, so
/// that a million entries cost a few dozen bytes each.
#[derive(Clone, Copy, Debug)]
struct Record {
    source: u32,
    id: Range32,
    canonical: Range32,
    external_id: Range32,
    label: Label,
    gender: Option<Gender>,
}

/// Every loaded entry, with the sources its strings live in.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    sources: Vec<GazetteerSource>,
    records: Vec<Record>,
}

impl Gazetteer {
    /// Parses `sources`, calling `f(entry index, entry)` for each entry (the
    /// matcher collects its names that way).
    pub(crate) fn load(
        sources: Vec<GazetteerSource>,
        mut f: impl FnMut(u32, &Entry<'_>) -> Result<(), Error>,
    ) -> Result<Gazetteer, Error> {
        let mut records = Vec::new();
        let mut failed = None;
        parse_all(&sources, |si, e| {
            if failed.is_some() {
                return;
            }
            let text: &str = &sources[si].text;
            let range = |part: &str| {
                let start = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
                Range32 {
                    start: u32::try_from(start).unwrap_or(u32::MAX),
                    len: u32::try_from(part.len()).unwrap_or(0),
                }
            };
            let Ok(index) = u32::try_from(records.len()) else {
                failed = Some(Error::new(
                    ErrorKind::Option,
                    "more than 4 billion gazetteer entries",
                ));
                return;
            };
            records.push(Record {
                source: si as u32,
                id: range(e.id),
                canonical: range(e.canonical),
                external_id: e.external_id.map(range).unwrap_or_default(),
                label: e.label,
                gender: e.gender,
            });
            if let Err(err) = f(index, &e) {
                failed = Some(err);
            }
        })?;
        match failed {
            Some(e) => Err(e),
            None => Ok(Gazetteer { sources, records }),
        }
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    fn str(&self, r: &Record, range: Range32) -> &str {
        let text: &str = self.sources.get(r.source as usize).map_or("", |s| &s.text);
        let start = range.start as usize;
        text.get(start..start + range.len as usize).unwrap_or("")
    }

    /// The label of entry `i`, without reading its strings.
    pub(crate) fn label(&self, i: u32) -> Option<Label> {
        self.records.get(i as usize).map(|r| r.label)
    }

    /// Entry `i`: (id, canonical, external id, label, gender).
    pub(crate) fn entry(&self, i: u32) -> Option<EntryView<'_>> {
        let r = self.records.get(i as usize)?;
        Some(EntryView {
            id: self.str(r, r.id),
            canonical: self.str(r, r.canonical),
            external_id: Some(self.str(r, r.external_id)).filter(|x| !x.is_empty()),
            label: r.label,
            gender: r.gender,
        })
    }
}

/// What entities need of an entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntryView<'a> {
    pub(crate) id: &'a str,
    pub(crate) canonical: &'a str,
    pub(crate) external_id: Option<&'a str>,
    pub(crate) label: Label,
    pub(crate) gender: Option<Gender>,
}

/// Parses one line: `Ok(None)` for comments and blank lines.
fn parse_line(line: &str) -> Result<Option<Entry<'_>>, Error> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(None);
    }
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() < 3 || cols.len() > 6 {
        let msg = format!(
            "expected 3 to 6 tab-separated columns (id, label, canonical[, aliases, external id, gender]), found {}",
            cols.len()
        );
        return Err(Error::new(ErrorKind::Columns, msg));
    }
    let id = cols[0];
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(Error::new(
            ErrorKind::Empty,
            format!("empty or malformed id {id:?}"),
        ));
    }
    let label: Label = cols[1].parse().map_err(|()| {
        let msg = format!(
            "unknown label {:?} (expected PERSON, OUTLET, ORG, LOC or MISC)",
            cols[1]
        );
        Error::new(ErrorKind::Label, msg)
    })?;
    let canonical = cols[2];
    if !has_letter_or_digit(canonical) {
        return Err(Error::new(
            ErrorKind::Empty,
            format!("empty canonical name for id {id:?}"),
        ));
    }
    let mut aliases = Vec::new();
    if let Some(raw) = cols.get(3).filter(|s| !s.is_empty()) {
        for a in raw.split('|') {
            aliases.push(parse_alias(a)?);
        }
    }
    let external_id = cols.get(4).copied().filter(|s| !s.is_empty());
    let gender = match cols.get(5).copied().unwrap_or("") {
        "" => None,
        "m" | "M" => Some(Gender::Male),
        "f" | "F" => Some(Gender::Female),
        other => {
            return Err(Error::new(
                ErrorKind::Value,
                format!("unknown gender {other:?} (expected m, f or empty)"),
            ))
        }
    };
    Ok(Some(Entry {
        id,
        label,
        canonical,
        aliases,
        external_id,
        gender,
    }))
}

fn parse_alias(raw: &str) -> Result<Alias<'_>, Error> {
    let mut rest = raw.trim();
    let (mut case_sensitive, mut ambiguous) = (false, false);
    loop {
        if let Some(r) = rest.strip_prefix('=') {
            case_sensitive = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('?') {
            ambiguous = true;
            rest = r;
        } else {
            break;
        }
    }
    if !has_letter_or_digit(rest) {
        return Err(Error::new(ErrorKind::Empty, format!("empty alias {raw:?}")));
    }
    Ok(Alias {
        text: rest.trim(),
        case_sensitive,
        ambiguous,
    })
}

fn has_letter_or_digit(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (id, label, canonical, aliases with marks, external id, gender).
    type Owned = (
        String,
        Label,
        String,
        Vec<(String, bool, bool)>,
        Option<String>,
        Option<Gender>,
    );

    fn parse(text: &str) -> Result<Vec<Owned>, Error> {
        let srcs = [GazetteerSource::from_text("t.tsv", text)];
        let mut out = Vec::new();
        parse_all(&srcs, |_, e| {
            let aliases = e
                .aliases
                .iter()
                .map(|a| (a.text.to_string(), a.case_sensitive, a.ambiguous))
                .collect();
            out.push((
                e.id.to_string(),
                e.label,
                e.canonical.to_string(),
                aliases,
                e.external_id.map(str::to_string),
                e.gender,
            ));
        })?;
        Ok(out)
    }

    #[test]
    fn parses_entries_with_marks() {
        let es = parse(
            "# comment\n\nthe-guardian\tOUTLET\tThe Guardian\t=Guardian|?Graun\t\t\n\
             ada\tPERSON\tAda Lovelace\t\tQ7259\tf\r\n",
        )
        .unwrap();
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].1, Label::Outlet);
        assert_eq!(es[0].3[0], ("Guardian".to_string(), true, false));
        assert_eq!(es[0].3[1], ("Graun".to_string(), false, true));
        assert_eq!(es[1].4.as_deref(), Some("Q7259"));
        assert_eq!(es[1].5, Some(Gender::Female));
    }

    #[test]
    fn errors_name_the_line_and_problem() {
        let cases = [
            ("a\tPERSON\n", ErrorKind::Columns, 1),
            ("# x\na\tPERSONA\tA\n", ErrorKind::Label, 2),
            ("a\tPERSON\t  \n", ErrorKind::Empty, 1),
            ("a\tPERSON\tA\tB||C\n", ErrorKind::Empty, 1),
            ("a\tPERSON\tA\n\na\tORG\tB\n", ErrorKind::DuplicateId, 3),
            ("a\tPERSON\tA\t\t\tx\n", ErrorKind::Value, 1),
            ("a\tPERSON\tA\t\t\t\t\n", ErrorKind::Columns, 1),
        ];
        for (text, kind, line) in cases {
            let err = parse(text).unwrap_err();
            assert_eq!(
                (err.kind(), err.line()),
                (kind, Some(line)),
                "{text:?}: {err}"
            );
            assert_eq!(err.path(), Some("t.tsv"));
        }
    }

    #[test]
    fn duplicate_id_across_files_names_both() {
        let a = GazetteerSource::from_text("a.tsv", "x\tORG\tX\n");
        let b = GazetteerSource::from_text("b.tsv", "y\tORG\tY\nx\tORG\tX2\n");
        let err = parse_all(&[a, b], |_, _| {}).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.tsv:2: duplicate id \"x\" (first defined at a.tsv:1)"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let dir = std::env::temp_dir().join(format!("whosaid-utf8-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("bad.tsv");
        std::fs::write(&p, b"a\tORG\tA\nb\tORG\t\xff\n").unwrap();
        let err = GazetteerSource::from_path(&dir).unwrap_err();
        assert_eq!((err.kind(), err.line()), (ErrorKind::Utf8, Some(2)));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn records_point_into_their_sources() {
        let a = GazetteerSource::from_text("a.tsv", "# c\nx\tORG\tEx Corp\t\tQ1\n");
        let b = GazetteerSource::from_text("b.tsv", "y\tPERSON\tWhy Person\t\t\tf\n");
        let g = Gazetteer::load(vec![a, b], |_, _| Ok(())).unwrap();
        assert_eq!(g.len(), 2);
        let x = g.entry(0).unwrap();
        assert_eq!(
            (x.id, x.canonical, x.external_id),
            ("x", "Ex Corp", Some("Q1"))
        );
        let y = g.entry(1).unwrap();
        assert_eq!(
            (y.id, y.canonical, y.external_id, y.gender),
            ("y", "Why Person", None, Some(Gender::Female))
        );
        assert!(g.entry(2).is_none());
    }
}

/// The quality bar of the embedded defaults (issue: default gazetteers).
#[cfg(test)]
mod default_quality {
    use std::collections::HashMap;

    use super::*;
    use crate::lexicon;
    use crate::normalize::fold_str;

    #[test]
    fn default_gazetteers_are_clean() {
        let sources = GazetteerSource::defaults();
        assert!(sources.len() >= 5, "the default gazetteers are missing");
        // Format and unique ids: parsing succeeds.
        let mut names: HashMap<String, Vec<(String, bool)>> = HashMap::new();
        let mut problems = Vec::new();
        let mut counts: HashMap<Label, usize> = HashMap::new();
        parse_all(&sources, |_, e| {
            *counts.entry(e.label).or_default() += 1;
            let mut add = |text: &str, ambiguous: bool| {
                let key = fold_str(text);
                let list = names.entry(key).or_default();
                if !list.iter().any(|(id, _)| id == e.id) {
                    list.push((e.id.to_string(), ambiguous));
                }
            };
            add(e.canonical, false);
            for a in &e.aliases {
                add(a.text, a.ambiguous);
                let folded = fold_str(a.text);
                if !a.case_sensitive && !folded.contains(' ') && lexicon::is_common_word(&folded) {
                    problems.push(format!(
                        "{}: alias {:?} is a common word without '='",
                        e.id, a.text
                    ));
                }
            }
            if !e
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                problems.push(format!("{}: id is not a lower-case slug", e.id));
            }
        })
        .unwrap_or_else(|err| panic!("{err}"));
        for (name, list) in &names {
            if list.len() > 1 && !list.iter().all(|(_, ambiguous)| *ambiguous) {
                problems.push(format!(
                    "{name:?} is shared by {list:?} without '?' on every entry"
                ));
            }
        }
        problems.sort();
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
        // The counts the defaults promise.
        assert!(counts[&Label::Person] >= 3000, "{counts:?}");
        assert!(counts[&Label::Outlet] >= 1000, "{counts:?}");
        assert!(counts[&Label::Org] >= 1500, "{counts:?}");
        assert!(counts[&Label::Loc] >= 1000, "{counts:?}");
    }
}
