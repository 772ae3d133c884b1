"""Event dates from the event's own sentence, resolved against the article's publication date.

Entry points:

* :func:`resolve_event_date` — the date of the event whose trigger is ``trigger`` in ``sent``.
* :func:`resolve_expression` — one date expression → ``(YYYY-MM-DD of the period's first day, precision)``.
* :func:`timex_value` — one date expression → TIMEX3-like value (``1998-01-14``, ``1998-W03``, ``1998-01``, ``1998``).
* :func:`tense_of` — ``past`` / ``present`` / ``future`` of a trigger from its tag and auxiliaries.

The expression grammar lives in :mod:`eventwire.ground.date_grammar` (regexes, no spaCy). spaCy DATE entities the
grammar does not cover are tried as a residue (dateparser only for those carrying an explicit day/month/year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Sequence

from spacy.tokens import Span, Token

from eventwire.ground import date_grammar as g

__all__ = ["DateResult", "resolve_event_date", "resolve_expression", "timex_value", "tense_of", "settle_story_dates",
           "in_sequence_phrase"]


@dataclass
class DateResult:
    date: str | None          # YYYY-MM-DD (first day of the period for week/month/year precision)
    precision: str            # day | week | month | year | unknown
    text: str | None          # the words it was resolved from
    timex: str | None = None  # TIMEX3-like value ("1998-W03", "1998-01-14TNI"); None when unknown
    # dated from another event the sentence does not date ("The attack came *a day after* U.S. forces carried out
    # an air strike": the lead's; "*Two days later*, ...": the story's preceding dated event): (the shift, "lead" or
    # "previous"), settled for the whole story by settle_story_dates
    relative: tuple[_Shift, str] | None = field(default=None, compare=False, repr=False)


# --- tense -----------------------------------------------------------------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
# heads that make an infinitive complement future: "plans to meet", "is due to visit", "agreed to hold talks"
_FUTURE_HEADS = {
    "plan", "schedule", "due", "set", "expect", "intend", "prepare", "aim", "hope", "want", "seek", "go",
    "agree", "promise", "vow", "pledge", "threaten", "decide", "propose", "offer", "likely", "poise", "slate",
    "expected", "scheduled", "planned", "about", "ready", "prepared", "willing", "invite", "urge", "ask", "call",
}
_PLANNING = {"plan", "schedule", "slate", "reschedule", "postpone", "delay", "adjourn", "defer"}
_FUTURE_AMOD = {"planned", "upcoming", "forthcoming", "proposed", "scheduled", "next", "coming", "expected",
                "future", "impending", "prospective"}
_PAST_AMOD = {"last", "previous", "recent", "past", "former", "earlier"}


def _verb_of(tok: Token) -> Token | None:
    """The verb that governs ``tok`` (itself when it is a verb)."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.tag_.startswith("VB"):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def tense_of(trigger: Token | None) -> str:
    """``past``, ``present`` or ``future`` for the event at ``trigger``.

    will/shall/would, "is to", and infinitives under plan/due/set/expect/agree... → future; VBD, have + VBN,
    was/were + VBN/VBG → past; is/are + VBG (progressive) and bare present → present. Nouns take the tense of
    their governing verb unless an adjective says "planned"/"upcoming" (future) or "last"/"recent" (past).
    """
    if trigger is None:
        return g.PAST
    if not (trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB")):
        for child in trigger.children:
            low = child.lower_
            if child.dep_ in ("amod", "compound", "nummod", "advmod") and low in _FUTURE_AMOD:
                return g.FUTURE
            if child.dep_ in ("amod",) and low in _PAST_AMOD:
                return g.PAST
        verb = _verb_of(trigger.head) if trigger.head != trigger else None
        if verb is None:
            return g.PAST
        trigger = verb
    return _verb_tense(trigger, depth=0)


def _verb_tense(v: Token, depth: int) -> str:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if lows & _FUTURE_AUX:
        return g.FUTURE
    if "going" in lows or any(a.lower_ == "to" for a in auxes) and _to_is_future(v, depth):
        return g.FUTURE
    if v.lemma_.lower() in _PLANNING and not any(a.dep_ == "auxpass" for a in auxes):
        return g.FUTURE     # "planned a rally on Saturday", "has scheduled a news conference Thursday"
    if lows & {"have", "has", "had", "'ve", "did", "was", "were"}:
        if lows & {"has", "have", "'ve"} and v.tag_ == "VBG":   # "has been meeting"
            return g.PRESENT
        return g.PAST
    if v.tag_ == "VBD":
        return g.PAST
    if v.tag_ == "VBG" and lows & {"is", "are", "am", "'s", "'re", "'m"}:
        return g.PRESENT
    if v.tag_ == "VBN":
        if lows & {"is", "are", "am", "be", "'s", "'re"}:
            return g.PRESENT
        return g.PAST
    if v.tag_ in ("VBZ", "VBP"):
        # "is to visit" / "is due to" are handled on the complement; bare present stays present
        return g.PRESENT
    if v.tag_ == "VB" and v.head != v and v.dep_ in ("xcomp", "ccomp", "conj") and depth < 3:
        return _verb_tense(v.head, depth + 1)
    return g.PAST


def _past_perfect(t: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children)


def _to_is_future(v: Token, depth: int) -> bool:
    head = v.head
    if head == v:
        return False
    if _past_perfect(head) or (head.dep_ in ("acomp", "attr", "xcomp") and head.head != head
                               and _past_perfect(head.head)):
        return False    # "had been due to expire Friday", "had been scheduled to open Monday": a plan seen from the past
    if head.lemma_.lower() == "go" and head.tag_ != "VBG":
        return False    # "went on strike to demand action": a purpose, not "going to"
    if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
        return True
    if head.lemma_ == "be" and v.dep_ in ("xcomp", "ccomp", "attr", "advcl"):   # "is to visit"
        return True
    return False


# --- expressions -----------------------------------------------------------------------------------------------

def _norm_tense(tense: str) -> str:
    return tense if tense in (g.PAST, g.PRESENT, g.FUTURE) else g.PAST


# Periods finer than a year but coarser than a month (quarter, half, season) are carried by the
# record as their year: precision "year", date the 1st of January (the record's precisions are day, week, month,
# year); the TIMEX3 value keeps "1988-Q3". Decades, centuries and PAST_REF / PRESENT_REF / FUTURE_REF name no
# date the record can hold: no date, precision "unknown" (the TIMEX3 value "199", "PAST_REF" is still given).
_AS_YEAR = {"quarter", "half", "season"}
_NO_DATE = {"decade", "century", "ref"}


def _record_date(r: g.Resolved) -> tuple[str | None, str]:
    """``(date, precision)`` in the record's terms for one resolved expression."""
    if r.start is None or r.precision in _NO_DATE:
        return None, "unknown"
    if r.precision in _AS_YEAR:
        m = re.match(r"(\d{4})", r.timex)
        return (f"{m.group(1)}-01-01" if m else f"{r.start.year:04d}-01-01"), "year"
    return r.iso, r.precision


def resolve_expression(text: str, anchor: date, tense: str = "past",
                       sentence: str | None = None) -> tuple[str | None, str]:
    """``(YYYY-MM-DD, precision)`` for one date expression; ``(None, "unknown")`` when not understood.

    For week/month/year precision the date is the first day of that period (ISO weeks start on Monday). A
    quarter, half or season is given as its year ("the third quarter of 1988" → ``1988-01-01``,
    ``year``); a decade or a vague reference ("recently", "now") as ``(None, "unknown")``. With ``sentence`` (the
    sentence the expression was taken from) the words around it count too: see :func:`timex_value`."""
    r = _resolve_in(text, anchor, _norm_tense(tense), sentence)
    return _record_date(r) if r else (None, "unknown")


def timex_value(text: str, anchor: date, tense: str = "past", sentence: str | None = None) -> str | None:
    """The TIMEX3-like value of one date expression (``1998-01-14``, ``1998-01-14TEV``, ``1998-W03``, ``1998-01``,
    ``1998-Q3``, ``1998-H1``, ``1998-SU``, ``1998``, ``199``, ``PAST_REF``), or None.

    With ``sentence``, the expression is read as the event-date code reads it in that sentence: the grammar's
    match that covers it, so direction words just before it count ("postponed *until* 9 a.m. Tuesday", "*the
    day before* last Tuesday"), and "a year ago" after a money figure in a results sentence is the reported
    quarter a year before ("net income of $5 million, or 9 cents a share, a year ago" → ``1988-Q3``)."""
    r = _resolve_in(text, anchor, _norm_tense(tense), sentence)
    return r.timex if r else None


# what may stand before an expression and change its reading: "until", "as early as", "the day before", "late on"
_CUE_WORDS = re.compile(r"(?i)^(?:(?:until|till|as|early|soon|no|later|than|postponed|put|off|delayed|to|by|on|at|"
                        r"in|the|day|before|after|previous|following|next|coming|this|past|last|late|earlier|"
                        r"from|since|during|of)\s+)+$")


def _resolve_in(text: str, anchor: date, tense: str, sentence: str | None) -> g.Resolved | None:
    text = text.strip()
    if not sentence:
        return _resolve_any(text, anchor, tense)
    i = sentence.find(text)
    if i < 0:
        i = sentence.lower().find(text.lower())
    if i < 0:
        return _resolve_any(text, anchor, tense)
    j = i + len(text)
    r: g.Resolved | None = None
    expr = text
    covering = [f for f in g.scan(sentence) if f.start <= i and f.end >= j]
    if covering:
        # the words before the expression count ("until", "the day before"); words after it that the grammar
        # would add ("Thursday *night*") are not part of the expression asked about
        f = max(covering, key=lambda f: f.end - f.start)
        words = sentence[f.start: j]
        r = g.resolve(words, anchor, tense, f.rule) if f.start < i and _CUE_WORDS.match(sentence[f.start: i]) \
            else None
        if r is not None:
            expr, i = words, f.start
        elif f.end == j or not sentence[j: f.end].strip(" '’s"):
            r = g.resolve(f.text, anchor, tense, f.rule)
            if r is not None:
                expr, i = f.text, f.start
    if r is None:
        r = _resolve_any(text, anchor, tense)
    return g.in_sentence(r, expr, sentence, i, anchor) if r is not None else None


_EXPLICIT = re.compile(r"\d.*\b[A-Za-z]{3,}|\b[A-Za-z]{3,}.*\d|\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")


def _resolve_any(text: str, anchor: date, tense: str) -> g.Resolved | None:
    r = g.resolve(text.strip(), anchor, tense)
    if r is None and _EXPLICIT.search(text):
        r = _dateparser(text.strip(), anchor, tense)
    return r


@lru_cache(maxsize=2048)
def _dateparser(text: str, anchor: date, tense: str) -> g.Resolved | None:
    """Residual explicit dates ("03/05/2024", "5th of March, 2024"...) through dateparser; day precision only."""
    try:
        import dateparser  # slow to import: only when the grammar failed on something explicit
        from datetime import datetime
    except ImportError:  # pragma: no cover
        return None
    settings = {
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense, "current_period"),
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
    }
    try:
        dt = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on junk; a date we cannot read is no date
        return None
    if dt is None:
        return None
    d = dt.date()
    return g.Resolved(d, "day", d.isoformat())


# --- the event's own date --------------------------------------------------------------------------------------

_PREP_BEFORE = re.compile(r"(?i)\b(on|in|during|since|by|until|at|over|from|late on|early on|earlier on|later on)\s+$")


@dataclass(frozen=True)
class _Cand:
    start: int          # char offsets in the sentence text
    end: int
    text: str
    res: g.Resolved


@lru_cache(maxsize=4096)
def _grammar_candidates(text: str, anchor: date | None, tense: str) -> tuple[_Cand, ...]:
    """Expressions the grammar finds and resolves in one sentence (cached: several events share a sentence)."""
    ref = anchor or date(2000, 1, 1)
    out: list[_Cand] = []
    for f in g.scan(text):
        if anchor is None and not f.absolute:
            continue
        if _is_dateline(text, f):
            continue
        r = g.resolve(f.text, ref, tense, f.rule)
        if r is not None and r.start is not None and r.precision not in _NO_DATE:
            out.append(_Cand(f.start, f.end, f.text, g.in_sentence(r, f.text, text, f.start, ref)))
    return tuple(out)


_DATELINE_AFTER = re.compile(r"\s*(?:\(|/|--|\u2014|\u2013|-\s)")
_DAY_RULES = {"md", "dm", "mdy", "dmy", "iso"}


def _is_dateline(text: str, f: g.Found) -> bool:
    """"BEIRUT, March 5 (Reuters) -": the filing date at the head of a story, not the event's date."""
    return f.rule in _DAY_RULES and f.start < 60 and bool(_DATELINE_AFTER.match(text, f.end)) \
        and "," in text[: f.start]


_DURATION = re.compile(r"^(?:(?:about|some|nearly|almost|around|roughly|up to|more than|less than|over|the|a|"
                       r"another|at least)\s+)*\d+(?:[\s-]+(?:and a half\s+)?)(?:year|month|week|day|hour|minute|"
                       r"decade)s?\b", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:ago|before|earlier|later|after|since|from now|last|next|this)\b", re.I)


def _candidates(sent: Span, anchor: date | None, tense: str) -> list[_Cand]:
    text = sent.text
    ref = anchor or date(2000, 1, 1)
    out = list(_grammar_candidates(text, anchor, tense))
    # spaCy DATE entities the grammar did not see (residual explicit dates)
    for ent in _date_ents(sent):
        s, e = ent.start_char - sent.start_char, ent.end_char - sent.start_char
        if any(c.start < e and s < c.end for c in out):
            continue
        if not _EXPLICIT.search(ent.text) or not re.search(r"\d", ent.text):
            continue
        if _DURATION.match(ent.text.strip()) and not _RELATIVE_WORD.search(ent.text):
            continue                    # "sentenced to 12 years", "for 18 months": a length, not a date
        r = _dateparser(ent.text, ref, tense)
        if r is not None and (anchor is not None or re.search(r"\b(1[89]|20)\d\d\b", ent.text)):
            out.append(_Cand(s, e, ent.text, r))
    return out


def _date_ents(sent: Span) -> list[Span]:
    """spaCy DATE entities inside the sentence, read from the tokens (``Span.ents`` walks the whole document)."""
    out: list[Span] = []
    start = -1
    for tok in sent:
        inside = tok.ent_type_ == "DATE" and tok.ent_iob_ in ("B", "I")
        if start >= 0 and (not inside or tok.ent_iob_ == "B"):
            out.append(sent.doc[start: tok.i])
            start = -1
        if inside and start < 0:
            start = tok.i
    if start >= 0:
        out.append(sent.doc[start: sent.end])
    return out


def _cand_tokens(sent: Span, c: _Cand) -> Span | None:
    return sent.doc.char_span(sent.start_char + c.start, sent.start_char + c.end, alignment_mode="expand")


_OTHER_NOUN = (10, 10, 10, 10)


def _link_cost(span: Span, trigger: Token) -> tuple[int, int, int, int]:
    """(crossed clauses, via governing verb, path length, token distance): lower is more tightly linked.

    Walks from the expression's root up the dependency tree; reaching the trigger (or, for a noun trigger, the
    verb governing it) links the expression, each other verb passed on the way counts as a crossed clause."""
    targets = {trigger.i}
    if not trigger.pos_ in ("VERB", "AUX"):
        v = _verb_of(trigger.head) if trigger.head != trigger else None
        if v is not None:
            targets.add(v.i)
    dist = min(abs(t.i - trigger.i) for t in span)
    cur = span.root
    crossed = 0
    for steps in range(8):
        if cur.i == trigger.i:
            return (crossed, 0, steps, dist)
        if cur.i in targets:
            return (crossed, 1, steps, dist)
        if cur.head == cur:
            break
        if cur.dep_ in ("acl", "relcl") and cur.head.i != trigger.i and cur.pos_ in ("VERB", "AUX"):
            if _dateline_city(cur.head):
                # "KIGALI, Nov 12 — Rwanda denied on Wednesday ...": the parse hung the clause on the dateline
                cur = cur.head
                continue
            if not (_frames(cur.head, targets) or _misattached(span, cur) or _agent_clause(cur, trigger)):
                return _OTHER_NOUN  # "the town, which the army captured in 2014": that noun's history, not the event
            # "*In a video posted last month*, a commander threatened": the video's day; "rammed a car packed
            # with explosives into a checkpoint *on Tuesday*": the parse hung the day on the checkpoint
            crossed += 1
            cur = cur.head
            continue
        if steps > 0 and cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass", "acl", "relcl"):
            crossed += 1   # a clause of its own; a participle or relative clause on the trigger noun is not
        cur = cur.head
    # not under the trigger: is the trigger under the expression's verb (e.g. "said Thursday ... attacked")?
    return (9, 9, 9, dist)


#: the medium an act of speech is made in: "*In a video posted last month*, a commander threatened ..."
_MEDIUM_NOUNS = frozenset({
    "statement", "video", "interview", "speech", "message", "post", "posting", "address", "letter", "broadcast",
    "communique", "communiqué", "note", "tweet", "recording", "audio", "footage", "report", "remarks", "comments",
    "declaration", "announcement", "conference", "briefing", "bulletin", "appearance", "meeting", "session",
    "call", "decree", "ruling", "order", "resolution", "vote", "telegram", "article", "op-ed", "editorial",
})


def _frames(noun: Token, targets: set[int]) -> bool:
    """Is ``noun`` the medium of the event, in a phrase on its verb ("*In a statement* issued on Tuesday, the
    ministry said", "*at a news conference* held on Monday")? Its participle then dates the event."""
    prep = noun.head
    return noun.dep_ == "pobj" and noun.lemma_.lower() in _MEDIUM_NOUNS and prep.lower_ in ("in", "at", "during") \
        and prep.head.i in targets


def _dateline_city(tok: Token) -> bool:
    """The place name of a dateline that the parse made the sentence's root ("KIGALI, Nov 12 — ...")."""
    return tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and tok.i == tok.sent.start \
        and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ","


def _agent_clause(clause: Token, trigger: Token) -> bool:
    """An attack told in a relative clause on the agent of a passive trigger is how the agent brought it about
    ("soldiers were killed by militants *who attacked a checkpoint on Tuesday*"): the same time. Other clauses
    on the agent are its history ("accepted by the minister, *who was appointed on Wednesday*")."""
    noun = clause.head
    return clause.dep_ == "relcl" and clause.lemma_.lower() in _ATTACK_VERBS and noun.dep_ == "pobj" \
        and noun.head.dep_ == "agent" and noun.head.head.i == trigger.i \
        and not any(c.dep_ == "auxpass" for c in clause.children)


#: what an attacker does ("killed by militants who *stormed* a checkpoint")
_ATTACK_VERBS = frozenset({
    "attack", "storm", "raid", "ambush", "fire", "open", "shoot", "bomb", "strike", "shell", "hit", "target",
    "detonate", "ram", "blow", "stab", "assault", "invade", "overrun", "seize", "launch", "throw", "hurl",
})


def _misattached(span: Span, participle: Token) -> bool:
    """A day hung on a thing inside a participle's phrase ("a car packed with explosives into a checkpoint
    *on Tuesday*"): a thing has no day, so the day is the clause's, not the participle's. Only for a participle
    without a subject of its own and a day phrase ("on Tuesday") on a plain noun in a phrase on the participle
    itself ("arrested a man accused of planting a bomb at a market on Friday" stays the planting's)."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN") or participle.dep_ != "acl":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children) or participle.tag_ != "VBN":
        return False
    noun = prep.head        # "checkpoint" in "packed ... [into a checkpoint [on Tuesday]]"
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head == participle \
        and noun.lemma_.lower() not in _EVENT_NOUNS


#: nouns that have a day of their own ("the attack on Tuesday", "talks on Monday")
_EVENT_NOUNS = frozenset({
    "attack", "strike", "talks", "meeting", "vote", "election", "protest", "rally", "summit", "visit", "raid",
    "bombing", "blast", "explosion", "ceasefire", "truce", "deal", "agreement", "announcement", "statement",
    "decision", "ruling", "arrest", "release", "clash", "fighting", "offensive", "operation", "march", "strike",
})


_SEQUENCE_MARKS = frozenset({"after", "before", "since", "following", "until"})


def _in_relative_clause(trigger: Token, span: Span) -> bool:
    """Is the trigger inside a relative clause or participle on a noun that the expression is outside of?"""
    cur = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for _ in range(4):
        if cur.dep_ in ("acl", "relcl") and cur.pos_ in ("VERB", "AUX"):
            if cur.left_edge.i <= span.root.i <= cur.right_edge.i:
                return False
            # "fought a border war in July last year that killed 48 people": what a war, an ambush or an attack
            # did happened when it did (the expression on that noun or on the verb it is the object of)
            noun = cur.head
            for _ in range(2):      # "an ambush near the border in which ...": the parse may pick the nearer noun
                if noun.lemma_.lower() in _WAR_NOUNS or noun.dep_ != "pobj" or noun.head.head == noun.head:
                    break
                noun = noun.head.head
            return not (noun.lemma_.lower() in _WAR_NOUNS and _attached_to(span, noun))
        if cur.head == cur or cur.dep_ not in ("conj", "xcomp", "acl", "relcl"):
            return False
        cur = cur.head
    return False


#: acts of saying, asking and deciding: the time of what they say is not their own time
_SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "declare", "claim", "report", "accuse", "blame", "charge", "allege",
    "deny", "reject", "dismiss", "condemn", "criticise", "criticize", "denounce", "warn", "threaten", "urge",
    "call", "demand", "ask", "appeal", "request", "press", "plead", "promise", "pledge", "vow", "insist",
    "confirm", "acknowledge", "admit", "welcome", "praise", "thank", "propose", "offer", "suggest", "order",
    "instruct", "invite", "agree", "decide", "vote", "refuse", "threaten", "predict", "expect", "hope", "fear",
    "believe", "think", "know", "signal", "indicate", "hint", "argue", "add", "note", "write", "tweet", "post",
})


#: asking, warning and promising: their infinitive is a later act ("urged both sides *to resume talks on Friday*")
_DIRECTIVE_VERBS = frozenset({
    "urge", "call", "demand", "ask", "appeal", "request", "press", "plead", "warn", "threaten", "promise",
    "pledge", "vow", "invite", "order", "instruct", "offer", "propose", "expect", "hope", "plan", "tell",
    "encourage", "advise", "permit", "allow", "authorise", "authorize", "direct", "summon",
})


def _in_said_content(span: Span, trigger: Token) -> bool:
    """Is the expression inside what a speech act says ("urged both sides *to hold talks on Friday*", "warned
    *that troops would enter the city on Saturday*", "accused rebels *of attacking the town on Tuesday*")?"""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ not in ("VERB", "AUX") or lemma not in _SPEECH_VERBS:
        return False
    cur = span.root
    for _ in range(10):
        if cur.i == trigger.i or cur.head == cur:
            return False
        if cur.dep_ in ("ccomp", "xcomp", "pcomp", "csubj") and cur.pos_ in ("VERB", "AUX") and (
                cur.head.i == trigger.i or cur.head.dep_ == "prep" and cur.head.head.i == trigger.i):
            # an infinitive is what is asked or promised ("urged them to resume talks on Friday"); after a
            # decision the day at the end is usually the decision's ("Parliament voted to impeach him on Tuesday")
            return cur.dep_ != "xcomp" or lemma in _DIRECTIVE_VERBS
        cur = cur.head
    return False


#: events a relative clause can tell the effects of ("a war that killed 48", "an ambush in which two were killed")
_WAR_NOUNS = frozenset({
    "war", "attack", "strike", "airstrike", "raid", "bombing", "blast", "explosion", "ambush", "offensive",
    "assault", "battle", "clash", "clashes", "fighting", "shelling", "shooting", "massacre", "operation", "siege",
    "incursion", "invasion", "uprising", "riot", "crackdown", "earthquake", "storm", "fire", "crash", "collision",
})


def _attached_to(span: Span, noun: Token) -> bool:
    """Is the expression a modifier of ``noun`` or of the verb (or preposition) ``noun`` hangs on?"""
    up = span.root.head if span.root.dep_ != "pobj" else span.root.head.head
    if span.root.dep_ == "pobj" and span.root.head.dep_ == "prep":
        up = span.root.head.head
    elif span.root.dep_ in ("npadvmod", "tmod", "advmod", "nmod"):
        up = span.root.head
    anchors = {noun.i}
    cur = noun
    for _ in range(3):          # "during *an ambush*" → "captured"
        if cur.head == cur:
            break
        cur = cur.head
        anchors.add(cur.i)
        if cur.pos_ in ("VERB", "AUX"):
            break
    return up.i in anchors


def _in_sequence_clause(trigger: Token, span: Span) -> bool:
    """Is the trigger inside an after/before/since clause that the expression is outside of?"""
    cur = trigger
    for _ in range(5):
        if cur.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in _SEQUENCE_MARKS
                                       for c in cur.children):
            return not (cur.left_edge.i <= span.root.i <= cur.right_edge.i)
        if cur.head == cur:
            return False
        cur = cur.head
    return False


_AFTER_DATELINE_DATE = re.compile(r"\s*(\([^)]{1,30}\)\s*)?[-\u2014\u2013]+\s")


def _dateline_date(text: str, c: "_Cand") -> bool:
    """Is the expression the filing date of a wire dateline ("MAIDUGURI, Nigeria, Sept 7 (Reuters) - ...")?
    That is when the story was filed, not when anything in it happened."""
    return c.start < 60 and bool(_AFTER_DATELINE_DATE.match(text, c.end)) and "," in text[: c.start]


def resolve_event_date(sent: Span, trigger: Token | None, published: date | None) -> DateResult:
    """The event's date from its own sentence; falls back to the publication date with precision 'unknown'.

    Among several expressions the one linked to the trigger in the parse wins (fewest clauses crossed,
    shortest path), then the one nearest to the trigger; the sentence's first one when there is no trigger.
    An expression inside a relative clause or participle on another noun ("the town, captured in 2014") is
    never the event's date, nor is the end of a period ("a truce from Dec. 15 *to Jan. 6*", "*until Friday*").
    An event in a measured after/before phrase with no date of its own is dated from the event it is measured
    from ("released them on Monday, *a day after* Hamas handed over the remains": Sunday); when that one is
    undated too, ``relative`` says so and the story's lead settles it (see :func:`settle_story_dates`), as it
    does for "*two days later*" (from the story's preceding dated event).
    Undated present progressive ("is sending troops") is dated to the publication day (precision ``day``);
    anything else undated falls back to the publication date with precision ``unknown`` and no text."""
    tense = tense_of(trigger)
    cands = [c for c in _candidates(sent, published, tense) if not _dateline_date(sent.text, c)]
    # "overnight on Saturday", "overnight Saturday": the day named says which night
    cands = [c for c in cands if not (c.text.lower() == "overnight" and any(
        0 <= o.start - c.end <= 4 for o in cands if o is not c))]
    rel = _sequence_relation(trigger) if trigger is not None else None
    if rel is not None:
        gov, lo, hi, shift = rel
        inside = [c for c in cands if _within(sent, c, lo, hi)]
        if _choose(sent, trigger, inside, tense, published) is None:    # type: ignore[arg-type]
            r = _measured_from(sent, gov, [c for c in cands if c not in inside], shift, published)
            if r is not None:
                return r
    best: _Cand | None = None
    if cands and trigger is None:
        best = next((c for c in cands if not _range_end(sent.text, c, cands)), None)
    elif cands and trigger is not None:
        best = _choose(sent, trigger, cands, tense, published)
    if best is not None:
        prefix = _PREP_BEFORE.search(sent.text[: best.start])
        words = (sent.text[prefix.start(): best.end] if prefix else best.text).strip()
        if tense != "past" and published is not None and trigger is not None and _said_in_past(sent, best, trigger):
            # "announced in May that it would disband": the date is the past announcement's
            r = _resolve_any(words, published, "past") or _resolve_any(best.text, published, "past")
            if r is not None and r.start is not None and r.precision not in _NO_DATE:
                return DateResult(*_record_date(r), words, r.timex)
        return DateResult(*_record_date(best.res), words, best.res.timex)
    later = _LATER.search(sent.text) if published is not None and tense == "past" else None
    if later is not None and trigger is not None:
        shift = _later_shift(later)
        if shift is not None:
            # "Two days later, the army retaliated": counted from the story's preceding dated event
            return DateResult(published.isoformat(), "unknown", None, None,  # type: ignore[union-attr]
                              relative=(shift, "previous"))
    if published is not None and trigger is not None and _progressive(trigger):
        # "troops are massing on the border": happening as the story is filed
        return DateResult(published.isoformat(), "day", None, published.isoformat())
    return DateResult(published.isoformat() if published else None, "unknown", None, None)


def _choose(sent: Span, trigger: Token, cands: list[_Cand], tense: str, published: date | None) -> _Cand | None:
    """The expression that dates the event at ``trigger``, among ``cands`` (see :func:`resolve_event_date`)."""
    scored = []
    for c in cands:
        span = _cand_tokens(sent, c)
        cost = _link_cost(span, trigger) if span is not None and len(span) else (9, 9, 9, 999)
        if c.res.precision == "day" and span is not None and len(span) and cost[0] >= 9 \
                and _in_sequence_clause(trigger, span):
            continue    # "postponed talks on Wednesday after police arrested an officer": not that day
        if span is not None and len(span) and cost[0] >= 9 and _in_relative_clause(trigger, span):
            continue    # "demanded access on Thursday to citizens detained by agents": not their day
        if _range_end(sent.text, c, cands):
            continue    # "declared a truce from Dec. 15 to Jan. 6", "extended the curfew until Friday"
        if trigger.lemma_.lower() in _SPEECH_VERBS | _PLANNING and _range_start(sent.text, c, cands):
            continue    # "declared a truce *from Dec. 15* to Jan. 6", "postponed the vote from Monday to Thursday"
        if span is not None and len(span) and 0 < cost[0] < 9 and _in_said_content(span, trigger):
            continue    # "urged both sides to hold talks on Friday": the talks' day, not the urging's
        if cost < _OTHER_NOUN and not (tense == "past" and published is not None
                                       and c.res.iso > published.isoformat()):
            # something that has happened is not dated after the story ("agreed on Thursday to hold
            # drills next year": Thursday)
            scored.append((cost, c.start, c))
    return min(scored, key=lambda x: (x[0], x[1]))[2] if scored else None


# the end of a period: "until Friday", "from Dec. 15 to Jan. 6", "between March 1 and March 5", "Monday-Wednesday"
_END_WORD = re.compile(r"(?i)^(?:until|till|through|thru)\b")
_END_BEFORE = re.compile(r"(?i)\b(?:until|till|through|thru)\s+(?:the\s+)?$")
_JOIN_BEFORE = re.compile(r"(?i)(?:\s+(?:to|and|through)\s+|\s*[-\u2013\u2014]\s*)$")
_START_WORD = re.compile(r"(?i)(?:^|\b)(?:from|between)\s+(?:the\s+)?$")


def _range_start(text: str, c: _Cand, cands: list[_Cand] | tuple[_Cand, ...]) -> bool:
    """Is the expression the start of a period with its end named ("*from Dec. 15* to Jan. 6")?"""
    if not (re.match(r"(?i)(?:from|between)\b", c.text) or _START_WORD.search(text, 0, c.start)):
        return False
    return any(_range_end(text, e, cands) for e in cands if e.start >= c.end and e.start - c.end <= 12)


def _range_end(text: str, c: _Cand, cands: list[_Cand] | tuple[_Cand, ...]) -> bool:
    """Is the expression the end of a period, not a point in it ("a ceasefire from Dec. 15 *to Jan. 6*",
    "extended the curfew *until Friday*", "between March 1 *and March 5*")?"""
    if _END_WORD.match(c.text) or _END_BEFORE.search(text, 0, c.start):
        return True
    join = _JOIN_BEFORE.search(text, 0, c.start)
    if join is None:
        return False
    prev = [p for p in cands if p.end == join.start()]
    return bool(prev) and (bool(re.match(r"(?i)(?:from|between)\b", prev[0].text))
                           or bool(_START_WORD.search(text, 0, prev[0].start)))


def _within(sent: Span, c: _Cand, lo: int, hi: int) -> bool:
    span = _cand_tokens(sent, c)
    return span is not None and len(span) > 0 and lo <= span.root.i <= hi


# --- dates measured from another event ----------------------------------------------------------------------------

_SEQ_SIGN = {"after": -1, "following": -1, "before": 1}
_SEQ_STOP = frozenset({"relcl", "acl", "ccomp", "parataxis", "ROOT"})
_SOON = frozenset({"shortly", "soon", "immediately", "just", "moments", "minutes", "hours", "right", "only"})
_VAGUE_QUANT = frozenset({"few", "several", "some", "many", "couple"})


@dataclass(frozen=True)
class _Shift:
    days: int           # added to the other event's day (negative: before it)
    months: int         # added to its month (month/year precision)
    precision: str      # day | week | month | year
    words: str          # "a day after"


def _sequence_relation(trigger: Token) -> tuple[Token, int, int, _Shift] | None:
    """(the event it is measured from, first and last token of the phrase, the shift) when the trigger is in a
    measured after/before phrase: "*a day after* Hamas handed over the remains", "*days after* the worst
    fighting", "*two weeks before* the vote". None without a measure ("after talks"): that gives no date."""
    cur = trigger
    for _ in range(6):
        if cur.head == cur or cur.dep_ in _SEQ_STOP:
            return None
        if cur.dep_ == "advcl":
            mark = next((c for c in cur.children if c.dep_ in ("mark", "prep") and c.lower_ in _SEQ_SIGN), None)
            if mark is not None:
                shift = _measure(cur, mark)
                return (cur.head, cur.left_edge.i, cur.right_edge.i, shift) if shift else None
        if cur.dep_ == "pobj" and cur.head.lower_ in _SEQ_SIGN and cur.head.dep_ in ("prep", "advcl"):
            prep = cur.head
            unit = prep.head
            if unit.i < prep.i and unit.dep_ == "npadvmod" and unit.lemma_.lower() in _UNITS:
                # "[days [after the fighting]]": the parse hung the phrase on its measure
                shift = _measure_of(unit, prep)
                return (unit.head, unit.left_edge.i, prep.right_edge.i, shift) if shift else None
            shift = _measure(prep, prep)
            return (prep.head, prep.left_edge.i, prep.right_edge.i, shift) if shift else None
        cur = cur.head
    return None


_UNITS = frozenset({"hour", "minute", "moment", "day", "night", "week", "month", "year"})


def in_sequence_phrase(trigger: Token) -> bool:
    """Is the event placed before or after another one ("suspended the deal on Monday *after a landmine blast
    wounded four soldiers*", "*since* rebels seized the town")? Then it is not simply the time of its clause."""
    cur = trigger
    for _ in range(6):
        if cur.head == cur or cur.dep_ in _SEQ_STOP:
            return False
        if cur.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in _SEQUENCE_MARKS
                                       for c in cur.children):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in _SEQUENCE_MARKS and cur.head.dep_ in ("prep", "advcl"):
            return True
        cur = cur.head
    return False


def _measure(head: Token, mark: Token) -> _Shift | None:
    """The length before "after"/"before": "a day", "two days", "days", "hours", "shortly", "a week"."""
    for m in sorted({*mark.children, *head.children}, key=lambda t: t.i):
        if m.i < mark.i and m.dep_ in ("npadvmod", "advmod", "nmod", "obl"):
            return _measure_of(m, mark)
    return None


def _measure_of(m: Token, mark: Token) -> _Shift | None:
    """The shift said by the measure word ``m`` of the phrase marked by ``mark`` ("after", "before")."""
    sign = _SEQ_SIGN[mark.lower_]
    words = mark.doc[min(m.left_edge.i, mark.i): mark.i + 1].text
    unit = m.lemma_.lower() if m.lemma_.lower() in _UNITS else None
    if unit is None:
        return _Shift(0, 0, "day", words) if m.lower_ in _SOON else None
    if unit in ("hour", "minute", "moment"):
        return _Shift(0, 0, "day", words)
    n: int | None = None
    vague = False
    for c in m.children:
        if c.dep_ == "nummod":
            n = g._num(c.text) if c.text.isdigit() or c.lower_ in g.NUMBERS else None
            vague = n is None
        elif c.dep_ in ("det", "quantmod", "amod") and c.lower_ in _VAGUE_QUANT:
            vague = True
        elif c.dep_ == "det" and c.lower_ in ("a", "an", "one", "the") and n is None:
            n = 1
    if n is None and not vague:
        if m.tag_ == "NNS":
            vague = True
        else:
            n = 1
    if unit in ("day", "night"):
        return _Shift(sign * 3, 0, "week", words) if vague else _Shift(sign * n, 0, "day", words)  # type: ignore[operator]
    if vague:
        return None
    if unit == "week":
        return _Shift(sign * 7 * n, 0, "day", words)  # type: ignore[operator]
    if unit == "month":
        return _Shift(0, sign * n, "month", words)  # type: ignore[operator]
    return _Shift(0, sign * 12 * n, "year", words)  # type: ignore[operator]


def apply_shift(day: date, shift: _Shift) -> DateResult:
    """The date ``shift`` away from ``day``, in the shift's precision."""
    if shift.precision in ("day", "week"):
        d = day + timedelta(days=shift.days)
        r = g.Resolved(d, "day", d.isoformat()) if shift.precision == "day" else g._week(d)
    else:
        y, m = g._add_months(day.year, day.month, shift.months)
        r = g._month(y, m) if shift.precision == "month" else g._year(y)
    return DateResult(r.iso, r.precision, shift.words, r.timex)


def _measured_from(sent: Span, gov: Token, cands: list[_Cand], shift: _Shift,
                   published: date | None) -> DateResult | None:
    """The date of an event measured from ``gov`` ("released them on Monday, a day after ..."): ``gov``'s day
    shifted; pending on the story's lead when ``gov`` is an undated past account ("The attack came a day
    after ..."); None when ``gov`` is dated more coarsely than a day or is not a past account."""
    if published is None:
        return None
    gtense = tense_of(gov)
    keep = {(c.start, c.end) for c in cands}
    cands = [c for c in _candidates(sent, published, gtense) if (c.start, c.end) in keep]   # read in its tense
    best = _choose(sent, gov, cands, gtense, published)
    if best is not None:
        if best.res.precision != "day" or best.res.start is None:
            return None
        return apply_shift(best.res.start, shift)
    if gtense != "past":
        return None
    return DateResult(published.isoformat(), "unknown", None, None, relative=(shift, "lead"))


# "Two days later, ...", "the next day", "a week earlier": counted from the story's preceding dated event
_LATER = re.compile(r"(?i)\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>day|week)s?"
                    r"\s+(?P<dir>later|earlier|afterwards|before that)"
                    r"|(?:(?:just|only|a few|several|some)\s+)?(?:hours|minutes|moments)\s+(?:later|earlier)"
                    r"|the\s+(?P<dir2>next|following|previous)\s+(?:day|morning|afternoon|evening|night)"
                    r"|(?:later|earlier)\s+(?:that|the same)\s+day|the\s+same\s+day)\b")


def _later_shift(m: re.Match[str]) -> _Shift | None:
    words = m.group(0)
    if m.group("n"):
        n = g._num(m.group("n"))
        if n is None:
            return None
        k = n * (7 if m.group("unit").lower() == "week" else 1)
        return _Shift(-k if m.group("dir").lower() in ("earlier", "before that") else k, 0, "day", words)
    if m.group("dir2"):
        return _Shift(-1 if m.group("dir2").lower() == "previous" else 1, 0, "day", words)
    return _Shift(0, 0, "day", words)


def _said_in_past(sent: Span, c: _Cand, trigger: Token) -> bool:
    """Is the expression attached to a past-tense verb above the trigger ("The PKK *announced in May* that it
    would disband": May is when it was announced, not a coming May)?"""
    span = _cand_tokens(sent, c)
    if span is None or not len(span):
        return False
    verb = _verb_of(span.root.head) if span.root.head != span.root else None
    if verb is None or verb == trigger or verb.tag_ != "VBD":
        return False
    cur = trigger
    for _ in range(6):
        if cur.head == cur:
            return False
        cur = cur.head
        if cur == verb:
            return True
    return False


def _progressive(trigger: Token) -> bool:
    """Present progressive ("is sending", "are massing") on the trigger or on the verb governing it."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else (_verb_of(trigger.head) if trigger.head != trigger else None)
    if v is None or v.tag_ != "VBG":
        return False
    lows = {c.lower_ for c in v.children if c.dep_ == "aux"}
    return bool(lows & {"is", "are", "am", "'s", "'re", "'m"}) and not (lows & _FUTURE_AUX)


# --- the story -------------------------------------------------------------------------------------------------

def settle_story_dates(mentions: Sequence[Any], dates: list[DateResult], published: date | None,
                       lead: DateResult | None, narrative: Sequence[bool]) -> None:
    """Dates that need the rest of the story, settled in place (``dates[i]`` belongs to ``mentions[i]``, which
    carry ``sent``, ``trigger`` and ``event``; ``narrative[i]``: is it a past-tense account).

    * measured from an undated event ("The attack came *a day after* U.S. forces carried out an air strike"):
      from the lead's day (the event the story is about);
    * "*Two days later*, the army retaliated", "the next day": from the story's preceding event dated to a day;
    * a week ("Algeria's expulsion of French staff *earlier this week*") that holds exactly one day
      on which the story dates an event of the same type ("Algiers on Tuesday ordered eight employees to
      leave"): that day ("earlier" ones before publication);
    * an undated past account that continues the sentence before it in the same paragraph ("... was killed by
      a police bullet on Thursday night. Police had fired tear gas at demonstrators marching on Congress."):
      that sentence's day, when its events are dated to one day of their own.
    """
    if published is None:
        return
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].trigger.idx)
    own = [d.precision == "day" and d.text is not None and d.relative is None and d.date is not None
           for d in dates]
    for i in order:
        d = dates[i]
        if d.relative is None:
            continue
        shift, kind = d.relative
        base: str | None = None
        if kind == "lead":
            base = lead.date if lead is not None and lead.precision == "day" else None
        else:
            start = mentions[i].sent.start
            prev = [j for j in order if own[j] and narrative[j] and mentions[j].sent.start < start
                    and dates[j].date <= published.isoformat()]  # type: ignore[operator]
            base = dates[prev[-1]].date if prev else None
        if base:
            r = apply_shift(date.fromisoformat(base), shift)
            if r.date is not None and r.date <= published.isoformat():
                dates[i] = r
    for i in order:
        d = dates[i]
        if d.precision != "week" or not d.text or not d.date:
            continue
        lo = date.fromisoformat(d.date)
        hi = lo + timedelta(days=7)
        last = published if "earlier" in d.text.lower() else published + timedelta(days=1)
        days = {dates[j].date for j in order if j != i and own[j] and mentions[j].event == mentions[i].event
                and lo.isoformat() <= dates[j].date < min(hi, last).isoformat()}  # type: ignore[operator]
        if len(days) == 1:
            day = days.pop()
            dates[i] = DateResult(day, "day", d.text, day)
    for i in order:
        d = dates[i]
        if d.precision != "unknown" or d.text is not None or not narrative[i]:
            continue
        sent = mentions[i].sent
        prev_sent = _previous_sentence(sent)
        srcs = [] if prev_sent is None else [
            dates[j] for j in order if own[j] and narrative[j] and mentions[j].sent.start == prev_sent.start
            and dates[j].date <= published.isoformat()]  # type: ignore[operator]
        if len({s.date for s in srcs}) == 1:
            dates[i] = DateResult(srcs[0].date, "day", srcs[0].text, srcs[0].timex)


def _previous_sentence(sent: Span) -> Span | None:
    """The sentence before ``sent`` in the same paragraph (no line break between them), or None."""
    doc = sent.doc
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    between = doc.text[prev.start_char: sent.start_char]
    if "\n" in between[len(between.rstrip()):] or "\n" in prev.text.strip():
        return None
    return prev
