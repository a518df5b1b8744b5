//! Words of reported speech: cue verbs with their inflections, multi-word
//! cues, words that may stand between a speaker and its cue, pronouns, and
//! words that end a speaker phrase.

use super::WordSet;
use crate::hash::FxBuildHasher;

use std::collections::HashMap;
use std::sync::OnceLock;

/// Cue verbs, one per line: every inflected form, the base form first. A
/// trailing `*` marks verbs that introduce reported speech with a clause
/// ("said that …") as well as direct quotes; the others only attribute
/// quotations ("… ," he laughed). A trailing `~` marks verbs that only frame
/// quoted fragments ("called her \"weak\"", "pledged to fight \"cheating\"").
const CUE_VERBS: &str = "\
say says said saying *
tell tells told telling *
add adds added adding *
write writes wrote written writing *
note notes noted noting *
argue argues argued arguing *
ask asks asked asking *
explain explains explained explaining *
insist insists insisted insisting *
warn warns warned warning *
urge urges urged urging *
declare declares declared declaring *
stated stating *
claim claims claimed claiming *
admit admits admitted admitting *
acknowledge acknowledges acknowledged acknowledging *
deny denies denied denying *
reply replies replied replying *
respond responds responded responding *
recall recalls recalled recalling *
observe observes observed observing *
remark remarks remarked remarking *
comment comments commented commenting *
suggest suggests suggested suggesting *
announce announces announced announcing *
report reports reported reporting *
tweet tweets tweeted tweeting *
post posts posted posting *
complain complains complained complaining *
concede concedes conceded conceding *
confirm confirms confirmed confirming *
predict predicts predicted predicting *
promise promises promised promising *
boast boasts boasted boasting *
contend contends contended contending *
assert asserts asserted asserting *
maintain maintains maintained maintaining *
stress stresses stressed stressing *
emphasize emphasizes emphasized emphasizing *
emphasise emphasises emphasised emphasising *
vow vows vowed vowing *
pledge pledges pledged pledging *
reiterate reiterates reiterated reiterating *
caution cautions cautioned cautioning *
conclude concludes concluded concluding *
allege alleges alleged alleging *
accuse accuses accused accusing *
counter counters countered countering *
testify testifies testified testifying *
announce announces announced announcing *
disclose discloses disclosed disclosing *
reveal reveals revealed revealing *
indicate indicates indicated indicating *
mention mentions mentioned mentioning *
agree agrees agreed agreeing *
believe believes believed believing *
think thinks thought thinking *
contend contends contended contending *
worry worries worried worrying *
fear fears feared fearing *
hope hopes hoped hoping *
estimate estimates estimated estimating *
concede concedes conceded conceding *
speculate speculates speculated speculating *
tout touts touted touting *
repeat repeats repeated repeating *
retort retorts retorted retorting
quip quips quipped quipping
joke jokes joked joking
laugh laughs laughed laughing
shout shouts shouted shouting
yell yells yelled yelling
scream screams screamed screaming
whisper whispers whispered whispering
muse muses mused musing
wonder wonders wondered wondering
recount recounts recounted recounting
describe describes described describing
continue continues continued continuing
lament laments lamented lamenting
mock mocks mocked mocking
exclaim exclaims exclaimed exclaiming
sigh sighs sighed sighing
snap snaps snapped snapping
chant chants chanted chanting
read reads reading
begin begins began beginning
charge charges charged charging
fume fumes fumed fuming
riff riffs riffed riffing
gush gushes gushed gushing
scoff scoffs scoffed scoffing
sneer sneers sneered sneering
beg begs begged begging
plead pleads pleaded pleading
demand demands demanded demanding *
cry cries cried crying
bellow bellows bellowed bellowing
thunder thunders thundered thundering
marvel marvels marvelled marveled marveling marvelling
chuckle chuckles chuckled chuckling
grumble grumbles grumbled grumbling
groan groans groaned groaning
interject interjects interjected interjecting
interrupt interrupts interrupted interrupting
opine opines opined opining
reason reasons reasoned reasoning
summarize summarizes summarized summarizing
summarise summarises summarised summarising
elaborate elaborates elaborated elaborating
clarify clarifies clarified clarifying
protest protests protested protesting
proclaim proclaims proclaimed proclaiming
question questions questioned questioning
confess confesses confessed confessing
call calls called calling ~
dub dubs dubbed dubbing ~
label labels labeled labelled labeling labelling ~
propose proposes proposed proposing ~
praise praises praised praising ~
slam slams slammed slamming ~
blast blasts blasted blasting ~
criticize criticizes criticized criticizing ~
criticise criticises criticised criticising ~
condemn condemns condemned condemning ~
decry decries decried decrying ~
denounce denounces denounced denouncing ~
hail hails hailed hailing ~
blame blames blamed blaming ~
characterize characterizes characterized characterizing ~
refer refers referred referring ~
rail rails railed railing ~
";

/// Multi-word cues, matched as whole words (case-insensitive). A cue's
/// speaker comes after it when the phrase is marked `>`.
pub(crate) const CUE_PHRASES: &[(&str, bool)] = &[
    ("according to", true),
    ("told reporters", false),
    ("told journalists", false),
    ("said in a statement", false),
    ("said in an interview", false),
    ("wrote in a letter", false),
    ("wrote on Twitter", false),
    ("wrote on X", false),
    ("said on Twitter", false),
    ("pointed out", false),
    ("went on to say", false),
    ("went on", false),
    ("put it", false),
    ("made clear", false),
    ("called on", false),
    ("called for", false),
];

/// What a lower-case word can start: a cue phrase, and/or a cue verb form.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CueWord {
    /// The word is the first of a [`CUE_PHRASES`] entry.
    pub(crate) starts_phrase: bool,
    /// The word is a cue verb form.
    pub(crate) verb: Option<CueVerb>,
}

/// Looks up a lower-case word among cue verbs and phrase openers: one
/// hash look-up for the common case of a word that is neither.
pub(crate) fn cue_word(word: &str) -> Option<CueWord> {
    static MAP: OnceLock<HashMap<&'static str, CueWord, FxBuildHasher>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: HashMap<&'static str, CueWord, FxBuildHasher> = HashMap::default();
        for line in CUE_VERBS.lines() {
            let reports = line.ends_with('*');
            let frames_only = line.ends_with('~');
            for w in line.split_whitespace().filter(|w| *w != "*" && *w != "~") {
                let participle = w.ends_with("ing");
                let entry = m.entry(w).or_default();
                entry.verb.get_or_insert(CueVerb {
                    reports,
                    frames_only,
                    participle,
                });
            }
        }
        for (phrase, _) in CUE_PHRASES {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            m.entry(first).or_default().starts_phrase = true;
        }
        m
    })
    .get(word)
    .copied()
}

/// Information about a cue verb form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueVerb {
    /// The verb introduces reported clauses too ("said that …").
    pub(crate) reports: bool,
    /// The verb only frames quoted fragments; it attributes nothing else.
    pub(crate) frames_only: bool,
    /// The form is the present participle ("saying").
    pub(crate) participle: bool,
}

/// Looks up a lower-case word among the cue verb forms.
pub(crate) fn cue_verb(word: &str) -> Option<CueVerb> {
    cue_word(word).and_then(|w| w.verb)
}

/// Words that may stand between a speaker and the cue verb: "he also
/// said", "she has repeatedly argued", "they did not say".
pub(crate) static CUE_PRE_MODIFIERS: WordSet = WordSet::new(&[
    "also",
    "later",
    "then",
    "once",
    "previously",
    "repeatedly",
    "recently",
    "earlier",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "might",
    "may",
    "must",
    "should",
    "did",
    "does",
    "do",
    "not",
    "never",
    "often",
    "frequently",
    "publicly",
    "privately",
    "simply",
    "further",
    "again",
    "still",
    "flatly",
    "bluntly",
    "reportedly",
    "allegedly",
    "just",
    "first",
    "long",
    "separately",
    "angrily",
    "openly",
    "plainly",
    "quickly",
    "initially",
    "ultimately",
    "finally",
    "subsequently",
    "had",
    "is",
    "was",
    "were",
    "are",
    "been",
]);

/// Personal pronouns that can be speakers, with (plural, gender): gender is
/// `Some('m')`, `Some('f')` or `None`.
pub(crate) const PRONOUNS: &[(&str, bool, Option<char>)] = &[
    ("he", false, Some('m')),
    ("she", false, Some('f')),
    ("they", true, None),
    ("it", false, None),
    ("we", true, None),
    ("i", false, None),
];

/// Looks up a speaker pronoun (lower-case).
pub(crate) fn pronoun(word: &str) -> Option<(bool, Option<char>)> {
    PRONOUNS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, plural, g)| (plural, g))
}

/// Lower-case words that end a speaker phrase when walking away from the
/// cue: clause openers, conjunctions, prepositions that start adverbials,
/// and auxiliary verbs.
pub(crate) static SPEAKER_STOPS: WordSet = WordSet::new(&[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "because",
    "but",
    "or",
    "if",
    "as",
    "since",
    "although",
    "though",
    "after",
    "before",
    "so",
    "than",
    "until",
    "unless",
    "whether",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "to",
    "in",
    "on",
    "at",
    "during",
    "about",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "via",
    "by",
    "last",
    "this",
    "next",
    "yesterday",
    "today",
    "tomorrow",
    "on",
    "not",
    "also",
    "adding",
    "saying",
    "noting",
    "and",
    "told",
    "said",
    "says",
    "it",
    "what",
    "how",
    "why",
    "there",
    "here",
    "now",
    "then",
    "even",
    "just",
    "only",
]);

/// Nouns that name a group or a document as speaker ("the media outlets",
/// "officials", "the letter"): they make a lower-case phrase a speaker.
pub(crate) static SPEAKER_NOUNS: WordSet = WordSet::new(&[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "minister",
    "ministry",
    "president",
    "secretary",
    "senator",
    "lawmaker",
    "lawmakers",
    "leader",
    "leaders",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "source",
    "sources",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "economist",
    "economists",
    "police",
    "prosecutor",
    "prosecutors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "judge",
    "court",
    "group",
    "groups",
    "organization",
    "organizations",
    "organisation",
    "organisations",
    "outlet",
    "outlets",
    "media",
    "newspaper",
    "newspapers",
    "letter",
    "statement",
    "report",
    "study",
    "survey",
    "poll",
    "document",
    "documents",
    "indictment",
    "complaint",
    "lawsuit",
    "filing",
    "memo",
    "editorial",
    "editors",
    "publishers",
    "supporters",
    "critics",
    "opponents",
    "residents",
    "voters",
    "people",
    "campaign",
    "company",
    "government",
    "administration",
    "agency",
    "department",
    "party",
    "committee",
    "council",
    "board",
    "union",
    "activists",
    "protesters",
    "witnesses",
    "researchers",
    "scientists",
    "doctors",
    "officers",
    "soldiers",
    "diplomats",
    "observers",
    "investigators",
    "executives",
    "executive",
    "director",
    "chairman",
    "chief",
    "head",
    "representative",
    "representatives",
    "member",
    "members",
    "candidate",
    "governor",
    "mayor",
    "democrats",
    "republicans",
    "manager",
    "founder",
    "owner",
    "teacher",
    "student",
    "students",
    "worker",
    "workers",
    "man",
    "woman",
    "men",
    "women",
    "friend",
    "friends",
    "family",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "authorities",
    "authority",
    "regulator",
    "regulators",
    "bank",
    "firm",
    "officer",
    "website",
    "post",
    "tweet",
    "message",
    "announcement",
    "reports",
    "article",
    "analysis",
    "data",
    "figures",
]);

/// True when `word` (lower-case) is one of [`SPEAKER_NOUNS`].
pub(crate) fn is_speaker_noun(word: &str) -> bool {
    SPEAKER_NOUNS.contains(&word)
}

/// Introductions that make the next paragraph's quote the named speaker's:
/// "From Chairwoman X:".
pub(crate) const INTRO_WORDS: &[&str] = &["From", "More from", "Statement from", "Quote from"];

/// Words that join the parts of one speaker phrase ("the editors of The
/// Times", "Smith and Jones"), never at its edges.
pub(crate) static PHRASE_JOINERS: WordSet = WordSet::new(&["of", "for", "and", "at"]);

/// Pronouns that may name the speaker of a clause they stand in ("he began
/// by saying …"); "I", "we" and "it" do not.
pub(crate) static PERSON_PRONOUNS: WordSet = WordSet::new(&["he", "she", "they"]);

/// Pronouns that are the speaker's own words and are never resolved.
pub(crate) static SELF_PRONOUNS: WordSet = WordSet::new(&["i", "we"]);

/// Determiners and quantifiers after which a cue word may still be a verb
/// ("two said", "top aides warned"): they do not make it a noun.
pub(crate) static NON_NOUN_DETERMINERS: WordSet =
    WordSet::new(&["two", "three", "four", "five", "one", "top", "senior"]);

/// Words that may stand between a cue and its "that" besides time words
/// and pronouns ("said on Monday that", "told reporters that").
pub(crate) static BEFORE_THAT: WordSet = WordSet::new(&[
    "on",
    "in",
    "last",
    "this",
    "reporters",
    "journalists",
    "me",
    "us",
    "him",
    "them",
]);

/// Words that, right after a cue, show that no reported clause follows
/// ("agreed on the plan", "spoke to reporters").
pub(crate) static CLAUSE_BLOCKERS: WordSet = WordSet::new(&[
    "on", "in", "at", "with", "for", "about", "by", "from", "of", "to", "into", "over", "up",
    "out", "off", "back", "down", "as", "after", "before", "during", "against",
]);

/// Words that, after a comma, end a reported clause (", which …",
/// ", though …").
pub(crate) static CLAUSE_ENDERS: WordSet = WordSet::new(&[
    "which", "who", "whom", "though", "although", "while", "whereas", "but", "because", "since",
    "before", "after", "unless",
]);

/// Endings of verb forms, for guessing the verb that frames a quoted
/// fragment when no cue does ("pressed for a “Grand Bargain”").
pub(crate) const VERB_ENDINGS: &[&str] = &["ed", "ing"];

/// Frequent verbs without those endings that frame quoted fragments.
pub(crate) static COMMON_VERBS: WordSet = WordSet::new(&[
    "is", "was", "are", "were", "be", "has", "have", "had", "made", "makes", "gave", "gives",
    "took", "takes", "sees", "saw", "put", "puts", "got", "gets", "became", "becomes", "won",
    "wins", "led", "leads", "came", "comes", "told", "wrote", "said", "says",
]);

/// Day and month names and other time words that follow a cue without
/// being its speaker ("said Monday", "told reporters on Tuesday").
pub(crate) static TIME_WORDS: WordSet = WordSet::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
]);

/// Words that may start a speaker phrase although they are lower-case
/// determiners or quantifiers ("the", "a", "two", "many").
pub(crate) static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "several", "most", "two", "three", "four", "five", "other", "another",
    "one", "both", "all", "each", "every", "few", "top", "senior",
]);
