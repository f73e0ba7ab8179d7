"""Articles in, ArticleRecords out: the per-article half of the data flow.

The model sees each article's text with its page furniture blanked out (each character replaced by a
space, newlines kept), so offsets are unchanged and nothing inside a furniture span can ever become an
event or a quote; `_guard` drops anything that would still overlap one.

Everything, spaCy's components and ours (eventwire.nlp.loader), runs batched inside `nlp.pipe`. A stage
that fails on one article costs that article (E112 naming it, eventwire.nlp.stage), never the batch. An
article over the length limit is refused (E114) and one in another language is kept with warning W101
and nothing extracted; neither is parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Config, load_config
from eventwire.errors import InputError, notice
from eventwire.ingest.checks import check_article
from eventwire.ingest.formats import normalize_published
from eventwire.ingest.language import is_english
from eventwire.ingest.sources import iter_articles
from eventwire.ingest.text import read_text
from eventwire.kb import open_kb
from eventwire.nlp.chunks import parse_in_pieces
from eventwire.nlp.extensions import TEXT_KEY, doc_text
from eventwire.nlp.loader import BEFORE_PARSER, OURS, load_model
from eventwire.nlp.stage import failure
from eventwire.types import Article, ArticleRecord, Notice

_REFUSED = "eventwire_refused"
T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def masked_text(article: Article) -> str:
    """`article.text` with every furniture character but line breaks replaced by a space."""
    if not article.boilerplate:
        return article.text
    chars = list(article.text)
    for span in article.boilerplate:
        for i in range(span.start, min(span.end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def _guard(record: ArticleRecord) -> ArticleRecord:
    """Drop events and quotes that touch page furniture (a second line of defence after masking)."""
    article = record.article
    record.events = [e for e in record.events if not article.in_boilerplate(e.trigger.start, e.trigger.end)]
    record.quotes = [q for q in record.quotes if not article.in_boilerplate(q.content.start, q.content.end)]
    return record


class Pipeline:
    """Loads the model once and turns articles into records in batches through `nlp.pipe`."""

    def __init__(self, config: Config | None = None, nlp: Language | None = None) -> None:
        self.config = config or load_config()
        self._nlp = nlp
        open_kb(self.config.get("kb.extra"))  # E005/E006 now, not at the first article

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(tuple(self.config.get("model.names")), str(self.config.get("kb.extra") or ""),
                                   int(self.config.get("ingest.max_chars")), bool(self.config.get("events.learned")))
        return self._nlp

    def docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """Parsed Docs, each carrying its Article in `doc._.article`. A refused article (too long) and one
        not in English go through as an empty Doc, so the output keeps the input's order."""
        batch_size = int(self.config.get("model.batch_size"))
        limit = int(self.config.get("model.chunk_chars"))
        for group in batched(articles, batch_size):
            docs = [self._prepared(article) for article in group]
            # The parser holds every text of a batch at once: short articles go through nlp.pipe in batches
            # of at most `limit` characters in all, and a longer one is parsed in pieces (eventwire.nlp.chunks),
            # so memory stays bounded. The output keeps the input's order.
            short = iter(self._parsed_short([d for d in docs if len(doc_text(d)) <= limit], limit))
            for doc in docs:
                yield next(short) if len(doc_text(doc)) <= limit else self._long(doc, limit)

    def _parsed_short(self, docs: list[Doc], limit: int) -> Iterator[Doc]:
        batch: list[Doc] = []
        chars = 0
        for doc in docs:
            if batch and chars + len(doc_text(doc)) > limit:
                yield from self.nlp.pipe(batch, batch_size=len(batch))
                batch, chars = [], 0
            batch.append(doc)
            chars += len(doc_text(doc))
        if batch:
            yield from self.nlp.pipe(batch, batch_size=len(batch))

    def _prepared(self, article: Article) -> Doc:
        refused = check_article(article, self.config)
        parse = refused is None and is_english(article.language)
        text = masked_text(article) if parse else ""
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # the Doc's text, known here: spaCy would join every token to give it
        doc._.article = article
        if refused is not None:
            doc.user_data[_REFUSED] = refused
        return doc

    def _long(self, doc: Doc, limit: int) -> Doc:
        """A long article: spaCy's components on each piece, then ours once on the whole."""
        nlp = self.nlp
        article = doc._.article
        ours = [name for name in nlp.pipe_names if name in OURS and name != BEFORE_PARSER]
        whole = parse_in_pieces(nlp, doc, limit, skip=ours)
        whole._.article = article
        for name in ours:
            whole = nlp.get_pipe(name)(whole)
        return whole

    def records(self, articles: Iterable[Article]) -> Iterator[ArticleRecord | InputError]:
        """One ArticleRecord per article, in input order; E112 naming the article when a stage failed,
        E114 when it is too long."""
        for doc in self.docs(articles):
            refused = doc.user_data.get(_REFUSED)
            failed = failure(doc)
            if isinstance(refused, InputError):
                yield refused
            elif failed is not None:
                yield InputError("E112", source=doc._.article.source, reason=failed)
            else:
                yield _guard(self.record(doc))

    def record(self, doc: Doc) -> ArticleRecord:
        """The record of one parsed Doc, from what the stages wrote on it."""
        article: Article = doc._.article
        return ArticleRecord(article=article, events=list(doc._.events or []), quotes=list(doc._.quotes or []),
                             timexes=list(doc._.timexes or []), places=list(doc._.places or []),
                             actors=list(doc._.actors or []), warnings=warnings_of(article))

    def extract(self, text_or_path: str | Path, published: str | None = None) -> ArticleRecord:
        """The record of one article given as text or as the path of a file holding one article."""
        article = _one_article(text_or_path, published, self.config)
        result = next(self.records([article]))
        if isinstance(result, InputError):
            raise result
        return result


def warnings_of(article: Article) -> list[Notice]:
    """The numbered warnings a reader of this article's record should see."""
    found: list[Notice] = []
    if not is_english(article.language):
        found.append(notice("W101", source=article.source, language=article.language))
    elif not article.published:
        found.append(notice("W102", source=article.source))
    return found


def _one_article(text_or_path: str | Path, published: str | None, config: Config) -> Article:
    if isinstance(text_or_path, Path) or _looks_like_path(text_or_path):
        first = next(iter(iter_articles([str(text_or_path)], published=published, config=config)), None)
        if first is None:
            raise InputError("E103", source=str(text_or_path))
        if isinstance(first, InputError):
            raise first
        return first
    return read_text(text_or_path, "<text>",
                     published=normalize_published(published, "published") if published else None)


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).is_file()
    except OSError:
        return False
