"""The records of the cross-article stage, kept by the store (tables `signatures`, `duplicates`,
`linked_events`, `event_mentions`; docs/schema.md describes every field)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ArticleSignature:
    """The MinHash signature of an article's body (furniture removed): what the duplicate index is rebuilt
    from, so no stored text is read again."""

    article_id: str
    minhash: list[int] = field(default_factory=list, metadata={"bits": 64})


@dataclass(slots=True)
class Duplicate:
    """An article that is a copy, a light rewrite or an updated version of an earlier one (`duplicate_of`,
    the canonical report: the first stored). Its events are not linked again."""

    article_id: str
    duplicate_of: str
    similarity: float = 0.0


@dataclass(slots=True)
class LinkedActor:
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class LinkedDate:
    """The most precise date the mentions give, and the days it covers (ISO dates, inclusive)."""

    value: str | None
    precision: str
    earliest: str | None = None
    latest: str | None = None


@dataclass(slots=True)
class LinkedPlace:
    """The place of a linked event: a `Place` without the offsets of its mention. `feature` is its precision."""

    name: str
    country: str | None = None
    admin1: str | None = None
    feature: str = "other"
    lat: float | None = None  # degrees
    lon: float | None = None


@dataclass(slots=True)
class LinkedEvent:
    """One real-world event and what its mentions say of it, merged."""

    id: str
    type: str
    modality: str
    cameo: str | None = None
    quad_class: int | None = field(default=None, metadata={"bits": 8})
    actor: list[LinkedActor] = field(default_factory=list)
    recipient: list[LinkedActor] = field(default_factory=list)
    date: LinkedDate | None = None
    place: LinkedPlace | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    num_mentions: int = 0
    num_sources: int = 0
    num_articles: int = 0
    sources: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventMention:
    """One report of a linked event: an event of one (canonical) article."""

    article_id: str
    ordinal: int
    linked_event_id: str
    event_id: str
    source: str
    published: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    confidence: float = 0.0  # the event's
    attribution: str | None = None  # the reporting clause
    attributed_to: str | None = None
    score: float = 1.0  # its agreement with the linked event it joined


@dataclass(slots=True)
class StoryArticle:
    """An article and the story it belongs to."""

    article_id: str
    story_id: str
    score: float = 1.0


@dataclass(slots=True)
class StoryFeature:
    """One feature of a story's profile and its weight: `a:` a canonical actor, `p:` a place, `c:` a
    country, `t:` an event type, `w:` a word of the body."""

    key: str
    weight: float


@dataclass(slots=True)
class Story:
    """Articles about one developing situation (eventwire.crossdoc.stories)."""

    id: str
    label: str
    num_articles: int = 0
    first_date: str | None = None  # ISO dates
    last_date: str | None = None
    profile: list[StoryFeature] = field(default_factory=list)
    linked_events: list[str] = field(default_factory=list)
