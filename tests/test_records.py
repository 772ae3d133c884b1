import json

from hypothesis import given, settings

from eventwire.records import Article, Event, content_id
from tests.strategies import events


@settings(deadline=None)
@given(events)
def test_event_jsonl_round_trip(ev: Event) -> None:
    line = ev.to_json()
    assert "\n" not in line
    assert Event.from_dict(json.loads(line)) == ev


def test_article_id_is_content_hash_when_missing() -> None:
    a = Article.make("Police arrested two men.", title="Arrests")
    b = Article.make("Police arrested two men.", title="Arrests")
    c = Article.make("Police arrested three men.", title="Arrests")
    assert a.id == b.id != c.id
    assert Article.make("x", id="given").id == "given"


def test_content_id_separates_parts() -> None:
    assert content_id("ab", "c") != content_id("a", "bc")
