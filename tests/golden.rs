//! Golden tests: every fixture article in `tests/fixtures/articles/*.txt`
//! is extracted with the fixture gazetteer (no defaults, so the results do
//! not move when the default gazetteers grow) and compared with its
//! `*.json`. Run with `WHOSAID_BLESS=1` to rewrite the golden files after an
//! intended change, and review the diff.

use std::path::{Path, PathBuf};

use serde_json::Value;
use whosaid::{Extractor, GazetteerSource};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

fn extractor() -> Extractor {
    let gaz = GazetteerSource::from_path(dir().join("gazetteer.tsv")).unwrap();
    let mut b = Extractor::builder();
    b.default_gazetteers(false);
    for g in gaz {
        b.gazetteer(g);
    }
    b.build().unwrap()
}

fn run(name: &str) -> Value {
    let text = std::fs::read_to_string(dir().join(format!("{name}.txt"))).unwrap();
    extractor().extract(&text).to_json(Some(name.into()), true)
}

fn quotes(v: &Value) -> Vec<(String, String, String)> {
    v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let who = q["speaker"]
                .get("canonical")
                .or_else(|| q["speaker"].get("text"))
                .and_then(Value::as_str)
                .unwrap_or("-")
                .to_string();
            (
                q["kind"].as_str().unwrap().to_string(),
                q["text"].as_str().unwrap().to_string(),
                who,
            )
        })
        .collect()
}

fn has(v: &Value, kind: &str, text: &str, who: &str) -> bool {
    quotes(v)
        .iter()
        .any(|(k, t, w)| k == kind && t == text && w == who)
}

#[test]
fn golden_files_match() {
    let bless = std::env::var_os("WHOSAID_BLESS").is_some();
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    for name in names {
        let got = run(&name);
        let path = dir().join(format!("{name}.json"));
        if bless {
            let s = serde_json::to_string_pretty(&got).unwrap();
            std::fs::write(&path, s + "\n").unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(got, want, "{name}: output differs from {}", path.display());
    }
}

#[test]
fn mark_styles() {
    let v = run("marks");
    assert!(has(
        &v,
        "direct",
        "We counted every ballot twice,",
        "Maria Okafor"
    ));
    assert!(has(&v, "direct", "It was a long night,", "Tomás Lindqvist"));
    assert!(has(
        &v,
        "direct",
        "Nobody went home early,",
        "Tomás Lindqvist"
    ));
    assert!(has(
        &v,
        "direct",
        "Der Haushalt ist solide.",
        "Helen Achebe"
    ));
    assert!(has(&v, "direct", "Nous avons gagné", "Tomás Lindqvist"));
    assert!(has(&v, "direct", "The numbers work,", "Maria Okafor"));
    assert!(has(&v, "direct", "It is a fair deal,", "Helen Achebe"));
    // Apostrophes are not quotation marks.
    assert!(quotes(&v).iter().all(|(_, t, _)| !t.contains("union")));
}

#[test]
fn attribution_patterns() {
    let v = run("patterns");
    assert!(has(
        &v,
        "direct",
        "The river is choking on silt,",
        "Maria Okafor"
    ));
    assert!(has(
        &v,
        "direct",
        "We cannot wait another year,",
        "Tomás Lindqvist"
    ));
    assert!(has(
        &v,
        "direct",
        "The plan costs too much and does too little.",
        "Helen Achebe"
    ));
    assert!(has(&v, "direct", "First we study it,", "Tomás Lindqvist"));
    assert!(has(&v, "direct", "and then we decide.", "Tomás Lindqvist"));
    assert!(has(
        &v,
        "direct",
        "Dredging is not a luxury.",
        "Maria Okafor"
    ));
    assert!(has(&v, "direct", "Show us the data,", "Helen Achebe"));
    assert!(has(
        &v,
        "direct",
        "the silt has doubled since 2015.",
        "River Watch"
    ));
    assert!(has(
        &v,
        "direct",
        "We will publish everything.",
        "Maria Okafor"
    ));
    assert!(has(
        &v,
        "direct",
        "This vote matters to every family on the waterfront.",
        "Helen Achebe"
    ));
}

#[test]
fn multi_paragraph_quote_and_pronouns() {
    let v = run("multipara");
    let q = quotes(&v);
    let long = q
        .iter()
        .find(|(_, t, _)| t.starts_with("When I started"))
        .unwrap();
    assert!(long.1.ends_with("Now the piers are full,"), "{long:?}");
    assert_eq!(long.2, "Tomás Lindqvist");
    assert!(has(&v, "direct", "I am proud of that.", "Tomás Lindqvist"));
    assert!(has(
        &v,
        "direct",
        "Half the piers still flood every spring.",
        "Maria Okafor"
    ));
}

#[test]
fn reported_speech_and_fragments() {
    let v = run("reported");
    let q = quotes(&v);
    let find = |kind: &str, start: &str| {
        q.iter()
            .find(|(k, t, _)| k == kind && t.starts_with(start))
            .cloned()
    };
    assert_eq!(
        find("indirect", "The city must rebuild").unwrap().2,
        "River Watch"
    );
    assert_eq!(
        find("indirect", "the walls would be inspected").unwrap().2,
        "Maria Okafor"
    );
    assert_eq!(
        find("indirect", "the repairs will cost").unwrap().2,
        "Tomás Lindqvist"
    );
    assert_eq!(
        find("indirect", "the contractor missed").unwrap().2,
        "Helen Achebe"
    );
    assert!(has(&v, "partial", "years of neglect", "The report"));
    assert!(has(
        &v,
        "partial",
        "unfair and badly researched",
        "Tomás Lindqvist"
    ));
    let they = find("direct", "The next storm").unwrap();
    assert_eq!(they.2, "The environmental groups");
}

#[test]
fn debris_does_not_derail_the_scanner() {
    let v = run("debris");
    assert!(has(&v, "direct", "But this one does,", "Maria Okafor"));
    assert!(quotes(&v)
        .iter()
        .all(|(_, t, _)| !t.contains("live-blog") && !t.contains("source=")));
}

#[test]
fn wire_copy_names() {
    let v = run("wire");
    let ids: Vec<(&str, &str)> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap(),
                e["entity_id"].as_str().unwrap(),
            )
        })
        .collect();
    // A name in Reuters' company brackets counts; the ticker does not.
    assert!(ids.contains(&("Harbor Trust Bank", "harbor-trust-bank")));
    assert!(!ids.iter().any(|(t, _)| *t == "HTB"));
    // "The Coastal League Bank" is the bank, not "The Coastal League".
    assert_eq!(ids[1], ("Coastal League Bank", "coastal-league-bank"));
    // "Sir Richard" is a knight's given name, not Owen Richard's surname.
    assert_eq!(
        ids.iter().filter(|(_, id)| *id == "owen-richard").count(),
        1
    );
    let sir = &v["quotes"][1]["speaker"];
    assert_eq!(sir["text"], "Sir Richard");
    assert_eq!(sir["canonical"], "Sir Richard");
    // "Karbeth-5" is a code name; "Workers Ministry" an office.
    assert_eq!(ids.iter().filter(|(_, id)| *id == "karbeth").count(), 1);
    assert_eq!(
        ids.iter().filter(|(_, id)| *id == "workers-party").count(),
        1
    );
}
