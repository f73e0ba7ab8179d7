"""Train the sentence classifier: ``python -m eventwire.models.train [--out PATH] [--folds K]``.

Reads data/event_sentences.jsonl (sentences the eventwire developers wrote and labelled; see data/README.md),
parses them with the pinned spaCy model, and fits eventwire.models.classifier on their hashed features.
Without --out it rewrites the shipped weights (event_sentences.npz beside this file). --folds K first
prints the K-fold cross-validated accuracy on the same data (a sanity check, not a benchmark). Nothing is
downloaded and the result is deterministic: the same data and model give the same weights.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.models.classifier import SentenceClassifier, train
from eventwire.models.features import DEFAULT_BITS, feature_strings, hashed
from eventwire.ontology import plover_types

NONE = "none"
LABELS: tuple[str, ...] = (*sorted(plover_types()), NONE)
HERE = Path(str(resources.files("eventwire.models")))
DATA = HERE / "data" / "event_sentences.jsonl"
WEIGHTS = HERE / "event_sentences.npz"
EPOCHS = 300


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: str


def read_examples(path: Path = DATA) -> list[Example]:
    out: list[Example] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["plover"] not in LABELS:
                raise ValueError(f"{row['id']}: unknown label {row['plover']!r}")
            out.append(Example(str(row["id"]), str(row["text"]), str(row["plover"])))
    return out


def featurize(texts: Sequence[str], bits: int = DEFAULT_BITS) -> list[dict[int, float]]:
    """Each text parsed by the pinned model (spaCy's own components only) and hashed as one sentence."""
    import spacy

    from eventwire.nlp.loader import installed_model

    name = installed_model()
    if name is None or name.startswith("blank:"):
        raise SystemExit("the English model is not installed (see README)")
    nlp = spacy.load(name)
    return [hashed(feature_strings(doc[:]), bits) for doc in nlp.pipe(texts, batch_size=64)]


def fit(examples: Sequence[Example], rows: Sequence[dict[int, float]] | None = None, *, bits: int = DEFAULT_BITS,
        epochs: int = EPOCHS) -> SentenceClassifier:
    rows = rows if rows is not None else featurize([e.text for e in examples], bits)
    return train(rows, [e.label for e in examples], bits=bits, label_order=LABELS, epochs=epochs)


def cross_validate(examples: Sequence[Example], rows: Sequence[dict[int, float]], folds: int) -> float:
    right = 0
    for k in range(folds):
        held = [i for i in range(len(examples)) if i % folds == k]
        kept = [i for i in range(len(examples)) if i % folds != k]
        model = fit([examples[i] for i in kept], [rows[i] for i in kept])
        probs = model.proba([rows[i] for i in held])
        right += sum(1 for i, p in zip(held, probs, strict=True) if model.labels[int(p.argmax())] == examples[i].label)
    return right / len(examples)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds", type=int, default=0)
    args = parser.parse_args(argv)
    examples = read_examples(args.data)
    rows = featurize([e.text for e in examples])
    if args.folds > 1:
        print(f"{args.folds}-fold accuracy on the training data: {cross_validate(examples, rows, args.folds):.4f}")
    fit(examples, rows).save(args.out)
    print(f"{len(examples)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
