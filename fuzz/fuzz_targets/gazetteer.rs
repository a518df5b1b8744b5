//! Fuzzes gazetteer parsing and matcher building: arbitrary bytes (as lossy
//! UTF-8) as the text of a gazetteer file. Building must return `Ok` or an
//! error naming the file, never panic; an extractor that builds is run on a
//! short text made from the gazetteer's own names.
//! (An error names the file when it names a line.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{Extractor, GazetteerSource};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let source = GazetteerSource::from_text("fuzz.tsv", text.as_ref());
    match Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(source)
        .build()
    {
        Ok(ex) => {
            // A text that mentions whatever the gazetteer lists.
            let names: String = text
                .lines()
                .filter_map(|l| l.split('\t').nth(2))
                .take(20)
                .collect::<Vec<_>>()
                .join(" said \"yes\". ");
            let sample = format!("{names} “Quote,” Joe Biden said. {text}");
            let doc = ex.extract(&sample);
            for e in doc.entities() {
                assert!(
                    sample.get(e.span().range()).is_some(),
                    "entity off boundaries"
                );
            }
            let _ = doc.to_json(None, true);
        }
        Err(e) => {
            // A problem on a line names the file and the line.
            if e.line().is_some() {
                assert_eq!(e.path(), Some("fuzz.tsv"), "{e}");
            }
            assert!(!e.to_string().is_empty());
        }
    }
});
