"""Shared CLI helpers: error reporting, progress, reading articles."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from eventwire.ingest import iter_articles
from eventwire.records import Article

T = TypeVar("T")


class ErrorLog:
    """Counts bad inputs; prints one line per item to standard error."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        print(f"eventwire: {message}", file=sys.stderr, flush=True)


def progress(items: Iterable[T], desc: str, total: int | None = None) -> Iterable[T]:
    """A progress bar on a terminal; the bare iterable when standard error is piped."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, total=total, unit="art", file=sys.stderr, leave=False)


def read_articles(paths: Sequence[str], errors: ErrorLog, published: str | None = None) -> Iterator[Article]:
    """Articles from paths (or '-'), with ``published`` filled in where an article has none."""
    for a in iter_articles(list(paths) or ["-"], errors):
        if published and not a.published:
            a.published = published
        yield a


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
