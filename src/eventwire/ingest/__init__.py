"""Articles from files, directories and standard input, whatever their kind.

``iter_articles(paths, on_error)`` walks the paths, sniffs each input (JSONL or a JSON array of article
records, plain text, HTML, RSS/Atom, WARC; gzip'd or not) and hands it to the reader for its kind. Every
reader has the same signature, ``read_x(stream, origin, on_error) -> Iterator[Article]``. A bad item is
reported to ``on_error`` in one line naming its path (and line) and is skipped; reading goes on.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.common import (
    MAX_DOC_BYTES, OnError, SkipItem, bom_encoding, skipped, utf16_without_bom,
)
from eventwire.ingest.feed import read_feed
from eventwire.ingest.html import read_html
from eventwire.ingest.jsonl import read_json_array, read_jsonl
from eventwire.ingest.sniff import GZIP_MAGIC, SNIFF_BYTES, Kind, sniff
from eventwire.ingest.text import read_text
from eventwire.ingest.warc import read_warc
from eventwire.records import Article

__all__ = ["READERS", "STDIN", "Kind", "OnError", "iter_articles", "iter_files", "read_stream"]

Reader = Callable[[BinaryIO, str, OnError], Iterator[Article]]

READERS: dict[Kind, Reader] = {
    Kind.JSONL: read_jsonl,
    Kind.JSON: read_json_array,
    Kind.TEXT: read_text,
    Kind.HTML: read_html,
    Kind.FEED: read_feed,
    Kind.WARC: read_warc,
}
STDIN = "-"
STDIN_ORIGIN = "<stdin>"


def iter_articles(paths: Sequence[str], on_error: Callable[[str], None]) -> Iterator[Article]:
    """Every article in ``paths`` (files, directories read recursively in sorted order, or "-" for stdin)."""
    for path in paths:
        if path == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN_ORIGIN, on_error)
            continue
        for file in iter_files(path, on_error):
            yield from read_path(file, on_error)


def iter_files(path: str, on_error: OnError) -> Iterator[str]:
    """``path`` itself, or the files under a directory sorted by path, hidden ones (".name") left out."""
    if not os.path.isdir(path):
        yield path
        return

    def report(error: OSError) -> None:
        on_error(skipped(error.filename or path, f"cannot list directory ({error.strerror})"))

    found: list[tuple[str, ...]] = []
    for root, dirs, files in os.walk(path, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        parts = tuple(Path(os.path.relpath(root, path)).parts)
        found.extend(parts + (name,) for name in files if not name.startswith("."))
    for parts in sorted(found):
        yield os.path.join(path, *parts)


def read_path(path: str, on_error: OnError) -> Iterator[Article]:
    """The articles of one file; an unreadable file is reported and skipped."""
    try:
        stream = open(path, "rb")
    except OSError as e:
        on_error(skipped(path, f"cannot read ({e.strerror or e})"))
        return
    with stream:
        yield from read_stream(stream, path, on_error)


def read_stream(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """The articles of one input stream, whose kind is sniffed; ``origin`` names it in messages."""
    try:
        prepared, head = prepare(stream)
        if not head.strip():
            on_error(skipped(origin, "empty input"))
            return
        kind = sniff(head, origin)
        if kind is None:
            on_error(skipped(origin, "binary content, not text"))
            return
        yield from READERS[kind](prepared, origin, on_error)
    except SkipItem as e:
        on_error(skipped(origin, str(e)))
    except (OSError, EOFError, zlib.error) as e:
        on_error(skipped(origin, f"read error ({type(e).__name__}: {e})"))


def prepare(stream: BinaryIO) -> tuple[BinaryIO, bytes]:
    """The stream ready for a reader, and its first bytes: gunzipped, UTF-16/32 transcoded to UTF-8."""
    head = stream.read(SNIFF_BYTES)
    prepared: BinaryIO = io.BufferedReader(_Prefixed(head, stream))
    if head.startswith(GZIP_MAGIC):
        prepared = gzip.GzipFile(fileobj=prepared, mode="rb")  # type: ignore[assignment]
        head = prepared.read(SNIFF_BYTES)
        prepared = io.BufferedReader(_Prefixed(head, prepared))
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding and encoding != "utf-8-sig":
        data = prepared.read(MAX_DOC_BYTES + 1)
        if len(data) > MAX_DOC_BYTES:
            raise SkipItem(f"too large for {encoding} (more than {MAX_DOC_BYTES:,} bytes)")
        try:
            utf8 = data.decode(encoding).removeprefix("\ufeff").encode("utf-8")
        except UnicodeDecodeError as e:
            raise SkipItem(f"undecodable {encoding} text ({e.reason} at byte {e.start})") from None
        return io.BytesIO(utf8), utf8[:SNIFF_BYTES]
    return prepared, head


class _Prefixed(io.RawIOBase):
    """A read-only stream giving ``head`` first, then the rest of ``rest`` (to sniff unseekable input)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
