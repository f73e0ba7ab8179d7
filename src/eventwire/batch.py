"""The plain functions behind `eventwire extract` and `eventwire ingest`.

Both read every input, turn the articles into records through one Pipeline (one model load) and
either hand the records on (extract, linked as one corpus in memory: eventwire.batch.Corpus) or store them
a batch per transaction (ingest). An input that
fails becomes an InputError the caller sees (extract) or the store records (ingest); the run goes on.
Ingest then runs the cross-article stage (eventwire.crossdoc) on each batch stored, when
`linking.enabled`: duplicates are marked and events linked across articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.config import Config, load_config
from eventwire.crossdoc.stage import CrossDoc, rebuild
from eventwire.errors import InputError
from eventwire.ingest.sources import iter_articles
from eventwire.pipeline import Pipeline, batched
from eventwire.store.base import Store
from eventwire.types import Article, ArticleRecord, StoryRef

Progress = Callable[[int], None]


class Corpus:
    """The cross-article stage of one `extract` run: an in-memory store holding only the cross-article
    tables, so that the records of all the run's inputs are linked as one corpus and each carries its story.
    Stories are incremental, so a record's story is known when its batch is done."""

    def __init__(self, config: Config) -> None:
        from eventwire.store import open_store

        self.store = open_store(":memory:")
        self.stage = CrossDoc(self.store, config)
        self.seen: set[str] = set()

    def add(self, records: list[ArticleRecord]) -> None:
        fresh = []
        for record in records:
            if record.article.id not in self.seen:
                self.seen.add(record.article.id)
                fresh.append(record)
        if fresh:
            self.stage.add(fresh)
        found = self.store.lookup("story_articles", "article_id", [r.article.id for r in records])
        stories = {m.article_id: m.story_id for m in found}
        for record in records:
            if record.article.id in stories:
                record.story = StoryRef(stories[record.article.id])


def extract_inputs(inputs: Iterable[str], *, published: str | None = None, pipeline: Pipeline | None = None,
                   config: Config | None = None) -> Iterator[ArticleRecord | InputError]:
    """A record per article (or an InputError per failed input), in input order. With `linking.enabled`
    the records are linked as one corpus, and each carries its story."""
    config = config or (pipeline.config if pipeline else load_config())
    pipeline = pipeline or Pipeline(config)
    corpus = Corpus(config) if config.get("linking.enabled") else None
    items = iter_articles(inputs, published=published, config=config)
    for chunk in batched(items, config.get("model.batch_size")):
        articles = [i for i in chunk if isinstance(i, Article)]
        results = list(pipeline.records(articles))
        if corpus is not None:
            corpus.add([r for r in results if isinstance(r, ArticleRecord)])
        records = iter(results)
        for item in chunk:
            yield item if isinstance(item, InputError) else next(records)


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)
    # Skipped because they were stored before this run while --published asked for another date.
    published_not_applied: int = 0
    # Of the articles added: how many are duplicates of a stored report (eventwire.crossdoc).
    duplicates: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every input went in (or was already there), 1 when some failed."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        """'3 added, 2 already stored, 0 failed', saying what was replaced and what --published missed."""
        parts = [f"{self.added} added"]
        if self.replaced:
            parts.append(f"{self.replaced} replaced")
        stored = f"{self.skipped} already stored"
        if self.published_not_applied:
            stored += " (--published not applied; pass --replace to re-extract)"
        return ", ".join([*parts, stored, f"{self.failed} failed"])


def ingest_inputs(inputs: Iterable[str], store: Store, *, published: str | None = None,
                  replace: bool = False, pipeline: Pipeline | None = None, config: Config | None = None,
                  progress: Progress | None = None) -> IngestReport:
    """Read, extract and store every article of `inputs`; already stored articles are skipped by id, or
    with `replace` extracted again and their stored records replaced.

    Commits once per `store.batch_size` articles (replacements included), so a killed run loses at most
    one batch and never leaves an article half replaced. With `linking.enabled`, each batch's new articles are
    checked for duplicates and their events linked across articles; after a run that replaced records the
    cross-article tables are rebuilt, since replaced events may tell something else.
    """
    config = config or (pipeline.config if pipeline else load_config())
    pipeline = pipeline or Pipeline(config)
    report = IngestReport()
    linking = bool(config.get("linking.enabled"))
    stage = CrossDoc(store, config) if linking and not replace else None
    items = iter_articles(inputs, published=published, config=config)
    for chunk in batched(items, config.get("store.batch_size")):
        fresh: list[Article] = []
        seen: set[str] = set()
        known = store.known_ids([i.id for i in chunk if isinstance(i, Article)])
        for item in chunk:
            if isinstance(item, InputError):
                store.add_error(item)
                report.failed += 1
                report.errors.append(item)
            elif item.id in seen or (item.id in known and not replace):
                report.skipped += 1
                if published is not None and item.id in known and item.id not in seen:
                    report.published_not_applied += 1
            else:
                seen.add(item.id)
                fresh.append(item)
        if fresh:
            records: list[ArticleRecord] = []
            for result in pipeline.records(fresh):
                if isinstance(result, InputError):
                    store.add_error(result)
                    report.failed += 1
                    report.errors.append(result)
                else:
                    records.append(result)
            written = store.add_records(records, replace=replace)
            if stage is not None and records:
                report.duplicates += stage.add(records).duplicates
            replaced = sum(1 for r in records if r.article.id in known) if replace else 0
            report.replaced += replaced
            report.added += written - replaced
        if progress:
            progress(len(chunk))
    if linking and replace and report.replaced:
        rebuild(store, config)
    return report
