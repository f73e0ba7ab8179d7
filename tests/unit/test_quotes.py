"""The quote finder on hand-built Docs (no model): marks, paragraphs, direct, mixed and indirect quotes."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extractors.paragraphs import paragraph_breaks, quoted_stretches, set_paragraph_starts
from eventwire.extractors.quotes import QuoteFinder
from eventwire.nlp import register_extensions
from eventwire.types import Article

NLP = spacy.blank("en")
NO_SPACE_AFTER = {"“", "("}
NO_SPACE_BEFORE = {".", ",", "”", ")", ":", "?"}
LEMMAS = {"said": "say", "says": "say", "told": "tell", "responded": "respond", "called": "call",
          "declined": "decline", "accused": "accuse", "showed": "show", "showing": "show", "shouted": "shout",
          "wrote": "write"}


def parse(rows: list[tuple[str, str, int, str]], ents: list[str] | None = None, starts: tuple[int, ...] = ()) -> Doc:
    """A Doc from (word, pos, head index, dep) rows; one sentence, or one more at each of `starts`."""
    words = [r[0] for r in rows]
    spaces = [w not in NO_SPACE_AFTER for w in words]
    for i, word in enumerate(words[1:], start=1):
        if word in NO_SPACE_BEFORE:
            spaces[i - 1] = False
    spaces[-1] = False
    lemmas = [LEMMAS.get(w, w.lower()) for w in words]
    tags = ["VBG" if w.endswith("ing") and r[1] == "VERB" else "" for w, r in zip(words, rows, strict=True)]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=[r[1] for r in rows], tags=tags,
              heads=[r[2] for r in rows], deps=[r[3] for r in rows], ents=ents or ["O"] * len(rows),
              sent_starts=[i == 0 or i in starts for i in range(len(rows))])
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


# “The border is open,” responded the envoy.  (the parser takes the speaker after the verb for its object)
INVERTED = [("“", "PUNCT", 7, "punct"), ("The", "DET", 2, "det"), ("border", "NOUN", 3, "nsubj"),
            ("is", "AUX", 7, "ccomp"), ("open", "ADJ", 3, "acomp"), (",", "PUNCT", 7, "punct"),
            ("”", "PUNCT", 7, "punct"), ("responded", "VERB", 7, "ROOT"), ("the", "DET", 9, "det"),
            ("envoy", "NOUN", 7, "dobj"), (".", "PUNCT", 7, "punct")]
# Jon Roe called the plan “a reckless gamble”.
CALLED = [("Jon", "PROPN", 1, "compound"), ("Roe", "PROPN", 2, "nsubj"), ("called", "VERB", 2, "ROOT"),
          ("the", "DET", 4, "det"), ("plan", "NOUN", 2, "dobj"), ("“", "PUNCT", 8, "punct"),
          ("a", "DET", 8, "det"), ("reckless", "ADJ", 8, "amod"), ("gamble", "NOUN", 2, "oprd"),
          ("”", "PUNCT", 2, "punct"), (".", "PUNCT", 2, "punct")]
# The ministry declined to comment.
DECLINED = [("The", "DET", 1, "det"), ("ministry", "NOUN", 2, "nsubj"), ("declined", "VERB", 2, "ROOT"),
            ("to", "PART", 4, "aux"), ("comment", "VERB", 2, "xcomp"), (".", "PUNCT", 2, "punct")]
# Borduria accused Ruritania of shelling the village.
ACCUSED = [("Borduria", "PROPN", 1, "nsubj"), ("accused", "VERB", 1, "ROOT"), ("Ruritania", "PROPN", 1, "dobj"),
           ("of", "ADP", 1, "prep"), ("shelling", "VERB", 3, "pcomp"), ("the", "DET", 6, "det"),
           ("village", "NOUN", 4, "dobj"), (".", "PUNCT", 1, "punct")]
# Farmers backed a poll showing Ann Doe ahead.
SHOWING = [("Farmers", "NOUN", 1, "nsubj"), ("backed", "VERB", 1, "ROOT"), ("a", "DET", 3, "det"),
           ("poll", "NOUN", 1, "dobj"), ("showing", "VERB", 3, "acl"), ("Ann", "PROPN", 6, "compound"),
           ("Doe", "PROPN", 4, "dobj"), ("ahead", "ADV", 4, "advmod"), (".", "PUNCT", 1, "punct")]
# “Close the gates,” the guard shouted at the crowd.
SHOUTED = [("“", "PUNCT", 8, "punct"), ("Close", "VERB", 8, "ccomp"), ("the", "DET", 3, "det"),
           ("gates", "NOUN", 1, "dobj"), (",", "PUNCT", 8, "punct"), ("”", "PUNCT", 8, "punct"),
           ("the", "DET", 7, "det"), ("guard", "NOUN", 8, "nsubj"), ("shouted", "VERB", 8, "ROOT"),
           ("at", "ADP", 8, "prep"), ("the", "DET", 11, "det"), ("crowd", "NOUN", 9, "pobj"),
           (".", "PUNCT", 8, "punct")]


def test_quotes_a_speaker_after_the_verb_is_the_speaker_even_when_parsed_as_object() -> None:
    (quote,) = QuoteFinder()(parse(INVERTED))._.quotes
    assert quote.kind == "direct" and quote.content.text == "The border is open"
    assert quote.cue is not None and quote.cue.text == "responded"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the envoy"


def test_quotes_manner_of_speaking_verbs_are_cues() -> None:
    (quote,) = QuoteFinder()(parse(SHOUTED))._.quotes
    assert quote.cue is not None and quote.cue.text == "shouted"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the guard"


def test_quotes_calling_something_a_quoted_name_is_a_mixed_quote_of_object_and_predicate() -> None:
    (quote,) = QuoteFinder()(parse(CALLED))._.quotes
    assert quote.kind == "mixed"
    assert quote.content.text == "the plan “a reckless gamble"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Jon Roe"


def test_quotes_declining_to_comment_is_reported() -> None:
    (quote,) = QuoteFinder()(parse(DECLINED))._.quotes
    assert quote.kind == "indirect" and quote.content.text == "to comment"
    assert quote.speaker_span is not None and quote.speaker_span.text == "The ministry"


def test_quotes_an_accusation_keeps_the_charge_with_the_accused() -> None:
    (quote,) = QuoteFinder()(parse(ACCUSED))._.quotes
    assert quote.content.text == "Ruritania of shelling the village"
    assert quote.cue is not None and quote.cue.text == "accused"


def test_quotes_a_finding_reported_by_a_participle_belongs_to_the_noun_it_describes() -> None:
    quotes = QuoteFinder()(parse(SHOWING))._.quotes
    shown = [q for q in quotes if q.cue is not None and q.cue.text == "showing"]
    assert len(shown) == 1 and shown[0].content.text == "Ann Doe ahead"
    assert shown[0].speaker_span is not None and shown[0].speaker_span.text == "a poll"


# “Can we meet?” her aide wrote.  (the parser ends a sentence at the question mark)
QUESTION = [("“", "PUNCT", 3, "punct"), ("Can", "AUX", 3, "aux"), ("we", "PRON", 3, "nsubj"),
            ("meet", "VERB", 3, "ROOT"), ("?", "PUNCT", 3, "punct"), ("”", "PUNCT", 3, "punct"),
            ("her", "PRON", 7, "poss"), ("aide", "NOUN", 8, "nsubj"), ("wrote", "VERB", 8, "ROOT"),
            (".", "PUNCT", 8, "punct")]
# Jon Roe: Talks Will Resume Next Week
HEADLINE = [("Jon", "PROPN", 1, "compound"), ("Roe", "PROPN", 1, "ROOT"), (":", "PUNCT", 1, "punct"),
            ("Talks", "NOUN", 5, "nsubj"), ("Will", "AUX", 5, "aux"), ("Resume", "VERB", 1, "appos"),
            ("Next", "ADJ", 7, "amod"), ("Week", "PROPN", 5, "npadvmod")]


def test_quotes_a_reporting_clause_the_parser_split_off_after_a_question_still_gives_the_speaker() -> None:
    (quote,) = QuoteFinder()(parse(QUESTION, starts=(6,)))._.quotes
    assert quote.kind == "direct" and quote.content.text == "Can we meet?"
    assert quote.cue is not None and quote.cue.text == "wrote"
    assert quote.speaker_span is not None and quote.speaker_span.text == "her aide"


def test_quotes_a_headline_naming_its_speaker_before_a_colon() -> None:
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 6
    (quote,) = QuoteFinder()(parse(HEADLINE, ents=ents))._.quotes
    assert quote.content.text == "Talks Will Resume Next Week"
    assert quote.cue is not None and quote.cue.text == ":"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Jon Roe"


def test_quotes_paragraph_starts_become_sentence_starts_before_the_parse() -> None:
    doc = NLP.make_doc("The envoy spoke.\n\nTalks went on.\n\nNobody left.")
    set_paragraph_starts(doc)
    assert [t.text for t in doc if t.is_sent_start] == ["The", "Talks", "Nobody"]
    assert [t.text for t in doc if t.is_sent_start is False] == []  # the rest is left to the parser
