"""The trigger lexicon is data: it loads once, covers every PLOVER type, and bad files fail with a line number."""

from __future__ import annotations

import pytest

from eventwire.extract.lexicon import (PLOVER_MODES, LexiconError, build_lexicon, load_lexicon,
                                       parse_triggers)

HEADER = "# comment\n"


def row(*cols: str) -> str:
    return "\t".join(cols) + "\n"


def test_shipped_lexicon_loads_once_and_covers_every_type() -> None:
    lex = load_lexicon()
    assert load_lexicon() is lex                       # module-level cache
    types = {e.event for e in lex.entries()}
    assert types == set(PLOVER_MODES)
    assert len(lex) > 300
    for e in lex.entries():
        assert e.mode is None or e.mode in PLOVER_MODES[e.event]
        assert e.cameo is None or e.cameo.isdigit()
    assert "minister" in lex.actor_nouns and "soldier" in lex.actor_nouns
    assert "talk" in lex.event_nouns and "minister" not in lex.event_nouns


def test_specific_verb_entries_come_first() -> None:
    lex = load_lexicon()
    crack = lex.verbs["crack"][0]
    assert crack.part == "down" and crack.event == "COERCE"
    cancel = lex.verbs["cancel"]
    assert all(e.objs for e in cancel)               # cancelling is only an event with a meeting-like object
    assert any(e.event == "REJECT" and e.mode == "meet" for e in cancel)
    strike = lex.verbs["strike"]
    assert strike[0].objs and strike[0].event == "AGREE"   # "struck a deal" before "struck targets"
    assert strike[-1].event == "ASSAULT"


def test_phrasal_and_light_verb_forms_present() -> None:
    lex = load_lexicon()
    assert any(e.part == "on" and e.event == "REQUEST" for e in lex.verbs["call"])
    assert any("protest" in e.objs and e.event == "ACCUSE" for e in lex.verbs["lodge"])
    assert any(e.event == "ACCUSE" for e in lex.verbs["summon"])
    assert lex.nouns["talk"][0].reciprocal and "with" in lex.nouns["talk"][0].rpreps
    assert lex.nouns["arrest"][0].poss_recipient


def test_a_good_row_parses() -> None:
    entries = parse_triggers(HEADER + row("meet", "V", "-", "-", "CONSULT", "-", "040", "dobj|with", "recip"))
    (e,) = entries
    assert e.reciprocal and e.rpreps == ("dobj", "with") and e.cameo == "040" and e.mode is None
    lex = build_lexicon(entries, frozenset({"man"}))
    assert lex.verbs["meet"] == (e,)


@pytest.mark.parametrize("bad, message", [
    (row("meet", "V", "-", "-", "CONSULT", "-", "040", "dobj"), "columns"),
    (row("meet", "X", "-", "-", "CONSULT", "-", "040", "dobj", "-"), "pos"),
    (row("meet", "V", "-", "-", "MEET", "-", "040", "dobj", "-"), "unknown PLOVER type"),
    (row("meet", "V", "-", "-", "CONSULT", "arrest", "040", "dobj", "-"), "not a mode of CONSULT"),
    (row("meet", "V", "-", "-", "CONSULT", "-", "4x", "dobj", "-"), "CAMEO"),
    (row("meet", "V", "-", "-", "CONSULT", "-", "040", "dobj", "loud"), "flag"),
    (row("Meet", "V", "-", "-", "CONSULT", "-", "040", "dobj", "-"), "lower case"),
    (row("talk", "N", "with", "-", "CONSULT", "-", "040", "dobj", "-"), "verbs only"),
])
def test_bad_rows_are_reported_with_their_line(bad: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as info:
        parse_triggers(HEADER + bad, "t.tsv")
    assert "t.tsv:2" in str(info.value)


def test_duplicates_and_empty_files_are_rejected() -> None:
    line = row("meet", "V", "-", "-", "CONSULT", "-", "040", "dobj", "-")
    with pytest.raises(LexiconError, match="duplicate"):
        parse_triggers(line + line)
    with pytest.raises(LexiconError, match="no entries"):
        parse_triggers(HEADER)


def test_concession_retreat_and_withdrawal_wording_present() -> None:
    lex = load_lexicon()
    assert any(e.event == "CONCEDE" and "complaint" in e.objs for e in lex.verbs["withdraw"])
    assert lex.verbs["withdraw"][-1].event == "RETREAT"            # the bare verb is still a retreat
    assert any(e.part == "down" and e.mode == "resign" for e in lex.verbs["stand"])
    assert any(e.event == "RETREAT" and e.mode == "ceasefire" for e in lex.verbs["implement"])
    assert any(e.event == "SANCTION" and e.mode == "withdraw" for e in lex.verbs["leave"])
    assert lex.nouns["lifting"][0].event == "CONCEDE" and lex.nouns["lifting"][0].weak
