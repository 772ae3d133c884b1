"""WARC and ARC archives (warcio), gzip'd or not: HTML response records go through the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.ingest.common import MAX_DOC_BYTES, OnError, SkipItem, decode_text, skipped
from eventwire.ingest.html import parse_html
from eventwire.records import Article

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")


def is_html_record(record: Any) -> bool:
    """True for a successful HTTP response (or a resource record) whose content is HTML."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return False
        status = (headers.get_statuscode() or "").strip()
        if not status.startswith("2"):
            return False
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def record_article(record: Any) -> Article:
    """An Article from one HTML record, its URL from WARC-Target-URI; SkipItem with the reason."""
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        data = record.content_stream().read(MAX_DOC_BYTES + 1)
    except Exception as e:  # warcio on a damaged record (bad chunking, bad gzip): skip the record
        raise SkipItem(f"unreadable record content ({type(e).__name__}: {e})") from None
    if len(data) > MAX_DOC_BYTES:
        raise SkipItem(f"too large (more than {MAX_DOC_BYTES:,} bytes)")
    return parse_html(decode_text(data), url=url)


def read_warc(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """One article per HTML response record; other records are passed over silently.

    A malformed archive is reported once, after the records read before the damage.
    """
    records = iter(ArchiveIterator(stream, arc2warc=True))
    number = html_records = 0
    while True:
        try:
            record = next(records, None)
        except Exception as e:  # warcio raises assorted errors on damaged archives: report, go on
            reason = e.msg if isinstance(e, ArchiveLoadFailed) else f"{type(e).__name__}: {e}"
            on_error(skipped(origin, f"not a readable WARC after record {number} ({reason})"))
            return
        if record is None:
            break
        number += 1
        if not is_html_record(record):
            continue
        html_records += 1
        try:
            yield record_article(record)
        except SkipItem as e:
            uri = record.rec_headers.get_header("WARC-Target-URI") or "?"
            on_error(skipped(origin, f"record {number} ({uri}): {e}"))
    if html_records == 0:
        on_error(skipped(origin, f"no HTML response records among {number} WARC records"))
