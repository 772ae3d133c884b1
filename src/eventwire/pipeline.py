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
from spacy.tokens import Doc, Span, Token

from eventwire.extract import Mention, find_events
from eventwire.extract.events import AGREE_CAMEO
from eventwire.ground.actor_kb import NON_STATE_CODES
from eventwire.ground.actors import ActorCoder, ArticleActors
from eventwire.ground.dates import DateResult, in_sequence_phrase, resolve_event_date, settle_story_dates
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
        if places.dateline_place is not None:
            actors.note_dateline(places.dateline_place.country_code)
        dates = [resolve_event_date(m.sent, m.trigger, published) for m in mentions]
        narrative = [narrated(m.trigger) for m in mentions]
        lead = lead_date(mentions, dates, published, offset, narrative)
        events = [self.to_event(m, article, offset, actors, places, published, when)
                  for m, when in zip(mentions, dates)]
        implied_recipients(events)
        told = {id(ev) for ev, past in zip(events, narrative) if past}
        out = dedupe(events)
        if lead is not None:
            for ev in out:
                if ev.date_precision == "unknown" and id(ev) in told:
                    # a past-tense account with no date of its own continues the story's lead ("Protesters had
                    # tried to block the avenue"): it happened when the lead's event did
                    ev.date, ev.date_precision, ev.date_text = lead.date, lead.precision, lead.text
        return out

    def to_event(self, m: Mention, article: Article, offset: int, actors: ArticleActors,
                 places: ArticlePlaces, published: date | None, when: DateResult | None = None) -> Event:
        onto = self.ontology
        mode = m.mode if onto.is_valid_mode(m.event, m.mode) else None
        actor = [e for s in m.actors for e in actors.code_many(s)]
        if m.reciprocal and mode != "visit":     # a visit keeps the host as recipient
            # the parties of a meeting or agreement are all actors; whoever the agreed act is done to is not
            # a party ("agreed to accept 1,500 refugees")
            actor += [e for s in m.recipients if is_party(s, m.trigger) for e in actors.code_many(s)]
            recipient = [e for s in m.recipients if not is_party(s, m.trigger) for e in actors.code_many(s)]
        else:
            recipient = [e for s in m.recipients for e in actors.code_many(s)]
        if when is None:
            when = resolve_event_date(m.sent, m.trigger, published)
        event, modality, cameo0 = m.event, m.modality, m.cameo
        if modality == "asserted" and published is not None and when.precision != "unknown" and when.date \
                and when.date > published.isoformat():
            # dated after publication ("when they meet in Washington next week"): planned, not done. The
            # manual's rules: planned cooperation is AGREE, a planned retreat CONCEDE; anything else is future
            if event in AGREE_CAMEO:            # with CAMEO's "express intent" codes
                event, mode, cameo0 = "AGREE", None, AGREE_CAMEO[event]
            elif event == "RETREAT":
                event, mode, cameo0 = "CONCEDE", None, None
            elif event in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION"):
                modality = "future"
        loc = places.event_location(m.sent, m.trigger)
        if mode == "visit" and not recipient and loc is not None and loc.country_code and \
                loc.country_code not in {e.code for e in actor}:
            # "arrived on Monday for a three-day state visit" in New Delhi: the host is where the visit is
            recipient = [Entity(text="", name=None, code=loc.country_code, sector="GOV")]
        start, end = m.sent.start_char - offset, m.sent.end_char - offset
        in_title = start < 0
        span = (0, 0) if in_title else (start, end)
        sent_text = m.sent.text.strip()
        cameo = cameo0 or onto.cameo_for(event, mode)
        if cameo0 and len(cameo0) == 3 and cameo0.endswith("0") and mode:
            # a bare root from the trigger ("refused": 120) refined by the mode ("refused to release": 124)
            finer = onto.cameo_for(event, mode)
            if finer and finer[:2] == cameo0[:2] and len(finer) >= 3 and finer != cameo0:
                cameo = finer
        confidence = m.confidence * (0.9 if in_title else 1.0)
        if not actor:
            confidence *= 0.8
        eid = content_id(article.id, event, mode or "", modality, str(span[0]),
                         str(m.trigger.idx), "|".join(e.text for e in actor + recipient))
        return Event(
            id="e-" + eid, article_id=article.id, event=event, mode=mode,
            context=[c for c in m.contexts if c in onto.contexts], modality=modality,
            actor=actor, recipient=recipient, date=when.date, date_precision=when.precision,
            date_text=when.text, event_loc=loc, cameo=cameo, quad_class=onto.quad_for(event),
            score=onto.score_for(event, mode), event_text=sent_text, span=span,
            confidence=round(min(max(confidence, 0.0), 1.0), 3), trigger=m.trigger.text,
            evidence=[{"text": sent_text, "span": list(span), "where": "title" if in_title else "body"}],
        )


def narrated(trigger: Token) -> bool:
    """Is the trigger a past-tense account ("clashed", "had fired", "were killed", not "says", "will meet")?
    A participle on a noun tells of the same time as its clause ("fired tear gas at demonstrators *marching*");
    an event placed before another ("suspended the deal *after a blast wounded four soldiers*") is not an account
    of the lead's time."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.pos_ not in ("VERB", "AUX") or in_sequence_phrase(trigger):
        return False
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ == "acl" and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        clause = verb.head
        for _ in range(8):
            if clause.pos_ in ("VERB", "AUX") or clause.head == clause:
                break
            clause = clause.head
        return clause != verb and clause.pos_ in ("VERB", "AUX") and narrated(clause)
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if tags & {"MD", "VBZ", "VBP"} or any(c.lower_ in ("will", "would", "to") for c in verb.children
                                          if c.dep_ in ("aux", "auxpass")):
        return False
    return bool(tags & {"VBD"}) or verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def lead_date(mentions: list[Mention], dates: list[DateResult], published: date | None,
              offset: int, narrative: list[bool]) -> DateResult | None:
    """The date of the story's lead: the first body event dated to a day on or within a week before
    publication. Undated past-tense accounts later in the story inherit it.

    Also settles, in ``dates``, the dates that need the story (``settle_story_dates``): events measured from
    the lead ("The attack came a day after ..."), "two days later", a week or month that holds one dated day
    of the same kind of event, and an undated account continuing the dated sentence before it."""
    if published is None:
        return None
    lead: DateResult | None = None
    for m, d in zip(mentions, dates):
        if m.sent.start_char < offset or d.precision != "day" or not d.date:
            continue
        try:
            days = (published - date.fromisoformat(d.date)).days
        except ValueError:
            continue
        if 0 <= days <= 7:
            lead = d
        break
    settle_story_dates(mentions, dates, published, lead, narrative)
    return lead


#: types whose target goes unsaid when the story is about two sides ("France warned it would respond firmly")
IMPLIED_TARGET = frozenset({"ACCUSE", "THREATEN", "REJECT", "REQUEST", "SANCTION", "CONCEDE", "AGREE"})


def article_dyad(events: list[Event]) -> tuple[str, str] | None:
    """The two sides of a two-sided story: the two codes named most often among the events' parties, when
    the second is named at least twice and more often than any third."""
    counts: dict[str, int] = {}
    for ev in events:
        for e in ev.actor + ev.recipient:
            if e.code and e.code not in ("NGO", "MNC"):
                counts[e.code] = counts.get(e.code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] >= ranked[1][1]):
        return None
    return ranked[0][0], ranked[1][0]


def _government_of(code: str) -> Entity:
    """An implied party: a state's government, named by no words of the sentence (empty ``text``)."""
    return Entity(text="", name="government", code=code, sector="GOV")


def implied_recipients(events: list[Event]) -> None:
    """In a story about two sides, a one-sided act of one side with no target named ("warned that France
    would respond firmly", "rejected the demands") is aimed at the other side. The recipient is marked by an
    empty ``text`` (no words of the sentence name it) and the event's confidence drops."""
    for ev in events:
        codes = {e.code for e in ev.actor}
        if ev.event in ("COERCE", "ASSAULT") and ev.recipient and len(codes) == 1 and None not in codes and all(
                e.code is None and (e.name or e.text).lower().rsplit(" ", 1)[-1] in ("power", "control")
                for e in ev.recipient):
            # "the military seized power": a coup is against the state's own government
            ev.recipient = [_government_of(next(iter(codes)))]
            continue
        # protesters with no stated target: by convention their own government ("rallying against a new law")
        if ev.event == "PROTEST" and not ev.recipient and len(codes) == 1 and None not in codes \
                and not codes & NON_STATE_CODES and all(e.sector not in ("GOV", "MIL", "COP") for e in ev.actor):
            ev.recipient = [_government_of(next(iter(codes)))]
    dyad = article_dyad(events)
    if dyad is None:
        return
    model: dict[str, Entity] = {}
    for ev in events:
        for e in ev.actor + ev.recipient:
            if e.code in dyad and (e.code not in model or e.sector is None and model[e.code].sector is not None):
                model[e.code] = e
    for ev in events:
        if ev.event not in IMPLIED_TARGET or not ev.actor:
            continue
        acodes = {e.code for e in ev.actor}
        if len(acodes) != 1 or not acodes <= set(dyad):
            continue
        own = next(iter(acodes))
        other = dyad[1] if own == dyad[0] else dyad[0]
        # "warned that *France* would respond": the speaker's own state read as the one warned
        self_target = ev.event in ("THREATEN", "REQUEST", "ACCUSE", "REJECT") and ev.recipient and all(
            e.code == own and e.sector is None for e in ev.recipient)
        if ev.recipient and not self_target:
            continue
        m = model[other]
        ev.recipient = [Entity(text="", name=m.name, code=m.code, sector=m.sector)]
        ev.confidence = round(max(0.05, ev.confidence - 0.1), 3)


def is_party(span: Span, trigger: Token) -> bool:
    """Is a participant of a reciprocal event one of its parties, rather than the object of a clause the
    event governs? "agreed *with Kyiv*", "met *the president*": parties; "agreed to accept *refugees*": not."""
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside", "inside"):
        return False                            # "met *in the Nigerian capital*": where (the host), not a party
    for _ in range(12):
        head = tok.head
        if head == tok or head.i == trigger.i or trigger.is_ancestor(tok) is False:
            return True
        if head.pos_ in ("VERB", "AUX") and trigger.is_ancestor(head):
            return False
        tok = head
    return True


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

    Same type and modality, modes of one family (one account says drones, another explosives dropped from
    them); the date is the same or ``small`` has none of its own; the parties of one are among those of the other (reciprocal order
    ignored). A headline only needs compatible actors: headline
    grammar is too terse for reliable recipients.
    """
    if small.event != big.event or small.modality != big.modality:
        return False
    if small.date_precision != "unknown" and big.date_precision != "unknown" and small.date != big.date \
            and not (small.event == "CONSULT" and _days_apart(small, big) <= VISIT_DAYS):
        return False                        # (a visit's arrival and its talks days later are one visit)
    sa, sr, ba, br = _codes(small.actor), _codes(small.recipient), _codes(big.actor), _codes(big.recipient)
    if _in_title(small):
        return not sa or not ba or bool(sa & (ba | br))
    if small.mode and big.mode and MODE_FAMILY.get(small.mode, small.mode) != MODE_FAMILY.get(big.mode, big.mode):
        return False
    if (sa | sr) == (ba | br) and sa != ba:  # the same parties, roles swapped: only reciprocal types
        return small.event in RECIPROCAL
    # one account names fewer parties than the other: "declared a truce on Thursday" and "his forces would
    # halt operations against the army" (the date comes from one, the recipient from the other)
    return sa <= ba and sr <= br or ba <= sa and br <= sr


RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
VISIT_DAYS = 3
#: modes that different accounts of one attack use interchangeably
MODE_FAMILY = {"aerial": "remote", "drone": "remote", "explosives": "remote", "heavy-weapons": "remote",
               "suicide-attack": "remote"}


def _days_apart(a: Event, b: Event) -> int:
    try:
        return abs((date.fromisoformat(a.date or "") - date.fromisoformat(b.date or "")).days)
    except ValueError:
        return 1 << 30


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
    # a body account naming more parties than the primary lends them (the primary keeps its date)
    def slots(e: Event) -> int:
        return len(_codes(e.actor)) + len(_codes(e.recipient))

    fuller = max((e for e in cluster if not _in_title(e)), key=slots, default=primary)
    if slots(fuller) > slots(primary):
        primary.actor, primary.recipient = fuller.actor, fuller.recipient
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
