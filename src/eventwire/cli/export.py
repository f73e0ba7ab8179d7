"""`eventwire export`: write a store out in one of the formats of the exporter registry."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.common import ConfigOption, DbOption, config_or_exit, db_path, fail, open_read
from eventwire.errors import EventwireError
from eventwire.exporters import exporters, get_exporter


def _formats() -> str:
    return "; ".join(f"{name}: {exporter.description}" for name, exporter in exporters().items())


def export_command(
    fmt: Annotated[str, typer.Option("--format", help=f"One of the installed exporters. {_formats()}.")] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", help="File, directory (all tables) or '-'.")] = "-",
    table: Annotated[str | None, typer.Option("--table", help="One table (parquet/csv).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Export the store. jsonl writes one record per article, as `extract` prints them."""
    cfg = config_or_exit(config)
    path = db_path(db, cfg)
    try:
        exporter = get_exporter(fmt)
        with open_read(path) as store:
            written = exporter.write(store, out, table=table, force=force)
    except EventwireError as exc:
        fail(exc)
        return
    if out != "-":
        for name in written:
            typer.echo(f"wrote {name}", err=True)
