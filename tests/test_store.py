import uuid
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import Article, Entity, Event, Place
from eventwire.store import EventFilter, Store
from tests.strategies import events


def _article(i: int, published: str = "2026-11-20") -> Article:
    return Article.make(f"Text number {i}.", id=f"a{i}", title=f"T{i}", published=published)


def _event(aid: str, n: int, etype: str = "COERCE", actor: str = "AZE", recipient: str = "AFG",
           day: str = "2026-11-19", country: str = "AZE") -> Event:
    return Event(id=f"{aid}-e{n}", article_id=aid, event=etype, actor=[Entity("x", "x", actor, "SPY")],
                 recipient=[Entity("y", "y", recipient, "CVL")], date=day, date_precision="day",
                 event_loc=Place("Baku", 587084, 40.4, 49.9, country, "09", "PPLC", "city"),
                 quad_class=4, score=-7, event_text="sentence", span=(0, 8))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(evs=st.lists(events, max_size=4, unique_by=lambda e: e.id))
def test_event_store_round_trip(tmp_path: Path, evs: list[Event]) -> None:
    db = tmp_path / f"rt-{uuid.uuid4().hex}.duckdb"
    art = _article(1)
    for e in evs:
        e.article_id = art.id
    with Store(db) as s:
        s.add_batch([(art, evs)])
        back = {e.id: e for e in s.events()}
    assert back == {e.id: e for e in evs}


def test_article_round_trip_and_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    with Store(db) as s:
        assert s.add_batch([(_article(1), [_event("a1", 1)]), (_article(2), [])]) == 2
        assert s.add_batch([(_article(1), [_event("a1", 1)])]) == 0  # stored once
        assert [a.id for a in s.articles()] == ["a1", "a2"]
        assert list(s.articles())[0] == _article(1)
        assert s.stats()["events"] == 1 and s.stats()["articles"] == 2


def test_filters(tmp_path: Path) -> None:
    with Store(tmp_path / "f.duckdb") as s:
        s.add_batch([(_article(1), [_event("a1", 1), _event("a1", 2, "ASSAULT", "ISR", "PSE", "2026-10-01", "PSE")])])
        assert [e.id for e in s.events(EventFilter(actor="isr"))] == ["a1-e2"]
        assert [e.id for e in s.events(EventFilter(recipient="AFG"))] == ["a1-e1"]
        assert [e.id for e in s.events(EventFilter(type="assault"))] == ["a1-e2"]
        assert [e.id for e in s.events(EventFilter(since="2026-11-01"))] == ["a1-e1"]
        assert [e.id for e in s.events(EventFilter(until="2026-11-01"))] == ["a1-e2"]
        assert [e.id for e in s.events(EventFilter(country="PSE"))] == ["a1-e2"]
        assert len(list(s.events(EventFilter(limit=1)))) == 1


def test_failed_batch_keeps_committed_batches(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as s:
        s.add_batch([(_article(1), [_event("a1", 1)])])
        bad = _event("a2", 1)
        bad.quad_class = "not a number"  # type: ignore[assignment]
        with pytest.raises(Exception):
            s.add_batch([(_article(2), [_event("a2", 0)]), (_article(3), [bad])])
    with Store(db) as s:  # the committed batch survives; the failed one left nothing behind
        assert [a.id for a in s.articles()] == ["a1"]
        assert s.stats()["events"] == 1
        assert s.add_batch([(_article(2), [_event("a2", 0)])]) == 1  # a re-run completes the rest


def test_parquet_export(tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    with Store(tmp_path / "p.duckdb") as s:
        s.add_batch([(_article(1), [_event("a1", 1)])])
        assert s.export_parquet(str(out)) == 1
    rows = duckdb.sql(f"SELECT event, actor_codes, loc_country FROM '{out}'").fetchall()
    assert rows == [("COERCE", ["AZE"], "AZE")]


def test_read_only_missing_db_is_clear(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such database"):
        Store(tmp_path / "none.duckdb", read_only=True)
