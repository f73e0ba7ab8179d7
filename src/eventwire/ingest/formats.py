"""JSON Lines and RSS/Atom feeds: several articles per input, each carrying its own metadata."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.language import detect_language
from eventwire.ingest.text import check_storable, read_text
from eventwire.types import Article

# An ISO 639 code, alone or as the head of a BCP 47 tag ("en", "pt-BR", "zh_Hant").
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ANY_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAGS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "br",
               "section", "article", "figcaption", "dd", "dt"}


def normalize_published(value: str, source: str) -> str:
    """`value` as ISO 8601 (date only when only a date is given); E110 naming `source` otherwise."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InputError("E110", source=source, value=value) from exc


def _str_field(obj: dict[str, Any], name: str, source: str, line: int) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("E111", source=source, line=line, field=name)
    return value


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of JSON Lines text, split on "\n" only ("\r\n" too): U+0085, U+2028 and U+2029
    are valid inside a JSON string, so `str.splitlines` would cut a line in two and shift the numbers."""
    for number, raw in enumerate(text.split("\n"), start=1):
        yield number, raw.removesuffix("\r")


def _language_field(obj: dict[str, Any], source: str, line: int) -> str | None:
    """The `language` field as a lower-case ISO 639 code ("pt-BR" -> "pt"); E115 when it is not one."""
    value = _str_field(obj, "language", source, line)
    if value is None or not value.strip():
        return None
    match = _LANGUAGE_TAG.fullmatch(value.strip())
    if match is None:
        raise InputError("E115", source=source, line=line, value=value)
    return match.group(1).lower()


def read_jsonl(text: str, source: str) -> Iterator[Article | InputError]:
    """One article per line: `text` or `html`, optional `title`, `published`, `url`, `outlet`, `byline`,
    `language` (an ISO 639 code: it wins over the detected language).

    A bad line yields an InputError naming the file and the line; the lines after it still count.
    """
    # Imported here: the HTML reader pulls in trafilatura, needed only for `html` lines.
    from eventwire.ingest.html import read_html

    for number, raw in _lines(text):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(raw)
            if not isinstance(obj, dict):
                raise InputError("E104", source=source, line=number, reason="not a JSON object")
            fields = {name: _str_field(obj, name, source, number)
                      for name in ("text", "html", "url", "title", "outlet", "byline", "published")}
            for value in fields.values():
                if value is not None:
                    check_storable(value, where)
            language = _language_field(obj, source, number)
            body, html, url = fields["text"], fields["html"], fields["url"]
            title = fields["title"] or None
            if body is not None and body.strip():
                article = read_text(body, where, title=title, language=language)
            elif html is not None and html.strip():
                article = read_html(html, where, url=url)
            else:
                raise InputError("E105", source=source, line=number)
            article.url = url or article.url
            for name in ("title", "outlet", "byline"):
                if fields[name]:
                    setattr(article, name, fields[name])
            if language is not None:
                article.language = language
            if fields["published"]:
                article.published = normalize_published(fields["published"], where)
                article.published_from = "input"
            yield article
        except json.JSONDecodeError as exc:
            yield InputError("E104", source=source, line=number, reason=exc.msg)
        except RecursionError:
            yield InputError("E104", source=source, line=number, reason="nested too deeply")
        except InputError as exc:
            yield exc


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry), one paragraph per block element."""
    import lxml.etree
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    # lxml refuses control characters, NUL and lone surrogates, which no XML text may hold.
    try:
        root = lxml.html.fragment_fromstring(_XML_INCOMPATIBLE.sub("", fragment), create_parent="div")
    except (lxml.etree.ParserError, ValueError, AssertionError):
        # Not a fragment lxml can hold (a whole document, "<html>" alone ...): the text between the tags.
        return re.sub(r"[ \t]+", " ", _ANY_TAG.sub(" ", fragment)).strip()
    parts: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        if text:
            parts.append(text)
        current.clear()

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            if el.tail:
                current.append(el.tail)
            return
        block = el.tag in _BLOCK_TAGS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    walk(root)
    flush()
    return "\n\n".join(parts)


def _struct_time_iso(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    stamp = datetime(*value[:6])
    return stamp.isoformat() if (stamp.hour, stamp.minute, stamp.second) != (0, 0, 0) else stamp.date().isoformat()


def read_feed(data: bytes | str, source: str) -> Iterator[Article | InputError]:
    """RSS or Atom: one article per entry, from its content (else its summary)."""
    import feedparser

    if isinstance(data, str):
        try:
            data = check_storable(data, source).encode("utf-8")
        except InputError as exc:
            yield exc
            return
    # A stream, never a string or bytes: feedparser takes those for a URL to fetch or a file name to open.
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except (UnicodeError, ValueError, AssertionError) as exc:  # e.g. "&#xD800;", a reference to no character
        yield InputError("E107", source=source, reason=exc)
        return
    if parsed.get("bozo") and not parsed.entries:
        yield InputError("E107", source=source, reason=parsed.get("bozo_exception", "not a feed"))
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{entry.get('id') or entry.get('link') or number}"
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = html_fragment_text(body or "")
        if not text:
            yield InputError("E103", source=where)
            continue
        try:
            check_storable(text, where)
        except InputError as exc:
            yield exc
            continue
        published = _struct_time_iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Article(
            text=text,
            source=where,
            title=entry.get("title") or None,
            byline=entry.get("author") or None,
            outlet=outlet,
            url=entry.get("link") or None,
            published=published,
            published_from="input" if published else "none",
            language=detect_language(text),
        )
