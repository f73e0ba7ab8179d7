"""`eventwire link`: find duplicates and link events across every stored article again, from scratch."""

from __future__ import annotations

from pathlib import Path

import typer

from eventwire.cli.common import ConfigOption, DbOption, config_or_exit, db_path, fail, progress
from eventwire.crossdoc.stage import rebuild
from eventwire.errors import EventwireError
from eventwire.store import open_store


def link_command(db: DbOption = None, config: ConfigOption = None) -> None:
    """Rebuild the cross-article tables (duplicates, linked events and their mentions, stories) of a store.

    Ingest keeps them up to date batch by batch; run this after changing the duplicates, linking or
    stories settings of the config, or once on a store written before eventwire linked articles.
    """
    cfg = config_or_exit(config)
    path = db_path(db, cfg)
    if not Path(path).exists():
        fail(EventwireError("E202", path=path, reason="no such file"))
    try:
        with open_store(Path(path)) as store, progress("linking") as step:
            report = rebuild(store, cfg, progress=step)
            linked = store.count("linked_events")
            shared = store.tally("linked_events", "num_articles")
            stories = store.count("stories")
    except EventwireError as exc:
        fail(exc)
        return
    several = sum(int(n) for k, n in shared if int(k) > 1)
    typer.echo(f"{path}: {report.articles} articles, {report.duplicates} duplicates; {report.mentions} events "
               f"in {linked} linked events ({several} reported by more than one article); {stories} stories")
