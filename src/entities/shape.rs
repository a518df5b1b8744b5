//! How the text around a gazetteer match reads: the tests that tell a
//! name standing on its own from one inside a longer name, a side in a
//! sports report, initials defined as something else, or another person of
//! the same name, and the title before a person's name. Each looks at the
//! text near the match (or, at most once per document and name, the whole
//! text); none decides anything alone: [`super::find`] combines them.

use std::collections::HashSet;

use crate::hash::FxBuildHasher;
use crate::lexicon;
use crate::normalize::{fold_str, is_invisible};
use crate::span::Span;
use crate::token::{alnum_run, is_alnum};

/// True when `text` writes `surname` after a given name that is no title
/// ("Jack McConnell"): with no full mention of the gazetteer's bearer
/// (`canonical`) in the text, "Mr McConnell" is that other person. A given
/// name that starts like the bearer's is a spelling of it ("Mikhail" for
/// "Mikheil", "Pat" for "Patrick"). Where the bearer's family name comes
/// first ("Roh Moo-hyun"), another given name after it ("Roh Tae-woo") is
/// another person.
pub(super) fn names_someone_else(text: &str, surname: &str, canonical: &str) -> bool {
    if let Some(given) = canonical
        .strip_prefix(surname)
        .and_then(|r| r.strip_prefix(' '))
    {
        let own_given = given.split(' ').next().unwrap_or(given);
        let other = text.match_indices(surname).any(|(at, _)| {
            let after = &text[at + surname.len()..];
            let word = after
                .strip_prefix(' ')
                .and_then(|a| a.split([' ', ',', '.', ';', ')', '\'', '’']).next())
                .unwrap_or("");
            word.starts_with(char::is_uppercase)
                && word.contains('-')
                && !fold_str(word).eq_ignore_ascii_case(&fold_str(own_given))
        });
        if other {
            return true;
        }
    }
    let stem = |w: &str| {
        w.chars()
            .take(3)
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let own = stem(canonical.split(' ').next().unwrap_or(""));
    let mut buf = [0u8; 32];
    text.match_indices(surname).any(|(at, _)| {
        let Some(head) = text[..at].strip_suffix(' ') else {
            return false;
        };
        let glued_after = text[at + surname.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let word = head
            .rsplit([' ', '\n', '(', '"', '“'])
            .next()
            .unwrap_or("")
            .trim_start_matches(is_invisible);
        // A sentence's first word may be a noun ("Rapper Eminem", "Hacker
        // Assange"); before the surname of a bearer with a given name, it is
        // a given name when it is no English word nor a doer's noun
        // ("Quentin Davies, the MP", "Peter Harris").
        // After a quotation closed by a comma (`," Will Davies, senior
        // researcher`), the sentence goes on: its next word is no opener.
        let before_word = head[..head.len() - word.len()].trim_end();
        let quote_goes_on = [",\"", ",”", ",'", ",’"]
            .iter()
            .any(|q| before_word.ends_with(q));
        let first = starts_sentence(head, head.len() - word.len())
            && !quote_goes_on
            && (!canonical.contains(' ')
                || lexicon::lower(word, &mut buf).map_or(true, |w| {
                    is_plain_word(w) || lexicon::DOER_NOUNS.contains(w)
                }));
        !glued_after
            && !first
            && word.len() > 1
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && title_before(text, at).is_none()
            && stem(word) != own
            // Given names may be words ("Jack", "Bill"); function words
            // are not ("And", "The").
            && !lexicon::lower(word, &mut buf).is_some_and(|w| {
                lexicon::DETERMINERS.contains(w) || lexicon::PHRASE_JOINERS.contains(w)
            })
    })
}

/// True when `span` has a capitalised word right before it that is no
/// title, or right after it, on the same line: it is part of a longer name.
pub(super) fn inside_other_name(text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    if let Some(rest) = after.strip_prefix(' ') {
        if rest.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        // "Richard von Weizsaecker", "Jassim al-Khorafi": a particle and a
        // capitalised word, apart or hyphened.
        for sep in [' ', '-'] {
            if let Some((particle, more)) = rest.split_once(sep) {
                if lexicon::NAME_PARTICLES.contains(particle)
                    && more.chars().next().is_some_and(char::is_uppercase)
                {
                    return true;
                }
            }
        }
    }
    let before = &text[..span.start];
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let (word_start, word) = word_before(head, |c| {
        c.is_whitespace() || matches!(c, '"' | '“' | '(' | '«' | ',' | ';' | ':')
    });
    let word = word.trim_start_matches(is_invisible);
    // A sentence's first word has its capital anyway; it belongs to the
    // name only when it reads as a given name, no English word nor a
    // doer's noun nor a nationality ("Vera Drake scoops", "Stuart Grimes
    // pulled"; not "Rapper Drake", "Italian Ranieri", "Yesterday Grimes").
    let mut buf = [0u8; 32];
    let mut given = || {
        word.len() > 1
            && word.chars().all(char::is_alphabetic)
            && !lexicon::DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e))
            && lexicon::lower(word, &mut buf)
                .is_some_and(|w| !is_plain_word(w) && !lexicon::DOER_NOUNS.contains(w))
    };
    word.chars().next().is_some_and(char::is_uppercase)
        && !word.ends_with(['.', '!', '?'])
        && title_before(text, span.start).is_none()
        && (!starts_sentence(head, word_start) || given())
}

/// True when the capitalised words after byte `end` run into a company
/// suffix ("Corp", "Co", "Bancorp", "Electric and Power Co").
pub(super) fn in_company_name(text: &str, end: usize) -> bool {
    // A bounded look ahead keeps this constant-time on one-line texts.
    let mut stop = (end + 120).min(text.len());
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = text.get(end..stop).unwrap_or("");
    // A possessive ends the name: "Iraq's Ministry of Communications" is
    // the country's ministry ("Nikko Securities Co (Europe) Ltd" and
    // "Bristol-Myers Co" go on).
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return false;
    }
    // The word after the first space opens the run: with no capital, there
    // is none (every suffix has one).
    let opens = rest
        .bytes()
        .position(|b| b == b' ' || b == b'\n')
        .is_some_and(|k| {
            rest.as_bytes()[k] == b' ' && rest[k + 1..].starts_with(char::is_uppercase)
        });
    if !opens {
        return false;
    }
    let line = rest.split('\n').next().unwrap_or("");
    for (i, word) in line.split(' ').skip(1).take(4).enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '>']);
        if lexicon::COMPANY_SUFFIXES.contains(&bare) {
            return true;
        }
        let joins = i > 0 && matches!(bare, "and" | "&" | "of");
        if !(joins || bare.chars().next().is_some_and(char::is_uppercase))
            || bare.len() < word.len()
        {
            return false;
        }
    }
    false
}

/// True when the one-word name at `span` (no periods) is followed by a
/// space and a capitalised word that is no day, month or other time word.
pub(super) fn starts_longer_name(text: &str, span: Span) -> bool {
    let name = span.as_str(text);
    if name.contains('.') {
        return false;
    }
    let Some(rest) = text[span.end..].strip_prefix(' ') else {
        return false;
    };
    let word: &str = rest
        .split([' ', ',', '.', ';', ':', '\n', ')', '\''])
        .next()
        .unwrap_or("");
    // "UK Prime Minister", "Texas Republican", "Wales Secretary": a title
    // or party word after a place keeps the place.
    let titled = lexicon::TITLE_MODIFIERS.contains(word) || lexicon::starts_title(word);
    let mut buf = [0u8; 32];
    word.chars().next().is_some_and(char::is_uppercase)
        && !titled
        && !lexicon::lower(word, &mut buf).is_some_and(|w| lexicon::TIME_WORDS.contains(&w))
}

/// True when a capitalised word is glued to the name at byte `start` (one
/// space before it, on the same line) and belongs to the same name: not a
/// sentence's first word, an article, a time word, a possessive, a title
/// modifier ("Senior", "Deputy"), a nationality ("Japanese") or, before an
/// organisation (not a `place`), a company form ("NV Philips"; "Finance NV
/// Curacao" is an issuer, not the island).
pub(super) fn ends_longer_name(text: &str, start: usize, place: bool) -> bool {
    // One space or a table's few ("Other West  Europe").
    let head = text[..start].trim_end_matches(' ');
    if head.len() == start || start - head.len() > 3 {
        return false;
    }
    let (word_start, word) = word_before(head, |c| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '“' | '(' | '«' | '<' | ',' | ';' | ':' | '/' | '\u{FEFF}'
            )
    });
    // Before a place, a middle initial ("David M. Holland") belongs to a
    // person's name ("F. Hoffmann-La Roche" is the company's own name).
    let initial = place
        && word.len() == 2
        && word.ends_with('.')
        && word.starts_with(|c: char| c.is_ascii_uppercase());
    if initial && !starts_sentence(head, word_start) {
        return true;
    }
    if !word.chars().next().is_some_and(char::is_uppercase)
        || !word.chars().next_back().is_some_and(char::is_alphanumeric)
        || word.contains('-')
        || after_abbreviation(head, word_start)
    {
        return false;
    }
    if word.ends_with("'s") || word.ends_with("’s") {
        return false;
    }
    // "told Reuters Japan is ...": the word is a verb's object, and the
    // name starts after it.
    let prev = head[..word_start].trim_end_matches(' ');
    let prev_word = prev.rsplit([' ', '\n']).next().unwrap_or("");
    if lexicon::COMMON_VERBS.contains(prev_word) {
        return false;
    }
    let mut buf = [0u8; 32];
    let lower = lexicon::lower(word, &mut buf);
    // A sentence's first word has its capital anyway: it joins the name
    // only when it is no common word ("Showa Shell Sekiyu", not "The").
    if starts_sentence(head, word_start) && lower.map_or(true, is_plain_word) {
        return false;
    }
    // "Japanese", "French"; not "Watch" or "Republic".
    let demonym = word.chars().all(char::is_alphabetic)
        && lexicon::DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e))
        && !lower.is_some_and(lexicon::is_common_word);
    !(demonym
        || lexicon::TITLE_MODIFIERS.contains(word)
        || (!place && lexicon::COMPANY_SUFFIXES.contains(word))
        || lower
            .is_some_and(|w| lexicon::DETERMINERS.contains(w) || lexicon::TIME_WORDS.contains(w)))
}

/// True when the lower-case `word` is an ordinary English word: a common
/// word, its plural or third person ("hopes"), or a word ending in "ing",
/// "ed" or "ly" ("Excluding", "Traditionally").
pub(super) fn is_plain_word(word: &str) -> bool {
    lexicon::is_common_word(word)
        || word.strip_suffix('s').is_some_and(lexicon::is_common_word)
        || lexicon::VERB_ENDINGS
            .iter()
            .chain(&["ly"])
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// True when the word at `at` of `head` follows an abbreviation written
/// with periods ("U.S. Hopes Japan"): wire copy often capitalises the word
/// after one, so its capital says nothing.
pub(super) fn after_abbreviation(head: &str, at: usize) -> bool {
    let before = head[..at].trim_end_matches(' ');
    let prev = before.rsplit([' ', '\n']).next().unwrap_or("");
    prev.len() >= 3
        && prev.ends_with('.')
        && prev.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// True when the one-word place at `span` is written like a side in a
/// game: after "against", "beat", "v" and the like, before "have", "are",
/// "were" or a team word ("manager", "fans", "'s captain"), or alone in
/// brackets ("J Noon (Newcastle)").
pub(super) fn names_a_side(text: &str, span: Span) -> bool {
    if span.as_str(text).contains(' ') {
        return false;
    }
    let head = &text[..span.start];
    let rest = &text[span.end..];
    if head.ends_with('(') && rest.starts_with(')') {
        return true;
    }
    let mut buf = [0u8; 32];
    if let Some(before) = head.strip_suffix(' ') {
        let word = before.rsplit([' ', '\n']).next().unwrap_or("");
        if lexicon::lower(word, &mut buf).is_some_and(|w| lexicon::SIDE_BEFORE.contains(w)) {
            return true;
        }
    }
    let (possessive, after) = match rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")) {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let Some(after) = after.strip_prefix(' ') else {
        return false;
    };
    let word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "Liverpool's fans", not "Britain's are". ("Southampton's David
    // Prutton" is the club's player: `names_a_club` knows the clubs.)
    lexicon::SIDE_AFTER.contains(word)
        && !(possessive && matches!(word, "have" | "do" | "are" | "were"))
}

/// True when the place at `span` is, in a sports report, a club's name
/// ([`lexicon::CLUB_PLACES`]: "Liverpool", "Barcelona") and no venue ("in
/// Cardiff").
pub(super) fn names_a_club(text: &str, span: Span) -> bool {
    lexicon::CLUB_PLACES.contains(span.as_str(text)) && !after_word(text, span.start, "in")
}

/// True when the word right before byte `start` (one space between) is
/// `word`, in any case ("in Cardiff", "In Cardiff").
pub(super) fn after_word(text: &str, start: usize, word: &str) -> bool {
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let (_, before) = word_before(head, |c| !c.is_alphabetic());
    before.eq_ignore_ascii_case(word)
}

/// True when `text` holds enough different [`lexicon::SPORT_WORDS`] to be
/// a sports report ([`lexicon::SPORT_WORDS_NEEDED`]: fewer in a short one).
pub(super) fn is_about_sport(text: &str) -> bool {
    // Words split at ASCII bytes only (no character decoding: the whole
    // text is read); the lexicon's words are ASCII, so a word is looked up
    // only when its length and first letter are those of one of them.
    let bytes = text.as_bytes();
    let in_word = |b: u8| !b.is_ascii() || is_alnum(b) || b == b'-';
    let needed = lexicon::SPORT_WORDS_NEEDED
        .iter()
        .find(|&&(under, _)| text.len() < under)
        .map_or(usize::MAX, |&(_, n)| n);
    let mut seen: Vec<String> = Vec::new();
    let mut buf = [0u8; 32];
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !in_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        loop {
            i = alnum_run(bytes, i);
            match bytes.get(i) {
                Some(&b) if in_word(b) => i += 1,
                _ => break,
            }
        }
        let Some(&first) = bytes.get(start) else {
            break;
        };
        if !lexicon::SPORT_WORDS.may_hold(i - start, first.to_ascii_lowercase()) {
            continue;
        }
        let Some(w) = text.get(start..i).and_then(|w| lexicon::lower(w, &mut buf)) else {
            continue;
        };
        if lexicon::SPORT_WORDS.contains(w) && !seen.iter().any(|s| s == w) {
            seen.push(w.to_owned());
            if seen.len() >= needed {
                return true;
            }
        }
    }
    false
}

/// True when `name` is initials ("IDB") that `text` spells out in brackets
/// after a longer name ("Islamic Development Bank (IDB)"), and no such
/// spelling is the entry's: neither a full mention of `entry` (whose
/// mentions end at `full_ends`) nor the words of its `canonical` name.
///
/// `brackets` holds [`bracket_openings`] of `text`.
pub(super) fn defines_initials_otherwise(
    text: &str,
    name: &str,
    entry: u32,
    canonical: &str,
    full_ends: &HashSet<(u32, usize), FxBuildHasher>,
    brackets: &[usize],
) -> bool {
    if !are_initials(name) {
        return false;
    }
    let mut otherwise = false;
    for &start in brackets {
        let (Some(head), Some(')')) = (
            text[..start].strip_suffix('('),
            text[start..]
                .strip_prefix(name)
                .and_then(|r| r.chars().next()),
        ) else {
            continue;
        };
        let head = head.trim_end_matches(' ');
        if full_ends.contains(&(entry, head.len())) {
            return false;
        }
        // The words before the bracket, back to the clause's start.
        let clause = head
            .rsplit(['.', ',', ';', ':', '(', ')', '\n', '"', '“', '”'])
            .next()
            .unwrap_or("");
        let words: Vec<&str> = clause
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        if !spells_out(name, &words) {
            continue;
        }
        if names_entry(clause, canonical) {
            return false;
        }
        otherwise = true;
    }
    otherwise
}

/// A byte that initials are written with: a capital, a digit or "&".
fn is_initial(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&'
}

/// True when `name` is written like initials: two or more capitals, digits
/// or "&" ("IDB", "3M", "AT&T").
pub(super) fn are_initials(name: &str) -> bool {
    name.len() >= 2 && name.bytes().all(is_initial)
}

/// Where initials may stand in brackets in `text`: each byte offset after
/// an opening bracket that a capital, a digit or "&" follows ("(IDB)").
pub(super) fn bracket_openings(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find('(') {
        at += i + 1;
        if text.as_bytes().get(at).is_some_and(|&b| is_initial(b)) {
            out.push(at);
        }
    }
    out
}

/// True when the letters of `initials` are, in order, the first letters of
/// some of `words`, the last letter that of the last word ("Organisation of
/// Petroleum Exporting Countries" for "OPEC").
pub(super) fn spells_out(initials: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = initials.chars().filter(char::is_ascii_alphabetic).collect();
    let firsts: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if letters.is_empty() || firsts.last() != letters.last() {
        return false;
    }
    let mut want = letters.iter().rev().peekable();
    for c in firsts.iter().rev() {
        if want.peek() == Some(&c) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// True when the words of `clause` hold at least three quarters of the
/// significant words of `canonical` (without a bracketed qualifier),
/// compared by their first four letters: "Organisation of Petroleum
/// Exporting Countries" names the Organization of the Petroleum Exporting
/// Countries.
pub(super) fn names_entry(clause: &str, canonical: &str) -> bool {
    // "Co-operation" is "Cooperation".
    let key = |w: &str| -> String { fold_str(w).chars().filter(|&c| c != '-').take(4).collect() };
    let canonical = canonical.split(" (").next().unwrap_or(canonical);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut have: Vec<String> = words.iter().map(|w| key(w)).collect();
    if words
        .iter()
        .any(|w| matches!(*w, "US" | "U.S." | "UK" | "U.K."))
    {
        have.extend(["unit", "stat", "king"].map(String::from));
    }
    let wanted: Vec<String> = canonical
        .split_whitespace()
        .filter(|w| {
            w.len() >= 3 && !lexicon::OF_WORDS.contains(w) && !matches!(*w, "the" | "and" | "for")
        })
        .map(key)
        .collect();
    let found = wanted.iter().filter(|w| have.contains(w)).count();
    !wanted.is_empty() && found * 4 >= wanted.len() * 3
}

/// True when a hyphen glues `span` to a word before or after it
/// ("Petro-Canada", "Betts-Green").
pub(super) fn in_hyphen_compound(text: &str, span: Span) -> bool {
    let after = text[span.end..].strip_prefix('-');
    let before = text[..span.start].strip_suffix('-');
    after.is_some_and(|a| a.starts_with(char::is_alphabetic))
        || before.is_some_and(|b| b.ends_with(char::is_alphabetic))
}

/// True when a hyphen glues byte `start` to a capitalised word of two
/// letters or more before it ("Petro-Canada", "Hydro-Quebec"; not "R-Iowa"
/// or "non-U.S.").
pub(super) fn glued_to_name_before(text: &str, start: usize) -> bool {
    let Some(head) = text[..start].strip_suffix('-') else {
        return false;
    };
    let (_, word) = word_before(head, |c| !c.is_alphabetic());
    // "EC-U.S.", "Japanese-U.S.": two sides, not one name.
    let initials = word.len() <= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    let nationality = lexicon::DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e));
    word.chars().count() >= 2 && word.starts_with(char::is_uppercase) && !initials && !nationality
}

/// True when every word of `name` but a leading article is a common
/// English word ("Guardian", "Morning Star", "the Independent").
pub(super) fn all_common_words(name: &str) -> bool {
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    name.split(' ')
        .all(|w| !w.is_empty() && lexicon::is_common_word(&fold_str(w)))
}

/// True when a comma and a state or province written as an abbreviation
/// with periods follow byte `end` ("Princeton, N.J.", "Wayne, Mich.").
pub(super) fn before_state_abbreviation(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let word = rest.split([' ', ',', ')', '\n', '-']).next().unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "Lyon." ending a sentence is no abbreviation; "La.," and "N.J." are.
    let abbreviated =
        word.trim_end_matches('.').contains('.') || rest[word.len()..].starts_with([',', ')', '-']);
    abbreviated
        && word.ends_with('.')
        && (2..=5).contains(&letters)
        && word.starts_with(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
        && !lexicon::COMPANY_SUFFIXES.contains(word.trim_end_matches('.'))
}

/// True when " of " and a capitalised word follow byte `end`.
pub(super) fn before_of_name(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(" of ")
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// True when a place's name at `start` follows a capitalised word and a
/// Romance "of" ("Credit Foncier de France", "Jornal do Brasil", "Cassa di
/// Risparmio di Calabria"): English text writes these only inside names.
pub(super) fn after_romance_of(text: &str, start: usize) -> bool {
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let (of_start, of) = word_before(head, |c| c.is_whitespace());
    if of == "of" || !lexicon::OF_WORDS.contains(&of) {
        return false;
    }
    let Some(before) = head[..of_start].strip_suffix(' ') else {
        return false;
    };
    let (_, word) = word_before(before, |c| c.is_whitespace() || c == '<' || c == '(');
    word.starts_with(char::is_uppercase)
}

/// True when the place at `span` names an agreement or a meeting held
/// there ([`lexicon::AGREEMENT_WORDS`]: "the Paris accord", "the Venice
/// summit", "the Hanover trade fair"; after "the", also
/// [`lexicon::MEETING_WORDS`]: "the Uruguay meeting"). Two places joined by
/// a hyphen or a slash are the parties ("a U.S.-Japan pact") and stay.
pub(super) fn names_an_agreement(text: &str, span: Span) -> bool {
    if text[..span.start].ends_with(['-', '/']) {
        return false;
    }
    let Some(rest) = text[span.end..].strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split(|c: char| !(c.is_alphabetic() || c == '-'));
    let first = words.next().unwrap_or("");
    // "the London talks", and after a possessive: "yesterday's Washington
    // meetings".
    let after_the = after_word(text, span.start, "the")
        || text[..span.start].ends_with("'s ")
        || text[..span.start].ends_with("’s ");
    let names_one = |word: &str| {
        let mut buf = [0u8; 32];
        lexicon::lower(word, &mut buf).is_some_and(|w| {
            lexicon::AGREEMENT_WORDS.contains(w)
                || (after_the && lexicon::MEETING_WORDS.contains(w))
        })
    };
    // Up to two modifiers between: "the Paris currency stability accord".
    let second = words.next().unwrap_or("");
    let third = words.next().unwrap_or("");
    let modifier = |w: &str| lexicon::AGREEMENT_MODIFIERS.contains(w);
    names_one(first)
        || (modifier(first)
            && rest[first.len()..].starts_with(' ')
            && (names_one(second) || (modifier(second) && names_one(third))))
}

/// True when the place at `span` is named like a US state and like a city
/// ([`lexicon::CITY_NAMED_STATES`]: "Washington") and stands in a list
/// with another state ([`lexicon::US_STATES`]: "Oregon and Washington",
/// "New York, New Jersey"): there it is the state, not the city.
pub(super) fn in_list_of_states(text: &str, span: Span) -> bool {
    if !lexicon::CITY_NAMED_STATES.contains(span.as_str(text)) {
        return false;
    }
    let head = &text[..span.start];
    let rest = &text[span.end..];
    let states = lexicon::US_STATES
        .iter()
        .filter(|s| !lexicon::CITY_NAMED_STATES.contains(*s));
    states.into_iter().any(|state| {
        [", ", " and ", " or "].iter().any(|joint| {
            head.strip_suffix(joint)
                .and_then(|h| h.strip_suffix(state))
                .is_some_and(|h| !h.ends_with(char::is_alphanumeric))
                || rest
                    .strip_prefix(joint)
                    .and_then(|r| r.strip_prefix(state))
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        })
    })
}

/// True when a word that opens company names ([`lexicon::NAME_OPENERS`]:
/// "First") stands right before the place from byte `start` to `end`:
/// "said First Chicago's Johnson", "First Chicago said".
pub(super) fn after_name_opener(text: &str, start: usize, end: usize) -> bool {
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let (word_start, word) = word_before(head, |c| !c.is_alphanumeric());
    if !lexicon::NAME_OPENERS.contains(word) {
        return false;
    }
    // A sentence's "First" may be the adverb: before a modal ("First Japan
    // must act") it is, unless the text writes the same name again nearby
    // ("First Wisconsin Corp said … First Wisconsin will").
    let modal_after = lexicon::MODALS.contains(word_after(text, end));
    !(starts_sentence(head, word_start) && modal_after) || named_again(text, word_start, end)
}

/// True when `text[start..end]` is written again, as whole words, within
/// [`NAME_AGAIN_WINDOW`] bytes either side of it. The window keeps a text
/// full of such names linear.
fn named_again(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    let mut from = start.saturating_sub(NAME_AGAIN_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + NAME_AGAIN_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to].match_indices(name).any(|(at, _)| {
        let at = from + at;
        let whole = !text[at + name.len()..].starts_with(char::is_alphanumeric);
        at != start && whole
    })
}

/// How far either side of a name [`named_again`] looks.
const NAME_AGAIN_WINDOW: usize = 8 * 1024;

/// True when a division word ([`lexicon::DIVISION_WORDS`]: "County",
/// "Parish") follows byte `end` after a space and the entry's `canonical`
/// name has none: "Unita County" is no place of the gazetteer's.
pub(super) fn before_division_word(text: &str, end: usize, canonical: &str) -> bool {
    let word = word_after(text, end);
    lexicon::DIVISION_WORDS.contains(word) && !canonical.contains(word)
}

/// True when `title` (the title before a name, if any) tells a gender
/// other than the entry's ("Mrs Howard" for Michael Howard).
pub(super) fn title_contradicts_gender(
    text: &str,
    title: Option<Span>,
    gender: Option<crate::gazetteer::Gender>,
) -> bool {
    let Some(gender) = gender else {
        return false;
    };
    title
        .and_then(|t| lexicon::title_gender(t.as_str(text)))
        .is_some_and(|g| g != gender)
}

/// True when `title` (the title before a one-word `name`) goes with a given
/// name and `name` is not the given name of `canonical`: "Sir Richard" is
/// not Cliff Richard, "Sir Edward" not Prince Edward, "Sheikh Sultan" not
/// Bandar bin Sultan; "Sir Elton" is Elton John and "King Charles"
/// Charles III.
pub(super) fn title_before_another_given_name(title: &str, name: &str, canonical: &str) -> bool {
    let last = title.rsplit(' ').next().unwrap_or(title);
    let royal = lexicon::ROYAL_TITLES.contains(&last);
    if !royal && !lexicon::KNIGHTS_TITLES.contains(&last) {
        return false;
    }
    let mut words = canonical.split_whitespace();
    let mut first = words.next().unwrap_or("");
    // A royal's canonical name may start with titles ("Crown Prince X").
    while royal && (lexicon::ROYAL_TITLES.contains(&first) || first == "Crown") {
        first = words.next().unwrap_or("");
    }
    fold_str(first.trim_end_matches(',')) != fold_str(name)
}

/// True when `name` is written in capital letters only ("CPC", "NSA") and
/// stands for a `canonical` name that does not hold it as a word.
pub(super) fn initials_of_another_name(name: &str, canonical: &str) -> bool {
    name.len() <= 5
        && name.chars().all(|c| c.is_ascii_uppercase())
        && !canonical
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == name)
}

/// True when "also" and a cue verb follow byte `end` ("Bethlehem also
/// said").
pub(super) fn before_also_cue_verb(text: &str, end: usize) -> bool {
    text[end..].starts_with(" also ") && before_cue_verb(text, end)
}

/// True when a cue verb ("said", "told") follows byte `end` after a space,
/// perhaps after "also".
pub(super) fn before_cue_verb(text: &str, end: usize) -> bool {
    let word = match word_after(text, end) {
        "also" => word_after(text, end + " also".len()),
        word => word,
    };
    lexicon::cue_verb(word).is_some()
}

/// The letters right after byte `end` and one space ("" without the
/// space): "said" in "Bradford said,".
pub(super) fn word_after(text: &str, end: usize) -> &str {
    text[end..]
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("")
}

/// True when the one-word name `span`, written in words (not initials), is
/// followed by a word of [`lexicon::OFFICE_WORDS`], or comes after one and
/// "of": it names a ministry, a body or a day ("Labour Ministry", "Labor
/// Minister", "Labour Day", "Bureau of Labor Statistics"), not the entry.
pub(super) fn names_an_office(text: &str, span: Span) -> bool {
    let name = span.as_str(text);
    let office_of = || {
        text[..span.start]
            .strip_suffix(" of ")
            .and_then(|head| head.rsplit([' ', '\n']).next())
            .is_some_and(|w| lexicon::OFFICE_WORDS.contains(w))
    };
    !name.contains(' ')
        && name.chars().any(char::is_lowercase)
        && (lexicon::OFFICE_WORDS.contains(word_after(text, span.end)) || office_of())
}

/// True when a title that tells a gender ("Mr", "Lord", "Queen") stands
/// right before byte `start`.
pub(super) fn after_personal_title(text: &str, start: usize) -> bool {
    title_before(text, start).is_some_and(|t| lexicon::title_gender(t.as_str(text)).is_some())
}

/// True when the line holding `span` is written in capitals only and has
/// more than one word: a table row, not running text.
pub(super) fn in_capitals_line(text: &str, span: Span) -> bool {
    // Bounded both ways, so one-line texts stay linear.
    let mut from = span.start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + 200).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Running text has a lower-case letter within a few bytes of the name:
    // ask that first, over bytes.
    let lower_near = |bytes: &mut dyn Iterator<Item = u8>| {
        bytes
            .take(24)
            .take_while(|&b| b != b'\n')
            .any(|b| b.is_ascii_lowercase())
    };
    if lower_near(&mut text.as_bytes()[from..span.start].iter().rev().copied())
        || lower_near(&mut text.as_bytes()[span.end..to].iter().copied())
    {
        return false;
    }
    let line_start = text[from..span.start]
        .rfind('\n')
        .map_or(from, |i| from + i + 1);
    let line_end = text[span.end..to].find('\n').map_or(to, |i| span.end + i);
    let line = &text[line_start..line_end];
    if line.bytes().any(|b| b.is_ascii_lowercase()) || line.chars().any(char::is_lowercase) {
        return false;
    }
    let words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words > 2
}

/// True when a place name follows an institution's head word: "Bank of
/// Tokyo", "University of Michigan", "Air Mauritius".
pub(super) fn after_institution_word(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches(' ');
    // "Society of the U.S.": the article is no part of the head.
    let head = head.strip_suffix(" the").unwrap_or(head);
    let before_of = lexicon::OF_WORDS
        .iter()
        .find_map(|of| head.strip_suffix(of).and_then(|h| h.strip_suffix(' ')));
    // Two words back at most: a bounded look keeps texts without spaces
    // linear.
    let near = before_of.unwrap_or(head);
    let mut from = near.len().saturating_sub(120);
    while !near.is_char_boundary(from) {
        from -= 1;
    }
    // A Reuters company tag opens with '<' ("<Bank of Montreal>").
    let mut words = near[from..].rsplit([' ', '\n', '(', '<']);
    let word = words.next().unwrap_or("");
    // One adjective may stand between the head word and "of": "Banque
    // Nationale de Paris". A rank's "of" makes the place part of a title
    // ("Prince of Wales").
    lexicon::INSTITUTION_WORDS.contains(&word)
        || (head.ends_with(" of") && lexicon::RANKS_OF.contains(&word) && {
            let before = words.clone().next().unwrap_or("");
            !(lexicon::RANKS_ALSO_SURNAMES.contains(&word)
                && before.starts_with(char::is_uppercase))
        })
        || (before_of.is_some()
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !lexicon::COMPANY_SUFFIXES.contains(word)
            && words
                .next()
                .is_some_and(|w| lexicon::INSTITUTION_WORDS.contains(&w)))
}

/// True when the word at `at` of `head` starts a sentence or a line.
pub(super) fn starts_sentence(head: &str, at: usize) -> bool {
    let before = head[..at].trim_end_matches(|c| c == ' ' || is_invisible(c));
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“', '”', ':'])
}

/// The title written just before a person's name: "President", "Mr.",
/// "Mexican President", "former Secretary of State".
pub(crate) fn title_before(text: &str, start: usize) -> Option<Span> {
    let head = text.get(..start)?;
    let trimmed = head.trim_end_matches([' ', '\u{A0}']);
    if trimmed.len() == head.len() && !head.is_empty() {
        return None; // the name is glued to what precedes it
    }
    // Only the titles that end with the word before the name can stand
    // there.
    let last_word = trimmed
        .rsplit([' ', '\u{A0}', '\n', '\t', '(', '"', '“'])
        .next()
        .unwrap_or("");
    let last_word = last_word
        .rsplit('-')
        .next()
        .unwrap_or(last_word)
        .trim_start_matches(is_invisible);
    let t = lexicon::titles_ending_with(last_word)
        .iter()
        .filter(|t| ends_with_word(trimmed, t))
        .max_by_key(|t| t.len())?;
    let mut title_start = trimmed.len() - t.len();
    // Modifiers and nationality adjectives: "former", "U.S.", "Mexican".
    loop {
        let before = text[..title_start].trim_end_matches(' ');
        if before.len() == title_start {
            break;
        }
        let (word_start, word) = word_before(before, |c| {
            c.is_whitespace() || c == '(' || c == '"' || c == '“'
        });
        let word = word.strip_prefix("then-").unwrap_or(word);
        let demonym = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && lexicon::DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e));
        if word.is_empty() || !(demonym || lexicon::TITLE_MODIFIERS.contains(&word)) {
            break;
        }
        title_start = word_start;
    }
    Some(Span::new(title_start, trimmed.len()))
}

/// True when `s` ends with `word` and `word` starts at a word boundary.
pub(super) fn ends_with_word(s: &str, word: &str) -> bool {
    s.ends_with(word)
        && s[..s.len() - word.len()]
            .chars()
            .next_back()
            .map_or(true, |c| !c.is_alphanumeric() && c != '.' && c != '\'')
}

/// The last word of `head`, after its last character that `stop` accepts,
/// and where it starts.
fn word_before(head: &str, stop: impl Fn(char) -> bool) -> (usize, &str) {
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| stop(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, &head[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_suffixes_have_capitals() {
        // `in_company_name` turns a run away when its first word has none.
        assert!(lexicon::COMPANY_SUFFIXES
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())));
    }

    #[test]
    fn sports_reports_by_their_words() {
        let short = "Liverpool manager Rafa Benitez backed his goalkeeper and players.";
        assert!(is_about_sport(short));
        // The same three words in a long text are not enough; four are.
        let long = format!("{short} {}", "The bank said rates would rise. ".repeat(80));
        assert!(!is_about_sport(&long));
        assert!(is_about_sport(&format!("{long} The match was drawn.")));
        // A word counts once, however often it is written.
        assert!(!is_about_sport("match match match Match MATCH"));
    }

    #[test]
    fn a_common_word_before_an_office_word_names_the_office() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            names_an_office(text, Span::new(start, start + name.len()))
        };
        assert!(at("a Labour Ministry official said", "Labour"));
        assert!(at("since Labor Minister Pierre Cadieux", "Labor"));
        assert!(at("work on Labour Day", "Labour"));
        assert!(at("in your Microsoft Office application", "Microsoft"));
        assert!(at("the Bureau of Labor said", "Labor"));
        assert!(at("the Ministry of Labour said", "Labour"));
        // The party itself, and initials.
        assert!(!at("a Labour minister said", "Labour"));
        assert!(!at("Labour MP Ann Clwyd", "Labour"));
        assert!(!at("the UN Council met", "UN"));
        assert!(!at("the leader of Labour said", "Labour"));
    }

    #[test]
    fn a_title_before_a_given_name_names_its_bearer() {
        for (title, name, canonical) in [
            ("Sir", "Richard", "Cliff Richard"),
            ("Sir", "Edward", "Prince Edward"),
            ("Sheikh", "Sultan", "Bandar bin Sultan"),
            ("Saudi King", "Faisal", "Abdulaziz bin Turki Al Faisal"),
        ] {
            assert!(
                title_before_another_given_name(title, name, canonical),
                "{title} {name}"
            );
        }
        for (title, name, canonical) in [
            ("Sir", "Elton", "Elton John"),
            ("King", "Charles", "Charles III"),
            ("Prince", "Harry", "Prince Harry, Duke of Sussex"),
            ("Queen", "Rania", "Queen Rania of Jordan"),
            ("Mr", "Richard", "Cliff Richard"),
            ("Lord", "Ashcroft", "Michael Ashcroft"),
        ] {
            assert!(
                !title_before_another_given_name(title, name, canonical),
                "{title} {name}"
            );
        }
    }

    #[test]
    fn place_in_a_rank_is_part_of_the_title() {
        for (text, place) in [
            ("the Prince of Wales said", "Wales"),
            ("the Archbishop of Canterbury", "Canterbury"),
            ("the King of Belgium", "Belgium"),
            ("the Duchy of Cornwall", "Cornwall"),
        ] {
            assert!(
                after_institution_word(text, text.find(place).unwrap()),
                "{text}"
            );
        }
        // A surname is no rank: "Steve King of Iowa" is a man from Iowa.
        let text = "Steve King of Iowa";
        assert!(!after_institution_word(text, text.find("Iowa").unwrap()));
        // "Prince in Wales" is a prince somewhere: only "of" joins them.
        let text = "the Prince in Wales";
        assert!(!after_institution_word(text, text.find("Wales").unwrap()));
    }

    #[test]
    fn institution_word_inside_a_company_tag() {
        // Reuters writes companies in angle brackets; the head word is
        // still "Bank", not "<Bank".
        for text in [
            "ordinated debentures at <Bank of Montreal> due",
            "the Bank of Montreal",
        ] {
            let start = text.find("Montreal").unwrap();
            assert!(after_institution_word(text, start), "{text}");
        }
        let text = "its <Montreal> unit";
        assert!(!after_institution_word(
            text,
            text.find("Montreal").unwrap()
        ));
    }
}
