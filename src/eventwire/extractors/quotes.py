"""Quotes: who says what, found on the whole article text (docs/schema.md `quotes`), as a spaCy component.

The finder works in three passes over the parsed article; each yields `Quote` records whose content,
cue and speaker span are character offsets into the text.

1. Quotation marks. Curly marks open and close; a straight mark opens after a space, a bracket or the
   start of a line and closes otherwise. A quote that is not closed ends at the end of its paragraph
   (the newspaper convention for a quote running over several paragraphs: each paragraph of it opens
   with a mark, only the last one closes), or where the next one opens. An unclosed quote that ends
   with its own reporting clause ("..., the statement said.") is cut before it and takes that clause
   as cue and speaker.
2. The cue and speaker of each quoted stretch come from the parse: a reporting verb outside the marks
   that governs the quoted words ("“...,” he said", "She told reporters: “...”") or hangs off them
   ("“...,” Ms Doe said, adding ..."). When the verb's complement clause holds more than the quoted
   words ("said that Ruritania will always support “a free vote”"), the quote is *mixed* and its
   content is the whole clause. A quote without a cue of its own takes the speaker of the quote before
   it when it continues that quote (the previous paragraph ended inside the marks) or when it stands
   alone in its paragraph right after a paragraph whose speaker is known. Short marked stretches with
   no speaker ("the “unlawful” seizure") are scare quotes, not quotes.
   The speaker may follow its verb ("“...,” responded the envoy", which the parser reads as an object);
   a bare reporting clause the parser split off after "?" or "!" ("“Can we meet?” her aide wrote.") is
   still the quote's; manner-of-speaking verbs (shouted, exclaimed, quipped) are cues. Quoted words said
   of an object ("called the plan “a reckless gamble”", "dismissed it as “locker-room talk”") make a
   mixed quote of the object and what is said of it.
3. Indirect speech: a reporting or attribution verb with a clause complement ("said that ...", "told
   reporters the talks ...", "polls show ..."), a parenthetical reporting clause ("Ruritania, he said,
   was ..."), and "according to X". Plans and requests take an infinitive ("declined to comment",
   "called on X to resign"); stances a noun object, with the charge or reason after it ("accused X of
   lying"); findings and descriptions an object with its predicate ("a poll showed Doe ahead", "called
   him a liar"). A stance verb that may name an act ("attacked a convoy", "denied aid workers access")
   reports only on a thing said, a plan or matter, a side taken with a person or body, or with a reason
   after its object; plans and decisions ("plans to") are no quotes. Statements, documents and polls
   report what they find with a noun object ("the survey finds ..."); an adjective of belief after a
   copula ("was optimistic that ...") is its subject's; a trailing ", X said" conjunct reports what
   went before it. A participle reports for the noun it describes ("polls showing ...") or, for a
   statement or message, for whoever issued it ("X issued a statement saying ..."). A headline line
   "Name: words" gives the words to the name. A reporting clause that holds a marked stretch nobody
   else is said to have said makes it a mixed quote. Content already inside a quote from the first two
   passes is not reported twice; a capitalised dateline ("WASHINGTON (AP) —") is never a speaker.

Speakers are resolved with eventwire.extractors.coref: a pronoun or a description ("he", "the
official", "the statement") becomes the actor it refers to; `speaker_span` keeps the words as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire import vocab
from eventwire.extractors.coref import actor_for, set_quote_speakers
from eventwire.extractors.paragraphs import (
    OPEN_MARKS,
    STRAIGHT,
    doc_paragraphs,
    doc_quoted_stretches,
    paragraph_end,
    paragraph_of,
)
from eventwire.extractors.quote_bounds import (
    following_cue,
    line_start,
    noun_head,
    object_and_predicate,
    overlap,
    prep_object,
)
from eventwire.extractors.quote_findings import FINDING_VERBS, headline_reports, poll_finding, trailing_findings
from eventwire.extractors.quote_parse import (
    ACT_VERBS,
    INTENT_VERBS,
    NOT_CONTENT_DEPS,
    PREDICATE_VERBS,
    QUOTE_ONLY,
    STANCE_VERBS,
    SUBJECT_DEPS,
    Found,
    clause_words,
    cue_span,
    held_clause,
    inverted_subject,
    is_cue_verb,
    is_dateline,
    is_stance_object,
    issued_by_no_one,
    noun_speech,
    reason_after,
    resolve_relative_speaker,
    speaker_tokens,
    subject_of,
    text_span,
    tokens_in,
    trailing_report,
    trim_span,
)
from eventwire.nlp.extensions import doc_text, published_date
from eventwire.nlp.stage import Stage
from eventwire.types import Actor, Quote
from eventwire.types import Span as TextSpan

# Verbs of saying (not of finding or knowing): what a finding verb under one of them shows is the sayer's words.
SPEECH_VERBS = vocab.words("speech", role="attribution")
# A vote sides with the object of its preposition ("voted for X"): PolNeAR counts it as an attribution of a stance.
_VOTE_PREPS = ("for", "against")
# Verbs that open a quote besides the cues: intentions, stances, descriptions and votes.
_OPENERS = INTENT_VERBS | STANCE_VERBS | PREDICATE_VERBS | {"vote"}
# Entity types that name a speaker.
_NAMED = ("PERSON", "ORG", "NORP")
# Reporting clauses that end an unclosed quote: "..., the statement said." / "..., said the envoy."
_TAIL_VERBS = "said|says|added|adds|told [^.,“”\"]{1,40}|wrote|writes|stated|continued|noted|warned|explained"
_TAIL_CUE = re.compile(
    r",\s+(?P<speaker>[^,.“”\"]{1,60}?)\s+(?P<cue>" + _TAIL_VERBS + r")\s*[.,]?\s*$"
    r"|,\s+(?P<cue2>said|added|says)\s+(?P<speaker2>[^,.“”\"]{1,60}?)\s*[.,]?\s*$")
# -- the finder --------------------------------------------------------------------------------------------


class QuoteFinder(Stage):
    """Finds direct, mixed and indirect quotes; as the ``eventwire_quotes`` component it sets doc._.quotes."""

    def __init__(self, name: str = "eventwire_quotes") -> None:
        super().__init__(name)

    def find(self, doc: Doc) -> list[Found]:
        starts = doc_paragraphs(doc)
        direct = _one_per_stretch(self._direct(doc, starts))
        used_cues = {f.cue.start for f in direct if f.cue is not None}
        indirect = [f for f in self._indirect(doc) if f.cue is None or f.cue.start not in used_cues]
        # A headline in title case is often parsed without its names: a name the article names elsewhere is one.
        named = {t.text for t in doc if t.ent_type_ in _NAMED and t.pos_ == "PROPN"}
        indirect += self._labelled_lines(doc, starts, named) + trailing_findings(doc) + \
            headline_reports(doc, starts, named)
        kept = list(direct)
        # Each indirect quote is checked against the quotes near it, not all of them (quadratic in a long article):
        # the direct ones by start, and the spans taken kept sorted, none longer than `longest`.
        by_start = sorted(direct, key=lambda d: d.start)
        starts_of = [d.start for d in by_start]
        removed: set[int] = set()
        spans = sorted((f.start, f.end) for f in direct)
        longest = max((e - s for s, e in spans), default=0)
        for f in indirect:
            nearby = by_start[bisect_left(starts_of, f.start):bisect_right(starts_of, f.end + 1)]
            # A marked stretch starting inside the clause belongs to it even when it runs on past the clause's
            # last word as parsed ("criticized X for “running around saying ...”").
            inner = [d for d in nearby if id(d) not in removed and d.kind == "direct" and d.speaker_head is None
                     and d.start < f.end and f.cue is not None and not d.start <= f.cue.start < d.end]
            if inner and _speaker_of(f) is not None:
                # A reported clause holding quoted words nobody else is said to have said: a mixed quote
                # ("criticized X for “running around ...”").
                for d in inner:
                    kept.remove(d)
                    spans.pop(bisect_left(spans, (d.start, d.end)))
                    removed.add(id(d))
                    f.end = max(f.end, d.end)
                f.kind = "mixed"
            i = bisect_left(spans, (f.end, -1)) - 1  # the last span starting before f ends
            clash = False
            while i >= 0 and spans[i][0] > f.start - longest and not clash:
                s, e = spans[i]
                clash = overlap(f.start, f.end, s, e) > 0.5 * min(f.end - f.start, e - s)
                i -= 1
            if clash:
                continue
            kept.append(f)
            insort(spans, (f.start, f.end))
            longest = max(longest, f.end - f.start)
        kept.sort(key=lambda f: f.start)
        for f in kept:
            resolve_relative_speaker(f)
        self._colon_speakers(doc, kept, starts)
        self._inherit_speakers(doc, kept, starts)
        # A marked stretch nobody is said to have said is a title, a slogan or a scare quote.
        return [f for f in kept if _speaker_of(f) is not None]

    @staticmethod
    def _colon_speakers(doc: Doc, found: list[Found], starts: list[int]) -> None:
        """A quote opening its paragraph after a paragraph that ends "X wrote on Twitter:" is X's."""
        text = doc_text(doc)
        for quote in found:
            if quote.kind != "direct" or quote.speaker_head is not None:
                continue
            para = paragraph_of(starts, quote.start)
            if para == 0 or text[starts[para]:quote.start].strip(" “\""):
                continue
            prev_end = paragraph_end(text, starts, para - 1)
            if not text[:prev_end].endswith(":"):
                continue
            words = tokens_in(doc, starts[para - 1], prev_end)
            verbs = [t for t in words if is_cue_verb(t)]
            subject = subject_of(verbs[-1]) if verbs else None
            if not verbs and len(words) <= 15:
                # A heading line naming who speaks next: "Ann Doe, The Daily Courier:".
                people = [t for t in words if t.ent_type_ == "PERSON" and (t.dep_ != "compound")]
                subject = people[0] if people else None
            if subject is not None:
                s0, s1 = speaker_tokens(subject)
                quote.cue = cue_span(verbs[-1]) if verbs else None
                quote.speaker_span = text_span(doc, doc[s0:s1].start_char, doc[s0:s1].end_char)
                quote.speaker_head = subject

    # direct and mixed

    def _direct(self, doc: Doc, starts: list[int]) -> list[Found]:
        out: list[Found] = []
        for q0, q1, closed, continues in doc_quoted_stretches(doc):
            found = self._one_direct(doc, q0, q1, closed)
            if found is None:
                continue
            found.continues = continues
            out.append(found)
        return out

    def _one_direct(self, doc: Doc, q0: int, q1: int, closed: bool) -> Found | None:
        text = doc_text(doc)
        tail_speaker: TextSpan | None = None
        tail_cue: TextSpan | None = None
        if not closed:
            match = _TAIL_CUE.search(text, q0, q1)
            if match is not None:
                group = "speaker" if match.group("speaker") is not None else "speaker2"
                cue_group = "cue" if match.group("cue") is not None else "cue2"
                tail_speaker = text_span(doc, match.start(group), match.end(group))
                verb_end = match.start(cue_group) + len(match.group(cue_group).split()[0])
                tail_cue = text_span(doc, match.start(cue_group), verb_end)
                q1 = match.start()
        c0, c1 = trim_span(doc, q0, q1)
        if c1 - c0 < 2:
            return None
        found = Found(kind="direct", start=c0, end=c1, closed=closed)
        if tail_speaker is not None:
            found.speaker_span, found.cue = tail_speaker, tail_cue
            heads = [t for t in tokens_in(doc, tail_speaker.start, tail_speaker.end)
                     if t.head.i < t.i or t.head.idx >= tail_speaker.end or t.head.idx < tail_speaker.start]
            found.speaker_head = noun_head(heads) if heads else None
            return found
        inside = tokens_in(doc, q0, q1)
        if not inside:
            return None
        verb = self._governing_verb(inside, q0, q1) or following_cue(doc, q1)
        if verb is None:
            # The tokens around the next few characters, not the whole Doc: this runs once per quote.
            near = doc.char_span(q1, min(len(text), q1 + 5), alignment_mode="expand")
            after = [t for t in near or [] if q1 < t.idx <= q1 + 4 and not t.is_punct and not t.is_space][:1]
            lead = tokens_in(doc, line_start(text, q0), q0 - 1)
            if lead and lead[-1].text == ":" and len(lead) <= 16 and not any(t.pos_ == "VERB" for t in lead):
                # A label naming who speaks: "Ann Doe, The Daily Courier: “...”".
                names = [t for t in lead if t.ent_type_ in ("PERSON", "ORG") and t.dep_ != "compound"]
                if names:
                    s0, s1 = speaker_tokens(names[0])
                    found.speaker_span = text_span(doc, doc[s0:s1].start_char, doc[s0:s1].end_char)
                    found.speaker_head = names[0]
                    found.cue = text_span(doc, lead[-1].idx, lead[-1].idx + 1)
                    return found
            if after and after[0].lower_ == "according" and "\n" not in text[q1:after[0].idx]:
                # "“...,” according to the commission."
                objs = [g for c in after[0].children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
                if objs:
                    s0, s1 = speaker_tokens(objs[0])
                    found.cue = cue_span(after[0])
                    found.speaker_span = text_span(doc, doc[s0:s1].start_char, doc[s0:s1].end_char)
                    found.speaker_head = objs[0]
            return found
        found.cue = cue_span(verb)
        subject = subject_of(verb)
        if subject is not None and q0 <= subject.idx < q1:
            # The parser took quoted words for a subject; the speaker is the other one ("“Thanks!” responded X").
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not q0 <= c.idx < q1), None)
        if subject is None and verb.idx >= q1:
            subject = inverted_subject(verb)
        if subject is not None and is_dateline(subject):
            subject = None
        if subject is not None and not (q0 <= subject.idx < q1):
            s0, s1 = speaker_tokens(subject)
            span = doc[s0:s1]
            found.speaker_span = text_span(doc, span.start_char, span.end_char)
            found.speaker_head = subject
        clause = self._clause_of(verb, inside)
        described = object_and_predicate(verb) if verb.lemma_.lower() in PREDICATE_VERBS or \
            any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights) else []
        subtree: list[Token] = []
        if any(q0 <= t.idx < q1 for t in described):
            # "called X the “biggest barrier”": the object and what is said of it.
            subtree, root = described, described[0]
        elif clause is not None:
            subtree, root = list(clause.subtree), clause
        if subtree:
            words = [t for t in subtree if not (t.is_punct or t.is_space) and t.dep_ != "mark"]
            outside = [t for t in words if not (q0 <= t.idx < q1)]
            s_tokens = set()
            if subject is not None:
                s0, s1 = speaker_tokens(subject)
                s_tokens = set(range(s0, s1))
            outside = [t for t in outside if t.i not in s_tokens and t.i != verb.i]
            if len(outside) >= 2 and root.i not in s_tokens:
                lo = min(t.idx for t in words)
                hi = max(t.idx + len(t.text) for t in words)
                lo, hi = min(lo, c0), max(hi, c1)
                if not (lo <= verb.idx < hi):
                    found.kind = "mixed"
                    found.start, found.end = trim_span(doc, lo, hi)
        return found

    @staticmethod
    def _governing_verb(inside: list[Token], q0: int, q1: int) -> Token | None:
        """A reporting verb outside the marks that governs the quoted words or hangs off them."""
        ids = {t.i for t in inside}
        outside_heads: list[Token] = []
        for token in inside:
            head = token
            for _ in range(3):
                if head.head.i == head.i:
                    break
                head = head.head
                if head.i not in ids:
                    outside_heads.append(head)
                    break
        for head in outside_heads:
            # Up from the quoted words through the clause that holds them to the verb reporting it
            # ("said that X will support “a free vote”", "told reporters that X was ready to make “hard choices”").
            # A title reached through a preposition ("said on “Meet the Nation”") is no content of the verb.
            below: Token | None = None
            for _ in range(7):
                if head.is_space:
                    break
                if is_cue_verb(head) and head.i not in ids:
                    if below is not None and below.dep_ in NOT_CONTENT_DEPS:
                        break
                    outer = head.head
                    if head.dep_ == "ccomp" and head.lemma_.lower() not in SPEECH_VERBS and is_cue_verb(outer) and \
                            outer.lemma_.lower() in SPEECH_VERBS and outer.i not in ids:
                        # "she said his remarks showed “a lack of respect”": what is shown is what she says.
                        return outer
                    return head
                if head.lemma_.lower() in PREDICATE_VERBS and head.i not in ids and \
                        any(t.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and t.head.i == head.i
                            for t in ([below] if below is not None else inside)):
                    # "called the move “deeply troubling”": the quoted words are what is said of the object.
                    return head
                if below is not None and below.dep_ == "prep" and below.lower_ == "as" and head.pos_ == "VERB" \
                        and head.i not in ids and any(c.dep_ == "dobj" and c.i < below.i for c in head.children):
                    # "dismissed the tape as “locker-room talk”", "described her as “the devil”".
                    return head
                if head.head.i == head.i or head.dep_ in ("relcl", "acl", "parataxis", "appos"):
                    break
                below, head = head, head.head
        for token in inside:
            for child in token.children:
                if child.i not in ids and child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and is_cue_verb(child):
                    # "“...,” he said": the parser often hangs the reporting verb off the quote's own verb.
                    gap = child.idx - q1 if child.idx >= q1 else q0 - (child.idx + len(child.text))
                    if gap < 60:
                        return child
        return None

    @staticmethod
    def _clause_of(verb: Token, inside: list[Token]) -> Token | None:
        """The complement of `verb` that holds the quoted words, or None."""
        ids = {t.i for t in inside}
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp", "dobj", "advcl") and any(t.i in ids for t in child.subtree):
                return child
        return None

    # indirect

    def _indirect(self, doc: Doc) -> list[Found]:
        out: list[Found] = []
        for token in doc:
            if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                found = self._according(token)
            elif token.pos_ in ("NOUN", "ADJ"):
                found = _carried_quote(token, noun_speech(token) if token.pos_ == "NOUN" else held_clause(token))
            elif (is_cue_verb(token) or token.lemma_.lower() in _OPENERS) and token.pos_ == "VERB" and \
                    token.lemma_.lower() not in QUOTE_ONLY:
                found = self._reported_clause(token)
            elif token.lemma_.lower() in FINDING_VERBS:
                found = poll_finding(token)
            else:
                found = None
            if found is not None:
                out.append(found)
        return out

    @staticmethod
    def _labelled_lines(doc: Doc, starts: list[int], named: set[str]) -> list[Found]:
        """Headline style: "Ann Doe: Talks Will Resume Next Week" gives the words after the colon to the
        name before it."""
        text = doc_text(doc)
        out: list[Found] = []
        for para, p0 in enumerate(starts):
            p1 = paragraph_end(text, starts, para)
            colon = text.find(":", p0, min(p1, p0 + 60))
            if colon < 0 or p1 - colon < 12 or any(m in text[p0:p1] for m in OPEN_MARKS + STRAIGHT):
                continue
            label = tokens_in(doc, p0, colon)
            rest = tokens_in(doc, colon + 1, p1)
            if not label or len(label) > 6 or len([t for t in rest if not t.is_punct]) < 3 or \
                    any(t.pos_ in ("VERB", "AUX") for t in label):
                continue
            heads = [t for t in label if t.head.i == t.i or not p0 <= t.head.idx < colon]
            head = noun_head(heads) if heads else None
            if head is None or head.is_upper or (head.ent_type_ not in _NAMED and head.text not in named):
                continue
            start, end = trim_span(doc, rest[0].idx, rest[-1].idx + len(rest[-1].text))
            out.append(Found(kind="indirect", start=start, end=end, cue=text_span(doc, colon, colon + 1),
                             speaker_span=text_span(doc, label[0].idx, label[-1].idx + len(label[-1].text)),
                             speaker_head=head))
        return out

    def _according(self, token: Token) -> Found | None:
        doc = token.doc
        objs = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if not objs:
            return None
        sent = token.sent
        skip = {t.i for t in token.subtree}
        words = [t for t in sent if t.i not in skip and not (t.is_punct or t.is_space)]
        if len(words) < 3:
            return None
        clause = clause_words(token, skip)
        if clause:
            # The clause the phrase belongs to, not a clause joined to it after the phrase.
            side = clause
        else:
            # No verb above it: the rest of the sentence on the longer side of the phrase.
            before = [t for t in words if t.i < token.i]
            after = [t for t in words if t.i > token.i]
            side = after if len(after) >= len(before) else before
        start, end = trim_span(doc, side[0].idx, side[-1].idx + len(side[-1].text))
        s0, s1 = speaker_tokens(objs[0])
        span = doc[s0:s1]
        return Found(kind="indirect", start=start, end=end, cue=cue_span(token),
                     speaker_span=text_span(doc, span.start_char, span.end_char), speaker_head=objs[0])

    def _reported_clause(self, verb: Token) -> Found | None:
        doc = verb.doc
        # A participle the tagger read as an adjective still heads a clause when it has a subject ("told reporters
        # that she no longer worried about ...").
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and (c.pos_ in ("VERB", "AUX") or (
            c.pos_ == "ADJ" and any(g.dep_ in SUBJECT_DEPS for g in c.children)))]
        # "In an interview focused on trade, the governor said cutting taxes ...": a clause after the verb is
        # what it reports; one before it too only when there is none after.
        clause = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
        content: list[Token] = []
        lemma = verb.lemma_.lower()
        if clause is None and lemma in INTENT_VERBS:
            clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if clause is None and lemma in PREDICATE_VERBS:
            content = object_and_predicate(verb)
        if clause is None and not content and lemma in STANCE_VERBS:
            # A verb that is only ever verbal takes a pronoun too ("criticized them"); "attacked them" may be an act.
            kinds = ("NOUN", "PROPN") if lemma in ACT_VERBS else ("NOUN", "PROPN", "PRON")
            clause = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in kinds), None)
            if lemma in ACT_VERBS and any(c.dep_ == "prt" for c in verb.children):
                return None     # "wrote off the assets", "backed down": a phrasal verb is another verb
            if any(c.dep_ == "dative" for c in verb.children):
                return None     # "denied aid workers access", "gave X support": a transfer, not a stance
            if clause is not None and noun_speech(clause) is not None:
                return None     # "expressed concern that ...": the noun's own quote says what
            if clause is not None and lemma in ACT_VERBS and not is_stance_object(verb, clause) and \
                    reason_after(verb, clause) is None:
                return None     # "attacked a convoy", "denied aid workers access": an act, not words

        if clause is None and not content and is_cue_verb(verb) and issued_by_no_one(subject_of(verb)):
            # "the survey finds worrying signs for the party", "the memo details the deals": a finding.
            obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and len([t for t in obj.subtree if not t.is_punct]) >= 2:
                content = [t for t in obj.subtree if not t.is_space]
        if clause is None and not content and lemma in SPEECH_VERBS:
            clause = _stray_that_clause(verb)
        if clause is None and not content and lemma in SPEECH_VERBS:
            # "he said he had secured contracts ...", parsed as "said [he had secured] contracts": a clause with a
            # subject of its own read as the verb's object is still what it reports.
            obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
            if obj is not None and obj.left_edge.i == verb.i + 1 and any(
                    t.dep_ in SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX") and t.i < obj.i for t in obj.subtree):
                content = [t for t in obj.subtree if not t.is_space]
        asked_for = False
        if lemma == "vote" and any(is_cue_verb(a) for a in verb.ancestors):
            return None     # "he says X would have voted for Y": the vote is part of what he says
        if clause is None and not content and lemma in ("call", "push", "press", "appeal", "vote"):
            # "called on X to resign", "called for new elections", "voted for the mayor": short, like a stance's
            # object; "called for X to be replaced" (a "for ... to" clause) too.
            content = prep_object(verb, _VOTE_PREPS if lemma == "vote" else ("on", "for"))
            if not content:
                held = next((c for c in verb.rights if c.dep_ == "advcl" and
                             any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
                content = [t for t in held.subtree if not t.is_space][1:] if held is not None else []
            asked_for = bool(content)
        if content:
            pass
        elif clause is not None:
            content = [t for t in clause.subtree if not t.is_space]
            if clause.dep_ == "dobj":
                # "accused X of lying", "praised X for its courage", "attacked X as reckless": the charge, the
                # reason or the description goes with X.
                reason = reason_after(verb, clause)
                if reason is not None:
                    content = [t for t in verb.doc[clause.left_edge.i:reason.right_edge.i + 1] if not t.is_space]
        elif (verb.dep_ == "parataxis" or trailing_report(verb)) and verb.head.pos_ in ("VERB", "AUX"):
            # "Ruritania, he said, was ...": the reporting clause sits inside what it reports.
            skip = {t.i for t in verb.subtree}
            content = [t for t in verb.head.subtree if t.i not in skip and not t.is_space]
        # "declined to comment", "denied the charge" are short; a clause needs a few words.
        least = 1 if asked_for or (clause is not None and clause.dep_ == "dobj") else 2 if clause is not None and \
            clause.dep_ == "xcomp" else 3
        if len([t for t in content if not t.is_punct]) < least:
            return None
        while content and content[0].dep_ == "mark" and content[0].lower_ in ("that", "whether", "if"):
            content = content[1:]
        if not content:
            return None
        start, end = trim_span(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if end <= start:
            return None
        subject = subject_of(verb)
        found = Found(kind="indirect", start=start, end=end, cue=cue_span(verb))
        if subject is not None and subject.i not in {t.i for t in content}:
            s0, s1 = speaker_tokens(subject)
            span = doc[s0:s1]
            found.speaker_span = text_span(doc, span.start_char, span.end_char)
            found.speaker_head = subject
        elif subject is None:
            return None
        if subject is not None and is_dateline(subject):
            return None
        return found

    # speakers carried over

    @staticmethod
    def _inherit_speakers(doc: Doc, found: list[Found], starts: list[int]) -> None:
        """A cue-less direct quote takes the previous quote's speaker when the text makes that clear."""
        text = doc_text(doc)
        for i, quote in enumerate(found):
            if quote.kind != "direct" or quote.speaker_span is not None or i == 0:
                continue
            prev = found[i - 1]
            if _speaker_of(prev) is None:
                continue
            para = paragraph_of(starts, quote.start)
            prev_para = paragraph_of(starts, prev.start)
            p_start = starts[para]
            # The quote opens its paragraph (nothing but the mark before it) right after the speaker's paragraph.
            opens = not text[p_start:max(p_start, quote.start - 1)].strip(" “\"")
            follows = prev.kind == "direct" and prev.continues and para == prev_para + 1
            same_para = para == prev_para
            if follows or same_para or (opens and para == prev_para + 1):
                quote.speaker_head = prev.speaker_head
                quote.speaker_span = None
                quote.cue = None
                quote.inherited = prev
                if same_para and prev.kind == "direct" and prev.cue is not None and prev.speaker_span is not None \
                        and prev.end <= prev.cue.start < quote.start and prev.end <= prev.speaker_span.start:
                    # "“We are ready,” she said. “The talks start today.”": one quotation interrupted by its
                    # reporting clause, whose words name the speaker of both stretches.
                    quote.speaker_span, quote.cue = prev.speaker_span, prev.cue

    # the component

    def process(self, doc: Doc) -> None:
        on = published_date(doc)
        found = self.find(doc)
        set_quote_speakers(doc, [(f.start, f.end, _speaker_of(f)) for f in found])
        doc._.quotes = [self._quote(doc, f, on) for f in found]

    @staticmethod
    def _quote(doc: Doc, found: Found, on: date | None) -> Quote:
        head = _speaker_of(found)
        speaker: Actor | None = None
        if head is not None:
            speaker = actor_for(head, on)
            if speaker is not None and found.speaker_span is not None:
                span = found.speaker_span
                speaker = replace(speaker, text=span.text, start=span.start, end=span.end)
        return Quote(kind=found.kind, content=text_span(doc, found.start, found.end),  # type: ignore[arg-type]
                     speaker=speaker, speaker_span=found.speaker_span, cue=found.cue)


def _one_per_stretch(found: list[Found]) -> list[Found]:
    """Two quoted stretches in one reported clause ("said X was “a” and Y “b”") make one mixed quote, not
    one per stretch: a mixed quote overlapping the one before it is dropped, its span joined to it."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: f.start):
        prev = next((o for o in reversed(out) if o.kind == "mixed"), None)
        if f.kind == "mixed" and prev is not None and overlap(f.start, f.end, prev.start, prev.end) > 0:
            prev.end = max(prev.end, f.end)
            continue
        out.append(f)
    return out


def _carried_quote(cue: Token, carried: tuple[list[Token], Token] | None) -> Found | None:
    """Indirect speech carried by a noun ("concerns that ...", "criticism of ...") or held by the subject of an
    adjective ("was optimistic that ..."): the content with its owner as speaker and the word as cue."""
    if carried is None:
        return None
    content, owner = carried
    doc = cue.doc
    start, end = trim_span(doc, content[0].idx, content[-1].idx + len(content[-1].text))
    if end <= start or is_dateline(owner):
        return None
    s0, s1 = speaker_tokens(owner)
    return Found(kind="indirect", start=start, end=end, cue=text_span(doc, cue.idx, cue.idx + len(cue.text)),
                 speaker_span=text_span(doc, doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1].text)),
                 speaker_head=owner)


def _stray_that_clause(verb: Token) -> Token | None:
    """"Voters say by a wide margin, 49 percent to 42, that they ...": a "that" clause with a subject that the
    parser hung off a phrase between the verb and it, reached from the verb through nouns and prepositions only."""
    for token in verb.doc[verb.i + 1:verb.right_edge.i + 1]:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("acl", "ccomp", "relcl") or \
                not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) or \
                not any(c.dep_ in SUBJECT_DEPS for c in token.children):
            continue
        up = token.head
        while up.i != verb.i and up.pos_ in ("NOUN", "PROPN", "NUM", "ADP") and up.head.i != up.i:
            up = up.head
        return token if up.i == verb.i else None
    return None


def _speaker_of(found: Found) -> Token | None:
    seen = 0
    while found.speaker_head is None and found.inherited is not None and seen < 20:
        found = found.inherited
        seen += 1
    return found.speaker_head


@Language.factory("eventwire_quotes", assigns=["doc._.quotes", "doc._.quote_speakers"],
                  requires=["doc._.coref", "token.dep", "token.lemma", "token.is_sent_start"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(name)


__all__ = ["QuoteFinder", "is_cue_verb", "make_quote_finder"]
