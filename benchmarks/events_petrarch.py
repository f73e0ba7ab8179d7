"""Event detection on PETRARCH-2's unit-test records: does a sentence that holds an event get one, and does a
sentence that holds none stay empty?

Usage:
    python benchmarks/events_petrarch.py --data ../shared/peers [--split all|even|odd]

Data (read at run time, never copied): ``petrarch2/PETR.UnitTest.records.xml`` under --data (or the file).
Each ``<Sentence date="YYYYMMDD" id=...>`` holds ``<EventCoding sourcecode= targetcode= eventcode=>`` lines,
or ``noevents="True"``, or an ``error=`` line (a record that tests a coder error: skipped), and the sentence
in ``<Text>``. The actors are fictional (Arnor, Gondor ...), so only the event itself is scored here; the
records were written to exercise a coder, not as a representative sample, so read the figures as a check on
error classes (false events, missed events), not as accuracy on news.

Each sentence becomes one Article dated by its record, and all go through one ``Pipeline().records`` call.

Metrics (the last stdout line is one JSON object):
- event_recall: share of coded sentences with at least one predicted event;
- events_per_sentence_no_event: mean number of predicted events on the ``noevents`` sentences (lower is
  better), and no_event_clean: the share of them with none;
- quad_accuracy: on coded sentences, whether some predicted event has the quad class of a gold code
  (CAMEO root 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4);
- root_accuracy: the same with the CAMEO root (two digits);
--split even|odd scores every other record only, for a held-back check of a change made by looking at the
other half.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.errors import InputError  # noqa: E402
from eventwire.ontology import root_quad_class  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.types import Article  # noqa: E402

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass
class Record:
    id: str
    date: str
    text: str
    codes: list[str] = field(default_factory=list)
    no_event: bool = False


def records_path(data: Path) -> Path:
    for candidate in (data, data / "PETR.UnitTest.records.xml", data / "petrarch2" / "PETR.UnitTest.records.xml"):
        if candidate.is_file():
            return candidate
    sys.exit(f"no petrarch2/PETR.UnitTest.records.xml at or under {data}")


def read_records(path: Path) -> list[Record]:
    out: list[Record] = []
    for match in _SENTENCE.finditer(_COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))):
        attrs = dict(_ATTR.findall(match.group(1)))
        body = match.group(2)
        text = _TEXT.search(body)
        if text is None:
            continue
        record = Record(id=attrs.get("id", f"r{len(out)}"), date=attrs.get("date", ""),
                        text=" ".join(text.group(1).split()))
        errors = False
        for coding in _CODING.finditer(body):
            fields = {k.lower(): v for k, v in _ATTR.findall(coding.group(1))}
            if fields.get("noevents", "").lower() == "true":
                record.no_event = True
            elif "error" in fields:
                errors = True
            elif fields.get("eventcode"):
                record.codes.append(fields["eventcode"].strip())
        if not errors and (record.codes or record.no_event):
            out.append(record)
    return out


def quad(code: str) -> int | None:
    """The quad class of a gold code; None for the records' own codes outside CAMEO (roots over 20)."""
    try:
        return root_quad_class(code)
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if re.fullmatch(r"\d{8}", value) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "peers")
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    args = parser.parse_args()
    records = read_records(records_path(args.data))
    if args.split != "all":
        records = records[(0 if args.split == "even" else 1)::2]
    started = time.time()
    articles = [Article(text=r.text, source=r.id, published=iso_date(r.date)) for r in records]
    results = list(Pipeline().records(articles))
    coded = found = quad_ok = root_ok = 0
    empty_events: list[int] = []
    failures = 0
    for record, result in zip(records, results, strict=True):
        if isinstance(result, InputError):
            failures += 1
            continue
        events = result.events
        if record.no_event:
            empty_events.append(len(events))
            continue
        coded += 1
        found += bool(events)
        gold_quads = {quad(c) for c in record.codes}
        gold_roots = {c.strip()[:2] for c in record.codes}
        quad_ok += any(e.quad_class in gold_quads for e in events)
        root_ok += any((e.cameo or "")[:2] in gold_roots for e in events)
        if not events:
            print(f"missed {record.id}: {record.text[:100]}", file=sys.stderr)
    for record, result in zip(records, results, strict=True):
        if record.no_event and not isinstance(result, InputError) and result.events:
            print(f"false {record.id}: {[e.type for e in result.events]} {record.text[:90]}", file=sys.stderr)
    metrics = {
        "split": args.split, "records": len(records), "coded": coded, "no_event_sentences": len(empty_events),
        "event_recall": round(found / coded, 4) if coded else None,
        "events_per_sentence_no_event": round(sum(empty_events) / len(empty_events), 4) if empty_events else None,
        "no_event_clean": round(sum(1 for n in empty_events if n == 0) / len(empty_events), 4) if empty_events
        else None,
        "quad_accuracy": round(quad_ok / coded, 4) if coded else None,
        "root_accuracy": round(root_ok / coded, 4) if coded else None,
        "failures": failures, "seconds": round(time.time() - started, 1),
    }
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
