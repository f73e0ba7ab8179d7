"""The trigger lexicon (lexicon.csv): verbs, verb + particle/preposition/object patterns, event nouns.

Each entry names a PLOVER type, an optional PLOVER mode and a CAMEO code. An entry with a `with` word
(a particle, preposition or object head for verbs; a modifier or following preposition for nouns)
wins over the bare lemma; a lemma that only has `with` entries is no trigger on its own ("call" alone
is nothing, "call for" is REQUEST).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

# Dependency labels of the words a verb entry's `with` may be: particle, preposition, object, dative, and the
# object made subject by the passive ("sanctions were lifted").
_VERB_WITH_DEPS = {"prt", "prep", "dobj", "dative", "attr", "oprd", "advmod", "acomp", "npadvmod", "nsubjpass"}
_NOUN_WITH_DEPS = {"compound", "amod", "nmod", "prep", "npadvmod"}
# `with` = PLACE_OBJECT: the object is a place name ("took Kabul", "Kandahar was taken"), as the tagger types it.
PLACE_OBJECT = "@place"
_PLACE_ENTS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True, slots=True)
class Entry:
    pos: str
    lemma: str
    with_word: str
    type: str
    mode: str | None
    cameo: str


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry matched at a token; `partner` is the token that satisfied `with` (or None)."""

    entry: Entry
    token: Token
    partner: Token | None


class Lexicon:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._by_key: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            self._by_key.setdefault((entry.pos, entry.lemma), []).append(entry)

    def lemma(self, token: Token, pos: str, known: frozenset[str] = frozenset()) -> str:
        """The lemma of `token` as the lexicon (or the words `known`) spells it: spaCy's lemma, else the word, else
        the word without its inflection when the small model's lemmatizer cut it wrong ("staged" -> "stag")."""
        lemma = token.lemma_.lower()
        if (pos, lemma) in self._by_key or lemma in known:
            return lemma
        for form in (token.lower_, *uninflected(token)):
            if (pos, form) in self._by_key or form in known:
                return form
        base = again(lemma) if pos == "verb" else None
        return base if base is not None and base in known else lemma

    def match(self, token: Token, pos: str) -> Match | None:
        """The best entry for `token` read as a `pos` ('verb' or 'noun'), or None."""
        entries = self._by_key.get((pos, self.lemma(token, pos)))
        base = again(token.lemma_.lower()) if pos == "verb" and not entries else None
        if base is not None:  # "reimposed sanctions" as "imposed sanctions"; a bare "reform" is no "form"
            entries = [e for e in self._by_key.get((pos, base), []) if e.with_word]
        if not entries:
            return None
        deps = _VERB_WITH_DEPS if pos == "verb" else _NOUN_WITH_DEPS
        partners = [c for c in token.children if c.dep_ in deps]
        # "found the mayor guilty": the small model makes the predicate adjective a clause of its own.
        partners += [c for c in token.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"]
        # "launched air and artillery strikes": each coordinated object is an object.
        partners += [g for c in partners if c.dep_ == "dobj" for g in c.conjuncts if g.i > c.i]
        if pos == "noun":
            # "joint air force exercises": the parser hangs the modifier on the noun's compound.
            partners += [g for c in token.children if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
        if pos == "verb":
            # "called on the Council to agree": the object of the verb may sit inside its xcomp's subject.
            partners += [g for c in token.children if c.dep_ in ("dobj", "prep") for g in c.children
                         if g.dep_ in ("pobj", "compound")]
            # "lifted a state of emergency": the object's of-phrase.
            partners += [g for c in token.children if c.dep_ == "dobj" for p in c.children
                         if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            # "declined to comment": the verb of the infinitive complement is a partner too.
            partners += [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            # "call for the Taliban to agree": spaCy hangs "for" on the complement as its marker.
            partners += [g for c in token.children if c.dep_ in ("advcl", "xcomp", "ccomp") for g in c.children
                         if g.dep_ == "mark" and g.i > token.i]
        objects = [c.i for c in token.children if c.dep_ == "dobj"]
        for entry in entries:
            if not entry.with_word:
                continue
            for partner in partners:
                if entry.with_word == PLACE_OBJECT:
                    if partner.dep_ not in ("dobj", "nsubjpass") or partner.ent_type_ not in _PLACE_ENTS:
                        continue
                elif entry.with_word not in (partner.lemma_.lower(), partner.lower_):
                    continue
                if pos == "verb" and partner.dep_ == "prep" and any(i < partner.i for i in objects):
                    continue  # "calling relatives ... for help": the preposition goes with the object
                return Match(entry, token, partner)
        bare = next((e for e in entries if not e.with_word), None)
        return Match(bare, token, None) if bare else None


def again(lemma: str) -> str | None:
    """The verb a "re-" verb repeats ("reimpose", "re-impose" -> "impose"), or None. Only the entries of the base
    that need a partner word, and light verbs that need an event noun, are read through it, so a word that merely
    starts with "re" ("replace", "reform") is no trigger unless its object makes it one."""
    if not lemma.startswith("re") or len(lemma) < 6:
        return None
    return lemma[3:] if lemma[2] == "-" else lemma[2:]


def uninflected(token: Token) -> list[str]:
    """Candidate base forms of an inflected verb or plural noun, from its spelling alone: "staged" -> "stage",
    "stopped" -> "stop", "carried" -> "carry", "rallies" -> "rally" (tried only when the lemma is unknown)."""
    word, tag = token.lower_, token.tag_
    forms: list[str] = []
    for suffix in ("ed", "ing") if tag in ("VBD", "VBN", "VBG") else ("s",) if tag in ("VBZ", "NNS") else ():
        if not word.endswith(suffix) or len(word) < len(suffix) + 3:
            continue
        stem = word[: -len(suffix)]
        forms += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # "stopped"
        if stem.endswith("i"):
            forms.append(stem[:-1] + "y")  # "carried"
        if suffix == "s" and stem.endswith("e"):
            forms += [stem[:-1], stem[:-2] + "y" if stem.endswith("ie") else stem[:-1]]  # "pushes", "rallies"
    return forms


def _read(lines: list[str]) -> list[Entry]:
    rows = csv.DictReader(line for line in lines if line.strip() and not line.startswith("#"))
    return [Entry(pos=r["pos"], lemma=r["lemma"], with_word=r["with"] or "", type=r["type"],
                  mode=r["mode"] or None, cameo=r["cameo"]) for r in rows]


@cache
def load_lexicon(path: str | None = None) -> Lexicon:
    """The shipped lexicon, or the CSV at `path` (same columns)."""
    if path is None:
        text = resources.files("eventwire.extractors").joinpath("lexicon.csv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return Lexicon(_read(text.splitlines()))
