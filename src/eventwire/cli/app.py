"""The typer application: `eventwire extract | ingest | link | stories | timeline | network | export | demo | kb`."""

from __future__ import annotations

import typer

from eventwire import __version__
from eventwire.cli.demo import demo_command
from eventwire.cli.export import export_command
from eventwire.cli.extract import extract_command
from eventwire.cli.ingest import ingest_command
from eventwire.cli.kb import kb_command
from eventwire.cli.link import link_command
from eventwire.cli.network import network_command
from eventwire.cli.stories import stories_command, timeline_command

app = typer.Typer(
    name="eventwire",
    help="Sourced political event data from news text: who did what to whom, when, where, and who says so.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_command)
app.command("ingest")(ingest_command)
app.command("export")(export_command)
app.command("demo")(demo_command)
app.command("kb")(kb_command)
app.command("link")(link_command)
app.command("stories")(stories_command)
app.command("timeline")(timeline_command)
app.command("network")(network_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """eventwire: news in, sourced event data out."""


def main() -> None:
    app()
