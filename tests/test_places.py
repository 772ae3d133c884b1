"""Toponym resolution, datelines, event location and the place ruler (src/eventwire/ground/places.py)."""

from __future__ import annotations

import pytest

from eventwire.ground.gazetteer import norm
from eventwire.ground.places import Geocoder, parse_dateline, ruler_patterns


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


# -- names ----------------------------------------------------------------------------------------------------

def test_norm_folds_accents_punctuation_and_abbreviations():
    assert norm("São Tomé") == "sao tome"
    assert norm("St. Louis") == norm("Saint Louis") == "saint louis"
    assert norm("The Hague") == "hague"
    assert norm("W. Va.") == norm("W.Va.") == "w va"


def test_baku_is_the_azerbaijani_capital(geo):
    p = geo.resolve("Baku")
    assert p is not None
    assert (p.country_code, p.precision, p.feature_code) == ("AZE", "city", "PPLC")
    assert abs(p.lat - 40.4) < 0.3 and abs(p.lon - 49.9) < 0.3


def test_georgia_alone_is_the_country(geo):
    p = geo.resolve("Georgia")
    assert (p.country_code, p.precision) == ("GEO", "country")


def test_georgia_with_us_context_is_the_state(geo):
    p = geo.resolve("Georgia", ["USA"])
    assert (p.country_code, p.precision, p.admin1) == ("USA", "admin1", "Georgia")


def test_georgia_among_us_places_is_the_state(geo):
    places = geo.resolve_all(["Atlanta", "Georgia", "Savannah"])
    assert places[1].country_code == "USA"
    assert places[2].country_code == "USA"


def test_tripoli_follows_context(geo):
    assert geo.resolve("Tripoli").country_code == "LBY"
    assert geo.resolve("Tripoli", ["LBN"]).country_code == "LBN"
    assert geo.resolve("Tripoli", ["LB"]).country_code == "LBN"   # ISO2 accepted too
    assert geo.resolve_all(["Beirut", "Tripoli"])[1].country_code == "LBN"


def test_paris_is_in_france_unless_the_article_is_in_texas(geo):
    assert geo.resolve("Paris").country_code == "FRA"
    p = geo.resolve_all(["Texas", "Paris", "Lamar County"])[1]
    assert (p.country_code, p.admin1) == ("USA", "Texas")


def test_country_mention_is_country_precision_with_country_id(geo):
    p = geo.resolve("France")
    assert p.precision == "country" and p.geonameid == 3017382 and p.country_code == "FRA"
    assert p.feature_code == "PCLI"
    for alias, code in [("U.S.", "USA"), ("Britain", "GBR"), ("Ivory Coast", "CIV"), ("Burma", "MMR")]:
        assert geo.resolve(alias).country_code == code, alias


def test_country_is_never_presented_as_a_city(geo):
    for name in ("Syria", "Mexico", "Brazil", "Kosovo"):
        p = geo.resolve(name)
        assert p.precision == "country", name


def test_unknown_and_continents_resolve_to_none(geo):
    assert geo.resolve("Xqzzyvillezz") is None
    assert geo.resolve("") is None
    assert geo.resolve("Europe") is None


def test_regions_and_divisions(geo):
    p = geo.resolve("North Waziristan")
    assert p.country_code == "PAK" and p.precision == "admin1"
    assert geo.resolve("West Bank").country_code == "PSE"
    assert geo.resolve("Alberta").country_code == "CAN"
    assert geo.resolve("Kandahar").country_code == "AFG"


def test_us_state_abbreviation_and_county(geo):
    places = geo.resolve_all(["Alexandria", "Rapides Parish", "La."])
    assert [p.country_code for p in places] == ["USA", "USA", "USA"]
    assert places[0].admin1 == "Louisiana"


def test_ap_abbreviation_is_the_state_not_an_alternate_name(geo):
    # "la" is also an alternate name of Los Angeles and "pa" of Chongqing: the written abbreviation is the state
    for text, state in [("La.", "Louisiana"), ("Pa.", "Pennsylvania"), ("Tenn.", "Tennessee"), ("W. Va.", "West Virginia")]:
        p = geo.resolve(text)
        assert p is not None and (p.country_code, p.precision, p.admin1) == ("USA", "admin1", state), text
    assert geo.resolve("Que.").country_code == "CAN"


def test_qualified_town_is_looked_for_inside_its_state(geo):
    assert geo.resolve_all(["Paris", "Tenn."])[0].country_code == "USA"
    p = geo.resolve_all(["Paris", "Tenn.", "Paris"], qualifiers=[1, None, None])
    assert (p[0].admin1, p[2].admin1) == ("Tennessee", "Tennessee")
    moscow = geo.resolve_all(["Moscow", "Idaho"], qualifiers=[1, None])[0]
    assert (moscow.country_code, moscow.admin1) == ("USA", "Idaho")
    # a list of countries is not a town and its country
    assert geo.resolve_all(["Russia", "U.S."], qualifiers=[1, None])[0].country_code == "RUS"
    assert geo.resolve_all(["Moscow", "Kremlin", "Russia"], qualifiers=[None, None, None])[0].country_code == "RUS"


def test_division_with_its_generic_word(geo):
    p = geo.resolve("Oaxaca State")
    assert (p.country_code, p.precision) == ("MEX", "admin1")
    # a division missing from the index is found through its namesake town, but stays a division
    p = geo.resolve("Hama province")
    assert p is not None and (p.country_code, p.precision, p.feature_code) == ("SYR", "admin1", "ADM1")
    assert p.geonameid is None
    assert geo.resolve("Hama").precision == "city"
    assert geo.resolve("DPRK").country_code == "PRK"


def test_bare_county_name(geo):
    p = geo.resolve_all(["Marksville", "Avoyelles"])[1]
    assert p is not None and (p.country_code, p.admin1, p.precision) == ("USA", "Louisiana", "admin1")
    assert geo.resolve("Loudoun Co.").name == "Loudoun County"


def test_regions_only_when_asked(geo):
    assert geo.resolve_all(["Europe", "Atlantic", "Middle East"]) == [None, None, None]
    eu, atl, me = geo.resolve_all(["Europe", "Atlantic", "Middle East"], regions=True)
    assert eu.precision == "region" and eu.country_code is None and eu.feature_code == "CONT"
    assert 40 < eu.lat < 60 and -10 < eu.lon < 30
    assert atl.feature_code == "OCN" and -60 < atl.lon < 0
    assert me.precision == "region"
    # a continent's name never falls to a namesake town, with or without regions
    assert geo.resolve_all(["Asia"], regions=True)[0].feature_code == "CONT"
    assert geo.resolve_all(["Xqzzyvillezz"], regions=True) == [None]


def test_demonyms_of_regions_and_divisions(geo):
    assert geo.demonym_place("African") == "Africa"
    assert geo.demonym_place("Ohioans") == "Ohio"
    assert geo.demonym_place("Minnesotans") == "Minnesota"
    assert geo.demonym_place("Paris") is None          # a place name is not a demonym
    assert geo.demonym_place("tables") is None
    ohio, africa = geo.resolve_all(["Ohioans", "African"], demonyms=True, regions=True)
    assert (ohio.country_code, ohio.precision) == ("USA", "admin1")
    assert africa.precision == "region"


def test_demonyms_only_when_asked(geo):
    if geo.demonym_country("Syrian") is None:
        pytest.skip("the actor coder's country table has no demonyms")
    assert geo.resolve_all(["Syrian", "Russians"], demonyms=True)[0].country_code == "SYR"
    assert geo.resolve_all(["Russians"], demonyms=True)[0].country_code == "RUS"
    plain = geo.resolve_all(["Syrian"])[0]
    assert plain is None or plain.precision != "country"


def test_broken_cache_is_rebuilt(tmp_path, monkeypatch):
    from eventwire.ground import gazetteer

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    built = []

    def tiny() -> gazetteer.GazetteerIndex:
        idx = gazetteer.GazetteerIndex()
        idx.add(gazetteer.KIND_CITY, "Testville", 1, 1.0, 2.0, "XX", "", 100, "PPL")
        idx.names = {"testville": 0}
        built.append(1)
        return idx

    monkeypatch.setattr(gazetteer, "build_index", tiny)
    path = gazetteer._cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    idx = gazetteer.load_index()
    assert built == [1] and idx.lookup("Testville") == [(0, False)]
    assert gazetteer.load_index() is idx     # one index per process
    gazetteer._LOADED.pop(path)
    again = gazetteer.load_index()          # now read back from the rewritten cache file
    assert built == [1] and again is not idx and again.lookup("testville") == [(0, False)]


# -- datelines ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,place,region", [
    ("MANILA — The army said on Sunday ...", "MANILA", None),
    ("BAKU, Nov 20 (Reuters) - Azerbaijan said ...", "BAKU", None),
    ("WASHINGTON (AP) — The Senate voted ...", "WASHINGTON", None),
    ("SPRINGFIELD, Ill. (AP) — Lawmakers ...", "SPRINGFIELD", "Ill."),
    ("Kabul, March 3 (AFP) -- Gunmen ...", "Kabul", None),
])
def test_parse_dateline(text, place, region):
    d = parse_dateline(text)
    assert d is not None and d.text == place and d.region == region
    assert text[d.start:d.end] == place


@pytest.mark.parametrize("text", [
    "The president said - in a statement - that talks would resume.",
    "Talks resumed on Monday in Geneva.",
    "",
])
def test_no_dateline(text):
    assert parse_dateline(text) is None


# -- ruler ----------------------------------------------------------------------------------------------------

def test_ruler_patterns_are_moderate_and_skip_common_words():
    pats = ruler_patterns()
    texts = {p["pattern"] for p in pats}
    assert {"Baku", "Ankara", "Azerbaijan", "Kandahar", "Ivano-Frankivsk"} <= texts
    assert "Split" not in texts and "Victoria" not in texts and "Jordan" not in texts
    assert 2000 < len(pats) < 15000
    assert {p["label"] for p in pats} <= {"GPE", "LOC"}


# -- event location (spaCy) -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    from eventwire.evaluate.halterman import load_place_nlp

    return load_place_nlp()


def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


def _loc(geo, nlp, text, trigger_word):
    doc = nlp(text)
    places = geo.start_article(doc, None)
    trig = _trigger(doc, trigger_word)
    return places.event_location(trig.sent, trig)


@pytest.mark.slow
def test_ruler_makes_baku_a_place(nlp):
    doc = nlp("Aliyev and Erdogan met in Baku while envoys waited in Ankara.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Baku") == "GPE" and labels.get("Ankara") == "GPE"


@pytest.mark.slow
def test_event_location_prefers_the_triggers_phrase(geo, nlp):
    p = _loc(geo, nlp, "Turkish and Azerbaijani leaders met in Baku on Tuesday to discuss Armenia.", "met")
    assert p is not None and p.name == "Baku"


@pytest.mark.slow
def test_event_location_city_inside_region_phrase(geo, nlp):
    p = _loc(geo, nlp, "In the West Bank city of Nablus, Israeli soldiers shot a Palestinian man.", "shot")
    assert p is not None and p.name == "Nablus" and p.country_code == "PSE"


@pytest.mark.slow
def test_event_location_district(geo, nlp):
    p = _loc(geo, nlp, "Five soldiers were killed in an attack in the North Waziristan district on Friday.", "attack")
    assert p is not None and p.country_code == "PAK"


@pytest.mark.slow
def test_finer_place_among_equally_near_phrases(geo, nlp):
    p = _loc(geo, nlp, "Gunmen killed five people near the town of Tillaberi in western Niger.", "killed")
    assert p is not None and p.precision == "city" and p.country_code == "NER"


@pytest.mark.slow
def test_object_of_a_territory_verb(geo, nlp):
    p = _loc(geo, nlp, "KYIV, Ukraine (AP) — Russian drones hit Kyiv overnight, officials said.", "hit")
    assert p is not None and p.name == "Kyiv"


@pytest.mark.slow
def test_actors_are_not_locations(geo, nlp):
    doc = nlp("Pakistan accused India of violating the ceasefire.")
    places = geo.start_article(doc, None)
    trig = _trigger(doc, "accused")
    assert places.event_location(trig.sent, trig) is None


@pytest.mark.slow
def test_dateline_is_the_fallback(geo, nlp):
    doc = nlp("BAKU, Nov 20 (Reuters) - Police detained dozens of protesters on Friday, officials said.")
    places = geo.start_article(doc, None)
    assert places.dateline_place is not None and places.dateline_place.country_code == "AZE"
    trig = _trigger(doc, "detained")
    p = places.event_location(trig.sent, trig)
    assert p is not None and p.country_code == "AZE"


@pytest.mark.slow
def test_recipient_country_is_not_the_location(geo, nlp):
    text = "BRUSSELS, Nov 18 — The European Union imposed sanctions on Russia on Monday."
    doc = nlp(text)
    places = geo.start_article(doc, None)
    assert places.dateline_place is not None and places.dateline_place.country_code == "BEL"
    trig = _trigger(doc, "imposed")
    # Russia is the target, not the place; the dateline is not the place of a foreign body's act either
    assert places.event_location(trig.sent, trig) is None
    assert _loc(geo, nlp, "Japan pledged $10 million in assistance for Sudan.", "pledged") is None


@pytest.mark.slow
def test_dateline_after_a_title(geo, nlp):
    title = "Police detain protesters"
    doc = nlp(title + "\n\nBAKU, Nov 20 (Reuters) - Police detained dozens of protesters on Friday.")
    places = geo.start_article(doc, title)
    assert places.dateline is not None and places.dateline.text == "BAKU"
    trig = _trigger(doc, "detained")
    p = places.event_location(trig.sent, trig)
    assert p is not None and p.name == "Baku" and p.country_code == "AZE"


@pytest.mark.slow
def test_dateline_not_for_a_foreign_actor(geo, nlp):
    doc = nlp("SEOUL, Nov 22 — North Korea threatened on Saturday to take military action.")
    places = geo.start_article(doc, None)
    trig = _trigger(doc, "threatened")
    # not Seoul: a threat is made at home, so the party's own country (never presented as a city)
    p = places.event_location(trig.sent, trig)
    assert p is not None and (p.country_code, p.precision) == ("PRK", "country")
    doc = nlp("SEOUL, Nov 22 — South Korean police detained two men on Saturday.")
    places = geo.start_article(doc, None)
    trig = _trigger(doc, "detained")
    p = places.event_location(trig.sent, trig)
    assert p is not None and p.country_code == "KOR"


@pytest.mark.slow
def test_owner_of_the_patrolled_ground(geo, nlp):
    p = _loc(geo, nlp, "Grozny's streets are still heavily patrolled by troops.", "patrolled")
    assert p is not None and p.name == "Grozny"


@pytest.mark.slow
def test_nationality_modifier_is_not_a_place(geo, nlp):
    assert _loc(geo, nlp, "The commander was reportedly killed in a U.S. airstrike.", "killed") is None


@pytest.mark.slow
def test_town_qualified_by_state_in_text(geo, nlp):
    p = _loc(geo, nlp, "Police arrested two men in Paris, Tenn., on Friday after a chase.", "arrested")
    assert p is not None and (p.country_code, p.admin1) == ("USA", "Tennessee")
    # a parish the NER leaves out still tells the state
    doc = nlp("The mayor of Alexandria said Rapides Parish deputies detained a man.")
    places = geo.start_article(doc, None)
    ents = [e for e in doc.ents if e.text == "Alexandria"]
    assert ents and places.place_of(ents[0]).admin1 == "Louisiana"


@pytest.mark.slow
def test_no_place_no_location(geo, nlp):
    assert _loc(geo, nlp, "Police detained dozens of protesters on Friday.", "detained") is None


# -- evaluation helpers ---------------------------------------------------------------------------------------

def test_halterman_token_offsets_are_converted():
    import spacy

    from eventwire.evaluate.halterman import gold_spans

    doc = spacy.blank("en")("Around 500 people demonstrated in Lisbon on Sunday.")
    # character offsets kept as they are
    assert gold_spans(doc, [{"start": 34, "end": 40}]) == [(34, 40)]
    # an empty span is read as token offsets (token 5 = "Lisbon", inclusive end)
    assert gold_spans(doc, [{"start": 5, "end": 5}]) == [(34, 40)]


def test_gritta_keeps_only_geowebnews_toponym_types():
    from eventwire.evaluate.gritta import _toponyms

    doc = {"toponyms": [{"text": "Lisbon", "type": "Literal"}, {"text": "area", "type": "Literal_Expression"},
                        {"text": "Portuguese", "type": "Demonym"}]}
    assert [t["text"] for t in _toponyms(doc, True)] == ["Lisbon"]
    assert len(_toponyms(doc, False)) == 3


# -- document and publication priors -------------------------------------------------------------------------

def test_prior_division_prefers_the_local_namesake(geo):
    assert geo.resolve_all(["Paris"])[0].country_code == "FRA"
    p = geo.resolve_all(["Paris"], prior_divisions=["US-TN"])[0]
    assert (p.country_code, p.admin1) == ("USA", "Tennessee")
    # a prior of the country alone is weaker: "Norfolk" stays the larger Virginia city, the state prior moves it
    assert geo.resolve_all(["Norfolk"], prior_divisions=["US"])[0].admin1 == "Virginia"
    assert geo.resolve_all(["Norfolk"], prior_divisions=["US-NE"])[0].admin1 == "Nebraska"


def test_prior_never_turns_a_country_into_a_town(geo):
    assert geo.resolve_all(["China"], prior_divisions=["US-TX"])[0].precision == "country"
    assert geo.resolve_all(["Jordan"], prior_divisions=["US-MN"])[0].country_code == "JOR"


def test_division_key(geo):
    assert geo.division_key(geo.resolve("Nashville")) == "US-TN"
    assert geo.division_key(geo.resolve("France")) == "FR"
    assert geo.division_key(None) is None


def test_small_town_named_like_another_division_is_the_division(geo):
    # "Kansas" (a village in Illinois) and "Oregon" (a town in Ohio) among Illinois/Ohio places are the states
    assert geo.resolve_all(["Peoria", "Illinois", "Kansas"])[2].admin1 == "Kansas"
    oregon = geo.resolve_all(["Oregon", "Toledo"])[0]
    assert (oregon.precision, oregon.admin1) == ("admin1", "Oregon")
    # a town inside the division it names keeps winning as before ("Idlib", "Daraa")
    assert geo.resolve("Idlib", ["SYR"]).precision == "city"


def test_township_falls_back_to_its_namesake_town(geo):
    p = geo.resolve_all(["Jerome Township", "Dublin", "Ohio"])[0]
    assert p is not None and p.country_code == "USA"
    assert geo.resolve_all(["Xqzzyville Township"]) == [None]


def test_source_priors_leave_the_document_itself_out(geo):
    from eventwire.evaluate.gritta import source_priors

    names = [["Nashville", "Murfreesboro"], ["Franklin", "Knoxville"], ["Chattanooga", "Memphis"], ["Paris"],
             ["Paris"]]
    pubs = ["tn.example", "tn.example", "tn.example", "tn.example", "other.example"]
    answers = [geo.resolve_all(n) for n in names]
    priors = source_priors(geo, pubs, names, answers)
    assert priors[3] == ["US-TN"]          # the other three articles name six Tennessee towns
    assert priors[4] == []                 # a publication with no other article: no prior
    # leave-one-out: with only two other articles (four names) the prior still holds, with one (two names) not
    assert source_priors(geo, pubs[1:4], names[1:4], answers[1:4])[2] == ["US-TN"]
    assert source_priors(geo, pubs[2:4], names[2:4], answers[2:4])[1] == []


def test_start_article_takes_a_prior_division(geo, nlp):
    doc = nlp("The council met in Paris on Tuesday to discuss the new budget.")
    ent = next(e for e in doc.ents if e.text == "Paris")
    assert geo.start_article(doc).place_of(ent).country_code == "FRA"
    p = geo.start_article(doc, prior_divisions=["US-TN"]).place_of(ent)
    assert (p.country_code, p.admin1) == ("USA", "Tennessee")


# -- landmarks, counties outside the US, unknown names (fourth round) --------------------------------------------

def test_landmark_is_not_its_namesake_town(geo):
    p = geo.resolve("White House")  # not White House, Tennessee
    assert (p.country_code, p.precision, p.admin1) == ("USA", "point", "District of Columbia")
    p = geo.resolve("Heathrow")
    assert (p.country_code, p.precision, p.feature_code) == ("GBR", "point", "AIRP")
    assert geo.resolve_all(["Mississippi River"])[0].country_code == "USA"


def test_landmarks_and_foreign_counties_stay_out_of_the_ruler():
    texts = {p["pattern"] for p in ruler_patterns()}
    assert not {"White House", "Kerry", "Kent", "Lancashire", "County Clare", "Heathrow"} & texts
    assert {"London", "Ohio", "Baku"} <= texts


def test_english_county_with_english_towns_and_us_town_with_us_places(geo):
    kent, town = geo.resolve_all(["Kent", "Maidstone"])
    assert (kent.country_code, kent.precision, kent.feature_code) == ("GBR", "admin1", "ADM2")
    kent, _ = geo.resolve_all(["Kent", "Seattle"])
    assert (kent.country_code, kent.admin1) == ("USA", "Washington")
    # a county's head count does not make it beat a small namesake among its state's towns
    out = geo.resolve_all(["Cornwall", "Newburgh", "Poughkeepsie", "N.Y."])
    assert out[0].country_code == "USA"


def test_irish_county_by_its_written_forms(geo):
    for name in ("County Clare", "Co. Clare", "Clare"):
        p = geo.resolve_all([name, "Ennis", "Ireland"])[0]
        assert p.country_code == "IRL" and p.precision == "admin1", name


def test_unknown_names_fall_back_to_the_story_place_only_when_asked(geo):
    names = ["New Orleans", "Royal Street", "Frenchmen Street", "New Orleans", "Louisiana"]
    assert geo.resolve_all(names)[1] is None
    out = geo.resolve_all(names, local_fallback=True)
    nola = out[0]
    for p, name in ((out[1], "Royal Street"), (out[2], "Frenchmen Street")):
        assert (p.name, p.geonameid, p.feature_code) == (name, None, "LOCAL")
        assert (p.lat, p.lon, p.country_code) == (nola.lat, nola.lon, "USA")
    assert out[0].feature_code != "LOCAL"  # known names keep their own answer


def test_unknown_name_containing_a_place_of_the_story(geo):
    # the most mentioned place is Manila, but the hall is in the other town the story names
    out = geo.resolve_all(["Manila", "Manila", "Cebu", "Cebu City Hall"], local_fallback=True)
    assert out[3].feature_code == "LOCAL" and out[3].lat == out[2].lat
    # a landmark inside an unknown name; a far-off city's name in a street's name does not move it
    out = geo.resolve_all(["London", "Heathrow Animal Reception Centre"], local_fallback=True)
    assert abs(out[1].lat - 51.47) < 0.05 and abs(out[1].lon + 0.45) < 0.05
    out = geo.resolve_all(["St. Louis", "Missouri", "Hampton Avenue"], local_fallback=True)
    assert out[2].admin1 == "Missouri"


def test_unknown_name_with_nothing_else_in_the_story_stays_unresolved(geo):
    assert geo.resolve_all(["Qwertyzzz Street"], local_fallback=True) == [None]


# -- the event's own place, not another event's (sentences written for these tests) --------------------------

@pytest.mark.slow
def test_place_of_the_reason_is_not_the_place_of_the_summons(geo, nlp):
    text = ("KIGALI, March 3 (Reuters) - Uganda summoned Rwanda's envoy on Monday to protest against the "
            "detention of four Ugandan traders in Kigali.")
    p = _loc(geo, nlp, text, "summoned")
    assert p is not None and (p.country_code, p.precision) == ("UGA", "country")


@pytest.mark.slow
def test_home_act_of_a_foreign_party_is_in_its_country(geo, nlp):
    text = ("VIENNA, May 2 (Reuters) - Moldovan police detained a customs officer near the village of Zzyxq "
            "on Friday, officials said.")
    p = _loc(geo, nlp, text, "detained")
    assert p is not None and (p.country_code, p.precision) == ("MDA", "country")


@pytest.mark.slow
def test_possessor_of_a_noun_trigger_is_its_party(geo, nlp):
    text = ("ROME, June 4 (AFP) - Italy recalled its envoy in response to Tunisia's expulsion of two "
            "Italian diplomats earlier this week.")
    doc = nlp(text)
    places = geo.start_article(doc, None)
    trig = _trigger(doc, "expulsion")
    p = places.event_location(trig.sent, trig)
    assert p is not None and p.country_code == "TUN"


@pytest.mark.slow
def test_place_of_the_speech_is_not_the_place_of_the_reported_attack(geo, nlp):
    text = ("BUKAVU, Congo, April 9 (Reuters) - Rebels attacked the town of Kamituga on Tuesday, a government "
            "spokesman told a news conference in Kinshasa.")
    doc = nlp(text)
    places = geo.start_article(doc, None)
    trig = _trigger(doc, "attacked")
    ranked = [e.text for e in places.ranked_mentions(trig.sent, trig)]
    assert "Kinshasa" not in ranked
    p = places.event_location(trig.sent, trig)
    assert p is not None and p.country_code == "COD"


@pytest.mark.slow
def test_place_in_a_clause_describing_a_recipient(geo, nlp):
    text = ("CARACAS, Feb 1 (Reuters) - Venezuela demanded consular access to 12 Venezuelan workers arrested "
            "by immigration agents in a raid in Texas.")
    p = _loc(geo, nlp, text, "demanded")
    assert p is not None and p.country_code == "VEN"


@pytest.mark.slow
def test_place_describing_the_object_acted_on_is_kept(geo, nlp):
    text = "An air strike hit a school sheltering displaced families in the Kherson region on Sunday."
    p = _loc(geo, nlp, text, "hit")
    assert p is not None and p.country_code == "UKR"


@pytest.mark.slow
def test_nationality_of_the_ground_struck(geo, nlp):
    text = "WASHINGTON, July 2 (Reuters) - Talks stalled after Israel and the United States bombed Iranian nuclear sites."
    p = _loc(geo, nlp, text, "bombed")
    assert p is not None and (p.country_code, p.precision) == ("IRN", "country")


@pytest.mark.slow
def test_conjoined_party_of_a_party_preposition(geo, nlp):
    text = ("AMMAN, Jan 5 (Reuters) - The king called on Germany and Italy, which host many refugees, "
            "to increase aid.")
    p = _loc(geo, nlp, text, "called")
    assert p is not None and p.country_code == "JOR"


@pytest.mark.slow
def test_antecedent_of_the_triggers_relative_clause_is_a_party(geo, nlp):
    ranked = _ranked(geo, nlp, "A war could draw in Kenya, which signed a defence pact with Uganda in 2023.", "signed")
    assert "Kenya" not in ranked


@pytest.mark.slow
def test_talks_with_a_capital_name_a_party(geo, nlp):
    ranked = _ranked(geo, nlp, "Seoul has offered to resume military talks with Pyongyang.", "offered")
    assert "Pyongyang" not in ranked


@pytest.mark.slow
def test_flags_waved_by_protesters_do_not_make_the_party_foreign(geo, nlp):
    text = ("MINSK, Aug 9 (Reuters) - Police used tear gas in Minsk.\n\nProtesters, some waving European Union "
            "flags, hurled bottles at police lines, the ministry said.")
    p = _loc(geo, nlp, text, "hurled")
    assert p is not None and p.country_code == "BLR"


@pytest.mark.slow
def test_meeting_of_foreign_parties_is_at_the_dateline(geo, nlp):
    text = "GENEVA, Nov 6 (Reuters) - Armenian and Azerbaijani officials met for five hours on Thursday."
    p = _loc(geo, nlp, text, "met")
    assert p is not None and p.country_code == "CHE"


@pytest.mark.slow
def test_foreign_bureau_dateline_gives_way_to_the_story_country(geo, nlp):
    title = "Laos floods kill 12"
    text = (title + "\n\nHANOI, Sept 3 (AP) - Floods killed 12 people in Laos's Luang Prabang province on "
            "Tuesday.\n\nThe army evacuated hundreds of villagers, officials said.")
    doc = nlp(text)
    places = geo.start_article(doc, title)
    assert places.dateline_place.country_code == "VNM"
    trig = _trigger(doc, "evacuated")
    p = places.event_location(trig.sent, trig)
    assert p is not None and (p.country_code, p.precision) == ("LAO", "country")


@pytest.mark.slow
def test_division_word_beside_the_name(geo, nlp):
    p = _loc(geo, nlp, "Gunmen abducted 30 pupils from a school in Kaduna state on Friday.", "abducted")
    assert p is not None and (p.country_code, p.precision) == ("NGA", "admin1")
    p = _loc(geo, nlp, "Missiles hit power plants in the Kharkiv and Poltava regions overnight.", "hit")
    assert p is not None and (p.country_code, p.precision) == ("UKR", "admin1")
    p = _loc(geo, nlp, "Rebels freed eight soldiers in the northeastern province of Arauca on Tuesday.", "freed")
    assert p is not None and (p.country_code, p.precision) == ("COL", "admin1")


def test_bare_congo_is_the_democratic_republic(geo):
    assert geo.resolve("Congo").country_code == "COD"
    assert geo.resolve("Republic of Congo").country_code == "COG"
    assert geo.resolve_all(["Brazzaville", "Congo"])[1].country_code == "COG"


def _ranked(geo, nlp, text, trigger_word):
    doc = nlp(text)
    places = geo.start_article(doc, None)
    trig = _trigger(doc, trigger_word)
    return [e.text for e in places.ranked_mentions(trig.sent, trig)]
