//! Gazetteer look-up on its own: every occurrence of a gazetteer name in a
//! text with the entries it may name, as the matcher finds them, before
//! the document-level resolution that turns them into entity mentions.

use crate::gazetteer::{EntryView, Gazetteer, Gender, Label};
use crate::matcher::{Candidate, Strength};
use crate::span::Span;

/// One occurrence of a gazetteer name in a text, found by
/// [`Extractor::name_matches`](crate::Extractor::name_matches).
///
/// The name sits on word boundaries and its letters' case suits at least
/// one of the entries it may name ("Reading" starting a sentence is still a
/// match for the town; "reading" is not). Nothing about the rest of the
/// document has been asked yet: a surname is a match for every bearer, and
/// "York" inside "New York" is a match of its own. That is the work of
/// [`Extractor::entities`](crate::Extractor::entities).
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, Label, NameKind};
///
/// let ex = Extractor::new();
/// let text = "Joe Biden met Biden.";
/// let found = ex.name_matches(text);
/// let first = &found[0];
/// assert_eq!(first.text(text), "Joe Biden");
/// let c = first.candidates().next().unwrap();
/// assert_eq!((c.entity_id(), c.label(), c.kind()), ("joe-biden", Label::Person, NameKind::Canonical));
/// // "Biden" alone is an alias of Joe Biden's and the surname of others.
/// let biden = found.iter().find(|m| m.text(text) == "Biden").unwrap();
/// let kinds: Vec<(&str, NameKind)> = biden.candidates().map(|c| (c.entity_id(), c.kind())).collect();
/// assert_eq!(kinds[0], ("joe-biden", NameKind::Alias));
/// assert!(kinds.contains(&("hunter-biden", NameKind::Surname)));
/// ```
#[derive(Clone, Debug)]
pub struct NameMatch<'e> {
    pub(crate) span: Span,
    pub(crate) gazetteer: &'e Gazetteer,
    /// The matched name's candidates, those the case does not suit too.
    pub(crate) names: &'e [Candidate],
    /// Bit `k`: the text's case suits `names[k]` (of the first 64).
    pub(crate) accepted: u64,
    /// The indices past 64 of the candidates the case suits (rarely any).
    pub(crate) more: Box<[u32]>,
}

impl<'e> NameMatch<'e> {
    /// Where the name is: a byte span of the text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The name as written in `text` (the text it was found in).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.as_str(text)
    }

    /// The entries the name may stand for, each once, in gazetteer order,
    /// each by the strongest of its names written here.
    pub fn candidates(&self) -> impl Iterator<Item = NameCandidate<'e>> + '_ {
        let gazetteer = self.gazetteer;
        let mut last = None;
        self.names
            .iter()
            .enumerate()
            .filter(move |&(k, _)| match k {
                0..64 => self.accepted & 1 << k != 0,
                _ => u32::try_from(k).is_ok_and(|k| self.more.contains(&k)),
            })
            .map(|(_, c)| c)
            .filter(move |c| last.replace(c.entry) != Some(c.entry))
            .filter_map(move |c| {
                Some(NameCandidate {
                    entry: gazetteer.entry(c.entry)?,
                    kind: NameKind::of(c.strength),
                })
            })
    }
}

/// How a [`NameMatch`] names one of its candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameKind {
    /// The entry's canonical name.
    Canonical,
    /// One of its aliases.
    Alias,
    /// An alias the gazetteer marks ambiguous (`?`): a short form that
    /// needs the document's context.
    Ambiguous,
    /// A person's surname, taken from the full name.
    Surname,
}

impl NameKind {
    fn of(s: Strength) -> NameKind {
        match s {
            Strength::Canonical => NameKind::Canonical,
            Strength::Alias => NameKind::Alias,
            Strength::Ambiguous => NameKind::Ambiguous,
            Strength::Surname => NameKind::Surname,
        }
    }

    /// True for a name that identifies its entry on its own (canonical or
    /// alias); surnames and ambiguous aliases need the document's context.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::NameKind;
    ///
    /// assert!(NameKind::Alias.is_full());
    /// assert!(!NameKind::Surname.is_full());
    /// ```
    pub fn is_full(self) -> bool {
        matches!(self, NameKind::Canonical | NameKind::Alias)
    }
}

/// An entry a [`NameMatch`] may stand for.
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, Label};
///
/// let ex = Extractor::new();
/// let found = ex.name_matches("El País reported.");
/// let c = found[0].candidates().next().unwrap();
/// assert_eq!((c.canonical(), c.label()), ("El País", Label::Outlet));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct NameCandidate<'e> {
    entry: EntryView<'e>,
    kind: NameKind,
}

impl<'e> NameCandidate<'e> {
    /// The entry's id.
    pub fn entity_id(&self) -> &'e str {
        self.entry.id
    }

    /// The entry's canonical name.
    pub fn canonical(&self) -> &'e str {
        self.entry.canonical
    }

    /// The entry's label.
    pub fn label(&self) -> Label {
        self.entry.label
    }

    /// The entry's external id (a Wikidata id, say), if its gazetteer gives
    /// one.
    pub fn external_id(&self) -> Option<&'e str> {
        self.entry.external_id
    }

    /// The person's gender, if the gazetteer gives it.
    pub fn gender(&self) -> Option<Gender> {
        self.entry.gender
    }

    /// How the matched name names this entry.
    pub fn kind(&self) -> NameKind {
        self.kind
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, GazetteerSource, NameKind};

    fn extractor(gaz: &str) -> Extractor {
        Extractor::builder()
            .default_gazetteers(false)
            .gazetteer(GazetteerSource::from_text("t.tsv", gaz))
            .build()
            .unwrap()
    }

    fn found(ex: &Extractor, text: &str) -> Vec<(String, Vec<(String, NameKind)>)> {
        ex.name_matches(text)
            .iter()
            .map(|m| {
                let c = m
                    .candidates()
                    .map(|c| (c.entity_id().to_string(), c.kind()));
                (m.text(text).to_string(), c.collect())
            })
            .collect()
    }

    #[test]
    fn overlapping_names_are_all_found_longest_first() {
        let ex = extractor("ny\tLOC\tNew York\nyk\tLOC\tYork\nnyt\tOUTLET\tNew York Times\n");
        let got = found(&ex, "The New York Times and York.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["New York Times", "New York", "York", "York"]);
        assert_eq!(got[0].1, [("nyt".to_string(), NameKind::Canonical)]);
    }

    #[test]
    fn a_surname_names_every_bearer_each_once() {
        let ex = extractor(
            "jb\tPERSON\tJoe Biden\nhb\tPERSON\tHunter Biden\nb\tORG\tBiden Corp\tBiden\n",
        );
        let got = found(&ex, "Biden spoke.");
        assert_eq!(
            got[0].1,
            [
                ("jb".to_string(), NameKind::Surname),
                ("hb".to_string(), NameKind::Surname),
                ("b".to_string(), NameKind::Alias),
            ]
        );
    }

    #[test]
    fn only_candidates_whose_case_the_text_suits() {
        // "Reading" the town needs its capital; the acronym needs capitals.
        let ex = extractor("rd\tLOC\tReading\nwho\tORG\tWorld Health Organization\t=WHO\n");
        assert!(found(&ex, "reading who said").is_empty());
        let got = found(&ex, "Reading: WHO said");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, [("who".to_string(), NameKind::Alias)]);
    }

    #[test]
    fn candidates_past_the_first_64_are_kept() {
        // 70 people share a surname; the case suits all of them.
        let gaz: String = (0..70)
            .map(|i| format!("p{i}\tPERSON\tGiven{i} Smithers\n"))
            .collect();
        let ex = extractor(&gaz);
        let got = found(&ex, "Smithers said.");
        assert_eq!(got[0].1.len(), 70);
        assert_eq!(got[0].1[69].0, "p69");
    }
}
