"""Long articles: seconds per article against its length, and peak memory.

Usage:
    python benchmarks/long_articles.py --data examples [--big 400] [--big 800] [--seed 1] [--profile FILE]

The articles are made from our own sample corpus (--data, read with ``iter_articles``; its README is left out):
the sentences of every article's body (page furniture removed) are drawn at random with a fixed seed and laid
out in paragraphs of three to six sentences, under a title line of one more sentence, until the article reaches
its size. No text from anywhere else goes in. Ten articles of 40 kB are made, then one of each ``--big`` size in
kB (400 by default; spaCy refuses texts over 1,000,000 characters, so keep below that).

Each article goes through ``Pipeline().records`` on its own (one model load, one warm-up article first) and is
timed. The cost is linear when the 400 kB article takes about as long as the ten 40 kB ones together:

- seconds_40kb (list), seconds_40kb_total, seconds_<N>kb for each big size;
- ratio_<N>kb: seconds_<N>kb / (seconds_40kb_total * N / 400), target at most 1.5 (for 400 kB: the big article's
  time over the ten small ones' total);
- peak_rss_mb_40kb: the process's peak resident memory after the small articles; peak_rss_mb_<N>kb after each
  big one (peaks only grow, so the growth is what the big article needed);
- records: events, quotes, timexes and places found in each size, so that a change that only found less is seen.

With ``--profile FILE`` the largest article is also run under cProfile and its statistics are written to FILE
(read with ``python -m pstats FILE``). The last stdout line is one JSON object; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.ingest.sources import iter_articles  # noqa: E402
from eventwire.ingest.text import read_text  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.types import Article, ArticleRecord  # noqa: E402

SMALL_KB = 40
SMALL_COUNT = 10
PUBLISHED = "2021-08-20T10:00:00"
# A sentence ends at . ! or ? (maybe inside a closing quote) before a space and a capital or an opening quote.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[A-Z“\"‘])")
_SPACE = re.compile(r"[ \t]+")


def body_sentences(article: Article) -> list[str]:
    """The sentences of an article's body: its text with the page furniture cut out, split at sentence ends."""
    chars = list(article.text)
    for span in article.boilerplate:
        for i in range(span.start, min(span.end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", "".join(chars)):
        flat = _SPACE.sub(" ", paragraph.replace("\n", " ")).strip()
        if len(flat) < 40:
            continue  # headers, captions and other short lines are not running text
        sentences += [s.strip() for s in _SENTENCE_END.split(flat) if len(s.strip()) > 20]
    return sentences


def make_article(sentences: list[str], size: int, rng: random.Random, name: str) -> Article:
    """An article of about `size` characters: a title sentence, then paragraphs of random sentences."""
    parts = [rng.choice(sentences).rstrip("."), ""]
    length = len(parts[0])
    while length < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 6)))
        parts += [paragraph, ""]
        length += len(paragraph) + 2
    return read_text("\n".join(parts), name, published=PUBLISHED)


def timed(pipeline: Pipeline, article: Article) -> tuple[float, ArticleRecord]:
    start = time.perf_counter()
    result = next(pipeline.records([article]))
    seconds = time.perf_counter() - start
    if not isinstance(result, ArticleRecord):
        sys.exit(f"{article.source}: {result}")
    return seconds, result


def counts(records: list[ArticleRecord]) -> dict[str, int]:
    return {"events": sum(len(r.events) for r in records), "quotes": sum(len(r.quotes) for r in records),
            "timexes": sum(len(r.timexes) for r in records), "places": sum(len(r.places) for r in records)}


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "examples", help="our sample corpus (examples/)")
    parser.add_argument("--big", type=int, action="append", help="size in kB of a long article (repeatable)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sentence draw")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics of the largest article here")
    args = parser.parse_args()
    bigs = args.big or [400]
    if max(bigs) * 1000 >= 1_000_000:
        sys.exit("an article must stay under spaCy's 1,000,000 characters")

    sentences: list[str] = []
    for item in iter_articles([str(args.data)]):
        if isinstance(item, Article) and not item.source.endswith("README.md"):
            sentences += body_sentences(item)
    if len(sentences) < 20:
        sys.exit(f"too few sentences under {args.data}: {len(sentences)}")
    print(f"{len(sentences)} sentences from {args.data}", file=sys.stderr)
    rng = random.Random(args.seed)
    small = [make_article(sentences, SMALL_KB * 1000, rng, f"long-{SMALL_KB}kb-{n}") for n in range(SMALL_COUNT)]
    big = {kb: make_article(sentences, kb * 1000, rng, f"long-{kb}kb") for kb in bigs}

    pipeline = Pipeline()
    timed(pipeline, make_article(sentences, 2000, rng, "warm-up"))  # loads the model and the gazetteer
    metrics: dict[str, object] = {"sentences": len(sentences)}
    small_s: list[float] = []
    small_records: list[ArticleRecord] = []
    for article in small:
        seconds, record = timed(pipeline, article)
        small_s.append(seconds)
        small_records.append(record)
        print(f"{article.source}: {len(article.text)} chars, {seconds:.2f} s", file=sys.stderr)
    total = sum(small_s)
    metrics.update({"chars_40kb": sum(len(a.text) for a in small), "seconds_40kb": [round(s, 2) for s in small_s],
                    "seconds_40kb_total": round(total, 2), "peak_rss_mb_40kb": peak_mb(),
                    "records_40kb": counts(small_records)})
    for kb, article in big.items():
        seconds, record = timed(pipeline, article)
        print(f"{article.source}: {len(article.text)} chars, {seconds:.2f} s", file=sys.stderr)
        metrics.update({f"chars_{kb}kb": len(article.text), f"seconds_{kb}kb": round(seconds, 2),
                        f"ratio_{kb}kb": round(seconds / (total * kb / (SMALL_KB * SMALL_COUNT)), 3),
                        f"peak_rss_mb_{kb}kb": peak_mb(), f"records_{kb}kb": counts([record])})
    if args.profile is not None:
        import cProfile

        largest = big[max(bigs)]
        cProfile.runctx("timed(pipeline, largest)", globals(), {"timed": timed, "pipeline": pipeline,
                                                                "largest": largest}, str(args.profile))
        print(f"profile of {largest.source} written to {args.profile}", file=sys.stderr)
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
