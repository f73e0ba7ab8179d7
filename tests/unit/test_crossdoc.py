"""Across articles: near-duplicate reports and one linked event from many reports (eventwire.crossdoc).

Records are built by hand (no model); the texts are ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Config, load_config
from eventwire.crossdoc.duplicates import DuplicateFinder, DuplicateSettings, body_words
from eventwire.crossdoc.stage import CrossDoc, rebuild
from eventwire.store import open_store
from eventwire.store.base import Store
from eventwire.types import Actor, Article, ArticleRecord, Boilerplate, Event, EventDate, Place, Span

REPORT = (
    "Rescue teams worked through the night on Tuesday to reach villages cut off by a landslide in the hills "
    "north of the provincial capital, the regional emergency office said. Heavy rain over three days had "
    "loosened the slopes above the valley road, and the slide buried a stretch of more than two kilometres "
    "early on Monday morning. The office said at least forty homes were damaged and that families had been "
    "moved to schools and a sports hall in the next town. Engineers expect to open one lane of the road by "
    "the weekend if the weather holds, but warned that more rain was forecast for Thursday. A convoy of "
    "trucks carrying water, blankets and tents left the capital at dawn and was expected to arrive before "
    "nightfall. Local officials asked drivers to avoid the valley until the road had been inspected."
)
REWRITE = (REPORT.replace("worked through the night", "worked overnight")
           .replace("the regional emergency office said", "according to the regional emergency office")
           .replace("Engineers expect", "Road engineers expect"))
UPDATE = REPORT + (
    " Later on Tuesday the office said a second convoy would follow on Wednesday, and that two helicopters "
    "had begun flying supplies to the villages that trucks still cannot reach."
)
SAME_TOPIC = (
    "Farmers in the valley say the landslide that closed the main road this week has left them unable to "
    "get vegetables to market, and some fear the season is lost. Prices in the town market rose sharply "
    "as supplies dwindled, traders said, while shop owners reported long queues for bottled water. A local "
    "cooperative has offered its warehouse to store produce until the road reopens, and volunteers are "
    "carrying crates along a footpath over the ridge. Residents have asked the regional government for "
    "compensation, saying that warnings about the unstable slopes were ignored for years."
)


@pytest.fixture
def config() -> Config:
    return load_config()


def _article(text: str, source: str, *, outlet: str | None = None, published: str = "2021-08-17",
             header: str = "") -> Article:
    full = header + text
    furniture = [Boilerplate(0, len(header), "title")] if header else []
    return Article(text=full, source=source, outlet=outlet, published=published, published_from="input",
                   boilerplate=furniture)


def _finder(config: Config) -> DuplicateFinder:
    return DuplicateFinder(DuplicateSettings.of(config))


def test_crossdoc_an_exact_copy_under_other_furniture_is_a_duplicate(config: Config) -> None:
    finder = _finder(config)
    first = _article(REPORT, "a.txt", header="Landslide cuts off villages\n\n")
    copy = _article(REPORT, "b.txt", header="Villages cut off - Fictional Courier\n\n")
    assert body_words(first) == body_words(copy) and first.id != copy.id
    assert finder.check(first)[1] is None
    duplicate = finder.check(copy)[1]
    assert duplicate is not None and duplicate.duplicate_of == first.id and duplicate.similarity == 1.0


def test_crossdoc_a_syndicated_rewrite_and_an_updated_version_are_duplicates_of_the_first(config: Config) -> None:
    finder = _finder(config)
    first = _article(REPORT, "a.txt")
    finder.check(first)
    rewrite, update = finder.check(_article(REWRITE, "b.txt"))[1], finder.check(_article(UPDATE, "c.txt"))[1]
    assert rewrite is not None and rewrite.duplicate_of == first.id
    assert update is not None and update.duplicate_of == first.id  # never a duplicate of a duplicate


def test_crossdoc_a_different_article_on_the_same_topic_is_no_duplicate(config: Config) -> None:
    finder = _finder(config)
    finder.check(_article(REPORT, "a.txt"))
    assert finder.check(_article(SAME_TOPIC, "b.txt"))[1] is None


def test_crossdoc_the_duplicate_index_is_rebuilt_from_stored_signatures(tmp_path: Path, config: Config) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        first = ArticleRecord(article=_article(REPORT, "a.txt"))
        store.add_records([first])
        CrossDoc(store, config).add([first])
        later = ArticleRecord(article=_article(REWRITE, "b.txt"))
        store.add_records([later])
        report = CrossDoc(store, config).add([later])  # a new run: only signatures are read back
        assert report.duplicates == 1
        assert store.tally("duplicates", "duplicate_of") == [(first.article.id, 1)]


# -- linking ----------------------------------------------------------------------------------------

KABUL = Place(text="Kabul", start=0, end=5, name="Kabul", country="AFG", feature="city", lat=34.53, lon=69.17)
HERAT = Place(text="Herat", start=0, end=5, name="Herat", country="AFG", feature="city", lat=34.35, lon=62.2)
AFGHANISTAN = Place(text="Afghanistan", start=0, end=11, name="Afghanistan", country="AFG", feature="country",
                    lat=33.9, lon=67.7)


def _actor(name: str, country: str, sector: str) -> Actor:
    return Actor(text=name, name=name, kind="group", country=country, sector=sector)


def _event(article: Article, i: int, kind: str, actors: list[Actor], recipients: list[Actor], day: str,
           place: Place | None, *, precision: str = "day") -> Event:
    return Event(id=f"{article.id}-{i}", type=kind, trigger=Span("x", 0, 1), sentence=Span(article.text[:40], 0, 40),
                 actor=actors, recipient=recipients, location=place, confidence=0.9,
                 date=EventDate(value=day, precision=precision))  # type: ignore[arg-type]


def _report(text: str, outlet: str, events: list[tuple[str, list[Actor], list[Actor], str, Place | None]],
            published: str = "2021-08-27") -> ArticleRecord:
    article = _article(text, f"{outlet}.txt", outlet=outlet, published=published)
    return ArticleRecord(article=article, events=[_event(article, i, *e) for i, e in enumerate(events)])


GROUP = _actor("Islamic State Khorasan", "AFG", "REB")
CROWD = _actor("civilians", "AFG", "CVL")
TALIBAN = _actor("Taliban", "AFG", "GOV")
US = _actor("United States", "USA", "GOV")


def _linked(store: Store) -> list[tuple[int, ...]]:
    return [tuple(r) for r in store.tally("linked_events", "num_articles")]


def _store(tmp_path: Path, records: list[ArticleRecord], config: Config) -> Store:
    store = open_store(tmp_path / "links.duckdb")
    store.add_records(records)
    CrossDoc(store, config).add(records)
    return store


def test_crossdoc_two_outlets_reports_of_one_event_are_one_linked_event(tmp_path: Path, config: Config) -> None:
    first = _report("A bombing at the airport gate killed dozens of people. " * 3, "Fictional Courier",
                    [("ASSAULT", [GROUP], [CROWD], "2021-08-26", KABUL)])
    second = _report("Two explosions outside the airport left many dead, officials said. " * 3, "Fictional Ledger",
                     [("ASSAULT", [GROUP], [], "2021-08-26", AFGHANISTAN)], published="2021-08-28")
    with _store(tmp_path, [first, second], config) as store:
        assert _linked(store) == [(2, 1)]
        (batch,) = list(store.scan("linked_events"))
        linked = batch.to_pylist()[0]
        assert linked["num_mentions"] == 2 and linked["num_sources"] == 2
        assert linked["sources"] == ["Fictional Courier", "Fictional Ledger"]
        assert linked["first_seen"] == "2021-08-27" and linked["last_seen"] == "2021-08-28"
        assert linked["place"]["name"] == "Kabul" and linked["date"]["precision"] == "day"
        assert store.count("event_mentions") == 2


def test_crossdoc_same_actors_on_different_dates_are_two_events(tmp_path: Path, config: Config) -> None:
    first = _report("Fighters attacked the district centre overnight. " * 3, "Fictional Courier",
                    [("ASSAULT", [TALIBAN], [], "2021-08-10", KABUL)])
    second = _report("Fighters attacked the district centre again. " * 3, "Fictional Ledger",
                     [("ASSAULT", [TALIBAN], [], "2021-08-20", KABUL)])
    with _store(tmp_path, [first, second], config) as store:
        assert _linked(store) == [(1, 2)]


def test_crossdoc_the_same_type_in_far_apart_places_is_two_events(tmp_path: Path, config: Config) -> None:
    first = _report("Fighters attacked the city overnight. " * 3, "Fictional Courier",
                    [("ASSAULT", [TALIBAN], [], "2021-08-12", KABUL)])
    second = _report("Fighters attacked a city in the west. " * 3, "Fictional Ledger",
                     [("ASSAULT", [TALIBAN], [], "2021-08-12", HERAT)])
    with _store(tmp_path, [first, second], config) as store:
        assert _linked(store) == [(1, 2)]


def test_crossdoc_the_same_side_on_neighbouring_days_with_nothing_else_shared_is_two_events(
        tmp_path: Path, config: Config) -> None:
    # Two towns taken a day apart, neither report placing its act: only the actor and the type agree.
    first = _report("Fighters took a provincial capital in the south on Friday. " * 3, "Fictional Courier",
                    [("ASSAULT", [TALIBAN], [], "2021-08-06", None)])
    second = _report("Fighters took another provincial capital in the north on Saturday. " * 3, "Fictional Ledger",
                     [("ASSAULT", [TALIBAN], [], "2021-08-07", None)])
    with _store(tmp_path, [first, second], config) as store:
        assert _linked(store) == [(1, 2)]


def test_crossdoc_a_place_read_off_the_dateline_neither_links_nor_separates(tmp_path: Path, config: Config) -> None:
    def datelined(text: str, outlet: str, day: str) -> ArticleRecord:
        header = "KABUL (Fictional Wire) - "
        article = Article(text=header + text, source=f"{outlet}.txt", outlet=outlet, published="2021-08-20",
                          published_from="input", boilerplate=[Boilerplate(0, 5, "dateline")])
        place = Place(text="KABUL", start=0, end=5, name="Kabul", country="AFG", admin1="Kabul", feature="city",
                      lat=34.53, lon=69.17)
        return ArticleRecord(article=article, events=[_event(article, 0, "ASSAULT", [TALIBAN], [], day, place)])
    first = datelined("Fighters attacked a town in the north on Monday. " * 3, "Fictional Courier", "2021-08-16")
    second = datelined("Fighters attacked a town in the south on Tuesday. " * 3, "Fictional Ledger", "2021-08-17")
    with _store(tmp_path, [first, second], config) as store:
        assert _linked(store) == [(1, 2)]


def test_crossdoc_two_events_of_one_article_are_never_linked_together(tmp_path: Path, config: Config) -> None:
    one = _report("Fighters attacked two posts in the city. " * 3, "Fictional Courier",
                  [("ASSAULT", [TALIBAN], [], "2021-08-12", KABUL), ("ASSAULT", [TALIBAN], [], "2021-08-12", KABUL)])
    with _store(tmp_path, [one], config) as store:
        assert _linked(store) == [(1, 2)]


def test_crossdoc_a_duplicate_report_adds_no_mention(tmp_path: Path, config: Config) -> None:
    first = _report(REPORT, "Fictional Courier", [("AID", [US], [CROWD], "2021-08-17", KABUL)])
    copy = _report(REWRITE, "Fictional Ledger", [("AID", [US], [CROWD], "2021-08-17", KABUL)])
    with _store(tmp_path, [first, copy], config) as store:
        assert store.count("duplicates") == 1 and _linked(store) == [(1, 1)] and store.count("event_mentions") == 1


def test_crossdoc_rebuilding_gives_what_was_linked_batch_by_batch(tmp_path: Path, config: Config) -> None:
    texts = [REPORT, SAME_TOPIC, "Envoys met in the capital on Tuesday.", "Talks were held again on Saturday."]
    reports = [_report(text, f"Outlet {i}", [("CONSULT", [US, TALIBAN], [], ("2021-08-10", "2021-08-14")[i % 2],
                                              KABUL)]) for i, text in enumerate(texts)]
    with open_store(tmp_path / "r.duckdb") as store:
        store.add_records(reports)
        stage = CrossDoc(store, config)
        for record in reports:
            stage.add([record])

        def state() -> list[dict[str, object]]:
            return [row for batch in store.scan("linked_events") for row in batch.to_pylist()]

        incremental = state()
        assert sorted(r["num_articles"] for r in incremental) == [2, 2]  # type: ignore[type-var]
        rebuild(store, config, batch_size=3)
        assert state() == incremental


def test_crossdoc_ingesting_again_changes_nothing(tmp_path: Path, blank_config: Config) -> None:
    from eventwire.batch import ingest_inputs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(REWRITE, encoding="utf-8")
    (folder / "c.txt").write_text(SAME_TOPIC, encoding="utf-8")
    with open_store(tmp_path / "i.duckdb") as store:
        first = ingest_inputs([str(folder)], store, config=blank_config)
        before = store.counts()
        again = ingest_inputs([str(folder)], store, config=blank_config)
        assert first.duplicates == 1 and again.added == 0 and store.counts() == before
        assert before["signatures"] == 3 and before["duplicates"] == 1


def test_crossdoc_link_command_rebuilds_the_tables(tmp_path: Path, blank_config_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(UPDATE, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--config", str(blank_config_path)])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["link", "--db", str(db), "--config", str(blank_config_path)])
    assert result.exit_code == 0, result.output
    assert "2 articles, 1 duplicates" in result.stdout
    missing = runner.invoke(app, ["link", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "E202" in missing.stderr
