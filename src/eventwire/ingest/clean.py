"""Boilerplate removal: whole lines such as "Comments are closed." or "Reporting by X; Editing by Y".

The patterns are data (``boilerplate.txt`` next to this module), one regular expression per line.
Text with nothing to remove is returned unchanged, character for character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MAX_BOILERPLATE_CHARS = 300
"""Longer lines are article text, whatever they start with."""

_ENCLOSED = re.compile(r"[(\[](.*)[)\]]", re.DOTALL)
_BLANK_RUNS = re.compile(r"\n[ \t\r]*\n(?:[ \t\r]*\n)+")


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """The patterns of ``boilerplate.txt`` compiled into one case-insensitive regex."""
    source = resources.files("eventwire.ingest").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    parts: list[str] = []
    for number, raw in enumerate(source.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            re.compile(line)
        except re.error as e:
            raise ValueError(f"boilerplate.txt:{number}: bad regular expression ({e})") from None
        parts.append(f"(?:{line})")
    return re.compile("|".join(parts), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True when the whole line is boilerplate (a credit, a newsletter plug, a copyright notice...)."""
    core = line.strip()
    if not core or len(core) > MAX_BOILERPLATE_CHARS:
        return False
    pattern = boilerplate_pattern()
    if pattern.fullmatch(core):
        return True
    enclosed = _ENCLOSED.fullmatch(core)
    return bool(enclosed and pattern.fullmatch(enclosed.group(1).strip()))


def clean_text(text: str) -> str:
    """Drop boilerplate lines; when any were dropped, squeeze the blank lines left and trim the ends."""
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if not is_boilerplate(line)]
    if len(kept) == len(lines):
        return text
    return _BLANK_RUNS.sub("\n\n", "".join(kept)).strip()
