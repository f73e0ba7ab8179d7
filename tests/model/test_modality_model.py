"""Modality on sentences of our own, parsed by the pinned model: an event is `asserted` only when the text
says it happened; conditions, readiness, requests, plans and refusals each have their own class."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def code(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(text, published="2021-08-09").events


def with_word(events: list[Event], word: str) -> Event:
    found = [e for e in events if word in e.trigger.text.lower().split()]
    assert found, [(e.type, e.trigger.text) for e in events]
    return found[0]


@pytest.mark.parametrize(("sentence", "word"), [
    ("If the gangs attack the market again, the police will respond.", "attack"),
    ("Unless the army withdraws its tanks from the valley, the rebels will not negotiate.", "withdraws"),
    ("The ceasefire will last as long as nobody bombs the harbour.", "bombs"),
    ("The ferry may sail on Monday providing that the pirates free the crew.", "free"),
    ("Should the guerrillas shell the airport, the flights would stop.", "shell"),
    ("The villagers fled to the hills in the event the militia attacked.", "attacked"),
])
def test_modality_an_act_in_a_condition_is_hypothetical(pipeline: Pipeline, sentence: str, word: str) -> None:
    event = with_word(code(pipeline, sentence), word)
    assert event.modality == "hypothetical"
    assert event.type not in ("AGREE", "THREATEN", "CONCEDE")  # a condition announces nothing


@pytest.mark.parametrize(("sentence", "word"), [
    ("The coast guard is on standby to deliver aid to the stranded villages.", "deliver"),
    ("The opposition said it was ready to negotiate with the council.", "negotiate"),
    ("The neighbouring state is willing to mediate between the factions.", "mediate"),
])
def test_modality_readiness_is_hypothetical(pipeline: Pipeline, sentence: str, word: str) -> None:
    assert with_word(code(pipeline, sentence), word).modality == "hypothetical"


@pytest.mark.parametrize(("sentence", "word"), [
    ("The bishops called on the generals to negotiate with the students and to free the prisoners.", "free"),
    ("The monitors urged the militias to stop shelling the villages and withdraw their fighters.", "withdraw"),
    ("The neighbours pressed the junta to free the detained reporters.", "free"),
])
def test_modality_every_act_asked_for_is_requested(pipeline: Pipeline, sentence: str, word: str) -> None:
    events = code(pipeline, sentence)
    assert with_word(events, word).modality == "requested"
    assert not [e for e in events if e.modality == "asserted" and e.type != "REQUEST"]


def test_modality_a_plan_is_future(pipeline: Pipeline) -> None:
    assert with_word(code(pipeline, "The ministry intends to deploy troops along the coast."), "deploy").modality \
        == "future"


@pytest.mark.parametrize(("sentence", "refused"), [
    ("The governor refused to meet the union leaders.", "meet"),
    ("The council declined to lift the curfew.", "lift"),
    ("The government rejected calls to free the jailed activists.", "free"),
])
def test_modality_a_refusal_is_one_reject_and_the_refused_act_is_not_asserted(
        pipeline: Pipeline, sentence: str, refused: str) -> None:
    events = code(pipeline, sentence)
    assert "REJECT" in {e.type for e in events}
    assert not [e for e in events if refused in e.trigger.text.lower().split() and e.modality == "asserted"]


def test_modality_failing_to_act_is_negated_and_not_doing_it_too(pipeline: Pipeline) -> None:
    assert with_word(code(pipeline, "The two parties failed to reach an agreement."), "reach").modality == "negated"
    assert with_word(code(pipeline, "The rebels did not attack the garrison."), "attack").modality == "negated"


@pytest.mark.parametrize("sentence", [
    "The interior minister warned that the police would respond with force if the strikers blocked the port.",
    "The junta threatened to arrest the editors if the newspaper attacked the government again.",
    "The admiral warned the smugglers of a firm response if they fired on the patrol boats.",
])
def test_modality_a_warning_of_force_if_is_one_threat(pipeline: Pipeline, sentence: str) -> None:
    events = code(pipeline, sentence)
    assert [e.type for e in events] == ["THREATEN"], [(e.type, e.trigger.text) for e in events]
    assert events[0].modality == "asserted"


def test_modality_provided_that_is_no_aid(pipeline: Pipeline) -> None:
    events = code(pipeline, "The road will reopen provided that the repairs end in time.")
    assert "AID" not in {e.type for e in events} and "AGREE" not in {e.type for e in events}


def test_modality_a_forecast_with_if_is_no_threat_and_a_threat_keeps_its_target(pipeline: Pipeline) -> None:
    assert not [e for e in code(pipeline, "The fund warned that the economy would shrink if the war continued.")
                if e.type == "THREATEN"]
    (threat,) = [e for e in code(pipeline, "Ruritania warned it would strike Borduria if the talks failed.")
                 if e.type == "THREATEN"]
    assert [a.name for a in threat.recipient] != [a.name for a in threat.actor]


def test_modality_calling_someone_to_do_a_thing_asks_nothing(pipeline: Pipeline) -> None:
    events = code(pipeline, "The envoy called the president to congratulate him on the result.")
    assert events and all(e.modality != "requested" for e in events)
    asked = code(pipeline, "The envoy called on the president to release the prisoners.")
    assert any(e.modality == "requested" for e in asked)
