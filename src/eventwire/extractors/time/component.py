"""Temporal expressions of a Doc, and the ``eventwire_timexes`` spaCy component that sets ``doc._.timexes``.

Finding (`find_timexes`), in order:

1. Our own patterns (``eventwire.extractors.time.rules``) run over the text; overlapping matches are resolved
   longest first, and a bare month or year is kept only when it reads as a date. Each match is normalised by its
   rule's handler (``eventwire.extractors.time.normalise``), against the publication date and the last day named
   before it, with the tense of its clause (``eventwire.extractors.time.tense``) when it needs one.
2. spaCy's DATE and TIME entities that no pattern covered ("Christmas", odd wordings): handed to
   dateparser, relative to the publication date and preferring the past. An entity dateparser cannot
   read, or one that names no calendar word or number ("the hour"), is dropped. dateparser is slow, so
   it only ever sees these leftovers, never the whole text.

`normalise` reads one expression on its own: the longest rule that matches all of it, else dateparser.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extractors.time.normalise import Context, Result, dateparser_value
from eventwire.extractors.time.rules import (
    _CALENDAR_WORD,
    RULES,
    Rule,
    _candidates,
    _Layers,
    _plausible,
    _resolve_overlaps,
)
from eventwire.extractors.time.tense import Tense, nowadays_at, tense_at
from eventwire.nlp.extensions import doc_text, published_date
from eventwire.nlp.stage import Stage
from eventwire.types import Timex

__all__ = ["TimexFinder", "find_timexes", "make_timex_finder", "normalise"]

_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def normalise(text: str, dct: date | None, tense: Tense = None, ref: date | None = None) -> Result | None:
    """The (type, value) of one temporal expression `text` written on `dct`, or None when no rule reads it.

    `tense` is the tense of the clause the expression sits in; `ref` the last day named before it.
    """
    text = text.strip()
    best: tuple[int, Rule, re.Match[str]] | None = None
    for rule in RULES:
        m = rule.pattern.fullmatch(text)
        if m is not None and (best is None or len(m.group(0)) > best[0]):
            best = (len(m.group(0)), rule, m)
    if best is None:
        return dateparser_value(text, dct) if _CALENDAR_WORD.search(text) else None
    _, rule, m = best
    return rule.handler(m, Context(dct=dct, ref=ref, tense_of=lambda: tense))


def find_timexes(doc: Doc, dct: date | None = None, *, use_entities: bool = True) -> list[Timex]:
    """Every temporal expression of `doc`, normalised against `dct` (default: the article's publication date)."""
    if dct is None:
        dct = published_date(doc)
    text = doc_text(doc)
    matches = _resolve_overlaps(_candidates(text))
    layers = _Layers.of(doc, text)
    out: list[Timex] = []
    ref: date | None = None
    last: str | None = None
    story_year: int | None = None  # the year of the last expression, when it wrote out its year
    story_end = 0
    for cand in matches:
        if cand.rule.check is not None:
            group = "y" if cand.rule.check == "year" else "mon"
            if not _plausible(doc, cand.start, cand.end, cand.rule.check, cand.match.start(group), layers):
                continue
        start, end = cand.start, cand.end
        if story_year is not None and "\n" in text[story_end:start]:
            story_year = None  # a story year holds within its paragraph
        ctx = Context(dct=dct, ref=ref, last=last, story_year=story_year,
                      tense_of=partial(tense_at, doc, start, end, layers.parsed),
                      nowadays=partial(nowadays_at, doc, start, end))
        result = cand.rule.handler(cand.match, ctx)
        if result is None:
            continue
        kind, value = result
        out.append(Timex(text=text[start:end], start=start, end=end, type=kind, value=value))
        day = _DAY_VALUE.match(value)
        if day is not None and kind in ("DATE", "TIME"):
            ref = date.fromisoformat(day.group(1))
        if kind == "DATE" and re.match(r"^\d{4}-", value):
            last = value
        if kind in ("DATE", "TIME") and value[:4].isdigit():
            story_year, story_end = (int(value[:4]), end) if value[:4] in text[start:end] else (None, end)
    if use_entities and layers.ents:
        out += _leftover_entities(doc, out, dct)
        out.sort(key=lambda t: t.start)
    return out


def _leftover_entities(doc: Doc, found: list[Timex], dct: date | None) -> list[Timex]:
    out: list[Timex] = []
    # `found` never overlap one another (see `_resolve_overlaps`): sorted, only the one starting last before an
    # entity's end can overlap it.
    spans = sorted((t.start, t.end) for t in found)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not ent.text.strip():
            continue
        before = bisect_left(spans, (ent.end_char, -1)) - 1
        if before >= 0 and spans[before][1] > ent.start_char:
            continue
        if not _CALENDAR_WORD.search(ent.text):
            continue  # "the hour", "a second consecutive": nothing a date can be read from
        result = dateparser_value(ent.text, dct)
        if result is None:
            continue
        kind, value = result
        if kind == "TIME" and not re.search(r"\d:\d|\d\s*[ap]\.?m\b", ent.text, re.I):
            continue  # a clock time dateparser made up
        out.append(Timex(text=ent.text, start=ent.start_char, end=ent.end_char, type=kind, value=value))
    return out


class TimexFinder(Stage):
    """Finds and normalises the temporal expressions of a Doc (the ``eventwire_timexes`` component)."""

    def process(self, doc: Doc) -> None:
        doc._.timexes = find_timexes(doc)


@Language.factory("eventwire_timexes", assigns=["doc._.timexes"], requires=["doc._.article", "doc.ents", "token.dep"])
def make_timex_finder(nlp: Language, name: str) -> TimexFinder:
    return TimexFinder(name)


