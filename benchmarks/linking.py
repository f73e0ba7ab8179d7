"""Linking at scale: the time to link a new batch of articles into a store of many event records, and memory.

Usage:
    python benchmarks/linking.py --data 100000 [--batch 1000] [--events-per-article 5] [--seed 1] [--db PATH]

--data is the number of synthetic event records the store holds before the timed batch. Everything is generated
with a fixed seed, no real text: a world of events (a PLOVER type, an actor and a recipient from a pool of 400
made-up actors over 60 countries, a day in two years, one of 500 made-up towns placed at random in their
country's box), and articles of `--events-per-article` events each, every article telling of world events
near its own date and saying so in made-up words, so that several articles report each event. The store is
filled (records, then the cross-article stage batch by batch, untimed), then `--batch` new articles go through
`CrossDoc.add` (duplicates, linking, one transaction), which is timed.

Prints, last line one JSON object: store_events, store_linked_events, batch_articles, batch_events,
seconds_batch (target under 60), seconds_setup, peak_rss_mb, linked_in_batch (mentions of the batch that joined
an existing linked event), duplicates_in_batch. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.config import load_config  # noqa: E402
from eventwire.crossdoc.stage import CrossDoc  # noqa: E402
from eventwire.store import open_store  # noqa: E402
from eventwire.types import Actor, Article, ArticleRecord, Event, EventDate, Place, Span  # noqa: E402

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
SECTORS = ["GOV", "MIL", "REB", "COP", "CVL", "BUS", "DIP"]
START = date(2021, 1, 1)


@dataclass(frozen=True)
class WorldEvent:
    kind: str
    actor: Actor
    recipient: Actor
    day: date
    place: Place


def _world(rng: random.Random, n: int) -> list[WorldEvent]:
    countries = [f"C{i:02d}" for i in range(60)]
    boxes = {c: (rng.uniform(-40, 60), rng.uniform(-100, 140)) for c in countries}
    actors = [Actor(text=f"actor {i}", name=f"Actor {i}", kind="group", country=(c := rng.choice(countries)),
                    sector=rng.choice(SECTORS)) for i in range(400)]
    towns = []
    for i in range(500):
        c = rng.choice(countries)
        lat, lon = boxes[c]
        towns.append(Place(text=f"town {i}", start=0, end=0, name=f"Town {i}", country=c, feature="city",
                           lat=lat + rng.uniform(0, 8), lon=lon + rng.uniform(0, 8)))
    return sorted((WorldEvent(rng.choice(TYPES), rng.choice(actors), rng.choice(actors),
                              START + timedelta(days=rng.randrange(730)), rng.choice(towns)) for _ in range(n)),
                  key=lambda w: w.day)


def _articles(rng: random.Random, world: list[WorldEvent], count: int, per: int, first: int,
              days: tuple[int, int]) -> list[ArticleRecord]:
    by_day: dict[date, list[WorldEvent]] = {}
    for w in world:
        by_day.setdefault(w.day, []).append(w)
    records = []
    for i in range(first, first + count):
        published = START + timedelta(days=rng.randrange(*days))
        near = [w for d in range(3) for w in by_day.get(published - timedelta(days=d), [])]
        told = rng.sample(near, min(per, len(near)))
        words = " ".join(f"w{rng.randrange(5000)}" for _ in range(80))
        text = f"Synthetic report {i}. {words}."
        article = Article(text=text, source=f"synthetic/{i}.txt", outlet=f"Outlet {i % 97}",
                          published=published.isoformat(), published_from="input")
        events = [Event(id=f"{article.id}-{k + 1}", type=w.kind, trigger=Span("w", 0, 1),
                        sentence=Span(text[:20], 0, 20),
                        actor=[w.actor], recipient=[w.recipient] if rng.random() < 0.8 else [],
                        date=EventDate(value=w.day.isoformat(), precision="day"),
                        location=w.place if rng.random() < 0.7 else None, confidence=0.8)
                  for k, w in enumerate(told)]
        records.append(ArticleRecord(article=article, events=events))
    return records


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=int, default=100_000, help="event records in the store before the batch")
    parser.add_argument("--batch", type=int, default=1000, help="new articles linked in the timed batch")
    parser.add_argument("--events-per-article", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here (default: a temporary file)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    config = load_config()
    per = args.events_per_article
    stored_articles = args.data // per
    world = _world(rng, max(1000, args.data // 4))
    tmp = tempfile.TemporaryDirectory(prefix="eventwire-linking-")
    path = args.db or Path(tmp.name) / "linking.duckdb"
    t0 = time.perf_counter()
    with open_store(path) as store:
        stage = CrossDoc(store, config)
        chunk = 2000
        for first in range(0, stored_articles, chunk):
            records = _articles(rng, world, min(chunk, stored_articles - first), per, first, (3, 700))
            store.add_records(records)
            stage.add(records)
            print(f"stored {first + len(records)} articles", file=sys.stderr)
        setup = time.perf_counter() - t0
        store_events = store.count("events")
        store_linked = store.count("linked_events")
        # The new batch: articles of the last weeks, as a day's ingest would bring.
        batch = _articles(rng, world, args.batch, per, stored_articles, (660, 700))
        store.add_records(batch)
        fresh = CrossDoc(store, config)  # a new run: its duplicate index is rebuilt from stored signatures
        t1 = time.perf_counter()
        report = fresh.add(batch)
        seconds = time.perf_counter() - t1
        joined = store.count("linked_events") - store_linked
    tmp.cleanup()
    result = {"store_events": store_events, "store_linked_events": store_linked, "batch_articles": args.batch,
              "batch_events": report.mentions, "seconds_batch": round(seconds, 2), "seconds_setup": round(setup, 1),
              "peak_rss_mb": round(_rss_mb()), "linked_in_batch": report.mentions - joined,
              "duplicates_in_batch": report.duplicates}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
