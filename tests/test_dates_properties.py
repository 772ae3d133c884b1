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
