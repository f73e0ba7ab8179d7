"""What every store offers (the `Store` protocol), and the shapes of its questions and answers.

Everything outside eventwire.store (batch, demo, the CLI, the exporters, `eventwire.open_store`) uses
only this protocol; DuckDB (eventwire.store.duckdb) is the implementation shipped today.

Queries are plain dataclasses (`EventQuery`, `ArticleQuery`): every field left at its default
filters nothing, and the fields that are set must all hold. Answers come a page at a time
(`Page`): `limit` items in ingest order and a `cursor` to pass back for the next page, or None on the
last one. A cursor names a position (after article N, event M), not an offset, so it stays valid
while more articles are stored: the pages after it show what came in since.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, runtime_checkable

from eventwire.crossdoc.records import LinkedEvent, Story
from eventwire.errors import EventwireError, InputError
from eventwire.types import Article, ArticleRecord, Event

if TYPE_CHECKING:
    import pyarrow as pa

T = TypeVar("T")

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
MAX_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of answers: `items`, and the `cursor` that asks for the next page (None: no more)."""

    items: list[T]
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event with the id of the article it was read from."""

    article_id: str
    event: Event


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read or processed (table `ingest_errors`), kept once per source,
    code and message however often it failed."""

    source: str
    code: str
    message: str
    occurrences: int = 1
    failed_at: datetime | None = None
    last_failed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Which articles. Dates are YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers its whole month or
    year, and an article whose date is unknown matches no date filter."""

    ids: str | Sequence[str] = ()
    published_since: str | None = None  # published on or after
    published_until: str | None = None  # published on or before
    source: str | None = None  # part of the path or URL the article came from (case-insensitive)
    outlet: str | None = None  # part of the outlet's name (case-insensitive)
    language: str | None = None
    contains: str | None = None  # part of the text (case-insensitive)
    warning: str | Sequence[str] = ()  # carries one of these warning codes (W101, W102 ...)

    def check(self) -> None:
        check_date("published_since", self.published_since)
        check_date("published_until", self.published_until)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events. An actor or recipient filter matches when any of the event's actors (recipients)
    matches; names match any part of the canonical name, case-insensitively; countries are ISO 3166
    alpha-3 codes (or IGO, NGO, MNC, UNK)."""

    since: str | None = None  # the event's date is on or after (overlaps, for a month or a year)
    until: str | None = None  # the event's date is on or before
    date_inferred: bool | None = None  # True: dated from the reporting clause or publication only
    published_since: str | None = None  # the article's publication date
    published_until: str | None = None
    types: str | Sequence[str] = ()  # PLOVER types: "AGREE", "ASSAULT" ...
    modes: str | Sequence[str] = ()  # PLOVER modes
    cameo: str | None = None  # CAMEO code or prefix: "04" is every consultation
    quad_classes: int | Sequence[int] = ()
    modalities: str | Sequence[str] = ()  # asserted, negated, future, hypothetical, historical, requested
    actor: str | None = None
    actor_country: str | None = None
    recipient: str | None = None
    recipient_country: str | None = None
    party: str | None = None  # actor or recipient
    party_country: str | None = None
    location_country: str | None = None
    attributed: bool | None = None  # True: someone reports it; False: the outlet itself
    min_confidence: float | None = None
    article_ids: str | Sequence[str] = ()

    def check(self) -> None:
        for name in ("since", "until", "published_since", "published_until"):
            check_date(name, getattr(self, name))
        if self.cameo is not None and not self.cameo.isdigit():
            raise EventwireError("E204", reason=f"cameo '{self.cameo}' is not a CAMEO code (digits, kept as text)")


def check_date(name: str, value: str | None) -> None:
    if value is not None and not _DATE.match(value):
        raise EventwireError("E204", reason=f"{name} '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise EventwireError("E204", reason=f"limit {limit} is not between 1 and {MAX_LIMIT}")


def as_list(values: Any) -> list[Any]:
    """A filter value as a list: a single string or number is one value."""
    if values is None:
        return []
    if isinstance(values, str | int):
        return [values]
    return list(values)


@runtime_checkable
class Store(Protocol):
    """An eventwire store: articles and everything extracted from them, and the inputs that failed.

    Writes are batches, one transaction each; an article already stored (same id) is left as it is
    unless `replace` is asked for. Reads give records and rows in ingest order.
    """

    @property
    def location(self) -> str:
        """Where the store is (a path or an address), for messages."""
        ...

    def schema_version(self) -> int:
        """The store's schema version (eventwire.store.schema.SCHEMA_VERSION once opened for writing)."""
        ...

    # -- writing ----------------------------------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of the article ids `ids` are stored."""
        ...

    def add_records(self, records: Sequence[ArticleRecord], *, replace: bool = False) -> int:
        """Store `records` in one transaction: all or none. An article stored already (or twice in
        `records`) is skipped, or with `replace` its stored record is replaced whole (keeping its place
        in ingest order). Returns how many records were written."""
        ...

    def add_error(self, error: InputError) -> None:
        """Record an input that failed: once per source, code and message, counting repeats."""
        ...

    # -- reading ----------------------------------------------------------------------------------

    def records(self, query: ArticleQuery | None = None) -> Iterator[ArticleRecord]:
        """The whole record of every (matching) article, in ingest order, streamed."""
        ...

    def articles(self, query: ArticleQuery | None = None, *, limit: int = 100,
                 cursor: str | None = None) -> Page[Article]:
        """A page of matching articles (without their events, quotes ...), in ingest order."""
        ...

    def events(self, query: EventQuery | None = None, *, limit: int = 100,
               cursor: str | None = None) -> Page[StoredEvent]:
        """A page of matching events, in ingest order (article, then position in the article)."""
        ...

    def count(self, table: str) -> int:
        """Rows in `table` (E304 for a table that is not one of eventwire.store.schema.TABLES)."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table, for every table."""
        ...

    def tally(self, table: str, *columns: str, limit: int | None = None) -> list[tuple[Any, ...]]:
        """Rows of `table` grouped by the plain (not nested) `columns`: (value, ..., count) tuples, most
        frequent first, then by value."""
        ...

    def errors(self) -> list[IngestFailure]:
        """The inputs that failed, first failure first."""
        ...

    def scan(self, table: str, *, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
        """Every row of `table` as Arrow record batches in the table's Arrow schema
        (eventwire.store.schema.arrow_schema), in ingest order: what exporters write."""
        ...

    # -- the cross-article tables (eventwire.crossdoc) --------------------------------------------

    def put(self, writes: Mapping[str, Sequence[Any]]) -> None:
        """Write records of the cross-article tables (signatures, duplicates, linked_events,
        event_mentions: table name -> records) in one transaction, each replacing the stored row of the same
        key. E204 for any other table."""
        ...

    def clear(self, tables: Sequence[str]) -> None:
        """Empty these cross-article tables, in one transaction (a rebuild starts with it)."""
        ...

    def linked_window(self, types: Sequence[str], since: str, until: str) -> list[LinkedEvent]:
        """The linked events of these PLOVER types whose days (`date.earliest` .. `date.latest`, ISO dates)
        meet [since, until]: the candidates a batch of new mentions is compared with."""
        ...

    def stories_window(self, since: str | None) -> list[Story]:
        """The stories whose last day (ISO date) is on or after `since`, and those without dates: the
        stories a batch of new articles may join."""
        ...

    def lookup(self, table: str, column: str, values: Sequence[Any]) -> list[Any]:
        """The records of a cross-article table whose plain `column` is one of `values`, by key (E204 for
        another table or a column that is not a plain one)."""
        ...

    def close(self) -> None:
        ...

    def __enter__(self) -> Self:
        ...

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        ...
