"""Actor mentions from the parse: the words that name an actor, its name, kind, country, sector, role.

A mention grows from the head token the coder found (a subject, object or modifier) to its name:
the named entity it sits in, else the noun with its left modifiers, plus an apposed name
("Pakistani Ambassador to the United Nations, Munir Akram"). Country and sector come from the
knowledge base (countries, demonyms, capitals, organisations, people with dated roles) and, for the
sector, from the role words of the mention ("troops" MIL, "embassy" DIP, "police" COP). The knowledge
base is the Doc's own (`doc._.kb`, set by the `eventwire_context` component from the pipeline's
config). Pronouns and descriptions are resolved one level up, in eventwire.extractors.coref.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from spacy.tokens import Doc, Span, Token

from eventwire import vocab
from eventwire.kb import KBEntry
from eventwire.nlp.extensions import kb_of
from eventwire.types import Actor

# Role and group words -> PLOVER sector. The head noun of a mention, or a modifier of it, decides.
SECTOR_WORDS: dict[str, str] = vocab.sector_words()
MODIFIER_SECTORS: dict[str, str] = vocab.modifier_sectors()  # "aid" NGO before a body word ("aid agencies")
BODY_WORDS = vocab.body_words()  # "agency": its modifiers tell its sector

# Nouns that carry words, not acts: "issued a statement condemning ..." is the issuer's act, and
# "the statement said" speaks for whoever issued it.
STATEMENT_NOUNS = vocab.words("statement", role="statement")

# Words that make a noun a title ("Secretary of State", "Ambassador to the United Nations").
TITLE_WORDS = vocab.words("actor", role="title")
# Nouns that name things, never actors: documents, processes, places, abstracts (vocab/thing.csv) and the
# statements and documents of vocab/statement.csv; a word for people by their role ("the opposition", also a
# speech noun: "opposition to the plan") is an actor.
THING_NOUNS = (vocab.words("thing") | vocab.words("statement")) - frozenset(SECTOR_WORDS)
PLACE_NOUNS = vocab.words("thing", role="place")
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "flat", "case"}


def kb_lookup(doc: Doc, text: str, on: date | None) -> KBEntry | None:
    return kb_of(doc).lookup(text, on)


def kb_find(doc: Doc, text: str, on: date | None) -> list[tuple[int, int, KBEntry]]:
    return list(kb_of(doc).find_in(text, on))


def kb_country(doc: Doc, text: str, on: date | None) -> str | None:
    """The ISO code of the first country (by name, demonym or capital) the knowledge base finds in `text`."""
    for _s, _e, hit in kb_find(doc, text, on):
        if getattr(hit, "kind", "") == "country" and getattr(hit, "country", None):
            return str(hit.country)
    return None


def _is_one_of(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def is_thing(token: Token) -> bool:
    """Does `token` head the mention of a thing (a document, a process, a place, an abstract), never an actor?

    The head noun decides whatever names modify it ("the US-Taliban agreement", "the Doha process", "Syrian
    towns"), unless the knowledge base knows the whole name it sits in as an actor.
    """
    if token.pos_ not in ("NOUN", "PROPN") or not _is_one_of(token, THING_NOUNS):
        return False
    ent = entity_of(token)
    return ent is None or kb_lookup(token.doc, ent.text, None) is None


def is_place(token: Token) -> bool:
    """Does `token` name a place as a place: a place noun ("the town"), or a town, region or building that the
    knowledge base does not know as a state ("Herat", "the Panjshir valley"; a capital such as "Kabul" or a
    building such as "the White House" stands for its state only when the text makes it act)?"""
    ent = entity_of(token)
    if _is_one_of(token, PLACE_NOUNS) and ent is None:
        return True
    placed = token.idx in _place_offsets(token.doc)  # the places stage found it
    if not placed and (ent is None or ent.label_ not in ("GPE", "LOC", "FAC")):
        return False
    entry = kb_lookup(token.doc, ent.text if ent is not None else token.text, None)
    return entry is None or (entry.kind == "country" and entry.role == "metonym")


_PLACE_OFFSETS = "eventwire_place_offsets"


def _place_offsets(doc: Doc) -> frozenset[int]:
    """Every character offset inside a place of ``doc._.places``, found once per Doc (asked per mention)."""
    found = doc.user_data.get(_PLACE_OFFSETS)
    if found is None:
        found = frozenset(i for p in doc._.places or [] for i in range(p.start, p.end))
        doc.user_data[_PLACE_OFFSETS] = found
    return cast("frozenset[int]", found)


def entity_of(token: Token) -> Span | None:
    """The named entity `token` is part of, or None.

    Read from the token's own IOB tags: `doc.ents` builds a Span per entity on every access, and this
    is asked for nearly every token of every article.
    """
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def mention_tokens(head: Token) -> tuple[int, int]:
    """[start, end) token indices of the mention headed by `head` (left modifiers; titles' of/to phrases)."""
    ent = entity_of(head)
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in _MODIFIER_DEPS or (child.dep_ == "det" and child.lower_ not in ("the", "a", "an")):
            start = min(start, child.left_edge.i)
    if head.lower_ in TITLE_WORDS or head.lemma_.lower() in TITLE_WORDS:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "to", "for"):
                end = max(end, child.right_edge.i + 1)
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    doc = head.doc
    while (start < end and doc[start].lower_ in ("the", "a", "an")) or (doc[start].is_punct and start < head.i):
        start += 1
    return start, end


def _apposed_name(head: Token) -> Token | None:
    for child in head.rights:
        if child.dep_ == "appos":
            ent = entity_of(child)
            if ent is not None and ent.label_ in ("PERSON", "ORG"):
                return child
    return None


def _sector_of_words(tokens: list[Token]) -> str | None:
    """The sector named by the mention's own words, the head (rightmost) word first; a body word's
    modifiers come before it ("news agency" JRN, "aid agencies" NGO, "the agency" the body word's own)."""
    if tokens and tokens[-1].lemma_.lower() in BODY_WORDS:
        for token in reversed(tokens[:-1]):
            for word in (token.lower_, token.lemma_.lower()):
                if word in MODIFIER_SECTORS:
                    return MODIFIER_SECTORS[word]
    for token in reversed(tokens):
        for word in (token.lower_, token.lemma_.lower()):
            if word in SECTOR_WORDS:
                return SECTOR_WORDS[word]
    return None


def build_actor(head: Token, on: date | None) -> Actor:
    """The Actor named by the mention headed by `head`.

    The name is the named entity of the head (or of an apposed name); the knowledge base gives the
    canonical name, country, sector and role of known people and organisations; otherwise the country
    comes from the nearest country word in the mention (a demonym, a name, a capital) and the sector
    from its role words.
    """
    doc = head.doc
    start, end = mention_tokens(head)
    appos = _apposed_name(head)
    name_head = appos if appos is not None else head
    if appos is not None:
        end = max(end, mention_tokens(appos)[1])
    span = doc[start:end]
    ent = entity_of(name_head)
    kind = "group"
    role: str | None = None
    if ent is not None:
        name = ent.text
        kind = {"PERSON": "person", "ORG": "organization", "GPE": "country"}.get(ent.label_, "group")
        title_end = ent.start if appos is None else appos.left_edge.i
        if ent.label_ == "PERSON" and title_end > start:
            words = [t for t in doc[start:title_end] if not (t.is_punct or t.lower_ in ("the", "a", "an"))]
            while words and (words[0].ent_type_ in ("NORP", "GPE") or (kb_lookup(doc, words[0].text, on) is not None
                             and words[0].lower_ not in TITLE_WORDS)):
                words = words[1:]
            role = " ".join(t.text for t in words) or None
    else:
        name = doc[start:end].text if appos is None else doc[start:head.i + 1].text
    if name.lower().startswith("the "):
        name = name[4:]
    country: str | None = None
    sector: str | None = None
    entry = kb_lookup(doc, name, on)
    if entry is None and ent is None:
        entry = kb_lookup(doc, head.text, on) if head.pos_ == "PROPN" else None
    if entry is not None:
        e_kind = getattr(entry, "kind", "group")
        if e_kind != "country" or ent is None or ent.label_ in ("GPE", "NORP"):
            name = getattr(entry, "name", name) if e_kind != "country" or kind == "country" else name
            country = getattr(entry, "country", None)
            sector = getattr(entry, "sector", None)
            role = role or getattr(entry, "role", None)
            if e_kind in ("person", "organization", "group"):
                kind = e_kind
            elif e_kind == "country" and head.lower_ not in SECTOR_WORDS:
                kind = "country"
    if country is None:
        # The nearest country word in the mention: "Pakistani Ambassador ..." -> PAK.
        hits = kb_find(doc, span.text, on)
        if ent is not None and ent.label_ == "PERSON" and len(ent) > 1 and ent.root.tag_ == "NNP":
            # "Senator Jordan Lee": a country's name inside a person's name says nothing of where they are from
            # (a plural, "Bosnian Serbs", is a people, and its state is theirs).
            inside = (ent.start_char - span.start_char, ent.end_char - span.start_char)
            hits = [h for h in hits if not (inside[0] <= h[0] and h[1] <= inside[1] and
                                            h[1] - h[0] < inside[1] - inside[0])]  # "Sri Lanka" typed PERSON stays
        head_at = head.idx - span.start_char
        hits.sort(key=lambda h: (0 if h[0] <= head_at < h[1] else 1, abs(h[0] - head_at)))
        if len(hits) > 1 and getattr(hits[0][2], "kind", "") == "country" and hits[0][0] <= head_at and \
                head.tag_ in ("NNS", "NNPS") and any(getattr(h, "kind", "") == "country" and e <= head_at
                                                    for _s, e, h in hits[1:]):
            # "Bosnian Serbs", "Iraqi Kurds", "American Jews": a people named by the state they live in is
            # that state's; the people's own name says where they come from, not whose they are.
            hits = hits[1:]
        for _s, _e, hit in hits:
            country = getattr(hit, "country", None)
            if country:
                if sector is None and _s <= head_at < _e and getattr(hit, "kind", "") != "country":
                    sector = getattr(hit, "sector", None)
                break
    if country is not None and any(c.lower_ == "ethnic" for c in head.lefts) and \
            kb_country(doc, head.text, on) == country:
        # "ethnic Albanians in Serbia": a people, not the state of that name; the state is where they are.
        country, sector, kind = None, None, "group"
    if country is None and kind == "group":
        country = _country_of_place(head, on)
    if sector is None:
        sector = _sector_of_words(list(doc[start:head.i + 1])) or _sector_of_words(list(span))
        if sector is None and kind == "country":
            sector = "GOV"
    text, begin = trimmed(span.text, span.start_char)
    return Actor(text=text, name=trimmed(name, 0)[0] or name, kind=kind, country=country,  # type: ignore[arg-type]
                 sector=sector, role=role, start=begin, end=begin + len(text))


def trimmed(text: str, start: int) -> tuple[str, int]:
    """`text` (found at `start`) without leading punctuation ("-Mullah Omar") and without a bracket left open at
    its end ("Afghanistan (UNAMA"): (the text, its new start)."""
    cut = len(text) - len(text.lstrip("-\u2013\u2014,;:.)]/ "))
    text, start = text[cut:], start + cut
    for bracket, closing in (("(", ")"), ("[", "]")):
        at = text.rfind(bracket)
        if at > 0 and closing not in text[at:]:
            text = text[:at].rstrip()
    return text, start


def _country_of_place(head: Token, on: date | None) -> str | None:
    """The country of a place the mention is placed in: "demonstrators in Baghdad", "rebels in the Ivory Coast",
    "refugees from Syria" -- from the article's resolved places, else a country or capital the knowledge base
    knows."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            words = head.doc[obj.left_edge.i:obj.i + 1]
            for place in head.doc._.places or []:
                if place.start < words.end_char and words.start_char < place.end and place.country:
                    return str(place.country)
            code = kb_country(head.doc, words.text, on)
            if code is not None:
                return code
    return None


def coordinated_countries(head: Token, on: date | None) -> list[str]:
    """The countries of coordinated nationality modifiers of a noun ("Turkish and Greek sides"), in text order;
    [] when its modifiers are not coordinated or name fewer than two countries."""
    modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")]
    joined = [g for m in modifiers for g in m.children if g.dep_ == "conj"]
    if not joined:
        return []
    codes: list[str] = []
    for token in sorted(modifiers + joined, key=lambda t: t.i):
        code = kb_country(head.doc, token.text, on)
        if code is not None and code not in codes:
            codes.append(code)
    return codes if len(codes) >= 2 else []


def split_hyphen_pair(token: Token, on: date | None) -> list[Actor]:
    """Both sides of a compound like "US-Taliban" (an actor each), or [] when it is not one."""
    doc: Doc = token.doc
    for i in range(max(0, token.i - 2), min(len(doc) - 2, token.i + 1)):
        left, dash, right = doc[i], doc[i + 1], doc[i + 2]
        glued = dash.text in ("-", "–") and not left.whitespace_ and not dash.whitespace_
        if glued and kb_lookup(doc, left.text, on) is not None and kb_lookup(doc, right.text, on) is not None:
            return [build_actor(left, on), build_actor(right, on)]
    return []
