"""PLOVER context tags and mode cues read from the words of a sentence (one dict lookup per token)."""

from __future__ import annotations

from spacy.tokens import Span, Token

#: lemma -> PLOVER context
CONTEXT_CUES: dict[str, str] = {}
for _ctx, _words in {
    "terrorism": "terror terrorist terrorism jihadist extremist bomber plot",
    "military": "troop army military soldier missile warplane airstrike artillery tank navy warship "
                "battalion brigade commander defence defense",
    "intelligence": "intelligence spy espionage",
    "diplomatic": "ambassador embassy diplomat diplomatic envoy consulate summit bilateral",
    "election": "election vote ballot poll electoral candidate campaign",
    "legislative": "parliament lawmaker legislature legislator senate congress bill",
    "legal": "court judge trial lawsuit verdict prosecutor sentence indictment",
    "economic": "economy economic trade tariff investment export import sanction embargo currency",
    "human_rights": "rights torture",
    "rights_freedoms": "censorship freedom journalist press",
    "pro_democracy": "democracy pro-democracy",
    "asylum": "asylum",
    "migration": "migrant migration refugee immigrant deportation",
    "cyber": "cyber cyberattack hack hacker ransomware malware",
    "misinformation": "disinformation misinformation propaganda",
    "illegal_drugs": "drug narcotic cocaine heroin cartel",
    "corruption": "corruption bribe bribery graft embezzlement",
    "trafficking": "trafficking smuggle smuggler",
    "crime": "crime criminal robbery gang murder theft",
    "health": "health vaccine hospital epidemic pandemic covid virus outbreak",
    "disasters": "earthquake flood hurricane cyclone typhoon disaster tsunami drought",
    "natural_resource": "oil mining pipeline",
    "environment": "climate pollution emission environmental",
    "territory": "border territory annex annexation island sovereignty",
    "peacekeeping": "peacekeeper peacekeeping",
    "religion_ethnicity": "religious muslim christian mosque church ethnic jewish hindu sectarian",
    "cbrn": "nuclear chemical biological radiological uranium",
    "gender": "women gender",
    "lgbt": "lgbt gay lesbian transgender",
    "executive": "president minister cabinet government",
}.items():
    for _w in _words.split():
        CONTEXT_CUES.setdefault(_w, _ctx)

#: lemma -> ASSAULT mode (used when the trigger itself does not fix the mode)
ASSAULT_MODE_CUES: dict[str, str] = {}
for _mode, _words in {
    "aerial": "airstrike air jet warplane aircraft helicopter bomber aerial",
    "drone": "drone uav",
    "heavy-weapons": "artillery shell shelling tank mortar rocket howitzer missile",
    "explosives": "bomb bombing explosive ied grenade explosion blast landmine mine",
    "suicide-attack": "suicide",
    "firearms": "gun gunman gunmen gunfire rifle shoot shooting shot bullet sniper",
    "primitive": "knife machete stab axe stone rock",
    "crowd-control": "teargas gas cannon baton rubber",
}.items():
    for _w in _words.split():
        ASSAULT_MODE_CUES[_w] = _mode

#: lemma -> THREATEN mode (what is threatened)
THREAT_MODE_CUES: dict[str, str] = {}
for _mode, _words in {
    "violence": "attack strike war force retaliation retaliate invasion invade military bomb kill "
                "action response revenge destroy",
    "restrict": "sanction tariff embargo ban restriction measure",
    "arrest": "arrest jail prosecution prosecute detain imprison",
    "relations": "tie relation",
    "expel": "expel expulsion",
    "territory": "annex annexation territory",
}.items():
    for _w in _words.split():
        THREAT_MODE_CUES[_w] = _mode

#: PLOVER type (+mode) of an embedded event -> THREATEN mode / REQUEST-REJECT mode
THREAT_MODE_BY_TYPE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "restrict",
                       "COERCE": "restrict", "THREATEN": "violence"}
ASK_MODE_BY_TYPE = {"CONSULT": "meet", "AGREE": "change", "AID": "assist", "COOPERATE": "assist",
                    "RETREAT": "yield", "CONCEDE": "yield", "SUPPORT": "change"}


def sentence_contexts(sent: Span) -> list[str]:
    out: list[str] = []
    for t in sent:
        ctx = CONTEXT_CUES.get(t.lemma_.lower())
        if ctx is not None and ctx not in out:
            if ctx == "human_rights" and t.lemma_.lower() == "rights" and not any(
                    c.lower_ == "human" for c in t.children):
                continue
            out.append(ctx)
    return out


def cue_mode(tokens, table: dict[str, str]) -> str | None:
    for t in tokens:
        m = table.get(t.lemma_.lower()) or table.get(t.lower_)
        if m is not None:
            return m
    return None


def assault_mode(trigger: Token, sent: Span) -> str | None:
    """Mode of an attack from the words near the trigger, then from the sentence."""
    if any(t.lower_ in ("suicide", "self-immolation") for t in sent):
        return "suicide-attack"
    near = [trigger, *trigger.children]
    near.extend(g for c in trigger.children if c.dep_ in ("dobj", "prep", "agent", "nsubj")
                for g in c.subtree)
    return cue_mode(near, ASSAULT_MODE_CUES) or cue_mode(sent, ASSAULT_MODE_CUES)


def threat_mode(trigger: Token) -> str | None:
    return cue_mode([t for t in trigger.subtree if t.i > trigger.i], THREAT_MODE_CUES)
