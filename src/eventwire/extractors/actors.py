"""The article's actors (`doc._.actors`): every distinct actor once, the last of our stages.

An actor is listed when it acts, receives, is the source of an attribution or speaks a quote, or when it
is a named person or organisation of the article (not only a word in someone's title, nor a place the tagger
typed as a person or an organisation). Each is listed
once per canonical name and country, at its first mention, with its cluster's canonical name, kind,
country, sector and role (eventwire.extractors.coref). Documents ("the statement") are not actors.
This stage reads what the earlier ones wrote and changes none of it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.extractors.coref import resolve
from eventwire.extractors.mentions import STATEMENT_NOUNS, TITLE_WORDS, is_place
from eventwire.nlp.stage import Stage
from eventwire.types import Actor, Event


def _in_title(token: Token) -> bool:
    """Is `token` part of someone's title ("Chief of Army Staff", "Secretary of State")?"""
    cur = token
    for _ in range(4):
        if cur.dep_ not in ("pobj", "compound", "prep", "amod", "nmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.dep_ != "prep" and cur.lower_ in TITLE_WORDS:
            return True
    return False


def _is_document(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in STATEMENT_NOUNS


def article_actors(doc: Doc, events: list[Event]) -> list[Actor]:
    """Every distinct actor of the article: one per canonical name and country, at its first mention."""
    res = resolve(doc)
    found: dict[str, Actor] = {}
    used = [a for e in events for a in [*e.actor, *e.recipient]]
    used += [e.attribution.source for e in events if e.attribution is not None and e.attribution.source is not None]
    used += [q.speaker for q in doc._.quotes or [] if q.speaker is not None]
    named = [c.canonical() for c in res.clusters
             if c.best.entity and c.canonical().kind in ("person", "organization")
             and not all(_in_title(m.head) for m in c.mentions)
             and not all(is_place(m.head) for m in c.mentions)]  # "Herat" the tagger took for a group: a place
    for actor in [*used, *named]:
        if _is_document(actor.name):
            continue  # "the statement", "a threat assessment report": words, not an actor
        key = f"{actor.name.lower()}|{actor.country or ''}"
        first = found.get(key)
        if first is None or actor.start < first.start:
            found[key] = actor
    return sorted(found.values(), key=lambda a: (a.start, a.end))


class ActorLister(Stage):
    """The ``eventwire_actors`` component."""

    def process(self, doc: Doc) -> None:
        doc._.actors = article_actors(doc, list(doc._.events or []))


@Language.factory("eventwire_actors", assigns=["doc._.actors"],
                  requires=["doc._.events", "doc._.quotes", "doc._.coref"])
def make_actor_lister(nlp: Language, name: str) -> ActorLister:
    return ActorLister(name)


__all__ = ["ActorLister", "article_actors", "make_actor_lister"]
