"""Event dates: the expression grammar (no spaCy), event dates on parsed sentences (slow), the TempEval floor."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.ground import date_grammar as G
from eventwire.ground.dates import DateResult, resolve_event_date, resolve_expression, timex_value

THU = date(2024, 3, 14)   # a Thursday
MON = date(2024, 3, 11)


# --- resolve_expression ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,tense,anchor,expected", [
    # weekdays: past/present → on or before publication (the publication weekday is that same day)
    ("on Thursday", "past", THU, ("2024-03-14", "day")),
    ("Thursday", "present", THU, ("2024-03-14", "day")),
    ("on Tuesday", "past", THU, ("2024-03-12", "day")),
    ("Friday", "past", THU, ("2024-03-08", "day")),
    # future → on or after publication
    ("on Friday", "future", THU, ("2024-03-15", "day")),
    ("on Tuesday", "future", THU, ("2024-03-19", "day")),
    ("Thursday", "future", MON, ("2024-03-14", "day")),
    # explicit direction words beat the tense
    ("last Thursday", "past", THU, ("2024-03-07", "day")),
    ("next Thursday", "past", THU, ("2024-03-21", "day")),
    ("until Tuesday", "past", THU, ("2024-03-19", "day")),
    ("Tuesday night", "past", THU, ("2024-03-12", "day")),
    ("late on Wednesday", "past", THU, ("2024-03-13", "day")),
    ("today", "past", THU, ("2024-03-14", "day")),
    ("yesterday", "past", THU, ("2024-03-13", "day")),
    ("late yesterday", "past", THU, ("2024-03-13", "day")),
    ("tomorrow", "future", THU, ("2024-03-15", "day")),
    ("two days ago", "past", THU, ("2024-03-12", "day")),
    # weeks are ISO weeks, dated by their Monday
    ("last week", "past", THU, ("2024-03-04", "week")),
    ("this week", "past", THU, ("2024-03-11", "week")),
    ("next week", "future", THU, ("2024-03-18", "week")),
    # months
    ("earlier this month", "past", THU, ("2024-03-01", "month")),
    ("last month", "past", THU, ("2024-02-01", "month")),
    ("five months ago", "past", THU, ("2023-10-01", "month")),
    ("in March", "past", THU, ("2024-03-01", "month")),
    ("in October", "past", THU, ("2023-10-01", "month")),
    ("in June", "past", THU, ("2023-06-01", "month")),
    ("in April", "past", THU, ("2024-04-01", "month")),   # last April is > 300 days back: wire would say "last April"
    ("last May", "past", THU, ("2023-05-01", "month")),
    ("this September", "past", THU, ("2024-09-01", "month")),
    ("in May", "future", THU, ("2024-05-01", "month")),
    ("in February", "future", THU, ("2025-02-01", "month")),
    ("June last year", "past", THU, ("2023-06-01", "month")),
    # days of a month without a year follow the tense
    ("March 5", "past", THU, ("2024-03-05", "day")),
    ("March 20", "past", THU, ("2024-03-20", "day")),     # a year back would carry its year
    ("Dec. 28", "past", date(2024, 1, 5), ("2023-12-28", "day")),
    ("Dec. 15", "past", date(1989, 10, 26), ("1989-12-15", "day")),  # 1988-12-15 is > 300 days back
    ("Sept. 30", "past", date(1989, 11, 2), ("1989-09-30", "day")),
    ("by the end of the month", "future", THU, ("2024-03-01", "month")),
    ("March 20", "future", THU, ("2024-03-20", "day")),
    ("on 2 April", "future", THU, ("2024-04-02", "day")),
    # explicit dates
    ("5 March 2024", "future", THU, ("2024-03-05", "day")),
    ("March 5, 2021", "past", THU, ("2021-03-05", "day")),
    ("2024-03-05", "past", THU, ("2024-03-05", "day")),
    ("25/12/2023", "past", THU, ("2023-12-25", "day")),   # only day/month is a valid reading
    ("05/03/2024", "past", THU, ("2024-03-05", "day")),   # both valid: the past one, as the verb is past
    ("in 2023", "past", THU, ("2023-01-01", "year")),
    ("last year", "past", THU, ("2023-01-01", "year")),
    ("this year", "past", THU, ("2024-01-01", "year")),
    ("a decade ago", "past", THU, ("2014-01-01", "year")),
])
def test_resolve_expression(text: str, tense: str, anchor: date, expected: tuple[str, str]) -> None:
    assert resolve_expression(text, anchor, tense) == expected


@pytest.mark.parametrize("text", ["", "recently", "a few years ago", "soon", "the talks"])
def test_unresolvable_expressions(text: str) -> None:
    assert resolve_expression(text, THU, "past") == (None, "unknown")


@pytest.mark.parametrize("text,anchor,expected", [
    ("Wednesday night", date(1998, 2, 13), "1998-02-11TNI"),
    ("this morning", date(1998, 2, 13), "1998-02-13TMO"),
    ("10 p.m. Wednesday", date(1998, 2, 13), "1998-02-11T22:00"),
    ("noon Thursday", date(1998, 2, 13), "1998-02-12T12:00"),
    ("last week", date(1998, 3, 1), "1998-W08"),        # a Sunday: ISO week 9, so last week is 8
    ("this week", date(1998, 1, 20), "1998-W04"),
    ("last month", date(1999, 1, 22), "1998-12"),
    ("next year", date(1989, 10, 30), "1990"),
    ("Friday, Oct. 13", date(1989, 10, 27), "1989-10-13"),   # the weekday picks the year
    ("Saturday, April 25", date(1998, 4, 24), "1998-04-25"),
    ("last night", date(1998, 1, 20), "1998-01-19TNI"),
])
def test_timex_value(text: str, anchor: date, expected: str) -> None:
    assert timex_value(text, anchor, "past") == expected


def test_month_names_need_capitals_and_a_cue_in_running_text() -> None:
    found = G.scan("Theresa May said troops may march on the capital in May and in March 2024.")
    assert [f.text for f in found] == ["in May", "in March 2024"]


def test_weekdays_inside_names_are_not_dates() -> None:
    assert [f.text for f in G.scan("The Good Friday Agreement was signed in 1998.")] == ["in 1998"]
    assert [f.text for f in G.scan("He told the Sunday Times on Monday.")] == ["Monday"]


def test_in_n_units_is_a_date_only_in_the_future() -> None:
    assert resolve_expression("in two weeks", THU, "future") == ("2024-03-25", "week")
    assert resolve_expression("in five years", THU, "past") == (None, "unknown")


def test_numbers_are_not_years() -> None:
    assert G.scan("Some 2000 people marched, and 1998 soldiers.") == []
    assert [f.text for f in G.scan("The war began in 2011.")] == ["in 2011"]


# --- resolve_event_date on parsed sentences ---------------------------------------------------------------------



def _event_date(nlp, text: str, trigger: str, published: date | None = THU) -> DateResult:
    doc = nlp(text)
    sent = next(doc.sents)
    tok = next(t for t in sent if t.text == trigger)
    return resolve_event_date(sent, tok, published)


@pytest.mark.slow
def test_two_expressions_each_event_gets_its_own(nlp) -> None:
    text = "Police said on Thursday that rebels attacked the town on Tuesday."
    attack = _event_date(nlp, text, "attacked")
    said = _event_date(nlp, text, "said")
    assert (attack.date, attack.precision, attack.text) == ("2024-03-12", "day", "on Tuesday")
    assert (said.date, said.text) == ("2024-03-14", "on Thursday")


@pytest.mark.slow
def test_future_event_and_past_report_in_one_sentence(nlp) -> None:
    text = "The two leaders will meet on Friday in Geneva, officials said on Monday."
    assert _event_date(nlp, text, "meet").date == "2024-03-15"
    assert _event_date(nlp, text, "said").date == "2024-03-11"


@pytest.mark.slow
def test_noun_trigger_takes_the_date_of_its_participle(nlp) -> None:
    text = "The talks, held on 5 March 2023, ended without agreement, the ministry said Tuesday night."
    r = _event_date(nlp, text, "talks")
    assert (r.date, r.precision) == ("2023-03-05", "day")


@pytest.mark.slow
def test_date_of_a_clause_on_another_noun_is_not_the_event_date(nlp) -> None:
    text = "Rebels attacked the town on Tuesday, which the army had captured in 2014."
    assert _event_date(nlp, text, "attacked").text == "on Tuesday"
    text = "Rebels attacked the town, which the army had captured in 2014, the ministry said on Tuesday."
    assert _event_date(nlp, text, "captured").text == "in 2014"


@pytest.mark.slow
def test_month_with_future_aux(nlp) -> None:
    r = _event_date(nlp, "The minister is due to visit Moscow in February.", "visit")
    assert (r.date, r.precision, r.text) == ("2025-02-01", "month", "in February")
    r = _event_date(nlp, "The minister visited Moscow in February.", "visited")
    assert r.date == "2024-02-01"


@pytest.mark.slow
def test_fallback_is_publication_date_unknown(nlp) -> None:
    r = _event_date(nlp, "Troops arrested 12 people in Kabul, Theresa May said.", "arrested")
    assert r == DateResult("2024-03-14", "unknown", None, None)
    r = _event_date(nlp, "Troops arrested 12 people in Kabul.", "arrested", published=None)
    assert (r.date, r.precision) == (None, "unknown")


@pytest.mark.slow
def test_without_publication_date_only_absolute_dates_resolve(nlp) -> None:
    r = _event_date(nlp, "Rebels attacked the town on Tuesday.", "attacked", published=None)
    assert (r.date, r.precision) == (None, "unknown")
    r = _event_date(nlp, "Rebels attacked the town on 5 March 2023.", "attacked", published=None)
    assert r.date == "2023-03-05"


@pytest.mark.slow
def test_dateline_is_not_the_event_date(nlp) -> None:
    r = _event_date(nlp, "BEIRUT, March 5 (Reuters) - Israeli jets struck targets in southern Lebanon.", "struck")
    assert (r.date, r.precision, r.text) == ("2024-03-14", "unknown", None)
    r = _event_date(nlp, "BEIRUT, March 5 (Reuters) - Israeli jets struck targets in Lebanon on Monday.", "struck")
    assert (r.date, r.text) == ("2024-03-11", "on Monday")


@pytest.mark.slow
def test_present_progressive_is_the_publication_day(nlp) -> None:
    r = _event_date(nlp, "Turkey is sending troops to the border.", "sending")
    assert (r.date, r.precision) == ("2024-03-14", "day")


# --- the gold floor ---------------------------------------------------------------------------------------------

# Measured on the first 300 items (see docs/dates.md): parse=False exact_resolvable 0.9071, exact_day 0.8942;
# with the spaCy parse exact_resolvable 0.9182, exact_day 0.9101, exact_date_type 0.8293.
@pytest.mark.gold
def test_tempeval_floor_without_parse(gold_dir) -> None:
    from eventwire.evaluate import tempeval

    m = tempeval.run(gold_dir, limit=300, parse=False)["metrics"]
    assert m["exact_resolvable"] >= 0.89
    assert m["exact_day"] >= 0.88
    assert m["exact_date_type"] >= 0.80


@pytest.mark.gold
@pytest.mark.slow
def test_tempeval_floor_with_parse(gold_dir) -> None:
    from eventwire.evaluate import run

    report = run("tempeval3_relative", limit=300)
    assert report["dataset"] == "tempeval3_relative" and report["n"] == 300
    m = report["metrics"]
    assert m["exact_resolvable"] >= 0.90
    assert m["exact_day"] >= 0.89
    assert m["exact_date_type"] >= 0.81
    assert report["errors"], "a few error examples are reported"
