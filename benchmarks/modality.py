"""Modality benchmark: is an event coded as done only when the text says it was done?

Usage:
    python benchmarks/modality.py --data tests/data/modality.jsonl
                                  [--petrarch ../shared/peers/petrarch2] [--half even|odd] [--show-errors]

No public gold we can use codes modality (PLOVER's gold standard records have "mode" and "context", not
whether the act happened), so --data is a JSON Lines file of sentences WE wrote (tests/data/modality.jsonl),
one object a line:

- "id", "class" (asserted, negated, requested, hypothetical, future, refusal, threat, none), "text";
- "trigger": a word of the trigger of the event scored (absent for class "none"), "modality": its gold
  modality, optionally "type": its gold PLOVER type;
- optionally "not_asserted": words that must not be the trigger of an `asserted` event (the refused act
  of "refused to meet", the condition of "threatened to strike if ...", the second verb of a request).

--petrarch (the petrarch2 peer folder or its PETR.UnitTest.records.xml; read at run time, never copied) adds
the records its coders marked ``noevents="True"``: sentences with no event.

Metrics (the last stdout line is one JSON object; errors go to stderr):

- modality_accuracy: share of sentences with a gold trigger whose event (the first predicted event whose
  trigger text holds the trigger word) has the gold modality; no such event is wrong. Also per class.
- type_accuracy: the same for the sentences whose gold gives a type.
- spurious_asserted: the number of asserted events whose trigger holds a "not_asserted" word (lower is better).
- none_events_per_sentence (our class "none") and petrarch_noevent_events_per_sentence: the mean number of
  events on sentences with no event (lower is better).

--half even|odd scores the sentences whose position in the file (from 0) is even or odd only: develop on one
half and check the other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest.text import read_text  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.types import Event  # noqa: E402

# The PETRARCH-2 records are read by the benchmark beside this one (the tests import this file as
# benchmarks.modality, so its folder is put on the path here, not only when it runs as a script).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_petrarch import read_records, records_path  # noqa: E402

PUBLISHED = "2021-08-09"


@dataclass(frozen=True)
class Case:
    id: str
    cls: str
    text: str
    trigger: str | None = None
    modality: str | None = None
    type: str | None = None
    not_asserted: tuple[str, ...] = field(default_factory=tuple)


def read_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "text" not in row or "class" not in row:
            raise SystemExit(f"{path}:{number}: a case needs 'text' and 'class'")
        cases.append(Case(id=row.get("id", str(number)), cls=row["class"], text=row["text"],
                          trigger=row.get("trigger"), modality=row.get("modality"), type=row.get("type"),
                          not_asserted=tuple(row.get("not_asserted", ()))))
    return cases


def read_petrarch_noevents(path: Path) -> list[str]:
    """The texts of the PETRARCH-2 unit-test records coded ``noevents="True"`` (each once), read by the
    PETRARCH benchmark's own reader."""
    return list(dict.fromkeys(r.text for r in read_records(records_path(path)) if r.no_event))


def run(texts: Sequence[str]) -> list[list[Event]]:
    articles = [read_text(text, f"m{n}", published=PUBLISHED) for n, text in enumerate(texts)]
    found: list[list[Event]] = []
    for result in Pipeline().records(articles):
        found.append([] if isinstance(result, InputError) else list(result.events))
    return found


def _holds(event: Event, word: str) -> bool:
    return word.lower() in event.trigger.text.lower().split()


def score(cases: Sequence[Case], predicted: Sequence[Sequence[Event]], show: bool) -> dict[str, Any]:
    right: dict[str, list[bool]] = defaultdict(list)
    types: list[bool] = []
    spurious = 0
    none_events: list[int] = []
    for case, events in zip(cases, predicted, strict=True):
        if case.cls == "none":
            none_events.append(len(events))
            if events and show:
                print(f"{case.id} none: {[(e.type, e.trigger.text) for e in events]}", file=sys.stderr)
            continue
        for event in events:
            if event.modality == "asserted" and any(_holds(event, w) for w in case.not_asserted):
                spurious += 1
                if show:
                    print(f"{case.id} spurious asserted {event.type} [{event.trigger.text}]", file=sys.stderr)
        if case.trigger is None:
            continue
        chosen = next((e for e in events if _holds(e, case.trigger)), None)
        ok = chosen is not None and chosen.modality == case.modality
        right[case.cls].append(ok)
        if case.type is not None:
            types.append(chosen is not None and chosen.type == case.type)
        if show and (not ok or (case.type is not None and (chosen is None or chosen.type != case.type))):
            got = "no event" if chosen is None else f"{chosen.type} {chosen.modality}"
            print(f"{case.id} {case.cls}: want {case.type or ''} {case.modality} [{case.trigger}], got {got}; "
                  f"{case.text}", file=sys.stderr)
    scored = [ok for oks in right.values() for ok in oks]
    return {
        "modality_accuracy": round(sum(scored) / len(scored), 4) if scored else None,
        "by_class": {cls: round(sum(oks) / len(oks), 3) for cls, oks in sorted(right.items())},
        "type_accuracy": round(sum(types) / len(types), 4) if types else None,
        "spurious_asserted": spurious,
        "none_events_per_sentence": round(sum(none_events) / len(none_events), 3) if none_events else None,
        "n": len(scored),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "modality.jsonl",
                        help="JSON Lines of modality cases (tests/data/modality.jsonl)")
    parser.add_argument("--petrarch", type=Path, default=None,
                        help="the petrarch2 peer folder or PETR.UnitTest.records.xml (adds its no-event records)")
    parser.add_argument("--half", choices=("even", "odd"), default=None, help="score one half of --data only")
    parser.add_argument("--show-errors", action="store_true", help="print the errors to stderr")
    args = parser.parse_args()

    cases = read_cases(args.data)
    if args.half is not None:
        cases = cases[(0 if args.half == "even" else 1)::2]
    noevents = read_petrarch_noevents(args.petrarch) if args.petrarch else []
    predicted = run([c.text for c in cases] + noevents)
    result = score(cases, predicted[: len(cases)], args.show_errors)
    if noevents:
        counts = [len(e) for e in predicted[len(cases):]]
        result["petrarch_noevent_events_per_sentence"] = round(sum(counts) / len(counts), 3)
        result["petrarch_noevent_n"] = len(counts)
        if args.show_errors:
            for text, events in zip(noevents, predicted[len(cases):], strict=True):
                if events:
                    print(f"petrarch no-event: {[(e.type, e.trigger.text) for e in events]}: {text[:90]}",
                          file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
