"""UD-PETRARCH GSR validation: CAMEO triples on real news sentences.

Definitions (docs/evaluation.md):

* ``cameo_root_agreement``: per gold triple, some asserted output event's ``cameo`` has the gold 2-digit root.
* ``cameo_root_agreement_strict``: the same event's actor codes also meet the gold source country and its
  recipient codes the gold target country (CAMEO actor codes reduced to their country/IGO part: USAGOV -> USA,
  IGOUNOMIL -> UNO; "---" unknown); order-free for roots 03/04/06 or events with several actors.
* ``*_mappable``: the same over gold triples whose root has a PLOVER type (roots 01 and 02 have none).
* ``plover_type_agreement``: an asserted output event has the PLOVER type of the gold code (CAMEO bridge).
* ``root_precision``: asserted output events whose root is a gold root of the sentence / asserted events.
* ``no_event_true_negative_rate``: of the records expecting no event, those with no asserted event.

Records whose text is empty (``abc12_3`` in the 2018 file: a gold triple with no sentence) cannot be coded by any
system; they are left out of every metric and counted in ``counts["unscorable_records"]``.
Every gold triple counts once, so a reciprocal meeting coded by PETRARCH as two or more directed triples
(``COOP_0``: six) weighs as much as its triples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.evaluate import common as C
from eventwire.records import Article, Event

FILE = "udpetrarch_gsr_validation/udpetrarch_gsr_validation.jsonl"
RECIPROCAL_ROOTS = frozenset({"03", "04", "06"})


def published(value: str | None) -> str | None:
    """YYYYMMDD -> YYYY-MM-DD (None for anything else)."""
    v = (value or "").strip()
    if len(v) == 8 and v.isdigit():
        return f"{v[:4]}-{v[4:6]}-{v[6:]}"
    return None


def strict_match(event: Event, gold: dict[str, Any]) -> bool:
    """Root equal and actor/recipient countries meeting the gold source/target."""
    root = C.cameo_root(gold.get("code"))
    if root is None or C.cameo_root(event.cameo) != root:
        return False
    src = {c for c in [C.cameo_actor_code(gold.get("source"))] if c}
    tgt = {c for c in [C.cameo_actor_code(gold.get("target"))] if c}
    out_a, out_r = C.entity_codes(event.actor), C.entity_codes(event.recipient)
    if C.codes_meet(out_a, src) and C.codes_meet(out_r, tgt):
        return True
    if root in RECIPROCAL_ROOTS or len(event.actor) > 1:
        pooled = out_a | out_r
        return C.codes_meet(pooled, src) and C.codes_meet(pooled, tgt)
    return False


def run(data_dir: Path, limit: int | None = None, name: str = "udpetrarch_gsr_validation", pipeline: Any = None,
        n_process: int = 1, **_: Any) -> dict[str, Any]:
    records = C.read_jsonl(C.require(data_dir / FILE), limit)
    unscorable = [r["id"] for r in records if not (r.get("text") or "").strip()]
    records = [r for r in records if (r.get("text") or "").strip()]
    articles = [Article.make(r["text"], id=r["id"], published=published(r.get("date"))) for r in records]
    failures: list[dict[str, str]] = []
    outputs = C.run_pipeline(articles, pipeline, n_process=n_process, failures=failures)

    n_gold = root_ok = strict_ok = n_map = root_ok_map = strict_ok_map = type_n = type_ok = 0
    out_n = out_ok = neg_n = neg_ok = 0
    tally = C.TypeTally()
    confusion: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for r in records:
        events = C.asserted(outputs.get(r["id"], []))
        out_roots = [C.cameo_root(e.cameo) for e in events]
        gold_events = [g for g in r.get("expected_events") or [] if C.cameo_root(g.get("code"))]
        gold_roots = {C.cameo_root(g["code"]) for g in gold_events}
        if r.get("expected_no_events"):
            neg_n += 1
            neg_ok += not events
        out_n += len(events)
        out_ok += sum(1 for x in out_roots if x in gold_roots)
        for g in gold_events:
            root = C.cameo_root(g["code"])
            n_gold += 1
            hit = root in out_roots
            strict = any(strict_match(e, g) for e in events)
            root_ok += hit
            strict_ok += strict
            plover = C.cameo_to_plover(g["code"])
            if plover is not None:
                n_map += 1
                root_ok_map += hit
                strict_ok_map += strict
                type_n += 1
                type_ok += any(e.event == plover for e in events)
            if hit:
                predicted = str(root)
            else:
                predicted = (out_roots[0] or "?") if out_roots else "NONE"
            C.confusion_add(confusion, str(root), predicted)
            if not hit and len(errors) < C.MAX_ERRORS:
                errors.append({"id": r["id"], "text": r["text"][:240],
                               "gold": f"{g.get('source')} {g['code']} {g.get('target')}",
                               "output": [f"{C.brief(e)} cameo={e.cameo}" for e in events]})
        gold_types = {t for t in (C.cameo_to_plover(g["code"]) for g in gold_events) if t}
        tally.add_sets(gold_types, {e.event for e in events})

    metrics = {
        "cameo_root_agreement": C.ratio(root_ok, n_gold),
        "cameo_root_agreement_strict": C.ratio(strict_ok, n_gold),
        "cameo_root_agreement_mappable": C.ratio(root_ok_map, n_map),
        "cameo_root_agreement_strict_mappable": C.ratio(strict_ok_map, n_map),
        "plover_type_agreement": C.ratio(type_ok, type_n),
        "root_precision": C.ratio(out_ok, out_n),
        "no_event_true_negative_rate": C.ratio(neg_ok, neg_n),
    }
    return C.make_report(name, len(records), metrics, failures=failures, per_type=tally.per_type(),
                         confusion={"cameo_root": confusion, "modality_counts": C.modality_counts(outputs)},
                         errors=errors, counts={"gold_events": n_gold, "mappable": n_map, "no_event_records": neg_n,
                                                 "unscorable_records": len(unscorable)})
