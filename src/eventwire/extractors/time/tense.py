"""The tense of the clause holding a temporal expression: future, past, perfect or none.

From the parse when the Doc has one (`tense_at`: the verb the expression hangs from, its auxiliaries and the verbs
that govern it: "will", "would", "is going to", "plans to" are future; "was", "had" past; "has" + participle
perfect), else from the words of its clause or sentence. A day after "before", "by" or "until" in the clause of a
word that sets a time ahead ("ordered the troops out well before September 11") is future whatever the verb's
tense. The normalisation of a weekday, a month or a date without a year reads it to choose the occurrence meant
(see ``eventwire.extractors.time.normalise``).
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

from eventwire import vocab
from eventwire.nlp.extensions import doc_text

# "perfect": has/have + participle, a past that may reach into the present ("has kept markets closed until
# Friday"); "past": the simple or pluperfect past.
# "nearest": a deadline, the occurrence nearest the publication date, ahead or just past.
Tense = Literal["past", "perfect", "future", "nearest"] | None

# Words of a clause that put what it tells in the future.
# "would" too: the future of a past report ("said talks would resume on Friday").
FUTURE_WORDS = vocab.words("auxiliary", role="future") | {"would"}
_INTENT_LEMMAS = vocab.words("intent", role="future") | {"go"}  # "going to meet"
# A passive of these is about what is still to come ("a hearing has been scheduled for June 3").
_SCHEDULE_LEMMAS = vocab.words("intent", role="schedule")
# A day bounded by one of these in the clause of a word that sets a time ahead is the coming one: "ordered the
# troops out well before September 11", "set a deadline of ... by June 3", even under a past verb.
_DEADLINE_LEMMAS = vocab.words("intent", role="deadline")
_AHEAD_BOUNDS = frozenset({"before", "by", "until", "till"})
_FUTURE_TEXT = re.compile(r"\b(?:will|shall|would|going to|plans? to|planned|expects?|expected|scheduled|due|"
                          r"intends?|set to|upcoming|coming)\b|['’]ll\b", re.I)
_PAST_TEXT = re.compile(r"\b(?:was|were|had|did|ago)\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\b(?:and|but|while|whereas|although|though|after|before)\b")

# --------------------------------------------------------------------------- tense of a clause


def _verb_of(token: Token) -> Token | None:
    cur = token
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.lemma_.lower() == "due":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _parsed_tense(verb: Token) -> Tense:
    chain = [verb]
    cur = verb
    for _ in range(3):  # "is expected to arrive on Friday": the governing verb of a control chain counts
        if cur.dep_ not in ("xcomp", "advcl", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
        chain.append(cur)
    for token in chain:
        aux_tokens = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        aux = {c.lower_ for c in aux_tokens}
        lemma = token.lemma_.lower()
        if aux & FUTURE_WORDS:
            return "future"
        if token is not verb and lemma in _INTENT_LEMMAS:
            return "future"
        if lemma in _SCHEDULE_LEMMAS and any(c.dep_ == "auxpass" for c in aux_tokens):
            return "future"  # "has been scheduled for June 3"
        if lemma == "due" or (token is verb and token.dep_ == "xcomp" and token.head.lemma_.lower() in ("go", "be")
                              and token.head.tag_ in ("VBG", "VBZ", "VBP")):
            return "future"
        if token.dep_ == "ROOT" and "to" in aux and not any(c.dep_ == "auxpass" for c in aux_tokens):
            return "future"  # a headline: "Markets to remain closed until Friday"
        if aux & {"should", "could", "may", "might", "must", "can", "ought"} and not aux & {"have", "'ve", "’ve"}:
            return "future"  # "should be completed in October": what may or must happen is ahead
        if aux & {"had", "was", "were", "did", "'d", "’d"} or token.tag_ == "VBD":
            return "past"
        if aux & {"has", "have", "'ve", "’ve"}:
            return "perfect"
        if token.tag_ == "VBN" and token.dep_ in ("acl", "amod") and not aux:
            return "past"  # "plans announced in January"
        if token.tag_ in ("VBZ", "VBP", "MD") or aux & {"is", "are", "am", "do", "does", "can"}:
            return None
    return None


def _words_tense(words: str) -> Tense:
    if _FUTURE_TEXT.search(words):
        return "future"
    if re.search(r"\b(?:has|have)\s+(?:\w+\s+)?\w+ed\b", words, re.I):
        return "perfect"
    if _PAST_TEXT.search(words):
        return "past"
    return None


def _text_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around [start, end) read from its words alone (no parse): the words between
    the nearest clause breaks (a comma, a semicolon, "and", "but"), or the whole sentence when that clause
    is too short to hold a verb ("In May, troops will leave")."""
    left = max((m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 300), start)), default=0)
    right_match = _SENTENCE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    clause_left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, left, start)), default=left)
    clause_right_match = _CLAUSE_BREAK.search(text, end, right)
    clause_right = clause_right_match.start() if clause_right_match else right
    clause = text[clause_left:clause_right]
    if len(clause.split()) - len(text[start:end].split()) >= 2:
        return _words_tense(clause)
    return _words_tense(text[left:right])


def _deadline(token: Token, verb: Token) -> bool:
    """`token` is the object of "before", "by" or "until" in the clause of a verb or noun that sets a time ahead."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _AHEAD_BOUNDS:
        return False
    holders = [prep.head, verb, *(c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"))]
    return any(h.lemma_.lower() in _DEADLINE_LEMMAS for h in holders)


# A subject quantified by one of these, or a bare plural, makes a present-tense clause generic ("Today, most
# farmers own a phone").
_GENERIC_DETERMINERS = frozenset({"most", "many", "few", "all"})


def nowadays_at(doc: Doc, start: int, end: int) -> bool:
    """Is "today" at [start, end) the present in general (TIMEX3 PRESENT_REF), not the day of the report?

    Two readings of the parse: the possessive of a name ("today's GM", "today's Afghanistan": the present state
    of a country or company), and the adverb of a clause in the simple present whose subject is generic ("Today,
    most farmers own a phone"). Anything else, and anything without a parse, is the day.
    """
    if not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span.root
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is not None and after.tag_ == "POS":
        return word.dep_ == "poss" and word.head.pos_ == "PROPN"
    verb = _verb_of(word)
    # VB: the small model tags some present plurals as bare verbs ("Today, most young people get ...").
    if verb is None or verb.tag_ not in ("VBZ", "VBP", "VB") or _parsed_tense(verb) is not None:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].tag_ != "NNS":
        return False
    determiners = [c.lower_ for c in subjects[0].children if c.dep_ in ("det", "amod", "predet")
                   and c.tag_ in ("DT", "JJS", "PDT", "JJ")]
    return not determiners or determiners[0] in _GENERIC_DETERMINERS


def tense_at(doc: Doc, start: int, end: int, parsed: bool | None = None) -> Tense:
    """Is the clause holding the characters [start, end) of `doc` about the future or the past?

    From the parse when `doc` has one (the verb the expression hangs from, its auxiliaries and the verbs
    that govern it), else from the words of its sentence.
    """
    if doc.has_annotation("DEP") if parsed is None else parsed:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            verb = _verb_of(span.root)
            if verb is not None:
                return "nearest" if _deadline(span.root, verb) else _parsed_tense(verb)
    return _text_tense(doc_text(doc), start, end)


__all__ = ["FUTURE_WORDS", "Tense", "nowadays_at", "tense_at"]
