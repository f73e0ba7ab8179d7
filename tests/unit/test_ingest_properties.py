"""Property-based tests: every reader and normaliser ends in an Article (or its value) or a numbered
EventwireError on any input, never in another exception.

Inputs are random and hostile: broken encodings, byte-order marks, NUL bytes and control characters,
lone surrogates, Unicode line separators, huge lines, deep or unclosed HTML.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.config import load_config
from eventwire.errors import EventwireError, InputError
from eventwire.ingest.formats import html_fragment_text, normalize_published, read_feed, read_jsonl
from eventwire.ingest.header import find_header, parse_date, prose_words, split_lines
from eventwire.ingest.html import read_html
from eventwire.ingest.language import detect_language
from eventwire.ingest.sources import read_bytes, sniff
from eventwire.ingest.text import decode_bytes, read_text
from eventwire.types import Article

T = TypeVar("T")

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HOSTILE_PIECES = [
    "\x00", "\ufeff", "\ufffe", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\r", "\r\n", "\n\n",
    "\ud800", "\udfff", "\u202e", "\u200b", "\xa0", "©", "Copyright 2019", "By ", "Published ", "Read more: ",
    "KABUL — ", "2021-08-15", "15 Aug 2021 10:30", "<", ">", "&", "&#0;", "&#xD800;", "<![CDATA[", "]]>",
    "<div>", "</div>", "<p>", "<script>", "<!--", "<html>", "<body>", "<rss>", "<item>", "{", "}", '"',
    "\\", "\\ud800", "The minister said on Tuesday that talks would resume. ", "Talks resume",
]
# Any code point, surrogates and control characters included.
ANY_CHAR = st.characters(exclude_categories=())
hostile_text = st.lists(st.one_of(st.text(ANY_CHAR, max_size=30), st.sampled_from(HOSTILE_PIECES)),
                        max_size=30).map("".join)
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b""]
hostile_bytes = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.sampled_from(BOMS), st.binary(max_size=200)).map(lambda p: p[0] + p[1]),
    st.tuples(hostile_text, st.sampled_from(["utf-8", "utf-16", "utf-16-be", "latin-1", "cp1252", "koi8-r"]))
    .map(lambda p: p[0].encode(p[1], errors="replace")),
    # valid UTF-8 cut in the middle of a character
    hostile_text.map(lambda s: s.encode("utf-8", errors="surrogatepass")[:-1]),
)
huge_line = st.tuples(st.sampled_from(["a", " ", ".", "é", "<", "\t", "x. ", "—"]),
                      st.integers(min_value=10_000, max_value=300_000)).map(lambda p: p[0] * p[1])
deep_html = st.tuples(st.sampled_from(["<div>", "<p>", "<b><i>", "<table><tr><td>", "<ul><li>", "<span>"]),
                      st.integers(min_value=1, max_value=3000), st.booleans(), hostile_text).map(
    lambda p: p[0] * p[1] + p[3] + ("" if p[2] else "</div>" * p[1]))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def outcome(call: Callable[[], T]) -> T | EventwireError:
    """The value of `call`, or the numbered error it raised; any other exception fails the test."""
    try:
        return call()
    except EventwireError as exc:
        assert exc.code[0] == "E" and exc.code[1:].isdigit()
        return exc


def assert_sound(article: Article) -> None:
    """An Article every later stage can use: storable text, spans inside it, a language code."""
    article.text.encode("utf-8")
    assert article.id and article.text.strip()
    for span in article.boilerplate:
        assert 0 <= span.start < span.end <= len(article.text)
    assert article.language.isalpha() and article.language.islower()


@FAST
@given(hostile_bytes)
def test_property_decode_bytes_gives_text_or_e102(data: bytes) -> None:
    result = outcome(lambda: decode_bytes(data, "in.txt"))
    assert isinstance(result, str) or result.code == "E102"
    if isinstance(result, str):
        result.encode("utf-8")


@FAST
@given(st.one_of(hostile_bytes, hostile_text))
def test_property_read_text_gives_an_article_or_a_numbered_error(data: bytes | str) -> None:
    result = outcome(lambda: read_text(data, "in.txt"))
    if isinstance(result, Article):
        assert_sound(result)
    else:
        assert result.code in {"E102", "E103", "E116"}


@FAST
@given(hostile_text)
def test_property_header_finder_never_fails_and_spans_stay_in_the_text(text: str) -> None:
    header = find_header(text)
    for span in header.boilerplate or []:
        assert 0 <= span.start < span.end <= len(text)
    assert "".join(line.text for line in split_lines(text)) == "".join(text.splitlines())
    assert prose_words(text) >= 0


@SLOW
@given(huge_line)
def test_property_header_finder_and_language_on_huge_lines(text: str) -> None:
    find_header(text + "\n" + text)
    assert detect_language(text)


@FAST
@given(hostile_text)
def test_property_parse_date_gives_iso_or_none(text: str) -> None:
    value = parse_date(text)
    assert value is None or value[:4].isdigit()


@FAST
@given(st.one_of(hostile_text, st.dates().map(str), st.datetimes().map(lambda d: d.isoformat())))
def test_property_normalize_published_gives_iso_or_e110(text: str) -> None:
    result = outcome(lambda: normalize_published(text, "--published"))
    assert isinstance(result, str) or result.code == "E110"


@FAST
@given(hostile_text)
def test_property_detect_language_gives_a_code(text: str) -> None:
    code = detect_language(text)
    assert code.isalpha() and code.islower() and 2 <= len(code) <= 3


@SLOW
@given(st.one_of(hostile_text, hostile_bytes, deep_html,
                 hostile_text.map(lambda s: f"<html><body><article><p>{s}</p></article></body></html>")))
def test_property_read_html_gives_an_article_or_a_numbered_error(html: str | bytes) -> None:
    result = outcome(lambda: read_html(html, "in.html"))
    if isinstance(result, Article):
        assert_sound(result)
    else:
        assert result.code in {"E102", "E106", "E116"}


json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
                          max_leaves=8)
jsonl_line = st.one_of(
    st.fixed_dictionaries({}, optional={name: st.one_of(hostile_text, json_value) for name in
                                        ("text", "html", "title", "published", "url", "outlet", "byline", "language")})
    .map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.fixed_dictionaries({"text": hostile_text}).map(json.dumps),
    hostile_text,
    st.integers(min_value=1, max_value=5000).map(lambda n: "[" * n + "]" * n),
)


@FAST
@given(st.lists(jsonl_line, max_size=6).map("\n".join))
def test_property_read_jsonl_yields_only_articles_and_input_errors(text: str) -> None:
    for item in read_jsonl(text, "in.jsonl"):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert_sound(item)


feed_document = st.tuples(hostile_text, hostile_text, hostile_text).map(
    lambda p: f"<rss><channel><title>{p[0]}</title><item><title>{p[1]}</title>"
              f"<description>{p[2]}</description></item></channel></rss>")


@SLOW
@given(st.one_of(feed_document, feed_document.map(lambda s: s.encode("utf-8", errors="surrogatepass")),
                 hostile_bytes, hostile_text))
def test_property_read_feed_yields_only_articles_and_input_errors(data: str | bytes) -> None:
    for item in read_feed(data, "in.rss"):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert_sound(item)


@FAST
@given(hostile_text)
def test_property_html_fragment_text_gives_text(fragment: str) -> None:
    result = outcome(lambda: html_fragment_text(fragment))
    assert isinstance(result, str) or result.code in {"E106", "E107", "E116"}


@SLOW
@given(st.one_of(hostile_bytes, feed_document.map(_utf8), deep_html.map(_utf8),
                 st.lists(jsonl_line, max_size=4).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))))
def test_property_every_input_through_read_bytes_is_an_article_or_an_input_error(data: bytes) -> None:
    config = load_config()
    assert sniff(data) in {"html", "feed", "jsonl", "text"}
    for item in read_bytes(data, "<stdin>", config=config):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert_sound(item)
