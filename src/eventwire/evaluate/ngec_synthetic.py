"""NGEC synthetic PLOVER stories: document-level type recall (pseudo-labels on synthetic text).

Definitions (docs/evaluation.md):

* ``type_recall``: documents whose gold type is among the types of their asserted output events / documents.
* ``top_type_accuracy``: documents whose most frequent asserted type (ties: earliest) is the gold type.
* ``mode_agreement``: of documents where the type was found and the gold mode is a mode of the current
  ontology (NGEC spellings mapped: PRIMATIVE -> primitive, SIEZE -> seize), an event of that type has that mode.
* per-type precision/recall/F1 on the document's type sets; ``no_event_rate``.

The file is sorted by label, so ``limit`` takes documents spread evenly over the whole file, not the first ones.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.evaluate import common as C
from eventwire.records import Article

FILE = "ngec_synthetic_plover/ngec_synthetic_plover.jsonl"
MODE_ALIASES = {"primative": "primitive", "sieze": "seize"}


def norm_mode(mode: str | None) -> str | None:
    if not mode:
        return None
    m = mode.strip().lower()
    return MODE_ALIASES.get(m, m)


def top_type(types: list[str]) -> str | None:
    """The most frequent type, ties broken by first appearance."""
    if not types:
        return None
    counts = Counter(types)
    best = max(counts.values())
    return next(t for t in types if counts[t] == best)


def run(data_dir: Path, limit: int | None = None, name: str = "ngec_synthetic_plover", pipeline: Any = None,
        n_process: int = 1, **_: Any) -> dict[str, Any]:
    records = C.spread_sample(C.read_jsonl(C.require(data_dir / FILE)), limit)
    articles = [Article.make(r["text"], id=r["id"]) for r in records]
    failures: list[dict[str, str]] = []
    outputs = C.run_pipeline(articles, pipeline, n_process=n_process, failures=failures)
    valid_modes = C.ontology_modes()

    found = top_ok = mode_n = mode_ok = no_event = 0
    tally = C.TypeTally()
    confusion: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for r in records:
        gold = r["expected_events"][0]
        label = gold["code"]
        types = C.accepted_types(label)
        events = C.asserted(outputs.get(r["id"], []))
        out_types = [e.event for e in events]
        no_event += not events
        hit = any(t in types for t in out_types)
        found += hit
        top = top_type(out_types)
        top_ok += top in types
        C.confusion_add(confusion, label, label if hit else (top or "NONE"))
        tally.add_sets({label}, set(out_types))
        gmode = norm_mode(gold.get("mode"))
        if hit and gmode and (not valid_modes or (label, gmode) in valid_modes):
            mode_n += 1
            mode_ok += any(e.event in types and (e.mode or "").lower() == gmode for e in events)
        if not hit and len(errors) < C.MAX_ERRORS:
            errors.append({"id": r["id"], "text": r["text"][:200], "gold": f"{label}/{gold.get('mode')}",
                           "output": [C.brief(e) for e in events][:6]})
    n = len(records)
    summary = tally.summary()
    metrics = {
        "type_recall": C.ratio(found, n),
        "top_type_accuracy": C.ratio(top_ok, n),
        "mode_agreement": C.ratio(mode_ok, mode_n),
        "precision": summary["precision"],
        "macro_f1": summary["macro_f1"],
        "no_event_rate": C.ratio(no_event, n),
    }
    return C.make_report(name, n, metrics, failures=failures, per_type=tally.per_type(),
                         confusion={"type": confusion, "modality_counts": C.modality_counts(outputs)},
                         errors=errors, counts={"mode_scored": mode_n})
