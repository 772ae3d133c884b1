"""The trigger lexicon: a data file organised by PLOVER type, loaded and validated once.

``data/triggers.tsv`` holds one trigger per line (lemma, part of speech, optional particle and
object noun for phrasal and light-verb forms, PLOVER type and mode, CAMEO code, where the recipient
is found, flags).  ``data/actor_nouns.txt`` lists common nouns that can fill a role.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: PLOVER types and their modes (the modes the manual lists for each type).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
                         "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "unconventional"}),
}

FLAGS = frozenset({"recip", "possR", "ofA", "weak", "embed"})
COLUMNS = ("lemma", "pos", "part", "obj", "type", "mode", "cameo", "rprep", "flags")


class LexiconError(ValueError):
    """A trigger lexicon file is malformed (the message names the file and line)."""


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry."""

    lemma: str
    pos: str                       # "V" or "N"
    part: str | None               # required particle/preposition on the verb
    objs: frozenset[str]           # required object lemmas (empty: none required)
    event: str                     # PLOVER type
    mode: str | None
    cameo: str | None
    rpreps: tuple[str, ...]        # "dobj", "dative" or prepositions introducing the recipient
    reciprocal: bool = False
    poss_recipient: bool = False
    of_actor: bool = False
    weak: bool = False
    embed: bool = False

    @property
    def specificity(self) -> int:
        return (2 if self.part else 0) + (2 if self.objs else 0)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    actor_nouns: frozenset[str]
    event_nouns: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())

    def entries(self) -> list[Trigger]:
        out: list[Trigger] = []
        for table in (self.verbs, self.nouns):
            for group in table.values():
                out.extend(group)
        return out


def _opt(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def parse_triggers(text: str, source: str = "<triggers>") -> list[Trigger]:
    """Parse and validate the TSV text of a trigger lexicon."""
    entries: list[Trigger] = []
    seen: set[tuple[str, str, str | None, frozenset[str], str]] = set()
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{source}:{lineno}"
        if len(cols) != len(COLUMNS):
            raise LexiconError(f"{where}: expected {len(COLUMNS)} tab-separated columns, got {len(cols)}")
        lemma, pos, part, obj, etype, mode, cameo, rprep, flags = (c.strip() for c in cols)
        if not lemma or lemma != lemma.lower():
            raise LexiconError(f"{where}: lemma must be non-empty lower case: {lemma!r}")
        if pos not in ("V", "N"):
            raise LexiconError(f"{where}: pos must be V or N, got {pos!r}")
        if etype not in PLOVER_MODES:
            raise LexiconError(f"{where}: unknown PLOVER type {etype!r}")
        mode_v = _opt(mode)
        if mode_v is not None and mode_v not in PLOVER_MODES[etype]:
            raise LexiconError(f"{where}: mode {mode_v!r} is not a mode of {etype}")
        cameo_v = _opt(cameo)
        if cameo_v is not None and not (cameo_v.isdigit() and 2 <= len(cameo_v) <= 4):
            raise LexiconError(f"{where}: CAMEO code must be 2-4 digits, got {cameo_v!r}")
        flag_set = frozenset(f for f in (_opt(flags) or "").split(",") if f)
        bad = flag_set - FLAGS
        if bad:
            raise LexiconError(f"{where}: unknown flag(s) {sorted(bad)}")
        part_v = _opt(part)
        objs = frozenset(o for o in (_opt(obj) or "").split("|") if o)
        if pos == "N" and (part_v or objs):
            raise LexiconError(f"{where}: particle/object columns apply to verbs only")
        key = (lemma, pos, part_v, objs, etype)
        if key in seen:
            raise LexiconError(f"{where}: duplicate entry {lemma}/{pos}/{etype}")
        seen.add(key)
        entries.append(Trigger(
            lemma=lemma, pos=pos, part=part_v, objs=objs, event=etype, mode=mode_v, cameo=cameo_v,
            rpreps=tuple(r for r in (_opt(rprep) or "").split("|") if r),
            reciprocal="recip" in flag_set, poss_recipient="possR" in flag_set,
            of_actor="ofA" in flag_set, weak="weak" in flag_set, embed="embed" in flag_set,
        ))
    if not entries:
        raise LexiconError(f"{source}: no entries")
    return entries


def build_lexicon(entries: list[Trigger], actor_nouns: frozenset[str]) -> Lexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for e in entries:
        (verbs if e.pos == "V" else nouns).setdefault(e.lemma, []).append(e)
    # most specific first, so the first satisfied entry wins
    return Lexicon(
        verbs={k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        actor_nouns=actor_nouns,
        event_nouns=frozenset(nouns) - actor_nouns,
    )


def _read(name: str, path: Path | None) -> tuple[str, str]:
    if path is not None:
        return path.read_text(encoding="utf-8"), str(path)
    res = resources.files("eventwire.extract").joinpath("data", name)
    return res.read_text(encoding="utf-8"), f"eventwire/extract/data/{name}"


@lru_cache(maxsize=None)
def load_lexicon(path: Path | None = None, actor_path: Path | None = None) -> Lexicon:
    """Load and validate the lexicon once (cached per path)."""
    text, source = _read("triggers.tsv", path)
    entries = parse_triggers(text, source)
    atext, _ = _read("actor_nouns.txt", actor_path)
    actor_nouns = frozenset(
        w.strip().lower() for w in atext.splitlines() if w.strip() and not w.startswith("#"))
    return build_lexicon(entries, actor_nouns)
