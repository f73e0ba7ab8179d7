"""The pure scoring functions of benchmarks/events_plover.py, on tiny hand-written records."""

from __future__ import annotations

from typing import Any

import pytest
from benchmarks.events_plover import (
    NO_EVENT,
    GoldSentence,
    choose_by_confidence,
    choose_event,
    gold_countries,
    macro_f1,
    per_label_prf,
    predicted_countries,
    quad_label,
    score_plover,
    set_micro_f1,
    spread,
    stems,
    top_confusions,
)


def event(kind: str, trigger: str, *, actor: tuple[str, ...] = (), recipient: tuple[str, ...] = (),
          quad: int | None = None, confidence: float = 0.0) -> dict[str, Any]:
    return {"type": kind, "trigger": {"text": trigger, "start": 0, "end": len(trigger)},
            "actor": [{"text": c, "country": c} for c in actor],
            "recipient": [{"text": c, "country": c} for c in recipient],
            "quad_class": quad, "confidence": confidence}


def test_stems_drop_function_words_and_cut_to_four_letters() -> None:
    assert stems("said would allow inspectors") == {"allo", "insp"}
    assert stems("agreed to resign") == stems("agreement resignation")


def test_choose_event_prefers_trigger_overlap_then_first_then_none() -> None:
    talks, fight = event("CONSULT", "held talks"), event("ASSAULT", "shelled")
    assert choose_event([talks, fight], "shelling of the town") is fight
    assert choose_event([talks, fight], "will resign") is talks  # no overlap: the first
    assert choose_event([], "agreed") is None
    # "will" alone is not evidence: the first event stays
    assert choose_event([talks, event("THREATEN", "will")], "will attack") is talks


def test_choose_by_confidence_keeps_the_first_of_equals() -> None:
    a, b = event("AID", "gave", confidence=0.5), event("AID", "sent", confidence=0.9)
    c = event("AID", "x", confidence=0.9)
    assert choose_by_confidence([a, b, c]) is b
    assert choose_by_confidence([]) is None


def test_quad_label_maps_no_event_to_statement_and_missing_quad_to_unknown() -> None:
    assert quad_label(None) == "0"
    assert quad_label(event("ASSAULT", "shot", quad=4)) == "4"
    assert quad_label(event("ASSAULT", "shot")) == "?"
    assert quad_label(event("ASSAULT", "shot", quad=9)) == "?"


def test_country_sets_skip_empty_codes_and_tolerate_non_lists() -> None:
    assert gold_countries([{"code": "jap"}, {"code": ""}, {"actorText": "x"}, {"code": "USA"}]) == {"JPN", "USA"}
    assert gold_countries("diplomatic") == set() and gold_countries(None) == set()
    assert predicted_countries([{"country": "AFG"}, {"country": None}]) == {"AFG"}


def test_set_micro_f1_sums_intersections_over_sentences() -> None:
    # tp 1+0, fp 1+0, fn 0+1 -> 2 / (2 + 1 + 1)
    assert set_micro_f1([({"USA"}, {"USA", "IRQ"}), ({"ISR"}, set())]) == pytest.approx(0.5)
    assert set_micro_f1([]) == 0.0
    assert set_micro_f1([({"USA"}, {"USA"})]) == 1.0


def test_macro_f1_counts_no_event_as_a_miss_and_averages_over_gold_types() -> None:
    pairs = [("AGREE", "AGREE"), ("AGREE", NO_EVENT), ("REJECT", "AGREE"), ("REJECT", "REJECT")]
    table = per_label_prf(pairs, ["AGREE", "REJECT", "AID"])
    assert table["AGREE"].precision == pytest.approx(0.5) and table["AGREE"].recall == pytest.approx(0.5)
    assert table["REJECT"].f1 == pytest.approx(2 / 3)
    assert table["AID"].support == 0 and table[NO_EVENT].predicted == 1
    assert macro_f1(pairs) == pytest.approx((0.5 + 2 / 3) / 2)  # AID, not in the gold, is not averaged
    assert macro_f1([]) == 0.0
    assert top_confusions(pairs) == [(("AGREE", NO_EVENT), 1), (("REJECT", "AGREE"), 1)]


def test_score_plover_end_to_end_on_contract_dicts() -> None:
    gold = [
        GoldSentence("a", "x", "CONSULT", "held talks", {"USA"}, {"IRQ"}),
        GoldSentence("b", "y", "ASSAULT", "shelled", {"ISR"}, set()),
        GoldSentence("c", "z", "AGREE", "agreed", {"FRA"}, set()),
    ]
    predicted = [
        [event("ASSAULT", "bombed"), event("CONSULT", "talks", actor=("USA",), recipient=("IRQ",))],
        [event("ASSAULT", "shelled", actor=("ISR",), recipient=("PSE",))],
        [],
    ]
    result = score_plover(gold, predicted)
    assert result["type_accuracy"] == pytest.approx(0.6667)
    assert result["coverage"] == pytest.approx(0.6667) and result["events_per_sentence"] == 1.0
    assert result["actor_country_f1"] == pytest.approx(0.8)  # tp 2, fn 1
    assert result["recipient_country_f1"] == pytest.approx(0.6667)  # tp 1, fp 1
    assert result["n"] == 3


def test_spread_takes_even_steps() -> None:
    items = [GoldSentence(str(i), "t") for i in range(10)]
    assert [g.id for g in spread(items, 3)] == ["0", "3", "6"]
    assert spread(items, None) == items and spread(items, 50) == items


def test_quad_label_reads_a_cameo_statement_or_appeal_code_as_the_statement_label() -> None:
    declined = {**event("REJECT", "declined to comment", quad=1), "cameo": "011"}
    urged = {**event("REQUEST", "urged", quad=1), "cameo": "020"}
    refused = {**event("REJECT", "refused", quad=3), "cameo": "120"}
    assert quad_label(declined) == "0" and quad_label(urged) == "0"
    assert quad_label(refused) == "3"
    assert quad_label(urged, statements=False) == "1"  # by quad class alone, an appeal is verbal cooperation
