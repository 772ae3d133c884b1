"""Actor grounding: span -> Entity(code, sector). STUB — to be replaced by the actors work."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from eventwire.records import Entity


class ArticleActors:
    """Per-article state: coreference memory of entities introduced earlier."""

    def __init__(self, coder: "ActorCoder", doc: Doc, published: date | None) -> None:
        self.coder, self.doc, self.published = coder, doc, published

    def code(self, span: Span) -> Entity:
        return Entity(text=span.text, name=span.text, code=None, sector=None)


class ActorCoder:
    """Loads the actor knowledge base once; ``start_article`` per document."""

    def __init__(self) -> None:
        pass

    def start_article(self, doc: Doc, published: date | None) -> ArticleActors:
        return ArticleActors(self, doc, published)


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns (label ORG/NORP/GPE/PERSON) placed before spaCy's NER."""
    return []
