"""HTML pages: trafilatura finds the main text, title, date, URL and site name.

Also ``fragment_to_text`` for the small HTML snippets inside feed entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import lxml.html
import trafilatura
from lxml import etree

from eventwire.ingest.clean import clean_text
from eventwire.ingest.common import OnError, SkipItem, decode_text, normalise_date, read_limited, skipped
from eventwire.records import Article

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
})
DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_RUNS = re.compile(r"\n\s*\n\s*")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


def fragment_to_text(fragment: str) -> str:
    """Plain text from an HTML snippet: block elements become paragraphs, scripts are dropped."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in DROPPED_TAGS:
            pieces.append(element.tail or "")
            return
        block = tag in BLOCK_TAGS
        if block:
            pieces.append("\n\n")
        if isinstance(element.tag, str):
            pieces.append(element.text or "")
            for child in element:
                walk(child)
        if block:
            pieces.append("\n\n")
        pieces.append(element.tail or "")

    root.tail = None
    walk(root)
    paragraphs = (_SPACES.sub(" ", p).strip() for p in _BLANK_RUNS.split("".join(pieces)))
    return "\n\n".join(p for p in paragraphs if p)


def parse_html(html: str, *, url: str | None = None) -> Article:
    """An Article from an HTML page; SkipItem when no article text is found."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, deduplicate=False,
        )
    except Exception as e:  # third-party parser on arbitrary input: report, never stop the batch
        raise SkipItem(f"HTML extraction failed ({type(e).__name__}: {e})") from None
    if doc is None or isinstance(doc, dict):
        raise SkipItem("no article text found in HTML")
    title = (doc.title or "").strip() or None
    text = drop_leading_title(clean_text(doc.text or ""), title)
    if not text.strip():
        raise SkipItem("no article text found in HTML")
    published = normalise_date(doc.date) if doc.date else None
    return Article.make(
        text, title=title, published=published, url=url or doc.url or None,
        source=doc.sitename or doc.hostname or None, language=doc.language or page_language(html),
    )


def drop_leading_title(text: str, title: str | None) -> str:
    """The text without its first line when that line repeats the title (the page's own headline)."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip().casefold() == title.casefold():
        return rest.strip()
    return text


def page_language(html: str) -> str | None:
    """The primary language subtag of ``<html lang="...">``, lower-cased, if the page declares one."""
    m = _HTML_LANG.search(html[:20_000])
    return m.group(1).lower() if m else None


def read_html(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """One article per HTML file."""
    try:
        yield parse_html(decode_text(read_limited(stream)))
    except SkipItem as e:
        on_error(skipped(origin, str(e)))
