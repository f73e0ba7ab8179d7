"""The event coder: PLOVER events from the dependency parse, as a spaCy component.

For each sentence the coder finds triggers and their arguments:

1. Verbal triggers: a verb whose lemma is in the lexicon, preferring an entry whose particle,
   preposition or object is present ("call for", "lift sanctions", "strike a deal").
2. Light verbs with an event noun as object ("had a telephone conversation", "launched an attack"):
   one event, typed by the noun, its actor the light verb's subject.
3. Nominal triggers that name their actor ("the Taliban capture of Kunduz", "the US-Taliban
   agreement", "the insurgents' promise", "talks by ..."), or that are the subject of an aspectual
   verb ("the withdrawal would begin in May").
4. Control and request chains: "moved to retake" codes "retake" with the subject of "moved"; an event
   inside "called on X to agree" is coded with modality `requested`; an event verb under another
   event verb ("agreed to withdraw", "threatened to strike") is the content of the outer one and is
   not coded again; nor is an act in the condition of a threat ("threatened to strike if the attacks
   go on", "warned it would respond with force if they attacked": one THREATEN, as PLOVER codes it).

Actors are the subjects (all of them: "X and Y had a conversation" is one event with two actors); in
the passive the agent is the actor and the subject the recipient; relative pronouns take their
head noun; coordinated verbs share the subject of the first. Recipients are the object, the dative,
or the object of with/to/on/against/at/from. Modality and attribution come from eventwire.extractors.modality.
PLOVER's tie-break is applied last: a withdrawal that is still to come is CONCEDE, the withdrawal
itself RETREAT. Sentences without a trigger, and statements, give nothing; an act told again in the
article, or spoken of in general ("any takeover"), is no new event (eventwire.extractors.retelling).

Each Event is built once, whole: its actors, recipients and attribution source already carry their
clusters' canonical names (eventwire.extractors.coref), its date comes from the timexes
(eventwire.extractors.dating) and its location from the places (eventwire.extractors.places); no later
stage changes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire import ontology, vocab
from eventwire.extractors.context_country import placed_by_sentence
from eventwire.extractors.coref import actors_from, canonical_actor
from eventwire.extractors.dating import date_event, token_timexes
from eventwire.extractors.event_arguments import (
    PLAN_NOUNS,
    STATIVE_PASSIVES,
    agent_of,
    complement_recipients,
    is_actorish,
    keeps_peace,
    members_of,
    noun_modifier_actors,
    noun_recipients,
    subjects_of,
    verb_recipients,
)
from eventwire.extractors.event_parts import as_mention, distinct, quote_attribution, trimmed_sentence
from eventwire.extractors.lexicon import Entry, Lexicon, load_lexicon
from eventwire.extractors.locate import Locator
from eventwire.extractors.mentions import (
    PLACE_NOUNS,
    SECTOR_WORDS,
    STATEMENT_NOUNS,
    entity_of,
    is_place,
    split_hyphen_pair,
)
from eventwire.extractors.modality import (
    REQUEST_VERBS,
    SPEECH_VERBS,
    attribution_of,
    condition_of,
    condition_subjects,
    deliberated,
    is_conjunction,
    is_intent,
    is_offer,
    is_refusal,
    is_ultimatum,
    modality_of,
    obligation_of,
    preparation_of,
    warned_own_act,
    warns_if,
)
from eventwire.extractors.retelling import Retelling, is_generic, own_forces, reference_of
from eventwire.extractors.roles import dated, role_day
from eventwire.models.review import Reviewer, load_classifier
from eventwire.nlp.extensions import doc_text, published_date
from eventwire.nlp.stage import Stage
from eventwire.ontology.tiebreaks import (
    CONSIDERED,
    PEACEKEEPING,
    RALLY,
    announced,
    promised,
    protested,
    readied,
    refused,
    ultimatum,
)
from eventwire.types import Actor, Attribution, Event, Timex
from eventwire.types import Span as TextSpan

LIGHT_VERBS = vocab.words("light", role="light")
ASPECTUAL_VERBS = vocab.words("light", role="aspectual")
# Event types whose recipient, when the verb has none, is the target of its complement or purpose clause
# ("threatened to break relations with Russia", "went on strike to demand the resignation of the minister").
_COMPLEMENT_TYPES = ("REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE", "PROTEST")
# Event verbs whose complement is their content, not a second event.
_CONTENT_TYPES = {"AGREE", "THREATEN", "REJECT", "SUPPORT", "ACCUSE"}
_NOT_RELEASED = vocab.words("statement")  # statements and documents: released, never freed
# Places (vocab/thing.csv) and the things held that an occupying verb takes ("seize power", "take control").
_PLACE_NOUNS = PLACE_NOUNS | {"base", "airport", "control", "power", "crossing", "building", "compound", "ship",
                              "vessel", "tanker", "hill", "port", "airfield", "headquarters", "palace", "checkpoint",
                              "road", "highway", "bridge", "outpost", "post", "position", "positions", "land",
                              "island", "camp", "station", "field", "oilfield", "facility", "plant", "prison",
                              "refinery", "pipeline", "mine"}
_OCCUPY_VERBS = vocab.words("territory", role="taking")
_PROTEST_VERBS = {"demonstrate", "rally", "march"}
# Verbs of travel whose purpose ("for talks") names the meeting their subject travels to.
_TRAVEL_VERBS = vocab.words("action", role="travel")
_PROTESTERS = vocab.words("actor", role="protester")
# Verbs of joining forces against someone: a call to do so rallies opposition (CAMEO 113).
_RALLYING = vocab.words("action", role="rallying")


@dataclass(frozen=True)
class _Scene:
    """What every event of one article is dated and located against."""

    on: date | None
    published: str | None
    timexes: dict[int, Timex]
    places: Locator


@dataclass
class Candidate:
    entry: Entry
    head: Token                 # the token whose clause carries the arguments (a verb, or the noun)
    tokens: list[Token]         # trigger words (contiguous span from min to max)
    nominal: bool = False
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    extra_actors: list[Actor] = field(default_factory=list)
    requested_by: Token | None = None


def _rallied_against(cand: Candidate) -> tuple[set[int], list[Token]]:
    """The acts a call asks for when they are rallying against a party ("called on Arabs to unite and rally against
    Sharon", "urged his followers to mobilise against the government"), with the parties; empty when the call asks
    for something else or for a stand against a thing ("to unite against terrorism")."""
    acts = [c for c in cand.head.children if c.dep_ == "xcomp" and c.lemma_.lower() in _RALLYING]
    acts += [g for a in acts for g in a.conjuncts if g.i > a.i]
    targets = [g for a in acts for p in a.children if p.dep_ == "prep" and p.lower_ == "against"
               for g in p.children if g.dep_ == "pobj" and is_actorish(g)]
    return ({a.i for a in acts} if targets else set()), targets


def _by_protesters(cand: Candidate) -> bool:
    """Is the act done by protesters alone ("demonstrators stormed ...", "protesters clashed with police"; not
    "clashes between police and protesters", where the state's forces are a party too)?"""
    heads = cand.actor_heads
    return bool(heads) and all(h.lemma_.lower() in _PROTESTERS or h.lower_ in _PROTESTERS for h in heads)


class EventCoder(Stage):
    """Finds events in a Doc; as the ``eventwire_events`` component it sets doc._.events."""

    def __init__(self, name: str = "eventwire_events", lexicon: Lexicon | None = None, learned: bool = False) -> None:
        super().__init__(name)
        self.lexicon = lexicon or load_lexicon()
        self.reviewer = Reviewer(load_classifier()) if learned else None  # config events.learned

    # -- triggers ----------------------------------------------------------------------------------

    def _verb_candidate(self, token: Token) -> Candidate | None:
        if token.pos_ not in ("VERB",) and not (token.pos_ == "AUX" and token.lemma_ == "have"
                                                and token.dep_ in ("ROOT", "conj")):
            return None
        if token.dep_ == "amod" or is_conjunction(token):  # "a negotiated settlement", "provided that"
            return None
        if token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
                token.head.lemma_.lower() not in PLAN_NOUNS:
            return None
        match = self.lexicon.match(token, "verb")
        lemma = self.lexicon.lemma(token, "verb", LIGHT_VERBS)
        if match is None:
            return self._light_candidate(token) if lemma in LIGHT_VERBS | _TRAVEL_VERBS else None
        if lemma in SPEECH_VERBS and match.partner is None and self._is_reporting(token, match.entry):
            return None
        if not self._guard_ok(token, match.entry, match.partner):
            return self._light_candidate(token) if lemma in LIGHT_VERBS | _TRAVEL_VERBS else None
        tokens = [token]
        if lemma in LIGHT_VERBS and match.partner is not None and match.partner.lower_ == "in":
            light = self._light_candidate(token)  # "engaged in ethnic cleansing": the noun names the act
            if light is not None:
                return light
        if lemma in LIGHT_VERBS and match.partner is not None and match.partner.dep_ == "dobj":
            qualified = self.lexicon.match(match.partner, "noun")
            if qualified is not None and qualified.partner is not None:
                # "conducted joint exercises": the object's own modifier names the act more closely than the
                # verb's row for the bare object ("conducted exercises": a mobilisation).
                light = self._light_candidate(token)
                if light is not None:
                    return light
        if match.partner is not None and abs(match.partner.i - token.i) <= 6:
            tokens.append(match.partner)
        elif lemma in LIGHT_VERBS:
            light = self._light_candidate(token)
            if light is not None:
                return light
        return Candidate(entry=match.entry, head=token, tokens=tokens)

    def _light_candidate(self, verb: Token) -> Candidate | None:
        if verb.lemma_.lower() == "arrive" and any(keeps_peace(s) for s in subjects_of(verb)[0]):
            return Candidate(entry=Entry("verb", "arrive", "", "AID", None, PEACEKEEPING), head=verb, tokens=[verb])
        if verb.lemma_.lower() in _TRAVEL_VERBS:  # "flew to Oslo for talks", "returned to Geneva for talks"
            for noun in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children):
                match = self.lexicon.match(noun, "noun")
                if noun.dep_ == "pobj" and match is not None and match.entry.type == "CONSULT":
                    return Candidate(entry=match.entry, head=verb, tokens=[verb, noun])
            return None
        for obj in verb.children:
            if obj.dep_ in ("dobj", "attr") and obj.pos_ in ("NOUN", "PROPN"):
                # "launched a mediation effort", "gave 5 million dollars of aid": the event noun may
                # modify the object or follow it with "of".
                inner = [obj] + [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
                inner += [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                          if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                for noun in inner:
                    match = self.lexicon.match(noun, "noun")
                    if match is not None:
                        return Candidate(entry=match.entry, head=verb, tokens=[verb, obj, noun])
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            # "engaged in ethnic cleansing", "took part in the protests": the act the subject joins in.
            for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
                match = self.lexicon.match(noun, "noun")
                if match is not None:
                    return Candidate(entry=match.entry, head=verb, tokens=[verb, prep, noun])
        return None

    def _is_reporting(self, verb: Token, entry: Entry) -> bool:
        """A speech-act verb used to report words, not as an act ("acknowledged that ...")."""
        has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
        has_clause = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
        if entry.type == "ACCUSE":
            return False  # "alleged that soldiers detained ...": the allegation is the act, its clause the content
        if entry.type == "THREATEN":
            # "warned that X will struggle" is a forecast; "warned the Taliban of a response if ..." a threat.
            if entry.lemma == "threaten" or warns_if(verb):
                return False
            own = warned_own_act(verb)
            if own is not None and self.lexicon.match(own, "verb") is None:
                return False  # "warned it would respond firmly": the warner's own act, one the lexicon has no word for
            preps = any(c.dep_ == "prep" and c.lower_ in ("of", "against") for c in verb.children)
            return not (has_object or preps)
        return has_clause and not has_object

    def _guard_ok(self, verb: Token, entry: Entry, partner: Token | None) -> bool:
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma == "leave" and not entry.with_word:
            # "leave Afghanistan", "will leave": a departure; "leave it to X", "left them dead", "the only
            # place left", "was left behind", "leaves Kabul as the last city": not one. Someone must leave.
            if any(c.dep_ in ("xcomp", "ccomp", "oprd", "prt", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "as")
                   for c in verb.children) or verb.dep_ in ("acl", "amod"):
                return False
            subjects, _passive = subjects_of(verb)
            if not any(is_actorish(s) and s.lower_ not in ("who", "that", "which") and
                       SECTOR_WORDS.get(s.lower_) != "CVL" for s in subjects):
                return False
            for obj in objects:
                ent = entity_of(obj)
                place = ent is not None and ent.label_ in ("GPE", "LOC", "FAC") and obj.pos_ != "PRON"
                if not place and obj.lemma_.lower() not in ("country", "city", "base", "airport", "capital", "region"):
                    return False
        held = objects + [c for c in verb.children if c.dep_ == "nsubjpass"]  # "prisoners were released"
        if lemma in ("release", "free", "return") and not entry.with_word and (
                not held or any(o.lemma_.lower() in _NOT_RELEASED for o in held)):
            return False  # releasing someone or something held, not "released a statement"
        if lemma in ("support", "back", "welcome", "acknowledge", "recognize", "recognise", "appreciate") and \
                not objects and not any(c.dep_ == "prep" for c in verb.children):
            return False
        met_with = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
        if lemma == "meet" and not entry.with_word and (any(c.dep_ == "auxpass" for c in verb.children) or any(
                g.dep_ == "pobj" and not is_actorish(g) for g in met_with)):
            return False  # "was met with force", "met with resistance": no meeting
        if lemma == "order" and not entry.with_word and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            return False  # an order is a demand that something be done ("ordered X to appear")
        if lemma == "hand" and any(o.lemma_.lower() in _NOT_RELEASED | STATEMENT_NOUNS for o in objects):
            return False
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in STATEMENT_NOUNS:
            return False  # "a letter handed over to the UN": the document, not an act
        if lemma in _PROTEST_VERBS and objects:  # "they demonstrate wanton disregard": showing, not protesting
            return False
        asks = objects or any(c.dep_ in ("dative", "xcomp") or (c.dep_ == "prep" and c.lower_ == "for") or
                              (c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
                              for c in verb.children)
        if lemma == "ask" and (not asks or any(o.tag_ in ("WP", "WDT", "WRB") for o in objects)):
            return False  # "when asked about ...", "asking what happens": questions, not requests
        if lemma in _OCCUPY_VERBS and not entry.with_word:
            # "seize the opportunity" is no assault: the object must be a place, a thing held, or people.
            for obj in objects:
                ent = entity_of(obj)
                placeish = (ent is not None and ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")) or \
                    obj.lemma_.lower() in _PLACE_NOUNS or obj.lower_ in _PLACE_NOUNS or is_actorish(obj) or \
                    any(p.start <= obj.idx < p.end for p in verb.doc._.places or [])  # "captured Mazar-i-Sharif"
                if not placeish:
                    return False
        return True

    def _noun_candidate(self, noun: Token, used: set[int]) -> Candidate | None:
        if noun.i in used or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        ent = entity_of(noun)
        if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "NORP"):
            return None  # "the Northern Provinces Aid Collective": a word of a name, not an event
        match = self.lexicon.match(noun, "noun")
        if match is None:
            return None
        actors = noun_modifier_actors(noun)
        pair: list[Actor] = []
        for child in noun.lefts:
            if child.dep_ in ("compound", "nmod", "amod"):
                pair = split_hyphen_pair(child, None) or pair
        aspectual = noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in ASPECTUAL_VERBS
        # A named actor alone ("the Taliban's advances") is often a reference back to an event told
        # before; an actor plus what, where or when it was done ("the Taliban capture on Sunday of
        # Kunduz") reports one.
        anchored = bool(noun_recipients(noun)) or any(
            c.dep_ in ("prep", "acl", "npadvmod") or (c.dep_ in ("compound", "nummod") and c.ent_type_ == "DATE")
            for c in noun.children if c.i > noun.i or c.ent_type_ == "DATE")
        if not (pair or aspectual or (actors and anchored)):
            return None
        tokens = [noun] + ([match.partner] if match.partner is not None else [])
        cand = Candidate(entry=match.entry, head=noun, tokens=tokens, nominal=True, actor_heads=actors)
        cand.extra_actors = pair
        return cand

    # -- arguments ---------------------------------------------------------------------------------

    def _arguments(self, cand: Candidate) -> None:
        if cand.nominal:
            cand.recipient_heads = noun_recipients(cand.head)
            return
        verb = cand.head
        partner = next((t for t in cand.tokens if t is not verb), None)
        subjects, passive = subjects_of(verb)
        if verb.dep_ == "relcl" and subjects and subjects[0].lower_ in ("who", "which", "that"):
            subjects = [verb.head]
        subjects = [s for s in (members_of(s) for s in subjects) if is_actorish(s)]
        if passive and verb.lemma_.lower() in STATIVE_PASSIVES and not agent_of(verb):
            passive = False  # "Israel is opposed to ...", "Vietnam is committed to ...": a stance of the subject
        if passive:
            cand.actor_heads = [a for a in agent_of(verb) if is_actorish(a)]
            cand.recipient_heads = subjects
            if verb.dep_ == "relcl":
                cand.recipient_heads = [verb.head]
        else:
            cand.actor_heads = subjects
            if partner is not None and partner.pos_ in ("NOUN", "PROPN") and partner.dep_ in ("dobj", "attr") \
                    and cand.entry.pos == "noun":
                cand.recipient_heads = noun_recipients(partner) or verb_recipients(verb, partner)
                if not cand.actor_heads:  # "complete the US military withdrawal": the noun names its actor
                    cand.actor_heads = noun_modifier_actors(partner)
            else:
                cand.recipient_heads = verb_recipients(verb, partner)
            if not cand.recipient_heads and cand.entry.type in _COMPLEMENT_TYPES:
                cand.recipient_heads = complement_recipients(verb)
            if not cand.recipient_heads and cand.entry.type == "THREATEN":
                cand.recipient_heads = [s for s in condition_subjects(verb) if is_actorish(s)]
        quad = ontology.quad_class(cand.entry.cameo, cand.entry.type)
        cand.recipient_heads = [r for r in cand.recipient_heads
                                if r not in cand.actor_heads and not (quad in (1, 2) and own_forces(r))]
        if quad in (2, 4):
            # "took control of Herat", "shelled the town": a place a material act is done to or at is where it
            # happened, not whom it was done to (a country the knowledge base knows stays the target).
            cand.recipient_heads = [r for r in cand.recipient_heads if not is_place(r)]

    # -- the component -----------------------------------------------------------------------------

    def candidates(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        used: set[int] = set()
        for token in sent:
            cand = self._verb_candidate(token)
            if cand is not None:
                found.append(cand)
                used.update(t.i for t in cand.tokens)
        for token in sent:
            cand = self._noun_candidate(token, used)
            if cand is not None:
                found.append(cand)
                used.add(token.i)
        for token in sent:
            # "Russia said that Sudan must return the helicopter": a demand, whether or not the
            # demanded act is in the lexicon.
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
                for clause in token.children:
                    if clause.dep_ == "ccomp" and obligation_of(clause) and clause.i not in used:
                        entry = Entry("verb", token.lemma_.lower(), "", "REQUEST", None, "100")
                        cand = Candidate(entry=entry, head=token, tokens=[token])
                        cand.recipient_heads = [s for s in clause.children if s.dep_ == "nsubj"]
                        found.append(cand)
                        used.add(token.i)
                        for inner in [c for c in found if c.head.i in {t.i for t in clause.subtree}]:
                            found.remove(inner)
        by_head = {c.head.i: c for c in found if not c.nominal}
        threats = {c.head.i for c in found if c.entry.type == "THREATEN" and not c.nominal}
        kept: list[Candidate] = []
        for cand in found:
            if cand.nominal and is_generic(cand.head):
                continue  # "any military takeover would prolong the conflict": no act is told
            condition = condition_of(cand.head)
            if condition is not None and any(t.i in threats for t in condition.ancestors):
                continue  # "threatened to strike if the attacks go on": the condition is part of the one threat
            governor = cand.head.head if cand.head.dep_ in ("xcomp", "ccomp", "advcl") else None
            if cand.head.dep_ == "pcomp" and cand.head.head.dep_ == "prep":  # "accused Pakistan of sheltering"
                governor = cand.head.head.head
            clause = cand.head
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN":
                # "reiterated its demand that Israel ease ...": the content of a light verb's event noun
                governor = next((c.head for c in found if not c.nominal and clause.head in c.tokens), governor)
            outer = by_head.get(governor.i) if governor is not None else None
            first = cand.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            asker = by_head.get(first.head.i) if first is not cand.head and first.dep_ in ("xcomp", "advcl") else None
            if asker is not None and (asker.entry.type == "REQUEST" or asker.head.lemma_.lower() in REQUEST_VERBS):
                cand.requested_by = asker.head  # "called on X to agree ... and to engage in talks": both are asked
            if outer is not None and outer is not cand:
                if outer.entry.type == "REQUEST" or outer.head.lemma_.lower() in REQUEST_VERBS:
                    cand.requested_by = outer.head
                elif outer.entry.type in _CONTENT_TYPES:
                    threat = promised(cand.entry.type) if outer.entry.type == "AGREE" and \
                        modality_of(cand.head, None) != "negated" else None
                    if threat is not None:  # "vowed to attack", "swore to fight": the promise is a threat
                        outer.entry = Entry(outer.entry.pos, outer.entry.lemma, outer.entry.with_word, *threat)
                    continue
            if cand.nominal and cand.head.head.i in by_head and cand.head.dep_ == "dobj":
                outer_cand = by_head[cand.head.head.i]
                if outer_cand.entry.type == cand.entry.type:
                    continue
            kept.append(cand)
        rallies = {c.head.i: _rallied_against(c) for c in kept if c.entry.type == "REQUEST" and not c.nominal}
        rallying = {i for acts, _targets in rallies.values() for i in acts}
        kept = [c for c in kept if c.head.i not in rallying]  # "called on Arabs to unite against Sharon": one call
        for cand in kept:
            if cand.recipient_heads and cand.entry.type == "REQUEST" and cand.entry.cameo == "100" and \
                    cand.head.lemma_.lower() in SPEECH_VERBS:
                asked = cand.recipient_heads
                self._arguments(cand)
                cand.recipient_heads = [r for r in asked if is_actorish(r)]
                continue
            self._arguments(cand)
            acts, targets = rallies.get(cand.head.i, (set(), []))
            if acts and not cand.nominal:
                # The call rallies opposition against the parties named: ACCUSE (CAMEO 113).
                cand.entry = Entry(cand.entry.pos, cand.entry.lemma, cand.entry.with_word, "ACCUSE", "disapprove",
                                   RALLY)
                cand.recipient_heads = targets
        return kept

    def events(self, doc: Doc) -> list[Event]:
        article = doc._.article
        published = getattr(article, "published", None) if article is not None else None
        scene = _Scene(on=published_date(doc), published=published,
                       timexes=token_timexes(doc, list(doc._.timexes or [])),
                       places=Locator(doc, list(doc._.places or [])))
        events: list[Event] = []
        told = Retelling()  # one act told twice (in a sentence or the article) is one event, the first telling
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            told.next_sentence()
            cands = self.candidates(sent)
            found = self.reviewer.added(sent) if self.reviewer is not None and not cands else None
            if found is not None:  # the rules found nothing; the sentence classifier is sure of one event
                cands = [Candidate(entry=found[0], head=found[1], tokens=[found[1]])]
                self._arguments(cands[0])
            for cand in cands:
                event = self._event(doc, sent, cand, scene, len(events))
                if not told.retells(event, cand.entry.type, reference_of(self._event_noun(cand))):
                    told.add(event, cand.entry.type)
                    events.append(event)
        return events

    def _event_noun(self, cand: Candidate) -> Token | None:
        """The event noun of a nominal or light-verb trigger ("this drawdown" in "carry out this drawdown")."""
        if cand.nominal:
            return cand.head
        return next((t for t in cand.tokens[1:] if t.pos_ == "NOUN" and self.lexicon.match(t, "noun")), None)

    def _event(self, doc: Doc, sent: Span, cand: Candidate, scene: _Scene, ordinal: int) -> Event:
        on = scene.on
        start = min(t.idx for t in cand.tokens)
        end = max(t.idx + len(t.text) for t in cand.tokens)
        attribution, source_head = attribution_of(cand.head, on)
        if attribution is None:
            attribution = quote_attribution(doc, start, end)
        actors: list[Actor] = list(cand.extra_actors)
        for head in cand.actor_heads:
            if head.lower_ in ("we", "i", "us") and source_head is not None:
                actors += [as_mention(a, head) for a in actors_from(source_head, on)]
                continue
            actors += actors_from(head, on)
        recipients: list[Actor] = []
        for head in cand.recipient_heads:
            recipients += actors_from(head, on)
        actors = distinct(actors)
        recipients = [r for r in distinct(recipients) if (r.start, r.end) not in {(a.start, a.end) for a in actors}]
        modality = modality_of(cand.head, on, requested=cand.requested_by is not None)
        # An act in a condition ("unless they withdraw") is neither announced nor intended: it keeps its type.
        unconditional = condition_of(cand.head) is None
        ahead = modality in ("future", "hypothetical") and unconditional
        etype, mode, cameo = cand.entry.type, cand.entry.mode, cand.entry.cameo
        preparing = preparation_of(cand.head)
        readiness = readied(etype) if preparing is not None else None
        if preparing is not None and readiness is not None:  # "prepared to resume shelling": a show of force
            etype, mode, cameo = readiness
            told_as = modality_of(preparing, on)  # the getting ready is told as done ("prepared" is no readiness here)
            modality = told_as if told_as in ("negated", "future", "requested") else "asserted"
            ahead = False
        if ahead and is_ultimatum(cand.head):  # "will withdraw its force unless ...": a threat
            etype, mode, cameo = ultimatum(etype, mode, cameo)
        etype, mode, cameo = announced(etype, mode, cameo, ahead=ahead, intended=ahead and is_intent(cand.head),
                                       offered=ahead and is_offer(cand.head))
        rejection = refused(etype, mode, cameo) if modality == "negated" and unconditional and \
            is_refusal(cand.head) else None
        if rejection is not None and rejection[0] != etype:
            etype, mode, cameo = rejection  # "will not accept", "would not meet": REJECT
            modality = "asserted"
        if modality == "hypothetical" and deliberated(cand.head):
            cameo = CONSIDERED  # "is considering sending aid": CAMEO codes the weighing of the option
        riot = protested(etype, mode) if _by_protesters(cand) else None
        if riot is not None:  # "protesters stormed the parliament", "demonstrators blocked the border crossing"
            etype, mode, cameo = riot
        if etype == "MOBILIZE" and any(keeps_peace(t) for t in sent):  # "deployed 300 peacekeepers"
            etype, mode, cameo = "AID", None, PEACEKEEPING
        if obligation_of(cand.head) and attribution is not None and attribution.source is not None and \
                etype != "REQUEST":
            # "X said Y must ...": X demands it of Y.
            recipients = actors
            actors = [attribution.source]
            etype, mode, cameo, modality = "REQUEST", None, "100", "asserted"
        try:
            code = ontology.cameo(cameo)
            contexts = list(code.plover_contexts)
        except KeyError:
            contexts = []
        quad = ontology.quad_class(cameo, etype)
        confidence = 0.45 + (0.2 if not cand.nominal else 0.05) + (0.2 if actors else 0.0) + \
            (0.1 if recipients else 0.0)
        article = doc._.article
        when = date_event(doc, (start, end), attribution, scene.timexes, scene.published)
        day = role_day(when, on)
        actors = [dated(doc, canonical_actor(doc, a), day, on) for a in actors]
        recipients = [dated(doc, canonical_actor(doc, a), day, on) for a in recipients]
        actors, recipients = placed_by_sentence(doc, sent, actors, recipients, on,
                                                violent=etype in ("ASSAULT", "FIGHT"))
        if attribution is not None and attribution.source is not None:
            attribution.source = canonical_actor(doc, attribution.source)
        return Event(
            id=f"{article.id if article is not None else 'doc'}-{ordinal + 1}",
            type=etype, mode=mode, context=contexts, cameo=cameo, quad_class=quad,
            actor=actors, recipient=recipients,
            trigger=TextSpan(doc_text(doc)[start:end], start, end),
            sentence=trimmed_sentence(doc, sent),
            date=when,
            location=scene.places.locate(start, end, quad in (1, 3)),
            modality=modality, attribution=attribution,
            confidence=round(min(confidence, 0.95), 2),
        )

    def process(self, doc: Doc) -> None:
        doc._.events = self.events(doc)


@Language.factory("eventwire_events", assigns=["doc._.events"], default_config={"learned": False},
                  requires=["doc._.kb", "doc._.timexes", "doc._.places", "doc._.coref", "doc._.quotes",
                            "doc._.quote_speakers", "token.dep", "token.lemma"])
def make_event_coder(nlp: Language, name: str, learned: bool) -> EventCoder:
    return EventCoder(name, learned=learned)


__all__ = ["Attribution", "EventCoder", "is_actorish", "make_event_coder"]
