"""Toponyms the entity tagger misses, found by the words around a gazetteer name (used by
:mod:`eventwire.extractors.places`, step 1).

Each rule reads a written convention of news, and each keeps only a name the gazetteer has:

- **counties**: a capitalised name followed by "County", "Parish" or "Borough" ("Henry County", "Rapides Parish",
  "Platte Co."), wherever it stands -- inside an organisation ("the Henry County Sheriff's Office"), a court, a
  hyphenated pair ("Paris-Henry County") -- and the names listed before a plural "counties" ("Jackson, Barrow and
  Madison counties" names three);
- **party and home**: a US politician's party letter and state or home town ("Sen. Bob Casey, D-Pa.",
  "Rep. Torrey Westrom, R-Elbow Lake");
- **datelines inside the text**: a place name in capitals opening a sentence and followed by a dash or a colon
  ("... the headline. MANSFIELD -- The Law Enforcement Center ...", "BEIRUT: A drug dealer ..."), where the reader
  did not see a dateline line;
- **a part of a place**: "Northeast Georgia", "Western Massachusetts", "Southern California's" name the state
  (an entity with no gazetteer entry of its own, opened by a compass word), as do "Northern Illinois University"
  and "the Northeast Georgia Medical Center";
- **a name in hyphenated parts**: "Mazar-i-Sharif", "Pul-e-Khumri", "Mazar-e Sharif", "Deir ez-Zor", "Ras
  al-Ain", "Batesburg-Leesville" (the tokenizer splits it at the hyphens and the tagger types a piece or nothing),
  taken whole when it is the exact name of a gazetteer place or another transliteration of one
  (``Gazetteer.is_exact``), wherever it stands, unless the knowledge base knows it as an actor or it is part of a
  longer entity that is no place; without a connective, each part has four letters or more ("Tri-City" is none);
- **the object of a verb of taking, striking, entering or leaving ground** ("captured Dera Ismail Khan",
  "entered Sheberghan"; the table ``vocab/territory.csv``, role ``place_object``): a proper name the tagger left
  untyped or typed a person, when it is the exact name of a gazetteer place, not an actor of the knowledge base,
  not the surname of a person of the article, and has no determiner ("won the Best in Show award").

:func:`cue_mentions` gives them; a cue mention replaces an overlapping mention that has no gazetteer candidate
(the tagger's "Greenbrier-Pocahontas County", "Northeast Georgia").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from eventwire import vocab
from eventwire.kb.gazetteer import CONNECTIVES, GazEntry, Gazetteer
from eventwire.nlp.extensions import kb_of

__all__ = ["cue_mentions", "has_candidates"]

# "County" and its kin after a name; "Co." is the abbreviation news uses.
_COUNTY = re.compile(r"((?:[A-Z][\w'’.]*[\s-]+){1,3})(County|Parish|Borough|Co\.)(?!\w)")
_COUNTY_WORDS = {"County": "County", "Co.": "County", "Parish": "Parish", "Borough": "Borough"}
_PLURAL_COUNTY = {"counties": "County", "parishes": "Parish"}
# "D-Pa.", "R-Elbow Lake", "DFL-Cook", "I-Vt." after a politician's name and a comma or an opening bracket.
_PARTY = re.compile(r"(?:,\s*|\()(?:D|R|I|DFL)-\s?([A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*){0,2})(?=\s*[,)\s.]|$)")
# A capitalised place opening a sentence or the text, then a dash or a colon: a dateline inside the text.
_CAPS_DATELINE = re.compile(r"(?:^|(?<=[.!?\n])\s*)([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
                            r"(?=(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s*(?:\([^()\n]{1,30}\)\s*)?"
                            r"(?:—|–|-{1,3}\s|:\s))")
# Words that make a part of a place of the name after them.
_COMPASS = re.compile(r"(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|"
                      r"eastern|western|central|upstate|downstate|coastal)", re.IGNORECASE)

# A name in parts joined by hyphens, with a connective or article of a transliteration between two of them or not.
_PART = r"[A-Z][\w]*[a-z]\w*"
_CONNECTIVE = "|".join(sorted(CONNECTIVES, key=len, reverse=True))
_HYPHENATED = re.compile(rf"\b{_PART}(?:(?:-(?:{_CONNECTIVE})-|-(?:{_CONNECTIVE}) |[ -](?:{_CONNECTIVE})-|-)"
                         rf"{_PART})+\b")
_PLACE_OBJECT_VERBS = vocab.words("territory", role="place_object")


def has_candidates(text: str, gaz: Gazetteer) -> bool:
    """Whether the gazetteer has any reading of `text` (a name, "X province", a state's abbreviation)."""
    return bool(gaz.candidates(text) or gaz.area_candidates(text) or gaz.state_abbreviation(text))


def _county(name: str, word: str, gaz: Gazetteer) -> GazEntry | None:
    return next((e for e in gaz.candidates(f"{name} {word}") if e.feature == "admin2"), None)


def _counties(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    for match in _COUNTY.finditer(text):
        word = _COUNTY_WORDS[match.group(2)]
        words = re.split(r"[\s-]+", match.group(1).strip())
        starts = [m.start() for m in re.finditer(r"[^\s-]+", match.group(1))]
        for n in range(len(words), 0, -1):  # the longest name that is a county: "Prince William County"
            if _county(" ".join(words[-n:]), word, gaz) is not None:
                yield match.start(1) + starts[-n], match.end(2)
                break


def _county_lists(doc: Doc, gaz: Gazetteer) -> Iterator[tuple[Span, str]]:
    """The names listed before "counties" ("Harvey, Harper and Kingman counties"), each a county of its own."""
    for token in doc:
        word = _PLURAL_COUNTY.get(token.lower_)
        if word is None:
            continue
        end = token.i
        while end > 0:
            first = end
            while first > 0 and doc[first - 1].pos_ == "PROPN" and end - first < 3:
                first -= 1
            # The longest run of names before it that is a county ("Prince William counties"), else none.
            name = next((doc[s:end] for s in range(first, end) if _county(doc[s:end].text, word, gaz)), None)
            if name is None:
                break
            yield name, f"{name.text} {word}"
            end = name.start
            while end > 0 and doc[end - 1].lower_ in (",", "and", "or", "&"):
                end -= 1


def _party_homes(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    for match in _PARTY.finditer(text):
        name = match.group(1).rstrip()
        if name.endswith(".") and not gaz.state_abbreviation(name) and not gaz.state_abbreviation(name[:-1]):
            name = name[:-1]  # "R-Marshall." ends a sentence
        if gaz.state_abbreviation(name) or any(gaz.is_exact(name, c) for c in gaz.candidates(name)):
            yield match.start(1), match.start(1) + len(name)


def _caps_datelines(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    for match in _CAPS_DATELINE.finditer(text):
        name = match.group(1).rstrip(" -")
        if len(name) >= 3 and any(gaz.is_exact(name, c) for c in gaz.candidates(name)):
            yield match.start(1), match.start(1) + len(name)


def _place_parts(doc: Doc, gaz: Gazetteer) -> Iterator[Span]:
    """The state or country a compass word makes a part of ("Northeast Georgia", "Western Pennsylvania ...")."""
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "ORG", "FAC", "NORP"):
            continue
        words = [t for t in ent if t.lower_ != "the"]
        if len(words) < 2 or not _COMPASS.fullmatch(words[0].text) or has_candidates(ent.text, gaz):
            continue
        start = words[0].i + 1
        for end in range(min(start + 3, ent.end), start, -1):
            piece = doc[start:end]
            while len(piece) and piece[-1].tag_ == "POS":
                piece = doc[piece.start:piece.end - 1]
            if len(piece) and any(gaz.is_exact(piece.text, c) and c.feature in ("admin1", "country")
                                  for c in gaz.candidates(piece.text)):
                yield piece
                break


def _exact_place(text: str, gaz: Gazetteer) -> bool:
    return any(gaz.is_exact(text, c, respelled=True) for c in gaz.candidates(text))


def _hyphenated(doc: Doc, text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names in hyphenated parts that are gazetteer places ("Mazar-i-Sharif", "Deir ez-Zor")."""
    kb = kb_of(doc)
    others = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ not in ("GPE", "LOC", "FAC")]
    for match in _HYPHENATED.finditer(text):
        start, end = match.span()
        parts = re.split(r"[ -]", match.group(0))
        if not set(parts) & CONNECTIVES and min(len(p) for p in parts) < 4:
            continue  # "Tri-City", "Pro-Am": a prefix, not a name's part
        inside = any(s <= start and end <= e and e - s > end - start for s, e in others)
        if not inside and kb.lookup(match.group(0)) is None and _exact_place(match.group(0), gaz):
            yield start, end


def _place_objects(doc: Doc, gaz: Gazetteer) -> Iterator[Span]:
    """Proper names that are the direct object of a verb of taking or entering ground and name a gazetteer place."""
    kb = kb_of(doc)
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    surnames = {ent[-1].text for ent in people if len(ent) > 1}
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ not in ("", "PERSON"):
            continue
        head = token
        while head.dep_ == "conj" and head.head.i != head.i:  # "attacked Kunduz and Sheberghan"
            head = head.head
        if head.dep_ != "dobj" or head.head.lemma_.lower() not in _PLACE_OBJECT_VERBS:
            continue
        if token.ent_type_:
            span = next((ent for ent in people if ent.start <= token.i < ent.end), None)
            if span is None or span.root.i != token.i:
                continue
        else:
            lefts = [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
            span = doc[min([token.i, *lefts]):token.i + 1]
        if span.text in surnames or kb.lookup(span.text) is not None or \
                any(c.dep_ == "det" for c in token.children):  # "won the Best in Show award"
            continue
        if _exact_place(span.text, gaz):
            yield span


def cue_mentions(doc: Doc, text: str, gaz: Gazetteer) -> list[tuple[int, int, Span | None, str]]:
    """(start, end, span if the parse has one, the name to look up) of each toponym the cues find in `text` (the
    Doc's own text), in text order, not overlapping one another. The name looked up is the text itself, except
    for a county named in a list ("Harper" in "Harvey, Harper and Kingman counties" is "Harper County")."""
    found: list[tuple[int, int, Span | None, str]] = []
    listed = [(s.start_char, s.end_char, name) for s, name in _county_lists(doc, gaz)]
    parts = [(s.start_char, s.end_char, s.text) for s in _place_parts(doc, gaz)]
    plain = [(start, end, text[start:end]) for start, end in
             [*_counties(text, gaz), *_party_homes(text, gaz), *_caps_datelines(text, gaz),
              *_hyphenated(doc, text, gaz)]]
    objects = [(s.start_char, s.end_char, s.text) for s in _place_objects(doc, gaz)]
    for start, end, name in [*listed, *parts, *plain, *objects]:
        if any(s < end and start < e for s, e, _, _ in found):
            continue
        found.append((start, end, doc.char_span(start, end, alignment_mode="expand"), name))
    return sorted(found, key=lambda f: f[0])
