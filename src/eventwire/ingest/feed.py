"""RSS and Atom feeds (feedparser): one article per entry, from its content or summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

import feedparser

from eventwire.ingest.clean import clean_text
from eventwire.ingest.common import OnError, SkipItem, normalise_date, read_limited, skipped
from eventwire.ingest.html import fragment_to_text
from eventwire.records import Article

DATE_KEYS: tuple[str, ...] = ("published", "updated", "created")


def entry_date(entry: Any) -> str | None:
    """The entry's date as ``YYYY-MM-DD`` in the feed's own time zone (RFC 822 or ISO), else in UTC."""
    for key in DATE_KEYS:
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        day = normalise_date(raw)
        if day:
            return day
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _detail_text(value: str, content_type: str | None) -> str:
    if content_type and "html" not in content_type and "xml" not in content_type:
        return value.strip()
    return fragment_to_text(value)


def entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks, else its summary, as plain text."""
    texts = [_detail_text(c.get("value") or "", c.get("type")) for c in entry.get("content") or []]
    best = max(texts, key=len, default="")
    if best.strip():
        return best
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _detail_text(summary, detail.get("type"))


def entry_article(entry: Any, *, source: str | None, language: str | None) -> Article:
    """An Article from one feed entry; SkipItem when it carries no text."""
    text = clean_text(entry_text(entry))
    if not text.strip():
        raise SkipItem("entry has no text")
    title_detail = entry.get("title_detail") or {}
    title = _detail_text(entry.get("title") or "", title_detail.get("type")) or None
    return Article.make(text, title=title, published=entry_date(entry), url=entry.get("link") or None,
                        source=source, language=language)


def read_feed(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """One article per entry; entries without text are reported as ``origin: entry N`` and skipped."""
    try:
        data = read_limited(stream)
    except SkipItem as e:
        on_error(skipped(origin, str(e)))
        return
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = f"not a readable feed ({problem})" if problem else "feed has no entries"
        on_error(skipped(origin, reason))
        return
    feed = parsed.get("feed") or {}
    source = feed.get("title") or None
    language = (feed.get("language") or "").split("-")[0].lower() or None
    for number, entry in enumerate(parsed.entries, 1):
        try:
            yield entry_article(entry, source=source, language=language)
        except SkipItem as e:
            on_error(skipped(origin, f"entry {number}: {e}"))
