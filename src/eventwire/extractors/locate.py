"""Where an event happened: a place of ``doc._.places`` attached to the event's trigger in the parse.

`Locator.locate` (called by the event coder when it builds an event; `event_location` for one event) gives
the event's ``location``, the first of:

1. a place among the trigger's own words or modifiers ("the Kabul bombing"), or the direct object of a verb of
   taking, striking, entering or leaving ground ("attacked Pul-i-Khumri", ``vocab/territory.csv``);
2. a place in a prepositional phrase of the trigger words, of their object, or of a nominal trigger
   ("fighting in Kabul", "the capture of Kunduz", "withdrawal from Afghanistan", "negotiations in Doha"), or an
   "in/at/near" phrase of a relative clause telling of a nominal trigger ("the talks, which opened in Doha"), or
   one the parser hung on whom the trigger is with ("talks between the rebels and the army in Nairobi");
3. a place "in/at/near ..." attached to the clauses the trigger hangs from, climbing light verbs, coordination and
   control ("In Kabul, the embassy issued a statement condemning ...") but never from reported content up to the
   reporting verb ("said in Washington that rebels attacked" does not put the attack in Washington), except for
   verbal acts (quad classes 1 and 3), which happen where they are spoken;
4. the dateline's place;
5. else None: other places in the sentence are not where the event happened.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire import vocab
from eventwire.types import Place

# Prepositions that put a place next to an event noun or verb, and the narrower set that locates a whole clause.
_TRIGGER_PREPS = vocab.words("preposition", role="trigger_place")
_CLAUSE_PREPS = vocab.words("preposition", role="clause_place")
# Whom a trigger is with: a place the parser hung on them ("talks between the rebels and the army in Nairobi").
_WITH_PREPS = vocab.words("preposition", role="recipient") | vocab.words("preposition", role="noun_recipient")
# Verbs whose direct object, when it is a place, is where the act happened ("captured Kunduz").
_PLACE_OBJECT_VERBS = vocab.words("territory", role="place_object")
_CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "relcl", "dobj", "attr", "pobj", "prep", "pcomp", "appos", "nsubj",
               "nsubjpass", "npadvmod", "oprd", "ccomp", "parataxis"}


def event_location(doc: Doc, trigger_start: int, trigger_end: int, verbal: bool, places: list[Place]) -> Place | None:
    """Where the event whose trigger is [trigger_start, trigger_end) happened (see the module docstring), or None.
    `verbal`: a verbal act (quad class 1 or 3), which happens where it is spoken. For many events of one article,
    build the `Locator` once instead."""
    return Locator(doc, places).locate(trigger_start, trigger_end, verbal)


def _places_by_token(doc: Doc, places: list[Place]) -> dict[int, Place]:
    by_token: dict[int, Place] = {}
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                by_token.setdefault(token.i, place)
    return by_token


class Locator:
    """`event_location` for every event of one article: the places by token and the dateline's place are found
    once per article, not once per event."""

    def __init__(self, doc: Doc, places: list[Place]) -> None:
        self.doc = doc
        self.by_token = _places_by_token(doc, places)
        self.dateline = _dateline_place(doc, places)

    def locate(self, trigger_start: int, trigger_end: int, verbal: bool) -> Place | None:
        return _located(self.doc, trigger_start, trigger_end, verbal, self.by_token, self.dateline)


def _located(doc: Doc, trigger_start: int, trigger_end: int, verbal: bool, by_token: dict[int, Place],
             dateline: Place | None) -> Place | None:
    trigger = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if trigger is not None and by_token:
        # A verbal act (a demand, an accusation) happens where it is spoken, so its place may be the
        # reporting clause's ("In New York, the envoy said ... and called on ...").
        found = _trigger_place(trigger, by_token, verbal=verbal)
        if found is not None:
            return found
    return dateline


def _trigger_place(trigger: Span, by_token: dict[int, Place], verbal: bool = False) -> Place | None:
    words = list(trigger)
    # 1. The trigger's own words or their modifiers: "the Kabul bombing".
    for token in words:
        for tok in [token, *(c for c in token.lefts if c.dep_ in ("compound", "nmod", "poss", "amod"))]:
            # A country modifying the trigger is its actor ("the US withdrawal"), a city its scene.
            if tok.i in by_token and by_token[tok.i].feature != "country":
                return by_token[tok.i]
    # 1b. The place a verb of taking, striking, entering or leaving ground acts on: "attacked Pul-i-Khumri".
    for token in (t for t in words if t.lemma_.lower() in _PLACE_OBJECT_VERBS):
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            for cand in (obj, *(c for c in obj.children if c.dep_ == "conj")):
                if cand.i in by_token:
                    return by_token[cand.i]
    # 2. A prepositional phrase of the trigger words, their objects, or of what hangs off a nominal trigger.
    heads = words + [c for t in words for c in t.children if c.dep_ in ("dobj", "attr", "npadvmod") and c not in words]
    for head in heads:
        found = _prep_place(head, _TRIGGER_PREPS, by_token, depth=2 if head.pos_ in ("NOUN", "PROPN") else 1)
        if found is not None:
            return found
    # 2b. "in/at/near" in a relative clause telling of a nominal trigger: "the talks, which opened in Doha".
    for rel in (c for t in words if t.pos_ in ("NOUN", "PROPN") for c in t.children if c.dep_ == "relcl"):
        found = _prep_place(rel, _CLAUSE_PREPS, by_token, depth=1)
        if found is not None:
            return found
    # 2c. "in/at/near" hung by the parser on whom the trigger is with, or on one of them.
    for prep in (c for t in words for c in t.children if c.dep_ == "prep" and c.lower_ in _WITH_PREPS):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for party in (obj, *(c for c in obj.children if c.dep_ == "conj")):
                found = _prep_place(party, _CLAUSE_PREPS, by_token, depth=1)
                if found is not None:
                    return found
    # 3. "In Kabul, ..." on a clause the trigger hangs from.
    token = trigger.root
    for _ in range(6):
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:  # by index: `is` never holds for spaCy tokens
            break
        head = token.head
        if token.dep_ in ("ccomp", "parataxis") and not verbal:
            break
        token = head
        found = _prep_place(token, _CLAUSE_PREPS, by_token, depth=1)
        if found is None:
            # "In New York, the envoy said ...": a phrase before the subject that the parser hung on the subject
            # is still the clause's (a noun's own modifiers follow it).
            found = next((p for subj in token.children if subj.dep_ in ("nsubj", "nsubjpass")
                          if (p := _prep_place(subj, _CLAUSE_PREPS, by_token, depth=1, before=subj.i)) is not None),
                         None)
        if found is not None:
            return found
    return None


def _prep_place(head: Token, preps: frozenset[str], by_token: dict[int, Place], depth: int,
                before: int | None = None) -> Place | None:
    """A place that is the object of one of `preps` under `head` (or, with depth 2, under a noun in between);
    with `before`, only prepositions left of that token count."""
    frontier = [head]
    for _ in range(depth):
        nxt: list[Token] = []
        for tok in frontier:
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps or (before is not None and prep.i >= before):
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    for cand in [obj, *(c for c in obj.children if c.dep_ in ("compound", "conj", "appos"))]:
                        if cand.i in by_token:
                            return by_token[cand.i]
                    nxt.append(obj)
        frontier = nxt
    return None


def _dateline_place(doc: Doc, places: list[Place]) -> Place | None:
    article = doc._.article
    for span in getattr(article, "boilerplate", None) or []:
        if span.kind == "dateline":
            for place in places:
                if span.start <= place.start and place.end <= span.end:
                    return place
    return None


__all__ = ["Locator", "event_location"]
