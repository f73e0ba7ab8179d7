"""Places: toponyms found and resolved against the gazetteer (a spaCy component).

``eventwire_places`` (before the event coder) sets ``doc._.places``:

1. Mentions. Entities labelled GPE, LOC or FAC; names the actor knowledge base knows as a country or a capital
   (the tagger misses some); and a PERSON entity that names a gazetteer place where its words say it is one
   ("the capture of Kunduz", "in Kunduz", "Kunduz, Afghanistan"), and an untyped proper noun after such a
   preposition ("from Kandahar to Herat") whose exact name is in the gazetteer. A dateline's place
   ("KABUL, Aug 15 --") is read from the article text, since the model sees furniture blanked out. Demonyms are
   peoples, not places, and a country name modifying a noun ("US troops", "the US embassy") names whose, not
   where. A town, county or state an ORG entity is or opens or closes with is a toponym ("Edmonton needs ...",
   "the Ohio Department of ...", "the University of Georgia"). One sense per article: a name typed GPE or LOC
   once is a place where the tagger typed it PERSON or ORG, and a person's surname ("Obama" after "Barack
   Obama") is no place unless the tagger reads it as a place at least as often.
2. Metonyms dropped. A capital that speaks or acts for its government ("Washington said", "Moscow rejected the
   plan") is an actor, not a place.
3. Resolution. Every candidate of the name is scored: its population (log), whether the name is its own or an
   alternate one, then context -- a qualifier right after it ("Alexandria, Louisiana", "London, Ontario",
   "Ipswich, Suffolk"), the article's country focus (the countries its other places resolve to, counted once per
   name), the other places in the same first-level area (for a town and for the area itself), the distance to its
   other places, and the kind of the places listed with it ("Michigan, Oregon and Ohio" are states, so Oregon is not
   the Ohio town). A town holding most of the people of the area of the same name, or a metropolis, is what the
   bare name means ("Kunduz", "New York"), and so is a national capital ("Washington"); "Kunduz province",
   "Washington state" and "the state of Washington" name the area. A facility (FAC: "the White House") matches
   only a place's own name, never an alternate one (Casablanca's). The scoring runs three times: the
   first pass resolves each name on its own, the next ones use what the one before found. A US state's postal or
   AP abbreviation after a place and a comma ("Athens, Ga.", "Paris, TX") qualifies it, and is itself a toponym
   (the state). A town under 15,000 people (a name no larger place has) is kept only when another place of the
   article is in its country. A mention without a candidate is left out: a place the gazetteer cannot put on the
   map. A county (our table's ``admin2``) is written out with the contract's ``feature`` ``"other"`` and its
   nation or province as ``admin1``; areas and regions from our own tables have no ``geonames_id``.

Where an event happened is eventwire.extractors.locate.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire import vocab
from eventwire.extractors.lexicon import load_lexicon
from eventwire.extractors.place_cues import cue_mentions, has_candidates
from eventwire.kb import normalize
from eventwire.kb.gazetteer import AREA_WORDS, GazEntry, Gazetteer, gazetteer, km
from eventwire.nlp.extensions import doc_text, kb_of
from eventwire.nlp.stage import Stage
from eventwire.types import Place

__all__ = ["Mention", "find_mentions", "find_places", "make_place_finder", "resolve_mentions", "state_abbreviations"]

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Resolution weights: a country's edge over a city of the same name; the weight of the article's country focus.
COUNTRY_BONUS = 1.0
SHARE_WEIGHT = 3.0
CAPITAL_BONUS = 1.0
# The weight of each listed neighbour of the same kind ("Michigan, Oregon and Ohio").
LIST_WEIGHT = 1.5
# A town with another of the article's places within this distance gets a bonus.
NEAR_KM = 300.0
# A county in our table has a centre, not a boundary: the towns within this distance of it count as inside it.
COUNTY_RADIUS_KM = 40.0
# Where a PERSON entity that names a place is read as the place: after these prepositions.
_PLACE_PREPS = vocab.words("preposition", role="place_name")
# Verbs whose subject, when it is a capital, is its government ("Washington said", "Moscow rejected").
_ACTOR_VERBS = vocab.words("speech", role="attribution") | vocab.words("speech", role="request") | \
    vocab.words("speech", role="stance") | vocab.words("intent", role="report") | {
        "approve", "expel", "hail", "impose", "negotiate", "order", "protest", "react", "recognise", "recognize",
        "retaliate", "sanction", "send", "summon", "veto"}
# "Athens, Ga.", "Paris, TX", "Charleston, W. Va.": a US state's abbreviation after a place and a comma.
_STATE_ABBREVIATION = re.compile(r"\s*,\s*((?:[A-Z][A-Za-z]{0,4}\.\s?){1,2}|[A-Z]{2}\b)")
_DATELINE_NAME = re.compile(r"\s*([A-Z][A-Za-z.'’\- ]*?[A-Za-z.])\s*(?:,|\(|—|–|-|/)")


@dataclass
class Mention:
    """A toponym in the text before resolution; ``token`` is its syntactic head, when it comes from the parse."""

    text: str
    start: int
    end: int
    token: Token | None = None
    label: str = ""  # the entity label it came from, if any
    lookup: str = ""  # the name to look up when it is not the text ("Harper" in "Harper and Kingman counties")


# -- finding ------------------------------------------------------------------------------------------------------


def find_mentions(doc: Doc, gaz: Gazetteer | None = None) -> list[Mention]:
    """The toponyms of `doc` (steps 1 and 2 of the module docstring), in text order, not overlapping."""
    gaz = gaz or gazetteer()
    found: list[Mention] = []
    # The spans taken and the blocked entities never overlap one another, so each is kept sorted and only the
    # span starting last before a candidate's end can overlap it (a scan of all of them per candidate is
    # quadratic in a long article).
    taken: list[tuple[int, int]] = []
    blocked = sorted((ent.start_char, ent.end_char) for ent in doc.ents
                     if ent.label_ in ("ORG", "NORP", "WORK_OF_ART"))
    # A person's name holding a country's ("Jordan Lee", "Georgia Smith") is no place: a country name found only
    # inside a longer PERSON entity is skipped (a PERSON entity that is the name alone may be the tagger's slip).
    person_spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                    and all(t.tag_ == "NNP" for t in ent)]  # not "Sri Lanka's", "Sri Lanka - approximately"
    blocked_starts = [s for s, _ in blocked]

    def overlaps_blocked(start: int, end: int) -> bool:
        i = bisect_left(blocked_starts, end) - 1
        return i >= 0 and blocked[i][1] > start

    def add(span: Span, text: str, start: int, end: int, label: str = "") -> None:
        i = bisect_left(taken, (end, -1)) - 1
        if (i >= 0 and taken[i][1] > start) or not text.strip():
            return
        insort(taken, (start, end))
        found.append(Mention(text, start, end, span.root, label))

    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            span = _trim(ent)
            if span is not None:
                add(span, span.text, span.start_char, span.end_char, ent.label_)
        elif ent.label_ == "PERSON" and _reads_as_place(ent, gaz):
            add(ent, ent.text, ent.start_char, ent.end_char)
        elif ent.label_ == "ORG" and (inner := _place_in_name(ent, gaz, surnames)) is not None:
            add(inner, inner.text, inner.start_char, inner.end_char)
    for token in doc:
        # A proper noun the tagger left untyped, after a place preposition ("from Kandahar to Herat").
        if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ == "pobj" and \
                token.head.lower_ in _PLACE_PREPS:
            span = doc[min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]):
                       token.i + 1]
            if not overlaps_blocked(span.start_char, span.end_char) and \
                    kb_of(doc).lookup(span.text) is None and \
                    any(gaz.is_exact(span.text, c, respelled=True) for c in gaz.candidates(span.text)):
                add(span, span.text, span.start_char, span.end_char)
    kb = kb_of(doc)
    whole = doc_text(doc)
    for start, end, entry in kb.find_in(whole):
        within = bisect_right(blocked_starts, start) - 1
        if entry.kind != "country" or (within >= 0 and end <= blocked[within][1]) or \
                any(s <= start and end <= e and e - s > end - start for s, e in person_spans):
            continue
        text = whole[start:end]
        if not any(gaz.is_exact(text, c) for c in gaz.candidates(text)):
            continue  # a demonym ("Afghan") or a building ("White House"): not a place
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            add(span, text, start, end)
    # One sense per article: a person's surname ("Obama" after "Barack Obama") is no place, and a name the tagger
    # typed as a place once is the place where it tagged it a person or an organisation ("Alexandria man").
    # Which sense wins is what the tagger says most often.
    people = Counter(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON")
    as_place = Counter(m.text for m in found)
    found = [m for m in found if not (m.text in surnames and people[m.text] > as_place[m.text] and
                                      m.label != "FAC" and not _is_country(m.text, gaz))]
    named = {m.text for m in found if m.label in ("GPE", "LOC")}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and (span := _trim(ent)) is not None and span.text in named and \
                not _is_actor_name(doc, span.text):
            add(span, span.text, span.start_char, span.end_char)
    found = [m for m in found if not _is_metonym(m, gaz) and not _names_whose(m, gaz)]
    return sorted(found, key=lambda m: m.start)


def _is_country(text: str, gaz: Gazetteer) -> bool:
    return any(c.feature == "country" and gaz.is_exact(text, c) for c in gaz.candidates(text))


def _place_in_name(ent: Span, gaz: Gazetteer, surnames: set[str]) -> Span | None:
    """A town, county or state an ORG entity is, or opens or closes with: the tagger's "Edmonton" (a clause's
    subject), "the Dublin City Council", "the Ohio Department of Development", "the University of Georgia". A
    country there names whose the body is (step 1), a name the knowledge base knows is an actor, and a bare name
    that is the surname of a person of the article is that person."""
    doc = ent.doc
    span = _trim(ent)
    if span is None or _is_actor_name(doc, span.text) or span.text in surnames:
        return None
    words = list(span)
    pieces = [span]
    if len(words) > 1:
        of = next((t for t in words[1:-1] if t.lower_ == "of"), None)
        if of is not None and all(t.pos_ == "PROPN" for t in doc[of.i + 1:span.end]):
            pieces.append(doc[of.i + 1:span.end])
        pieces += [doc[span.start:span.start + n] for n in range(min(3, len(words) - 1), 0, -1)
                   if all(t.pos_ == "PROPN" for t in words[:n])]
    for piece in pieces:
        if not _is_actor_name(doc, piece.text) and _is_town_or_area(piece.text, gaz):
            return piece
    return None


def _is_town_or_area(text: str, gaz: Gazetteer) -> bool:
    """Is `text` the own name of a town of the gazetteer's size or of a first- or second-level area?"""
    return any(gaz.is_exact(text, c) and c.feature in ("city", "admin1", "admin2") and
               (c.feature != "city" or c.population >= gaz.min_city_population) for c in gaz.candidates(text))


def _is_actor_name(doc: Doc, text: str) -> bool:
    """`text` names a person, group or organisation of the knowledge base (a country or capital name is checked
    against the gazetteer instead)."""
    entry = kb_of(doc).lookup(text)
    return entry is not None and entry.kind != "country"


# Nouns a country modifier locates rather than owns: events and things ("the Iraq war", "the Syria talks").
_WHERE_NOUNS = vocab.words("thing") | frozenset(e.lemma for e in load_lexicon().entries if e.pos == "noun")


def _names_whose(mention: Mention, gaz: Gazetteer) -> bool:
    """A country name modifying a noun names whose, not where: "US troops", "the US embassy", "the UK convoy";
    modifying an event or a thing it still names where ("the Iraq war", "the Syria talks")."""
    token = mention.token
    if token is None or token.dep_ not in ("compound", "amod", "nmod") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.head.lower_ in _WHERE_NOUNS or token.head.lemma_.lower() in _WHERE_NOUNS:
        return False
    if token.head.i < token.i or mention.start <= token.head.idx < mention.end:
        return False
    exact = [c for c in gaz.candidates(mention.text) if gaz.is_exact(mention.text, c)]
    # A name that is a state or a town as well ("Georgia residents") names where.
    return bool(exact) and all(c.feature == "country" for c in exact)


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" and a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the",):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].text in ("'s", "’s")):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _reads_as_place(ent: Span, gaz: Gazetteer) -> bool:
    """A PERSON entity the tagger got wrong: it names a gazetteer place and stands where places stand."""
    if kb_of(ent.doc).lookup(ent.text) is not None:
        return False  # a person the knowledge base knows
    candidates = [c for c in gaz.candidates(ent.text) if gaz.is_exact(ent.text, c, respelled=True)]
    if not candidates:
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    nxt = ent.doc[ent.end + 1] if ent.end + 1 < len(ent.doc) else None
    return bool(after is not None and after.text == "," and nxt is not None and nxt.ent_type_ == "GPE")


def _is_metonym(mention: Mention, gaz: Gazetteer) -> bool:
    """A capital standing for its government: the subject of a verb of saying or state action."""
    token = mention.token
    if token is None or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if verb.lemma_.lower() not in _ACTOR_VERBS:
        return False
    capitals = {c.geonames_id for c in gaz.capital_of.values()}
    return any(c.geonames_id in capitals for c in gaz.candidates(mention.text) if gaz.is_exact(mention.text, c))


# -- resolving ----------------------------------------------------------------------------------------------------


def resolve_mentions(doc_text: str, mentions: list[Mention], gaz: Gazetteer | None = None) -> list[Place]:
    """Places for the mentions that have a gazetteer candidate, chosen in context (step 3 of the module docstring)."""
    gaz = gaz or gazetteer()
    options = [_options(m, gaz, doc_text) for m in mentions]
    # What does not change between passes is found once: each mention's qualifier (the place after it and a
    # comma), so that no pass scans all mentions for each one.
    ordered = all(a.start <= b.start for a, b in pairwise(mentions))
    qualifiers = [_qualifier(m, _following(index, mentions, doc_text, ordered), doc_text, gaz)
                  for index, m in enumerate(mentions)]
    # A small town named with its area ("Oxford, North Carolina") is that town, though a larger place of the name
    # keeps it out of the bare name's candidates; the same name elsewhere in the article may be that town too.
    named: dict[str, list[GazEntry]] = {}
    for m, opts, q in zip(mentions, options, qualifiers, strict=True):
        if q and not any(_contains(q, o) for o in opts):
            named.setdefault(normalize(m.lookup or m.text), []).extend(
                t for t in gaz.small_towns(m.lookup or m.text) if _contains(q, t))
    for m, opts in zip(mentions, options, strict=True):
        opts += [t for t in named.get(normalize(m.lookup or m.text), []) if t not in opts]
    chosen: list[GazEntry | None] = [_best(m, opts, gaz, None, q, []) for m, opts, q in
                                     zip(mentions, options, qualifiers, strict=True)]
    for _ in range(2):
        context = _Context.of(mentions, chosen)
        chosen = [_best(m, opts, gaz, context, q, _list_kinds(index, mentions, chosen, doc_text))
                  for index, (m, opts, q) in enumerate(zip(mentions, options, qualifiers, strict=True))]
    context = _Context.of(mentions, chosen)
    places: list[Place] = []
    for mention, entry in zip(mentions, chosen, strict=True):
        if entry is not None and (entry.population >= gaz.min_city_population or entry.feature != "city" or
                                  _supported(entry, context)):
            places.append(_place(mention, entry, gaz))
    return places


# "Washington state", "the state of Washington", "Kunduz province": words outside the entity that name its kind.
_AREA_AFTER = re.compile(rf"\s+(?:{'|'.join(AREA_WORDS)})\b"
                         r"(?![\s-]*(?:media|television|tv|radio|run|owned|news|broadcaster|agency|visit|funeral))",
                         re.IGNORECASE)
_AREA_BEFORE = re.compile(rf"\b(?:{'|'.join(AREA_WORDS)}) of\s+$", re.IGNORECASE)


def _options(mention: Mention, gaz: Gazetteer, text: str) -> list[GazEntry]:
    """The candidates of a mention. A building or facility (FAC: "the White House") is a place only under its own
    name: an alternate name of a town ("White House" is a translation of Casablanca's) is a coincidence. A name
    followed by "state" or "province", or after "the state of", is the area when there is one."""
    # A state's AP abbreviation ("Kan.", "Fla.") is the state, not a foreign town's short name ("Kan", "Flå").
    name = mention.lookup or mention.text
    state = gaz.state_abbreviation(name) if "." in name else None
    found = [state] if state is not None else \
        gaz.candidates(name) or gaz.area_candidates(name) or _state_option(mention, gaz)
    if mention.label == "FAC":
        found = [entry for entry in found if gaz.is_exact(mention.text, entry)]
    if _AREA_AFTER.match(text, mention.end) or _AREA_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        found = [entry for entry in found if entry.feature in ("admin1", "admin2")] or found
    return found


@dataclass
class _Context:
    countries: Counter[str]
    admins: dict[str, tuple[str, str]]  # normalised name -> (country, first-level area code) of its resolution
    points: dict[str, tuple[float, float]]  # normalised name -> coordinates of its first-pass resolution
    # Derived once, so that scoring a candidate costs the same however many places the article names: the
    # number of country votes, the names per first-level area, and the points by cube of NEAR_KM on a side.
    total: int = 0
    areas: Counter[tuple[str, str]] = field(default_factory=Counter)
    grid: dict[tuple[int, int, int], list[tuple[str, float, float]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.total = sum(self.countries.values())
        self.areas = Counter(self.admins.values())
        for name, (lat, lon) in self.points.items():
            self.grid.setdefault(_cube(lat, lon), []).append((name, lat, lon))

    @classmethod
    def of(cls, mentions: list[Mention], chosen: list[GazEntry | None]) -> _Context:
        countries: Counter[str] = Counter()
        admins: dict[str, tuple[str, str]] = {}
        points: dict[str, tuple[float, float]] = {}
        seen: set[str] = set()
        for mention, entry in zip(mentions, chosen, strict=True):
            key = normalize(mention.text)
            if entry is None or key in seen:
                continue  # one vote per name: a city named ten times is not ten pieces of evidence
            seen.add(key)
            if entry.country:
                countries[entry.country] += 1
            if entry.country and entry.admin1_code and entry.feature in ("city", "admin1", "admin2"):
                admins[key] = (entry.country, entry.admin1_code)
            if entry.lat is not None and entry.lon is not None and entry.feature in ("city", "admin1", "admin2"):
                points[key] = (entry.lat, entry.lon)
        return cls(countries, admins, points)

    def same_area(self, entry: GazEntry, key: str) -> int:
        """How many of the article's other place names resolved inside the candidate's first-level area."""
        if not entry.country or not entry.admin1_code:
            return 0
        area = (entry.country, entry.admin1_code)
        return self.areas[area] - (1 if self.admins.get(key) == area else 0)

    def near(self, lat: float, lon: float, key: str) -> bool:
        """Whether another place name of the article (not `key`) resolved within NEAR_KM of the point. A point
        that near lies in the same cube or a neighbouring one (a chord is never longer than its arc)."""
        x, y, z = _cube(lat, lon)
        return any(name != key and km(lat, lon, other_lat, other_lon) < NEAR_KM
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
                   for name, other_lat, other_lon in self.grid.get((x + dx, y + dy, z + dz), ()))


def _cube(lat: float, lon: float) -> tuple[int, int, int]:
    """The cube of NEAR_KM on a side holding a point of the Earth's surface (in kilometres from its centre)."""
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.floor(6371.0 * math.cos(phi) * math.cos(lam) / NEAR_KM),
            math.floor(6371.0 * math.cos(phi) * math.sin(lam) / NEAR_KM),
            math.floor(6371.0 * math.sin(phi) / NEAR_KM))


def _best(mention: Mention, options: list[GazEntry], gaz: Gazetteer, context: _Context | None,
          qualifier: list[GazEntry] | None, kinds: list[str]) -> GazEntry | None:
    """The best-scoring candidate; `qualifier` is what `_qualifier` found, `kinds` what `_list_kinds` did."""
    if not options:
        return None
    key = normalize(mention.text)
    best, best_score = None, -math.inf
    for entry in options:
        score = math.log10(entry.population + 10)
        if not gaz.is_exact(mention.lookup or mention.text, entry, respelled=True):
            score -= 2.5  # an alternate name ("Mashhad" is also called "Alexandria" somewhere) is weak evidence
        if entry.feature == "country":
            score += COUNTRY_BONUS
        if entry.feature == "city" and gaz.capital_of.get(entry.country or "") == entry:
            # A national capital is what its bare name means in news ("Washington", not the state) unless the
            # context says otherwise (a list of states, the state's towns).
            score += CAPITAL_BONUS
        if qualifier is not None and _contains(qualifier, entry):
            score += 6.0
        if entry.feature == "city" and any(_contains([area], entry) and (
                entry.population >= 1_000_000 or 2 * entry.population >= area.population)
                for area in options if area.feature in ("admin1", "admin2")):
            # A metropolis, or a town holding most of the area's people, inside the area of the same name is what
            # the bare name usually means in news ("New York", "Kunduz"): the area is written "the state of ...",
            # "... province". Where the town is a small part of its area ("Quebec"), the bare name is the area.
            score += 4.0
        if context is not None:
            score += _context_score(entry, key, context)
        # A name in a list of places of one kind is of that kind too ("Michigan, Oregon and Ohio": states).
        score += LIST_WEIGHT * sum(1 for kind in kinds if kind == entry.feature)
        if score > best_score:
            best, best_score = entry, score
    return best


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&)\s*")


def _list_kinds(index: int, mentions: list[Mention], chosen: list[GazEntry | None], text: str) -> list[str]:
    """The resolved kinds (city, admin1, country) of the places listed right before and after mention `index`,
    joined by a comma, "and" or "or"; a "city, state" pair is a qualifier, not a list, and is left out."""
    own = chosen[index] if chosen else None
    kinds: list[str] = []
    for other in (index - 1, index + 1):
        neighbour = chosen[other] if 0 <= other < len(mentions) else None
        if own is None or neighbour is None:
            continue
        first, second = sorted(((mentions[index], own), (mentions[other], neighbour)), key=lambda p: p[0].start)
        gap = text[first[0].end:second[0].start]
        if not _LIST_GAP.fullmatch(gap):
            continue
        if gap.strip() == "," and first[1].feature == "city" and second[1].feature in ("admin1", "admin2", "country"):
            continue  # "Portland, Oregon": a town and its area, not a list
        kinds.append(neighbour.feature)
    return kinds


def _supported(entry: GazEntry, context: _Context) -> bool:
    """A town of under 15,000 people (a name no larger place has) is kept only in a country where the article
    has another place: alone, the name is more often something else (a person, a building) or a namesake."""
    return bool(entry.country and context.countries[entry.country] > 1)


def _context_score(entry: GazEntry, key: str, context: _Context) -> float:
    score = 0.0
    total = context.total - (1 if entry.country in context.countries else 0)
    if entry.country and total > 0:
        # The share of the article's other places in the candidate's country (its own vote left out).
        share = (context.countries[entry.country] - 1 if context.countries[entry.country] else 0) / total
        score += SHARE_WEIGHT * max(share, 0.0)
    if entry.country and entry.admin1_code and entry.feature in ("city", "admin1", "admin2"):
        # Other places in the same first-level area: evidence for a town or county there, and for the area itself.
        score += 1.0 * min(context.same_area(entry, key), 2)
    if entry.lat is not None and entry.lon is not None and entry.feature in ("city", "admin2") and \
            context.near(entry.lat, entry.lon, key):
        score += 1.5
    return score


_COMMA_GAP = re.compile(r"(\s*),\s*")


def _following(index: int, mentions: list[Mention], text: str, ordered: bool) -> Mention | None:
    """The first mention (in list order) written right after mention `index` and a comma, if any; `ordered`: the
    mentions are sorted by start."""
    mention = mentions[index]
    gap = _COMMA_GAP.match(text, mention.end)
    if gap is None:
        return None
    # The gap is "whitespace, a comma, whitespace": a mention there starts after the comma and by the gap's end.
    # In text order (find_places sorts them) the search starts at the next mention and stops past the gap, so
    # that a long article costs no scan of all its mentions per mention; out of order, all are looked at.
    lo, hi = gap.end(1) + 1, gap.end()
    for i in range(index + 1 if ordered else 0, len(mentions)):
        other = mentions[i]
        if lo <= other.start <= hi:
            return other
        if ordered and other.start > hi:
            break
    return None


def _qualifier(mention: Mention, following: Mention | None, text: str, gaz: Gazetteer) -> list[GazEntry] | None:
    """The candidates of a place written right after this one and a comma (`following`: "Alexandria, Louisiana"),
    or of a US state's postal or AP abbreviation there ("Athens, Ga.", "Paris, TX")."""
    match = _STATE_ABBREVIATION.match(text, mention.end)
    if match is not None and (state := gaz.state_abbreviation(match.group(1))) is not None:
        return [state]
    if following is not None:
        return [c for c in gaz.candidates(following.text) if c.feature in ("country", "admin1", "admin2")]
    return None


def _state_option(mention: Mention, gaz: Gazetteer) -> list[GazEntry]:
    """A US state's abbreviation ("Ga.", "TX") names the state (it is only a mention after a place and a comma)."""
    state = gaz.state_abbreviation(mention.text)
    return [state] if state is not None else []


def _contains(areas: list[GazEntry], entry: GazEntry) -> bool:
    for area in areas:
        if area.feature == "admin2" and entry.feature == "city" and area.country == entry.country and \
                area.lat is not None and area.lon is not None and entry.lat is not None and entry.lon is not None \
                and km(area.lat, area.lon, entry.lat, entry.lon) <= COUNTY_RADIUS_KM:
            return True  # the table gives a county a centre, not a boundary
        if area.feature == "country" and area.country == entry.country and entry.feature != "country":
            return True
        if area.feature == "admin1" and area.country == entry.country and area.admin1_code == entry.admin1_code \
                and entry.feature in ("city", "admin2"):
            return True
    return False


def _place(mention: Mention, entry: GazEntry, gaz: Gazetteer) -> Place:
    admin1 = entry.admin1
    if admin1 is None and entry.country and entry.admin1_code:
        admin1 = gaz.area_names.get((entry.country, entry.admin1_code))
    # The output contract has no county kind: a county is "other", with its nation or province as admin1.
    feature = "other" if entry.feature == "admin2" else entry.feature
    return Place(text=mention.text, start=mention.start, end=mention.end, name=entry.name, country=entry.country,
                 admin1=admin1, feature=feature,
                 lat=None if entry.lat is None else round(entry.lat, 5),
                 lon=None if entry.lon is None else round(entry.lon, 5),
                 geonames_id=entry.geonames_id if entry.geonames_id > 0 else None)


def dateline_places(doc: Doc, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """The place opening each dateline span of the article ("KABUL, Aug 15 (Sample Wire) --")."""
    article = doc._.article
    out: list[Mention] = []
    for span in getattr(article, "boilerplate", None) or []:
        if span.kind != "dateline":
            continue
        text = article.text[span.start:span.end]
        match = _DATELINE_NAME.match(text)
        if match is None:
            continue
        name = match.group(1).strip()
        if gaz.candidates(name):
            start = span.start + match.start(1)
            out.append(Mention(name, start, start + len(name)))
    return out


def state_abbreviations(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A US state's abbreviation qualifying a place ("Athens, Ga.") is a toponym too: the state."""
    out: list[Mention] = []
    for mention in mentions:
        match = _STATE_ABBREVIATION.match(text, mention.end)
        if match is not None and gaz.state_abbreviation(match.group(1)) is not None:
            name = match.group(1).rstrip()
            out.append(Mention(name, match.start(1), match.start(1) + len(name)))
    return out


def find_places(doc: Doc, gaz: Gazetteer | None = None) -> list[Place]:
    """``doc._.places``: mentions found, metonyms dropped, candidates resolved together, datelines included."""
    gaz = gaz or gazetteer()
    mentions = find_mentions(doc, gaz)
    whole = doc_text(doc)
    cues = [Mention(whole[start:end], start, end, None if span is None else span.root, lookup=name)
            for start, end, span, name in cue_mentions(doc, whole, gaz)]
    # A cue's name replaces a mention the gazetteer cannot read ("Greenbrier-Pocahontas County",
    # "Northeast Georgia") and gives way to any other, except a county of a list ("Fairfield" in "Knox and
    # Fairfield counties" is the county, whatever the tagger made of it).
    mentions = [m for m in mentions if not any(c.start < m.end and m.start < c.end and
                                               (c.lookup != c.text or not has_candidates(m.text, gaz)) for c in cues)]
    mentions += [c for c in cues if not any(o.start < c.end and c.start < o.end for o in mentions)]
    mentions += [m for m in dateline_places(doc, gaz, mentions)
                 if not any(o.start < m.end and m.start < o.end for o in mentions)]
    text = whole if doc._.article is None else doc._.article.text
    mentions += [m for m in state_abbreviations(text, mentions, gaz)
                 if not any(o.start < m.end and m.start < o.end for o in mentions)]
    mentions.sort(key=lambda m: m.start)
    return resolve_mentions(text, mentions, gaz)


class PlaceFinder(Stage):
    """The ``eventwire_places`` component."""

    def process(self, doc: Doc) -> None:
        doc._.places = find_places(doc)


@Language.factory("eventwire_places", assigns=["doc._.places"], requires=["doc._.kb", "doc.ents", "token.dep"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    gazetteer()  # build the indexes at load time, not inside the first article
    return PlaceFinder(name)
