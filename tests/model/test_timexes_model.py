"""Temporal expressions and event dates on sentences of our own, parsed by the pinned model."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import ArticleRecord, Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def extract(pipeline: Pipeline, text: str, published: str | None) -> ArticleRecord:
    return pipeline.extract(text, published=published)


def one(record: ArticleRecord, etype: str) -> Event:
    found = [e for e in record.events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in record.events]
    return found[0]


def test_timexes_model_event_takes_its_own_date_not_the_reporting_one(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Officials said on Friday that rebel fighters attacked an army base near Herat on "
                               "Sunday.", "2021-08-09")
    assert [(t.text, t.value) for t in record.timexes] == [("Friday", "2021-08-06"), ("Sunday", "2021-08-08")]
    date = one(record, "ASSAULT").date
    assert date is not None and (date.value, date.text, date.inferred) == ("2021-08-08", "Sunday", False)


def test_timexes_model_a_nearby_date_of_another_clause_is_not_taken(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Rebel fighters who arrived in the city on Sunday attacked an army base near Herat.",
                     "2021-08-09")
    date = one(record, "ASSAULT").date
    assert date is not None and (date.value, date.text, date.inferred) == ("2021-08-09", None, True)


def test_timexes_model_reporting_clause_dates_an_undated_event(pipeline: Pipeline) -> None:
    record = extract(pipeline, "On Friday, the minister said that rebel fighters had attacked an army base near "
                               "Herat.", "2021-08-09")
    date = one(record, "ASSAULT").date
    assert date is not None and (date.value, date.text, date.inferred) == ("2021-08-06", "Friday", True)


def test_timexes_model_future_month_of_an_event_noun(pipeline: Pipeline) -> None:
    record = extract(pipeline, "A US official said that the withdrawal of US troops from Afghanistan would begin "
                               "in May.", "2021-04-14")
    date = one(record, "CONCEDE").date
    assert date is not None and (date.value, date.precision, date.text) == ("2021-05", "month", "May")


def test_timexes_model_future_weekday_and_modal_may(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Biden will make an announcement Wednesday.", "2021-04-12")
    assert [(t.text, t.value) for t in record.timexes] == [("Wednesday", "2021-04-14")]
    record = extract(pipeline, "Troops may leave in May, after the 2001 invasion.", "2021-04-14")
    assert [(t.text, t.value) for t in record.timexes] == [("May", "2021-05"), ("2001", "2001")]


def test_timexes_model_no_publication_date_no_event_date(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Rebel fighters attacked an army base near Herat on Sunday.", None)
    assert [(t.text, t.value) for t in record.timexes] == [("Sunday", "XXXX-WXX-7")]
    date = one(record, "ASSAULT").date
    # An unanchored weekday cannot date the event, and no date is made up.
    assert date is not None and (date.value, date.precision) == (None, "unknown")


def values(record: ArticleRecord) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in record.timexes}


def test_timexes_model_deadline_under_a_past_verb_is_the_coming_day(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The minister ordered the garrison home well before October 3.", "2022-05-20")
    assert values(record)["October 3"] == ("DATE", "2022-10-03")
    record = extract(pipeline, "Gunmen raided the depot before October 3.", "2022-05-20")
    assert values(record)["October 3"] == ("DATE", "2021-10-03")


def test_timexes_model_over_the_next_unit_is_a_stretch(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Exports are expected to triple over the next decade.", "2022-05-20")
    assert values(record)["the next decade"] == ("DURATION", "P10Y")
    record = extract(pipeline, "The next decade will decide the river's future.", "2022-05-20")
    assert values(record)["The next decade"] == ("DATE", "203")


def test_timexes_model_month_of_a_story_about_a_past_year(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The dam burst in 2017. In March, engineers finished a new wall.", "2022-05-20")
    assert values(record)["March"] == ("DATE", "2017-03")
    record = extract(pipeline, "The dam burst in 2017.\n\nIn March, engineers finished a new wall.", "2022-05-20")
    assert values(record)["March"] == ("DATE", "2022-03")


def test_timexes_model_today_as_nowadays(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Today, most farmers in the valley own a mobile phone.", "2022-05-20")
    assert values(record)["Today"] == ("DATE", "PRESENT_REF")
    record = extract(pipeline, "Few of the founders would recognise today's Ruritania.", "2022-05-20")
    assert values(record)["today"] == ("DATE", "PRESENT_REF")


def test_timexes_model_today_of_an_act_or_a_meeting_is_the_day(pipeline: Pipeline) -> None:
    record = extract(pipeline, "Today, the minister signed the decree.", "2022-05-20")
    assert values(record)["Today"] == ("DATE", "2022-05-20")
    record = extract(pipeline, "The council meets today to vote on the budget.", "2022-05-20")
    assert values(record)["today"] == ("DATE", "2022-05-20")
    record = extract(pipeline, "Delegates left today's meeting early.", "2022-05-20")
    assert values(record)["today"] == ("DATE", "2022-05-20")


def test_timexes_model_a_deadline_just_past_stays_in_the_year_of_the_report(pipeline: Pipeline) -> None:
    record = extract(pipeline, "The minister ordered the garrison home before August 31.", "2022-09-02")
    assert values(record)["August 31"] == ("DATE", "2022-08-31")
    record = extract(pipeline, "The allies agreed on the plan by June 3.", "2022-06-20")
    assert values(record)["June 3"] == ("DATE", "2022-06-03")
