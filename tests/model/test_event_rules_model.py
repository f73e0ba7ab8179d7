"""Event types the RULES give (the learned classifier off), on news sentences of our own, one per error class
found by running the rules over the labelled training sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path: Path = tmp_path_factory.mktemp("rules") / "rules.toml"
    path.write_text("[events]\nlearned = false\n", encoding="utf-8")
    return Pipeline(load_config(path))


def types_of(pipeline: Pipeline, text: str) -> list[str]:
    return [e.type for e in pipeline.extract(text, published="2021-08-09").events]


@pytest.mark.parametrize("sentence", [
    "Norway shipped blankets and generators to the flooded province.",
    "The relief agency delivered rice to the stranded villagers.",
    "The Gulf fund disbursed $300 million to the island's government.",
    "Lebanon took in tens of thousands of refugees from the war.",
    "Canada granted visas to the interpreters who had fled.",
    "The bank lent the ministry 50 million dollars for new schools.",
])
def test_rules_aid_handed_over_is_aid(rules: Pipeline, sentence: str) -> None:
    # PLOVER AID: "the provision of material aid", named by what is delivered, shipped or paid out.
    assert types_of(rules, sentence) == ["AID"]


@pytest.mark.parametrize("sentence", [
    "The postman delivered the letters late.",
    "The agency sent a team to examine the crash site.",
])
def test_rules_a_delivery_of_no_aid_is_no_aid(rules: Pipeline, sentence: str) -> None:
    assert "AID" not in types_of(rules, sentence)


@pytest.mark.parametrize("sentence", [
    "Jordan and Iraq resumed oil exports through the northern pipeline.",
    "Kenya began importing maize from Zambia in March.",
    "The two airlines restarted flights between the capitals.",
    "Greek and Cypriot ships held joint naval drills south of Crete.",
    "Spanish and French police launched a coordinated operation against car thieves.",
    "Norway handed over two fugitives wanted for fraud to Swedish prosecutors.",
    "The two states reopened their border to traffic.",
])
def test_rules_trade_resumed_joint_operations_and_fugitives_handed_over_are_cooperation(
        rules: Pipeline, sentence: str) -> None:
    # PLOVER COOPERATE: material cooperation, economic (trade), military (joint operations) or judicial.
    assert types_of(rules, sentence) == ["COOPERATE"]


def test_rules_exercises_without_a_partner_stay_mobilization(rules: Pipeline) -> None:
    assert types_of(rules, "The navy conducted live-fire exercises near the islands.") == ["MOBILIZE"]


def test_rules_a_prisoner_handed_back_stays_a_retreat(rules: Pipeline) -> None:
    assert types_of(rules, "The rebels handed over the captured soldiers to the Red Cross.") == ["RETREAT"]


@pytest.mark.parametrize("sentence", [
    "Turkey moved tanks and artillery to the Syrian border.",
    "Britain dispatched a destroyer to the Gulf.",
    "The air force scrambled two jets when the bombers neared its airspace.",
    "The army put its reserve units on standby.",
    "Security was tightened at the stadium before the match.",
    "Police set up roadblocks on the roads out of the capital.",
    "Pakistan test-fired a cruise missile on Friday.",
])
def test_rules_forces_moved_alerted_or_weapons_tested_are_mobilization(rules: Pipeline, sentence: str) -> None:
    # PLOVER MOBILIZE: forces moved or put on alert, weapons tested, security raised: a show of force.
    assert types_of(rules, sentence) == ["MOBILIZE"]


def test_rules_agreeing_to_boost_security_cooperation_stays_an_agreement(rules: Pipeline) -> None:
    assert types_of(rules, "The two ministers agreed to boost security cooperation.") == ["AGREE"]


@pytest.mark.parametrize("sentence", [
    "Bus drivers in Lagos walked out over unpaid wages.",
    "Nurses walked off the job at three hospitals.",
    "Railway workers began an indefinite strike on Monday.",
    "Students held a vigil for the detained lecturer.",
    "Climate activists glued themselves to the runway.",
])
def test_rules_strikes_vigils_and_lock_ons_are_protest(rules: Pipeline, sentence: str) -> None:
    # PLOVER PROTEST: demonstrations, strikes and obstruction by civilians.
    assert types_of(rules, sentence) == ["PROTEST"]


def test_rules_walking_out_of_talks_stays_a_rejection(rules: Pipeline) -> None:
    assert types_of(rules, "The rebel delegation walked out of the peace talks.") == ["REJECT"]


@pytest.mark.parametrize("sentence", [
    "Border police seized a truck loaded with cigarettes.",
    "The authorities cut the internet across the northern provinces.",
    "The governor closed two churches in the district.",
    "The regulator revoked the licence of the opposition radio station.",
    "Officials evicted the traders from the central market.",
])
def test_rules_seizures_shutdowns_and_evictions_are_coercion(rules: Pipeline, sentence: str) -> None:
    # PLOVER COERCE: seizing property, administrative sanctions and restrictions, expulsions.
    assert types_of(rules, sentence) == ["COERCE"]


def test_rules_a_town_seized_stays_an_assault(rules: Pipeline) -> None:
    assert types_of(rules, "Rebels seized the town after a week of fighting.") == ["ASSAULT"]
