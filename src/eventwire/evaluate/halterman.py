"""Event location on Halterman's "Geolocating Political Events in Text" sentences (gold re-labelled subset).

Each sentence is parsed with spaCy (our place ``entity_ruler`` before ``ner``); the gold trigger token is
handed to ``ArticlePlaces.event_location`` and the mention it chose is compared with the gold location
spans (a hit when they overlap). Sentences whose gold has no location count as right when we predict none.

Figures: ``accuracy`` over all sentences; ``acc_with_location`` / ``acc_without_location`` split by gold;
``mention_accuracy`` scores the top-ranked place mention even when the gazetteer cannot resolve it (the
choice of mention alone); ``no_prediction`` is the fraction with no predicted place.

The gold re-labelled records store some location spans as spaCy token offsets (inclusive end) rather than
character offsets; a span that is empty or does not fall on a word is read as token offsets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.ground.places import Geocoder, rank_mentions

FILE = ("event_location_halterman", "event_location.jsonl")


def load_place_nlp() -> Any:
    """spaCy with only the place patterns in an entity ruler before ``ner``."""
    import warnings

    import spacy

    from eventwire.ground.places import ruler_patterns
    from eventwire.nlp import MODEL

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(MODEL)
    er = nlp.add_pipe("entity_ruler", first=True, config={"overwrite_ents": True})  # before ner; see ruler_patterns
    er.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    return nlp


def gold_spans(doc: Doc, locs: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Gold location spans as character offsets (token offsets converted, see the module note)."""
    out = []
    text = doc.text
    for loc in locs:
        s, e = int(loc["start"]), int(loc["end"])
        span = doc.char_span(s, e) if e > s else None
        if span is not None and text[s:e].strip() and text[s].isalnum():
            out.append((s, e))
            continue
        if 0 <= s <= e < len(doc):
            # our tokenizer can split a word or two differently ("U.S.-led"): take the nearest shift
            # of the span that starts with a capitalised word
            for shift in (0, 1, -1, 2, -2, 3, -3):
                a, b = s + shift, e + shift + 1
                if 0 <= a and b <= len(doc) and doc[a].text[:1].isupper():
                    out.append((doc[a:b].start_char, doc[a:b].end_char))
                    break
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def run(data_dir: Path, limit: int | None = None, name: str = "event_location_halterman",
        geocoder: Geocoder | None = None, nlp: Any = None, gold_only: bool = True, **_: Any) -> dict[str, Any]:
    """Score event location on the gold re-labelled sentences (``gold_only=False``: all sentences)."""
    path = Path(data_dir).joinpath(*FILE)
    if not path.exists():
        from eventwire.evaluate import DatasetMissing

        raise DatasetMissing(str(path))
    geo = geocoder or Geocoder()
    nlp = nlp or load_place_nlp()
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if gold_only and not d.get("gold_relabel"):
                continue
            if not d.get("event_trigger"):
                continue
            records.append(d)
            if limit is not None and len(records) >= limit:
                break
    n = hits = mention_hits = none_pred = 0
    with_loc = with_loc_hits = without_loc = without_loc_hits = 0
    errors: list[dict[str, Any]] = []
    docs = nlp.pipe([r["text"] for r in records], batch_size=64)
    for rec, doc in zip(records, docs):
        trig = rec["event_trigger"][0]
        tspan = doc.char_span(trig["start"], trig["end"], alignment_mode="expand")
        trigger = tspan.root if tspan is not None and len(tspan) else None
        sent = trigger.sent if trigger is not None else doc[:]
        gold = gold_spans(doc, rec.get("event_locations") or [])
        places = geo.start_article(doc, None)
        got = places.event_location_mention(sent, trigger)
        ranked = rank_mentions(sent, trigger, places._precision)
        pred = (got[0].start_char, got[0].end_char) if got else None
        top = (ranked[0].start_char, ranked[0].end_char) if ranked else None
        n += 1
        if pred is None:
            none_pred += 1
        if gold:
            with_loc += 1
            ok = pred is not None and _overlaps(pred, gold)
            mention_hits += int(top is not None and _overlaps(top, gold))
        else:
            without_loc += 1
            ok = pred is None
            mention_hits += int(top is None)
        hits += int(ok)
        if gold:
            with_loc_hits += int(ok)
        else:
            without_loc_hits += int(ok)
        if not ok and len(errors) < 30:
            errors.append({"id": rec["id"], "trigger": trig["text"],
                           "gold": [doc.text[s:e] for s, e in gold],
                           "predicted": doc.text[pred[0]:pred[1]] if pred else None,
                           "place": got[1].to_dict() if got else None})
    metrics = {
        "accuracy": round(hits / n, 4) if n else 0.0,
        "acc_with_location": round(with_loc_hits / with_loc, 4) if with_loc else 0.0,
        "acc_without_location": round(without_loc_hits / without_loc, 4) if without_loc else 0.0,
        "mention_accuracy": round(mention_hits / n, 4) if n else 0.0,
        "no_prediction": round(none_pred / n, 4) if n else 0.0,
        "with_location": with_loc,
    }
    return {"dataset": name, "n": n, "metrics": metrics, "errors": errors}
