"""Find PLOVER event mentions in a parsed document.

One pass over the tokens of each sentence looks every lemma up in the trigger lexicon (verbs, phrasal
and light-verb forms, event nouns).  For each trigger the roles are read from the dependency parse
(:mod:`eventwire.extract.roles`), the modality from auxiliaries, negation and governing verbs
(:mod:`eventwire.extract.modality`), and PLOVER's re-typing rules are applied: promised cooperation is
AGREE, announced retreat is CONCEDE, a threat is THREATEN with the threatened act as its mode, and
nothing that did not happen is ever reported as ``asserted``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventwire.extract.contexts import (ASK_MODE_BY_TYPE, THREAT_MODE_BY_TYPE, assault_mode,
                                        sentence_contexts, threat_mode)
from eventwire.extract.lexicon import Lexicon, Trigger, load_lexicon
from eventwire.extract.mention import Mention
from eventwire.extract.modality import ASSERTED, FUTURE, HYPOTHETICAL, NEGATED, ModalityInfo, modality_of
from eventwire.extract.roles import (PASS_SUBJ, agent_of, direct_object, in_dateline, is_actorish, np_span,
                                     prep_objects, role_heads, subject_of)

#: verbs that carry an event noun as their object: "held talks", "launched airstrikes", "lodged a protest"
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "carry", "launch", "stage", "mount", "make", "issue", "begin", "start",
    "continue", "resume", "wage", "unleash", "step", "intensify", "escalate", "join", "lead",
    "organize", "organise", "perform", "undertake", "deliver", "level", "open", "go", "take",
    "participate", "engage", "announce", "order", "call", "hurl", "pay", "kick", "execute",
    "commit", "claim", "host", "attend", "impose", "extend", "provide", "give", "send", "offer",
    "file", "bring", "press", "renew", "plan", "complete", "end", "conclude", "finish",
    "remain", "put", "place", "keep", "set",
})
#: light verbs that carry an event out: a "planned"/"threatened" event they govern has happened
EXECUTE_VERBS = frozenset({"launch", "mount", "carry", "conduct", "stage", "begin", "start", "execute",
                           "unleash", "wage", "hold", "perform", "undertake", "complete"})
#: generic nouns whose event is named by their compound ("a mediation effort", "a bombing campaign")
SHELL_NOUNS = frozenset({"effort", "mission", "campaign", "initiative", "drive", "bid", "package", "program",
                         "programme"})
#: prepositions whose object can be an event happening to the subject's verb ("went on strike")
LIGHT_PREPS = frozenset({"on", "in", "into", "under"})
#: "placed X under arrest", "put X under investigation": the light verb's object is the recipient
UNDER_VERBS = frozenset({"put", "place", "keep", "hold"})
FRAME_PREPS = frozenset({"during", "on", "at", "as"})     # "handed over flour *as humanitarian aid*"
COOP4 = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
AGREE_CAMEO = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "031", "AID": "033"}
AIR_WORDS = frozenset({"air", "drone", "missile", "rocket", "military", "aerial", "precision",
                       "artillery", "retaliatory"})
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "multinational", "trilateral"})
THREAT_CAMEO = {"violence": "138", "restrict": "1312", "relations": "1313"}
CYBER_WORDS = frozenset({"cyber", "digital", "online", "ransomware", "malware", "hacking", "hacker", "computer",
                         "ddos", "phishing", "network"})
#: verbs whose subject noun "strike(s)" is an attack, not a labour strike ("Israeli strikes kill 9")
HARM_VERBS = frozenset({"kill", "hit", "wound", "injure", "destroy", "damage", "level", "flatten", "target"})
#: "posed / represented a threat": a judgement about someone, not a threat they made
POSED_VERBS = frozenset({"pose", "represent", "constitute", "present"})
#: promising verbs: a promised conflictual act is a threat ("vowed to boycott", "pledged to retaliate")
PROMISE_LEMMAS = frozenset({"vow", "pledge", "promise", "swear"})
#: weapons whose firing without a target is a show of force (a missile test), not an attack
MISSILE_WORDS = frozenset({"missile", "rocket", "projectile"})


#: forms the small English model lemmatises wrongly ("staged" -> "stag")
FORM_FIX = {"staged": "stage", "stages": "stage", "forgave": "forgive", "raped": "rape"}
#: conflictual acts announced for the future are threats (PLOVER: a threat is THREATEN, not the act)
THREAT_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "PROTEST"})
MUST_AUX = frozenset({"must", "should"})
#: verbs of sending or going whose purpose clause is what the mission does ("sent a team to investigate")
MOTION_VERBS = frozenset({"send", "dispatch", "deploy", "arrive", "travel", "fly", "rush", "airlift",
                          "come", "go", "head", "land", "return", "mobilize", "mobilise"})
#: purposes that are under way once the mission is sent (not conflictual acts, which stay intentions)
PURPOSE_TYPES = frozenset({"AID", "COOPERATE", "SUPPORT", "CONSULT"})
REFUSED_MODE = {"CONSULT": "meet", "AID": "assist", "SUPPORT": "assist", "COOPERATE": "assist"}


def _lemma(tok: Token) -> str:
    return FORM_FIX.get(tok.lower_) or tok.lemma_.lower()


def _joined(tok: Token) -> str | None:
    """A hyphenated or split compound read as one word: "cease-fire" / "air strike" -> "ceasefire", "airstrike"."""
    left = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    if not left:
        return None
    first = left[-1]
    if first.i == tok.i - 1 or (first.i == tok.i - 2 and tok.doc[tok.i - 1].text == "-"):
        return first.lower_ + tok.lemma_.lower()
    return None


def _threat_mode(event: str, mode: str | None) -> str | None:
    if event == "SANCTION":
        return {"expel": "expel", "discontinue": "relations", "withdraw": "relations"}.get(mode or "",
                                                                                           "restrict")
    if event == "COERCE":
        return "arrest" if mode == "arrest" else "restrict"
    return THREAT_MODE_BY_TYPE.get(event)


def _verb_entry(tok: Token, entries: tuple[Trigger, ...]) -> tuple[Trigger | None, Token | None]:
    """The most specific verb entry whose particle/object needs are met, and the consumed object."""
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent", "acomp", "oprd")
             or c.dep_ == "ccomp" and c.pos_ == "ADJ"}      # "found him guilty" (a small clause)
    parts.update(g.lower_ for c in tok.children if c.dep_ in ("dobj", "ccomp") for g in c.children
                 if g.dep_ in ("amod", "acomp", "oprd") and g.i > c.i)
    obj_toks = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    obj_toks += [g for o in obj_toks for g in o.children if g.dep_ in ("conj", "compound")]
    obj_toks += [g for o in obj_toks for p in o.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                 for g in p.children if g.dep_ == "pobj"]
    for e in entries:                                   # most specific first
        if e.part is not None and e.part not in parts:
            continue
        if e.objs:
            hit = next((o for o in obj_toks if o.lemma_.lower() in e.objs or o.lower_ in e.objs
                        or _joined(o) in e.objs), None)
            if hit is None:
                continue
            return e, hit
        return e, None
    return None, None


#: nouns of easing that are a concession only when what is eased is a restriction ("the lifting of the ban")
CONCESSION_NOUNS = frozenset({"lifting", "easing", "relaxation", "removal", "repeal"})
RESTRICTION_WORDS = frozenset({
    "restriction", "ban", "sanction", "embargo", "curfew", "blockade", "control", "rule", "tariff", "measure",
    "law", "lockdown", "siege", "checkpoint", "barrier", "limit", "requirement", "visa", "emergency", "quota",
    "censorship", "boycott", "decree", "order", "travel", "closure"})
#: actions whose announced suspension is a concession ("a suspension of attacks")
SUSPENDED_ACTIONS = frozenset({"protest", "strike", "attack", "hostility", "offensive", "operation", "fighting",
                               "demonstration", "boycott", "campaign", "construction", "execution", "raid"})


#: bodies, treaties and processes one withdraws from to reduce relations (SANCTION withdraw)
BODY_WORDS = frozenset({
    "treaty", "agreement", "accord", "pact", "deal", "organization", "organisation", "alliance", "union",
    "bloc", "coalition", "commission", "council", "federation", "league", "court", "convention", "body",
    "talks", "negotiation", "process", "committee", "forum", "community", "membership", "group", "summit",
    "conference", "partnership", "initiative", "protocol", "arrangement", "framework", "program", "programme"})


def _leaves_a_body(tok: Token) -> bool:
    """Does the withdrawal leave a body, treaty or process ("withdrew from the WTO / the treaty / talks")?"""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("from", "of") or p.dep_ == "prt" and p.lower_ == "out":
            objs = [g for g in p.children if g.dep_ == "pobj"]
            objs += [g for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                     for g in q.children if g.dep_ == "pobj"]
            for o in objs:
                if o.lemma_.lower() in BODY_WORDS or o.ent_type_ == "ORG" and o.pos_ == "PROPN":
                    return True
    return False


def _noun_entry(tok: Token, entries: tuple[Trigger, ...]) -> Trigger | None:
    e = entries[0]
    lem = tok.lemma_.lower()
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lem == "strike":
        if "hunger" in mods:
            return replace(e, mode="hunger", cameo="142")
        harm = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in HARM_VERBS
        if harm or mods & AIR_WORDS or preps & {"on", "against"} and not mods & {"general", "labour", "labor"}:
            return replace(e, event="ASSAULT", mode="aerial" if "drone" not in mods else "drone",
                           cameo="195", rpreps=("on", "against"))
        return e
    if lem == "threat" and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in POSED_VERBS:
        return None                             # "posed a threat to troops": a judgement, not a threat made
    if lem in ("attack", "warfare", "war", "operation") and mods & CYBER_WORDS:
        return Trigger(lemma=lem, pos="N", part=None, objs=frozenset(), event="COERCE", mode="cyber",
                       cameo=None, rpreps=("on", "against"), weak=True)
    if e.lemma == "warfare":
        return None                             # only cyber warfare (above) is coded
    if lem == "operation" and not preps & {"against"}:
        return None                             # only a military operation *against* someone
    if e.lemma in ("exercise", "drill", "wargame") and not (mods & JOINT_WORDS or "with" in preps):
        return replace(e, event="MOBILIZE", mode="troops", cameo="152", reciprocal=False)
    if lem in CONCESSION_NOUNS:
        # "the lifting of the curfew", "an easing of restrictions": only a restriction eased is a concession
        objs = {g.lemma_.lower() for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"}
        return e if objs & RESTRICTION_WORDS else None
    if lem == "suspension":
        objs = {g.lemma_.lower() for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"}
        if objs & SUSPENDED_ACTIONS:        # "announced a suspension of attacks / protests"
            return Trigger(lemma=lem, pos="N", part=None, objs=frozenset(), event="CONCEDE", mode=None,
                           cameo="080", rpreps=("against", "on"), weak=True)
        return e
    if lem == "call":
        if mods & {"phone", "telephone", "video"}:
            return e
        if "for" in preps:
            return Trigger(lemma="call", pos="N", part=None, objs=frozenset(), event="REQUEST",
                           mode=None, cameo="020", rpreps=("to", "on"), weak=True)
        return None
    return e


def _content_of_embed(tok: Token, entries_by_tok: dict[int, Trigger]) -> bool:
    """Is the noun the object of an embedding trigger ("agreed *to a ceasefire*", "demanded *a truce*")?"""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj",):
        return False
    e = entries_by_tok.get(head.i)
    return e is not None and e.embed


def _merge_conjoined_verbs(kept: list[_Candidate]) -> None:
    """"ordered the closure of the consulate and expelled its staff": two verbs of one type, coordinated and
    sharing the subject, are one event."""
    by_tok = {c.tok.i: c for c in kept}
    for c in list(kept):
        if c.is_noun or c.tok.dep_ != "conj" or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.tok.children):
            continue
        head = by_tok.get(c.tok.head.i)
        if head is None or head is c or head.event != c.event or head.modality != c.modality or head not in kept:
            continue
        head.recips = head.recips + [r for r in c.recips if all(r.i != x.i for x in head.recips)
                                     and all(r.i != a.i for a in head.actors)]
        kept.remove(c)


def _light_governor(tok: Token) -> Token | None:
    """The light verb carrying an event noun ("held *talks*", "went on *strike*", "talks *were held*")."""
    head = tok.head
    if head == tok:
        return None
    if tok.dep_ in ("dobj", "nsubjpass", "attr") and _lemma(head) in LIGHT_VERBS:
        return head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LIGHT_PREPS:
        gov = head.head
        if head.lower_ == "under" and _lemma(gov) not in UNDER_VERBS:
            return None
        if gov.pos_ in ("VERB", "ADJ") and _lemma(gov) in LIGHT_VERBS:   # "were engaged in fighting"
            return gov
        if gov.dep_ == "dobj" and gov.lemma_ == "part" and gov.head.lemma_ == "take":
            return gov.head
    return None


def _spans(heads: list[Token]) -> list[Span]:
    out: list[Span] = []
    seen: set[int] = set()
    for h in heads:
        if h.i in seen:
            continue
        seen.add(h.i)
        out.append(np_span(h))
    return out


class _Candidate:
    __slots__ = ("tok", "entry", "is_noun", "actors", "recips", "minfo", "gov", "event", "mode",
                 "cameo", "modality", "loose", "subj_event")

    def __init__(self, tok: Token, entry: Trigger, is_noun: bool):
        self.tok, self.entry, self.is_noun = tok, entry, is_noun
        self.actors: list[Token] = []
        self.recips: list[Token] = []
        self.gov: Token | None = None
        self.minfo = ModalityInfo(ASSERTED)
        self.event, self.mode, self.cameo = entry.event, entry.mode, entry.cameo
        self.modality = ASSERTED
        self.loose = False
        self.subj_event: Token | None = None


def _verb_roles(c: _Candidate, obj_tok: Token | None, an: Lexicon) -> None:
    tok, e = c.tok, c.entry
    subj, is_patient = subject_of(tok)
    recips: list[Token] = []
    if is_patient:
        if "dobj" in e.rpreps:
            recips.extend(role_heads(subj, an))
    else:
        c.actors = role_heads(subj, an)
        # a passive with a "by" agent still has its surface subject as the patient
        if "dobj" in e.rpreps:
            pats = [ch for ch in tok.children if ch.dep_ in PASS_SUBJ]
            if not pats and tok.dep_ == "conj" and agent_of(tok) is not None:
                # "fishermen, held in Libya, were freed by X": the shared subject is the patient
                shared, _ = subject_of(tok.head)
                pats = [shared] if shared is not None else []
            if not pats and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
                pats = [tok.head]               # "citizens *detained* by U.S. agents": the noun is the patient
            for ch in pats:
                recips.extend(role_heads(ch, an))
    for r in e.rpreps:
        if r == "dobj":
            dobj = direct_object(tok)
            if dobj is None and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and any(
                    ch.dep_ == "nsubj" and ch.lower_ not in ("who", "which", "that") for ch in tok.children):
                dobj = tok.head                 # "11 Chinese companies (that) it accused of ...": the noun
            heads = role_heads(dobj, an)
            if dobj is not None and not heads:
                heads = _owner_of(dobj, an)
            recips.extend(heads)
        elif r == "dative":
            recips.extend(h for ch in tok.children if ch.dep_ == "dative" for h in role_heads(ch, an))
        else:
            for o in prep_objects(tok, (r,)):
                recips.extend(role_heads(o, an) or _owner_of(o, an, ("of",)))
            if obj_tok is not None:
                for o in prep_objects(obj_tok, (r,)):
                    recips.extend(role_heads(o, an) or _owner_of(o, an, ("of",)))
    if e.embed and e.event in ("REQUEST", "THREATEN", "ACCUSE") and not recips:
        # "demanded that the US cancel ...", "warned that Iran would ...": the clause subject is addressed
        for ch in tok.children:
            if ch.dep_ == "ccomp":
                who, _ = subject_of(ch)
                if who is not None and who.dep_ in ("nsubj", "nsubjpass") and not (
                        who.pos_ == "PRON" and subj is not None and _same_party(who, subj)):
                    # (not "it warned that *it* would impose sanctions": the speaker itself)
                    recips.extend(role_heads(who, an))
                break
    if e.event == "THREATEN" and not recips:
        # "threatened to attack *U.S. forces* if they did not leave": the target of the threatened act first
        for ch in tok.children:
            if ch.dep_ == "xcomp" and ch.pos_ == "VERB":
                recips.extend(role_heads(direct_object(ch), an))
                for o in prep_objects(ch, ("on", "against")):
                    recips.extend(role_heads(o, an))
    if e.event == "THREATEN" and not recips:
        # "threatened to stop talks if the United States goes ahead": the party the condition is on
        for g in tok.subtree:
            if g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in g.children):
                who, _ = subject_of(g)
                if who is not None:
                    recips.extend(role_heads(who, an))
                break
    if e.reciprocal and not c.actors:
        for o in prep_objects(tok, ("between",)):
            c.actors.extend(role_heads(o, an))
    c.recips = [r for r in recips if all(r.i != a.i for a in c.actors)]
    if not c.actors and subj is not None and not is_patient and not is_actorish(
            subj, an.actor_nouns, an.event_nouns):
        c.subj_event = subj


RELEASE_NOUNS = frozenset({"release", "freedom", "return", "repatriation", "extradition", "handover", "safety"})
CASUALTY_VERBS = frozenset({"wound", "injure", "kill", "hurt", "maim", "kidnap", "abduct", "detain", "arrest"})


def _casualty_tally(tok: Token) -> bool:
    """A participle naming people, not an act: "fly *the most seriously wounded* to Ankara", "the toll rose to
    17, *with more than 30 wounded*". (An amod participle, "its long-threatened invasion", is skipped by the
    caller.)"""
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in CASUALTY_VERBS:
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in tok.children):
        return False
    j = tok.i - 1
    while j >= tok.sent.start and (tok.doc[j].pos_ == "ADV" or tok.doc[j].lower_ in ("most", "more")):
        j -= 1
    if j >= tok.sent.start and tok.doc[j].lower_ == "the":
        return True
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].pos_ == "NUM" and any(
        t.lower_ == "with" for t in tok.doc[max(tok.sent.start, subj[0].left_edge.i - 1):subj[0].left_edge.i + 1])


#: predicates saying that an event noun, their subject, took place ("protests erupted", "the truce held")
HAPPEN_VERBS = frozenset({"erupt", "break", "take", "occur", "continue", "spread", "rage", "intensify", "escalate",
                          "resume", "grip", "rock", "sweep", "paralyze", "paralyse", "hit", "enter", "turn",
                          "flare", "spill", "persist", "go", "begin", "start", "hold", "end", "last", "follow",
                          "happen", "unfold", "mount", "grow", "shake", "disrupt", "cripple", "halt"})


def _happening(c: _Candidate) -> bool:
    """An event noun said to take place, with nobody named ("protests erupted", "riots broke out in X",
    "the ceasefire held", "there were clashes"): the event is there even without a party to ground."""
    tok = c.tok
    if not c.is_noun or tok.pos_ != "NOUN" or c.gov is not None:
        return False
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB" and _lemma(head) in HAPPEN_VERBS:
        if _lemma(head) == "take" and not any(ch.lemma_.lower() in ("place", "effect") for ch in head.children
                                               if ch.dep_ in ("dobj", "prt")):
            return False
        if _lemma(head) == "break" and not any(ch.lower_ == "out" for ch in head.children):
            return False
        return True
    return tok.dep_ == "attr" and head.lemma_ == "be" and any(ch.dep_ == "expl" for ch in head.children)


PRONOUN_GROUPS = ({"it", "its"}, {"they", "them", "their"}, {"he", "him", "his"}, {"she", "her"},
                  {"we", "us", "our"}, {"i", "me", "my"})


def _same_party(pron: Token, subj: Token) -> bool:
    """Does a pronoun in the complement point back at the speaker ("it warned that *it* would ...")?"""
    low = pron.lower_
    if subj.pos_ == "PRON":
        return any(low in g and subj.lower_ in g for g in PRONOUN_GROUPS)
    if low in ("it", "its"):
        return subj.tag_ in ("NN", "NNP") and subj.ent_type_ != "PERSON"
    if low in ("they", "them", "their"):
        return subj.tag_ in ("NNS", "NNPS") or subj.lemma_.lower() in ("government", "police", "military", "army")
    if low in ("he", "him", "his", "she", "her"):
        return subj.ent_type_ == "PERSON" or subj.lemma_.lower() in {"minister", "president", "spokesman",
                                                                        "spokeswoman", "leader", "official"}
    return False


def _natural_cause(verb: Token) -> bool:
    """Is the killing/destruction done by a disaster, disease or accident rather than by someone?"""
    subj, _ = subject_of(verb)
    cands = [subj] if subj is not None else []
    cands += prep_objects(verb, ("in", "by", "from", "during", "after"))
    for t in cands:
        for w in [t] + [c for c in t.children if c.dep_ == "compound"]:     # "Hurricane Maria"
            if w.lemma_.lower() in NATURAL_CAUSES or w.lower_ in NATURAL_CAUSES:
                return True
    return False


def _owner_of(thing: Token, lex: Lexicon, preps: tuple[str, ...] = ("by", "from", "of")) -> list[Token]:
    """Whose is the thing: "rejected *Iran's* proposal", "dismissed an appeal from *the president*"."""
    for ch in thing.children:
        if ch.dep_ == "poss":
            heads = role_heads(ch, lex)
            if heads:
                return heads
    for o in prep_objects(thing, preps):
        heads = role_heads(o, lex)
        if heads:
            return heads
    for ch in thing.children:                   # "a U.N. military presence", "French mediation"
        if ch.dep_ in ("compound", "amod") and ch.i < thing.i and ch.ent_type_ in ("GPE", "NORP", "ORG"):
            return [ch]
    for ch in thing.children:                   # "an Afghan government offer", "UNICEF operations"
        if ch.dep_ == "compound" and ch.i < thing.i and ch.i == thing.i - 1 and \
                (ch.ent_type_ or ch.pos_ == "PROPN" or ch.lemma_.lower() in lex.actor_nouns
                 and ch.lemma_.lower() not in VAGUE_OWNERS):
            heads = role_heads(ch, lex)
            if heads:
                return heads
    return []


#: participles that make their modifier the doer: "a *Saudi-led* strike", "a *Taliban-claimed* bombing"
DOER_PARTICIPLES = frozenset({"lead", "led", "back", "backed", "claim", "claimed", "sponsor", "sponsored",
                              "launch", "launched", "order", "ordered", "direct", "directed", "run", "fire", "fired"})


def _modifier_owners(mod: Token) -> list[Token]:
    """Named doers one level inside a noun's modifier: "a *U.S.* military airstrike" (a compound of the
    modifier), "a *Saudi*-led strike" (the participle's own modifier)."""
    doer = mod.lemma_.lower() in DOER_PARTICIPLES or mod.lower_ in DOER_PARTICIPLES
    if not doer and mod.lower_ not in ("military", "army", "air", "naval", "government", "police"):
        return []
    return [g for g in mod.children if g.i < mod.i and g.dep_ in ("compound", "npadvmod", "amod", "nmod", "poss")
            and g.ent_type_ in ("NORP", "GPE", "ORG")]


def _noun_roles(c: _Candidate, an: Lexicon) -> None:
    tok, e = c.tok, c.entry
    actors: list[Token] = []
    recips: list[Token] = []
    of_objs = prep_objects(tok, ("of",))
    for ch in tok.children:
        if ch.dep_ == "poss":
            if e.poss_recipient and not of_objs:
                recips.extend(role_heads(ch, an))
            else:
                actors.extend(role_heads(ch, an))
        elif ch.dep_ in ("amod", "compound", "nmod") and ch.ent_type_ in ("NORP", "GPE", "ORG") and ch.i < tok.i:
            actors.append(ch)
        elif ch.dep_ in ("amod", "compound") and ch.i < tok.i:
            actors.extend(_modifier_owners(ch))
    for o in prep_objects(tok, ("by",)):
        actors.extend(role_heads(o, an))
    for o in of_objs:
        (actors if e.of_actor else recips).extend(role_heads(o, an))
    for o in prep_objects(tok, ("between", "among")):
        # the parties of talks are its actors; those a mediator goes between are its recipients
        (recips if "between" in e.rpreps and not e.reciprocal else actors).extend(role_heads(o, an))
    for o in prep_objects(tok, tuple(r for r in e.rpreps if r not in ("of", "between"))):
        recips.extend(role_heads(o, an) or _owner_of(o, an, ("of",)))
        if not actors:                          # "an attack on a patrol by X": "by" hung on the target
            for ag in prep_objects(o, ("by",)):
                actors.extend(role_heads(ag, an))
    gov = _light_governor(tok)
    if gov is not None and tok.head.lower_ == "under":
        # "police placed him under arrest", "he was put under investigation"
        c.gov = gov
        subj, is_patient = subject_of(gov)
        if is_patient:
            recips.extend(role_heads(subj, an))
        else:
            if not actors:
                actors.extend(role_heads(subj, an))
            for ch in gov.children:
                if ch.dep_ in PASS_SUBJ:
                    recips.extend(role_heads(ch, an))
            recips.extend(role_heads(direct_object(gov), an))
    elif gov is not None:
        c.gov = gov
        subj, is_patient = subject_of(gov)
        if actors and not is_patient and all(a.pos_ == "PRON" and a.dep_ == "poss" for a in actors):
            named = role_heads(subj, an)        # "the rebels launched *their* offensive": the rebels
            if named and not all(h.pos_ == "PRON" for h in named):
                actors = named
        if not actors and not is_patient:
            actors.extend(role_heads(subj, an))
        if not actors and tok.dep_ == "nsubjpass":
            ag = agent_of(gov)
            if ag is not None:
                actors.extend(role_heads(ag, an))
        for o in prep_objects(gov, tuple(r for r in e.rpreps if r not in ("of", "dobj"))):
            recips.extend(role_heads(o, an))
    elif not actors and tok.dep_ == "pobj" and tok.head.lower_ in FRAME_PREPS \
            and tok.head.head.pos_ == "VERB":
        subj, is_patient = subject_of(tok.head.head)
        if not is_patient:
            actors.extend(role_heads(subj, an))
    if e.event == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ == "for" \
            and _lemma(tok.head.head) in VISIT_VERBS:
        # "arrived in Kyiv for talks with Zelenskiy": the traveller visits whoever the talks are with
        motion = tok.head.head
        subj, is_patient = subject_of(motion)
        visitors = [] if is_patient else role_heads(subj, an)
        if motion.dep_ == "relcl" and visitors:
            visitors = [motion.head]            # "Muizzu, who arrived for a state visit, and Modi": Muizzu
        if visitors:
            recips = [a for a in actors if all(a.i != v.i for v in visitors)] + recips
            actors = visitors
            c.mode = "visit"
    c.actors = actors
    c.recips = [r for r in recips if all(r.i != a.i for a in actors)]


DEAL_VERBS = frozenset({"broker", "mediate", "negotiate", "sign", "reach", "secure", "strike", "seal", "clinch",
                        "agree", "conclude"})
VISIT_VERBS = frozenset({"arrive", "travel", "fly", "come", "go", "head", "land", "visit", "be"})
#: causes of death and damage that are nobody's attack ("killed in a traffic accident", "the storm destroyed")
NATURAL_CAUSES = frozenset({
    "disease", "virus", "storm", "hurricane", "cyclone", "typhoon", "tornado", "flood", "flooding", "rain",
    "earthquake", "quake", "tsunami", "landslide", "mudslide", "avalanche", "accident", "crash", "collision",
    "fire", "blaze", "wildfire", "heat", "heatwave", "drought", "famine", "epidemic", "pandemic", "outbreak",
    "cholera", "ebola", "covid", "covid-19", "coronavirus", "malaria", "lightning", "stampede", "derailment",
    "illness", "cancer", "disaster", "eruption", "winds", "wind", "cold", "snow", "surge"})
#: rules and measures: what they "ban" or "bar" is their content, not an event by an actor
THING_SUBJECTS = frozenset({"measure", "rule", "law", "regulation", "decree", "bill", "legislation",
                            "provision", "amendment", "policy", "restriction", "sanction", "ban", "directive",
                            "guideline", "scheme", "programme", "program", "reform", "package", "clause"})
#: actor nouns too vague to own a thing ("a security checkpoint", "a peace plan")
VAGUE_OWNERS = frozenset({"security", "peace", "border", "state", "defence", "defense", "public", "aid",
                          "rescue", "health", "military", "army"})
FRAME_WORDS = frozenset({"according", "despite", "amid", "after", "before", "during", "since", "following",
                         "ahead", "under", "without", "because"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
FALLBACK_DEPS = frozenset({"pobj", "dobj", "nsubjpass", "dative", "attr", "appos", "conj", "npadvmod"})


def _fallback_recipients(c: _Candidate, lex: Lexicon) -> list[Token]:
    """No recipient in a role position: take the nearest actor-like phrase inside the event's clause
    ("agreed to lift the embargo on *Iran*", "arrived in *Amman* on a visit")."""
    if c.entry.reciprocal and len(c.actors) > 1:
        return []                               # "X and Y discussed ...": the parties are all there
    scope = c.gov if c.gov is not None else c.tok
    if c.is_noun and c.gov is None and c.tok.dep_ == "pobj" and c.tok.head.head.pos_ == "VERB":
        scope = c.tok.head.head
    taken: set[int] = set()
    for a in c.actors:                          # the actor's own modifiers ("a court *in Lyon*") too
        taken.update(range(a.left_edge.i, a.right_edge.i + 1))
    best: Token | None = None
    best_key = (9, 0)
    for ch in scope.children:                   # attribution and circumstance are not participants
        if ch.dep_ in ("prep", "advcl", "npadvmod") and ch.lower_ in FRAME_WORDS:
            taken.update(range(ch.left_edge.i, ch.right_edge.i + 1))
        elif ch.pos_ in ("VERB", "AUX") and ch.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass")
                                                                        for g in ch.children):
            # "pledged $25 million, and *a U.S. team delivered food*": a clause with its own subject
            taken.update(range(ch.left_edge.i, ch.right_edge.i + 1))
        elif ch.pos_ in ("VERB", "AUX") and ch.dep_ == "advcl" and ch.tag_ == "VBG" and ch.i > c.tok.i:
            # a trailing participle clause has its own participants ("rejected the demand, *saying the case
            # was a matter for the courts*")
            taken.update(range(ch.left_edge.i, ch.right_edge.i + 1))
    for t in scope.subtree:
        if t.i in taken or t.i == c.tok.i or t.dep_ not in FALLBACK_DEPS:
            continue
        if t.dep_ == "conj" and t.pos_ not in ("PROPN",):
            continue
        if t.dep_ == "npadvmod" and t.ent_type_ not in ("GPE", "ORG", "NORP"):
            continue
        if not is_actorish(t, lex.actor_nouns, lex.event_nouns) or t.pos_ == "PRON" or t.pos_ == "NUM":
            continue
        named = t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.pos_ == "PROPN"
        # a place in a locative phrase ("a raid on a site *in Georgia*") is where, not whom: the last resort
        where = t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS and t.ent_type_ in ("GPE", "LOC", "FAC")
        key = (2 if where else 0 if named else 1, abs(t.i - c.tok.i))
        if best is None or key < best_key:
            best, best_key = t, key
    if best is None or in_dateline(best):
        return []
    return role_heads(best, lex) or [best]


#: setting up a body whose purpose clause is an investigation ("formed a committee to investigate")
INSTITUTING_VERBS = frozenset({"establish", "set", "form", "appoint", "create", "launch", "name", "constitute",
                               "convene", "task"})


def _motion_purpose(tok: Token, verbs: frozenset[str] = MOTION_VERBS) -> Token | None:
    """The sending/going verb whose purpose clause holds ``tok``: "sent a team to Alabama to *investigate*",
    "troops arrived to help *deliver* aid"."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head == cur:
            return None
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ in ("advcl", "xcomp") and to_inf and _lemma(head) in verbs:
            return head
        if cur.dep_ in ("acl", "relcl") and to_inf and head.dep_ == "dobj" and _lemma(head.head) in verbs:
            return head.head
        if cur.dep_ not in ("xcomp", "conj"):
            return None
        cur = head
    return None


OFFER_WORDS = frozenset({"willing", "ready", "prepared", "eager", "offer", "prepare"})


def _offered(tok: Token) -> bool:
    """Is the act offered ("is willing / ready / prepared to withdraw", "offered to release")?"""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in OFFER_WORDS or cur.lower_ in OFFER_WORDS:
            return True
    return False


def _released_thing(c: _Candidate, lex: Lexicon) -> bool:
    """"Video released by the Philippine side", "released a statement": releasing a thing is not freeing anyone."""
    if c.event != "RETREAT" or c.mode != "release" or c.entry.objs or c.entry.lemma not in ("release", "free"):
        return False
    tok = c.tok
    if c.is_noun:
        things = prep_objects(tok, ("of",))
    else:
        things = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
        if not things and tok.dep_ == "acl" and tok.tag_ == "VBN":
            things = [tok.head]
    return bool(things) and all(t.lemma_.lower() in PUBLISHED_THINGS for t in things)


#: what is "released" by publishing it, not by letting it go
PUBLISHED_THINGS = frozenset({
    "video", "footage", "statement", "report", "data", "figure", "photo", "photograph", "image", "picture",
    "document", "detail", "finding", "list", "result", "recording", "transcript", "name", "information", "book",
    "album", "film", "song", "version", "update", "forecast", "communique", "audio", "clip", "poll", "survey",
    "study", "memo", "letter", "text", "summary", "estimate", "statistic", "record", "file", "evidence"})


#: words of material acts whose habitual mention is background
MATERIAL_LEMMAS = frozenset({"attack", "bombing", "bomb", "storm", "raid", "strike", "kill", "kidnap", "abduct",
                             "abduction", "kidnapping", "shell", "shelling", "arrest", "detain", "detention", "seize",
                             "clash", "fire", "shoot", "ambush", "assault", "airstrike", "protest", "rally",
                             "demonstration", "riot", "march", "execute", "torture", "beat", "loot", "burn"})
def _described_role(tok: Token) -> bool:
    """A standing role told in a present-tense relative clause, not an event: "Malaysia, *which facilitates
    talks* between Bangkok and the rebels", "a group that supplies arms to"."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return verb.pos_ == "VERB" and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)


def _cumulative_toll(tok: Token) -> bool:
    """A running toll, not an event: "more than 7,000 people have been killed since the insurgency flared"."""
    if tok.lemma_.lower() not in ("kill", "wound", "injure", "displace", "die") or tok.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return False                            # "Predator attacks have killed eight leaders since July": attacks
    return any(c.lower_ == "since" and c.dep_ in ("prep", "mark") or c.dep_ == "advcl" and any(
        g.lower_ == "since" for g in c.children) for c in tok.children)


#: heads of rescuers: state forces freeing hostages held by someone else rescue them (PLOVER AID)
RESCUERS = frozenset({"troop", "soldier", "army", "police", "commando", "military", "marine", "navy",
                      "policeman", "paratrooper"})


def _rescue(c: _Candidate) -> None:
    """"Troops freed 11 hostages held by an armed group": a rescue (AID), not the captors' release."""
    if c.event != "RETREAT" or c.mode != "release" or c.is_noun:
        return
    if any(a.lemma_.lower() in RESCUERS for a in c.actors):
        c.event, c.mode, c.cameo = "AID", None, "070"


def _plain_response(c: _Candidate) -> bool:
    """"Responded to questions" is no attack; only a vowed response ("would respond firmly": a threat) or a
    response with force ("responded with tear gas") is."""
    if c.entry.lemma != "respond" or c.minfo.modality != ASSERTED:
        return False
    return not any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in c.tok.children)


HABITUAL_WORDS = frozenset({"frequent", "repeated", "regular", "frequently", "repeatedly", "regularly", "often",
                            "routinely", "habitually"})


def _habitual(tok: Token) -> bool:
    """A habit, not an event: "has staged frequent bombings", "have stormed U.N. offices several times"
    (material acts only: "has repeatedly refused" is still a refusal on record)."""
    if _lemma(tok) not in MATERIAL_LEMMAS and tok.lemma_.lower() not in MATERIAL_LEMMAS:
        return False
    if tok.pos_ == "NOUN" and any(ch.lower_ in HABITUAL_WORDS and ch.dep_ == "amod" for ch in tok.children):
        return True
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if not any(ch.dep_ == "aux" and ch.lemma_ == "have" for ch in verb.children):
        return False                            # "soldiers routinely beat detainees" is itself the news
    for ch in verb.children:
        if ch.lower_ in HABITUAL_WORDS and ch.dep_ == "advmod":
            return True
        if ch.dep_ == "prep" and ch.lower_ in ("in", "over") and any(
                g.lemma_.lower() in ("year", "month", "decade") and g.tag_ == "NNS" and any(
                    m.lower_ in ("recent", "past", "last") for m in g.children) for g in ch.children):
            return True                         # "has seized several vessels *in recent years*"
        if ch.dep_ == "dobj" and ch.tag_ == "NNS" and any(
                m.lower_ in ("several", "many", "numerous", "dozens", "hundreds", "scores") for m in ch.children):
            return True                         # "has seized *several* foreign vessels"
        if ch.lower_ == "times" and ch.dep_ in ("npadvmod", "dobj", "advmod") and any(
                g.lower_ in ("several", "many", "multiple", "numerous", "countless") for g in ch.children):
            return True
    return tok.pos_ == "NOUN" and verb.pos_ == "VERB" and any(
        ch.lower_ in HABITUAL_WORDS for ch in verb.children if ch.dep_ == "advmod")


def _natural_warning(c: _Candidate) -> bool:
    """"Forecasters warned that a storm could strengthen": a warning about nature threatens nobody."""
    if c.event != "THREATEN" or c.is_noun:
        return False
    for ch in c.tok.children:
        if ch.dep_ == "ccomp":
            who, _ = subject_of(ch)
            return who is not None and who.lemma_.lower() in NATURAL_CAUSES
        if ch.dep_ == "prep" and ch.lower_ in ("of", "about"):
            return any(g.lemma_.lower() in NATURAL_CAUSES for g in ch.children if g.dep_ == "pobj")
    return False


#: actor nouns that are property when seized (places and vehicles)
SEIZED_PROPERTY = frozenset({"power", "territory", "town", "city", "village", "region", "district", "capital",
                             "province", "colony", "vessel", "ship", "tanker", "boat", "aircraft", "jet", "drone",
                             "helicopter", "tank", "warship", "truck", "plane", "vehicle", "bulldozer"})
#: heads of actors that seize people lawfully (an arrest); anyone else seizing people abducts them
STATE_SEIZERS = frozenset({"police", "policeman", "officer", "authority", "force", "troop", "soldier", "army",
                           "agent", "guard", "security", "military", "government", "service", "ministry",
                           "prosecutor", "court", "gendarme", "navy", "coastguard"})


def _seized_people(c: _Candidate, lex: Lexicon) -> None:
    """COERCE `seize` of people: an arrest by state forces, an abduction by anyone else ("the men were
    seized by fighters on motorcycles")."""
    if c.event != "COERCE" or c.mode != "seize" or c.is_noun or not c.recips:
        return
    if not all(r.pos_ == "PRON" or r.ent_type_ in ("PERSON", "NORP") or r.lemma_.lower() in lex.actor_nouns
               and r.lemma_.lower() not in SEIZED_PROPERTY for r in c.recips):
        return
    if any(r.ent_type_ == "GPE" for r in c.recips):
        return
    state = any(a.lemma_.lower() in STATE_SEIZERS or a.ent_type_ in ("GPE", "NORP") for a in c.actors)
    c.event, c.mode, c.cameo = ("COERCE", "arrest", "173") if state else ("ASSAULT", "abduct", "181")


#: verbs and nouns of openly weighing an option ("is considering sanctions", "raised the possibility of a ban")
CONSIDER_VERBS = frozenset({"consider", "mull", "weigh", "contemplate", "study", "discuss", "debate"})
OPTION_NOUNS = frozenset({"possibility", "option", "prospect"})


def _considered(tok: Token) -> bool:
    """Is the act an option its subject is openly weighing ("considering *banning*", "the possibility of
    *sanctions*")?  Only a weigher that is itself asserted counts ("did not consider" does not)."""
    head = tok.head
    weigher = None
    if tok.dep_ in ("xcomp", "dobj") and _lemma(head) in CONSIDER_VERBS - {"study", "discuss", "debate"}:
        weigher = head
    elif tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ == "of" \
            and head.head.lemma_.lower() in OPTION_NOUNS:
        weigher = head.head
        while weigher.dep_ in ("dobj", "pobj", "prep", "attr") and weigher.head != weigher \
                and weigher.head.pos_ in ("VERB", "AUX", "ADP"):
            weigher = weigher.head
            if weigher.pos_ in ("VERB", "AUX"):
                break
    if weigher is None or weigher.pos_ not in ("VERB", "AUX"):
        return False
    return modality_of(weigher, {}).modality == ASSERTED


#: verbs whose "for" phrase gives the reason, not another event ("thanked X for its support")
REASON_VERBS = frozenset({"thank", "praise", "commend", "hail", "congratulate", "laud", "credit", "criticize",
                          "criticise", "condemn", "blame", "fault", "punish", "reward", "apologize", "apologise",
                          "honour", "honor", "sanction", "fine", "arrest", "detain", "jail", "sentence"})
#: what an authority orders done to someone is that act ("a court ordered them held", "ordered the diplomats
#: to leave the country")
ORDERED_HOLD = frozenset({"hold", "detain", "jail", "imprison", "remand", "arrest", "keep"})
ORDERED_LEAVE = frozenset({"leave", "depart", "quit", "exit"})
DIPLOMATIC_NOUNS = frozenset({"diplomat", "ambassador", "envoy", "attache", "consul", "embassy", "staff",
                              "employee", "official"})


def _ordered_act(c: _Candidate, lex: Lexicon) -> None:
    comp = next((ch for ch in c.tok.children if ch.dep_ in ("xcomp", "ccomp", "oprd") and ch.pos_ == "VERB"), None)
    if comp is None:
        # "ordered the journalists held" parsed as a participle on the object
        obj = direct_object(c.tok)
        comp = next((ch for ch in obj.children if ch.dep_ == "acl" and ch.tag_ == "VBN"), None) if obj else None
    if comp is None:
        return
    lem = comp.lemma_.lower()
    if lem in ORDERED_HOLD:
        c.event, c.mode, c.cameo = "COERCE", "arrest", "173"
    elif lem in ORDERED_LEAVE:
        heads = c.recips or role_heads(direct_object(c.tok), lex)
        diplomats = any(h.lemma_.lower() in DIPLOMATIC_NOUNS or any(
            g.lemma_.lower() in DIPLOMATIC_NOUNS for g in h.subtree) for h in heads)
        c.event, c.mode, c.cameo = ("SANCTION", "expel", "166") if diplomats else ("COERCE", "deport", "174")
    else:
        return
    if not c.recips:
        c.recips = [r for r in role_heads(direct_object(c.tok), lex) or role_heads(subject_of(comp)[0], lex)
                    if all(r.i != a.i for a in c.actors)]


PLOT_VERBS = frozenset({"plan", "prepare", "plot", "intend", "conspire", "aim", "try", "attempt", "seek"})


def _past_plan(tok: Token) -> bool:
    """Is the act the object of a plan someone had ("were planning attacks", "had plotted to bomb"), rather
    than of one announced to its target ("plans to impose", "will strike")?"""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "dobj", "pobj", "prep") or cur.head == cur:
            return False
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in PLOT_VERBS:
            return cur.tag_ in ("VBG", "VBD", "VBN")
    return False


def _retype(c: _Candidate) -> None:
    m = c.minfo.modality
    c.modality = m
    if m == NEGATED and c.minfo.governor is None and c.event in COOP4 and any(
            ch.dep_ == "aux" and ch.lower_ in ("will", "wo", "would", "shall") for ch in c.tok.children):
        # "will not meet", "said he would not provide support": a refusal
        c.event, c.mode, c.modality = "REJECT", REFUSED_MODE[c.event], ASSERTED
        c.cameo = "125" if c.mode == "meet" else "120"
        return
    if m == NEGATED and c.minfo.governor is None and c.event in ("CONCEDE", "RETREAT") and any(
            ch.dep_ == "aux" and ch.lower_ in ("will", "wo", "would", "shall") for ch in c.tok.children):
        # "will not lift the ban", "won't release the hostages": a refusal to yield
        c.event, c.mode, c.cameo, c.modality = "REJECT", "yield", "120", ASSERTED
        return
    if m == NEGATED and c.minfo.governor is None and c.event == "AGREE":
        # "will not accept", "failed to reach agreement": a refusal
        c.event, c.mode, c.cameo, c.modality = "REJECT", None, "120", ASSERTED
        return
    if m == FUTURE and c.minfo.governor is None and (
            c.event in THREAT_TYPES or c.event == "REJECT" or c.event == "RETREAT" and c.mode == "withdraw") and any(
            ch.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in ch.children)
            for ch in c.tok.children):
        # "will withdraw its force unless ...", "will boycott the vote unless ...": an ultimatum
        if not c.recips:                        # addressed to whoever the condition is on
            cond = next(ch for ch in c.tok.children if ch.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ == "unless" for g in ch.children))
            who, _ = subject_of(cond)
            if who is not None:
                c.recips = [r for r in role_heads(who, load_lexicon()) if all(r.i != a.i for a in c.actors)]
        mode = _threat_mode(c.event, c.mode) if c.event in THREAT_TYPES else "relations"
        c.event, c.mode, c.modality = "THREATEN", mode, ASSERTED
        c.cameo = THREAT_CAMEO.get(mode or "", "130")
        return
    if m == HYPOTHETICAL and c.minfo.governor is None and c.event in THREAT_TYPES and _considered(c.tok):
        # "is considering imposing sanctions", "raised the possibility of banning the party": an announced
        # option of a conflictual act is a (veiled) threat, never the act itself
        mode = _threat_mode(c.event, c.mode)
        c.event, c.mode, c.modality = "THREATEN", mode, ASSERTED
        c.cameo = THREAT_CAMEO.get(mode or "", "130")
        return
    if m == FUTURE and c.minfo.governor is None and c.event in ("RETREAT", "CONCEDE") and _offered(c.tok):
        # "is willing to withdraw", "is prepared to lift the ban": an offer (PLOVER AGREE)
        c.event, c.mode, c.cameo, c.modality = "AGREE", None, "030", ASSERTED
        return
    if m == FUTURE and c.minfo.governor is None:
        if c.event in COOP4:
            c.cameo = AGREE_CAMEO[c.event]
            c.event, c.mode, c.modality = "AGREE", None, ASSERTED
        elif c.event == "CONCEDE":
            c.modality = ASSERTED                   # announcing a concession is the (verbal) concession
        elif c.event == "RETREAT":
            # an announced retreat: CAMEO's "express intent to yield" codes
            c.cameo = {"release": "0353", "withdraw": "0356", "disarm": "0356", "ceasefire": "0356",
                       "access": "0355"}.get(c.mode or "", "035")
            c.event, c.mode, c.modality = "CONCEDE", None, ASSERTED
        elif c.event == "PROTEST" and c.mode in (None, "demo", "strike", "hunger") and c.is_noun or \
                c.event == "PROTEST" and _lemma(c.tok) in ("rally", "march", "demonstrate", "protest"):
            pass                                    # "would hold another rally on Tuesday": a plan, not a threat
        elif c.event in THREAT_TYPES and _past_plan(c.tok):
            pass                                    # "the men were planning attacks": a plot, not a threat made
        elif c.event == "MOBILIZE":
            pass                                    # "would deploy more troops on the border": a plan, no threat
        elif c.event in THREAT_TYPES:
            # "said they would boycott", "will impose sanctions": an announced conflictual act is a threat
            mode = _threat_mode(c.event, c.mode)
            c.event, c.mode, c.modality = "THREATEN", mode, ASSERTED
            c.cameo = THREAT_CAMEO.get(mode or "", "130")


#: agreeing and promising verbs whose embedded concession is itself the concession (offers stay AGREE)
CONCEDING_LEMMAS = frozenset({"agree", "promise", "pledge", "vow", "commit", "consent", "undertake", "swear"})
#: nouns naming a concession as the content of an agreement ("agreed to concessions")
CONCESSION_CONTENT = frozenset({"concession", "compromise", "amnesty", "pardon", "demand"})


def _concession_object(tok: Token) -> bool:
    """Is the content of the agreement a concession noun ("agreed to *concessions*", "accepted ... demands")?"""
    for ch in tok.children:
        if ch.dep_ == "dobj" and ch.lemma_.lower() in CONCESSION_CONTENT - {"demand"}:
            return True
        if ch.dep_ == "prep" and ch.lower_ in ("to", "on"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in CONCESSION_CONTENT for g in ch.children):
                return True
    return False


def _embedded_modes(cands: list[_Candidate], lex: Lexicon) -> None:
    by_gov: dict[int, _Candidate] = {}
    for c in cands:
        if c.minfo.governor is not None:
            by_gov.setdefault(c.minfo.governor.i, c)
    for c in cands:
        if not c.entry.embed:
            continue
        inner = by_gov.get(c.tok.i)
        if inner is not None and not c.recips:
            c.recips = [r for r in inner.recips if all(r.i != a.i for a in c.actors)]
        if c.event == "AGREE" and inner is not None and inner.event in THREAT_TYPES \
                and c.entry.lemma in PROMISE_LEMMAS and c.modality == ASSERTED:
            # "vowed to boycott the vote", "pledged to retaliate": a promised conflictual act is a threat
            mode = _threat_mode(inner.event, inner.mode)
            c.event, c.mode, c.cameo = "THREATEN", mode, THREAT_CAMEO.get(mode or "", "130")
            continue
        if c.event == "AGREE" and c.modality == ASSERTED and c.entry.lemma in CONCEDING_LEMMAS and (
                (inner is not None and inner.event == "CONCEDE") or _concession_object(c.tok)):
            # "agreed to lift the curfew", "promised to ease restrictions": a promise of a concession is the
            # (verbal) concession itself (PLOVER CONCEDE, like "will lift"), kept beside the agreement that
            # CAMEO-derived sets code; "agreed to concessions" is the concession; a promised material retreat
            # ("agreed to withdraw") stays AGREE with a future RETREAT
            if inner is not None and inner.event == "CONCEDE":
                if inner.minfo.governor is not None and inner.minfo.governor.i == c.tok.i \
                        and inner.modality in (FUTURE, HYPOTHETICAL):   # not "agreed *not* to lift"
                    inner.modality = ASSERTED
            else:
                c.event, c.mode, c.cameo = "CONCEDE", None, "080"
            continue
        if c.event == "REQUEST" and c.entry.lemma == "seek" and inner is not None \
                and inner.tok.dep_ == "xcomp" and inner.event in COOP4:
            c.event, c.mode, c.cameo = "AGREE", None, AGREE_CAMEO[inner.event]
            continue
        if c.event not in ("THREATEN", "REQUEST", "REJECT"):
            continue
        if c.event == "THREATEN":
            mode = None
            if inner is not None:
                if inner.event == "SANCTION" and inner.mode == "expel":
                    mode = "expel"
                elif inner.event == "SANCTION" and inner.mode in ("discontinue", "withdraw"):
                    mode = "relations"
                elif inner.event == "COERCE" and inner.mode == "arrest":
                    mode = "arrest"
                else:
                    mode = THREAT_MODE_BY_TYPE.get(inner.event)
            mode = mode or threat_mode(c.tok)
            c.mode = mode
            c.cameo = THREAT_CAMEO.get(mode or "", c.cameo)
        elif c.mode is None:
            if inner is not None:
                kind = inner.event
            else:                               # a mis-tagged complement ("demanded that he resign")
                comp = next((ch for ch in c.tok.children if ch.dep_ in ("ccomp", "xcomp")), None)
                entries = lex.verbs.get(_lemma(comp)) if comp is not None else None
                kind = entries[-1].event if entries else None
            if kind is None:
                continue
            c.mode = ASK_MODE_BY_TYPE.get(kind, "change")
            if c.event == "REJECT" and c.mode == "meet":
                c.cameo = "125"


SPEECH_VERBS = frozenset({"say", "tell", "declare", "insist", "state", "announce", "conclude", "add",
                          "warn", "stress", "write", "argue", "maintain"})


def _demands(sent: Span, lex: Lexicon, cands: dict[int, _Candidate]) -> list[_Candidate]:
    """"X said Y must / should do Z" is X's REQUEST to Y (mode from what is demanded)."""
    out: list[_Candidate] = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.pos_ not in ("VERB", "AUX") or _lemma(tok.head) not in SPEECH_VERBS:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in MUST_AUX for c in tok.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        actors, recips = _speaker_and_subject(tok, lex)
        if not actors or not recips:
            continue
        inner = cands.get(tok.i)
        entry = Trigger(lemma=tok.lemma_.lower(), pos="V", part=None, objs=frozenset(), event="REQUEST",
                        mode=ASK_MODE_BY_TYPE.get(inner.event, "change") if inner else "change",
                        cameo="100", rpreps=())
        c = _Candidate(tok, entry, False)
        c.actors, c.recips = actors, recips
        out.append(c)
    return out


def _speaker_and_subject(clause: Token, lex: Lexicon) -> tuple[list[Token], list[Token]]:
    """For a reported clause: the speaker's role heads (none when the speech verb is passive) and the clause
    subject's, without the speaker ("X said *Y* must ...", "X said *Y* was behind ...")."""
    speaker, patient = subject_of(clause.head)
    subject, _ = subject_of(clause)
    actors = [] if patient else role_heads(speaker, lex)
    return actors, [r for r in role_heads(subject, lex) if all(r.i != a.i for a in actors)]


BLAME_WORDS = frozenset({"responsible", "culpable", "guilty", "to blame"})


def _blames(sent: Span, lex: Lexicon) -> list[_Candidate]:
    """"X said Y was responsible for / behind the attack" is X's ACCUSE of Y (mode allege)."""
    out: list[_Candidate] = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.lemma_ != "be" or _lemma(tok.head) not in SPEECH_VERBS | {"believe",
                                                                                                "suspect"}:
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would") for c in tok.children):
            continue
        blamed = any(c.dep_ == "acomp" and c.lower_ in BLAME_WORDS for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ == "behind" for c in tok.children)
        if not blamed:
            continue
        actors, recips = _speaker_and_subject(tok, lex)
        if not actors or not recips:
            continue
        entry = Trigger(lemma="be", pos="V", part=None, objs=frozenset(), event="ACCUSE", mode="allege",
                        cameo="112", rpreps=())
        c = _Candidate(tok, entry, False)
        c.actors, c.recips = actors, recips
        out.append(c)
    return out


def _merge_relative_clauses(kept: list[_Candidate]) -> None:
    """"Soldiers were killed by militants who attacked a checkpoint": the militants' attack is one event."""
    for c in list(kept):
        if c.is_noun or c.tok.dep_ != "relcl":
            continue
        for other in kept:
            if other is not c and other.event == c.event and other.modality == c.modality and any(
                    a.i == c.tok.head.i for a in other.actors):
                other.recips = other.recips + [r for r in c.recips if all(r.i != x.i for x in other.recips)
                                               and all(r.i != a.i for a in other.actors)]
                kept.remove(c)
                break


def _conjoined_partners(kept: list[_Candidate]) -> None:
    """"X spoke with Y and offered to host talks": the offer is made to the partner of the meeting."""
    by_tok = {c.tok.i: c for c in kept}
    for c in kept:
        if c.recips or c.is_noun or c.tok.dep_ != "conj" or c.event not in ("AGREE", "REQUEST", "SUPPORT",
                                                                               "REJECT", "ACCUSE"):
            continue
        meet = by_tok.get(c.tok.head.i)
        if meet is None or meet.event != "CONSULT":
            continue
        mine = {a.i for a in c.actors}
        c.recips = [p for p in meet.actors + meet.recips if p.i not in mine]


def _merge_when_clauses(kept: list[_Candidate]) -> None:
    """"Six soldiers were killed when militants attacked a checkpoint": one attack, by the militants."""
    by_tok = {c.tok.i: c for c in kept}
    for c in list(kept):
        if c.is_noun or c.actors:
            continue
        for ch in c.tok.children:
            inner = by_tok.get(ch.i)
            if ch.dep_ == "advcl" and inner is not None and inner.event == c.event and inner.actors \
                    and inner.modality == c.modality and any(m.dep_ in ("mark", "advmod") and m.lower_ in
                                                             ("when", "as", "after") for m in ch.children):
                c.actors = inner.actors
                c.recips = c.recips + [r for r in inner.recips if all(r.i != x.i for x in c.recips)]
                if inner in kept:
                    kept.remove(inner)
                break


def _sentence_events(sent: Span, lex: Lexicon,
                     anaphors: list[tuple[Mention, Token, list[Span]]] | None = None) -> list[Mention]:
    an = lex
    cands: list[_Candidate] = []
    objs: dict[int, Token | None] = {}
    consumed: set[int] = set()
    nouns: list[tuple[Token, tuple[Trigger, ...]]] = []
    for tok in sent:
        pos = tok.pos_
        if pos == "VERB" and tok.dep_ != "amod" and not _casualty_tally(tok):
            entries = lex.verbs.get(_lemma(tok))
            if entries:
                e, obj = _verb_entry(tok, entries)
                if e is not None and e.event == "RETREAT" and e.mode == "withdraw" and _leaves_a_body(tok):
                    # "withdrew from the treaty", "pulled out of the alliance": reducing relations, not a retreat
                    e = replace(e, event="SANCTION", mode="withdraw", cameo="161", rpreps=("from", "of"))
                if e is not None:
                    cands.append(_Candidate(tok, e, False))
                    objs[tok.i] = obj
                    if obj is not None:
                        consumed.add(obj.i)
        elif pos in ("NOUN", "PROPN"):
            joined = _joined(tok)
            entries = (joined and lex.nouns.get(joined)) or lex.nouns.get(tok.lemma_.lower()) \
                or lex.nouns.get(tok.lower_)
            if entries:
                nouns.append((tok, entries))
    for tok, entries in list(nouns):
        shell = tok.head
        if tok.dep_ == "compound" and shell.lemma_.lower() in SHELL_NOUNS and shell.i not in consumed \
                and not lex.nouns.get(shell.lemma_.lower()) and shell.pos_ == "NOUN":
            nouns.append((shell, entries))              # "a mediation effort between X and Y"
    for tok, entries in nouns:
        if tok.i in consumed or tok.dep_ == "compound":     # "riot police", "aid workers"
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and _lemma(tok.head.head) in REASON_VERBS:
            continue                                    # "thanked Washington *for its support*": the reason
        e = _noun_entry(tok, entries)
        if e is not None and e.event == "RETREAT" and e.mode == "ceasefire" and tok.dep_ in ("dobj", "pobj") \
                and _lemma(tok.head if tok.dep_ == "dobj" else tok.head.head) in DEAL_VERBS:
            # "brokered / signed / reached a ceasefire between X and Y": the parties' agreement
            e = replace(e, event="AGREE", mode=None, cameo="030", reciprocal=True)
        if e is not None:
            cands.append(_Candidate(tok, e, True))
    demands = _demands(sent, lex, {c.tok.i: c for c in cands}) + _blames(sent, lex)
    if not cands and not demands:
        return []
    by_tok = {c.tok.i: c for c in cands}
    entries_by_tok = {c.tok.i: c.entry for c in cands}
    kept: list[_Candidate] = []
    cands.sort(key=lambda c: not c.is_noun)          # nouns first: verbs may point at their roles
    for c in cands:
        if c.is_noun:
            _noun_roles(c, an)
        else:
            _verb_roles(c, objs.get(c.tok.i), an)
        if not c.is_noun and not c.recips:
            # "condemned the attack by X" / "X's arrest of Y was condemned": the recipient is the doer
            things = [ch for ch in c.tok.children if ch.dep_ in ("dobj", "nsubjpass")]
            things += prep_objects(c.tok, ("over", "about", "for", "against", "on"))
            for ch in things:
                inner = by_tok.get(ch.i)
                if inner is not None and inner.is_noun and inner.actors \
                        and c.event in ("ACCUSE", "SUPPORT", "REJECT", "REQUEST"):
                    c.recips = [a for a in inner.actors if all(a.i != x.i for x in c.actors)]
                    break
        if c.subj_event is not None and c.subj_event.i in by_tok:
            inner = by_tok[c.subj_event.i]
            c.actors = [a for a in inner.actors if all(a.i != r.i for r in c.recips)]
            if inner.event == c.event and inner in kept:
                # "Israeli air strikes on Gaza killed ten people": one attack, not two
                kept.remove(inner)
                c.recips = inner.recips + [r for r in c.recips if all(r.i != x.i for x in inner.recips)]
                if inner.mode is not None:
                    c.mode, c.cameo = inner.mode, inner.cameo
        if not c.is_noun and not c.actors and c.event == "ASSAULT":
            # "was killed in an Israeli air strike", "died in an attack by militants": the attack's doer
            for o in prep_objects(c.tok, ("in", "during")):
                inner = by_tok.get(o.i)
                if inner is not None and inner.is_noun and inner.event == "ASSAULT" and inner.actors:
                    c.actors = [a for a in inner.actors if all(a.i != r.i for r in c.recips)]
                    c.recips = c.recips + [r for r in inner.recips if all(r.i != x.i for x in c.recips)]
                    if inner in kept:
                        kept.remove(inner)
                    if inner.mode is not None and c.mode is None:
                        c.mode, c.cameo = inner.mode, inner.cameo
                    break
        if c.event == "ASSAULT" and not c.is_noun and not c.recips and _lemma(c.tok) in ("fire", "launch") and any(
                ch.dep_ == "dobj" and ch.lemma_.lower() in MISSILE_WORDS for ch in c.tok.children):
            # "fired two ballistic missiles into the sea": a show of force (a test), not an attack on anyone
            c.event, c.mode, c.cameo = "MOBILIZE", "weapons", "152"
        if c.entry.weak and not c.actors and not c.recips and not _happening(c):
            continue
        if c.is_noun and c.gov is None and not c.actors and not c.recips and _content_of_embed(c.tok, entries_by_tok):
            continue                                # "agreed to a ceasefire", "demanded a truce": the content only
        if c.subj_event is not None and not c.actors and c.subj_event.lemma_.lower() in THING_SUBJECTS:
            continue                                # "the measures bar them from ...": a thing, not an actor
        if c.event == "ASSAULT" and not c.is_noun and _natural_cause(c.tok):
            continue                                # "killed in a traffic accident", "cholera has killed"
        if not c.is_noun and not c.actors and c.tok.tag_ == "VBN" and (
                (c.entry.weak and c.event == "ASSAULT" and any(ch.dep_ == "auxpass" for ch in c.tok.children))
                or (c.event == "ACCUSE" and c.tok.dep_ == "acl")):
            # "12 officers were injured" (by whom?), "companies accused of ...": background, not an event
            continue
        if c.event == "MOBILIZE" and c.is_noun and c.entry.lemma in ("exercise", "drill", "wargame") \
                and len(c.actors) > 1:
            # "French and Egyptian warships launched war games": several parties exercise together
            c.event, c.mode, c.cameo = "COOPERATE", None, "062"
        if c.event == "CONSULT" and c.entry.lemma == "receive" and not c.is_noun:
            thing = direct_object(c.tok)            # "received weapons/assurances from X" is no visit
            if thing is not None and not is_actorish(thing, an.actor_nouns, an.event_nouns):
                continue
        c.minfo = modality_of(c.gov if c.gov is not None else c.tok, entries_by_tok)
        if c.is_noun and c.gov is None and c.minfo.modality == ASSERTED and c.tok.dep_ in ("nsubj", "nsubjpass") \
                and c.tok.head.pos_ in ("VERB", "AUX"):
            # "if joint drills went ahead", "the talks will resume": the predicate's modality
            pred = modality_of(c.tok.head, {})
            if pred.modality != ASSERTED:
                c.minfo = pred
        if c.gov is not None and c.minfo.modality == ASSERTED:
            own = modality_of(c.tok, entries_by_tok)
            if own.modality != ASSERTED and not (own.modality != NEGATED and _lemma(c.gov) in EXECUTE_VERBS):
                c.minfo = own           # ("launched its long-planned offensive" did happen)
        if c.minfo.modality == HYPOTHETICAL and not c.is_noun and (
                c.event in PURPOSE_TYPES or c.mode == "investigate"):
            mover = _motion_purpose(c.tok)
            if mover is None and c.mode == "investigate":
                mover = _motion_purpose(c.tok, INSTITUTING_VERBS)
            if mover is not None and modality_of(mover, {}).modality == ASSERTED:
                # the mission was sent: its (cooperative, investigative) purpose is under way
                c.minfo = ModalityInfo(ASSERTED)
                if not c.actors:
                    subj, is_patient = subject_of(mover)
                    if not is_patient:
                        c.actors = [a for a in role_heads(subj, an) if all(a.i != r.i for r in c.recips)]
        if _released_thing(c, an) or _habitual(c.tok) or _natural_warning(c) or _plain_response(c) \
                or _described_role(c.tok) or _cumulative_toll(c.tok):
            continue
        _rescue(c)
        _seized_people(c, an)
        if c.event == "ASSAULT" and c.mode is None:
            c.mode = assault_mode(c.tok, sent)
        _retype(c)
        kept.append(c)
    _embedded_modes(kept, lex)
    _merge_when_clauses(kept)
    _merge_relative_clauses(kept)
    _merge_conjoined_verbs(kept)
    _conjoined_partners(kept)
    kept.extend(demands)
    pending: dict[int, tuple[Token, list[Token]]] = {}
    for c in kept:
        if not c.recips and not c.is_noun and c.event in ("ACCUSE", "REJECT", "SUPPORT"):
            # "lodged a protest over a post *by a Chinese diplomat*", "criticised *Iranian* remarks": the
            # author of the thing complained about
            for host in (c.tok, objs.get(c.tok.i)):
                if host is None:
                    continue
                for o in prep_objects(host, ("over", "about", "against", "at")):
                    owners = [h for h in _owner_of(o, an, ("by", "from")) if all(h.i != a.i for a in c.actors)]
                    if owners and not is_actorish(o, an.actor_nouns, an.event_nouns):
                        c.recips = owners
                        break
                if c.recips:
                    break
        if not c.recips:
            noun = _anaphoric_object(c, an) if anaphors is not None else None
            if noun is not None:
                # resolved against earlier mentions by find_events, else the clause fallback
                pending[c.tok.i] = (noun, _fallback_recipients(c, an))
                continue
            c.recips = _fallback_recipients(c, an)
            c.loose = bool(c.recips)
    for c in kept:
        if c.event == "REQUEST" and _lemma(c.tok) == "order":
            _ordered_act(c, an)
        if c.event == "REQUEST" and c.recips:
            # "demanded access to citizens *detained by U.S. agents*": the demand is on whoever holds them
            holder = next((o for o in kept if o is not c and o.event in ("COERCE", "ASSAULT") and o.actors
                           and any(r.i == p.i for r in c.recips for p in o.recips)), None)
            if holder is not None and all(a.i != r.i for a in c.actors for r in holder.actors):
                c.recips = list(holder.actors)
        if c.event == "REQUEST" and c.recips:
            # "demanded the release of *the president*": the one to be freed is not the one asked
            c.recips = [r for r in c.recips if not (
                r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lemma_.lower() in RELEASE_NOUNS)]
    if not kept:
        return []
    contexts = sentence_contexts(sent)
    out: list[Mention] = []
    kept.sort(key=lambda c: c.tok.i)
    for c in kept:
        if c.tok.i in pending and c.recips:
            pending.pop(c.tok.i)
        conf = 0.45 + (0.25 if c.actors else 0.0) + (0.15 if c.recips else 0.0)
        conf -= 0.1 if c.is_noun else 0.0
        conf -= 0.1 if c.entry.weak else 0.0
        conf -= 0.1 if c.loose else 0.0
        if not c.actors and not c.recips:
            conf = min(conf, 0.3)                   # nobody to ground: a weak signal only
        conf -= 0.1 if c.modality != ASSERTED or c.minfo.modality != ASSERTED else 0.0
        out.append(Mention(
            event=c.event, mode=c.mode, modality=c.modality, trigger=c.tok, sent=sent,
            actors=_spans(c.actors), recipients=_spans(c.recips), contexts=list(contexts),
            confidence=round(max(0.05, min(0.95, conf)), 2), cameo=c.cameo,
            reciprocal=c.entry.reciprocal or (c.event == "AGREE" and c.entry.event in ("CONSULT",
                                                                                       "COOPERATE")),
        ))
        if c.tok.i in pending and anaphors is not None:
            noun, fallback = pending[c.tok.i]
            anaphors.append((out[-1], noun, _spans(fallback)))
    return out


#: definite nouns that point back at an earlier event of the article, and the types that event can have:
#: "Rwanda denied *the accusation*", "Kurti rejected *the demand*", "the army dismissed *the offer*"
ANAPHOR_NOUNS: dict[str, frozenset[str]] = {
    **{n: frozenset({"ACCUSE"}) for n in ("accusation", "charge", "allegation", "claim", "criticism",
                                         "remark", "comment")},
    **{n: frozenset({"REQUEST", "THREATEN"}) for n in ("demand", "call", "request", "appeal", "ultimatum")},
    **{n: frozenset({"AGREE", "CONCEDE"}) for n in ("offer", "proposal", "truce", "ceasefire", "invitation",
                                                   "initiative", "plan")},
    **{n: frozenset({"SANCTION", "COERCE"}) for n in ("verdict", "sentence", "ruling", "conviction",
                                                     "measure", "ban", "restriction", "expulsion")},
    **{n: frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT", "AGREE", "REJECT"})
       for n in ("decision", "move", "step", "action")},
    "launch": frozenset({"MOBILIZE", "ASSAULT"}), "test": frozenset({"MOBILIZE"}),
    "strike": frozenset({"ASSAULT", "PROTEST"}), "airstrike": frozenset({"ASSAULT"}),
}
ANAPHOR_EVENTS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "AGREE"})
ANAPHOR_DETS = frozenset({"the", "this", "these", "that", "those", "such"})


def _anaphoric_object(c: _Candidate, lex: Lexicon) -> Token | None:
    """A definite event noun the trigger is about with no party named in this sentence ("denied *the
    charge*", "condemned *the sanctions*"): the recipient is whoever did that earlier in the article."""
    if c.is_noun or c.event not in ANAPHOR_EVENTS:
        return None
    objs = [ch for ch in c.tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    objs += prep_objects(c.tok, ("over", "about", "for", "against", "on", "to", "by", "with"))
    for o in objs:
        lem = o.lemma_.lower()
        if lem not in ANAPHOR_NOUNS and not lex.nouns.get(lem):
            continue
        if not any(ch.dep_ == "det" and ch.lower_ in ANAPHOR_DETS for ch in o.children):
            continue
        if any(ch.dep_ in ("poss", "prep") and ch.lower_ in ("by", "of") or ch.dep_ == "poss"
               for ch in o.children):
            continue                            # its owner is named here ("Iran's proposal", "the attack by X")
        return o
    return None


def _anaphor_types(noun: Token, lex: Lexicon) -> frozenset[str]:
    lem = noun.lemma_.lower()
    if lem in ANAPHOR_NOUNS:
        return ANAPHOR_NOUNS[lem]
    return frozenset(e.event for e in lex.nouns.get(lem, ()))


def _resolve_anaphors(mentions: list[Mention], anaphors: list[tuple[Mention, Token, list[Span]]],
                      lex: Lexicon) -> None:
    """Give each anaphoric mention the actors of the latest earlier event its noun points at, named by
    someone else ("Iran condemned the sanctions" after "The US imposed sanctions on ..." -> the US)."""
    for m, noun, fallback in anaphors:
        want = _anaphor_types(noun, lex)
        if not want:
            m.recipients = fallback
            continue
        mine = {a.text.strip().lower() for a in m.actors}
        mine_idx = {t.i for a in m.actors for t in a}
        earlier = [x for x in mentions if x.trigger.i < m.trigger.i and x is not m and x.actors
                   and x.event in want and x.modality == ASSERTED]
        lemma = noun.lemma_.lower()
        picked = None
        for key in (lambda x: _lemma(x.trigger) == lemma, lambda x: True):
            for x in reversed(earlier):
                if key(x) and not ({a.text.strip().lower() for a in x.actors} & mine) \
                        and not any(t.i in mine_idx for a in x.actors for t in a):
                    picked = x
                    break
            if picked is not None:
                break
        m.recipients = list(picked.actors) if picked is not None else fallback


def find_events(doc: Doc) -> list[Mention]:
    """Every PLOVER event mention in the document, in text order."""
    lex = load_lexicon()
    out: list[Mention] = []
    anaphors: list[tuple[Mention, Token, list[Span]]] = []
    for sent in doc.sents:
        out.extend(_sentence_events(sent, lex, anaphors))
    if anaphors:
        _resolve_anaphors(out, anaphors, lex)
    return out


__all__ = ["find_events"]
