"""Span bounds of the quote finder (eventwire.extractors.quotes): the reporting clause after a closing mark,
the object with what is said of it, a preposition's object, and character-offset arithmetic."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extractors.paragraphs import CLOSE_MARKS, STRAIGHT
from eventwire.extractors.quote_parse import PREDICATE_DEPS, inverted_subject, is_cue_verb, subject_of, tokens_in
from eventwire.nlp.extensions import doc_text


def following_cue(doc: Doc, q1: int) -> Token | None:
    """The verb of a bare reporting clause right after the closing mark, which the parser put in a sentence
    of its own ("“Can we meet?” her aide wrote.", "“Thanks!” responded the director.")."""
    text = doc_text(doc)
    if q1 >= len(text) or text[q1] not in CLOSE_MARKS + STRAIGHT:
        return None
    line_end = text.find("\n", q1)
    stop = min(q1 + 120, len(text) if line_end < 0 else line_end)
    after = [t for t in tokens_in(doc, q1 + 1, stop) if t.idx > q1]
    if not after or after[0].idx > q1 + 3 or after[0].is_punct:
        return None
    for k, token in enumerate(after[:10]):
        if token.is_punct:
            return None
        if not is_cue_verb(token) or token.lemma_.lower() in ("be", "have"):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > token.i for c in token.children) and \
                inverted_subject(token) is None:
            return None     # a new sentence reporting something else ("Trump said the plan ...")
        subject = subject_of(token) or inverted_subject(token)
        if subject is None or not (after[0].i <= subject.i) or (k > 0 and subject.i > token.i):
            return None
        if k > 0 and subject.left_edge.i > after[0].i:
            return None
        return token
    return None


def object_and_predicate(verb: Token) -> list[Token]:
    """"show Trump ahead", "called him a liar": the object with what is said of it, or [] when the
    object stands alone."""
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "oprd") and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if obj is None:
        pred = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd") and c.i > verb.i
                     and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
        return [t for t in pred.subtree if not t.is_space] if pred is not None else []
    tail: list[Token] = []
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ not in PREDICATE_DEPS or child.is_punct:
            break
        if child.dep_ == "prep" and tail and any(g.dep_ == "pcomp" for g in child.children):
            break   # "called her a liar after dismissing the tape": a clause of its own, said or done apart
        tail.append(child)
    if not tail:
        return []
    return [t for t in verb.doc[obj.left_edge.i:tail[-1].right_edge.i + 1] if not t.is_space]


def prep_object(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """The object of the verb's preposition, with an infinitive that follows it ("called on X to resign")."""
    prep = next((c for c in verb.rights if c.dep_ in ("prep", "prt") and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return []
    end = obj.right_edge.i
    for child in verb.rights:
        if child.i > end and child.dep_ in ("xcomp", "ccomp") and \
                (child.i == end + 1 or verb.doc[end + 1].lower_ == "to"):
            end = child.right_edge.i
    return [t for t in verb.doc[obj.left_edge.i:end + 1] if not t.is_space]


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def noun_head(tokens: list[Token]) -> Token:
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return (nouns or tokens)[-1]


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


__all__ = ["following_cue", "line_start", "noun_head", "object_and_predicate", "overlap", "prep_object"]
