"""A multinomial logistic regression over hashed sentence features, in numpy alone.

Trained by full-batch gradient descent (Adam steps) from zero weights, in a fixed order, so the same data
give the same weights. Saved as a compressed ``.npz``: the labels, the bucket count, the weights and biases
(float16 on disk; the buckets no training sentence touched stay exactly zero and compress away).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Rows = Sequence[Mapping[int, float]]


@dataclass(frozen=True)
class _Sparse:
    """Rows of (bucket, value) pairs flattened: row r holds indices[starts[r]:starts[r + 1]]."""

    rows: NDArray[np.int64]
    indices: NDArray[np.int64]
    values: NDArray[np.float64]
    n: int

    @classmethod
    def of(cls, rows: Rows) -> _Sparse:
        row_ids: list[int] = []
        indices: list[int] = []
        values: list[float] = []
        for r, row in enumerate(rows):
            for index, value in row.items():
                row_ids.append(r)
                indices.append(index)
                values.append(value)
        return cls(np.asarray(row_ids, dtype=np.int64), np.asarray(indices, dtype=np.int64),
                   np.asarray(values, dtype=np.float64), len(rows))

    def dot(self, weights: NDArray[np.float64]) -> NDArray[np.float64]:
        out = np.zeros((self.n, weights.shape[1]), dtype=np.float64)
        np.add.at(out, self.rows, weights[self.indices] * self.values[:, None])
        return out

    def tdot(self, grad: NDArray[np.float64], size: int) -> NDArray[np.float64]:
        out = np.zeros((size, grad.shape[1]), dtype=np.float64)
        np.add.at(out, self.indices, grad[self.rows] * self.values[:, None])
        return out


def _softmax(logits: NDArray[np.float64]) -> NDArray[np.float64]:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
    return result


@dataclass(frozen=True)
class SentenceClassifier:
    labels: tuple[str, ...]
    bits: int
    weights: NDArray[np.float32]   # (2**bits, len(labels))
    bias: NDArray[np.float32]      # (len(labels),)

    @cached_property
    def _weights64(self) -> NDArray[np.float64]:
        """The weights widened once per classifier, not on every sentence scored."""
        return self.weights.astype(np.float64)

    @cached_property
    def _bias64(self) -> NDArray[np.float64]:
        return self.bias.astype(np.float64)

    def proba(self, rows: Rows) -> NDArray[np.float64]:
        """One row of label probabilities per input row."""
        return _softmax(_Sparse.of(rows).dot(self._weights64) + self._bias64)

    def scores(self, row: Mapping[int, float]) -> dict[str, float]:
        return {label: float(p) for label, p in zip(self.labels, self.proba([row])[0], strict=True)}

    def save(self, path: Path) -> None:
        np.savez_compressed(path, labels=np.asarray(self.labels), bits=np.asarray(self.bits),
                            weights=self.weights.astype(np.float16), bias=self.bias)

    @classmethod
    def load(cls, path: Path) -> SentenceClassifier:
        with np.load(path, allow_pickle=False) as data:
            return cls(tuple(str(x) for x in data["labels"]), int(data["bits"]),
                       data["weights"].astype(np.float32), data["bias"].astype(np.float32))


def train(rows: Rows, labels: Sequence[str], *, bits: int, label_order: Sequence[str], epochs: int = 300,
          rate: float = 0.05, l2: float = 1e-4) -> SentenceClassifier:
    """Fit the regression by full-batch Adam from zero weights (deterministic for the same input)."""
    x = _Sparse.of(rows)
    index = {label: i for i, label in enumerate(label_order)}
    y = np.zeros((len(labels), len(label_order)), dtype=np.float64)
    for r, label in enumerate(labels):
        y[r, index[label]] = 1.0
    size = 1 << bits
    w = np.zeros((size, len(label_order)), dtype=np.float64)
    b = np.zeros(len(label_order), dtype=np.float64)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    touched = np.zeros(size, dtype=bool)
    touched[x.indices] = True
    n = float(len(labels))
    for step in range(1, epochs + 1):
        p = _softmax(x.dot(w) + b)
        g = (p - y) / n
        gw = x.tdot(g, size) + l2 * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        scale = rate * (1 - beta2 ** step) ** 0.5 / (1 - beta1 ** step)
        w -= scale * mw / (np.sqrt(vw) + eps)
        b -= scale * mb / (np.sqrt(vb) + eps)
    w[~touched] = 0.0
    return SentenceClassifier(tuple(label_order), bits, w.astype(np.float32), b.astype(np.float32))


__all__ = ["SentenceClassifier", "train"]
