"""`eventwire ingest` interrupted midway keeps every committed batch, and a re-run completes the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli.main import main
from eventwire.pipeline import Pipeline
from eventwire.store import Store

pytestmark = pytest.mark.slow


def test_interrupted_ingest_loses_nothing_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "many.jsonl"
    with src.open("w") as f:
        for i in range(10):
            f.write(json.dumps({"id": f"n{i}", "published": "2026-11-20",
                                "text": f"Police arrested {i + 2} protesters in Tbilisi on Thursday."}) + "\n")
    db = tmp_path / "resume.duckdb"
    real = Pipeline.process_many
    calls = {"n": 0}

    def crash_on_third_batch(self, articles, **kw):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, articles, **kw)

    monkeypatch.setattr(Pipeline, "process_many", crash_on_third_batch)
    assert main(["ingest", "--db", str(db), "--batch", "3", str(src)]) == 130
    with Store(db) as s:
        assert sorted(a.id for a in s.articles()) == [f"n{i}" for i in range(6)]
        first_events = s.stats()["events"]
    assert first_events >= 6

    monkeypatch.setattr(Pipeline, "process_many", real)
    assert main(["ingest", "--db", str(db), "--batch", "3", str(src)]) == 0
    err = capsys.readouterr().err
    assert "4 articles stored" in err and "6 already stored" in err
    with Store(db) as s:
        assert len(list(s.articles())) == 10
