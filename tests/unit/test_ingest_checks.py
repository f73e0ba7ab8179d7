"""Over-long articles are refused with E114 on every reader path, and the batch goes on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import InputError
from eventwire.ingest.checks import check_article
from eventwire.ingest.formats import read_jsonl
from eventwire.ingest.sources import iter_articles, read_bytes
from eventwire.types import Article

SENTENCE = "Negotiators met in Doha on Tuesday to discuss a ceasefire, a mediator said. "


@pytest.fixture
def small_limit(tmp_path: Path) -> Config:
    path = tmp_path / "limit.toml"
    path.write_text("[ingest]\nmax_chars = 300\n", encoding="utf-8")
    return load_config(path)


def _codes(items: list[Article | InputError]) -> list[str]:
    return ["article" if isinstance(i, Article) else i.code for i in items]


def test_checks_default_limit_is_one_million_characters() -> None:
    assert load_config().get("ingest.max_chars") == 1_000_000


def test_checks_article_over_the_limit_is_refused_with_e114_naming_it(small_limit: Config) -> None:
    article = Article(text=SENTENCE * 5, source="long.txt")
    error = check_article(article, small_limit)
    assert error is not None and error.code == "E114"
    assert error.message == f"long.txt: {len(SENTENCE * 5)} characters, over the limit of 300 (ingest.max_chars)"


def test_checks_article_at_the_limit_passes(small_limit: Config) -> None:
    text = (SENTENCE * 5)[:300]
    assert check_article(Article(text=text, source="exact.txt"), small_limit) is None


def test_checks_text_file_over_the_default_limit_is_e114_and_the_next_file_is_read(tmp_path: Path) -> None:
    long_text = SENTENCE * (1_000_000 // len(SENTENCE) + 1)
    (tmp_path / "a_long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "b_short.txt").write_text(SENTENCE, encoding="utf-8")
    items = list(iter_articles([str(tmp_path)], config=load_config()))
    assert _codes(items) == ["E114", "article"]
    assert isinstance(items[0], InputError) and items[0].fields["chars"] == len(long_text)


@pytest.mark.parametrize("kind", ["text", "html", "jsonl", "feed"])
def test_checks_every_format_refuses_an_over_long_article(kind: str, small_limit: Config) -> None:
    body = SENTENCE * 6
    data = {
        "text": body,
        "html": f"<html><body><article><p>{body}</p></article></body></html>",
        "jsonl": json.dumps({"text": body}) + "\n" + json.dumps({"text": SENTENCE}) + "\n",
        "feed": (f"<rss><channel><title>W</title><item><title>One</title><description>{body}</description></item>"
                 f"<item><title>Two</title><description>{SENTENCE}</description></item></channel></rss>"),
    }[kind]
    items = list(read_bytes(data.encode(), f"in.{kind}", kind, config=small_limit))
    expected = ["E114", "article"] if kind in ("jsonl", "feed") else ["E114"]
    assert _codes(items) == expected


def test_checks_stdin_goes_through_the_limit(small_limit: Config) -> None:
    items = list(iter_articles(["-"], stdin=io.BytesIO((SENTENCE * 6).encode()), config=small_limit))
    assert _codes(items) == ["E114"]
    assert isinstance(items[0], InputError) and items[0].fields["source"] == "<stdin>"


def test_checks_jsonl_line_number_is_named_in_e114(small_limit: Config) -> None:
    text = json.dumps({"text": SENTENCE}) + "\n" + json.dumps({"text": SENTENCE * 6}) + "\n"
    items = [item for item in read_jsonl(text, "wire.jsonl") if isinstance(item, Article)]
    errors = [check_article(item, small_limit) for item in items]
    assert [e.fields["source"] if e else None for e in errors] == [None, "wire.jsonl:2"]
