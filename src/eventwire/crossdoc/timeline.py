"""Timelines: the linked events of a story (or of any filter: actor, country, type), in the order they
happened by their own date, each with its best-sourced sentence.

Order: a linked event's first day (for a day read off the publication or the reporting clause, that
day itself, not the days before it the linking allows), then the narrower date first (a day before the
month it falls in), then its id; events without a date come last. The best-sourced sentence is the
mention someone is said to report (an attribution) before one the outlet tells alone, then the most
confident, then the earliest published, then the first stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.crossdoc.records import EventMention, LinkedActor, LinkedEvent, StoryArticle
from eventwire.errors import EventwireError
from eventwire.store.base import Store


@dataclass(slots=True)
class TimelineFilter:
    """Which linked events: every field left at its default filters nothing. Names match any part of an
    actor's or recipient's canonical name (case-insensitive); a country matches an actor's, a recipient's or
    the place's."""

    story: str | None = None
    actor: str | None = None
    country: str | None = None
    types: list[str] = field(default_factory=list)

    def matches(self, linked: LinkedEvent) -> bool:
        sides = [*linked.actor, *linked.recipient]
        if self.actor and not any(self.actor.lower() in a.name.lower() for a in sides):
            return False
        if self.country:
            countries = {a.country for a in sides} | {linked.place.country if linked.place else None}
            if self.country.upper() not in countries:
                return False
        return not self.types or linked.type in {t.upper() for t in self.types}


@dataclass(slots=True)
class TimelineEntry:
    linked_event_id: str
    date: str | None
    precision: str | None
    type: str
    cameo: str | None
    quad_class: int | None
    actor: list[str]
    recipient: list[str]
    place: str | None
    num_articles: int
    num_sources: int
    sentence: str | None
    source: str | None
    article_id: str | None
    attributed_to: str | None


def _names(actors: Iterable[LinkedActor]) -> list[str]:
    return [a.name for a in actors]


def order_key(linked: LinkedEvent) -> tuple[int, str, str, str]:
    d = linked.date
    if d is None or not d.earliest or not d.latest:
        return (1, "", "", linked.id)
    first = d.latest if d.precision == "inferred" else d.earliest
    return (0, first, d.latest, linked.id)


def best_mention(mentions: Iterable[EventMention]) -> EventMention | None:
    return min(mentions, key=lambda m: (m.attribution is None, -m.confidence, m.published or "9999", m.article_id,
                                        m.ordinal), default=None)


def _linked_events(store: Store, which: TimelineFilter) -> list[LinkedEvent]:
    if which.story is None:
        from eventwire.types import from_dict

        return [from_dict(LinkedEvent, row) for batch in store.scan("linked_events") for row in batch.to_pylist()]
    if not store.lookup("stories", "id", [which.story]):
        raise EventwireError("E205", story=which.story)
    members: list[StoryArticle] = store.lookup("story_articles", "story_id", [which.story])
    mentions: list[EventMention] = store.lookup("event_mentions", "article_id", [m.article_id for m in members])
    return store.lookup("linked_events", "id", sorted({m.linked_event_id for m in mentions}))


def timeline(store: Store, which: TimelineFilter) -> list[TimelineEntry]:
    """The linked events `which` selects, in the order they happened (E205 for an unknown story)."""
    chosen = sorted((e for e in _linked_events(store, which) if which.matches(e)), key=order_key)
    mentions: dict[str, list[EventMention]] = {}
    for m in store.lookup("event_mentions", "linked_event_id", [e.id for e in chosen]):
        mentions.setdefault(m.linked_event_id, []).append(m)
    entries = []
    for e in chosen:
        best = best_mention(mentions.get(e.id, []))
        entries.append(TimelineEntry(
            linked_event_id=e.id, date=e.date.value if e.date else None, precision=e.date.precision if e.date else None,
            type=e.type, cameo=e.cameo, quad_class=e.quad_class, actor=_names(e.actor), recipient=_names(e.recipient),
            place=e.place.name if e.place else None, num_articles=e.num_articles, num_sources=e.num_sources,
            sentence=best.sentence if best else None, source=best.source if best else None,
            article_id=best.article_id if best else None, attributed_to=best.attributed_to if best else None))
    return entries
