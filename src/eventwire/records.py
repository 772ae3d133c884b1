"""The records passed between stages: Article in, Event (with Entity and Place) out.

Plain dataclasses with ``to_dict`` / ``from_dict`` in the shapes of the outside contract
(../shared/CONTRACT.md, section 3). Nothing here imports spaCy or the database.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "future", "hypothetical", "negated")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "unknown")
PLACE_PRECISIONS: tuple[str, ...] = ("point", "city", "admin1", "country")


def content_id(*parts: str, length: int = 16) -> str:
    """A stable hexadecimal id from text parts (same input, same id)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass
class Article:
    """One news article. ``id`` is given by the source or derived from the content."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    language: str | None = None

    @classmethod
    def make(cls, text: str, *, id: str | None = None, title: str | None = None,
             published: str | None = None, url: str | None = None,
             source: str | None = None, language: str | None = None) -> "Article":
        """Build an article, deriving a content-hash id when none is given."""
        aid = id if id else "a-" + content_id(title or "", text)
        return cls(id=aid, text=text, title=title, published=published, url=url,
                   source=source, language=language)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
                   url=d.get("url"), source=d.get("source"), language=d.get("language"))


@dataclass
class Entity:
    """An actor or recipient: surface words, canonical name, country/organisation code, sector."""

    text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "code": self.code, "sector": self.sector}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(text=d["text"], name=d.get("name"), code=d.get("code"), sector=d.get("sector"))


@dataclass
class Place:
    """A GeoNames place."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None  # ISO3
    admin1: str | None = None
    feature_code: str | None = None
    precision: str = "city"  # point | city | admin1 | country

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        return cls(name=d["name"], geonameid=d.get("geonameid"), lat=d.get("lat"), lon=d.get("lon"),
                   country_code=d.get("country_code"), admin1=d.get("admin1"),
                   feature_code=d.get("feature_code"), precision=d.get("precision", "city"))


@dataclass
class Event:
    """One PLOVER event, field names as in the contract."""

    id: str
    article_id: str
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    modality: str = "asserted"
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    event_loc: Place | None = None
    cameo: str | None = None
    quad_class: int = 0
    score: float = 0.0
    event_text: str = ""
    span: tuple[int, int] = (0, 0)
    confidence: float = 0.5
    # Extensions beyond the contract (allowed: "extend freely").
    trigger: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)  # further sentences: {"text","span"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "modality": self.modality,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "score": self.score,
            "event_text": self.event_text,
            "span": [self.span[0], self.span[1]],
            "confidence": self.confidence,
            "trigger": self.trigger,
            "evidence": [dict(e) for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        loc = d.get("event_loc")
        span = d.get("span") or [0, 0]
        return cls(
            id=d["id"], article_id=d["article_id"], event=d["event"], mode=d.get("mode"),
            context=list(d.get("context") or []), modality=d.get("modality", "asserted"),
            actor=[Entity.from_dict(e) for e in d.get("actor") or []],
            recipient=[Entity.from_dict(e) for e in d.get("recipient") or []],
            date=d.get("date"), date_precision=d.get("date_precision", "unknown"),
            date_text=d.get("date_text"), event_loc=Place.from_dict(loc) if loc else None,
            cameo=d.get("cameo"), quad_class=int(d.get("quad_class", 0)),
            score=float(d.get("score", 0.0)), event_text=d.get("event_text", ""),
            span=(int(span[0]), int(span[1])), confidence=float(d.get("confidence", 0.5)),
            trigger=d.get("trigger"), evidence=list(d.get("evidence") or []),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
