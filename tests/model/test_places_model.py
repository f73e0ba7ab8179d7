"""Places and event locations on sentences of our own, parsed by the pinned model."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import ArticleRecord

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def extract(pipeline: Pipeline, text: str) -> ArticleRecord:
    return pipeline.extract(text, published="2021-08-09")


def test_places_model_resolves_cities_and_countries(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Fighting spread from Kandahar to Herat, the second city of Afghanistan, on Monday.")
    got = {p.text: (p.country, p.feature) for p in record.places}
    assert got.get("Kandahar") == ("AFG", "city")
    assert got.get("Herat") == ("AFG", "city")
    assert got.get("Afghanistan") == ("AFG", "country")
    for place in record.places:
        assert record.article.text[place.start:place.end] == place.text
        assert place.lat is not None and place.lon is not None


def test_places_model_capital_as_speaker_is_no_place(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Moscow rejected the proposal on Tuesday, and talks in Geneva were suspended.")
    texts = [p.text for p in record.places]
    assert "Moscow" not in texts
    assert "Geneva" in texts


def test_places_model_event_located_by_its_preposition(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Insurgents attacked a police checkpoint in Kunduz on Sunday, officials in Kabul said.")
    attacks = [e for e in record.events if e.type == "ASSAULT"]
    assert attacks, [(e.type, e.trigger.text) for e in record.events]
    assert attacks[0].location is not None and attacks[0].location.text == "Kunduz"
