import pytest

from eventwire import ontology
from eventwire.records import EVENT_TYPES


def test_tables_load_and_cover_every_type() -> None:
    o = ontology.load_ontology()
    assert set(o.types) == set(EVENT_TYPES)
    assert o.cameo_for("CONSULT", "visit") == "042"
    assert o.cameo_for("ASSAULT") == o.types["ASSAULT"].cameo
    assert o.score_for("PROTEST", "riot") == -7
    assert o.quad_for("COERCE") == 4 and o.quad_for("AGREE") == 1
    assert o.plover_for_cameo("0874") == "RETREAT" and o.plover_for_cameo("081") == "CONCEDE"
    assert o.plover_for_cameo("010") is None
    assert "terrorism" in o.contexts and "SPY" in o.sectors


def test_every_mode_cameo_bridges_to_some_type() -> None:
    o = ontology.load_ontology()
    for (t, m), mode in o.modes.items():
        assert o.plover_for_cameo(mode.cameo) is not None, (t, m)


def test_malformed_file_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ontology._read

    def fake(name: str) -> str:
        if name == "types.tsv":
            return real(name).replace("CONSULT\t1\t2.5", "CONSULT\t7\t2.5")
        return real(name)

    monkeypatch.setattr(ontology, "_read", fake)
    ontology.load_ontology.cache_clear()
    try:
        with pytest.raises(ontology.OntologyError, match=r"types\.tsv:\d+: quad class"):
            ontology.load_ontology()
    finally:
        ontology.load_ontology.cache_clear()


def _codebook() -> frozenset[str]:
    """The event codes of the CAMEO 1.1b3 codebook (plus 176 cyber attack, 1951/1952 aerial sub-codes)."""
    spans = {"01": "0123456789", "02": "012345678", "03": "0123456789", "04": "0123456", "05": "01234567",
             "06": "01234", "07": "012345", "08": "01234567", "09": "01234", "10": "012345678",
             "11": "0123456", "12": "0123456789", "13": "0123456789", "14": "012345", "15": "01234",
             "16": "0123456", "17": "0123456", "18": "0123456", "19": "0123456", "20": "01234"}
    subs = {"021": "1234", "023": "1234", "024": "1234", "025": "123456", "031": "1234", "033": "1234",
            "034": "1234", "035": "123456", "081": "1234", "083": "1234", "084": "12", "086": "123",
            "087": "1234", "101": "1234", "103": "1234", "104": "1234", "105": "123456", "112": "12345",
            "121": "1234", "122": "1234", "123": "1234", "124": "123456", "131": "123", "132": "1234",
            "138": "12345", "141": "1234", "142": "1234", "143": "1234", "144": "1234", "145": "1234",
            "162": "123", "166": "123", "171": "12", "172": "1234", "182": "123", "183": "123", "195": "12",
            "204": "12"}
    codes = {root for root in spans} | {root + d for root, ds in spans.items() for d in ds}
    codes |= {p + d for p, ds in subs.items() for d in ds}
    return frozenset(codes)


def test_mode_cameo_codes_follow_the_codebook() -> None:
    o = ontology.load_ontology()
    book = _codebook()
    for (t, m), mode in o.modes.items():
        assert mode.cameo in book, (t, m, mode.cameo)
    for t in o.types.values():
        assert t.cameo in book, (t.name, t.cameo)
    # definitions, not neighbours: 105 demand that target yields, 106 demand meeting, 116 find guilty,
    # 136 threaten to expel, 150 demonstrate military power, 1712 destroy property
    assert o.cameo_for("REQUEST", "yield") == "105" and o.cameo_for("REQUEST", "meet") == "106"
    assert o.cameo_for("SANCTION", "convict") == "116" and o.cameo_for("THREATEN", "expel") == "136"
    assert o.cameo_for("MOBILIZE", "weapons") == "150" and o.cameo_for("ASSAULT", "destroy") == "1712"
    assert o.cameo_for("RETREAT", "resign") == "0831"


def test_trigger_cameo_codes_follow_the_codebook() -> None:
    from eventwire.extract.lexicon import load_lexicon

    book = _codebook()
    bad = sorted({(e.lemma, e.event, e.cameo) for e in load_lexicon().entries() if e.cameo and e.cameo not in book})
    assert not bad, bad
    by_key = {(e.lemma, e.event, tuple(sorted(e.objs))): e.cameo for e in load_lexicon().entries()}
    # more specific than the type's default where the codebook has a code: condolences are CAMEO 018,
    # a veto 129, an ultimatum 139. Denying an accusation (CAMEO 016, a statement) has no PLOVER type at all
    assert any(c == "018" for (lem, t, objs), c in by_key.items() if lem == "express" and "condolence" in objs)
    assert not any(lem == "deny" and "accusation" in objs for (lem, t, objs) in by_key)
    assert by_key[("veto", "REJECT", ())] == "129" and by_key[("ultimatum", "THREATEN", ())] == "139"
