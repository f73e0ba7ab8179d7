"""What an exporter is (the protocol every entry point of `eventwire.exporters` names)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TextIO, runtime_checkable

from eventwire.store.base import Store

Target = str | Path | TextIO


@runtime_checkable
class Exporter(Protocol):
    name: str
    description: str
    needs_path: bool
    writes_tables: bool

    def write(self, store: Store, out: Target, table: str | None = None, force: bool = False) -> list[str]:
        """Write `store` to `out`: a path, '-' for standard output, or an open text stream. Existing files
        are kept unless `force` (E301). Returns the paths written ('-' for a stream)."""
        ...


__all__ = ["Exporter", "Target"]
