"""Decide an input's kind from its first bytes, and from its file name only when the content says nothing."""

from __future__ import annotations

import re
from enum import StrEnum

from eventwire.ingest.common import bom_encoding, looks_binary

SNIFF_BYTES = 65_536
GZIP_MAGIC = b"\x1f\x8b"


class Kind(StrEnum):
    JSONL = "jsonl"
    JSON = "json"  # one JSON array of article records
    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"


EXTENSIONS: dict[str, Kind] = {
    ".jsonl": Kind.JSONL, ".ndjson": Kind.JSONL, ".json": Kind.JSONL,
    ".txt": Kind.TEXT, ".text": Kind.TEXT, ".md": Kind.TEXT,
    ".html": Kind.HTML, ".htm": Kind.HTML, ".xhtml": Kind.HTML, ".shtml": Kind.HTML,
    ".rss": Kind.FEED, ".atom": Kind.FEED, ".xml": Kind.FEED, ".rdf": Kind.FEED,
    ".warc": Kind.WARC, ".arc": Kind.WARC,
}
_PROLOGUE = re.compile(r"\s*(?:<\?xml[^>]*\?>|<!--.*?-->|<!doctype[^>]*>|\s)*", re.IGNORECASE | re.DOTALL)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(
    r"<(?:html|head|body|article|main|div|p|h[1-6]|title|meta|section|table|span|a)\b", re.IGNORECASE)
_JSON_ARRAY = re.compile(r"\[\s*[{\]]")
_DOCTYPE_HTML = re.compile(r"\s*(?:<\?xml[^>]*\?>\s*)?<!doctype\s+html", re.IGNORECASE)


def kind_from_name(name: str) -> Kind | None:
    """The kind a file name suggests (``.warc.gz`` and other ``.gz`` names by their inner suffix)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return EXTENSIONS.get(lower[dot:]) if dot > lower.rfind("/") else None


def kind_from_content(head: bytes) -> Kind | None:
    """The kind the first bytes show clearly (already gunzipped and transcoded to UTF-8), else None."""
    if head.startswith((b"WARC/", b"filedesc://")):
        return Kind.WARC
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return Kind.JSONL
    if _JSON_ARRAY.match(text):
        return Kind.JSON
    if not text.startswith("<"):
        return None
    if _DOCTYPE_HTML.match(text):
        return Kind.HTML
    body = text[_PROLOGUE.match(text).end():]  # type: ignore[union-attr]  # the pattern matches ""
    if _FEED_ROOT.match(body):
        return Kind.FEED
    if _HTML_ROOT.match(body):
        return Kind.HTML
    return None


def sniff(head: bytes, name: str) -> Kind | None:
    """The input's kind: content first, the file name second, plain text last; None for binary junk."""
    if head.startswith((b"WARC/", b"filedesc://")):
        return Kind.WARC
    if bom_encoding(head) is None and looks_binary(head[:SNIFF_BYTES]):
        return None
    return kind_from_content(head) or kind_from_name(name) or Kind.TEXT
