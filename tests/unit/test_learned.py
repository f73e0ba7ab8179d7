"""The learned sentence classifier without the English model: its training data, hashing and file format."""

from __future__ import annotations

import json
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from eventwire import ontology
from eventwire.config import load_config
from eventwire.models.classifier import SentenceClassifier, train
from eventwire.models.features import bucket, hashed
from eventwire.models.train import DATA, LABELS, NONE, WEIGHTS, read_examples

# Tiny hashed rows standing in for parsed sentences (the real ones need the model).
ROWS = [hashed(["bias", "v:attack", "l:village"]), hashed(["bias", "v:meet", "l:minister"]),
        hashed(["bias", "l:inflation", "l:rise"]), hashed(["bias", "v:attack", "l:town"]),
        hashed(["bias", "v:meet", "l:envoy"]), hashed(["bias", "l:economy", "l:grow"])]
ROW_LABELS = ["ASSAULT", "CONSULT", NONE, "ASSAULT", "CONSULT", NONE]


def test_learned_training_data_covers_every_type_evenly_and_plain_statements() -> None:
    examples = read_examples()
    counts = Counter(e.label for e in examples)
    assert len(examples) >= 1200
    assert set(counts) == set(LABELS)
    assert min(counts[t] for t in LABELS if t != NONE) >= 60
    assert counts[NONE] >= 250
    assert len({e.text for e in examples}) == len(examples) and len({e.id for e in examples}) == len(examples)


def test_learned_training_data_quad_class_is_the_types_own() -> None:
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        expected = 0 if row["plover"] == NONE else ontology.plover_type(row["plover"]).quad_class
        assert row["quad"] == expected, row["id"]


def test_learned_features_hash_the_same_in_every_process() -> None:
    assert bucket("v:attack", 14) == zlib.crc32(b"v:attack") & 0x3FFF
    # Binary: a feature said twice is there once.
    assert hashed(["l:attack", "l:attack", "l:village"], 14) == dict.fromkeys(
        sorted({bucket("l:attack", 14), bucket("l:village", 14)}), 1.0)


def test_learned_classifier_learns_a_slice_and_round_trips_through_its_file(tmp_path: Path) -> None:
    model = train(ROWS, ROW_LABELS, bits=14, label_order=LABELS, epochs=200)
    for row, label in zip(ROWS, ROW_LABELS, strict=True):
        scores = model.scores(row)
        assert max(scores, key=lambda k: scores[k]) == label
    path = tmp_path / "slice.npz"
    model.save(path)
    loaded = SentenceClassifier.load(path)
    assert loaded.labels == model.labels and loaded.bits == model.bits
    np.testing.assert_allclose(loaded.proba(ROWS), model.proba(ROWS), atol=2e-3)


def test_learned_training_is_deterministic() -> None:
    a = train(ROWS, ROW_LABELS, bits=14, label_order=LABELS, epochs=50)
    b = train(ROWS, ROW_LABELS, bits=14, label_order=LABELS, epochs=50)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)


def test_learned_shipped_weights_load_with_every_label() -> None:
    model = SentenceClassifier.load(WEIGHTS)
    assert model.labels == LABELS
    assert model.weights.shape == (1 << model.bits, len(LABELS))


def test_learned_flag_is_in_the_shipped_config() -> None:
    assert isinstance(load_config().get("events.learned"), bool)
