"""The typed records that pass between stages (see ../shared/spec/OUTPUT.md, schema 1).

Every ``start``/``end`` is a character offset (Python ``str`` index, end exclusive) into
``Article.text``. Records are plain dataclasses: the store and the exporters turn them into rows;
``to_dict``/``from_dict`` give the JSON Lines shape of the output contract.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = 1

BoilerplateKind = Literal["promo", "related-link", "caption", "byline", "dateline", "title"]
PublishedFrom = Literal["text", "html", "input", "none"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "historical", "requested"]


def article_id(text: str) -> str:
    """The stable id of an article: sha256 of its decoded text, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A stretch of page furniture: reported, never cut out, never a source of events or quotes."""

    start: int
    end: int
    kind: BoilerplateKind


@dataclass(slots=True)
class Article:
    """An article as read: text plus the metadata the reader and the header finder found."""

    text: str
    source: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: PublishedFrom = "none"
    language: str = "en"
    url: str | None = None
    boilerplate: list[Boilerplate] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when [start, end) touches any furniture span."""
        return any(b.start < end and start < b.end for b in self.boilerplate)


@dataclass(slots=True)
class Actor:
    text: str
    name: str
    kind: Literal["person", "organization", "country", "group"]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    admin1: str | None = None
    feature: Literal["city", "admin1", "country", "region", "other"] = "other"
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Timex:
    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str


@dataclass(slots=True)
class EventDate:
    """When an event happened. `text`/`start`/`end` point to the expression the value was read from;
    `inferred` is True when that expression is not the event's own (the reporting clause's date, or the
    publication date, which has no span)."""

    value: str | None
    precision: Literal["day", "month", "year", "range", "unknown"]
    text: str | None = None
    start: int | None = None
    end: int | None = None
    inferred: bool = False


@dataclass(slots=True)
class Attribution:
    text: str
    start: int
    end: int
    source: Actor | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    date: EventDate | None = None
    location: Place | None = None
    modality: Modality = "asserted"
    attribution: Attribution | None = None
    confidence: float = 0.0


@dataclass(slots=True)
class Quote:
    kind: Literal["direct", "indirect", "mixed"]
    content: Span
    speaker: Actor | None = None
    speaker_span: Span | None = None
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """A numbered warning about one article (``W101`` and so on, eventwire.errors): the record was
    made, but a reader should know something about how."""

    code: str
    message: str


@dataclass(slots=True)
class ArticleRecord:
    """Everything extracted from one article: the unit `extract` returns and the store keeps."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    schema: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines shape of the output contract (schema first, then article, then lists)."""
        art = dataclasses.asdict(self.article)
        # Field order follows OUTPUT.md so a human reading the JSON finds things where the spec shows them.
        article = {k: art[k] for k in ("id", "source", "title", "byline", "outlet", "published",
                                       "published_from", "language", "text", "boilerplate")}
        article["url"] = art["url"]
        return {
            "schema": self.schema,
            "article": article,
            "events": [dataclasses.asdict(e) for e in self.events],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "timexes": [dataclasses.asdict(t) for t in self.timexes],
            "places": [dataclasses.asdict(p) for p in self.places],
            "actors": [dataclasses.asdict(a) for a in self.actors],
            "warnings": [dataclasses.asdict(w) for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        """Rebuild a record from its JSON shape (the inverse of `to_dict`)."""
        art = dict(data["article"])
        art["boilerplate"] = [Boilerplate(**b) for b in art.get("boilerplate") or []]
        return cls(
            article=Article(**art),
            events=[_event(e) for e in data.get("events") or []],
            quotes=[_quote(q) for q in data.get("quotes") or []],
            timexes=[Timex(**t) for t in data.get("timexes") or []],
            places=[Place(**p) for p in data.get("places") or []],
            actors=[Actor(**a) for a in data.get("actors") or []],
            warnings=[Notice(**w) for w in data.get("warnings") or []],
            schema=int(data.get("schema", SCHEMA_VERSION)),
        )


T = TypeVar("T")


def _opt(kind: type[T], value: dict[str, Any] | None) -> T | None:
    return None if value is None else kind(**value)


def _actors(values: list[dict[str, Any]] | None) -> list[Actor]:
    return [Actor(**a) for a in values or []]


def _event(d: dict[str, Any]) -> Event:
    d = dict(d)
    d["trigger"] = Span(**d["trigger"])
    d["sentence"] = Span(**d["sentence"])
    d["actor"] = _actors(d.get("actor"))
    d["recipient"] = _actors(d.get("recipient"))
    d["date"] = _opt(EventDate, d.get("date"))
    d["location"] = _opt(Place, d.get("location"))
    att = d.get("attribution")
    if att is not None:
        att = dict(att)
        att["source"] = _opt(Actor, att.get("source"))
        d["attribution"] = Attribution(**att)
    return Event(**d)


def _quote(d: dict[str, Any]) -> Quote:
    d = dict(d)
    d["content"] = Span(**d["content"])
    d["speaker"] = _opt(Actor, d.get("speaker"))
    d["speaker_span"] = _opt(Span, d.get("speaker_span"))
    d["cue"] = _opt(Span, d.get("cue"))
    return Quote(**d)
