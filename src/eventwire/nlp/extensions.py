"""Every ``Doc._`` extension eventwire uses, registered in one place."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    # The Article the Doc was made from: its metadata (publication date, furniture) is context
    # the extraction components read.
    "article": None,
    # Lists of eventwire.types records, one extension per stage; None until the stage has run.
    "events": None,
    "quotes": None,
    "timexes": None,
    "places": None,
    # Every distinct actor of the article, mentions merged (eventwire.types.Actor).
    "actors": None,
}


def register_extensions() -> None:
    """Register our Doc extensions (safe to call more than once)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
