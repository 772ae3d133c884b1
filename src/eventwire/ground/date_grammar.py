"""A small regular grammar for English date expressions in news text, resolved against an anchor date.

Pure functions, no spaCy: ``scan(text)`` finds expressions in a sentence, ``resolve(text, anchor, tense)``
turns one expression into a :class:`Resolved` (the first day of the period, its precision and a TIMEX3-style
value such as ``1998-01-14``, ``1998-01-14TNI``, ``1998-W03``, ``1998-01`` or ``1998``).

Direction rules (documented in docs/dates.md):

* a bare weekday in a past or present sentence is the latest such day **on or before** the anchor (wire stories
  name the publication day itself: "said Thursday" in a Thursday story); in a future sentence it is the first
  such day **on or after** the anchor. "last Friday" / "next Friday" are strictly before / after.
* a bare month ("in March") is the latest such month not after the anchor's month in the past, the first
  not before it in the future, the nearest one in the present.
* a day of a month without a year ("March 5") likewise: latest not after the anchor (past), first not before
  (future), nearest (present); a weekday written with it ("Friday, Oct. 13") picks the matching year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "a couple of": 2, "a couple": 2, "couple of": 2,
}
_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINALS = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
ORDINALS.update({"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20, "thirtieth": 30})
for _i, _w in enumerate(_ORD_UNITS):
    ORDINALS[f"twenty-{_w}"] = 21 + _i
    ORDINALS[f"twenty {_w}"] = 21 + _i
ORDINALS["thirty-first"] = ORDINALS["thirty first"] = 31

PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
               "overnight": "NI", "mid-afternoon": "AF", "midafternoon": "AF", "midmorning": "MO",
               "mid-morning": "MO"}

PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass(frozen=True)
class Resolved:
    start: date          # first day of the period
    precision: str       # day | week | month | year
    timex: str           # TIMEX3-like value

    @property
    def iso(self) -> str:
        return self.start.isoformat()


@dataclass(frozen=True)
class Found:
    """An expression found by :func:`scan`: character offsets in the scanned text and its rule."""

    start: int
    end: int
    text: str
    rule: str
    absolute: bool       # needs no anchor (carries its own year)


# --- building blocks -------------------------------------------------------------------------------------------

def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Month and weekday names must be capitalised in running text (so "may", "march" stay verbs); Title or UPPER.
_MONTH_NAMES = [m for m in MONTHS if m != "may"]
_MON = ("(?P<mon>" + "|".join(f"{m.capitalize()}|{m.upper()}" for m in sorted(_MONTH_NAMES, key=len, reverse=True))
        + "|May|MAY)")
_MON_ABBR_DOT = r"\.?"
_WD = "(?P<wd>" + "|".join(f"{w.capitalize()}|{w.upper()}" for w in WEEKDAYS) + ")"
_NUM = "(?P<num>\\d{1,3}|" + _alt(list(NUMBERS)) + ")"
_ORD = "(?:" + _alt(list(ORDINALS)) + ")"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_APPROX = r"(?:(?:about|nearly|almost|some|roughly|around|more than|less than|over|just over|just under|barely|only|exactly)\s+)?"
_POD = "(?P<pod>" + _alt(["morning", "afternoon", "evening", "night", "overnight"]) + ")"
_TZ = r"(?:\s+(?:[A-Z]{1,3}T|UTC|GMT)\b)?"
_CLOCK = (r"(?P<clock>(?P<hh>[01]?\d)(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)" + _TZ
          + r"|(?P<hh24>[0-2]?\d):(?P<mm24>[0-5]\d)" + _TZ + r"|(?i:noon|midnight|midday))")
# words after which a weekday lies ahead whatever the verb's tense: "postponed until Tuesday", "as early as Monday"
_FWD = r"(?P<fwd>(?i:until|till|as early as|as soon as|no later than|postponed to|put off to|delayed to))"
_EDGE = r"(?P<edge>(?i:early|late|earlier|later|mid-afternoon|midafternoon|mid-morning|midmorning|mid|at the end of|the end of|end of|the beginning of|the start of))"

_CUE = r"(?P<cue>(?i:in|during|since|by|until|till|from|through|throughout|before|after|of|early|late|mid|mid-|earlier in|later in|the end of|end of|the beginning of|the start of|the middle of))\s+"


@dataclass(frozen=True)
class _Rule:
    name: str
    rx: re.Pattern[str]
    absolute: bool = False
    needs_cue: bool = False   # in running text, only with a preposition before it


# Keyword classes: a rule is tried only when every class it needs occurs in the text (one cheap pass first).
_KEYWORDS = re.compile(
    r"(?P<wd>\b(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|(?P<unit>\b(?:day|week|weekend|fortnight|month|year|decade)s?\b)"
    r"|(?P<mon>\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
    r"|(?P<y4>\d{4})"
    r"|(?P<ago>\bago\b)"
    r"|(?P<rel>\b(?:today|tonight|yesterday|tomorrow|overnight)\b)"
    r"|(?P<pod>\b(?:morning|afternoon|evening|night)\b)",
    re.I,
)
_NEEDS = {
    "iso": {"y4"}, "numeric": {"y4"}, "dmy": {"mon", "y4"}, "mdy": {"mon", "y4"}, "my": {"mon", "y4"}, "md": {"mon"}, "dm": {"mon"},
    "mrel": {"mon", "unit"}, "relm": {"mon"}, "endof": {"unit"}, "yearend": {"unit"}, "month": {"mon"},
    "year": {"y4"}, "ago": {"ago", "unit"}, "in_n": {"unit"}, "dayrel": {"rel"}, "thispod": {"pod"},
    "weekday": {"wd"}, "week": {"unit"}, "weekend": {"unit"}, "yearago": {"unit"},
}


def _r(name: str, pattern: str, absolute: bool = False, needs_cue: bool = False, flags: int = 0) -> _Rule:
    return _Rule(name, re.compile(pattern, flags), absolute, needs_cue)


RULES: list[_Rule] = [
    _r("iso", r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", absolute=True),
    _r("numeric", r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:1[89]|20)\d\d)\b", absolute=True),
    _r("dmy", r"\b(?:" + _WD + r",?\s+)?" + _DAYNUM + r"\s+(?i:of\s+)?" + _MON + _MON_ABBR_DOT + r",?\s+" + _YEAR + r"\b",
       absolute=True),
    _r("mdy", r"\b(?:" + _WD + r",?\s+)?" + _MON + _MON_ABBR_DOT + r"\s+" + _DAYNUM + r",?\s+" + _YEAR + r"\b", absolute=True),
    _r("my", r"\b(?:" + _CUE + r")?" + _MON + _MON_ABBR_DOT + r",?\s+(?i:of\s+)?" + _YEAR + r"\b", absolute=True),
    _r("md", r"\b(?:(?i:(?P<coming>this coming|this past|next|last))\s+)?(?:" + _WD + r",?\s+)?" + _MON
       + _MON_ABBR_DOT + r"\s+(?:" + _DAYNUM + r"|(?P<dayword>" + _ORD + r"))\b(?!,?\s*\d)"),
    _r("dm", r"\b(?:" + _WD + r",?\s+)?(?i:the\s+)?" + _DAYNUM + r"\s+(?i:of\s+)?" + _MON + _MON_ABBR_DOT + r"\b(?!,?\s*\d)"),
    _r("mrel", r"\b" + _MON + r"\s+(?i:(?:of\s+)?(?P<which>this|last|next)\s+year)\b"),
    _r("relm", r"\b(?i:(?P<which>this|last|next|this coming|this past|early|late|mid|mid-)\s*)" + _MON + r"\b(?![.\s]*\d)"),
    _r("endof", r"\b(?i:(?:the\s+)?(?P<edge>end|beginning|start|middle|turn)\s+of\s+(?:the|this)\s+(?P<unit>week|month|year))\b"),
    _r("yearend", r"\b(?i:(?:the\s+)?year[- ]end|(?:the\s+)?end\s+of\s+(?:the\s+)?year)\b"),
    _r("month", r"\b(?:" + _CUE + r")?" + _MON + r"\b(?![.\s]*\d)", needs_cue=True),
    _r("year", r"(?<![/.\-])\b(?:" + _CUE + r"|(?i:the year)\s+)?" + _YEAR + r"\b(?!s|'s|-|\s*(?i:percent|people|troops|km|miles|tonnes|tons|soldiers|dollars))",
       absolute=True, needs_cue=True),
    _r("ago", r"\b" + _APPROX + _NUM + r"\s+(?P<unit>day|week|fortnight|month|year|decade)s?(?:\s+or\s+so)?\s+ago\b", flags=re.I),
    _r("in_n", r"\b(?i:in|within)\s+" + _APPROX + _NUM + r"\s+(?P<unit>day|week|month|year)s?(?:'|'s)?\s*(?:time\b)?(?!\s+(?:of|after|before|later))",
       flags=re.I),
    _r("dayrel", r"\b(?:(?P<edge>early|late|earlier|later|mid-afternoon|midafternoon|mid-morning|midmorning)\s+)?"
       r"(?P<rel>the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow|overnight)"
       r"(?:(?:'s)?\s+" + _POD.replace("(?P<pod>", "(?P<pod2>") + r")?\b", flags=re.I),
    _r("thispod", r"\b(?:(?P<edge>earlier|later)\s+)?(?P<which>this|last)\s+(?P<pod>morning|afternoon|evening|night)\b", flags=re.I),
    _r("weekday", r"\b(?:" + _FWD + r"\s+(?:(?i:at)\s+)?)?(?:" + _CLOCK + r"\s+)?(?:(?P<mod>(?i:this coming|this past|the previous|the following|the next|last|next|this|past|coming|previous|early|late|earlier|later|mid-afternoon|midafternoon|mid-morning|midmorning))\s+)?"
       + _WD + r"(?:'s)?(?:\s+(?i:" + _POD + r"))?\b"),
    _r("week", r"\b(?:" + _EDGE + r"\s+)?(?i:(?P<which>this past|this coming|this|last|next|the past|the last|the previous|the coming|the following|the current|the same)\s+(?P<unit>week|weekend|month|year))\b(?!-)"),
    _r("weekend", r"\b(?i:(?:over|during|at)\s+the\s+(?P<unit>weekend))\b"),
    _r("yearago", r"\b(?i:(?P<num>a|one)\s+year\s+(?:ago|earlier))\b"),
]


# --- scanning --------------------------------------------------------------------------------------------------

def scan(text: str, standalone: bool = False) -> list[Found]:
    """Date expressions in ``text``: longest leftmost, non-overlapping, in text order.

    ``standalone`` accepts a bare month name or year (the text is known to be a date expression)."""
    hits: list[tuple[int, int, _Rule, re.Match[str]]] = []
    present = {m.lastgroup for m in _KEYWORDS.finditer(text)}
    if not present:
        return []
    for rule in RULES:
        if not _NEEDS[rule.name] <= present:
            continue
        for m in rule.rx.finditer(text):
            if rule.needs_cue and not standalone and not m.groupdict().get("cue"):
                continue
            if rule.name == "weekday" and _weekday_is_a_name(text, m):
                continue
            hits.append((m.start(), m.end(), rule, m))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Found] = []
    last_end = -1
    for start, end, rule, m in hits:
        if start < last_end:
            # overlapping: keep a strictly longer later one only if it swallows the previous
            if out and start >= out[-1].start and end > last_end and (end - start) > (out[-1].end - out[-1].start):
                out[-1] = Found(start, end, text[start:end], rule.name, rule.absolute)
                last_end = end
            continue
        out.append(Found(start, end, text[start:end], rule.name, rule.absolute))
        last_end = end
    return out


# "Good Friday Agreement", "Bloody Sunday", "the Sunday Times": weekday names that are part of a name
_NAME_BEFORE = re.compile(r"(?:Good|Black|Bloody|Ash|Holy|Palm|Easter|Super|Cyber|Maundy)\s+$")
_NAME_AFTER = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Tribune|Independent|Observer|"
                         r"Agreement|Accord|Mosque|Movement|Group|Club|Service|Magazine|Edition|Show|Night Live)\b")


def _weekday_is_a_name(text: str, m: re.Match[str]) -> bool:
    return bool(_NAME_BEFORE.search(text, 0, m.start("wd")) or _NAME_AFTER.match(text, m.end("wd")))


# --- resolution ------------------------------------------------------------------------------------------------

def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _num(s: str) -> int | None:
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    return NUMBERS.get(s)


def _day_timex(d: date, suffix: str = "") -> str:
    return d.isoformat() + suffix


def _week(d: date) -> Resolved:
    y, w, wd = d.isocalendar()
    return Resolved(d - timedelta(days=wd - 1), "week", f"{y:04d}-W{w:02d}")


def _month(y: int, m: int) -> Resolved:
    return Resolved(date(y, m, 1), "month", f"{y:04d}-{m:02d}")


def _year(y: int) -> Resolved:
    return Resolved(date(y, 1, 1), "year", f"{y:04d}")


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def weekday_date(wd: int, anchor: date, direction: str) -> date:
    """The weekday ``wd`` (0=Monday) relative to ``anchor``: ``on_or_before``, ``before``, ``on_or_after``, ``after``."""
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if direction == "on_or_before":
        return anchor - timedelta(days=back)
    if direction == "before":
        return anchor - timedelta(days=back or 7)
    if direction == "on_or_after":
        return anchor + timedelta(days=fwd)
    return anchor + timedelta(days=fwd or 7)


PAST_WINDOW_DAYS = 300


def _pick(cands: list[date], anchor: date, tense: str) -> date:
    """Among candidate days, the one the tense points to (see module doc).

    Past: the latest not after the anchor, if that is within about ten months; a yearless date further back
    than that is rarely meant (wire style adds the year), so the nearest candidate wins. Future: the first not
    before the anchor. Present: the nearest."""
    if tense == PAST:
        before = [c for c in cands if c <= anchor]
        if before and (anchor - max(before)).days <= PAST_WINDOW_DAYS:
            return max(before)
    elif tense == FUTURE:
        after = [c for c in cands if c >= anchor]
        if after:
            return min(after)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


def _suffix(g: dict[str, str | None]) -> str:
    clock = g.get("clock")
    if clock:
        c = clock.lower()
        if c in ("noon", "midday"):
            return "T12:00"
        if c == "midnight":
            return "T24"
        hh = int(g.get("hh") or g.get("hh24") or 0)
        mm = int(g.get("mm") or g.get("mm24") or 0)
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        if ampm.startswith("a") and hh == 12:
            hh = 0
        return f"T{hh:02d}:{mm:02d}"
    for key in ("pod", "pod2", "edge", "rel"):
        v = g.get(key)
        if v and v.lower() in PART_OF_DAY:
            return "T" + PART_OF_DAY[v.lower()]
    return ""


def _resolve_match(rule: str, g: dict[str, str | None], anchor: date, tense: str) -> Resolved | None:
    low = {k: (v.lower() if isinstance(v, str) else v) for k, v in g.items()}
    if rule == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))  # type: ignore[arg-type]
        return Resolved(d, "day", d.isoformat()) if d else None
    if rule == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["year"])  # type: ignore[arg-type]
        # day/month or month/day: whichever order is a valid date; if both are, the one nearer the tense's side
        cands = [d for d in {_safe_date(y, b, a), _safe_date(y, a, b)} if d is not None]
        if not cands:
            return None
        d = _pick(cands, anchor, tense)
        return Resolved(d, "day", d.isoformat())
    if rule in ("dmy", "mdy"):
        d = _safe_date(int(g["year"]), _month_num(g["mon"]), int(g["day"]))  # type: ignore[arg-type]
        return Resolved(d, "day", d.isoformat()) if d else None
    if rule == "my":
        return _month(int(g["year"]), _month_num(g["mon"]))  # type: ignore[arg-type]
    if rule == "year":
        return _year(int(g["year"]))  # type: ignore[arg-type]
    if rule in ("md", "dm"):
        mon = _month_num(g["mon"])  # type: ignore[arg-type]
        day = int(g["day"]) if g.get("day") else ORDINALS[low["dayword"]]  # type: ignore[index]
        cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, mon, day))]
        if not cands:
            return None
        if g.get("wd"):
            wd = WEEKDAYS.index(low["wd"])  # type: ignore[arg-type]
            match = [c for c in cands if c.weekday() == wd]
            if match:
                cands = match
        coming = low.get("coming")
        if coming in ("this coming", "next"):
            tense = FUTURE
        elif coming in ("this past", "last"):
            tense = PAST
        d = _pick(cands, anchor, tense)
        return Resolved(d, "day", d.isoformat())
    if rule == "mrel":
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[low["which"]]  # type: ignore[index]
        return _month(y, _month_num(g["mon"]))  # type: ignore[arg-type]
    if rule == "relm":
        mon = _month_num(g["mon"])  # type: ignore[arg-type]
        which = low["which"].strip()  # type: ignore[union-attr]
        if which in ("this",):
            return _month(anchor.year, mon)
        ref = anchor.replace(day=1)
        if which in ("next", "this coming"):
            y = anchor.year if mon > anchor.month else anchor.year + 1
            return _month(y, mon)
        if which in ("last", "this past"):
            y = anchor.year if mon < anchor.month else anchor.year - 1
            return _month(y, mon)
        d = _pick([date(y, mon, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)], ref, tense)
        return _month(d.year, d.month)
    if rule == "endof":
        unit = low["unit"]
        if unit == "week":
            return _week(anchor)
        if unit == "month":
            return _month(anchor.year, anchor.month)
        return _year(anchor.year)
    if rule == "yearend":
        return _year(anchor.year)
    if rule == "month":
        mon = _month_num(g["mon"])  # type: ignore[arg-type]
        cands = [date(y, mon, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        ref = anchor.replace(day=1)
        cue = low.get("cue") or ""
        if cue in ("since", "after", "from"):
            tense = PAST if tense != FUTURE else tense
        d = _pick(cands, ref, tense)
        return _month(d.year, d.month)
    if rule == "in_n" and tense != FUTURE:
        return None   # "the worst attack in five years" is a span, not a date; "will vote in two weeks" is
    if rule in ("ago", "in_n", "yearago"):
        n = _num(low["num"] or "")  # type: ignore[arg-type]
        if n is None:
            return None
        unit = (low.get("unit") or "year")
        sign = 1 if rule == "in_n" else -1
        if unit == "day":
            d = anchor + timedelta(days=sign * n)
            return Resolved(d, "day", d.isoformat())
        if unit in ("week", "fortnight"):
            return _week(anchor + timedelta(days=sign * n * (14 if unit == "fortnight" else 7)))
        if unit == "month":
            return _month(*_add_months(anchor.year, anchor.month, sign * n))
        if unit == "decade":
            n *= 10
        return _year(anchor.year + sign * n)
    if rule == "dayrel":
        rel = low["rel"]
        off = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}[rel]  # type: ignore[index]
        d = anchor + timedelta(days=off)
        return Resolved(d, "day", _day_timex(d, _suffix(g)))
    if rule == "thispod":
        d = anchor - timedelta(days=1) if low["which"] == "last" and low["pod"] == "night" else anchor
        return Resolved(d, "day", _day_timex(d, _suffix(g)))
    if rule == "weekday":
        wd = WEEKDAYS.index(low["wd"])  # type: ignore[arg-type]
        mod = low.get("mod") or ""
        if mod in ("last", "past", "this past", "previous", "the previous"):
            direction = "before"
        elif mod in ("next", "coming", "the following", "the next"):
            direction = "after"
        elif mod == "this coming":
            direction = "after"
        elif tense == FUTURE or g.get("fwd"):
            direction = "on_or_after"
        else:
            direction = "on_or_before"
        d = weekday_date(wd, anchor, direction)
        return Resolved(d, "day", _day_timex(d, _suffix(g)))
    if rule in ("week", "weekend"):
        which = (low.get("which") or "the").replace("the ", "") if rule == "week" else "the"
        unit = low["unit"]
        if unit == "weekend":
            if which == "next" or (which in ("the", "this", "coming", "following") and tense == FUTURE):
                sat = weekday_date(5, anchor, "after" if which == "next" else "on_or_after")
            elif which == "this" and tense == PRESENT:
                sat = weekday_date(5, anchor, "on_or_after") if anchor.weekday() < 5 else weekday_date(5, anchor, "on_or_before")
            else:
                sat = weekday_date(5, anchor, "on_or_before")
            y, w, _ = sat.isocalendar()
            return Resolved(sat, "week", f"{y:04d}-W{w:02d}-WE")
        k = {"this past": 0, "this coming": 1, "this": 0, "current": 0, "same": 0, "past": 0, "last": -1, "previous": -1,
             "next": 1, "coming": 1, "following": 1}.get(which, 0)
        if which in ("past", "last") and g.get("which", "").lower().startswith("the "):  # "the past/last week"
            k = 0
        if unit == "week":
            return _week(anchor + timedelta(days=7 * k))
        if unit == "month":
            return _month(*_add_months(anchor.year, anchor.month, k))
        return _year(anchor.year + k)
    return None


_BY_NAME = {r.name: r for r in RULES}


@lru_cache(maxsize=8192)
def resolve(text: str, anchor: date, tense: str = PAST, rule: str | None = None) -> Resolved | None:
    """Resolve one expression (the longest one found in ``text``); None when it is not understood."""
    if rule is not None:
        m = _BY_NAME[rule].rx.search(text)
        return _resolve_match(rule, m.groupdict(), anchor, tense) if m else None
    found = scan(text, standalone=True)
    if not found:
        return None
    best = max(found, key=lambda f: f.end - f.start)
    m = _BY_NAME[best.rule].rx.search(best.text)
    if m is None:  # pragma: no cover - scan found it, so it matches
        return None
    return _resolve_match(best.rule, m.groupdict(), anchor, tense)


def iter_resolved(text: str, anchor: date, tense: str = PAST) -> Iterator[tuple[Found, Resolved]]:
    for f in scan(text):
        r = resolve(f.text, anchor, tense, f.rule)
        if r is not None:
            yield f, r

