"""The schema is derived from the records; an existing store of every released version migrates to it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from tests.unit.store_v1 import V1_MIGRATIONS
from tests.unit.test_types import _record
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import EventwireError
from eventwire.store import TABLES, arrow_schema, open_store
from eventwire.store.base import IngestFailure
from eventwire.store.duckdb import MIGRATIONS
from eventwire.store.schema import SCHEMA_VERSION, TABLE_SPECS, Column, ListOf, Scalar, Struct
from eventwire.types import Actor, Article, ArticleRecord, Event, Notice, Place, Span

V1_ARTICLE_COLUMNS = ("id", "text", "source", "title", "byline", "outlet", "published", "published_from",
                      "language", "url", "boilerplate")


def _v1_store(path: Path, records: list[ArticleRecord], failures: list[tuple[str, str, str]]) -> None:
    """A store as eventwire 0.1 wrote it: its DDL and its INSERTs, verbatim."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for version, description, statements in V1_MIGRATIONS:
        for statement in statements:
            con.execute(statement)
        con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
    for record in records:
        art = dataclasses.asdict(record.article)
        con.execute(f"INSERT INTO articles ({', '.join(V1_ARTICLE_COLUMNS)}) VALUES "
                    f"({', '.join('?' for _ in V1_ARTICLE_COLUMNS)})", [art[c] for c in V1_ARTICLE_COLUMNS])
        for table in ("events", "quotes", "timexes", "places", "actors"):
            for ordinal, item in enumerate(getattr(record, table)):
                values = dataclasses.asdict(item)
                names = [f.name for f in dataclasses.fields(item)]
                con.execute(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in range(len(names) + 2))})",
                            [art["id"], ordinal, *[values[n] for n in names]])
    for source, code, message in failures:
        con.execute("INSERT INTO ingest_errors (source, code, message) VALUES (?, ?, ?)", [source, code, message])
    con.close()


def _shape(path: Path) -> dict[str, dict[str, str]]:
    """table -> column -> DuckDB type, for every eventwire table of the store at `path`."""
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()
    con.close()
    shape: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        if table in TABLES:
            shape.setdefault(table, {})[column] = kind
    return shape


def _indexes(path: Path) -> set[tuple[str, str]]:
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("SELECT table_name, index_name FROM duckdb_indexes()").fetchall()
    con.close()
    return {(t, i) for t, i in rows}


def _v1_record() -> ArticleRecord:
    record = _record()
    record.events[0].cameo = "0356"
    return record


def test_schema_a_v1_store_opens_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    record = _v1_record()
    _v1_store(path, [record], [("gone.txt", "E101", "gone.txt: no such file or directory")] * 3
              + [("wire.jsonl", "E104", "wire.jsonl: line 2 is not valid JSON (x)")])
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        (back,) = list(store.records())
        assert back == record and back.warnings == [] and back.events[0].cameo == "0356"
        errors = store.errors()
        assert [(e.source, e.occurrences) for e in errors] == [("gone.txt", 3), ("wire.jsonl", 1)]
        assert all(e.last_failed_at is not None for e in errors)
        # The migrated store takes what the new version writes: warnings, and repeated failures counted.
        warned = ArticleRecord(article=Article(text="Ein Text.", source="de.txt", language="de"),
                               warnings=[Notice("W101", "de.txt: the text is in 'de', not English")])
        assert store.add_records([warned]) == 1
        assert list(store.records())[1] == warned
        from eventwire.errors import InputError

        store.add_error(InputError("E101", source="gone.txt"))
        store.add_error(InputError("E103", source="empty.txt"))
        assert [(e.source, e.occurrences) for e in store.errors()] == [("gone.txt", 4), ("wire.jsonl", 1),
                                                                        ("empty.txt", 1)]
    with open_store(path) as store:  # opening again migrates nothing more
        versions = store.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()  # type: ignore[attr-defined]
    assert [v for (v,) in versions] == [1, *range(2, SCHEMA_VERSION + 1)]


def test_schema_a_migrated_store_is_the_same_as_a_fresh_one(tmp_path: Path) -> None:
    # When a record gains a field, a fresh store gains a column; without a migration doing the same to existing
    # stores this test fails.
    old, fresh = tmp_path / "old.duckdb", tmp_path / "fresh.duckdb"
    _v1_store(old, [_v1_record()], [])
    open_store(old).close()
    open_store(fresh).close()
    assert _shape(old) == _shape(fresh)
    assert set(_shape(fresh)) == set(TABLES)
    assert {i for i in _indexes(fresh) if i[0] in TABLES} <= _indexes(old)


def test_schema_migrations_end_at_the_current_version() -> None:
    assert [m[0] for m in MIGRATIONS] == list(range(2, SCHEMA_VERSION + 1))


def test_schema_read_only_open_of_an_old_store_asks_for_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path, [_v1_record()], [])
    with pytest.raises(EventwireError) as info:
        open_store(path, read_only=True)
    assert info.value.code == "E203" and "schema 1" in info.value.message


def test_schema_export_migrates_an_old_store_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path, [_v1_record()], [])
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert f"migrating {path} from schema 1 to {SCHEMA_VERSION}" in result.stderr
    assert '"cameo": "0356"' in result.stdout


def _columns_of(kind: type) -> list[str]:
    return [f.name for f in dataclasses.fields(kind)]


def test_schema_tables_are_the_records() -> None:
    assert TABLES == ("articles", "events", "quotes", "timexes", "places", "actors", "warnings", "ingest_errors",
                      "signatures", "duplicates", "linked_events", "event_mentions", "stories",
                      "story_articles")
    assert list(TABLE_SPECS["articles"].fields) == _columns_of(Article)
    assert [c.name for c in TABLE_SPECS["articles"].columns] == [*_columns_of(Article), "seq", "ingested_at"]
    for f in dataclasses.fields(ArticleRecord):
        if f.name in TABLES:
            spec = TABLE_SPECS[f.name]
            assert [c.name for c in spec.columns] == ["article_id", "ordinal", *_columns_of(spec.record)]
    assert list(TABLE_SPECS["ingest_errors"].fields) == _columns_of(IngestFailure)


def test_schema_types_follow_the_type_hints() -> None:
    events = {c.name: c.type for c in TABLE_SPECS["events"].columns}
    assert events["cameo"] == Scalar("text") and events["type"] == Scalar("text")
    assert events["quad_class"] == Scalar("int", 8) and events["confidence"] == Scalar("float")
    assert events["context"] == ListOf(Scalar("text"))
    assert isinstance(events["actor"], ListOf) and isinstance(events["actor"].item, Struct)
    assert [c.name for c in events["actor"].item.fields] == _columns_of(Actor)
    assert isinstance(events["trigger"], Struct) and [c.name for c in events["trigger"].fields] == _columns_of(Span)
    places = {c.name: c.type for c in TABLE_SPECS["places"].columns}
    assert places["geonames_id"] == Scalar("int", 64) and places["feature"] == Scalar("text")
    assert Column("id", Scalar("text"), nullable=False) in TABLE_SPECS["articles"].columns


def _arrow_fields(kind: type) -> list[str]:
    return [f.name for f in dataclasses.fields(kind)]


def test_schema_arrow_schema_is_derived_too() -> None:
    events = arrow_schema("events")
    assert events.names == ["article_id", "ordinal", *_arrow_fields(Event)]
    assert events.field("cameo").type == pa.string() and events.field("quad_class").type == pa.int8()
    assert events.field("actor").type == pa.list_(pa.struct([
        pa.field(n, pa.int32() if n in ("start", "end") else pa.string()) for n in _arrow_fields(Actor)]))
    location: Any = events.field("location").type
    assert [location.field(i).name for i in range(location.num_fields)] == _arrow_fields(Place)
    assert arrow_schema("places").field("geonames_id").type == pa.int64()
    assert arrow_schema("articles").field("ingested_at").type == pa.timestamp("us")
    assert arrow_schema("warnings").names == ["article_id", "ordinal", "code", "message"]
    assert events.metadata[b"eventwire.table"] == b"events"


def test_schema_unknown_table_is_e304() -> None:
    from eventwire.store.schema import table

    with pytest.raises(EventwireError) as info:
        table("nope")
    assert info.value.code == "E304" and "warnings" in info.value.message
