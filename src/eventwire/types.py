"""The typed records that pass between stages: the one definition of the output contract (schema 1).

Every ``start``/``end`` is a character offset (Python ``str`` index, end exclusive) into
``Article.text``. Records are plain dataclasses, and everything else is derived from them: the JSON
Lines shape (``to_dict``/``from_dict``, keys in field order), the store's tables and the Arrow schema
of the exports (eventwire.store.schema), and the documentation is checked against them
(docs/schema.md, tests/unit/test_schema_doc.py). A field's ``metadata={"bits": N}`` sets the width of
an integer column (32 bits unless said).
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

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


@dataclass(slots=True, kw_only=True)
class Article:
    """An article as read: text plus the metadata the reader and the header finder found.

    Fields are keyword-only so that their order can be the contract's (id first, url last)."""

    id: str = ""
    source: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: PublishedFrom = "none"
    language: str = "en"
    text: str
    boilerplate: list[Boilerplate] = field(default_factory=list)
    url: str | None = None

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
    geonames_id: int | None = field(default=None, metadata={"bits": 64})


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
    quad_class: int | None = field(default=None, metadata={"bits": 8})
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


@dataclass(frozen=True, slots=True)
class StoryRef:
    """The story an article belongs to (the store's table `stories`)."""

    id: str


@dataclass(slots=True, kw_only=True)
class ArticleRecord:
    """Everything extracted from one article: the unit `extract` returns and the store keeps.

    Each list but `article` is a table of the store, keyed by article id and position."""

    schema: int = SCHEMA_VERSION
    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    # Filled by the cross-article stage (a store's records, `extract` over several inputs); not a table.
    story: StoryRef | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines shape of the output contract: keys in the order of the fields."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        """Rebuild a record from its JSON shape (the inverse of `to_dict`; unknown keys are ignored)."""
        return from_dict(cls, data)


T = TypeVar("T")


_FIELD_TYPES: dict[type, tuple[tuple[dataclasses.Field[Any], Any], ...]] = {}


def field_types(kind: type) -> tuple[tuple[dataclasses.Field[Any], Any], ...]:
    """The fields of the dataclass `kind` with their resolved type hints, in declaration order."""
    if kind not in _FIELD_TYPES:
        hints = typing.get_type_hints(kind)
        _FIELD_TYPES[kind] = tuple((f, hints[f.name]) for f in dataclasses.fields(kind))
    return _FIELD_TYPES[kind]


def optional_of(hint: Any) -> Any | None:
    """`X` for a hint `X | None`, else None."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            return args[0]
    return None


Convert = Callable[[Any], Any] | None  # None: the plain value is the field's value
_CONVERTERS: dict[Any, Convert] = {}
_PLANS: dict[type, list[tuple[str, Convert]]] = {}


def _converter(hint: Any) -> Convert:
    """How to turn the plain value of a field typed `hint` into the field's value (worked out once per hint)."""
    if hint in _CONVERTERS:
        return _CONVERTERS[hint]
    convert: Convert = None
    inner = optional_of(hint)
    if inner is not None:
        convert = _converter(inner)
    elif typing.get_origin(hint) is list:
        item = _converter(typing.get_args(hint)[0])
        if item is not None:
            def convert(values: Any, item: Callable[[Any], Any] = item) -> Any:
                return [item(v) for v in values]
    elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
        def convert(value: Any, kind: type = hint) -> Any:
            return from_dict(kind, value)
    _CONVERTERS[hint] = convert
    return convert


def from_dict(kind: type[T], data: dict[str, Any]) -> T:
    """The record `kind` (a dataclass of this module) from its plain shape: nested records from dicts,
    lists of them from lists. Keys that are not fields are ignored (the contract allows extra fields);
    missing ones take their defaults."""
    plan = _PLANS.get(kind)
    if plan is None:
        plan = _PLANS[kind] = [(f.name, _converter(hint)) for f, hint in field_types(kind)]
    values = {}
    for name, convert in plan:
        if name in data:
            value = data[name]
            values[name] = value if convert is None or value is None else convert(value)
    return kind(**values)
