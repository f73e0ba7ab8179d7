"""Stories: the articles about one developing situation, assigned incrementally (table `stories`, and
`story_articles` for the story of each article).

Each story keeps a profile: the summed features of its articles (canonical actors, places, countries,
event types, and the most frequent words of each body, stop words left out), cut to its
`[stories] profile_size` heaviest after every article. A batch is assigned in ingest order, after the
linking:

1. a duplicate (eventwire.crossdoc.duplicates) joins the story of its canonical report;
2. any other article is compared with the stories whose dates come within `window_days` of its own
   (its publication day; an article without one only with stories without dates, which take no
   dated article): the cosine of its
   features and the story's profile, plus `linked_bonus` when it reports a linked event an article of the
   story reports too. It joins the best story reaching `min_similarity` (ties: the lower story id),
   else it opens a story of its own.

Nothing stored is clustered again: only the stories whose dates meet the batch's are read
(`Store.stories_window`). Since every article is compared with every story it could join, whether it
came in the same batch or an earlier one, and a profile is cut the same way after each article, a
store ingested in several batches has the same stories as one ingested in one batch, provided the
cross-article tables agree (duplicates and linked events are incremental in the same way).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from eventwire.config import Config
from eventwire.crossdoc.duplicates import body_words
from eventwire.crossdoc.records import EventMention, Story, StoryArticle, StoryFeature
from eventwire.store.base import Store
from eventwire.types import ArticleRecord


@dataclass(frozen=True, slots=True)
class StorySettings:
    window_days: int
    min_similarity: float
    linked_bonus: float
    profile_size: int
    words: int
    weights: Mapping[str, float]

    @classmethod
    def of(cls, config: Config) -> StorySettings:
        weights = {k: float(v) for k, v in config.get("stories.weights").items()}
        return cls(int(config.get("stories.window_days")), float(config.get("stories.min_similarity")),
                   float(config.get("stories.linked_bonus")), int(config.get("stories.profile_size")),
                   int(config.get("stories.words")), weights)


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def story_id(article_id: str) -> str:
    """A story's id: from its first article, so a rebuild gives the same ids."""
    return hashlib.sha256(f"story:{article_id}".encode()).hexdigest()[:16]


def article_day(record: ArticleRecord) -> str | None:
    """The article's publication day (ISO), or None."""
    published = record.article.published or ""
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def features(record: ArticleRecord, settings: StorySettings) -> dict[str, float]:
    """What an article is about, weighted: its actors, places, countries, event types and top words. An actor,
    a place or a type taking part in n of the article's events weighs (1 + ln(1 + n)) times its weight."""
    w = settings.weights
    involved: Counter[str] = Counter()
    for event in record.events:
        keys = {"a:" + a.name for a in [*event.actor, *event.recipient]} | {"t:" + event.type}
        if event.location is not None:
            keys.add("p:" + event.location.name)
        involved.update(keys)
    found: dict[str, float] = {}

    def put(key: str, weight: float) -> None:
        found[key] = max(found.get(key, 0.0), weight * (1.0 + math.log1p(involved[key])))

    for actor in record.actors:
        put("a:" + actor.name, w["actor"])
        if actor.country:
            put("c:" + actor.country, w["country"])
    for place in record.places:
        put("p:" + place.name, w["place"])
        if place.country:
            put("c:" + place.country, w["country"])
    for event in record.events:
        put("t:" + event.type, w["type"])
    stop = _stop_words()
    counts = Counter(x for x in body_words(record.article) if len(x) > 3 and x.isalpha() and x not in stop)
    for word, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:settings.words]:
        put("w:" + word, w["word"] * (1.0 + math.log(n)))
    return found


def norm(a: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


def cosine(a: Mapping[str, float], b: Mapping[str, float], a_norm: float | None = None,
           b_norm: float | None = None) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(k, 0.0) for k, v in small.items())
    both = (norm(a) if a_norm is None else a_norm) * (norm(b) if b_norm is None else b_norm)
    return dot / both if both else 0.0


def label_of(profile: Sequence[StoryFeature]) -> str:
    """'Taliban, Ashraf Ghani · Kabul · ASSAULT': the story's top two actors, top place and top type (its
    top words when it has none of these)."""
    def top(prefix: str, n: int) -> list[str]:
        return [f.key[2:] for f in profile if f.key.startswith(prefix)][:n]

    parts = [", ".join(top("a:", 2)), ", ".join(top("p:", 1)), ", ".join(top("t:", 1))]
    shown = [p for p in parts if p]
    return " · ".join(shown) if shown else ", ".join(top("w:", 3)) or "(no features)"


def _shift(day: str, days: int) -> date:
    return date.fromisoformat(day) + timedelta(days=days)


class StoryAssigner:
    def __init__(self, store: Store, settings: StorySettings) -> None:
        self.store = store
        self.settings = settings

    def _in_window(self, day: str | None, story: Story) -> bool:
        if day is None or story.first_date is None or story.last_date is None:
            return day is None and story.first_date is None
        w = self.settings.window_days
        return _shift(story.first_date, -w) <= date.fromisoformat(day) <= _shift(story.last_date, w)

    def assign(self, records: Sequence[ArticleRecord], canonical: Mapping[str, str],
               mentions: Sequence[EventMention]) -> tuple[list[Story], list[StoryArticle]]:
        """Assign `records` (in ingest order; `canonical`: duplicate -> its canonical report) to stories, given
        the mentions the linking made of their events: the stories made or changed, and a membership each."""
        s = self.settings
        days = {r.article.id: article_day(r) for r in records}
        dated = sorted(d for d in days.values() if d)
        since = _shift(dated[0], -s.window_days).isoformat() if dated else None
        known: dict[str, Story] = {story.id: story for story in self.store.stories_window(since)}
        member: dict[str, str] = {}
        wanted = sorted({c for c in canonical.values()})
        if wanted:
            member.update((m.article_id, m.story_id) for m in self.store.lookup("story_articles", "article_id", wanted))
        linked: dict[str, set[str]] = {}
        for m in mentions:
            linked.setdefault(m.article_id, set()).add(m.linked_event_id)
        changed: dict[str, Story] = {}
        out: list[StoryArticle] = []
        profiles: dict[str, tuple[dict[str, float], float, set[str]]] = {}  # a story's profile, its norm, events
        for record in records:
            article = record.article.id
            day = days[article]
            own = canonical.get(article)
            if own is not None and own in member:
                story = self._story(member[own], known)
                score = 1.0
                self._widen(story, day)
                story.num_articles += 1
            else:
                vec = features(record, s)
                vec_norm = norm(vec)
                events = linked.get(article, set())
                best: tuple[float, str] | None = None
                for sid in sorted(known):
                    candidate = known[sid]
                    if not self._in_window(day, candidate):
                        continue
                    if sid not in profiles:
                        profile = {f.key: f.weight for f in candidate.profile}
                        profiles[sid] = (profile, norm(profile), set(candidate.linked_events))
                    profile, profile_norm, story_events = profiles[sid]
                    score = cosine(vec, profile, vec_norm, profile_norm)
                    if events & story_events:
                        score += s.linked_bonus
                    if score >= s.min_similarity and (best is None or score > best[0]):
                        best = (score, sid)
                if best is None:
                    story = Story(id=story_id(article), label="", first_date=day, last_date=day)
                    score = 1.0
                else:
                    score, sid = best
                    story = known[sid]
                    self._widen(story, day)
                self._absorb(story, vec, events)
                profiles.pop(story.id, None)
                story.num_articles += 1
            known[story.id] = changed[story.id] = story
            member[article] = story.id
            out.append(StoryArticle(article, story.id, round(score, 4)))
        return list(changed.values()), out

    def _story(self, sid: str, known: dict[str, Story]) -> Story:
        if sid not in known:
            (known[sid],) = self.store.lookup("stories", "id", [sid])
        return known[sid]

    @staticmethod
    def _widen(story: Story, day: str | None) -> None:
        if day is None:
            return
        story.first_date = min(story.first_date or day, day)
        story.last_date = max(story.last_date or day, day)

    def _absorb(self, story: Story, vec: Mapping[str, float], events: set[str]) -> None:
        profile = {f.key: f.weight for f in story.profile}
        for key, weight in vec.items():
            profile[key] = profile.get(key, 0.0) + weight
        kept = sorted(profile.items(), key=lambda item: (-item[1], item[0]))[:self.settings.profile_size]
        story.profile = [StoryFeature(k, v) for k, v in kept]
        story.linked_events = sorted(set(story.linked_events) | events)
        story.label = label_of(story.profile)
