"""Temporal expressions and event dates without the model: the normaliser on strings, the finder on
blank Docs, the tense and the event dater on hand-built parses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.extractors.dating import date_event, precision_of, token_timexes
from eventwire.extractors.time.component import TimexFinder, find_timexes, normalise
from eventwire.extractors.time.normalise import duration, period_value
from eventwire.extractors.time.tense import tense_at
from eventwire.nlp import register_extensions
from eventwire.types import Article, Attribution, Event, Span

NLP = spacy.blank("en")
MON_9_AUG = date(2021, 8, 9)  # a Monday
WED_14_APR = date(2021, 4, 14)  # a Wednesday


def blank(text: str, published: str | None = "2021-08-09") -> Doc:
    register_extensions()
    doc = NLP(text)
    doc._.article = Article(text=text, source="test", published=published, published_from="input")
    return doc


def found(text: str, published: str | None = "2021-08-09") -> list[tuple[str, str, str]]:
    doc = blank(text, published)
    timexes = find_timexes(doc)
    assert all(doc.text[t.start:t.end] == t.text for t in timexes)
    return [(t.text, t.type, t.value) for t in timexes]


def parse(rows: list[tuple[str, str, str, int, str]], published: str | None = "2021-08-09") -> Doc:
    """A Doc from (word, pos, tag, head index, dep) rows, one sentence; lemmas are the lowercase words."""
    words = [r[0] for r in rows]
    spaces = [True] * len(rows)
    spaces[-1] = False
    spaces[-2] = rows[-1][0] not in ".,"
    doc = Doc(NLP.vocab, words=words, spaces=spaces, lemmas=[w.lower() for w in words], pos=[r[1] for r in rows],
              tags=[r[2] for r in rows], heads=[r[3] for r in rows], deps=[r[4] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1))
    register_extensions()
    doc._.article = Article(text=doc.text, source="test", published=published, published_from="input")
    return doc


def event_at(doc: Doc, trigger: str, attribution: str | None = None) -> Event:
    start = doc.text.index(trigger)
    att = None
    if attribution is not None:
        a = doc.text.index(attribution)
        att = Attribution(attribution, a, a + len(attribution))
    return Event(id="t-1", type="ASSAULT", trigger=Span(trigger, start, start + len(trigger)),
                 sentence=Span(doc.text, 0, len(doc.text)), attribution=att)


def dated(doc: Doc, *events: Event) -> list[Event]:
    doc._.timexes = find_timexes(doc)
    index = token_timexes(doc, doc._.timexes)
    published = doc._.article.published if doc._.article is not None else None
    return [replace(e, date=date_event(doc, (e.trigger.start, e.trigger.end), e.attribution, index, published))
            for e in events]


# --------------------------------------------------------------------------- the normaliser


def test_timexes_weekday_is_past_by_default_and_ahead_in_the_future() -> None:
    assert normalise("Sunday", MON_9_AUG) == ("DATE", "2021-08-08")
    assert normalise("Friday", MON_9_AUG) == ("DATE", "2021-08-06")
    assert normalise("Friday", MON_9_AUG, tense="future") == ("DATE", "2021-08-13")
    # The publication day's own weekday is that day, said or to come.
    assert normalise("Wednesday", WED_14_APR) == ("DATE", "2021-04-14")
    assert normalise("Wednesday", WED_14_APR, tense="future") == ("DATE", "2021-04-14")


def test_timexes_weekday_with_last_next_and_part_of_day() -> None:
    assert normalise("next Monday", MON_9_AUG) == ("DATE", "2021-08-16")
    assert normalise("last Monday", MON_9_AUG) == ("DATE", "2021-08-02")
    assert normalise("Friday night", MON_9_AUG) == ("TIME", "2021-08-06TNI")


def test_timexes_month_without_year_follows_the_tense() -> None:
    # An April report about a withdrawal that would begin in May means this May; a past act, last May.
    assert normalise("May", WED_14_APR, tense="future") == ("DATE", "2021-05")
    assert normalise("May", WED_14_APR, tense="past") == ("DATE", "2020-05")
    assert normalise("March", WED_14_APR) == ("DATE", "2021-03")
    assert normalise("October", WED_14_APR) == ("DATE", "2020-10")
    assert normalise("last September", date(2009, 10, 12)) == ("DATE", "2009-09")
    assert normalise("next January", WED_14_APR) == ("DATE", "2022-01")


def test_timexes_month_with_year_and_full_dates() -> None:
    assert normalise("February 2020", MON_9_AUG) == ("DATE", "2020-02")
    assert normalise("July 24, 2003", MON_9_AUG) == ("DATE", "2003-07-24")
    assert normalise("24 July 2003", MON_9_AUG) == ("DATE", "2003-07-24")
    assert normalise("2003-07-24", MON_9_AUG) == ("DATE", "2003-07-24")
    assert normalise("7/24/2003", MON_9_AUG) == ("DATE", "2003-07-24")
    assert normalise("September 11", WED_14_APR, tense="future") == ("DATE", "2021-09-11")
    assert normalise("September 11", WED_14_APR, tense="past") == ("DATE", "2020-09-11")


def test_timexes_deictic_expressions_shift_from_the_publication_date() -> None:
    assert normalise("last year", MON_9_AUG) == ("DATE", "2020")
    assert normalise("this month’s end", MON_9_AUG) == ("DATE", "2021-08")
    assert normalise("the end of this year", MON_9_AUG) == ("DATE", "2021")
    assert normalise("next month", date(2021, 12, 3)) == ("DATE", "2022-01")
    assert normalise("last week", MON_9_AUG) == ("DATE", "2021-W31")
    assert normalise("this weekend", MON_9_AUG) == ("DATE", "2021-W32-WE")
    assert normalise("yesterday", MON_9_AUG) == ("DATE", "2021-08-08")
    assert normalise("a week ago", MON_9_AUG) == ("DATE", "2021-08-02")
    assert normalise("the last quarter", MON_9_AUG) == ("DATE", "2021-Q2")
    assert normalise("the third quarter of 2019", MON_9_AUG) == ("DATE", "2019-Q3")
    assert normalise("the fourth quarter", date(2007, 1, 18)) == ("DATE", "2006-Q4")
    assert normalise("the fourth quarter", date(2006, 8, 19)) == ("DATE", "2006-Q4")


def test_timexes_durations() -> None:
    assert normalise("20 years", MON_9_AUG) == ("DURATION", "P20Y")
    assert normalise("the past two decades", MON_9_AUG) == ("DURATION", "P20Y")
    assert normalise("the past week", MON_9_AUG) == ("DURATION", "P1W")
    assert normalise("five months", MON_9_AUG) == ("DURATION", "P5M")
    assert normalise("12-hour", MON_9_AUG) == ("DURATION", "PT12H")
    assert normalise("two and a half years", MON_9_AUG) == ("DURATION", "P2.5Y")
    assert normalise("several weeks", MON_9_AUG) == ("DURATION", "PXW")
    assert duration(3, "hours") == "PT3H" and duration(None, "decades") == "PXY"


def test_timexes_sets_and_vague_references() -> None:
    assert normalise("weekly", MON_9_AUG) == ("SET", "P1W")
    assert normalise("every Monday", MON_9_AUG) == ("SET", "XXXX-WXX-1")
    assert normalise("now", MON_9_AUG) == ("DATE", "PRESENT_REF")
    assert normalise("recently", MON_9_AUG) == ("DATE", "PAST_REF")
    assert normalise("the near future", MON_9_AUG) == ("DATE", "FUTURE_REF")


def test_timexes_years_decades_and_times() -> None:
    assert normalise("mid-2011", MON_9_AUG) == ("DATE", "2011")
    assert normalise("the 1990s", MON_9_AUG) == ("DATE", "199")
    assert normalise("18:00 UTC", MON_9_AUG) == ("TIME", "2021-08-09T18:00Z")
    assert normalise("18:00 UTC", MON_9_AUG, ref=date(2021, 8, 6)) == ("TIME", "2021-08-06T18:00Z")
    assert normalise("6:40 p.m.", MON_9_AUG) == ("TIME", "2021-08-09T18:40")


def test_timexes_without_a_publication_date_keep_x_for_the_unknown() -> None:
    assert normalise("Sunday", None) == ("DATE", "XXXX-WXX-7")
    assert normalise("May", None) == ("DATE", "XXXX-05")
    assert normalise("last year", None) == ("DATE", "XXXX")
    assert normalise("February 2020", None) == ("DATE", "2020-02")


def test_timexes_unreadable_text_gives_none() -> None:
    assert normalise("the ambassador", MON_9_AUG) is None
    assert normalise("", MON_9_AUG) is None


def test_timexes_period_value_keeps_dateparsers_precision() -> None:
    when = datetime(2020, 2, 3, 14, 30)
    assert period_value(when, "year") == ("DATE", "2020")
    assert period_value(when, "month") == ("DATE", "2020-02")
    assert period_value(when, "week") == ("DATE", "2020-W06")
    assert period_value(when, "day") == ("DATE", "2020-02-03")
    assert period_value(when, "time") == ("TIME", "2020-02-03T14:30")
    assert period_value(None, "day") is None


# --------------------------------------------------------------------------- the finder


def test_timexes_finder_takes_the_longest_expression_once() -> None:
    assert found("The deal of February 2020 ended 20 years of war.") == [
        ("February 2020", "DATE", "2020-02"), ("20 years", "DURATION", "P20Y")]
    assert found("Over the course of the past week, fighters moved in.") == [("the past week", "DURATION", "P1W")]


def test_timexes_finder_reads_tense_from_the_clause_without_a_parse() -> None:
    assert found("The envoys met on Sunday and will meet again on Friday.") == [
        ("Sunday", "DATE", "2021-08-08"), ("Friday", "DATE", "2021-08-13")]
    assert found("In May, troops will leave.", "2021-04-14") == [("May", "DATE", "2021-05")]
    assert found("Troops were withdrawn in May, officials said.", "2021-04-14") == [("May", "DATE", "2020-05")]


def test_timexes_finder_skips_look_alikes() -> None:
    assert found("May I ask whether 2000 troops arrived in 2015?") == [("2015", "DATE", "2015")]
    assert found("The fall of the capital shocked them.") == []
    assert found("Fighting eased in the fall.") == [("the fall", "DATE", "2021-FA")]
    assert found("Officials reported a second attack.") == []


def test_timexes_finder_sets_after_amounts() -> None:
    assert found("Exports reached $5 billion a year, up from last year.") == [
        ("a year", "SET", "P1Y"), ("last year", "DATE", "2020")]


def test_timexes_finder_times_take_the_day_named_with_them() -> None:
    assert found("The ceasefire collapsed at 18:00 UTC on Tuesday.", "2021-04-14") == [
        ("18:00 UTC on Tuesday", "TIME", "2021-04-13T18:00Z")]


def test_timexes_finder_same_period_last_year_shifts_the_last_value() -> None:
    assert found("Sales fell in January. They rose from the same month last year.") == [
        ("January", "DATE", "2021-01"), ("the same month last year", "DATE", "2020-01")]


def test_timexes_component_sets_the_extension() -> None:
    doc = blank("Talks resumed on Sunday.")
    TimexFinder()(doc)
    assert [(t.text, t.start, t.end, t.value) for t in doc._.timexes] == [("Sunday", 17, 23, "2021-08-08")]


# --------------------------------------------------------------------------- tense and event dates on parses

# "The withdrawal would begin in May ."
WOULD_BEGIN = [("The", "DET", "DT", 1, "det"), ("withdrawal", "NOUN", "NN", 3, "nsubj"),
               ("would", "AUX", "MD", 3, "aux"), ("begin", "VERB", "VB", 3, "ROOT"), ("in", "ADP", "IN", 3, "prep"),
               ("May", "PROPN", "NNP", 4, "pobj"), (".", "PUNCT", ".", 3, "punct")]
# "Officials said on Friday that rebels attacked the base on Sunday ."
SAID_FRIDAY_ATTACKED_SUNDAY = [
    ("Officials", "NOUN", "NNS", 1, "nsubj"), ("said", "VERB", "VBD", 1, "ROOT"), ("on", "ADP", "IN", 1, "prep"),
    ("Friday", "PROPN", "NNP", 2, "pobj"), ("that", "SCONJ", "IN", 6, "mark"), ("rebels", "NOUN", "NNS", 6, "nsubj"),
    ("attacked", "VERB", "VBD", 1, "ccomp"), ("the", "DET", "DT", 8, "det"), ("base", "NOUN", "NN", 6, "dobj"),
    ("on", "ADP", "IN", 6, "prep"), ("Sunday", "PROPN", "NNP", 9, "pobj"), (".", "PUNCT", ".", 1, "punct")]
# "On Friday officials said that rebels attacked the base ."
ON_FRIDAY_SAID = [
    ("On", "ADP", "IN", 3, "prep"), ("Friday", "PROPN", "NNP", 0, "pobj"), ("officials", "NOUN", "NNS", 3, "nsubj"),
    ("said", "VERB", "VBD", 3, "ROOT"), ("that", "SCONJ", "IN", 6, "mark"), ("rebels", "NOUN", "NNS", 6, "nsubj"),
    ("attacked", "VERB", "VBD", 3, "ccomp"), ("the", "DET", "DT", 8, "det"), ("base", "NOUN", "NN", 6, "dobj"),
    (".", "PUNCT", ".", 3, "punct")]
# "Rebels who arrived on Sunday attacked the base ."
ARRIVED_SUNDAY = [
    ("Rebels", "NOUN", "NNS", 5, "nsubj"), ("who", "PRON", "WP", 2, "nsubj"), ("arrived", "VERB", "VBD", 0, "relcl"),
    ("on", "ADP", "IN", 2, "prep"), ("Sunday", "PROPN", "NNP", 3, "pobj"), ("attacked", "VERB", "VBD", 5, "ROOT"),
    ("the", "DET", "DT", 7, "det"), ("base", "NOUN", "NN", 5, "dobj"), (".", "PUNCT", ".", 5, "punct")]
# "Troops will leave before September 11 ."
LEAVE_BEFORE = [
    ("Troops", "NOUN", "NNS", 2, "nsubj"), ("will", "AUX", "MD", 2, "aux"), ("leave", "VERB", "VB", 2, "ROOT"),
    ("before", "ADP", "IN", 2, "prep"), ("September", "PROPN", "NNP", 3, "pobj"), ("11", "NUM", "CD", 4, "nummod"),
    (".", "PUNCT", ".", 2, "punct")]


def test_timexes_tense_is_read_from_the_parse() -> None:
    doc = parse(WOULD_BEGIN, published="2021-04-14")
    may = doc.text.index("May")
    assert tense_at(doc, may, may + 3) == "future"
    doc = parse(SAID_FRIDAY_ATTACKED_SUNDAY)
    sunday = doc.text.index("Sunday")
    assert tense_at(doc, sunday, sunday + 6) == "past"
    assert [t.value for t in find_timexes(parse(WOULD_BEGIN, published="2021-04-14"))] == ["2021-05"]


def test_dating_takes_the_expression_attached_to_the_trigger_not_the_nearest() -> None:
    doc = parse(SAID_FRIDAY_ATTACKED_SUNDAY)
    (event,) = dated(doc, event_at(doc, "attacked", "Officials said"))
    assert event.date is not None
    assert (event.date.value, event.date.text, event.date.precision, event.date.inferred) == (
        "2021-08-08", "Sunday", "day", False)


def test_dating_an_event_noun_borrows_the_date_of_its_verb() -> None:
    doc = parse(WOULD_BEGIN, published="2021-04-14")
    (event,) = dated(doc, event_at(doc, "withdrawal"))
    assert event.date is not None
    assert (event.date.value, event.date.precision, event.date.inferred) == ("2021-05", "month", False)


def test_dating_falls_back_to_the_reporting_clause_marked_inferred() -> None:
    doc = parse(ON_FRIDAY_SAID)
    (event,) = dated(doc, event_at(doc, "attacked", "officials said"))
    assert event.date is not None
    assert (event.date.value, event.date.text, event.date.inferred) == ("2021-08-06", "Friday", True)


def test_dating_a_date_in_another_clause_is_not_the_events() -> None:
    doc = parse(ARRIVED_SUNDAY)
    (event,) = dated(doc, event_at(doc, "attacked"))
    assert event.date is not None
    assert (event.date.value, event.date.text, event.date.start, event.date.inferred) == (
        "2021-08-09", None, None, True)


def test_dating_a_bound_is_not_a_date() -> None:
    doc = parse(LEAVE_BEFORE, published="2021-04-14")
    (event,) = dated(doc, event_at(doc, "leave"))
    assert event.date is not None
    assert (event.date.value, event.date.inferred) == ("2021-04-14", True)


def test_dating_without_publication_date_says_unknown() -> None:
    doc = parse(ARRIVED_SUNDAY, published=None)
    (event,) = dated(doc, event_at(doc, "attacked"))
    assert event.date is not None
    assert (event.date.value, event.date.precision, event.date.inferred) == (None, "unknown", True)


@pytest.mark.parametrize(("value", "precision"), [
    ("2021-08-08", "day"), ("2021-08-08T18:00Z", "day"), ("2021-08", "month"), ("2021", "year"),
    ("2021-W32", "range"), ("2021-Q3", "range"), ("199", "range")])
def test_dating_precision_of_values(value: str, precision: str) -> None:
    assert precision_of(value) == precision
