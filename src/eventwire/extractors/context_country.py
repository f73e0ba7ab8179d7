"""The country of an actor the knowledge base does not place, read from the sentence it acts in.

News names the state of a domestic actor once per sentence, rarely beside every actor: "President Jane Doe
threatened to impose a curfew in Ruritania's capital", "Ruritanian students demanded the resignation of
Prime Minister John Roe", "opposition leaders in Ruritania". A person, group or organisation whose own words
name no country and that the knowledge base does not place takes the country named nearest to it in the
same sentence (a country's name, demonym or capital, as the knowledge base knows them, or a place the places
stage resolved: "the government of Ontario province", "students rioted in Mendoza"), provided that word
is not itself another actor or recipient of the same event ("Senator Roe criticised Ruritania" says nothing
of where Roe is from) and is no currency ("US $5 million"). A country word inside another actor does count
for a recipient, and for the actor of a quarrel: "the Ruritanian government accused opposition rebels",
"students demanded the resignation of the Ruritanian president" are domestic; but not for the actor of an
act of force: "gunmen abducted Ruritanian engineers" says who the victims are, not where the gunmen are from.
International bodies are in the knowledge base with their IGO or NGO code, so the rule never reaches them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

from spacy.tokens import Doc, Span

from eventwire.extractors.mentions import kb_find
from eventwire.nlp.extensions import doc_text
from eventwire.types import Actor


def _countries(doc: Doc, text: str, base: int, on: date | None) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of every country word of `text` (found at document offset `base`); a country named
    inside a longer name counts too ("the National Union for the Independence of Ruritania")."""
    found: list[tuple[int, int, str]] = []
    for s, e, hit in kb_find(doc, text, on):
        if getattr(hit, "kind", "") == "country" and getattr(hit, "country", None):
            found.append((base + s, base + e, str(hit.country)))
            continue
        rest = text.find(" ", s, e)
        if rest >= 0:
            found += _countries(doc, text[rest + 1:e], base + rest + 1, on)
    return found


_SENTENCE_COUNTRIES = "eventwire.sentence_countries"


def _sentence_countries(doc: Doc, sent: Span, on: date | None) -> list[tuple[int, int, str]]:
    """The country words of `sent` and the places of it that the places stage resolved, found once per sentence
    (asked per event of it)."""
    cache = doc.user_data.setdefault(_SENTENCE_COUNTRIES, {})
    key = (sent.start_char, sent.end_char, on)
    found = cache.get(key)
    if found is None:
        places = [(p.start, p.end, str(p.country)) for p in doc._.places or []
                  if p.country and sent.start_char <= p.start and p.end <= sent.end_char]
        found = cache[key] = _countries(doc, sent.text, sent.start_char, on) + places
    return cast("list[tuple[int, int, str]]", found)


def _people_after_state(doc: Doc, word: tuple[int, int, str], words: list[tuple[int, int, str]]) -> bool:
    span = doc.char_span(word[0], word[1], alignment_mode="expand")
    return span is not None and span.root.tag_ in ("NNS", "NNPS") and \
        any(e + 1 == word[0] and code != word[2] for _s, e, code in words)


def _needs_country(actor: Actor) -> bool:
    return actor.country is None and actor.kind in ("person", "group", "organization")


def placed_by_sentence(doc: Doc, sent: Span, actors: list[Actor], recipients: list[Actor],
                       on: date | None, violent: bool = False) -> tuple[list[Actor], list[Actor]]:
    """`actors` and `recipients` of one event, those without a country given the nearest country word of
    `sent` that is not itself one of them (see the module docstring); of an act of force (`violent`) the actor
    takes no country word from inside its recipients."""
    if not any(_needs_country(a) for a in [*actors, *recipients]):
        return actors, recipients
    taken = [(a.start, a.end) for a in [*actors, *recipients] if a.kind == "country"]
    text = doc_text(doc)
    words = [(s, e, code) for s, e, code in _sentence_countries(doc, sent, on)
             if not any(s < t_end and t_start < e for t_start, t_end in taken)
             and not text[e:e + 2].strip().startswith("$")]  # "US $50 million", "US$": a currency
    # "Bosnian Serbs said their forces ...": a people named by the state they live in is that state's (as
    # `build_actor` reads it), so the people's own name after the state's word places nobody.
    words = [w for w in words if not _people_after_state(doc, w, words)]
    # A country word inside a mention the knowledge base placed speaks for that mention's country: "Bosnian
    # Serbs demanded a truce with the army" places the army in Bosnia, not in Serbia.
    words = [(s, e, next((m.country for m in [*actors, *recipients]
                          if m.country and m.kind != "country" and m.start <= s and e <= m.end), code))
             for s, e, code in words]
    if not words:
        return actors, recipients
    recipient_spans = [(r.start, r.end) for r in recipients]

    def placed(actor: Actor, acting: bool) -> Actor:
        if not _needs_country(actor):
            return actor

        def distance(word: tuple[int, int, str]) -> int:
            s, e, _code = word
            return max(s - actor.end, actor.start - e, 0)

        own = [w for w in words if not (w[0] < actor.end and actor.start < w[1])  # "ethnic Albanians": a people
               # "Gunmen abducted Turkish engineers": whom an actor acts on says nothing of where it is from.
               and not (acting and violent and any(s <= w[0] and w[1] <= e for s, e in recipient_spans))]
        return replace(actor, country=min(own, key=distance)[2]) if own else actor

    return [placed(a, True) for a in actors], [placed(r, False) for r in recipients]


__all__ = ["placed_by_sentence"]
