"""Benchmark of the HTML reader (`eventwire.ingest.html.read_html`) on peer gold data.

Corpora, read at run time from --data (default: ../shared/peers relative to the project root):

- article-extraction-benchmark: article body. Per page, the 4-word-shingle F1 between our text and
  the gold articleBody (lowercase, \\w+ words; shingles = the set of consecutive 4-word tuples; a
  text of fewer than 4 words is one shorter shingle; an empty prediction scores 0), averaged over
  pages -> "body_f1". For comparison with published figures, also the benchmark's own way of
  scoring ("body_f1_zyte": shingle multisets, per-page precision and recall averaged over pages,
  then F1 of the two averages).
- htmldate-mediacloud-en: publication date; our ``published`` equals the gold YYYY-MM-DD ->
  "date_accuracy" (on the few pages whose gold date is NaN, no date is the right answer).
- trafilatura-eval-en (when present): exact title, author and date match on the pages whose gold
  has them -> "title_accuracy", "author_accuracy", "date_accuracy_trafilatura_eval".

Prints one progress line per corpus and ends with one JSON line of metrics.
``--options '{"favor_precision": true}'`` replaces the reader's trafilatura options for a run
(``--options '{}'`` measures trafilatura's defaults).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]

try:
    import eventwire  # noqa: F401
except ImportError:
    sys.path.insert(0, str(PROJECT_ROOT / "src"))

from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest import html as html_reader  # noqa: E402
from eventwire.types import Article  # noqa: E402

_WORD = re.compile(r"\w+")
Shingle = tuple[str, ...]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, n: int = 4) -> list[Shingle]:
    """The consecutive n-word tuples of `text` (a shorter text gives one shorter tuple)."""
    tokens = words(text)
    if not tokens:
        return []
    return [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]


def set_f1(gold: str, predicted: str) -> float:
    """F1 of the shingle sets; 0 when either side is empty."""
    gold_set, pred_set = set(shingles(gold)), set(shingles(predicted))
    if not gold_set or not pred_set:
        return 0.0
    overlap = len(gold_set & pred_set)
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(pred_set), overlap / len(gold_set)
    return 2 * precision * recall / (precision + recall)


def multiset_precision_recall(gold: str, predicted: str) -> tuple[float, float]:
    """Per-page precision and recall over shingle multisets (the benchmark's own scoring)."""
    gold_counts, pred_counts = Counter(shingles(gold)), Counter(shingles(predicted))
    tp = sum((gold_counts & pred_counts).values())
    fp = sum((pred_counts - gold_counts).values())
    fn = sum((gold_counts - pred_counts).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def read(data: bytes, source: str, url: str | None) -> Article | None:
    try:
        return html_reader.read_html(data, source, url=url)
    except InputError:
        return None


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def bench_bodies(folder: Path, limit: int | None, use_url: bool) -> dict[str, Any]:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:limit]
    f1s: list[float] = []
    precisions: list[float] = []
    recalls: list[float] = []
    failures = 0
    for page_id in ids:
        data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        article = read(data, f"{page_id}.html", gold[page_id].get("url") if use_url else None)
        predicted = article.text if article is not None else ""
        failures += article is None
        expected = gold[page_id]["articleBody"]
        f1s.append(set_f1(expected, predicted))
        precision, recall = multiset_precision_recall(expected, predicted)
        precisions.append(precision)
        recalls.append(recall)
    p, r = mean(precisions), mean(recalls)
    return {
        "n_pages": len(ids),
        "body_f1": round(mean(f1s), 4),
        "body_f1_zyte": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "body_precision_zyte": round(p, 4),
        "body_recall_zyte": round(r, 4),
        "body_failures": failures,
    }


def _entries(folder: Path, index: str, pages: str, limit: int | None) -> list[tuple[str, dict[str, Any]]]:
    """The (url, record) pairs of a gold index whose page file is present (others were not copied)."""
    records: dict[str, dict[str, Any]] = json.loads((folder / index).read_text(encoding="utf-8"))
    present = {path.name for path in (folder / pages).iterdir()}
    return [(url, rec) for url, rec in sorted(records.items()) if rec.get("file") in present][:limit]


def bench_dates(folder: Path, limit: int | None, use_url: bool) -> dict[str, Any]:
    entries = _entries(folder, "eval_mediacloud_2020.json", "test_set", limit)
    correct = missing = undated = 0
    for url, record in entries:
        data = (folder / "test_set" / record["file"]).read_bytes()
        article = read(data, record["file"], url if use_url else None)
        published = article.published if article is not None else None
        missing += published is None
        # A few gold dates are NaN: the page has no publication date, so none is the right answer.
        gold = record.get("date")
        expected = gold if isinstance(gold, str) and gold not in ("", "nan") else None
        undated += expected is None
        correct += (published[:10] if published else None) == expected
    return {
        "n_dates": len(entries),
        "date_accuracy": round(correct / len(entries), 4) if entries else 0.0,
        "date_missing": missing,
        "date_gold_undated": undated,
    }


def _same(expected: Any, found: str | None) -> bool:
    if isinstance(expected, list):
        expected = "; ".join(expected)
    return " ".join(str(expected).split()) == " ".join((found or "").split())


def bench_metadata(folder: Path, limit: int | None, use_url: bool) -> dict[str, Any]:
    entries = _entries(folder, "evaldata.json", "eval", limit)
    fields: dict[str, Callable[[Article | None], str | None]] = {
        "title": lambda a: a.title if a else None,
        "author": lambda a: a.byline if a else None,
        "date": lambda a: a.published if a else None,
    }
    hits = dict.fromkeys(fields, 0)
    totals = dict.fromkeys(fields, 0)
    for url, record in entries:
        data = (folder / "eval" / record["file"]).read_bytes()
        article = read(data, record["file"], url if use_url else None)
        for name, get in fields.items():
            if record.get(name):
                totals[name] += 1
                hits[name] += _same(record[name], get(article))
    result: dict[str, Any] = {"n_metadata_pages": len(entries)}
    for name in fields:
        key = "date_accuracy_trafilatura_eval" if name == "date" else f"{name}_accuracy"
        result[key] = round(hits[name] / totals[name], 4) if totals[name] else 0.0
        result["n_metadata_dates" if name == "date" else f"n_{name}s"] = totals[name]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=PROJECT_ROOT.parent / "shared" / "peers",
                        help="folder of the peer corpora (default: ../shared/peers from the project root)")
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per corpus")
    parser.add_argument("--options", default=None,
                        help="JSON object replacing the reader's trafilatura options for this run")
    parser.add_argument("--no-url", action="store_true", help="do not pass the page URL to the reader")
    args = parser.parse_args(argv)

    if args.options is not None:
        html_reader.TRAFILATURA_OPTIONS = json.loads(args.options)
    use_url = not args.no_url
    started = time.perf_counter()
    metrics: dict[str, Any] = {"options": html_reader.TRAFILATURA_OPTIONS, "with_url": use_url}

    corpora: list[tuple[str, Callable[[Path, int | None, bool], dict[str, Any]]]] = [
        ("article-extraction-benchmark", bench_bodies),
        ("htmldate-mediacloud-en", bench_dates),
        ("trafilatura-eval-en", bench_metadata),
    ]
    for name, bench in corpora:
        folder = args.data / name
        if not folder.is_dir():
            print(f"{name}: not found at {folder}, skipped", flush=True)
            continue
        corpus_start = time.perf_counter()
        result = bench(folder, args.limit, use_url)
        metrics.update(result)
        summary = ", ".join(f"{k}={v}" for k, v in result.items())
        print(f"{name}: {summary} ({time.perf_counter() - corpus_start:.1f}s)", flush=True)

    metrics.setdefault("body_f1", 0.0)
    metrics.setdefault("n_pages", 0)
    metrics.setdefault("date_accuracy", 0.0)
    metrics.setdefault("n_dates", 0)
    metrics["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(metrics), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
