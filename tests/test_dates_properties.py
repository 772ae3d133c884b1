"""Property tests of the date grammar: direction and distance laws that must hold for every anchor."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from eventwire.ground.date_grammar import WEEKDAYS
from eventwire.ground.dates import resolve_expression, timex_value

anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
weekday = st.sampled_from([w.capitalize() for w in WEEKDAYS])
months = st.sampled_from(["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"])


def _day(text: str, anchor: date, tense: str) -> date:
    value, precision = resolve_expression(text, anchor, tense)
    assert precision == "day" and value is not None
    return date.fromisoformat(value)


@given(anchors, weekday)
def test_past_weekday_is_the_same_weekday_within_the_week_before(anchor: date, wd: str) -> None:
    d = _day(f"on {wd}", anchor, "past")
    assert d.strftime("%A") == wd
    assert 0 <= (anchor - d).days <= 6


@given(anchors, weekday)
def test_future_weekday_is_within_the_week_after(anchor: date, wd: str) -> None:
    d = _day(f"on {wd}", anchor, "future")
    assert d.strftime("%A") == wd
    assert 0 <= (d - anchor).days <= 6


@given(anchors, weekday)
def test_last_and_next_weekday_are_strict(anchor: date, wd: str) -> None:
    assert 1 <= (anchor - _day(f"last {wd}", anchor, "future")).days <= 7
    assert 1 <= (_day(f"next {wd}", anchor, "past") - anchor).days <= 7


@given(anchors, st.integers(min_value=1, max_value=30))
def test_days_ago(anchor: date, n: int) -> None:
    assert _day(f"{n} days ago", anchor, "past") == anchor - timedelta(days=n)


@given(anchors, months, st.sampled_from(["past", "present", "future"]))
def test_bare_month_is_within_a_year_and_on_the_tense_side(anchor: date, month: str, tense: str) -> None:
    value, precision = resolve_expression(f"in {month}", anchor, tense)
    assert precision == "month" and value is not None
    d = date.fromisoformat(value)
    assert d.strftime("%B") == month and d.day == 1
    months_apart = (d.year - anchor.year) * 12 + d.month - anchor.month
    assert -11 <= months_apart <= 11
    if tense == "future":
        assert months_apart >= 0


@given(anchors)
def test_week_values_are_iso_weeks(anchor: date) -> None:
    value = timex_value("this week", anchor, "past")
    y, w, _ = anchor.isocalendar()
    assert value == f"{y:04d}-W{w:02d}"
    start, precision = resolve_expression("this week", anchor, "past")
    assert precision == "week" and date.fromisoformat(start or "").weekday() == 0


seasons = st.sampled_from(["spring", "summer", "autumn", "winter"])
_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_start(value: str) -> date:
    return date(int(value[:4]), _SEASON_START[value[5:]], 1)


@given(anchors, st.sampled_from(["past", "present", "future"]))
def test_this_last_next_quarter(anchor: date, tense: str) -> None:
    q = (anchor.month - 1) // 3 + 1
    assert timex_value("this quarter", anchor, tense) == f"{anchor.year:04d}-Q{q}"
    last = timex_value("last quarter", anchor, tense)
    nxt = timex_value("next quarter", anchor, tense)
    i = anchor.year * 4 + q - 1
    assert last == f"{(i - 1) // 4:04d}-Q{(i - 1) % 4 + 1}"
    assert nxt == f"{(i + 1) // 4:04d}-Q{(i + 1) % 4 + 1}"


@given(anchors, st.sampled_from(["first", "second", "third", "fourth"]), st.sampled_from(["past", "future"]))
def test_quarter_without_a_year_is_within_a_year_on_the_tense_side(anchor: date, ordinal: str, tense: str) -> None:
    value = timex_value(f"the {ordinal} quarter", anchor, tense) or ""
    n = ["first", "second", "third", "fourth"].index(ordinal) + 1
    assert value.endswith(f"-Q{n}")
    start = date(int(value[:4]), 3 * n - 2, 1)
    end = date(start.year + (n == 4), (3 * n) % 12 + 1, 1)
    if tense == "past":          # the latest one begun
        assert start <= anchor and (anchor - start).days < 366
    else:                        # the current or a coming one, or one just over (still to be reported)
        assert start <= anchor + timedelta(days=366) and (anchor - end).days < 45
    # the record keeps only the year
    assert resolve_expression(f"the {ordinal} quarter", anchor, tense) == (f"{value[:4]}-01-01", "year")


@given(anchors)
def test_year_ago_quarter_is_the_last_completed_quarter_a_year_back(anchor: date) -> None:
    value = timex_value("the year-ago quarter", anchor, "past") or ""
    q = (anchor.month - 1) // 3 + 1
    y, lq = (anchor.year, q - 1) if q > 1 else (anchor.year - 1, 4)
    assert value == f"{y - 1:04d}-Q{lq}"


@given(anchors, seasons)
def test_last_and_next_season(anchor: date, season: str) -> None:
    code = _SEASON_CODE[season]
    last = timex_value(f"last {season}", anchor, "past") or ""
    nxt = timex_value(f"next {season}", anchor, "future") or ""
    assert last.endswith("-" + code) and nxt.endswith("-" + code)
    last_start, next_start = _season_start(last), _season_start(nxt)
    # last: already over; next: not begun; both within about a year and a quarter
    end = date(last_start.year + (code == "WI"), (last_start.month + 2) % 12 + 1, 1)
    assert end <= anchor and (anchor - last_start).days < 460
    assert next_start > anchor and (next_start - anchor).days <= 366


@given(anchors, st.integers(min_value=2, max_value=60))
def test_n_years_ago_stays_exact_and_vague_ones_are_past_ref(anchor: date, n: int) -> None:
    assert timex_value(f"{n} years ago", anchor, "past") == f"{anchor.year - n:04d}"
    assert timex_value("several years ago", anchor, "past") == "PAST_REF"
    assert resolve_expression("recently", anchor, "past") == (None, "unknown")
