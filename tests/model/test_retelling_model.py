"""An act told again in an article is one event; an act spoken of in general is none (sentences of our own)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import Event

pytestmark = pytest.mark.model

PUBLISHED = "2021-08-09"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def code(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(text, published=PUBLISHED).events


def triggers(events: list[Event]) -> list[str]:
    return [e.trigger.text for e in events]


def test_retelling_a_demonstrative_event_noun_mentions_the_act_told_before(pipeline: Pipeline) -> None:
    events = code(pipeline, "Canada will withdraw its troops from Mali, the minister said. "
                            "The soldiers will stay safe as we carry out this drawdown, she said.")
    assert triggers(events) == ["withdraw"]


def test_retelling_an_owned_event_noun_with_nothing_new_mentions_the_act_told_before(pipeline: Pipeline) -> None:
    events = code(pipeline, "Rebel fighters captured the port of Aden on Monday. "
                            "Officials spoke about the rebels' advances on Friday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_retelling_an_act_with_no_actor_of_a_kind_already_told_is_that_act(pipeline: Pipeline) -> None:
    events = code(pipeline, "The two presidents held talks in Geneva on Tuesday. "
                            "Trade and border security were discussed.")
    assert triggers(events) == ["held talks"]


def test_retelling_the_same_act_told_in_two_sentences_is_one_event(pipeline: Pipeline) -> None:
    events = code(pipeline, "France will withdraw its soldiers from Mali by June, the minister said. "
                            "The government confirmed that France will withdraw its soldiers from Mali by June.")
    assert len(events) == 1


def test_retelling_keeps_an_act_with_its_own_date_and_target(pipeline: Pipeline) -> None:
    events = code(pipeline, "Rebels attacked a police post in Kandahar on Monday. "
                            "On Wednesday the rebels attacked an army base in Herat.")
    assert [e.type for e in events] == ["ASSAULT", "ASSAULT"]


def test_retelling_a_demonstrative_with_nothing_told_before_is_kept(pipeline: Pipeline) -> None:
    events = code(pipeline, "Officials said this withdrawal of French troops from Mali will start in May.")
    assert triggers(events) == ["withdrawal"]


@pytest.mark.parametrize("sentence", [
    "Any military takeover would deepen the crisis, the minister said.",
    "Every attack on aid workers is a crime, the envoy said.",
])
def test_retelling_a_generic_event_noun_tells_no_act(pipeline: Pipeline, sentence: str) -> None:
    assert code(pipeline, sentence) == []


def test_retelling_the_actors_own_forces_are_no_recipient(pipeline: Pipeline) -> None:
    events = code(pipeline, "Canada will remove its troops from Mali.")
    assert len(events) == 1
    assert [r.name for r in events[0].recipient] == ["Mali"]
