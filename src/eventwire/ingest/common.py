"""What every reader shares: the error callback type, size limits, decoding and date normalisation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import BinaryIO

OnError = Callable[[str], None]
"""Receives one line per skipped item, e.g. ``bad.jsonl:3: skipped: invalid JSON (...)``."""

MAX_LINE_BYTES = 5_000_000
"""A JSONL line longer than this is reported and skipped."""

MAX_DOC_BYTES = 20_000_000
"""A text file, HTML page, feed or WARC record larger than this is reported and skipped."""

_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.,]*(?:Z|[+-]\d{2}:?\d{2})?)?")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class SkipItem(Exception):
    """Raised inside a reader when one item cannot be read; the message is the reason."""


def skipped(origin: str, reason: str, line: int | None = None) -> str:
    """The one-line message for a skipped item: ``path:line: skipped: reason``."""
    where = f"{origin}:{line}" if line is not None else origin
    return f"{where}: skipped: {reason}"


def read_limited(stream: BinaryIO, limit: int = MAX_DOC_BYTES) -> bytes:
    """Read a whole document, raising SkipItem when it is larger than ``limit`` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise SkipItem(f"too large (more than {limit:,} bytes)")
    return data


def iter_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line_number, line)`` without reading an over-long line into memory (``None`` then)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # discard the rest of the over-long line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start of ``data``, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when ``head`` looks like ASCII-range text in UTF-16 without a BOM."""
    sample = head[: 4096 - 4096 % 2]
    if len(sample) < 8:
        return None
    evens, odds = sample[0::2], sample[1::2]
    if odds.count(0) > 0.9 * len(odds) and evens.count(0) < 0.1 * len(evens):
        return "utf-16-le"
    if evens.count(0) > 0.9 * len(evens) and odds.count(0) < 0.1 * len(odds):
        return "utf-16-be"
    return None


def looks_binary(head: bytes) -> bool:
    """True for content that is not text: more than a few NUL bytes or control characters."""
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(head) or head.count(0) > 0.01 * len(head)


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in its first bytes (``<meta charset>``, ``<?xml encoding``)."""
    m = _DECLARED_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_text(data: bytes) -> str:
    """Decode document bytes: BOM, then UTF-8 (a few damaged bytes replaced), a declared charset, cp1252.

    Raises SkipItem when the bytes are not text in any of these.
    """
    encoding = bom_encoding(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            raise SkipItem(f"undecodable {encoding} text ({e.reason} at byte {e.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    non_ascii = len(lenient) - len(lenient.encode("ascii", errors="ignore")) - broken
    if non_ascii > 10 * broken:  # UTF-8 with a few damaged bytes, not another encoding
        return lenient
    declared = declared_charset(data)
    for candidate in (declared, "cp1252"):
        if candidate and candidate not in ("utf-8", "utf8"):
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    raise SkipItem("undecodable text (neither UTF-8 nor cp1252)")


def normalise_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp (cut to its date part); None when it is not one."""
    m = _ISO_DATE.fullmatch(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
