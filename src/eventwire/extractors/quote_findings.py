"""Findings the parse leaves without a reporting clause (eventwire.extractors.quotes, pass 3): what a poll or a
forecast "gives" or "has" ("the poll gives the mayor a lead"), and a trailing ", the data show." that the
parser read as a noun phrase."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire import vocab
from eventwire.extractors.quote_parse import (
    CUE_VERBS,
    DOCUMENT_NOUNS,
    QUOTE_ONLY,
    Found,
    cue_span,
    is_dateline,
    speaker_tokens,
    subject_of,
    text_span,
    trim_span,
)

# Verbs by which a poll or a forecast reports what it finds ("gives X a lead", "has X leading", "puts X ahead").
FINDING_VERBS = vocab.words("light", role="finding")
_NAMED = ("PERSON", "ORG", "NORP", "GPE")


def _is_finder(noun: Token | None) -> bool:
    """A poll, survey, forecast or data set, also in a title-case headline ("New Poll Gives ..."), but not a
    firm named after one ("Pete Polls")."""
    return noun is not None and noun.pos_ in ("NOUN", "PROPN") and not noun.ent_type_ and \
        bool({noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")} & DOCUMENT_NOUNS)


def poll_finding(verb: Token) -> Found | None:
    """"A new poll gives the mayor a ten-point lead", "the survey had her leading": the object with what is
    found of it, spoken for by the poll; None for any other use of the verb ("the poll has a margin of error")."""
    if verb.lemma_.lower() not in FINDING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(verb)
    if subject is None or not _is_finder(subject):
        return None
    rights = [c for c in verb.rights if not (c.is_punct or c.is_space)]
    deps = {c.dep_ for c in rights}
    clause = next((c for c in rights if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children)), None)
    if "dative" in deps and "dobj" in deps:
        parts = [c for c in rights if c.dep_ in ("dative", "dobj")]
    elif clause is not None:
        parts = [clause]
    elif "dobj" in deps and any(c.dep_ in ("advmod", "oprd", "acomp") for c in rights):
        obj = next(c for c in rights if c.dep_ == "dobj")
        parts = [obj] + [c for c in rights if c.i > obj.i and c.dep_ in ("advmod", "oprd", "acomp", "prep")]
    else:
        return None
    doc = verb.doc
    start, end = trim_span(doc, doc[parts[0].left_edge.i].idx, doc[parts[-1].right_edge.i].idx +
                           len(doc[parts[-1].right_edge.i].text))
    if end - start < 4:
        return None
    s0, s1 = speaker_tokens(subject)
    return Found(kind="indirect", start=start, end=end, cue=cue_span(verb),
                 speaker_span=text_span(doc, doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1].text)),
                 speaker_head=subject)


def _cue_form(token: Token) -> bool:
    """A reporting verb, also where the tagger took it for a plural noun ("the data show", "records shows")."""
    lemma = token.lemma_.lower()
    forms = {lemma, token.lower_, token.lower_[:-1] if token.lower_.endswith("s") else token.lower_}
    return bool(forms & CUE_VERBS) and not forms & QUOTE_ONLY and token.tag_ not in ("VBG", "VBN")


def trailing_findings(doc: Doc) -> list[Found]:
    """"Turnout rose by a third, the commission's figures show.": a sentence closed by ", <source> <verb>." whose
    verb the parser read as part of a noun phrase; the words before the comma are what the source reports."""
    out: list[Found] = []
    for sent in doc.sents:
        found = _trailing_finding(sent)
        if found is not None:
            out.append(found)
    return out


def _trailing_finding(sent: Span) -> Found | None:
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_punct and words[-1].text in ".!\"”’'":
        words = words[:-1]
    if len(words) < 6 or not _cue_form(words[-1]) or subject_of(words[-1]) is not None:
        return None   # a verb parsed with its subject is left to the reporting-clause rules
    comma = next((k for k in range(len(words) - 2, max(0, len(words) - 10), -1) if words[k].text == ","), None)
    if comma is None or comma < 3:
        return None
    source = words[comma + 1:-1]
    if not source or any(t.pos_ == "AUX" or t.is_punct or (t.pos_ == "VERB" and t.dep_ != "compound")
                         for t in source):
        return None
    nouns = [t for t in source if t.pos_ in ("NOUN", "PROPN") or t.dep_ == "compound"]
    if not nouns or is_dateline(nouns[-1]):
        return None
    head = nouns[-1]
    if not (_is_finder(head) or head.ent_type_ in _NAMED or head.pos_ == "PROPN"):
        return None
    doc = sent.doc
    start, end = trim_span(doc, words[0].idx, words[comma - 1].idx + len(words[comma - 1].text))
    if end <= start:
        return None
    verb = words[-1]
    return Found(kind="indirect", start=start, end=end, cue=text_span(doc, verb.idx, verb.idx + len(verb.text)),
                 speaker_span=text_span(doc, source[0].idx, head.idx + len(head.text)), speaker_head=head)


def headline_reports(doc: Doc, starts: list[int], named: set[str]) -> list[Found]:
    """"Ann Doe Warns Talks Could Collapse", "Polls Show The Mayor Ahead": a title-case headline the parser cannot
    read, split at its first reporting verb after a name the article names elsewhere, or after a poll."""
    text = doc.text
    out: list[Found] = []
    for para, p0 in enumerate(starts):
        p1 = starts[para + 1] if para + 1 < len(starts) else len(text)
        words = [t for t in doc.char_span(p0, len(text[:p1].rstrip()), alignment_mode="expand") or []
                 if not t.is_space]
        alpha = [t for t in words if t.is_alpha and len(t.text) > 3]
        if not 4 <= len(words) <= 20 or not alpha or sum(t.text[0].isupper() for t in alpha) < 0.8 * len(alpha):
            continue
        for k, verb in enumerate(words[1:6], start=1):
            name = words[:k]
            if not all(t.text[:1].isupper() and t.is_alpha for t in name):
                break
            if not _cue_form(verb) or not verb.text[:1].isupper():
                continue
            rest = [t for t in words[k + 1:] if not t.is_punct]
            head = name[-1]
            if len(rest) < 3 or not (head.text in named or _is_finder(head)):
                break
            start, end = trim_span(doc, words[k + 1].idx, words[-1].idx + len(words[-1].text))
            out.append(Found(kind="indirect", start=start, end=end,
                             cue=text_span(doc, verb.idx, verb.idx + len(verb.text)),
                             speaker_span=text_span(doc, name[0].idx, head.idx + len(head.text)), speaker_head=head))
            break
    return out
