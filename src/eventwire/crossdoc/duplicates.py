"""Copies, light rewrites and updated versions of one report (MinHash/LSH, datasketch).

An article's body is its text with every furniture span (`Article.boilerplate`: title, byline,
dateline, captions, promotions, related links) blanked; its lower-cased words are cut into shingles of
`[duplicates] shingle` words, and a MinHash of `num_perm` permutations (datasketch's affine32 scheme, seed
1) summarises them. An LSH index (datasketch's MinHashLSH at `threshold`) proposes earlier articles;
one is a duplicate when the signatures' estimated Jaccard similarity is at least `threshold`. The
first stored report of a group is its canonical one: a later duplicate points at it (never at another
duplicate), so the canonical report of an article never changes.

Only signatures are kept (table `signatures`): a run rebuilds its index from them once, and reads no
stored text again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from eventwire.config import Config
from eventwire.crossdoc.records import ArticleSignature, Duplicate
from eventwire.store.base import Store
from eventwire.types import Article

_WORD = re.compile(r"\w+")
_SCHEME = "affine32"
_SEED = 1


def body_words(article: Article) -> list[str]:
    """The article's words, lower-cased, with every furniture span left out."""
    text = article.text
    if article.boilerplate:
        chars = list(text)
        for span in article.boilerplate:
            chars[span.start:span.end] = " " * (span.end - span.start)
        text = "".join(chars)
    return [w.lower() for w in _WORD.findall(text)]


def shingles(words: list[str], size: int) -> set[str]:
    """Every run of `size` consecutive words (the whole text when it is shorter)."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class DuplicateSettings:
    shingle: int
    num_perm: int
    threshold: float

    @classmethod
    def of(cls, config: Config) -> DuplicateSettings:
        return cls(int(config.get("duplicates.shingle")), int(config.get("duplicates.num_perm")),
                   float(config.get("duplicates.threshold")))


class DuplicateFinder:
    """The duplicate index of one run: loaded from the store's signatures on first use, then kept up to
    date as articles are checked."""

    def __init__(self, settings: DuplicateSettings) -> None:
        self.settings = settings
        self.lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
        self._template = MinHash(num_perm=settings.num_perm, seed=_SEED, scheme=_SCHEME)
        self.values: dict[str, np.ndarray] = {}
        self.canonical: dict[str, str] = {}  # duplicate -> its canonical report
        self.loaded = False

    def load(self, store: Store) -> None:
        """Rebuild the index from the stored signatures and duplicates (no text is read)."""
        if self.loaded:
            return
        self.loaded = True
        for batch in store.scan("duplicates"):
            for article_id, canonical in zip(batch.column("article_id").to_pylist(),
                                             batch.column("duplicate_of").to_pylist(), strict=True):
                self.canonical[article_id] = canonical
        n = self.settings.num_perm
        with self.lsh.insertion_session() as session:
            for batch in store.scan("signatures"):
                ids = batch.column("article_id").to_pylist()
                flat = batch.column("minhash").values.to_numpy(zero_copy_only=False).astype(np.uint32)
                if len(flat) != n * len(ids):  # signatures of another num_perm: not comparable
                    continue
                for article_id, values in zip(ids, flat.reshape(-1, n), strict=True):
                    self.values[article_id] = values
                    session.insert(article_id, self._minhash(values), check_duplication=False)

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(seed=_SEED, hashvalues=values, permutations=self._template.permutations, scheme=_SCHEME)

    def signature(self, article: Article) -> np.ndarray:
        sketch = MinHash(seed=_SEED, permutations=self._template.permutations, scheme=_SCHEME)
        found = shingles(body_words(article), self.settings.shingle)
        if found:
            sketch.update_batch([s.encode("utf-8") for s in sorted(found)])
        return np.asarray(sketch.hashvalues, dtype=np.uint32)

    def check(self, article: Article) -> tuple[ArticleSignature, Duplicate | None]:
        """The article's signature, and whether it duplicates an article checked or stored before it. The
        article joins the index either way."""
        values = self.signature(article)
        duplicate: Duplicate | None = None
        if article.id not in self.values:
            best: tuple[float, str] | None = None
            for other in self.lsh.query(self._minhash(values)):
                similarity = float(np.mean(self.values[other] == values))
                if similarity >= self.settings.threshold and (best is None or (similarity, other) > best):
                    best = (similarity, other)
            if best is not None:
                canonical = self.canonical.get(best[1], best[1])
                duplicate = Duplicate(article.id, canonical, round(best[0], 4))
                self.canonical[article.id] = canonical
            self.values[article.id] = values
            self.lsh.insert(article.id, self._minhash(values), check_duplication=False)
        return ArticleSignature(article.id, [int(v) for v in values]), duplicate

    def check_all(self, articles: Iterable[Article]) -> tuple[list[ArticleSignature], list[Duplicate]]:
        signatures, duplicates = [], []
        for article in articles:
            signature, duplicate = self.check(article)
            signatures.append(signature)
            if duplicate is not None:
                duplicates.append(duplicate)
        return signatures, duplicates
