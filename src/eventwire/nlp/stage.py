"""The base of eventwire's spaCy components: each runs inside ``nlp.pipe`` and costs only its own article
when it fails.

spaCy stops a whole ``nlp.pipe`` batch at the first exception a component raises (or, with an error
handler, drops the Doc and so the order of the output). A `Stage` never raises: a failure is written on
the Doc (`failure(doc)`), every later Stage passes that Doc through untouched, and the pipeline turns it
into E112 naming the article. A Doc whose article is not in English passes through too: no English rule
runs on it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.ingest.language import is_english
from eventwire.nlp.extensions import register_extensions

_FAILED = "eventwire_failed"


def failure(doc: Doc) -> str | None:
    """What failed on this Doc ("eventwire_events: KeyError: ..."), or None."""
    found = doc.user_data.get(_FAILED)
    return None if found is None else str(found)


def doc_is_english(doc: Doc) -> bool:
    article = doc._.article if Doc.has_extension("article") else None
    return article is None or is_english(getattr(article, "language", None))


class Stage:
    """A component: `process(doc)` sets the Doc extensions it declares in its factory's `assigns`."""

    # Whether the stage runs on articles in other languages (only language-neutral stages do).
    any_language = False

    def __init__(self, name: str = "") -> None:
        self.name = name or type(self).__name__
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        if failure(doc) is not None or not (self.any_language or doc_is_english(doc)):
            return doc
        try:
            self.process(doc)
        except Exception as exc:  # any bug in a stage is reported for its article alone
            doc.user_data[_FAILED] = f"{self.name}: {type(exc).__name__}: {exc}"
        return doc

    def process(self, doc: Doc) -> None:
        raise NotImplementedError


__all__ = ["Stage", "doc_is_english", "failure"]
