"""End to end on the real spaCy model: CLI -> pipeline -> store -> query, and the contract's schema."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from eventwire.cli.demo_cmd import sample_path
from eventwire.cli.main import main

pytestmark = pytest.mark.slow

SCHEMA = json.loads((Path(__file__).parents[1] / "src/eventwire/schema/event.schema.json").read_text())


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "extract", str(sample_path())],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_every_extract_line_satisfies_the_contract_schema(extracted: list[dict]) -> None:
    assert len(extracted) >= 11  # about two or more events per sample article
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for rec in extracted:
        errors = list(validator.iter_errors(rec))
        assert not errors, (rec["event_text"], [e.message for e in errors])


def test_spans_point_at_the_sentence(extracted: list[dict]) -> None:
    texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in sample_path().read_text().splitlines()}
    for rec in extracted:
        a, b = rec["span"]
        if (a, b) != (0, 0):
            assert texts[rec["article_id"]][a:b].strip() == rec["event_text"]


def test_ids_are_stable(extracted: list[dict], capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(capsys, "extract", str(sample_path()))
    assert rc == 0
    assert [json.loads(l)["id"] for l in out.splitlines()] == [r["id"] for r in extracted]


def test_touchstone_visit_and_arrest_without_assault(extracted: list[dict]) -> None:
    evs = [e for e in extracted if e["article_id"] == "sample-aze-isr-visit"]
    asserted = [e for e in evs if e["modality"] == "asserted"]
    codes = lambda ents: {x["code"] for x in ents}  # noqa: E731
    consult = [e for e in asserted if e["event"] == "CONSULT" and "ISR" in codes(e["actor"] + e["recipient"])
               and "AZE" in codes(e["actor"] + e["recipient"])]
    assert consult, evs
    assert any(e["date"] == "2026-11-19" for e in consult)
    arrest = [e for e in asserted if e["event"] == "COERCE" and e["mode"] == "arrest"]
    assert any(codes(e["actor"]) == {"AZE"} and codes(e["recipient"]) == {"AFG"} for e in arrest), arrest
    assert not [e for e in asserted if e["event"] == "ASSAULT"]


def test_formats_csv_and_plover(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(capsys, "extract", "--format", "csv", str(sample_path()))
    assert rc == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"actor_code", "actor_sector", "recipient_code", "recipient_sector"} <= set(rows[0])
    rc, out, _ = run_cli(capsys, "extract", "--format", "plover", str(sample_path()))
    rec = json.loads(out.splitlines()[0])
    assert {"eventText", "event", "actor", "recipient", "date"} <= set(rec)


def test_bad_input_is_skipped_with_path_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "mixed.jsonl"
    good = {"id": "g1", "text": "Police arrested two men in Baku on Thursday.", "published": "2026-11-20"}
    f.write_text(json.dumps(good) + "\n{broken json\n" + json.dumps({"id": "e", "text": ""}) + "\n")
    rc, out, err = run_cli(capsys, "extract", str(f))
    assert rc == 1
    assert "mixed.jsonl:2" in err and "mixed.jsonl:3" in err
    assert all(json.loads(l)["article_id"] == "g1" for l in out.splitlines())


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--published", "not-a-date"])
    assert exc.value.code == 2


def test_published_flag_anchors_relative_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Arrests in Baku\n\nAzerbaijani police arrested two men in Baku on Thursday.\n")
    rc, out, _ = run_cli(capsys, "extract", "--published", "2026-11-20", str(f))
    assert rc == 0
    recs = [json.loads(l) for l in out.splitlines()]
    assert any(r["event"] == "COERCE" and r["date"] == "2026-11-19" for r in recs), recs


def test_ingest_query_stats_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "ew.duckdb")
    rc, _, err = run_cli(capsys, "ingest", "--db", db, str(sample_path()))
    assert rc == 0, err
    rc, out, _ = run_cli(capsys, "stats", "--db", db, "--json")
    stats = json.loads(out)
    assert stats["articles"] == 11 and stats["events"] > 0
    rc, _, err = run_cli(capsys, "ingest", "--db", db, str(sample_path()))  # idempotent
    assert "0 articles stored" in err and "11 already stored" in err
    rc, out, _ = run_cli(capsys, "stats", "--db", db, "--json")
    assert json.loads(out)["events"] == stats["events"]
    rc, out, _ = run_cli(capsys, "events", "--db", db, "--format", "jsonl", "--type", "COERCE")
    recs = [json.loads(l) for l in out.splitlines()]
    assert recs and all(r["event"] == "COERCE" for r in recs)
    rc, out, _ = run_cli(capsys, "events", "--db", db, "--actor", "AZE", "--limit", "3")
    assert rc == 0 and "COERCE" in out
    pq = tmp_path / "ev.parquet"
    rc, _, err = run_cli(capsys, "export", "--db", db, "--format", "parquet", "-o", str(pq))
    assert rc == 0 and pq.stat().st_size > 0
    rc, out, _ = run_cli(capsys, "export", "--db", db, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == stats["events"]


def test_demo_prints_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(capsys, "demo", "--db", str(tmp_path / "demo.duckdb"))
    assert rc == 0
    assert "asserted events by type" in out and "top actor -> recipient pairs" in out
    assert "when:" in out and "where:" in out


def test_malformed_gold_file_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"article": {"id": "x", "text": "Police arrested two men."}, "events": []}\n{oops\n')
    rc, _, err = run_cli(capsys, "eval", "--gold", str(bad))
    assert rc == 2 and "gold.jsonl:2" in err
