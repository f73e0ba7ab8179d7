"""Exporters: the ways a store can be written out, found through the `eventwire.exporters` entry points.

An exporter is an object with a `name`, a one-line `description`, `needs_path` (it writes files
only, never standard output), `writes_tables` (one file per table; `--table` picks one) and
`write(store, out, table=None, force=False)`, which returns what it wrote. eventwire's own (jsonl,
parquet, csv, in eventwire.exporters.builtin) are declared in pyproject.toml like anyone else's::

    [project.entry-points."eventwire.exporters"]
    geojson = "my_package.exporters:GEOJSON"

An entry point may name the exporter object or a class made without arguments. `eventwire export
--format NAME` and `export_store` find them here.
"""

from __future__ import annotations

import functools
import warnings
from importlib.metadata import entry_points

from eventwire.errors import EventwireError
from eventwire.exporters.base import Exporter, Target
from eventwire.exporters.builtin import BUILTINS
from eventwire.store.base import Store

GROUP = "eventwire.exporters"

@functools.cache
def exporters() -> dict[str, Exporter]:
    """Every exporter installed, by name (sorted). One that cannot be loaded is left out with a warning."""
    found: dict[str, Exporter] = {}
    for point in entry_points(group=GROUP):
        if point.name in found:
            continue
        try:
            loaded = point.load()
            exporter = loaded() if isinstance(loaded, type) else loaded
        except Exception as exc:  # a broken plugin must not take the other formats down with it
            warnings.warn(f"eventwire exporter '{point.name}' ({point.value}) could not be loaded: {exc}",
                          stacklevel=2)
            continue
        if not isinstance(exporter, Exporter):
            warnings.warn(f"eventwire exporter '{point.name}' ({point.value}) is not an exporter", stacklevel=2)
            continue
        found[point.name] = exporter
    # Run from a source tree that was never installed there are no entry points: the built-ins still work.
    for exporter in BUILTINS:
        found.setdefault(exporter.name, exporter)
    return dict(sorted(found.items()))


def get_exporter(name: str) -> Exporter:
    """The exporter `name`, or E302 listing the ones there are."""
    known = exporters()
    if name not in known:
        raise EventwireError("E302", format=name, choices=", ".join(known))
    return known[name]


def export_store(store: Store, fmt: str, out: Target, *, table: str | None = None,
                 force: bool = False) -> list[str]:
    """Write `store` as `fmt` to `out` ('-' for standard output); returns what was written."""
    return get_exporter(fmt).write(store, out, table=table, force=force)


__all__ = ["GROUP", "Exporter", "export_store", "exporters", "get_exporter"]
