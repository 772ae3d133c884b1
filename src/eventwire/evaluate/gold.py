"""Any gold file in the contract's shape, judged as CONTRACT §4 says.

One JSON object per line (docs/evaluation.md, "The gold file"):

    {"article": {"id", "text", "title"?, "published"?},
     "events": [{"event", "accept"?: [types], "mode"?, "actor": [{"code", "text"?}], "recipient": [...],
                 "date"?: "YYYY-MM-DD" | "YYYY-MM-DD/YYYY-MM-DD", "event_loc"?: {"country_code"}}],
     "absent": [{"event", "actor"?, "recipient"?, "modality"?, "note"?}]}

``events`` are what happened (each must be found as an asserted event); ``absent`` are things the article
mentions that did not happen as such (a foiled attack, a threat, a planned meeting): an asserted output event
matching one is a false positive of the forbidden kind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.evaluate import common as C
from eventwire.ingest.common import SkipItem
from eventwire.ingest.jsonl import parse_record
from eventwire.records import Article, Event


PER_ARTICLE_ERRORS = 3


class GoldFileError(ValueError):
    """A gold file line that does not have the documented shape."""


def default_gold_path() -> Path:
    """The bundled sample gold file (eventwire/samples/gold.jsonl)."""
    from importlib import resources

    return Path(str(resources.files("eventwire").joinpath("samples/gold.jsonl")))


def _check_entities(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise GoldFileError(f"{where}: actor/recipient must be a list of objects like {{\"code\": \"FRA\"}}")
    return value


def _check_event(e: Any, where: str, need_type: bool = True) -> dict[str, Any]:
    if not isinstance(e, dict) or (need_type and not isinstance(e.get("event"), str)):
        raise GoldFileError(f"{where}: each entry needs an \"event\" type string")
    bad = sorted(t for t in C.accepted_types([e["event"], *(e.get("accept") or [])])
                 if t not in C.EVENT_TYPES)
    if bad:
        raise GoldFileError(f"{where}: unknown PLOVER type(s) {', '.join(bad)}")
    e = dict(e)
    e["actor"] = _check_entities(e.get("actor"), where)
    e["recipient"] = _check_entities(e.get("recipient"), where)
    return e


def load_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Read and validate a gold file; errors name the file and line."""
    out: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"{where}: not JSON ({exc.msg})") from None
            art = rec.get("article") if isinstance(rec, dict) else None
            if not isinstance(art, dict) or not isinstance(art.get("text"), str):
                raise GoldFileError(f"{where}: needs \"article\": {{\"id\", \"text\", ...}}")
            if not isinstance(rec.get("events", []), list) or not isinstance(rec.get("absent", []), list):
                raise GoldFileError(f"{where}: \"events\" and \"absent\" must be lists")
            try:  # the same reading and cleaning as `eventwire ingest` / `extract` apply
                article = parse_record({**art, "id": str(art.get("id") or f"gold-{lineno}")})
            except SkipItem as exc:
                raise GoldFileError(f"{where}: {exc}") from None
            out.append({
                "article": article,
                "events": [_check_event(e, where) for e in rec.get("events", [])],
                "absent": [_check_event(e, where) for e in rec.get("absent", [])],
            })
            if limit is not None and len(out) >= limit:
                break
    return out


# ------------------------------------------------------------------------------------------------ matching

def types_of(gold: dict[str, Any]) -> frozenset[str]:
    return C.accepted_types([gold["event"], *(gold.get("accept") or [])])


def candidate(event: Event, gold: dict[str, Any]) -> bool:
    """Type accepted and actor/recipient codes meeting the gold ones (modality not looked at)."""
    return event.event in types_of(gold) and C.roles_meet(
        event, C.entity_codes(gold["actor"]), C.entity_codes(gold["recipient"]), gold["event"])


def date_ok(event: Event, gold_date: Any) -> bool | None:
    """Equal to the gold day or inside a gold range; None when the gold has no date."""
    if not gold_date:
        return None
    if isinstance(gold_date, dict):
        lo, hi = gold_date.get("from"), gold_date.get("to")
    elif "/" in str(gold_date):
        lo, hi = str(gold_date).split("/", 1)
    else:
        lo = hi = str(gold_date)
    if not event.date:
        return False
    return bool(lo) and bool(hi) and lo <= event.date[:10] <= hi


def place_ok(event: Event, gold_loc: Any) -> bool | None:
    """The output place country equals the gold country; None when the gold gives none."""
    if not isinstance(gold_loc, dict) or not gold_loc.get("country_code"):
        return None
    got = C.norm_code(event.event_loc.country_code) if event.event_loc else None
    return got == C.norm_code(gold_loc["country_code"])


def _preference(event: Event, gold: dict[str, Any]) -> tuple[int, int, int, float]:
    return (-(date_ok(event, gold.get("date")) is True), -(place_ok(event, gold.get("event_loc")) is True),
            -((event.mode or "") == (gold.get("mode") or "") and bool(gold.get("mode"))), -event.confidence)


def match_article(gold_events: list[dict[str, Any]], events: list[Event]) -> dict[int, int]:
    """One-to-one matching of gold events to asserted output events: ``{gold index: index in events}``.

    Only asserted events take part; among equal-size matchings, outputs with the right date, place, mode and a
    higher confidence are preferred.
    """
    cands: dict[int, list[int]] = {}
    for gi, g in enumerate(gold_events):
        idx = [oi for oi, e in enumerate(events) if e.modality == "asserted" and candidate(e, g)]
        cands[gi] = sorted(idx, key=lambda oi: _preference(events[oi], g))
    return C.max_matching(len(gold_events), cands)


def forbidden(events: list[Event], matched: set[int], absent: list[dict[str, Any]]) -> list[int]:
    """Unmatched asserted outputs that claim an ``absent`` entry happened."""
    return [oi for oi, e in enumerate(events)
            if oi not in matched and e.modality == "asserted" and any(candidate(e, a) for a in absent)]


def output_modality(events: list[Event], gold: dict[str, Any]) -> str:
    """The modality the system gave the gold item: asserted if any candidate is, else the first, else none."""
    mods = [e.modality for e in events if candidate(e, gold)]
    if not mods:
        return "none"
    return "asserted" if "asserted" in mods else mods[0]


# ------------------------------------------------------------------------------------------------ run

def score(items: list[dict[str, Any]], outputs: dict[str, list[Event]]) -> dict[str, Any]:
    """Metrics, per-type table, modality confusion and errors for loaded gold items and output events."""
    tp = fn = fp = forbidden_n = 0
    absent_n = absent_claimed = 0
    date_n = date_hit = place_n = place_hit = mode_n = mode_hit = 0
    tp_t: dict[str, int] = {}
    fp_t: dict[str, int] = {}
    fn_t: dict[str, int] = {}
    modality: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for item in items:
        art: Article = item["article"]
        events = outputs.get(art.id, [])
        golds, absent = item["events"], item["absent"]
        article_errors: list[dict[str, Any]] = []
        matching = match_article(golds, events)
        matched = set(matching.values())
        for gi, g in enumerate(golds):
            C.confusion_add(modality, "asserted", output_modality(events, g))
            if gi in matching:
                tp += 1
                tp_t[g["event"]] = tp_t.get(g["event"], 0) + 1
                e = events[matching[gi]]
                d = date_ok(e, g.get("date"))
                if d is not None:
                    date_n += 1
                    date_hit += d
                pl = place_ok(e, g.get("event_loc"))
                if pl is not None:
                    place_n += 1
                    place_hit += pl
                if g.get("mode"):
                    mode_n += 1
                    mode_hit += (e.mode or "") == g["mode"]
            else:
                fn += 1
                fn_t[g["event"]] = fn_t.get(g["event"], 0) + 1
                article_errors.append({"article": art.id, "missed": _gold_brief(g),
                                       "output": [C.brief(e) for e in events][:8]})
        bad = forbidden(events, matched, absent)
        forbidden_n += len(bad)
        for a in absent:
            absent_n += 1
            C.confusion_add(modality, a.get("modality") or "not-asserted", output_modality(events, a))
            absent_claimed += any(candidate(events[oi], a) for oi in bad)
        for oi, e in enumerate(events):
            if e.modality == "asserted" and oi not in matched:
                fp += 1
                fp_t[e.event] = fp_t.get(e.event, 0) + 1
                article_errors.append({"article": art.id, "false_positive": C.brief(e),
                                       "forbidden": oi in bad, "sentence": e.event_text[:200]})
        # a few from each article, forbidden ones first, so one long article does not fill the list
        article_errors.sort(key=lambda x: not x.get("forbidden"))
        errors.extend(article_errors[:PER_ARTICLE_ERRORS])
    overall = C.prf(tp, fp, fn)
    tally = C.TypeTally()
    tally.tp.update(tp_t)
    tally.fp.update(fp_t)
    tally.fn.update(fn_t)
    metrics = {
        "precision": overall["precision"], "recall": overall["recall"], "f1": overall["f1"],
        "macro_f1": tally.summary()["macro_f1"],
        "forbidden_fp": float(forbidden_n),
        "absent_respected": 1.0 - C.ratio(absent_claimed, absent_n) if absent_n else 1.0,
        "date_accuracy": C.ratio(date_hit, date_n),
        "place_accuracy": C.ratio(place_hit, place_n),
        "mode_accuracy": C.ratio(mode_hit, mode_n),
    }
    counts = {"gold_events": tp + fn, "matched": tp, "false_positives": fp, "absent": absent_n,
              "dated": date_n, "placed": place_n, "with_mode": mode_n}
    return {"metrics": metrics, "per_type": tally.per_type(), "modality": modality, "errors": errors,
            "counts": counts}


def _gold_brief(g: dict[str, Any]) -> str:
    a = ",".join(x.get("code") or "?" for x in g["actor"]) or "-"
    r = ",".join(x.get("code") or "?" for x in g["recipient"]) or "-"
    return f"{g['event']} {a}->{r}"


def run(data_dir: Path | None = None, limit: int | None = None, name: str = "gold", gold: str | Path | None = None,
        pipeline: Any = None, n_process: int = 1, **_: Any) -> dict[str, Any]:
    path = Path(gold) if gold else default_gold_path()
    if not path.exists():
        from eventwire.evaluate import DatasetMissing

        raise DatasetMissing(f"gold file not found: {path}")
    items = load_gold(path, limit)
    failures: list[dict[str, str]] = []
    outputs = C.run_pipeline([it["article"] for it in items], pipeline, n_process=n_process, failures=failures)
    s = score(items, outputs)
    return C.make_report(name, len(items), s["metrics"], failures=failures, per_type=s["per_type"],
                         confusion={"modality": s["modality"], "modality_counts": C.modality_counts(outputs)},
                         errors=s["errors"], counts=s["counts"], gold_file=str(path))
