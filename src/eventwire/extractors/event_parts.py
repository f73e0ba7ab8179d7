"""Pieces of an Event that come from outside its clause: the sentence it is told in, the quote it sits in, and
each actor once (moved out of eventwire.extractors.events, which codes the clause)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from eventwire.nlp.extensions import doc_text
from eventwire.types import Actor, Attribution
from eventwire.types import Span as TextSpan


def trimmed_sentence(doc: Doc, sent: Span) -> TextSpan:
    """The sentence without the white space (and blanked furniture) at its edges."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return TextSpan(doc_text(doc)[start:end], start, end)


_QUOTE_INDEX = "eventwire.quote_index"


def quote_attribution(doc: Doc, start: int, end: int) -> Attribution | None:
    """An event inside a quotation is attributed to the quote's speaker (doc._.quotes, when quoted)."""
    quotes = doc._.quotes or []
    # The quotes come in text order, none longer than `longest`: those that can hold the event start between
    # end - longest and start, found by bisection (once per Doc) rather than by a scan of them all per event.
    index = doc.user_data.get(_QUOTE_INDEX)
    if index is None or index[0] is not quotes:
        by_start = [q.content.start for q in quotes]
        longest = max((q.content.end - q.content.start for q in quotes), default=0)
        index = (quotes, by_start if all(a <= b for a, b in pairwise(by_start)) else None, longest)
        doc.user_data[_QUOTE_INDEX] = index
    _, starts, longest = index
    near = range(bisect_left(starts, end - longest), bisect_right(starts, start)) if starts is not None else \
        range(len(quotes))
    for i in near:
        quote = quotes[i]
        if quote.content.start <= start and end <= quote.content.end and quote.speaker is not None:
            cue = quote.speaker_span or quote.cue or quote.content
            return Attribution(text=cue.text, start=cue.start, end=cue.end, source=quote.speaker)
    return None


def as_mention(actor: Actor, token: Token) -> Actor:
    return Actor(text=token.text, name=actor.name, kind=actor.kind, country=actor.country, sector=actor.sector,
                 role=actor.role, start=token.idx, end=token.idx + len(token.text))


def distinct(actors: list[Actor]) -> list[Actor]:
    """Each actor once (by name and country: "Hungarian and Romanian officials" are two)."""
    seen: set[tuple[str, str | None]] = set()
    out: list[Actor] = []
    for actor in actors:
        if (actor.name, actor.country) not in seen:
            seen.add((actor.name, actor.country))
            out.append(actor)
    return out


def np_modifiers(noun: Token) -> list[Token]:
    """The words left of a noun inside its phrase (compounds, adjectives, possessors, and theirs)."""
    out: list[Token] = []
    frontier = [noun]
    while frontier:
        nxt = [c for t in frontier for c in t.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
        out += nxt
        frontier = nxt
    return out


__all__ = ["as_mention", "distinct", "np_modifiers", "quote_attribution", "trimmed_sentence"]
