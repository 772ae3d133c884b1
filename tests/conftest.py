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
