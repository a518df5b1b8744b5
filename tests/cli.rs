//! Integration tests of the example binary `whosaid` against `CONTRACT.md`
//! ("Example binary"): every input form, every kind of bad input, exit
//! statuses, options, and code-point offsets in the output.
//!
//! `cargo test` builds the example next to the test binaries
//! (`target/<profile>/examples/whosaid`); when it is missing or older than the
//! sources (e.g. `cargo test --test cli`, which does not build examples), it is
//! built with `cargo build --example whosaid` (cargo has released its lock on
//! the target folder by the time tests run).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::SystemTime;

use serde_json::{json, Value};

/// The crate's root folder.
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The test gazetteer: names with diacritics, so offsets in bytes and in
/// code points differ.
const PEOPLE: &str = "tests/fixtures/cli/gazetteers/people.tsv";

/// The path of the example binary, built if needed.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let name = format!("whosaid{}", std::env::consts::EXE_SUFFIX);
        let exe = std::env::current_exe().expect("the test binary has a path");
        // target/<profile>/deps/cli-HASH → target/<profile>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test binary lies in target/<profile>/deps");
        let built = profile_dir.join("examples").join(name);
        if built.is_file() && !older_than_sources(&built) {
            return built;
        }
        let release = profile_dir.file_name().is_some_and(|n| n == "release");
        build_example(release)
    })
}

/// Builds the example with `cargo build --example whosaid` (in the same
/// target folder, with the same profile) and returns the executable's path
/// as cargo reports it.
fn build_example(release: bool) -> PathBuf {
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .args(["build", "--example", "whosaid", "--message-format=json"])
        .current_dir(ROOT)
        .stderr(Stdio::inherit());
    if release {
        cargo.arg("--release");
    }
    let out = cargo.output().expect("cargo runs");
    assert!(out.status.success(), "cargo build --example whosaid failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "whosaid")
        .filter(|m| {
            m["target"]["kind"]
                .as_array()
                .is_some_and(|k| k.contains(&json!("example")))
        })
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the example's executable")
}

/// True when a file under `src/`, `examples/` or `gazetteers/` (or
/// `Cargo.toml`) was modified after `binary`.
fn older_than_sources(binary: &Path) -> bool {
    fn newest(path: &Path) -> Option<SystemTime> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_dir() {
            return meta.modified().ok();
        }
        std::fs::read_dir(path)
            .ok()?
            .filter_map(|e| e.ok())
            .filter_map(|e| newest(&e.path()))
            .max()
    }
    let Some(built) = std::fs::metadata(binary).and_then(|m| m.modified()).ok() else {
        return true;
    };
    ["src", "examples", "gazetteers", "Cargo.toml", "build.rs"]
        .iter()
        .filter_map(|p| newest(&Path::new(ROOT).join(p)))
        .any(|t| t > built)
}

/// What a run of the binary produced.
#[derive(Debug)]
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The exit code.
    fn code(&self) -> i32 {
        self.status.code().expect("the binary exits normally")
    }

    /// Standard output as JSON lines.
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad output line {l:?}: {e}"))
            })
            .collect()
    }
}

/// Runs the binary from the crate root with `args` and `stdin`.
fn run(args: &[&str], stdin: impl AsRef<[u8]>) -> Run {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let input = stdin.as_ref().to_vec();
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // Write from another thread so a large input cannot deadlock against a
    // full stdout pipe. The binary may exit before reading everything (bad
    // option), so a write error is fine.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary runs");
    writer.join().expect("the writer thread ends");
    let run = Run {
        status: out.status,
        stdout: String::from_utf8(out.stdout).expect("the output is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked: {}",
        run.stderr
    );
    run
}

/// `args` with the test gazetteer (and no defaults) in front.
fn with_people<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--no-default-gazetteers", "--gazetteer", PEOPLE];
    all.extend_from_slice(args);
    all
}

/// The code points `start..end` of `text`, as the contract defines spans.
fn slice(text: &str, start: u64, end: u64) -> String {
    let n = usize::try_from(end - start).expect("small");
    text.chars()
        .skip(usize::try_from(start).expect("small"))
        .take(n)
        .collect()
}

/// Checks one `{"start", "end", "text"}` span against `text`.
fn check_span(span: &Value, text: &str, what: &str) -> (u64, u64) {
    let start = span["start"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: no start in {span}"));
    let end = span["end"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: no end in {span}"));
    let len = text.chars().count() as u64;
    assert!(
        start <= end && end <= len,
        "{what}: {start}..{end} outside 0..{len}"
    );
    let got = span["text"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no text in {span}"));
    assert_eq!(
        slice(text, start, end),
        got,
        "{what}: {start}..{end} of {text:?}"
    );
    (start, end)
}

/// Checks a whole output document against its input text: the contract's
/// shape, every span's code-point offsets, entity order and overlap, quote
/// order, confidence range, and sentences when present.
fn check_doc(doc: &Value, text: &str) {
    assert!(doc.get("error").is_none(), "unexpected error record {doc}");
    let entities = doc["entities"].as_array().expect("entities is a list");
    let mut last_end = 0;
    for e in entities {
        let (start, end) = check_span(e, text, "entity");
        assert!(start >= last_end, "entities overlap or are unsorted: {doc}");
        last_end = end;
        let label = e["label"].as_str().expect("entity label");
        assert!(
            ["PERSON", "OUTLET", "ORG", "LOC", "MISC"].contains(&label),
            "{label}"
        );
        assert!(
            e["canonical"].is_string() && e["entity_id"].is_string(),
            "{e}"
        );
    }
    let quotes = doc["quotes"].as_array().expect("quotes is a list");
    let mut last_start = 0;
    for q in quotes {
        let (start, _) = check_span(q, text, "quote");
        assert!(start >= last_start, "quotes unsorted: {doc}");
        last_start = start;
        let kind = q["kind"].as_str().expect("quote kind");
        assert!(["direct", "partial", "indirect"].contains(&kind), "{kind}");
        let c = q["confidence"].as_f64().expect("confidence is a number");
        assert!((0.0..=1.0).contains(&c), "confidence {c}");
        for (key, what) in [("speaker", "speaker"), ("cue", "cue")] {
            match &q[key] {
                Value::Null => {}
                span => {
                    check_span(span, text, what);
                }
            }
        }
        assert!(q.get("speaker").is_some() && q.get("cue").is_some(), "{q}");
    }
    if let Some(sentences) = doc.get("sentences") {
        let mut last_end = 0;
        for s in sentences.as_array().expect("sentences is a list") {
            let (start, end) = check_span(s, text, "sentence");
            assert!(
                start >= last_end,
                "sentences overlap or are unsorted: {doc}"
            );
            last_end = end;
            let t = s["text"].as_str().unwrap_or_default();
            assert!(
                !t.is_empty() && t.trim() == t,
                "sentence {t:?} is not trimmed"
            );
        }
    }
}

/// The ids of the output records, in order.
fn ids(lines: &[Value]) -> Vec<Value> {
    lines.iter().map(|l| l["id"].clone()).collect()
}

/// A JSONL line for `id` and `text`.
fn line(id: Value, text: &str) -> String {
    json!({"id": id, "text": text}).to_string()
}

fn read_fixture(name: &str) -> String {
    let path = Path::new(ROOT).join("tests/fixtures/cli").join(name);
    let bytes = std::fs::read(path).expect("fixture exists");
    let text = String::from_utf8(bytes).expect("fixture is UTF-8");
    text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string()
}

#[test]
fn stdin_text_is_one_document_with_id_dash() {
    let text = read_fixture("article.txt");
    let r = run(&with_people(&[]), &text);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "one document on one line");
    let doc: Value = serde_json::from_str(&r.stdout).expect("one JSON value");
    assert_eq!(doc["id"], "-");
    check_doc(&doc, &text);
    let names: Vec<&str> = doc["entities"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|e| e["entity_id"].as_str())
        .collect();
    assert_eq!(names, ["test-amlo", "test-ada-lovelace", "test-el-pais"]);
    // Nothing on stderr when it is not a terminal.
    assert_eq!(r.stderr, "");
}

#[test]
fn stdin_empty_and_unicode_text() {
    let r = run(&[], "");
    assert_eq!(r.code(), 0);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc, json!({"id": "-", "entities": [], "quotes": []}));

    let text = "😀👩‍👩‍👧 e\u{301}\u{301} «שלום» مرحبا — Ada Lovelace 😀 said: “Ada Lovelace”";
    let r = run(&with_people(&["--sentences"]), text);
    assert_eq!(r.code(), 0);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    check_doc(&doc, text);
    assert_eq!(doc["entities"].as_array().map(Vec::len), Some(2), "{doc}");
}

#[test]
fn stdin_not_utf8_is_an_error_record() {
    let r = run(&[], b"caf\xe9\n".as_slice());
    assert_eq!(r.code(), 1);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["id"], "-");
    assert!(doc["error"].is_string());
}

#[test]
fn byte_order_mark_is_not_part_of_the_text() {
    let text = "Ada Lovelace wrote.";
    let plain = run(&with_people(&["--sentences"]), text);
    let bom = run(&with_people(&["--sentences"]), format!("\u{FEFF}{text}"));
    assert_eq!(plain.stdout, bom.stdout);
    let doc: Value = serde_json::from_str(&bom.stdout).expect("JSON");
    assert_eq!(doc["entities"][0]["start"], 0);
    check_doc(&doc, text);
}

#[test]
fn files_give_jsonl_with_path_ids_and_error_records() {
    let dir = "tests/fixtures/cli";
    let files = [
        format!("{dir}/article.txt"),
        format!("{dir}/missing.txt"),
        format!("{dir}/bom.txt"),
        format!("{dir}/latin1.txt"),
        dir.to_string(),
        format!("{dir}/article.txt"),
    ];
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let r = run(&with_people(&args), "");
    assert_eq!(r.code(), 1, "error records → exit 1");
    let lines = r.lines();
    assert_eq!(
        ids(&lines),
        files.iter().map(|f| json!(f)).collect::<Vec<_>>()
    );
    let errors: Vec<bool> = lines.iter().map(|l| l.get("error").is_some()).collect();
    assert_eq!(errors, [false, true, false, true, true, false]);
    check_doc(&lines[0], &read_fixture("article.txt"));
    check_doc(&lines[2], &read_fixture("bom.txt"));
    assert_eq!(lines[2]["entities"][0]["start"], 0, "BOM stripped");
    for l in &lines {
        if let Some(e) = l.get("error") {
            assert!(e.as_str().is_some_and(|e| !e.is_empty()));
            assert_eq!(l.as_object().map(|o| o.len()), Some(2), "{l}");
        }
    }

    let good = run(&with_people(&[&files[0], &files[2]]), "");
    assert_eq!(good.code(), 0);
    assert_eq!(good.lines().len(), 2);
}

#[test]
fn dash_file_is_standard_input() {
    let r = run(
        &with_people(&["-", "tests/fixtures/cli/bom.txt"]),
        "Ada Lovelace.",
    );
    assert_eq!(r.code(), 0);
    let lines = r.lines();
    assert_eq!(
        ids(&lines),
        [json!("-"), json!("tests/fixtures/cli/bom.txt")]
    );
    check_doc(&lines[0], "Ada Lovelace.");
}

#[test]
fn jsonl_good_lines_keep_order_and_ids() {
    let texts = [
        "Ada Lovelace wrote.",
        "",
        "El País 😀 Ada Lovelace",
        "nothing",
    ];
    let ids_in = [
        json!("doc-1"),
        json!(2),
        json!(null),
        json!({"a": [1, true], "b": "x"}),
    ];
    let mut input = String::new();
    for (id, text) in ids_in.iter().zip(texts) {
        input += &line(id.clone(), text);
        input.push('\n');
    }
    // Keys other than id and text are ignored; a line without id gets its
    // line number.
    input += r#"{"text": "Ada Lovelace", "extra": {"id": 9}, "lang": "en"}"#;
    input.push('\n');
    input += r#"{"id": -3.5, "text": "x", "id2": 1}"#;
    input.push('\n');
    let r = run(&with_people(&["--jsonl"]), &input);
    assert_eq!(r.code(), 0, "{}", r.stdout);
    let lines = r.lines();
    let mut want = ids_in.to_vec();
    want.extend([json!(5), json!(-3.5)]);
    assert_eq!(ids(&lines), want);
    for (l, text) in lines.iter().zip(texts.iter().chain(&["Ada Lovelace", "x"])) {
        check_doc(l, text);
    }
    assert_eq!(lines[2]["entities"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        lines[2]["entities"][1]["start"], 10,
        "code points, not bytes"
    );
}

#[test]
fn jsonl_bad_lines_become_error_records_in_place() {
    // (line, expected id; None: an ordinary document)
    let cases: Vec<(Vec<u8>, Option<Value>)> = vec![
        (br#"{"id":"ok1","text":"Ada Lovelace"}"#.to_vec(), None),
        (b"".to_vec(), Some(json!(2))),
        (b"   \t ".to_vec(), Some(json!(3))),
        (b"not json".to_vec(), Some(json!(4))),
        (br#"{"id":"cut","text":"abc"#.to_vec(), Some(json!(5))),
        (
            br#"{"id":"sur","text":"a\ud800b"}"#.to_vec(),
            Some(json!("sur")),
        ),
        (
            br#"{"id":"sur2","text":"\udc00"}"#.to_vec(),
            Some(json!("sur2")),
        ),
        (br#"{"id":"\ud800","text":"x"}"#.to_vec(), Some(json!(8))),
        (br#"{"id":"notext"}"#.to_vec(), Some(json!("notext"))),
        (br#"{"id":"num","text":5}"#.to_vec(), Some(json!("num"))),
        (
            br#"{"id":"null","text":null}"#.to_vec(),
            Some(json!("null")),
        ),
        (br#"{"id":"arr","text":["a"]}"#.to_vec(), Some(json!("arr"))),
        (
            br#"{"id":"obj","text":{"t":"a"}}"#.to_vec(),
            Some(json!("obj")),
        ),
        (
            b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}".to_vec(),
            Some(json!("latin1")),
        ),
        (b"\xff\xfe{}".to_vec(), Some(json!(15))),
        (br#"["id","text"]"#.to_vec(), Some(json!(16))),
        (br#""just a string""#.to_vec(), Some(json!(17))),
        (br#"{"id":"trail","text":"a"} x"#.to_vec(), Some(json!(18))),
        (
            b"{\"id\":\"rawtab\",\"text\":\"a\tb\"}".to_vec(),
            Some(json!(19)),
        ),
        (
            b"{\"id\":\"rawnul\",\"text\":\"a\0b\"}".to_vec(),
            Some(json!(20)),
        ),
        (br#"{"id":"ok2","text":"fine"}"#.to_vec(), None),
    ];
    let mut input = Vec::new();
    for (l, _) in &cases {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let r = run(&["--jsonl"], &input);
    assert_eq!(r.code(), 1);
    let lines = r.lines();
    assert_eq!(lines.len(), cases.len(), "one output line per input line");
    for (i, ((_, want), got)) in cases.iter().zip(&lines).enumerate() {
        match want {
            None => {
                assert!(got.get("error").is_none(), "line {}: {got}", i + 1);
                assert!(got["entities"].is_array());
            }
            Some(id) => {
                assert_eq!(&got["id"], id, "line {}: {got}", i + 1);
                let e = got["error"].as_str().unwrap_or_default();
                assert!(!e.is_empty(), "line {}: {got}", i + 1);
                let keys: Vec<&String> = got.as_object().expect("object").keys().collect();
                assert_eq!(keys, ["error", "id"], "line {}", i + 1);
            }
        }
    }
    assert_eq!(ids(&lines)[0], "ok1");
    assert_eq!(ids(&lines)[cases.len() - 1], "ok2");
    // The error record writes "id" first, as the contract shows.
    let second = r.stdout.lines().nth(1).unwrap_or_default();
    assert!(second.starts_with(r#"{"id":2,"error":"#), "{second}");
}

#[test]
fn jsonl_only_good_lines_exit_0() {
    let input = format!("{}\n{}\n", line(json!(1), "a"), line(json!(2), "b"));
    assert_eq!(run(&["--jsonl"], input).code(), 0);
    assert_eq!(run(&["--jsonl"], "").code(), 0, "no line, no error");
}

#[test]
fn jsonl_crlf_bom_and_truncated_last_line() {
    let lines = [
        line(json!("a"), "Ada Lovelace said so."),
        line(json!("b"), "El País\r\nreported."),
        line(json!("c"), "last"),
    ];
    let lf = format!("{}\n{}\n{}\n", lines[0], lines[1], lines[2]);
    let crlf_bom_cut = format!("\u{FEFF}{}\r\n{}\r\n{}", lines[0], lines[1], lines[2]);
    let want = run(&with_people(&["--jsonl", "--sentences"]), &lf);
    let got = run(&with_people(&["--jsonl", "--sentences"]), &crlf_bom_cut);
    assert_eq!(want.code(), 0);
    assert_eq!(got.code(), 0, "{}", got.stdout);
    assert_eq!(want.stdout, got.stdout);
    let out = got.lines();
    assert_eq!(ids(&out), [json!("a"), json!("b"), json!("c")]);
    check_doc(&out[1], "El País\r\nreported.");
    // A blank line made of a lone "\r" is an empty line.
    let r = run(&["--jsonl"], format!("{}\r\n\r\n", lines[2]));
    assert_eq!(r.code(), 1);
    assert_eq!(ids(&r.lines()), [json!("c"), json!(2)]);
}

#[test]
fn jsonl_control_characters_emoji_combining_marks_and_rtl() {
    let texts = [
        "NUL\u{0}inside Ada Lovelace\u{0}",
        "\u{1}\u{2}\u{7}\u{8}\u{b}\u{c}\u{1b}[31m Ada Lovelace \u{7f}\u{85}\u{2028}\u{2029}",
        "😀😀 Ada Lovelace 👨‍👩‍👧‍👦 El País 🇫🇷",
        "A\u{301}\u{302}da Lovelace; Ada\u{308} Lovelace; Ada Lovelace\u{301}!",
        "قال أندريس مانويل لوبيز أوبرادور Ada Lovelace «اقتباس» ‏ومرحبا‎",
        "שלום \u{202E}Ada Lovelace\u{202C} עולם “ציטוט”",
        "\u{FEFF}Ada Lovelace after an inner BOM",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
        "\u{10FFFF}\u{E000}\u{FFFD} Ada Lovelace",
    ];
    let mut input = String::new();
    for (i, t) in texts.iter().enumerate() {
        input += &line(json!(i), t);
        input.push('\n');
    }
    // Escaped surrogate pairs are fine.
    input += r#"{"id":"pair","text":"\ud83d\ude00 Ada Lovelace"}"#;
    input.push('\n');
    let r = run(&with_people(&["--jsonl", "--sentences"]), &input);
    assert_eq!(r.code(), 0, "{}", r.stdout);
    let out = r.lines();
    assert_eq!(out.len(), texts.len() + 1);
    for (doc, text) in out.iter().zip(texts) {
        // A BOM inside a JSON "text" is part of that text: offsets count it
        // (only a BOM at the start of an input file is skipped).
        check_doc(doc, text);
    }
    check_doc(&out[texts.len()], "😀 Ada Lovelace");
    assert_eq!(out[texts.len()]["entities"][0]["start"], 2);
    assert_eq!(out[2]["entities"][0]["start"], 3);
}

#[test]
fn jsonl_files_number_lines_per_file() {
    let r = run(
        &with_people(&[
            "--jsonl",
            "tests/fixtures/cli/lines.jsonl",
            "tests/fixtures/cli/missing.jsonl",
            "-",
        ]),
        "\n",
    );
    assert_eq!(r.code(), 1);
    let out = r.lines();
    assert_eq!(
        ids(&out),
        [
            json!("a"),
            json!("b"),
            json!("c"),
            json!("tests/fixtures/cli/missing.jsonl"),
            json!(1)
        ]
    );
    let errors: Vec<bool> = out.iter().map(|l| l.get("error").is_some()).collect();
    assert_eq!(errors, [false, true, false, true, true]);
    check_doc(&out[2], "El País said so.");
}

#[test]
fn one_large_line() {
    // ~2 MB of text on one line, with a name at both ends. (Few quotation
    // marks: this is about line length, not about the quote finder's speed.)
    let text = format!(
        "Ada Lovelace: {}El País.",
        "the engine wrote notes, é 😀 on paper. ".repeat(50_000)
    );
    let input = line(json!("big"), &text);
    let r = run(&with_people(&["--jsonl"]), format!("{input}\n{input}"));
    assert_eq!(r.code(), 0);
    let out = r.lines();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0], out[1]);
    let entities = out[0]["entities"].as_array().expect("list");
    assert_eq!(entities.len(), 2);
    check_span(&entities[1], &text, "entity");
}

#[test]
fn bad_gazetteer_exits_2_naming_file_and_line() {
    let r = run(
        &["--gazetteer", "tests/fixtures/cli/bad/bad.tsv", "--jsonl"],
        line(json!(1), "x"),
    );
    assert_eq!(r.code(), 2);
    assert_eq!(r.stdout, "", "nothing on stdout");
    assert!(
        r.stderr.contains("tests/fixtures/cli/bad/bad.tsv:3"),
        "{}",
        r.stderr
    );

    // A folder is read whole: the bad file in it is found.
    let r = run(&["--gazetteer", "tests/fixtures/cli/bad"], "x");
    assert_eq!(r.code(), 2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("bad.tsv:3"), "{}", r.stderr);

    let r = run(&["--gazetteer", "tests/fixtures/cli/no-such.tsv"], "x");
    assert_eq!(r.code(), 2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("no-such.tsv"), "{}", r.stderr);
}

#[test]
fn gazetteer_folder_and_defaults() {
    let text = "Ada Lovelace met Andrés Manuel López Obrador.";
    let folder = run(
        &[
            "--no-default-gazetteers",
            "--gazetteer",
            "tests/fixtures/cli/gazetteers",
        ],
        text,
    );
    let file = run(&with_people(&[]), text);
    assert_eq!(folder.code(), 0);
    assert_eq!(folder.stdout, file.stdout);
    let none = run(&["--no-default-gazetteers"], text);
    assert_eq!(none.code(), 0);
    let doc: Value = serde_json::from_str(&none.stdout).expect("JSON");
    assert_eq!(doc["entities"], json!([]));
    // With the defaults as well, the test entries are still found.
    let both = run(&["--gazetteer", PEOPLE], text);
    assert_eq!(both.code(), 0, "{}", both.stderr);
    let doc: Value = serde_json::from_str(&both.stdout).expect("JSON");
    check_doc(&doc, text);
    assert!(doc["entities"]
        .as_array()
        .expect("list")
        .iter()
        .any(|e| e["canonical"] == "Ada Lovelace"));
}

#[test]
fn bad_options_exit_2_before_any_output() {
    let input = line(json!(1), "x");
    for args in [
        &["--frobnicate"][..],
        &["--threads"],
        &["--threads", "many"],
        &["--threads", "-1"],
        &["--threads=x"],
        &["--gazetteer"],
        &["--pretty=yes"],
        &["-x"],
    ] {
        let r = run(args, &input);
        assert_eq!(r.code(), 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version() {
    for flag in ["--help", "-h"] {
        let r = run(&[flag], "");
        assert_eq!(r.code(), 0);
        for word in ["Usage", "--jsonl", "--gazetteer", "--threads", "--quiet"] {
            assert!(r.stdout.contains(word), "{word} in --help");
        }
    }
    let r = run(&["--version"], "");
    assert_eq!(r.code(), 0);
    assert_eq!(
        r.stdout.trim(),
        format!("whosaid {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn sentences_option() {
    let text = "  Ada Lovelace wrote.  El País said so!\n\nAnd then?  ";
    let without = run(&with_people(&[]), text);
    let doc: Value = serde_json::from_str(&without.stdout).expect("JSON");
    assert!(doc.get("sentences").is_none());
    let with = run(&with_people(&["--sentences"]), text);
    let doc: Value = serde_json::from_str(&with.stdout).expect("JSON");
    check_doc(&doc, text);
    let sentences: Vec<&str> = doc["sentences"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert_eq!(
        sentences,
        ["Ada Lovelace wrote.", "El País said so!", "And then?"]
    );
}

#[test]
fn pretty_is_the_same_json_indented() {
    let text = read_fixture("article.txt");
    let plain = run(&with_people(&["--sentences"]), &text);
    let pretty = run(&with_people(&["--sentences", "--pretty"]), &text);
    assert_eq!(pretty.code(), 0);
    assert!(pretty.stdout.lines().count() > 5);
    assert!(pretty.stdout.contains("\n  \"entities\""));
    let a: Value = serde_json::from_str(&plain.stdout).expect("JSON");
    let b: Value = serde_json::from_str(&pretty.stdout).expect("JSON");
    assert_eq!(a, b);

    // JSONL with --pretty: a stream of indented values, one per input line.
    let input = format!(
        "{}\n\n{}\n",
        line(json!(1), "Ada Lovelace"),
        line(json!(3), "x")
    );
    let r = run(&with_people(&["--jsonl", "--pretty"]), &input);
    assert_eq!(r.code(), 1);
    let values: Vec<Value> = serde_json::Deserializer::from_str(&r.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("JSON values");
    assert_eq!(ids(&values), [json!(1), json!(2), json!(3)]);
}

/// A deterministic pseudo-random text from `seed`.
fn generated_text(seed: u64) -> String {
    const PIECES: &[&str] = &[
        "Ada Lovelace",
        "Andrés Manuel López Obrador",
        "AMLO",
        "El País",
        "said",
        "told reporters",
        "according to",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "she",
        "he",
        "the machine",
        ".",
        ",",
        ":",
        "\n\n",
        "😀",
        "é",
        "Mr.",
        "that",
        "we will",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let n = next() % 60;
    let mut text = String::new();
    for _ in 0..n {
        text += PIECES[next() % PIECES.len()];
        text.push(' ');
    }
    text
}

#[test]
fn output_is_the_same_at_every_thread_count() {
    // More lines than one batch holds, some of them bad.
    let mut input = String::new();
    let mut texts = Vec::new();
    for i in 0..1300u64 {
        if i % 97 == 13 {
            input += "{broken\n";
            texts.push(None);
            continue;
        }
        let text = generated_text(i);
        input += &line(json!(format!("g{i}")), &text);
        input.push('\n');
        texts.push(Some(text));
    }
    let one = run(
        &with_people(&["--jsonl", "--sentences", "--threads", "1"]),
        &input,
    );
    let two = run(
        &with_people(&["--jsonl", "--sentences", "--threads", "2"]),
        &input,
    );
    let all = run(
        &with_people(&["--jsonl", "--sentences", "--threads=0"]),
        &input,
    );
    let eight = run(
        &with_people(&["--jsonl", "--sentences", "--threads", "8"]),
        &input,
    );
    assert_eq!(one.code(), 1);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, all.stdout);
    assert_eq!(one.stdout, eight.stdout);
    let out = one.lines();
    assert_eq!(out.len(), texts.len());
    for (i, (doc, text)) in out.iter().zip(&texts).enumerate() {
        match text {
            Some(text) => {
                assert_eq!(doc["id"], format!("g{i}"));
                check_doc(doc, text);
            }
            None => assert_eq!(doc["id"], json!(i + 1)),
        }
    }
}

#[test]
fn closed_stdout_ends_quietly() {
    let mut child = Command::new(binary())
        .args(["--jsonl", "--quiet"])
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || {
        let l = line(json!(1), &"Ada Lovelace wrote. ".repeat(50)) + "\n";
        for _ in 0..20_000 {
            if stdin.write_all(l.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut stdout = child.stdout.take().expect("piped");
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut stderr).expect("stderr");
    }
    let status = child.wait().expect("the binary ends");
    writer.join().expect("the writer ends");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn quiet_and_piped_stderr_stay_clean() {
    let input = format!("{}\n\n", line(json!(1), "Ada Lovelace"));
    for args in [&["--jsonl"][..], &["--jsonl", "--quiet"]] {
        let r = run(args, &input);
        assert_eq!(r.code(), 1);
        assert_eq!(r.stderr, "", "{args:?}");
    }
}
