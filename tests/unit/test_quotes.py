"""The quote finder on hand-built Docs (no model): marks, paragraphs, direct, mixed and indirect quotes."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extractors.quotes import QuoteFinder, paragraph_breaks, quoted_stretches
from eventwire.nlp import register_extensions
from eventwire.types import Article

NLP = spacy.blank("en")
NO_SPACE_AFTER = {"“", "("}
NO_SPACE_BEFORE = {".", ",", "”", ")", ":"}


def parse(rows: list[tuple[str, str, int, str]], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, pos, head index, dep) rows; one sentence."""
    words = [r[0] for r in rows]
    spaces = [w not in NO_SPACE_AFTER for w in words]
    for i, word in enumerate(words[1:], start=1):
        if word in NO_SPACE_BEFORE:
            spaces[i - 1] = False
    spaces[-1] = False
    lemmas = [{"said": "say", "says": "say", "told": "tell"}.get(w, w.lower()) for w in words]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=[r[1] for r in rows],
              heads=[r[2] for r in rows], deps=[r[3] for r in rows], ents=ents or ["O"] * len(rows),
              sent_starts=[True] + [False] * (len(rows) - 1))
    register_extensions()
    doc._.article = Article(text=doc.text, source="test", published="2031-05-04", published_from="input")
    return doc


# “The talks will resume,” the envoy said.
DIRECT = [("“", "PUNCT", 9, "punct"), ("The", "DET", 2, "det"), ("talks", "NOUN", 4, "nsubj"),
          ("will", "AUX", 4, "aux"), ("resume", "VERB", 9, "ccomp"), (",", "PUNCT", 9, "punct"),
          ("”", "PUNCT", 9, "punct"), ("the", "DET", 8, "det"), ("envoy", "NOUN", 9, "nsubj"),
          ("said", "VERB", 9, "ROOT"), (".", "PUNCT", 9, "punct")]
# Ruritania said that the border will open.
INDIRECT = [("Ruritania", "PROPN", 1, "nsubj"), ("said", "VERB", 1, "ROOT"), ("that", "SCONJ", 6, "mark"),
            ("the", "DET", 4, "det"), ("border", "NOUN", 6, "nsubj"), ("will", "AUX", 6, "aux"),
            ("open", "VERB", 1, "ccomp"), (".", "PUNCT", 1, "punct")]
# Ruritania said that it will back “a free vote”.
MIXED = [("Ruritania", "PROPN", 1, "nsubj"), ("said", "VERB", 1, "ROOT"), ("that", "SCONJ", 5, "mark"),
         ("it", "PRON", 5, "nsubj"), ("will", "AUX", 5, "aux"), ("back", "VERB", 1, "ccomp"),
         ("“", "PUNCT", 9, "punct"), ("a", "DET", 9, "det"), ("free", "ADJ", 9, "amod"), ("vote", "NOUN", 5, "dobj"),
         ("”", "PUNCT", 5, "punct"), (".", "PUNCT", 1, "punct")]
# The rebels condemned the “unlawful” raid.
SCARE = [("The", "DET", 1, "det"), ("rebels", "NOUN", 2, "nsubj"), ("condemned", "VERB", 2, "ROOT"),
         ("the", "DET", 7, "det"), ("“", "PUNCT", 5, "punct"), ("unlawful", "ADJ", 7, "amod"),
         ("”", "PUNCT", 5, "punct"), ("raid", "NOUN", 2, "dobj"), (".", "PUNCT", 2, "punct")]


def test_quotes_paragraphs_are_blank_line_blocks_or_else_lines() -> None:
    assert paragraph_breaks("One.\n\nTwo.\nstill two.\n\nThree.") == [0, 6, 23]
    assert paragraph_breaks("One.\nTwo.\nThree.") == [0, 5, 10]


def test_quotes_a_quote_running_over_paragraphs_continues_and_the_last_one_closes() -> None:
    text = "“We will stay.\n\n“We will rebuild,” she said.\n\nNo quote here."
    stretches = quoted_stretches(text)
    assert [(text[a:b], closed, cont) for a, b, closed, cont in stretches] == [
        ("We will stay.", False, True), ("We will rebuild,", True, False)]


def test_quotes_an_unclosed_quote_ends_at_the_next_opening_mark_or_the_paragraph_end() -> None:
    text = "“First part, the office said. “Second part.\n\nPlain text with no marks."
    spans = [text[a:b] for a, b, _c, _n in quoted_stretches(text)]
    assert spans == ["First part, the office said. ", "Second part."]


def test_quotes_straight_marks_open_after_a_space_and_close_before_one() -> None:
    text = 'He said "we are ready" and left.'
    ((a, b, closed, _),) = quoted_stretches(text)
    assert text[a:b] == "we are ready" and closed


def test_quotes_direct_quote_takes_the_reporting_verb_and_its_subject() -> None:
    doc = QuoteFinder()(parse(DIRECT))
    (quote,) = doc._.quotes
    assert quote.kind == "direct"
    assert quote.content.text == "The talks will resume"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the envoy"
    assert quote.speaker is not None and quote.speaker.sector == "DIP"


def test_quotes_indirect_speech_is_the_complement_clause_without_that() -> None:
    doc = QuoteFinder()(parse(INDIRECT))
    (quote,) = doc._.quotes
    assert quote.kind == "indirect"
    assert quote.content.text == "the border will open"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Ruritania"


def test_quotes_marked_words_inside_reported_speech_make_a_mixed_quote() -> None:
    doc = QuoteFinder()(parse(MIXED))
    (quote,) = doc._.quotes
    assert quote.kind == "mixed"
    assert quote.content.text == "it will back “a free vote"
    assert quote.cue is not None and quote.cue.text == "said"


def test_quotes_scare_quotes_without_a_speaker_are_not_quotes() -> None:
    doc = QuoteFinder()(parse(SCARE))
    assert doc._.quotes == []


def test_quotes_offsets_point_into_the_text() -> None:
    doc = QuoteFinder()(parse(DIRECT))
    for quote in doc._.quotes:
        for span in (quote.content, quote.cue, quote.speaker_span):
            assert span is not None and doc.text[span.start:span.end] == span.text
