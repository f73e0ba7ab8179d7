"""`eventwire network`: the actor network of a store's linked events, as GEXF or GraphML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import ConfigOption, DbOption, config_or_exit, db_path, fail, open_read
from eventwire.crossdoc.network import NetworkFilter, store_network, write_network
from eventwire.errors import EventwireError
from eventwire.store.base import check_date


def network_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write: NAME.gexf or NAME.graphml.")],
    since: Annotated[str | None, typer.Option("--since", help="Linked events on or after (YYYY[-MM[-DD]]).")]
    = None,
    until: Annotated[str | None, typer.Option("--until", help="Linked events on or before (YYYY[-MM[-DD]]).")]
    = None,
    country: Annotated[str | None, typer.Option("--country", help="Linked events with an actor or recipient of "
                                                                  "this country (ISO alpha-3).")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="A PLOVER type (repeatable).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Write the actor network: canonical actors as nodes, edges from actor to recipient weighted by linked
    events (not by reports), typed, dated, with their quad-class balance."""
    cfg = config_or_exit(config)
    path = db_path(db, cfg)
    which = NetworkFilter(since, until, country, list(types or []))
    try:
        check_date("since", since)
        check_date("until", until)
        if out.suffix.lower() not in (".gexf", ".graphml"):
            raise EventwireError("E306", path=out)
        if out.exists() and not force:
            raise EventwireError("E301", path=out)
        with open_read(path) as store:
            graph = store_network(store, which, cfg.get("linking.symmetric_types"))
        write_network(graph, out)
    except EventwireError as exc:
        fail(exc)
        return
    typer.echo(f"wrote {out}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} edges, from "
               f"{graph.graph['linked_events']} linked events")
