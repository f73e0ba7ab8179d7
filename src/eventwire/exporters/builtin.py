"""eventwire's own exporters: JSON Lines records, Parquet and CSV tables.

JSON Lines writes whole ArticleRecords, the shape `eventwire extract` prints. Parquet and CSV write
tables in their Arrow schema (eventwire.store.schema.arrow_schema): Parquet keeps lists and structs
as they are; CSV has no nesting, so a nested column is written as compact JSON text. In CSV every
text value is quoted and a null is an empty field, so a CAMEO code "0356" stays "0356" and an empty
string stays distinguishable from a missing value.

Existing files are never overwritten without `force`; a file is written under a temporary name and
renamed when complete, so an interrupted export leaves no half-written file behind.
"""

from __future__ import annotations

import functools
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eventwire.errors import EventwireError
from eventwire.store.base import Store
from eventwire.store.schema import TABLES, arrow_schema, is_nested, table

if TYPE_CHECKING:
    import pyarrow as pa

    from eventwire.exporters.base import Exporter, Target


def _refuse(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise EventwireError("E301", path=path)


def _write_file(path: Path, write: Callable[[Path], None]) -> None:
    """`write(tmp)` then rename tmp to `path`; nothing is left at either name if it fails."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _is_stream(out: Target) -> bool:
    return not isinstance(out, str | Path)


def _stream(out: Target) -> TextIO | None:
    """The text stream `out` names ('-' is standard output), or None for a path."""
    if isinstance(out, Path):
        return None
    if isinstance(out, str):
        return sys.stdout if out == "-" else None
    return out


def _table_targets(out: Target, tab: str | None, suffix: str, force: bool) -> list[tuple[str, Path]]:
    """(table, file) pairs: `out` is the file for one table, or the directory for every table."""
    if tab is not None:
        table(tab)  # E304 for an unknown table
        path = Path(str(out))
        _refuse(path, force)
        return [(tab, path)]
    directory = Path(str(out))
    targets = [(name, directory / f"{name}.{suffix}") for name in TABLES]
    for _, path in targets:
        _refuse(path, force)
    directory.mkdir(parents=True, exist_ok=True)
    return targets


class JsonLines:
    name = "jsonl"
    description = "one JSON record per article, the shape `eventwire extract` prints"
    needs_path = False
    writes_tables = False

    def write(self, store: Store, out: Target, table: str | None = None, force: bool = False) -> list[str]:
        if table is not None:
            raise EventwireError("E305", format=self.name)
        stream = _stream(out)
        if stream is not None:
            self._records(store, stream)
            return ["-"]
        path = Path(str(out))
        _refuse(path, force)

        def write(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="\n") as fh:
                self._records(store, fh)

        _write_file(path, write)
        return [str(path)]

    @staticmethod
    def _records(store: Store, stream: TextIO) -> None:
        for record in store.records():
            stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def _write_tables(out: Target, table: str | None, suffix: str, force: bool,
                  write: Callable[[str, Path], None]) -> list[str]:
    """Each table (or the one `table`) written by `write(name, tmp)` to its file under `out`, each file
    appearing only once complete."""
    written = []
    for name, path in _table_targets(out, table, suffix, force):
        _write_file(path, functools.partial(write, name))
        written.append(str(path))
    return written


class Parquet:
    name = "parquet"
    description = "a Parquet file per table (a directory), or of one --table; lists and structs kept"
    needs_path = True
    writes_tables = True

    def write(self, store: Store, out: Target, table: str | None = None, force: bool = False) -> list[str]:
        if _is_stream(out) or out == "-":
            raise EventwireError("E303", format=self.name)
        return _write_tables(out, table, "parquet", force, lambda name, tmp: self._table(store, name, tmp))

    @staticmethod
    def _table(store: Store, name: str, path: Path) -> None:
        import pyarrow.parquet as pq

        with pq.ParquetWriter(str(path), arrow_schema(name)) as writer:
            for batch in store.scan(name):
                writer.write_batch(batch)


def _json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flat_batches(store: Store, name: str) -> Iterator[pa.RecordBatch]:
    """The rows of table `name` with every nested column turned into JSON text."""
    import pyarrow as pa

    schema = arrow_schema(name)
    nested = {f.name for f, c in zip(schema, table(name).columns, strict=True) if is_nested(c.type)}
    flat = pa.schema([pa.field(f.name, pa.string()) if f.name in nested else f for f in schema])
    for batch in store.scan(name):
        columns = [pa.array([_json_text(v) for v in column.to_pylist()], pa.string()) if field.name in nested
                   else column for field, column in zip(schema, batch.columns, strict=True)]
        yield pa.RecordBatch.from_arrays(columns, schema=flat)


class Csv:
    name = "csv"
    description = "a CSV file per table (a directory), or of one --table to a file or '-'; nested columns as JSON"
    needs_path = False
    writes_tables = True

    def write(self, store: Store, out: Target, table: str | None = None, force: bool = False) -> list[str]:
        stream = _stream(out)
        if stream is not None:
            if table is None:
                raise EventwireError("E303", format=f"{self.name} of every table")
            self.table(store, table, stream)
            return ["-"]

        def write(name: str, tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                self.table(store, name, fh)

        return _write_tables(out, table, "csv", force, write)

    @staticmethod
    def table(store: Store, name: str, stream: TextIO) -> None:
        """Table `name` as CSV on `stream`: a header line, then a line per row."""
        import pyarrow as pa
        import pyarrow.csv as pacsv

        spec = table(name)
        stream.write(",".join(c.name for c in spec.columns) + "\n")
        options = pacsv.WriteOptions(include_header=False)
        for batch in flat_batches(store, name):
            buffer = io.BytesIO()
            pacsv.write_csv(pa.Table.from_batches([batch]), buffer, options)
            stream.write(buffer.getvalue().decode("utf-8"))


JSONL = JsonLines()
PARQUET = Parquet()
CSV = Csv()
BUILTINS: tuple[Exporter, ...] = (JSONL, PARQUET, CSV)
