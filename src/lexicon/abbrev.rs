//! Abbreviations and sentence starters used by the sentence splitter.
//!
//! Every list is sorted (byte order) so that it can be binary searched, and
//! every abbreviation is written with its final period, exactly as it appears
//! in text (`"Mr."`, `"e.g."`). A unit test at the bottom of this file checks
//! both properties.

/// Abbreviations that never end a sentence in practice: titles and ranks
/// written before a name, `Mt.`/`Ft.` before a place name, and Latin or
/// reference abbreviations that are always followed by more of the sentence
/// (`e.g.`, `vs.`, `Fig.`, `pp.`). Matched case-sensitively, so the lowercase
/// words "fig." and "rep." still end sentences.
///
/// `St.` is deliberately absent: it is both "Saint", before a name, and
/// "Street", at the end of an address; it lives in [`TERMINAL`].
const NON_TERMINAL: &[&str] = &[
    "Adm.", "Ald.", "Amb.", "Atty.", "Brig.", "Capt.", "Cdr.", "Cmdr.", "Col.", "Cpl.", "Det.",
    "Dr.", "Drs.", "Fig.", "Figs.", "Fr.", "Ft.", "Gen.", "Gov.", "Hon.", "Insp.", "Lt.", "Maj.",
    "Messrs.", "Mlle.", "Mme.", "Mmes.", "Mr.", "Mrs.", "Ms.", "Msgr.", "Mt.", "Mx.", "Nos.",
    "Pfc.", "Pres.", "Prof.", "Pvt.", "Rep.", "Reps.", "Rev.", "Rt.", "Sec.", "Sen.", "Sens.",
    "Sgt.", "Spc.", "Supt.", "Vol.", "Vols.", "Vs.", "a.k.a.", "approx.", "cf.", "e.g.", "i.e.",
    "p.", "pp.", "v.", "viz.", "vs.",
];

/// Abbreviations that do not end a sentence when a number follows them
/// ("No. 5", "Jan. 5", "Art. 3", "6 ft. 2 in."). Matched ignoring ASCII case,
/// so the entries are lowercase. When no number follows, month names are
/// handled by [`TERMINAL`] and the rest end sentences as ordinary words do
/// ("The answer was No. The vote failed.").
const NUMBERED: &[&str] = &[
    "apr.", "apt.", "art.", "aug.", "bldg.", "ca.", "ch.", "chap.", "dec.", "est.", "ext.", "feb.",
    "ft.", "hwy.", "jan.", "jul.", "jun.", "lb.", "lbs.", "mar.", "no.", "nov.", "oct.", "op.",
    "oz.", "para.", "pt.", "rm.", "rte.", "sep.", "sept.", "ste.", "tel.",
];

/// Abbreviations that may end a sentence: company suffixes, generational
/// suffixes, street types, "etc." and "et al.", month names and U.S. state
/// abbreviations (AP style). After one of these the splitter breaks only
/// when the next word clearly starts a sentence (see [`OPENERS`]): "Acme
/// Inc. The firm" splits, "Acme Inc. shares" and "Martin Luther King Jr.
/// Day" do not. Matched case-sensitively. Dotted abbreviations such as
/// "U.S." and "a.m." are recognised by their shape, not listed here.
const TERMINAL: &[&str] = &[
    "Ala.", "Apr.", "Ariz.", "Ark.", "Assn.", "Aug.", "Ave.", "Blvd.", "Bros.", "Calif.", "Co.",
    "Colo.", "Conn.", "Corp.", "Cos.", "Dec.", "Del.", "Dept.", "Esq.", "Feb.", "Fla.", "Ga.",
    "Govt.", "Ill.", "Inc.", "Ind.", "Intl.", "Jan.", "Jr.", "Jul.", "Jun.", "Kan.", "Ky.", "La.",
    "Ltd.", "Mar.", "Mass.", "Md.", "Mfg.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Natl.",
    "Neb.", "Nev.", "Nov.", "Oct.", "Okla.", "Ore.", "Pa.", "Rd.", "Sep.", "Sept.", "Sr.", "St.",
    "Tenn.", "Tex.", "Univ.", "Va.", "Vt.", "Wash.", "Wis.", "Wyo.", "al.", "etc.",
];

/// Words that typically start an English sentence, in the capitalised form
/// they take there: determiners, pronouns, conjunctions, prepositions,
/// wh-words and sentence adverbs (closed-class words), plus the personal
/// titles that open a sentence about someone ("Mr.", "Dr."). Proper nouns
/// are never listed, so "the U.S. Army" stays one sentence while "in the
/// U.S. The" splits. Matched case-sensitively: "IT" is not "It".
const OPENERS: &[&str] = &[
    "A",
    "According",
    "Across",
    "After",
    "Afterward",
    "Again",
    "Against",
    "All",
    "Along",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Around",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "Dr",
    "Dr.",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "Furthermore",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Messrs.",
    "Moreover",
    "Most",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "My",
    "Neither",
    "Nevertheless",
    "Next",
    "No",
    "Nonetheless",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Unless",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// True when `token` (with its final period) never ends a sentence.
pub(crate) fn is_non_terminal_abbrev(token: &str) -> bool {
    NON_TERMINAL.binary_search(&token).is_ok()
}

/// True when `token` (with its final period) does not end a sentence if a
/// number follows it. Ignores ASCII case.
pub(crate) fn is_numbered_abbrev(token: &str) -> bool {
    let mut buf = [0; 32];
    super::lower(token, &mut buf).is_some_and(|lower| NUMBERED.binary_search(&lower).is_ok())
}

/// True when `token` (with its final period) is an abbreviation that ends
/// a sentence only before a clear sentence opener.
pub(crate) fn is_terminal_abbrev(token: &str) -> bool {
    TERMINAL.binary_search(&token).is_ok()
}

/// True when `word` is a word that typically starts a sentence, such as
/// "The", "He" or "However", or a personal title such as "Mr.".
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    OPENERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted(name: &str, list: &[&str]) {
        for pair in list.windows(2) {
            assert!(pair[0] < pair[1], "{name} not sorted at {pair:?}");
        }
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        assert_sorted("NON_TERMINAL", NON_TERMINAL);
        assert_sorted("NUMBERED", NUMBERED);
        assert_sorted("TERMINAL", TERMINAL);
        assert_sorted("OPENERS", OPENERS);
    }

    #[test]
    fn abbreviations_end_with_a_period() {
        for list in [NON_TERMINAL, NUMBERED, TERMINAL] {
            for abbrev in list {
                assert!(abbrev.ends_with('.'), "{abbrev}");
                assert!(abbrev.len() > 1, "{abbrev}");
            }
        }
    }

    #[test]
    fn numbered_is_lowercase_and_case_insensitive() {
        assert!(NUMBERED
            .iter()
            .all(|e| e.bytes().all(|b| !b.is_ascii_uppercase())));
        assert!(is_numbered_abbrev("No."));
        assert!(is_numbered_abbrev("NO."));
        assert!(is_numbered_abbrev("Sept."));
        assert!(!is_numbered_abbrev("Now."));
    }

    #[test]
    fn lookups() {
        assert!(is_non_terminal_abbrev("Mr."));
        assert!(!is_non_terminal_abbrev("mr"));
        assert!(!is_non_terminal_abbrev("fig."));
        assert!(is_terminal_abbrev("Inc."));
        assert!(!is_terminal_abbrev("Mr."));
        assert!(is_sentence_opener("The"));
        assert!(is_sentence_opener("Mr."));
        assert!(!is_sentence_opener("THE"));
        assert!(!is_sentence_opener("Army"));
    }
}
