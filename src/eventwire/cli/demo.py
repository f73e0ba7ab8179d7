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
    counts = Table(title="Store")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in summary.counts.items():
        counts.add_row(name, str(n))
    console.print(counts)
    events = Table(title="Events by PLOVER type")
    events.add_column("type")
    events.add_column("events", justify="right")
    for kind, n in summary.events_by_type:
        events.add_row(kind, str(n))
    if not summary.events_by_type:
        events.add_row("(no events)", "0")
    console.print(events)
    actors = Table(title="Top actors")
    for col in ("actor", "country", "articles"):
        actors.add_column(col)
    for name, country, n in summary.top_actors:
        actors.add_row(name, country or "", str(n))
    if not summary.top_actors:
        actors.add_row("(no actors)", "", "0")
    console.print(actors)
    furniture = Table(title="Page furniture found")
    furniture.add_column("kind")
    furniture.add_column("spans", justify="right")
    for kind, n in summary.furniture:
        furniture.add_row(kind, str(n))
    console.print(furniture)
    articles = Table(title="Articles")
    for col in ("published", "title"):
        articles.add_column(col)
    for _, published, title in summary.dated:
        articles.add_row(published or "unknown", title or "(no title)")
    console.print(articles)
    if summary.warnings:
        warned = Table(title="Warnings")
        warned.add_column("code")
        warned.add_column("articles", justify="right")
        for code, n in summary.warnings:
            warned.add_row(code, str(n))
        console.print(warned)
    for error in report.errors:
        console.print(f"[red]error[/red] {error.code} {error.message}")
    raise typer.Exit(report.exit_code)
