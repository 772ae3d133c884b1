"""Hypothesis strategies for the records."""

from __future__ import annotations

from hypothesis import strategies as st

from eventwire.records import DATE_PRECISIONS, EVENT_TYPES, MODALITIES, PLACE_PRECISIONS, Entity, Event, Place

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
code = st.one_of(st.none(), st.sampled_from(["USA", "AZE", "ISR", "UNO", "EUR", "IGO"]))
sector = st.one_of(st.none(), st.sampled_from(["GOV", "MIL", "COP", "SPY", "CVL", "REB"]))
day = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
finite = st.floats(allow_nan=False, allow_infinity=False, width=32)

entities = st.builds(Entity, text=text, name=st.one_of(st.none(), text), code=code, sector=sector)
places = st.builds(Place, name=text, geonameid=st.one_of(st.none(), st.integers(1, 2**40)),
                   lat=st.one_of(st.none(), st.floats(-90, 90)), lon=st.one_of(st.none(), st.floats(-180, 180)),
                   country_code=code, admin1=st.one_of(st.none(), text),
                   feature_code=st.one_of(st.none(), st.sampled_from(["PPLC", "PPL", "ADM1", "PCLI"])),
                   precision=st.sampled_from(PLACE_PRECISIONS))
events = st.builds(
    Event,
    id=st.text("abcdef0123456789", min_size=1, max_size=20).map(lambda s: "e-" + s),
    article_id=st.text("abcdef0123456789", min_size=1, max_size=20).map(lambda s: "a-" + s),
    event=st.sampled_from(EVENT_TYPES), mode=st.one_of(st.none(), st.sampled_from(["visit", "arrest"])),
    context=st.lists(st.sampled_from(["terrorism", "diplomatic", "military"]), max_size=3),
    modality=st.sampled_from(MODALITIES), actor=st.lists(entities, max_size=3),
    recipient=st.lists(entities, max_size=3), date=day, date_precision=st.sampled_from(DATE_PRECISIONS),
    date_text=st.one_of(st.none(), text), event_loc=st.one_of(st.none(), places),
    cameo=st.one_of(st.none(), st.sampled_from(["042", "173", "190"])), quad_class=st.integers(1, 4),
    score=st.floats(-10, 10), event_text=text, span=st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
    confidence=st.floats(0, 1),
    evidence=st.lists(st.fixed_dictionaries({"text": text, "span": st.lists(st.integers(0, 999), min_size=2,
                                                                             max_size=2)}), max_size=2),
)
