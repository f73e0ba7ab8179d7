"""Tests that load the pinned English model (en_core_web_sm 3.8.0)."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.demo import example_corpus
from eventwire.nlp.loader import load_model
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.model


def test_model_loads_the_pinned_version_once_per_process() -> None:
    nlp = load_model()
    assert nlp.meta["version"] == "3.8.0" and nlp.meta["name"].startswith("core_web_sm")
    assert load_model() is nlp
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


def test_model_extract_reads_a_file_and_keeps_text_unchanged() -> None:
    path = example_corpus() / "02_biden-announces-withdrawal.txt"
    record = eventwire.extract(path)
    assert record.article.text == path.read_text(encoding="utf-8")
    assert record.article.published == "2021-04-14T15:08:00"
    assert record.article.title and record.article.boilerplate


def test_model_extract_accepts_text_and_a_published_override() -> None:
    record = eventwire.extract("Negotiators met in Doha on Tuesday, a mediator said.", published="2021-08-10")
    assert record.article.published == "2021-08-10" and record.article.source == "<text>"


def test_model_batches_parse_like_single_documents() -> None:
    pipeline = Pipeline()
    from eventwire.ingest.sources import iter_articles

    articles = [a for a in iter_articles([str(example_corpus())]) if isinstance(a, eventwire.Article)]
    docs = list(pipeline.docs(articles))
    assert len(docs) == len(articles) >= 12
    single = pipeline.nlp(docs[0].text)
    assert [t.dep_ for t in single] == [t.dep_ for t in docs[0]]
    assert all(d._.article is a for d, a in zip(docs, articles, strict=True))


def test_model_furniture_is_never_parsed_into_entities() -> None:
    path: Path = example_corpus() / "02_biden-announces-withdrawal.txt"
    record = eventwire.extract(path)
    (doc,) = list(Pipeline().docs([record.article]))
    for ent in doc.ents:
        assert not record.article.in_boilerplate(ent.start_char, ent.end_char), ent.text
