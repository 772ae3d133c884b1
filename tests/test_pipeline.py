"""The pipeline's own logic: de-duplication, headline merging, title offsets, sentence boundaries."""

from __future__ import annotations

import pytest

from eventwire.pipeline import dedupe, doc_text
from eventwire.records import Article, Entity, Event


def ev(etype: str, actors: list[tuple[str | None, str | None]], recips: list[tuple[str | None, str | None]],
       date: str | None = "2026-11-19", precision: str = "day", start: int = 10, where: str = "body",
       modality: str = "asserted", mode: str | None = None) -> Event:
    ents = lambda xs: [Entity(f"t{c}{s}", f"n{c}{s}", c, s) for c, s in xs]  # noqa: E731
    return Event(id=f"{etype}{start}{where}", article_id="a", event=etype, mode=mode, modality=modality,
                 actor=ents(actors), recipient=ents(recips), date=date, date_precision=precision,
                 event_text=f"sentence {start}", span=(start, start + 5),
                 evidence=[{"text": f"sentence {start}", "span": [start, start + 5], "where": where}])


def test_same_event_twice_in_body_is_one_event_with_both_sentences() -> None:
    out = dedupe([ev("COERCE", [("AZE", "SPY")], [("AFG", "CVL")], start=10),
                  ev("COERCE", [("AZE", "SPY")], [("AFG", "CVL")], start=50)])
    assert len(out) == 1
    assert [e["text"] for e in out[0].evidence] == ["sentence 10", "sentence 50"]


def test_headline_merges_into_body_and_body_sentence_is_primary() -> None:
    head = ev("CONSULT", [("ISR", "GOV")], [], date="2026-11-20", precision="unknown", start=-1, where="title")
    body = ev("CONSULT", [("ISR", "GOV"), ("AZE", "GOV")], [], start=30)
    out = dedupe([head, body])
    assert len(out) == 1 and out[0].event_text == "sentence 30" and out[0].date == "2026-11-19"
    assert [e["where"] for e in out[0].evidence] == ["body", "title"]


def test_less_specified_mention_is_subsumed() -> None:
    full = ev("COERCE", [("AZE", "SPY")], [("AFG", "CVL")], start=10)
    vague = ev("COERCE", [], [("AFG", "CVL")], date="2026-11-20", precision="unknown", start=40)
    assert len(dedupe([vague, full])) == 1


def test_different_dates_parties_types_or_modality_stay_apart() -> None:
    base = ev("ASSAULT", [("ISR", "MIL")], [("PSE", "REB")], start=10)
    other_day = ev("ASSAULT", [("ISR", "MIL")], [("PSE", "REB")], date="2026-11-10", start=20)
    other_party = ev("ASSAULT", [("ISR", "MIL")], [("LBN", "REB")], start=30)
    other_type = ev("COERCE", [("ISR", "MIL")], [("PSE", "REB")], start=40)
    future = ev("ASSAULT", [("ISR", "MIL")], [("PSE", "REB")], start=50, modality="future")
    assert len(dedupe([base, other_day, other_party, other_type, future])) == 5


def test_swapped_roles_merge_only_for_reciprocal_types() -> None:
    a = ev("CONSULT", [("ISR", "GOV")], [("AZE", "GOV")], start=10)
    b = ev("CONSULT", [("AZE", "GOV")], [("ISR", "GOV")], start=20)
    assert len(dedupe([a, b])) == 1
    c = ev("ASSAULT", [("ISR", "MIL")], [("LBN", "REB")], start=10)
    d = ev("ASSAULT", [("LBN", "REB")], [("ISR", "MIL")], start=20)
    assert len(dedupe([c, d])) == 2


def test_title_is_prefixed_once() -> None:
    a = Article.make("Body text here.", title="Headline")
    text, offset = doc_text(a)
    assert text[offset:] == a.text and text.startswith("Headline")
    b = Article.make("Headline\n\nBody text here.", title="Headline")
    assert doc_text(b) == (b.text, 0)


@pytest.mark.slow
def test_paragraphs_and_headline_are_their_own_sentences_and_datelines_stay_attached() -> None:
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Police arrest two men in Baku\n\nBAKU, Nov 20 — Police arrested two men on Thursday. "
                     "They were released later.\n\nPESHAWAR, Pakistan, Nov 11 (Wire) - Six soldiers died.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Police arrest two men in Baku"
    assert sents[1].startswith("BAKU, Nov 20 — Police arrested")
    assert sents[-1].startswith("PESHAWAR, Pakistan, Nov 11 (Wire) - Six soldiers")


@pytest.mark.slow
def test_two_processes_give_the_same_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    arts = [Article.make(f"Police arrested {n} men in Baku on Thursday.", id=f"p{n}", published="2026-11-20")
            for n in ("two", "three", "four", "five")]
    one = [[e.to_dict() for e in evs] for _, evs in pipeline.process_many(arts)]
    two = [[e.to_dict() for e in evs] for _, evs in pipeline.process_many(arts, n_process=2, batch_size=2)]
    assert one == two and all(one)
