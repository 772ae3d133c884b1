"""zsp_plv: PLOVER type of a marked (source, target) pair in a news sentence (ACL 2024 PLV sets).

The peer system is *given* the pair; an end-to-end extractor must also find it. Definitions (docs/evaluation.md):

* a pair is *found* when an asserted output event has an actor whose text overlaps the source and a recipient
  whose text overlaps the target (either order, over all participants, when the output type is reciprocal —
  AGREE, CONSULT, COOPERATE — or the event has several actors; one coordinated participant may cover both).
  A side written as a placeholder ("a recipient", "An actor", i.e. not in the sentence) is unconstrained.
* ``pair_recall``: pairs found / pairs; ``pair_recall_with_type``: pairs found by an event of an accepted type
  / pairs; ``type_accuracy_on_found``: the two divided.
* the paper's labels: YIELD is CONCEDE or RETREAT; INVESTIGATE is ACCUSE; FIGHT is ASSAULT.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.evaluate import common as C
from eventwire.records import Article, Event

FILES = {"test": "zsp_plv/plv_test.jsonl", "train": "zsp_plv/plv_train.jsonl"}
PAPER_TEST_ACCURACY = 0.835

# output type -> the paper's label space (for the per-type table and the confusion)
TO_PAPER_LABEL = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def side(text: str, phrase: str | None) -> str | None:
    """The gold phrase, or None when it is a placeholder not present in the sentence."""
    if not phrase or phrase.lower() not in text.lower():
        return None
    return phrase


def _covers(entities: list[Any], phrase: str | None) -> list[int]:
    """Indices of entities whose text overlaps the phrase (all of them when the phrase is None)."""
    if phrase is None:
        return list(range(len(entities))) or [-1]
    return [i for i, e in enumerate(entities) if C.spans_overlap(e.text, phrase) or
            C.spans_overlap(e.name, phrase)]


def pair_matches(event: Event, source: str | None, target: str | None) -> bool:
    """Does the event link the source (as actor) and the target (as recipient)?"""
    src_a = _covers(event.actor, source)
    tgt_r = _covers(event.recipient, target)
    if src_a and tgt_r:
        return True
    if event.event in C.RECIPROCAL_TYPES or len(event.actor) > 1:
        parts = event.actor + event.recipient
        # one coordinated participant ("Hungarian and Romanian officials") may cover both
        return bool(_covers(parts, source)) and bool(_covers(parts, target))
    return False


def score_pair(rec: dict[str, Any], events: list[Event]) -> dict[str, Any]:
    """Found / found with the gold type / output label for one marked pair."""
    text = rec["text"]
    source, target = side(text, rec.get("source")), side(text, rec.get("target"))
    types = C.accepted_types(rec["gold_event"])
    matching = [e for e in C.asserted(events) if pair_matches(e, source, target)]
    typed = [e for e in matching if e.event in types]
    any_mod = [e for e in events if e.event in types and pair_matches(e, source, target)]
    if typed:
        label = rec["gold_event"]
    elif matching:
        label = TO_PAPER_LABEL.get(matching[0].event, matching[0].event)
    else:
        label = "NONE"
    return {"found": bool(matching), "typed": bool(typed), "typed_any_modality": bool(any_mod),
            "type_in_sentence": any(e.event in types for e in C.asserted(events)), "label": label}


def run(data_dir: Path, limit: int | None = None, name: str = "zsp_plv", split: str = "test",
        pipeline: Any = None, n_process: int = 1, **_: Any) -> dict[str, Any]:
    if split not in FILES:
        raise ValueError(f"split must be one of {sorted(FILES)}")
    records = C.read_jsonl(C.require(data_dir / FILES[split]), limit)
    # the same sentence carries several pairs: parse each distinct sentence once
    sent_ids: dict[str, str] = {}
    for r in records:
        sent_ids.setdefault(r["text"], f"zsp-{len(sent_ids)}")
    articles = [Article.make(t, id=i) for t, i in sent_ids.items()]
    failures: list[dict[str, str]] = []
    outputs = C.run_pipeline(articles, pipeline, n_process=n_process, failures=failures)

    found = typed = typed_any = in_sent = zsp_ok = 0
    tally = C.TypeTally()
    confusion: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for r in records:
        events = outputs.get(sent_ids[r["text"]], [])
        s = score_pair(r, events)
        found += s["found"]
        typed += s["typed"]
        typed_any += s["typed_any_modality"]
        in_sent += s["type_in_sentence"]
        zsp_ok += r.get("zsp_prediction") == r["gold_event"]
        gold = r["gold_event"]
        tally.add_sets({gold}, set() if s["label"] == "NONE" else {s["label"]})
        C.confusion_add(confusion, gold, s["label"])
        if not s["typed"] and len(errors) < C.MAX_ERRORS:
            errors.append({"id": r["id"], "marked": r["marked"][:240], "gold": gold,
                           "output": [C.brief(e) for e in events]})
    n = len(records)
    summary = tally.summary()
    metrics = {
        "pair_recall": C.ratio(found, n),
        "pair_recall_with_type": C.ratio(typed, n),
        "type_accuracy_on_found": C.ratio(typed, found),
        "pair_recall_with_type_any_modality": C.ratio(typed_any, n),
        "type_recall_in_sentence": C.ratio(in_sent, n),
        "macro_f1": summary["macro_f1"],
        "paper_zsp_accuracy": C.ratio(zsp_ok, n),
    }
    return C.make_report(name, n, metrics, failures=failures, per_type=tally.per_type(),
                         confusion={"type": confusion, "modality_counts": C.modality_counts(outputs)},
                         errors=errors, split=split, sentences=len(articles),
                         paper_reference={"zsp_test_accuracy": PAPER_TEST_ACCURACY})
