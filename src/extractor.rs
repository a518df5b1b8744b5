//! The [`Extractor`]: built once from gazetteers, then run on any number of
//! texts, from any number of threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::document::{Document, Entity};
use crate::error::Error;
use crate::gazetteer::{Gazetteer, GazetteerSource};
use crate::lookup::NameMatch;
use crate::matcher::{MatchEngine, Matcher, MatcherBuilder};
use crate::normalize::Folded;
use crate::{entities, quotes, sentence};

/// Extracts entities and attributed quotations from news text.
///
/// Building an extractor parses the gazetteers and builds the matching
/// automaton, which takes a moment for large gazetteers; build it once and
/// share it. It is `Send + Sync`, and cloning it is cheap (a reference count).
///
/// # Example
///
/// ```
/// use whosaid::Extractor;
///
/// let ex = Extractor::new(); // the embedded default gazetteers
/// let text = "\"Publishing is not a crime,\" Julian Assange said.";
/// let doc = ex.extract(text);
/// assert_eq!(doc.entities()[0].canonical(), "Julian Assange");
/// let q = &doc.quotes()[0];
/// assert_eq!(q.span().as_str(text), "Publishing is not a crime,");
/// assert_eq!(q.speaker().unwrap().entity_id(), Some("julian-assange"));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: ExtractorConfig,
    gazetteer: Gazetteer,
    matcher: Matcher,
}

/// The serialisable description an [`Extractor`] is built from: whether the
/// embedded defaults are used, and the contents of every other gazetteer.
///
/// It carries file contents, not paths, so it can be sent to another process
/// and rebuilt there ([`ExtractorConfig::build`]).
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, GazetteerSource};
///
/// let ex = Extractor::builder()
///     .gazetteer(GazetteerSource::from_text("x.tsv", "ada\tPERSON\tAda Lovelace\n"))
///     .build()
///     .unwrap();
/// let json = serde_json::to_string(ex.config()).unwrap();
/// let config: whosaid::ExtractorConfig = serde_json::from_str(&json).unwrap();
/// let again = config.build().unwrap();
/// assert_eq!(again.extract("Ada Lovelace wrote.").entities().len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractorConfig {
    /// Whether the embedded default gazetteers are loaded.
    pub default_gazetteers: bool,
    /// Further gazetteers, loaded after the defaults.
    pub gazetteers: Vec<GazetteerSource>,
    /// The search engine for entity matching.
    #[serde(default)]
    pub match_engine: MatchEngine,
}

impl Default for ExtractorConfig {
    fn default() -> ExtractorConfig {
        ExtractorConfig {
            default_gazetteers: true,
            gazetteers: Vec::new(),
            match_engine: MatchEngine::Auto,
        }
    }
}

impl ExtractorConfig {
    /// Builds the extractor this configuration describes.
    ///
    /// # Errors
    ///
    /// When a gazetteer does not parse: the error names its file and line.
    pub fn build(&self) -> Result<Extractor, Error> {
        let mut sources = Vec::new();
        if self.default_gazetteers {
            sources.extend(GazetteerSource::defaults());
        }
        sources.extend(self.gazetteers.iter().cloned());
        let mut names = MatcherBuilder::default();
        let gazetteer = Gazetteer::load(sources, |i, e| names.add(i, e))?;
        let matcher = names.build(self.match_engine)?;
        Ok(Extractor {
            inner: Arc::new(Inner {
                config: self.clone(),
                gazetteer,
                matcher,
            }),
        })
    }
}

/// Configures and builds an [`Extractor`].
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, GazetteerSource};
///
/// let ex = Extractor::builder()
///     .default_gazetteers(false)
///     .gazetteer(GazetteerSource::from_text("mine.tsv", "acme\tORG\tAcme Corporation\tAcme\n"))
///     .build()?;
/// let doc = ex.extract("Acme said it would appeal.");
/// assert_eq!(doc.entities()[0].entity_id(), "acme");
/// # Ok::<(), whosaid::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    config: ExtractorConfig,
    error: Option<Error>,
}

impl ExtractorBuilder {
    /// A builder with the embedded defaults and no other gazetteer.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Whether to load the embedded default gazetteers (default: yes).
    pub fn default_gazetteers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.default_gazetteers = yes;
        self
    }

    /// Adds a gazetteer.
    pub fn gazetteer(&mut self, source: GazetteerSource) -> &mut ExtractorBuilder {
        self.config.gazetteers.push(source);
        self
    }

    /// Adds a gazetteer file, or every `*.tsv` file of a folder. A file that
    /// cannot be read is reported by [`build`](ExtractorBuilder::build).
    pub fn gazetteer_path(&mut self, path: impl AsRef<std::path::Path>) -> &mut ExtractorBuilder {
        match GazetteerSource::from_path(path) {
            Ok(sources) => self.config.gazetteers.extend(sources),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    /// The search engine for entity matching (default: [`MatchEngine::Auto`]).
    pub fn match_engine(&mut self, engine: MatchEngine) -> &mut ExtractorBuilder {
        self.config.match_engine = engine;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// When a gazetteer cannot be read or does not parse: the error names its
    /// file and line.
    pub fn build(&self) -> Result<Extractor, Error> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        self.config.build()
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded default gazetteers.
    ///
    /// # Panics
    ///
    /// Only if the embedded gazetteers are malformed, which the crate's own
    /// tests rule out; [`Extractor::builder`] returns the error instead.
    pub fn new() -> Extractor {
        match ExtractorConfig::default().build() {
            Ok(ex) => ex,
            Err(e) => panic!("the embedded gazetteers are malformed: {e}"),
        }
    }

    /// A builder for an extractor with other gazetteers.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The description this extractor was built from.
    pub fn config(&self) -> &ExtractorConfig {
        &self.inner.config
    }

    /// The number of gazetteer entries loaded.
    pub fn len(&self) -> usize {
        self.inner.gazetteer.len()
    }

    /// True when no gazetteer entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.inner.gazetteer.len() == 0
    }

    /// Finds only the gazetteer entity mentions of `text` (sorted,
    /// non-overlapping): the entity stage, without sentences or quotes. It
    /// resolves the [`name_matches`](Extractor::name_matches) of the text
    /// within the document.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let ents = Extractor::new().entities("López Obrador wrote to Biden.");
    /// assert_eq!(ents[0].canonical(), "Andrés Manuel López Obrador");
    /// ```
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let folded = Folded::new(text);
        entities::find(text, &folded, &self.inner.matcher, &self.inner.gazetteer)
    }

    /// Every occurrence in `text` of a name of the gazetteers, with the
    /// entries it may name: the look-up that [`Extractor::entities`] starts
    /// from, before anything is resolved within the document. Overlapping
    /// names are all kept ("New York Times", "New York", "York"); sorted by
    /// start, then longest first. For users who resolve names their own way
    /// (or who want every candidate of a large list of their own).
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let ex = Extractor::new();
    /// let text = "Jordan met Michael Jordan.";
    /// let found = ex.name_matches(text);
    /// let jordan: Vec<&str> = found[0].candidates().map(|c| c.entity_id()).collect();
    /// assert!(jordan.contains(&"jordan") && jordan.contains(&"michael-jordan"));
    /// assert_eq!(found[1].text(text), "Michael Jordan");
    /// ```
    pub fn name_matches(&self, text: &str) -> Vec<NameMatch<'_>> {
        let folded = Folded::new(text);
        let matcher = &self.inner.matcher;
        matcher
            .find(text, &folded)
            .into_iter()
            .map(|m| NameMatch {
                span: m.span,
                gazetteer: &self.inner.gazetteer,
                names: matcher.candidates(m.pattern),
                accepted: m.accepted,
                more: if matcher.candidates(m.pattern).len() > 64 {
                    matcher.accepted_past_64(m, text, &folded)
                } else {
                    Box::default()
                },
            })
            .collect()
    }

    /// Extracts entities, quotes and sentences from one text.
    ///
    /// Every offset of the document is into `text` as given (a leading
    /// byte-order mark included: callers that read files strip it, as the
    /// example binary does). Never panics, whatever the text; time and memory
    /// are linear in its length.
    pub fn extract(&self, text: &str) -> Document {
        let folded = Folded::new(text);
        let sentences = sentence::sentences(text);
        let entities = entities::find(text, &folded, &self.inner.matcher, &self.inner.gazetteer);
        let quotes = quotes::extract(text, &sentences, &entities);
        Document {
            text: text.to_string(),
            sentences,
            entities,
            quotes,
        }
    }

    /// Extracts every text of `texts` on up to `threads` threads (`0`: as
    /// many as the machine has cores); results come back in input order and
    /// are identical whatever the number of threads.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let ex = Extractor::new();
    /// let docs = ex.extract_many(&["Biden spoke.", "Assange wrote."], 2);
    /// assert_eq!(docs[1].entities()[0].canonical(), "Julian Assange");
    /// ```
    pub fn extract_many<S: AsRef<str> + Sync>(&self, texts: &[S], threads: usize) -> Vec<Document> {
        self.map_many(texts, threads, |ex, t| ex.extract(t.as_ref()))
    }

    /// Runs `f(self, item)` over every item on up to `threads` threads
    /// (`0`: all cores), returning the results in input order. This is the
    /// batch engine behind [`extract_many`](Extractor::extract_many); use it
    /// to do per-document work (such as serialising) on the worker threads.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Extractor;
    ///
    /// let ex = Extractor::new();
    /// let counts = ex.map_many(&["Biden and Assange.", "Nobody."], 0, |ex, t| {
    ///     ex.extract(t).entities().len()
    /// });
    /// assert_eq!(counts, vec![2, 0]);
    /// ```
    pub fn map_many<T, R, F>(&self, items: &[T], threads: usize, f: F) -> Vec<R>
    where
        T: Sync,
        R: Send,
        F: Fn(&Extractor, &T) -> R + Sync,
    {
        let threads = effective_threads(threads).min(items.len().max(1));
        if threads <= 1 {
            return items.iter().map(|t| f(self, t)).collect();
        }
        let next = AtomicUsize::new(0);
        let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(self, item);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(r);
                    }
                });
            }
        });
        slots
            .into_iter()
            .filter_map(|s| s.into_inner().ok().flatten())
            .collect()
    }
}

/// `0` means every core the machine has.
pub(crate) fn effective_threads(threads: usize) -> usize {
    if threads > 0 {
        return threads;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
