"""The parse helpers of the quote finder (eventwire.extractors.quotes): the found-quote record, spans of
the parse, reporting verbs with their subjects, and the clause an adverbial phrase belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire import vocab
from eventwire.extractors.mentions import STATEMENT_NOUNS
from eventwire.extractors.paragraphs import CLOSE_MARKS, OPEN_MARKS, STRAIGHT
from eventwire.nlp.extensions import doc_text
from eventwire.types import Span as TextSpan

# Verbs that report words, thoughts or findings; with a clause complement they introduce indirect speech.
CUE_VERBS = vocab.words("speech", role="quote_cue")
# Verbs that only report when they introduce quoted words ("he continued: “...”"), never a clause.
QUOTE_ONLY = vocab.words("speech", role="quote_only")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
NOT_CONTENT_DEPS = ("prep", "agent", "dative", "npadvmod", "advmod", "nsubj", "nsubjpass")
# With an infinitive, these report an intention or a request ("plans to launch", "urged X to vote").
# Plans and decisions ("plans to", "aims to") are held, not said: they are no quote.
INTENT_VERBS = vocab.words("intent", role="report") - vocab.words("intent", role="unvoiced")
# With a noun object, these report a stance on it ("denied the allegations", "praised the deal").
STANCE_VERBS = vocab.words("speech", role="stance")
# With a noun object and a predicate after it, these report a finding or a description ("polls show Trump
# ahead", "called him a liar"): the object and its predicate are the content.
PREDICATE_VERBS = vocab.words("speech", role="predicate")
# Stance verbs that also name an act that is not speech ("attacked a convoy", "favored the plan"): with a noun
# object they report a stance only on a thing said ("denied the claim") or with a reason or description after it.
ACT_VERBS = vocab.words("speech", role="act")
# Of those, verbs that take a side with a person or body ("backed the mayor").
SIDE_VERBS = vocab.words("speech", role="side")
_PLACES = vocab.words("thing", role="place")
_MATTERS = vocab.words("thing", role="document") | vocab.words("thing", role="process") | \
    vocab.words("thing", role="abstract")
_ACTOR_NOUNS = vocab.words("actor")
PREDICATE_DEPS = ("oprd", "xcomp", "ccomp", "acomp", "advmod", "prep", "dobj", "attr", "prt")


@dataclass
class Found:
    """A quote as found, with the tokens it came from (the coder and coref read the speaker token)."""

    kind: str
    start: int
    end: int
    cue: TextSpan | None = None
    speaker_span: TextSpan | None = None
    speaker_head: Token | None = None
    continues: bool = False      # a direct quote whose paragraph ended inside the marks
    closed: bool = True
    inherited: Found | None = None   # the quote whose speaker this one carries on


# -- spans of the parse ------------------------------------------------------------------------------------


def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds without surrounding spaces, quotation marks and clause-edge punctuation."""
    text = doc_text(doc)
    edge = " \t\r\n" + OPEN_MARKS + CLOSE_MARKS + STRAIGHT + ",;:—–-"
    while start < end and text[start] in edge:
        start += 1
    while end > start and (text[end - 1] in edge or (text[end - 1] in ".?!" and end - 2 > start
                           and text[end - 2] in CLOSE_MARKS + STRAIGHT)):
        end -= 1
    return start, end


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    return TextSpan(doc_text(doc)[start:end], start, end)


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return [] if span is None else [t for t in span if not t.is_space]


def speaker_tokens(head: Token) -> tuple[int, int]:
    """[start, end) token indices of the speaker phrase headed by `head`, without its relative clauses."""
    # Relative clauses ("..., who was denied ...") and a leading setting ("In Geneva on Friday, X") are not
    # the speaker's name.
    # A statement keeps who issued it ("a statement issued by the ministry").
    kept_deps = ("relcl",) if head.lemma_.lower() in STATEMENT_NOUNS else ("relcl", "acl", "advcl")
    drop = {t.i for c in head.subtree if c.dep_ in kept_deps and c.i > head.i for t in c.subtree}
    drop |= {t.i for c in head.lefts if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}
    keep = [t for t in head.subtree if t.i not in drop]
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def cue_span(verb: Token) -> TextSpan:
    """The cue words: the verb with its particle ("pointing out") or "according to"."""
    doc = verb.doc
    parts = [verb] + [c for c in verb.children if c.dep_ in ("prt",) or (c.dep_ == "neg")]
    if verb.lower_ == "according":
        parts += [c for c in verb.children if c.lower_ == "to"]
    start = min(t.idx for t in parts)
    end = max(t.idx + len(t.text) for t in parts)
    return text_span(doc, start, end)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_space]
    if subjects:
        # Two subjects come from a misparse ("X could fall if prices rise, the minister said"): the one right
        # before the verb is its own.
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    if depth < 3 and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "prompted many senators to rebuke him", "asked the envoy to explain": the one asked or moved acts.
        moved = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and is_animate(c)), None)
        if moved is not None:
            return moved
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        # "held a press conference to highlight that ...", "said X and added that ...": the clause's subject.
        return subject_of(verb.head, depth + 1)
    noun = verb.head
    if depth < 3 and verb.dep_ == "pcomp" and noun.dep_ == "prep" and noun.head.pos_ in ("VERB", "AUX"):
        # "labeled her a liar after dismissing the tape as ...", "responded by saying ...": the clause's subject.
        return subject_of(noun.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and noun.pos_ == "PROPN" and noun.i < verb.i and \
            verb.doc[verb.i - 1].text == ",":
        # "Sen. Ann Doe, a member of the committee, called on him to resign": a finite verb the parser hung
        # off the name before it (after its apposition) has that name for subject.
        return noun
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i and \
            is_cue_verb(verb):
        # "polls showing Trump ahead": the noun it describes; "X issued a statement saying ...": X.
        if noun.lemma_.lower() in STATEMENT_NOUNS and noun.dep_ in ("dobj", "pobj") and depth < 3:
            issuer = subject_of(noun.head if noun.dep_ == "dobj" else noun.head.head, depth + 1)
            if issuer is not None and issuer.pos_ in ("PROPN", "PRON", "NOUN"):
                return issuer
        return noun
    return None


def is_animate(noun: Token) -> bool:
    """A person or body ("the envoy", "Ruritania", "them", "a number of senators"), not a thing ("a convoy")."""
    if noun.pos_ == "PRON":
        return noun.lower_ not in ("it", "this", "that", "what", "something", "nothing", "everything")
    if noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.lemma_.lower() in _ACTOR_NOUNS:
        return True
    # "an unprecedented number of Republicans": the group named after "of".
    return any(g.ent_type_ in ("PERSON", "ORG", "NORP") or g.lemma_.lower() in _ACTOR_NOUNS
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def inverted_subject(verb: Token) -> Token | None:
    """The speaker after the verb of a reporting clause that follows its quote ("..., said the envoy"),
    which the parser often takes for an object."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd") and child.pos_ in ("NOUN", "PROPN"):
            return child
        if not (child.is_punct or child.dep_ in ("advmod", "prt")):
            break
    return None


def is_dateline(token: Token) -> bool:
    """"WASHINGTON (AP) —": a place in capitals opening the story, not a speaker."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.is_upper and len(token.text) > 2 and nxt is not None and nxt.text in ("(", "—", "–", "-")


def is_cue_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (lemma in CUE_VERBS or token.lower_ in CUE_VERBS)


def clause_words(phrase: Token, skip: set[int]) -> list[Token]:
    """The words of the clause an adverbial phrase ("according to X") hangs from, without the phrase and
    without clauses joined on after it ("..., according to X, and Y happened"); [] when no verb is above it."""
    verb = phrase.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == phrase.i:
        return []
    later = [c for c in verb.rights if verb.i < phrase.i < c.i and (
        (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) or c.dep_ == "parataxis")]
    if later:
        first = min(c.left_edge.i for c in later)
        cut = first
        while cut - 1 > phrase.right_edge.i and verb.doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1
        skip = skip | set(range(cut, verb.right_edge.i + 1))
    return [t for t in verb.subtree if t.i not in skip and not (t.is_punct or t.is_space)]


# Nouns of saying, judging or fearing ("concerns that ...", "criticism of ..."): their clause or object is what
# their owner says. Statement nouns carry a clause ("a statement that ...") but no object ("a video of ...").
SPEECH_NOUNS = vocab.words("statement", role="speech")
# Verbs whose subject voices the speech noun they take as object ("voiced concerns that ...").
ISSUE_VERBS = vocab.words("light", role="issue")
_NOUN_OBJECT_PREPS = vocab.words("preposition", role="speech_object")


def is_thing_said(noun: Token) -> bool:
    """A noun naming words or a position someone put forward ("the claim", "his remarks", "the proposal")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in SPEECH_NOUNS or lemma in STATEMENT_NOUNS)


def is_stance_object(verb: Token, obj: Token) -> bool:
    """Whether the noun object of a verb that also names a non-verbal act ("attack", "deny", "support") makes the
    verb report a stance: a thing said ("denied the claim"), a plan, process or abstract matter ("favored the
    deal", "attacked his record", "the need for ..."), or for a verb of taking sides a person or body ("backed
    the mayor"); never a place or a thing ("attacked a convoy", "denied aid workers access to the camp")."""
    lemma = obj.lemma_.lower()
    if is_thing_said(obj):
        return True
    if lemma in _PLACES or obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    if lemma in _MATTERS or any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in obj.children):
        return True
    body = obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.pos_ == "PROPN" or lemma in _ACTOR_NOUNS
    return body and verb.lemma_.lower() in SIDE_VERBS


def noun_speech(noun: Token) -> tuple[list[Token], Token] | None:
    """The content and the speaker of indirect speech carried by a noun: "the union's claim that ...",
    "criticism of X from Y", "X voiced concerns that ...", "warnings by X that ..."; None without content or
    without an owner ("Fears that ... grew": a quote has a speaker, see the output contract)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or not (lemma in SPEECH_NOUNS or lemma in STATEMENT_NOUNS):
        return None
    content: list[Token] = []
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None and lemma in SPEECH_NOUNS:
        # "her proposals to raise taxes", "the senate's refusal to ratify it": what is proposed or refused.
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX") and
                       any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)), None)
    if clause is not None:
        content = [t for t in clause.subtree if not t.is_space]
        while content and content[0].dep_ == "mark":
            content = content[1:]
    elif lemma in SPEECH_NOUNS:
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _NOUN_OBJECT_PREPS), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None:
            content = [t for t in obj.subtree if not t.is_space]
    if not [t for t in content if not t.is_punct]:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.rights if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                      for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in ISSUE_VERBS | STANCE_VERBS:
        owner = subject_of(noun.head)
    if owner is None and lemma in STATEMENT_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "in" and \
            noun.head.head.pos_ in ("VERB", "AUX"):
        # "The council warned in a statement that ...": the clause hangs off the statement, the speaker is the verb's.
        owner = subject_of(noun.head.head)
    if owner is not None and owner.i in {t.i for t in content}:
        return None
    if owner is None:
        return None
    return content, owner


# Adjectives whose "that" clause after a copula is what the copula's subject holds ("was optimistic that ...").
HOLDER_ADJECTIVES = vocab.words("attitude", role="holder")


def held_clause(adjective: Token) -> tuple[list[Token], Token] | None:
    """"The campaign was optimistic that she would win": the clause and the one who holds it, else None."""
    if adjective.pos_ != "ADJ" or adjective.lemma_.lower() not in HOLDER_ADJECTIVES or adjective.dep_ != "acomp" or \
            adjective.head.lemma_ != "be":   # "make sure that ..." holds nothing
        return None
    clause = next((c for c in adjective.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    holder = subject_of(adjective.head)
    if clause is None or holder is None or holder.lower_ in ("it", "there"):
        return None
    content = [t for t in clause.subtree if not t.is_space]
    while content and content[0].dep_ == "mark":
        content = content[1:]
    return (content, holder) if len([t for t in content if not t.is_punct]) >= 3 else None


# Statements, documents and polls: their findings are reported ("the survey finds ...").
DOCUMENT_NOUNS = vocab.words("statement", role="statement") | vocab.words("statement", role="document")


def issued_by_no_one(subject: Token | None) -> bool:
    """A subject that is a statement, a document or a poll ("the memo", "a new survey"): what it shows or finds
    with a noun object is a finding, where a person "finding" a thing is no report ("police found the car")."""
    return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in DOCUMENT_NOUNS


def trailing_report(verb: Token) -> bool:
    """"Talks could resume next week, a senior official said on Tuesday.": a reporting clause the parser joined
    to what it reports as a conjunct, after a comma, with no "and" or "but" and no object of its own."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or verb.left_edge.i == 0:
        return False
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children) or \
            any(c.dep_ in ("dobj", "ccomp", "xcomp", "cc", "conj") for c in verb.children):
        return False
    return verb.doc[verb.left_edge.i - 1].text == ","


def reason_after(verb: Token, obj: Token) -> Token | None:
    """The charge or the reason right after a stance verb's object ("accused X of lying", "praised X for ...",
    "attacked X as reckless"), or None."""
    reason = next((c for c in verb.rights if c.i > obj.i and c.dep_ == "prep" and c.lower_ in ("of", "for", "as")),
                  None)
    return reason if reason is not None and reason.i == obj.right_edge.i + 1 else None


def resolve_relative_speaker(found: Found) -> None:
    """A relative pronoun as speaker ("voters who say ...", "a group that backs ...") stands for the noun its
    clause describes: the speaker (the actor) becomes that noun; `speaker_span` keeps the pronoun as written,
    as attribution corpora mark it (PolNeAR's source of "voters who say ..." is "who")."""
    head = found.speaker_head
    if head is None or head.tag_ not in ("WP", "WDT") or head.dep_ not in SUBJECT_DEPS:
        return
    verb = head.head
    steps = 0
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i and steps < 5:
        verb = verb.head
        steps += 1
    antecedent = verb.head
    if verb.dep_ != "relcl" or antecedent.pos_ not in ("NOUN", "PROPN", "PRON"):
        return
    found.speaker_head = antecedent
