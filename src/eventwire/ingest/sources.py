"""From what the user names (files, directories, '-', URLs) to Articles, one input at a time.

`iter_articles` yields an Article for each article read and an InputError for each input (or JSON
line, or feed entry) that failed, so a caller records the failure and goes on with the batch.
The format is chosen by the file's ending and, when the ending says nothing, by sniffing the bytes.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.config import Config, load_config
from eventwire.errors import InputError
from eventwire.ingest.checks import check_article
from eventwire.ingest.formats import normalize_published, read_feed, read_jsonl
from eventwire.ingest.text import decode_bytes, read_text
from eventwire.types import Article

_URL = re.compile(r"^https?://", re.IGNORECASE)
USER_AGENT = "eventwire (+offline news event coder; one request per URL named by the user)"


def sniff(data: bytes) -> str:
    """'html', 'feed', 'jsonl' or 'text' from the first bytes of an input."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head) else "html"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in head[:1024]:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _kind_by_suffix(path: Path, config: Config) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    for kind in ("text", "html", "jsonl", "feed"):
        if suffix in config.get(f"ingest.{kind}_suffixes"):
            return kind
    return None


def read_bytes(data: bytes, source: str, kind: str | None = None, *, url: str | None = None,
               config: Config | None = None) -> Iterator[Article | InputError]:
    """Articles from the bytes of one input of the given (or sniffed) kind.

    Every reader path (files, URLs, standard input; text, HTML, JSON Lines, feeds) goes through here, so
    every article read passes `check_article`: one refused article is an InputError, the others go on.
    """
    config = config or load_config()
    for item in _read_kind(data, source, kind or sniff(data), url):
        refused = check_article(item, config) if isinstance(item, Article) else None
        yield refused or item


def _read_kind(data: bytes, source: str, kind: str, url: str | None) -> Iterator[Article | InputError]:
    try:
        if kind == "html":
            from eventwire.ingest.html import read_html

            yield read_html(data, source, url=url)
        elif kind == "feed":
            yield from read_feed(data, source)
        elif kind == "jsonl":
            yield from read_jsonl(decode_bytes(data, source), source)
        else:
            article = read_text(data, source)
            article.url = url
            yield article
    except InputError as exc:
        yield exc


def fetch_url(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    """The body and content type of `url`, refusing bodies over `max_bytes` (E108, E109)."""
    # Only http(s) URLs get here (see _URL), so urllib's file: and ftp: handlers are never reached.
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError("E109", source=url, cap=max_bytes)
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError("E109", source=url, cap=max_bytes)
            return body, response.headers.get("Content-Type", "")
    except InputError:
        raise
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError("E108", source=url, reason=reason) from exc


def _kind_by_content_type(content_type: str) -> str | None:
    ct = content_type.lower()
    if "html" in ct:
        return "html"
    if "rss" in ct or "atom" in ct or ("xml" in ct and "html" not in ct):
        return "feed"
    if "json" in ct:
        return "jsonl"
    if ct.startswith("text/plain"):
        return "text"
    return None


def _walk(directory: Path, config: Config) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if path.is_file() and _kind_by_suffix(path, config) is not None:
            yield path


def _read_path(path: Path, config: Config) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > config.get("ingest.file_max_bytes"):
            yield InputError("E109", source=source, cap=config.get("ingest.file_max_bytes"))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError("E113", source=source, reason=exc.strerror or exc)
        return
    if not data.strip():
        yield InputError("E103", source=source)
        return
    yield from read_bytes(data, source, _kind_by_suffix(path, config), config=config)


def iter_articles(inputs: Iterable[str], *, published: str | None = None, config: Config | None = None,
                  stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """Every article in `inputs` (paths, directories, URLs, '-'), or an InputError per failed input.

    `published` (YYYY-MM-DD or ISO date-time) overrides every date found in the inputs.
    """
    config = config or load_config()
    override = normalize_published(published, "--published") if published else None
    for name in inputs:
        for item in _read_one(name, config, stdin):
            if isinstance(item, Article) and override:
                item.published, item.published_from = override, "input"
            yield item


def _read_one(name: str, config: Config, stdin: BinaryIO | None) -> Iterator[Article | InputError]:
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        if not data.strip():
            yield InputError("E103", source="<stdin>")
            return
        yield from read_bytes(data, "<stdin>", config=config)
        return
    if _URL.match(name):
        try:
            body, content_type = fetch_url(name, timeout=config.get("ingest.url_timeout"),
                                           max_bytes=config.get("ingest.url_max_bytes"))
        except InputError as exc:
            yield exc
            return
        yield from read_bytes(body, name, _kind_by_content_type(content_type), url=name, config=config)
        return
    path = Path(name)
    if path.is_dir():
        for child in _walk(path, config):
            yield from _read_path(child, config)
    elif path.exists():
        yield from _read_path(path, config)
    else:
        yield InputError("E101", source=name)
