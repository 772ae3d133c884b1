"""TempEval-3 relative dates: normalise DCT-relative TIMEX3 expressions and compare with the gold ``value``.

Data: ``<data_dir>/tempeval3_timeml/relative_dates_subset.jsonl`` (fields ``dct``, ``context``, ``timex_text``,
``type`` DATE/TIME, ``gold_value``). For each item the expression is resolved with the document creation time as
anchor and the tense of the verb it attaches to in the context sentence (spaCy parse; ``parse=False`` uses a cheap
word heuristic instead). Metrics:

* ``exact`` — value equals the gold TIMEX3 value, all items (TIME items need the part of day / clock: "TNI", "T22:00").
* ``exact_date_type`` — the same over DATE-type items only (the issue's ≥ 0.90 target applies here).
* ``exact_day`` — the calendar part only (first 10 characters) on items whose gold names a single day; this is
  what an event record's ``date`` needs.
* ``resolvable_gold`` — share of items whose gold is a plain day / week / month / year value (no ``X``
  placeholders, quarters, durations or ``*_REF``); ``exact_resolvable`` — exact on those (kept on this
  definition so that figures stay comparable across rounds).
* ``exact_expressible`` — exact on the items whose gold is any value the resolver can produce: the plain ones
  plus quarters, halves, seasons, decades, centuries and ``*_REF`` (``n_expressible`` of them).
* ``underspecified_agree`` — diagnostic, not a score: on gold values with ``X`` placeholders ("1989-WXX",
  "1998-12-XX"), the share where our value has the same form and agrees on every position the gold fills in.

The expression is resolved inside its context sentence (``timex_value(..., sentence=context)``), as the event
date code reads it: direction words before it ("until", "as early as", "the day before") and a results
comparison around "a year ago" count.
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
_EXPRESSIBLE = re.compile(r"^(?:\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)|\d{2,3}|(?:PAST|PRESENT|FUTURE)_REF)$")
_FUTURE_WORDS = re.compile(r"(?i)\b(will|would|'ll|shall|plans? to|planned to|scheduled|due to|set to|expected to|is to|are to|going to)\b")


_WEEK = re.compile(r"-W0?(\d)")


def _same(got: str | None, gold: str) -> bool:
    """Exact TIMEX3 equality, reading "2000-W7" (as some gold annotations write it) as "2000-W07"."""
    return got is not None and (got == gold or _WEEK.sub(r"-W\1", got) == _WEEK.sub(r"-W\1", gold))


def _agrees(got: str | None, gold: str) -> bool:
    """Same form as an underspecified gold value and equal wherever the gold is not ``X``."""
    if got is None:
        return False
    got, gold = _WEEK.sub(r"-W\1", got), _WEEK.sub(r"-W\1", gold)
    return len(got) == len(gold) and all(b == "X" or a == b for a, b in zip(got, gold))


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
    """The plain spaCy model: the parse is all that is needed (no gazetteer ruler, so no knowledge base)."""
    from eventwire.nlp import load_nlp

    return load_nlp(ruler=False)


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
    head = root.head if root.head != root else root
    # walk up to the verb the expression modifies
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
            break
        if head.head == head:
            break
        head = head.head
    return tense_of(head)


def _tense_from_words(context: str) -> str:
    return "future" if _FUTURE_WORDS.search(context) else "past"


def _all_dates(folder: Path, limit: int | None, parse: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """Every DATE timex of TimeBank, AQUAINT and TE3-platinum (creation times excluded), as rows in the relative
    subset's shape, with the tense of the verb each attaches to in its document."""
    rows: list[dict[str, Any]] = []
    tenses: list[str] = []
    nlp = _nlp() if parse else None
    for part in ("timebank", "aquaint", "te3_platinum"):
        path = folder / f"{part}.jsonl"
        if not path.is_file():
            raise DatasetMissing(str(path))
        for doc_row in _load(path, None):
            timexes = [t for t in doc_row["timexes"]
                       if t.get("type") == "DATE" and t.get("functionInDocument") != "CREATION_TIME"]
            if not timexes:
                continue
            doc = nlp(doc_row["text"]) if nlp is not None else None
            for t in timexes:
                context = doc_row["text"][max(0, t["start"] - 200): t["end"] + 200]
                if doc is not None:
                    span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
                    context = span.sent.text if span is not None else context
                    tenses.append(_tense_from_parse(span.sent.as_doc(), span.text) if span is not None else "past")
                else:
                    tenses.append(_tense_from_words(context))
                rows.append({"id": f"{part}:{doc_row['id']}:{t.get('tid')}", "dct": doc_row["dct"],
                             "context": context, "timex_text": t["text"], "type": "DATE", "gold_value": t["value"]})
                if limit is not None and len(rows) >= limit:
                    return rows, tenses
    return rows, tenses


def run(data_dir: Path, limit: int | None = None, name: str = "tempeval3_relative", parse: bool = True,
        subset: str = "relative", **_: Any) -> dict[str, Any]:
    """Score :func:`eventwire.ground.dates.timex_value` on the relative-dates subset (``subset="relative"``) or
    on every DATE timex of the three TempEval-3 corpora (``subset="all"``, slower: whole documents are parsed)."""
    folder = Path(data_dir) / "tempeval3_timeml"
    tenses: list[str] = []
    if subset == "all":
        rows, tenses = _all_dates(folder, limit, parse)
    else:
        path = folder / "relative_dates_subset.jsonl"
        if not path.is_file():
            raise DatasetMissing(str(path))
        rows = _load(path, limit)
        if parse:
            nlp = _nlp()
            docs = nlp.pipe((r["context"] for r in rows), batch_size=64)
            tenses = [_tense_from_parse(d, r["timex_text"]) for d, r in zip(docs, rows)]
        else:
            tenses = [_tense_from_words(r["context"]) for r in rows]
    n = len(rows)
    hit = hit_date = n_date = hit_day = n_day = hit_res = n_res = hit_exp = n_exp = hit_x = n_x = 0
    unresolved = 0
    errors: list[dict[str, Any]] = []
    by_kind: Counter[str] = Counter()
    miss_kind: Counter[str] = Counter()
    per_doc: Counter[str] = Counter()
    for k, r in enumerate(rows):
        anchor = date.fromisoformat(r["dct"][:10])
        tense = tenses[k]
        got = timex_value(r["timex_text"], anchor, tense, sentence=r.get("context"))
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
        if _PLAIN.match(gold) or _EXPRESSIBLE.match(gold):
            n_exp += 1
            hit_exp += ok
        if "X" in gold:
            n_x += 1
            hit_x += _agrees(got, gold)
        if not ok:
            miss_kind[kind] += 1
            doc_key = str(r.get("id", "")).rsplit(":", 1)[0]
            per_doc[doc_key] += 1
            if len(errors) < 25 and per_doc[doc_key] <= 2:   # at most two per document: a varied sample
                errors.append({"id": r.get("id"), "dct": r["dct"], "text": r["timex_text"], "tense": tense,
                               "gold": gold, "got": got, "context": r["context"][:160]})
    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0
    return {
        "dataset": name if subset != "all" else f"{name}:all_dates",
        "n": n,
        "metrics": {
            "exact": ratio(hit, n),
            "exact_date_type": ratio(hit_date, n_date),
            "n_date_type": n_date,
            "exact_day": ratio(hit_day, n_day),
            "n_day": n_day,
            "resolvable_gold": ratio(n_res, n),
            "exact_resolvable": ratio(hit_res, n_res),
            "exact_expressible": ratio(hit_exp, n_exp),
            "n_expressible": n_exp,
            "underspecified_agree": ratio(hit_x, n_x),
            "unresolved": ratio(unresolved, n),
        },
        "misses_by_gold_shape": dict(miss_kind.most_common()),
        "errors": errors,
    }
