"""`eventwire eval`: gold-set evaluations with a printed summary and a JSON report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire import evaluate


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("eval", help="evaluate on a gold set from ../shared/data or a gold file")
    p.add_argument("--dataset", action="append", choices=sorted(evaluate.DATASETS),
                   help="dataset name (repeatable)")
    p.add_argument("--all", action="store_true", help="every dataset")
    p.add_argument("--gold", help="a gold file in the contract's shape (dataset 'gold')")
    p.add_argument("--limit", type=int, help="first N items only")
    p.add_argument("--report", help="write the JSON report(s) here")
    p.set_defaults(func=run)


def _print(report: dict) -> None:  # type: ignore[type-arg]
    try:
        from eventwire.evaluate.common import format_report  # type: ignore[attr-defined]

        print(format_report(report))
        return
    except (ImportError, AttributeError):
        pass
    print(f"== {report.get('dataset')}  n={report.get('n')}")
    for k, v in (report.get("metrics") or {}).items():
        print(f"  {k:<32} {v:.4f}" if isinstance(v, float) else f"  {k:<32} {v}")


def run(args: argparse.Namespace) -> int:
    names = list(args.dataset or [])
    if args.all:
        names = [n for n in evaluate.DATASETS if n != "gold"]
    if args.gold and "gold" not in names:
        names.append("gold")
    if not names:
        print("eventwire: eval needs --dataset NAME, --gold FILE or --all", file=sys.stderr)
        return 2
    reports = []
    status = 0
    for name in names:
        opts = {"gold": args.gold} if name == "gold" and args.gold else {}
        try:
            report = evaluate.run(name, limit=args.limit, **opts)
        except (FileNotFoundError, evaluate.DatasetMissing) as exc:
            print(f"eventwire: {name}: skipped: {exc}", file=sys.stderr)
            status = 1
            continue
        except ValueError as exc:  # a malformed gold file: GoldFileError names the file and line
            print(f"eventwire: {name}: {exc}", file=sys.stderr)
            return 2
        _print(report)
        reports.append(report)
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(reports if len(reports) != 1 else reports[0], indent=2))
    return status
