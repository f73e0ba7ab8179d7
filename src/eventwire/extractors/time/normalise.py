"""Normalising: the TIMEX3 type and value of a matched expression, against an anchor date.

Each rule's handler (``eventwire.extractors.time.rules.RULES`` pairs a pattern with one) follows the same
cascade:

- absolute: the expression names its year ("February 2020", "July 24, 2003", "in 2015"): as written;
- deictic: "today", "yesterday", "last year", "this month's end", "the last quarter", "next week":
  shifted from the publication date's day, week, month, quarter or year;
- tensed: a weekday, a month, or a month and day without a year. The clause's tense decides which
  occurrence is meant (``eventwire.extractors.time.tense``): future ("will", "would", "is going to",
  "plans to") takes the occurrence on or after the publication date, past the one on or before it. With no
  tense to go by a weekday is past (news reports what happened), a month or a date the occurrence nearest the
  publication date; in a past clause, a month of a story about a past year is that year's ("In 2019 ... In June,
  the last base closed": 2019-06), while the last expression before it in its paragraph wrote out that year;
- durations ("20 years", "the past two decades", "a five-month", "over the next decade"): P20Y, P20Y, P5M, P10Y;
  X for an unknown count;
- sets ("weekly", "every year", "$5 billion a year"): P1W, P1Y;
- vague references: "now", "currently" -> PRESENT_REF; "recently", "in the past" -> PAST_REF; "soon",
  "the future" -> FUTURE_REF;
- times of day: on the last day named before them in the text, else the publication date
  (2009-12-15T18:00Z; Z only when the text says UTC or GMT).

Without a publication date a value keeps X for what is unknown: XXXX-05, XXXX-WXX-3, XXXX-XX-XX.

What no rule reads is handed to dateparser (`dateparser_value`), relative to the publication date and
preferring the past.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from eventwire.extractors.time.tense import Tense

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
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

# Before a weekday, a month or a date, these make it an end still ahead unless the clause is plainly past.
_UPCOMING_BOUNDS = {"until", "till", "by"}
_TIME_PREPS = {"at", "around", "about", "by", "until", "till", "from", "before", "after", "since", "to", "-", "–"}

# --------------------------------------------------------------------------- the context of one match


@dataclass
class Context:
    """What a handler may read: the publication date, the clause's tense, the last day named before."""

    dct: date | None
    ref: date | None = None
    last: str | None = None  # the last anchored value named before
    story_year: int | None = None  # the year the last expression that wrote out its year named
    tense_of: Callable[[], Tense] = field(default=lambda: None)
    nowadays: Callable[[], bool] = field(default=lambda: False)  # "today" means the present in general
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
    elif tense == "nearest":
        year = min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs((y - dct.year) * 12 + month - dct.month))
    elif tense == "past" and ctx.story_year is not None and ctx.story_year < dct.year:
        year = ctx.story_year  # a story about a past year: "In 2019 ... In June, the last base closed"
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
    if word == "today" and m.group(0).lower() == "today" and ctx.nowadays():
        return "DATE", "PRESENT_REF"
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


# Before "the next decade", these make it a stretch of time, not the calendar decade.
_STRETCH_BEFORE = re.compile(r"\b(?:over|for|during|within|throughout|in)\s+$", re.I)


def _h_relunit(m: re.Match[str], ctx: Context) -> Result | None:
    rel = m["rel"].lower()
    unit = " ".join(m["unit"].lower().split())
    if m["the"] and not m["edge"] and unit not in ("weekend",) and (
            rel == "past" or (rel in ("next", "coming") and _STRETCH_BEFORE.search(m.string, 0, m.start()))):
        # "the past week", "over the past year", "over the next decade": the stretch up to or from now.
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
    unit = m["unit"].lower()
    # "In March that year", "that same month": the year or month of the story told, not of the report.
    if unit == "year" and (ctx.story_year or ctx.last):
        return "DATE", f"{ctx.story_year:04d}" if ctx.story_year else str(ctx.last)[:4]
    if unit == "month" and ctx.last and re.match(r"^\d{4}-\d{2}", ctx.last):
        return "DATE", ctx.last[:7]
    value = _unit_value(unit, 0, ctx.day)
    return ("DATE", value) if value else None


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


__all__ = ["MONTHS", "WEEKDAYS", "Context", "Handler", "Result", "TimexType", "dateparser_value",
           "duration", "period_value"]
