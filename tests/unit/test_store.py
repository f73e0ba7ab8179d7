from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from tests.unit.test_types import _record

from eventwire.errors import EventwireError, InputError
from eventwire.store import export_store, open_store
from eventwire.store.schema import SCHEMA_VERSION
from eventwire.types import Actor, Article, ArticleRecord, Boilerplate, Event, Place, Quote, Span, Timex


def _plain(text: str) -> ArticleRecord:
    return ArticleRecord(article=Article(text=text, source=f"{text[:5]}.txt"))


def test_store_creates_every_table_at_the_current_schema(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "events", "actors", "quotes", "timexes", "places", "ingest_errors",
            "schema_version"} <= tables


@pytest.mark.parametrize(("table", "record"), [
    ("events", Event), ("quotes", Quote), ("timexes", Timex), ("places", Place), ("actors", Actor)])
def test_store_tables_match_the_record_fields(tmp_path: Path, table: str, record: type) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.columns(table)[:2] == ["article_id", "ordinal"]
        assert store.columns(table)[2:] == [f.name for f in dataclasses.fields(record)]


def test_store_round_trips_a_full_record(tmp_path: Path) -> None:
    record = _record()
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.add_records([record]) == 1
        (back,) = list(store.records())
    assert back == record


def test_store_skips_articles_already_stored(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.add_records([_plain("one"), _plain("two"), _plain("one")]) == 2
        assert store.add_records([_plain("two"), _plain("three")]) == 1
        assert store.count("articles") == 3


def test_store_records_input_errors(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        store.add_error(InputError("E101", source="gone.txt"))
        (error,) = store.errors()
    assert error["code"] == "E101" and error["source"] == "gone.txt" and "gone.txt" in error["message"]


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.con.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')",
                          [SCHEMA_VERSION + 1])
    with pytest.raises(EventwireError) as info:
        open_store(path)
    assert info.value.code == "E201"


def test_store_killed_mid_batch_keeps_committed_work_and_nothing_partial(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.add_records([_plain("kept before the crash")])
    # A child process commits one batch, starts a second and dies without closing anything.
    script = f"""
import os
from eventwire.store import open_store
from eventwire.types import Article, ArticleRecord
store = open_store({str(path)!r})
store.add_records([ArticleRecord(article=Article(text="committed batch", source="c"))])
store.con.execute("BEGIN TRANSACTION")
store.con.execute("INSERT INTO articles (id, text) VALUES ('deadbeefdeadbeef', 'half written')")
os._exit(9)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    with open_store(path) as store:
        texts = sorted(r[0] for r in store.con.execute("SELECT text FROM articles").fetchall())
        assert texts == ["committed batch", "kept before the crash"]
        assert store.add_records([_plain("after restart")]) == 1


def test_store_export_jsonl_parquet_and_csv(tmp_path: Path) -> None:
    import io
    import json

    import duckdb

    with open_store(tmp_path / "s.duckdb") as store:
        store.add_records([_record(), _plain("second article")])
        out = io.StringIO()
        export_store(store, "jsonl", "-", stdout=out)
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert ArticleRecord.from_dict(lines[0]) == _record()
        written = export_store(store, "parquet", str(tmp_path / "pq"))
        assert len(written) == 7
        n = duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path}/pq/events.parquet'").fetchall()
        assert n == [(1,)]
        export_store(store, "csv", str(tmp_path / "events.csv"), table="events")
        header, row = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[:2]
        assert header.startswith("article_id,ordinal,id,type") and '""name"":""Joe Biden""' in row
        with pytest.raises(EventwireError) as info:
            export_store(store, "csv", str(tmp_path / "events.csv"), table="events")
        assert info.value.code == "E301"
        export_store(store, "csv", str(tmp_path / "events.csv"), table="events", force=True)
        with pytest.raises(EventwireError) as info:
            export_store(store, "parquet", "-")
        assert info.value.code == "E303"


def test_store_keeps_boilerplate_spans(tmp_path: Path) -> None:
    record = ArticleRecord(article=Article(text="Title\n\nBody text here.", source="t",
                                           boilerplate=[Boilerplate(0, 5, "title")]))
    with open_store(tmp_path / "s.duckdb") as store:
        store.add_records([record])
        assert next(store.records()).article.boilerplate == [Boilerplate(0, 5, "title")]


def test_store_read_only_open_of_a_non_store_fails_clearly(tmp_path: Path) -> None:
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(EventwireError) as info:
        open_store(tmp_path / "other.duckdb", read_only=True)
    assert info.value.code == "E202"


def test_store_span_struct_field_order(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        kind = store.con.execute("SELECT data_type FROM information_schema.columns WHERE table_name='events' "
                                 "AND column_name='trigger'").fetchone()
    assert kind is not None and kind[0].startswith("STRUCT(") and [f.name for f in dataclasses.fields(Span)] == [
        "text", "start", "end"]
