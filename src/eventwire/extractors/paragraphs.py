"""Paragraphs and quotation marks: the layout of an article's text, read before anything is parsed.

A paragraph break always ends a sentence (`eventwire_paragraphs` runs before the parser, which
otherwise glues a closing quotation mark to the next paragraph's first words). `quoted_stretches`
finds every stretch between quotation marks; the quote finder and the mention clusters both read it.
"""

from __future__ import annotations

import re
from typing import cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from eventwire.nlp.extensions import doc_text

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
_PARAGRAPHS = "eventwire_paragraphs"
_STRETCHES = "eventwire_quoted_stretches"


# -- paragraphs and marks ----------------------------------------------------------------------------------


def paragraph_breaks(text: str) -> list[int]:
    """Offsets where paragraphs start. Blank lines separate paragraphs; in a text without any, each
    line is one (wire copy and scraped pages often put one paragraph per line)."""
    sep = re.compile(r"\n[ \t\r\f\v]*\n\s*") if re.search(r"\n[ \t\r]*\n", text) else re.compile(r"\n\s*")
    return [0] + [m.end() for m in sep.finditer(text)]


def paragraph_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def paragraph_end(text: str, starts: list[int], index: int) -> int:
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    while end > starts[index] and text[end - 1].isspace():
        end -= 1
    return end


def _is_opening(text: str, pos: int) -> bool:
    ch = text[pos]
    if ch in OPEN_MARKS:
        return True
    if ch in CLOSE_MARKS:
        return False
    before = text[pos - 1] if pos > 0 else "\n"
    return before.isspace() or before in "([{—–-:"


def doc_paragraphs(doc: Doc) -> list[int]:
    """`paragraph_breaks` of the Doc's text, found once per Doc (the paragraph splitter, the quote finder and
    the pronoun resolver all ask). The list is shared by every caller, not copied (the resolver asks for every
    pronoun): read it, never change it."""
    found = doc.user_data.get(_PARAGRAPHS)
    if found is None:
        found = doc.user_data[_PARAGRAPHS] = paragraph_breaks(doc_text(doc))
    return found


def doc_quoted_stretches(doc: Doc) -> list[tuple[int, int, bool, bool]]:
    """`quoted_stretches` of the Doc's text, found once per Doc (the quote finder and coreference both ask);
    shared, not copied: read it, never change it."""
    found = doc.user_data.get(_STRETCHES)
    if found is None:
        found = doc.user_data[_STRETCHES] = quoted_stretches(doc_text(doc))
    return found


def quoted_stretches(text: str) -> list[tuple[int, int, bool, bool]]:
    """(start, end, closed, continues) of every marked stretch: the text between the marks, marks left out.

    `continues`: the stretch was cut by the end of its paragraph and the next paragraph opens with a
    quotation mark (the quote goes on there).
    """
    starts = paragraph_breaks(text)
    marks = [i for i, ch in enumerate(text) if ch in OPEN_MARKS or ch in CLOSE_MARKS or ch == STRAIGHT]
    found: list[tuple[int, int, bool, bool]] = []
    open_at: int | None = None

    def unclosed(begin: int, stop: int) -> None:
        para = paragraph_of(starts, begin)
        end = min(stop, paragraph_end(text, starts, para))
        nxt = starts[para + 1] if para + 1 < len(starts) else None
        continues = end < stop and nxt is not None and nxt < len(text) and _is_opening(text, nxt) and \
            text[nxt] in OPEN_MARKS + STRAIGHT
        found.append((begin + 1, end, False, continues))

    for pos in marks:
        opening = _is_opening(text, pos)
        if open_at is not None and paragraph_of(starts, pos) != paragraph_of(starts, open_at):
            unclosed(open_at, pos)
            open_at = None
        if opening:
            if open_at is not None:
                unclosed(open_at, pos)
            open_at = pos
        elif open_at is not None:
            found.append((open_at + 1, pos, True, False))
            open_at = None
    if open_at is not None:
        unclosed(open_at, len(text))
    return [f for f in found if text[f[0]:f[1]].strip()]


def set_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token of every paragraph as a sentence start (run before the parser).

    The parser otherwise glues a closing quotation to the next paragraph's first words.
    """
    starts = set(doc_paragraphs(doc)[1:])
    # Set through an array: the token attribute asks spaCy whether the Doc is parsed, a walk over all its tokens,
    # at every paragraph (quadratic in a long article).
    marks = cast("Ints2d", doc.to_array([SENT_START]).reshape((len(doc), 1)))
    for token in doc[1:]:
        if token.idx in starts and not token.is_space:
            marks[token.i, 0] = 1
    doc.from_array([SENT_START], marks)
    return doc


@Language.component("eventwire_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_splitter(doc: Doc) -> Doc:
    return set_paragraph_starts(doc)


__all__ = ["CLOSE_MARKS", "OPEN_MARKS", "STRAIGHT", "doc_paragraphs", "doc_quoted_stretches",
           "make_paragraph_splitter", "paragraph_breaks", "paragraph_end", "paragraph_of", "quoted_stretches",
           "set_paragraph_starts"]
