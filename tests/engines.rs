//! The two matching engines find the same entities.

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
