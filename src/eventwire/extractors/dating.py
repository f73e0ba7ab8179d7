"""Event dates: the time expression the parse attaches to each event, else the reporting clause's, else
the publication date marked as inferred.

The event coder calls `date_event` when it builds each event; the first step that gives an anchored
value wins:

1. Attached: a temporal expression of ``doc._.timexes`` that depends on the trigger in the parse: an
   npadvmod/tmod/obl/advmod dependent ("met Sunday"), the object of a preposition and the prepositional
   chain of that object two levels down ("in Doha in September 2020", "the agreement of February 2020"),
   or a date word on an event noun ("the 2001 invasion", "Sunday's attack"). A preposition that bounds
   the time rather than names it (before, until, since, after) does not date the event. When the
   trigger has no such dependent, the word it leans on is tried: the word it is coordinated with
   ("the capture on Sunday of Kunduz, and then breaking through ..."), or the verb an event noun is the
   subject of ("the withdrawal would begin in May"), or the light or aspectual verb whose object it is.
   The nearest expression in the sentence is never taken merely for being near.
2. Reporting clause: the same search from the speech verb of the event's attribution ("On Friday, the
   envoy said that ..."). The event happened no later than it was reported, so the date is marked
   ``inferred``; text/start/end still point to the expression it came from.
3. Publication: the article's publication date, precision "day", no text, ``inferred``.
4. None: value None, precision "unknown" (no publication date and nothing attached). An event never
   takes today's date.

Only anchored values date an event (2021-08-08, 2020-02, 2019, 2021-W32, 2021-Q3, 199 for the 1990s);
a duration, a set, PAST_REF or an X value does not, and the next step is tried.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

from eventwire import vocab
from eventwire.types import Attribution, EventDate, Timex

# Dependents that can be the event's own time ("met Sunday", "the 2001 invasion", "Sunday's talks").
_DATE_DEPS = {"npadvmod", "tmod", "obl", "obl:tmod", "nmod:tmod", "advmod", "nummod", "compound", "poss", "amod",
              "appos", "nmod", "attr", "oprd"}
# Prepositions that bound a time rather than name it: "withdraw before September 11" is no date.
_BOUNDS = vocab.words("preposition", role="time_bound")
_OBJECT_DEPS = {"pobj", "pcomp"}
# Verbs that carry an event noun without being an event of their own ("the talks began on Monday",
# "launched an offensive in May").
# Verbs whose date is their event noun's: the coder's aspectual and light verbs, and a few more.
_CARRIER_VERBS = vocab.words("light")
Precision = Literal["day", "month", "year", "range", "unknown"]
_ANCHORED = re.compile(r"^\d{3,4}(?:$|-)")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def precision_of(value: str) -> Precision:
    """The EventDate precision of an anchored TIMEX3 value: day, month, year, or range (week, quarter ...)."""
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    if _YEAR.match(value):
        return "year"
    return "range"


def usable(timex: Timex) -> bool:
    """Can `timex` date an event (an anchored calendar value, not a duration, a set or a vague reference)?"""
    return timex.type in ("DATE", "TIME") and bool(_ANCHORED.match(timex.value))


def token_timexes(doc: Doc, timexes: list[Timex]) -> dict[int, Timex]:
    """Token index -> the temporal expression that token is part of."""
    index: dict[int, Timex] = {}
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            index.setdefault(token.i, timex)
    return index


def _in_phrase(prep: Token, index: dict[int, Timex], depth: int) -> Timex | None:
    """A usable expression inside the prepositional phrase `prep`, following its object's own phrases
    ("in Doha in September 2020") and a phrase hung on the preposition ("In New York on Friday") down to
    `depth` 2."""
    if prep.lower_ in _BOUNDS:
        return None
    for inner in prep.children:
        if inner.dep_ in _OBJECT_DEPS:
            found = index.get(inner.i)
            if found is not None:
                if usable(found):
                    return found
                continue
            if depth < 2:
                for nested in inner.children:
                    if nested.dep_ == "prep":
                        hit = _in_phrase(nested, index, depth + 1)
                        if hit is not None:
                            return hit
        elif inner.dep_ == "prep" and depth < 2:
            hit = _in_phrase(inner, index, depth + 1)
            if hit is not None:
                return hit
    return None


def attached_timex(head: Token, index: dict[int, Timex], *, objects: bool = True) -> Timex | None:
    """The temporal expression that depends on `head` in the parse (see the module docstring, step 1).

    With `objects`, the phrases of a direct object count too ("had a conversation on Wednesday").
    """
    for child in head.children:
        found = index.get(child.i)
        if child.dep_ in _DATE_DEPS and found is not None and usable(found):
            return found
        if child.dep_ == "prep":
            hit = _in_phrase(child, index, 0)
            if hit is not None:
                return hit
    if objects:
        for child in head.children:
            if child.dep_ in ("dobj", "attr") and index.get(child.i) is None:
                hit = next((h for p in child.children if p.dep_ == "prep"
                            for h in [_in_phrase(p, index, 1)] if h is not None), None)
                if hit is not None:
                    return hit
    return None


def _leaned_on(head: Token) -> list[Token]:
    """The words an event without a time of its own borrows one from (step 1's fallback)."""
    if head.dep_ == "conj" and head.head.i != head.i:
        parent = head.head
        if parent.dep_ == "prep":  # "despite the capture on Sunday ..., and then breaking through"
            return [parent, *[c for c in parent.children if c.dep_ in _OBJECT_DEPS]]
        return [parent]
    verb = head.head
    if head.pos_ in ("NOUN", "PROPN") and verb.pos_ in ("VERB", "AUX") and verb is not head:
        if head.dep_ in ("nsubj", "nsubjpass"):
            return [verb]
        if head.dep_ in ("dobj", "attr") and verb.lemma_.lower() in _CARRIER_VERBS:
            return [verb]
    return []


def _reporting_timex(doc: Doc, start: int, end: int, index: dict[int, Timex]) -> Timex | None:
    """The expression dating a reporting clause: on its speech verb, or on the speaker's phrase, where the
    parser often hangs a sentence-opening "In New York on Friday, X said"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    root = span.root
    tokens = verbs or [root]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head not in tokens:
        tokens.append(root.head)
    tokens += [c for v in list(tokens) for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    for token in tokens:
        found = attached_timex(token, index, objects=False)
        if found is not None:
            return found
    return None


def date_event(doc: Doc, trigger: tuple[int, int], attribution: Attribution | None, index: dict[int, Timex],
               published: str | None) -> EventDate:
    """The EventDate of the event whose trigger is at `trigger` (start, end), reported by `attribution` (see the
    module docstring for the cascade)."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is not None and len(span):
        head = span.root
        # The trigger's own words first ("had a telephone conversation on Wednesday": the noun's phrase),
        # then the words it leans on.
        for token in [head, *[t for t in span if t is not head], *_leaned_on(head)]:
            found = attached_timex(token, index)
            if found is not None:
                return EventDate(value=found.value, precision=precision_of(found.value),
                                 text=found.text, start=found.start, end=found.end)
    if attribution is not None:
        found = _reporting_timex(doc, attribution.start, attribution.end, index)
        if found is not None:
            return EventDate(value=found.value, precision=precision_of(found.value),
                             text=found.text, start=found.start, end=found.end, inferred=True)
    if published:
        return EventDate(value=published[:10], precision="day", inferred=True)
    return EventDate(value=None, precision="unknown", inferred=True)


__all__ = ["attached_timex", "date_event", "precision_of", "token_timexes", "usable"]
