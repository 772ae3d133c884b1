"""Gold-set evaluations. One module per dataset; each exposes ``run(data_dir, limit=None) -> dict``.

The report dict always has ``dataset``, ``n`` and ``metrics`` (a flat dict of named figures), and may add
``per_type``, ``confusion`` and ``errors`` (a few examples).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

# dataset name -> module under eventwire.evaluate
DATASETS: dict[str, str] = {
    "plover_gsr": "plover_gsr",
    "zsp_plv": "zsp_plv",
    "udpetrarch_gsr_validation": "udpetrarch",
    "ngec_synthetic_plover": "ngec_synthetic",
    "ngec_actor_tests": "ngec_actors",
    "tempeval3_relative": "tempeval",
    "gritta_lgl": "gritta",
    "gritta_geowebnews": "gritta",
    "gritta_trnews": "gritta",
    "event_location_halterman": "halterman",
    "gold": "gold",  # any gold file in the contract's shape (--gold FILE)
}


class DatasetMissing(Exception):
    """The gold data for a dataset is not present (../shared/data absent)."""


def data_dir() -> Path:
    """Where the gold sets live: $EVENTWIRE_DATA, else ../shared/data from the repository root."""
    env = os.environ.get("EVENTWIRE_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared" / "data"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "data"


def run(name: str, limit: int | None = None, **options: Any) -> dict[str, Any]:
    """Run one evaluation and return its report."""
    if name not in DATASETS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(sorted(DATASETS))}")
    module = importlib.import_module(f"eventwire.evaluate.{DATASETS[name]}")
    return module.run(data_dir(), limit=limit, name=name, **options)
