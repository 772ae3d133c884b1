"""Modality of a trigger: asserted, future, hypothetical or negated.

Read from auxiliaries, negation, conditional markers, the governing verb of a complement
("plans to", "refused to", "denied that", "thwarted a plot to"), and the modifiers of event nouns
("no talks", "planned visit", "foiled attack").  Each check is a set lookup on a lemma.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

ASSERTED, FUTURE, HYPOTHETICAL, NEGATED = "asserted", "future", "hypothetical", "negated"

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "gonna"})
HYPO_AUX = frozenset({"would", "could", "may", "might", "should", "must", "can", "ca", "'d"})
NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
COND_MARKS = frozenset({"if", "unless", "whether", "lest"})
#: "before they could attack", "in order to"; a subordinate clause that has not happened
PRE_MARKS = frozenset({"before", "until"})
SPEECH = frozenset({"say", "tell", "announce", "state", "declare", "add", "report", "claim", "insist",
                    "confirm", "write", "note", "indicate", "believe", "think", "reply", "explain"})
#: governors that put their complement in the future ("plans to meet", "is due to visit")
FUTURE_GOV = frozenset({
    "plan", "intend", "expect", "schedule", "set", "due", "prepare", "aim", "agree", "vow",
    "pledge", "promise", "offer", "propose", "slate", "likely", "poise", "go", "commit", "resolve",
    "arrange", "hope", "want", "wish", "seek", "ready", "eager", "willing", "consent", "prepared",
    "undertake", "unlikely",
})
#: governors that make their complement merely possible or attempted
HYPO_GOV = frozenset({
    "try", "attempt", "plot", "conspire", "consider", "mull", "threaten", "warn", "urge", "ask",
    "demand", "call", "push", "lobby", "press", "able", "allow", "order", "request", "appeal", "need",
    "suspect", "accuse", "allege", "charge", "blame", "fear", "risk", "struggle", "scramble",
    "encourage", "invite", "permit", "authorize", "pressure", "force", "implore", "plead",
    "recommend", "suggest", "favor", "favour", "advocate", "oppose", "possible",
})
#: governors that say the complement did not (or will not) happen
NEG_GOV = frozenset({
    "deny", "refuse", "decline", "fail", "reject", "foil", "thwart", "prevent", "avert", "stop",
    "block", "abandon", "cancel", "postpone", "scrap", "avoid", "short", "refrain", "halt", "dismiss",
    "rule", "disrupt", "frustrate", "preempt", "pre-empt", "veto", "forgo", "without", "instead",
})
#: modifiers of event nouns
NOUN_FUTURE = frozenset({"planned", "upcoming", "scheduled", "proposed", "expected", "future",
                         "forthcoming", "possible", "potential", "prospective", "imminent",
                         "next", "impending"})
NOUN_HYPO = frozenset({"attempted", "alleged", "would-be", "failed", "purported", "suspected",
                       "plotted", "intended", "threatened", "feared", "reported"})
NOUN_NEG = frozenset({"foiled", "thwarted", "averted", "prevented", "aborted", "cancelled",
                      "canceled", "postponed", "scrapped", "called-off", "denied"})
#: nouns whose clause complement is a plan, not an event ("a plot to bomb", "a bid to seize")
PLAN_NOUNS = frozenset({"plot", "plan", "attempt", "bid", "conspiracy", "scheme", "effort", "threat",
                        "intention", "intent", "proposal", "offer", "call", "demand", "request",
                        "plea", "appeal", "pledge", "promise", "vow", "ultimatum", "readiness",
                        "willingness", "decision", "agreement", "deal", "order", "warning", "right",
                        "chance", "opportunity", "permission", "way", "option", "pressure", "push",
                        "campaign", "drive", "move", "initiative", "power", "authority", "ability",
                        "capacity", "mandate", "means", "possibility", "prospect", "option", "likelihood",
                        "risk", "danger", "spectre", "specter", "fear"})
UP_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "acomp", "dobj", "nsubjpass", "acl",
                     "advcl", "conj", "oprd", "attr"})


@dataclass
class ModalityInfo:
    modality: str
    #: the event-less governor that made it future ("plans to") — re-typing applies only then
    via_plan: bool = False
    #: the trigger token governing this one as its complement ("urged X to *meet*"), if any
    governor: Token | None = None


def _own(tok: Token) -> str | None:
    """Modality marked on the token itself (aux, negation, conditional marker, "no" determiner)."""
    neg = fut = hyp = False
    for c in tok.children:
        dep, low = c.dep_, c.lower_
        if dep == "neg" or (dep in ("det", "advmod") and low in ("no", "never")):
            neg = True
        elif dep == "aux":
            lem = c.lemma_.lower()
            if low in FUTURE_AUX or lem in FUTURE_AUX:
                fut = True
            elif low in HYPO_AUX or lem in HYPO_AUX:
                hyp = True
        elif dep == "mark" and low in COND_MARKS:
            hyp = True
        elif dep == "mark" and low in PRE_MARKS and tok.dep_ == "advcl":
            hyp = True
        elif dep in ("nsubj", "nsubjpass") and (
                low in ("nobody", "none", "noone") or any(g.dep_ == "det" and g.lower_ == "no"
                                                          for g in c.children)):
            neg = True
        elif dep == "amod":
            if low in NOUN_NEG:
                neg = True
            elif low in NOUN_FUTURE:
                fut = True
            elif low in NOUN_HYPO:
                hyp = True
    if not (neg or hyp or fut) and tok.dep_ in ("relcl", "acl", "ROOT") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "a plot to attack", headline "Xi to visit Brazil": not (yet) an event that happened
        if tok.head.lemma_.lower() in PLAN_NOUNS or any(c.lemma_.lower() in PLAN_NOUNS
                                                       for c in tok.head.children if c.dep_ == "compound"):
            hyp = True
        else:
            fut = True
    if neg:
        return NEGATED
    if hyp:
        # "would" under a speech verb is a future in the past ("said it would send troops")
        if tok.dep_ == "ccomp" and tok.head.lemma_ in SPEECH and any(
                c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in tok.children):
            return FUTURE
        return HYPOTHETICAL
    if fut:
        return FUTURE
    return None


def modality_of(tok: Token, triggers: dict[int, object] | None = None) -> ModalityInfo:
    """Modality of the event whose trigger is ``tok``.

    ``triggers`` maps token index -> lexicon entry for the other triggers in the sentence, so an event
    embedded under another event ("urged Iran to *stop*", "threatened to *attack*") is reported with
    its governor and never as a re-typable plan.
    """
    triggers = triggers or {}
    own = _own(tok)
    if own is not None:
        return ModalityInfo(own)
    cur = tok
    result: str | None = None
    via_plan = False
    governor: Token | None = None
    for _ in range(5):
        dep = cur.dep_
        head = cur.head
        if head == cur or dep not in UP_DEPS:
            break
        if dep == "advcl":
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                # purpose clause: "thwarted a plot to bomb", "fired tear gas to disperse"
                # an intention is not an event that happened
                result = NEGATED if head.lemma_.lower() in NEG_GOV or _own(head) == NEGATED else HYPOTHETICAL
                break
            if cur.tag_ != "VBG":
                break                               # an adverbial clause keeps its own modality
        if dep == "conj":
            cur = head
            own = _own(head)
            if own is not None:
                result = own
                break
            continue
        lem = head.lemma_.lower()
        if head.i in triggers and head.i != tok.i and dep in ("xcomp", "ccomp", "pcomp", "dobj", "acl",
                                                                  "pobj", "prep"):
            governor = head
            if lem in NEG_GOV:
                result = NEGATED
            elif lem in FUTURE_GOV:
                result = FUTURE
            elif lem in HYPO_GOV or getattr(triggers[head.i], "embed", False):
                result = HYPOTHETICAL
            else:
                gov_info = modality_of(head, {})
                if gov_info.modality != ASSERTED:     # "will visit Brazil for *talks*": as the visit
                    result = gov_info.modality
                    break
                cur = head
                continue
            gov_own = _own(head)
            if gov_own == NEGATED and result != NEGATED:
                result = NEGATED
            break
        if lem in NEG_GOV:
            if dep == "ccomp" and cur.i < head.i and any(c.dep_ == "dobj" for c in head.children):
                break                   # "X accuses Y of Z, a charge Kabul denies": the denial has its own object
            result = NEGATED
            break
        if lem in FUTURE_GOV and dep in ("xcomp", "dobj", "acomp", "nsubjpass", "pcomp"):
            gov_own = _own(head)
            result = NEGATED if gov_own == NEGATED else FUTURE
            via_plan = result == FUTURE
            break
        if lem in HYPO_GOV and dep in ("xcomp", "dobj", "pcomp", "pobj", "nsubjpass") or (
                lem in HYPO_GOV and dep == "ccomp" and lem not in ("warn", "charge", "accuse")):
            result = HYPOTHETICAL
            break
        if head.pos_ == "NOUN" and lem in PLAN_NOUNS and dep in ("acl", "xcomp", "relcl", "prep", "pobj"):
            result = HYPOTHETICAL
            break
        if dep in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acomp", "dobj", "nsubjpass", "oprd", "attr"):
            own = _own(head)
            if own is not None and dep != "ccomp":
                result = own
                via_plan = own == FUTURE
                break
            if own == NEGATED and dep == "ccomp" and head.lemma_ in SPEECH:
                result = NEGATED
                break
            if dep == "ccomp":
                if (lem in FUTURE_GOV or lem in HYPO_GOV) and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                    result = HYPOTHETICAL           # "wants Putin to attack": an infinitive wish
                break                               # reported speech: the clause keeps its own modality
            cur = head
            continue
        break
    if result is None:
        return ModalityInfo(ASSERTED, governor=governor)
    return ModalityInfo(result, via_plan=via_plan, governor=governor)
