"""`eventwire export`: write a store as JSON Lines records, Parquet or CSV tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import ConfigOption, DbOption, config_or_exit, db_path, fail
from eventwire.errors import EventwireError
from eventwire.store import EXPORT_FORMATS, export_store, open_store


def export_command(
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", help="File, directory (all tables) or '-'.")] = "-",
    table: Annotated[str | None, typer.Option("--table", help="One table (parquet/csv).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Export the store. jsonl writes one record per article, as `extract` prints them."""
    cfg = config_or_exit(config)
    path = db_path(db, cfg)
    if not Path(path).exists():
        fail(EventwireError("E202", path=path, reason="no such file"))
    try:
        with open_store(path, read_only=True) as store:
            written = export_store(store, fmt, out, table=table, force=force)
    except EventwireError as exc:
        fail(exc)
        return
    if out != "-":
        for name in written:
            typer.echo(f"wrote {name}", err=True)
