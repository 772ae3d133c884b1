"""The `eventwire` command: one sub-command module per group, each calling the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from eventwire import __version__
from eventwire.cli import demo_cmd, eval_cmd, extract_cmd, ingest_cmd, query_cmd


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__)
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract_cmd.add_parser(sub)
    ingest_cmd.add_parser(sub)
    query_cmd.add_parsers(sub)
    eval_cmd.add_parser(sub)
    demo_cmd.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except FileNotFoundError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
