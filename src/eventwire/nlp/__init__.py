"""Model loading (the pinned en_core_web_sm, `eventwire.nlp.loader`), our Doc extensions and the base
of our spaCy components."""

from eventwire.nlp.extensions import register_extensions

__all__ = ["register_extensions"]
