"""The event coder's pieces on hand-built Docs (no model): lexicon, arguments, modality, coding."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from tests.conftest import spaces_for

from eventwire.extractors.events import EventCoder, subjects_of
from eventwire.extractors.lexicon import load_lexicon
from eventwire.extractors.modality import is_intent, modality_of, obligation_of
from eventwire.nlp import register_extensions
from eventwire.types import Article

NLP = spacy.blank("en")


def parse(rows: list[tuple[str, str, str, str, int, str]], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, lemma, pos, tag, head index, dep) rows; a sentence per Doc."""
    words = [r[0] for r in rows]
    spaces = spaces_for(words)
    doc = Doc(NLP.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              tags=[r[3] for r in rows], heads=[r[4] for r in rows], deps=[r[5] for r in rows],
              ents=ents or ["O"] * len(rows), sent_starts=[True] + [False] * (len(rows) - 1))
    register_extensions()
    doc._.article = Article(text=doc.text, source="test", published="2021-08-09", published_from="input")
    return doc


# "The envoy called for a ceasefire ."
CALL_FOR = [("The", "the", "DET", "DT", 1, "det"), ("envoy", "envoy", "NOUN", "NN", 2, "nsubj"),
            ("called", "call", "VERB", "VBD", 2, "ROOT"), ("for", "for", "ADP", "IN", 2, "prep"),
            ("a", "a", "DET", "DT", 5, "det"), ("ceasefire", "ceasefire", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct")]
# "The envoy called the minister ."
CALL_BARE = [("The", "the", "DET", "DT", 1, "det"), ("envoy", "envoy", "NOUN", "NN", 2, "nsubj"),
             ("called", "call", "VERB", "VBD", 2, "ROOT"), ("the", "the", "DET", "DT", 4, "det"),
             ("minister", "minister", "NOUN", "NN", 2, "dobj"), (".", ".", "PUNCT", ".", 2, "punct")]
# "The base was attacked by rebels ."
PASSIVE = [("The", "the", "DET", "DT", 1, "det"), ("base", "base", "NOUN", "NN", 3, "nsubjpass"),
           ("was", "be", "AUX", "VBD", 3, "auxpass"), ("attacked", "attack", "VERB", "VBN", 3, "ROOT"),
           ("by", "by", "ADP", "IN", 3, "agent"), ("rebels", "rebel", "NOUN", "NNS", 4, "pobj"),
           (".", ".", "PUNCT", ".", 3, "punct")]
# "Rebels will not attack the base if talks resume ."
FUTURE_NEG = [("Rebels", "rebel", "NOUN", "NNS", 3, "nsubj"), ("will", "will", "AUX", "MD", 3, "aux"),
              ("not", "not", "PART", "RB", 3, "neg"), ("attack", "attack", "VERB", "VB", 3, "ROOT"),
              ("the", "the", "DET", "DT", 5, "det"), ("base", "base", "NOUN", "NN", 3, "dobj"),
              (".", ".", "PUNCT", ".", 3, "punct")]
# "Rebels will attack the base ."
FUTURE = [("Rebels", "rebel", "NOUN", "NNS", 2, "nsubj"), ("will", "will", "AUX", "MD", 2, "aux"),
          ("attack", "attack", "VERB", "VB", 2, "ROOT"), ("the", "the", "DET", "DT", 4, "det"),
          ("base", "base", "NOUN", "NN", 2, "dobj"), (".", ".", "PUNCT", ".", 2, "punct")]
# "Rebels attack if troops advance ."
CONDITIONAL = [("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"), ("attack", "attack", "VERB", "VBP", 1, "ROOT"),
               ("if", "if", "SCONJ", "IN", 4, "mark"), ("troops", "troop", "NOUN", "NNS", 4, "nsubj"),
               ("strike", "strike", "VERB", "VBP", 1, "advcl"), (".", ".", "PUNCT", ".", 1, "punct")]
# "Iran must release the sailors ."
MUST = [("Iran", "Iran", "PROPN", "NNP", 2, "nsubj"), ("must", "must", "AUX", "MD", 2, "aux"),
        ("release", "release", "VERB", "VB", 2, "ROOT"), ("the", "the", "DET", "DT", 4, "det"),
        ("sailors", "sailor", "NOUN", "NNS", 2, "dobj"), (".", ".", "PUNCT", ".", 2, "punct")]


def test_events_lexicon_prefers_the_entry_whose_preposition_is_present() -> None:
    doc = parse(CALL_FOR)
    match = load_lexicon().match(doc[2], "verb")
    assert match is not None and match.entry.type == "REQUEST" and match.partner is not None and match.partner.i == 3


def test_events_lexicon_lemma_needing_a_partner_is_nothing_alone() -> None:
    assert load_lexicon().match(parse(CALL_BARE)[2], "verb") is None


def test_events_lexicon_rows_name_known_types_and_codes() -> None:
    from eventwire import ontology

    for entry in load_lexicon().entries:
        assert entry.type in ontology.PLOVER_TYPES, entry
        assert entry.cameo in ontology.cameo_codes(), entry
        assert entry.pos in ("verb", "noun")


def test_events_passive_subject_is_patient_and_agent_is_actor() -> None:
    doc = parse(PASSIVE)
    subjects, passive = subjects_of(doc[3])
    assert passive and [t.text for t in subjects] == ["base"]
    (event,) = EventCoder().events(doc)
    assert event.type == "ASSAULT"
    assert [a.text for a in event.actor] == ["rebels"] and event.actor[0].sector == "REB"


def test_events_modality_negation_beats_future() -> None:
    doc = parse(FUTURE_NEG)
    assert modality_of(doc[3], None) == "negated"
    assert modality_of(parse(FUTURE)[2], None) == "future" and is_intent(parse(FUTURE)[2])


def test_events_modality_conditional_clause_is_hypothetical_but_not_intent() -> None:
    doc = parse(CONDITIONAL)
    assert modality_of(doc[4], None) == "hypothetical"
    assert not is_intent(doc[4])


def test_events_obligation_is_read_from_must() -> None:
    assert obligation_of(parse(MUST)[2])
    assert not obligation_of(parse(FUTURE)[2])


def test_events_coder_codes_nothing_in_a_sentence_without_trigger() -> None:
    rows = [("Kabul", "Kabul", "PROPN", "NNP", 1, "nsubj"), ("was", "be", "AUX", "VBD", 1, "ROOT"),
            ("quiet", "quiet", "ADJ", "JJ", 1, "acomp"), (".", ".", "PUNCT", ".", 1, "punct")]
    assert EventCoder().events(parse(rows)) == []


@pytest.mark.parametrize("rows", [FUTURE])
def test_events_future_assault_intent_becomes_a_threat(rows: list[tuple[str, str, str, str, int, str]]) -> None:
    (event,) = EventCoder().events(parse(rows))
    assert event.type == "THREATEN" and event.modality == "future" and event.cameo.startswith("13")


def test_events_gerund_coordinated_with_an_event_noun_shares_its_actor() -> None:
    # "Plans held despite the rebel capture of Hodeidah and then breaking through ." as spaCy parses
    # the seed report's sentence: the gerund is a conjunct of the preposition.
    rows = [("Plans", "plan", "NOUN", "NNS", 1, "nsubj"), ("held", "hold", "VERB", "VBD", 1, "ROOT"),
            ("despite", "despite", "SCONJ", "IN", 1, "prep"), ("the", "the", "DET", "DT", 5, "det"),
            ("rebel", "rebel", "ADJ", "JJ", 5, "amod"), ("capture", "capture", "NOUN", "NN", 2, "pobj"),
            ("of", "of", "ADP", "IN", 5, "prep"), ("Hodeidah", "Hodeidah", "PROPN", "NNP", 6, "pobj"),
            ("and", "and", "CCONJ", "CC", 2, "cc"), ("then", "then", "ADV", "RB", 10, "advmod"),
            ("breaking", "break", "VERB", "VBG", 2, "conj"), ("through", "through", "ADP", "RP", 10, "prt"),
            (".", ".", "PUNCT", ".", 1, "punct")]
    events = EventCoder().events(parse(rows, ents=["O"] * 7 + ["B-GPE"] + ["O"] * 5))
    assert [e.trigger.text for e in events] == ["breaking through", "capture"]
    assert all(e.actor and e.actor[0].text == "rebel" and e.actor[0].sector == "REB" for e in events)


@pytest.mark.parametrize(("word", "tag", "base"), [
    ("staged", "VBD", "stage"), ("stopped", "VBD", "stop"), ("carried", "VBN", "carry"),
    ("staging", "VBG", "stage"), ("rallies", "NNS", "rally"), ("pushes", "VBZ", "push"),
])
def test_lexicon_a_lemma_the_model_cut_wrong_is_found_from_the_spelling(word: str, tag: str, base: str) -> None:
    from eventwire.extractors.lexicon import uninflected

    doc = Doc(NLP.vocab, words=[word], tags=[tag], lemmas=[word[:4]])
    assert base in uninflected(doc[0])
