"""PLOVER gold-standard records (edited CAMEO-manual sentences, one sentence per record).

Metrics (docs/evaluation.md):

* ``type_accuracy``: per gold event, an asserted output event has an accepted type (``code_plover_current``).
* ``actor_code_accuracy``: of gold events found with the right type whose source has a codable code, some such
  event's actor codes meet the gold source codes (participants pooled for reciprocal types / several actors).
* ``recipient_code_accuracy``: the same for the gold target, where it has a codable code.
* ``mode_accuracy``: of found gold events whose mode maps to a current PLOVER mode, one has that mode.
* per-type precision/recall/F1 on the sets of types per sentence; ``macro_f1``; modality counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.evaluate import common as C
from eventwire.records import Article, Event

FILE = "plover_gsr/plover_gsr.jsonl"

# PLOVER v0.5 modes -> current modes (shared/PLOVER.md); unknown modes are left out of mode accuracy.
MODE_ALIASES: dict[str, str] = {
    "strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot", "demo-org": "demo", "demo-spon": "demo",
    "host": "visit", "detain": "arrest", "confiscate": "seize", "primative": "primitive", "sieze": "seize",
}


def gold_entities(value: Any) -> list[dict[str, Any]]:
    """The list of gold actor dicts (a malformed value gives an empty list)."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def gold_codes(value: Any) -> set[str]:
    """Normalised gold codes; this set's generic ``IGO`` (used for the UN and the EC too) also accepts UNO, EUR."""
    codes = C.entity_codes(gold_entities(value))
    if "IGO" in codes:
        codes |= {"UNO", "EUR"}
    return codes


def norm_mode(mode: str | None) -> str | None:
    if not mode:
        return None
    m = mode.strip().lower()
    return MODE_ALIASES.get(m, m)


def score_gold_event(gold: dict[str, Any], events: list[Event]) -> dict[str, Any]:
    """Score one gold event against the asserted output events of its sentence."""
    types = C.accepted_types(gold.get("code_plover_current") or gold.get("code"))
    same_type = [e for e in C.asserted(events) if e.event in types]
    g_src = gold_codes(gold.get("source"))
    g_tgt = gold_codes(gold.get("target"))
    label = gold.get("code_plover_current") or gold.get("code")
    out: dict[str, Any] = {"found": bool(same_type), "actor": None, "recipient": None, "mode": None}
    if not same_type:
        return out
    if g_src:
        out["actor"] = any(C.roles_meet(e, g_src, set(), label) for e in same_type)
    if g_tgt:
        out["recipient"] = any(C.roles_meet(e, set(), g_tgt, label) for e in same_type)
    gmode = norm_mode(gold.get("mode"))
    if gmode is not None:
        out["mode"] = any((e.mode or "").lower() == gmode for e in same_type)
    return out


def run(data_dir: Path, limit: int | None = None, name: str = "plover_gsr", pipeline: Any = None,
        n_process: int = 1, **_: Any) -> dict[str, Any]:
    records = C.read_jsonl(C.require(data_dir / FILE), limit)
    articles = [Article.make(r["text"], id=r["id"]) for r in records]
    failures: list[dict[str, str]] = []
    outputs = C.run_pipeline(articles, pipeline, n_process=n_process, failures=failures)
    valid_modes = C.ontology_modes()

    tally = C.TypeTally()
    confusion: dict[str, dict[str, int]] = {}
    n_gold = found = 0
    actor_ok = actor_n = recip_ok = recip_n = mode_ok = mode_n = 0
    no_event = 0
    errors: list[dict[str, Any]] = []
    for r in records:
        events = outputs.get(r["id"], [])
        asserted = C.asserted(events)
        if not asserted:
            no_event += 1
        gold_types: set[str] = set()
        for g in r["expected_events"]:
            label = g.get("code_plover_current") or g.get("code")
            gold_types.add(label)
            n_gold += 1
            s = score_gold_event(g, events)
            if s["found"]:
                found += 1
                C.confusion_add(confusion, label, label)
            else:
                if asserted:
                    predicted = asserted[0].event
                elif any(e.event in C.accepted_types(label) for e in events):
                    predicted = "non-asserted"
                else:
                    predicted = "NONE"
                C.confusion_add(confusion, label, predicted)
                if len(errors) < C.MAX_ERRORS:
                    errors.append({"id": r["id"], "text": r["text"][:240], "gold": label,
                                   "output": [C.brief(e) for e in events]})
            if s["actor"] is not None:
                actor_n += 1
                actor_ok += bool(s["actor"])
            if s["recipient"] is not None:
                recip_n += 1
                recip_ok += bool(s["recipient"])
            gmode = norm_mode(g.get("mode"))
            if s["mode"] is not None and (not valid_modes or (label, gmode) in valid_modes):
                mode_n += 1
                mode_ok += bool(s["mode"])
        tally.add_sets(gold_types, {e.event for e in asserted})

    summary = tally.summary()
    metrics = {
        "type_accuracy": C.ratio(found, n_gold),
        "actor_code_accuracy": C.ratio(actor_ok, actor_n),
        "recipient_code_accuracy": C.ratio(recip_ok, recip_n),
        "mode_accuracy": C.ratio(mode_ok, mode_n),
        "precision": summary["precision"],
        "recall": summary["recall"],
        "f1": summary["f1"],
        "macro_f1": summary["macro_f1"],
        "no_event_rate": C.ratio(no_event, len(records)),
    }
    return C.make_report(
        name, len(records), metrics, failures=failures, per_type=tally.per_type(),
        confusion={"type": confusion, "modality_counts": C.modality_counts(outputs)},
        errors=errors,
        counts={"gold_events": n_gold, "found": found, "actor_scored": actor_n, "recipient_scored": recip_n,
                "mode_scored": mode_n},
    )

