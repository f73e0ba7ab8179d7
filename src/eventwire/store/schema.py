"""The store's tables, derived from the records of eventwire.types: the schema is written once, there.

- `articles` holds `Article` (plus `seq`, the ingest order, and `ingested_at`);
- each list of an `ArticleRecord` (events, quotes, timexes, places, actors, warnings) is a table of its
  own, its rows keyed by `article_id` and `ordinal` (the position in the list);
- `ingest_errors` holds `IngestFailure` (eventwire.store.base), once per source, code and message;
- the cross-article stage's records (eventwire.crossdoc.records) are tables keyed by their own fields:
  `signatures`, `duplicates`, `linked_events`, `event_mentions`, `stories` and `story_articles`.

A column is a field; a nested record is a struct, a list a list; `str` and `Literal` are text, an
`int` is 32 bits unless the field's metadata says `{"bits": N}`. The tables here are logical: each
backend renders its DDL from them (eventwire.store.duckdb), and `arrow_schema` gives the Arrow schema
the exporters write. A new field in a record is therefore a new column everywhere at once, and an
existing store needs a migration for it (tests/unit/test_store_schema.py compares a migrated store
with a fresh one, so a missing migration fails the tests).

`SCHEMA_VERSION` is the store's schema version (its migrations), not the output contract's `schema`.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from eventwire.crossdoc.records import (
    ArticleSignature,
    Duplicate,
    EventMention,
    LinkedEvent,
    Story,
    StoryArticle,
)
from eventwire.errors import EventwireError
from eventwire.store.base import IngestFailure
from eventwire.types import Article, ArticleRecord, field_types, optional_of

if TYPE_CHECKING:
    import pyarrow as pa

# 1: the first release. 2: the warnings table; ingest_errors keeps a failure once (occurrences, last_failed_at).
# 3: the cross-article tables (signatures, duplicates, linked_events, event_mentions).
# 4: stories and story_articles.
SCHEMA_VERSION = 4

ScalarKind = Literal["text", "int", "float", "bool", "timestamp"]


@dataclass(frozen=True, slots=True)
class Scalar:
    kind: ScalarKind
    bits: int = 32  # integers only: 8, 16, 32 or 64


@dataclass(frozen=True, slots=True)
class Struct:
    fields: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Scalar | Struct | ListOf


LogicalType = Scalar | Struct | ListOf


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: LogicalType
    nullable: bool = True
    serial: str | None = None  # filled from this sequence when not given
    default_now: bool = False  # filled with the current time when not given


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    record: type  # the dataclass whose fields are `fields`
    columns: tuple[Column, ...]  # every column, in the order exports show them
    fields: tuple[str, ...]  # the columns that are fields of `record`
    key: tuple[str, ...]
    unique: tuple[str, ...] = ()  # a second unique key, if any
    child: bool = False  # keyed by (article_id, ordinal): a list of an ArticleRecord

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def index_name(self) -> str:
        return f"{self.name}_{'_'.join(self.unique)}"


def logical_type(hint: Any, metadata: typing.Mapping[str, Any] | None = None) -> tuple[LogicalType, bool]:
    """The column type of a field's type hint, and whether it may be null (`X | None`)."""
    inner = optional_of(hint)
    if inner is not None:
        return logical_type(inner, metadata)[0], True
    origin = typing.get_origin(hint)
    if origin is Literal:
        if not all(isinstance(v, str) for v in typing.get_args(hint)):
            raise TypeError(f"only string literals become columns: {hint!r}")
        return Scalar("text"), False
    if origin is list:
        (item,) = typing.get_args(hint)
        return ListOf(logical_type(item, metadata)[0]), False
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return Struct(record_columns(hint)), False
    bits = int((metadata or {}).get("bits", 32))
    simple: dict[Any, Scalar] = {str: Scalar("text"), bool: Scalar("bool"), int: Scalar("int", bits),
                                 float: Scalar("float"), datetime: Scalar("timestamp")}
    if hint in simple:
        return simple[hint], False
    raise TypeError(f"no column type for {hint!r}")


def record_columns(kind: type) -> tuple[Column, ...]:
    """A column per field of the dataclass `kind`, in field order."""
    columns = []
    for f, hint in field_types(kind):
        logical, _ = logical_type(hint, f.metadata)
        columns.append(Column(f.name, logical))
    return tuple(columns)


def _child_lists() -> list[tuple[str, type]]:
    """(field name, item type) of every list of records in ArticleRecord, in field order."""
    found = []
    for f, hint in field_types(ArticleRecord):
        if typing.get_origin(hint) is list:
            (item,) = typing.get_args(hint)
            found.append((f.name, item))
    return found


def _derive() -> dict[str, Table]:
    tables: dict[str, Table] = {}
    article = record_columns(Article)
    tables["articles"] = Table(
        "articles", Article,
        (*[dataclasses.replace(c, nullable=False) if c.name == "id" else c for c in article],
         Column("seq", Scalar("int", 64), serial="article_seq"),
         Column("ingested_at", Scalar("timestamp"), default_now=True)),
        tuple(c.name for c in article), key=("id",))
    for name, item in _child_lists():
        own = record_columns(item)
        tables[name] = Table(
            name, item,
            (Column("article_id", Scalar("text"), nullable=False), Column("ordinal", Scalar("int"), nullable=False),
             *own),
            tuple(c.name for c in own), key=("article_id", "ordinal"), child=True)
    failure = record_columns(IngestFailure)
    unique = ("source", "code", "message")
    tables["ingest_errors"] = Table(
        "ingest_errors", IngestFailure,
        (Column("id", Scalar("int", 64), nullable=False, serial="ingest_error_ids"),
         *[dataclasses.replace(c, nullable=c.name not in unique) for c in failure]),
        tuple(c.name for c in failure), key=("id",), unique=unique)
    for name, record, key in _CROSSDOC:
        own = record_columns(record)
        tables[name] = Table(name, record, tuple(dataclasses.replace(c, nullable=c.name not in key) for c in own),
                             tuple(c.name for c in own), key=key)
    return tables


# The cross-article stage's tables: (name, record, key).
_CROSSDOC: tuple[tuple[str, type, tuple[str, ...]], ...] = (
    ("signatures", ArticleSignature, ("article_id",)),
    ("duplicates", Duplicate, ("article_id",)),
    ("linked_events", LinkedEvent, ("id",)),
    ("event_mentions", EventMention, ("article_id", "ordinal")),
    ("stories", Story, ("id",)),
    ("story_articles", StoryArticle, ("article_id",)),
)


TABLE_SPECS: dict[str, Table] = _derive()
TABLES: tuple[str, ...] = tuple(TABLE_SPECS)
# Tables holding the lists of an ArticleRecord, keyed by (article_id, ordinal).
CHILD_TABLES: tuple[str, ...] = tuple(t.name for t in TABLE_SPECS.values() if t.child)
# Tables of the cross-article stage, written by Store.put and emptied by Store.clear.
CROSSDOC_TABLES: tuple[str, ...] = tuple(name for name, _, _ in _CROSSDOC)


def table(name: str) -> Table:
    """The table `name`, or E304 naming the tables there are."""
    if name not in TABLE_SPECS:
        raise EventwireError("E304", table=name, choices=", ".join(TABLES))
    return TABLE_SPECS[name]


def arrow_type(logical: LogicalType) -> pa.DataType:
    import pyarrow as pa

    if isinstance(logical, ListOf):
        return pa.list_(arrow_type(logical.item))
    if isinstance(logical, Struct):
        return pa.struct([pa.field(c.name, arrow_type(c.type)) for c in logical.fields])
    if logical.kind == "int":
        return {8: pa.int8(), 16: pa.int16(), 32: pa.int32(), 64: pa.int64()}[logical.bits]
    return {"text": pa.string(), "float": pa.float64(), "bool": pa.bool_(),
            "timestamp": pa.timestamp("us")}[logical.kind]


@cache
def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of table `name`, as Parquet and the other exports write it."""
    import pyarrow as pa

    spec = table(name)
    return pa.schema([pa.field(c.name, arrow_type(c.type), nullable=c.nullable) for c in spec.columns],
                     metadata={"eventwire.table": name, "eventwire.store_schema": str(SCHEMA_VERSION)})


def is_nested(logical: LogicalType) -> bool:
    return not isinstance(logical, Scalar)
