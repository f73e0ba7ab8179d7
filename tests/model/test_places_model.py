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


def test_places_model_country_modifying_a_noun_names_whose(pipeline: Pipeline) -> None:
    record = extract(pipeline, "British soldiers and UK officials guarded the Canadian consulate while the UK convoy "
                               "drove through Basra.")
    texts = [p.text for p in record.places]
    assert "UK" not in texts and "British" not in texts and "Canadian" not in texts
    assert "Basra" in texts


def test_places_model_state_that_is_also_a_country_as_modifier_stays(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Thousands of Georgia voters queued outside polling stations in Savannah and Macon.")
    assert any(p.text == "Georgia" and p.feature == "admin1" and p.country == "USA" for p in record.places)


def test_places_model_town_inside_an_organisation_name(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Edmonton needs a new bridge, and the Ohio Department of Transportation "
                               "sent engineers from the University of Nebraska.")
    texts = {p.text: p.feature for p in record.places}
    assert texts.get("Edmonton") == "city"
    assert texts.get("Ohio") == "admin1"
    assert texts.get("Nebraska") == "admin1"


def test_places_model_one_sense_per_article(pipeline: Pipeline) -> None:
    # The tagger reads the town as a person in the second sentence; the first says it is a town.
    record = extract(pipeline, "Floods closed two schools in Tulsa on Monday. Tulsa residents filled sandbags "
                               "and Tulsa officials opened a shelter.")
    assert sum(p.text == "Tulsa" for p in record.places) >= 2
    record = extract(pipeline, "Senator Maria Lincoln visited the factory. Lincoln said jobs would return.")
    assert not any(p.text == "Lincoln" for p in record.places)


def test_places_model_event_place_hung_on_its_party_beats_the_dateline(pipeline: Pipeline) -> None:
    text = ("LUSAKA, May 2 (Sample Wire) -- Talks between the miners and the company in Ndola broke down on "
            "Tuesday. The union held talks with the governor of Copperbelt on Wednesday.")
    record = pipeline.extract(text, published="2022-05-02")
    located = {e.trigger.text: e.location.text if e.location else None for e in record.events}
    assert located.get("Talks") == "Ndola"
    assert "Copperbelt" not in located.values()


def test_places_model_country_modifying_an_event_still_names_where(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Fighting in the Iraq war killed thousands of people in 2006.")
    assert "Iraq" in [p.text for p in record.places]


def test_places_model_us_county_resolved_by_the_state_of_its_neighbours(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Deputies from the Henry County Sheriff's Office searched a farm near McDonough, "
                               "Georgia, after a storm flooded roads across Henry County on Friday.")
    counties = [p for p in record.places if p.text == "Henry County"]
    assert counties, [(p.text, p.feature) for p in record.places]
    for county in counties:
        assert county.feature == "other" and county.country == "USA" and county.admin1 == "Georgia"
        assert county.lat is not None and county.geonames_id is None


def test_places_model_us_county_qualified_by_a_state_abbreviation(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The new clinic in Henry County, Va., will open in the spring, the board said.")
    county = next((p for p in record.places if p.text == "Henry County"), None)
    assert county is not None and county.admin1 == "Virginia"


def test_places_model_county_inside_an_office_name_and_in_a_list(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The Licking County Sheriff's Office said the storm also closed schools in Knox, "
                               "Muskingum and Fairfield counties in Ohio.")
    got = {p.text: (p.name, p.admin1) for p in record.places}
    assert got.get("Licking County") == ("Licking County", "Ohio")
    assert got.get("Muskingum") == ("Muskingum County", "Ohio")
    assert got.get("Fairfield") == ("Fairfield County", "Ohio")


def test_places_model_party_letter_and_home_state(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The bill was backed by Sen. Jane Holloway, D-Ore., and Rep. Sam Turner, R-Tenn., "
                               "who spoke in Nashville on Monday.")
    got = {p.text: p.name for p in record.places}
    assert got.get("Ore.") == "Oregon" and got.get("Tenn.") == "Tennessee"


def test_places_model_capitals_dateline_inside_the_text(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Council weighs new parking rules. SPRINGFIELD — The city council met on Tuesday "
                               "to discuss parking downtown.")
    assert any(p.text == "SPRINGFIELD" and p.name == "Springfield" for p in record.places)


def test_places_model_compass_part_of_a_state_names_the_state(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Schools across Western Pennsylvania closed early as the snow spread east.")
    assert any(p.text == "Pennsylvania" and p.feature == "admin1" for p in record.places)


def test_places_model_state_abbreviation_is_the_state_not_a_foreign_town(pipeline: Pipeline) -> None:
    record = extract(pipeline, "A man from Kansas City, Kan., was charged on Monday.")
    assert any(p.text == "Kan." and p.name == "Kansas" for p in record.places)


def test_places_model_small_town_named_with_its_state(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The couple lived quietly in Oxford, North Carolina, neighbours said on Friday. "
                               "Sirens woke the street in Oxford before dawn.")
    oxfords = [p for p in record.places if p.text == "Oxford"]
    assert len(oxfords) == 2 and all((p.country, p.admin1) == ("USA", "North Carolina") for p in oxfords)


def test_places_model_hyphenated_transliterated_names_are_taken_whole(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Heavy rain flooded streets in Mazar-e-Sharif, and the road to Pul-i-Khumri was closed.")
    got = {p.text: (p.country, p.feature) for p in record.places}
    assert got == {"Mazar-e-Sharif": ("AFG", "city"), "Pul-i-Khumri": ("AFG", "city")}


def test_places_model_another_connective_names_the_same_place(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Delegates arrived in Sharm al-Sheikh for the summit.")
    assert [(p.text, p.name, p.country) for p in record.places] == [("Sharm al-Sheikh", "Sharm el-Sheikh", "EGY")]


def test_places_model_event_noun_of_a_hyphenated_place_locates_the_event(pipeline: Pipeline) -> None:
    record = extract(pipeline, "KABUL, Aug 14 (Sample Wire) -- The Taliban capture of Mazar-i-Sharif came a day after "
                               "the fall of two other cities.")
    captures = [e for e in record.events if e.trigger.text == "capture"]
    assert captures and captures[0].location is not None
    assert captures[0].location.text == "Mazar-i-Sharif"  # not the dateline's Kabul


def test_places_model_object_of_a_verb_of_taking_ground_is_the_place(pipeline: Pipeline) -> None:
    record = extract(pipeline, "ISLAMABAD, Aug 14 (Sample Wire) -- Militants overran Dera Ismail Khan overnight.")
    assert ("Dera Ismail Khan", "PAK") in [(p.text, p.country) for p in record.places]
    assaults = [e for e in record.events if e.type == "ASSAULT"]
    assert assaults and assaults[0].location is not None and assaults[0].location.text == "Dera Ismail Khan"


def test_places_model_respelled_object_is_the_place_and_the_scene(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Fighters stormed Sheberghan on Friday.")
    assert [(p.text, p.country) for p in record.places] == [("Sheberghan", "AFG")]
    assert record.events and record.events[0].location is not None
    assert record.events[0].location.text == "Sheberghan"


def test_places_model_attacked_person_named_like_a_town_is_no_place(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Senator Elizabeth Warren spoke on Monday. Critics attacked Warren for the plan.")
    assert record.places == []


def test_places_model_relative_clause_of_an_event_noun_locates_it(pipeline: Pipeline) -> None:
    record = extract(pipeline, "KABUL, Aug 14 (Sample Wire) -- The negotiations, which began in Doha last year, "
                               "collapsed on Friday after the rebels walked out.")
    talks = [e for e in record.events if e.trigger.text == "negotiations"]
    assert talks and talks[0].location is not None and talks[0].location.text == "Doha"
