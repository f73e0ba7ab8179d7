"""The DuckDB store: one file, one writing process, a transaction per batch of articles.

A run that is killed loses only the batch it had not committed (DuckDB replays only committed work
from its write-ahead log); articles already stored are skipped by id, so the next run resumes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventwire.errors import EventwireError, InputError
from eventwire.store.schema import CHILD_TABLES, MIGRATIONS, SCHEMA_VERSION, TABLES
from eventwire.types import ArticleRecord

_ARTICLE_COLUMNS = ("id", "text", "source", "title", "byline", "outlet", "published", "published_from",
                    "language", "url", "boilerplate")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Store:
    """An eventwire DuckDB file. Use `open_store(path)`; close it (or use `with`) when done."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise EventwireError("E202", path=self.path, reason=exc) from exc
        self._columns: dict[str, list[str]] = {}
        if not read_only:
            self.migrate()
        elif self.schema_version() == 0:
            raise EventwireError("E202", path=self.path, reason="no eventwire tables")

    # -- schema -------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> int:
        """Apply the migrations this file lacks, each in its own transaction; the version after."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                         "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise EventwireError("E201", path=self.path, found=current, known=SCHEMA_VERSION)
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for statement in statements:
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                                 [version, description])
                self.con.execute("COMMIT")
            except duckdb.Error:
                self.con.execute("ROLLBACK")
                raise
        return self.schema_version()

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            rows = self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall()
            self._columns[table] = [r[0] for r in rows]
        return self._columns[table]

    # -- writing ------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are stored already (one query for a batch)."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def add_records(self, records: Sequence[ArticleRecord]) -> int:
        """Store `records` in one transaction; articles already stored are skipped. Returns how many
        were added."""
        rows: dict[str, list[list[Any]]] = {t: [] for t in ("articles", *CHILD_TABLES)}
        seen: set[str] = set()
        known = self.known_ids([r.article.id for r in records])
        for record in records:
            art = record.article
            if art.id in seen or art.id in known:
                continue
            seen.add(art.id)
            as_dict = dataclasses.asdict(art)
            rows["articles"].append([as_dict[c] for c in _ARTICLE_COLUMNS])
            for table, items in (("events", record.events), ("quotes", record.quotes),
                                 ("timexes", record.timexes), ("places", record.places),
                                 ("actors", record.actors)):
                names = self.columns(table)[2:]
                for ordinal, item in enumerate(items):
                    values = dataclasses.asdict(item)  # type: ignore[call-overload]
                    rows[table].append([art.id, ordinal, *[values[n] for n in names]])
        if not seen:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", list(_ARTICLE_COLUMNS), rows["articles"])
            for table in CHILD_TABLES:
                self._insert(table, self.columns(table), rows[table])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(seen)

    def _insert(self, table: str, names: list[str], rows: list[list[Any]]) -> None:
        if rows:
            cols = ", ".join(_q(n) for n in names)
            marks = ", ".join("?" for _ in names)
            self.con.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

    def add_error(self, error: InputError) -> None:
        """Record an input that failed, with its code and message (committed at once)."""
        self.con.execute("INSERT INTO ingest_errors (source, code, message) VALUES (?, ?, ?)",
                         [str(error.fields.get("source", "")), error.code, error.message])

    # -- reading ------------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise EventwireError("E304", table=table, choices=", ".join(TABLES))
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def errors(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT source, code, message, failed_at FROM ingest_errors ORDER BY id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _rows(self, table: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(f"SELECT * FROM {table} WHERE {where}", params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def records(self, chunk: int = 200) -> Iterator[ArticleRecord]:
        """Every stored article as an ArticleRecord, in ingest order (streamed in chunks)."""
        ids = [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
        for i in range(0, len(ids), chunk):
            part = ids[i:i + chunk]
            arts = {r["id"]: r for r in self._rows("articles", "id IN (SELECT unnest(?))", [part])}
            children: dict[str, dict[str, list[dict[str, Any]]]] = {a: {t: [] for t in CHILD_TABLES} for a in part}
            for table in CHILD_TABLES:
                for row in self._rows(table, "article_id IN (SELECT unnest(?)) ORDER BY article_id, ordinal",
                                      [part]):
                    owner = row.pop("article_id")
                    row.pop("ordinal")
                    children[owner][table].append(row)
            for article_id in part:
                art = arts[article_id]
                art.pop("ingested_at", None)
                art.pop("seq", None)
                yield ArticleRecord.from_dict({"article": art, **children[article_id]})

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_store(path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) the eventwire store at `path`."""
    return Store(path, read_only=read_only)
