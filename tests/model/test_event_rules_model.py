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
