"""Cross-document event coreference: the events of different reports that tell of one real-world event
become one linked event (table `linked_events`), each event a mention of it (`event_mentions`).

A batch of new events is linked incrementally, in ingest order:

1. *Blocking*: only linked events of the same or a compatible type whose days meet the batch's window
   are loaded (`Store.linked_window`), and a mention is compared only with those sharing a key with it:
   a canonical actor or recipient name, a country/sector pair, or a place (name or country). Never all
   pairs.
2. *Agreement*: modality (told as done, or the same other modality), type, sides (names, else country
   and sector; the parties of a symmetric type such as CONSULT either way round), dates by precision,
   places by distance and containment (eventwire.crossdoc.compare). A conflict on any part rules a pair
   out; the weighted agreement must reach `min_score`.
3. *Linking*: the mention joins the best linked event that holds no other event of its article (the
   per-article stage has merged an article's retellings already, so two events of one article are two
   acts), else it opens a linked event of its own. The linked event's sides, date and place are merged
   (the most precise date and place win), and its counts, outlets and first and last seen follow.

An event without a date opens a linked event of its own and is never a candidate.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.crossdoc.compare import (
    LinkSettings,
    better_date,
    better_place,
    date_agreement,
    linked_actor,
    linked_date,
    linked_place,
    merge_side,
    modality_kind,
    place_agreement,
    place_keys,
    side_agreement,
    side_keys,
)
from eventwire.crossdoc.records import EventMention, LinkedActor, LinkedDate, LinkedEvent, LinkedPlace
from eventwire.store.base import Store
from eventwire.types import Article, Event


@dataclass(slots=True)
class Mention:
    """An event of one canonical article, as the linker compares it."""

    article: Article
    ordinal: int
    event: Event
    actor: list[LinkedActor]
    recipient: list[LinkedActor]
    date: LinkedDate | None
    place: LinkedPlace | None
    keys: set[str] = field(default_factory=set)


def linked_id(article_id: str, ordinal: int) -> str:
    """A linked event's id: from its first mention, so a rebuild gives the same ids."""
    return hashlib.sha256(f"{article_id}:{ordinal}".encode()).hexdigest()[:16]


def outlet_of(article: Article) -> str:
    """Who published the report: its outlet, else where it came from."""
    return article.outlet or article.url or article.source


def from_dateline(article: Article, event: Event) -> bool:
    """Whether the event was placed by the dateline ("KABUL -"), not by its own words: where a report was filed
    says little of where the act happened, so such a place neither links two reports nor keeps them apart."""
    place = event.location
    return place is not None and any(span.kind == "dateline" and span.start <= place.start and place.end <= span.end
                                     for span in article.boilerplate)


class Linker:
    def __init__(self, store: Store, settings: LinkSettings) -> None:
        self.store = store
        self.settings = settings

    def mention(self, article: Article, ordinal: int, event: Event) -> Mention:
        actor = [linked_actor(a) for a in event.actor]
        recipient = [linked_actor(a) for a in event.recipient]
        place = linked_place(None if from_dateline(article, event) else event.location)
        found = Mention(article, ordinal, event, actor, recipient, linked_date(event.date, self.settings), place)
        found.keys = side_keys(actor) | side_keys(recipient) | place_keys(place)
        return found

    def score(self, mention: Mention, linked: LinkedEvent) -> float | None:
        """The weighted agreement of a mention with a linked event, or None when they conflict."""
        s = self.settings
        if modality_kind(mention.event.modality) != modality_kind(linked.modality):
            return None
        kind = s.type_agreement(mention.event.type, linked.type)
        if kind is None or mention.date is None or linked.date is None:
            return None
        when = date_agreement(mention.date, linked.date, s)
        where = place_agreement(mention.place, linked.place, s)
        if when is None or where is None:
            return None
        symmetric = mention.event.type in s.symmetric and linked.type in s.symmetric
        if symmetric:
            who = side_agreement(merge_side(mention.actor, mention.recipient),
                                 merge_side(linked.actor, linked.recipient), parties=True)
            whom = who
        else:
            who = side_agreement(mention.actor, linked.actor)
            # "X and Y signed" names no recipient where "X signed with Y" does: a report naming several actors
            # and no recipient is compared by its actors with the other's recipient.
            if mention.recipient and not linked.recipient and len(linked.actor) > 1:
                whom = side_agreement(mention.recipient, linked.actor)
            elif linked.recipient and not mention.recipient and len(mention.actor) > 1:
                whom = side_agreement(linked.recipient, mention.actor)
            else:
                whom = side_agreement(mention.recipient, linked.recipient)
        if who is None or whom is None:
            return None
        # The same kind of act by the same side a day or two apart is common in a war; besides the actor, a report
        # must agree on something of its own: the recipient, the same day told by both, or the place.
        if not ((whom >= 0.5 and not symmetric) or when >= 1.0 or where >= 0.6):
            return None
        w_who, w_whom, w_when, w_where = s.weights
        return kind * (w_who * who + w_whom * whom + w_when * when + w_where * where)

    def link(self, items: Sequence[tuple[Article, Sequence[Event]]]) -> tuple[list[LinkedEvent], list[EventMention]]:
        """Link the events of these canonical articles (in ingest order) with each other and with the store's
        linked events: the linked events made or changed, and a mention per event."""
        mentions = [self.mention(article, i, event) for article, events in items for i, event in enumerate(events)]
        dated = [m.date for m in mentions if m.date is not None and m.date.earliest and m.date.latest]
        index: dict[tuple[str, str], set[str]] = defaultdict(set)
        known: dict[str, LinkedEvent] = {}
        if dated:
            types = sorted({t for m in mentions for t in self.settings.types_like(m.event.type)})
            since = min(d.earliest for d in dated if d.earliest)
            until = max(d.latest for d in dated if d.latest)
            for linked in self.store.linked_window(types, _shift(since, -self.settings.date_days),
                                                   _shift(until, self.settings.date_days)):
                self._index(index, known, linked)
        changed: dict[str, LinkedEvent] = {}
        out: list[EventMention] = []
        for m in mentions:
            best: tuple[float, str] | None = None
            if m.date is not None:
                candidates = {c for t in self.settings.types_like(m.event.type) for k in m.keys
                              for c in index.get((t, k), ())}
                for cid in sorted(candidates):
                    linked = known[cid]
                    if m.article.id in linked.articles:
                        continue
                    score = self.score(m, linked)
                    if score is not None and score >= self.settings.min_score and (best is None or score > best[0]):
                        best = (score, cid)
            if best is None:
                linked = self._open(m)
                score = 1.0
            else:
                score, cid = best
                linked = self._join(known[cid], m)
            known[linked.id] = changed[linked.id] = linked
            if linked.date is not None:
                self._index(index, known, linked, m)
            out.append(_mention_record(m, linked.id, round(score, 4)))
        return list(changed.values()), out

    def _index(self, index: dict[tuple[str, str], set[str]], known: dict[str, LinkedEvent], linked: LinkedEvent,
               mention: Mention | None = None) -> None:
        known[linked.id] = linked
        keys = side_keys(linked.actor) | side_keys(linked.recipient) | place_keys(linked.place)
        if mention is not None:
            keys |= mention.keys
        for key in keys:
            index[(linked.type, key)].add(linked.id)

    def _open(self, m: Mention) -> LinkedEvent:
        actor, recipient = m.actor, m.recipient
        e = m.event
        return LinkedEvent(
            id=linked_id(m.article.id, m.ordinal), type=e.type, modality=e.modality, cameo=e.cameo,
            quad_class=e.quad_class, actor=list(actor), recipient=list(recipient), date=m.date, place=m.place,
            first_seen=m.article.published, last_seen=m.article.published, num_mentions=1, num_sources=1,
            num_articles=1, sources=[outlet_of(m.article)], articles=[m.article.id])

    def _join(self, linked: LinkedEvent, m: Mention) -> LinkedEvent:
        linked.actor = merge_side(linked.actor, m.actor)
        linked.recipient = merge_side(linked.recipient, m.recipient)
        linked.date = better_date(linked.date, m.date)
        linked.place = better_place(linked.place, m.place)
        published = [p for p in (linked.first_seen, linked.last_seen, m.article.published) if p]
        linked.first_seen = min(published) if published else None
        linked.last_seen = max(published) if published else None
        linked.articles = [*linked.articles, m.article.id]
        outlet = outlet_of(m.article)
        if outlet not in linked.sources:
            linked.sources = [*linked.sources, outlet]
        linked.num_mentions += 1
        linked.num_articles = len(linked.articles)
        linked.num_sources = len(linked.sources)
        return linked


def _shift(day: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _mention_record(m: Mention, linked: str, score: float) -> EventMention:
    e = m.event
    attribution = e.attribution
    return EventMention(
        article_id=m.article.id, ordinal=m.ordinal, linked_event_id=linked, event_id=e.id,
        source=outlet_of(m.article), published=m.article.published, sentence=e.sentence.text,
        sentence_start=e.sentence.start, sentence_end=e.sentence.end, confidence=e.confidence,
        attribution=attribution.text if attribution else None,
        attributed_to=attribution.source.name if attribution and attribution.source else None, score=score)
