"""Modality and attribution of an event, read from the clause around its trigger.

Modality, first rule that applies:
- negated: the trigger (or its auxiliaries) is negated ("did not attack", "no talks", "never signed"), a
  verb of refusal governs it ("failed to agree"), or a denial says it did not happen ("denied that its troops
  shelled the town");
- requested: the event is what someone asks for ("called on the Taliban to agree"), anywhere in the asked-for
  clause ("urged X to agree and to refrain from ...");
- hypothetical: would/could/might/may, inside a conditional clause (if, unless, provided that, as long as, in
  case, "Should they attack ..."), or readiness ("on standby to provide", "ready to", "prepared to");
- future: will/shall, "going to", "is to", or a governing verb or noun of intention (plan, intend,
  expect, aim, schedule; "plans to complete the withdrawal"), or "by the end of" ahead;
- historical: the trigger's own date words name a year before the publication year ("in 2015");
- asserted otherwise.

Attribution: the reporting clause the trigger's clause hangs from ("a US official said that ...",
"Pakistan, he said, was ..."), or "according to X"; its source is the speaker.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from eventwire import vocab
from eventwire.extractors.coref import actors_from
from eventwire.extractors.mentions import SECTOR_WORDS, STATEMENT_NOUNS
from eventwire.nlp.extensions import doc_text
from eventwire.types import Attribution, Modality

SPEECH_VERBS = vocab.words("speech", role="attribution")
REQUEST_VERBS = vocab.words("speech", role="request")
_HYPOTHETICAL_AUX = vocab.words("auxiliary", role="hypothetical")
_FUTURE_AUX = vocab.words("auxiliary", role="future")
_INTENT_WORDS = vocab.words("intent", role="future")
# The mood table's columns (vocab/mood.csv), one word set each.
_READINESS, _CONDITION, _INVERSION, _REFUSAL, _PREPARATION, _DELIBERATION, _DENIAL = (
    vocab.words("mood", role=role)
    for role in ("readiness", "condition", "inversion", "refusal", "preparation", "deliberation", "denial"))
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CLAUSE_LINKS = ("xcomp", "conj", "acl", "advcl", "ccomp", "relcl", "pcomp", "dobj", "pobj", "prep", "attr",
                 "nsubj", "nsubjpass")


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass", "neg")]


def _governors(token: Token, limit: int = 6) -> list[Token]:
    """The chain of heads from `token` up to its clause's root, through control and noun links."""
    chain: list[Token] = []
    cur = token
    for _ in range(limit):
        if cur.dep_ not in _CLAUSE_LINKS or cur.head.i == cur.i:
            break
        cur = cur.head
        chain.append(cur)
        if cur.dep_ in ("ccomp", "ROOT", "parataxis"):
            break
    return chain


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    # "did not pull out": negation on the auxiliary's head is on the verb itself in spaCy's scheme.
    return any(c.lower_ in ("never",) for c in token.children if c.dep_ in ("advmod", "neg"))


def is_condition(clause: Token) -> bool:
    """Does `clause` (a verb) head a conditional clause: "if/unless they attack", "provided (that) they
    attack", "as long as they attack", "in case they attack", "Should they attack" (subject after the
    auxiliary)?"""
    for child in clause.children:
        if child.dep_ == "mark" and (child.lower_ in _CONDITION or (
                child.lower_ == "that" and child.i > 0 and child.nbor(-1).lower_ in _CONDITION)):
            return True  # "if they attack", "provided that they attack" (whatever "provided" hangs from)
        if child.dep_ == "prep" and child.lower_ == "in" and child.i < clause.i and any(
                g.dep_ == "pobj" and g.lower_ in _CONDITION for g in child.children):
            return True  # "in case the talks fail", "in the event that ...", not "stayed on alert in case of"
    head = clause.head
    if clause.dep_ in ("relcl", "acl") and head.lower_ in _CONDITION and head.dep_ == "pobj" and \
            head.head.lower_ == "in":
        return True  # "in the case the army attacked", "in the event they attack"
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if clause.dep_ in ("advcl", "pcomp", "ccomp") and head != clause and head.lower_ in _CONDITION and \
            head.dep_ in ("prep", "advmod", "mark", "advcl", "conj", "ROOT") and head.i < clause.i and \
            subjects and not any(c.dep_ in ("dobj", "dative") for c in head.children) and \
            (head.lower_ != "long" or any(c.lower_ in ("as", "so") for c in head.children)):
        return True  # "provided that they open", "as long as they attack" (the clause hangs from the word)
    # "Should they attack", "Had they attacked": the clause opens with its auxiliary, before its subject.
    first = clause.left_edge
    # The parser may take a fronted clause for a complement ("Should they shell the airport, flights would stop").
    fronted = clause.dep_ == "advcl" or (clause.dep_ == "ccomp" and clause.i < clause.head.i)
    return fronted and first.lower_ in _INVERSION and first.head == clause and \
        first.dep_ in ("aux", "auxpass") and bool(subjects) and first.i < subjects[0].i


def condition_of(token: Token) -> Token | None:
    """The conditional clause `token` stands in or is governed by ("if they attack and seize the town": both
    verbs), or None. A relative clause inside a condition says what is already so, and stops the search."""
    cur = token
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and is_condition(cur):
            return cur
        if cur.dep_ in ("relcl", "ROOT") or cur.head == cur:
            return None
        cur = cur.head
    return None


def condition_subjects(verb: Token) -> list[Token]:
    """The active subjects (not pronouns) of the conditions a threat sets, whom it is aimed at: "threatened to halt
    the talks if the United States deploys missiles", "threatened to strike unless Baghdad accepted" -> the
    United States, Baghdad. Conditions of the verb itself or of its complement clauses."""
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    return [s for clause in clauses for cond in clause.children if cond.dep_ == "advcl" and is_condition(cond)
            for s in cond.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]


def warns_if(verb: Token) -> bool:
    """Does `verb` announce what its subject will do if something happens ("warned it would respond with
    force if ...", "warned that they will strike unless ...")? Such a warning is a threat, not a report."""
    warner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp") and {c.lower_ for c in _aux(clause)} & (_FUTURE_AUX | {"would"}) and \
                _same_party(clause, warner) and \
                any(is_condition(t) for t in clause.subtree if t.pos_ in ("VERB", "AUX")):
            return True
    return False


def warned_own_act(verb: Token) -> Token | None:
    """The act the warner says it will do ("Japan warned it would respond firmly to any incursion", "the army
    warned that it would not tolerate further attacks"): the verb of a will/would complement whose subject is the
    warner or a pronoun for it. A forecast about others or things ("warned that inflation would rise", "that the
    country would face hard times") is None; so is a state ("would be", "would have to").
    """
    warner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ != "VERB" or clause.lemma_.lower() in ("have", "need"):
            continue
        if not {c.lower_ for c in _aux(clause)} & (_FUTURE_AUX | {"would"}):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in ("it", "they", "we", "i") or
                                    (warner is not None and subject.lower_ == warner.lower_)):
            return clause
    return None


_ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _same_party(clause: Token, warner: Token | None) -> bool:
    """Is the one who would act in `clause` a party (the warner, a pronoun, a named actor or a body such as "the
    police"), not a thing? A forecast of what things will do ("the IMF warned that the economy would shrink if
    ...") is no threat."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return clause.dep_ == "xcomp"
    if subject.pos_ == "PRON":
        return subject.lower_ in ("it", "they", "we", "he", "she", "i")
    # The warner's side or its forces ("the minister warned that the police would respond ..."): an actor.
    return (warner is not None and subject.lower_ == warner.lower_) or subject.ent_type_ in _ACTOR_LABELS or \
        subject.lower_ in SECTOR_WORDS or subject.lemma_.lower() in SECTOR_WORDS


def is_conjunction(token: Token) -> bool:
    """Is `token` a word of a conditional conjunction ("provided that ..."), not a verb of its own?"""
    if token.lower_ not in _CONDITION:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return not objects and (token.dep_ in ("prep", "mark", "advmod", "cc") or following == "that" or any(
        c.dep_ in ("ccomp", "pcomp", "advcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in token.children))


def requested_by(token: Token) -> Token | None:
    """The verb of asking whose asked-for clause holds `token` ("called on X to engage ... and to refrain",
    "urged X to release the hostages and open the roads"), or None."""
    cur = token
    for _ in range(6):
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "dobj", "pobj", "prep") or cur.head == cur:
            return None
        parent = cur.head
        # An infinitive of purpose ("called the president to congratulate him") asks nothing: "call" and
        # "appeal" ask only with "on/upon/for" ("called on X to ...").
        if cur.dep_ in ("xcomp", "ccomp") and parent.lemma_.lower() in REQUEST_VERBS and parent.pos_ == "VERB" and \
                (parent.lemma_.lower() not in ("call", "appeal") or
                 any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for") for c in parent.children)):
            return parent
        cur = parent
    return None


def refused(token: Token) -> bool:
    """Is `token` what its governing verb refuses or fails to do ("failed to agree", "declined to sign")?"""
    cur = token
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    return cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _REFUSAL


def denied(token: Token) -> bool:
    """Is `token` the act a denial says did not happen: "denied that its troops had shelled the town", "denied
    attacking the convoy", "denied reports that police beat protesters"?"""
    cur = token
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    if cur.dep_ == "acl" and cur.head.dep_ == "dobj":  # "denied reports that ..."
        cur = cur.head
    elif cur.dep_ not in ("ccomp", "xcomp"):
        return False
    return cur.head.pos_ == "VERB" and cur.head.lemma_.lower() in _DENIAL


def _conditional(token: Token) -> bool:
    if condition_of(token) is not None:
        return True
    cur: Token | None = token
    for _ in range(4):
        if cur is None:
            break
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in cur.children):
            return True
        if cur.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "acl"):
            break
        cur = cur.head
    return False


def _future(token: Token) -> bool:
    words = {c.lower_ for c in _aux(token)}
    if words & _FUTURE_AUX:
        return True
    # "is going to leave", "are to leave"
    if token.dep_ == "xcomp" and token.head.lemma_ in ("go", "be") and token.head.tag_ in ("VBG", "VBZ", "VBP") and \
            not any(c.dep_ in ("attr", "acomp") or c.lower_ in _READINESS for c in token.head.children):
        # "is to leave", but not "is on standby to provide"
        return token.head.lemma_ == "be" or any(c.lower_ in ("is", "are", "am", "was") for c in token.head.children)
    return False


def is_intent(head: Token) -> bool:
    """Is the event announced as intended or offered (will, would, may, plan to, ready to), rather than
    merely conditional ("if they strike")? CAMEO and PLOVER code such an announcement as an agreement
    (to cooperate) or a threat (of conflict), not as the act itself."""
    chain = [head, *_governors(head)]
    if any(_conditional(t) for t in chain[:2]):
        return False
    for token in chain[:4]:
        words = {c.lower_ for c in _aux(token)}
        if words & (_FUTURE_AUX | {"would", "may", "might"}) or _future(token):
            return True
        if token.lower_ in _READINESS or any(c.lower_ in _READINESS for c in token.children):
            return True
        if token is not head and token.lemma_.lower() in _INTENT_WORDS - {"hope", "seek", "threaten"}:
            return True
        if token.pos_ in ("VERB", "AUX") and token is not head and token.tag_ in ("VBD", "VBN") and \
                token.dep_ != "xcomp":
            break
    return False


def is_offer(head: Token) -> bool:
    """Is the act stated as a willingness or an offer ("is willing to withdraw", "ready to release", "offered to
    mediate"), which PLOVER codes AGREE, rather than as a promise or an announcement ("will withdraw")?"""
    for token in [head, *_governors(head)][:4]:
        if token.lower_ in _READINESS or any(c.lower_ in _READINESS for c in token.children if c.dep_ != "prep"):
            return True
        if token is not head and token.lemma_.lower() == "offer" and token.pos_ == "VERB":
            return True
    return False


def is_refusal(head: Token) -> bool:
    """Is the act refused in so many words: negated with a modal ("will not accept", "would not meet", "cannot
    allow")? A refusal is what happened (REJECT); an act merely not done ("did not sign", "never met", "failed
    to reach") stays the act, negated."""
    return _negated(head) and bool({c.lower_ for c in _aux(head)} & (_FUTURE_AUX | _HYPOTHETICAL_AUX))


def preparation_of(head: Token) -> Token | None:
    """The verb of getting ready that governs the act ("the army prepared to resume shelling", "troops are
    preparing to storm the town"), or None. Readiness stated ("is prepared to use force") is an offer or a threat,
    and an act in a condition is no preparation."""
    if condition_of(head) is not None:
        return None
    for token in _governors(head)[:3]:
        if token.pos_ == "VERB" and token.lemma_.lower() in _PREPARATION:
            stated = token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"
                                                 for c in token.children)
            return None if stated else token
    return None


def is_ultimatum(head: Token) -> bool:
    """Is the act announced under "unless" ("will withdraw its force unless the fighting stops")?"""
    clauses = [head, *(t for t in _governors(head)[:1] if head.dep_ == "conj")]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for clause in clauses for c in clause.children)


def obligation_of(head: Token) -> bool:
    """Is the event stated as an obligation of its subject ("Libya must hand over", "X has to")?"""
    if condition_of(head) is not None:
        return False  # "Should they attack, ...": a condition, not a duty
    words = {c.lower_ for c in _aux(head)}
    if words & {"must", "should", "ought"}:
        return True
    parent = head.head
    return head.dep_ == "xcomp" and parent.lemma_ in ("have", "need") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and parent.pos_ in ("VERB", "AUX")


def _deliberates(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in _DELIBERATION


def deliberated(head: Token) -> bool:
    """Is the act of trigger `head` an option being weighed ("is considering sending aid", "mulls imposing
    sanctions")? CAMEO codes the weighing itself (014), not the act."""
    return any(_deliberates(t) for t in _governors(head)[:3])


def modality_of(head: Token, on: date | None, *, requested: bool = False) -> Modality:
    """The modality of the event whose trigger head (verb, or noun) is `head`."""
    if _negated(head) or refused(head) or denied(head):
        return "negated"
    if requested or requested_by(head) is not None:
        return "requested"
    chain = [head, *_governors(head)]
    # The nearest verb of the trigger decides tense and mood (a noun trigger takes its governing verb's).
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    first_verb = verbs[0] if verbs else None
    if first_verb is not None and first_verb is not head and _negated(first_verb) and \
            first_verb.lemma_.lower() in ("complete", "begin", "start", "hold", "have", "reach", "sign", "launch"):
        return "negated"
    if any(_conditional(t) for t in chain[:3]):
        return "hypothetical"
    for token in chain[:4]:
        words = {c.lower_ for c in _aux(token)}
        if words & _HYPOTHETICAL_AUX:
            return "hypothetical"
        if token.lower_ in _READINESS or any(c.lower_ in _READINESS for c in token.children):
            return "hypothetical"  # "is ready to", "was on standby to" (whatever the parser makes of "standby")
        if any(g.lower_ in _READINESS for c in token.children if c.dep_ == "prep" for g in c.children):
            return "hypothetical"
        if _future(token):
            return "future"
        if token is not head and token.lemma_.lower() in _INTENT_WORDS:
            return "future"
        if token is not head and _deliberates(token):
            return "hypothetical"  # "is considering sending aid": an option weighed, not an act done
        if token.pos_ in ("VERB", "AUX") and token is not head and token.tag_ in ("VBD", "VBN"):
            break
    if on is not None:
        for token in head.subtree if head.pos_ != "VERB" else [t for c in head.children if c.dep_ in
                                                               ("prep", "npadvmod") for t in c.subtree]:
            match = _YEAR.fullmatch(token.text)
            if match and int(match.group(1)) < on.year and token.ent_type_ == "DATE":
                return "historical"
    return "asserted"


def _speech_subject(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and depth < 4:  # "held a press conference to highlight that"
        return _speech_subject(verb.head, depth + 1)
    return None


def _attribution(verb: Token, on: date | None) -> tuple[Attribution, Token | None]:
    subject = _speech_subject(verb)
    pieces = [verb]
    if subject is not None:
        pieces += list(subject.subtree)
    pieces += [c for c in verb.children if c.dep_ in ("dative", "aux", "neg") or
               (c.dep_ == "dobj" and c.lower_ in ("reporters", "journalists"))]
    start = min(t.idx for t in pieces)
    end = max(t.idx + len(t.text) for t in pieces)
    source = None
    if subject is not None:
        found = actors_from(subject, on)
        source = found[0] if found else None
    return Attribution(text=doc_text(verb.doc)[start:end], start=start, end=end, source=source), subject


def attribution_of(head: Token, on: date | None) -> tuple[Attribution | None, Token | None]:
    """Who reports the event headed by `head`: (attribution, the speaker's head token) or (None, None)."""
    cur = head
    for _ in range(8):
        # "..., the official said" / "Pakistan, he said, was ...": a reporting verb hanging off the clause.
        for child in cur.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl") and child.lemma_.lower() in SPEECH_VERBS and \
                    child is not head and not any(t is head for t in child.subtree):
                return _attribution(child, on)
            if child.dep_ == "prep" and child.lower_ == "according":
                objs = [g for c in child.children for g in ([c] if c.dep_ == "pobj" else c.children)
                        if g.dep_ == "pobj"]
                if objs:
                    obj = objs[0]
                    issuer = [g for c in obj.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                              for g in a.children if g.dep_ == "pobj"]
                    if obj.lemma_.lower() in STATEMENT_NOUNS and issuer:
                        # "according to a statement issued by the ISPR": the issuer speaks.
                        start, end = child.idx, issuer[0].right_edge.idx + len(issuer[0].right_edge.text)
                        found = actors_from(issuer[0], on)
                        return Attribution(text=doc_text(head.doc)[start:end], start=start, end=end,
                                           source=found[0] if found else None), issuer[0]
                    start, end = child.idx, obj.right_edge.idx + len(obj.right_edge.text)
                    found = actors_from(obj, on)
                    return Attribution(text=doc_text(head.doc)[start:end], start=start, end=end,
                                       source=found[0] if found else None), obj
        parent = cur.head
        if parent is cur:
            break
        if parent.lemma_.lower() in SPEECH_VERBS and parent.pos_ in ("VERB", "AUX") and \
                cur.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "advcl") and parent is not head:
            return _attribution(parent, on)
        cur = parent
    return None, None
