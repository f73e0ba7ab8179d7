from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import PAGE_TEXT

from eventwire.config import Config, load_config
from eventwire.errors import InputError, ModelMissingError
from eventwire.ingest.text import read_text
from eventwire.nlp.loader import installed_model, load_model
from eventwire.pipeline import Pipeline, _guard, masked_text
from eventwire.types import Article, ArticleRecord, Boilerplate, Event, Quote, Span


def test_pipeline_masks_furniture_without_moving_offsets() -> None:
    article = read_text(PAGE_TEXT, "page.txt")
    masked = masked_text(article)
    assert len(masked) == len(article.text)
    assert masked.count("\n") == article.text.count("\n")
    assert "Read More" not in masked and "Download" not in masked
    body = "Evacuation flights resumed on Tuesday"
    assert masked.index(body) == article.text.index(body)


def test_pipeline_guard_drops_events_and_quotes_inside_furniture() -> None:
    article = Article(text="Read More: Taliban seize city\n\nTalks resumed.", source="x",
                      boilerplate=[Boilerplate(0, 29, "related-link")])
    inside = Event(id="a-1", type="ASSAULT", trigger=Span("seize", 19, 24), sentence=Span("", 0, 29))
    outside = Event(id="a-2", type="CONSULT", trigger=Span("Talks", 31, 36), sentence=Span("", 31, 46))
    quote = Quote(kind="direct", content=Span("Taliban seize city", 11, 29))
    record = _guard(ArticleRecord(article=article, events=[inside, outside], quotes=[quote]))
    assert [e.id for e in record.events] == ["a-2"] and record.quotes == []


def test_pipeline_blank_model_gives_docs_carrying_their_article(blank_config: Config) -> None:
    article = read_text(PAGE_TEXT, "page.txt")
    (doc,) = list(Pipeline(blank_config).docs([article]))
    assert doc._.article is article and doc.text == masked_text(article)


def test_pipeline_missing_model_says_how_to_install() -> None:
    assert installed_model(("no_such_model_xyz",)) is None
    with pytest.raises(ModelMissingError) as info:
        load_model(("no_such_model_xyz",))
    assert info.value.code == "E001" and "pip install" in info.value.message
    assert "\n" not in info.value.message


def test_pipeline_refuses_an_over_long_article_with_e114_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text('[model]\nnames = ["blank:en"]\n[ingest]\nmax_chars = 200\n', encoding="utf-8")
    long = Article(text="Talks resumed in Doha. " * 20, source="long.txt")
    short = Article(text="Talks resumed in Doha.", source="short.txt", published="2021-08-10")
    results = list(Pipeline(load_config(path)).records([long, short]))
    assert isinstance(results[0], InputError) and results[0].code == "E114"
    assert "long.txt" in results[0].message and "200" in results[0].message
    assert isinstance(results[1], ArticleRecord) and results[1].article.source == "short.txt"


def test_pipeline_keeps_a_non_english_article_with_w101_and_extracts_nothing(blank_config: Config) -> None:
    article = Article(text="Les négociations ont repris à Doha mardi.", source="fr.txt", language="fr",
                      published="2021-08-10")
    (record,) = list(Pipeline(blank_config).records([article]))
    assert isinstance(record, ArticleRecord)
    assert [w.code for w in record.warnings] == ["W101"] and "fr.txt" in record.warnings[0].message
    assert record.events == [] and record.article.text == article.text


def test_pipeline_warns_w102_when_an_article_has_no_date(blank_config: Config) -> None:
    undated = Article(text="Talks resumed in Doha.", source="undated.txt")
    dated = Article(text="Talks resumed in Doha.", source="dated.txt", published="2021-08-10")
    first, second = list(Pipeline(blank_config).records([undated, dated]))
    assert isinstance(first, ArticleRecord) and [w.code for w in first.warnings] == ["W102"]
    assert isinstance(second, ArticleRecord) and second.warnings == []
