"""Toponym resolution on Gritta et al.'s geoparsing sets (LGL, GeoWebNews, TR-News).

Each gold toponym mention is resolved by ``Geocoder.resolve_all`` together with the other toponym mentions of
its document (their texts only, as a geoparser's recogniser would see them, plus which mention follows which
behind a comma in the text, "Paris, Tenn."; gold coordinates are never used as context). Demonyms ("Syrian",
"African", "Ohioans"), which the gold counts as toponyms, stand for their place (``demonyms=False`` turns that
off); continents, oceans and world regions get a point of precision ``region`` (``regions=False`` leaves them
unresolved, as event locations do). A name the gazetteer lacks (a street, building, river, village) is placed at
the document's own place (``local_fallback``, never for event locations); that guess has no GeoNames entry, so
the headline ``acc@161`` leaves it unresolved and ``acc@161_local_fallback`` reports the figure with it. Scored on the mentions that have gold coordinates: accuracy within 161 km,
mean and median error, and coverage (fraction resolved at all). Unresolved mentions count as misses in acc@161.

Local papers (most of LGL) rarely name their own state: "Paris" in the Paris (Tenn.) Post-Intelligencer is Paris,
Tennessee. With ``source_prior=True`` (off by default) every document is resolved a second time with its publication's
home division as a weak prior (``Geocoder.resolve_all(..., prior_divisions=)``), learnt without gold from what the
resolver itself made of the place names of the publication's *other* documents (:func:`source_priors`); the
publication is the record's ``domain`` (else the URL's host); its score is ``acc@161_source_prior``. The headline
``acc@161`` is always the per-document answers alone, comparable with geoparsers that see one document at a time
(the prior reads other documents of the test set and its weights were chosen on LGL).
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eventwire.ground.gazetteer import norm
from eventwire.ground.places import Geocoder

FILES = {"gritta_lgl": "lgl.jsonl", "gritta_geowebnews": "geowebnews.jsonl", "gritta_trnews": "trnews.jsonl"}
# GeoWebNews annotates many non-toponyms; these types are the toponyms (demonyms are left to the actor coder)
_COMMA = re.compile(r",\s*")
GWN_TYPES = {"Literal", "Metonymic", "Mixed", "Embedded_Literal", "Homonym", "Coercion"}
# the source prior: a publication's home division is the one most names of its other articles resolve to
PRIOR_MIN_NAMES = 3       # ... holding at least this many of the distinct names of its other articles
PRIOR_MIN_SHARE = 0.3     # ... and at least this share of those placed in any division
SOURCE_PRIOR = False  # headline figures are one article at a time, as a geoparser sees them
PRIOR_ROUNDS = 2          # the priors are recomputed from the answers they gave this many times
# a name the gazetteer lacks (street, building, river, village) is placed at the document's own place
# (``Geocoder.resolve_all(..., local_fallback=True)``); reported as ``acc@161_local_fallback``, never the headline
LOCAL_FALLBACK = True


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _toponyms(doc: dict[str, Any], gwn: bool) -> list[dict[str, Any]]:
    out = []
    for t in doc.get("toponyms", []):
        if gwn and t.get("type") not in GWN_TYPES:
            continue
        if not t.get("text"):
            continue
        out.append(t)
    return out


def qualifiers(text: str, tops: list[dict[str, Any]]) -> list[int | None]:
    """For each toponym, the index of the toponym right after it behind a comma ("Paris, Tenn."), else None:
    what a recogniser sees in the text (offsets of the mentions, never their gold places)."""
    out: list[int | None] = [None] * len(tops)
    starts = {}
    for j, t in enumerate(tops):
        if isinstance(t.get("start"), int):
            starts.setdefault(t["start"], j)
    for i, t in enumerate(tops):
        end = t.get("end")
        if not isinstance(end, int) or not text or text[t.get("start", 0):end] != t["text"]:
            continue
        m = _COMMA.match(text, end)
        if m is not None:
            out[i] = starts.get(m.end())
    return out


def _publication(doc: dict[str, Any]) -> str | None:
    dom = doc.get("domain")
    if not dom and doc.get("url"):
        m = re.match(r"https?://([^/]+)", doc["url"])
        dom = m.group(1) if m else None
    return dom.lower().removeprefix("www.") if dom else None


def source_priors(geo: Geocoder, publications: list[str | None], names: list[list[str]],
                  answers: list[list[Any]]) -> list[list[str]]:
    """For each document, its publication's home area from the publication's *other* documents (leave-one-out):
    the division ("US-TN") that most of the distinct place names they mention resolve to, when at least
    ``PRIOR_MIN_NAMES`` names and ``PRIOR_MIN_SHARE`` of the names placed in any division do; else the country
    ("US") under the same thresholds; else nothing. Distinct names, not documents, are counted, so that one
    often-repeated name resolved wrongly (the paper's own town) does not make the prior. Uses the resolver's
    own answers, never gold."""
    per_doc: list[tuple[set[tuple[str, str]], set[tuple[str, str]]]] = []
    for texts, places in zip(names, answers):
        divs: set[tuple[str, str]] = set()
        ccs: set[tuple[str, str]] = set()
        for text, p in zip(texts, places):
            if p is not None and p.feature_code == "LOCAL":
                continue  # a guess from the document itself says nothing more about the publication
            k = geo.division_key(p)
            if not k:
                continue
            ccs.add((norm(text), k.split("-")[0]))
            if "-" in k and p.precision != "country":
                divs.add((norm(text), k))
        per_doc.append((divs, ccs))
    by_pub: dict[str, list[int]] = defaultdict(list)
    for i, pub in enumerate(publications):
        if pub:
            by_pub[pub].append(i)
    tallies = {pub: (Counter(x for i in ids for x in per_doc[i][0]), Counter(x for i in ids for x in per_doc[i][1]))
               for pub, ids in by_pub.items()}

    def home(pairs: Counter, mine: set) -> str | None:
        live = [x for x, c in pairs.items() if c - (x in mine) > 0]
        if not live:
            return None
        tally = Counter(area for _, area in live)
        (area, n), = tally.most_common(1)
        if n >= PRIOR_MIN_NAMES and n >= PRIOR_MIN_SHARE * len({name for name, _ in live}):
            return area
        return None

    out: list[list[str]] = []
    for i, pub in enumerate(publications):
        if not pub:
            out.append([])
            continue
        area = home(tallies[pub][0], per_doc[i][0]) or home(tallies[pub][1], per_doc[i][1])
        out.append([area] if area else [])
    return out


def _score(docs: list[dict[str, Any]], answers: list[list[Any]], limit: int | None
           ) -> tuple[dict[str, Any], int, list[dict[str, Any]]]:
    errors_km: list[float] = []
    n = resolved = hits = local = 0
    examples: list[dict[str, Any]] = []
    for doc, places in zip(docs, answers):
        for t, p in zip(doc["_tops"], places):
            if t.get("lat") is None or t.get("lon") is None:
                continue
            if limit is not None and n >= limit:
                break
            n += 1
            if p is None or p.lat is None or p.lon is None:
                if len(examples) < 25:
                    examples.append({"doc": doc["id"], "text": t["text"], "predicted": None,
                                     "gold": [t["lat"], t["lon"]]})
                continue
            resolved += 1
            local += p.feature_code == "LOCAL"
            km = _km(p.lat, p.lon, float(t["lat"]), float(t["lon"]))
            errors_km.append(km)
            if km <= 161:
                hits += 1
            elif len(examples) < 25:
                examples.append({"doc": doc["id"], "text": t["text"], "km": round(km),
                                 "predicted": f"{p.name} ({p.country_code}, {p.feature_code})",
                                 "gold": t.get("name") or [t["lat"], t["lon"]]})
    metrics = {
        "acc@161": round(hits / n, 4) if n else 0.0,
        "acc@161_resolved": round(hits / resolved, 4) if resolved else 0.0,
        "mean_km": round(statistics.fmean(errors_km), 1) if errors_km else None,
        "median_km": round(statistics.median(errors_km), 1) if errors_km else None,
        "coverage": round(resolved / n, 4) if n else 0.0,
    }
    if local:  # share of the scored mentions placed by the local fallback (Geocoder.place_unknown)
        metrics["fallback_share"] = round(local / n, 4)
    return metrics, n, examples


def run(data_dir: Path, limit: int | None = None, name: str = "gritta_lgl",
        geocoder: Geocoder | None = None, demonyms: bool = True, regions: bool = True,
        source_prior: bool = SOURCE_PRIOR, local_fallback: bool = LOCAL_FALLBACK, **_: Any) -> dict[str, Any]:
    """Score toponym resolution; ``limit`` caps the number of gold toponyms (with coordinates) scored.

    With ``source_prior`` each document is resolved a second time with its publication's home division (from
    the resolver's answers on the publication's other documents, :func:`source_priors`) as a weak prior; the
    metrics then also give ``acc@161_source_prior``. With ``local_fallback`` a name the gazetteer lacks is also
    placed at the document's own place (``Geocoder.place_unknown``); the headline metrics leave those guesses
    unresolved, ``acc@161_local_fallback`` and ``coverage_local_fallback`` count them, and ``fallback_share`` is the
    share of scored mentions placed by it."""
    path = Path(data_dir) / "geoparsing_gritta" / FILES[name]
    if not path.exists():
        from eventwire.evaluate import DatasetMissing

        raise DatasetMissing(str(path))
    geo = geocoder or Geocoder()
    gwn = name == "gritta_geowebnews"
    docs: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            doc["_tops"] = _toponyms(doc, gwn)
            if doc["_tops"]:
                docs.append(doc)
    quals = [qualifiers(d.get("text") or "", d["_tops"]) for d in docs]
    answers = [geo.resolve_all([t["text"] for t in d["_tops"]], demonyms=demonyms, regions=regions, qualifiers=q,
                               local_fallback=local_fallback)
               for d, q in zip(docs, quals)]
    extra: dict[str, Any] = {}
    guessed = answers
    # the headline counts gazetteer answers only: the fallback's guesses (no GeoNames entry) are left unresolved
    answers = [[None if p is not None and p.feature_code == "LOCAL" else p for p in a] for a in guessed]
    if local_fallback:
        full = _score(docs, guessed, limit)[0]
        extra["acc@161_local_fallback"] = full["acc@161"]
        extra["coverage_local_fallback"] = full["coverage"]
        extra["fallback_share"] = full.get("fallback_share", 0.0)
    metrics, n, examples = _score(docs, answers, limit)
    metrics.pop("fallback_share", None)
    if source_prior:
        first = answers
        for _ in range(PRIOR_ROUNDS):
            priors = source_priors(geo, [_publication(d) for d in docs],
                                   [[t["text"] for t in d["_tops"]] for d in docs], answers)
            answers = [geo.resolve_all([t["text"] for t in d["_tops"]], demonyms=demonyms, regions=regions,
                                       qualifiers=q, prior_divisions=pr, local_fallback=local_fallback) if pr else a
                       for d, q, a, pr in zip(docs, quals, first, priors)]
        extra["docs_with_source_prior"] = round(sum(1 for pr in priors if pr) / len(docs), 4) if docs else 0.0
        extra["acc@161_source_prior"] = _score(docs, answers, limit)[0]["acc@161"]
    metrics.update(extra)
    return {"dataset": name, "n": n, "metrics": metrics, "errors": examples}
