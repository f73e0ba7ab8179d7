"""Stories and timelines across articles (eventwire.crossdoc.stories, eventwire.crossdoc.timeline).

Records are built by hand (no model); the texts are ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Config, load_config
from eventwire.crossdoc.stage import CrossDoc, rebuild
from eventwire.crossdoc.timeline import TimelineFilter, timeline
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.types import Actor, Article, ArticleRecord, Attribution, Boilerplate, Event, EventDate, Place, Span

FLOOD = ("Floodwater from the swollen river broke through the levee south of Marlow on Monday, forcing the "
         "evacuation of several hundred households, the provincial governor said. Rescue boats carried "
         "residents from rooftops while the army set up shelters in the stadium.")
FOLLOW_UP = ("A day after the levee south of Marlow gave way, the river was still rising on Tuesday and the "
             "provincial governor asked for more rescue boats. Residents sheltering in the stadium said the army "
             "had brought food and blankets overnight.")
UNRELATED = ("The central bank of Veloria raised its main interest rate by half a point on Tuesday, citing "
             "stubborn inflation in food and energy prices. Bankers expect another rise before the end of the "
             "year as the currency weakens against the dollar.")
LATER = ("Engineers began repairing the broken levee south of Marlow on Thursday, the provincial governor said, "
         "while families returned from the stadium shelters to clean flooded homes along the river.")

MARLOW = Place(text="Marlow", start=0, end=6, name="Marlow", country="XMA", feature="city", lat=10.0, lon=20.0)
VELORIA = Place(text="Veloria", start=0, end=7, name="Veloria", country="XVE", feature="country", lat=5.0, lon=5.0)
GOVERNOR = Actor(text="the governor", name="Provincial Governor of Marlow", kind="person", country="XMA",
                 sector="GOV")
ARMY = Actor(text="the army", name="Marlow Army", kind="organization", country="XMA", sector="MIL")
BANK = Actor(text="the central bank", name="Central Bank of Veloria", kind="organization", country="XVE",
             sector="GOV")


@pytest.fixture
def config() -> Config:
    return load_config()


def _record(text: str, outlet: str, published: str | None, actors: list[Actor], places: list[Place],
            events: list[tuple[str, list[Actor], list[Actor], str]] = ()) -> ArticleRecord:  # type: ignore[assignment]
    article = Article(text=text, source=f"{outlet}-{published}.txt", outlet=outlet, published=published,
                      published_from="input" if published else "none")
    built = [Event(id=f"{article.id}-{i}", type=kind, trigger=Span("x", 0, 1), sentence=Span(text[:60], 0, 60),
                   actor=who, recipient=whom, location=places[0] if places else None, confidence=0.8 + i / 100,
                   date=EventDate(value=day, precision="day"))
             for i, (kind, who, whom, day) in enumerate(events)]
    return ArticleRecord(article=article, events=built, actors=actors, places=places)


def _flood() -> ArticleRecord:
    return _record(FLOOD, "Fictional Courier", "2021-03-01", [GOVERNOR, ARMY], [MARLOW],
                   [("AID", [ARMY], [GOVERNOR], "2021-03-01")])


def _follow_up() -> ArticleRecord:
    return _record(FOLLOW_UP, "Fictional Ledger", "2021-03-02", [GOVERNOR, ARMY], [MARLOW],
                   [("REQUEST", [GOVERNOR], [ARMY], "2021-03-02"), ("AID", [ARMY], [GOVERNOR], "2021-03-01")])


def _unrelated() -> ArticleRecord:
    return _record(UNRELATED, "Fictional Courier", "2021-03-02", [BANK], [VELORIA])


def _later() -> ArticleRecord:
    return _record(LATER, "Fictional Herald", "2021-03-04", [GOVERNOR], [MARLOW],
                   [("AID", [GOVERNOR], [], "2021-03-04")])


def _stored(path: Path, records: list[ArticleRecord], config: Config, batches: list[int] | None = None) -> Store:
    store = open_store(path)
    store.add_records(records)
    stage = CrossDoc(store, config)
    sizes = batches or [len(records)]
    start = 0
    for size in sizes:
        stage.add(records[start:start + size])
        start += size
    return store


def _story_of(store: Store) -> dict[str, str]:
    return {row["article_id"]: row["story_id"] for batch in store.scan("story_articles") for row in batch.to_pylist()}


def _stories(store: Store) -> list[dict[str, object]]:
    return [row for batch in store.scan("stories") for row in batch.to_pylist()]


def test_stories_a_follow_up_report_joins_the_story_of_the_first(tmp_path: Path, config: Config) -> None:
    first, second = _flood(), _follow_up()
    with _stored(tmp_path / "s.duckdb", [first, second], config) as store:
        story = _story_of(store)
        assert story[first.article.id] == story[second.article.id]
        (row,) = _stories(store)
        assert row["num_articles"] == 2 and (row["first_date"], row["last_date"]) == ("2021-03-01", "2021-03-02")
        assert "Marlow" in str(row["label"])


def test_stories_an_unrelated_article_opens_a_new_story(tmp_path: Path, config: Config) -> None:
    first, other = _flood(), _unrelated()
    with _stored(tmp_path / "s.duckdb", [first, other], config) as store:
        story = _story_of(store)
        assert story[first.article.id] != story[other.article.id]
        assert sorted(r["num_articles"] for r in _stories(store)) == [1, 1]  # type: ignore[type-var]


def test_stories_an_article_outside_the_date_window_opens_a_new_story(tmp_path: Path, config: Config) -> None:
    first = _flood()
    months_later = _record(FOLLOW_UP, "Fictional Ledger", "2021-06-20", [GOVERNOR, ARMY], [MARLOW])
    with _stored(tmp_path / "s.duckdb", [first, months_later], config) as store:
        assert len(set(_story_of(store).values())) == 2


def test_stories_a_duplicate_joins_the_story_of_its_canonical_report(tmp_path: Path, config: Config) -> None:
    first = _flood()
    header = "Levee breaks - Fictional Wire\n\n"
    copy = _record(header + FLOOD, "Fictional Wire", "2021-03-01", [], [])  # same body, nothing extracted
    copy.article.boilerplate = [Boilerplate(0, len(header), "title")]
    with _stored(tmp_path / "s.duckdb", [first, copy], config, batches=[1, 1]) as store:
        assert store.count("duplicates") == 1
        story = _story_of(store)
        assert story[copy.article.id] == story[first.article.id]


def test_stories_incremental_batches_give_the_stories_of_one_batch(tmp_path: Path, config: Config) -> None:
    records = [_flood(), _unrelated(), _follow_up(), _later()]
    with _stored(tmp_path / "one.duckdb", records, config) as one, \
            _stored(tmp_path / "many.duckdb", records, config, batches=[1, 2, 1]) as many:
        assert _stories(one) == _stories(many)
        assert _story_of(one) == _story_of(many)
        assert sorted(r["num_articles"] for r in _stories(one)) == [1, 3]  # type: ignore[type-var]
        rebuild(many, config, batch_size=3)
        assert _stories(many) == _stories(one)


def test_stories_every_exported_record_carries_its_story(tmp_path: Path, config: Config) -> None:
    from eventwire.exporters import get_exporter

    records = [_flood(), _unrelated()]
    out = tmp_path / "out.jsonl"
    with _stored(tmp_path / "s.duckdb", records, config) as store:
        get_exporter("jsonl").write(store, str(out))
        story = _story_of(store)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["story"] for line in lines] == [{"id": story[r.article.id]} for r in records]


def test_stories_extract_links_its_inputs_as_one_corpus(tmp_path: Path, blank_config_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    (tmp_path / "a.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FLOOD, encoding="utf-8")  # the same article twice: one story
    (tmp_path / "c.txt").write_text(UNRELATED, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                      str(tmp_path / "c.txt"), "--published", "2021-03-01",
                                      "--config", str(blank_config_path)])
    assert result.exit_code == 0, result.output
    stories = [json.loads(line)["story"]["id"] for line in result.stdout.splitlines()]
    assert len(stories) == 3 and stories[0] == stories[1] != stories[2]


def test_stories_command_lists_the_stories_and_names_a_missing_store(tmp_path: Path, config: Config) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    db = tmp_path / "s.duckdb"
    _stored(db, [_flood(), _follow_up(), _unrelated()], config).close()
    runner = CliRunner()
    result = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(s["num_articles"] for s in listed) == [1, 2]
    assert runner.invoke(app, ["stories", "--db", str(db)]).exit_code == 0
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "E202" in missing.stderr


# -- timelines --------------------------------------------------------------------------------------


def test_timeline_orders_linked_events_by_their_own_date_not_by_report(tmp_path: Path, config: Config) -> None:
    # The later report tells of an earlier act too; a month-precise date comes after a day of its first day.
    late = _record(LATER, "Fictional Herald", "2021-03-04", [GOVERNOR], [MARLOW],
                   [("AID", [GOVERNOR], [], "2021-03-04"), ("REQUEST", [GOVERNOR], [ARMY], "2021-03-01")])
    month = _record(FOLLOW_UP, "Fictional Ledger", "2021-03-03", [GOVERNOR, ARMY], [MARLOW])
    month.events = [Event(id=f"{month.article.id}-0", type="CONSULT", trigger=Span("x", 0, 1),
                          sentence=Span(FOLLOW_UP[:60], 0, 60), actor=[GOVERNOR], recipient=[ARMY],
                          date=EventDate(value="2021-03", precision="month"), confidence=0.7)]
    with _stored(tmp_path / "t.duckdb", [late, month], config) as store:
        (story,) = {r["id"] for r in _stories(store)}
        entries = timeline(store, TimelineFilter(story=str(story)))
    assert [(e.date, e.precision, e.type) for e in entries] == [
        ("2021-03-01", "day", "REQUEST"), ("2021-03", "month", "CONSULT"), ("2021-03-04", "day", "AID")]


def test_timeline_shows_each_linked_event_once_with_its_best_sourced_sentence(tmp_path: Path, config: Config) -> None:
    first, second = _flood(), _follow_up()
    second.events[1].attribution = Attribution("the governor said", 0, 17, GOVERNOR)
    with _stored(tmp_path / "t.duckdb", [first, second], config) as store:
        entries = timeline(store, TimelineFilter(types=["AID"]))
    (aid,) = entries
    assert aid.num_articles == 2 and aid.source == "Fictional Ledger" and aid.attributed_to == GOVERNOR.name


def test_timeline_filters_by_actor_and_country(tmp_path: Path, config: Config) -> None:
    with _stored(tmp_path / "t.duckdb", [_flood(), _follow_up()], config) as store:
        assert {e.type for e in timeline(store, TimelineFilter(actor="governor"))} == {"AID", "REQUEST"}
        assert timeline(store, TimelineFilter(country="XVE")) == []


def test_timeline_command_writes_json_and_names_an_unknown_story(tmp_path: Path, config: Config) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    db = tmp_path / "t.duckdb"
    with _stored(db, [_flood(), _follow_up()], config) as store:
        (story,) = {str(r["id"]) for r in _stories(store)}
    out = tmp_path / "timeline.json"
    runner = CliRunner()
    result = runner.invoke(app, ["timeline", story, "--db", str(db), "--json", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["filter"]["story"] == story and [e["type"] for e in written["events"]] == ["AID", "REQUEST"]
    unknown = runner.invoke(app, ["timeline", "0000000000000000", "--db", str(db)])
    assert unknown.exit_code == 2 and "E205" in unknown.stderr
