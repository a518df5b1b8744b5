//! `whosaid`: finds entities and attributed quotations in news articles and
//! writes them as JSON (see `CONTRACT.md`, "Example binary").
//!
//! ```text
//! cargo run --release --example whosaid -- [OPTIONS] [FILE...]
//! ```
//!
//! Input is processed in batches (up to [`BATCH_DOCS`] documents or
//! [`BATCH_BYTES`] bytes, whichever comes first): a batch is read, extracted and
//! serialised on the worker threads, written in input order, and only then is
//! the next batch read. Memory therefore stays bounded by one batch whatever
//! the size of the input, and the output is identical at every thread count.

use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use whosaid::Extractor;

/// At most this many documents are read, processed and written at a time.
const BATCH_DOCS: usize = 1000;

/// A batch is closed once it holds this many bytes of input (a single larger
/// document still makes a batch of its own).
const BATCH_BYTES: usize = 16 << 20;

/// The UTF-8 byte-order mark, which is not part of an input's text.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How often the progress line on a terminal is refreshed.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// Exit status: a bad option or gazetteer (nothing was written to stdout), or
/// the output could not be written.
const EXIT_USAGE: u8 = 2;

/// Exit status: at least one error record was written.
const EXIT_RECORDS: u8 = 1;

/// The `--help` text, which also documents the choices the contract leaves
/// open (ids of lines without one, `--pretty` with JSONL, progress output).
const HELP: &str = "\
whosaid: finds entities and attributed quotations in news text, as JSON.

Usage: whosaid [OPTIONS] [FILE...]

Input:
  (no FILE)        standard input is one plain-text article: one JSON
                   document is written, with \"id\": \"-\"
  FILE...          each FILE is one plain-text article (UTF-8): one JSON
                   document per line (JSONL), \"id\" = the path; a FILE that
                   cannot be read or is not UTF-8 gives an error record
                   {\"id\": PATH, \"error\": \"...\"}; \"-\" stands for standard input
  --jsonl          standard input (or each FILE) holds lines
                   {\"id\": ..., \"text\": ...}: one output line per input line,
                   same order, same \"id\" (any JSON value, echoed as parsed;
                   a line without \"id\" gets its line number). Other keys
                   are ignored. A bad line (empty, invalid JSON, no string
                   \"text\", not UTF-8) gives {\"id\": ID, \"error\": \"...\"} where
                   ID is the line's id if it could be read, else its line
                   number (1-based, counted per input). CRLF line ends are
                   accepted; a last line without a newline is still read.
  A UTF-8 byte-order mark at the start of an input is not part of the text.

Options:
  --gazetteer PATH         add a gazetteer file, or every *.tsv file of a
                           folder (repeatable; added to the defaults)
  --no-default-gazetteers  do not load the embedded default gazetteers
  --pretty                 indent the JSON (documents then span several lines)
  --sentences              each document also lists its \"sentences\"
  --threads N              worker threads (default and 0: all cores); the
                           output is the same at every thread count
  --quiet                  no progress line and no summary on standard error
  -h, --help               print this help and exit
  -V, --version            print the version and exit

Progress: when standard error is a terminal (and not --quiet), a progress
line (documents, MB, documents/s, elapsed time) is updated on it a few times
a second, and a summary line (documents, errors, seconds) is printed at the
end. When standard error is not a terminal (pipes, CI logs) nothing is
printed there except fatal errors.

Exit status: 0 all went well; 1 at least one error record was written; 2 a
bad option or gazetteer (reported on standard error, naming file and line,
before any output) or the output could not be written. A closed output pipe
(e.g. `| head`) ends the program quietly with status 0.
";

/// The command line, parsed.
#[derive(Debug, Default)]
struct Options {
    /// `--gazetteer PATH`, in the order given.
    gazetteers: Vec<PathBuf>,
    /// `--no-default-gazetteers`.
    no_default_gazetteers: bool,
    /// `--pretty`.
    pretty: bool,
    /// `--sentences`.
    sentences: bool,
    /// `--threads N` (0: all cores).
    threads: usize,
    /// `--quiet`.
    quiet: bool,
    /// `--jsonl`.
    jsonl: bool,
    /// The FILE arguments.
    files: Vec<OsString>,
}

/// What the command line asks for.
#[derive(Debug)]
enum Command {
    /// Process input.
    Run(Options),
    /// `--help`.
    Help,
    /// `--version`.
    Version,
}

/// A problem with the command line.
#[derive(Debug)]
struct UsageError(String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (see --help)", self.0)
    }
}

/// Parses the arguments (without the program name) by hand: `--opt VALUE`
/// and `--opt=VALUE` are both accepted, `--` ends the options, and `-` alone
/// is a FILE (standard input).
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut opts = Options::default();
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files {
            opts.files.push(arg);
            continue;
        }
        let Some(text) = arg.to_str() else {
            if arg.to_string_lossy().starts_with('-') {
                return Err(UsageError(format!(
                    "unknown option {}",
                    arg.to_string_lossy()
                )));
            }
            opts.files.push(arg);
            continue;
        };
        if text == "-" || !text.starts_with('-') {
            opts.files.push(arg);
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(OsString::from(v))),
            _ => (text, None),
        };
        let mut value = |what: &str| -> Result<OsString, UsageError> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) => Ok(v),
                None => Err(UsageError(format!("{name} needs a value ({what})"))),
            }
        };
        let flag = |opt: &mut bool| -> Result<(), UsageError> {
            if inline.is_some() {
                return Err(UsageError(format!("{name} takes no value")));
            }
            *opt = true;
            Ok(())
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--gazetteer" => opts
                .gazetteers
                .push(PathBuf::from(value("a file or folder")?)),
            "--threads" => {
                let v = value("a number of threads")?;
                opts.threads = v
                    .to_str()
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .ok_or_else(|| {
                        UsageError(format!(
                            "--threads needs a whole number ≥ 0, not {:?}",
                            v.to_string_lossy()
                        ))
                    })?;
            }
            "--no-default-gazetteers" => flag(&mut opts.no_default_gazetteers)?,
            "--pretty" => flag(&mut opts.pretty)?,
            "--sentences" => flag(&mut opts.sentences)?,
            "--quiet" => flag(&mut opts.quiet)?,
            "--jsonl" => flag(&mut opts.jsonl)?,
            _ => return Err(UsageError(format!("unknown option {name}"))),
        }
    }
    Ok(Command::Run(opts))
}

/// Builds the extractor from the gazetteer options.
fn build_extractor(opts: &Options) -> Result<Extractor, whosaid::Error> {
    let mut builder = Extractor::builder();
    builder.default_gazetteers(!opts.no_default_gazetteers);
    for path in &opts.gazetteers {
        builder.gazetteer_path(path);
    }
    builder.build()
}

/// Writes a line to standard error, ignoring failure (there is nowhere left
/// to report it).
fn note(message: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

/// Parses the options, builds the extractor (exit 2 on a bad option or
/// gazetteer, before any output), then processes the input: exit 0, or 1 when
/// an error record was written.
fn main() -> ExitCode {
    let opts = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(opts)) => opts,
        Ok(Command::Help) => return print_and_exit(HELP),
        Ok(Command::Version) => {
            return print_and_exit(&format!("whosaid {}\n", env!("CARGO_PKG_VERSION")))
        }
        Err(e) => {
            note(format_args!("whosaid: {e}"));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let extractor = match build_extractor(&opts) {
        Ok(ex) => ex,
        Err(e) => {
            note(format_args!("whosaid: {e}"));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match run(&extractor, &opts) {
        Ok(Summary { errors: 0, .. }) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(EXIT_RECORDS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            note(format_args!("whosaid: cannot write the output: {e}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Prints `text` to standard output (for `--help` and `--version`).
fn print_and_exit(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_USAGE),
        _ => ExitCode::SUCCESS,
    }
}

/// Counts of what was done.
#[derive(Debug, Default)]
struct Summary {
    /// Output records written (documents and error records).
    documents: u64,
    /// Error records among them.
    errors: u64,
}

/// Reads every input, processes it batch by batch and writes the output.
///
/// # Errors
///
/// Only when writing the output fails; problems with the input become error
/// records.
fn run(extractor: &Extractor, opts: &Options) -> io::Result<Summary> {
    let started = Instant::now();
    let counters = Arc::new(Counters::default());
    let show_progress = !opts.quiet && io::stderr().is_terminal();
    let progress = show_progress.then(|| Progress::start(Arc::clone(&counters), started));

    // Three stages overlap: a reader thread fills the next batch, this
    // thread extracts the current one on the worker threads, and a writer
    // thread prints the previous one. The channels hold one batch each, so
    // memory stays bounded by a few batches whatever the input size.
    let mut summary = Summary::default();
    let written = std::thread::scope(|scope| -> io::Result<()> {
        let (batch_tx, batch_rx) = mpsc::sync_channel::<Vec<Job>>(1);
        let (result_tx, result_rx) = mpsc::sync_channel::<Vec<Output>>(1);
        scope.spawn(move || {
            let mut jobs = Jobs::new(opts);
            loop {
                let mut batch = Vec::new();
                let mut bytes = 0;
                while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
                    let Some(job) = jobs.next() else { break };
                    bytes += job.len();
                    batch.push(job);
                }
                if batch.is_empty() || batch_tx.send(batch).is_err() {
                    break;
                }
            }
        });
        let writer = scope.spawn(move || -> io::Result<()> {
            let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            for results in result_rx {
                for result in &results {
                    out.write_all(result.json.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                // Hand each batch on rather than hold it back while the next
                // one is read (a slow producer should see results).
                out.flush()?;
            }
            out.flush()
        });
        for batch in batch_rx {
            let results = extractor.map_many(&batch, opts.threads, |ex, job| {
                let result = process(ex, job, opts);
                counters.documents.fetch_add(1, Ordering::Relaxed);
                counters
                    .bytes
                    .fetch_add(job.len() as u64, Ordering::Relaxed);
                result
            });
            for result in &results {
                summary.documents += 1;
                if result.error {
                    summary.errors += 1;
                    counters.errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            if result_tx.send(results).is_err() {
                break;
            }
        }
        drop(result_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread failed")))
    });
    written?;
    drop(progress);
    if show_progress {
        note(format_args!(
            "whosaid: {} documents, {} errors, {:.1} s",
            summary.documents,
            summary.errors,
            started.elapsed().as_secs_f64()
        ));
    }
    Ok(summary)
}

/// Progress counters, updated by the worker threads.
#[derive(Debug, Default)]
struct Counters {
    /// Documents (and error records) done.
    documents: AtomicU64,
    /// Input bytes done.
    bytes: AtomicU64,
    /// Error records written.
    errors: AtomicU64,
}

/// The progress line on a terminal: a thread that redraws it a few times a
/// second until dropped, when it clears the line.
struct Progress {
    /// Dropping the sender stops the thread.
    stop: Option<mpsc::Sender<()>>,
    /// The drawing thread.
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts redrawing the progress line from `counters`.
    fn start(counters: Arc<Counters>, started: Instant) -> Progress {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(PROGRESS_EVERY) {
                draw_progress(&counters, started);
            }
            // Clear the progress line.
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
        });
        Progress {
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Redraws the progress line: documents, MB, documents per second, elapsed.
fn draw_progress(counters: &Counters, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    let docs = counters.documents.load(Ordering::Relaxed);
    let mb = counters.bytes.load(Ordering::Relaxed) as f64 / 1e6;
    let errors = counters.errors.load(Ordering::Relaxed);
    let rate = if secs > 0.0 { docs as f64 / secs } else { 0.0 };
    let mut err = io::stderr().lock();
    let _ = write!(
        err,
        "\r\x1b[Kwhosaid: {docs} documents, {mb:.1} MB, {rate:.0} docs/s, {secs:.1} s"
    );
    if errors > 0 {
        let _ = write!(err, ", {errors} errors");
    }
    let _ = err.flush();
}

/// One unit of work: what becomes one output record.
#[derive(Debug)]
enum Job {
    /// A plain-text article (BOM already removed).
    Text {
        /// The output id (`"-"` or the path).
        id: Value,
        /// The article.
        text: String,
    },
    /// One JSONL line as read (line end and, on line 1, BOM removed).
    Line {
        /// The line's bytes.
        bytes: Vec<u8>,
        /// Its 1-based number in its input.
        number: u64,
    },
    /// An input that could not be read: becomes an error record.
    Failed {
        /// The output id.
        id: Value,
        /// What went wrong.
        error: String,
    },
}

impl Job {
    /// The input size, in bytes, for batching and progress.
    fn len(&self) -> usize {
        match self {
            Job::Text { text, .. } => text.len(),
            Job::Line { bytes, .. } => bytes.len(),
            Job::Failed { .. } => 0,
        }
    }
}

/// One output record, serialised on a worker thread.
#[derive(Debug)]
struct Output {
    /// The JSON (without the final newline).
    json: String,
    /// True for an error record.
    error: bool,
}

/// Turns one job into its output record (runs on a worker thread).
fn process(ex: &Extractor, job: &Job, opts: &Options) -> Output {
    match job {
        Job::Text { id, text } => document(ex, id, text, opts),
        Job::Failed { id, error } => error_record(id, error, opts),
        Job::Line { bytes, number } => match parse_line(bytes) {
            Ok((id, text)) => {
                let id = id.unwrap_or_else(|| Value::from(*number));
                document(ex, &id, &text, opts)
            }
            Err((id, error)) => {
                let id = id.unwrap_or_else(|| Value::from(*number));
                error_record(&id, &error, opts)
            }
        },
    }
}

/// Extracts `text` and serialises the document.
fn document(ex: &Extractor, id: &Value, text: &str, opts: &Options) -> Output {
    let doc = ex.extract(text);
    let view = doc.json(Some(id), opts.sentences);
    let json = if opts.pretty {
        serde_json::to_string_pretty(&view)
    } else {
        serde_json::to_string(&view)
    };
    match json {
        Ok(json) => Output { json, error: false },
        Err(e) => error_record(id, &format!("cannot serialise the document: {e}"), opts),
    }
}

/// An error record, `{"id": ID, "error": MESSAGE}` (keys in that order).
#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    /// The line's or file's id.
    id: &'a Value,
    /// What went wrong.
    error: &'a str,
}

/// Serialises an error record.
fn error_record(id: &Value, message: &str, opts: &Options) -> Output {
    let record = ErrorRecord { id, error: message };
    let json = if opts.pretty {
        serde_json::to_string_pretty(&record)
    } else {
        serde_json::to_string(&record)
    };
    Output {
        // Serialising strings and a `Value` cannot fail; stay valid regardless.
        json: json.unwrap_or_else(|_| r#"{"id":null,"error":"cannot serialise the error"}"#.into()),
        error: true,
    }
}

/// Reads one JSONL line: its id (when present) and its text, or what is
/// wrong with it and its id when that could still be read.
fn parse_line(bytes: &[u8]) -> Result<(Option<Value>, String), (Option<Value>, String)> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((None, "empty line".into()));
    }
    let line = match std::str::from_utf8(bytes) {
        Ok(line) => line,
        Err(e) => {
            let error = format!("the line is not valid UTF-8 (byte {})", e.valid_up_to() + 1);
            return Err((read_id(bytes), error));
        }
    };
    // serde_json rejects lone surrogate escapes ("\ud800") when it decodes a
    // string into a `String`, as `text` is here.
    match serde_json::from_str::<Record<true>>(line) {
        Ok(Record { id, text }) => match text {
            Some(Value::String(text)) => Ok((id, text)),
            Some(other) => Err((id, format!("\"text\" is not a string but {}", kind(&other)))),
            None => Err((id, "the line has no \"text\"".into())),
        },
        Err(e) => Err((read_id(bytes), format!("invalid JSON: {e}"))),
    }
}

/// The id of a line that does not parse as a whole, when the line is a JSON
/// object whose `id` can be read (its `text` may hold invalid UTF-8 or a lone
/// surrogate, which serde_json does not check in values it skips).
fn read_id(bytes: &[u8]) -> Option<Value> {
    serde_json::from_slice::<Record<false>>(bytes).ok()?.id
}

/// The JSON type of a value, for error messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSONL input line: a JSON object of which only `id` and (when `TEXT`)
/// `text` are kept; other keys are skipped unchecked. A repeated key keeps
/// its last value, as Python's `json` does.
struct Record<const TEXT: bool> {
    /// `id`, any JSON value.
    id: Option<Value>,
    /// `text`, any JSON value (checked to be a string by the caller).
    text: Option<Value>,
}

impl<'de, const TEXT: bool> Deserialize<'de> for Record<TEXT> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RecordVisitor::<TEXT>)
    }
}

/// Visits a [`Record`]: only a JSON object is accepted.
struct RecordVisitor<const TEXT: bool>;

impl<'de, const TEXT: bool> Visitor<'de> for RecordVisitor<TEXT> {
    type Value = Record<TEXT>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a JSON object {"id": ..., "text": "..."}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<TEXT>, A::Error> {
        let mut record = Record {
            id: None,
            text: None,
        };
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Id => record.id = Some(map.next_value()?),
                Key::Text if TEXT => record.text = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(record)
    }
}

/// A key of an input line.
enum Key {
    /// `"id"`.
    Id,
    /// `"text"`.
    Text,
    /// Anything else (ignored).
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_identifier(KeyVisitor)
    }
}

/// Visits a [`Key`].
struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "text" => Key::Text,
            _ => Key::Other,
        })
    }
}

/// Where the jobs come from: the inputs in order, read lazily so that only
/// one batch is in memory at a time.
struct Jobs<'a> {
    /// The options (mode).
    opts: &'a Options,
    /// The inputs not yet opened (`None`: standard input).
    inputs: std::vec::IntoIter<Option<OsString>>,
    /// The JSONL input being read, with the number of its last line.
    lines: Option<(Box<dyn BufRead + Send + 'a>, u64)>,
}

impl<'a> Jobs<'a> {
    /// The jobs for the inputs the options name.
    fn new(opts: &'a Options) -> Jobs<'a> {
        let inputs: Vec<Option<OsString>> = if opts.files.is_empty() {
            vec![None]
        } else {
            opts.files
                .iter()
                .map(|f| (f != "-").then(|| f.clone()))
                .collect()
        };
        Jobs {
            opts,
            inputs: inputs.into_iter(),
            lines: None,
        }
    }

    /// The next line of the current JSONL input, if any is left.
    fn next_line(&mut self) -> Option<Job> {
        let (reader, number) = self.lines.as_mut()?;
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => {
                self.lines = None;
                None
            }
            Ok(_) => {
                *number += 1;
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                }
                if *number == 1 && bytes.starts_with(BOM) {
                    bytes.drain(..BOM.len());
                }
                Some(Job::Line {
                    bytes,
                    number: *number,
                })
            }
            Err(e) => {
                let id = Value::from(*number + 1);
                self.lines = None;
                Some(Job::Failed {
                    id,
                    error: format!("cannot read the line: {e}"),
                })
            }
        }
    }
}

impl Iterator for Jobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(job) = self.next_line() {
                return Some(job);
            }
            let input = self.inputs.next()?;
            let id = Value::from(match &input {
                None => "-".to_string(),
                Some(path) => path.to_string_lossy().into_owned(),
            });
            let reader: Box<dyn BufRead + Send> = match &input {
                None => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
                Some(path) => match File::open(path) {
                    Ok(f) => Box::new(BufReader::with_capacity(1 << 20, f)),
                    Err(e) => {
                        let error = format!("cannot open the file: {e}");
                        return Some(Job::Failed { id, error });
                    }
                },
            };
            if self.opts.jsonl {
                self.lines = Some((reader, 0));
                continue;
            }
            return Some(read_article(reader, id));
        }
    }
}

/// Reads a whole plain-text article.
fn read_article(mut reader: Box<dyn BufRead + '_>, id: Value) -> Job {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        let error = format!("cannot read the file: {e}");
        return Job::Failed { id, error };
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Job::Text { id, text },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            let error = format!("not valid UTF-8 (line {line}, byte {})", at + 1);
            Job::Failed { id, error }
        }
    }
}
