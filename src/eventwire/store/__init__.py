"""Where records live: DuckDB by default; exporters turn tables into the formats users know."""

from eventwire.store.duckdb import Store, open_store
from eventwire.store.export import EXPORT_FORMATS, export_store

__all__ = ["EXPORT_FORMATS", "Store", "export_store", "open_store"]
