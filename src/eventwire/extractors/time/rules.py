"""The patterns that find temporal expressions, and which of their matches are kept.

Our own patterns (`RULES`: one compiled expression per kind: calendar dates, months, years, weekdays, relative
units, durations, sets, times of day, seasons, quarters, decades, vague references) run over the stretches of
text around a calendar or clock word (`_windows`); overlapping matches are resolved longest first. A bare month or
year is kept only when it reads as a date (`_plausible`: not the modal "May", not "2000 troops"). Each rule names
the handler that computes its value (``eventwire.extractors.time.normalise``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.extractors.time.normalise import (
    Handler,
    _h_ago,
    _h_apos_year,
    _h_century,
    _h_day_beyond,
    _h_dayword,
    _h_decade,
    _h_duration,
    _h_iso,
    _h_md,
    _h_mdy,
    _h_month,
    _h_my,
    _h_noon,
    _h_partday,
    _h_quarter,
    _h_ref,
    _h_relunit,
    _h_sameday,
    _h_season,
    _h_set_every,
    _h_set_word,
    _h_slash,
    _h_this_unit,
    _h_time,
    _h_vague_units,
    _h_weekday,
    _h_year,
    _h_year_before,
)

# Words before a bare year that make it a date ("in 2015", "since 2001"); a year after "the" or before
# a noun needs the parser's DATE entity ("the 2001 invasion").
_YEAR_PREPS = {"in", "since", "by", "until", "till", "before", "after", "from", "of", "to", "through", "during",
               "between", "and", "or", "early", "late", "mid", "around", "circa", "c.", "for", "as", "year",
               "spring", "summer", "autumn", "fall", "winter", "throughout", "than", "about", "into", "-", "–"}

# --------------------------------------------------------------------------- regular expression pieces

_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
_NUM = (r"(?:\d+(?:\.\d+)?|a\s+couple\s+of|couple\s+of|a\s+few|a\s+dozen|half\s+an?|few|several|many|some|"
        r"dozens\s+of|hundreds\s+of|numerous|multiple|"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
        r"eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        r"one|two|three|four|five|six|seven|eight|nine|ten|hundred|dozen|single|an|a)(?:\s+and\s+a\s+half)?")
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|"
         r"century)")
# "the end of", "early", "mid-": a part of the unit that follows; the value is the unit's.
_EDGE = (r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|"
         r"latter\s+half|first\s+part|latter\s+part)\s+of\s+|(?:early|late|mid|earlier|later)[\s-]+|mid-)")


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    check: str | None = None  # "year" or "month": kept only when `_plausible` agrees


RULES: tuple[Rule, ...] = (
    Rule("iso", _rx(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b"),
         _h_iso),
    Rule("slash", _rx(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"), _h_slash),
    Rule("mdy", _rx(rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM}),?\s+(?P<y>{_YEAR4})\b"), _h_mdy),
    Rule("dmy", _rx(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+"
                    rf"(?P<y>{_YEAR4})\b"), _h_mdy),
    Rule("md", _rx(rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})\b(?![.,:]?\d)"), _h_md),
    Rule("dm", _rx(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON})(?![a-z])"),
         _h_md),
    Rule("my", _rx(rf"(?i:{_EDGE})?(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR4})\b"), _h_my),
    Rule("month", _rx(rf"(?:(?i:(?P<rel>last|next|this|this\s+coming|coming|past|previous)\s+)|(?i:{_EDGE}))?"
                      rf"\b(?P<mon>{_MON_FULL})\b"), _h_month, check="month"),
    Rule("year", _rx(rf"(?:(?i:{_EDGE}))?(?<![\w$£€.,/:])(?P<y>{_YEAR4})\b(?![.,:/]?\d|\s*(?:%|percent|per\s+cent))"),
         _h_year, check="year"),
    Rule("decade", _rx(r"(?i:(?P<pre>\bthe\s+|\b(?:the\s+)?(?:early|mid|late)[\s-]+)?)"
                       r"(?<![\w'’])(?P<apos>['’])?(?P<c>1[5-9]|20)?(?P<d>\d)0['’]?s\b"), _h_decade),
    Rule("apos_year", _rx(r"(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’]|s\b)"), _h_apos_year),
    Rule("century", _rx(r"(?i:\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century)\b"), _h_century),
    Rule("weekday", _rx(rf"(?:(?i:(?P<rel>last|next|this|this\s+coming|coming|past|previous|following))\s+)?"
                        rf"\b(?P<wd>{_WEEKDAY})\b(?:\s+(?P<part>morning|afternoon|evening|night))?"), _h_weekday),
    Rule("dayword", _rx(r"(?i:\b(?:(?:earlier|later|early|late)\s+)?(?P<w>today|tonight|yesterday|tomorrow)\b"
                        r"(?:\s+(?P<part>morning|afternoon|evening|night)\b)?)"), _h_dayword),
    Rule("day_beyond", _rx(r"(?i:\bthe\s+day\s+(?:before|after)\s+(?P<w>yesterday|tomorrow))\b"), _h_day_beyond),
    Rule("partday", _rx(r"(?i:\b(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b)"), _h_partday),
    Rule("relunit", _rx(rf"(?i:(?P<edge>{_EDGE})?(?:(?P<the>the)\s+)?"
                        r"(?P<rel>this|current|present|last|past|previous|next|coming|following|upcoming)\s+"
                        r"(?P<unit>week|weekend|month|quarter|year|decade|century|fiscal\s+year)\b"
                        r"(?:['’]s\s+(?:end|beginning|start|close|middle)\b)?)"), _h_relunit),
    Rule("edge_the", _rx(r"(?i:\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder)\s+of"
                         r"\s+(?:the\s+)?(?P<unit>week|month|quarter|year|decade|century)\b)"), _h_this_unit),
    Rule("unit_end", _rx(r"(?i:\b(?P<unit>week|month|quarter|year)[\s-]end\b)"), _h_this_unit),
    Rule("weekend", _rx(r"(?i:\b(?:the|this)\s+(?P<unit>weekend)\b)"), _h_this_unit),
    Rule("ago", _rx(rf"(?i:\b(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?:ago|before\s+now))\b"), _h_ago),
    Rule("duration", _rx(rf"(?i:\b(?P<pre>(?:the\s+)?(?:past|last|next|previous|following|coming|first|final|"
                         r"remaining|initial)\s+|(?:about|around|nearly|almost|some|over|more\s+than|less\s+than|"
                         r"at\s+least|roughly|approximately|up\s+to|another|an\s+additional|just|only|barely)\s+)?"
                         rf"(?<![\d,.])(?P<num>{_NUM})[\s-]+(?:(?:straight|consecutive|full|more|trading|working|business|"
                         rf"whole|long|short|calendar)\s+)?(?P<unit>{_UNIT}))\b"), _h_duration),
    Rule("vague_units", _rx(r"(?i:(?:(?<=\bfor\s)|\b(?:recent|the\s+past\s+(?:few|several)|"
                            r"the\s+last\s+(?:few|several)|the\s+next\s+(?:few|several)|the\s+coming|coming|many)\s+)(?P<unit>years|months|weeks|days|"
                            r"decades|hours|minutes)\b|\b(?P<unit2>years|months|weeks|days|decades)[\s-]long\b)"),
         _h_vague_units),
    Rule("set_every", _rx(r"(?i:\b(?:every|each|per)\s+(?:other\s+|single\s+)?(?P<unit>day|night|week|month|quarter|"
                          r"year|hour|minute|morning|afternoon|evening|weekend|season|spring|summer|autumn|winter|"
                          r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"), _h_set_every),
    Rule("set_word", _rx(r"(?i:\b(?P<w>daily|nightly|weekly|fortnightly|biweekly|monthly|bimonthly|quarterly|yearly|"
                         r"annual|annually|hourly|biannual)\b)"), _h_set_word),
    Rule("present_ref", _rx(r"(?i:\b(?:right\s+now|now|currently|presently|at\s+present|at\s+the\s+moment|nowadays|"
                            r"these\s+days|the\s+time\s+being|the\s+present\s+time)\b)"), _h_ref("PRESENT_REF")),
    Rule("past_ref", _rx(rf"(?i:\b(?:recently|lately|(?<=\bin\s)the\s+past\b(?!\s+(?:{_NUM}\s+)?{_UNIT})|"
                         r"in\s+recent\s+times|the\s+old\s+days)\b)"), _h_ref("PAST_REF")),
    Rule("future_ref", _rx(r"(?i:\b(?:(?<!\bas\s)soon(?!\s+as\b)|(?:the\s+)?(?:near|distant|foreseeable)\s+future|"
                           r"the\s+future|the\s+(?:near|long|short|medium)\s+term)\b)"), _h_ref("FUTURE_REF")),
    Rule("time", _rx(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d.,:]\d)(?:\s*(?P<ap>[AaPp])\.?\s?[Mm]\.?"
                     rf"(?![A-Za-z]))?(?:\s*\(?(?P<tz>UTC|GMT)\)?)?(?:,?\s+(?:on\s+)?(?P<day>(?i:today|yesterday|"
                     rf"tomorrow)|{_WEEKDAY}|{_MON}\s+{_DAYNUM})\b)?"), _h_time),
    Rule("time_ampm", _rx(r"\b(?P<h>1[0-2]|0?[1-9])(?P<mi>)\s*(?P<ap>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z])"
                          r"(?:\s*(?P<tz>UTC|GMT)\b)?(?P<day>)"), _h_time),
    Rule("time_military", _rx(r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>UTC|GMT)\b(?P<ap>)(?P<day>)"),
         _h_time),
    Rule("noon", _rx(r"(?i:\b(?P<w>noon|midnight)\b)"), _h_noon),
    Rule("season", _rx(rf"(?i:\b(?:(?P<rel>this|last|next|the|early|late)\s+)?(?P<s>spring|summer|autumn|fall|winter)"
                       rf"\b(?:\s+(?:of\s+)?(?P<y>{_YEAR4})\b)?)"), _h_season),
    Rule("quarter", _rx(rf"(?i:\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
                        rf"quarter\b(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR4})|(?P<yrel>this|last|next|the|that)\s+(?:fiscal\s+)?year\b))?)"
                        r"(?P<q>)"), _h_quarter),
    Rule("quarter_q", _rx(rf"\b(?:(?P<y>{_YEAR4})\s+)?Q(?P<q>[1-4])\b(?:\s+(?P<y2>{_YEAR4})\b)?(?P<ord>)(?P<yrel>)"),
         lambda m, ctx: _h_quarter(m, ctx) if not m["y2"] else ("DATE", f"{m['y2']}-Q{m['q']}")),
    Rule("sameday", _rx(r"(?i:\b(?:the\s+same|that(?:\s+same)?)\s+(?P<unit>day|week|month|year)\b)"), _h_sameday),
    # "the day" of a report is the day it tells about; not "the day after", "the day of the vote".
    Rule("the_day", _rx(rf"(?i:(?:{_EDGE}|\blate\s+in\s+|\b)the\s+(?P<unit>day)\b(?!['’]s|\s+(?:of|after|before|when|"
                        r"that|on|in|which|who|they|he|she|it|we|i|you|following|to|is|was|will)\b))"), _h_sameday),
    Rule("same_last_year", _rx(r"(?i:\bthe\s+same\s+(?:period|month|quarter|week|day|time|season)\s+(?:of\s+)?"
                               r"(?:(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier|before))\b)"),
         lambda m, ctx: _h_year_before(ctx)),
)

# --------------------------------------------------------------------------- plausibility


def _tokens_at(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


@dataclass(frozen=True)
class _Layers:
    """Which annotations the Doc has (asked once per Doc: each question walks every token)."""

    parsed: bool
    tagged: bool
    ents: bool
    text: str  # doc_text(doc), which spaCy joins anew on every read

    @classmethod
    def of(cls, doc: Doc, text: str) -> _Layers:
        # A pipeline annotates every token or none, so the first few answer for the Doc (doc.has_annotation
        # walks them all, three times).
        head = doc[: min(len(doc), 32)]
        return cls(any(t.dep != 0 for t in head), any(t.tag != 0 for t in head), any(t.ent_iob != 0 for t in head),
                   text)


def _plausible(doc: Doc, start: int, end: int, check: str, group_start: int, layers: _Layers) -> bool:
    """Does a bare year or month at [start, end) read as a date? (`group_start`: where the word itself begins)."""
    text = layers.text
    before = text[max(0, group_start - 16): group_start].split()
    prev = before[-1].lower().strip("(,") if before else ""
    word = text[group_start:end]
    has_ents = layers.ents
    span = _tokens_at(doc, group_start, end)
    token = span[0] if span is not None and len(span) else None
    if check == "month":
        if token is not None and has_ents and token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC"):
            return False  # "June Carter", "the March 14 Alliance" is handled by the date rules first
        if token is not None and layers.tagged and token.tag_ in ("MD", "VB", "VBP", "VBZ"):
            return False
        if word == "May":
            after = text[end:end + 12].split()
            nxt = after[0].lower().strip(",.") if after else ""
            if nxt in ("i", "we", "you", "he", "she", "they", "it", "be", "not", "have", "god", "the", "this"):
                return False
        return True
    # a year
    if token is not None and has_ents:
        if token.ent_type_ == "DATE":
            return True
        if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORG", "PRODUCT", "LAW", "FAC"):
            return False
    if start < group_start:  # "early 2009", "the end of 2021"
        return True
    if prev in _YEAR_PREPS or re.fullmatch(r"(?:1[5-9]|20)\d\d[-–]", prev):
        return True  # "in 2015", "2009-2010"
    following = text[end:end + 1]
    return prev in ("the", "this", "that", "its", "his", "her", "their") and following in ("", " ", ",", ".") and \
        not has_ents


# --------------------------------------------------------------------------- finding


@dataclass
class _Match:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# Every rule's match holds one of these words (a digit, a calendar or clock word, a unit, a vague reference),
# at most _BEFORE characters after the match starts and _AFTER before it ends. The rules run only over the
# stretches around them: most of an article names no time, and scanning all of it with every rule costs
# more than the parse of the words that matter.
_ANCHOR = re.compile(
    rf"\d|\b{_MON}|\b(?:(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|now|"
    r"current(?:ly)?|present(?:ly)?|moment|nowadays|recent(?:ly)?|lately|soon|future|term|past|times?|"
    r"(?:day|night|week|weekend|fortnight|month|quarter|year|decade|hour|minute|second)s?|century|centuries|"
    r"daily|nightly|weekly|fortnightly|biweekly|monthly|bimonthly|quarterly|yearly|annual|annually|hourly|"
    r"biannual|spring|summer|autumn|fall|winter|season|noon|midnight|morning|afternoon|evening)\b)")
_BEFORE, _AFTER = 110, 90


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        start, end = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _candidates(text: str) -> list[_Match]:
    found: list[_Match] = []
    windows = _windows(text)
    for rule in RULES:
        for m in (m for start, end in windows for m in rule.pattern.finditer(text, start, end)):
            start, end = m.span()
            # Trailing blanks the pattern took (an optional group's space) are not part of the expression.
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(_Match(start, end, rule, m))
    return found


def _resolve_overlaps(found: list[_Match]) -> list[_Match]:
    kept: list[_Match] = []
    # The spans taken never overlap one another: kept sorted, only the one starting last before a candidate's
    # end can overlap it (a scan of them all per candidate is quadratic in a long article).
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        before = bisect_left(taken, (cand.end, -1)) - 1
        if before >= 0 and taken[before][1] > cand.start:
            continue
        kept.append(cand)
        insort(taken, (cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)


# What dateparser reads well: a month or weekday name, a four-digit year, a relative day word. Anything else
# it turns into guesses ("80s" -> 80 seconds ago), so it is not asked.
_CALENDAR_WORD = re.compile(rf"{_MON_FULL}|{_WEEKDAY}|\b{_YEAR4}\b|\b(?:yesterday|today|tomorrow|ago|last|next)\b",
                            re.I)


__all__ = ["RULES", "Rule"]
