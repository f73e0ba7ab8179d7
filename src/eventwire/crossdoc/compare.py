"""Whether two reports may tell of one event, part by part: types, modality, sides, dates, places.

Each `*_agreement` gives a score in [0, 1] (1: the same; lower: compatible but vaguer; 0.3: one side
says nothing) or None when the two conflict, which rules the pair out whatever else agrees.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.config import Config
from eventwire.crossdoc.records import LinkedActor, LinkedDate, LinkedPlace
from eventwire.types import Actor, EventDate, Place

UNKNOWN = 0.3  # one side says nothing of this part
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Real acts told as done (now or long ago) are one kind; every other modality stands alone.
_DONE = {"asserted": "done", "historical": "done"}
# How precise a date is, for choosing a linked event's date: an own day beats a month beats a day
# inferred from the publication, then a year, then a range.
_DATE_RANK = {"day": 5, "month": 4, "inferred": 3, "year": 2, "range": 1}
_PLACE_RANK = {"city": 4, "other": 4, "admin1": 3, "country": 2, "region": 1}


@dataclass(frozen=True, slots=True)
class LinkSettings:
    date_days: int
    inferred_days: int
    place_km: float
    weights: tuple[float, float, float, float]
    min_score: float
    compatible: frozenset[frozenset[str]]
    symmetric: frozenset[str]

    @classmethod
    def of(cls, config: Config) -> LinkSettings:
        w = [float(x) for x in config.get("linking.weights")]
        return cls(int(config.get("linking.date_days")), int(config.get("linking.inferred_days")),
                   float(config.get("linking.place_km")), (w[0], w[1], w[2], w[3]),
                   float(config.get("linking.min_score")),
                   frozenset(frozenset(p) for p in config.get("linking.compatible_types")),
                   frozenset(config.get("linking.symmetric_types")))

    def types_like(self, kind: str) -> set[str]:
        """`kind` and the types compatible with it."""
        return {kind} | {t for pair in self.compatible if kind in pair for t in pair}

    def type_agreement(self, a: str, b: str) -> float | None:
        if a == b:
            return 1.0
        return 0.7 if frozenset((a, b)) in self.compatible else None


def modality_kind(modality: str) -> str:
    return _DONE.get(modality, modality)


# -- sides ------------------------------------------------------------------------------------------


def linked_actor(actor: Actor) -> LinkedActor:
    return LinkedActor(actor.name, actor.country, actor.sector)


def side_keys(actors: list[LinkedActor]) -> set[str]:
    """Blocking keys of a side: its canonical names, and country/sector where both are known."""
    keys = {"n:" + a.name.lower() for a in actors if a.name}
    keys |= {f"c:{a.country}/{a.sector}" for a in actors if a.country and a.sector}
    return keys


def _shared(a: list[LinkedActor], b: list[LinkedActor]) -> int:
    """How many actors of `a` match one of `b` by canonical name, else by country and sector."""
    names = {x.name.lower() for x in b}
    pairs = {(x.country, x.sector) for x in b if x.country and x.sector}
    return sum(1 for x in a if x.name.lower() in names or (x.country and x.sector and (x.country, x.sector) in pairs))


def side_agreement(a: list[LinkedActor], b: list[LinkedActor], *, parties: bool = False) -> float | None:
    """Same canonical name 1.0; same country and sector 0.5; same country 0.4; a side unknown 0.3; else a
    conflict. With `parties` (both sides of a symmetric act as one set), two sets of two or more parties
    must share two: "A met B" and "A met C" are two meetings."""
    if not a or not b:
        return UNKNOWN
    if parties and len(a) > 1 and len(b) > 1 and min(_shared(a, b), _shared(b, a)) < 2:
        return None
    if {x.name.lower() for x in a} & {x.name.lower() for x in b}:
        return 1.0
    if {(x.country, x.sector) for x in a if x.country and x.sector} & \
            {(x.country, x.sector) for x in b if x.country and x.sector}:
        return 0.5
    if {x.country for x in a if x.country} & {x.country for x in b if x.country}:
        return 0.4
    return None


def merge_side(into: list[LinkedActor], more: list[LinkedActor]) -> list[LinkedActor]:
    """`into` and the actors of `more` it does not name yet."""
    merged = list(into)
    names = {a.name.lower() for a in into}
    for actor in more:
        if actor.name.lower() not in names:
            names.add(actor.name.lower())
            merged.append(actor)
    return merged


# -- dates ------------------------------------------------------------------------------------------


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def linked_date(event_date: EventDate | None, settings: LinkSettings) -> LinkedDate | None:
    """The days an event's date covers, or None when it has none (such an event is linked to nothing)."""
    if event_date is None or not event_date.value:
        return None
    value = event_date.value
    found = _YEAR_MONTH_DAY.match(value)
    if not found:
        return None
    year, month, day = found.groups()
    try:
        if day:
            latest = date(int(year), int(month), int(day))
            earliest = latest - timedelta(days=settings.inferred_days) if event_date.inferred else latest
        elif month:
            earliest = date(int(year), int(month), 1)
            latest = (earliest + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            earliest, latest = date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None
    precision = "inferred" if event_date.inferred and day else event_date.precision
    return LinkedDate(value, precision, earliest.isoformat(), latest.isoformat())


def date_agreement(a: LinkedDate, b: LinkedDate, settings: LinkSettings) -> float | None:
    """The same day 1.0; days that meet (within `date_days`) 0.6, or 0.4 when both were inferred; else a
    conflict."""
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return None
    slack = timedelta(days=settings.date_days)
    a0, a1, b0, b1 = (_day(a.earliest), _day(a.latest), _day(b.earliest), _day(b.latest))
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    if a0 - slack > b1 or b0 - slack > a1:
        return None
    if a.precision == b.precision == "day" and a0 == b0:
        return 1.0
    # Two dates read off the publication or the reporting clause say little of when the act happened.
    return 0.4 if a.precision == b.precision == "inferred" else 0.6


def better_date(a: LinkedDate | None, b: LinkedDate | None) -> LinkedDate | None:
    if a is None or b is None:
        return a or b
    return b if _DATE_RANK.get(b.precision, 0) > _DATE_RANK.get(a.precision, 0) else a


# -- places -----------------------------------------------------------------------------------------


def linked_place(place: Place | None) -> LinkedPlace | None:
    if place is None:
        return None
    return LinkedPlace(place.name, place.country, place.admin1, place.feature, place.lat, place.lon)


def place_keys(place: LinkedPlace | None) -> set[str]:
    if place is None:
        return set()
    keys = {"p:" + place.name.lower()}
    if place.country:
        keys.add("p:" + place.country)
    return keys


def km(a: LinkedPlace, b: LinkedPlace) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _point(p: LinkedPlace) -> bool:
    return p.feature in ("city", "other") and p.lat is not None and p.lon is not None


def place_agreement(a: LinkedPlace | None, b: LinkedPlace | None, settings: LinkSettings) -> float | None:
    """The same place, or two towns within `place_km`, 1.0; one inside the other (a town in the country or
    first-level area named) 0.6; a place unknown or a world region 0.3; else a conflict: two countries, two
    first-level areas, two towns far apart."""
    if a is None or b is None or "region" in (a.feature, b.feature):
        return UNKNOWN
    if a.country and b.country and a.country != b.country:
        return None
    if a.name.lower() == b.name.lower():
        return 1.0
    if _point(a) and _point(b):
        return 1.0 if km(a, b) <= settings.place_km else None
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    if a.country and a.country == b.country:
        return 0.6
    return UNKNOWN


def better_place(a: LinkedPlace | None, b: LinkedPlace | None) -> LinkedPlace | None:
    if a is None or b is None:
        return a or b
    return b if _PLACE_RANK.get(b.feature, 0) > _PLACE_RANK.get(a.feature, 0) else a
