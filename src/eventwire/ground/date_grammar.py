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
* quarters, halves and seasons (``1989-Q3``, ``1989-H1``, ``1989-SU``), year-ago results periods, decades and
  centuries (``199``, ``19``) and vague references (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``: no date) are
  read too; :func:`in_sentence` applies what the rest of the sentence says ("a year ago" in a results comparison
  is the year-ago quarter).
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
    start: date | None   # first day of the period; None for PAST_REF / PRESENT_REF / FUTURE_REF
    precision: str       # day | week | month | quarter | half | season | year | decade | century | ref
    timex: str           # TIMEX3-like value

    @property
    def iso(self) -> str | None:
        return self.start.isoformat() if self.start is not None else None


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

# quarters, halves, seasons, decades (TIMEX3 values YYYY-Q3, YYYY-H1, YYYY-SU, 199); fiscal years as plain years
QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QORD = r"(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)"
_YEAR2 = _YEAR.replace("(?P<year>", "(?P<year2>")
# the year a quarter or half belongs to, after it: "of 1988", "of this year", "of fiscal 1990", "1988"
_OFYEAR = (r"(?:,?\s+(?:of\s+|in\s+)?(?:fiscal\s+(?:year\s+)?)?" + _YEAR2
           + r"|\s+(?:of|in)\s+(?:the\s+)?(?P<ofwhich>this|last|next|the|the current|the previous|the same|the prior)\s+(?:fiscal\s+)?year)")
# before it: "this year's", "last year's", "the 1988", "fiscal 1990's"
_YEARPRE = (r"(?:(?P<prewhich>this|last|next|the current|the previous|the prior|the same)\s+(?:fiscal\s+)?year'?s\s+"
            r"|(?:fiscal\s+)?" + _YEAR.replace("(?P<year>", "(?P<year1>") + r"(?:'s)?\s+)")
# a year-ago comparison period: "the year-ago quarter", "the comparable year-earlier period"
_YAGO = r"(?P<yago>(?:(?:comparable|corresponding|same)\s+)?(?:year[- ]ago|year[- ]earlier|prior[- ]year|previous[- ]year))"
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON = r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
_SCUE = r"(?P<scue>(?i:in|during|by|since|until|till|through|throughout|before|after|from|over|for|early|late|mid|earlier|later|this|last|next|this past|this coming|the past|the coming|the previous|the following))"
_NOT_SEASON_AFTER = r"(?!\s+(?i:of\s+(?!(?:1[89]|20)\d\d)|olympics|games|palace|wheat|storm|offensive|school|break|term|in\b|session))"
CENTURY_ORD = {"eighteenth": 18, "18th": 18, "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20,
               "twenty-first": 21, "21st": 21}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
# vague references to the present, past and future (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF): no date
REF_WORDS = {
    "PRESENT_REF": ["now", "right now", "currently", "at present", "presently", "nowadays", "these days",
                    "at the moment", "at this moment", "the present", "for now", "current"],
    "PAST_REF": ["recently", "lately", "in the past", "formerly", "previously", "long ago", "the past",
                 "recent", "at the time", "at that time"]
    + [f"{w} {u}" for w in ("recent", "past") for u in ("years", "months", "weeks", "days", "decades", "times")],
    "FUTURE_REF": ["in the future", "in the near future", "in future", "the future", "future", "soon", "someday",
                   "some day", "the near term", "the short term", "the long term", "the longer term",
                   "the years ahead", "the months ahead", "the weeks ahead", "the days ahead"]
    + [f"{w} {u}" for w in ("coming", "upcoming", "future", "next few")
       for u in ("years", "months", "weeks", "days", "decades", "quarters")],
}
def _ren(pattern: str, tag: str) -> str:
    """The same sub-pattern with its group names suffixed (``name__tag``), to use it twice in one rule; the
    resolver reads a group by its base name (see :func:`_merged`)."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}__{tag}>", pattern)


_REF_OF = {w: k for k, ws in REF_WORDS.items() for w in ws}
_VAGUE_N = r"(?P<vague>several|a few|few|many|some|a number of|numerous|a couple of|countless)"

@dataclass(frozen=True)
class _Rule:
    name: str
    rx: re.Pattern[str]
    absolute: bool = False
    needs_cue: bool = False   # in running text, only with a preposition before it


# Keyword classes: a rule is tried only when every class it needs occurs in the text (one cheap pass first).
_KEYWORDS = re.compile(
    r"(?P<wd>\b(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|(?P<q>\b(?:quarters?|half|fiscal|year-(?:ago|earlier)|period)\b|\bQ[1-4]\b)"
    r"|(?P<season>\b(?:spring|summer|autumn|fall|winter)\b)"
    r"|(?P<dec>\b(?:1[89]|20)\d0s\b|'\d0s\b|\b[1-9]0s\b|\bcentury\b|"
    r"\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
    r"|(?P<ref>\b(?:now|currently|presently|present|nowadays|these days|moment|recently|lately|past|formerly|"
    r"previously|recent|future|soon|someday|some day|ahead|current|term|time|coming|upcoming)\b)"
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
    "weekday": {"wd"}, "week": {"unit"}, "weekend": {"unit"}, "yearago": {"unit"}, "fromnow": {"unit"},
    "quarter": {"q"}, "yearagoq": {"q"}, "half": {"q"}, "fiscal": {"q"}, "season": {"season"}, "decade": {"dec"},
    "decrel": set(), "ref": {"ref"}, "vagueago": {"ago"},
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
    _r("weekday", r"\b(?:(?i:the\s+)?(?i:day)\s+(?P<offdir>(?i:before|after))\s+)?(?:" + _FWD + r"\s+(?:(?i:at)\s+)?)?(?:" + _CLOCK + r"\s+)?(?:(?P<mod>(?i:this coming|this past|the previous|the following|the next|last|next|this|past|coming|previous|early|late|earlier|later|mid-afternoon|midafternoon|mid-morning|midmorning))\s+)?"
       + _WD + r"(?:'s)?(?:\s+(?i:" + _POD + r"))?\b"),
    _r("week", r"\b(?:" + _EDGE + r"\s+)?(?i:(?P<which>this past|this coming|this|last|next|the past|the last|the previous|the coming|the following|the current|the same)\s+(?P<unit>week|weekend|month|year))\b(?!-)"),
    _r("weekend", r"\b(?i:(?:over|during|at)\s+the\s+(?P<unit>weekend))\b"),
    _r("yearago", r"\b(?i:(?P<num>a|one)\s+year\s+(?:ago|earlier))\b"),
    _r("fromnow", r"\b" + _APPROX + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+from\s+(?:now|today)\b", flags=re.I),
    # "the third quarter", "third-quarter", "the fourth quarter of 1988", "this year's first quarter",
    # "the year-ago quarter", "last quarter", "the latest quarter", "Q3 2024"
    _r("quarter", r"\b(?i:(?:the\s+)?(?:" + _YEARPRE + r")?(?:" + _YAGO + r"\s+)?" + _QORD + r"[- ](?:fiscal\s+)?quarter(?:" + _OFYEAR + r")?"
       r"|(?:the\s+)?(?:" + _ren(_YEARPRE, "b") + r"(?:fiscal\s+)?quarter|" + _ren(_YAGO, "b") + r"\s+(?:fiscal\s+)?(?:quarter|period))\b(?:\s+(?P<qago>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))?"
       r"|the\s+(?:(?:same|corresponding|comparable|year-earlier)\s+)(?:quarter|period)\s+(?P<qago2>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+|in\s+)?" + _YEAR.replace("(?P<year>", "(?P<year3>") + r")"
       r"|the\s+quarter\s+(?P<qago3>a\s+year\s+(?:ago|earlier))"
       r"|(?P<qrel>this|last|next|the latest|the previous|the current|the past|the most recent|the prior|the coming|the next|the last)\s+(?:fiscal\s+)?quarter"
       r"|(?P<qrel__b>the latest|the most recent)\s+period"
       r"|(?P<qbare>the)\s+quarter(?!\s+(?:of|point|mile|century|final)\b))\b(?!-)"
       r"|\b(?P<qnum>Q[1-4])(?:\s+" + _YEAR.replace("(?P<year>", "(?P<year4>") + r")?\b"),
    # "year-ago results": the same reporting quarter a year before
    _r("yearagoq", r"\b(?i:year-ago|year-earlier)\b(?!\s+(?i:quarter|period))"),
    # "the first half of 1989", "this year's second half", "first-half profit"
    _r("half", r"\b(?i:(?:the\s+)?(?:" + _YEARPRE + r"(?P<hord>first|second|last)[- ]half\b"
       r"|(?P<hord__b>first|second|last)(?:\s+half" + _OFYEAR + r"|-half\b)))"),
    # "fiscal 1989", "fiscal year 1990", "the current fiscal year", "last fiscal year"
    _r("fiscal", r"\b(?i:fiscal\s+(?:year\s+)?" + _YEAR + r"(?!'s\s+(?:first|second|third|fourth))"
       r"|(?P<fwhich>this|last|next|the current|the previous|the prior|the coming|the next|the past|the latest|the most recent|the)\s+fiscal\s+year)\b"),
    # "last summer", "in the spring", "during the winter of 1998", "summer 1998"
    _r("season", r"\b(?:(?:" + _SCUE + r"\s+)(?:(?i:the)\s+)?(?:(?P<sedge>(?i:early|late|mid))[- ]?\s*)?" + _SEASON
       + r"(?:\s+(?i:of\s+)?" + _YEAR + r")?|(?:(?i:the)\s+)?" + _SEASON.replace("(?P<season>", "(?P<season2>")
       + r"\s+(?i:of\s+)?" + _YEAR2 + r")\b" + _NOT_SEASON_AFTER),
    # "the 1990s", "the early '80s", "the nineties", "the 20th century", "this decade"
    _r("decade", r"\b(?i:(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:(?P<dec4>(?:1[89]|20)\d)0s|'(?P<dec2>\d)0s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
       r"|the\s+(?P<cent>eighteenth|18th|nineteenth|19th|twentieth|20th|twenty-first|21st)\s+century)\b"),
    _r("decrel", r"\b(?i:(?P<dcwhich>this|last|next|the last|the past|the previous|the next|the coming)\s+(?P<dcunit>decade|century))\b"),
    # "now", "recently", "in the future", "several years ago"
    _r("ref", r"\b(?i:(?P<refw>" + _alt(list(_REF_OF)) + r"))\b"),
    # "several years ago", "years ago", "long ago": some time in the past
    _r("vagueago", r"\b(?i:(?:" + _VAGUE_N + r"\s+)?(?P<vunit>year|month|week|day|decade)s\s+ago|long\s+ago)\b"),
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
    if rule in ("quarter", "yearagoq", "half", "fiscal", "season", "decade", "decrel", "ref", "vagueago"):
        return _resolve_period(rule, _merged(g), anchor, tense)
    if rule in ("ago", "in_n", "yearago", "fromnow"):
        n = _num(low["num"] or "")  # type: ignore[arg-type]
        if n is None:
            return None
        unit = (low.get("unit") or "year")
        sign = 1 if rule in ("in_n", "fromnow") else -1
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
        elif tense == FUTURE or (g.get("fwd") and not g["fwd"][0].isupper()):
            # "postponed until Tuesday" looks ahead whatever the verb; a fronted "Until Thursday, they had not
            # ..." is the end of a past state
            direction = "on_or_after"
        else:
            direction = "on_or_before"
        d = weekday_date(wd, anchor, direction)
        if low.get("offdir"):       # "the day before last Tuesday"
            d += timedelta(days=-1 if low["offdir"] == "before" else 1)
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


# --- quarters, halves, seasons, decades, vague references ---------------------------------------------------------

def _merged(g: dict[str, str | None]) -> dict[str, str]:
    """Groups by base name, lower-cased (``year1__b`` and ``year1`` are one group), only those that matched."""
    out: dict[str, str] = {}
    for k, v in g.items():
        if v is not None:
            out.setdefault(k.split("__")[0], v.lower())
    return out


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter(y: int, q: int) -> Resolved:
    return Resolved(date(y, 3 * (q - 1) + 1, 1), "quarter", f"{y:04d}-Q{q}")


REPORT_WINDOW_DAYS = 45   # results of a quarter come out within about six weeks of its end


def reported_quarter(anchor: date, q: int | None = None) -> tuple[int, int]:
    """The quarter a results story published on ``anchor`` is about: the last one completed before publication,
    or, with ``q`` named ("third-quarter profit"), the latest quarter ``q`` that has begun by then."""
    if q is None:
        y, q = anchor.year, quarter_of(anchor) - 1
        return (y - 1, 4) if q == 0 else (y, q)
    y = anchor.year
    if date(y, 3 * (q - 1) + 1, 1) > anchor:
        y -= 1
    return y, q


def _rel_year(word: str | None, anchor: date) -> int | None:
    if word is None:
        return None
    w = word.replace("the ", "").strip()
    k = {"this": 0, "current": 0, "same": 0, "": 0, "last": -1, "previous": -1, "prior": -1, "past": -1,
         "next": 1, "coming": 1}.get(w)
    return None if k is None else anchor.year + k


_SEASON_SPAN = {"SP": ((0, 3), (0, 6)), "SU": ((0, 6), (0, 9)), "FA": ((0, 9), (0, 12)), "WI": ((0, 12), (1, 3))}


def _season_span(y: int, code: str) -> tuple[date, date]:
    """[start, end) of season ``code`` of year ``y`` (meteorological seasons; winter ``y`` is December ``y`` to
    February ``y+1``)."""
    (ds, ms), (de, me) = _SEASON_SPAN[code]
    return date(y + ds, ms, 1), date(y + de, me, 1)


def _season(anchor: date, code: str, which: str | None, tense: str, year: int | None) -> Resolved:
    if year is None:
        occ = [(y, *_season_span(y, code)) for y in range(anchor.year - 2, anchor.year + 2)]
        containing = [o for o in occ if o[1] <= anchor < o[2]]
        w = (which or "").replace("the ", "")
        if w == "this":
            year = containing[0][0] if containing else anchor.year
        elif w in ("last", "past", "previous", "this past"):
            year = max(o[0] for o in occ if o[2] <= anchor)
        elif w in ("next", "coming", "following", "this coming"):
            year = min(o[0] for o in occ if o[1] > anchor)
        elif containing:
            year = containing[0][0]
        elif tense == FUTURE:
            year = min(o[0] for o in occ if o[1] > anchor)
        else:
            year = max(o[0] for o in occ if o[2] <= anchor)
    return Resolved(_season_span(year, code)[0], "season", f"{year:04d}-{code}")


def _ordinal_period_year(anchor: date, months: int, k: int, tense: str) -> int:
    """The year of quarter/half ``k`` (``months`` long) named without a year: future → the first one not over
    more than about six weeks before the anchor; past and present → the latest one begun by the anchor."""
    def start(y: int) -> date:
        return date(y, months * (k - 1) + 1, 1)
    def end(y: int) -> date:
        return start(y + 1) if k * months == 12 else date(y, months * k + 1, 1)
    if tense == FUTURE:
        # the current or a coming one, or one just over and still to be reported ("expects to report
        # third-quarter earnings" in October)
        return anchor.year if end(anchor.year) > anchor - timedelta(days=REPORT_WINDOW_DAYS) else anchor.year + 1
    return anchor.year if start(anchor.year) <= anchor else anchor.year - 1


def _resolve_period(rule: str, m: dict[str, str], anchor: date, tense: str) -> Resolved | None:
    if rule == "ref":
        return Resolved(None, "ref", _REF_OF[re.sub(r"\s+", " ", m["refw"])])
    if rule == "vagueago":
        return Resolved(None, "ref", "PAST_REF")           # "several years ago", "years ago"
    if rule == "yearagoq":
        y, q = reported_quarter(anchor)
        return quarter(y - 1, q)
    if rule == "quarter":
        if m.get("qnum"):
            q = int(m["qnum"][1])
            y = int(m["year4"]) if m.get("year4") else _ordinal_period_year(anchor, 3, q, tense)
            return quarter(y, q)
        if m.get("qbare"):                              # "in the quarter": the one being reported
            return quarter(*reported_quarter(anchor))
        if m.get("qrel"):
            w = m["qrel"].replace("the ", "")
            k = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(w, -1)
            i = anchor.year * 4 + quarter_of(anchor) - 1 + k
            return quarter(i // 4, i % 4 + 1)
        q = QUARTER_ORD.get(m.get("qord", ""))
        if m.get("yago") or m.get("qago") or m.get("qago3"):     # the year-ago quarter of a results story
            y, q = reported_quarter(anchor, q)
            return quarter(y - 1, q)
        if m.get("qago2"):
            if m.get("year3"):
                return quarter(int(m["year3"]), reported_quarter(anchor, q)[1])
            y, q = reported_quarter(anchor, q)
            return quarter(y - 1, q)
        year = next((int(m[k]) for k in ("year1", "year2") if m.get(k)), None)
        if year is None:
            year = _rel_year(m.get("prewhich") or m.get("ofwhich"), anchor)
        if q is None:                                         # "last year's quarter": the reported one
            q = reported_quarter(anchor)[1]
            if year is None:
                return None
        if year is None:
            year = _ordinal_period_year(anchor, 3, q, tense)
        return quarter(year, q)
    if rule == "half":
        h = 1 if m["hord"] == "first" else 2          # "second half", "last half"
        year = next((int(m[k]) for k in ("year1", "year2") if m.get(k)), None)
        if year is None:
            year = _rel_year(m.get("prewhich") or m.get("ofwhich"), anchor)
        if year is None:
            year = _ordinal_period_year(anchor, 6, h, tense)
        return Resolved(date(year, 6 * (h - 1) + 1, 1), "half", f"{year:04d}-H{h}")
    if rule == "fiscal":
        # written as the plain year, as TimeBank does ("fiscal 1989" → 1989); "the latest fiscal year" is the
        # last one completed, "the fiscal year" the current one
        w = m.get("fwhich")
        w = "last" if w in ("the latest", "the most recent") else ("this" if w == "the" else w)
        year = int(m["year"]) if m.get("year") else _rel_year(w, anchor)
        return _year(year) if year else None
    if rule == "season":
        code = SEASONS[m.get("season") or m["season2"]]
        year = next((int(m[k]) for k in ("year", "year2") if m.get(k)), None)
        return _season(anchor, code, m.get("scue"), tense, year)
    if rule in ("decade", "decrel"):
        if m.get("cent"):
            c = CENTURY_ORD[m["cent"]] - 1
            return Resolved(date(c * 100, 1, 1) if c >= 1 else None, "century", f"{c:02d}")
        if m.get("dcunit"):
            w = m["dcwhich"]
            if w in ("the last", "the past"):
                return None                                   # a length ("over the past decade"), not a date
            k = {"this": 0, "last": -1, "the previous": -1, "next": 1, "the next": 1, "the coming": 1}[w]
            if m["dcunit"] == "decade":
                d = anchor.year // 10 + k
                return Resolved(date(d * 10, 1, 1), "decade", f"{d:03d}")
            c = anchor.year // 100 + k
            return Resolved(date(c * 100, 1, 1), "century", f"{c:02d}")
        if m.get("dec4"):
            d = int(m["dec4"])
        else:
            digit = int(m["dec2"]) if m.get("dec2") else DECADE_WORDS[m["decw"]]
            d = max(c * 10 + digit for c in (18, 19, 20) if (c * 10 + digit) * 10 <= anchor.year)
        return Resolved(date(d * 10, 1, 1), "decade", f"{d:03d}")
    return None


# "earned $1.2 million, or 5 cents a share, a year ago": in a results story "a year ago" is the same quarter of
# the year before, not the whole year
_MONEY = re.compile(r"(?i)\$|\bcents?\b|\b(?:a|per) share\b|\b(?:million|billion|trillion)\b|"
                    r"\b(?:dollars|euros|pounds|yen|francs|marks|guilders|lire|pesos|yuan|rupees)\b")
_PERIOD = re.compile(r"(?i)\b(?:quarter|quarterly|period)\b")
_NAMED_QUARTER = re.compile(r"(?i)\b(first|second|third|fourth)[- ]quarter\b")
_A_YEAR_AGO = re.compile(r"(?i)^(?:a|one)\s+year\s+(?:ago|earlier)$")
# a sentence about a longer reporting period: its year-ago comparison is not a quarter
_LONGER_PERIOD = re.compile(r"(?i)\b(?:nine|six|9|6|twelve|12)[- ]months?\b|\b(?:first|second) half\b|"
                            r"\bfor the (?:full |fiscal )?year\b|\bfull[- ]year\b|\bannual\b")


def in_sentence(r: Resolved, expr: str, sentence: str, start: int, anchor: date) -> Resolved:
    """Adjust a resolved expression with what the rest of its sentence says: "a year ago" / "year-ago" after
    a money figure or in a sentence about a quarter or period (a results comparison) is the reported quarter a
    year before (the quarter named in the sentence, else the last completed one)."""
    if r.precision not in ("year", "quarter") or not (_A_YEAR_AGO.match(expr.strip()) or
                                                      (r.precision == "quarter" and "-q" not in expr.lower()
                                                       and re.search(r"(?i)year[- ](?:ago|earlier)", expr))):
        return r
    if _LONGER_PERIOD.search(sentence) and not re.search(r"(?i)quarter", expr):
        return _year(r.start.year) if r.start is not None else r     # "For the nine months, ... a year earlier"
    named = _NAMED_QUARTER.search(sentence)
    q = QUARTER_ORD[named.group(1).lower()] if named else None
    if r.precision == "year":
        if not (_MONEY.search(sentence, 0, start) or _PERIOD.search(sentence)):
            return r
    elif q is None or QUARTER_ORD.get((re.search(r"(?i)(first|second|third|fourth)", expr) or [None, ""])[1].lower()):
        return r                                   # already read from the expression itself
    y, q = reported_quarter(anchor, q)
    return quarter(y - 1, q)


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

