"""The exporter registry (entry points `eventwire.exporters`) and the built-in exporters."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.unit.test_types import _record
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import EventwireError
from eventwire.exporters import GROUP, Exporter, export_store, exporters, get_exporter
from eventwire.exporters.builtin import CSV, JSONL, PARQUET
from eventwire.store import TABLES, Store, arrow_schema, open_store
from eventwire.types import Article, ArticleRecord, Notice

runner = CliRunner()


def _cameo_record() -> ArticleRecord:
    record = _record()
    record.events[0].cameo = "0356"
    record.article.outlet = ""  # an empty string, not a null
    record.warnings = [Notice("W102", "a.txt: the article has no publication date")]
    return record


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "s.duckdb") as opened:
        opened.add_records([_cameo_record(), ArticleRecord(article=Article(text="Second.", source="b.txt"))])
        yield opened


def test_exporters_are_found_through_entry_points() -> None:
    points = {p.name: p for p in entry_points(group=GROUP)}
    assert {"jsonl", "parquet", "csv"} <= set(points)
    assert points["jsonl"].load() is JSONL and points["parquet"].load() is PARQUET and points["csv"].load() is CSV
    found = exporters()
    assert list(found) == sorted(found) and {"csv", "jsonl", "parquet"} <= set(found)
    for name, exporter in found.items():
        assert isinstance(exporter, Exporter) and exporter.name == name and exporter.description


def test_exporters_describe_what_they_need() -> None:
    assert (JSONL.needs_path, JSONL.writes_tables) == (False, False)
    assert (PARQUET.needs_path, PARQUET.writes_tables) == (True, True)
    assert (CSV.needs_path, CSV.writes_tables) == (False, True)


def test_exporters_unknown_format_lists_the_registry() -> None:
    with pytest.raises(EventwireError) as info:
        get_exporter("xml")
    assert info.value.code == "E302" and "csv, jsonl, parquet" in info.value.message


def test_exporters_cli_lists_and_checks_the_formats(tmp_path: Path) -> None:
    help_text = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"}).stdout
    assert all(f"{name}:" in help_text for name in exporters())
    open_store(tmp_path / "s.duckdb").close()
    bad = runner.invoke(app, ["export", "--format", "xml", "--db", str(tmp_path / "s.duckdb")])
    assert bad.exit_code == 2 and "E302" in bad.stderr and "csv, jsonl, parquet" in bad.stderr


def test_exporters_keep_cameo_codes_as_strings_in_parquet(tmp_path: Path, store: Store) -> None:
    written = export_store(store, "parquet", tmp_path / "pq")
    assert sorted(Path(w).name for w in written) == sorted(f"{t}.parquet" for t in TABLES)
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert events.schema.equals(arrow_schema("events"), check_metadata=False)
    assert events.column("cameo").to_pylist() == ["0356"]
    assert events.column("actor").to_pylist()[0][0]["name"] == "Joe Biden"
    warnings = pq.read_table(tmp_path / "pq" / "warnings.parquet").to_pylist()
    assert [(w["code"], w["ordinal"]) for w in warnings] == [("W102", 0)]
    for table in TABLES:
        assert pq.read_schema(tmp_path / "pq" / f"{table}.parquet").names == arrow_schema(table).names


def test_exporters_keep_cameo_codes_as_strings_in_csv(tmp_path: Path, store: Store) -> None:
    export_store(store, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8")
    assert ',"0356",' in text  # quoted: a text value, whatever reads it
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["cameo"] == "0356" and row["quad_class"] == "2"
    assert json.loads(row["actor"])[0]["name"] == "Joe Biden"
    articles = (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert articles[0].startswith("id,source,title,byline,outlet,")
    # The empty outlet is "" and the missing title of the first article is an empty field.
    assert ',"a.txt",,,"",' in articles[1]


def test_exporters_csv_to_standard_output_needs_a_table(store: Store) -> None:
    out = io.StringIO()
    assert export_store(store, "csv", out, table="warnings") == ["-"]
    assert out.getvalue().splitlines()[0] == "article_id,ordinal,code,message"
    with pytest.raises(EventwireError) as info:
        export_store(store, "csv", io.StringIO())
    assert info.value.code == "E303"


def test_exporters_jsonl_takes_no_table(store: Store) -> None:
    out = io.StringIO()
    export_store(store, "jsonl", out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert ArticleRecord.from_dict(first) == _cameo_record() and first["events"][0]["cameo"] == "0356"
    with pytest.raises(EventwireError) as info:
        export_store(store, "jsonl", io.StringIO(), table="events")
    assert info.value.code == "E305"


def test_exporters_refuse_to_overwrite_and_leave_no_partial_file(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "events.parquet"
    export_store(store, "parquet", target, table="events")
    with pytest.raises(EventwireError) as info:
        export_store(store, "parquet", target, table="events")
    assert info.value.code == "E301"
    with pytest.raises(EventwireError) as info:
        export_store(store, "parquet", tmp_path / "x.parquet", table="nope")
    assert info.value.code == "E304"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("s.duckdb")) == ["events.parquet"]


def test_exporters_a_broken_plugin_does_not_hide_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.exporters as registry

    class Point:
        def __init__(self, name: str, value: str, loads: object) -> None:
            self.name, self.value, self._loads = name, value, loads

        def load(self) -> object:
            if isinstance(self._loads, Exception):
                raise self._loads
            return self._loads

    class Upper:
        name = "upper"
        description = "test exporter"
        needs_path = False
        writes_tables = False

        def write(self, store: Store, out: object, table: str | None = None, force: bool = False) -> list[str]:
            return ["-"]

    points = [Point("broken", "nowhere:X", ImportError("no module nowhere")), Point("upper", "t:Upper", Upper),
              Point("jsonl", "eventwire.exporters.builtin:JSONL", JSONL)]
    monkeypatch.setattr(registry, "entry_points", lambda group: points)
    registry.exporters.cache_clear()
    try:
        with pytest.warns(UserWarning, match="broken"):
            found = registry.exporters()
        assert list(found) == ["csv", "jsonl", "parquet", "upper"]
    finally:
        registry.exporters.cache_clear()
