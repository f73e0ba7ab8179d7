"""Model loading (the pinned en_core_web_sm) and our spaCy extensions and components."""

from eventwire.nlp.extensions import register_extensions
from eventwire.nlp.loader import load_model

__all__ = ["load_model", "register_extensions"]
