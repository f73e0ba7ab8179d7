"""The speaker an event is attributed to when it is told inside a quotation."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from spacy.tokens import Doc

from eventwire.types import Attribution

_QUOTE_INDEX = "eventwire.quote_index"


def quote_attribution(doc: Doc, start: int, end: int) -> Attribution | None:
    """An event inside a quotation is attributed to the quote's speaker (doc._.quotes, when quoted)."""
    quotes = doc._.quotes or []
    # The quotes come in text order, none longer than `longest`: those that can hold the event start between
    # end - longest and start, found by bisection (once per Doc) rather than by a scan of them all per event.
    index = doc.user_data.get(_QUOTE_INDEX)
    if index is None or index[0] is not quotes:
        by_start = [q.content.start for q in quotes]
        longest = max((q.content.end - q.content.start for q in quotes), default=0)
        index = (quotes, by_start if all(a <= b for a, b in pairwise(by_start)) else None, longest)
        doc.user_data[_QUOTE_INDEX] = index
    _, starts, longest = index
    near = range(bisect_left(starts, end - longest), bisect_right(starts, start)) if starts is not None else \
        range(len(quotes))
    for i in near:
        quote = quotes[i]
        if quote.content.start <= start and end <= quote.content.end and quote.speaker is not None:
            cue = quote.speaker_span or quote.cue or quote.content
            return Attribution(text=cue.text, start=cue.start, end=cue.end, source=quote.speaker)
    return None


__all__ = ["quote_attribution"]
