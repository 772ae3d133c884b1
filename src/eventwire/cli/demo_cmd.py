"""`eventwire demo`: code the bundled sample articles into a database and print a summary."""

from __future__ import annotations

import argparse
import sys
import time
from importlib import resources
from pathlib import Path

from eventwire.cli.common import ErrorLog, read_articles
from eventwire.cli.query_cmd import format_stats
from eventwire.store import EventFilter, Store


def sample_path() -> Path:
    """The bundled sample articles (JSONL, written for this project)."""
    return Path(str(resources.files("eventwire.samples").joinpath("articles.jsonl")))


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="code the bundled sample articles and print a summary")
    p.add_argument("--db", default="demo.duckdb", help="database file (default ./demo.duckdb, made anew)")
    p.add_argument("--show", type=int, default=6, help="events to show with their evidence")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventwire.pipeline import Pipeline

    db = Path(args.db)
    for f in (db, Path(str(db) + ".wal")):
        if f.exists():
            f.unlink()
    t0 = time.perf_counter()
    errors = ErrorLog()
    pipeline = Pipeline()
    articles = list(read_articles([str(sample_path())], errors))
    coded = list(pipeline.process_many(articles))
    with Store(db) as store:
        store.add_batch(coded)
        stats = store.stats()
        events = list(store.events(EventFilter(modality="asserted")))
        others = list(store.events())
    elapsed = time.perf_counter() - t0
    print(f"eventwire demo: {len(articles)} sample articles coded in {elapsed:.1f}s -> {db}\n")
    print(format_stats(stats))
    print("\nsome asserted events, with their evidence:")
    shown = sorted(events, key=lambda e: -e.confidence)[: args.show]
    for e in shown:
        actor = ", ".join(f"{a.name or a.text} ({a.code or '?'} {a.sector or '-'})" for a in e.actor) or "?"
        recip = ", ".join(f"{r.name or r.text} ({r.code or '?'} {r.sector or '-'})" for r in e.recipient) or "-"
        where = f"{e.event_loc.name} ({e.event_loc.country_code})" if e.event_loc else "place unknown"
        when = f"{e.date} [{e.date_precision}" + (f": {e.date_text!r}]" if e.date_text else "]")
        print(f"\n  {e.event}{' ' + e.mode if e.mode else ''}  {actor} -> {recip}")
        print(f"    when: {when}   where: {where}   CAMEO {e.cameo}   confidence {e.confidence}")
        print(f"    \"{e.event_text}\"")
    not_asserted = [e for e in others if e.modality != "asserted"]
    if not_asserted:
        print("\nnot asserted (kept, never counted as having happened):")
        for e in not_asserted[: args.show]:
            print(f"  {e.modality:<12} {e.event:<9} \"{e.event_text[:90]}\"")
    print(f"\nquery it: .venv/bin/eventwire events --db {db} --type CONSULT", file=sys.stderr)
    return 1 if errors.count else 0
