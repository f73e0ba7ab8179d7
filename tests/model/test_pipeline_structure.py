"""The pipeline's structure: registered components in a one-way flow, state per pipeline, failures per article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import InputError
from eventwire.nlp.loader import OURS, load_model
from eventwire.pipeline import Pipeline
from eventwire.types import Article, ArticleRecord

pytestmark = pytest.mark.model

HEADER = "name,aliases,country,sector,role,valid_from,valid_to,source\n"
SENTENCE = "Marek Dvorsky met the Finnish foreign minister in Helsinki on Monday to discuss the border."


def _config(tmp_path: Path, name: str, country: str) -> Config:
    kb_file = tmp_path / f"{name}.csv"
    kb_file.write_text(HEADER + f"Marek Dvorsky,Dvorsky,{country},GOV,foreign minister,2020-01-01,,our test\n",
                       encoding="utf-8")
    config_file = tmp_path / f"{name}.toml"
    config_file.write_text(f'[kb]\nextra = "{kb_file.as_posix()}"\n', encoding="utf-8")
    return load_config(config_file)


def _actor_country(pipeline: Pipeline) -> str | None:
    record = next(pipeline.records([Article(text=SENTENCE, source="t.txt", published="2021-06-07")]))
    assert isinstance(record, ArticleRecord)
    countries = {a.country for e in record.events for a in e.actor if a.name == "Marek Dvorsky"}
    assert len(countries) == 1, countries
    return countries.pop()


def test_pipeline_components_declare_what_they_read_and_write_and_analyze_clean() -> None:
    nlp = load_model()
    assert [n for n in nlp.pipe_names if n.startswith("eventwire")] == list(
        (OURS[0], OURS[1], *OURS[2:]))
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    # Each record list is written by exactly one stage: an Event is built once, never patched later.
    writers = {name: meta["assigns"] for name, meta in analysis["summary"].items()}
    assert [name for name, attrs in writers.items() if "doc._.events" in attrs] == ["eventwire_events"]
    assert [name for name, attrs in writers.items() if "doc._.actors" in attrs] == ["eventwire_actors"]


def test_pipeline_two_knowledge_bases_in_one_process_each_give_their_own_actors(tmp_path: Path) -> None:
    polish = Pipeline(_config(tmp_path, "pl", "POL"))
    czech = Pipeline(_config(tmp_path, "cz", "CZE"))
    assert _actor_country(polish) == "POL"
    assert _actor_country(czech) == "CZE"
    assert _actor_country(polish) == "POL"  # either order: nothing of the other is left behind
    assert _actor_country(Pipeline()) not in ("POL", "CZE")  # the shipped knowledge base does not know him


def test_pipeline_a_failing_stage_costs_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extractors.events import EventCoder

    original = EventCoder.process

    def broken(self: EventCoder, doc: object) -> None:
        if "explode" in str(getattr(doc, "text", "")):
            raise RuntimeError("a bug in the coder")
        original(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(EventCoder, "process", broken)
    articles = [Article(text="Talks resumed in Doha on Sunday.", source="a.txt", published="2021-08-09"),
                Article(text="This one will explode the coder.", source="b.txt", published="2021-08-09"),
                Article(text="Rebels attacked a checkpoint in Kunduz.", source="c.txt", published="2021-08-09")]
    results = list(Pipeline().records(articles))
    assert isinstance(results[0], ArticleRecord) and results[0].events
    assert isinstance(results[1], InputError) and results[1].code == "E112"
    assert "b.txt" in results[1].message and "eventwire_events" in results[1].message
    assert isinstance(results[2], ArticleRecord) and results[2].article.source == "c.txt" and results[2].events


def test_pipeline_saved_to_disk_reloads_with_spacy_load_in_a_fresh_process(tmp_path: Path) -> None:
    nlp = load_model()
    nlp.to_disk(tmp_path / "pipeline")
    script = (
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('Rebels attacked a checkpoint in Kunduz on Sunday.')\n"
        "print(json.dumps([[e.type, e.trigger.text, e.location.name if e.location else None] for e in doc._.events]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    events = json.loads(out.stdout.strip().splitlines()[-1])
    assert ["ASSAULT", "attacked", "Kunduz"] in events


def test_pipeline_speaker_placed_in_a_town_takes_its_country_and_is_listed_once() -> None:
    text = ("Residents in Kunduz said the fighting had stopped on Monday. "
            "Residents in Kunduz said shops reopened and the market was busy.")
    record = next(Pipeline().records([Article(text=text, source="r.txt", published="2021-08-10")]))
    assert isinstance(record, ArticleRecord)
    speakers = [q.speaker for q in record.quotes if q.speaker is not None]
    assert speakers and all(s.country == "AFG" for s in speakers)
    assert [a.name for a in record.actors].count("Residents") == 1


def test_pipeline_long_article_parsed_in_pieces_keeps_its_text_and_finds_the_same_acts(tmp_path: Path) -> None:
    paragraphs = [
        "Rebels attacked a checkpoint in Kunduz on Sunday, the provincial police chief said.",
        "The foreign minister of Pakistan met the Afghan envoy in Islamabad on Monday.",
        "“We will not accept any attack on our forces,” the army spokesman told reporters.",
    ]
    text = "\n\n".join(paragraphs * 12)
    article = Article(text=text, source="long.txt", published="2021-08-10")
    small = tmp_path / "pieces.toml"
    small.write_text("[model]\nchunk_chars = 600\n", encoding="utf-8")
    whole = next(Pipeline().records([article]))
    pieces = next(Pipeline(load_config(small)).records([article]))
    assert isinstance(whole, ArticleRecord) and isinstance(pieces, ArticleRecord)
    assert pieces.article.text == text
    assert len(text) > 4 * 600  # it really was cut
    assert [(e.type, e.trigger.start) for e in pieces.events] == [(e.type, e.trigger.start) for e in whole.events]
    assert [q.content.start for q in pieces.quotes] == [q.content.start for q in whole.quotes]
    assert {a.name for a in pieces.actors} == {a.name for a in whole.actors}
