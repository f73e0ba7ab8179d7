"""The demo: the sample corpus ingested into a fresh store, then a summary of what came out."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.batch import IngestReport, ingest_inputs
from eventwire.config import Config
from eventwire.store.duckdb import Store


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


def summarize(store: Store) -> Summary:
    """Counts per table, events by PLOVER type, the actors in most articles, furniture by kind."""
    con = store.con
    counts = {t: store.count(t) for t in ("articles", "events", "actors", "quotes", "timexes", "places",
                                          "ingest_errors")}
    by_type = [(str(t), int(n)) for t, n in con.execute(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type").fetchall()]
    actors = [(str(name), country, int(n)) for name, country, n in con.execute(
        "SELECT name, any_value(country), count(*) AS n FROM actors GROUP BY name ORDER BY n DESC, name "
        "LIMIT 10").fetchall()]
    furniture = [(str(k), int(n)) for k, n in con.execute(
        "SELECT b.kind, count(*) AS n FROM (SELECT unnest(boilerplate) AS b FROM articles) "
        "GROUP BY b.kind ORDER BY n DESC, b.kind").fetchall()]
    dated = [(str(i), p, t) for i, p, t in con.execute(
        "SELECT id, published, title FROM articles ORDER BY published NULLS LAST, id").fetchall()]
    return Summary(counts, by_type, actors, furniture, dated)


def run_demo(store: Store, corpus: Path, config: Config) -> tuple[IngestReport, Summary]:
    report = ingest_inputs([str(corpus)], store, config=config)
    return report, summarize(store)
