//! Throughput of whosaid over the news corpus in `../shared/data/corpus/`
//! (not shipped with the crate; the benchmarks are skipped when it is absent;
//! `WHOSAID_CORPUS=path.jsonl` points at another JSONL file).
//!
//! - `matching`: folding and the gazetteer search (`Extractor::name_matches`);
//! - `entities`: the matching stage, then resolution within each document
//!   (`Extractor::entities`);
//! - `pipeline`: the whole extraction (sentences, entities, quotes);
//! - `linear`: the whole extraction on one adversarial text at two sizes
//!   (×10), to show time grows linearly.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use whosaid::Extractor;

fn corpus() -> Option<Vec<String>> {
    let path = std::env::var("WHOSAID_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/corpus/news.jsonl"
        )
        .into()
    });
    let data = std::fs::read_to_string(&path).ok()?;
    let limit: usize = std::env::var("WHOSAID_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let texts = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .take(limit)
        .collect();
    Some(texts)
}

fn bench_corpus(c: &mut Criterion) {
    let Some(texts) = corpus() else {
        eprintln!("news corpus not found: skipping corpus benchmarks");
        return;
    };
    let ex = Extractor::new();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("matching", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| ex.name_matches(t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| texts.iter().map(|t| ex.entities(t).len()).sum::<usize>())
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| ex.extract(t).quotes().len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench_linear(c: &mut Criterion) {
    let ex = Extractor::new();
    let units: [(&str, &str); 4] = [
        ("marks", "\"“”«»„‹›'‘’ "),
        ("paragraphs", "\"He said it,\" Joe Biden said.\n"),
        ("names", "Julian Assange "),
        ("nowhitespace", "abc\"def'"),
    ];
    let mut g = c.benchmark_group("linear");
    g.sample_size(10);
    for (name, unit) in units {
        for size in [100_000usize, 1_000_000] {
            let text = unit.repeat(size / unit.len());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size), &text, |b, t| {
                b.iter(|| ex.extract(t).quotes().len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_corpus, bench_linear);
criterion_main!(benches);
