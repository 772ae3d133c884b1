"""`eventwire events`, `eventwire stats`, `eventwire export`: reading the database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from eventwire.cli.extract_cmd import valid_day
from eventwire.formats import EventWriter
from eventwire.records import Event
from eventwire.store import EventFilter, Store


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, help="database file (default $EVENTWIRE_DB or ./eventwire.duckdb)")
    p.add_argument("--actor", help="actor code (ISO3, UNO, EUR, IGO ...)")
    p.add_argument("--recipient", help="recipient code")
    p.add_argument("--type", help="PLOVER event type")
    p.add_argument("--since", type=valid_day, help="events on or after this date")
    p.add_argument("--until", type=valid_day, help="events on or before this date")
    p.add_argument("--country", help="country (ISO3) of the event's location")
    p.add_argument("--modality", choices=["asserted", "future", "hypothetical", "negated"])
    p.add_argument("--limit", type=int)


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("events", help="list stored events with filters")
    _filters(p)
    p.add_argument("--format", choices=["table", "jsonl", "csv", "plover"], default="table")
    p.set_defaults(func=run_events)

    p = sub.add_parser("stats", help="counts in the database")
    p.add_argument("--db", default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_stats)

    p = sub.add_parser("export", help="export stored events")
    _filters(p)
    p.add_argument("--format", choices=["jsonl", "plover", "csv", "parquet"], default="jsonl")
    p.add_argument("--output", "-o", help="output file (required for parquet; default standard output)")
    p.set_defaults(func=run_export)


def _filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(actor=args.actor, recipient=args.recipient, type=args.type, since=args.since,
                       until=args.until, country=args.country, modality=args.modality, limit=args.limit)


def _codes(ents: list) -> str:  # type: ignore[type-arg]
    return ",".join(f"{e.code or '?'}/{e.sector or '-'}" for e in ents) or "-"


def format_table(events: Iterable[Event]) -> str:
    rows = [("date", "event", "mode", "modality", "actor", "recipient", "place", "sentence")]
    for e in events:
        sent = e.event_text if len(e.event_text) <= 70 else e.event_text[:67] + "..."
        rows.append((e.date or "-", e.event, e.mode or "-", e.modality, _codes(e.actor), _codes(e.recipient),
                     (e.event_loc.name if e.event_loc else "-"), sent))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:-1], widths)) + "  " + r[-1] for r in rows]
    return "\n".join(lines)


def run_events(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        events = store.events(_filter(args))
        if args.format == "table":
            print(format_table(events))
        else:
            writer = EventWriter(sys.stdout, args.format)
            for ev in events:
                writer.write(ev)
    return 0


def format_stats(s: dict) -> str:  # type: ignore[type-arg]
    out = [f"articles: {s['articles']}   events: {s['events']}   dates: {s['first_date']} .. {s['last_date']}",
           "by modality: " + ", ".join(f"{k} {v}" for k, v in s["by_modality"].items()),
           "asserted events by type:"]
    out += [f"  {k:<10} {v}" for k, v in s["by_type"].items()]
    out.append("top actor -> recipient pairs (asserted):")
    out += [f"  {p['actor']:>4} -> {p['recipient']:<4} {p['events']}" for p in s["top_pairs"]]
    return "\n".join(out)


def run_stats(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        s = store.stats()
    print(json.dumps(s, indent=2) if args.json else format_stats(s))
    return 0


def run_export(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        if args.format == "parquet":
            if not args.output:
                print("eventwire: export --format parquet needs --output FILE", file=sys.stderr)
                return 2
            n = store.export_parquet(args.output, _filter(args))
            print(f"eventwire: {n} events -> {args.output}", file=sys.stderr)
            return 0
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
        try:
            writer = EventWriter(out, args.format)
            for ev in store.events(_filter(args)):
                writer.write(ev)
        finally:
            if args.output:
                out.close()
    return 0
