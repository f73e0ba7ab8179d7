"""Every ``Doc._`` extension eventwire uses, registered in one place."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from eventwire.kb import KnowledgeBase, load_kb

# In pipeline order of the stage that sets each (eventwire.nlp.loader.COMPONENTS).
EXTENSIONS = {
    # The Article the Doc was made from: its metadata (publication date, furniture) is context
    # the extraction components read; and the knowledge base of the pipeline (eventwire_context).
    "article": None,
    "kb": None,
    # Lists of eventwire.types records, one extension per stage; None until the stage has run.
    "timexes": None,
    "places": None,
    # The article's mention clusters (eventwire.extractors.coref.Resolution).
    "coref": None,
    "quotes": None,
    # (content start, content end, the speaker's head token) of each quote: "we" inside a quote is its speaker.
    "quote_speakers": None,
    "events": None,
    # Every distinct actor of the article, mentions merged (eventwire.types.Actor).
    "actors": None,
}


def register_extensions() -> None:
    """Register our Doc extensions (safe to call more than once)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def kb_of(doc: Doc) -> KnowledgeBase:
    """The knowledge base of the pipeline that made `doc` (`doc._.kb`); the shipped one for a Doc made
    outside a pipeline."""
    kb = doc._.kb if Doc.has_extension("kb") else None
    return kb if isinstance(kb, KnowledgeBase) else load_kb()


TEXT_KEY = "eventwire_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token each time it is asked, and the
    extractors ask often (the text of a Doc never changes once made)."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[TEXT_KEY] = cached
    return str(cached)


def published_date(doc: Doc) -> date | None:
    """The calendar day the Doc's article was published (from `doc._.article.published`), or None."""
    article = doc._.article if Doc.has_extension("article") else None
    published = getattr(article, "published", None) if article is not None else None
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
