"""Long articles parsed in parts, so that memory stays bounded whatever an article's length.

spaCy's parser holds the whole text it is given: memory grows by about 3 kB per character (a 400 kB text
needs 1.7 GB). An article longer than `model.chunk_chars` is therefore cut at paragraph breaks (or, in a
paragraph longer than that, at a sentence end; failing that, at a token) into pieces of at most that
length; spaCy's own components and the paragraph splitter run on each piece, `Doc.from_docs` joins the
parsed pieces back into one Doc with the article's exact text, and our stages then run once on the whole
Doc, so quotes, mention clusters and events still see the whole article.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extractors.paragraphs import doc_paragraphs


def cut_points(doc: Doc, limit: int) -> list[int]:
    """Token indices where the pieces of `doc` start (0 first); each piece at most `limit` characters
    where the text allows it: cut at the last paragraph break before the limit, else at the last sentence
    end, else at the token that crosses it."""
    token_at = {t.idx: t.i for t in doc}
    paragraphs = {token_at[s] for s in doc_paragraphs(doc) if s in token_at}
    cuts = [0]
    piece_start = 0
    paragraph = sentence = 0
    for token in doc[1:]:
        if token.i in paragraphs:
            paragraph = token.i
        elif doc[token.i - 1].text in (".", "!", "?") and token.is_title:
            sentence = token.i
        if token.idx + len(token.text) - piece_start > limit:
            cut = paragraph if paragraph > cuts[-1] else sentence if sentence > cuts[-1] else token.i
            cuts.append(cut)
            piece_start = doc[cut].idx
    return cuts


def parse_in_pieces(nlp: Language, doc: Doc, limit: int, skip: Sequence[str]) -> Doc:
    """`doc` parsed piece by piece with `nlp`'s components other than `skip`, joined back into one Doc."""
    cuts = cut_points(doc, limit)
    bounds = list(zip(cuts, [*cuts[1:], len(doc)], strict=True))
    pieces = [doc[a:b].as_doc() for a, b in bounds if b > a]
    parsed = list(nlp.pipe(pieces, disable=list(skip), batch_size=1))  # one piece in memory at a time
    for piece in parsed:
        piece.user_data.clear()  # per-piece caches (the text) mean nothing for the whole
    whole = Doc.from_docs(parsed, ensure_whitespace=False)
    if whole.text != doc.text:  # never expected: offsets must point into the article's text
        raise ValueError("the parsed pieces do not join back into the article's text")
    whole.user_data.update(doc.user_data)
    return whole


__all__ = ["cut_points", "parse_in_pieces"]
