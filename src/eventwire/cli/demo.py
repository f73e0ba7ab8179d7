"""`eventwire demo`: ingest the sample corpus into a fresh store and print a summary."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import ConfigOption, config_or_exit, fail
from eventwire.demo import example_corpus, run_demo
from eventwire.errors import EventwireError
from eventwire.store import open_store


def demo_command(
    db: Annotated[Path | None, typer.Option("--db", help="Keep the demo store here (default: a temporary file).")]
    = None,
    corpus: Annotated[Path | None, typer.Option("--corpus", help="Another folder of articles.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --db file.")] = False,
    config: ConfigOption = None,
) -> None:
    """Ingest the sample corpus (examples/) into a fresh store and summarise what was extracted."""
    cfg = config_or_exit(config)
    folder = corpus or example_corpus()
    if not folder.is_dir():
        fail(EventwireError("E101", source=str(folder)))
    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="eventwire-demo-")
        db = Path(tmp.name) / "demo.duckdb"
    elif db.exists():
        if not force:
            fail(EventwireError("E301", path=db))
        db.unlink()
        Path(str(db) + ".wal").unlink(missing_ok=True)
    console = Console(highlight=False)
    console.print(f"eventwire demo: ingesting {folder} into {db}")
    try:
        with open_store(db) as store:
            report, summary = run_demo(store, folder, cfg)
    except EventwireError as exc:
        fail(exc)
        return
    finally:
        if tmp is not None:
            tmp.cleanup()
    console.print(f"{report.added} articles added, {report.skipped} already stored, {report.failed} failed")
    console.print(_table("Store", [("table", False), ("rows", True)],
                         [(name, str(n)) for name, n in summary.counts.items()]))
    console.print(_table("Events by PLOVER type", [("type", False), ("events", True)],
                         [(kind, str(n)) for kind, n in summary.events_by_type] or [("(no events)", "0")]))
    console.print(_table("Top actors", [("actor", False), ("country", False), ("articles", False)],
                         [(name, country or "", str(n)) for name, country, n in summary.top_actors]
                         or [("(no actors)", "", "0")]))
    console.print(_table("Page furniture found", [("kind", False), ("spans", True)],
                         [(kind, str(n)) for kind, n in summary.furniture]))
    console.print(_table("Articles", [("published", False), ("title", False)],
                         [(published or "unknown", title or "(no title)") for _, published, title in summary.dated]))
    if summary.stories:
        console.print(_table(f"Stories ({summary.counts.get('stories', 0)}; the largest)",
                             [("id", False), ("articles", True), ("label", False)],
                             [(sid, str(n), label) for sid, n, label in summary.stories]))
        where = str(db) if tmp is None else "PATH (run the demo with --db PATH to keep the store)"
        console.print(f"A story's events in the order they happened: eventwire timeline {summary.stories[0][0]} "
                      f"--db {where}")
    if summary.warnings:
        console.print(_table("Warnings", [("code", False), ("articles", True)],
                             [(code, str(n)) for code, n in summary.warnings]))
    for error in report.errors:
        console.print(f"[red]error[/red] {error.code} {error.message}")
    raise typer.Exit(report.exit_code)


def _table(title: str, columns: list[tuple[str, bool]], rows: list[tuple[str, ...]]) -> Table:
    """A rich table: its columns as (name, right-justified), then its rows."""
    shown = Table(title=title)
    for name, right in columns:
        shown.add_column(name, justify="right" if right else "left")
    for row in rows:
        shown.add_row(*row)
    return shown
