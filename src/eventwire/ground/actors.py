"""Actor grounding: a role phrase -> Entity(text, name, code, sector).

How it works (see docs/actors.md):

1. The phrase is tokenised and scanned left to right for the longest known proper names (states, their
   demonyms and capitals, breakaway regions, large cities, organisations, office holders) and for sector
   nouns and modifiers ("riot police", "opposition", "former").
2. The phrase is split at its first preposition or comma into a head ("Russia's ambassador") and a
   complement ("to Poland"). The code is the first code-bearing name of the head (else of the
   complement); the sector is the strongest sector word of the head, or of the complement when the head
   only has a generic noun ("a group of tourists", "president of the Riigikogu").
3. Office holders are looked up at the article's date: a term that covers the date gives its code and
   sector; after (or between) terms a former official is ELI.
4. Per article, :class:`ArticleActors` remembers the people and states named so far, so "Katz", "he",
   "the minister" and "the kingdom" are resolved against what the article said before, and actors with a
   sector but no country ("riot police") take the country of the sentence or of the article.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from eventwire.ground.actor_kb import ActorKB, Entry, KBError, fold, lemma, load_kb, tokenize
from eventwire.records import Entity

__all__ = ["ActorCoder", "ArticleActors", "KBError", "code_text", "ruler_patterns"]

PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we", "us", "our",
            "i", "me", "you", "who", "whom", "which", "that", "this", "these", "those", "himself",
            "herself", "themselves", "itself", "someone", "somebody", "anyone", "nobody", "one"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "it", "its", "their", "itself", "themselves"}
DETERMINERS = {"the", "a", "an", "some", "several", "many", "two", "three", "four", "five", "six", "seven",
               "eight", "nine", "ten", "dozens", "hundreds", "thousands", "its", "their", "his", "her"}
BOUNDARY = {"of", "to", "at", "in", "for", "from", "across", "on", "with", "who", "that", "which", "whose",
            "near", "inside", "outside", "over", "under", "by", "after", "during", "and", "or", ",", ";",
            ":", "(", ")", "\"", "-", "as", "than", "into"}
FORMER = {"former", "ex", "retired", "onetime", "one-time", "erstwhile", "outgoing", "deposed", "ousted"}
# Title words that let the complement decide ("president of the Riigikogu", "chairman of the board").
TRANSPARENT = {"president", "chairman", "chairwoman", "chair", "head", "director", "chief", "leader",
               "member", "spokesman", "spokeswoman", "spokesperson", "official", "group", "team", "unit",
               "speaker", "officer", "representative", "delegation", "commander", "staff", "employee"}
# Modifier suffixes after which a state is a sponsor, not the actor ("Iran-backed Houthis").
SPONSOR_SUFFIX = {"-backed", "-allied", "-aligned", "-linked", "-sponsored", "-supported", "-funded",
                  "-affiliated"}
ELI_FROM = {"GOV", "MIL", "SPY", "JUD", "LEG", "COP", "PTY", "OPP"}
GOV_REFERENTS = {"country", "kingdom", "nation", "republic", "emirate", "state", "government", "regime",
                 "administration", "authorities", "authority", "sultanate", "leadership", "cabinet"}


@dataclass
class _Hit:
    start: int
    end: int
    kind: str                 # proper kinds, or "sector"
    code: str | None
    sector: str | None
    level: int
    name: str
    needs_country: bool = False
    sponsor: bool = False


def _content(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) and (tokens[i].lower() in DETERMINERS or tokens[i].isdigit()):
        i += 1
    return tokens[i:]


class _Resolver:
    """Stateless phrase coder over one KB (cached per phrase, date and context)."""

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb
        self._cache: dict[tuple[str, str, date | None], Entity | None] = {}

    # ------------------------------------------------------------------ scanning
    def scan(self, toks: list[str], when: date | None) -> list[_Hit]:
        kb = self.kb
        hits: list[_Hit] = []
        covered = [False] * len(toks)
        i = 0
        while i < len(toks):
            m = kb.lookup_proper(toks, i)
            if m is None:
                i += 1
                continue
            n, entries = m
            entry = self._pick(entries, toks, i, n)
            code, sector, role = entry.at(when)
            level = {"person": 4, "org": 4, "breakaway": 2, "capital": 1, "city": 1}.get(entry.kind, 0)
            if entry.kind == "org" and sector is None:
                level = 0
            name = entry.name + (f" ({role})" if role else "")
            sponsor = i + n < len(toks) and toks[i + n] in SPONSOR_SUFFIX
            hits.append(_Hit(i, i + n, entry.kind, code, sector, level, name, sponsor=sponsor))
            for k in range(i, i + n):
                covered[k] = True
            i += n
        lemmas = [lemma(t) for t in toks]
        i = 0
        while i < len(toks):
            if covered[i]:
                i += 1
                continue
            m2 = kb.lookup_sector(lemmas, i)
            if m2 is None or any(covered[i:i + m2[0]]):
                i += 1
                continue
            n, term = m2
            hits.append(_Hit(i, i + n, "sector", None, term.sector, term.level, term.phrase,
                             needs_country=term.needs_country))
            i += n
        hits.sort(key=lambda h: h.start)
        return hits

    @staticmethod
    def _pick(entries: list[Entry], toks: list[str], i: int, n: int) -> Entry:
        if len(entries) == 1:
            return entries[0]
        order = {"person": 0, "org": 1, "country": 2, "breakaway": 3, "demonym": 4, "capital": 5, "city": 6}
        # A single capital word before a sector noun names the country, not its government.
        return sorted(entries, key=lambda e: order.get(e.kind, 9))[0]

    # ------------------------------------------------------------------ coding
    def code(self, text: str, context: str = "", when: date | None = None) -> Entity | None:
        key = (text, context, when)
        if key in self._cache:
            return self._cache[key]
        ent = self._code(text, context, when)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = ent
        return ent

    def _code(self, text: str, context: str, when: date | None) -> Entity | None:
        raw = text.strip()
        toks = tokenize(raw)
        if not toks:
            return None
        content = _content(toks)
        if not content:
            return None
        if len(content) == 1 and content[0].lower() in PRONOUNS:
            return Entity(text=raw, name=None, code=None, sector="UNK")
        hits = self.scan(content, when)
        if not hits:
            return None
        b = next((k for k, t in enumerate(content) if t.lower() in BOUNDARY and k > 0), len(content))
        head = [h for h in hits if h.start < b]
        comp = [h for h in hits if h.start >= b]

        # ---- code and name
        coded = [h for h in head if h.code and not h.sponsor] or [h for h in comp if h.code and not h.sponsor] \
            or [h for h in hits if h.code]
        code_hit = coded[0] if coded else None
        # A person or organisation in the head outranks a nationality word in front of it,
        # except a state's own organ ("Saudi National Guard" is an org of SAU either way).
        for h in head:
            if h.kind in ("person", "org") and h.code and not h.sponsor:
                code_hit = h
                break
        code = code_hit.code if code_hit else None
        if code is None and context:
            code = self._context_country(context, when)

        # ---- sector
        best = self._best(head)
        if best is None or best.level <= 1 or (
                b < len(content) and content[b].lower() == "of" and best.kind == "sector"
                and best.name.split()[-1] in TRANSPARENT):
            alt = self._best([h for h in comp if h.level >= 2 and h.sector is not None])
            if alt is not None and (best is None or alt.level >= 2):
                best = alt
        sector = best.sector if best else None
        if best is not None and best.needs_country:
            sector = "CVL" if code else "UNK"
        if best is not None and best.kind in ("capital",) and len(content) > best.end - best.start:
            # "Minsk police station": the capital only gives the country
            sector = best.sector if best is self._best(head) and all(h.kind != "sector" for h in hits) else sector
        lowered = {t.lower() for t in content}
        if lowered & FORMER and sector in ELI_FROM:
            sector = "ELI"
        if code is None and sector is None and not any(h.kind != "sector" for h in hits):
            # only generic words with no sector ("a group", "members")
            return None
        name = code_hit.name if code_hit and code_hit.kind in ("person", "org") else (
            self.kb.countries.get(code or "", None) or (code_hit.name if code_hit else None))
        if code_hit is None and best is not None:
            name = best.name
        return Entity(text=raw, name=name, code=code, sector=sector)

    @staticmethod
    def _best(hits: list[_Hit]) -> _Hit | None:
        cand = [h for h in hits if h.level > 0 and (h.sector is not None or h.kind == "sector")]
        if not cand:
            return None
        top = max(h.level for h in cand)
        tops = [h for h in cand if h.level == top]
        # head-final: the last of the strongest; but a named org/person is taken at its first mention
        if top >= 4:
            return tops[0]
        with_sector = [h for h in tops if h.sector is not None]
        return (with_sector or tops)[-1]

    def _context_country(self, context: str, when: date | None) -> str | None:
        toks = tokenize(context)
        for h in self.scan(toks, when):
            if h.code and h.kind in ("country", "demonym", "capital", "breakaway", "city"):
                return h.code
        return None


@lru_cache(maxsize=1)
def _resolver() -> _Resolver:
    return _Resolver(load_kb())


def code_text(text: str, context: str = "", when: date | None = None) -> Entity | None:
    """Code a plain-text actor phrase; None when nothing in it names an actor.

    ``context`` (a sentence, or a country name) supplies the country when the phrase has a sector but
    no country ("riot police"); ``when`` picks the office holders' terms (default: today).
    """
    return _resolver().code(text, context, when)


# --------------------------------------------------------------------------- per article

@dataclass
class _Mention:
    start: int          # character offset in the doc
    entity: Entity
    kind: str           # person | org | state
    words: frozenset[str]


class ArticleActors:
    """Per-article state: coreference memory of entities introduced earlier in the document."""

    def __init__(self, coder: "ActorCoder", doc: Doc, published: date | None) -> None:
        self.coder, self.doc, self.published = coder, doc, published
        self._built = False
        self._mentions: list[_Mention] = []
        self._starts: list[int] = []
        self._names: dict[str, list[_Mention]] = {}
        self._country_count: Counter[str] = Counter()
        self._first_country: dict[str, int] = {}

    # ------------------------------------------------------------------ memory
    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        res = self.coder.resolver
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
                continue
            if ent.label_ == "PERSON":
                phrase = self._with_title(ent)
                coded = res.code(phrase, "", self.published)
                if coded is None or (coded.code is None and coded.sector is None):
                    coded = Entity(text=ent.text, name=ent.text, code=None, sector=None)
                if coded.name is None or coded.name == ent.text and coded.code is None:
                    coded = Entity(text=ent.text, name=ent.text, code=coded.code, sector=coded.sector)
                self._remember(ent.start_char, coded, "person", phrase, ent.text)
            else:
                coded = res.code(ent.text, "", self.published)
                if coded is None or coded.code is None:
                    continue
                kind = "org" if ent.label_ == "ORG" else "state"
                self._remember(ent.start_char, coded, kind, ent.text, ent.text)
                if kind == "state" and coded.code not in ("UNO", "EUR", "IGO", "NGO", "MNC"):
                    self._country_count[coded.code] += 1
                    self._first_country.setdefault(coded.code, ent.start_char)

    def _with_title(self, ent: Span) -> str:
        """The person's name with the title words in front of it ("Azerbaijani President Ilham Aliyev")."""
        i = ent.start
        sent_start = ent.sent.start if self.doc.has_annotation("SENT_START") else 0
        while i > sent_start and ent.start - i < 6:
            t = self.doc[i - 1]
            if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.tag_ == "POS" or t.ent_type_ in ("NORP", "GPE", "ORG"):
                i -= 1
                continue
            break
        return self.doc[i:ent.end].text

    def _remember(self, start: int, coded: Entity, kind: str, phrase: str, surface: str) -> None:
        words = frozenset(lemma(t) for t in tokenize(phrase))
        m = _Mention(start, coded, kind, words)
        pos = bisect.bisect(self._starts, start)
        self._starts.insert(pos, start)
        self._mentions.insert(pos, m)
        toks = [t for t in tokenize(surface) if t != "'s"]
        if not toks:
            return
        self._names.setdefault(fold(" ".join(toks)), []).append(m)
        if kind == "person" and len(toks) > 1:
            self._names.setdefault(fold(toks[-1]), []).append(m)

    def _before(self, offset: int, kinds: set[str], want: set[str] | None = None) -> _Mention | None:
        pos = bisect.bisect_left(self._starts, offset)
        for m in reversed(self._mentions[:pos]):
            if m.kind not in kinds or m.entity.code is None:
                continue
            if want and not (m.words & want):
                continue
            return m
        return None

    def article_country(self) -> str | None:
        """The state named most often in the article (earliest on ties)."""
        self._build()
        if not self._country_count:
            return None
        return sorted(self._country_count.items(), key=lambda kv: (-kv[1], self._first_country[kv[0]]))[0][0]

    # ------------------------------------------------------------------ coding
    def code(self, span: Span) -> Entity:
        """Code one role phrase of this article."""
        self._build()
        text = span.text.strip()
        res = self.coder.resolver
        toks = tokenize(text)
        content = [t.lower() for t in _content(toks)]
        offset = span.start_char

        # pronouns: the latest person (he/she) or organisation/state (they/it)
        if len(content) == 1 and content[0] in PRONOUNS:
            kinds = {"person"} if content[0] in PERSON_PRONOUNS else {"org", "state"} \
                if content[0] in GROUP_PRONOUNS else set()
            m = self._before(offset, kinds) if kinds else None
            if m is not None:
                return self._as(m.entity, text)
            return Entity(text=text, name=None, code=None, sector="UNK")

        # a name met earlier ("Katz said", "Aliyev")
        key = fold(" ".join(t for t in toks if t != "'s"))
        if key in self._names:
            ms = [m for m in self._names[key] if m.start <= offset] or self._names[key]
            ent = ms[-1].entity
            if ent.code is not None or ent.sector is not None:
                return self._as(ent, text)

        coded = res.code(text, "", self.published)
        # "the minister", "the president": the latest person with that title
        if coded is not None and coded.code is None and toks and toks[0].lower() == "the" and len(content) <= 3:
            head = lemma(content[-1])
            if head in GOV_REFERENTS:
                m = self._before(offset, {"state"})
                if m is not None:
                    return Entity(text=text, name=m.entity.name, code=m.entity.code,
                                  sector="GOV" if head != "country" or True else None)
            m = self._before(offset, {"person"}, {head})
            if m is not None:
                return self._as(m.entity, text)
        if coded is None:
            return Entity(text=text, name=text, code=None, sector=None)
        if coded.code is None and coded.sector not in (None, "UNK"):
            country = self._sentence_country(span) or self.article_country()
            if country is not None:
                return Entity(text=text, name=coded.name, code=country, sector=coded.sector)
        return coded

    def _sentence_country(self, span: Span) -> str | None:
        try:
            sent = span.sent
        except ValueError:
            return None
        for ent in sent.ents:
            if ent.label_ in ("GPE", "NORP") and not (span.start <= ent.start < span.end):
                c = self.coder.resolver.code(ent.text, "", self.published)
                if c is not None and c.code and c.code not in ("UNO", "EUR", "IGO", "NGO", "MNC"):
                    return c.code
        return None

    @staticmethod
    def _as(ent: Entity, text: str) -> Entity:
        return Entity(text=text, name=ent.name, code=ent.code, sector=ent.sector)


class ActorCoder:
    """Loads the actor knowledge base once; ``start_article`` per document."""

    def __init__(self) -> None:
        self.kb = load_kb()
        self.resolver = _resolver()

    def start_article(self, doc: Doc, published: date | None) -> ArticleActors:
        return ArticleActors(self, doc, published)

    def code_text(self, text: str, context: str = "", when: date | None = None) -> Entity | None:
        return self.resolver.code(text, context, when)


# --------------------------------------------------------------------------- EntityRuler

_RULER_SKIP = {"IS", "PA", "ICE", "RAW", "PAN", "SPA", "PT", "RIA", "SIS", "NIA", "NPA", "SAF", "SNA", "SDF",
               "ADF", "OLA", "Fars", "Sisi", "Xi", "Abiy", "Lula", "Harris", "Bennett", "Wine", "Congo",
               "Georgia", "Jordan", "Chad", "Turkey", "Amnesty", "Rada", "Labour", "Republicans",
               "Democrats", "Commonwealth", "Azov", "Wagner", "Union State", "Fano", "Morena", "Security Council"}


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns (label GPE/NORP/ORG/PERSON) that the pipeline places before spaCy's NER.

    States, their short names and capitals are GPE; demonyms NORP; organisations ORG; office holders
    PERSON (full names only). Phrase patterns are case-sensitive; an upper-case variant is added for
    capitals so that datelines ("TEHRAN") are tagged too.
    """
    kb = load_kb()
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []

    def add(label: str, pattern: str) -> None:
        if not pattern or pattern in _RULER_SKIP or (label, pattern) in seen:
            return
        if len(pattern) < 2 or pattern.lower().startswith("the "):
            return
        seen.add((label, pattern))
        out.append({"label": label, "pattern": pattern})

    for iso3 in kb.countries:
        for n in kb.country_aliases.get(iso3, []):
            add("GPE", n)
        for c in kb.capitals.get(iso3, []):
            add("GPE", c)
            add("GPE", c.upper())
        for d in kb.demonyms.get(iso3, []):
            add("NORP", d)
            if not d.endswith(("s", "sh", "ch", "ese", "x", "z", ".")):
                add("NORP", d + "s")
    for terr in kb.breakaway:
        add("GPE", terr)
    for e in kb.org_entries + kb.person_entries:
        for alias in e.aliases:
            if e.kind == "person" and " " not in alias:
                continue
            add("ORG" if e.kind == "org" else "PERSON", alias)
    return out
