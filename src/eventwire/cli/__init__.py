"""The `eventwire` command: one module per command, each a thin shell over a plain function."""

from eventwire.cli.app import app, main

__all__ = ["app", "main"]
