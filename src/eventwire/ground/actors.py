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
GENERIC_PEOPLE = {"man", "woman", "people", "person", "individual", "boy", "girl", "national", "child",
                  "supporter", "pupil", "student", "schoolgirl", "schoolboy", "staff", "member", "worker",
                  "passenger", "resident", "villager", "worshipper", "teenager", "family", "crowd"}
#: quantity heads whose of-phrase names the people ("two of the girls", "hundreds of her supporters")
QUANTITY_HEADS = {"hundred", "thousand", "dozen", "score", "million", "some", "many", "several", "most",
                  "group", "number", "handful", "crowd", "all", "one", "two", "three", "four", "five"}
# State names that are also given names ("Jordan Bardella", "Chad Smith"): glued to an unknown
# capitalised word they are part of a person's name.
GIVEN_NAME_STATES = {"jordan", "chad", "georgia", "israel", "india", "america", "kenya", "niger"}
TITLE_PREFIXES = {"deputy", "vice"}
# States a descriptive reference can stand for ("the kingdom", "the Caspian state", "the Gulf emirate").
MONARCHIES = {"SAU", "JOR", "MAR", "BHR", "KWT", "QAT", "ARE", "OMN", "BRN", "THA", "KHM", "BTN", "ESP", "GBR",
              "NLD", "BEL", "DNK", "NOR", "SWE", "LUX", "LIE", "MCO", "JPN", "MYS", "SWZ", "LSO", "TON"}
_GULF = {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"}
STATE_DESCRIPTORS: dict[str, set[str]] = {
    "caspian": {"AZE", "KAZ", "TKM", "IRN", "RUS"}, "gulf": _GULF | {"IRQ", "IRN"},
    "baltic": {"EST", "LVA", "LTU"}, "nordic": {"DNK", "NOR", "SWE", "FIN", "ISL"},
    "scandinavian": {"DNK", "NOR", "SWE"}, "balkan": {"ALB", "BIH", "BGR", "HRV", "GRC", "XKX", "MNE", "MKD",
                                                      "ROU", "SRB", "SVN"},
    "himalayan": {"NPL", "BTN"}, "alpine": {"CHE", "AUT", "LIE"}, "andean": {"BOL", "COL", "ECU", "PER", "CHL",
                                                                           "VEN"},
    "caucasus": {"ARM", "AZE", "GEO"}, "caucasian": {"ARM", "AZE", "GEO"},
    "sahel": {"MLI", "BFA", "NER", "TCD", "MRT"}, "sahelian": {"MLI", "BFA", "NER", "TCD", "MRT"},
    "island": {"CYP", "MLT", "ISL", "IRL", "JPN", "TWN", "LKA", "MDG", "PHL", "IDN", "CUB", "HTI", "DOM", "JAM",
               "SGP", "MDV", "MUS", "SYC", "FJI", "NZL", "BHR", "CPV", "COM", "STP", "TLS", "PNG", "SLB", "VUT",
               "WSM", "TON", "KIR", "TUV", "NRU", "PLW", "MHL", "FSM", "TTO", "BHS", "BRB", "GRD", "LCA", "VCT",
               "KNA", "ATG", "DMA", "GBR", "BRN"},
    "emirate": {"ARE", "QAT", "KWT"}, "sultanate": {"OMN", "BRN"},
    "communist": {"CHN", "CUB", "PRK", "VNM", "LAO"}, "hermit": {"PRK"}, "reclusive": {"PRK"},
    "landlocked": {"AFG", "ARM", "AUT", "AZE", "BLR", "BTN", "BOL", "BWA", "BFA", "BDI", "CAF", "TCD", "CZE",
                   "ETH", "HUN", "KAZ", "KGZ", "LAO", "LSO", "LIE", "MWI", "MLI", "MDA", "MNG", "NPL", "NER",
                   "MKD", "PRY", "RWA", "SRB", "SVK", "SSD", "CHE", "TJK", "TKM", "UGA", "UZB", "ZMB", "ZWE"},
}
PERSON_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# SOC sector terms that name an organisation: without a nationality they are code NGO.
NGO_TERMS = {"rights group", "human rights group", "rights organization", "rights organisation",
             "civil rights group", "civil rights organization", "civil rights organisation", "human rights watchdog",
             "human rights league", "human rights organization",
             "human rights organisation", "charity", "aid group", "aid agency", "ngo",
             "non-governmental organization", "non-governmental organisation", "relief agency", "aid organization",
             "aid organisation", "humanitarian group", "humanitarian organization", "humanitarian organisation",
             "watchdog group", "advocacy group", "press freedom group"}
# Unknown organisations: a capitalised name ending in one of these words, or with "International"/"World"/
# "Global" in it, and naming no state ("the Third World Water Forum", "Association of African Jurists").
NGO_NAME_HEADS = {"Association", "Forum", "Foundation", "Society", "Federation", "Watch", "Network",
                  "Coalition", "Trust", "Fund"}
NGO_NAME_WORDS = {"International", "World", "Global"}
PLACE_KINDS = {"country", "capital", "city", "region", "breakaway"}
# Singular nouns for one person that a following he/she in the same sentence can refer to.
PERSON_NOUNS = {"man", "woman", "boy", "girl", "person", "suspect", "minister", "president", "official",
                "spokesman", "spokeswoman", "spokesperson", "leader", "officer", "soldier", "policeman",
                "journalist", "reporter", "activist", "lawyer", "judge", "prosecutor", "commander", "general",
                "ambassador", "envoy", "diplomat", "mayor", "governor", "king", "queen", "prince", "emir",
                "sultan", "chancellor", "premier", "candidate", "driver", "student", "teacher", "doctor", "priest",
                "cleric", "imam", "gunman", "attacker", "assailant", "bomber", "militant", "rebel", "fighter",
                "protester", "resident", "victim", "hostage", "prisoner", "detainee", "citizen", "tourist",
                "worker", "businessman", "businesswoman", "senator", "lawmaker", "politician", "dissident",
                "defendant", "convict", "inmate", "pilot", "agent", "spy", "chairman", "chairwoman", "director",
                "secretary", "negotiator", "mediator", "refugee", "migrant", "father", "mother", "son", "daughter"}
# "the group", "the militants": the latest organisation of a fitting sector
_ARMED = {"REB", "PRM", "UAF"}
GROUP_REFERENTS = {"group": _ARMED | {"OPP", "PTY", "CRM", "NGO"}, "movement": _ARMED | {"OPP", "PTY"},
                   "militia": _ARMED, "faction": _ARMED | {"PTY", "OPP"}, "outfit": _ARMED, "militant": _ARMED,
                   "rebel": _ARMED, "insurgent": _ARMED, "organisation": _ARMED | {"NGO"},
                   "organization": _ARMED | {"NGO"}, "party": {"PTY", "OPP"}, "cartel": {"CRM"}, "gang": {"CRM"}}
# one person of an incident, named again by another noun ("an Afghan man ... the suspect")
SUSPECT_NOUNS = {"suspect", "man", "woman", "attacker", "assailant", "gunman", "detainee", "prisoner", "victim",
                 "driver", "boy", "girl", "person", "individual", "defendant", "accused", "bomber", "hostage",
                 "teenager", "student", "national", "citizen", "resident"}
# "the two leaders", "both sides": the two latest parties of that kind
PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = {"leader": "person", "president": "person", "minister": "person", "man": "person",
              "side": "any", "country": "state", "nation": "state", "government": "state", "state": "state",
              "neighbour": "state", "neighbor": "state", "capital": "state", "party": "any"}
ETHNIC = {"ethnic"}
# "the Albanian minority", "the Serb community", "the Armenian diaspora": an ethnicity
ETHNIC_HEADS = {"minority", "minorities", "community", "communities", "population", "diaspora"}
PLACE_TITLES = {"capital", "city", "town", "of"}
NON_STATE = {"UNO", "EUR", "IGO", "NGO", "MNC"}
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
    ethnic: bool = False      # "ethnic Albanians": an ethnicity, not the nationality of the state


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
                m = kb.lookup_misspelt(toks, i)
            if m is None and "-" in toks[i]:
                # "Greek-Cypriot", "Egyptian-American": the last part names the people
                parts = toks[i].split("-")
                if len(parts) == 2 and all(p[:1].isupper() for p in parts):
                    last = kb.lookup_proper([parts[1]], 0)
                    if last is not None and kb.lookup_proper([parts[0]], 0) is not None:
                        m = (1, last[1])
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
            ethnic = entry.kind in ("demonym", "region") and (
                (i > 0 and toks[i - 1].lower() in ETHNIC)
                or (i + n < len(toks) and toks[i + n].lower() in ETHNIC_HEADS))
            if entry.kind == "capital" and i > 0 and toks[i - 1].lower() in PLACE_TITLES:
                # "the southern regional capital Juba", "the city of Kabul": the place, not the government
                sector, level = "CVL", 1
            hits.append(_Hit(i, i + n, entry.kind, code, sector, level, name, sponsor=sponsor, ethnic=ethnic))
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
            if term.phrase in TITLE_PREFIXES and i + n < len(toks) and not covered[i + n] \
                    and kb.lookup_sector(lemmas, i + n) is not None:
                i += n  # "deputy chief", "deputy foreign minister": the following title decides
                continue
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
        if not hits or not any(h.code for h in hits):
            ngo = self._unknown_ngo(content)
            if ngo is not None and not any(h.level >= 3 for h in hits):
                return Entity(text=raw, name=ngo, code="NGO", sector=None)
        if not hits:
            return None
        b = next((k for k, t in enumerate(content) if t.lower() in BOUNDARY and k > 0), len(content))
        head = [h for h in hits if h.start < b]
        comp = [h for h in hits if h.start >= b]

        # ---- code and name
        coded = [h for h in head if h.code and not h.sponsor and not h.ethnic] \
            or [h for h in comp if h.code and not h.sponsor and not h.ethnic]
        ethnic = next((h for h in hits if h.ethnic and h.code), None)
        if b < len(content) and content[b].lower() == "of" and len(head) == 1 and head[0].kind == "demonym" \
                and content[head[0].end - 1].endswith("s"):
            # "the Albanians of southern Serbia": a people of a place is that place's, not a nationality
            place = next((h for h in comp if h.code and h.kind in PLACE_KINDS), None)
            if place is not None and place.code != head[0].code:
                head[0].ethnic = True
                ethnic = head[0]
                coded = [place]
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
        if code is None and ethnic is not None:
            # "ethnic Albanians" with no state of residence named: the ethnicity's state is the best guess
            code_hit, code = ethnic, ethnic.code

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
        if best is not None and best.kind == "sector" and best.level <= 2 and code_hit is not None \
                and code_hit.kind == "org" and code_hit.code in NON_STATE:
            best = None  # "Red Cross officials", "the IMF board": the organisation's own (empty) sector
        sector = best.sector if best else None
        if best is not None and best.needs_country:
            # "an Afghan man" CVL but "two men" UNK; "Libyan leader" GOV but "community leader" none
            sector = best.sector if code else ("UNK" if best.sector == "CVL" else None)
        lowered = {t.lower() for t in content}
        if lowered & FORMER and sector in ELI_FROM:
            sector = "ELI"
        if sector is None and ethnic is not None:
            sector = "CVL"  # members of an ethnic group, unless a sector noun says otherwise
        if code is None and sector is None and not any(h.kind != "sector" for h in hits):
            # only generic words with no sector ("a group", "members")
            return None
        name = code_hit.name if code_hit and code_hit.kind in ("person", "org") else (
            self.kb.countries.get(code or "", None) or (code_hit.name if code_hit else None))
        if code_hit is None and best is not None:
            name = best.name
        return Entity(text=raw, name=name, code=code, sector=sector)

    @staticmethod
    def _unknown_ngo(content: list[str]) -> str | None:
        """The name of an organisation the KB does not know that looks non-governmental, else None."""
        caps: list[str] = []
        for t in content:
            if t[:1].isupper() and t.isalpha():
                caps.append(t)
            elif caps and t.lower() in ("of", "for", "and", "the", "on"):
                caps.append(t)
            elif caps:
                break
        while caps and not caps[-1][:1].isupper():
            caps.pop()
        if len([t for t in caps if t[:1].isupper()]) < 2:
            return None
        if caps[-1] in NGO_NAME_HEADS or (NGO_NAME_WORDS & set(caps) and caps[-1] not in ("War", "Cup", "Bank")):
            return " ".join(caps)
        # "Association of African Jurists": the organisation word first
        if caps[0] in NGO_NAME_HEADS and len(caps) > 2 and caps[1] in ("of", "for"):
            return " ".join(caps)
        return None

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
                   "he": "person", "his": "person", "she": "person", "her": "person", "i": "person", "my": "person"}
FIRST_PERSON = frozenset({"we", "our", "i", "my"})


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
        if verb.dep_ in ("conj", "xcomp") and verb.head != verb:
            verb = verb.head
        else:
            return None
    if verb.dep_ != "ccomp":
        return None
    # the subject nearest before the speech verb: a dateline parsed as a second subject ("BERLIN, Nov 14 -
    # German police said they ...") is not the speaker
    speech = verb.head
    first_person = tok.lower_ in FIRST_PERSON
    # a quotation's "we" is its speaker, named after it too ('"We demand ...," the bloc said')
    subjs = [c for c in speech.children if c.dep_ == "nsubj" and (c.i < tok.i or first_person and c.i > verb.i)
             and not _is_dateline(c)]
    if not subjs and speech.dep_ == "conj" and speech.head.pos_ in ("VERB", "AUX"):
        # "Israel has kept troops there and has said it will ...": the shared subject speaks
        subjs = [c for c in speech.head.children if c.dep_ == "nsubj" and c.i < tok.i and not _is_dateline(c)]
    subj = subjs[-1] if subjs else None
    if subj is None or subj.pos_ == "PRON":
        return None
    is_person = subj.ent_type_ == "PERSON"
    if (kind == "thing" and is_person) or (kind == "person" and not is_person and subj.pos_ == "PROPN"):
        return None
    return span.doc[subj.left_edge.i: subj.i + 1]


_DATELINE_DASHES = ("\u2014", "\u2013", "--")


def _in_dateline(tok) -> bool:
    """Is the token before the dash of a wire dateline ("BANGKOK, Nov 9 (AP) - ...", "BAKU, Nov 20 —")?
    The place a story is filed from is not a party of it."""
    try:
        sent = tok.sent
    except ValueError:
        return False
    doc = tok.doc
    for t in sent[: min(len(sent), 20)]:
        if t.text in _DATELINE_DASHES or (t.text == "-" and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_
                                          and (doc[t.i - 1].text == ")" or doc[t.i - 1].like_num)):
            return tok.i < t.i
    return False


def _is_dateline(tok) -> bool:
    """An upper-case place opening its sentence and followed by a comma or dash ("BERLIN, Nov 14 -")."""
    return tok.text.isupper() and len(tok.text) > 2 and tok.i == tok.sent.start \
        and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in (",", "-", "\u2014", "\u2013")


POSSESSIVES = {"its": "thing", "their": "plural", "his": "person", "her": "person"}
#: sentence-opening pronouns that continue the previous sentence's subject ("The Israeli military said ...
#: It accused the group ...")
CONTINUING = {"it": "thing", "its": "thing", "they": "plural", "their": "plural"}


def _relative_clause_subject(span: Span) -> Span | None:
    """"The United States imposed sanctions on refineries *it* accused of ...": a pronoun subject of a
    relative clause on the object is the main clause's subject (when they agree)."""
    if len(span) != 1:
        return None
    tok = span[0]
    kind = CONTINUING.get(tok.lower_)
    if kind is None or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    node = noun.head if noun.dep_ in ("dobj", "pobj", "conj") else None
    for _ in range(5):
        if node is None or node.pos_ in ("VERB", "AUX"):
            break
        node = node.head if node.head != node else None
    if node is None or node.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < noun.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ == "PERSON" or _in_dateline(subj):
        return None
    plural = subj.tag_ in ("NNS", "NNPS") and subj.lower_ not in COLLECTIVE
    if kind == "thing" and plural and subj.ent_type_ not in ("GPE", "ORG"):
        return None
    return span.doc[subj.left_edge.i: subj.i + 1] if not _in_dateline(subj.left_edge) else span.doc[subj.i: subj.i + 1]


def _previous_subject(span: Span) -> Span | None:
    """The subject of the previous sentence's main verb, for a pronoun that opens its own sentence as subject
    (or as the possessor of the subject): in "The Israeli military said its jets struck depots. It accused
    the group of ...", "It" is the military. Only when they agree in number and the subject is no person."""
    if len(span) != 1:
        return None
    tok = span[0]
    kind = CONTINUING.get(tok.lower_)
    if kind is None:
        return None
    if tok.dep_ == "poss":
        subj_tok = tok.head
        if subj_tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
    elif tok.dep_ in ("nsubj", "nsubjpass"):
        subj_tok = tok
    else:
        return None
    try:
        sent = tok.sent
    except ValueError:
        return None
    # the subject of the main clause, opening the sentence (allowing an introductory phrase of a few words)
    if subj_tok.head.dep_ != "ROOT" or subj_tok.left_edge.i - sent.start > 4:
        return None
    doc = tok.doc
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    root = prev.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and root.dep_ == "ROOT":
        return None
    if subj is None or subj.ent_type_ == "PERSON" or _is_dateline(subj) or _in_dateline(subj):
        return None
    if subj.pos_ == "PRON":
        if subj.lower_ != tok.lower_ and CONTINUING.get(subj.lower_) != kind:
            return None
        return doc[subj.i: subj.i + 1]
    if subj.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = subj.tag_ in ("NNS", "NNPS") and subj.lower_ not in COLLECTIVE
    if (kind == "thing") == plural and not (kind == "plural" and subj.lower_ in COLLECTIVE):
        if not (kind == "plural" and subj.ent_type_ in ("ORG", "NORP")):
            return None
    left = subj.left_edge.i
    for i in range(subj.i - 1, left - 1, -1):
        t = doc[i]
        if t.text in _DATELINE_DASHES or (t.text == "-" and t.whitespace_ and doc[i - 1].whitespace_
                                          and (doc[i - 1].text == ")" or doc[i - 1].like_num)):
            left = i + 1
            break
    return doc[left: subj.i + 1]


def _clause_subject(span: Span) -> Span | None:
    """The subject a possessive pronoun refers back to in its own clause: in "fundamentalists continued their
    hunger strike" or "the ILO reiterated its demand", the pronoun is the subject's. Only when they agree."""
    if len(span) != 1:
        return None
    tok = span[0]
    kind = POSSESSIVES.get(tok.lower_)
    if kind is None or tok.dep_ != "poss":
        return None
    node = tok.head
    for _ in range(4):  # noun -> (preposition ->) verb
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            break
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "conj", "compound", "appos", "npadvmod"):
            return None
        node = node.head
    else:
        return None
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    if subj is None and node.dep_ in ("xcomp", "conj"):
        subj = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    if subj is None or subj.pos_ == "PRON" or _is_dateline(subj):
        return None
    is_person = subj.ent_type_ == "PERSON"
    plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in COLLECTIVE
    if kind == "person" and not is_person:
        return None
    if kind == "thing" and (is_person or plural):
        return None
    if kind == "plural" and is_person:
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
        # phrases coded so far: (offset, entity, plural, head noun lemma)
        self._coded: list[tuple[int, Entity, bool, str]] = []
        self._country_count: Counter[str] = Counter()
        self._org_country_count: Counter[str] = Counter()
        self._first_country: dict[str, int] = {}
        self._dateline_country: str | None = None

    # ------------------------------------------------------------------ memory
    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        res = self.coder.resolver
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
                continue
            if self._not_a_party(ent) or _in_dateline(ent[0]):
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
                if coded.code and coded.code not in NON_STATE and coded.sector in PERSON_STATE_SECTORS:
                    # an office holder stands for their state ("Trump ... Congress" is the US Congress)
                    self._country_count[coded.code] += 1
                    self._first_country.setdefault(coded.code, ent.start_char)
            else:
                coded = res.code(ent.text, "", self.published)
                if coded is None or coded.code is None:
                    continue
                kind = "org" if ent.label_ == "ORG" else "state"
                self._remember(ent.start_char, coded, kind, ent.text, ent.text)
                if coded.code not in NON_STATE:
                    # a state organ or armed group ("UNITA", "the Kremlin") counts for its state only when the
                    # article names no state at all
                    count = self._country_count if kind == "state" else self._org_country_count
                    count[coded.code] += 1
                    self._first_country.setdefault(coded.code, ent.start_char)

    def _not_a_party(self, ent: Span) -> bool:
        """A state named as what someone is against or for ("anti-Syria journalist", "pro-Russia rebels") or
        as a currency ("US $50 million") is not a party of the article."""
        doc = self.doc
        if ent.start >= 2 and doc[ent.start - 1].text == "-" and doc[ent.start - 2].lower_ in ("anti", "pro"):
            return True
        if ent.text.lower().startswith(("anti-", "pro-")):
            return True
        return ent.end < len(doc) and doc[ent.end].text in ("$", "dollar", "dollars")

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

    def note_dateline(self, country: str | None) -> None:
        """The country the story is filed from: not a party, but it says whose police, protesters and
        officials an unqualified noun most likely means: when the story names that country too, it counts as
        two more mentions and wins ties (a hub like Bangkok filing on Myanmar, which never names Thailand,
        changes nothing)."""
        if country:
            self._dateline_country = country

    def article_country(self) -> str | None:
        """The state named most often in the article (earliest on ties; see :meth:`note_dateline`)."""
        self._build()
        counts = Counter(self._country_count or self._org_country_count)
        first = dict(self._first_country)
        home = self._dateline_country
        if home and counts.get(home):
            counts[home] += 2
            first[home] = -1
        if not counts:
            return None
        return sorted(counts.items(), key=lambda kv: (-kv[1], first.get(kv[0], 1 << 30)))[0][0]

    # ------------------------------------------------------------------ coding
    def code(self, span: Span) -> Entity:
        """Code one role phrase of this article."""
        ent = self._code_span(span)
        toks = _content(tokenize(span.text))
        if toks and toks[-1].lower() not in PRONOUNS and (ent.code or ent.sector):
            last = toks[-1]
            plural = last.isalpha() and last.islower() and (lemma(last) != last.lower() or last in COLLECTIVE)
            self._coded.append((span.start_char, ent, plural, lemma(last)))
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
            pair = self._pair(span)
            if pair:
                return pair
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

    def _pair(self, span: Span) -> list[Entity]:
        """"the two leaders", "both sides", "the two countries": the two latest parties of that kind with
        different codes named before the phrase; an empty list when there are not two."""
        words = [t.lower() for t in tokenize(span.text) if t.lower() != "the"]
        if len(words) == 1 and words[0] in ("allies", "neighbours", "neighbors", "sides", "foes", "rivals"):
            # "the allies", "the neighbours": the two parties last named together
            self._build()
            return self._coordinated_pair(span, "any")
        if len(words) != 2 or words[0] not in PAIR_WORDS or lemma(words[1]) not in PAIR_NOUNS:
            return []
        self._build()
        want = PAIR_NOUNS[lemma(words[1])]
        if want != "person":
            pair = self._coordinated_pair(span, want)
            if pair:
                return pair
        kinds = {"person"} if want == "person" else {"state"} if want == "state" else {"person", "state", "org"}
        out: list[Entity] = []
        offset = span.start_char
        while len(out) < 2:
            m = self._before(offset, kinds)
            if m is None:
                return []
            offset = m.start
            if m.entity.code in {e.code for e in out}:
                continue
            ent = m.entity
            sector = ent.sector if want != "state" else "GOV"
            out.append(Entity(text=span.text.strip(), name=ent.name, code=ent.code, sector=sector))
        return list(reversed(out))

    def _coordinated_pair(self, span: Span, want: str) -> list[Entity]:
        """The latest two parties named together before the phrase ("talks between Serbia and Kosovo ...
        She urged both sides"): "X and Y" with two different codes."""
        doc = span.doc
        labels = ("GPE",) if want == "state" else ("GPE", "ORG", "NORP")
        res = self.coder.resolver
        found: list[list[Entity]] = []
        for t in reversed(doc[: span.start]):
            if t.dep_ != "conj" or t.ent_type_ not in labels or t.head.ent_type_ not in labels:
                continue
            if _in_dateline(t) or span.start - t.i > 120:
                continue
            out: list[Entity] = []
            for tok in (t.head, t):
                ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
                if ent is None:
                    break
                c = res.code(ent.text, "", self.published)
                if c is None or c.code is None:
                    break
                sector = "GOV" if want == "state" or (c.sector is None and ent.label_ == "GPE") else c.sector
                out.append(Entity(text=span.text.strip(), name=c.name, code=c.code, sector=sector))
            if len(out) == 2 and out[0].code != out[1].code:
                found.append(out)
                if len(found) >= 3:
                    break
        if not found:
            return []
        # among the latest few pairs, the one whose parties the article names most ("talks mediated by Turkey
        # and Qatar ... fighting between the neighbours" are Pakistan and Afghanistan); ties: the latest
        weight = self._country_count
        return max(enumerate(found), key=lambda kv: (weight.get(kv[1][0].code, 0) + weight.get(kv[1][1].code, 0),
                                                     -kv[0]))[1]

    def _code_span(self, span: Span) -> Entity:
        self._build()
        text = span.text.strip()
        res = self.coder.resolver
        toks = tokenize(text)
        content = [t.lower() for t in _content(toks)]
        offset = span.start_char

        # "the eight", "all five": the group counted so earlier in the story ("eight Russian citizens")
        earlier = self._counted_before(span)
        if earlier is not None:
            ent = self._code_span(earlier)
            if ent.code or (ent.sector and ent.sector != "UNK"):
                return self._as(ent, text)

        # pronouns (possessives alone too: "their" in "their forces"): in reported speech the speaker ("the
        # service said it had arrested"), the subject of its own clause for a possessive, else the latest
        # person (he/she) or organisation/state (they/it)
        if not content and len(toks) == 1 and toks[0].lower() in PRONOUNS and not toks[0].isupper():
            content = [toks[0].lower()]
        if len(content) == 1 and content[0] in PRONOUNS and not toks[-1].isupper():
            for antecedent in (_speaker_antecedent(span), _clause_subject(span), _relative_clause_subject(span),
                               _previous_subject(span)):
                if antecedent is None:
                    continue
                ent = self._code_span(antecedent)
                if ent.code or (ent.sector and ent.sector != "UNK"):
                    return self._as(ent, text)
            if content[0] in PLURAL_PRONOUNS:
                # "they": the latest plural group coded before ("two men ... They were released")
                for off, ent, plural, _ in reversed(self._coded):
                    if off < offset and plural and (ent.code or ent.sector):
                        return self._as(ent, text)
            if content[0] in PERSON_PRONOUNS:
                # "the suspect ... before he could": a person noun earlier in the same sentence
                noun = self._person_noun_before(span)
                if noun is not None:
                    return self._as(self._code_span(noun), text)
            kinds = {"person"} if content[0] in PERSON_PRONOUNS else {"org", "state"} \
                if content[0] in GROUP_PRONOUNS else set()
            # the latest person, even one the KB cannot code ("He" after "John Smith" is not Katz)
            m = self._before(offset, kinds, require_code=kinds != {"person"}) if kinds else None
            if m is not None:
                return self._fill(span, self._as(m.entity, text))
            if content[0] in PERSON_PRONOUNS:
                # no named person before: the latest single person of an incident ("The suspect ... detained him")
                for off, ent, plural, h in reversed(self._coded):
                    if off < offset and not plural and h in SUSPECT_NOUNS and ent.code:
                        return self._as(ent, text)
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

        korea = self._korea(toks)
        if korea is not None:
            return Entity(text=text, name=self.coder.kb.countries.get(korea), code=korea, sector="GOV")

        coded = res.code(text, "", self.published)
        own = next((h.code for h in res.scan(_content(toks), self.published) if h.ethnic), None) \
            if set(content) & (ETHNIC | ETHNIC_HEADS) else None
        if coded is not None and coded.code and coded.code == own:
            # "ethnic Albanians" in Serbia are Serbia's: the state they live in, named in the sentence or article
            home = self._ethnic_home(span, coded.code, bool(set(content) & ETHNIC))
            if home is not None:
                return Entity(text=text, name=self.coder.kb.countries.get(home), code=home, sector=coded.sector)
        # "the minister", "the president": the latest person with that title
        if (coded is None or coded.code is None or coded.sector == "UNK") and toks and toks[0].lower() == "the" \
                and 0 < len(content) <= 4 \
                and all(t.islower() or t.lower() in STATE_DESCRIPTORS for t in _content(toks)):
            head = lemma(content[-1])
            if head in GOV_REFERENTS:
                # "the kingdom", "the Caspian state": the latest state named that fits the description
                allowed: set[str] | None = MONARCHIES if head == "kingdom" else None
                described = False
                for t in content[:-1]:
                    fits = STATE_DESCRIPTORS.get(t)
                    if fits is not None:
                        described = True
                        allowed = fits if allowed is None else (allowed & fits) or fits
                m = self._before(offset, {"state"})
                while allowed is not None and m is not None and m.entity.code not in allowed:
                    m = self._before(m.start, {"state"})
                if m is None and allowed is not None and not described:
                    m = self._before(offset, {"state"})  # a kingdom the table does not list
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
            # "the ministry", "the rebels", "the service": the latest phrase or organisation with that head noun;
            # "the suspect", "the man": the latest single person of that kind ("an Afghan man ... the suspect")
            singular = lemma(content[-1]) == content[-1]
            for off, ent, plural, h in reversed(self._coded):
                if off >= offset or not ent.code:
                    continue
                if h == head or (singular and not plural and head in SUSPECT_NOUNS and h in SUSPECT_NOUNS):
                    return self._as(ent, text)
            m = self._before(offset, {"org"}, {head})
            if m is not None:
                return self._as(m.entity, text)
            if head in GROUP_REFERENTS:
                m = self._before(offset, {"org"})
                while m is not None and not (m.entity.sector in GROUP_REFERENTS[head]
                                             or (m.entity.code == "NGO" and "NGO" in GROUP_REFERENTS[head])):
                    m = self._before(m.start, {"org"})
                if m is not None:
                    return self._as(m.entity, text)
        if (coded is None or (coded.code is None and coded.sector in ("UNK", None))) and self._generic_people(span):
            # "hundreds of her supporters", "two of the girls", "a staff member": the article's civilians
            country = self._sentence_country(span) or self.article_country()
            if country is not None:
                return Entity(text=text, name=coded.name if coded else text, code=country, sector="CVL")
        if coded is None:
            return Entity(text=text, name=text, code=None, sector=None)
        if coded.code is None and len(span) > 1 and span[0].lower_ in POSSESSIVES and span[0].dep_ == "poss":
            # "its jets", "their forces": the owner's state ("the Israeli military said its jets struck")
            owner = self._code_span(span[0:1])
            if owner.code is not None:
                return Entity(text=text, name=coded.name, code=owner.code, sector=coded.sector)
        if coded.code is None and coded.sector == "UNK" and content and lemma(content[-1]) in GENERIC_PEOPLE:
            # "43 people", "two men": civilians of the sentence's or the article's state
            country = self._sentence_country(span) or self.article_country()
            if country is not None:
                return Entity(text=text, name=coded.name, code=country, sector="CVL")
        return self._fill(span, coded)

    def _counted_before(self, span: Span) -> Span | None:
        """For a bare counted phrase ("the eight", "all five"), the earlier phrase with that count."""
        words = [t for t in span if t.lower_ not in ("the", "all", "of", "those", "these")]
        if len(words) != 1 or not words[0].like_num:
            return None
        num = words[0].lower_
        for t in reversed(span.doc[: span.start]):
            if t.lower_ == num and t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN"):
                head = t.head
                return span.doc[head.left_edge.i: head.i + 1]
        return None

    @staticmethod
    def _generic_people(span: Span) -> bool:
        """Does the phrase name ordinary people by a generic noun, possibly after a quantity ("two of the
        girls", "hundreds of her supporters")?"""
        try:
            head = span.root
        except (ValueError, IndexError):
            return False
        for _ in range(2):
            if head.lemma_.lower() in GENERIC_PEOPLE and head.pos_ == "NOUN":
                return not any(c.ent_type_ in ("ORG", "PERSON") or c.pos_ == "PROPN" for c in head.subtree
                               if c.i != head.i)
            if head.lemma_.lower() in QUANTITY_HEADS or head.pos_ == "NUM":
                nxt = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), None)
                if nxt is None:
                    return False
                head = nxt
                continue
            return False
        return False

    def _person_noun_before(self, span: Span) -> Span | None:
        """The nearest singular person noun or named person before a he/she pronoun in its sentence (subject
        or object: "the suspect", "an Afghan man"), when it is nearer than any named person."""
        try:
            sent = span.sent
        except ValueError:
            return None
        for t in reversed(span.doc[sent.start:span.start]):
            if t.ent_type_ == "PERSON":
                return None  # a named person is nearer: the article memory handles it
            if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and t.tag_ == "NN" \
                    and t.lower_ in PERSON_NOUNS:
                return span.doc[t.left_edge.i: t.i + 1]
        return None

    def _korea(self, toks: list[str]) -> str | None:
        """"the North", "the South" in an article about the two Koreas -> PRK, KOR."""
        words = [t for t in toks if t.lower() != "the" and t != "'s"]
        if len(words) != 1 or words[0] not in ("North", "South"):
            return None
        self._build()
        if not (self._country_count.get("PRK") or self._country_count.get("KOR")):
            return None
        return "PRK" if words[0] == "North" else "KOR"

    def _ethnic_home(self, span: Span, own: str, strong: bool) -> str | None:
        """Where an ethnic group lives: the place (GPE/LOC) named nearest the phrase in its sentence, None
        when that is the ethnicity's own state; with no place in the sentence and ``strong`` (the word
        "ethnic"), the article's most-named other state. Nationality words of other people ("Serb forces")
        and organisations are not places."""
        res = self.coder.resolver
        try:
            sent = span.sent
        except ValueError:
            sent = None
        if sent is not None:
            cands = []
            for ent in sent.ents:
                if ent.label_ not in ("GPE", "LOC") or span.start <= ent.start < span.end:
                    continue
                c = res.code(ent.text, "", self.published)
                if c is not None and c.code and c.code not in NON_STATE:
                    dist = span.start - ent.end if ent.end <= span.start else ent.start - span.end
                    cands.append((dist, c.code))
            if cands:
                home = min(cands)[1]
                return None if home == own else home
        if not strong:
            return None
        self._build()
        others = [(n, -self._first_country[c], c) for c, n in self._country_count.items() if c != own]
        return max(others)[2] if others else None

    def _fill(self, span: Span, coded: Entity) -> Entity:
        """A sector without a country takes the sentence's state, else the article's."""
        if coded.code is None and coded.sector == "SOC" and coded.name in NGO_TERMS:
            # "a human rights group", "aid agencies" with no nationality: non-governmental organisations
            return Entity(text=coded.text, name=coded.name, code="NGO", sector=None)
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
        elif span.end < len(doc) and doc[span.end].lower_ in ("for", "with"):
            # "a worker for a telecom company in Somalia": a place inside the phrase's own modifiers
            edge = span.root.right_edge.i
            after = [e for e in sent.ents if span.end < e.start and e.end <= edge + 1
                     and doc[e.start - 1].lower_ in ("in", "from", "of")]
        # a named state before a nationality adjective ("Georgia, a former Soviet republic": Georgia); a state
        # described as "former" is history, not a party
        before = [e for e in sent.ents if e.end <= span.start
                  and not (e.start > 0 and doc[e.start - 1].lower_ in ("former", "ex", "ex-"))]
        before = sorted(before, key=lambda e: (e.label_ != "GPE", -e.start))
        for ent in after + before:
            if self._not_a_party(ent) or _in_dateline(ent[0]):
                continue
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
