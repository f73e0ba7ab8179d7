"""What the commands share: options, error printing, exit codes, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.config import Config, load_config
from eventwire.errors import EventwireError, InputError

if TYPE_CHECKING:
    from eventwire.store import Store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="A TOML file overriding keys of the shipped default config.")
]
DbOption = Annotated[Path | None, typer.Option("--db", help="The DuckDB store (default: eventwire.duckdb).")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) overriding the inputs' own.")
]


def config_or_exit(path: Path | None) -> Config:
    try:
        return load_config(path)
    except EventwireError as exc:
        fail(exc, EXIT_USAGE)
        raise  # unreachable: fail exits


def db_path(db: Path | None, config: Config) -> str:
    return str(db) if db is not None else str(config.get("store.path"))


def open_read(path: str) -> Store:
    """The store at `path` read-only (E202 when there is none); a store of an older schema is migrated first
    (once, saying so)."""
    from eventwire.store import open_store

    if not Path(path).exists():
        raise EventwireError("E202", path=path, reason="no such file")
    try:
        return open_store(path, read_only=True)
    except EventwireError as exc:
        if exc.code != "E203":
            raise
        typer.echo(f"migrating {path} from schema {exc.fields['found']} to {exc.fields['known']}", err=True)
    open_store(path).close()
    return open_store(path, read_only=True)


def say_error(exc: EventwireError) -> None:
    """One line on standard error: 'error: E101 path: no such file or directory'."""
    typer.echo(f"error: {exc.code} {exc.message}", err=True)


def fail(exc: EventwireError, code: int | None = None) -> None:
    say_error(exc)
    if code is None:
        code = EXIT_SOME_FAILED if isinstance(exc, InputError) else EXIT_USAGE
    raise typer.Exit(code)


@contextmanager
def progress(label: str) -> Iterator[Callable[[int], None]]:
    """A rich progress line on a terminal; nothing at all when standard error is not one."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                  TextColumn("{task.completed} inputs"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)
