//! The embedded default gazetteers on an article of our own: the people,
//! outlets and organisations it names are found and resolved, in straight
//! and curly quotation styles and with or without diacritics alike.

use whosaid::{Extractor, Label};

const ARTICLE: &str = "Editors weigh in on the case of Julian Assange

LONDON -- Julian Assange's lawyers met on Tuesday. \"Mr Assange should go free,\" wrote the editors of The New York Times, The Guardian, Le Monde, Der Spiegel and El Pais. President Biden's officials and the U.S. justice department declined to comment; Joe Biden said little.

Mexican President Andres Manuel Lopez Obrador offered asylum. \"It is a question of freedom,\" Lopez Obrador said. Colombian President Gustavo Petro agreed, Radio Habana Cuba (RHC) reported, citing WikiLeaks. Amnesty International and the American Civil Liberties Union backed the call, as Chelsea Manning did; Barack Obama and Donald Trump were not asked.";

fn curly(s: &str) -> String {
    let mut open = true;
    s.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open {
                    '”'
                } else {
                    '“'
                }
            }
            '\'' => '’',
            c => c,
        })
        .collect::<String>()
        .replace("Lopez Obrador", "López Obrador")
        .replace("El Pais", "El País")
}

fn ids(ex: &Extractor, text: &str) -> Vec<(String, Label)> {
    ex.entities(text)
        .iter()
        .filter(|e| e.label() != Label::Loc)
        .map(|e| (e.entity_id().to_string(), e.label()))
        .collect()
}

#[test]
fn seed_like_names_resolve_to_their_entries() {
    let ex = Extractor::new();
    let got = ids(&ex, ARTICLE);
    let want = [
        ("julian-assange", Label::Person),
        ("julian-assange", Label::Person),
        ("julian-assange", Label::Person),
        ("new-york-times", Label::Outlet),
        ("the-guardian", Label::Outlet),
        ("le-monde", Label::Outlet),
        ("der-spiegel", Label::Outlet),
        ("el-pais", Label::Outlet),
        ("joe-biden", Label::Person),
        ("us-department-of-justice", Label::Org),
        ("joe-biden", Label::Person),
        ("andres-manuel-lopez-obrador", Label::Person),
        ("andres-manuel-lopez-obrador", Label::Person),
        ("gustavo-petro", Label::Person),
        ("radio-habana-cuba", Label::Outlet),
        ("radio-habana-cuba", Label::Outlet),
        ("wikileaks", Label::Org),
        ("amnesty-international", Label::Org),
        ("american-civil-liberties-union", Label::Org),
        ("chelsea-manning", Label::Person),
        ("barack-obama", Label::Person),
        ("donald-trump", Label::Person),
    ];
    let want: Vec<(String, Label)> = want.iter().map(|(i, l)| (i.to_string(), *l)).collect();
    assert_eq!(got, want);
    // Titles are kept apart from the names.
    let titled: Vec<String> = ex
        .entities(ARTICLE)
        .iter()
        .filter_map(|e| e.title().map(|t| t.as_str(ARTICLE).to_string()))
        .collect();
    assert!(titled.contains(&"Mr".to_string()), "{titled:?}");
    assert!(
        titled.contains(&"Mexican President".to_string()),
        "{titled:?}"
    );
}

#[test]
fn curly_marks_and_diacritics_change_nothing() {
    let ex = Extractor::new();
    let curly = curly(ARTICLE);
    assert_ne!(curly, ARTICLE);
    assert_eq!(ids(&ex, &curly), ids(&ex, ARTICLE));
    let speakers = |text: &str| -> Vec<Option<String>> {
        ex.extract(text)
            .quotes()
            .iter()
            .map(|q| q.speaker().and_then(|s| s.entity_id().map(str::to_string)))
            .collect()
    };
    assert_eq!(speakers(&curly), speakers(ARTICLE));
}
