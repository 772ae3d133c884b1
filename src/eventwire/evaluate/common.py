"""Shared pieces of the event evaluations: running the pipeline, matching, scoring, printing.

Everything here is plain Python over :class:`eventwire.records.Event`; nothing imports spaCy until a pipeline is
actually needed, so the matching and metric functions can be tested with hand-made events.

Definitions (see docs/evaluation.md for the full text):

* Only ``modality == "asserted"`` events count as claims (CONTRACT §4).
* Codes *meet* when the output code set and the gold code set share a code; an empty gold set (unknown actor) is
  met by anything.
* For reciprocal types (AGREE, CONSULT, COOPERATE) and for output events with several actors, actor/recipient
  order does not matter: the codes of all participants are pooled.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eventwire.records import EVENT_TYPES, MODALITIES, Article, Event

RECIPROCAL_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})

# Older PLOVER labels (v0.5 of the manual, and the variant used by the ACL 2024 zero-shot paper) -> the current
# types accepted for them.
LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "YIELD": ("CONCEDE", "RETREAT"),
    "DEMAND": ("REQUEST",),
    "DISAPPROVE": ("ACCUSE",),
    "INVESTIGATE": ("ACCUSE",),
    "FIGHT": ("ASSAULT",),
}

# Legacy or non-ISO codes seen in gold sets -> contract codes (None: not codable in the contract's scheme).
CODE_ALIASES: dict[str, str | None] = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UK": "GBR", "US": "USA",
    "IMG": None, "ISM": None, "---": None, "": None,
}

# CAMEO root -> PLOVER type (shared/PLOVER.md, "CAMEO bridge"); 08 splits at 084.
_CAMEO_ROOT_TO_PLOVER: dict[str, str | None] = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
    "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

MAX_ERRORS = 20

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------------------------------- loading

def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Read a JSONL file (blank lines skipped); at most ``limit`` records."""
    out: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def spread_sample(records: Sequence[Any], limit: int | None) -> list[Any]:
    """``limit`` records spread evenly over the list (deterministic), for files sorted by label."""
    if limit is None or limit >= len(records):
        return list(records)
    if limit <= 0:
        return []
    step = len(records) / limit
    return [records[int(i * step)] for i in range(limit)]


def require(path: Path) -> Path:
    """``path`` if it exists, else raise :class:`eventwire.evaluate.DatasetMissing`."""
    if not path.exists():
        from eventwire.evaluate import DatasetMissing

        raise DatasetMissing(f"gold data not found: {path}")
    return path


# --------------------------------------------------------------------------------------------------- running

_DEFAULT_PIPELINE: Any = None


def default_pipeline() -> Any:
    """One shared :class:`eventwire.pipeline.Pipeline` per process (loading spaCy is the slow part)."""
    global _DEFAULT_PIPELINE
    if _DEFAULT_PIPELINE is None:
        from eventwire.pipeline import Pipeline

        _DEFAULT_PIPELINE = Pipeline()
    return _DEFAULT_PIPELINE


def run_pipeline(articles: Sequence[Article], pipeline: Any = None, n_process: int = 1,
                 failures: list[dict[str, str]] | None = None) -> dict[str, list[Event]]:
    """Process ``articles`` and return ``{article_id: [events]}`` (every article id present).

    Uses ``process_many`` (batched; ``(article, events)`` pairs) when the pipeline has it, else ``process``.
    An article on which the pipeline raises must not end the evaluation: the articles not yet done are then
    processed one by one, and each failing one is scored as having no events and listed in ``failures``.
    """
    p = pipeline if pipeline is not None else default_pipeline()
    out: dict[str, list[Event]] = {a.id: [] for a in articles}
    done: set[str] = set()
    if articles and hasattr(p, "process_many"):
        kwargs: dict[str, Any] = {"n_process": n_process} if n_process and n_process > 1 else {}
        try:
            for article, events in p.process_many(list(articles), **kwargs):
                out.setdefault(article.id, []).extend(events)
                done.add(article.id)
        except Exception as exc:  # noqa: BLE001 — recorded below, article by article
            log.warning("process_many failed (%s: %s); continuing article by article", type(exc).__name__, exc)
    for a in articles:
        if a.id in done:
            continue
        try:
            out[a.id] = list(p.process(a))
        except Exception as exc:  # noqa: BLE001 — a failing article is scored empty and reported
            out[a.id] = []
            if failures is not None:
                failures.append({"id": a.id, "error": f"{type(exc).__name__}: {exc}"[:300]})
        done.add(a.id)
    return out


def asserted(events: Iterable[Event]) -> list[Event]:
    """The events that claim something happened."""
    return [e for e in events if e.modality == "asserted"]


# --------------------------------------------------------------------------------------------------- codes/types

def accepted_types(label: str | Iterable[str] | None) -> frozenset[str]:
    """The current PLOVER types accepted for a gold label (or several), aliases mapped."""
    if label is None:
        return frozenset()
    labels = [label] if isinstance(label, str) else list(label)
    out: set[str] = set()
    for lab in labels:
        lab = lab.strip().upper()
        out.update(LABEL_ALIASES.get(lab, (lab,)))
    return frozenset(out)


def norm_code(code: str | None) -> str | None:
    """A contract code (ISO3 / UNO / EUR / IGO / NGO / MNC) from a gold or output code, or None."""
    if code is None:
        return None
    c = str(code).strip().upper()
    if c in CODE_ALIASES:
        return CODE_ALIASES[c]
    return c or None


def cameo_actor_code(code: str | None) -> str | None:
    """The country/organisation part of a CAMEO actor code (``USAGOV`` -> USA, ``IGOUNOMIL`` -> UNO)."""
    if not code:
        return None
    c = code.strip().upper()
    if c.startswith("IGO"):
        rest = c[3:6]
        return rest if rest in ("UNO", "EUR") else "IGO"
    return norm_code(c[:3])


def cameo_root(code: str | None) -> str | None:
    """The 2-digit root of a CAMEO event code ("0431" -> "04"), or None."""
    if not code:
        return None
    c = str(code).strip()
    if len(c) < 2 or not c[:2].isdigit():
        return None
    return c[:2]


def cameo_to_plover(code: str | None) -> str | None:
    """The PLOVER type of a CAMEO event code (shared/PLOVER.md bridge), None for roots 01/02."""
    root = cameo_root(code)
    if root is None:
        return None
    if root == "08":
        return "RETREAT" if str(code).strip()[:3] >= "084" else "CONCEDE"
    return _CAMEO_ROOT_TO_PLOVER.get(root)


def entity_codes(entities: Iterable[Any]) -> set[str]:
    """Normalised codes of output entities (or gold dicts with a ``code`` key); unknowns dropped."""
    out: set[str] = set()
    for e in entities:
        code = e.get("code") if isinstance(e, dict) else getattr(e, "code", None)
        c = norm_code(code)
        if c:
            out.add(c)
    return out


def codes_meet(output: set[str], gold: set[str]) -> bool:
    """True when ``gold`` is empty (unknown) or the two sets share a code."""
    return not gold or bool(output & gold)


def is_reciprocal(gold_type: str | Iterable[str] | None, event: Event | None = None) -> bool:
    """Order-free role matching: a reciprocal gold type, or an output event with several actors."""
    if any(t in RECIPROCAL_TYPES for t in accepted_types(gold_type)):
        return True
    return event is not None and len(event.actor) > 1


def roles_meet(event: Event, gold_actor: set[str], gold_recipient: set[str],
               gold_type: str | Iterable[str] | None = None) -> bool:
    """Do the output actor/recipient codes meet the gold ones (CONTRACT §4)?"""
    out_a, out_r = entity_codes(event.actor), entity_codes(event.recipient)
    if codes_meet(out_a, gold_actor) and codes_meet(out_r, gold_recipient):
        return True
    if is_reciprocal(gold_type, event):
        pooled = out_a | out_r
        return codes_meet(pooled, gold_actor) and codes_meet(pooled, gold_recipient)
    return False


# --------------------------------------------------------------------------------------------------- text overlap

_STOP = frozenset(
    "a an the of and or in on at to for by with from its their his her this that these those some".split()
)


def content_tokens(text: str | None) -> set[str]:
    """Lower-cased word tokens of a span, without function words ("the US Congress" -> {us, congress})."""
    if not text:
        return set()
    toks = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return {t for t in toks if t not in _STOP}


def spans_overlap(output_text: str | None, gold_text: str | None) -> bool:
    """Two spans overlap when they share a content word (or one contains the other)."""
    if not output_text or not gold_text:
        return False
    a, b = output_text.lower().strip(), gold_text.lower().strip()
    if a in b or b in a:
        return True
    return bool(content_tokens(a) & content_tokens(b))


# --------------------------------------------------------------------------------------------------- matching

def max_matching(n_gold: int, candidates: dict[int, list[int]]) -> dict[int, int]:
    """One-to-one matching of gold indices to output indices of maximum size (augmenting paths).

    ``candidates[g]`` lists acceptable outputs for gold ``g``, best first; earlier gold items and earlier
    candidates are preferred among matchings of the same size. Returns ``{gold: output}``.
    """
    owner: dict[int, int] = {}  # output -> gold

    def augment(g: int, seen: set[int]) -> bool:
        for o in candidates.get(g, []):
            if o in seen:
                continue
            seen.add(o)
            if o not in owner or augment(owner[o], seen):
                owner[o] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: o for o, g in owner.items()}


def ontology_modes() -> set[tuple[str, str]]:
    """(type, mode) pairs of the current ontology, read from the package's data file."""
    from importlib import resources

    try:
        text = resources.files("eventwire.ontology").joinpath("data/modes.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return set()
    out: set[tuple[str, str]] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("type\t"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            out.add((parts[0].strip(), parts[1].strip().lower()))
    return out


# --------------------------------------------------------------------------------------------------- metrics

def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


class TypeTally:
    """Per-type true/false positives and false negatives."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add_sets(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        """Score one unit (sentence/document) by type sets."""
        g, p = set(gold), set(predicted)
        for t in g & p:
            self.tp[t] += 1
        for t in p - g:
            self.fp[t] += 1
        for t in g - p:
            self.fn[t] += 1

    def per_type(self) -> dict[str, dict[str, float]]:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn),
                       key=lambda t: (EVENT_TYPES.index(t) if t in EVENT_TYPES else 99, t))
        out: dict[str, dict[str, float]] = {}
        for t in types:
            row = prf(self.tp[t], self.fp[t], self.fn[t])
            row["support"] = self.tp[t] + self.fn[t]
            out[t] = row
        return out

    def summary(self) -> dict[str, float]:
        """Micro P/R/F1 and macro-F1 over types with gold support."""
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        micro = prf(tp, fp, fn)
        rows = [r for r in self.per_type().values() if r["support"] > 0]
        macro = sum(r["f1"] for r in rows) / len(rows) if rows else 0.0
        return {"precision": micro["precision"], "recall": micro["recall"], "f1": micro["f1"],
                "macro_f1": macro}


def confusion_add(conf: dict[str, dict[str, int]], gold: str, predicted: str) -> None:
    """Count one (gold, predicted) pair in a nested dict."""
    conf.setdefault(gold, {})
    conf[gold][predicted] = conf[gold].get(predicted, 0) + 1


def modality_counts(events_by_article: dict[str, list[Event]]) -> dict[str, int]:
    """How many output events of each modality."""
    c: Counter[str] = Counter(e.modality for evs in events_by_article.values() for e in evs)
    return {m: c.get(m, 0) for m in (*MODALITIES, *sorted(set(c) - set(MODALITIES)))}


def ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def brief(event: Event) -> str:
    """A one-line view of an output event for error listings."""
    a = ",".join(f"{e.code or '?'}" for e in event.actor) or "-"
    r = ",".join(f"{e.code or '?'}" for e in event.recipient) or "-"
    mode = f"/{event.mode}" if event.mode else ""
    return f"{event.event}{mode}[{event.modality}] {a}->{r}"


def make_report(name: str, n: int, metrics: dict[str, float], per_type: dict[str, Any] | None = None,
                confusion: dict[str, Any] | None = None, errors: list[dict[str, Any]] | None = None,
                failures: list[dict[str, str]] | None = None, **extra: Any) -> dict[str, Any]:
    """The report dict; ``pipeline_errors`` (articles the pipeline raised on) is always among the metrics."""
    figures = {k: round(float(v), 4) for k, v in metrics.items()}
    figures["pipeline_errors"] = float(len(failures or []))
    report: dict[str, Any] = {"dataset": name, "n": n, "metrics": figures,
                              "per_type": per_type or {}, "confusion": confusion or {},
                              "errors": (errors or [])[:MAX_ERRORS]}
    if failures:
        report["pipeline_failures"] = failures[:MAX_ERRORS]
    report.update(extra)
    return report


# --------------------------------------------------------------------------------------------------- printing

def _cell(value: Any, width: int) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{str(value)[:width]:>{width}}"
    if isinstance(value, int):
        return f"{value:>{width}d}"
    return f"{value:>{width}.3f}"


def format_report(report: dict[str, Any]) -> str:
    """A readable plain-text view of a report: metrics, per-type table, confusion, a few errors.

    Tolerant of any report shape (other evaluations print through it too): unknown values are shown as text.
    """
    lines = [f"dataset: {report.get('dataset')}   n: {report.get('n')}"]
    metrics = report.get("metrics") or {}
    if isinstance(metrics, dict) and metrics:
        w = max(len(str(k)) for k in metrics)
        lines.append("")
        for k, v in metrics.items():
            shown = f"{v:.3f}" if isinstance(v, float) else str(v)
            lines.append(f"  {str(k):<{w}}  {shown}")
    per_type = report.get("per_type") or {}
    if isinstance(per_type, dict) and per_type:
        lines += ["", f"  {'type':<12} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}"]
        for t, row in per_type.items():
            if not isinstance(row, dict):
                lines.append(f"  {str(t)[:12]:<12} {row}")
                continue
            lines.append(f"  {str(t)[:12]:<12} {_cell(row.get('precision', ''), 6)} {_cell(row.get('recall', ''), 6)} "
                         f"{_cell(row.get('f1', ''), 6)} {_cell(row.get('support', ''), 8)}")
    confusion = report.get("confusion") or {}
    for title, table in (confusion.items() if isinstance(confusion, dict) else []):
        if not isinstance(table, dict) or not table:
            continue
        if not any(isinstance(row, dict) for row in table.values()):
            lines += ["", f"  {title}: " + "  ".join(f"{k}={v}" for k, v in table.items())]
            continue
        lines += ["", f"  {title} (rows gold, columns output):"]
        cols = sorted({str(c) for row in table.values() if isinstance(row, dict) for c in row})
        lines.append("  " + " " * 13 + " ".join(f"{c[:8]:>8}" for c in cols))
        for g, row in table.items():
            if isinstance(row, dict):
                cells = {str(k): v for k, v in row.items()}
                lines.append(f"  {str(g)[:12]:<12} " + " ".join(_cell(cells.get(c, 0), 8) for c in cols))
            else:
                lines.append(f"  {str(g)[:12]:<12} {row}")
    errors = report.get("errors") or []
    if isinstance(errors, list) and errors:
        lines += ["", "  some errors:"]
        for e in errors[:8]:
            lines.append("  - " + json.dumps(e, ensure_ascii=False, default=str)[:300])
    return "\n".join(lines)
