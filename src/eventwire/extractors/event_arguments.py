"""Who acts and who is acted on: the argument heads of an event trigger in the parse (subjects, agents, objects,
owners, the members of a collective, the modifiers of an event noun). Moved out of eventwire.extractors.events,
which codes the clause."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire import vocab
from eventwire.extractors.event_parts import np_modifiers
from eventwire.extractors.mentions import (
    SECTOR_WORDS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    entity_of,
    is_place,
    is_thing,
    kb_country,
    kb_find,
)
from eventwire.extractors.modality import (
    REQUEST_VERBS,
    SPEECH_VERBS,
    warned_own_act,
    warns_if,
)

_RECIPIENT_PREPS = vocab.words("preposition", role="recipient")
_NOUN_RECIPIENT_PREPS = vocab.words("preposition", role="noun_recipient")
# Nouns whose infinitive complement is a plan, not merely a noun's content ("plans to complete",
# "a move to retake"); the infinitive of any other noun ("the ability to fight back", "its claim to
# support", "the opportunity to address") is no event of its own.
PLAN_NOUNS = vocab.words("intent", role="plan")


def is_actorish(token: Token) -> bool:
    """Could `token` head the mention of an actor (a person, group, organisation or state)?"""
    if token.pos_ == "PRON":
        return token.lower_ in {"he", "she", "they", "we", "i", "it", "who", "which", "that", "them", "him", "her",
                                "us"}
    if is_thing(token):  # "the US-Taliban agreement", "the Doha process", "Syrian towns": things, not actors
        return False
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.lower_ in SECTOR_WORDS or token.lemma_.lower() in SECTOR_WORDS:
        return True
    if kb_find(token.doc, token.text, None):
        return True
    if token.pos_ == "PROPN" and any(m.lower_ in TITLE_WORDS for m in np_modifiers(token)):
        return True  # a titled name the parser did not tag: "Mining Minister Ana Ruiz"
    # A common noun owned by a state or people: "Israeli army bulldozers", "Moroccan diplomats", "Serbian workers".
    return token.pos_ == "NOUN" and any(_names_country(m) for m in np_modifiers(token))


# Participles that, after "be" and without a "by" agent, state the subject's own stance or engagement.
STATIVE_PASSIVES = {"oppose", "commit", "determine", "prepare", "dedicate", "resolve", "engage", "involve", "devote",
                     "poise", "incline", "dispose"}
# Nouns that count or gather the actor named after "of": "a group of Moroccan diplomats", "thousands of protesters".
_COLLECTIVE_NOUNS = {"group", "number", "crowd", "band", "team", "delegation", "contingent", "unit", "party", "host",
                     "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "some",
                     "many", "most", "all", "few", "several", "scores", "majority", "handful", "batch", "wave"}


def members_of(head: Token) -> Token:
    """The actor of a collective or counted phrase ("a group of X", "thousands of X", "200 of X"): X; else `head`."""
    if head.lemma_.lower() in _COLLECTIVE_NOUNS or head.lower_ in _COLLECTIVE_NOUNS or head.pos_ == "NUM":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                member = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if member is not None:
                    return member
    return head


def _names_country(token: Token) -> bool:
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("NORP", "GPE"):
        return True
    return kb_country(token.doc, token.text, None) is not None


def subjects_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """(subject heads, passive) of `verb`, climbing coordination, control and relative clauses."""
    if depth > 6:
        return [], False
    # The small model sometimes hangs the subject on the auxiliary ("Pakistan is opposed": Pakistan <- is).
    heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "csubj")]
    passive = [c for h in heads for c in h.children if c.dep_ == "nsubjpass"]
    if subjects:
        return subjects, False
    if passive:
        return passive, True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if head.lemma_ in ("be", "remain", "seem", "appear") and head.dep_ == "ccomp" and \
                head.head.lemma_.lower() in SPEECH_VERBS and verb.lemma_.lower() not in ("be", "remain"):
            # "Lyons said that the country was at a turning point, and called on the Council ...": an act
            # coordinated with a reported state is the reporter's own, whatever the parser attached it to.
            return subjects_of(head.head, depth + 1)
        return subjects_of(head, depth + 1)
    if verb.dep_ == "acomp" and verb.head.lemma_ in ("be", "remain", "seem", "appear", "become"):
        # "Pakistan is opposed to ...", parsed as an adjective complement: the copula's subject holds the stance.
        return subjects_of(verb.head, depth + 1)
    if verb.dep_ == "conj" and verb.head.dep_ == "prep":
        # "despite the Taliban capture of Kunduz and then breaking through ...": the coordinated act
        # shares the actor named on the event noun it is coordinated with.
        for noun in verb.head.children:
            if noun.dep_ == "pobj":
                named = noun_modifier_actors(noun)
                if named:
                    return named, False
    if verb.dep_ in ("xcomp", "advcl") and (verb.head.pos_ in ("VERB", "AUX") or verb.head.dep_ == "acomp"):
        # ... and readiness: "Chile is willing to withdraw" (withdraw <- willing <- is): the copula's subject acts.
        head = verb.head
        # Object control ("urged Pakistan to ...", "called on the Council to ..."): the object acts.
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                    for g in c.children if g.dep_ == "pobj"]
        # Only someone can be made to act: "used tear gas to disperse", "sent troops to secure": the thing
        # used is an instrument, and the user of it acts.
        objects = [o for o in objects if o.pos_ == "PRON" or is_actorish(members_of(o))]
        if verb.dep_ == "xcomp" and objects and head.lemma_.lower() not in ("promise",):
            return objects, False
        if verb.dep_ == "advcl" and head.lemma_.lower() in REQUEST_VERBS and objects and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
                any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in head.children):
            return [o for o in objects if o.dep_ == "pobj"], False  # "calls on X to eschew ...", parsed as purpose
        return subjects_of(head, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if noun.lemma_.lower() in STATEMENT_NOUNS | PLAN_NOUNS and noun.head.pos_ in ("VERB", "AUX"):
            return subjects_of(noun.head, depth + 1)
        if verb.tag_ == "VBN":  # "a city captured by the Taliban": the noun is the patient
            return [noun], True
        if verb.tag_ == "VBG" or noun.lower_ in SECTOR_WORDS or entity_of(noun) is not None:
            return [noun], False
    if verb.dep_ == "relcl":
        return [verb.head], False
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(verb.head.head, depth + 1)
    return [], False


def keeps_peace(token: Token) -> bool:
    """Does `token` (or a word of its phrase) name peacekeeping ("peacekeepers", "peacekeeping troops")?"""
    return any(t.lower_.startswith("peacekeep") for t in token.subtree)


def agent_of(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def verb_recipients(verb: Token, partner: Token | None) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c is not partner]
    found = [next((g for g in c.children if g.dep_ == "pobj"), c) if c.pos_ == "ADP" else c for c in found]  # "to X"
    if partner is not None and partner.dep_ == "mark":  # "call for the Taliban to agree": the asked
        found += [g for g in partner.head.children if g.dep_ == "nsubj"]
    if partner is not None and partner.dep_ == "prep":
        found += [g for g in partner.children if g.dep_ == "pobj"]
    if partner is not None and partner.dep_ in ("dobj",):
        found += [g for p in partner.children if p.dep_ == "prep" and p.lower_ in _NOUN_RECIPIENT_PREPS
                  for g in p.children if g.dep_ == "pobj"]
    found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS and c is not partner
              for g in c.children if g.dep_ == "pobj"]
    out: list[Token] = []
    for token in found:
        if is_actorish(token):
            out.append(token)
        else:
            # "rejected North Korea's demand", "a Senegalese peace plan": the thing acted on names its
            # owner; "cut ties with Turkey", "imposed sanctions on Iran": or whom it concerns.
            out += owners_of(token) or (noun_recipients(token) if token.dep_ == "dobj" else [])
    return out


def owners_of(noun: Token) -> list[Token]:
    """The actors that own a noun that is not an actor itself ("India's proposal", "a Senegalese plan").

    Unlike an event noun's actor (`noun_modifier_actors`), an owner is never a role adjective: "military
    aid", "a general strike" and "official contact" name no owner (measured on the PLOVER gold).
    """
    return [c for c in noun.lefts if (c.dep_ in ("poss", "compound", "nmod") and c.pos_ != "PRON" and is_actorish(c)
                                      and (c.dep_ == "poss" or not is_place(c)))  # "the Doha process": no owner
            or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))]


def complement_recipients(verb: Token) -> list[Token]:
    """Whom a demand, threat, refusal or promise is about, read from its complement clause:
    "demanded that Hamas renounce ..." -> Hamas; "threatened to break relations with Russia" -> Russia."""
    out: list[Token] = []
    for clause in verb.children:
        own = warned_own_act(verb)
        if clause.dep_ == "ccomp" and (warns_if(verb) or (own is not None and own.i == clause.i)):
            # "warned it would strike Iran if ...": the warner acts, its target is the recipient.
            out += verb_recipients(clause, None)
        elif clause.dep_ == "ccomp":
            out += [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass") and is_actorish(s)]
        if clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in clause.children)):
            out += verb_recipients(clause, None)  # the subject's own act, or its purpose: its target is the recipient
    return out


def noun_modifier_actors(noun: Token) -> list[Token]:
    """Heads of actor modifiers of an event noun: possessor, compound/nmod names, demonym and sector
    adjectives ("the rebel capture"), and the object of "by"."""
    heads: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in ("poss", "compound", "nmod") and is_actorish(child):
            if child.pos_ == "PRON":
                continue
            heads.append(child)
        elif child.dep_ == "amod" and (child.ent_type_ in ("NORP", "GPE") or
                                       SECTOR_WORDS.get(child.lower_) in ("REB", "MIL", "COP", "GOV")):
            heads.append(child)  # "American withdrawal", "rebel capture"; not "peaceful" or "political"
    heads += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
              if g.dep_ == "pobj" and is_actorish(g)]
    # "clashes between police and protesters", "talks between the two governments": both sides act.
    sides = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
             if g.dep_ == "pobj"]
    sides += [g for s in sides for g in s.conjuncts if g.i > s.i]
    return heads + [s for s in sides if is_actorish(s)]


def noun_recipients(noun: Token) -> list[Token]:
    found: list[Token] = []
    frontier = [noun]
    for _ in range(2):  # "the capture on Sunday of Kunduz": the of-phrase may hang off a nearer noun
        nxt: list[Token] = []
        for tok in frontier:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in _NOUN_RECIPIENT_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            if is_actorish(obj):
                                found.append(obj)
                            nxt.append(obj)
        frontier = nxt
    return found


__all__ = ["PLAN_NOUNS", "STATIVE_PASSIVES", "agent_of", "complement_recipients", "is_actorish", "keeps_peace",
           "members_of", "noun_modifier_actors", "noun_recipients", "owners_of", "subjects_of", "verb_recipients"]
