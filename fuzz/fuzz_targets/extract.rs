//! Fuzzes the whole pipeline: arbitrary bytes (as lossy UTF-8) through
//! `Extractor::extract` and the JSON form, checking the invariants of
//! `tests/common/invariants.rs` (shared with `tests/properties.rs`) and
//! panicking on a violation.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::Extractor;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use invariants::check_doc;

/// The extractor with the default gazetteers, built once.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let doc = extractor().extract(&input);
    check_doc(&input, &doc);
});
