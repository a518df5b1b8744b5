//! Words around names: titles, name suffixes, demonym endings and the common
//! English words that make a one-word alias need its capital letter.

use super::WordSet;

use std::collections::{HashMap, HashSet};

use crate::hash::FxBuildHasher;
use std::sync::OnceLock;

/// Titles and offices that may stand before a person's name ("President
/// Biden", "Mr. Assange", "Prime Minister Rishi Sunak"). Longer titles are
/// tried first, so "Vice President" wins over "President".
pub(crate) static TITLES: WordSet = WordSet::new(&[
    "President",
    "Vice President",
    "Vice-President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Emperor",
    "Empress",
    "Pope",
    "Sheikh",
    "Sheikha",
    "Crown Prince",
    "Supreme Leader",
    "Ayatollah",
    "Emir",
    "Sultan",
    "Governor",
    "Gov.",
    "Gov",
    "Lieutenant Governor",
    "Lt. Gov.",
    "Mayor",
    "Senator",
    "Sen.",
    "Sen",
    "Representative",
    "Rep.",
    "Rep",
    "Congressman",
    "Congresswoman",
    "Speaker",
    "House Speaker",
    "Leader",
    "Majority Leader",
    "Minority Leader",
    "Senate Majority Leader",
    "Senate Minority Leader",
    "Secretary",
    "Secretary of State",
    "Secretary-General",
    "Secretary General",
    "Foreign Secretary",
    "Home Secretary",
    "Defense Secretary",
    "Defence Secretary",
    "Treasury Secretary",
    "Health Secretary",
    "Minister",
    "Foreign Minister",
    "Finance Minister",
    "Defence Minister",
    "Defense Minister",
    "Interior Minister",
    "Attorney General",
    "Attorney-General",
    "Justice",
    "Chief Justice",
    "Judge",
    "Ambassador",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Director",
    "General",
    "Gen.",
    "Gen",
    "Admiral",
    "Adm.",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Lt.",
    "Major",
    "Maj.",
    "Captain",
    "Capt.",
    "Sergeant",
    "Sgt.",
    "Commander",
    "Cmdr.",
    "Dr.",
    "Dr",
    "Doctor",
    "Prof.",
    "Prof",
    "Professor",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Miss",
    "Mx.",
    "Mx",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Rev.",
    "Reverend",
    "Father",
    "Sister",
    "Rabbi",
    "Imam",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Chief Executive",
    "CEO",
    "Founder",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Deputy",
    "MP",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Coach",
    "Officer",
    "Detective",
    "Inspector",
    "Superintendent",
    "Candidate",
    "Presidential candidate",
    "former President",
    "President-elect",
]);

/// The [`TITLES`] that `word` ends ("Minister": "Prime Minister", "Foreign
/// Minister", …; "Mr.": "Mr."), so that a title is looked for only where
/// one may end.
pub(crate) fn titles_ending_with(word: &str) -> &'static [&'static str] {
    type Index = HashMap<&'static str, Vec<&'static str>, FxBuildHasher>;
    static LAST: OnceLock<Index> = OnceLock::new();
    LAST.get_or_init(|| {
        let mut index = Index::default();
        for t in TITLES.iter() {
            let w = t.rsplit(' ').next().unwrap_or(t);
            let w = w.rsplit('-').next().unwrap_or(w);
            index.entry(w).or_default().push(t);
        }
        index
    })
    .get(word)
    .map_or(&[], Vec::as_slice)
}

/// True when `word` is the first word of one of the [`TITLES`] ("Prime"
/// of "Prime Minister", "Secretary").
pub(crate) fn starts_title(word: &str) -> bool {
    static FIRST: OnceLock<HashSet<&'static str, FxBuildHasher>> = OnceLock::new();
    FIRST
        .get_or_init(|| {
            TITLES
                .iter()
                .map(|t| t.split(' ').next().unwrap_or(t))
                .collect()
        })
        .contains(word)
}

/// Words that may stand before a title and belong to it: "former President",
/// "then-Secretary", "U.S. Secretary of State".
pub(crate) static TITLE_MODIFIERS: WordSet = WordSet::new(&[
    "former",
    "Former",
    "then",
    "acting",
    "Acting",
    "interim",
    "Interim",
    "outgoing",
    "Outgoing",
    "incoming",
    "Incoming",
    "late",
    "U.S.",
    "US",
    "UK",
    "U.K.",
    "EU",
    "UN",
    "U.N.",
    "Deputy",
    "Vice",
    "Assistant",
    "Senior",
    "Chief",
    "Foreign",
    "Republican",
    "Democratic",
    "State",
    "Federal",
    "Labour",
    "Conservative",
    "Democrat",
    "Democrats",
    "Republicans",
]);

/// Endings of nationality adjectives that may stand before a title
/// ("Mexican President", "Chinese Premier").
pub(crate) const DEMONYM_ENDINGS: &[&str] = &["an", "ese", "ish", "ch", "i", "ic", "ian", "ine"];

/// Titles that tell a person's gender.
pub(crate) static MALE_TITLES: WordSet = WordSet::new(&[
    "Mr.",
    "Mr",
    "King",
    "Prince",
    "Sir",
    "Lord",
    "Father",
    "Congressman",
    "Chairman",
    "Spokesman",
    "Councilman",
    "Emperor",
    "Sultan",
    "Emir",
    "Sheikh",
    "Crown Prince",
]);

/// Titles that tell a person's gender.
pub(crate) static FEMALE_TITLES: WordSet = WordSet::new(&[
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Miss",
    "Queen",
    "Princess",
    "Dame",
    "Lady",
    "Baroness",
    "Sister",
    "Congresswoman",
    "Chairwoman",
    "Spokeswoman",
    "Councilwoman",
]);

/// Words after a one-word organisation's name (or before it and "of")
/// which make it part of the name of an office, a body or a day: "Labour
/// Ministry", "Labor Minister Pierre Cadieux", "Labour Day", "the Federal
/// Labour Agency", "the Bureau of Labor" are not the Labour party.
pub(crate) static OFFICE_WORDS: WordSet = WordSet::new(&[
    "Ministry",
    "Minister",
    "Department",
    "Office",
    "Day",
    "Council",
    "Agency",
    "Organization",
    "Organisation",
    "Court",
    "Code",
    "Relations",
    "Bureau",
    "Federation",
    "Secretary",
]);

/// Titles written before a given name, not a surname: a knight's ("Sir
/// Richard" is Richard Branson, not Cliff Richard).
pub(crate) static KNIGHTS_TITLES: WordSet = WordSet::new(&["Sir", "Dame"]);

/// Titles of peers. The name after one is the peerage's, which may be a
/// place's or another family's ("Lord Bach", "Lord Faulkner of
/// Worcester"): a bare surname after them names a gazetteer entry only
/// where the entry lists the titled form as an alias ("Lord Coe") or the
/// text names the person in full.
pub(crate) static PEERS_TITLES: WordSet = WordSet::new(&["Lord", "Lady", "Baroness", "Baron"]);

/// Titles of monarchs, royals and rulers, also written before a given or
/// regnal name ("King Faisal", "Sheikh Sultan", "Prince Edward"), and
/// often the first word of such a person's canonical name ("Prince
/// Edward").
pub(crate) static ROYAL_TITLES: WordSet = WordSet::new(&[
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Emperor",
    "Empress",
    "Pope",
    "Sheikh",
    "Sheikha",
    "Emir",
    "Sultan",
    "Crown Prince",
]);

/// Ranks that take a place after "of" as part of the title: the place in
/// "Prince of Wales", "Duchess of Cornwall" or "Archbishop of Canterbury"
/// names no place the text is about; nor does the one in "Duchy of
/// Cornwall".
pub(crate) static RANKS_OF: WordSet = WordSet::new(&[
    "Prince",
    "Princess",
    "Duke",
    "Duchess",
    "Earl",
    "Countess",
    "Marquess",
    "Marquis",
    "Viscount",
    "Duchy",
    "Archbishop",
    "Bishop",
    "King",
    "Queen",
    "Sultan",
    "Emir",
]);

/// The [`RANKS_OF`] that are also surnames: after a capitalised word they
/// end a person's name ("Steve King of Iowa"), not a title.
pub(crate) static RANKS_ALSO_SURNAMES: WordSet = WordSet::new(&["King", "Earl", "Bishop"]);

/// The gender a title (with any modifiers before it) implies.
pub(crate) fn title_gender(title: &str) -> Option<crate::gazetteer::Gender> {
    let last = title.rsplit(' ').next().unwrap_or(title);
    if MALE_TITLES.contains(&last) || MALE_TITLES.contains(&title) {
        Some(crate::gazetteer::Gender::Male)
    } else if FEMALE_TITLES.contains(&last) || FEMALE_TITLES.contains(&title) {
        Some(crate::gazetteer::Gender::Female)
    } else {
        None
    }
}

/// Words that end the name of a company or institution: a place or person
/// before them is part of the name ("First Boston Corp", "Eastman Kodak
/// Co", "Texas Christian University").
pub(crate) static COMPANY_SUFFIXES: WordSet = WordSet::new(&[
    "Corp",
    "Corporation",
    "Co",
    "Company",
    "Inc",
    "Incorporated",
    "Ltd",
    "Limited",
    "Plc",
    "PLC",
    "LLC",
    "LLP",
    "AG",
    "SA",
    "NV",
    "BV",
    "GmbH",
    "SpA",
    "Spa",
    "Bancorp",
    "Bancshares",
    "Securities",
    "Holdings",
    "Industries",
    "Resources",
    "Electric",
    "Steel",
    "Shipping",
    "Airlines",
    "Airways",
    "Motors",
    "Foods",
    "Partners",
    "Trust",
    "Insurance",
    "Petroleum",
    "Mining",
    "Energy",
    "Exchange",
    "Enterprises",
    "Communications",
    "Brothers",
    "Bros",
    "University",
    "College",
    "Hospital",
    "Institute",
    "School",
]);

/// Head words of institutions named after a place: a place right after
/// them (or after "of") is part of the institution's name ("Bank of Tokyo",
/// "Air Mauritius").
pub(crate) static INSTITUTION_WORDS: WordSet = WordSet::new(&[
    "Bank",
    "Banco",
    "Banque",
    "University",
    "Universidad",
    "College",
    "Institute",
    "Museum",
    "Air",
    "Airlines",
    "Airways",
    "Port",
    "Archdiocese",
    "Diocese",
    "Stock",
    "Exchange",
    "Savings",
    "Life",
    "Trust",
    "Insurance",
    "Assurance",
    "Mutual",
    "Association",
    "Society",
    "Fund",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "Bancorp",
    "Bancshares",
    "Bankshares",
    "Office",
    "Offices",
    "Board",
    "Authority",
    "Agency",
    "Commission",
    "Federation",
]);

/// Words of sports reports: a text holding several of them is about sport,
/// where a place's name often stands for a side ("Leeds", "Scotland").
pub(crate) static SPORT_WORDS: WordSet = WordSet::new(&[
    "match",
    "goal",
    "goals",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "manager",
    "league",
    "cup",
    "season",
    "coach",
    "squad",
    "fixture",
    "semi-final",
    "quarter-final",
    "penalty",
    "referee",
    "club",
    "rugby",
    "football",
    "premiership",
    "wicket",
    "innings",
    "tennis",
    "athletics",
    "olympic",
    "scrum",
    "fly-half",
    "scrum-half",
    "flanker",
    "winger",
    "players",
    "uncapped",
    "caps",
    "tries",
    "scored",
    "stadium",
    "tournament",
    "semi-finals",
    "quarter-finals",
    "try",
    "tackle",
    "lineout",
    "touchdown",
    "sin-bin",
    "half-time",
    "hat-trick",
    "equaliser",
    "relegation",
    "penalties",
    "free-kick",
    "kick-off",
    "batsman",
    "bowler",
    "wickets",
    "medal",
    "sprinter",
    "marathon",
    "cricket",
    "snooker",
]);

/// The number of different [`SPORT_WORDS`] that make a text a sports
/// report: `(bytes, words)`, the first pair whose length the text is under
/// (a short report has fewer).
pub(crate) const SPORT_WORDS_NEEDED: &[(usize, usize)] = &[(2_000, 3), (usize::MAX, 4)];

/// Words before a place that make it a side in a game: "against Leeds",
/// "beat Italy", "Cyprus v Switzerland".
pub(crate) static SIDE_BEFORE: WordSet = WordSet::new(&[
    "against", "beat", "beating", "play", "playing", "played", "face", "faced", "facing", "host",
    "hosts", "hosting", "visit", "visiting", "over", "v", "vs", "versus", "put", "took", "gave",
    "seeing", "saw", "helped", "leaving", "left", "joined", "joining", "rejoined",
]);

/// Words after a place that make it a side: "Liverpool have", "Scotland
/// manager", "the Liverpool fans".
pub(crate) static SIDE_AFTER: WordSet = WordSet::new(&[
    "have",
    "do",
    "are",
    "were",
    "manager",
    "boss",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "coach",
    "skipper",
    "captain",
    "fans",
    "supporters",
    "chairman",
    "side",
    "squad",
    "team",
    "player",
    "players",
    "star",
    "stars",
    "forward",
    "outfit",
    "team-mate",
    "v",
    "vs",
    "won",
    "beat",
    "lost",
    "drew",
    "led",
    "scored",
    "ahead",
    "secure",
    "suffered",
    "threw",
    "trailed",
]);

/// Places whose name a football or rugby club goes by, written alone for
/// the club in sports reports: "Liverpool", "Barcelona", "Ulster". Cities
/// whose clubs go by longer names ("Manchester United", "Sheffield
/// Wednesday") are left out: alone, they are more often the city.
pub(crate) static CLUB_PLACES: WordSet = WordSet::new(&[
    "Aberdeen",
    "Auxerre",
    "Barcelona",
    "Bilbao",
    "Birmingham",
    "Blackburn",
    "Bologna",
    "Bolton",
    "Bordeaux",
    "Bremen",
    "Brighton",
    "Bristol",
    "Burnley",
    "Cardiff",
    "Charlton",
    "Connacht",
    "Coventry",
    "Derby",
    "Dortmund",
    "Dundee",
    "Edinburgh",
    "Eindhoven",
    "Exeter",
    "Fulham",
    "Genoa",
    "Glasgow",
    "Graz",
    "Gloucester",
    "Hamburg",
    "Hull",
    "Ipswich",
    "Lazio",
    "Leeds",
    "Leicester",
    "Leinster",
    "Lens",
    "Leverkusen",
    "Lille",
    "Liverpool",
    "Llanelli",
    "Lyon",
    "Madrid",
    "Marseille",
    "Marseilles",
    "Middlesbrough",
    "Milan",
    "Monaco",
    "Munster",
    "Nantes",
    "Newcastle",
    "Newport",
    "Northampton",
    "Norwich",
    "Palermo",
    "Parma",
    "Plymouth",
    "Porto",
    "Portsmouth",
    "Preston",
    "Rotherham",
    "Rennes",
    "Seville",
    "Sevilla",
    "Southampton",
    "Stoke",
    "Stuttgart",
    "Sunderland",
    "Swansea",
    "Toulouse",
    "Ulster",
    "Valencia",
    "Villarreal",
    "Watford",
    "Wigan",
    "Wolfsburg",
    "Wolverhampton",
    "Wrexham",
]);

/// Words after a place's name that make it the name of an agreement or a
/// meeting held there: "the Paris accord", "the Venice Summit" (looked up
/// in lower case).
pub(crate) static AGREEMENT_WORDS: WordSet = WordSet::new(&[
    "accord",
    "agreement",
    "pact",
    "treaty",
    "protocol",
    "declaration",
    "communique",
    "summit",
]);

/// Words after "the" and a place that make it the name of a meeting held
/// there: "the Uruguay meeting", "the London talks", "the Uruguay round",
/// "the Hanover trade fair" (after no article, these may be verbs or
/// adjectives: "Japan talks tough", "Japan accords priority", "Japan fair
/// trade watchdog").
pub(crate) static MEETING_WORDS: WordSet = WordSet::new(&[
    "meeting",
    "meetings",
    "talks",
    "conference",
    "negotiations",
    "accords",
    "round",
    "fair",
    "statement",
    "discussions",
]);

/// Words that may stand between a place and an [`AGREEMENT_WORDS`] word:
/// "the Paris currency accord", "the Hanover trade fair".
pub(crate) static AGREEMENT_MODIFIERS: WordSet = WordSet::new(&[
    "trade",
    "currency",
    "stability",
    "summit",
    "peace",
    "arms",
    "debt",
    "monetary",
    "climate",
    "nuclear",
]);

/// The states of the United States, for lists of them ("Oregon, Utah and
/// Washington"); not Georgia, which is also a country ("Washington and
/// Georgia signed a pact").
pub(crate) static US_STATES: WordSet = WordSet::new(&[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
]);

/// The US states named like a city that the gazetteer's bare name means
/// ("New York" is the city): in a list of other states, the state.
pub(crate) static CITY_NAMED_STATES: WordSet = WordSet::new(&["New York", "Washington"]);

/// Nouns for a doer that may open a sentence before a surname without being
/// a given name: "Rapper Eminem", "Hacker Assange".
pub(crate) static DOER_NOUNS: WordSet = WordSet::new(&[
    "rapper",
    "hacker",
    "singer",
    "striker",
    "goalscorer",
    "winger",
    "defender",
    "keeper",
    "banker",
    "trader",
    "broker",
    "dealer",
    "lawyer",
    "writer",
    "producer",
    "designer",
    "farmer",
    "teacher",
    "worker",
    "officer",
    "reporter",
    "presenter",
    "commander",
    "rider",
    "driver",
    "boxer",
    "golfer",
    "bowler",
    "manager",
    "player",
    "leader",
    "speaker",
    "founder",
    "owner",
    "rocker",
    "blogger",
    "campaigner",
    "photographer",
    "drummer",
]);

/// Capitalised words that open a company's name before a place, even as a
/// sentence's first word: "First Chicago", "First Wisconsin said".
pub(crate) static NAME_OPENERS: WordSet = WordSet::new(&["First"]);

/// Modal verbs: after "First" and a place at a sentence's start, they show
/// "First" to be the adverb ("First Japan must decide").
pub(crate) static MODALS: WordSet = WordSet::new(&[
    "must", "should", "will", "would", "can", "could", "may", "might", "shall",
]);

/// Words after a place's name that make it the name of a smaller division
/// named after it: "Unita County", "Orleans Parish".
pub(crate) static DIVISION_WORDS: WordSet =
    WordSet::new(&["County", "Parish", "Township", "Borough"]);

/// Words for "of" between an institution's head word and a place: "Bank
/// of Tokyo", "Banco do Brasil", "Banque de France".
pub(crate) const OF_WORDS: &[&str] = &["of", "de", "do", "da", "del", "di", "des", "du", "della"];

/// Lower-case particles inside names: "Richard von Weizsaecker", "Vincent
/// van Gogh", "Osama bin Laden".
pub(crate) static NAME_PARTICLES: WordSet = WordSet::new(&[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "le", "la", "bin", "ibn",
    "al", "el", "dos", "das",
]);

/// Tokens after a name that are not part of a surname: "Martin Luther King Jr.".
pub(crate) static NAME_SUFFIXES: WordSet = WordSet::new(&[
    "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", "Jnr", "Snr", "jr.", "sr.",
]);

/// The most frequent English words, one per line (see the file).
const COMMON_WORDS: &str = include_str!("common_words.txt");

/// True when `word` (folded: lower-case, no diacritics) is a common English
/// word, so that a one-word alias spelled like it needs its capital letter and
/// a derived surname spelled like it is never resolved by the gazetteer alone.
pub(crate) fn is_common_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, FxBuildHasher>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .collect()
    })
    .contains(word)
}
