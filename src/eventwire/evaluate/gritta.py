"""Toponym resolution on Gritta et al.'s geoparsing sets (LGL, GeoWebNews, TR-News).

Each gold toponym mention is resolved by ``Geocoder.resolve_all`` together with the other toponym mentions of
its document (their texts only, as a geoparser's recogniser would see them, plus which mention follows which
behind a comma in the text, "Paris, Tenn."; gold coordinates are never used as context). Demonyms ("Syrian",
"African", "Ohioans"), which the gold counts as toponyms, stand for their place (``demonyms=False`` turns that
off); continents, oceans and world regions get a point of precision ``region`` (``regions=False`` leaves them
unresolved, as event locations do). Scored on the mentions that have gold coordinates: accuracy within 161 km,
mean and median error, and coverage (fraction resolved at all). Unresolved mentions count as misses in acc@161.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from pathlib import Path
from typing import Any

from eventwire.ground.places import Geocoder

FILES = {"gritta_lgl": "lgl.jsonl", "gritta_geowebnews": "geowebnews.jsonl", "gritta_trnews": "trnews.jsonl"}
# GeoWebNews annotates many non-toponyms; these types are the toponyms (demonyms are left to the actor coder)
_COMMA = re.compile(r",\s*")
GWN_TYPES = {"Literal", "Metonymic", "Mixed", "Embedded_Literal", "Homonym", "Coercion"}


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


def run(data_dir: Path, limit: int | None = None, name: str = "gritta_lgl",
        geocoder: Geocoder | None = None, demonyms: bool = True, regions: bool = True,
        **_: Any) -> dict[str, Any]:
    """Score toponym resolution; ``limit`` caps the number of gold toponyms (with coordinates) scored."""
    path = Path(data_dir) / "geoparsing_gritta" / FILES[name]
    if not path.exists():
        from eventwire.evaluate import DatasetMissing

        raise DatasetMissing(str(path))
    geo = geocoder or Geocoder()
    gwn = name == "gritta_geowebnews"
    errors_km: list[float] = []
    n = resolved = hits = 0
    examples: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and n >= limit:
                break
            doc = json.loads(line)
            tops = _toponyms(doc, gwn)
            if not tops:
                continue
            places = geo.resolve_all([t["text"] for t in tops], demonyms=demonyms, regions=regions,
                                     qualifiers=qualifiers(doc.get("text") or "", tops))
            for t, p in zip(tops, places):
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
    return {"dataset": name, "n": n, "metrics": metrics, "errors": examples}
