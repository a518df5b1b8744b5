"""whosaid: who is mentioned in news text, and who said what.

>>> import whosaid
>>> ex = whosaid.Extractor()
>>> doc = ex.extract('"Publishing is not a crime," Julian Assange said.')
>>> doc["quotes"][0]["speaker"]["canonical"]
'Julian Assange'

See ``help(whosaid.Extractor)``. The work is done by the Rust crate of the
same name (the native module ``whosaid._whosaid``). Documents are plain dicts;
the TypedDicts below (``Document``, ``Entity``, ``Quote``, ``Speaker``,
``Span``) describe them for type checkers.
"""

from typing import List, Literal, Optional, TypedDict

from ._whosaid import Extractor, GazetteerError, __version__


class Span(TypedDict):
    """A stretch of the text: code-point offsets and the text itself."""

    start: int
    end: int
    text: str


class _EntityOptional(TypedDict, total=False):
    external_id: str
    title: str


class Entity(Span, _EntityOptional):
    """A gazetteer entity mentioned in the text."""

    label: Literal["PERSON", "OUTLET", "ORG", "LOC", "MISC"]
    canonical: str
    entity_id: str


class Speaker(Span, total=False):
    """The mention naming a quote's source; keys other than start/end/text
    may be absent."""

    canonical: str
    entity_id: str
    label: Literal["PERSON", "OUTLET", "ORG", "LOC", "MISC"]


class Quote(Span):
    """A quotation or reported statement with its speaker and cue."""

    kind: Literal["direct", "partial", "indirect"]
    speaker: Optional[Speaker]
    cue: Optional[Span]
    confidence: float
    rule: str


class _DocumentOptional(TypedDict, total=False):
    sentences: List[Span]


class Document(_DocumentOptional):
    """Everything extracted from one text (``sentences`` only with
    ``sentences=True``)."""

    entities: List[Entity]
    quotes: List[Quote]


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
