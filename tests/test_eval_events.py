"""Event evaluation: matching and metric functions on hand-made events, then the gold-set floors.

The first part needs no spaCy: a fake pipeline returns the events written here. The floor tests run the real
pipeline on each dataset's pinned limit and skip when ../shared/data is absent.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import common as C
from eventwire.evaluate import gold as G
from eventwire.evaluate import ngec_synthetic, plover_gsr, udpetrarch, zsp_plv
from eventwire.records import Article, Entity, Event, Place


def ev(event: str, actor: Iterable[str | tuple[str, str | None]] = (), recipient: Iterable[Any] = (),
       modality: str = "asserted", mode: str | None = None, cameo: str | None = None, date: str | None = None,
       country: str | None = None, article_id: str = "a1") -> Event:
    """A hand-made event; entities given as codes or (text, code)."""

    def ents(items: Iterable[Any]) -> list[Entity]:
        out = []
        for it in items:
            text, code = (it, it) if isinstance(it, str) else it
            out.append(Entity(text=text or "", code=code))
        return out

    return Event(id=f"e{id(actor)}", article_id=article_id, event=event, mode=mode, modality=modality,
                 actor=ents(actor), recipient=ents(recipient), cameo=cameo, date=date,
                 event_loc=Place(name="x", country_code=country) if country else None)


class FakePipeline:
    """Returns canned events per article text, in the (article, events) shape of process_many."""

    def __init__(self, by_text: dict[str, list[Event]], fail_on: Iterable[str] = ()) -> None:
        self.by_text = by_text
        self.fail_on = set(fail_on)
        self.seen: list[str] = []

    def process(self, article: Article) -> list[Event]:
        self.seen.append(article.text)
        if article.text in self.fail_on:
            raise RuntimeError("boom")
        out = []
        for e in self.by_text.get(article.text, []):
            copy = Event.from_dict(e.to_dict())
            copy.article_id = article.id
            out.append(copy)
        return out

    def process_many(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            yield a, self.process(a)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


# ------------------------------------------------------------------------------------------ codes and roles

def test_codes_meet_needs_a_shared_code_unless_gold_unknown() -> None:
    assert C.codes_meet({"FRA", "DEU"}, {"DEU"})
    assert not C.codes_meet({"FRA"}, {"DEU"})
    assert not C.codes_meet(set(), {"DEU"})
    assert C.codes_meet(set(), set())


def test_roles_order_matters_except_for_reciprocal_types() -> None:
    e = ev("ACCUSE", ["IRN"], ["ISR"])
    assert C.roles_meet(e, {"IRN"}, {"ISR"}, "ACCUSE")
    assert not C.roles_meet(e, {"ISR"}, {"IRN"}, "ACCUSE")
    meet = ev("CONSULT", ["ISR", "AZE"])
    assert C.roles_meet(meet, {"AZE"}, {"ISR"}, "CONSULT")
    assert not C.roles_meet(meet, {"AZE"}, {"TUR"}, "CONSULT")


def test_label_aliases_and_code_normalisation() -> None:
    assert C.accepted_types("YIELD") == {"CONCEDE", "RETREAT"}
    assert C.accepted_types(["FIGHT", "DEMAND"]) == {"ASSAULT", "REQUEST"}
    assert C.norm_code("jap") == "JPN"
    assert C.norm_code("IMG") is None
    assert C.cameo_actor_code("USAGOV") == "USA"
    assert C.cameo_actor_code("IGOUNOMIL") == "UNO"
    assert C.cameo_actor_code("IGOCOPITP") == "IGO"
    assert C.cameo_actor_code("---LEG") is None
    assert C.cameo_root("0431") == "04"
    assert C.cameo_to_plover("083") == "CONCEDE"
    assert C.cameo_to_plover("0841") == "RETREAT"
    assert C.cameo_to_plover("190") == "ASSAULT"
    assert C.cameo_to_plover("010") is None


def test_span_overlap_ignores_function_words() -> None:
    assert C.spans_overlap("The US Congress", "US Congress")
    assert C.spans_overlap("Sudan", "Iran, Libya, North Korea, Sudan")
    assert not C.spans_overlap("the government", "the army")


def test_matching_is_one_to_one_and_maximal() -> None:
    # gold 0 could take output 0 or 1, gold 1 only output 0: the maximum matching must use both outputs
    assert C.max_matching(2, {0: [0, 1], 1: [0]}) == {0: 1, 1: 0}
    # two gold events, one output: one match only
    assert len(C.max_matching(2, {0: [0], 1: [0]})) == 1


def test_prf_and_type_tally() -> None:
    assert C.prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert C.prf(1, 1, 0)["precision"] == 0.5
    t = C.TypeTally()
    t.add_sets({"ASSAULT"}, {"ASSAULT", "COERCE"})
    t.add_sets({"CONSULT"}, set())
    rows = t.per_type()
    assert rows["ASSAULT"]["f1"] == 1.0
    assert rows["COERCE"]["precision"] == 0.0 and rows["COERCE"]["support"] == 0
    assert rows["CONSULT"]["recall"] == 0.0
    assert t.summary()["macro_f1"] == pytest.approx(0.5, abs=1e-3)


def test_spread_sample_covers_the_whole_list() -> None:
    picked = C.spread_sample(list(range(100)), 4)
    assert picked == [0, 25, 50, 75]
    assert C.spread_sample([1, 2], None) == [1, 2]


# ------------------------------------------------------------------------------------------ gold file

GOLD_TEXT = "Ruritania's army shelled Borduria on Monday. A planned bombing in Ruritania was foiled."


def _gold_items(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [{
        "article": {"id": "g1", "text": GOLD_TEXT, "published": "2026-01-07"},
        "events": [{"event": "ASSAULT", "actor": [{"code": "RUR"}], "recipient": [{"code": "BOR"}],
                    "date": "2026-01-05", "event_loc": {"country_code": "BOR"}},
                   {"event": "CONSULT", "actor": [{"code": "RUR"}], "recipient": [{"code": "BOR"}]}],
        "absent": [{"event": "ASSAULT", "recipient": [{"code": "RUR"}], "modality": "hypothetical"}],
    }])
    return G.load_gold(path)


def test_gold_scoring_counts_forbidden_false_positives(tmp_path: Path) -> None:
    items = _gold_items(tmp_path)
    outputs = {"g1": [
        ev("ASSAULT", ["RUR"], ["BOR"], date="2026-01-05", country="BOR", article_id="g1"),
        ev("ASSAULT", ["UNK"], ["RUR"], article_id="g1"),                  # the foiled bombing, asserted
        ev("CONSULT", ["BOR"], ["RUR"], modality="future", article_id="g1"),  # not a claim
    ]}
    s = G.score(items, outputs)
    m = s["metrics"]
    assert m["recall"] == pytest.approx(0.5, abs=1e-3)
    assert m["precision"] == pytest.approx(0.5, abs=1e-3)
    assert m["forbidden_fp"] == 1.0
    assert m["absent_respected"] == 0.0
    assert m["date_accuracy"] == 1.0 and m["place_accuracy"] == 1.0
    assert s["modality"]["asserted"] == {"asserted": 1, "future": 1}
    assert s["modality"]["hypothetical"] == {"asserted": 1}


def test_gold_scoring_perfect_output(tmp_path: Path) -> None:
    items = _gold_items(tmp_path)
    outputs = {"g1": [
        ev("ASSAULT", ["RUR"], ["BOR"], date="2026-01-04", country="RUR", article_id="g1"),
        ev("CONSULT", ["BOR", "RUR"], article_id="g1"),  # reciprocal: all participants in actor
        ev("ASSAULT", ["UNK"], ["RUR"], modality="hypothetical", article_id="g1"),
    ]}
    m = G.score(items, outputs)["metrics"]
    assert m["precision"] == 1.0 and m["recall"] == 1.0 and m["forbidden_fp"] == 0.0
    assert m["date_accuracy"] == 0.0 and m["place_accuracy"] == 0.0


def test_gold_one_output_cannot_match_two_gold_events(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    write_jsonl(path, [{"article": {"id": "x", "text": "t"},
                        "events": [{"event": "PROTEST", "actor": [{"code": "FRA"}]},
                                   {"event": "PROTEST", "actor": [{"code": "FRA"}]}]}])
    m = G.score(G.load_gold(path), {"x": [ev("PROTEST", ["FRA"], article_id="x")]})["metrics"]
    assert m["recall"] == 0.5 and m["precision"] == 1.0


def test_gold_matched_output_is_not_a_forbidden_false_positive(tmp_path: Path) -> None:
    # a shelling happened and a second one was threatened: one asserted output is the real event, not a claim
    # of the threatened one; a second asserted output is
    path = tmp_path / "g.jsonl"
    write_jsonl(path, [{"article": {"id": "x", "text": "t"},
                        "events": [{"event": "ASSAULT", "actor": [{"code": "RUR"}], "recipient": [{"code": "BOR"}]}],
                        "absent": [{"event": "ASSAULT", "actor": [{"code": "RUR"}], "recipient": [{"code": "BOR"}],
                                    "modality": "future"}]}])
    items = G.load_gold(path)
    one = G.score(items, {"x": [ev("ASSAULT", ["RUR"], ["BOR"], article_id="x")]})["metrics"]
    assert one["forbidden_fp"] == 0.0 and one["precision"] == 1.0
    two = G.score(items, {"x": [ev("ASSAULT", ["RUR"], ["BOR"], article_id="x"),
                                ev("ASSAULT", ["RUR"], ["BOR"], date="2026-02-01", article_id="x")]})["metrics"]
    assert two["forbidden_fp"] == 1.0 and two["precision"] == 0.5


def test_gold_date_ranges() -> None:
    e = ev("AID", date="2026-03-04")
    assert G.date_ok(e, "2026-03-01/2026-03-07")
    assert G.date_ok(e, {"from": "2026-03-04", "to": "2026-03-04"})
    assert not G.date_ok(e, "2026-03-05")
    assert G.date_ok(e, None) is None


def test_gold_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"article": {"id": "a", "text": "x"}, "events": []}\n{"article": {"id": "b"}}\n')
    with pytest.raises(G.GoldFileError, match=r"bad.jsonl:2"):
        G.load_gold(path)
    path.write_text('{"article": {"id": "a", "text": "x"}, "events": [{"event": "SMILE"}]}\n')
    with pytest.raises(G.GoldFileError, match="SMILE"):
        G.load_gold(path)


def test_gold_run_with_fake_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [{"article": {"id": "g1", "text": GOLD_TEXT},
                        "events": [{"event": "ASSAULT", "actor": [{"code": "RUR"}], "recipient": [{"code": "BOR"}]}]}])
    fake = FakePipeline({GOLD_TEXT: [ev("ASSAULT", ["RUR"], ["BOR"])]})
    report = G.run(None, gold=path, pipeline=fake)
    assert report["dataset"] == "gold" and report["n"] == 1
    assert report["metrics"]["f1"] == 1.0
    assert "f1" in C.format_report(report)


# ------------------------------------------------------------------------------------------ datasets, faked

def test_plover_gsr_run_scores_type_and_actor(tmp_path: Path) -> None:
    recs = [
        {"id": "r1", "text": "Ruritania accused Borduria.", "expected_events": [
            {"source": [{"text": "Ruritania", "code": "RUR"}], "target": [{"text": "Borduria", "code": "BOR"}],
             "code": "DISAPPROVE", "code_plover_current": "ACCUSE", "mode": None}]},
        {"id": "r2", "text": "Borduria shelled Ruritania.", "expected_events": [
            {"source": [{"text": "Borduria", "code": "BOR"}], "target": [{"text": "Ruritania", "code": "RUR"}],
             "code": "FIGHT", "code_plover_current": "ASSAULT", "mode": "heavy-weapons"}]},
        {"id": "r3", "text": "Borduria may strike.", "expected_events": [
            {"source": [{"text": "Borduria", "code": "BOR"}], "target": "malformed",
             "code": "THREATEN", "code_plover_current": "THREATEN", "mode": None}]},
    ]
    write_jsonl(tmp_path / plover_gsr.FILE, recs)
    fake = FakePipeline({
        "Ruritania accused Borduria.": [ev("ACCUSE", ["RUR"], ["BOR"])],
        "Borduria shelled Ruritania.": [ev("ASSAULT", ["RUR"], ["BOR"], mode="heavy-weapons")],
        "Borduria may strike.": [ev("THREATEN", ["BOR"], modality="hypothetical")],
    })
    r = plover_gsr.run(tmp_path, pipeline=fake)
    m = r["metrics"]
    assert r["n"] == 3
    assert m["type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["actor_code_accuracy"] == pytest.approx(0.5, abs=1e-3)
    assert m["mode_accuracy"] == 1.0
    assert r["confusion"]["type"]["THREATEN"] == {"non-asserted": 1}
    assert r["confusion"]["modality_counts"]["hypothetical"] == 1


def test_plover_gsr_generic_igo_accepts_un_and_eu() -> None:
    gold = {"source": [{"text": "United Nations", "code": "IGO"}], "target": [{"text": "Liberia", "code": "LBR"}],
            "code_plover_current": "AID", "mode": None}
    assert plover_gsr.score_gold_event(gold, [ev("AID", ["UNO"], ["LBR"])])["actor"] is True
    assert plover_gsr.score_gold_event(gold, [ev("AID", ["USA"], ["LBR"])])["actor"] is False


def test_zsp_pairs_sentences_once_and_maps_yield(tmp_path: Path) -> None:
    s1 = "Ruritania released Bordurian prisoners and Ruritania met Borduria."
    recs = [
        {"id": "p1", "text": s1, "marked": "", "source": "Ruritania", "target": "Bordurian prisoners",
         "gold_event": "YIELD", "zsp_prediction": "YIELD"},
        {"id": "p2", "text": s1, "marked": "", "source": "Ruritania", "target": "Borduria",
         "gold_event": "CONSULT", "zsp_prediction": "AGREE"},
        {"id": "p3", "text": "Borduria resigned.", "marked": "", "source": "Borduria", "target": "a recipient",
         "gold_event": "YIELD", "zsp_prediction": "YIELD"},
    ]
    write_jsonl(tmp_path / zsp_plv.FILES["test"], recs)
    fake = FakePipeline({
        s1: [ev("RETREAT", [("Ruritania", "RUR")], [("Bordurian prisoners", "BOR")]),
             ev("CONSULT", [("Borduria", "BOR"), ("Ruritania", "RUR")])],
        "Borduria resigned.": [ev("ACCUSE", [("Borduria", "BOR")])],
    })
    r = zsp_plv.run(tmp_path, pipeline=fake)
    m = r["metrics"]
    assert len(fake.seen) == 2  # the repeated sentence was parsed once
    assert m["pair_recall"] == 1.0
    assert m["pair_recall_with_type"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["type_accuracy_on_found"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["paper_zsp_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert r["confusion"]["type"]["YIELD"] == {"YIELD": 1, "ACCUSE": 1}


def test_an_article_the_pipeline_fails_on_is_scored_empty_and_reported(tmp_path: Path) -> None:
    recs = [{"id": f"n{i}", "text": f"story {i}", "expected_events": [{"code": "AID", "mode": None}]}
            for i in range(3)]
    write_jsonl(tmp_path / ngec_synthetic.FILE, recs)
    fake = FakePipeline({f"story {i}": [ev("AID")] for i in range(3)}, fail_on={"story 1"})
    r = ngec_synthetic.run(tmp_path, pipeline=fake)
    assert r["metrics"]["type_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert r["metrics"]["pipeline_errors"] == 1.0
    assert r["pipeline_failures"][0]["id"] == "n1" and "boom" in r["pipeline_failures"][0]["error"]


def test_zsp_pair_direction_matters_for_one_way_types() -> None:
    e = ev("ACCUSE", [("Ruritania", "RUR")], [("Borduria", "BOR")])
    assert zsp_plv.pair_matches(e, "Ruritania", "Borduria")
    assert not zsp_plv.pair_matches(e, "Borduria", "Ruritania")


def test_udpetrarch_root_and_strict_agreement(tmp_path: Path) -> None:
    recs = [
        {"id": "u1", "date": "20080806", "text": "Ruritania met Borduria.",
         "expected_events": [{"source": "RURGOV", "target": "BOR", "code": "042"}]},
        {"id": "u2", "date": "20080806", "text": "Ruritania bombed Borduria.",
         "expected_events": [{"source": "RUR", "target": "BOR", "code": "190"}]},
        {"id": "u3", "date": "20080806", "text": "Nothing happened.", "expected_events": [],
         "expected_no_events": True},
    ]
    write_jsonl(tmp_path / udpetrarch.FILE, recs)
    fake = FakePipeline({
        "Ruritania met Borduria.": [ev("CONSULT", ["BOR", "RUR"], cameo="040")],
        "Ruritania bombed Borduria.": [ev("ASSAULT", ["BOR"], ["RUR"], cameo="195")],
    })
    m = udpetrarch.run(tmp_path, pipeline=fake)["metrics"]
    assert m["cameo_root_agreement"] == 1.0
    assert m["cameo_root_agreement_strict"] == 0.5
    assert m["no_event_true_negative_rate"] == 1.0
    assert udpetrarch.published("20080806") == "2008-08-06"
    assert udpetrarch.published("121108") is None


def test_ngec_document_type_recall_and_mode(tmp_path: Path) -> None:
    recs = [{"id": f"n{i}", "text": f"story {i}", "expected_events": [{"code": code, "mode": mode}]}
            for i, (code, mode) in enumerate([("PROTEST", "STRIKE"), ("ASSAULT", "PRIMATIVE"), ("AID", None)])]
    write_jsonl(tmp_path / ngec_synthetic.FILE, recs)
    fake = FakePipeline({
        "story 0": [ev("PROTEST", mode="strike"), ev("COERCE")],
        "story 1": [ev("ASSAULT", mode="firearms")],
        "story 2": [ev("AID", modality="future")],
    })
    m = ngec_synthetic.run(tmp_path, pipeline=fake)["metrics"]
    assert m["type_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["mode_agreement"] == pytest.approx(0.5, abs=1e-3)
    assert m["no_event_rate"] == pytest.approx(1 / 3, abs=1e-3)


def test_format_report_shows_metrics_and_types() -> None:
    text = C.format_report({"dataset": "x", "n": 2, "metrics": {"type_accuracy": 0.5},
                            "per_type": {"AID": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "support": 2}},
                            "confusion": {"type": {"AID": {"AID": 1, "NONE": 1}}, "modality_counts": {"asserted": 3}}})
    assert "type_accuracy" in text and "0.500" in text and "AID" in text and "asserted=3" in text


# ------------------------------------------------------------------------------------------ bench helpers

def test_bench_reads_documents_and_falls_back_to_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eventwire import bench

    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"id": f"d{i}", "text": f"text {i}", "date": "2002-03-01"} for i in range(5)])
    docs, source = bench.load_docs(3, path)
    assert [d.id for d in docs] == ["d0", "d1", "d2"] and docs[0].published == "2002-03-01"
    docs, source = bench.load_docs(7, tmp_path / "missing.jsonl")
    assert len(docs) == 7 and len({d.id for d in docs}) == 7
    assert "not found" in capsys.readouterr().err
    assert bench.peak_rss_mb() > 0


# ------------------------------------------------------------------------------------------ floors on gold sets

FLOORS = json.loads((Path(C.__file__).parent / "floors.json").read_text(encoding="utf-8"))


def test_floors_file_names_known_datasets() -> None:
    from eventwire.evaluate import DATASETS

    assert FLOORS, "floors.json is empty"
    for name, spec in FLOORS.items():
        assert name in DATASETS
        assert spec["metrics"] and all(0.0 <= v <= 1.0 for v in spec["metrics"].values())
        assert all(v >= 0 for v in spec.get("max", {}).values())


@pytest.fixture(scope="module")
def pipeline() -> Any:
    return C.default_pipeline()


@pytest.mark.slow
@pytest.mark.gold
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(name: str, pipeline: Any) -> None:
    import eventwire.evaluate as E

    if name != "gold" and not E.data_dir().is_dir():
        pytest.skip(f"gold data not present at {E.data_dir()}")
    spec = FLOORS[name]
    options = dict(spec.get("options", {}))
    params = inspect.signature(importlib.import_module(f"eventwire.evaluate.{E.DATASETS[name]}").run).parameters
    if "pipeline" in params or any(p.kind is p.VAR_KEYWORD for p in params.values()):
        options["pipeline"] = pipeline  # share one loaded pipeline between the datasets
    try:
        report = E.run(name, limit=spec.get("limit"), **options)
    except E.DatasetMissing as exc:
        pytest.skip(str(exc))
    got = report["metrics"]
    missing = sorted(k for k in [*spec["metrics"], *spec.get("max", {})] if k not in got)
    assert not missing, f"{name}: report lacks pinned metrics {missing}"
    below = {k: (got[k], floor) for k, floor in spec["metrics"].items() if got[k] < floor}
    above = {k: (got[k], ceiling) for k, ceiling in spec.get("max", {}).items() if got[k] > ceiling}
    assert not below, f"{name}: metrics below floor (got, floor): {below}"
    assert not above, f"{name}: metrics above ceiling (got, ceiling): {above}"


def test_format_report_tolerates_other_report_shapes() -> None:
    text = C.format_report({"dataset": "y", "n": 1, "metrics": {"median_km": 12, "label": "x", "acc": None},
                            "per_type": {"GPE": 0.5, "LOC": {"f1": 0.25}},
                            "confusion": {"m": [1, 2], "t": {"a": {"b": 0.5}}},
                            "errors": [{"when": object()}]})
    assert "median_km" in text and "GPE" in text and "0.250" in text
