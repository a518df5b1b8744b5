//! Builds an extractor over a synthetic gazetteer of one million person
//! names (plus the defaults) and reports build time, peak resident memory
//! and two throughputs over a JSONL corpus, on one thread and on every core:
//! the matching stage (`Extractor::name_matches`: folding and the gazetteer
//! search) and the whole entity stage (`Extractor::entities`: the matching
//! stage, then resolution within each document).
//!
//! ```sh
//! cargo run --release --example large_gazetteer -- [N_NAMES] [CORPUS.jsonl]
//! ```
//!
//! Defaults: 1,000,000 names and `../shared/data/corpus/news.jsonl`;
//! `WHOSAID_ENGINE=automaton` or `words` forces a matching engine;
//! `WHOSAID_ROUNDS=N` sets the passes over the corpus (best counts). The
//! names are made of syllables, deterministic and all distinct, and written
//! as a TSV text in memory; nothing is written to disk.

use std::fmt::Write as _;
use std::time::Instant;

use whosaid::{Extractor, GazetteerSource, MatchEngine};

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "tes", "lan", "vo", "ri", "den", "sa", "gul", "bor", "el", "na", "tri",
    "mon", "has", "pe", "lu", "zar", "ov", "in", "ska", "der", "ba", "lo", "fen", "ti", "wer",
    "ach", "ham", "ul", "ste", "vik", "ra", "dor", "ni",
];

/// A capitalised pseudo-word of 2–3 syllables from `n`.
fn word(mut n: u64) -> String {
    let mut w = String::new();
    let k = 2 + (n % 2) as usize;
    n /= 2;
    for _ in 0..k {
        w.push_str(SYLLABLES[(n % SYLLABLES.len() as u64) as usize]);
        n /= SYLLABLES.len() as u64;
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

/// `n` written with `min` or more syllables: distinct `n` give distinct words.
fn syllables(mut n: u64, min: usize) -> String {
    let base = SYLLABLES.len() as u64;
    let mut w = String::new();
    let mut k = 0;
    while n > 0 || k < min {
        w.push_str(SYLLABLES[(n % base) as usize]);
        n /= base;
        k += 1;
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

/// A stage of the extractor run over one text: what it found.
type Stage = fn(&Extractor, &String) -> usize;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let corpus = args.next().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/corpus/news.jsonl"
        )
        .into()
    });

    let t = Instant::now();
    let mut tsv = String::with_capacity(n as usize * 40);
    // Every third person shares a surname (about 333,000 surnames for a
    // million people); the three given names of a surname differ, so every
    // full name is distinct.
    for i in 0..n {
        let family = i / 3;
        let last = syllables(family, 3);
        let first = word((i % 3) * 7_919 + family % 5_000);
        let _ = writeln!(tsv, "synthetic-{i}\tPERSON\t{first} {last}");
    }
    println!(
        "generated {n} names ({:.1} MB of TSV) in {:.2} s",
        tsv.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let rss_before = peak_rss_mb();

    // WHOSAID_ENGINE=automaton|words forces an engine (default: auto).
    let engine = match std::env::var("WHOSAID_ENGINE").as_deref() {
        Ok("automaton") => MatchEngine::Automaton,
        Ok("words") => MatchEngine::WordIndex,
        _ => MatchEngine::Auto,
    };
    let t = Instant::now();
    let ex = Extractor::builder()
        .match_engine(engine)
        .gazetteer(GazetteerSource::from_text("synthetic.tsv", tsv))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let build = t.elapsed().as_secs_f64();
    println!("built extractor with {} entries in {build:.2} s", ex.len());
    println!(
        "peak RSS: {:.0} MB (of which {:.0} MB before building)",
        peak_rss_mb(),
        rss_before
    );

    let Ok(data) = std::fs::read_to_string(&corpus) else {
        println!("corpus {corpus} not found: no throughput figure");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // WHOSAID_ROUNDS=N passes over the corpus (default 3); the best counts.
    let rounds: usize = std::env::var("WHOSAID_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    // One thread, then every core sharing the one extractor.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let stages: [(&str, Stage); 2] = [
        ("matching (name_matches)", |ex, t| ex.name_matches(t).len()),
        ("entities (entities)", |ex, t| ex.entities(t).len()),
    ];
    for threads in [1, cores] {
        for (stage, run) in stages {
            let mut best = f64::INFINITY;
            let mut found = 0;
            for _ in 0..rounds {
                let t = Instant::now();
                found = ex.map_many(&texts, threads, run).iter().sum();
                best = best.min(t.elapsed().as_secs_f64());
            }
            println!(
                "{stage}: {} docs, {:.1} MB, {found} found in {best:.3} s = {:.1} MB/s \
                 ({threads} thread{}, best of {rounds})",
                texts.len(),
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / best,
                if threads == 1 { "" } else { "s" }
            );
        }
        if cores == 1 {
            break;
        }
    }
    println!("peak RSS at the end: {:.0} MB", peak_rss_mb());
}
