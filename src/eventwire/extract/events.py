"""STUB — to be replaced by the extraction work."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.extract.mention import Mention


def find_events(doc: Doc) -> list[Mention]:
    """Every PLOVER event mention in the document."""
    return []
