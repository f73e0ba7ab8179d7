"""`eventwire extract PATH...`: print one JSON record per article (docs/schema.md)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from eventwire.batch import extract_inputs
from eventwire.cli.common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    ConfigOption,
    PublishedOption,
    config_or_exit,
    fail,
    say_error,
)
from eventwire.errors import EventwireError, InputError


def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs or '-' for standard input.")],
    fmt: Annotated[str, typer.Option("--format", help="Output format (jsonl: the records of docs/schema.md).")]
    = "jsonl",
    published: PublishedOption = None,
    config: ConfigOption = None,
) -> None:
    """Extract records from articles and write them to standard output, one JSON object per line."""
    if fmt != "jsonl":
        fail(EventwireError("E302", format=fmt, choices="jsonl"))
    cfg = config_or_exit(config)
    failed = 0
    try:
        for item in extract_inputs(inputs, published=published, config=cfg):
            if isinstance(item, InputError):
                say_error(item)
                failed += 1
            else:
                typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
    except InputError as exc:  # the --published override itself is malformed
        fail(exc, 2)
    except EventwireError as exc:
        fail(exc)
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)
