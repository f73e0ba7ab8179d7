"""Across articles: near-duplicate reports (duplicates.py) and one linked event from many reports
(linking.py), run after each ingest batch and by `eventwire link` (stage.py).

The records they pass on and the store keeps are in records.py. This package's ``__init__`` imports
nothing: the store's schema reads records.py, and the stages read the store.
"""
