"""JSONL article records: ``{"id", "text", "title"?, "published"?, "url"?, "source"?, "language"?}``.

Also a JSON document holding an array of such records (``read_json_array``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventwire.ingest.clean import clean_text
from eventwire.ingest.common import (
    MAX_LINE_BYTES, OnError, SkipItem, decode_text, iter_lines, looks_binary, normalise_date,
    read_limited, skipped,
)
from eventwire.records import Article

OPTIONAL_STRING_FIELDS: tuple[str, ...] = ("title", "url", "source", "language")


def decode_line(raw: bytes) -> str:
    """A JSONL line as text (see ``decode_text``; a leading BOM dropped); SkipItem for binary junk."""
    if b"\x00" in raw or looks_binary(raw.rstrip(b"\r\n")):
        raise SkipItem("binary content")
    return decode_text(raw).removeprefix("\ufeff")


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise SkipItem(f"field '{key}' must be a string, not {type(value).__name__}")


def parse_record(record: Any) -> Article:
    """An Article from one decoded JSON value, validating field types; SkipItem with the reason."""
    if not isinstance(record, dict):
        raise SkipItem(f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise SkipItem("no 'text' field")
    if not isinstance(text, str):
        raise SkipItem(f"field 'text' must be a string, not {type(text).__name__}")
    raw_id = record.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    elif raw_id is not None and not isinstance(raw_id, str):
        raise SkipItem(f"field 'id' must be a string, not {type(raw_id).__name__}")
    fields = {key: _optional_str(record, key) for key in OPTIONAL_STRING_FIELDS}
    published = _optional_str(record, "published")
    if published is not None:
        day = normalise_date(published)
        if day is None:
            raise SkipItem(f"'published' is not a YYYY-MM-DD date: {published[:40]!r}")
        published = day
    text = clean_text(text)
    if not text.strip():
        raise SkipItem("empty text")
    return Article.make(text, id=raw_id or None, published=published, **fields)


def parse_line(raw: bytes) -> Article | None:
    """An Article from one raw JSONL line; None for a blank line; SkipItem with the reason."""
    line = decode_line(raw)
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as e:
        raise SkipItem(f"invalid JSON ({e.msg})") from None
    except RecursionError:
        raise SkipItem("invalid JSON (nested too deeply)") from None
    return parse_record(value)


def read_jsonl(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """One article per JSONL line; bad lines are reported as ``origin:line`` and skipped."""
    for number, raw in iter_lines(stream, MAX_LINE_BYTES):
        if raw is None:
            on_error(skipped(origin, f"line too long (more than {MAX_LINE_BYTES:,} bytes)", number))
            continue
        try:
            article = parse_line(raw)
        except SkipItem as e:
            on_error(skipped(origin, str(e), number))
            continue
        if article is not None:
            yield article


def read_json_array(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """One article per item of a JSON array; bad items are reported as ``origin: item N``."""
    try:
        value = json.loads(decode_text(read_limited(stream)))
    except SkipItem as e:
        on_error(skipped(origin, str(e)))
        return
    except json.JSONDecodeError as e:
        on_error(skipped(origin, f"invalid JSON ({e.msg})", e.lineno))
        return
    except RecursionError:
        on_error(skipped(origin, "invalid JSON (nested too deeply)"))
        return
    if not isinstance(value, list):
        on_error(skipped(origin, f"not a JSON array but {type(value).__name__}"))
        return
    for number, item in enumerate(value, 1):
        try:
            yield parse_record(item)
        except SkipItem as e:
            on_error(skipped(origin, f"item {number}: {e}"))
