"""`eventwire ingest PATH...`: read, extract and store articles; skip those already stored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.batch import ingest_inputs
from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    PublishedOption,
    config_or_exit,
    db_path,
    fail,
    progress,
    say_error,
)
from eventwire.errors import EventwireError, InputError
from eventwire.store import open_store


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs or '-' for standard input.")],
    db: DbOption = None,
    published: PublishedOption = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Extract articles already stored again and replace their records (a batch at a time).")]
    = False,
    config: ConfigOption = None,
) -> None:
    """Store articles and their records; failures are recorded in ingest_errors and the run goes on.

    An article already stored (same text) is skipped, and so is --published for it, unless --replace.
    Exit code 0 when every input went in (or was already stored), 1 when some failed, 2 on usage errors.
    """
    cfg = config_or_exit(config)
    path = db_path(db, cfg)
    try:
        with open_store(Path(path)) as store, progress("ingesting") as step:
            report = ingest_inputs(inputs, store, published=published, replace=replace, config=cfg,
                                   progress=step)
    except InputError as exc:  # the --published override itself is malformed
        fail(exc, 2)
        return
    except EventwireError as exc:
        fail(exc)
        return
    for error in report.errors:
        say_error(error)
    typer.echo(f"{path}: {report.summary()}")
    raise typer.Exit(report.exit_code)
