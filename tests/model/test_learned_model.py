"""The learned sentence classifier with the English model: retraining, and its use by the event coder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventwire.config import load_config
from eventwire.ingest.text import read_text
from eventwire.models.classifier import SentenceClassifier
from eventwire.models.train import WEIGHTS, featurize, fit, read_examples
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.model


def test_learned_retraining_reproduces_the_shipped_weights() -> None:
    examples = read_examples()
    rebuilt = fit(examples, featurize([e.text for e in examples]))
    shipped = SentenceClassifier.load(WEIGHTS)
    assert rebuilt.labels == shipped.labels
    # The file holds float16: the rebuilt weights, rounded the same way, are the shipped ones.
    np.testing.assert_array_equal(rebuilt.weights.astype(np.float16), shipped.weights.astype(np.float16))
    np.testing.assert_array_equal(rebuilt.bias, shipped.bias)


def _events(sentences: list[str], learned: bool, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "learned.toml"
    path.write_text(f"[events]\nlearned = {'true' if learned else 'false'}\n", encoding="utf-8")
    pipeline = Pipeline(load_config(path))
    articles = [read_text(s, f"s{i}") for i, s in enumerate(sentences)]
    return [[e.type for e in r.events] for r in pipeline.records(articles)]  # type: ignore[union-attr]


def test_learned_classifier_codes_a_sentence_the_rules_miss(tmp_path: Path) -> None:
    sentences = ["Thousands of soldiers were sent to the southern border overnight.",
                 "Hundreds of dockworkers went on a go-slow in Mombasa on Tuesday."]
    assert _events(sentences, learned=False, tmp_path=tmp_path) == [[], []]
    assert _events(sentences, learned=True, tmp_path=tmp_path) == [["MOBILIZE"], ["PROTEST"]]


def test_learned_classifier_leaves_statements_and_rule_events_alone(tmp_path: Path) -> None:
    sentences = ["The unemployment rate fell to 7 percent in June.",
                 "The finance minister said growth would be slower than expected.",
                 "Villagers in the valley marched to the district office with placards."]
    assert _events(sentences, learned=True, tmp_path=tmp_path) == _events(sentences, learned=False,
                                                                         tmp_path=tmp_path) == [[], [], ["PROTEST"]]


def test_learned_reported_material_act_is_triggered_by_its_own_verb_and_attributed(tmp_path: Path) -> None:
    path = tmp_path / "learned.toml"
    path.write_text("[events]\nlearned = true\n", encoding="utf-8")
    record = next(iter(Pipeline(load_config(path)).records(
        [read_text("The ministry said hundreds of soldiers were sent to the border overnight.", "s")])))
    (event,) = record.events  # type: ignore[union-attr]
    assert (event.type, event.trigger.text) == ("MOBILIZE", "sent")
    assert event.attribution is not None and "said" in event.attribution.text
