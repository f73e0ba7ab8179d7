"""Temporal expressions (TIMEX3) found in the text and normalised against the publication date.

Finding (`find_timexes`), in order:

1. Our own patterns (`RULES`: one compiled expression per kind: calendar dates, months, years, weekdays,
   relative units, durations, sets, times of day, seasons, quarters, decades, vague references) run over
   the whole text; overlapping matches are resolved longest first. A bare month or year is kept only
   when it reads as a date (`_plausible`: not the modal "May", not "2000 troops").
2. spaCy's DATE and TIME entities that no pattern covered ("Christmas", odd wordings): handed to
   dateparser, relative to the publication date and preferring the past. An entity dateparser cannot
   read, or one that names no calendar word or number ("the hour"), is dropped. dateparser is slow, so
   it only ever sees these leftovers, never the whole text.

Normalising (`normalise` for one expression; each rule's handler follows the same cascade):

- absolute: the expression names its year ("February 2020", "July 24, 2003", "in 2015"): as written;
- deictic: "today", "yesterday", "last year", "this month's end", "the last quarter", "next week":
  shifted from the publication date's day, week, month, quarter or year;
- tensed: a weekday, a month, or a month and day without a year. The clause's tense decides which
  occurrence is meant (`tense_at`: read from the parse when there is one, else from the sentence's
  words): future ("will", "would", "is going to", "plans to") takes the occurrence on or after the
  publication date, past the one on or before it. With no tense to go by a weekday is past (news reports
  what happened), a month or a date the occurrence nearest the publication date;
- durations ("20 years", "the past two decades", "a five-month"): P20Y, P20Y, P5M; X for an unknown count;
- sets ("weekly", "every year", "$5 billion a year"): P1W, P1Y;
- vague references: "now", "currently" -> PRESENT_REF; "recently", "in the past" -> PAST_REF; "soon",
  "the future" -> FUTURE_REF;
- times of day: on the last day named before them in the text, else the publication date
  (2009-12-15T18:00Z; Z only when the text says UTC or GMT).

Without a publication date a value keeps X for what is unknown: XXXX-05, XXXX-WXX-3, XXXX-XX-XX.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire import vocab
from eventwire.nlp.extensions import doc_text, published_date
from eventwire.nlp.stage import Stage
from eventwire.types import Timex

if TYPE_CHECKING:
    from spacy.tokens import Span

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# "perfect": has/have + participle, a past that may reach into the present ("has kept markets closed until
# Friday"); "past": the simple or pluperfect past.
Tense = Literal["past", "perfect", "future"] | None
Result = tuple[TimexType, str]

# --------------------------------------------------------------------------- vocabulary

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
                            "saturday": 6, "sunday": 7}
_NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "a dozen": 12, "half a": 0.5, "half an": 0.5, "single": 1,
}
_VAGUE_COUNTS = {"several", "few", "a few", "many", "some", "couple of", "a couple of", "dozens of", "hundreds of",
                 "numerous", "multiple"}
# TIMEX3 duration units: (designator, multiplier); a decade is ten years, a century a hundred.
_UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1), "night": ("D", 1),
    "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1), "quarter": ("Q", 1), "year": ("Y", 1),
    "decade": ("Y", 10), "century": ("Y", 100), "centurie": ("Y", 100),
}
_TIME_UNITS = {"second", "minute", "hour"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4}
_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "biweekly": "P2W",
         "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M", "yearly": "P1Y", "annual": "P1Y",
         "annually": "P1Y", "hourly": "PT1H", "biannual": "P6M"}

# Words of a clause that put what it tells in the future.
# "would" too: the future of a past report ("said talks would resume on Friday").
FUTURE_WORDS = vocab.words("auxiliary", role="future") | {"would"}
_INTENT_LEMMAS = vocab.words("intent", role="future") | {"go"}  # "going to meet"
# A passive of these is about what is still to come ("a hearing has been scheduled for June 3").
_SCHEDULE_LEMMAS = vocab.words("intent", role="schedule")
# Before a weekday, a month or a date, these make it an end still ahead unless the clause is plainly past.
_UPCOMING_BOUNDS = {"until", "till", "by"}
_FUTURE_TEXT = re.compile(r"\b(?:will|shall|would|going to|plans? to|planned|expects?|expected|scheduled|due|"
                          r"intends?|set to|upcoming|coming)\b|['’]ll\b", re.I)
_PAST_TEXT = re.compile(r"\b(?:was|were|had|did|ago)\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\b(?:and|but|while|whereas|although|though|after|before)\b")

# Words before a bare year that make it a date ("in 2015", "since 2001"); a year after "the" or before
# a noun needs the parser's DATE entity ("the 2001 invasion").
_YEAR_PREPS = {"in", "since", "by", "until", "till", "before", "after", "from", "of", "to", "through", "during",
               "between", "and", "or", "early", "late", "mid", "around", "circa", "c.", "for", "as", "year",
               "spring", "summer", "autumn", "fall", "winter", "throughout", "than", "about", "into", "-", "–"}
_TIME_PREPS = {"at", "around", "about", "by", "until", "till", "from", "before", "after", "since", "to", "-", "–"}

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


# --------------------------------------------------------------------------- the context of one match


@dataclass
class Context:
    """What a handler may read: the publication date, the clause's tense, the last day named before."""

    dct: date | None
    ref: date | None = None
    last: str | None = None  # the last anchored value named before
    tense_of: Callable[[], Tense] = field(default=lambda: None)
    _tense: list[Tense] = field(default_factory=list)

    def tense(self) -> Tense:
        if not self._tense:
            self._tense.append(self.tense_of())
        return self._tense[0]

    @property
    def day(self) -> date | None:
        """The reference day: the last day named before, else the publication date."""
        return self.ref or self.dct


Handler = Callable[[re.Match[str], Context], Result | None]


# --------------------------------------------------------------------------- value helpers


def _ymd(day: date) -> str:
    return day.isoformat()


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number(text: str) -> float | None:
    """The count a number phrase stands for; None when it is vague ("several")."""
    words = " ".join(text.lower().replace("-", " ").split())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words in _VAGUE_COUNTS:
        return None
    try:
        return float(words.replace(",", "")) + half
    except ValueError:
        pass
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS[words] + half
    parts = words.split()
    if parts and all(p in _NUMBER_WORDS for p in parts):  # "twenty five"
        return sum(_NUMBER_WORDS[p] for p in parts) + half
    return None


def duration(count: float | None, unit: str) -> str:
    """TIMEX3 duration value of `count` `unit`s (None: an unknown count): P20Y, PT3H, P2.5Y, PXY."""
    singular = unit.lower().rstrip("s") if unit.lower() not in ("centuries",) else "centurie"
    designator, factor = _UNITS[singular]
    time_part = "T" if singular in _TIME_UNITS else ""
    if count is None:
        return f"P{time_part}X{designator}"
    amount = count * factor
    text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"P{time_part}{text}{designator}"


def _month_of(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _tense(m: re.Match[str], ctx: Context) -> Tense:
    """The clause's tense, "future" for an end still ahead ("closed until Friday") unless plainly past."""
    tense = ctx.tense()
    before = m.string[max(0, m.start() - 8): m.start()].split()
    if before and before[-1].lower() in _UPCOMING_BOUNDS and tense != "past":
        return "future"
    return "past" if tense == "perfect" else tense


def _resolve_month(month: int, ctx: Context, rel: str | None = None, tense: Tense = None) -> str:
    """The year-month of a month named without a year (see the module docstring)."""
    dct = ctx.dct
    if dct is None:
        return f"XXXX-{month:02d}"
    rel = (rel or "").lower().split()[-1] if rel else ""
    if rel in ("last", "past", "previous"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "coming", "following"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    elif tense == "future":
        year = dct.year if month >= dct.month else dct.year + 1
    elif tense == "past":
        year = dct.year if month <= dct.month else dct.year - 1
    else:  # no tense: the past occurrence, unless the month is at most two months ahead
        ahead = (month - dct.month) % 12
        year = dct.year + (1 if month < dct.month else 0) if 0 < ahead <= 2 else \
            dct.year - (1 if month > dct.month else 0)
    return f"{year:04d}-{month:02d}"


def _resolve_month_day(month: int, day: int, ctx: Context, tense: Tense = None) -> str | None:
    dct = ctx.dct
    if dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    candidates = [d for d in (_date_or_none(dct.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if not candidates:
        return None
    if tense == "future":
        pool = [d for d in candidates if d >= dct] or candidates
        return _ymd(min(pool))
    if tense == "past":
        pool = [d for d in candidates if d <= dct] or candidates
        return _ymd(max(pool))
    return _ymd(min(candidates, key=lambda d: (abs((d - dct).days), d > dct)))


def _resolve_weekday(weekday: int, ctx: Context, rel: str | None = None, tense: Tense = None) -> str:
    dct = ctx.dct
    if dct is None:
        return f"XXXX-WXX-{weekday}"
    rel = (rel or "").lower().split()[-1] if rel else ""
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return _ymd(dct - timedelta(days=back or 7))
    if rel in ("next", "following"):
        return _ymd(dct + timedelta(days=ahead or 7))
    if rel in ("this", "coming") or tense == "future":
        return _ymd(dct + timedelta(days=ahead))
    return _ymd(dct - timedelta(days=back))


def _unit_value(unit: str, shift: int, anchor: date | None) -> str | None:
    """The calendar unit (week, month, ...) `shift` units from the one holding `anchor`."""
    unit = unit.lower()
    if unit.startswith("fiscal"):
        unit = "year"
    if anchor is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}.get(unit)
    if unit == "day":
        return _ymd(anchor + timedelta(days=shift))
    if unit in ("week", "weekend"):
        value = _week(anchor + timedelta(weeks=shift))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, shift)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = _add_months(anchor.year, anchor.month, 3 * shift)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + shift:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + shift:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + shift:02d}"
    return None


_SHIFTS = {"this": 0, "current": 0, "present": 0, "same": 0, "last": -1, "past": -1, "previous": -1,
           "next": 1, "coming": 1, "following": 1, "upcoming": 1}

# --------------------------------------------------------------------------- handlers


def _h_iso(m: re.Match[str], ctx: Context) -> Result | None:
    day = _date_or_none(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["hh"]:
        return "TIME", f"{_ymd(day)}T{m['hh']}:{m['mm']}"
    return "DATE", _ymd(day)


def _h_slash(m: re.Match[str], ctx: Context) -> Result | None:
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if ctx.dct is None or year <= ctx.dct.year % 100 + 1 else 1900
    month, day = (first, second) if first <= 12 else (second, first)  # English news writes month first
    value = _date_or_none(year, month, day)
    return ("DATE", _ymd(value)) if value else None


def _h_mdy(m: re.Match[str], ctx: Context) -> Result | None:
    value = _date_or_none(int(m["y"]), _month_of(m["mon"]), int(re.sub(r"\D", "", m["d"])))
    return ("DATE", _ymd(value)) if value else None


def _h_md(m: re.Match[str], ctx: Context) -> Result | None:
    value = _resolve_month_day(_month_of(m["mon"]), int(re.sub(r"\D", "", m["d"])), ctx, _tense(m, ctx))
    return ("DATE", value) if value else None


def _h_my(m: re.Match[str], ctx: Context) -> Result | None:
    return "DATE", f"{int(m['y']):04d}-{_month_of(m['mon']):02d}"


def _h_month(m: re.Match[str], ctx: Context) -> Result | None:
    return "DATE", _resolve_month(_month_of(m["mon"]), ctx, m["rel"], _tense(m, ctx))


def _h_year(m: re.Match[str], ctx: Context) -> Result | None:
    return "DATE", m["y"]


def _h_decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m["c"]:
        return "DATE", m["c"] + m["d"]
    if not (m["apos"] or m["pre"]):  # "in their 70s" is an age; "the 70s", "’70s" a decade
        return None
    century = 20 if ctx.dct is not None and int(m["d"]) <= (ctx.dct.year % 100) // 10 and int(m["d"]) < 3 else 19
    return "DATE", f"{century}{m['d']}"


def _h_apos_year(m: re.Match[str], ctx: Context) -> Result | None:
    short = int(m["yy"])
    now = ctx.dct.year % 100 if ctx.dct else 30
    return "DATE", f"{20 if short <= now + 1 else 19}{short:02d}"


def _h_century(m: re.Match[str], ctx: Context) -> Result | None:
    number = int(m["n"])
    return ("DATE", f"{number - 1:02d}") if 1 <= number <= 21 else None


def _h_weekday(m: re.Match[str], ctx: Context) -> Result | None:
    value = _resolve_weekday(WEEKDAYS[m["wd"].lower()], ctx, m["rel"], _tense(m, ctx))
    if m["part"]:
        return "TIME", f"{value}T{_PARTS_OF_DAY[m['part'].lower()]}"
    return "DATE", value


def _h_dayword(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["w"].lower()
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    if ctx.dct is None:
        return ("DATE", "PRESENT_REF") if word == "today" else ("DATE", "XXXX-XX-XX")
    value = _ymd(ctx.dct + timedelta(days=shift))
    part = (m["part"] or ("night" if word == "tonight" else "")).lower()
    if part:
        return "TIME", f"{value}T{_PARTS_OF_DAY[part]}"
    return "DATE", value


def _h_day_beyond(m: re.Match[str], ctx: Context) -> Result | None:
    shift = -2 if m["w"].lower() == "yesterday" else 2
    return "DATE", _ymd(ctx.dct + timedelta(days=shift)) if ctx.dct else "XXXX-XX-XX"


def _h_partday(m: re.Match[str], ctx: Context) -> Result | None:
    rel = m["rel"].lower()
    shift = -1 if rel == "last" and m["part"].lower() in ("night", "evening") else 0
    if rel == "last" and shift == 0:
        return None  # "last morning" is not how a day is named
    if ctx.dct is None:
        return "TIME", f"XXXX-XX-XXT{_PARTS_OF_DAY[m['part'].lower()]}"
    return "TIME", f"{_ymd(ctx.dct + timedelta(days=shift))}T{_PARTS_OF_DAY[m['part'].lower()]}"


def _h_relunit(m: re.Match[str], ctx: Context) -> Result | None:
    rel = m["rel"].lower()
    unit = " ".join(m["unit"].lower().split())
    if rel == "past" and m["the"] and not m["edge"] and unit not in ("weekend",):
        # "the past week", "over the past year": the stretch up to now, a duration.
        return "DURATION", duration(1, unit.replace("fiscal ", ""))
    value = _unit_value(unit, _SHIFTS[rel], ctx.dct)
    return ("DATE", value) if value else None


def _h_this_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """'the end of the month', 'month-end', 'this weekend': the current unit."""
    value = _unit_value(m["unit"].lower(), 0, ctx.dct)
    return ("DATE", value) if value else None


def _h_ago(m: re.Match[str], ctx: Context) -> Result | None:
    count = _number(m["num"])
    unit = m["unit"].lower().rstrip("s")
    if count is None or count != int(count) or ctx.dct is None:
        return "DATE", "PAST_REF"
    n = int(count)
    if unit in ("day", "night"):
        return "DATE", _ymd(ctx.dct - timedelta(days=n))
    if unit in ("week", "fortnight"):
        return "DATE", _ymd(ctx.dct - timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        year, month = _add_months(ctx.dct.year, ctx.dct.month, -n)
        return "DATE", f"{year:04d}-{month:02d}"
    if unit == "year":
        return "DATE", f"{ctx.dct.year - n:04d}"
    if unit == "decade":
        return "DATE", f"{(ctx.dct.year - 10 * n) // 10:03d}"
    return "DATE", "PAST_REF"


_AMOUNT_BEFORE = re.compile(r"(?:\d|%|percent|cent|million|billion|trillion|dollars|euros|pounds|times|once|twice|"
                            r"barrels|tonnes|tons|people|visitors|passengers)\s*$", re.I)


def _h_duration(m: re.Match[str], ctx: Context) -> Result | None:
    num = " ".join(m["num"].lower().split())
    unit = m["unit"].lower()
    singular = unit.rstrip("s")
    if num in ("a", "an") and _AMOUNT_BEFORE.search(m.string[max(0, m.start() - 24): m.start()].rstrip()):
        return "SET", duration(1, unit)  # "$5 billion a year", "twice a day"
    if singular == "second" and num in ("a", "an"):
        return None  # "a second attack": an ordinal
    if singular == "quarter" and (num in ("a", "an", "one") or unit == "quarter"):
        return None  # "a quarter of the votes": a share
    if unit.endswith("s") and num in ("a", "an", "one"):
        return None  # "a days-long siege" is caught as words; "one years" is no expression
    return "DURATION", duration(_number(num), unit)


def _h_vague_units(m: re.Match[str], ctx: Context) -> Result | None:
    return "DURATION", duration(None, m["unit"] or m["unit2"])


def _h_set_every(m: re.Match[str], ctx: Context) -> Result | None:
    unit = m["unit"].lower()
    if unit in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[unit]}"
    if unit in _SEASONS:
        return "SET", f"XXXX-{_SEASONS[unit]}"
    if unit in ("morning", "afternoon", "evening"):
        return "SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[unit]}"
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    if unit == "season":
        return "SET", "P1Y"
    return "SET", duration(1, unit)


def _h_set_word(m: re.Match[str], ctx: Context) -> Result | None:
    return "SET", _SETS[m["w"].lower()]


def _h_ref(kind: str) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Result | None:
        return "DATE", kind
    return handler


def _h_time(m: re.Match[str], ctx: Context) -> Result | None:
    hour = int(m["h"])
    minute = int(m["mi"]) if m["mi"] else 0
    ampm = (m["ap"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    if not (ampm or m["tz"] or m["day"]):
        before = m.string[max(0, m.start() - 12): m.start()].split()
        if not before or before[-1].lower() not in _TIME_PREPS:
            return None  # "3:2", a score or a verse, unless "at 10:30"
    day = ctx.day
    if m["day"]:
        word = m["day"].lower()
        if word in WEEKDAYS:
            value = _resolve_weekday(WEEKDAYS[word], ctx, tense=_tense(m, ctx))
            day = date.fromisoformat(value) if ctx.dct else None
        elif word in ("today", "yesterday", "tomorrow"):
            day = ctx.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[word]) if ctx.dct else None
        else:  # "16:15 UTC, June 1st"
            parts = word.replace(",", " ").split()
            named = _resolve_month_day(_month_of(parts[0]), int(re.sub(r"\D", "", parts[1])), ctx, _tense(m, ctx))
            day = date.fromisoformat(named) if named and ctx.dct else None
    zone = "Z" if m["tz"] else ""
    return "TIME", f"{_ymd(day) if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}{zone}"


def _h_noon(m: re.Match[str], ctx: Context) -> Result | None:
    day = ctx.day
    clock = "12:00" if m["w"].lower() == "noon" else "24:00"
    return "TIME", f"{_ymd(day) if day else 'XXXX-XX-XX'}T{clock}"


def _h_season(m: re.Match[str], ctx: Context) -> Result | None:
    name = m["s"].lower()
    rel = (m["rel"] or "").lower()
    if name == "fall" and not m["y"]:
        before = m.string[max(0, m.start() - 4): m.start()].lower()
        after = m.string[m.end(): m.end() + 4].lower()
        if not (rel or before.endswith("in ")) or after.startswith(" of"):
            return None  # a verb, or "the fall of Kabul", unless a determiner or a year makes it the season
    code = _SEASONS[name]
    if m["y"]:
        return "DATE", f"{m['y']}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    shift = {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{ctx.dct.year + shift:04d}-{code}"


def _h_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    ordinal = (m["ord"] or "").lower()
    if ordinal == "last" and not (m["y"] or m["yrel"]):
        value = _unit_value("quarter", -1, ctx.dct)  # "the last quarter": the one before this
        return ("DATE", value) if value else None
    number = int(m["q"]) if m["q"] else _ORDINALS.get(ordinal, 4)
    if m["y"]:
        return "DATE", f"{m['y']}-Q{number}"
    if ctx.dct is None:
        return "DATE", f"XXXX-Q{number}"
    if m["yrel"]:
        return "DATE", f"{ctx.dct.year + _SHIFTS.get(m['yrel'].lower(), 0):04d}-Q{number}"
    current = (ctx.dct.month - 1) // 3 + 1
    if ctx.tense() == "future":
        year = ctx.dct.year if number >= current else ctx.dct.year + 1
    else:  # the nearest such quarter: "the fourth quarter" is last year's in January, this year's in August
        year = ctx.dct.year - 1 if number - current > 2 else ctx.dct.year
    return "DATE", f"{year:04d}-Q{number}"


def _h_year_before(ctx: Context) -> Result | None:
    """"the same period last year": the last value named, a year earlier."""
    last = ctx.last or (ctx.dct.isoformat()[:7] if ctx.dct else None)
    if last is None or not re.match(r"^\d{4}", last):
        return "DATE", "XXXX"
    return "DATE", f"{int(last[:4]) - 1:04d}{last[4:]}"


def _h_sameday(m: re.Match[str], ctx: Context) -> Result | None:
    value = _unit_value(m["unit"].lower(), 0, ctx.day)
    return ("DATE", value) if value else None


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    check: str | None = None  # "year" or "month": kept only when `_plausible` agrees


_I = re.IGNORECASE
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

# --------------------------------------------------------------------------- tense of a clause


def _verb_of(token: Token) -> Token | None:
    cur = token
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.lemma_.lower() == "due":
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _parsed_tense(verb: Token) -> Tense:
    chain = [verb]
    cur = verb
    for _ in range(3):  # "is expected to arrive on Friday": the governing verb of a control chain counts
        if cur.dep_ not in ("xcomp", "advcl", "conj") or cur.head is cur:
            break
        cur = cur.head
        chain.append(cur)
    for token in chain:
        aux_tokens = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        aux = {c.lower_ for c in aux_tokens}
        lemma = token.lemma_.lower()
        if aux & FUTURE_WORDS:
            return "future"
        if token is not verb and lemma in _INTENT_LEMMAS:
            return "future"
        if lemma in _SCHEDULE_LEMMAS and any(c.dep_ == "auxpass" for c in aux_tokens):
            return "future"  # "has been scheduled for June 3"
        if lemma == "due" or (token is verb and token.dep_ == "xcomp" and token.head.lemma_.lower() in ("go", "be")
                              and token.head.tag_ in ("VBG", "VBZ", "VBP")):
            return "future"
        if token.dep_ == "ROOT" and "to" in aux and not any(c.dep_ == "auxpass" for c in aux_tokens):
            return "future"  # a headline: "Markets to remain closed until Friday"
        if aux & {"should", "could", "may", "might", "must", "can", "ought"} and not aux & {"have", "'ve", "’ve"}:
            return "future"  # "should be completed in October": what may or must happen is ahead
        if aux & {"had", "was", "were", "did", "'d", "’d"} or token.tag_ == "VBD":
            return "past"
        if aux & {"has", "have", "'ve", "’ve"}:
            return "perfect"
        if token.tag_ == "VBN" and token.dep_ in ("acl", "amod") and not aux:
            return "past"  # "plans announced in January"
        if token.tag_ in ("VBZ", "VBP", "MD") or aux & {"is", "are", "am", "do", "does", "can"}:
            return None
    return None


def _words_tense(words: str) -> Tense:
    if _FUTURE_TEXT.search(words):
        return "future"
    if re.search(r"\b(?:has|have)\s+(?:\w+\s+)?\w+ed\b", words, re.I):
        return "perfect"
    if _PAST_TEXT.search(words):
        return "past"
    return None


def _text_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around [start, end) read from its words alone (no parse): the words between
    the nearest clause breaks (a comma, a semicolon, "and", "but"), or the whole sentence when that clause
    is too short to hold a verb ("In May, troops will leave")."""
    left = max((m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 300), start)), default=0)
    right_match = _SENTENCE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    clause_left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, left, start)), default=left)
    clause_right_match = _CLAUSE_BREAK.search(text, end, right)
    clause_right = clause_right_match.start() if clause_right_match else right
    clause = text[clause_left:clause_right]
    if len(clause.split()) - len(text[start:end].split()) >= 2:
        return _words_tense(clause)
    return _words_tense(text[left:right])


def tense_at(doc: Doc, start: int, end: int, parsed: bool | None = None) -> Tense:
    """Is the clause holding the characters [start, end) of `doc` about the future or the past?

    From the parse when `doc` has one (the verb the expression hangs from, its auxiliaries and the verbs
    that govern it), else from the words of its sentence.
    """
    if doc.has_annotation("DEP") if parsed is None else parsed:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            verb = _verb_of(span.root)
            if verb is not None:
                return _parsed_tense(verb)
    return _text_tense(doc_text(doc), start, end)


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
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        kept.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)


_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def as_date(published: str | None) -> date | None:
    """The calendar day of an ISO publication date or date-time, None when there is none."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


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
    for cand in matches:
        if cand.rule.check is not None:
            group = "y" if cand.rule.check == "year" else "mon"
            if not _plausible(doc, cand.start, cand.end, cand.rule.check, cand.match.start(group), layers):
                continue
        start, end = cand.start, cand.end
        ctx = Context(dct=dct, ref=ref, last=last, tense_of=partial(tense_at, doc, start, end, layers.parsed))
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
    if use_entities and layers.ents:
        out += _leftover_entities(doc, out, dct)
        out.sort(key=lambda t: t.start)
    return out


# What dateparser reads well: a month or weekday name, a four-digit year, a relative day word. Anything else
# it turns into guesses ("80s" -> 80 seconds ago), so it is not asked.
_CALENDAR_WORD = re.compile(rf"{_MON_FULL}|{_WEEKDAY}|\b{_YEAR4}\b|\b(?:yesterday|today|tomorrow|ago|last|next)\b",
                            re.I)


def _leftover_entities(doc: Doc, found: list[Timex], dct: date | None) -> list[Timex]:
    out: list[Timex] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not ent.text.strip():
            continue
        if any(t.start < ent.end_char and ent.start_char < t.end for t in found):
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


_PARSERS: dict[str, Any] = {}


def dateparser_value(text: str, dct: date | None) -> Result | None:
    """dateparser's reading of `text` relative to `dct` (preferring the past), as a TIMEX3 (type, value).

    The value's precision is dateparser's own `period` (day, week, month, year, time); None when
    dateparser reads nothing.
    """
    # Imported here: dateparser is slow to import and only needed for the leftovers of our rules.
    from dateparser.date import DateDataParser

    key = dct.isoformat() if dct is not None else ""
    parser = _PARSERS.get(key)
    if parser is None:
        if len(_PARSERS) > 64:  # one parser per publication date; a long batch spans many
            _PARSERS.clear()
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
        if dct is not None:
            settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
        parser = _PARSERS[key] = DateDataParser(languages=["en"], settings=settings)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):  # a date out of range ("the year 99999")
        return None
    return period_value(data.date_obj, data.period)


def period_value(when: datetime | None, period: str | None) -> Result | None:
    """A TIMEX3 (type, value) of a datetime given to the precision of `period` (dateparser's word)."""
    if when is None:
        return None
    if period == "year":
        return "DATE", f"{when.year:04d}"
    if period == "month":
        return "DATE", f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        return "DATE", _week(when.date())
    if period == "time":
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    return "DATE", when.date().isoformat()


class TimexFinder(Stage):
    """Finds and normalises the temporal expressions of a Doc (the ``eventwire_timexes`` component)."""

    def process(self, doc: Doc) -> None:
        doc._.timexes = find_timexes(doc)


@Language.factory("eventwire_timexes", assigns=["doc._.timexes"], requires=["doc._.article", "doc.ents", "token.dep"])
def make_timex_finder(nlp: Language, name: str) -> TimexFinder:
    return TimexFinder(name)


__all__ = ["RULES", "TimexFinder", "as_date", "dateparser_value", "duration", "find_timexes", "normalise",
           "period_value", "tense_at"]
