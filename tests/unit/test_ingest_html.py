"""The HTML reader on small pages written for these tests (no spaCy model, no network)."""

from __future__ import annotations

import socket
from typing import Any

import pytest
import trafilatura

from eventwire.errors import InputError
from eventwire.ingest.html import read_html

PARAGRAPHS = [
    "The harbour council of Lindqvist voted on Tuesday to close the old ferry pier after engineers "
    "found cracks in three of its wooden pillars, ending ninety years of crossings to the island.",
    "Council members said the decision was taken reluctantly, and promised that a temporary floating "
    "landing would be built before the summer season begins for the fishing boats and the tourists.",
    "Residents of the island, about four hundred people, gathered outside the town hall to protest, "
    "holding signs that asked the council to repair the pier rather than tear it down completely.",
]


def page(head: str = "", *, title: str = "Ferry pier closed", body_extra: str = "",
         paragraphs: list[str] | None = None) -> str:
    """A small news page: navigation, an article with a heading and paragraphs, a footer."""
    paras = "\n".join(f"<p>{p}</p>" for p in (PARAGRAPHS if paragraphs is None else paragraphs))
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>{title}</h1>
{body_extra}
{paras}
</article>
<footer><p>Subscribe to our newsletter for the latest stories.</p></footer>
</body>
</html>"""


def test_ingest_html_body_extracted_with_paragraphs() -> None:
    article = read_html(page(), "pier.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    # paragraphs kept apart by a blank line, in their order
    first, second = article.text.index(PARAGRAPHS[0]), article.text.index(PARAGRAPHS[1])
    assert first < second
    assert article.text[first + len(PARAGRAPHS[0]):second] == "\n\n"
    assert "Weather" not in article.text
    assert article.source == "pier.html"
    assert article.url is None
    assert article.boilerplate == []


def test_ingest_html_title_author_date_from_meta_tags() -> None:
    head = ('<meta property="og:title" content="Lindqvist closes its ferry pier">'
            '<meta name="author" content="Maria Holm">'
            '<meta property="article:published_time" content="2021-03-04T10:15:00+01:00">')
    article = read_html(page(head), "pier.html", url="https://news.example.org/2021/pier")
    assert article.title == "Lindqvist closes its ferry pier"
    assert article.byline == "Maria Holm"
    assert article.published == "2021-03-04"
    assert article.published_from == "html"
    assert article.url == "https://news.example.org/2021/pier"


def test_ingest_html_outlet_from_site_name_and_removed_from_title() -> None:
    head = '<meta property="og:site_name" content="Harbour Gazette">'
    article = read_html(page(head, title="Ferry pier closed - Harbour Gazette"), "pier.html")
    assert article.outlet == "Harbour Gazette"
    assert article.title == "Ferry pier closed"


def test_ingest_html_title_keeps_a_dash_that_is_not_the_outlet() -> None:
    head = '<meta property="og:site_name" content="Harbour Gazette">'
    article = read_html(page(head, title="Pier closed - residents protest"), "pier.html")
    assert article.title == "Pier closed - residents protest"


def test_ingest_html_htmldate_fallback_when_trafilatura_has_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura's own date lookup finds nothing: the reader must ask htmldate itself.
    import trafilatura.metadata

    monkeypatch.setattr(trafilatura.metadata, "find_date", lambda *args, **kwargs: None)
    head = '<meta property="article:published_time" content="2019-11-05">'
    article = read_html(page(head), "pier.html")
    assert article.published == "2019-11-05"
    assert article.published_from == "html"


def test_ingest_html_date_from_time_element() -> None:
    extra = '<p class="dateline">Published <time datetime="2020-06-17">17 June 2020</time></p>'
    article = read_html(page(body_extra=extra), "pier.html")
    assert article.published == "2020-06-17"
    assert article.published_from == "html"


def test_ingest_html_published_none_when_no_date_at_all() -> None:
    article = read_html(page(), "pier.html")
    assert article.published is None
    assert article.published_from == "none"


@pytest.mark.parametrize("declared", ["windows-1252", "iso-8859-1"])
def test_ingest_html_bytes_with_windows_1252_charset(declared: str) -> None:
    quoted = "“We will not give up our pier,” said Renée Dahl, who has lived on the island since birth."
    meta = f'<meta charset="{declared}">'
    html = page(paragraphs=[*PARAGRAPHS, quoted]).replace('<meta charset="utf-8">', meta)
    data = html.encode("windows-1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = read_html(data, "pier-1252.html")
    assert quoted in article.text


def test_ingest_html_bytes_with_http_equiv_charset() -> None:
    quoted = "“The pier is older than the town hall,” said the harbour master’s deputy on Wednesday morning."
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    html = page(paragraphs=[*PARAGRAPHS, quoted]).replace('<meta charset="utf-8">', meta)
    article = read_html(html.encode("windows-1252"), "pier-1252.html")
    assert quoted in article.text


def test_ingest_html_utf8_bytes() -> None:
    article = read_html(page(paragraphs=[*PARAGRAPHS, "Zoë Ångström said: “no comment”."]).encode(), "p.html")
    assert "Zoë Ångström said: “no comment”." in article.text


def test_ingest_html_undecodable_bytes_raise_e102() -> None:
    with pytest.raises(InputError) as caught:
        read_html(b"\x00\x01\x02\xff\xfe" * 50, "blob.bin")
    assert caught.value.code == "E102"
    assert "blob.bin" in str(caught.value)


@pytest.mark.parametrize("html", [
    "",
    "   \n",
    b"",
    "<html><head><title>Nothing</title></head><body></body></html>",
    "<html><body><script>var pier = 1;</script><style>p { color: red }</style></body></html>",
    "this is not markup at all, just words",
    "https://news.example.org/2021/pier",
])
def test_ingest_html_empty_or_garbage_page_raises_e106(html: str | bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_html(html, "empty.html")
    assert caught.value.code == "E106"
    assert caught.value.fields["source"] == "empty.html"
    assert "empty.html" in str(caught.value)


def test_ingest_html_fragment_without_html_tag() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = read_html(fragment, "fragment.html")
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_ingest_html_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    article = read_html(page(), "pier.html", url="https://news.example.org/2021/03/04/pier")
    assert PARAGRAPHS[0] in article.text
    # a URL given as the page itself is not fetched either
    with pytest.raises(InputError):
        read_html("https://news.example.org/2021/pier", "url-as-page.html")


def test_ingest_html_date_from_url_path_only_when_page_has_none() -> None:
    article = read_html(page(), "pier.html", url="https://news.example.org/2021/03/04/pier-closed")
    assert article.published == "2021-03-04"
    assert article.published_from == "html"


def test_ingest_html_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    head = '<meta name="author" content="Maria Holm">'
    article = read_html(page(head), "pier.html")
    assert PARAGRAPHS[1] in article.text
    assert article.byline == "Maria Holm"


def test_ingest_html_bytes_without_charset_declaration() -> None:
    quoted = "“We will not give up our pier,” said Renée Dahl, who has lived on the island since birth."
    html = page(paragraphs=[*PARAGRAPHS, quoted]).replace('<meta charset="utf-8">', "")
    article = read_html(html.encode("windows-1252"), "pier-undeclared.html")
    assert quoted in article.text


def test_ingest_html_bytes_cyrillic_without_charset_declaration() -> None:
    sentence = "Совет гавани проголосовал за закрытие старого паромного причала после обнаружения трещин."
    html = page(paragraphs=[*PARAGRAPHS, sentence]).replace('<meta charset="utf-8">', "")
    article = read_html(html.encode("windows-1251"), "pier-1251.html")
    assert sentence in article.text


def test_ingest_html_title_comes_from_the_page_not_from_the_first_body_line() -> None:
    first = "Ninety years of crossings come to an end on the island"
    article = read_html(page(title="Ferry pier closed", paragraphs=[first, *PARAGRAPHS]), "pier.html")
    assert article.title == "Ferry pier closed"
    assert first in article.text and article.boilerplate == []


NAVIGATION = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
              '<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>'
              '<li><a href="/weather">Weather</a></li></ul></nav>')
COOKIE_WALL = ('<div class="consent"><p>We use cookies to improve your experience on our site. By continuing '
               'to browse, you agree to our use of cookies.</p><p><a href="/privacy">Privacy policy</a></p>'
               '<button>Accept</button></div>')
FOOTER = "<footer><p>© 2019 Lindqvist Harbour News. All rights reserved.</p></footer>"


@pytest.mark.parametrize("body", [
    NAVIGATION + FOOTER,
    COOKIE_WALL + FOOTER,
    '<div><a href="/">Home</a> | <a href="/about">About us</a> | <a href="/contact">Contact</a></div>' + FOOTER,
])
def test_ingest_html_page_without_an_article_body_is_e106(body: str) -> None:
    with pytest.raises(InputError) as caught:
        read_html(f"<html><head><title>Harbour News</title></head><body>{body}</body></html>", "menu.html")
    assert caught.value.code == "E106" and caught.value.fields["source"] == "menu.html"


def test_ingest_html_one_sentence_article_between_menus_is_kept() -> None:
    sentence = ("The harbour council voted on Tuesday to close the old ferry pier after engineers found "
                "cracks in its pillars.")
    html = (f"<html><head><title>Pier closed</title></head><body>{NAVIGATION}<article><h1>Pier closed</h1>"
            f"<p>{sentence}</p></article>{FOOTER}</body></html>")
    article = read_html(html, "brief.html")
    assert sentence in article.text


def test_ingest_html_short_article_in_a_script_without_spaces_is_kept() -> None:
    sentence = "港の議会は火曜日、古いフェリー桟橋の柱にひびが見つかったため、桟橋を閉鎖することを決めた。"
    html = (f"<html><head><title>桟橋閉鎖</title></head><body>{NAVIGATION}<article><p>{sentence}</p></article>"
            "</body></html>")
    article = read_html(html, "ja.html")
    assert sentence in article.text and article.language == "ja"
