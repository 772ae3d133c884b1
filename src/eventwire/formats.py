"""Writing events: contract JSONL, PLOVER JSON records, and a flat CSV table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.records import Entity, Event

FORMATS = ("jsonl", "plover", "csv")

CSV_COLUMNS = (
    "id", "article_id", "event", "mode", "modality", "context", "date", "date_precision", "date_text",
    "actor_code", "actor_sector", "actor_text", "recipient_code", "recipient_sector", "recipient_text",
    "cameo", "quad_class", "score", "confidence", "loc_name", "loc_geonameid", "loc_lat", "loc_lon",
    "loc_country", "loc_precision", "event_text", "span_start", "span_end",
)


def _join(values: Iterable[str | None]) -> str:
    return ";".join(v or "" for v in values)


def flat_row(ev: Event) -> dict[str, Any]:
    """One CSV row; several actors/recipients are joined with ';' in the same order across columns."""
    loc = ev.event_loc
    return {
        "id": ev.id, "article_id": ev.article_id, "event": ev.event, "mode": ev.mode,
        "modality": ev.modality, "context": ";".join(ev.context), "date": ev.date,
        "date_precision": ev.date_precision, "date_text": ev.date_text,
        "actor_code": _join(e.code for e in ev.actor), "actor_sector": _join(e.sector for e in ev.actor),
        "actor_text": _join(e.text for e in ev.actor),
        "recipient_code": _join(e.code for e in ev.recipient),
        "recipient_sector": _join(e.sector for e in ev.recipient),
        "recipient_text": _join(e.text for e in ev.recipient),
        "cameo": ev.cameo, "quad_class": ev.quad_class, "score": ev.score, "confidence": ev.confidence,
        "loc_name": loc.name if loc else None, "loc_geonameid": loc.geonameid if loc else None,
        "loc_lat": loc.lat if loc else None, "loc_lon": loc.lon if loc else None,
        "loc_country": loc.country_code if loc else None, "loc_precision": loc.precision if loc else None,
        "event_text": ev.event_text, "span_start": ev.span[0], "span_end": ev.span[1],
    }


def _plover_actor(e: Entity) -> dict[str, Any]:
    return {"actorText": e.text, "name": e.name, "code": e.code, "sector": e.sector}


def plover_record(ev: Event) -> dict[str, Any]:
    """The record in the PLOVER manual's JSON field names (eventText, eventLoc, actorText ...)."""
    loc = ev.event_loc
    return {
        "id": ev.id, "date": ev.date, "datePrecision": ev.date_precision, "event": ev.event,
        "mode": ev.mode or "", "context": list(ev.context), "modality": ev.modality,
        "actor": [_plover_actor(e) for e in ev.actor],
        "recipient": [_plover_actor(e) for e in ev.recipient],
        "eventText": ev.event_text,
        "eventLoc": ({"name": loc.name, "geonamesID": loc.geonameid, "lat": loc.lat, "long": loc.lon,
                      "countryCode": loc.country_code, "admin1": loc.admin1, "precision": loc.precision}
                     if loc else None),
        "quadClass": ev.quad_class, "score": ev.score, "cameo": ev.cameo, "confidence": ev.confidence,
        "articleId": ev.article_id, "sourceSpan": [ev.span[0], ev.span[1]],
    }


class EventWriter:
    """Streams events to a text file in one of :data:`FORMATS`."""

    def __init__(self, out: TextIO, fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.out, self.fmt = out, fmt
        self._csv: csv.DictWriter[str] | None = None
        if fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
            self._csv.writeheader()

    def write(self, ev: Event) -> None:
        if self._csv is not None:
            self._csv.writerow(flat_row(ev))
        elif self.fmt == "plover":
            self.out.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
        else:
            self.out.write(ev.to_json() + "\n")
