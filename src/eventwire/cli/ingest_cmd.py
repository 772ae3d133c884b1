"""`eventwire ingest`: code articles and keep them, with their events, in the database."""

from __future__ import annotations

import argparse
import sys

from eventwire.cli.common import ErrorLog, batched, progress, read_articles
from eventwire.cli.extract_cmd import valid_day
from eventwire.store import Store, default_db_path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("ingest", help="code articles and store articles and events (idempotent)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", default=None, help=f"database file (default ${{EVENTWIRE_DB}} or {default_db_path()})")
    p.add_argument("--published", type=valid_day)
    p.add_argument("--batch", type=int, default=32, help="articles per committed transaction")
    p.add_argument("--replace", action="store_true", help="re-code articles already stored")
    p.add_argument("--processes", type=int, default=1)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventwire.pipeline import Pipeline

    errors = ErrorLog()
    pipeline: Pipeline | None = None
    new = skipped = n_events = 0
    with Store(args.db) as store:
        stream = progress(read_articles(args.paths, errors, args.published), "ingest")
        for batch in batched(stream, max(1, args.batch)):
            todo = batch
            if not args.replace:
                known = store.known_article_ids([a.id for a in batch])
                todo = [a for a in batch if a.id not in known]
                skipped += len(batch) - len(todo)
            if not todo:
                continue
            if pipeline is None:
                pipeline = Pipeline()
            coded = list(pipeline.process_many(todo, n_process=max(1, args.processes)))
            n_events += sum(len(evs) for _, evs in coded)
            new += store.add_batch(coded, replace=args.replace)
        print(f"eventwire: {new} articles stored ({n_events} events), {skipped} already stored, "
              f"{errors.count} skipped as bad input -> {store.path}", file=sys.stderr)
    return 1 if errors.count else 0
