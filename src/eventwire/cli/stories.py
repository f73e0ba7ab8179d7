"""`eventwire stories` and `eventwire timeline`: the stories of a store, and the linked events of one in the
order they happened."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import ConfigOption, DbOption, config_or_exit, db_path, fail, open_read
from eventwire.crossdoc.records import Story
from eventwire.crossdoc.timeline import TimelineEntry, TimelineFilter, timeline
from eventwire.errors import EventwireError
from eventwire.types import from_dict


def _all_stories(path: str) -> list[Story]:
    with open_read(path) as store:
        found = [from_dict(Story, row) for batch in store.scan("stories") for row in batch.to_pylist()]
    return sorted(found, key=lambda s: (s.first_date or "9999", s.id))


def stories_command(
    min_articles: Annotated[int, typer.Option("--min-articles", help="Only stories of at least this many articles.")]
    = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story instead of a table.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List the stories of a store (articles about one developing situation), earliest first."""
    path = db_path(db, config_or_exit(config))
    try:
        found = [s for s in _all_stories(path) if s.num_articles >= min_articles]
    except EventwireError as exc:
        fail(exc)
        return
    if as_json:
        for s in found:
            typer.echo(json.dumps({"id": s.id, "label": s.label, "first_date": s.first_date, "last_date": s.last_date,
                                   "num_articles": s.num_articles, "num_linked_events": len(s.linked_events)},
                                  ensure_ascii=False))
        return
    shown = Table(title=f"Stories ({len(found)})")
    for name, right in (("id", False), ("from", False), ("to", False), ("articles", True), ("events", True),
                        ("label", False)):
        shown.add_column(name, justify="right" if right else "left", no_wrap=name == "id")
    for s in found:
        shown.add_row(s.id, s.first_date or "", s.last_date or "", str(s.num_articles), str(len(s.linked_events)),
                      s.label)
    Console(highlight=False, width=160).print(shown)


def _when(entry: TimelineEntry) -> str:
    if entry.date is None:
        return "undated"
    return f"{entry.date} ({entry.precision})"


def timeline_command(
    story: Annotated[str | None, typer.Argument(help="A story id (eventwire stories); none: every story.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Part of an actor's or recipient's name.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="An actor's, recipient's or place's country "
                                                                  "(ISO alpha-3).")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="A PLOVER type (repeatable).")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", "--out", help="Also write the timeline as JSON here "
                                                                          "('-': standard output, no table).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --json file.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """The linked events of a story (or of a filter) in the order they happened, each with its best-sourced
    sentence."""
    path = db_path(db, config_or_exit(config))
    which = TimelineFilter(story, actor, country, list(types or []))
    try:
        if json_out is not None and str(json_out) != "-" and json_out.exists() and not force:
            raise EventwireError("E301", path=json_out)
        with open_read(path) as store:
            entries = timeline(store, which)
    except EventwireError as exc:
        fail(exc)
        return
    if json_out is not None:
        text = json.dumps({"filter": dataclasses.asdict(which), "events": [dataclasses.asdict(e) for e in entries]},
                          ensure_ascii=False, indent=2)
        if str(json_out) == "-":
            typer.echo(text)
            return
        json_out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"wrote {json_out}", err=True)
    shown = Table(title=f"Timeline{' of story ' + story if story else ''} ({len(entries)} events)", show_lines=True)
    for name, right in (("date", False), ("type", False), ("who", False), ("whom", False), ("where", False),
                        ("reports", True), ("best-sourced sentence", False)):
        shown.add_column(name, justify="right" if right else "left", ratio=3 if name.startswith("best") else None)
    for e in entries:
        sentence = e.sentence or ""
        if e.source:
            sentence += f" [dim]({e.source})[/dim]"
        shown.add_row(_when(e), e.type, ", ".join(e.actor), ", ".join(e.recipient), e.place or "", str(e.num_articles),
                      sentence)
    Console(highlight=False, width=180).print(shown)
