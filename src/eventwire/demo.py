"""The demo: the sample corpus ingested into a fresh store, then a summary of what came out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.batch import IngestReport, ingest_inputs
from eventwire.config import Config
from eventwire.store.base import Store


def example_corpus() -> Path:
    """The folder of the sample corpus: `examples/` of the source tree, shipped as eventwire.examples."""
    try:
        found = resources.files("eventwire.examples")
        path = Path(str(found))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "examples"


@dataclass
class Summary:
    counts: dict[str, int]
    events_by_type: list[tuple[str, int]] = field(default_factory=list)
    top_actors: list[tuple[str, str | None, int]] = field(default_factory=list)
    furniture: list[tuple[str, int]] = field(default_factory=list)
    dated: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    warnings: list[tuple[str, int]] = field(default_factory=list)
    # The stories of most articles: (id, articles, label).
    stories: list[tuple[str, int, str]] = field(default_factory=list)


def summarize(store: Store) -> Summary:
    """Counts per table, events by PLOVER type, the actors in most articles, furniture by kind, warnings
    by code, the articles by date and the stories of most articles: all through the store's API."""
    by_type = [(str(t), int(n)) for t, n in store.tally("events", "type")]
    actors = [(str(name), country, int(n)) for name, country, n in store.tally("actors", "name", "country",
                                                                                 limit=10)]
    warnings = [(str(code), int(n)) for code, n in store.tally("warnings", "code")]
    furniture: Counter[str] = Counter()
    dated: list[tuple[str, str | None, str | None]] = []
    cursor: str | None = None
    while True:
        page = store.articles(limit=500, cursor=cursor)
        for article in page.items:
            furniture.update(b.kind for b in article.boilerplate)
            dated.append((article.id, article.published, article.title))
        if page.cursor is None:
            break
        cursor = page.cursor
    dated.sort(key=lambda d: (d[1] is None, d[1] or "", d[0]))
    top = store.tally("story_articles", "story_id", limit=5)
    labels = {s.id: s.label for s in store.lookup("stories", "id", [str(sid) for sid, _ in top])}
    stories = [(str(sid), int(n), labels.get(str(sid), "")) for sid, n in top]
    return Summary(store.counts(), by_type, actors, sorted(furniture.items(), key=lambda kv: (-kv[1], kv[0])),
                   dated, warnings, stories)


def run_demo(store: Store, corpus: Path, config: Config) -> tuple[IngestReport, Summary]:
    report = ingest_inputs([str(corpus)], store, config=config)
    return report, summarize(store)
