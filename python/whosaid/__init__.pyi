"""whosaid: who is mentioned in news text, and who said what.

Type stubs for the package; ``Extractor`` and ``GazetteerError`` come from
the native module ``whosaid._whosaid``. Documents are plain dicts with the
keys of the JSON format in the repository's CONTRACT.md; the TypedDicts
describe them. Every ``start``/``end`` is a code-point offset into the input
string, half-open: ``text[span["start"]:span["end"]] == span["text"]``.
"""

import os
from typing import Iterable, List, Literal, Optional, Tuple, TypedDict, Union, final

__version__: str
"""The version of the whosaid crate this module was built from."""

class Span(TypedDict):
    """A stretch of the text: code-point offsets and the text itself."""

    start: int
    end: int
    text: str

class _EntityOptional(TypedDict, total=False):
    external_id: str
    """The entry's external id (e.g. a Wikidata id), when it has one."""
    title: str
    """A title or office written before a person's name ("President")."""

class Entity(Span, _EntityOptional):
    """A gazetteer entity mentioned in the text."""

    label: Literal["PERSON", "OUTLET", "ORG", "LOC", "MISC"]
    canonical: str
    """The canonical name of the gazetteer entry the mention resolved to."""
    entity_id: str

class Speaker(Span, total=False):
    """The mention naming a quote's source (a name, a group, a pronoun);
    keys other than start/end/text may be absent."""

    canonical: str
    """The fullest name the speaker resolves to."""
    entity_id: str
    """The gazetteer id, when the speaker resolved to an entry."""
    label: Literal["PERSON", "OUTLET", "ORG", "LOC", "MISC"]

class Quote(Span):
    """A quotation or reported statement with its speaker and cue.

    ``text`` is the quoted words (without the quotation marks for direct and
    partial quotes)."""

    kind: Literal["direct", "partial", "indirect"]
    speaker: Optional[Speaker]
    cue: Optional[Span]
    """The reporting verb or phrase ("said", "according to")."""
    confidence: float
    """How sure the attribution is, in [0, 1], two decimals."""
    rule: str
    """The attribution rule that fired (for debugging; names may change)."""

class _DocumentOptional(TypedDict, total=False):
    sentences: List[Span]
    """The sentences in order (only with ``sentences=True``)."""

class Document(_DocumentOptional):
    """Everything extracted from one text."""

    entities: List[Entity]
    """Entity mentions, sorted by start, non-overlapping."""
    quotes: List[Quote]
    """Quotes, sorted by start."""

class GazetteerError(ValueError):
    """A gazetteer could not be read or parsed.

    ``str(err)`` is ``"PATH:LINE: what is wrong"``; :attr:`path` and
    :attr:`line` say where.
    """

    path: Optional[str]
    """The file (or folder) the problem is in."""
    line: Optional[int]
    """The 1-based line the problem is on, when there is one."""

@final
class Extractor:
    """Extracts entities and attributed quotations from news text.

    ``gazetteers`` is a list (or other iterable, but not a single ``str``) of
    paths, each a ``str`` or ``os.PathLike`` naming a gazetteer file or a
    folder of ``*.tsv`` files. They are read at once and added to the
    embedded default gazetteers unless ``default_gazetteers`` is False.

    Raises :class:`TypeError` for arguments of the wrong type and
    :class:`GazetteerError` (a :class:`ValueError`) naming the file and line
    when a gazetteer cannot be read or parsed.

    Extractors are immutable: share one between threads (extraction releases
    the GIL), and pickle one to send it to other processes (Spark, Dask,
    multiprocessing); the pickle carries the gazetteers' contents, not their
    paths.
    """

    def __new__(
        cls,
        gazetteers: Optional[Iterable[Union[str, "os.PathLike[str]"]]] = None,
        default_gazetteers: bool = True,
    ) -> "Extractor": ...
    def extract(self, text: str, *, sentences: bool = False) -> Document:
        """Extracts entities and quotes from one text.

        Returns ``{"entities": [...], "quotes": [...]}``, plus
        ``"sentences"`` when ``sentences`` is True.

        Raises :class:`TypeError` when ``text`` is not a ``str`` and
        :class:`ValueError` (:class:`UnicodeEncodeError`) when it holds a
        lone surrogate.
        """
    def extract_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        *,
        sentences: bool = False,
    ) -> List[Document]:
        """Extracts every text on up to ``threads`` threads (None or 0: all
        cores), with the GIL released.

        Returns one document per text, in input order; the results do not
        depend on ``threads``.

        Raises :class:`TypeError` when ``texts`` is a single ``str`` or not
        an iterable of ``str``, and :class:`ValueError` naming the index of a
        text that holds a lone surrogate, or when ``threads`` is negative.
        """
    def __len__(self) -> int:
        """The number of gazetteer entries loaded."""
    def __reduce__(self) -> Tuple[object, Tuple[str, str]]:
        """Pickles the gazetteer contents; unpickling rebuilds the extractor."""
    def __copy__(self) -> "Extractor": ...
    def __deepcopy__(self, memo: object) -> "Extractor": ...

__all__ = [
    "Document",
    "Entity",
    "Extractor",
    "GazetteerError",
    "Quote",
    "Speaker",
    "Span",
    "__version__",
]
