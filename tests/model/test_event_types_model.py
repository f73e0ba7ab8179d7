"""Event types by the PLOVER codebook's definitions, on news sentences of our own (one per construction)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def types_of(pipeline: Pipeline, text: str) -> list[str]:
    return [e.type for e in pipeline.extract(text, published="2021-08-09").events]


@pytest.mark.parametrize("sentence", [
    "Prosecutors indicted the former governor on bribery charges.",
    "Prosecutors charged the former minister with corruption.",
    "The state prosecuted the editor for insulting the army.",
])
def test_types_a_formal_charge_is_an_accusation_not_an_arrest(pipeline: Pipeline, sentence: str) -> None:
    # PLOVER ACCUSE (allege): "a specific accusation, lawsuit, indictment, charge or trial"; COERCE is the arrest.
    assert types_of(pipeline, sentence) == ["ACCUSE"]


@pytest.mark.parametrize("sentence", [
    "Activists alleged that soldiers had detained protesters without charge.",
    "The ministry charged that rebels had abducted dozens of villagers.",
])
def test_types_an_allegation_with_a_clause_is_one_accusation(pipeline: Pipeline, sentence: str) -> None:
    # The alleged act is the accusation's content, not an event told as done.
    assert types_of(pipeline, sentence) == ["ACCUSE"]


def test_types_an_arrest_stays_coercion(pipeline: Pipeline) -> None:
    assert types_of(pipeline, "Police arrested the opposition leader at his home.") == ["COERCE"]


@pytest.mark.parametrize("sentence", [
    "Militants took dozens of hostages at the hotel.",
    "Gunmen took 30 people hostage in the embassy.",
])
def test_types_hostage_taking_is_assault(pipeline: Pipeline, sentence: str) -> None:
    # PLOVER ASSAULT (abduct): "kidnapping, hostage taking or hijacking".
    assert types_of(pipeline, sentence) == ["ASSAULT"]


@pytest.mark.xfail(reason="a warning that an act would be 'met with force' names no act of the warner's in the lexicon")
def test_types_warning_of_force_is_a_threat(pipeline: Pipeline) -> None:
    assert types_of(pipeline, "The president warned that any attack would be met with force.") == ["THREATEN"]


@pytest.mark.xfail(reason="a demand made by demonstrators at a gathering is coded REQUEST; the gathering is no trigger")
def test_types_demonstrators_gathering_to_demand_is_a_protest(pipeline: Pipeline) -> None:
    types = types_of(pipeline, "Demonstrators gathered in the square to demand the release of political prisoners.")
    assert "PROTEST" in types
