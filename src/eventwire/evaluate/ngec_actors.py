"""NGEC actor-resolution unit tests as a gold set (``ngec_actor_tests/ngec_actor_tests.jsonl``).

Scored on the README's core set (status ``active``, no ``flags``, no ``duplicate_of``) and the kinds
that need no encyclopedia: ``nationality`` (country only), ``agent`` (sector and, where asserted,
country) and ``full`` (country and sector; many need a Wikipedia-sized KB). A ``null`` expectation is
not scored; ``""`` means "no value" and is met by ``None``. Undated ``full`` cases describe the world
of 2022-2023 when the tests were written, so they are coded at ``default_date`` (2023-06-30).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.evaluate import DatasetMissing

KINDS = ("nationality", "agent", "full")
DEFAULT_DATE = date(2023, 6, 30)


def parse_date(s: str | None, default: date = DEFAULT_DATE) -> date:
    """The tests' ``query_date``: ISO, "10 May 2015", "1 july 2021", or "today" (-> ``default``)."""
    if not s or s.strip().lower() == "today":
        return default
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(s.strip().title() if fmt != "%Y-%m-%d" else s.strip(), fmt).date()
        except ValueError:
            continue
    return default


def load_cases(data_dir: Path) -> list[dict[str, Any]]:
    """The core records of the scored kinds."""
    path = Path(data_dir) / "ngec_actor_tests" / "ngec_actor_tests.jsonl"
    if not path.is_file():
        raise DatasetMissing(f"{path} not found")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("status") != "active" or r.get("flags") or r.get("duplicate_of"):
                continue
            if r.get("kind") in KINDS:
                out.append(r)
    return out


def _same(expected: str, got: str | None) -> bool:
    return (got or "") == expected


def run(data_dir: Path, limit: int | None = None, default_date: date = DEFAULT_DATE,
        **_: Any) -> dict[str, Any]:
    """Score ``code_text`` on the NGEC actor tests; returns the report dict."""
    from eventwire.ground.actors import code_text  # noqa: PLC0415  (keeps `eventwire eval --help` light)

    cases = load_cases(Path(data_dir))
    if limit is not None:
        cases = cases[:limit]
    tallies: dict[str, list[int]] = {}  # metric -> [right, total]
    errors: list[dict[str, Any]] = []
    declined = [0, 0]

    def tally(metric: str, ok: bool) -> None:
        t = tallies.setdefault(metric, [0, 0])
        t[0] += int(ok)
        t[1] += 1

    for r in cases:
        inp, exp, kind = r["input"], r["expected"], r["kind"]
        when = parse_date(inp.get("date"), default_date)
        context = inp.get("context") or inp.get("known_country") or ""
        ent = code_text(inp.get("text", ""), context=context, when=when)
        code = ent.code if ent else None
        sector = ent.sector if ent else None
        wrong = []
        if r.get("expect_no_match"):
            declined[1] += 1
            declined[0] += int(ent is None or (ent.code is None and ent.sector in (None, "UNK")))
        if exp.get("country") is not None:
            ok = _same(exp["country"], code)
            for field, bad in (r.get("expected_not") or {}).items():
                if field == "country" and code == bad:
                    ok = False
            tally({"nationality": "nationality", "agent": "agent_country", "full": "full_country"}[kind], ok)
            if kind in ("nationality", "agent"):
                tally("nat_agent", ok)
            if not ok:
                wrong.append(f"country {code!r} != {exp['country']!r}")
        one_of = (r.get("expected_one_of") or {}).get("sector")
        if exp.get("sector") is not None or one_of:
            ok = sector in one_of if one_of else _same(exp["sector"], sector)
            tally({"nationality": "nationality_sector", "agent": "agent_sector", "full": "full_sector"}[kind], ok)
            if kind in ("nationality", "agent"):
                tally("nat_agent", ok)
            if not ok:
                wrong.append(f"sector {sector!r} != {exp['sector'] if not one_of else one_of!r}")
        if wrong:
            errors.append({"id": r["id"], "text": inp.get("text"), "date": inp.get("date"), "problems": wrong})

    def acc(metric: str) -> float | None:
        t = tallies.get(metric)
        return round(t[0] / t[1], 4) if t and t[1] else None

    metrics = {
        "nationality_accuracy": acc("nationality"),
        "agent_sector_accuracy": acc("agent_sector"),
        "agent_country_accuracy": acc("agent_country"),
        "full_country_accuracy": acc("full_country"),
        "full_sector_accuracy": acc("full_sector"),
        "nationality_and_sector_accuracy": acc("nat_agent"),
        "no_match_declined_rate": round(declined[0] / declined[1], 4) if declined[1] else None,
    }
    counts = {m: t[1] for m, t in tallies.items()}
    return {"dataset": "ngec_actor_tests", "n": len(cases), "metrics": metrics, "counts": counts,
            "default_date": default_date.isoformat(), "errors": errors[:40], "n_errors": len(errors)}
