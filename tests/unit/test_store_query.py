"""Questions to the store: filters, pages and cursors, tallies; all through the Store protocol."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.store import ArticleQuery, EventQuery, Store, open_store
from eventwire.types import Actor, Article, ArticleRecord, Attribution, Event, EventDate, Notice, Place, Span

BIDEN = Actor(text="Biden", name="Joe Biden", kind="person", country="USA", sector="GOV")
TALIBAN = Actor(text="the Taliban", name="Taliban", kind="group", country="AFG", sector="REB")
QATAR = Actor(text="Qatar", name="Qatar", kind="country", country="QAT", sector="GOV")
KABUL = Place(text="Kabul", start=0, end=5, name="Kabul", country="AFG", feature="city")


def _event(article: Article, n: int, kind: str, cameo: str, quad: int, actor: list[Actor], recipient: list[Actor],
           date: str | None, *, modality: str = "asserted", inferred: bool = False,
           location: Place | None = None, attribution: Attribution | None = None,
           confidence: float = 0.5) -> Event:
    return Event(id=f"{article.id}-{n}", type=kind, trigger=Span("x", 0, 1), sentence=Span("x", 0, 1), cameo=cameo,
                 quad_class=quad, actor=actor, recipient=recipient,
                 date=EventDate(value=date, precision="day" if date and len(date) == 10 else "month",
                                inferred=inferred) if date else None,
                 location=location, modality=modality, attribution=attribution,  # type: ignore[arg-type]
                 confidence=confidence)


def _corpus() -> list[ArticleRecord]:
    a1 = Article(text="Biden and the Taliban.", source="/news/a1.txt", outlet="Sample Wire", published="2021-08-09",
                 published_from="text")
    a2 = Article(text="Qatar hosts talks.", source="/news/a2.html", outlet="Other Times", published="2020-02-29T10:00",
                 published_from="html")
    a3 = Article(text="Ein Artikel ohne Datum.", source="https://example.org/a3", language="de")
    said = Attribution("officials said", 0, 14, BIDEN)
    return [
        ArticleRecord(article=a1, events=[
            _event(a1, 1, "RETREAT", "0874", 2, [BIDEN], [], "2021-08-31", modality="future", location=KABUL),
            _event(a1, 2, "ASSAULT", "190", 4, [TALIBAN], [BIDEN], "2021-08", attribution=said, confidence=0.9),
            _event(a1, 3, "CONSULT", "0356", 1, [BIDEN], [TALIBAN, QATAR], "2021-08-09", inferred=True),
        ]),
        ArticleRecord(article=a2, events=[
            _event(a2, 1, "CONSULT", "040", 1, [QATAR], [TALIBAN], "2020-02-29"),
            _event(a2, 2, "AGREE", "057", 1, [TALIBAN, BIDEN], [], None, modality="negated"),
        ]),
        ArticleRecord(article=a3, warnings=[Notice("W101", "x: not English"), Notice("W102", "x: undated")]),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "q.duckdb") as opened:
        opened.add_records(_corpus())
        yield opened


def _events(store: Store, **query: object) -> list[str]:
    """'<article>.<n>' for every matching event, article numbered by ingest order from 1."""
    order = {r.article.id: i + 1 for i, r in enumerate(_corpus())}
    page = store.events(EventQuery(**query), limit=50)  # type: ignore[arg-type]
    return [f"{order[h.article_id]}.{h.event.id.rsplit('-', 1)[1]}" for h in page.items]


def test_query_no_filter_gives_every_event_in_ingest_order(store: Store) -> None:
    assert _events(store) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert store.events().items[0].event == _corpus()[0].events[0]


@pytest.mark.parametrize(("query", "expected"), [
    ({"types": "CONSULT"}, ["1.3", "2.1"]),
    ({"types": ["consult", "AGREE"]}, ["1.3", "2.1", "2.2"]),
    ({"cameo": "03"}, ["1.3"]),
    ({"cameo": "0356"}, ["1.3"]),
    ({"cameo": "0"}, ["1.1", "1.3", "2.1", "2.2"]),
    ({"quad_classes": 1}, ["1.3", "2.1", "2.2"]),
    ({"quad_classes": [2, 4]}, ["1.1", "1.2"]),
    ({"modalities": ["future", "negated"]}, ["1.1", "2.2"]),
    ({"actor": "biden"}, ["1.1", "1.3", "2.2"]),
    ({"actor_country": "afg"}, ["1.2", "2.2"]),
    ({"recipient": "Taliban"}, ["1.3", "2.1"]),
    ({"recipient_country": "QAT"}, ["1.3"]),
    ({"party": "qatar"}, ["1.3", "2.1"]),
    ({"party_country": "USA"}, ["1.1", "1.2", "1.3", "2.2"]),
    ({"actor": "Biden", "recipient_country": "AFG"}, ["1.3"]),
    ({"location_country": "AFG"}, ["1.1"]),
    ({"attributed": True}, ["1.2"]),
    ({"min_confidence": 0.8}, ["1.2"]),
    ({"since": "2021-08-10"}, ["1.1", "1.2"]),  # 2021-08 (a month) overlaps
    ({"since": "2021-09"}, []),
    ({"until": "2021-08-09"}, ["1.2", "1.3", "2.1"]),
    ({"since": "2020", "until": "2020"}, ["2.1"]),
    ({"since": "2021-08-09", "until": "2021-08-09"}, ["1.2", "1.3"]),
    ({"date_inferred": True}, ["1.3"]),
    ({"published_since": "2021-01-01"}, ["1.1", "1.2", "1.3"]),
    ({"published_until": "2020-02-29"}, ["2.1", "2.2"]),  # a date-time on that day counts
    ({"types": "CONSULT", "published_until": "2020-12"}, ["2.1"]),
])
def test_query_event_filters(store: Store, query: dict[str, object], expected: list[str]) -> None:
    assert _events(store, **query) == expected


def test_query_events_of_an_article(store: Store) -> None:
    second = _corpus()[1].article.id
    assert _events(store, article_ids=second) == ["2.1", "2.2"]
    assert _events(store, article_ids=[second, "0000000000000000"]) == ["2.1", "2.2"]


def test_query_pages_with_a_stable_cursor(store: Store) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        page = store.events(limit=2, cursor=cursor)
        seen += [h.event.id for h in page.items]
        pages += 1
        if page.cursor is None:
            break
        cursor = page.cursor
    assert pages == 3 and seen == [e.id for r in _corpus() for e in r.events]
    # A cursor stays good while more articles come in: the next pages show them.
    first = store.events(limit=4)
    assert first.cursor is not None
    late = Article(text="Later news.", source="late.txt")
    store.add_records([ArticleRecord(article=late, events=[
        _event(late, 1, "AID", "070", 2, [QATAR], [], "2021-08-20")])])
    rest = store.events(limit=4, cursor=first.cursor)
    assert [h.event.id for h in rest.items] == [_corpus()[1].events[1].id, f"{late.id}-1"] and rest.cursor is None
    assert [h.event.id for h in store.events(EventQuery(types="AID")).items] == [f"{late.id}-1"]


def test_query_rejects_bad_values(store: Store) -> None:
    for call in (lambda: store.events(EventQuery(since="August")), lambda: store.events(cursor="nope"),
                 lambda: store.events(limit=0), lambda: store.events(EventQuery(cameo="3x")),
                 lambda: store.articles(ArticleQuery(published_until="2021-8-1")),
                 lambda: store.articles(cursor="1.2"), lambda: store.tally("events", "actor"),
                 lambda: store.tally("events", "nope")):
        with pytest.raises(EventwireError) as info:
            call()
        assert info.value.code == "E204"
    with pytest.raises(EventwireError) as info:
        store.tally("nope", "x")
    assert info.value.code == "E304"


def test_query_parameters_are_never_sql(store: Store) -> None:
    assert _events(store, actor="' OR 1=1 --") == []
    assert store.articles(ArticleQuery(source="'; DROP TABLE articles; --")).items == []
    assert store.count("articles") == 3


def _articles(store: Store, **query: object) -> list[str]:
    return [a.source for a in store.articles(ArticleQuery(**query)).items]  # type: ignore[arg-type]


def test_query_article_filters(store: Store) -> None:
    everything = ["/news/a1.txt", "/news/a2.html", "https://example.org/a3"]
    assert _articles(store) == everything
    assert _articles(store, published_since="2021") == ["/news/a1.txt"]
    assert _articles(store, published_until="2020-02") == ["/news/a2.html"]
    assert _articles(store, source="NEWS/") == everything[:2]
    assert _articles(store, outlet="times") == ["/news/a2.html"]
    assert _articles(store, language="de") == ["https://example.org/a3"]
    assert _articles(store, contains="taliban") == ["/news/a1.txt"]
    assert _articles(store, warning="W102") == ["https://example.org/a3"]
    assert _articles(store, warning=["W999"]) == []
    assert _articles(store, ids=[_corpus()[1].article.id]) == ["/news/a2.html"]


def test_query_article_pages_and_records(store: Store) -> None:
    first = store.articles(limit=2)
    assert len(first.items) == 2 and first.cursor is not None
    second = store.articles(limit=2, cursor=first.cursor)
    assert [a.source for a in second.items] == ["https://example.org/a3"] and second.cursor is None
    assert second.items[0] == _corpus()[2].article
    assert list(store.records(ArticleQuery(warning="W101"))) == [_corpus()[2]]
    assert list(store.records()) == _corpus()


def test_query_counts_and_tallies(store: Store) -> None:
    assert store.counts() == {"articles": 3, "events": 5, "quotes": 0, "timexes": 0, "places": 0, "actors": 0,
                              "warnings": 2, "ingest_errors": 0, "signatures": 0, "duplicates": 0,
                              "linked_events": 0, "event_mentions": 0, "stories": 0,
                              "story_articles": 0}
    assert store.tally("events", "type") == [("CONSULT", 2), ("AGREE", 1), ("ASSAULT", 1), ("RETREAT", 1)]
    assert store.tally("events", "quad_class", "type", limit=2) == [(1, "CONSULT", 2), (1, "AGREE", 1)]
    assert store.tally("warnings", "code") == [("W101", 1), ("W102", 1)]
