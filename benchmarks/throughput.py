"""Throughput: articles per second of `eventwire extract` against plain `nlp.pipe`, same model, same run.

Usage:
    python benchmarks/throughput.py --data ../shared/seeds [--repeat 20]

Both sides get the same articles (the inputs under --data, repeated --repeat times) and the same loaded
model, after one warm-up pass. "eventwire" is the whole extract path from the input files to records
(reading, furniture, parsing, extraction); "spacy" is `nlp.pipe` over the already-read texts. The
ratio says what our reading and extraction cost on top of the parse. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.batch import extract_inputs  # noqa: E402
from eventwire.config import load_config  # noqa: E402
from eventwire.ingest.sources import iter_articles  # noqa: E402
from eventwire.nlp.loader import installed_model  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.types import Article, ArticleRecord  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "seeds",
                        help="files or a directory of articles (any format eventwire reads)")
    parser.add_argument("--repeat", type=int, default=20, help="times each input is processed")
    args = parser.parse_args()

    config = load_config()
    pipeline = Pipeline(config)
    pipeline.nlp  # noqa: B018  (load ours first so both sides start warm)
    # The baseline is the bare pinned model, loaded on its own: pipeline.nlp carries our components.
    import spacy

    name = installed_model(tuple(config.get("model.names")))
    if name is None:
        sys.exit("the English model is not installed")
    nlp = spacy.load(name)
    inputs = [str(args.data)] * args.repeat
    articles = [a for a in iter_articles([str(args.data)], config=config) if isinstance(a, Article)]
    if not articles:
        sys.exit(f"no readable articles under {args.data}")
    texts = [a.text for a in articles] * args.repeat
    batch = config.get("model.batch_size")

    list(nlp.pipe(texts[: len(articles)], batch_size=batch))  # warm-up: first calls allocate
    list(pipeline.records(articles))
    start = time.perf_counter()
    n_spacy = sum(1 for _ in nlp.pipe(texts, batch_size=batch))
    spacy_s = time.perf_counter() - start
    print(f"spacy nlp.pipe: {n_spacy} articles in {spacy_s:.2f} s", file=sys.stderr)

    start = time.perf_counter()
    n_ours = sum(1 for r in extract_inputs(inputs, pipeline=pipeline, config=config)
                 if isinstance(r, ArticleRecord))
    ours_s = time.perf_counter() - start
    print(f"eventwire extract: {n_ours} articles in {ours_s:.2f} s", file=sys.stderr)

    ours, theirs = n_ours / ours_s, n_spacy / spacy_s
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({
        "articles": n_ours,
        "chars": sum(len(t) for t in texts),
        "articles_per_s": round(ours, 2),
        "spacy_articles_per_s": round(theirs, 2),
        "ratio": round(ours / theirs, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }))


if __name__ == "__main__":
    main()
