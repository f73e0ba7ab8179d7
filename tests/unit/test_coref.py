"""In-article actor resolution on hand-built Docs (no model): names, aliases, descriptions, pronouns."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extractors.actors import article_actors
from eventwire.extractors.coref import _in_quotes, antecedent, canonical_actor, resolve
from eventwire.nlp import register_extensions
from eventwire.types import Actor, Article, Event
from eventwire.types import Span as TextSpan

NLP = spacy.blank("en")


def parse(sentences: list[list[tuple[str, str, int, str, str]]]) -> Doc:
    """A Doc from sentences of (word, pos, head offset within the sentence, dep, entity IOB tag) rows."""
    words: list[str] = []
    pos: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    ents: list[str] = []
    starts: list[bool] = []
    for sent in sentences:
        base = len(words)
        for i, (word, tag, head, dep, ent) in enumerate(sent):
            words.append(word)
            pos.append(tag)
            heads.append(base + head)
            deps.append(dep)
            ents.append(ent)
            starts.append(i == 0)
    spaces = [True] * len(words)
    for i, word in enumerate(words[1:], start=1):
        if word in ".,()" or words[i - 1] == "(":
            spaces[i - 1] = False
    doc = Doc(NLP.vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps, ents=ents,
              lemmas=[w.lower() for w in words], sent_starts=starts)
    register_extensions()
    doc._.article = Article(text=doc.text, source="test", published="2031-05-04", published_from="input")
    return doc


O_ = "O"  # outside any entity
# Chief of Staff (COS) General Ann Doe arrived.
TITLED = [("Chief", "PROPN", 8, "compound", O_), ("of", "ADP", 0, "prep", O_), ("Staff", "PROPN", 1, "pobj", O_),
          ("(", "PUNCT", 4, "punct", O_), ("COS", "PROPN", 8, "appos", "B-ORG"), (")", "PUNCT", 4, "punct", O_),
          ("General", "PROPN", 8, "compound", O_), ("Ann", "PROPN", 8, "compound", "B-PERSON"),
          ("Doe", "PROPN", 9, "nsubj", "I-PERSON"), ("arrived", "VERB", 9, "ROOT", O_), (".", "PUNCT", 9, "punct", O_)]
# The COS spoke.
THE_COS = [("The", "DET", 1, "det", O_), ("COS", "PROPN", 2, "nsubj", "B-ORG"), ("spoke", "VERB", 2, "ROOT", O_),
           (".", "PUNCT", 2, "punct", O_)]
# Doe spoke.
SURNAME = [("Doe", "PROPN", 1, "nsubj", "B-PERSON"), ("spoke", "VERB", 1, "ROOT", O_), (".", "PUNCT", 1, "punct", O_)]
# She left.
SHE = [("She", "PRON", 1, "nsubj", O_), ("left", "VERB", 1, "ROOT", O_), (".", "PUNCT", 1, "punct", O_)]
# A Ruritanian official arrived.
AN_OFFICIAL = [("A", "DET", 2, "det", O_), ("Ruritanian", "ADJ", 2, "amod", "B-NORP"),
               ("official", "NOUN", 3, "nsubj", O_), ("arrived", "VERB", 3, "ROOT", O_), (".", "PUNCT", 3, "punct", O_)]
# The official left.
THE_OFFICIAL = [("The", "DET", 1, "det", O_), ("official", "NOUN", 2, "nsubj", O_), ("left", "VERB", 2, "ROOT", O_),
                (".", "PUNCT", 2, "punct", O_)]


def test_coref_surname_joins_the_full_name() -> None:
    doc = parse([TITLED, SURNAME])
    res = resolve(doc)
    doe, later = res.by_token[8], res.by_token[11]
    assert doe.cluster == later.cluster


def test_coref_bracketed_abbreviation_after_a_title_names_the_person_and_gives_the_role() -> None:
    doc = parse([TITLED, THE_COS])
    res = resolve(doc)
    person = res.clusters[res.by_token[8].cluster]
    assert "COS" in person.aliases
    assert person.role == "Chief of Staff"
    assert res.by_token[12].cluster == person.id


def test_coref_pronoun_takes_the_latest_person_subject() -> None:
    doc = parse([TITLED, SHE])
    found = antecedent(doc[11])
    assert found is not None and found.text == "Doe"


def test_coref_definite_description_refers_back_to_the_indefinite_one() -> None:
    doc = parse([AN_OFFICIAL, THE_OFFICIAL])
    found = antecedent(doc[6])
    assert found is not None and found.i == 2


def test_coref_indefinite_descriptions_start_clusters_of_their_own() -> None:
    doc = parse([AN_OFFICIAL, AN_OFFICIAL])
    res = resolve(doc)
    assert res.by_token[2].cluster != res.by_token[7].cluster


def test_coref_gives_a_mention_the_canonical_actor_and_keeps_its_words() -> None:
    doc = parse([TITLED, SURNAME])
    mention = Actor(text="Doe", name="Doe", kind="person", start=doc[11].idx, end=doc[11].idx + 3)
    actor = canonical_actor(doc, mention)
    assert actor.name == "Ann Doe" and actor.text == "Doe" and actor.start == doc[11].idx
    assert actor.role == "Chief of Staff"
    event = Event(id="e1", type="CONSULT", trigger=TextSpan("spoke", doc[12].idx, doc[12].idx + 5),
                  sentence=TextSpan(doc.text, 0, len(doc.text)), actor=[actor])
    assert [a.name for a in article_actors(doc, [event])] == ["Ann Doe"]


def test_coref_quote_holding_a_position_is_the_first_one_by_bisection_as_by_scan() -> None:
    # Quoted stretches widened by their marks: in order, the end of one may touch the start of the next.
    spans = [(3, 10), (10, 18), (18, 18), (25, 40), (40, 41)]
    ends = [end for _, end in spans]
    for pos in range(-1, 45):
        assert _in_quotes(spans, pos, ends) == _in_quotes(spans, pos), pos
    assert _in_quotes(spans, 10, ends) == (10, 18)
    assert _in_quotes(spans, 20, ends) is None
