"""Plain-text articles: the first line is the title when it looks like a headline followed by body text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.ingest.clean import clean_text
from eventwire.ingest.common import OnError, SkipItem, decode_text, read_limited, skipped
from eventwire.records import Article

MAX_TITLE_CHARS = 250
_SENTENCE_END = re.compile(r"[.;,:][\"'\u201d\u2019)]*\s*$")


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)``: the first line is the title when followed by a blank line or more body text.

    A first line that ends like a sentence (".", ",", ";", ":", also before a closing quote) or is very
    long is body text, and so is a hard-wrapped first line whose next line carries on in lower case.
    """
    stripped = text.strip()
    first, sep, rest = stripped.partition("\n")
    first, body = first.strip(), rest.strip()
    if not sep or not body or len(first) > MAX_TITLE_CHARS or _SENTENCE_END.search(first):
        return None, stripped
    blank_follows = rest.lstrip(" \t").startswith("\n")
    if not blank_follows and body[0].islower():
        return None, stripped
    return first, body


def parse_text(text: str) -> Article:
    """An Article from decoded plain text; SkipItem when nothing is left after cleaning."""
    title, body = split_title(text.replace("\r\n", "\n").replace("\r", "\n"))
    body = clean_text(body)
    if not body.strip():
        raise SkipItem("empty text")
    return Article.make(body, title=title)


def read_text(stream: BinaryIO, origin: str, on_error: OnError) -> Iterator[Article]:
    """One article per text file."""
    try:
        yield parse_text(decode_text(read_limited(stream)))
    except SkipItem as e:
        on_error(skipped(origin, str(e)))
