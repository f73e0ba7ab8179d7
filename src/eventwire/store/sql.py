"""The SQL of queries, kept portable: standard SQL and `?` parameters, never a value in the text.

What differs between databases is how a field of a nested column is read and how a list column is
searched; a backend says that through a `Dialect`. Everything else (filters, keyset paging over
`articles.seq`, grouping) is written once here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.errors import EventwireError
from eventwire.store.base import ArticleQuery, EventQuery, as_list
from eventwire.store.schema import Table, is_nested

# A date string compared as text: a value of the day, month or year precision ("2021-08-08",
# "2021-08", "2021") or a date-time. LATEST marks the end of whatever a value covers: "2021-08" || "~"
# sorts after every day of August 2021 and before September (ASCII "~" follows digits, "-" and "T").
LATEST = "~"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Dialect(Protocol):
    def field(self, expr: str, name: str) -> str:
        """The field `name` of the struct `expr`."""
        ...

    def any_item(self, list_expr: str, condition: Callable[[str], str]) -> str:
        """True when some item of the list `list_expr` meets `condition(item)`."""
        ...


@dataclass
class Where:
    """A conjunction of SQL conditions and their parameters, in order."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def one_of(self, expr: str, values: list[Any]) -> None:
        if values:
            self.add(f"{expr} IN ({', '.join('?' for _ in values)})", *values)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


def placeholders(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def _date_range(where: Where, expr: str, since: str | None, until: str | None) -> None:
    # Overlap of [since, until] with what the value covers: it ends on or after `since` and begins on or
    # before `until` (both inclusive). A null value matches neither.
    if since is not None:
        where.add(f"{expr} || '{LATEST}' >= ?", since)
    if until is not None:
        where.add(f"{expr} <= ?", until + LATEST)


def _contains(expr: str) -> str:
    return f"strpos(lower({expr}), ?) > 0"


def article_where(query: ArticleQuery | None, alias: str = "a") -> Where:
    where = Where()
    if query is None:
        return where
    query.check()
    a = f"{alias}."
    where.one_of(f"{a}id", as_list(query.ids))
    _date_range(where, f"{a}published", query.published_since, query.published_until)
    for column, value in (("source", query.source), ("outlet", query.outlet), ("text", query.contains)):
        if value is not None:
            where.add(_contains(f"{a}{quote(column)}"), value.lower())
    if query.language is not None:
        where.add(f"{a}language = ?", query.language)
    codes = as_list(query.warning)
    if codes:
        where.add(f"EXISTS (SELECT 1 FROM warnings w WHERE w.article_id = {a}id AND w.code IN "
                  f"({placeholders(len(codes))}))", *codes)
    return where


def event_where(query: EventQuery | None, dialect: Dialect, alias: str = "e", article: str = "a") -> Where:
    """Conditions on events `alias` joined with their articles `article`."""
    where = Where()
    if query is None:
        return where
    query.check()
    e = f"{alias}."
    date = f"{e}{quote('date')}"
    _date_range(where, dialect.field(date, "value"), query.since, query.until)
    if query.date_inferred is not None:
        where.add(f"{dialect.field(date, 'inferred')} = ?", query.date_inferred)
    _date_range(where, f"{article}.published", query.published_since, query.published_until)
    where.one_of(f"{e}{quote('type')}", [t.upper() for t in as_list(query.types)])
    where.one_of(f"{e}mode", as_list(query.modes))
    where.one_of(f"{e}quad_class", as_list(query.quad_classes))
    where.one_of(f"{e}modality", as_list(query.modalities))
    where.one_of(f"{e}article_id", as_list(query.article_ids))
    if query.cameo is not None:
        where.add(f"substr({e}cameo, 1, ?) = ?", len(query.cameo), query.cameo)

    def match_name(item: str) -> str:
        return _contains(dialect.field(item, "name"))

    def match_country(item: str) -> str:
        return f"{dialect.field(item, 'country')} = ?"

    sides = {"actor": [f"{e}actor"], "recipient": [f"{e}recipient"], "party": [f"{e}actor", f"{e}recipient"]}
    for side, lists in sides.items():
        name, country = getattr(query, side), getattr(query, f"{side}_country")
        for value, condition in ((name and name.lower(), match_name), (country and country.upper(), match_country)):
            if not value:
                continue
            either = [dialect.any_item(column, condition) for column in lists]
            where.add("(" + " OR ".join(either) + ")", *([value] * len(lists)))
    if query.location_country is not None:
        where.add(f"{dialect.field(e + quote('location'), 'country')} = ?", query.location_country.upper())
    if query.attributed is not None:
        where.add(f"{e}attribution IS {'NOT ' if query.attributed else ''}NULL")
    if query.min_confidence is not None:
        where.add(f"{e}confidence >= ?", query.min_confidence)
    return where


# -- cursors: "<seq>" after an article, "<seq>.<ordinal>" after an event -------------------------------


def article_cursor(seq: int) -> str:
    return f"{seq}"


def event_cursor(seq: int, ordinal: int) -> str:
    return f"{seq}.{ordinal}"


def parse_cursor(cursor: str, parts: int) -> list[int]:
    pieces = cursor.split(".")
    if len(pieces) != parts or not all(p.isdigit() for p in pieces):
        raise EventwireError("E204", reason=f"cursor '{cursor}' is not one this store gave")
    return [int(p) for p in pieces]


def plain_columns(spec: Table, columns: tuple[str, ...]) -> list[str]:
    """`columns` checked to be plain (not nested) columns of `spec`."""
    if not columns:
        raise EventwireError("E204", reason="tally needs at least one column")
    names = {c.name: c for c in spec.columns}
    for name in columns:
        if name not in names or is_nested(names[name].type):
            plain = ", ".join(c.name for c in spec.columns if not is_nested(c.type))
            raise EventwireError("E204", reason=f"'{name}' is not a plain column of {spec.name} (choose from {plain})")
    return list(columns)
