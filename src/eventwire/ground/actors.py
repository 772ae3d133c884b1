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
COLLECTIVE = {"police", "people", "militia", "military", "army", "crowd", "staff", "clergy", "youth", "mob"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
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
BLOC_REFERENTS = {"bloc", "alliance", "union", "organisation", "organization", "council"}
GENERIC_PEOPLE = {"man", "woman", "people", "person", "individual", "boy", "girl", "national", "child"}
# State names that are also given names ("Jordan Bardella", "Chad Smith"): glued to an unknown
# capitalised word they are part of a person's name.
GIVEN_NAME_STATES = {"jordan", "chad", "georgia", "israel", "india", "america", "kenya", "niger"}
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
            if (entry.kind in ("city", "capital", "region") or (n == 1 and fold(toks[i]) in GIVEN_NAME_STATES)) \
                    and self._inside_name(toks, i, n, covered):
                i += 1  # "King Hassan", "Washington Post": part of a longer name, not the place
                continue
            code, sector, role = entry.at(when)
            level = {"person": 4, "org": 4, "breakaway": 2, "capital": 1, "city": 1}.get(entry.kind, 0)
            if entry.kind == "org" and sector is None:
                level = 0
            name = entry.name + (f" ({role})" if role else "")
            suffix = toks[i + n] if i + n < len(toks) else ""
            sponsor = suffix in SPONSOR_SUFFIX
            if suffix.startswith("-") and level > 2:
                level = 2  # "Hamas-run health ministry": the head noun decides the sector
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

    def _inside_name(self, toks: list[str], i: int, n: int, covered: list[bool]) -> bool:
        """A place word glued to other capitalised words that the KB does not know."""
        if i > 0 and not covered[i - 1] and toks[i - 1][:1].isupper() and toks[i - 1] != "'s":
            return True
        if i + n < len(toks):
            nxt = toks[i + n]
            if nxt.lower().startswith(("al-", "el-", "bin", "ibn", "abu")):
                return True
            if nxt[:1].isupper() and self.kb.lookup_proper(toks, i + n) is None \
                    and self.kb.lookup_sector([lemma(t) for t in toks], i + n) is None:
                return True
        return False

    def is_person(self, text: str) -> bool:
        """True when the text names an office holder of the KB."""
        return any(h.kind == "person" for h in self.scan(tokenize(text), None))

    @staticmethod
    def _pick(entries: list[Entry], toks: list[str], i: int, n: int) -> Entry:
        if len(entries) == 1:
            return entries[0]
        order = {"person": 0, "org": 1, "breakaway": 2, "country": 3, "demonym": 4, "capital": 5, "city": 6,
                 "region": 7}
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
        if len(content) == 1 and content[0].lower() in PRONOUNS and not content[0].isupper():
            return Entity(text=raw, name=None, code=None, sector="UNK")
        hits = self.scan(content, when)
        if not hits:
            return None
        b = next((k for k, t in enumerate(content) if t.lower() in BOUNDARY and k > 0), len(content))
        head = [h for h in hits if h.start < b]
        comp = [h for h in hits if h.start >= b]

        # ---- code and name
        coded = [h for h in head if h.code and not h.sponsor] or [h for h in comp if h.code and not h.sponsor]
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
            if alt is None and (best is None or best.sector is None):
                alt = self._best([h for h in comp if h.sector is not None or h.needs_country])
            if alt is not None:
                best = alt
        sector = best.sector if best else None
        if best is not None and best.needs_country:
            # "an Afghan man" CVL but "two men" UNK; "Libyan leader" GOV but "community leader" none
            sector = best.sector if code else ("UNK" if best.sector == "CVL" else None)
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
            if h.code and h.kind in ("country", "demonym", "capital", "breakaway", "city", "region"):
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


SPEECH_PRONOUNS = {"it": "thing", "its": "thing", "they": "any", "their": "any", "we": "any", "our": "any",
                   "he": "person", "his": "person", "she": "person", "her": "person"}


def _speaker_antecedent(span: Span) -> Span | None:
    """The speaker a pronoun subject of reported speech refers to: in "the service said it had arrested",
    "it" is the service. Only when the speaker is a noun phrase that agrees with the pronoun."""
    if len(span) != 1:
        return None
    tok = span[0]
    kind = SPEECH_PRONOUNS.get(tok.lower_)
    if kind is None or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return None
    verb = tok.head if tok.dep_ != "poss" else tok.head.head
    for _ in range(3):  # climb conjuncts and auxiliaries to the reported clause
        if verb.dep_ == "ccomp":
            break
        if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    if verb.dep_ != "ccomp":
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.i > tok.i:
        return None
    is_person = subj.ent_type_ == "PERSON"
    if (kind == "thing" and is_person) or (kind == "person" and not is_person and subj.pos_ == "PROPN"):
        return None
    return span.doc[subj.left_edge.i: subj.i + 1]


class ArticleActors:
    """Per-article state: coreference memory of entities introduced earlier in the document."""

    def __init__(self, coder: "ActorCoder", doc: Doc, published: date | None) -> None:
        self.coder, self.doc, self.published = coder, doc, published
        self._built = False
        self._mentions: list[_Mention] = []
        self._starts: list[int] = []
        self._names: dict[str, list[_Mention]] = {}
        self._coded: list[tuple[int, Entity, bool]] = []  # phrases coded so far: (offset, entity, plural)
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
                known = res.is_person(ent.text)
                # an unknown name is never read as a place ("Michael Jackson"): code the title only
                title = phrase if known else phrase[: len(phrase) - len(ent.text)].strip()
                coded = res.code(title, "", self.published) if title else None
                if coded is None or coded.code is None:
                    appos = self._apposition(ent)
                    extra = res.code(appos, "", self.published) if appos else None
                    if extra is not None and extra.code is not None:
                        coded = Entity(text=ent.text, name=ent.text, code=extra.code,
                                       sector=extra.sector if extra.sector not in (None, "UNK")
                                       else (coded.sector if coded else None))
                if coded is None:
                    coded = Entity(text=ent.text, name=ent.text, code=None, sector=None)
                if not known:
                    coded = Entity(text=ent.text, name=ent.text, code=coded.code, sector=coded.sector)
                if coded.code is None and coded.sector is None:
                    # a later mention of someone introduced with a title ("Smith" after "police chief John Smith")
                    prior = [m for m in self._names.get(fold(" ".join(t for t in tokenize(ent.text) if t != "'s")), [])
                             if m.entity.code is not None or m.entity.sector is not None]
                    if prior:
                        coded = prior[-1].entity
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

    def _apposition(self, ent: Span) -> str | None:
        """The title after a name: "Jam Kamal Khan, the chief minister of Balochistan, said" -> the title."""
        doc = self.doc
        if ent.end >= len(doc) or doc[ent.end].text != ",":
            return None
        end = ent.end + 1
        limit = min(len(doc), ent.end + 12)
        while end < limit and doc[end].text not in (",", ";", ".", "(", ")") and doc[end].pos_ != "VERB":
            end += 1
        if end == ent.end + 1:
            return None
        return doc[ent.end + 1:end].text

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

    def _before(self, offset: int, kinds: set[str], want: set[str] | None = None,
                require_code: bool = True) -> _Mention | None:
        pos = bisect.bisect_left(self._starts, offset)
        for m in reversed(self._mentions[:pos]):
            if m.kind not in kinds or (require_code and m.entity.code is None):
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
        ent = self._code_span(span)
        toks = _content(tokenize(span.text))
        if toks and toks[-1].lower() not in PRONOUNS and (ent.code or ent.sector):
            last = toks[-1]
            plural = last.isalpha() and last.islower() and (lemma(last) != last.lower() or last in COLLECTIVE)
            self._coded.append((span.start_char, ent, plural))
        return ent

    def code_many(self, span: Span) -> list[Entity]:
        """Code a coordinated phrase as several actors ("the US, Russia and Switzerland",
        "US and British activists"); a phrase that names one actor gives a list of one."""
        parts: list[Span] = []
        start = span.start
        for tok in span:
            if tok.text in (",", "and", "&", ";"):
                if tok.i > start:
                    parts.append(span.doc[start:tok.i])
                start = tok.i + 1
        if start < span.end:
            parts.append(span.doc[start:span.end])
        parts = [p for p in parts if p.text.strip() and p.text.strip().lower() not in ("and", "the")]
        if len(parts) < 2:
            return [self.code(span)]
        coded = [self.code(p) for p in parts]
        codes = {e.code for e in coded if e.code}
        if len(codes) < 2 or any(e.code is None and e.sector is None for e in coded):
            return [self.code(span)]
        # "US and British activists": the last part's sector applies to bare states before it
        last_sector = coded[-1].sector if len(_content(tokenize(coded[-1].text))) > 1 else None
        out = []
        for e in coded:
            if e.sector is None and last_sector is not None and len(_content(tokenize(e.text))) == 1:
                e = Entity(text=e.text, name=e.name, code=e.code, sector=last_sector)
            out.append(e)
        return out

    def _code_span(self, span: Span) -> Entity:
        self._build()
        text = span.text.strip()
        res = self.coder.resolver
        toks = tokenize(text)
        content = [t.lower() for t in _content(toks)]
        offset = span.start_char

        # pronouns: in reported speech the speaker ("the service said it had arrested"), else the latest
        # person (he/she) or organisation/state (they/it)
        if len(content) == 1 and content[0] in PRONOUNS and not _content(toks)[0].isupper():
            speaker = _speaker_antecedent(span)
            if speaker is not None:
                ent = self._code_span(speaker)
                if ent.code or (ent.sector and ent.sector != "UNK"):
                    return self._as(ent, text)
            if content[0] in PLURAL_PRONOUNS:
                # "they": the latest plural group coded before ("two men ... They were released")
                for off, ent, plural in reversed(self._coded):
                    if off < offset and plural and (ent.code or ent.sector):
                        return self._as(ent, text)
            kinds = {"person"} if content[0] in PERSON_PRONOUNS else {"org", "state"} \
                if content[0] in GROUP_PRONOUNS else set()
            # the latest person, even one the KB cannot code ("He" after "John Smith" is not Katz)
            m = self._before(offset, kinds, require_code=kinds != {"person"}) if kinds else None
            if m is not None:
                return self._fill(span, self._as(m.entity, text))
            return Entity(text=text, name=None, code=None, sector="UNK")

        # a name met earlier ("Katz said", "Aliyev")
        key = fold(" ".join(t for t in toks if t != "'s"))
        if key in self._names:
            known = [m for m in self._names[key] if m.entity.code is not None or m.entity.sector is not None]
            ms = [m for m in known if m.start <= offset] or known
            if ms:
                return self._fill(span, self._as(ms[-1].entity, text))

        # a person the KB does not know: never code the name as a place ("Jackson", "Lincoln")
        person = next((e for e in span.ents if e.label_ == "PERSON"), None)
        if person is not None and not res.is_person(person.text):
            m = self._names.get(fold(" ".join(t for t in tokenize(person.text) if t != "'s")), [])
            known = [x for x in m if x.entity.code is not None or x.entity.sector is not None]
            rest = (span.text[:person.start_char - span.start_char] + " "
                    + span.text[person.end_char - span.start_char:]).strip()
            coded = res.code(rest, "", self.published) if _content(tokenize(rest)) else None
            if coded is None or (coded.code is None and coded.sector is None):
                return self._as(known[0].entity, text) if known else Entity(text=text, name=person.text)
            if coded.code is None and known and known[0].entity.code:
                coded = Entity(text=text, name=person.text, code=known[0].entity.code, sector=coded.sector)
            return self._fill(span, Entity(text=text, name=person.text, code=coded.code, sector=coded.sector))

        coded = res.code(text, "", self.published)
        # "the minister", "the president": the latest person with that title
        if (coded is None or coded.code is None) and toks and toks[0].lower() == "the" and 0 < len(content) <= 3 \
                and all(t.islower() for t in _content(toks)):
            head = lemma(content[-1])
            if head in GOV_REFERENTS:
                m = self._before(offset, {"state"})
                if m is not None:
                    return Entity(text=text, name=m.entity.name, code=m.entity.code, sector="GOV")
            if head in BLOC_REFERENTS:
                m = self._before(offset, {"org"}, None)
                while m is not None and m.entity.code not in ("UNO", "EUR", "IGO", "NGO"):
                    m = self._before(m.start, {"org"}, None)
                if m is not None:
                    return self._as(m.entity, text)
            m = self._before(offset, {"person"}, {head})
            if m is not None:
                return self._as(m.entity, text)
        if coded is None:
            return Entity(text=text, name=text, code=None, sector=None)
        if coded.code is None and coded.sector == "UNK" and content and lemma(content[-1]) in GENERIC_PEOPLE:
            # "43 people", "two men": civilians of the sentence's or the article's state
            country = self._sentence_country(span) or self.article_country()
            if country is not None:
                return Entity(text=text, name=coded.name, code=country, sector="CVL")
        return self._fill(span, coded)

    def _fill(self, span: Span, coded: Entity) -> Entity:
        """A sector without a country takes the sentence's state, else the article's."""
        if coded.code is None and coded.sector not in (None, "UNK"):
            country = self._sentence_country(span) or self.article_country()
            if country is not None:
                return Entity(text=coded.text, name=coded.name, code=country, sector=coded.sector)
        return coded

    def _sentence_country(self, span: Span) -> str | None:
        try:
            sent = span.sent
        except ValueError:
            return None
        # a state in a prepositional phrase right after it ("dissidents from Egypt", "police in Tbilisi"),
        # else the nearest one named before it in its sentence
        doc = span.doc
        after = []
        if span.end < len(doc) and doc[span.end].lower_ in ("from", "in", "of", "at", "inside"):
            after = [e for e in sent.ents if span.end < e.start <= span.end + 3]
        before = [e for e in sent.ents if e.end <= span.start]
        for ent in after + list(reversed(before)):
            if ent.label_ in ("GPE", "NORP"):
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

_RULER_SKIP = {"IS", "PA", "ICE", "RAW", "PAN", "SPA", "PT", "RIA", "SIS", "NIA", "NPA", "SAF", "SNA",
               "ADF", "OLA", "Fars", "Sisi", "Xi", "Abiy", "Lula", "Harris", "Bennett", "Wine", "Congo",
               "Georgia", "Jordan", "Chad", "Turkey", "Amnesty", "Rada", "Labour", "Republicans",
               "Democrats", "Commonwealth", "Azov", "Wagner", "Union State", "Fano", "Morena", "Security Council",
               "Pole", "Finn", "Kiwi", "English", "Brit", "Scot", "Dane", "Lao", "Aussie", "Persian", "Turk",
               "Swede", "Basotho", "Mosotho", "Motswana", "Batswana", "Persia", "Holland"}


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
