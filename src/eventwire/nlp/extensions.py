"""Every ``Doc._`` extension eventwire uses, registered in one place."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    # The Article the Doc was made from: its metadata (publication date, furniture) is context
    # the extraction components read.
    "article": None,
    # The coded events of the Doc (eventwire.types.Event), set by the eventwire_events component.
    "events": None,
}


def register_extensions() -> None:
    """Register our Doc extensions (safe to call more than once)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
