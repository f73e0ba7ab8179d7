"""HTML input: the article body and its metadata read from a web page, without any network access.

The cascade, step by step:

1. Decoding (bytes only): a byte-order mark decides when there is one; else strict UTF-8 (a page whose
   bytes are valid UTF-8 is almost never anything else, whatever its meta tag claims); else the
   charset declared in the page (``<meta charset>`` or ``http-equiv`` content type); else
   charset-normalizer's guess (windows-1252, the browsers' default, when it is among the plausible
   ones). When nothing fits, or the result is binary (NUL characters): E102.
2. Parsing: the decoded page is parsed once into an lxml tree (a fragment without ``<html>`` or
   ``<body>`` is parsed as the body of a page; input without any tag is not HTML: E106). Every later
   step gets a copy of that tree, never a string, so neither trafilatura nor htmldate can mistake the
   input for a URL and download it. ``url`` is only metadata (htmldate may read a date in its path).
3. Body: trafilatura's main extraction (``bare_extraction``, with the options in
   `TRAFILATURA_OPTIONS`, chosen by measurement with ``benchmarks/articles.py``). When it finds
   nothing, trafilatura's ``baseline`` (embedded JSON-LD article bodies, ``<article>``, the text of
   the ``<p>`` elements, then the page's whole visible text). When that finds nothing either, or what
   it finds is not an article (fewer than `MIN_PROSE_WORDS` words in lines that read as prose, menus,
   link lists, cookie notices and copyright lines not counting: see ``header.prose_words``): E106, so a
   page of navigation never becomes a record of menu text dated by its copyright line.
   The text keeps the paragraph structure: one block of the extracted body per paragraph, paragraphs
   separated by a blank line (``"\\n\\n"``).
4. Metadata: title, author (-> ``byline``) and site name (-> ``outlet``) come from trafilatura's
   metadata extraction (meta tags, JSON-LD, markup), run on its own when the body came from the
   fallback. Without a site name in the page, the outlet is the host name of ``url`` when given. A
   title ending in " - <outlet>" (or " | <outlet>" ...) loses that suffix.
5. Date: trafilatura's date (itself htmldate with original-date preference) -> htmldate's
   ``find_date`` on the tree (original date, extensive search) -> none. There is no "today"
   default: a page without a date gets ``published=None`` and ``published_from="none"``; otherwise
   ``published`` is ``YYYY-MM-DD`` and ``published_from="html"``. Only the day is kept, because
   the time of day on web pages is too often missing, a placeholder or in an unknown time zone.
"""

from __future__ import annotations

import codecs
import re
from copy import deepcopy
from typing import Any, TypedDict

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from eventwire.errors import InputError
from eventwire.ingest.header import prose_words
from eventwire.ingest.language import detect_language
from eventwire.ingest.text import check_storable, decode_bytes
from eventwire.types import Article


class TrafilaturaOptions(TypedDict, total=False):
    """The subset of ``trafilatura.bare_extraction`` keywords this reader sets."""

    favor_precision: bool
    favor_recall: bool
    include_comments: bool
    include_tables: bool
    fast: bool


# General settings, the same for every page, chosen with benchmarks/articles.py: reader comments are not
# article text (dropping them raised body F1 from 0.955 to 0.958); tables are kept (dropping them lowered
# it to 0.955). favor_precision scored higher on one corpus and lower on another, so it is not used.
# Never set `deduplicate`: trafilatura's cache is global, so a page read a third time would come back empty.
TRAFILATURA_OPTIONS: TrafilaturaOptions = {
    "include_comments": False,
    "include_tables": True,
}

# A page whose extracted text has fewer words of prose than this (see header.prose_words) has no article
# body: E106. Twelve words is one short sentence; on the peer corpora no real article falls below it.
MIN_PROSE_WORDS = 12

# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_TAG = re.compile(r"<[A-Za-z!]")
_PAGE_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[-|–—·:]\s+([^-|–—·:]+)$")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _declared_charset(data: bytes) -> str | None:
    """The charset a meta tag in the first few kilobytes declares, if Python knows it."""
    match = _META_CHARSET.search(data[:8192])
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, source: str) -> str:
    """The text of an HTML page given as bytes; InputError E102 naming `source` when no encoding fits."""
    return decode_bytes(data, source, declared=_declared_charset(data))


def _parse(text_html: str) -> HtmlElement | None:
    """The page as an lxml tree; a fragment without <html> or <body> is parsed as a page body."""
    if _TAG.search(text_html) is None:
        return None  # not markup at all
    if _PAGE_TAG.search(text_html) is None:
        text_html = f"<html><body>{text_html}</body></html>"
    tree = trafilatura.load_html(text_html)
    return tree if isinstance(tree, HtmlElement) else None


def _paragraphs(body: Any) -> str:
    """The text of an extracted body tree: one block per top-level element, separated by blank lines."""
    if body is None:
        return ""
    blocks = (xmltotxt(element, False).strip() for element in body)
    return "\n\n".join(block for block in blocks if block)


def _clean(value: Any) -> str | None:
    """A metadata value as a stripped non-empty string, or None."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _without_site_name(title: str | None, outlet: str | None) -> str | None:
    """The title without a trailing " - Site Name" (or " | Site Name" ...) when it names the outlet."""
    if not title or not outlet:
        return title
    match = _TITLE_SUFFIX.search(title)
    if match and match.group(1).casefold() == outlet.casefold() and match.start() > 0:
        return title[: match.start()].rstrip() or title
    return title


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD part of a date string, or None."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    return match.group(1) if match else None


def read_html(html: str | bytes, source: str, *, url: str | None = None) -> Article:
    """An Article from an HTML page: body text, title, byline, outlet and publication date.

    `source` names the input in errors; `url` is the page's address, used as metadata only.
    Raises InputError E102 when bytes cannot be decoded, E106 when no body can be extracted.
    """
    text_html = check_storable(html, source) if isinstance(html, str) else decode_html(html, source)
    tree = _parse(text_html)
    if tree is None:
        raise InputError("E106", source=source)

    options = TRAFILATURA_OPTIONS
    extracted = trafilatura.bare_extraction(deepcopy(tree), url=url, with_metadata=True, **options)
    document = extracted if isinstance(extracted, Document) else None
    text = _paragraphs(document.body) if document is not None else ""
    if not text:
        # Fallback: JSON-LD articleBody, <article>, the <p> elements, the whole text (on a copy of the tree).
        body, _, _ = trafilatura.baseline(tree)
        text = _paragraphs(body)
    if prose_words(text) < MIN_PROSE_WORDS:
        # Navigation menus, a cookie wall, a copyright footer: no article, and no date to take from them.
        raise InputError("E106", source=source)

    if document is None:
        # The main extraction found no body, so it returned no metadata either: read it on its own.
        document = trafilatura.extract_metadata(deepcopy(tree), default_url=url)

    published = _day(document.date)
    if published is None:
        published = _day(
            htmldate.find_date(deepcopy(tree), extensive_search=True, original_date=True, url=url)
        )
    outlet = _clean(document.sitename)
    return Article(
        text=text,
        source=source,
        title=_without_site_name(_clean(document.title), outlet),
        byline=_clean(document.author),
        outlet=outlet,
        published=published,
        published_from="html" if published else "none",
        url=url,
        boilerplate=[],
        language=detect_language(text),
    )
