"""Exports of a store: JSON Lines records (the extract contract), Parquet and CSV tables.

JSON Lines writes whole ArticleRecords, the same shape `eventwire extract` prints. Parquet keeps the
LIST/STRUCT columns as they are; CSV has no nesting, so nested columns are written as JSON text.
Existing files are never overwritten without `force`.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TextIO

from eventwire.errors import EventwireError
from eventwire.store.duckdb import Store
from eventwire.store.schema import TABLES

EXPORT_FORMATS = ("jsonl", "parquet", "csv")


def write_jsonl(store: Store, stream: TextIO) -> int:
    n = 0
    for record in store.records():
        stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _select_flat(store: Store, table: str) -> str:
    """SELECT list with nested columns turned into JSON text (for CSV)."""
    rows = store.con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()
    parts = []
    for name, kind in rows:
        quoted = '"' + name + '"'
        nested = "STRUCT" in kind.upper() or kind.endswith("]")
        parts.append(f"CAST(to_json({quoted}) AS VARCHAR) AS {quoted}" if nested else quoted)
    return ", ".join(parts)


def _copy(store: Store, table: str, fmt: str, target: Path) -> None:
    select = _select_flat(store, table) if fmt == "csv" else "*"
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    escaped = str(target).replace("'", "''")
    store.con.execute(f"COPY (SELECT {select} FROM {table}) TO '{escaped}' ({options})")


def _refuse(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise EventwireError("E301", path=path)


def export_store(store: Store, fmt: str, out: str, *, table: str | None = None, force: bool = False,
                 stdout: TextIO | None = None) -> list[str]:
    """Write the store as `fmt` to `out` ('-' for standard output); returns what was written.

    jsonl: one record per article. parquet/csv: with `table`, that table to the file `out`; without,
    every table into the directory `out` as <table>.<fmt>.
    """
    if fmt not in EXPORT_FORMATS:
        raise EventwireError("E302", format=fmt, choices=", ".join(EXPORT_FORMATS))
    if table is not None and table not in TABLES:
        raise EventwireError("E304", table=table, choices=", ".join(TABLES))
    stream = stdout or sys.stdout
    if fmt == "jsonl":
        if out == "-":
            write_jsonl(store, stream)
            return ["-"]
        path = Path(out)
        _refuse(path, force)
        with path.open("w", encoding="utf-8") as fh:
            write_jsonl(store, fh)
        return [str(path)]
    if out == "-":
        if fmt == "parquet":
            raise EventwireError("E303", format=fmt)
        if table is None:
            raise EventwireError("E303", format=f"{fmt} of every table")
        cur = store.con.execute(f"SELECT {_select_flat(store, table)} FROM {table}")
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow([d[0] for d in cur.description])
        writer.writerows(cur.fetchall())
        return ["-"]
    if table is not None:
        path = Path(out)
        _refuse(path, force)
        _copy(store, table, fmt, path)
        return [str(path)]
    directory = Path(out)
    targets = [directory / f"{name}.{fmt}" for name in TABLES]
    for target in targets:
        _refuse(target, force)
    directory.mkdir(parents=True, exist_ok=True)
    for name, target in zip(TABLES, targets, strict=True):
        _copy(store, name, fmt, target)
    return [str(t) for t in targets]
