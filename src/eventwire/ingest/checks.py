"""Checks every article passes before it is processed, whoever built it (a reader or an API caller).

`check_article` is the one place: the readers' common path (`eventwire.ingest.sources.read_bytes`: text,
HTML, JSON Lines, feeds, URLs and standard input) calls it on every article it reads, and the pipeline
calls it on Articles built by hand, so a refused article becomes a numbered InputError and the batch
goes on.
"""

from __future__ import annotations

from eventwire.config import Config
from eventwire.errors import InputError
from eventwire.types import Article


def check_article(article: Article, config: Config) -> InputError | None:
    """The InputError that refuses `article`, or None when it may be processed.

    E114: the text is longer than ``ingest.max_chars`` characters (spaCy refuses texts over its
    ``max_length``, one million characters by default, and a text that long is rarely one article).
    """
    limit: int = config.get("ingest.max_chars")
    if len(article.text) > limit:
        return InputError("E114", source=article.source, chars=len(article.text), limit=limit)
    return None
