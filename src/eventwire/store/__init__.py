"""Where records live: the `Store` protocol and its DuckDB implementation (the default).

`open_store(path)` opens (creating and migrating when needed) the store at `path`. Code outside this
package uses the protocol only (eventwire.store.base), so another database can stand behind it.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.store.base import ArticleQuery, EventQuery, IngestFailure, Page, Store, StoredEvent
from eventwire.store.schema import SCHEMA_VERSION, TABLES, arrow_schema

__all__ = ["SCHEMA_VERSION", "TABLES", "ArticleQuery", "EventQuery", "IngestFailure", "Page", "Store",
           "StoredEvent", "arrow_schema", "open_store"]


def open_store(path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> Store:
    """Open the eventwire store at `path`: a DuckDB file, created and migrated when opened for writing.

    Read-only opening never changes the file: a store of an older schema then gives E203.
    """
    from eventwire.store.duckdb import DuckDBStore

    return DuckDBStore(path, read_only=read_only)
