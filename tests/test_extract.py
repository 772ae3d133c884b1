"""Event extraction: triggers, roles, modality and PLOVER re-typing, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract import Mention, find_events

pytestmark = pytest.mark.slow




@pytest.fixture(scope="module")
def events(nlp):
    def run(text: str) -> list[Mention]:
        return find_events(nlp(text))
    return run


def texts(spans) -> list[str]:
    return [s.text for s in spans]


def one(ms: list[Mention], event: str, modality: str | None = "asserted") -> Mention:
    found = [m for m in ms if m.event == event and (modality is None or m.modality == modality)]
    assert found, f"no {modality} {event} in {[(m.event, m.modality, m.trigger.text) for m in ms]}"
    return found[0]


def asserted(ms: list[Mention], event: str) -> list[Mention]:
    return [m for m in ms if m.event == event and m.modality == "asserted"]


# ------------------------------------------------------------------ the touchstone example

def test_touchstone_meeting(events):
    ms = events("Israel's defence minister met Azerbaijan's president in Baku on Thursday.")
    m = one(ms, "CONSULT")
    assert texts(m.actors) == ["Israel's defence minister"]
    assert texts(m.recipients) == ["Azerbaijan's president"]
    assert m.reciprocal
    assert m.trigger.text == "met"


def test_touchstone_foiled_plot_is_an_arrest_not_an_attack(events):
    ms = events("Azerbaijan's State Security Service arrested an Afghan man over a foiled, "
                "Iran-inspired plot against Israel's embassy.")
    m = one(ms, "COERCE")
    assert m.mode == "arrest" and m.cameo == "173"
    assert texts(m.actors) == ["Azerbaijan's State Security Service"]
    assert texts(m.recipients) == ["an Afghan man"]
    assert not asserted(ms, "ASSAULT")


# ------------------------------------------------------------------ triggers and roles

def test_passive_with_agent(events):
    m = one(events("Six soldiers were killed by militants near the border."), "ASSAULT")
    assert texts(m.actors) == ["militants"]
    assert texts(m.recipients) == ["Six soldiers"]


def test_nominal_event_with_of_and_by(events):
    m = one(events("The arrest of two journalists by police angered the opposition."), "COERCE")
    assert texts(m.actors) == ["police"]
    assert texts(m.recipients) == ["two journalists"]
    assert m.mode == "arrest"


def test_possessive_nominal_event(events):
    m = one(events("Turkey's detention of the activist drew criticism."), "COERCE")
    assert texts(m.actors) == ["Turkey"]
    assert texts(m.recipients) == ["the activist"]


def test_light_verb_talks_with_coordinated_actors(events):
    m = one(events("The US and France held talks with Iran on Monday."), "CONSULT")
    assert texts(m.actors) == ["The US", "France"]
    assert texts(m.recipients) == ["Iran"]
    assert m.reciprocal and m.trigger.text == "talks"


def test_light_verb_airstrikes(events):
    m = one(events("Russia launched airstrikes on Kharkiv overnight."), "ASSAULT")
    assert texts(m.actors) == ["Russia"]
    assert texts(m.recipients) == ["Kharkiv"]
    assert m.mode == "aerial"


def test_carried_out_strikes_on(events):
    m = one(events("Israeli jets carried out strikes on Hezbollah positions."), "ASSAULT")
    assert texts(m.actors) == ["Israeli jets"]
    assert m.recipients and "Hezbollah" in m.recipients[0].text


def test_phrasal_verb_crack_down_on(events):
    m = one(events("The government cracked down on the opposition."), "COERCE")
    assert texts(m.actors) == ["The government"]
    assert texts(m.recipients) == ["the opposition"]


def test_phrasal_call_on_is_request(events):
    ms = events("The United Nations called on Ethiopia to allow aid into Tigray.")
    m = one(ms, "REQUEST")
    assert texts(m.actors) == ["The United Nations"]
    assert texts(m.recipients) == ["Ethiopia"]
    assert m.mode is not None


def test_lodged_a_protest_is_accuse_not_protest(events):
    ms = events("Beijing lodged a protest with Tokyo.")
    m = one(ms, "ACCUSE")
    assert texts(m.recipients) == ["Tokyo"]
    assert not asserted(ms, "PROTEST")


def test_reported_speech_codes_the_reported_event(events):
    ms = events("The ministry said rebels attacked a police station in the north.")
    m = one(ms, "ASSAULT")
    assert texts(m.actors) == ["rebels"]
    # the station's owner (police) is the attacked party when the place itself is not an actor
    assert texts(m.recipients) in (["a police station"], ["police"], [])
    assert len(ms) == 1                      # "said" is not an event by itself


def test_accusation_is_the_speakers_event(events):
    ms = events("Hamas accused Israel of shelling a school in Gaza.")
    m = one(ms, "ACCUSE")
    assert texts(m.actors) == ["Hamas"] and texts(m.recipients) == ["Israel"]
    assert not asserted(ms, "ASSAULT")        # the alleged act is not asserted by the sentence


def test_reciprocal_meeting_all_parties_are_actors(events):
    m = one(events("The leaders of Armenia and Azerbaijan met in Brussels."), "CONSULT")
    assert m.reciprocal


def test_coordinated_subject_meeting(events):
    m = one(events("Putin and Erdogan met in Sochi on Friday."), "CONSULT")
    assert texts(m.actors) == ["Putin", "Erdogan"]
    assert m.reciprocal


def test_visit_is_consult_visit_with_host_as_recipient(events):
    m = one(events("The Chinese foreign minister visited Pakistan last week."), "CONSULT")
    assert m.mode == "visit"
    assert texts(m.actors) == ["The Chinese foreign minister"]
    assert texts(m.recipients) == ["Pakistan"]


def test_clashes_between_are_reciprocal_assault(events):
    m = one(events("Clashes between police and protesters erupted in the capital."), "ASSAULT")
    assert texts(m.actors) == ["police", "protesters"]
    assert m.reciprocal


def test_protest_against(events):
    m = one(events("Thousands protested in Tbilisi against the government."), "PROTEST")
    assert texts(m.actors) == ["Thousands"]
    assert texts(m.recipients) == ["the government"]
    assert m.mode == "demo"


def test_expelling_diplomats_is_sanction_expel_and_deporting_is_coerce(events):
    m = one(events("Poland expelled three Russian diplomats."), "SANCTION")
    assert m.mode == "expel"
    m = one(events("Authorities deported the migrants to Libya."), "COERCE")
    assert m.mode == "deport"


def test_event_noun_subject_gives_actor_and_is_merged(events):
    ms = events("Israeli air strikes on Gaza killed ten people.")
    (m,) = [x for x in ms if x.event == "ASSAULT"]
    assert texts(m.actors) == ["Israeli"]
    assert texts(m.recipients) == ["Gaza", "ten people"]
    assert m.mode == "aerial"


def test_hyphenated_ceasefire(events):
    m = one(events("The rebels declared a cease-fire with the government."), "CONCEDE")
    assert texts(m.recipients) == ["the government"]


def test_demand_that_addresses_the_clause_subject(events):
    m = one(events("Opposition groups demanded that the president resign."), "REQUEST")
    assert texts(m.actors) == ["Opposition groups"]
    assert texts(m.recipients) == ["the president"]
    assert m.mode == "yield"


def test_dateline_is_not_a_role_and_when_clause_merges(events):
    ms = events("PESHAWAR, Pakistan, Nov 11 — Six soldiers were killed when militants attacked a checkpoint.")
    (m,) = [x for x in ms if x.event == "ASSAULT"]
    assert texts(m.actors) == ["militants"]
    assert texts(m.recipients)[0] == "Six soldiers"
    assert all("PESHAWAR" not in s.text for s in m.actors + m.recipients)


def test_phone_call(events):
    m = one(events("Erdogan spoke by phone with Zelenskiy on Monday."), "CONSULT")
    assert m.mode == "phone" and m.reciprocal
    assert texts(m.actors) == ["Erdogan"] and texts(m.recipients) == ["Zelenskiy"]


def test_compound_event_word_is_not_a_trigger(events):
    assert not asserted(events("Riot police stood outside parliament."), "PROTEST")


# ------------------------------------------------------------------ modality

def test_future_meeting_is_agree(events):
    ms = events("The two presidents will meet in Geneva next week.")
    m = one(ms, "AGREE")
    assert m.reciprocal
    assert not asserted(ms, "CONSULT")


def test_due_to_visit_is_agree(events):
    ms = events("The French president is due to visit Algeria next month.")
    m = one(ms, "AGREE")
    assert texts(m.actors) == ["The French president"]
    assert not asserted(ms, "CONSULT")


def test_plans_to_is_future(events):
    ms = events("Japan plans to send aid to Turkey.")
    assert one(ms, "AGREE")
    assert not asserted(ms, "AID")


def test_pledged_aid_is_agree(events):
    ms = events("Germany pledged aid to Ukraine.")
    m = one(ms, "AGREE")
    assert texts(m.actors) == ["Germany"]
    assert texts(m.recipients) == ["Ukraine"]
    assert not asserted(ms, "AID")


def test_conditional_is_hypothetical(events):
    ms = events("If troops cross the border, Moscow could strike Kyiv.")
    m = one(ms, "ASSAULT", modality=None)
    assert m.modality == "hypothetical"
    assert not asserted(ms, "ASSAULT")


def test_negation(events):
    ms = events("Police did not arrest the protesters.")
    assert one(ms, "COERCE", modality=None).modality == "negated"
    assert not asserted(ms, "COERCE")


def test_no_talks_scheduled_is_not_a_consult(events):
    assert not asserted(events("No talks have been scheduled with the rebels."), "CONSULT")


def test_denial_negates_the_underlying_event(events):
    ms = events("The army denied attacking the village.")
    assert one(ms, "ASSAULT", modality=None).modality == "negated"
    assert not asserted(ms, "ASSAULT")


def test_refused_to_is_reject_and_embedded_event_negated(events):
    ms = events("The president refused to meet the opposition leaders.")
    m = one(ms, "REJECT")
    assert m.mode == "meet"
    assert texts(m.actors) == ["The president"]
    assert not asserted(ms, "CONSULT")


def test_stopped_short_of(events):
    ms = events("Washington stopped short of imposing sanctions on Ankara.")
    assert not asserted(ms, "SANCTION")


def test_thwarted_plot_is_not_an_assault(events):
    ms = events("Police thwarted a plot to bomb the embassy.")
    assert not asserted(ms, "ASSAULT")


def test_arrested_before_they_could_attack(events):
    ms = events("Militants were arrested before they could attack the base.")
    assert one(ms, "COERCE").mode == "arrest"
    assert not asserted(ms, "ASSAULT")


def test_headline_infinitive_is_future(events):
    ms = events("Xi to visit Brazil for talks with Lula next month")
    assert one(ms, "AGREE")
    assert not asserted(ms, "CONSULT")
    assert not asserted(events("German police foil plot to attack Christmas market"), "ASSAULT")


def test_purpose_of_an_arrest_is_not_an_attack(events):
    ms = events("The service said it had arrested a man over a plot to attack the embassy in Baku.")
    assert one(ms, "COERCE").mode == "arrest"
    assert not asserted(ms, "ASSAULT")


def test_attempted_is_not_asserted(events):
    assert not asserted(events("Gunmen attempted to kill the mayor."), "ASSAULT")


def test_reported_would_is_future_threat(events):
    ms = events("Iran said it would impose sanctions on Canada.")
    m = one(ms, "THREATEN")
    assert m.mode == "restrict"
    assert not asserted(ms, "SANCTION")


def test_future_withdrawal_is_concede(events):
    ms = events("Turkey will withdraw its troops from Syria.")
    assert one(ms, "CONCEDE")
    assert not asserted(ms, "RETREAT")


# ------------------------------------------------------------------ re-typing rules

def test_threat_takes_the_threatened_act_as_mode(events):
    ms = events("North Korea threatened to attack the United States.")
    m = one(ms, "THREATEN")
    assert m.mode == "violence"
    assert texts(m.actors) == ["North Korea"]
    assert texts(m.recipients) == ["the United States"]
    assert not asserted(ms, "ASSAULT")


def test_threat_of_arrest(events):
    m = one(events("Police threatened to arrest the strikers."), "THREATEN")
    assert m.mode == "arrest"


def test_summoning_an_ambassador_is_accuse(events):
    ms = events("China summoned the Japanese ambassador on Tuesday.")
    m = one(ms, "ACCUSE")
    assert texts(m.recipients) == ["the Japanese ambassador"]
    assert not asserted(ms, "CONSULT")


def test_cancelled_meeting_is_reject_meet(events):
    ms = events("Germany cancelled a meeting with Turkey's foreign minister.")
    m = one(ms, "REJECT")
    assert m.mode == "meet"
    assert texts(m.recipients) == ["Turkey's foreign minister"]
    assert not asserted(ms, "CONSULT")


def test_postponed_talks_are_reject(events):
    assert one(events("Moscow postponed the talks with Tokyo."), "REJECT").mode == "meet"


def test_agreeing_to_withdraw_is_agree_and_the_withdrawal_is_future(events):
    ms = events("The rebels agreed to withdraw from the city.")
    assert texts(one(ms, "AGREE").actors) == ["The rebels"]
    assert one(ms, "RETREAT", modality=None).modality == "future"
    assert not asserted(ms, "RETREAT")


def test_accepting_demands_is_concede(events):
    m = one(events("The government accepted the demands of the strikers."), "CONCEDE")
    assert texts(m.actors) == ["The government"]


def test_not_accept_is_reject(events):
    assert one(events("Syria will not accept the proposal."), "REJECT")


def test_must_under_speech_is_request(events):
    m = one(events("The president said Iran must release the sailors."), "REQUEST")
    assert texts(m.actors) == ["The president"]
    assert texts(m.recipients) == ["Iran"]


def test_condemning_an_attack_targets_its_doer(events):
    m = one(events("France condemned the attack by Houthi rebels on the tanker."), "ACCUSE")
    assert texts(m.actors) == ["France"]
    assert texts(m.recipients) == ["Houthi rebels"]


# ------------------------------------------------------------------ output shape

def test_spans_are_noun_phrases_in_the_sentence(events):
    for m in events("Iraqi forces arrested five suspects and seized weapons in Mosul."):
        for span in m.actors + m.recipients:
            assert span.sent == m.sent
            assert span.root.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
        assert 0.0 <= m.confidence <= 1.0


def test_no_events_in_plain_sentence(events):
    assert events("The weather was mild in Paris on Sunday.") == []


# ------------------------------------------------------------------ accuracy round 2 (recipients, offers, ultimatums)

def test_ordering_an_arrest_is_the_arrest(events):
    ms = events("A judge in Lima ordered the arrest of the former mayor on Tuesday.")
    m = one(ms, "COERCE")
    assert m.mode == "arrest"
    assert texts(m.actors) == ["A judge"]
    assert texts(m.recipients) == ["the former mayor"]
    assert not asserted(ms, "REQUEST")


def test_ceasefire_violation_is_assault_not_reject(events):
    ms = events("Armenian forces violated the truce twice overnight.")
    assert one(ms, "ASSAULT").cameo == "196"
    assert not asserted(ms, "REJECT")


def test_dispatching_troops_is_mobilize(events):
    m = one(events("Kenya dispatched troops to the northern border."), "MOBILIZE")
    assert texts(m.actors) == ["Kenya"]


def test_mission_purpose_is_under_way_when_sent(events):
    ms = events("The agency sent a team to Ohio to investigate the derailment.")
    m = one(ms, "ACCUSE")
    assert m.mode == "investigate"
    assert texts(m.actors) == ["The agency"]


def test_conflict_purpose_of_a_deployment_stays_an_intention(events):
    ms = events("The army deployed troops to the valley to attack the rebels.")
    assert one(ms, "MOBILIZE")
    assert not asserted(ms, "ASSAULT")


def test_willing_to_withdraw_is_an_offer(events):
    ms = events("Serbia says it is willing to withdraw its police from the disputed villages.")
    assert one(ms, "AGREE")
    assert not asserted(ms, "RETREAT") and not asserted(ms, "CONCEDE")


def test_future_act_unless_is_an_ultimatum(events):
    ms = events("Ghana said it will pull its peacekeepers out of Mali unless the junta holds elections.")
    m = one(ms, "THREATEN")
    assert texts(m.actors) == ["it"]
    m = one(events("The opposition said it will boycott the election unless the president steps down."),
            "THREATEN")
    assert texts(m.recipients) == ["the president"]
    assert not asserted(ms, "CONCEDE") and not asserted(ms, "RETREAT")


def test_would_not_provide_is_a_refusal(events):
    m = one(events("The chancellor said Germany would not provide weapons to the rebels."), "REJECT")
    assert m.mode == "assist"


def test_wanting_someone_to_attack_is_not_an_attack(events):
    ms = events("The senator wants Kenya to attack the militants.")
    assert not asserted(ms, "ASSAULT")


def test_receiving_weapons_is_no_visit(events):
    ms = events("Rebel fighters received weapons from the Sudanese army.")
    assert not asserted(ms, "CONSULT")


def test_recipient_from_owner_of_a_prepositional_object(events):
    m = one(events("The military lifted a ban on UNICEF operations in the northeast."), "CONCEDE")
    assert texts(m.recipients) == ["UNICEF"]


def test_passive_conjunct_keeps_shared_subject_as_patient(events):
    m = one(events("Nine Filipino sailors, held hostage in Yemen for more than 200 days, have been freed by "
                   "Houthi forces."), "RETREAT")
    assert texts(m.actors) == ["Houthi forces"]
    assert texts(m.recipients) == ["Nine Filipino sailors"]


def test_mediation_effort_between_parties(events):
    m = one(events("Oman launched a mediation effort between Iran and the United States."), "CONSULT")
    assert m.mode == "third-party"
    assert texts(m.recipients) == ["Iran", "the United States"]


def test_warm_welcome_is_hosting(events):
    m = one(events("The king gave a warm welcome to the visiting Chilean president."), "CONSULT")
    assert m.mode == "visit"
    assert texts(m.actors) == ["The king"]


def test_executed_invasion_is_asserted_despite_long_threatened(events):
    ms = events("Turkey today mounted its long-threatened offensive against Kurdish militias.")
    m = one(ms, "ASSAULT")
    assert texts(m.recipients) == ["Kurdish militias"]
    assert not asserted(ms, "THREATEN")


def test_sit_in_and_cyber_warfare_nouns(events):
    assert one(events("Nurses staged a sit-in outside the health ministry."), "PROTEST")
    assert one(events("Hackers launched cyber warfare against Estonian banks."), "COERCE").mode == "cyber"
    assert events("The chemical warfare convention entered into force.") == [] or not asserted(
        events("The chemical warfare convention entered into force."), "COERCE")


def test_missile_launch_without_target_is_no_attack(events):
    assert not asserted(events("North Korea launched a ballistic missile on Tuesday."), "ASSAULT")
    m = one(events("Militants launched rockets into southern Israel."), "ASSAULT")
    assert texts(m.actors) == ["Militants"]


def test_disasters_and_accidents_are_not_assaults(events):
    assert not asserted(events("Two police officers were killed in a traffic accident near Kano."), "ASSAULT")
    assert not asserted(events("Cyclone Idai destroyed thousands of homes in Beira."), "ASSAULT")
    assert one(events("Gunmen killed two police officers near Kano."), "ASSAULT")


def test_attack_in_relative_clause_is_merged_into_the_killing(events):
    ms = events("Four guards were killed by gunmen who stormed a border post in the province.")
    assert len(asserted(ms, "ASSAULT")) == 1
    m = one(ms, "ASSAULT")
    assert texts(m.actors) == ["gunmen"]


def test_event_noun_subject_of_conditional_is_not_asserted(events):
    ms = events("Pyongyang threatened to retaliate if joint exercises with Japan went ahead.")
    assert not asserted(ms, "COOPERATE")
    assert one(ms, "THREATEN")


def test_background_accused_participle_is_no_accusation(events):
    ms = events("The bank froze the accounts of five firms accused of financing the militia.")
    assert not asserted(ms, "ACCUSE")


def test_passive_injury_without_agent_is_no_assault(events):
    ms = events("Police detained 30 people and nine officers were injured.")
    assert one(ms, "COERCE")
    assert not asserted(ms, "ASSAULT")


def test_sign_up_is_no_signing(events):
    assert not asserted(events("Sign up for our weekly newsletter."), "SUPPORT")
    m = one(events("Kenya and Ethiopia signed a security pact on Monday."), "SUPPORT")
    assert texts(m.actors) == ["Kenya", "Ethiopia"]


def test_killed_in_an_attack_takes_the_attackers(events):
    ms = events("Two Kenyan policemen were killed in an attack on a patrol by Shabaab fighters.")
    m = one(ms, "ASSAULT")
    assert texts(m.actors) == ["Shabaab fighters"]
    assert "Two Kenyan policemen" in texts(m.recipients)
    assert len(asserted(ms, "ASSAULT")) == 1


def test_seized_from_names_the_recipient(events):
    m = one(events("Iraqi police confiscated rifles and explosives from Sunni tribal militias."), "COERCE")
    assert texts(m.recipients) == ["Sunni tribal militias"]


def test_up_to_number_is_the_object(events):
    m = one(events("Gunmen have abducted up to 12 Chinese engineers in the Niger Delta."), "ASSAULT")
    assert texts(m.recipients)[0].endswith("12 Chinese engineers")


def test_expelling_inspectors_is_sanction_but_deporting_migrants_is_coerce(events):
    assert one(events("Iran expelled inspectors of the atomic energy agency."), "SANCTION").mode == "expel"
    assert one(events("Algeria expelled hundreds of migrants to Niger."), "COERCE").mode == "deport"


def test_throwing_stones_at_police_is_assault(events):
    m = one(events("Youths threw stones at riot police in Nablus."), "ASSAULT")
    assert m.mode == "primitive"
    assert texts(m.actors) == ["Youths"]


def test_ability_to_act_is_not_the_act(events):
    ms = events("The governor lacked the authority to release the detainees.")
    assert not asserted(ms, "RETREAT")


def test_placed_under_arrest(events):
    m = one(events("Police placed the opposition leader under house arrest on Monday."), "COERCE")
    assert m.mode == "arrest"
    assert texts(m.actors) == ["Police"]
    assert texts(m.recipients) == ["the opposition leader"]
    m = one(events("The former mayor was placed under arrest by anti-graft police."), "COERCE")
    assert texts(m.actors) == ["anti-graft police"]
    assert texts(m.recipients) == ["The former mayor"]


def test_offer_after_a_call_is_made_to_the_partner(events):
    ms = events("The Qatari emir spoke by phone with the Sudanese army chief on Monday and offered to host "
                "new talks.")
    m = one(ms, "AGREE")
    assert texts(m.recipients) == ["the Sudanese army chief"]


def test_measures_are_not_actors(events):
    ms = events("The new rules freeze the assets of those listed and bar them from entering the country.")
    assert not asserted(ms, "REJECT")


def test_cameo_codes_separate_appeals_from_demands(events):
    assert one(events("The minister urged Serbia to release the detained journalists."), "REQUEST").cameo == "020"
    assert one(events("Protesters demanded that the governor resign."), "REQUEST").cameo.startswith("10")
    assert one(events("The army imposed a curfew on the town."), "COERCE").cameo == "1723"


def test_unless_does_not_turn_a_planned_visit_into_a_threat(events):
    ms = events("The minister will visit Nairobi next week unless the strike continues.")
    assert not asserted(ms, "THREATEN")


def test_possessive_pronoun_of_light_verb_noun_yields_to_the_subject(events):
    m = one(events("Kurdish fighters launched their offensive against Islamic State positions."), "ASSAULT")
    assert texts(m.actors) == ["Kurdish fighters"]


# ------------------------------------------------------------------ ngec round: concessions, retreats, threats

def test_agreeing_to_lift_a_curfew_is_a_concession_beside_the_agreement(events):
    ms = events("The authorities agreed to lift the curfew in the capital.")
    assert one(ms, "AGREE")
    assert one(ms, "CONCEDE")


def test_agreeing_not_to_lift_is_no_concession(events):
    ms = events("The authorities agreed not to lift the curfew.")
    assert not asserted(ms, "CONCEDE")


def test_agreeing_to_concessions_is_concede(events):
    assert one(events("The government agreed to concessions to the opposition."), "CONCEDE")


def test_lifting_of_restrictions_is_concede_but_removal_of_a_president_is_not(events):
    assert one(events("The government announced the lifting of the curfew on Monday."), "CONCEDE", modality=None)
    assert not asserted(events("Protesters demanded the removal of the president."), "CONCEDE")


def test_standing_down_is_a_resignation(events):
    m = one(events("The prime minister stood down on Tuesday."), "RETREAT")
    assert m.mode == "resign"


def test_withdrawing_from_a_treaty_is_sanction_withdraw(events):
    m = one(events("Russia withdrew from the arms control treaty."), "SANCTION")
    assert m.mode == "withdraw"
    assert not asserted(events("Russia withdrew from the arms control treaty."), "RETREAT")
    assert one(events("Russia withdrew its troops from the town."), "RETREAT").mode == "withdraw"


def test_withdrawing_a_complaint_is_concede(events):
    assert one(events("Brazil withdrew its complaint against Argentina at the WTO."), "CONCEDE")


def test_considering_sanctions_is_a_threat_not_sanctions(events):
    ms = events("The European Union is considering imposing new sanctions on Belarus.")
    assert one(ms, "THREATEN")
    assert not asserted(ms, "SANCTION")
    assert not asserted(events("The possibility of sanctions on Belarus was raised by diplomats."), "SANCTION")


def test_protests_that_erupted_are_asserted_without_a_named_actor(events):
    ms = events("Violent protests erupted in the capital on Friday.")
    assert one(ms, "PROTEST")
    assert not asserted(events("Leaders hope to avoid protests next week."), "PROTEST")


def test_committee_set_up_to_investigate_is_an_investigation(events):
    m = one(events("Parliament set up a committee to investigate the killings."), "ACCUSE")
    assert m.mode == "investigate"


def test_implementing_a_ceasefire_is_retreat(events):
    assert one(events("Both sides implemented the ceasefire on Monday."), "RETREAT").mode == "ceasefire"
