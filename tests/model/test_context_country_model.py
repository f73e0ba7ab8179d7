"""An actor the knowledge base does not know takes the country the sentence names nearest to it, unless that
country is itself the other party of the event. Sentences of our own, parsed by the pinned model."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def one(pipeline: Pipeline, text: str, etype: str) -> Event:
    found = pipeline.extract(text, published="2022-03-01").events
    typed = [e for e in found if e.type == etype]
    assert len(typed) == 1, [(e.type, e.trigger.text) for e in found]
    return typed[0]


def test_context_country_a_titled_person_takes_the_country_of_the_capital_named(pipeline: Pipeline) -> None:
    event = one(pipeline, "President Marta Kovacs threatened to impose a curfew in La Paz after the riots.",
                "THREATEN")
    assert [a.country for a in event.actor] == ["BOL"]


def test_context_country_a_recipient_takes_the_demonym_of_the_sentence(pipeline: Pipeline) -> None:
    event = one(pipeline, "Chilean students accused Interior Minister Tomas Berg of lying.", "ACCUSE")
    assert [a.country for a in event.actor] == ["CHL"]
    assert [r.country for r in event.recipient] == ["CHL"]


def test_context_country_a_state_that_is_the_other_party_gives_no_country(pipeline: Pipeline) -> None:
    event = one(pipeline, "Senator Paul Weller accused Peru of lying.", "ACCUSE")
    assert [a.country for a in event.actor] == [None]
    assert [r.country for r in event.recipient] == ["PER"]


def test_context_country_a_currency_is_no_country(pipeline: Pipeline) -> None:
    event = one(pipeline, "Judge Ana Ruiz accused the mayor of stealing US $2 million.", "ACCUSE")
    assert [a.country for a in event.actor] == [None]


def test_context_country_a_country_inside_a_longer_name_counts(pipeline: Pipeline) -> None:
    # The knowledge base knows the whole name as an armed group; "Angola" inside it still names the state.
    event = one(pipeline, "President Marta Kovacs accused the National Union for the Total Independence of Angola "
                          "of lying.", "ACCUSE")
    assert [a.country for a in event.actor] == ["AGO"]


def test_a_protest_is_aimed_at_whom_its_purpose_clause_names(pipeline: Pipeline) -> None:
    event = one(pipeline, "Thousands of Chilean miners marched on Monday to demand the resignation of Mining "
                          "Minister Ana Ruiz.", "PROTEST")
    assert [r.text for r in event.recipient] == ["Mining Minister Ana Ruiz"]
    assert [r.country for r in event.recipient] == ["CHL"]


@pytest.mark.parametrize(("sentence", "trigger", "code"), [
    ("Chile is willing to withdraw its troops from Bolivia.", "withdraw", "CHL"),
    ("Peru is ready to contribute 500 troops to the force.", "contribute", "PER"),
])
def test_the_subject_of_willing_or_ready_is_the_actor_of_the_act(pipeline: Pipeline, sentence: str, trigger: str,
                                                                 code: str) -> None:
    found = [e for e in pipeline.extract(sentence, published="2022-03-01").events if e.trigger.text == trigger]
    assert len(found) == 1 and [a.country for a in found[0].actor] == [code]


@pytest.mark.parametrize(("sentence", "etype", "code"), [
    ("Ethnic Albanians in southern Serbia demanded autonomy.", "REQUEST", "SRB"),
    ("Up to 100 ethnic Hungarians demonstrated on Tuesday in Romania.", "PROTEST", "ROU"),
    ("Ethnic Russians rejected the plan.", "REJECT", None),
])
def test_an_ethnic_group_is_no_state_of_its_name(pipeline: Pipeline, sentence: str, etype: str,
                                                 code: str | None) -> None:
    actors = one(pipeline, sentence, etype).actor
    assert [a.country for a in actors] == [code] and actors[0].kind == "group"


@pytest.mark.parametrize(("sentence", "code"), [
    ("Russia threatened to stop the talks if the United States deploys new missiles.", "USA"),
    ("Chile threatened to close the border unless Peru withdrew its troops.", "PER"),
])
def test_a_threat_is_aimed_at_the_subject_of_its_condition(pipeline: Pipeline, sentence: str, code: str) -> None:
    assert [r.country for r in one(pipeline, sentence, "THREATEN").recipient] == [code]


def test_the_object_of_a_dative_to_receives_the_aid(pipeline: Pipeline) -> None:
    event = one(pipeline, "The United States is providing weapons to Ukraine.", "AID")
    assert [r.country for r in event.recipient] == ["UKR"]


@pytest.mark.parametrize(("sentence", "etype", "code"), [
    ("The government of Ontario province has ordered patrols by police after violent protests.", "MOBILIZE", "CAN"),
    ("Students rioted at a university in Mendoza on Monday.", "PROTEST", "ARG"),
])
def test_a_resolved_place_of_the_sentence_places_a_domestic_actor(pipeline: Pipeline, sentence: str, etype: str,
                                                                  code: str) -> None:
    assert [a.country for a in one(pipeline, sentence, etype).actor] == [code]


def test_attackers_take_no_country_from_their_victims(pipeline: Pipeline) -> None:
    event = one(pipeline, "Gunmen abducted Turkish engineers near the border.", "ASSAULT")
    assert [a.country for a in event.actor] == [None]
    assert [r.country for r in event.recipient] == ["TUR"]


def test_the_actor_of_a_quarrel_still_takes_the_country_of_the_other_party(pipeline: Pipeline) -> None:
    event = one(pipeline, "Students demanded the resignation of the Kenyan president.", "REQUEST")
    assert [a.country for a in event.actor] == ["KEN"]


def test_a_people_named_by_the_state_they_live_in_is_that_states(pipeline: Pipeline) -> None:
    event = one(pipeline, "Bosnian Serbs demanded a truce with the army.", "REQUEST")
    assert [a.country for a in event.actor] == ["BIH"]
    assert [r.country for r in event.recipient] == ["BIH"]  # the country word inside the actor is Bosnia's


def test_an_instrument_used_to_act_is_not_the_actor_of_the_purpose(pipeline: Pipeline) -> None:
    event = one(pipeline, "Kenyan riot police used tear gas to disperse protesters in the capital.", "ASSAULT")
    assert [a.country for a in event.actor] == ["KEN"]


def test_a_un_agency_named_with_a_party_word_is_an_igo(pipeline: Pipeline) -> None:
    event = one(pipeline, "The International Labour Organization demanded that Israel lift restrictions on "
                "Palestinian workers.", "REQUEST")
    assert [a.country for a in event.actor] == ["IGO"]


def test_a_people_named_by_its_state_places_the_forces_it_speaks_of_there(pipeline: Pipeline) -> None:
    event = one(pipeline, "Bosnian Serbs said their forces had completed their withdrawal from the town.", "RETREAT")
    assert [a.country for a in event.actor] == ["BIH"]
