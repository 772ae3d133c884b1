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
