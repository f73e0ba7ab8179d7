"""The modality test set of our own sentences (tests/data/modality.jsonl) and the scoring of
benchmarks/modality.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.modality import Case, read_cases, score

from eventwire.types import Event, Modality, Span

DATA = Path(__file__).resolve().parents[1] / "data" / "modality.jsonl"
MODALITIES = {"asserted", "negated", "requested", "hypothetical", "future", "historical"}


def test_bench_modality_the_set_covers_every_class() -> None:
    cases = read_cases(DATA)
    assert len(cases) >= 40
    classes = Counter(c.cls for c in cases)
    for cls in ("asserted", "negated", "requested", "hypothetical", "future", "refusal", "threat", "none"):
        assert classes[cls] >= 4, cls
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert (case.trigger is None) == (case.cls == "none"), case.id
        assert case.modality is None or case.modality in MODALITIES, case.id


def _event(trigger: str, modality: Modality, etype: str = "ASSAULT") -> Event:
    return Event(id="e", type=etype, trigger=Span(trigger, 0, len(trigger)), sentence=Span(trigger, 0, len(trigger)),
                 modality=modality)


def test_bench_modality_scores_modality_spurious_events_and_no_event_sentences() -> None:
    cases = [Case("a", "hypothetical", "x", trigger="attack", modality="hypothetical", not_asserted=("seize",)),
             Case("b", "threat", "x", trigger="warned", modality="asserted", type="THREATEN"),
             Case("c", "none", "x")]
    predicted = [[_event("attack", "hypothetical"), _event("seize", "asserted")],
                 [_event("warned", "asserted", "ACCUSE")],
                 [_event("met", "asserted"), _event("talks", "asserted")]]
    result = score(cases, predicted, show=False)
    assert result["modality_accuracy"] == 1.0 and result["type_accuracy"] == 0.0
    assert result["spurious_asserted"] == 1 and result["none_events_per_sentence"] == 2.0
