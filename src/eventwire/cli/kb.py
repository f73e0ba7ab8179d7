"""`eventwire kb`: list the actor knowledge base, or check it (the shipped files plus the user's own)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import EXIT_SOME_FAILED, EXIT_USAGE, ConfigOption, config_or_exit, fail
from eventwire.errors import EventwireError
from eventwire.kb import open_kb


def kb_command(
    check: Annotated[bool, typer.Option("--check", help="Check the data; exit 1 when there are problems.")] = False,
    file: Annotated[Path | None, typer.Option("--file", help="A user CSV to add [default: config kb.extra].")] = None,
    config: ConfigOption = None,
) -> None:
    """List the knowledge base (name, kind, country, sector, role, dates), or check it with --check."""
    cfg = config_or_exit(config)
    extra = file if file is not None else (Path(cfg.get("kb.extra")) if cfg.get("kb.extra") else None)
    try:
        kb = open_kb(extra)
    except EventwireError as exc:
        fail(exc, EXIT_USAGE if exc.code == "E005" else EXIT_SOME_FAILED)
        return
    if check:
        problems = kb.check()
        for problem in problems:
            typer.echo(problem)
        typer.echo(f"{len(kb.entries())} entries, {len(problems)} problems", err=True)
        if problems:
            raise typer.Exit(EXIT_SOME_FAILED)
        return
    for entry in kb.entries():
        dates = f"{entry.valid_from or ''}..{entry.valid_to or ''}" if entry.valid_from or entry.valid_to else ""
        typer.echo("\t".join([entry.name, entry.kind, entry.country, entry.sector or "", entry.role or "", dates]))
