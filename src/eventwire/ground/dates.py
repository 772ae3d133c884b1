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

from spacy.tokens import Span, Token

from eventwire.ground import date_grammar as g

__all__ = ["DateResult", "resolve_event_date", "resolve_expression", "timex_value", "tense_of"]


@dataclass
class DateResult:
    date: str | None          # YYYY-MM-DD (first day of the period for week/month/year precision)
    precision: str            # day | week | month | year | unknown
    text: str | None          # the words it was resolved from
    timex: str | None = None  # TIMEX3-like value ("1998-W03", "1998-01-14TNI"); None when unknown
    # dated relative to an undated event of the story ("The attack came *a day after* U.S. forces carried out an
    # air strike"): (days to add to that event's day, precision, words); the story's lead settles it
    relative: tuple[int, str, str] | None = field(default=None, compare=False, repr=False)


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
        if cur.head is cur:
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
        verb = _verb_of(trigger.head) if trigger.head is not trigger else None
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
    if v.tag_ == "VB" and v.head is not v and v.dep_ in ("xcomp", "ccomp", "conj") and depth < 3:
        return _verb_tense(v.head, depth + 1)
    return g.PAST


def _past_perfect(t: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children)


def _to_is_future(v: Token, depth: int) -> bool:
    head = v.head
    if head is v:
        return False
    if _past_perfect(head) or (head.dep_ in ("acomp", "attr", "xcomp") and head.head is not head
                               and _past_perfect(head.head)):
        return False    # "had been due to expire Friday", "had been scheduled to open Monday": a plan seen from the past
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
        v = _verb_of(trigger.head) if trigger.head is not trigger else None
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
        if cur.head is cur:
            break
        if cur.dep_ in ("acl", "relcl") and cur.head.i != trigger.i and cur.pos_ in ("VERB", "AUX"):
            return _OTHER_NOUN  # "the town, which the army captured in 2014": that noun's history, not the event
        if steps > 0 and cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass", "acl", "relcl"):
            crossed += 1   # a clause of its own; a participle or relative clause on the trigger noun is not
        cur = cur.head
    # not under the trigger: is the trigger under the expression's verb (e.g. "said Thursday ... attacked")?
    return (9, 9, 9, dist)


_SEQUENCE_MARKS = frozenset({"after", "before", "since", "following", "until"})


def _in_relative_clause(trigger: Token, span: Span) -> bool:
    """Is the trigger inside a relative clause or participle on a noun that the expression is outside of?"""
    cur = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for _ in range(4):
        if cur.dep_ in ("acl", "relcl") and cur.pos_ in ("VERB", "AUX"):
            return not (cur.left_edge.i <= span.root.i <= cur.right_edge.i)
        if cur.head is cur or cur.dep_ not in ("conj", "xcomp", "acl", "relcl"):
            return False
        cur = cur.head
    return False


def _in_sequence_clause(trigger: Token, span: Span) -> bool:
    """Is the trigger inside an after/before/since clause that the expression is outside of?"""
    cur = trigger
    for _ in range(5):
        if cur.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in _SEQUENCE_MARKS
                                       for c in cur.children):
            return not (cur.left_edge.i <= span.root.i <= cur.right_edge.i)
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def resolve_event_date(sent: Span, trigger: Token | None, published: date | None) -> DateResult:
    """The event's date from its own sentence; falls back to the publication date with precision 'unknown'.

    Among several expressions the one linked to the trigger in the parse wins (fewest clauses crossed,
    shortest path), then the one nearest to the trigger; the sentence's first one when there is no trigger.
    An expression inside a relative clause or participle on another noun ("the town, captured in 2014") is
    never the event's date.
    Undated present progressive ("is sending troops") is dated to the publication day (precision ``day``);
    anything else undated falls back to the publication date with precision ``unknown`` and no text."""
    tense = tense_of(trigger)
    cands = _candidates(sent, published, tense)
    best: _Cand | None = None
    if cands and trigger is None:
        best = cands[0]
    elif cands and trigger is not None:
        scored = []
        for c in cands:
            span = _cand_tokens(sent, c)
            cost = _link_cost(span, trigger) if span is not None and len(span) else (9, 9, 9, 999)
            if c.res.precision == "day" and span is not None and len(span) and cost[0] >= 9 \
                    and _in_sequence_clause(trigger, span):
                continue    # "postponed talks on Wednesday after police arrested an officer": not that day
            if span is not None and len(span) and cost[0] >= 9 and _in_relative_clause(trigger, span):
                continue    # "demanded access on Thursday to citizens detained by agents": not their day
            if cost < _OTHER_NOUN and not (tense == "past" and published is not None
                                           and c.res.iso > published.isoformat()):
                # something that has happened is not dated after the story ("agreed on Thursday to hold
                # drills next year": Thursday)
                scored.append((cost, c.start, c))
        if scored:
            best = min(scored, key=lambda x: (x[0], x[1]))[2]
    if best is not None:
        prefix = _PREP_BEFORE.search(sent.text[: best.start])
        words = (sent.text[prefix.start(): best.end] if prefix else best.text).strip()
        if tense != "past" and published is not None and trigger is not None and _said_in_past(sent, best, trigger):
            # "announced in May that it would disband": the date is the past announcement's
            r = _resolve_any(words, published, "past") or _resolve_any(best.text, published, "past")
            if r is not None and r.start is not None and r.precision not in _NO_DATE:
                return DateResult(*_record_date(r), words, r.timex)
        return DateResult(*_record_date(best.res), words, best.res.timex)
    if published is not None and trigger is not None and _progressive(trigger):
        # "troops are massing on the border": happening as the story is filed
        return DateResult(published.isoformat(), "day", None, published.isoformat())
    return DateResult(published.isoformat() if published else None, "unknown", None, None)


def _said_in_past(sent: Span, c: _Cand, trigger: Token) -> bool:
    """Is the expression attached to a past-tense verb above the trigger ("The PKK *announced in May* that it
    would disband": May is when it was announced, not a coming May)?"""
    span = _cand_tokens(sent, c)
    if span is None or not len(span):
        return False
    verb = _verb_of(span.root.head) if span.root.head is not span.root else None
    if verb is None or verb is trigger or verb.tag_ != "VBD":
        return False
    cur = trigger
    for _ in range(6):
        if cur.head is cur:
            return False
        cur = cur.head
        if cur is verb:
            return True
    return False


def _progressive(trigger: Token) -> bool:
    """Present progressive ("is sending", "are massing") on the trigger or on the verb governing it."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else (_verb_of(trigger.head) if trigger.head is not trigger else None)
    if v is None or v.tag_ != "VBG":
        return False
    lows = {c.lower_ for c in v.children if c.dep_ == "aux"}
    return bool(lows & {"is", "are", "am", "'s", "'re", "'m"}) and not (lows & _FUTURE_AUX)
