from __future__ import annotations

import json

from eventwire.types import (
    Actor,
    Article,
    ArticleRecord,
    Attribution,
    Boilerplate,
    Event,
    EventDate,
    Place,
    Quote,
    Span,
    StoryRef,
    Timex,
    article_id,
)


def _record() -> ArticleRecord:
    article = Article(text="Biden said the US would leave.", source="a.txt", published="2021-04-14",
                      published_from="input", boilerplate=[Boilerplate(0, 5, "title")])
    biden = Actor(text="Biden", name="Joe Biden", kind="person", country="USA", sector="GOV", start=0, end=5)
    return ArticleRecord(
        article=article,
        events=[Event(id=f"{article.id}-1", type="RETREAT", trigger=Span("leave", 24, 29),
                      sentence=Span(article.text, 0, 30), cameo="0874", quad_class=2, actor=[biden],
                      date=EventDate(value="2021-04-14", precision="day"),
                      location=Place(text="US", start=15, end=17, name="United States", country="USA",
                                     feature="country"),
                      modality="future", attribution=Attribution("Biden said", 0, 10, biden))],
        quotes=[Quote(kind="indirect", content=Span("the US would leave", 11, 29), speaker=biden,
                      speaker_span=Span("Biden", 0, 5), cue=Span("said", 6, 10))],
        timexes=[Timex(text="2021", start=0, end=4, type="DATE", value="2021")],
        actors=[biden],
    )


def test_types_article_id_is_sha256_prefix_of_text() -> None:
    assert article_id("abc") == "ba7816bf8f01cfea"
    assert Article(text="abc", source="x").id == "ba7816bf8f01cfea"


def test_types_record_round_trips_through_json() -> None:
    record = _record()
    data = json.loads(json.dumps(record.to_dict()))
    assert ArticleRecord.from_dict(data) == record


def test_types_record_dict_follows_the_output_contract() -> None:
    data = _record().to_dict()
    assert data["schema"] == 1
    assert list(data) == ["schema", "article", "events", "quotes", "timexes", "places", "actors", "warnings",
                          "story"]
    assert list(data["article"]) == ["id", "source", "title", "byline", "outlet", "published", "published_from",
                                     "language", "text", "boilerplate", "url"]
    event = data["events"][0]
    assert set(event) >= {"id", "type", "mode", "context", "cameo", "quad_class", "actor", "recipient", "trigger",
                          "sentence", "date", "location", "modality", "attribution", "confidence"}
    assert event["cameo"] == "0874"


def test_types_in_boilerplate_checks_overlap() -> None:
    article = Article(text="x" * 20, source="s", boilerplate=[Boilerplate(5, 10, "promo")])
    assert article.in_boilerplate(9, 12) and not article.in_boilerplate(10, 12)


def test_types_from_dict_ignores_fields_it_does_not_know() -> None:
    data = _record().to_dict()
    data["story"] = {"id": "s1", "label": "Kabul"}
    data["events"][0]["linked_event"] = None
    expected = _record()
    expected.story = StoryRef("s1")
    assert ArticleRecord.from_dict(data) == expected


def test_types_article_fields_are_keyword_only() -> None:
    import pytest

    with pytest.raises(TypeError):
        Article("text", "source")  # type: ignore[misc]
