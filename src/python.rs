//! Python bindings (the `python` feature).
//!
//! The native module `whosaid._whosaid`, re-exported by the pure-Python
//! package `whosaid` (`python/whosaid/__init__.py`). It is a thin layer over
//! [`crate::Extractor`]:
//!
//! - documents become `dict`s with exactly the keys and values of
//!   [`Document::json`](crate::Document::json) (code-point offsets, without
//!   `"id"`), built directly from the Rust [`Document`], with no JSON round
//!   trip;
//! - extraction runs with the GIL released, on the input copied to Rust
//!   strings first; `extract_many` uses [`Extractor::map_many`], whose scoped
//!   threads are created per call, so a process that forks after using it
//!   has no pool to deadlock on;
//! - pickling carries the serialised [`ExtractorConfig`] (gazetteer
//!   contents, not paths) and unpickling rebuilds the extractor from it.
//!
//! The docstrings below are what Python shows; `python/whosaid/__init__.pyi`
//! repeats the signatures for type checkers.

// pyo3 0.22's `#[pymethods]` expansion converts `PyResult<T>` into itself,
// which newer clippy flags at the method's span.
#![allow(clippy::useless_conversion)]

use std::path::PathBuf;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyUserWarning, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::{CharOffsets, Document, Error, Extractor, ExtractorConfig, Label, QuoteKind, Span};

/// The native module's full import path (home of `_from_config`).
const NATIVE_MODULE: &str = "whosaid._whosaid";

/// How many texts `extract_many` copies and extracts at a time: bounds the
/// memory held on the Rust side for long inputs and lets it read generators
/// lazily.
const CHUNK: usize = 2048;

/// The `GazetteerError` exception type (in a module of its own because
/// pyo3 0.22's `create_exception!` tests a `gil-refs` feature this crate
/// does not declare).
#[allow(unexpected_cfgs)]
mod exception {
    use pyo3::exceptions::PyValueError;

    pyo3::create_exception!(
        whosaid,
        GazetteerError,
        PyValueError,
        "A gazetteer could not be read or parsed.\n\n\
         A subclass of ValueError. str(err) is \"PATH:LINE: what is wrong\"; the\n\
         attributes path (str or None) and line (int or None, 1-based) say where."
    );
}
use exception::GazetteerError;

/// Converts a crate error into a Python `GazetteerError` (a `ValueError`)
/// with `path` and `line` attributes.
fn gazetteer_error(py: Python<'_>, e: &Error) -> PyErr {
    let err = GazetteerError::new_err(e.to_string());
    let value = err.value_bound(py);
    // Setting attributes on a fresh exception instance cannot fail in
    // practice; if it did, the message alone still names file and line.
    let _ = value.setattr(intern!(py, "path"), e.path());
    let _ = value.setattr(intern!(py, "line"), e.line());
    err
}

/// Extracts entities and attributed quotations from news text.
///
/// gazetteers: a list (or other iterable, but not a single str) of paths,
/// each a str or os.PathLike naming a gazetteer file or a folder of *.tsv
/// files; they are read now, and added to the embedded default gazetteers
/// unless default_gazetteers is False.
///
/// Raises TypeError for arguments of the wrong type, and GazetteerError (a
/// ValueError) naming the file and line when a gazetteer cannot be read or
/// parsed.
///
/// Extractors are immutable: share one between threads (extraction releases
/// the GIL), and pickle it to send it to other processes (Spark, Dask,
/// multiprocessing); the pickle carries the gazetteers' contents, not their
/// paths.
#[pyclass(frozen, module = "whosaid", name = "Extractor")]
pub struct PyExtractor {
    inner: Extractor,
}

#[pymethods]
impl PyExtractor {
    /// Builds an extractor from gazetteer paths (see the class docstring).
    #[new]
    #[pyo3(signature = (gazetteers = None, default_gazetteers = true))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<&Bound<'_, PyAny>>,
        default_gazetteers: bool,
    ) -> PyResult<PyExtractor> {
        let paths = match gazetteers {
            None => Vec::new(),
            Some(g) => paths_of(g)?,
        };
        let inner = py
            .allow_threads(|| {
                let mut builder = Extractor::builder();
                builder.default_gazetteers(default_gazetteers);
                for p in &paths {
                    builder.gazetteer_path(p);
                }
                builder.build()
            })
            .map_err(|e| gazetteer_error(py, &e))?;
        Ok(PyExtractor { inner })
    }

    /// Extracts entities and quotes from one text. Returns the document as a
    /// dict: {"entities": [...], "quotes": [...]}, plus "sentences" when
    /// sentences=True. Every start/end is a code-point offset into text, so
    /// text[span["start"]:span["end"]] == span["text"].
    ///
    /// Raises TypeError when text is not a str, and ValueError (a
    /// UnicodeEncodeError) when it holds a lone surrogate.
    #[pyo3(signature = (text, *, sentences = false))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        sentences: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let text: String = text.to_cow()?.into_owned();
        let doc = py.allow_threads(|| self.inner.extract(&text));
        doc_to_dict(py, &doc, sentences)
    }

    /// Extracts every text of texts (a list, tuple or other iterable of str,
    /// but not a single str) on up to threads threads (None or 0: as many as
    /// the machine has cores), with the GIL released. Returns a list with
    /// one dict per text, as extract() makes them, in the same order; the
    /// results do not depend on threads.
    ///
    /// Raises TypeError when texts is not an iterable of str, and ValueError
    /// naming the index of a text that holds a lone surrogate or when
    /// threads is negative.
    #[pyo3(signature = (texts, threads = None, *, sentences = false))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        sentences: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = match threads {
            None => 0,
            Some(t) => thread_count(t)?,
        };
        if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a single str or bytes; \
                 use extract() for one text",
            ));
        }
        let iter = texts.iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "texts must be an iterable of str, not {}",
                type_name(texts)
            ))
        })?;
        let out = PyList::empty_bound(py);
        let mut chunk: Vec<String> = Vec::with_capacity(CHUNK);
        // While the dictionaries of one chunk are built (with the GIL), the
        // next chunk is extracted on other threads.
        let mut pending: Option<Pending> = None;
        for (index, item) in iter.enumerate() {
            let item = item?;
            let s = item.downcast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "texts[{index}] must be a str, not {}",
                    type_name(&item)
                ))
            })?;
            let s = s.to_cow().map_err(|e| {
                let err = PyValueError::new_err(format!("texts[{index}]: {}", e.value_bound(py)));
                err.set_cause(py, Some(e));
                err
            })?;
            chunk.push(s.into_owned());
            if chunk.len() == CHUNK {
                let next = self.start_chunk(
                    std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)),
                    threads,
                );
                if let Some(done) = pending.replace(next) {
                    self.finish_chunk(py, done, sentences, &out)?;
                }
            }
        }
        if !chunk.is_empty() {
            let next = self.start_chunk(chunk, threads);
            if let Some(done) = pending.replace(next) {
                self.finish_chunk(py, done, sentences, &out)?;
            }
        }
        if let Some(done) = pending {
            self.finish_chunk(py, done, sentences, &out)?;
        }
        Ok(out)
    }

    /// The number of gazetteer entries loaded.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// A short description: whether the defaults are used, and the other
    /// gazetteers' names.
    fn __repr__(&self) -> String {
        let config = self.inner.config();
        let names: Vec<&str> = config.gazetteers.iter().map(|g| g.name()).collect();
        format!(
            "whosaid.Extractor(gazetteers={:?}, default_gazetteers={}) with {} entries",
            names,
            if config.default_gazetteers {
                "True"
            } else {
                "False"
            },
            self.inner.len()
        )
    }

    /// Pickles as the serialised description (gazetteer contents, not
    /// paths) and the whosaid version; unpickling rebuilds the extractor.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, &'static str))> {
        let json = serde_json::to_string(self.inner.config())
            .map_err(|e| PyValueError::new_err(format!("cannot serialise the extractor: {e}")))?;
        let rebuild = py.import_bound(NATIVE_MODULE)?.getattr("_from_config")?;
        Ok((rebuild, (json, env!("CARGO_PKG_VERSION"))))
    }

    /// Extractors are immutable: a copy is the same object.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Extractors are immutable: a deep copy is the same object.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

impl PyExtractor {
    /// Extracts `texts` with the GIL released, then appends their dicts to
    /// `out` and handles pending signals (KeyboardInterrupt).
    /// Starts extracting a chunk on its own thread (which runs the batch
    /// engine's threads); no Python object is touched there.
    fn start_chunk(&self, texts: Vec<String>, threads: usize) -> Pending {
        let ex = self.inner.clone();
        Pending(Some(std::thread::spawn(move || {
            let docs = ex.extract_many(&texts, threads);
            (texts, docs)
        })))
    }

    /// Waits for a chunk (without the GIL) and appends its dictionaries.
    fn finish_chunk(
        &self,
        py: Python<'_>,
        pending: Pending,
        sentences: bool,
        out: &Bound<'_, PyList>,
    ) -> PyResult<()> {
        let (_, docs) = py
            .allow_threads(|| pending.join())
            .map_err(|_| PyRuntimeError::new_err("whosaid: an extraction thread failed"))?;
        for doc in &docs {
            out.append(doc_to_dict(py, doc, sentences)?)?;
        }
        // Lets Ctrl-C stop a long batch between chunks.
        py.check_signals()
    }
}

/// A chunk being extracted on its own thread: its texts and documents when
/// joined. Dropping it (on an error) waits for the thread, so that no
/// thread outlives the call (a process may fork right after).
struct Pending(Option<std::thread::JoinHandle<(Vec<String>, Vec<Document>)>>);

impl Pending {
    fn join(mut self) -> Result<(Vec<String>, Vec<Document>), ()> {
        self.0.take().ok_or(())?.join().map_err(|_| ())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = handle.join();
        }
    }
}

/// How many unpickled extractors each process keeps for reuse.
const UNPICKLED_KEPT: usize = 2;

/// The extractors most recently rebuilt by `_from_config`, as
/// `(description, extractor)` tuples, newest last. Only touched with the GIL
/// held, so there is no lock for a forked child to inherit.
static UNPICKLED: GILOnceCell<Py<PyList>> = GILOnceCell::new();

/// Rebuilds a pickled extractor from its serialised description (what
/// `Extractor.__reduce__` returns).
///
/// Dask and Spark unpickle the same extractor for every task; the last
/// [`UNPICKLED_KEPT`] descriptions seen in this process are remembered and
/// their extractor (immutable) is returned again instead of being rebuilt.
/// Warns when the pickle was made by another whosaid version, whose embedded
/// gazetteers and rules may differ.
#[pyfunction]
#[pyo3(signature = (config, version = None))]
fn _from_config(
    py: Python<'_>,
    config: &Bound<'_, PyString>,
    version: Option<&str>,
) -> PyResult<Py<PyExtractor>> {
    let kept = UNPICKLED
        .get_or_init(py, || PyList::empty_bound(py).unbind())
        .bind(py);
    for item in kept.iter() {
        let (key, ex): (Bound<'_, PyString>, Py<PyExtractor>) = item.extract()?;
        if key.as_any().eq(config)? {
            return Ok(ex);
        }
    }
    if let Some(v) = version {
        if v != env!("CARGO_PKG_VERSION") {
            let msg = format!(
                "this Extractor was pickled by whosaid {v} and is unpickled by whosaid {}; \
                 results may differ",
                env!("CARGO_PKG_VERSION")
            );
            PyErr::warn_bound(py, &py.get_type_bound::<PyUserWarning>(), &msg, 1)?;
        }
    }
    let description: ExtractorConfig = serde_json::from_str(&config.to_cow()?)
        .map_err(|e| PyValueError::new_err(format!("not a whosaid extractor description: {e}")))?;
    let inner = py
        .allow_threads(|| description.build())
        .map_err(|e| gazetteer_error(py, &e))?;
    let ex = Py::new(py, PyExtractor { inner })?;
    kept.append((config, ex.clone_ref(py)))?;
    while kept.len() > UNPICKLED_KEPT {
        kept.del_item(0)?;
    }
    Ok(ex)
}

/// The gazetteer paths of the `gazetteers` argument: an iterable (not a
/// single str or bytes) of str or os.PathLike.
fn paths_of(g: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if g.is_instance_of::<PyString>() || g.is_instance_of::<PyBytes>() || has_fspath(g) {
        return Err(PyTypeError::new_err(format!(
            "gazetteers must be a list of paths, not a single {}; use gazetteers=[path]",
            type_name(g)
        )));
    }
    let iter = g.iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "gazetteers must be a list of paths (str or os.PathLike), not {}",
            type_name(g)
        ))
    })?;
    let mut paths = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        if !(item.is_instance_of::<PyString>() || has_fspath(&item)) {
            return Err(PyTypeError::new_err(format!(
                "gazetteers[{i}] must be a str or os.PathLike, not {}",
                type_name(&item)
            )));
        }
        let path: PathBuf = item.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "gazetteers[{i}] must be a str or os.PathLike naming a str path, not {}",
                type_name(&item)
            ))
        })?;
        paths.push(path);
    }
    Ok(paths)
}

/// True for objects implementing `os.PathLike`.
fn has_fspath(x: &Bound<'_, PyAny>) -> bool {
    x.hasattr(intern!(x.py(), "__fspath__")).unwrap_or(false)
}

/// The `threads` argument: a non-negative int (`0`: all cores).
fn thread_count(t: &Bound<'_, PyAny>) -> PyResult<usize> {
    if t.is_instance_of::<pyo3::types::PyBool>() || !t.is_instance_of::<pyo3::types::PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "threads must be an int or None, not {}",
            type_name(t)
        )));
    }
    let n: i64 = t
        .extract()
        .map_err(|_| PyValueError::new_err("threads is too large"))?;
    usize::try_from(n).map_err(|_| {
        PyValueError::new_err(format!(
            "threads must be 0 or more (None or 0: all cores), not {n}"
        ))
    })
}

/// The name of `x`'s type, for error messages.
fn type_name(x: &Bound<'_, PyAny>) -> String {
    x.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Builds a document's dict: the keys and values of
/// [`Document::json`](crate::Document::json) without `"id"`.
fn doc_to_dict<'py>(
    py: Python<'py>,
    doc: &Document,
    sentences: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let text = doc.text();
    let b = Builder {
        py,
        text,
        offsets: CharOffsets::new(text),
    };
    let entities = PyList::empty_bound(py);
    for e in doc.entities() {
        let d = b.span(e.span())?;
        d.set_item(intern!(py, "label"), label(py, e.label()))?;
        d.set_item(intern!(py, "canonical"), e.canonical())?;
        d.set_item(intern!(py, "entity_id"), e.entity_id())?;
        if let Some(x) = e.external_id() {
            d.set_item(intern!(py, "external_id"), x)?;
        }
        if let Some(t) = e.title() {
            d.set_item(intern!(py, "title"), t.as_str(text))?;
        }
        entities.append(d)?;
    }
    let quotes = PyList::empty_bound(py);
    for q in doc.quotes() {
        let d = b.span(q.span())?;
        d.set_item(intern!(py, "kind"), kind(py, q.kind()))?;
        match q.speaker() {
            Some(sp) => {
                let s = b.span(sp.span())?;
                if let Some(c) = sp.canonical() {
                    s.set_item(intern!(py, "canonical"), c)?;
                }
                if let Some(i) = sp.entity_id() {
                    s.set_item(intern!(py, "entity_id"), i)?;
                }
                if let Some(l) = sp.label() {
                    s.set_item(intern!(py, "label"), label(py, l))?;
                }
                d.set_item(intern!(py, "speaker"), s)?;
            }
            None => d.set_item(intern!(py, "speaker"), py.None())?,
        }
        match q.cue() {
            Some(c) => d.set_item(intern!(py, "cue"), b.span(c)?)?,
            None => d.set_item(intern!(py, "cue"), py.None())?,
        }
        // As in the JSON: clamped to [0, 1], two decimals.
        let c = (f64::from(q.confidence().clamp(0.0, 1.0)) * 100.0).round() / 100.0;
        d.set_item(intern!(py, "confidence"), c)?;
        d.set_item(intern!(py, "rule"), q.rule())?;
        quotes.append(d)?;
    }
    let dict = PyDict::new_bound(py);
    dict.set_item(intern!(py, "entities"), entities)?;
    dict.set_item(intern!(py, "quotes"), quotes)?;
    if sentences {
        let list = PyList::empty_bound(py);
        for s in doc.sentences() {
            list.append(b.span(*s)?)?;
        }
        dict.set_item(intern!(py, "sentences"), list)?;
    }
    Ok(dict)
}

/// Makes `{"start", "end", "text"}` dicts with code-point offsets.
struct Builder<'py, 't> {
    py: Python<'py>,
    text: &'t str,
    offsets: CharOffsets<'t>,
}

impl<'py> Builder<'py, '_> {
    /// The dict of `span`, to which callers add the other keys.
    fn span(&self, span: Span) -> PyResult<Bound<'py, PyDict>> {
        let py = self.py;
        let d = PyDict::new_bound(py);
        d.set_item(intern!(py, "start"), self.offsets.char_offset(span.start))?;
        d.set_item(intern!(py, "end"), self.offsets.char_offset(span.end))?;
        d.set_item(intern!(py, "text"), span.as_str(self.text))?;
        Ok(d)
    }
}

/// The label as an interned Python string.
fn label(py: Python<'_>, l: Label) -> &Bound<'_, PyString> {
    match l {
        Label::Person => intern!(py, "PERSON"),
        Label::Outlet => intern!(py, "OUTLET"),
        Label::Org => intern!(py, "ORG"),
        Label::Loc => intern!(py, "LOC"),
        Label::Misc => intern!(py, "MISC"),
    }
}

/// The quote kind as an interned Python string.
fn kind(py: Python<'_>, k: QuoteKind) -> &Bound<'_, PyString> {
    match k {
        QuoteKind::Direct => intern!(py, "direct"),
        QuoteKind::Partial => intern!(py, "partial"),
        QuoteKind::Indirect => intern!(py, "indirect"),
    }
}

/// The native module `whosaid._whosaid`.
#[pymodule]
#[pyo3(name = "_whosaid")]
fn whosaid_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<PyExtractor>()?;
    m.add("GazetteerError", py.get_type_bound::<GazetteerError>())?;
    m.add_function(wrap_pyfunction!(_from_config, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
