//! Entity mentions: resolves raw gazetteer matches to entries within the
//! document, chooses non-overlapping mentions and attaches titles.
//!
//! Resolution order for a match whose pattern may name several entries:
//! 1. an entry named by a full name (canonical or alias) elsewhere in the
//!    document: the nearest preceding such mention wins, else the nearest
//!    following one;
//! 2. otherwise a full name of exactly one entry (the first entry, in
//!    gazetteer order, when an unmarked alias is shared);
//! 3. otherwise a surname or `?` alias that one entry alone carries in all
//!    loaded gazetteers, unless it is also a common English word.
//!
//! Anything else is left unresolved and is not an entity.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::document::Entity;
use crate::gazetteer::{Gazetteer, Label};
use crate::hash::FxBuildHasher;
use crate::lexicon;
use crate::matcher::{Matcher, RawMatch};
use crate::normalize::{fold_str, Folded};

mod shape;

pub(crate) use shape::title_before;
use shape::*;

/// Finds the entity mentions of `text`.
pub(crate) fn find(
    text: &str,
    folded: &Folded,
    matcher: &Matcher,
    gazetteer: &Gazetteer,
) -> Vec<Entity> {
    let raw = matcher.find(text, folded);
    if raw.is_empty() {
        return Vec::new();
    }
    // Full, unambiguous mentions: where each entry is named in full.
    // A name inside a longer full name ("Jordan" in "Michael Jordan") is
    // not a mention of its own.
    let mut full_at: HashMap<u32, Vec<usize>, FxBuildHasher> = HashMap::default();
    // Entries named by more than one word somewhere ("Kamala Harris").
    let mut named_in_full: HashSet<u32, FxBuildHasher> = HashSet::default();
    // Where full mentions end: (entry, end byte).
    let mut full_ends: HashSet<(u32, usize), FxBuildHasher> = HashSet::default();
    let mut covered_to = 0usize;
    for &m in &raw {
        if m.span.end <= covered_to {
            continue;
        }
        let mut full = matcher
            .accepted(m, text, folded)
            .filter(|c| c.strength.is_full());
        if let (Some(c), None) = (full.next(), full.next()) {
            full_at.entry(c.entry).or_default().push(m.span.start);
            if m.span.as_str(text).contains(' ') {
                named_in_full.insert(c.entry);
            }
            full_ends.insert((c.entry, m.span.end));
            covered_to = m.span.end;
        }
    }
    let mut memo = Memo::default();
    let mut resolved: Vec<(RawMatch, u32)> = Vec::with_capacity(raw.len());
    for &m in &raw {
        if let Some(e) = resolve(m, text, folded, matcher, gazetteer, &full_at, &mut memo) {
            resolved.push((m, e));
        }
    }
    // Leftmost, then longest, non-overlapping. A name written with "the"
    // ("the Commonwealth") counts from its next word, so that "the
    // Commonwealth Bank of Australia" is the bank, and so is "The
    // Commonwealth Bank of Australia" starting a sentence.
    let effective_start = |m: &RawMatch| {
        let t = m.span.as_str(text);
        if t.starts_with("the ") || t.starts_with("The ") {
            m.span.start + 4
        } else {
            m.span.start
        }
    };
    resolved.sort_by_key(|(m, _)| (effective_start(m), std::cmp::Reverse(m.span.end)));
    // A one-word name that is also a common word ("Shell", "Labor",
    // "Economist") proves nothing by its capital at the start of a
    // sentence: there it needs another mention of its entry elsewhere.
    let initial_common = |m: &RawMatch| {
        let t = m.span.as_str(text);
        !t.contains(' ')
            && t.chars().any(char::is_lowercase)
            && starts_sentence(&text[..m.span.start], m.span.start)
            && lexicon::is_common_word(&fold_str(t))
    };
    let confident: HashSet<u32, FxBuildHasher> = resolved
        .iter()
        .filter(|(m, _)| !initial_common(m))
        .map(|&(_, e)| e)
        .collect();
    let mut about_sport: Option<bool> = None;
    // Places' names the text also uses for a person, and for a company.
    let mut borrowed_names: HashSet<&str, FxBuildHasher> = HashSet::default();
    let mut company_names: HashSet<&str, FxBuildHasher> = HashSet::default();
    // The last organisation's name met, reported or not: (where it ends,
    // written in words?, glued by a hyphen to a word before it?).
    let mut last_org: Option<(usize, bool, bool)> = None;
    let mut out: Vec<Entity> = Vec::new();
    let mut taken_to = 0usize;
    // One shared copy of each entry's strings per document.
    let mut strings: HashMap<u32, (Arc<str>, Arc<str>), FxBuildHasher> = HashMap::default();
    for (m, e) in resolved {
        if m.span.start < taken_to {
            continue;
        }
        let Some(entry) = gazetteer.entry(e) else {
            continue;
        };
        // A mention that is part of a longer name is dropped, and so is
        // every shorter name inside it ("Bank of New York" is not "York").
        let label = entry.label;
        let place = label == Label::Loc;
        let run_on = label != Label::Person && ends_longer_name(text, m.span.start, place);
        // A place glued by a hyphen to a word that is no place is part of
        // a name ("Petro-Canada", "Air-India"); "U.S.-Japan" stays.
        let hyphened = place
            && glued_to_name_before(text, m.span.start)
            && !out
                .last()
                .is_some_and(|p: &Entity| p.span.end + 1 == m.span.start);
        // A place's name written as someone's surname ("Bill Bradford")
        // is that person when it speaks later ("Bradford said").
        let name_text = m.span.as_str(text);
        // So is a place's name that starts a company's when it "also"
        // speaks ("Bethlehem Steel Corp ... Bethlehem also said"; a country
        // may speak as its government after a company of its name: "Japan
        // Airlines Co ... Japan said").
        let company_start =
            matches!(label, Label::Loc | Label::Person) && in_company_name(text, m.span.end);
        if place && run_on {
            borrowed_names.insert(name_text);
        }
        if place && company_start {
            company_names.insert(name_text);
        }
        let speaking_surname = place
            && !after_word(text, m.span.start, "in")
            && ((borrowed_names.contains(name_text) && before_cue_verb(text, m.span.end))
                || (company_names.contains(name_text) && before_also_cue_verb(text, m.span.end)));

        // "The Times of Zambia" is another outlet than The Times.
        let outlet_of_place = label == Label::Outlet && before_of_name(text, m.span.end);
        // "Princeton, N.J.": an organisation's one-word name before a
        // state written as an abbreviation is the town.
        let town = matches!(label, Label::Org | Label::Outlet)
            && !m.span.as_str(text).contains(' ')
            && before_state_abbreviation(text, m.span.end);
        // "United Steelworkers of America", "Volkswagen of America": a
        // place after an organisation and "of" ends its name; so does a
        // place right after a company's name written in words ("Shell
        // Canada", "Diageo North America"; not initials: "EU China arms
        // ban", nor "non-Opec Egypt").
        let of_organisation = place
            && (out.last().is_some_and(|p: &Entity| {
                matches!(p.label, Label::Org | Label::Outlet)
                    && text[p.span.end..m.span.start] == *" of "
            }) || last_org.is_some_and(|(end, in_words, after_hyphen)| {
                end + 1 == m.span.start && text[end..].starts_with(' ') && in_words && !after_hyphen
            }));
        if label == Label::Org {
            last_org = Some((
                m.span.end,
                name_text.chars().any(char::is_lowercase),
                text[..m.span.start].ends_with('-'),
            ));
        }
        let part_of_longer_name = speaking_surname || hyphened || outlet_of_place || of_organisation || town ||
            // A place or person named inside a company's name ("Gulf
            // Canada Corp", "Eastman Kodak Co").
            company_start
            // So are the initials of a longer name before a company's
            // name ("CPC International Inc" is not the Communist Party of
            // China); "BASF AG" and "KLM Royal Dutch Airlines" stay.
            || (initials_of_another_name(m.span.as_str(text), entry.canonical)
                && text[m.span.end..].starts_with(' ')
                && in_company_name(text, m.span.end))
            // "Bank of Tokyo", "National Bank of Iraq", "Air Mauritius".
            || (place && after_institution_word(text, m.span.start))
            // A place name run on by another capitalised word starts a
            // longer name ("Texas Commerce", "Hong Kong Land", "France
            // Telecom"); "U.S. Officials" keeps its place.
            || (place && starts_longer_name(text, m.span))
            // Run on from a capitalised word before it, a name ends a
            // longer one ("Jools Holland", "Credit Suisse First Boston",
            // "Shearson Lehman Brothers", "Liberal Democratic Party").
            || run_on
            // A place after a capitalised word and "de", "do" or "di" ends
            // a foreign name ("Credit Foncier de France", "GM do Brasil").
            || (place && after_romance_of(text, m.span.start))
            // "Oregon and Washington": a city named like a state, among
            // states, is the state.
            || (place && in_list_of_states(text, m.span))
            // "First Chicago", "First Wisconsin": a bank's name.
            || (place && after_name_opener(text, m.span.start, m.span.end))
            // "The Paris accord", "the Venice summit": the place names an
            // agreement or a meeting.
            || (place && names_an_agreement(text, m.span))
            // A name before "County" or "Parish" names that division
            // ("Unita County", "Lincoln County").
            || before_division_word(text, m.span.end, entry.canonical)
            // "Labour Ministry", "Labor Minister": an office, not the party.
            || (label == Label::Org && names_an_office(text, m.span))
            // A place after "Mr" or "Lord" is someone's name ("Mr Houston").
            || (place && after_personal_title(text, m.span.start))
            // Codes in an all-capitals table ("UNC" for unchanged, "HRW"
            // for hard red winter wheat) are not organisations.
            || (!place && label != Label::Person && in_capitals_line(text, m.span))
            // A one-word outlet that is a common word, run on by a
            // capitalised word, is the start of another name ("Guardian
            // Savings", "Telegraph Co", "Economist Colen Garrow").
            || (label == Label::Outlet
                && all_common_words(m.span.as_str(text))
                && starts_longer_name(text, m.span));
        // In a sports report a place standing for a side ("against
        // Leeds", "Liverpool have", "Scotland manager") is a club or a
        // national team, which the gazetteer cannot tell from the place;
        // so is a club's city written alone ("Barcelona"), unless it is a
        // venue ("in Cardiff").
        let side = place
            && (names_a_side(text, m.span) || names_a_club(text, m.span))
            && *about_sport.get_or_insert_with(|| is_about_sport(text));
        // A one-word name of a person that the text never names in full
        // is someone else's when the text names another bearer ("Rolf
        // Harris"), when it is glued by a hyphen into a compound
        // ("Petro-Canada", "Kilroy-Silk"), or when a title before it tells
        // another gender ("Mrs Howard" is not Michael Howard).
        let title = if label == Label::Person {
            title_before(text, m.span.start)
        } else {
            None
        };
        let other_person = label == Label::Person
            && ((!m.span.as_str(text).contains(' ')
                && !named_in_full.contains(&e)
                && (memo.someone_else(text, m.span.as_str(text), e, entry.canonical)
                    || in_hyphen_compound(text, m.span)))
                || title_contradicts_gender(text, title, entry.gender)
                || title.is_some_and(|t| {
                    !name_text.contains(' ')
                        && title_before_another_given_name(
                            t.as_str(text),
                            name_text,
                            entry.canonical,
                        )
                }));
        // Initials the text spells out as another name ("Islamic
        // Development Bank (IDB)") are that other name's throughout.
        let defined_otherwise = !place
            && label != Label::Person
            && memo.initials_otherwise(text, m.span.as_str(text), e, entry.canonical, &full_ends);
        let unproven =
            !place && label != Label::Person && initial_common(&m) && !confident.contains(&e);
        taken_to = m.span.end;
        if part_of_longer_name || unproven || side || other_person || defined_otherwise {
            continue;
        }
        let (canonical, id) = strings
            .entry(e)
            .or_insert_with(|| (Arc::from(entry.canonical), Arc::from(entry.id)))
            .clone();
        out.push(Entity {
            span: m.span,
            label: entry.label,
            canonical,
            id,
            external_id: entry.external_id.map(Arc::from),
            title,
            gender: entry.gender,
        });
    }
    out.sort_by_key(|e| e.span.start);
    out
}

fn resolve<'t>(
    m: RawMatch,
    text: &'t str,
    folded: &Folded,
    matcher: &Matcher,
    gazetteer: &Gazetteer,
    full_at: &HashMap<u32, Vec<usize>, FxBuildHasher>,
    memo: &mut Memo<'t>,
) -> Option<u32> {
    let mut best: Option<(u32, usize, bool)> = None; // (entry, distance, preceding)
    let mut first_full = None;
    let mut full_count = 0;
    let mut any_count = 0;
    let mut only = None;
    for c in matcher.accepted(m, text, folded) {
        any_count += 1;
        only = Some(c.entry);
        if c.strength.is_full() {
            full_count += 1;
            first_full.get_or_insert(c.entry);
        }
        if let Some(positions) = full_at.get(&c.entry) {
            let near = nearest(positions, m.span.start);
            let better = match (best, near) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some((_, bd, bp)), Some((d, p))) => (p && !bp) || (p == bp && d < bd),
            };
            if let (true, Some((d, p))) = (better, near) {
                best = Some((c.entry, d, p));
            }
        }
    }
    // A surname glued to another capitalised word belongs to another name
    // ("Karl Vak", "Eishiro Saito", "Eastman Kodak"); so does a one-word
    // person's name ("Vera Drake").
    let one_word_person = || {
        !m.span.as_str(text).contains(' ')
            && matcher
                .accepted(m, text, folded)
                .all(|c| gazetteer.label(c.entry) == Some(Label::Person))
    };
    if (full_count == 0 || one_word_person()) && inside_other_name(text, m.span) {
        return None;
    }
    if let Some((e, _, _)) = best {
        return Some(e);
    }
    if full_count >= 1 {
        return first_full;
    }
    // A bare surname or ambiguous alias with no full mention in the
    // document: only when one entry carries it, it is no common word, and a
    // title stands before it whose gender fits ("Mr Brown", not "Mr Hilton"
    // for Paris Hilton).
    if any_count == 1 && matcher.entry_count(m.pattern) == 1 {
        let folded_text = fold_str(m.span.as_str(text));
        let e_only = only?;
        let entry = gazetteer.entry(e_only)?;
        let title = title_before(text, m.span.start).map(|t| t.as_str(text));
        // A peer's title name is a peerage's, often a place's or another
        // family's ("Lord Bach", "Lord Faulkner of Worcester"): it stands
        // for an entry only as an alias of its own ("Lord Coe").
        let peer = title
            .is_some_and(|t| lexicon::PEERS_TITLES.contains(t.rsplit(' ').next().unwrap_or(t)));
        let fits = match title.map(lexicon::title_gender) {
            _ if peer => false,
            None => false,
            Some(None) => true,
            Some(Some(g)) => entry.gender.map_or(true, |eg| eg == g),
        };
        if fits
            && !lexicon::is_common_word(folded_text.trim())
            && !memo.someone_else(text, m.span.as_str(text), e_only, entry.canonical)
        {
            return only;
        }
    }
    None
}

/// The answers, within one document, of the rules that read the whole
/// text: each is asked once per entry and written form, so that a name
/// repeated throughout a text costs one pass, not one per mention.
#[derive(Default)]
struct Memo<'t> {
    someone_else: HashMap<(u32, &'t str), bool, FxBuildHasher>,
    initials: HashMap<(u32, &'t str), bool, FxBuildHasher>,
    /// [`bracket_openings`] of the text, found on first use.
    brackets: Option<Vec<usize>>,
}

impl<'t> Memo<'t> {
    /// [`names_someone_else`] for entry `e`.
    fn someone_else(&mut self, text: &'t str, surname: &'t str, e: u32, canonical: &str) -> bool {
        *self
            .someone_else
            .entry((e, surname))
            .or_insert_with(|| names_someone_else(text, surname, canonical))
    }

    /// [`defines_initials_otherwise`] for entry `e`.
    fn initials_otherwise(
        &mut self,
        text: &'t str,
        name: &'t str,
        e: u32,
        canonical: &str,
        full_ends: &HashSet<(u32, usize), FxBuildHasher>,
    ) -> bool {
        if !are_initials(name) {
            return false;
        }
        let brackets = &mut self.brackets;
        *self.initials.entry((e, name)).or_insert_with(|| {
            let brackets = brackets.get_or_insert_with(|| bracket_openings(text));
            defines_initials_otherwise(text, name, e, canonical, full_ends, brackets)
        })
    }
}

/// The nearest full mention other than the one at `at`: (distance,
/// preceding?). Preceding mentions are preferred by the caller.
fn nearest(positions: &[usize], at: usize) -> Option<(usize, bool)> {
    let i = positions.partition_point(|&p| p < at);
    if i > 0 {
        return Some((at - positions[i - 1], true));
    }
    positions
        .iter()
        .find(|&&p| p > at)
        .map(|&p| (p - at, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerSource;
    use crate::matcher::{MatchEngine, MatcherBuilder};

    fn run(gaz: &str, text: &str) -> Vec<(String, String, Option<String>)> {
        let mut b = MatcherBuilder::default();
        let g = Gazetteer::load(vec![GazetteerSource::from_text("t.tsv", gaz)], |i, e| {
            b.add(i, e)
        })
        .unwrap();
        let m = b.build(MatchEngine::Auto).unwrap();
        let f = Folded::new(text);
        find(text, &f, &m, &g)
            .into_iter()
            .map(|e| {
                (
                    e.text(text).to_string(),
                    e.entity_id().to_string(),
                    e.title().map(|t| t.as_str(text).to_string()),
                )
            })
            .collect()
    }

    const GAZ: &str = "ja\tPERSON\tJulian Assange\n\
        jb\tPERSON\tJoe Biden\n\
        hb\tPERSON\tHunter Biden\n\
        amlo\tPERSON\tAndrés Manuel López Obrador\n\
        jo\tLOC\tJordan\n\
        mj\tPERSON\tMichael Jordan\n\
        tm\tPERSON\tTheresa May\n";

    #[test]
    fn a_given_name_after_a_quotation_and_comma_is_another_persons() {
        let gaz = "ad\tPERSON\tAndrew RT Davies\t\t\tm\n";
        assert_eq!(run(gaz, "\"It works,\" said Mr Davies.").len(), 1);
        let t = "\"A commons,\" Will Davies, a researcher, said. \"It works,\" said Mr Davies.";
        assert!(run(gaz, t).is_empty(), "{:?}", run(gaz, t));
    }

    #[test]
    fn a_peers_title_name_needs_an_alias() {
        let gaz = "go\tPERSON\tGeorge Osborne\t\t\tm\n\
            sc\tPERSON\tSebastian Coe\tLord Coe\t\tm\n";
        assert_eq!(run(gaz, "Mr Osborne ruled.").len(), 1);
        // Lord Osborne, the judge, is not George Osborne.
        assert!(run(gaz, "Judge Lord Osborne ruled.").is_empty());
        let coe = run(gaz, "The bid chairman, Lord Coe, said.");
        assert_eq!(coe.len(), 1, "{coe:?}");
        assert_eq!(coe[0].0, "Lord Coe");
    }

    #[test]
    fn a_given_name_opening_a_sentence_belongs_to_the_name() {
        let gaz = "dr\tPERSON\tDrake\nsw\tPERSON\tShane Williams\t\t\tm\n";
        // A one-word person's name after a given name is another's.
        assert!(run(gaz, "Vera Drake scoops film award.").is_empty());
        // After a doer's noun or a nationality, it is the person.
        assert_eq!(run(gaz, "Rapper Drake spoke.").len(), 1);
        assert_eq!(run(gaz, "Canadian Drake spoke.").len(), 1);
        // A surname after another given name is another person, even
        // where a sentence opens with it.
        let t = "Shane Williams scored. Martyn Williams, the flanker, agreed.";
        let found = run(gaz, t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Shane Williams");
    }

    #[test]
    fn a_name_before_a_particle_is_someone_elses() {
        let gaz = "cr\tPERSON\tCliff Richard\t\t\tm\n";
        assert_eq!(run(gaz, "Mr Richard sang.").len(), 1);
        // A knight is named by his given name: "Sir Richard" is another.
        assert!(run(gaz, "Sir Richard sang.").is_empty());
        assert!(run(gaz, "President Richard von Weizsaecker spoke.").is_empty());
        let gaz = "hj\tPERSON\tHamad bin Jassim\t?Jassim\t\tm\n";
        assert_eq!(run(gaz, "Minister Jassim said.").len(), 1);
        assert!(run(gaz, "Minister Jassim al-Khorafi said.").is_empty());
    }

    #[test]
    fn surname_resolves_to_nearest_preceding_full_mention() {
        let got = run(
            GAZ,
            "Hunter Biden and Joe Biden met. Biden said no. Mr Assange left.",
        );
        let ids: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(ids, vec!["hb", "jb", "jb", "ja"]);
        assert_eq!(got[3].2.as_deref(), Some("Mr"));
    }

    #[test]
    fn ambiguous_surname_without_full_mention_is_dropped() {
        assert!(run(GAZ, "Biden spoke.").is_empty());
        // One entry carries "Assange": it resolves after a title only.
        assert!(run(GAZ, "Assange spoke.").is_empty());
        assert_eq!(run(GAZ, "Mr Assange spoke.")[0].1, "ja");
        // A surname glued to another name belongs to that name.
        assert!(run(GAZ, "Julian Assange met Karl Assange.").len() == 1);
    }

    #[test]
    fn context_beats_a_full_alias_of_another_entry() {
        assert_eq!(run(GAZ, "Jordan is a country.")[0].1, "jo");
        let got = run(GAZ, "Michael Jordan retired. Jordan said so.");
        assert_eq!(got[1].1, "mj");
    }

    #[test]
    fn common_word_surnames_need_a_full_mention() {
        assert!(run(GAZ, "In May it rained.").is_empty());
        assert_eq!(run(GAZ, "Theresa May spoke. May left.")[1].1, "tm");
    }

    #[test]
    fn titles_with_demonyms_and_accents() {
        let got = run(
            GAZ,
            "In July, Mexican President Andres Manuel Lopez Obrador spoke. Lopez Obrador said.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Mexican President"));
        assert_eq!(got[0].0, "Andres Manuel Lopez Obrador");
        assert_eq!(got[1].0, "Lopez Obrador");
        assert_eq!(got[1].1, "amlo");
    }

    const NAMES: &str = "nl\tLOC\tNetherlands\tHolland\n\
        hk\tLOC\tHong Kong\n\
        rj\tLOC\tRio de Janeiro\tRio\n\
        ny\tLOC\tNew York\n\
        yk\tLOC\tYork\n\
        us\tLOC\tUnited States\tAmerica\n\
        jp\tLOC\tJapan\n\
        hou\tLOC\tHouston\n\
        liv\tLOC\tLiverpool\n\
        dem\tORG\tDemocratic Party\n\
        lb\tORG\tLehman Brothers\n\
        unc\tORG\tUniversity of North Carolina\t=UNC\n\
        sh\tORG\tShell\t=Shell\n\
        ge\tORG\tGeneral Electric\n\
        bc\tORG\tBank of Canada\n\
        gu\tOUTLET\tThe Guardian\t=Guardian\n\
        lab\tORG\tLabor Party\t=Labor\n";

    fn ids(text: &str) -> Vec<String> {
        ids_in(NAMES, text)
    }

    fn ids_in(gaz: &str, text: &str) -> Vec<String> {
        run(gaz, text).into_iter().map(|g| g.1).collect()
    }

    #[test]
    fn a_name_after_the_counts_from_its_next_word() {
        let gaz = "cw\tORG\tCommonwealth of Nations\tthe Commonwealth|The Commonwealth\n\
                   cba\tORG\tCommonwealth Bank of Australia\n\
                   t\tOUTLET\tThe Times\tTimes of London\n";
        for text in [
            "He said the Commonwealth Bank of Australia fell.",
            "The Commonwealth Bank of Australia fell.",
            "<The Commonwealth Bank of Australia> said",
        ] {
            assert_eq!(ids_in(gaz, text), ["cba"], "{text}");
        }
        assert_eq!(ids_in(gaz, "The Commonwealth met."), ["cw"]);
        assert_eq!(ids_in(gaz, "In The Times of London, a poll"), ["t"]);
    }

    #[test]
    fn a_name_run_on_from_a_capitalised_word_ends_a_longer_name() {
        assert!(ids("A show with Jools Holland aired.").is_empty());
        assert!(ids("It hired Shearson Lehman Brothers Inc.").is_empty());
        assert!(ids("the ruling Liberal Democratic Party said").is_empty());
        // Sentence starts, articles, possessives, nationalities, title
        // modifiers and a verb's object keep the name.
        assert_eq!(ids("The Democratic Party won."), ["dem"]);
        assert_eq!(ids("They met. Japan said no."), ["jp"]);
        assert_eq!(
            ids("It is Tokyo's Japan, not Monday's Japan."),
            ["jp", "jp"]
        );
        assert_eq!(ids("the American Democratic Party"), ["dem"]);
        assert_eq!(ids("a Senior Japan official"), ["jp"]);
        assert_eq!(ids("He told Reuters Japan was ready."), ["jp"]);
    }

    #[test]
    fn run_on_names_in_wire_copy() {
        // A sentence's first word joins the name unless it is an ordinary
        // word; a ticker or the capital after "U.S." says nothing.
        assert!(ids("It rose. Showa Shell Sekiyu fell.").is_empty());
        assert_eq!(ids("It rose. Traditionally Japan led."), ["jp"]);
        assert_eq!(ids("He said the U.S. Hopes Japan acts."), ["jp"]);
        assert_eq!(
            ids("units of General Electric Co's <GE> General Electric Credit"),
            ["ge", "ge"]
        );
        assert!(ids("It owns <Royal Bank of Canada> shares.").is_empty());
        // A word ending in punctuation is no part of a name, and a leading
        // byte-order mark changes nothing.
        assert_eq!(ids("Wow! Japan won."), ["jp"]);
        assert_eq!(ids("\u{FEFF}Zorg Japan"), ids("Zorg Japan"));
        assert_eq!(ids("\u{FEFF}Tokyo said Japan"), ["jp"]);
        // Table columns, and a company form before a place.
        assert!(ids("rice 2.5  Other West  Japan 3.0").is_empty());
        assert!(ids("Deutsche Bank Finance NV Japan is issuing").is_empty());
    }

    #[test]
    fn common_word_names_at_a_sentence_start_need_support() {
        // "Labor" opening a sentence is the word, unless the document
        // names the party elsewhere.
        assert!(ids("Talks failed. Labor and management met.").is_empty());
        assert_eq!(ids("Labor won. The Labor Party said so."), ["lab", "lab"]);
        assert_eq!(ids("Oil fell. Shell said so."), Vec::<String>::new());
        assert_eq!(
            ids("Oil fell. Shell said so, and BP and Shell agreed."),
            ["sh", "sh"]
        );
        // A common-word outlet run on by a capitalised word is another name.
        assert!(ids("deposits from Guardian Savings and Loan").is_empty());
        assert_eq!(ids("as the Guardian reported"), ["gu"]);
        let ind = "ind\tOUTLET\tThe Independent (newspaper)\t=The Independent|=the Independent\n";
        assert!(ids_in(ind, "members of the Independent Feature Project").is_empty());
        assert_eq!(ids_in(ind, "he told the Independent."), ["ind"]);
        let ms = "ms\tOUTLET\tMorning Star (newspaper)\t=Morning Star\n";
        assert!(ids_in(ms, "the merger of Morning Star Mine interests").is_empty());
        assert_eq!(ids_in(ms, "the Morning Star reported"), ["ms"]);
    }

    #[test]
    fn places_standing_for_sides_in_sports_reports() {
        let report = "The manager saw the match. The club lost the cup tie on a penalty.";
        // A side in a game: before a team word or "have", after "against".
        assert!(ids(&format!("{report} Houston have signed a striker.")).is_empty());
        assert!(ids(&format!("{report} It lost against Houston.")).is_empty());
        assert!(ids(&format!("{report} Houston fans sang.")).is_empty());
        assert!(ids(&format!("{report} Leeds v Houston.")).is_empty());
        assert!(ids(&format!("{report} Houston star Ronaldo scored.")).is_empty());
        assert!(ids(&format!("{report} Riise put Houston ahead.")).is_empty());
        assert!(ids(&format!("{report} He is ready since leaving Houston.")).is_empty());
        assert!(ids(&format!("{report} Houston suffered a defeat.")).is_empty());
        assert!(ids(&format!("{report} Liverpool's David Prutton faces a ban.")).is_empty());
        // A country's athlete is the country's ("Japan's Kim Smith").
        assert_eq!(ids(&format!("{report} Japan's Kim Smith won.")), ["jp"]);
        // A venue stays a place; so does any place outside sports reports.
        assert_eq!(ids(&format!("{report} They played in Houston.")), ["hou"]);
        assert_eq!(ids("Oil firms in Houston have cut jobs."), ["hou"]);
        // A club's city written alone is the club, wherever it stands,
        // but a venue stays the city.
        assert!(ids(&format!("{report} The deal helps Liverpool.")).is_empty());
        assert_eq!(
            ids(&format!("{report} The final is in Liverpool.")),
            ["liv"]
        );
        assert_eq!(
            ids(&format!("{report} In Liverpool, police said so.")),
            ["liv"]
        );
        assert_eq!(ids("The port of Liverpool reopened."), ["liv"]);
    }

    #[test]
    fn places_naming_an_agreement_or_a_meeting() {
        assert!(ids("since the Houston accord was struck").is_empty());
        assert!(ids("the Houston currency accord").is_empty());
        assert!(ids("at the Japan Summit").is_empty());
        // The parties of a pact, and a place that merely signs one, stay.
        assert_eq!(ids("a Houston-Japan pact"), ["hou", "jp"]);
        assert_eq!(ids("Japan signed an accord"), ["jp"]);
        assert_eq!(ids("Japan plans summit"), ["jp"]);
        // A meeting's name needs "the": "Japan talks tough" is a verb.
        assert!(ids("after the Houston talks collapsed").is_empty());
        assert_eq!(ids("Japan talks tough"), ["jp"]);
        assert_eq!(ids("They loathe Japan talks."), ["jp"]);
        assert_eq!(ids("Japan accords priority to exports."), ["jp"]);
        assert_eq!(ids("Dollar rose in the Houston session."), ["hou"]);
        assert!(ids("the Japan round of trade talks").is_empty());
        assert!(ids("at the Houston trade fair").is_empty());
        // A possessive stands for "the".
        assert!(ids("after yesterday's Houston meetings of officials").is_empty());
        assert_eq!(ids("yesterday's Houston session"), ["hou"]);
        assert!(ids("last month's Houston currency stability accord").is_empty());
        assert!(ids("since the Houston statement").is_empty());
    }

    #[test]
    fn a_place_that_starts_a_companys_name_speaks_as_the_company() {
        let text = "Houston Industries Inc cut jobs. Houston also said profits fell.";
        assert!(ids(text).is_empty());
        // Where it speaks from is still the place, and without "also" a
        // place speaks as its government.
        let text = "Houston Industries Inc cut jobs. Its bankers in Houston said so.";
        assert_eq!(ids(text), ["hou"]);
        let text = "Japan Airlines Co cut fares. Japan said it would protest.";
        assert_eq!(ids(text), ["jp"]);
    }

    #[test]
    fn a_city_named_like_a_state_among_states_is_the_state() {
        let gaz = "dc\tLOC\tWashington, D.C.\tWashington\nor\tLOC\tOregon\n";
        assert_eq!(ids_in(gaz, "shops in Oregon and Washington"), ["or"]);
        assert_eq!(ids_in(gaz, "Washington, Oregon and Idaho"), ["or"]);
        assert_eq!(ids_in(gaz, "talks in Washington and Oregon"), ["or"]);
        // Elsewhere it is the city, also next to another such name.
        assert_eq!(ids_in(gaz, "talks in Washington and London"), ["dc"]);
        assert_eq!(ids_in(gaz, "in New York and Washington"), ["dc"]);
        // Georgia is also a country.
        let gaz = "dc\tLOC\tWashington, D.C.\tWashington\nge\tLOC\tGeorgia\n";
        assert_eq!(
            ids_in(gaz, "Washington and Georgia signed a pact"),
            ["dc", "ge"]
        );
    }

    #[test]
    fn a_place_after_first_is_a_banks_name() {
        assert!(ids("First Houston said it would buy").is_empty());
        assert!(ids("said First Japan's Johnson").is_empty());
        assert_eq!(ids("First, Japan will vote."), ["jp"]);
        assert_eq!(ids("at first Houston fans cheered"), ["hou"]);
        // A sentence's "First" is an adverb unless the name speaks.
        assert_eq!(ids("First Japan must decide."), ["jp"]);
        // The text names the bank elsewhere: it is the bank that will.
        assert!(ids("First Houston Corp said it gained. First Houston will pay.").is_empty());
    }

    #[test]
    fn a_place_right_after_a_company_is_its_unit() {
        assert_eq!(ids("Profits at Shell Japan fell"), ["sh"]);
        // A hyphenated company's name runs on to no longer name: the unit
        // rule alone drops the place.
        let cc = "cc\tORG\tCoca-Cola\njp\tLOC\tJapan\n";
        assert_eq!(ids_in(cc, "sales at Coca-Cola Japan rose"), ["cc"]);
        // Also after a company's name that is not reported itself.
        assert!(ids("It rose. Shell Japan fell").is_empty());
        // Not after initials, nor after "non-".
        let gaz = "eu\tORG\tEuropean Union\t=EU\nsh\tORG\tShell\t=Shell\njp\tLOC\tJapan\n";
        assert_eq!(ids_in(gaz, "the EU Japan talks"), ["eu", "jp"]);
        assert_eq!(ids_in(gaz, "non-Shell Japan output"), ["sh", "jp"]);
    }

    #[test]
    fn places_after_a_romance_of_end_a_name() {
        assert!(ids("Credit Foncier de Japan said").is_empty());
        assert!(ids("He ran GM do Houston.").is_empty());
        assert!(ids("the <Cassa di Risparmio di Houston>").is_empty());
        // Not after "of", nor after a word in lower case.
        assert_eq!(ids("Daiwa Securities of Japan said"), ["jp"]);
        assert_eq!(ids("the sound de Houston"), ["hou"]);
    }

    #[test]
    fn a_name_before_county_names_the_county() {
        let gaz = "u\tORG\tUNITA\nl\tPERSON\tAbraham Lincoln\tLincoln\n\
                   oc\tORG\tCounty Hall\tHall\n";
        assert!(ids_in(gaz, "wells in Unita County, Wyo.").is_empty());
        assert!(ids_in(gaz, "a unit in Lincoln Parish").is_empty());
        assert_eq!(ids_in(gaz, "UNITA county officials"), ["u"]);
        // A name whose entry holds the word is not another division's.
        assert_eq!(ids_in(gaz, "the Hall County staff"), ["oc"]);
    }

    #[test]
    fn a_surname_after_a_title_is_not_someone_else() {
        assert_eq!(ids_in(GAZ, "Mr Assange spoke."), ["ja"]);
        // The text names another Assange in full: "Mr Assange" is him.
        assert!(ids_in(GAZ, "They met Karl Assange. Mr Assange left.").is_empty());
        // Another spelling of the bearer's given name is the bearer.
        assert_eq!(
            ids_in(GAZ, "They met Jul Assange. Mr Assange left."),
            ["ja"]
        );
        // A sentence's first word is no given name.
        assert_eq!(ids_in(GAZ, "But Assange was out. Mr Assange left."), ["ja"]);
        assert_eq!(
            ids_in(GAZ, "Hacker Assange was out. Mr Assange left."),
            ["ja"]
        );
        // Family name first: another given name after it.
        let roh = "rmh\tPERSON\tRoh Moo-hyun\t?Roh\t\tm\n";
        assert_eq!(ids_in(roh, "Chairman Roh spoke."), ["rmh"]);
        assert!(ids_in(roh, "chairman Roh Tae-woo spoke. Chairman Roh left.").is_empty());
        // A given name that is also a word ("Jack") is a given name.
        assert!(ids_in(GAZ, "minister Jack Assange quit. Mr Assange left.").is_empty());
    }

    #[test]
    fn places_after_foreign_institution_words() {
        assert!(ids("Banco do Brasil raised rates.").is_empty());
        assert!(ids("Banque Nationale de Brasil said").is_empty());
        // A hyphen to a word that is no place.
        assert!(ids("Petro-Japan said").is_empty());
        assert_eq!(ids("the Houston-Japan link"), ["hou", "jp"]);
        assert_eq!(
            ids("Sen. Grassley (R-Houston) and non-Japan firms"),
            ["hou", "jp"]
        );
        assert_eq!(ids("EC-Japan and Japanese-Houston talks"), ["jp", "hou"]);
        // A company's own place after "Ltd of" stays.
        assert_eq!(ids("Daiwa Securities Co Ltd of Japan said"), ["jp"]);
        assert!(ids("The Migration Watch Japan group").is_empty());
        assert_eq!(ids("the Japanese Japan"), ["jp"]);
    }

    #[test]
    fn initials_before_a_company_name() {
        let gaz = "cpc\tORG\tCommunist Party of China\t=CPC\n\
            basf\tORG\tBASF\n";
        assert!(ids_in(gaz, "CPC International Inc said").is_empty());
        assert_eq!(ids_in(gaz, "the CPC said"), ["cpc"]);
        assert_eq!(ids_in(gaz, "BASF Corp said"), ["basf"]);
        let sbc = "sbc\tORG\tSouthern Baptist Convention\t=SBC\n";
        assert!(ids_in(sbc, "SBC Communications agreed to buy AT&T").is_empty());
    }

    #[test]
    fn other_bearers_of_a_persons_name() {
        let gaz = "kh\tPERSON\tKamala Harris\tHarris\t\tf\n\
            mh\tPERSON\tMichael Howard\t\t\tm\n\
            gp\tPERSON\tGustavo Petro\tPetro\t\tm\n";
        assert_eq!(ids_in(gaz, "Harris said so."), ["kh"]);
        // Another Harris named in full takes the bare name.
        assert!(ids_in(gaz, "Fans of Rolf Harris sang. Harris said so.").is_empty());
        // Also when the other's given name starts a sentence, be it an
        // English word's look-alike ("Peter"), but not a doer's noun.
        assert!(ids_in(gaz, "He left. Rolf Harris sang. Harris said so.").is_empty());
        assert!(ids_in(gaz, "He left. Peter Harris sang. Harris said so.").is_empty());
        assert_eq!(
            ids_in(gaz, "Rapper Harris sang. Harris said so."),
            ["kh", "kh"]
        );
        // A hyphen makes a compound of the name.
        assert!(ids_in(gaz, "Petro-Canada rose.").is_empty());
        assert_eq!(ids_in(gaz, "Petro spoke."), ["gp"]);
        // A title of the other gender is another person.
        assert!(ids_in(gaz, "Michael Howard spoke. Mrs Howard smiled.").len() == 1);
        assert_eq!(
            ids_in(gaz, "Michael Howard spoke. Mr Howard smiled.").len(),
            2
        );
    }

    #[test]
    fn initials_spelt_out_as_another_name() {
        let gaz = "idb\tORG\tInter-American Development Bank\t=IDB\n";
        assert!(ids_in(gaz, "The Islamic Development Bank (IDB) lent. IDB said so.").is_empty());
        assert_eq!(
            ids_in(
                gaz,
                "The Inter-American Development Bank (IDB) lent. IDB said so."
            ),
            ["idb", "idb", "idb"]
        );
        assert_eq!(ids_in(gaz, "The IDB lent."), ["idb"]);
        // A spelling of the entry's own name, not in the gazetteer, keeps it.
        assert_eq!(
            ids_in(gaz, "The Inter American Devel. Bank (IDB) lent."),
            ["idb"]
        );
        // Brackets that spell nothing out define nothing.
        assert_eq!(
            ids_in(gaz, "under existing (IDB) rules. IDB said"),
            ["idb", "idb"]
        );
    }

    #[test]
    fn a_place_written_as_a_surname_speaks_as_the_person() {
        assert!(ids("said analyst Karl Houston. Houston said it fell.").is_empty());
        assert_eq!(ids("Oil firms in Houston said it fell."), ["hou"]);
    }

    #[test]
    fn places_ending_organisations_names() {
        assert_eq!(ids("part of the Lehman Brothers of Japan group"), ["lb"]);
        assert!(ids("the Equitable Life Assurance Society of the Japan").is_empty());
        assert!(ids("said David M. Holland, president").is_empty());
        // An initial opening a sentence is no middle initial.
        assert_eq!(ids("rates in Houston. J. Japan said"), ["hou", "jp"]);
    }

    #[test]
    fn an_organisation_before_a_state_is_a_town() {
        let gaz = "pu\tORG\tPrinceton University\tPrinceton\n";
        assert!(ids_in(gaz, "Theodore Cross, Princeton, N.J., editor").is_empty());
        assert_eq!(
            ids_in(gaz, "students at Princeton, Harvard and Yale"),
            ["pu"]
        );
        assert_eq!(ids_in(gaz, "Princeton, Inc. said"), ["pu"]);
        assert_eq!(ids_in(gaz, "Yale, Princeton, Lyon.  Who"), ["pu"]);
    }

    #[test]
    fn other_outlets_of_the_same_name() {
        let gaz = "t\tOUTLET\tThe Times\t=The Times\n";
        assert!(ids_in(gaz, "The Times of Zambia said").is_empty());
        assert_eq!(ids_in(gaz, "The Times of today"), ["t"]);
    }

    #[test]
    fn a_place_after_a_personal_title_is_a_name() {
        assert!(ids("Mr Houston said so.").is_empty());
        assert_eq!(ids("He flew to Houston."), ["hou"]);
    }

    #[test]
    fn codes_in_an_all_capitals_table_are_no_organisations() {
        assert!(ids("CORN\nTOLEDO 5 UND MAY UNC\n").is_empty());
        assert_eq!(ids("Fans of UNC cheered."), ["unc"]);
    }

    #[test]
    fn multi_word_places_inside_longer_names() {
        assert!(ids("He bought Hong Kong Land shares.").is_empty());
        assert_eq!(ids("Japan's Ministry of Communications said"), ["jp"]);
        assert_eq!(ids("He lives in Hong Kong. It rains."), ["hk"]);
        // An institution head word before "of": the place belongs to it.
        assert!(ids("a unit of Home Savings of America").is_empty());
        // A dropped name takes the shorter names inside it along.
        assert!(ids("He joined the Bank of New York.").is_empty());
        assert!(ids("the Rio de Janeiro Coffee Trade Association").is_empty());
        assert_eq!(ids("a Rio de Janeiro slum"), ["rj"]);
    }
}
