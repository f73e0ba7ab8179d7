"""The cross-article stage: after each ingest batch (`CrossDoc.add`) and, from scratch, `eventwire link`
(`rebuild`).

A batch's articles are checked for duplicates first (eventwire.crossdoc.duplicates); the events of
those that are no duplicate are linked (eventwire.crossdoc.linking), and every article joins a story
(eventwire.crossdoc.stories); signatures, duplicates, linked events, mentions and stories are then
written in one transaction. Articles already stored are never sent again,
so ingesting the same inputs twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.config import Config
from eventwire.crossdoc.compare import LinkSettings
from eventwire.crossdoc.duplicates import DuplicateFinder, DuplicateSettings
from eventwire.crossdoc.linking import Linker
from eventwire.crossdoc.stories import StoryAssigner, StorySettings
from eventwire.store.base import Store
from eventwire.store.schema import CROSSDOC_TABLES
from eventwire.types import ArticleRecord


@dataclass
class CrossDocReport:
    articles: int = 0
    duplicates: int = 0
    mentions: int = 0
    linked_events: int = 0  # linked events made or joined
    stories: int = 0  # stories made or joined


class CrossDoc:
    """The stage for one run over one store: its duplicate index lives as long as the run."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.finder = DuplicateFinder(DuplicateSettings.of(config))
        self.linker = Linker(store, LinkSettings.of(config))
        self.stories = StoryAssigner(store, StorySettings.of(config))

    def add(self, records: Sequence[ArticleRecord]) -> CrossDocReport:
        """Find the duplicates among `records` (stored articles not yet seen by this stage) and link the events
        of the others, then assign every one of them to a story; written in one transaction."""
        self.finder.load(self.store)
        signatures, duplicates = self.finder.check_all(r.article for r in records)
        copies = {d.article_id for d in duplicates}
        canonical = [(r.article, r.events) for r in records if r.article.id not in copies]
        linked, mentions = self.linker.link(canonical)
        stories, members = self.stories.assign(records, {d.article_id: d.duplicate_of for d in duplicates}, mentions)
        self.store.put({"signatures": signatures, "duplicates": duplicates, "linked_events": linked,
                        "event_mentions": mentions, "stories": stories, "story_articles": members})
        return CrossDocReport(len(records), len(duplicates), len(mentions), len(linked), len(stories))


def rebuild(store: Store, config: Config, *, batch_size: int | None = None,
            progress: Callable[[int], None] | None = None) -> CrossDocReport:
    """Empty the cross-article tables and find duplicates and links again over every stored article, in
    ingest order, a batch at a time."""
    store.clear(CROSSDOC_TABLES)
    stage = CrossDoc(store, config)
    size = batch_size or int(config.get("store.batch_size"))
    total = CrossDocReport()
    batch: list[ArticleRecord] = []

    def flush() -> None:
        done = stage.add(batch)
        total.articles += done.articles
        total.duplicates += done.duplicates
        total.mentions += done.mentions
        if progress:
            progress(len(batch))
        batch.clear()

    for record in store.records():
        batch.append(record)
        if len(batch) >= size:
            flush()
    if batch:
        flush()
    total.linked_events = store.count("linked_events")
    total.stories = store.count("stories")
    return total
