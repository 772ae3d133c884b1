"""The held-out wire stories: realistic Reuters/AP/AFP-style stories written for these tests (each set written
before any system output on it was seen), coded by hand in the contract's gold shape (docs/evaluation.md).

`tests/data/wire_heldout.jsonl` has quotes, reported speech, background paragraphs with their own dates,
casualty updates of the same attack, headlines repeating the lead, surnames and titles after first mention,
threats, plans, denials, foiled plots, hypotheticals, cancelled meetings, summoned ambassadors, ceasefires,
prisoner releases, sanctions, protests, arrests, air strikes and aid. The floors are the figures measured
when the file was written and the extractor's wire round finished (docs/extraction.md), minus a small margin;
nothing that did not happen may ever be asserted (forbidden false positives stay at 0).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate import gold as G

DATA = Path(__file__).parent / "data"
HELDOUT = DATA / "wire_heldout.jsonl"

#: (file, floors). Measured 2026-11-25 at the end of the second round (figures in docs/evaluation.md), minus a
#: margin. Set 1 (first round's error analysis): P 0.695 R 0.748 F1 0.721, date 0.955, place 1.000; set 2 (second
#: round's error analysis): P 0.647 R 0.678 F1 0.662, date 0.954, place 1.000; set 3 (summary figures only, its
#: three forbidden false positives inspected once): P 0.575 R 0.579 F1 0.577, date 0.864, place 0.922.
SETS = [
    ("wire_heldout.jsonl", {"precision": 0.66, "recall": 0.72, "f1": 0.69, "date_accuracy": 0.90,
                            "place_accuracy": 0.93, "absent_respected": 1.0}),
    ("wire_heldout2.jsonl", {"precision": 0.60, "recall": 0.64, "f1": 0.62, "date_accuracy": 0.90,
                             "place_accuracy": 0.93, "absent_respected": 1.0}),
    ("wire_heldout3.jsonl", {"precision": 0.54, "recall": 0.54, "f1": 0.54, "date_accuracy": 0.82,
                             "place_accuracy": 0.88, "absent_respected": 1.0}),
    # set 4 (written last; before any change made on it: P 0.578 R 0.698 F1 0.632, 4 forbidden false
    # positives, date 0.843, place 0.949; after fixing the causes of those four: P 0.594 R 0.698 F1 0.642, 0)
    ("wire_heldout4.jsonl", {"precision": 0.55, "recall": 0.66, "f1": 0.60, "date_accuracy": 0.80,
                             "place_accuracy": 0.91, "absent_respected": 1.0}),
]
#: forbidden false positives allowed per set (none: the target is 0 everywhere)
MAX_FORBIDDEN: dict[str, int] = {}


@pytest.mark.parametrize("name", [n for n, _ in SETS])
def test_heldout_file_is_valid(name: str) -> None:
    items = G.load_gold(DATA / name)
    assert len(items) >= 16
    assert sum(len(it["events"]) for it in items) >= 100
    assert sum(len(it["absent"]) for it in items) >= 10
    for it in items:
        assert it["article"].published, it["article"].id
        assert len([p for p in it["article"].text.split("\n\n") if p.strip()]) >= 4, it["article"].id


@pytest.mark.slow
@pytest.mark.parametrize("name,floors", SETS)
def test_heldout_floors(name: str, floors: dict[str, float]) -> None:
    from eventwire.evaluate import run

    report = run("gold", gold=str(DATA / name))
    m = report["metrics"]
    assert m["pipeline_errors"] == 0, report.get("pipeline_failures")
    assert m["forbidden_fp"] <= MAX_FORBIDDEN.get(name, 0), [e for e in report["errors"] if e.get("forbidden")]
    low = {k: (m[k], floor) for k, floor in floors.items() if m[k] < floor}
    assert not low, f"below the held-out floors of {name} (value, floor): {low}"
