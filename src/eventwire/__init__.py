"""eventwire: sourced political event data from news text.

The public API::

    import eventwire
    record = eventwire.extract("path/to/article.txt", published="2021-08-09")
    with eventwire.open_store("eventwire.duckdb") as store:
        page = store.events(eventwire.EventQuery(types=["ASSAULT"], actor_country="AFG"), limit=50)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import EventwireError, InputError, ModelMissingError
from eventwire.store import open_store
from eventwire.store.base import ArticleQuery, EventQuery, Store
from eventwire.types import (
    Actor,
    Article,
    ArticleRecord,
    Attribution,
    Boilerplate,
    Event,
    EventDate,
    Notice,
    Place,
    Quote,
    Span,
    Timex,
)

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "ArticleQuery", "ArticleRecord", "Attribution", "Boilerplate", "Event", "EventDate",
    "EventQuery", "EventwireError", "InputError", "ModelMissingError", "Notice", "Pipeline", "Place", "Quote", "Span",
    "Store", "Timex", "__version__", "extract", "open_store",
]

_default_pipeline: Pipeline | None = None


def extract(text_or_path: str | Path, published: str | None = None) -> ArticleRecord:
    """The record of one article, given as its text or the path of a file holding it.

    `published` (YYYY-MM-DD) overrides any date in the article. The model loads once per process.
    """
    global _default_pipeline
    if _default_pipeline is None:
        from eventwire.pipeline import Pipeline

        _default_pipeline = Pipeline()
    return _default_pipeline.extract(text_or_path, published=published)


def __getattr__(name: str) -> object:
    # Pipeline is imported on first use so `import eventwire` stays light (no spaCy import).
    if name == "Pipeline":
        from eventwire.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
