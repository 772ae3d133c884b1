"""The PLOVER ontology as data files, validated on load.

``load_ontology()`` reads ``ontology/data/*.tsv`` once and returns an :class:`Ontology` with types, modes,
contexts, sectors and the CAMEO bridge. Any malformed row raises :class:`OntologyError` naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.records import EVENT_TYPES


class OntologyError(ValueError):
    """A data file of the ontology is malformed."""


@dataclass(frozen=True)
class EventType:
    name: str
    quad_class: int
    score: float
    cameo: str
    reciprocal: bool
    definition: str


@dataclass(frozen=True)
class Mode:
    type: str
    name: str
    cameo: str
    score: float | None


@dataclass
class Ontology:
    types: dict[str, EventType]
    modes: dict[tuple[str, str], Mode]
    contexts: frozenset[str]
    sectors: dict[str, str]
    bridge: dict[str, tuple[str | None, float]] = field(default_factory=dict)

    def mode_names(self, event_type: str) -> list[str]:
        return [m for (t, m) in self.modes if t == event_type]

    def is_valid_mode(self, event_type: str, mode: str | None) -> bool:
        return mode is None or (event_type, mode) in self.modes

    def cameo_for(self, event_type: str, mode: str | None = None) -> str:
        """The closest CAMEO code for a PLOVER type and mode."""
        if mode and (event_type, mode) in self.modes:
            return self.modes[(event_type, mode)].cameo
        return self.types[event_type].cameo

    def score_for(self, event_type: str, mode: str | None = None) -> float:
        if mode and (event_type, mode) in self.modes:
            s = self.modes[(event_type, mode)].score
            if s is not None:
                return s
        return self.types[event_type].score

    def quad_for(self, event_type: str) -> int:
        return self.types[event_type].quad_class

    def plover_for_cameo(self, cameo: str) -> str | None:
        """PLOVER type of a CAMEO code by the longest matching prefix of the bridge."""
        for n in range(len(cameo), 1, -1):
            hit = self.bridge.get(cameo[:n])
            if hit is not None:
                return hit[0]
        return None

    def goldstein_for_cameo(self, cameo: str) -> float | None:
        hit = self.bridge.get(cameo[:2])
        return hit[1] if hit else None


def _read(filename: str) -> str:
    return resources.files("eventwire.ontology").joinpath("data", filename).read_text(encoding="utf-8")


def _rows(filename: str) -> list[tuple[int, list[str]]]:
    """Non-comment rows of a TSV data file after its header, with line numbers."""
    text = _read(filename)
    out: list[tuple[int, list[str]]] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        out.append((lineno, line.split("\t")))
    return out


def _fail(filename: str, lineno: int, msg: str) -> OntologyError:
    return OntologyError(f"ontology/data/{filename}:{lineno}: {msg}")


def _number(filename: str, lineno: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise _fail(filename, lineno, f"not a number: {value!r}") from None


def _cameo(filename: str, lineno: int, value: str) -> str:
    if not (value.isdigit() and 2 <= len(value) <= 4):
        raise _fail(filename, lineno, f"not a CAMEO code: {value!r}")
    return value


def _load_types() -> dict[str, EventType]:
    f = "types.tsv"
    types: dict[str, EventType] = {}
    for lineno, cols in _rows(f):
        if len(cols) != 6:
            raise _fail(f, lineno, f"expected 6 columns, got {len(cols)}")
        name, quad, score, cameo, recip, definition = cols
        if name not in EVENT_TYPES:
            raise _fail(f, lineno, f"unknown PLOVER type {name!r}")
        if quad not in {"1", "2", "3", "4"}:
            raise _fail(f, lineno, f"quad class must be 1-4, got {quad!r}")
        s = _number(f, lineno, score)
        if not -10 <= s <= 10:
            raise _fail(f, lineno, f"score out of range: {s}")
        if recip not in {"yes", "no"}:
            raise _fail(f, lineno, "reciprocal must be yes or no")
        types[name] = EventType(name, int(quad), s, _cameo(f, lineno, cameo), recip == "yes", definition)
    missing = set(EVENT_TYPES) - set(types)
    if missing:
        raise OntologyError(f"ontology/data/{f}: missing types {sorted(missing)}")
    return types


def _load_modes(types: dict[str, EventType]) -> dict[tuple[str, str], Mode]:
    f = "modes.tsv"
    modes: dict[tuple[str, str], Mode] = {}
    for lineno, cols in _rows(f):
        if len(cols) != 4:
            raise _fail(f, lineno, f"expected 4 columns, got {len(cols)}")
        t, m, cameo, score = cols
        if t not in types:
            raise _fail(f, lineno, f"unknown type {t!r}")
        if (t, m) in modes:
            raise _fail(f, lineno, f"duplicate mode {t} {m}")
        modes[(t, m)] = Mode(t, m, _cameo(f, lineno, cameo),
                             _number(f, lineno, score) if score.strip() else None)
    return modes


def _load_bridge(types: dict[str, EventType]) -> dict[str, tuple[str | None, float]]:
    f = "cameo_bridge.tsv"
    bridge: dict[str, tuple[str | None, float]] = {}
    for lineno, cols in _rows(f):
        if len(cols) != 3:
            raise _fail(f, lineno, f"expected 3 columns, got {len(cols)}")
        code, plover, gold = cols
        if plover and plover not in types:
            raise _fail(f, lineno, f"unknown type {plover!r}")
        bridge[_cameo(f, lineno, code)] = (plover or None, _number(f, lineno, gold))
    return bridge


def _load_lines(filename: str) -> list[str]:
    text = _read(filename)
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load and validate the PLOVER tables (cached)."""
    types = _load_types()
    modes = _load_modes(types)
    contexts = frozenset(_load_lines("contexts.txt"))
    sectors = {cols[0]: cols[1] for _, cols in _rows("sectors.tsv")}
    bridge = _load_bridge(types)
    for (t, m), mode in modes.items():
        root = bridge.get(mode.cameo[:3]) or bridge.get(mode.cameo[:2])
        if root is None:
            raise OntologyError(f"ontology/data/modes.tsv: {t} {m}: CAMEO {mode.cameo} has no bridge root")
    return Ontology(types=types, modes=modes, contexts=contexts, sectors=sectors, bridge=bridge)
