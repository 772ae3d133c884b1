"""The embedded database (DuckDB): articles, events, entities and evidence.

Writes are idempotent (an article id already stored is skipped unless ``replace`` is asked for) and each
batch is one transaction, so a run killed midway keeps every batch it committed and a re-run completes the
rest. Every event's full record is kept as JSON beside its queryable columns, so event -> store -> event is
exact.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.records import Article, Event

DEFAULT_DB = "eventwire.duckdb"
DB_ENV = "EVENTWIRE_DB"

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR, text VARCHAR NOT NULL, published DATE, url VARCHAR, source VARCHAR, language VARCHAR,
    n_events INTEGER, ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL, mode VARCHAR, modality VARCHAR NOT NULL, context VARCHAR[],
    date DATE, date_precision VARCHAR, date_text VARCHAR,
    cameo VARCHAR, quad_class INTEGER, score DOUBLE, confidence DOUBLE,
    event_text VARCHAR, span_start INTEGER, span_end INTEGER,
    actor_codes VARCHAR[], recipient_codes VARCHAR[],
    loc_name VARCHAR, loc_geonameid BIGINT, loc_lat DOUBLE, loc_lon DOUBLE, loc_country VARCHAR,
    loc_precision VARCHAR,
    record JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER NOT NULL,
    text VARCHAR, name VARCHAR, code VARCHAR, sector VARCHAR
);
CREATE TABLE IF NOT EXISTS evidence (
    event_id VARCHAR NOT NULL, position INTEGER NOT NULL, text VARCHAR, span_start INTEGER,
    span_end INTEGER, location VARCHAR
);
"""


def default_db_path() -> str:
    """``$EVENTWIRE_DB`` if set, else ``./eventwire.duckdb``."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


@dataclass
class EventFilter:
    """Filters for :meth:`Store.events`. ``country`` is the event location's country (ISO3)."""

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    modality: str | None = None
    article_id: str | None = None
    limit: int | None = None


class Store:
    """A DuckDB file holding articles and their events."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = str(path or default_db_path())
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"{self.path}: no such database (run `eventwire ingest` first)")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    def known_article_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def add_batch(self, items: Sequence[tuple[Article, list[Event]]], replace: bool = False) -> int:
        """Store articles with their events in one transaction; returns how many articles were new."""
        if not items:
            return 0
        ids = [a.id for a, _ in items]
        known = self.known_article_ids(ids)
        self.con.execute("BEGIN TRANSACTION")
        try:
            stored = 0
            seen: set[str] = set()
            for article, events in items:
                if article.id in seen or (article.id in known and not replace):
                    continue
                seen.add(article.id)
                if article.id in known:
                    self._delete_article(article.id)
                self._insert_article(article, len(events))
                for ev in events:
                    self._insert_event(ev)
                stored += 1
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return stored

    def _delete_article(self, article_id: str) -> None:
        ev_ids = "SELECT id FROM events WHERE article_id = ?"
        self.con.execute(f"DELETE FROM entities WHERE event_id IN ({ev_ids})", [article_id])
        self.con.execute(f"DELETE FROM evidence WHERE event_id IN ({ev_ids})", [article_id])
        self.con.execute("DELETE FROM events WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _insert_article(self, a: Article, n_events: int) -> None:
        self.con.execute(
            "INSERT INTO articles (id, title, text, published, url, source, language, n_events)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [a.id, a.title, a.text, _valid_date(a.published), a.url, a.source, a.language, n_events])

    def _insert_event(self, ev: Event) -> None:
        loc = ev.event_loc
        self.con.execute(
            "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [ev.id, ev.article_id, ev.event, ev.mode, ev.modality, list(ev.context), _valid_date(ev.date),
             ev.date_precision, ev.date_text, ev.cameo, ev.quad_class, ev.score, ev.confidence,
             ev.event_text, ev.span[0], ev.span[1], [e.code for e in ev.actor if e.code],
             [e.code for e in ev.recipient if e.code],
             loc.name if loc else None, loc.geonameid if loc else None, loc.lat if loc else None,
             loc.lon if loc else None, loc.country_code if loc else None, loc.precision if loc else None,
             json.dumps(ev.to_dict(), ensure_ascii=False)])
        self.con.execute("DELETE FROM entities WHERE event_id = ?", [ev.id])
        self.con.execute("DELETE FROM evidence WHERE event_id = ?", [ev.id])
        rows = [(ev.id, role, i, e.text, e.name, e.code, e.sector)
                for role, ents in (("actor", ev.actor), ("recipient", ev.recipient))
                for i, e in enumerate(ents)]
        if rows:
            self.con.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?)", rows)
        evid = [(ev.id, i, x.get("text"), (x.get("span") or [None, None])[0],
                 (x.get("span") or [None, None])[1], x.get("where")) for i, x in enumerate(ev.evidence)]
        if evid:
            self.con.executemany("INSERT INTO evidence VALUES (?,?,?,?,?,?)", evid)

    # -- reading ------------------------------------------------------------------------------
    @staticmethod
    def _where(f: EventFilter) -> tuple[str, list[Any]]:
        conds: list[tuple[str, Any]] = []
        if f.actor:
            conds.append(("list_contains(actor_codes, ?)", f.actor.upper()))
        if f.recipient:
            conds.append(("list_contains(recipient_codes, ?)", f.recipient.upper()))
        if f.type:
            conds.append(("event = ?", f.type.upper()))
        if f.since:
            conds.append(("date >= CAST(? AS DATE)", f.since))
        if f.until:
            conds.append(("date <= CAST(? AS DATE)", f.until))
        if f.country:
            conds.append(("loc_country = ?", f.country.upper()))
        if f.modality:
            conds.append(("modality = ?", f.modality))
        if f.article_id:
            conds.append(("article_id = ?", f.article_id))
        sql = (" WHERE " + " AND ".join(c for c, _ in conds)) if conds else ""
        sql += " ORDER BY date NULLS LAST, article_id, span_start, id"
        if f.limit is not None:
            sql += f" LIMIT {int(f.limit)}"
        return sql, [a for _, a in conds]

    def events(self, f: EventFilter | None = None) -> Iterator[Event]:
        where, args = self._where(f or EventFilter())
        for (record,) in self.con.execute("SELECT record FROM events" + where, args).fetchall():
            yield Event.from_dict(json.loads(record))

    def articles(self) -> Iterator[Article]:
        for row in self.con.execute(
                "SELECT id, text, title, strftime(published, '%Y-%m-%d'), url, source, language"
                " FROM articles ORDER BY id").fetchall():
            yield Article(id=row[0], text=row[1], title=row[2], published=row[3], url=row[4],
                          source=row[5], language=row[6])

    def stats(self) -> dict[str, Any]:
        q = self.con.execute
        n_articles = q("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        n_events = q("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        by_type = dict(q("SELECT event, count(*) FROM events WHERE modality = 'asserted'"
                         " GROUP BY event ORDER BY 2 DESC, 1").fetchall())
        by_modality = dict(q("SELECT modality, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall())
        pairs = q("""SELECT coalesce(a.code, '?') AS actor, coalesce(r.code, '?') AS recipient, count(DISTINCT a.event_id) n
                     FROM entities a JOIN entities r ON a.event_id = r.event_id AND r.role = 'recipient'
                     JOIN events e ON e.id = a.event_id AND e.modality = 'asserted'
                     WHERE a.role = 'actor' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10""").fetchall()
        span = q("SELECT min(date), max(date) FROM events").fetchone()
        return {"articles": n_articles, "events": n_events, "by_type": by_type, "by_modality": by_modality,
                "top_pairs": [{"actor": a, "recipient": r, "events": n} for a, r, n in pairs],
                "first_date": str(span[0]) if span and span[0] else None,
                "last_date": str(span[1]) if span and span[1] else None}

    def export_parquet(self, out: str, f: EventFilter | None = None) -> int:
        """The events table (without the JSON record) to a Parquet file, with DuckDB's own writer."""
        where, args = self._where(f or EventFilter())
        cols = ("id, article_id, event, mode, modality, context, date, date_precision, date_text, cameo,"
                " quad_class, score, confidence, event_text, span_start, span_end, actor_codes,"
                " recipient_codes, loc_name, loc_geonameid, loc_lat, loc_lon, loc_country, loc_precision")
        n = self.con.execute(f"SELECT count(*) FROM (SELECT id FROM events{where})", args).fetchone()[0]  # type: ignore[index]
        target = out.replace("'", "''")
        self.con.execute(f"COPY (SELECT {cols} FROM events{where}) TO '{target}' (FORMAT PARQUET)", args)
        return int(n)


def _valid_date(value: str | None) -> str | None:
    if not value:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
