"""Across articles on the sample corpus: a store holding every report twice (copies under another outlet's
line) has each linked event once."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch import ingest_inputs
from eventwire.config import load_config
from eventwire.demo import example_corpus
from eventwire.store import open_store

pytestmark = pytest.mark.model


def test_crossdoc_model_examples_stored_twice_have_no_duplicated_linked_event(tmp_path: Path) -> None:
    copies = tmp_path / "copies"
    copies.mkdir()
    originals = sorted(example_corpus().glob("*.txt"))
    for path in originals:
        text = path.read_text(encoding="utf-8")
        (copies / path.name).write_text(text.rstrip("\n") + "\n\nDistributed by the Fictional Syndicate.\n",
                                        encoding="utf-8")
    config = load_config()
    with open_store(tmp_path / "twice.duckdb") as store:
        ingest_inputs([str(example_corpus())], store, config=config)
        linked, mentions = store.count("linked_events"), store.count("event_mentions")
        report = ingest_inputs([str(copies)], store, config=config)
        assert report.added == len(originals) and report.duplicates == len(originals)
        assert store.count("linked_events") == linked and store.count("event_mentions") == mentions
        again = ingest_inputs([str(copies)], store, config=config)
        assert again.added == 0 and store.count("linked_events") == linked
        # Every linked event has at most one mention per report.
        assert all(n == m for n, m in [(r[0], r[1]) for r in store.tally("linked_events", "num_mentions",
                                                                         "num_articles")])
