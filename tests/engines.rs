//! The two matching engines find the same entities, on the default
//! gazetteers and on random ones.

use whosaid::{Extractor, MatchEngine};

const TEXTS: &[&str] = &[
    "U.S. President Joe Biden met Mexican President Andrés Manuel López Obrador in Washington. \
     Lopez Obrador said El País and The New York Times had it wrong; Biden's aides disagreed.",
    "The United States Department of Justice, the U.S. justice department and the FBI; \
     Amnesty International and the American Civil Liberties Union (ACLU) wrote to WikiLeaks.",
    "\"We will win,\" Mr. Assange told Reuters and the BBC in London. Assange's lawyers, Le Monde \
     and Der Spiegel agreed. JULIAN ASSANGE, O'Brien, then-U.S. envoy, al-Assad, Jordan.",
    "Theresa May spoke in May. Michael Jordan visited Jordan. First Boston Corp and the Bank of \
     Tokyo Ltd <MTI.N> traded; Vera Drake and Karl Vak watched the Guardian's guardian angel.",
];

#[test]
fn automaton_and_word_index_agree() {
    let a = Extractor::builder()
        .match_engine(MatchEngine::Automaton)
        .build()
        .unwrap();
    let w = Extractor::builder()
        .match_engine(MatchEngine::WordIndex)
        .build()
        .unwrap();
    for text in TEXTS {
        let ea: Vec<_> = a
            .entities(text)
            .iter()
            .map(|e| (e.span(), e.entity_id().to_string()))
            .collect();
        let ew: Vec<_> = w
            .entities(text)
            .iter()
            .map(|e| (e.span(), e.entity_id().to_string()))
            .collect();
        assert!(!ea.is_empty());
        assert_eq!(ea, ew, "{text}");
    }
}

mod random {
    //! Random gazetteers and texts made of their names: both engines agree.
    //! (That the matcher finds every name is a property of its own, next to
    //! the matcher.)

    use proptest::prelude::*;
    use whosaid::{Extractor, GazetteerSource, MatchEngine};

    /// Pieces of names: plain and accented words, capitals, punctuation
    /// inside names, other scripts.
    const WORDS: &[&str] = &[
        "Joe",
        "Biden",
        "López",
        "Obrador",
        "AT&T",
        "U.S.",
        "O'Brien",
        "al-Assad",
        "Москва",
        "São",
        "Paulo",
        "Ünal",
        "Çelik",
        "'t",
        "Hooft",
        "(Untitled)",
        "Mc",
        "Dónal",
        "Zoë",
        "Straße",
        "X",
        "Q.",
        "de",
        "van",
        "the",
        "New",
        "York",
        "Times",
        "A",
        "-",
    ];

    fn name() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "))
    }

    fn gazetteer() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(name(), 1..12)
    }

    fn build(names: &[String], engine: MatchEngine) -> Option<Extractor> {
        let tsv: String = names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("e{i}\tORG\t{n}\n"))
            .collect();
        Extractor::builder()
            .default_gazetteers(false)
            .match_engine(engine)
            .gazetteer(GazetteerSource::from_text("random.tsv", tsv))
            .build()
            .ok()
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn engines_agree_on_random_gazetteers(
            names in gazetteer(),
            picks in prop::collection::vec((0usize..12, prop::sample::select(&[" ", ", ", ". ", "… ", "'s ", "\n", "·"][..])), 0..20),
        ) {
            let (Some(a), Some(w)) = (build(&names, MatchEngine::Automaton), build(&names, MatchEngine::WordIndex)) else {
                return Ok(());
            };
            let text: String = picks
                .iter()
                .map(|&(k, sep)| format!("{}{sep}", names[k % names.len()]))
                .collect();
            let mentions = |ex: &Extractor| -> Vec<_> {
                ex.entities(&text).iter().map(|e| (e.span(), e.entity_id().to_string())).collect()
            };
            prop_assert_eq!(mentions(&a), mentions(&w), "{:?} in {:?}", names, text);
        }
    }
}
