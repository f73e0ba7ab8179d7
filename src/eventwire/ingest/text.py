"""Plain-text input: bytes decoded without changing a character, then the header and furniture found.

Decoding cascade: a byte-order mark decides when there is one; else strict UTF-8; else
charset-normalizer's best guess, refused when the guess is mostly control characters (binary data).
Newlines are kept as they are in the file (no universal-newline translation), so offsets point into
the user's own file.
"""

from __future__ import annotations

import codecs
import re

from eventwire.errors import InputError
from eventwire.ingest.header import apply_header
from eventwire.ingest.language import detect_language
from eventwire.types import Article

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return "\x00" in text or controls / len(text) > 0.01


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> str:
    """The text of `data`; InputError E102 naming `source` when no encoding fits.

    A byte-order mark decides; else strict UTF-8; else the `declared` charset (an HTML page's meta
    tag); else charset-normalizer's guess, taking windows-1252 when it is among the plausible ones
    (short Latin-script texts fit several single-byte charsets equally well, and windows-1252 is what
    browsers assume). Binary data (NUL or many control characters) is refused.
    """
    text = _decode(data, source, declared)
    if _looks_binary(text):
        raise InputError("E102", source=source, reason="binary data (control characters)")
    return text


def _decode(data: bytes, source: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError("E102", source=source, reason=exc) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    # Imported here: charset-normalizer is only needed for the rare input that is neither.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    if any("cp1252" in match.could_be_from_charset for match in matches):
        try:
            return data.decode("windows-1252")
        except UnicodeDecodeError:
            pass
    best = matches.best()
    if best is None:
        reason = f"not UTF-8, not {declared}" if declared else "not UTF-8 and no charset fits"
        raise InputError("E102", source=source, reason=reason)
    return str(best)


def check_storable(text: str, source: str) -> str:
    """`text` unchanged; E116 when it holds a lone surrogate (no encoding, so no store, can hold one).

    Decoded bytes never hold one; a string given by a caller, or a JSON ``"\\ud800"`` escape, can.
    """
    match = _SURROGATE.search(text)
    if match is not None:
        raise InputError("E116", source=source, offset=match.start())
    return text


def read_text(data: bytes | str, source: str, *, published: str | None = None,
              title: str | None = None, language: str | None = None) -> Article:
    """An Article from plain text: title, byline, date and furniture taken from the header lines.

    A `title` given by the input (a JSON Lines field) is the title: the first line of the body is then
    not taken for one (nor marked as furniture). A `language` given by the input is kept; else it is
    detected from the text.
    """
    text = check_storable(data, source) if isinstance(data, str) else decode_bytes(data, source)
    if not text.strip():
        raise InputError("E103", source=source)
    article = Article(text=text, source=source, title=title or None, language=language or detect_language(text))
    apply_header(article)
    if published is not None:
        article.published = published
        article.published_from = "input"
    return article
