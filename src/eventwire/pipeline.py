"""Articles in, ArticleRecords out: the per-article half of the data flow.

The model sees each article's text with its page furniture blanked out (each character replaced by a
space, newlines kept), so offsets are unchanged and nothing inside a furniture span can ever become an
event or a quote; `_guard` drops anything that would still overlap one.

spaCy's own components run batched through `nlp.pipe`; ours (eventwire.nlp.loader.COMPONENTS) run
after them one Doc at a time, so that a stage that fails on one article costs that article (E112
naming it), never the batch: spaCy would stop the whole `pipe` at the first exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import Config, load_config
from eventwire.errors import InputError
from eventwire.types import Article, ArticleRecord

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


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
        from eventwire.extractors.actors import check_kb_file

        check_kb_file(self.config.get("kb.extra"))

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventwire.nlp import load_model

            self._nlp = load_model(tuple(self.config.get("model.names")))
        return self._nlp

    def docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """Parsed Docs, each carrying its Article in `doc._.article`; a Doc on which one of our stages
        failed carries the failure in `doc.user_data["eventwire_error"]` and skips the later stages."""
        from eventwire.extractors.actors import use_kb_file
        from eventwire.nlp import register_extensions
        from eventwire.nlp.loader import COMPONENTS

        register_extensions()
        use_kb_file(self.config.get("kb.extra"))  # this pipeline's knowledge base, even after others ran
        nlp = self.nlp
        ours = [name for name in nlp.pipe_names if name in COMPONENTS]

        def prepared() -> Iterator[Doc]:
            for article in articles:
                doc = nlp.make_doc(masked_text(article))
                doc._.article = article
                yield doc

        for doc in nlp.pipe(prepared(), batch_size=self.config.get("model.batch_size"), disable=ours):
            for name in ours:
                try:
                    doc = nlp.get_pipe(name)(doc)
                except Exception as exc:  # any bug in a stage is reported for its article alone
                    doc.user_data["eventwire_error"] = f"{name}: {type(exc).__name__}: {exc}"
                    break
            yield doc

    def records(self, articles: Iterable[Article]) -> Iterator[ArticleRecord | InputError]:
        """One ArticleRecord per article, in input order; E112 naming the article when a stage failed."""
        for doc in self.docs(articles):
            failure = doc.user_data.get("eventwire_error")
            if failure is not None:
                yield InputError("E112", source=doc._.article.source, reason=failure)
            else:
                yield _guard(self.record(doc))

    def record(self, doc: Doc) -> ArticleRecord:
        """The record of one parsed Doc: the extraction stages fill its lists as they land."""
        article: Article = doc._.article
        return ArticleRecord(article=article, events=list(doc._.events or []), quotes=list(doc._.quotes or []),
                             timexes=list(doc._.timexes or []), places=list(doc._.places or []),
                             actors=list(doc._.actors or []))

    def extract(self, text_or_path: str | Path, published: str | None = None) -> ArticleRecord:
        """The record of one article given as text or as the path of a file holding one article."""
        article = _one_article(text_or_path, published, self.config)
        result = next(self.records([article]))
        if isinstance(result, InputError):
            raise result
        return result


def _one_article(text_or_path: str | Path, published: str | None, config: Config) -> Article:
    from eventwire.ingest.formats import normalize_published
    from eventwire.ingest.sources import iter_articles
    from eventwire.ingest.text import read_text

    if isinstance(text_or_path, Path) or _looks_like_path(text_or_path):
        items = list(iter_articles([str(text_or_path)], published=published, config=config))
        if not items:
            raise InputError("E103", source=str(text_or_path))
        first = items[0]
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
