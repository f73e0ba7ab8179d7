"""The DuckDB store: one file, one writing process, a transaction per batch of articles.

A run that is killed loses only the batch it had not committed (DuckDB replays only committed work
from its write-ahead log); articles already stored are skipped by id, so the next run resumes.

The tables are created from the derived schema (eventwire.store.schema) rendered as DuckDB DDL:
nested records are STRUCT columns and lists LIST columns. A store written by an older eventwire is
brought up to date by MIGRATIONS, each in its own transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import duckdb

from eventwire.crossdoc.records import LinkedEvent, Story
from eventwire.errors import EventwireError, InputError
from eventwire.store.base import (
    ArticleQuery,
    EventQuery,
    IngestFailure,
    Page,
    StoredEvent,
    check_limit,
)
from eventwire.store.schema import (
    CHILD_TABLES,
    CROSSDOC_TABLES,
    SCHEMA_VERSION,
    TABLE_SPECS,
    TABLES,
    ListOf,
    LogicalType,
    Struct,
    Table,
    arrow_schema,
    table,
)
from eventwire.store.sql import (
    article_cursor,
    article_where,
    event_cursor,
    event_where,
    parse_cursor,
    placeholders,
    plain_columns,
    quote,
)
from eventwire.types import Article, ArticleRecord, Event, from_dict

if TYPE_CHECKING:
    import pyarrow as pa

# -- DDL --------------------------------------------------------------------------------------------


def duckdb_type(logical: LogicalType) -> str:
    if isinstance(logical, ListOf):
        return duckdb_type(logical.item) + "[]"
    if isinstance(logical, Struct):
        return "STRUCT(" + ", ".join(f"{quote(c.name)} {duckdb_type(c.type)}" for c in logical.fields) + ")"
    if logical.kind == "int":
        return {8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT"}[logical.bits]
    return {"text": "VARCHAR", "float": "DOUBLE", "bool": "BOOLEAN", "timestamp": "TIMESTAMP"}[logical.kind]


def create_statements(spec: Table) -> list[str]:
    """The DDL of one table as this version of eventwire defines it."""
    statements = []
    lines = []
    for column in spec.columns:
        line = f"{quote(column.name)} {duckdb_type(column.type)}"
        if column.serial:
            statements.append(f"CREATE SEQUENCE IF NOT EXISTS {column.serial} START 1")
            line += f" DEFAULT nextval('{column.serial}')"
        if column.default_now:
            line += " DEFAULT current_timestamp"
        if not column.nullable:
            line += " NOT NULL"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(quote(k) for k in spec.key)})")
    statements.append(f"CREATE TABLE {spec.name} (\n    " + ",\n    ".join(lines) + "\n)")
    if spec.unique:
        statements.append(f"CREATE UNIQUE INDEX {spec.index_name} ON {spec.name} "
                          f"({', '.join(quote(c) for c in spec.unique)})")
    return statements


def fresh_statements() -> list[str]:
    """Every table of a new store, at SCHEMA_VERSION."""
    return [s for spec in TABLE_SPECS.values() for s in create_statements(spec)]


# Steps from a store of version N-1 to N. Frozen once released: a later change adds a step, never edits
# one. A new store is created from the derived schema directly, at SCHEMA_VERSION.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (2, "warnings table; ingest_errors keeps a failure once (occurrences, last_failed_at)", [
        """CREATE TABLE warnings (
            "article_id" VARCHAR NOT NULL,
            "ordinal" INTEGER NOT NULL,
            "code" VARCHAR,
            "message" VARCHAR,
            PRIMARY KEY ("article_id", "ordinal")
        )""",
        # Rebuilt rather than altered: DuckDB checks a new unique index against rows deleted in the same
        # transaction, so duplicates are merged into a new table.
        """CREATE TABLE ingest_errors_v2 (
            "id" BIGINT DEFAULT nextval('ingest_error_ids') NOT NULL,
            "source" VARCHAR NOT NULL,
            "code" VARCHAR NOT NULL,
            "message" VARCHAR NOT NULL,
            "occurrences" INTEGER,
            "failed_at" TIMESTAMP,
            "last_failed_at" TIMESTAMP,
            PRIMARY KEY ("id")
        )""",
        """INSERT INTO ingest_errors_v2 (id, source, code, message, occurrences, failed_at, last_failed_at)
           SELECT min(id), source, code, message, count(*), min(failed_at), max(failed_at)
           FROM ingest_errors GROUP BY source, code, message""",
        "DROP TABLE ingest_errors",
        "ALTER TABLE ingest_errors_v2 RENAME TO ingest_errors",
        'CREATE UNIQUE INDEX ingest_errors_source_code_message ON ingest_errors ("source", "code", "message")',
    ]),
    (3, "cross-article tables: signatures, duplicates, linked_events, event_mentions", [
        """CREATE TABLE signatures (
            "article_id" VARCHAR NOT NULL,
            "minhash" BIGINT[],
            PRIMARY KEY ("article_id")
        )""",
        """CREATE TABLE duplicates (
            "article_id" VARCHAR NOT NULL,
            "duplicate_of" VARCHAR,
            "similarity" DOUBLE,
            PRIMARY KEY ("article_id")
        )""",
        """CREATE TABLE linked_events (
            "id" VARCHAR NOT NULL,
            "type" VARCHAR,
            "modality" VARCHAR,
            "cameo" VARCHAR,
            "quad_class" TINYINT,
            "actor" STRUCT("name" VARCHAR, "country" VARCHAR, "sector" VARCHAR)[],
            "recipient" STRUCT("name" VARCHAR, "country" VARCHAR, "sector" VARCHAR)[],
            "date" STRUCT("value" VARCHAR, "precision" VARCHAR, "earliest" VARCHAR, "latest" VARCHAR),
            "place" STRUCT("name" VARCHAR, "country" VARCHAR, "admin1" VARCHAR, "feature" VARCHAR, "lat" DOUBLE,
                           "lon" DOUBLE),
            "first_seen" VARCHAR,
            "last_seen" VARCHAR,
            "num_mentions" INTEGER,
            "num_sources" INTEGER,
            "num_articles" INTEGER,
            "sources" VARCHAR[],
            "articles" VARCHAR[],
            PRIMARY KEY ("id")
        )""",
        """CREATE TABLE event_mentions (
            "article_id" VARCHAR NOT NULL,
            "ordinal" INTEGER NOT NULL,
            "linked_event_id" VARCHAR,
            "event_id" VARCHAR,
            "source" VARCHAR,
            "published" VARCHAR,
            "sentence" VARCHAR,
            "sentence_start" INTEGER,
            "sentence_end" INTEGER,
            "confidence" DOUBLE,
            "attribution" VARCHAR,
            "attributed_to" VARCHAR,
            "score" DOUBLE,
            PRIMARY KEY ("article_id", "ordinal")
        )""",
    ]),
    # Filled by the next `eventwire link` (or, for new articles, the next ingest).
    (4, "stories and story_articles", [
        """CREATE TABLE stories (
            "id" VARCHAR NOT NULL,
            "label" VARCHAR,
            "num_articles" INTEGER,
            "first_date" VARCHAR,
            "last_date" VARCHAR,
            "profile" STRUCT("key" VARCHAR, "weight" DOUBLE)[],
            "linked_events" VARCHAR[],
            PRIMARY KEY ("id")
        )""",
        """CREATE TABLE story_articles (
            "article_id" VARCHAR NOT NULL,
            "story_id" VARCHAR,
            "score" DOUBLE,
            PRIMARY KEY ("article_id")
        )""",
    ]),
]


class DuckDBDialect:
    def field(self, expr: str, name: str) -> str:
        return f"({expr}).{quote(name)}"

    def any_item(self, list_expr: str, condition: Callable[[str], str]) -> str:
        return f"EXISTS (SELECT 1 FROM unnest({list_expr}) AS _items(_item) WHERE {condition('_item')})"


DIALECT = DuckDBDialect()


def _column_list(names: Sequence[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + quote(n) for n in names)


class DuckDBStore:
    """An eventwire DuckDB file. Use `eventwire.open_store(path)`; close it (or use `with`) when done."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise EventwireError("E202", path=self.path, reason=exc) from exc
        if not read_only:
            self.migrate()
            return
        found = self.schema_version()
        if found == 0:
            self.con.close()
            raise EventwireError("E202", path=self.path, reason="no eventwire tables")
        if found != SCHEMA_VERSION:
            self.con.close()
            if found > SCHEMA_VERSION:
                raise EventwireError("E201", path=self.path, found=found, known=SCHEMA_VERSION)
            raise EventwireError("E203", path=self.path, found=found, known=SCHEMA_VERSION)

    @property
    def location(self) -> str:
        return self.path

    # -- schema -----------------------------------------------------------------------------------

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def schema_version(self) -> int:
        exists = self._one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
        if not exists:
            return 0
        found = self._one("SELECT max(version) FROM schema_version")
        return int(found) if found is not None else 0

    def migrate(self) -> int:
        """Create a new store, or apply the migrations an older one lacks (each in its own transaction);
        the version after."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                         "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise EventwireError("E201", path=self.path, found=current, known=SCHEMA_VERSION)
        if current == 0:
            steps = [(SCHEMA_VERSION, "created: " + ", ".join(TABLES), fresh_statements())]
        else:
            steps = [step for step in MIGRATIONS if step[0] > current]
        for version, description, statements in steps:
            with self._transaction():
                for statement in statements:
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                                 [version, description])
        return self.schema_version()

    def _transaction(self) -> _Transaction:
        return _Transaction(self.con)

    # -- writing ----------------------------------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        return set(self._seqs(ids))

    def _seqs(self, ids: Sequence[str]) -> dict[str, int]:
        """The ingest number of each of `ids` that is stored."""
        found: dict[str, int] = {}
        unique = list(dict.fromkeys(ids))
        for i in range(0, len(unique), 1000):
            part = unique[i:i + 1000]
            rows = self.con.execute(f"SELECT id, seq FROM articles WHERE id IN ({placeholders(len(part))})",
                                    part).fetchall()
            found.update((r[0], int(r[1])) for r in rows)
        return found

    def add_records(self, records: Sequence[ArticleRecord], *, replace: bool = False) -> int:
        unique: dict[str, ArticleRecord] = {}
        for record in records:
            unique.setdefault(record.article.id, record)
        old_seq = self._seqs(list(unique))
        if not replace:
            unique = {i: r for i, r in unique.items() if i not in old_seq}
            old_seq = {}
        if not unique:
            return 0
        # New articles take the next numbers of the sequence, in the order given (ingest order); a replaced
        # one keeps its own.
        fresh = [i for i in unique if i not in old_seq]
        numbers = sorted(r[0] for r in self.con.execute("SELECT nextval('article_seq') FROM range(?)",
                                                        [len(fresh)]).fetchall()) if fresh else []
        seqs = {**old_seq, **dict(zip(fresh, numbers, strict=True))}
        articles: list[dict[str, Any]] = []
        children: dict[str, list[dict[str, Any]]] = {t: [] for t in CHILD_TABLES}
        for article_id, record in unique.items():
            articles.append({**dataclasses.asdict(record.article), "seq": seqs[article_id]})
            for name in CHILD_TABLES:
                for ordinal, item in enumerate(getattr(record, name)):
                    children[name].append({"article_id": article_id, "ordinal": ordinal, **dataclasses.asdict(item)})
        fields = list(TABLE_SPECS["articles"].fields)
        with self._transaction():
            if old_seq:
                ids = list(old_seq)
                for name in (*CHILD_TABLES, "articles"):
                    column = "id" if name == "articles" else "article_id"
                    self.con.execute(f"DELETE FROM {name} WHERE {column} IN ({placeholders(len(ids))})", ids)
            self._insert("articles", [*fields, "seq"], articles)
            for name in CHILD_TABLES:
                self._insert(name, ["article_id", "ordinal", *TABLE_SPECS[name].fields], children[name])
        return len(unique)

    def _insert(self, name: str, columns: list[str], rows: list[dict[str, Any]]) -> None:
        """Insert `rows` through Arrow in the table's derived schema: one statement per table and batch,
        far faster than a parameterised INSERT per row for nested columns."""
        if not rows:
            return
        import pyarrow as pa

        full = arrow_schema(name)
        data = pa.Table.from_pylist(rows, schema=pa.schema([full.field(c) for c in columns]))
        self.con.register("_eventwire_rows", data)
        try:
            names = _column_list(columns)
            self.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM _eventwire_rows")
        finally:
            self.con.unregister("_eventwire_rows")

    def add_error(self, error: InputError) -> None:
        source = str(error.fields.get("source", ""))
        with self._transaction():
            found = self._one("SELECT id FROM ingest_errors WHERE source = ? AND code = ? AND message = ?",
                              [source, error.code, error.message])
            if found is None:
                self.con.execute("INSERT INTO ingest_errors (source, code, message, occurrences, failed_at, "
                                 "last_failed_at) VALUES (?, ?, ?, 1, current_timestamp, current_timestamp)",
                                 [source, error.code, error.message])
            else:
                self.con.execute("UPDATE ingest_errors SET occurrences = occurrences + 1, "
                                 "last_failed_at = current_timestamp WHERE id = ?", [found])

    # -- reading ----------------------------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _article_rows(self, query: ArticleQuery | None, limit: int, after: int) -> list[dict[str, Any]]:
        where = article_where(query)
        fields = TABLE_SPECS["articles"].fields
        return self._dicts(f"SELECT a.seq AS _seq, {_column_list(fields, 'a')} FROM articles a "
                           f"WHERE {where.sql()} AND a.seq > ? ORDER BY a.seq LIMIT ?",
                           [*where.params, after, limit])

    def articles(self, query: ArticleQuery | None = None, *, limit: int = 100,
                 cursor: str | None = None) -> Page[Article]:
        check_limit(limit)
        after = parse_cursor(cursor, 1)[0] if cursor else 0
        rows = self._article_rows(query, limit + 1, after)
        more = len(rows) > limit
        rows = rows[:limit]
        items = [from_dict(Article, r) for r in rows]
        return Page(items, article_cursor(rows[-1]["_seq"]) if more else None)

    def records(self, query: ArticleQuery | None = None, chunk: int = 200) -> Iterator[ArticleRecord]:
        after = 0
        while True:
            rows = self._article_rows(query, chunk, after)
            if not rows:
                return
            after = rows[-1]["_seq"]
            ids = [r["id"] for r in rows]
            lists: dict[str, dict[str, list[dict[str, Any]]]] = {i: {t: [] for t in CHILD_TABLES} for i in ids}
            for name in CHILD_TABLES:
                spec = TABLE_SPECS[name]
                for row in self._dicts(f"SELECT article_id AS _owner, {_column_list(spec.fields)} FROM {name} "
                                       f"WHERE article_id IN ({placeholders(len(ids))}) ORDER BY article_id, ordinal",
                                       ids):
                    lists[row.pop("_owner")][name].append(row)
            stories = dict(self.con.execute(f"SELECT article_id, story_id FROM story_articles WHERE article_id IN "
                                            f"({placeholders(len(ids))})", ids).fetchall())
            for row in rows:
                row.pop("_seq")
                story = {"id": stories[row["id"]]} if row["id"] in stories else None
                yield ArticleRecord.from_dict({"article": row, **lists[row["id"]], "story": story})
            if len(rows) < chunk:
                return

    def events(self, query: EventQuery | None = None, *, limit: int = 100,
               cursor: str | None = None) -> Page[StoredEvent]:
        check_limit(limit)
        seq, ordinal = parse_cursor(cursor, 2) if cursor else (0, -1)
        where = event_where(query, DIALECT)
        fields = TABLE_SPECS["events"].fields
        rows = self._dicts(
            f"SELECT a.seq AS _seq, e.ordinal AS _ordinal, e.article_id AS _owner, {_column_list(fields, 'e')} "
            f"FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {where.sql()} AND (a.seq > ? OR (a.seq = ? AND e.ordinal > ?)) "
            f"ORDER BY a.seq, e.ordinal LIMIT ?",
            [*where.params, seq, seq, ordinal, limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        items = [StoredEvent(r.pop("_owner"), from_dict(Event, r)) for r in rows]
        last = rows[-1] if rows else None
        return Page(items, event_cursor(last["_seq"], last["_ordinal"]) if more and last else None)

    def count(self, table_name: str) -> int:
        table(table_name)
        return int(self._one(f"SELECT count(*) FROM {table_name}") or 0)

    def counts(self) -> dict[str, int]:
        return {name: self.count(name) for name in TABLES}

    def tally(self, table_name: str, *columns: str, limit: int | None = None) -> list[tuple[Any, ...]]:
        names = _column_list(plain_columns(table(table_name), columns))
        order = ", ".join(f"{i + 1}" for i in range(len(columns)))
        sql = f"SELECT {names}, count(*) AS n FROM {table_name} GROUP BY {order} ORDER BY n DESC, {order}"
        params: list[Any] = []
        if limit is not None:
            check_limit(limit)
            sql += " LIMIT ?"
            params.append(limit)
        return [tuple(row) for row in self.con.execute(sql, params).fetchall()]

    def errors(self) -> list[IngestFailure]:
        fields = TABLE_SPECS["ingest_errors"].fields
        return [from_dict(IngestFailure, r)
                for r in self._dicts(f"SELECT {_column_list(fields)} FROM ingest_errors ORDER BY id", [])]

    def scan(self, table_name: str, *, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        spec = table(table_name)
        schema = arrow_schema(table_name)
        if spec.child:
            sql = (f"SELECT {_column_list([c.name for c in spec.columns], 't')} FROM {table_name} t "
                   "JOIN articles a ON a.id = t.article_id ORDER BY a.seq, t.ordinal")
        else:
            order = "seq" if table_name == "articles" else _column_list(spec.key)
            sql = f"SELECT {_column_list([c.name for c in spec.columns])} FROM {table_name} ORDER BY {order}"
        # A cursor of its own, so that a half-read scan never blocks the store's connection.
        cursor = self.con.cursor()
        try:
            reader = cursor.sql(sql).to_arrow_reader(batch_size)
            for batch in reader:
                yield pa.Table.from_batches([batch]).cast(schema).to_batches()[0]
        finally:
            cursor.close()

    # -- the cross-article tables ----------------------------------------------------------------

    def put(self, writes: Mapping[str, Sequence[Any]]) -> None:
        import pyarrow as pa

        for name in writes:
            _check_crossdoc(name)
        with self._transaction():
            for name, items in writes.items():
                if not items:
                    continue
                spec = TABLE_SPECS[name]
                full = arrow_schema(name)
                data = pa.Table.from_pylist([dataclasses.asdict(item) for item in items],
                                            schema=pa.schema([full.field(c) for c in spec.fields]))
                self.con.register("_eventwire_rows", data)
                try:
                    keys = _column_list(spec.key)
                    self.con.execute(f"DELETE FROM {name} WHERE ({keys}) IN (SELECT ({keys}) FROM _eventwire_rows)")
                    names = _column_list(spec.fields)
                    self.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM _eventwire_rows")
                finally:
                    self.con.unregister("_eventwire_rows")

    def clear(self, tables: Sequence[str]) -> None:
        for name in tables:
            _check_crossdoc(name)
        with self._transaction():
            for name in tables:
                self.con.execute(f"DELETE FROM {name}")

    def linked_window(self, types: Sequence[str], since: str, until: str) -> list[LinkedEvent]:
        if not types:
            return []
        fields = TABLE_SPECS["linked_events"].fields
        rows = self._dicts(
            f"SELECT {_column_list(fields)} FROM linked_events WHERE type IN ({placeholders(len(types))}) "
            "AND (date).latest >= ? AND (date).earliest <= ? ORDER BY id", [*types, since, until])
        return [from_dict(LinkedEvent, r) for r in rows]

    def stories_window(self, since: str | None) -> list[Story]:
        fields = TABLE_SPECS["stories"].fields
        rows = self._dicts(f"SELECT {_column_list(fields)} FROM stories WHERE last_date IS NULL "
                           "OR last_date >= ? ORDER BY id", [since or "9999"])
        return [from_dict(Story, r) for r in rows]

    def lookup(self, table_name: str, column: str, values: Sequence[Any]) -> list[Any]:
        _check_crossdoc(table_name)
        spec = TABLE_SPECS[table_name]
        (name,) = plain_columns(spec, (column,))
        unique = list(dict.fromkeys(values))
        found: list[Any] = []
        for i in range(0, len(unique), 1000):
            part = unique[i:i + 1000]
            rows = self._dicts(f"SELECT {_column_list(spec.fields)} FROM {table_name} WHERE {quote(name)} IN "
                               f"({placeholders(len(part))}) ORDER BY {_column_list(spec.key)}", part)
            found.extend(from_dict(spec.record, r) for r in rows)
        return found

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _check_crossdoc(name: str) -> None:
    """`put` and `clear` write only the cross-article tables: the others change through add_records."""
    if name not in CROSSDOC_TABLES:
        raise EventwireError("E204", reason=f"'{name}' is not a cross-article table ({', '.join(CROSSDOC_TABLES)})")


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.con.execute("ROLLBACK" if kind is not None else "COMMIT")

