"""`eventwire extract`: articles in, one event record per line out (standard output)."""

from __future__ import annotations

import argparse
import sys

from eventwire.cli.common import ErrorLog, progress, read_articles
from eventwire.formats import FORMATS, EventWriter


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("extract", help="code articles into PLOVER event records on standard output")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' or none: standard input)")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--published", type=valid_day, help="publication date (YYYY-MM-DD) for articles without one")
    p.add_argument("--processes", type=int, default=1, help="parsing processes (default 1)")
    p.set_defaults(func=run)


def valid_day(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def run(args: argparse.Namespace) -> int:
    from eventwire.pipeline import Pipeline

    errors = ErrorLog()
    pipeline = Pipeline()
    writer = EventWriter(sys.stdout, args.format)
    articles = progress(read_articles(args.paths, errors, args.published), "extract")
    for _, events in pipeline.process_many(articles, n_process=max(1, args.processes)):
        for ev in events:
            writer.write(ev)
    sys.stdout.flush()
    return 1 if errors.count else 0
