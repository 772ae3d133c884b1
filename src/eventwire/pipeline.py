"""The default pipeline: Article -> spaCy Doc -> Mentions -> grounded, de-duplicated Events.

The stages, in order (each a plain callable, data flowing one way):

1. ``nlp``       spaCy with the gazetteer entity ruler before NER (``eventwire.nlp.load_nlp``)
2. ``extract``   ``find_events(doc) -> list[Mention]``
3. ``ground``    actors (``ActorCoder``), dates (``resolve_event_date``), places (``Geocoder``)
4. ``records``   Mention -> Event with CAMEO, quad class and score from the ontology
5. ``dedupe``    one event per (type, modality, actor codes, recipient codes, date) in an article;
                 a headline event and the same event in the body become one event

``code_articles`` is the pure worker mapped over chunks by ``process_many`` (and by Dask later).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract import Mention, find_events
from eventwire.ground.actors import ActorCoder, ArticleActors
from eventwire.ground.dates import resolve_event_date
from eventwire.ground.places import ArticlePlaces, Geocoder
from eventwire.nlp import load_nlp
from eventwire.ontology import Ontology, load_ontology
from eventwire.records import Article, Entity, Event, content_id

TITLE_SEP = "\n\n"


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD string (or a longer ISO timestamp) as a date; None when absent or invalid."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def doc_text(article: Article) -> tuple[str, int]:
    """The text given to spaCy and the offset of the article body inside it.

    The title goes first (its events are merged with the body's); spans are reported in body offsets.
    """
    title = (article.title or "").strip()
    if title and not article.text.lstrip().startswith(title):
        return title + TITLE_SEP + article.text, len(title) + len(TITLE_SEP)
    return article.text, 0


class Pipeline:
    """Loads every resource once; ``process`` codes one article, ``process_many`` a stream."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.ontology: Ontology = load_ontology()
        self.actors = ActorCoder()
        self.places = Geocoder()

    # -- public -------------------------------------------------------------------------------
    def process(self, article: Article) -> list[Event]:
        text, offset = doc_text(article)
        return self.code_doc(self.nlp(text), article, offset)

    def process_many(self, articles: Iterable[Article], n_process: int = 1,
                     batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) for each article, parsing in batches (and processes when n_process > 1)."""

        def with_text() -> Iterator[tuple[str, tuple[Article, int]]]:
            for a in articles:
                text, offset = doc_text(a)
                yield text, (a, offset)

        for doc, (article, offset) in self.nlp.pipe(with_text(), as_tuples=True,
                                                    n_process=n_process, batch_size=batch_size):
            yield article, self.code_doc(doc, article, offset)

    # -- stages -------------------------------------------------------------------------------
    def code_doc(self, doc: Doc, article: Article, offset: int = 0) -> list[Event]:
        """Everything after parsing: extraction, grounding, records, de-duplication."""
        published = parse_date(article.published)
        mentions = find_events(doc)
        if not mentions:
            return []
        actors = self.actors.start_article(doc, published)
        places = self.places.start_article(doc, article.title)
        events = [self.to_event(m, article, offset, actors, places, published) for m in mentions]
        return dedupe(events)

    def to_event(self, m: Mention, article: Article, offset: int, actors: ArticleActors,
                 places: ArticlePlaces, published: date | None) -> Event:
        onto = self.ontology
        mode = m.mode if onto.is_valid_mode(m.event, m.mode) else None
        actor = [e for s in m.actors for e in actors.code_many(s)]
        recipient = [e for s in m.recipients for e in actors.code_many(s)]
        if m.reciprocal:
            actor, recipient = actor + recipient, []
        when = resolve_event_date(m.sent, m.trigger, published)
        loc = places.event_location(m.sent, m.trigger)
        start, end = m.sent.start_char - offset, m.sent.end_char - offset
        in_title = start < 0
        span = (0, 0) if in_title else (start, end)
        sent_text = m.sent.text.strip()
        cameo = m.cameo or onto.cameo_for(m.event, mode)
        confidence = m.confidence * (0.9 if in_title else 1.0)
        if not actor:
            confidence *= 0.8
        eid = content_id(article.id, m.event, mode or "", m.modality, str(span[0]),
                         str(m.trigger.idx), "|".join(e.text for e in actor + recipient))
        return Event(
            id="e-" + eid, article_id=article.id, event=m.event, mode=mode,
            context=[c for c in m.contexts if c in onto.contexts], modality=m.modality,
            actor=actor, recipient=recipient, date=when.date, date_precision=when.precision,
            date_text=when.text, event_loc=loc, cameo=cameo, quad_class=onto.quad_for(m.event),
            score=onto.score_for(m.event, mode), event_text=sent_text, span=span,
            confidence=round(min(max(confidence, 0.0), 1.0), 3), trigger=m.trigger.text,
            evidence=[{"text": sent_text, "span": list(span), "where": "title" if in_title else "body"}],
        )


def _codes(entities: list[Entity]) -> frozenset[str]:
    """Codes identify parties; an uncoded party is identified by its name."""
    return frozenset(e.code if e.code else "?" + (e.name or e.text).lower() for e in entities)


def _in_title(ev: Event) -> bool:
    return bool(ev.evidence) and ev.evidence[0].get("where") == "title"


def _richness(ev: Event) -> tuple[int, int, int, int, int]:
    """How fully an event is specified: body over title, then dated, then coded parties, then parties with a
    sector, then position."""
    parties = ev.actor + ev.recipient
    coded = sum(1 for e in parties if e.code)
    sectored = sum(1 for e in parties if e.sector and e.sector != "UNK")
    return (int(_in_title(ev)), int(ev.date_precision == "unknown"), -coded, -sectored, ev.span[0])


def _same_event(small: Event, big: Event) -> bool:
    """Whether ``small`` reports the same event as ``big`` with at most as much information.

    Same type and modality; the date is the same or ``small`` has none of its own; the parties of ``small``
    are among those of ``big`` (reciprocal order ignored). A headline only needs compatible actors: headline
    grammar is too terse for reliable recipients.
    """
    if small.event != big.event or small.modality != big.modality:
        return False
    if small.date_precision != "unknown" and big.date_precision != "unknown" and small.date != big.date:
        return False
    sa, sr, ba, br = _codes(small.actor), _codes(small.recipient), _codes(big.actor), _codes(big.recipient)
    if _in_title(small):
        return not sa or not ba or bool(sa & (ba | br))
    if small.mode and big.mode and small.mode != big.mode:
        return False
    if (sa | sr) == (ba | br) and sa != ba:  # the same parties, roles swapped: only reciprocal types
        return small.event in RECIPROCAL
    return sa <= ba and sr <= br


RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, modality, actor codes, recipient codes, date) within an article.

    The most fully specified mention of an event is kept as primary (body over headline, dated over undated,
    more coded parties); a mention that adds nothing (its parties a subset, no date of its own, or a headline
    with compatible actors) merges into it. Every evidence sentence is kept.
    """
    kept: list[list[Event]] = []
    for ev in sorted(events, key=_richness):
        for cluster in kept:
            if _same_event(ev, cluster[0]):
                cluster.append(ev)
                break
        else:
            kept.append([ev])
    out = [_merge(c) for c in kept]
    out.sort(key=lambda e: (-1 if _in_title(e) else e.span[0], e.event))
    return out


def _merge(cluster: list[Event]) -> Event:
    primary = cluster[0]
    if len(cluster) == 1:
        return primary
    seen: set[str] = set()
    evidence: list[dict[str, Any]] = []
    for e in [primary] + [e for e in cluster if e is not primary]:
        for ev in e.evidence:
            if ev["text"] not in seen:
                seen.add(ev["text"])
                evidence.append(ev)
    primary.evidence = evidence
    primary.confidence = round(min(1.0, max(e.confidence for e in cluster) + 0.05 * (len(cluster) - 1)), 3)
    if primary.event_loc is None:
        primary.event_loc = next((e.event_loc for e in cluster if e.event_loc is not None), None)
    return primary


def code_articles(articles: list[Article]) -> list[Event]:
    """The pure worker: a chunk of articles in, their events out (loads resources once per process)."""
    p = _worker_pipeline()
    return [ev for _, evs in p.process_many(articles) for ev in evs]


_WORKER: Pipeline | None = None


def _worker_pipeline() -> Pipeline:
    global _WORKER
    if _WORKER is None:
        _WORKER = Pipeline()
    return _WORKER
