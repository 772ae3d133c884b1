"""What the extractor hands to grounding: one event mention found in a parsed sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token


@dataclass
class Mention:
    """An event mention before grounding.

    ``actors`` / ``recipients`` are spaCy spans of the noun phrases that fill the roles (a pronoun or
    a title such as "the minister" is allowed: grounding resolves it by in-article coreference).
    """

    event: str                     # PLOVER type
    mode: str | None               # PLOVER mode of that type, or None
    modality: str                  # asserted | future | hypothetical | negated
    trigger: Token                 # head word of the trigger
    sent: Span                     # the sentence
    actors: list[Span] = field(default_factory=list)
    recipients: list[Span] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    confidence: float = 0.5
    cameo: str | None = None       # a more specific CAMEO code if the lexicon gives one
    reciprocal: bool = False       # meetings/agreements: all parties are actors, order-free
