"""The features of one sentence for the sentence classifier: hashed, so no vocabulary is stored.

Every feature is a string ("l:attack", "vo:lift_sanction") hashed with CRC-32 (stable across processes and
Python versions, unlike ``hash``) into one of ``2**bits`` buckets. Digits are folded to 0 so numbers do not
make features of their own. Only what spaCy's tagger, parser and lemmatizer give is read: the sentence's
words and lemmas, lemma bigrams, and for each verb its lemma with its object, particle and prepositions
(the dependency labels are spaCy's, not a word list).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from itertools import pairwise

from spacy.tokens import Span, Token

DEFAULT_BITS = 14
_DIGITS = re.compile(r"\d")
_OBJECTS = ("dobj", "attr", "dative", "oprd")
_SUBJECTS = ("nsubj", "nsubjpass")


def _norm(text: str) -> str:
    return _DIGITS.sub("0", text.lower())


def _content(token: Token) -> bool:
    return not (token.is_punct or token.is_space or token.is_quote)


def _verb_features(verb: Token) -> Iterable[str]:
    lemma = _norm(verb.lemma_)
    yield f"v:{lemma}"
    if verb.dep_ == "ROOT":
        yield f"root:{lemma}"
    for child in verb.children:
        if child.dep_ in _OBJECTS:
            yield f"vo:{lemma}_{_norm(child.lemma_)}"
        elif child.dep_ == "prt":
            yield f"vp:{lemma}_{_norm(child.lemma_)}"
        elif child.dep_ == "prep":
            yield f"vp:{lemma}_{_norm(child.lemma_)}"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield f"vpo:{lemma}_{_norm(child.lemma_)}_{_norm(obj.lemma_)}"
        elif child.dep_ in ("xcomp", "ccomp"):
            yield f"vc:{lemma}_{_norm(child.lemma_)}"
        elif child.dep_ == "neg":
            yield f"neg:{lemma}"
        elif child.dep_ in ("aux", "auxpass"):
            yield f"aux:{_norm(child.lemma_)}"
        elif child.dep_ in _SUBJECTS:
            yield f"subj:{child.ent_type_ or child.pos_}"
    if verb.tag_:
        yield f"tag:{verb.tag_}"


def feature_strings(sent: Span | Sequence[Token]) -> list[str]:
    """The feature strings of a sentence (with repeats: a word twice counts twice)."""
    tokens = [t for t in sent if _content(t)]
    out: list[str] = ["bias"]
    lemmas = [_norm(t.lemma_) for t in tokens]
    for token, lemma in zip(tokens, lemmas, strict=True):
        out.append(f"w:{_norm(token.text)}")
        out.append(f"l:{lemma}")
        if token.pos_ == "VERB":
            out.extend(_verb_features(token))
        elif token.pos_ == "NOUN" and token.dep_ in _SUBJECTS:
            out.append(f"ns:{lemma}")
        if token.ent_type_:
            out.append(f"ent:{token.ent_type_}")
    out.extend(f"b:{a}_{b}" for a, b in pairwise(lemmas))
    if any(t.is_quote for t in sent):
        out.append("quote")
    return out


def bucket(feature: str, bits: int = DEFAULT_BITS) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


def hashed(features: Iterable[str], bits: int = DEFAULT_BITS) -> dict[int, float]:
    """The set of buckets the features fall in, each with value 1 (binary features: on the sentences of
    the benchmarks' style binary features generalised better than counts scaled to unit length)."""
    return dict.fromkeys(sorted({bucket(f, bits) for f in features}), 1.0)


__all__ = ["DEFAULT_BITS", "bucket", "feature_strings", "hashed"]
