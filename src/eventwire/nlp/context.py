"""The first of our components: what every later stage reads about its article besides the text.

`eventwire_context` makes sure the Doc carries its Article (`doc._.article`; a Doc made by calling the
pipeline on a bare string gets one made from its text) and the pipeline's knowledge base (`doc._.kb`),
built from the component's config (`kb_extra`, the user's actor file) and handed to every Doc this
pipeline makes. Nothing is kept in module state: two pipelines with different files keep their own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.kb import KnowledgeBase, open_kb
from eventwire.nlp.stage import Stage
from eventwire.types import Article


class ArticleContext(Stage):
    any_language = True

    def __init__(self, name: str, kb: KnowledgeBase) -> None:
        super().__init__(name)
        self.kb = kb

    def process(self, doc: Doc) -> None:
        if doc._.article is None:
            doc._.article = Article(text=doc.text, source="<doc>")
        doc._.kb = self.kb


@Language.factory("eventwire_context", default_config={"kb_extra": ""},
                  assigns=["doc._.article", "doc._.kb"])
def make_article_context(nlp: Language, name: str, kb_extra: str) -> ArticleContext:
    return ArticleContext(name, open_kb(kb_extra))


__all__ = ["ArticleContext", "make_article_context"]
