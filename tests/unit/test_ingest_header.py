from __future__ import annotations

import pytest
from tests.conftest import PAGE_TEXT

from eventwire.ingest.header import find_header, parse_date, split_lines


def _kinds(text: str) -> dict[str, list[str]]:
    header = find_header(text)
    out: dict[str, list[str]] = {}
    for b in header.boilerplate or []:
        out.setdefault(b.kind, []).append(text[b.start:b.end])
    return out


def test_header_fills_title_byline_and_published() -> None:
    header = find_header(PAGE_TEXT)
    assert header.title == "Kabul airport evacuation resumes, officials say"
    assert header.byline == "Sample Desk"
    assert header.published == "2021-08-17T09:15:00"


def test_header_marks_each_piece_of_furniture_with_its_kind() -> None:
    kinds = _kinds(PAGE_TEXT)
    assert kinds["title"] == ["Kabul airport evacuation resumes, officials say"]
    assert kinds["byline"] == ["By: Sample Desk"]
    assert "Published: 09:15 AM, 17 Aug, 2021" in kinds["dateline"]
    assert kinds["caption"] == ["Soldiers and civilians at the airport",
                                "Caption: Evacuees wait at the airport in Kabul"]
    assert "Download the Sample News app for Android and iOS" in kinds["promo"]
    assert "Copyright © 2021 Sample News. All rights reserved." in kinds["promo"]
    assert kinds["related-link"] == ["Read More: Taliban enter the capital"]


def test_header_finds_news_dateline_without_swallowing_the_sentence() -> None:
    kinds = _kinds(PAGE_TEXT)
    assert "KABUL, Aug 17 (Sample Wire) —" in kinds["dateline"]


def test_header_leaves_prose_that_mentions_social_media_alone() -> None:
    text = PAGE_TEXT
    prose = "The spokesman for a fictional relief group said on Twitter that food was running short."
    start = text.index(prose)
    for b in find_header(text).boilerplate or []:
        assert not (b.start < start + len(prose) and start < b.end), text[b.start:b.end]


def test_header_without_header_lines_marks_nothing() -> None:
    text = ("The Taliban captured the northern city of Kunduz on Sunday, officials said, the third provincial "
            "capital to fall in three days.\n\nFighting continued elsewhere.\n")
    header = find_header(text)
    assert header.title is None and header.byline is None and header.published is None
    assert header.boilerplate == []


def test_header_short_first_paragraph_sentence_is_not_a_caption() -> None:
    text = "Kunduz fell on Sunday.\n\nThe Taliban said they controlled the city, a claim officials disputed later.\n"
    assert find_header(text).boilerplate == []


def test_header_spans_point_at_the_text_with_crlf_newlines() -> None:
    text = PAGE_TEXT.replace("\n", "\r\n")
    for b in find_header(text).boilerplate or []:
        piece = text[b.start:b.end]
        assert piece == piece.strip() and "\r" not in piece and "\n" not in piece


def test_header_first_publication_line_wins_over_updated() -> None:
    text = ("Talks resume in Doha\n\nPublished: 2021-08-12 10:00\nUpdated: 2021-08-13 08:00\n\n"
            "Negotiators from both sides met again in the Qatari capital on Thursday, a mediator said.\n")
    assert find_header(text).published == "2021-08-12T10:00:00"


@pytest.mark.parametrize(("written", "iso"), [
    ("Published: 03:08 PM, 14 Apr, 2021", "2021-04-14T15:08:00"),
    ("2021-08-15 09:30", "2021-08-15T09:30:00"),
    ("August 16, 2021 7:45 AM", "2021-08-16T07:45:00"),
    ("Sat 14 Aug 2021 18.02 BST", "2021-08-14T18:02:00"),
    ("2021-08-15", "2021-08-15"),
    ("14 April 2021", "2021-04-14"),
    ("15 Aug 2021, 4.30 p.m.", "2021-08-15T16:30:00"),
])
def test_header_parse_date_reads_common_publication_formats(written: str, iso: str) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize("written", ["April 2021", "no date here", "Sunday", "09:30"])
def test_header_parse_date_needs_a_year_and_a_day(written: str) -> None:
    assert parse_date(written) is None


def test_header_split_lines_keeps_offsets() -> None:
    text = "a\r\nbc\n\nd"
    assert [(line.start, line.end, line.text) for line in split_lines(text)] == [
        (0, 1, "a"), (3, 5, "bc"), (6, 6, ""), (7, 8, "d")]


def test_header_hyphenated_first_word_is_not_a_dateline() -> None:
    text = "NATO-member Norway is willing to send material support to the mission, its minister said.\n"
    assert find_header(text).boilerplate == []
    spaced = "KABUL - Flights resumed at the airport on Tuesday after a pause, officials said.\n"
    assert [b.kind for b in find_header(spaced).boilerplate or []] == ["dateline"]


# Hard-wrapped plain text (~60-70 columns, indented paragraphs), written for these tests.
WRAPPED = """    The interior minister said on Tuesday that talks with the
  opposition would resume next week in the capital, after two
  months of protests over the disputed election results.

    Foreign Minister Amina Haddad met her counterpart Jonas
  Lindqvist in Geneva on Monday to discuss the border dispute
  between the two countries, officials said.
"""


def test_header_hard_wrapped_body_lines_are_neither_title_nor_caption() -> None:
    header = find_header(WRAPPED)
    assert header.title is None
    assert header.boilerplate == []


def test_header_hard_wrapped_paragraph_broken_before_a_name_stays_body() -> None:
    text = WRAPPED.split("\n\n")[1]
    assert find_header(text).boilerplate == []


def test_header_title_above_a_hard_wrapped_body_is_still_the_title() -> None:
    text = "Talks to resume in the capital\n\n" + WRAPPED
    header = find_header(text)
    assert header.title == "Talks to resume in the capital"
    assert [(b.kind, text[b.start:b.end]) for b in header.boilerplate] == [
        ("title", "Talks to resume in the capital")]


def test_header_block_of_title_byline_and_date_is_not_taken_for_wrapped_prose() -> None:
    text = ("Talks to resume in the capital\nBy Maria Holm\nPublished 14 April 2021\n"
            "The interior minister said on Tuesday that talks would resume.\n")
    header = find_header(text)
    assert (header.title, header.byline, header.published) == (
        "Talks to resume in the capital", "Maria Holm", "2021-04-14")


def test_header_headline_ending_in_a_semicolon_keeps_its_standfirst_apart() -> None:
    text = ("In the port city, a tense wait;\nResidents hope the strike ends before the winter.\n\n"
            "Dock workers walked out on Monday over pay, their union said.\n")
    assert find_header(text).title == "In the port city, a tense wait;"


def test_header_first_line_of_two_sentences_is_body_not_title() -> None:
    text = ("Here is a look at the harvest festival, held on the last Sunday of October. "
            "In 2020, it is on October 25.Facts:\nFarmers bring about 300 carts of apples.\n")
    header = find_header(text)
    assert header.title is None and header.boilerplate == []


# Hard-wrapped articles of our own (tests/data/hard_wrapped) and the furniture each really has.
_WRAPPED_FURNITURE = {
    "flood.txt": ["Flood defences tested as river rises", "By Maria Ellison", "Published March 3, 2024",
                  "HALDENBURG, March 3 (Sample Wire) --", "Advertisement"],
    "valley.txt": ["Copyright 2024 Sample Wire. All rights reserved."],
    "ceasefire.txt": ["Ceasefire talks to resume in Geneva", "More: Previous rounds ended without agreement"],
}


def _body_kept(text: str, furniture: list[str]) -> tuple[int, int, list[str]]:
    """(body characters kept, body characters, furniture lines not marked): body is every non-space character
    outside the article's real furniture."""
    spans = find_header(text).boilerplate or []
    real = [(text.index(piece), text.index(piece) + len(piece)) for piece in furniture]
    body = [i for i, ch in enumerate(text) if not ch.isspace() and not any(s <= i < e for s, e in real)]
    kept = [i for i in body if not any(b.start <= i < b.end for b in spans)]
    missed = [piece for piece, (s, e) in zip(furniture, real, strict=True)
              if not any(b.start <= s and e <= b.end for b in spans)]
    return len(kept), len(body), missed


@pytest.mark.parametrize("name", sorted(_WRAPPED_FURNITURE))
def test_header_hard_wrapped_article_loses_no_body_text_to_furniture(name: str) -> None:
    from pathlib import Path

    text = (Path(__file__).parents[1] / "data" / "hard_wrapped" / name).read_text(encoding="utf-8")
    kept, body, missed = _body_kept(text, _WRAPPED_FURNITURE[name])
    assert (kept, missed) == (body, [])
