from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from tests.conftest import PAGE_TEXT

from eventwire.config import load_config
from eventwire.errors import InputError
from eventwire.ingest.formats import html_fragment_text, read_feed, read_jsonl
from eventwire.ingest.sources import iter_articles, sniff
from eventwire.types import Article

BODY = "Negotiators met in Doha on Tuesday to discuss a ceasefire, a mediator said.\n"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sample Wire</title>
<item><title>Talks resume</title><link>https://example.org/a</link>
<pubDate>Tue, 10 Aug 2021 08:30:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators met in Doha on Tuesday.&lt;/p&gt;
&lt;p&gt;A mediator said talks would go on.&lt;/p&gt;</description>
</item>
<item><title>Empty</title><link>https://example.org/b</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sample Atom</title>
<entry><title>Airport reopens</title><link href="https://example.org/c"/><id>urn:c</id>
<updated>2021-08-17T00:00:00Z</updated><author><name>Sample Desk</name></author>
<content type="html">&lt;p&gt;Flights resumed at Kabul airport on Tuesday.&lt;/p&gt;</content></entry>
</feed>"""


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_ingest_jsonl_reads_metadata_and_reports_bad_lines_by_number() -> None:
    lines = [
        json.dumps({"text": BODY, "title": "Talks", "published": "2021-08-10", "url": "https://e.org/1",
                    "outlet": "Sample Wire"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"text": BODY + " Again.", "published": "10/08/2021"}),
        json.dumps({"text": 42}),
    ]
    items = list(read_jsonl("\n".join(lines), "wire.jsonl"))
    (first,) = _articles(items)
    assert (first.title, first.published, first.published_from, first.outlet, first.url) == (
        "Talks", "2021-08-10", "input", "Sample Wire", "https://e.org/1")
    assert first.source == "wire.jsonl:1"
    errors = _errors(items)
    assert [e.code for e in errors] == ["E104", "E105", "E110", "E111"]
    assert all("wire.jsonl" in e.message for e in errors)
    assert "line 2" in errors[0].message


def test_ingest_rss_feed_gives_one_article_per_entry() -> None:
    items = list(read_feed(RSS.encode(), "feed.rss"))
    (article,) = _articles(items)
    assert article.text == "Negotiators met in Doha on Tuesday.\n\nA mediator said talks would go on."
    assert (article.title, article.outlet, article.url) == ("Talks resume", "Sample Wire", "https://example.org/a")
    assert article.published == "2021-08-10T08:30:00"
    assert [e.code for e in _errors(items)] == ["E103"]


def test_ingest_atom_feed_reads_author_and_date() -> None:
    (article,) = _articles(list(read_feed(ATOM, "feed.atom")))
    assert article.byline == "Sample Desk" and article.published == "2021-08-17"
    assert article.text == "Flights resumed at Kabul airport on Tuesday."


def test_ingest_garbage_feed_is_an_error_naming_it() -> None:
    items = list(read_feed(b"\x00\x01 certainly not a feed <<<", "bad.rss"))
    assert [(e.code, e.fields["source"]) for e in _errors(items)] == [("E107", "bad.rss")]
    truncated = list(read_feed(b"<rss><channel><item>", "cut.rss"))
    assert [e.code for e in _errors(truncated)] == ["E103"]


def test_ingest_html_fragment_keeps_paragraphs() -> None:
    assert html_fragment_text("<p>One <b>two</b></p><ul><li>three</li></ul>four") == "One two\n\nthree\n\nfour"


def test_ingest_sniff_recognises_formats() -> None:
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(RSS.encode()) == "feed"
    assert sniff(b'{"text": "x"}\n') == "jsonl"
    assert sniff(BODY.encode()) == "text"


def test_ingest_directory_is_read_recursively_and_failures_go_on(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    items = list(iter_articles([str(tmp_path), str(tmp_path / "missing.txt")], config=load_config()))
    assert sorted(Path(a.source).name for a in _articles(items)) == ["one.txt", "two.txt"]
    assert [(e.code, Path(str(e.fields["source"])).name) for e in _errors(items)] == [
        ("E102", "b.txt"), ("E101", "missing.txt")]


def test_ingest_stdin_dash_reads_standard_input() -> None:
    items = list(iter_articles(["-"], stdin=io.BytesIO(PAGE_TEXT.encode()), config=load_config()))
    (article,) = _articles(items)
    assert article.source == "<stdin>" and article.byline == "Sample Desk"


def test_ingest_published_override_applies_to_every_article(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (article,) = _articles(list(iter_articles([str(tmp_path / "x.txt")], published="2021-08-18")))
    assert (article.published, article.published_from) == ("2021-08-18", "input")


def test_ingest_bad_published_override_is_refused() -> None:
    with pytest.raises(InputError) as info:
        list(iter_articles(["-"], published="18 August", stdin=io.BytesIO(b"x")))
    assert info.value.code == "E110"


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "/story.txt": (200, "text/plain; charset=utf-8", PAGE_TEXT.encode()),
        "/feed": (200, "application/rss+xml", RSS.encode()),
        "/huge": (200, "text/plain", b"word " * 5000),
        "/gone": (404, "text/plain", b"not here"),
    }

    def do_GET(self) -> None:
        status, kind, body = self.routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_urls_are_fetched_with_a_size_cap_and_clear_errors(server: str, tmp_path: Path) -> None:
    config_path = tmp_path / "c.toml"
    config_path.write_text("[ingest]\nurl_max_bytes = 10000\nurl_timeout = 5\n", encoding="utf-8")
    urls = [f"{server}/story.txt", f"{server}/feed", f"{server}/huge", f"{server}/gone",
            "http://127.0.0.1:9/closed"]
    items = list(iter_articles(urls, config=load_config(config_path)))
    articles = _articles(items)
    assert [a.url for a in articles] == [f"{server}/story.txt", "https://example.org/a"]
    assert articles[0].title == "Kabul airport evacuation resumes, officials say"
    codes = [(e.code, e.fields["source"]) for e in _errors(items)]
    assert codes == [("E103", f"{server}/feed#https://example.org/b"), ("E109", f"{server}/huge"),
                     ("E108", f"{server}/gone"), ("E108", "http://127.0.0.1:9/closed")]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_ingest_jsonl_line_separators_inside_a_string_do_not_split_the_line(separator: str) -> None:
    first = json.dumps({"text": f"Negotiators met in Doha.{separator}A mediator said so."}, ensure_ascii=False)
    lines = [first, "{broken", json.dumps({"text": BODY})]
    items = list(read_jsonl("\n".join(lines), "wire.jsonl"))
    assert [a.source for a in _articles(items)] == ["wire.jsonl:1", "wire.jsonl:3"]
    assert _articles(items)[0].text == f"Negotiators met in Doha.{separator}A mediator said so."
    assert [(e.code, e.fields["line"]) for e in _errors(items)] == [("E104", 2)]


def test_ingest_jsonl_crlf_lines_are_numbered_like_lf_lines() -> None:
    text = "\r\n".join([json.dumps({"text": BODY}), "", "{broken", json.dumps({"text": BODY})]) + "\r\n"
    items = list(read_jsonl(text, "wire.jsonl"))
    assert [a.source for a in _articles(items)] == ["wire.jsonl:1", "wire.jsonl:4"]
    assert [(e.code, e.fields["line"]) for e in _errors(items)] == [("E104", 3)]


def test_ingest_jsonl_title_is_not_taken_again_from_the_first_line_of_the_text() -> None:
    text = ("“We will not give up,” the opposition leader told supporters in Doha\n"
            "Talks between the government and the opposition resumed in the Qatari capital on Tuesday after a "
            "pause of two months, a mediator said.\n")
    (article,) = _articles(list(read_jsonl(json.dumps({"text": text, "title": "Mediators gather"}), "w.jsonl")))
    assert article.title == "Mediators gather"
    assert article.boilerplate == []
    # Without the input's title, the same first line is taken for the title (the header rule).
    (untitled,) = _articles(list(read_jsonl(json.dumps({"text": text}), "w.jsonl")))
    assert untitled.title == text.splitlines()[0]


def test_ingest_jsonl_first_line_repeating_the_given_title_is_title_furniture() -> None:
    text = "Ceasefire  talks in Doha\n\nNegotiators met on Tuesday, a mediator said.\n"
    (article,) = _articles(list(read_jsonl(json.dumps({"text": text, "title": "Ceasefire talks in Doha"}), "w.jsonl")))
    assert article.title == "Ceasefire talks in Doha"
    assert [(b.kind, text[b.start:b.end]) for b in article.boilerplate] == [("title", "Ceasefire  talks in Doha")]


def test_ingest_jsonl_without_title_still_finds_it_in_the_text() -> None:
    text = "Ceasefire talks in Doha\n\nNegotiators met on Tuesday, a mediator said.\n"
    (article,) = _articles(list(read_jsonl(json.dumps({"text": text}), "w.jsonl")))
    assert article.title == "Ceasefire talks in Doha"


def test_ingest_feed_entry_title_is_the_title_and_the_body_keeps_its_first_line() -> None:
    feed = ("<rss><channel><title>W</title><item><title>Talks resume</title><description>"
            "Doha meeting\n\nNegotiators met on Tuesday, a mediator said.</description></item></channel></rss>")
    (article,) = _articles(list(read_feed(feed, "w.rss")))
    assert article.title == "Talks resume"
    assert article.text.startswith("Doha meeting") and article.boilerplate == []
