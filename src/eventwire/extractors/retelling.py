"""One act told more than once in an article is one event; an act spoken of in general is none.

News tells an act, then comes back to it: "Biden will remove all US troops from Afghanistan ... the United
States will complete its drawdown ... as we carry out this drawdown", "the talks ... during the conversation
matters were discussed". Each return is a mention of the event already coded, not a new one. The rules, each
checked against the events of the article's earlier sentences (an article of one sentence loses nothing to
them):

- an event noun pointed back at by a demonstrative ("this drawdown", "that attack") mentions an earlier
  event of the same kind;
- an event noun owned by a pronoun or a name and given nothing new ("its drawdown", "the Taliban's
  advances": no recipient, no other place or date of its own) mentions an earlier event of the same kind by the same
  actor (same name or same country);
- an event told again with nothing new (same type and modality, no other date or place of its own, its
  actors and recipients among the earlier event's) is that event: "will remove its forces from
  Afghanistan" after "will remove all US troops from Afghanistan", or an act with no actor of a kind
  already told ("matters were discussed" after "had a telephone conversation"). Requested, hypothetical
  and negated acts are not merged this way: two conditions or two requests may well be two.

Within one sentence an act told twice with the same type, actors, recipients and modality is one event.

Not events at all: an event noun with a generic determiner ("any military takeover would prolong the
conflict", "every attack"). Not a recipient of an act other than fighting: the actor's own
forces ("remove its forces", "withdraw our troops"): what an actor moves is not whom it acts on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire import vocab
from eventwire.extractors.mentions import SECTOR_WORDS
from eventwire.types import Actor, Event

DEMONSTRATIVES = vocab.words("determiner", role="demonstrative")
GENERIC_DETERMINERS = vocab.words("determiner", role="generic")
_FORCE_SECTORS = ("MIL", "COP")
_MERGED_MODALITIES = ("asserted", "future", "historical")


def _determiner(noun: Token) -> str | None:
    return next((c.lower_ for c in noun.children if c.dep_ in ("det", "predet")), None)


def is_generic(noun: Token) -> bool:
    """Does `noun` speak of any act of its kind ("any military takeover", "every attack"), none in particular?"""
    return _determiner(noun) in GENERIC_DETERMINERS


def reference_of(noun: Token | None) -> str | None:
    """How an event noun points back at an act told before: "demonstrative" ("this drawdown"), "possessive"
    ("its drawdown", "the Taliban's advances"), or None (a new telling, as far as the noun says)."""
    if noun is None:
        return None
    if _determiner(noun) in DEMONSTRATIVES:
        return "demonstrative"
    if any(c.dep_ == "poss" for c in noun.children):
        return "possessive"
    return None


def own_forces(token: Token) -> bool:
    """Is `token` the actor's own forces, named through a possessive pronoun ("remove its forces", "pull out
    our troops")? Callers ask it of acts that are no fighting: in a hostile act "their forces" may be the
    other side's, and a build-up of one's own forces is coded with them as its target."""
    sector = SECTOR_WORDS.get(token.lower_) or SECTOR_WORDS.get(token.lemma_.lower())
    return sector in _FORCE_SECTORS and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)


def _names(actors: list[Actor]) -> set[str]:
    return {a.name for a in actors}


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _own_date(event: Event) -> str | None:
    """The date `event` names itself (not its report's nor the article's), or None."""
    return event.date.value if event.date is not None and not event.date.inferred else None


def _date_fits(later: Event, earlier: Event) -> bool:
    """Do the two events' own dates not disagree (one names none, or both name the same)?"""
    own, before = _own_date(later), _own_date(earlier)
    return own is None or before is None or own == before


def _place_fits(later: Event, earlier: Event) -> bool:
    return later.location is None or (earlier.location is not None and later.location.name == earlier.location.name)


def _same_side(later: Event, earlier: Event) -> bool:
    """Are `later`'s actors (if any) among `earlier`'s, by name or by country?"""
    if not later.actor:
        return True
    return bool(_names(later.actor) & _names(earlier.actor)) or bool(_countries(later.actor) &
                                                                        _countries(earlier.actor))


@dataclass
class _Telling:
    event: Event
    kind: str  # the lexicon's type, before PLOVER's tie-break ("drawdown" is RETREAT, announced or done)


@dataclass
class Retelling:
    """The events of one article told so far, to tell a new act from a mention of one already coded."""

    earlier: list[_Telling] = field(default_factory=list)
    sentence: list[_Telling] = field(default_factory=list)

    def next_sentence(self) -> None:
        self.earlier += self.sentence
        self.sentence = []

    def add(self, event: Event, kind: str) -> None:
        self.sentence.append(_Telling(event, kind))

    def retells(self, event: Event, kind: str, reference: str | None) -> bool:
        """Is `event` (of lexicon type `kind`; its noun's `reference_of`) a mention of an event told before?"""
        key = _key(event)
        if event.actor and any(_key(told.event) == key for told in self.sentence):
            return True
        for told in self.earlier:
            before = told.event
            if told.kind != kind:
                continue
            if reference == "demonstrative" and _date_fits(event, before):
                return True
            if reference == "possessive" and not event.recipient and _same_side(event, before) and \
                    _date_fits(event, before) and _place_fits(event, before):
                return True
            if event.type == before.type and event.modality == before.modality and \
                    event.modality in _MERGED_MODALITIES and _date_fits(event, before) and \
                    _place_fits(event, before) and _names(event.actor) <= _names(before.actor) and \
                    _names(event.recipient) <= _names(before.recipient):
                return True
        return False


def _key(event: Event) -> tuple[object, ...]:
    return (event.type, event.modality, frozenset(_names(event.actor)), frozenset(_names(event.recipient)))


__all__ = ["Retelling", "is_generic", "own_forces", "reference_of"]
