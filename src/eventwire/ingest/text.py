"""Plain-text input: bytes decoded without changing a character, then the header and furniture found.

Decoding cascade: a byte-order mark decides when there is one; else strict UTF-8; else
charset-normalizer's best guess, refused when the guess is mostly control characters (binary data).
Newlines are kept as they are in the file (no universal-newline translation), so offsets point into
the user's own file.
"""

from __future__ import annotations

import codecs

from eventwire.errors import InputError
from eventwire.ingest.header import apply_header
from eventwire.types import Article

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return "\x00" in text or controls / len(text) > 0.01


def decode_bytes(data: bytes, source: str) -> str:
    """The text of `data`; InputError E102 naming `source` when no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError("E102", source=source, reason=exc) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Imported here: charset-normalizer is only needed for the rare non-UTF-8 file.
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError("E102", source=source, reason=f"not UTF-8: {exc.reason}") from exc
        text = str(best)
        if _looks_binary(text):
            raise InputError("E102", source=source, reason="binary data") from exc
        return text
    if _looks_binary(text):
        raise InputError("E102", source=source, reason="binary data (control characters)")
    return text


def read_text(data: bytes | str, source: str, *, published: str | None = None) -> Article:
    """An Article from plain text: title, byline, date and furniture taken from the header lines."""
    text = data if isinstance(data, str) else decode_bytes(data, source)
    if not text.strip():
        raise InputError("E103", source=source)
    article = Article(text=text, source=source)
    apply_header(article)
    if published is not None:
        article.published = published
        article.published_from = "input"
    return article
