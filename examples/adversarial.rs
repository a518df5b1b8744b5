//! Times extraction on adversarial inputs at the sizes of the robustness
//! issue and at ten times those sizes, and prints the ratio of the times
//! (linear time gives about 10).
//!
//! ```sh
//! cargo run --release --example adversarial
//! ```
//!
//! The inputs: quotation marks of every kind, text without any whitespace,
//! one name repeated, nested opening marks, one huge paragraph of news-like
//! sentences, and many tiny paragraphs. Each time is the best of three runs.

use std::time::{Duration, Instant};

use whosaid::Extractor;

/// Repeats `unit` until the text has about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len()).max(1))
}

/// An input: its name, how to make it at a size, and the smaller size.
type Case = (&'static str, Box<dyn Fn(usize) -> String>, usize);

fn best_of_three(ex: &Extractor, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let doc = ex.extract(text);
            std::hint::black_box(doc.quotes().len() + doc.entities().len());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let ex = Extractor::new();
    let sentence = "\"We will not back down,\" Julian Assange said on Monday, adding that the \
                    U.S. justice department \"has no case\". Lopez Obrador agreed. ";
    // The sizes of the issue (1 MB, 100k openings, a 5 MB paragraph, 100k
    // paragraphs), and ten times that.
    let cases: Vec<Case> = vec![
        (
            "quotation marks of every kind",
            Box::new(|n| fill("\"“”‘’'«»„‹›`` '' ", n)),
            1_000_000,
        ),
        (
            "no whitespace",
            Box::new(|n| fill("Assange\"said'no,“x”-", n)),
            1_000_000,
        ),
        (
            "one name repeated",
            Box::new(|n| fill("Julian Assange ", n)),
            1_000_000,
        ),
        (
            "nested openings (100k)",
            Box::new(|n| fill("“«„\"", n)),
            100_000 * 10 / 4,
        ),
        (
            "one paragraph (5 MB)",
            Box::new(move |n| fill(sentence, n)),
            5_000_000,
        ),
        (
            "tiny paragraphs (100k)",
            Box::new(|n| fill("\"A,\" he said.\n", n)),
            100_000 * 15,
        ),
    ];
    println!(
        "{:<32} {:>10} {:>12} {:>10} {:>12} {:>7}",
        "input", "small", "time", "large", "time", "ratio"
    );
    for (name, make, size) in cases {
        let (small, large) = (make(size), make(size * 10));
        let (ts, tl) = (best_of_three(&ex, &small), best_of_three(&ex, &large));
        println!(
            "{:<32} {:>9}B {:>10.1}ms {:>9}B {:>10.1}ms {:>6.1}x",
            name,
            small.len(),
            ts.as_secs_f64() * 1e3,
            large.len(),
            tl.as_secs_f64() * 1e3,
            tl.as_secs_f64() / ts.as_secs_f64().max(1e-9)
        );
    }
}
