"""The event coder on sentences of our own, parsed by the pinned model: one test per construction."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import Event

pytestmark = pytest.mark.model

PUBLISHED = "2021-08-09"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def code(pipeline: Pipeline, text: str, published: str = PUBLISHED) -> list[Event]:
    return pipeline.extract(text, published=published).events


def one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def names(actors: list) -> set[str]:  # type: ignore[type-arg]
    return {a.name for a in actors}


def test_events_verbal_trigger_with_actor_and_recipient(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Rebel fighters attacked an army base near Herat on Tuesday."), "ASSAULT")
    assert event.trigger.text == "attacked"
    assert event.actor and event.actor[0].sector == "REB"
    assert event.cameo == "190" and event.quad_class == 4


def test_events_nominal_trigger_names_its_actor_and_target(pipeline: Pipeline) -> None:
    events = code(pipeline, "Markets fell after the Taliban capture of Kandahar on Friday.")
    event = one(events, "ASSAULT")
    assert event.trigger.text == "capture"
    assert names(event.actor) == {"Taliban"} and event.actor[0].country == "AFG"
    assert names(event.recipient) == {"Kandahar"}


def test_events_light_verb_with_event_noun_is_one_event(pipeline: Pipeline) -> None:
    events = code(pipeline, "The Qatari emir and the Pakistani prime minister had a telephone conversation on Monday.")
    event = one(events, "CONSULT")
    assert event.mode == "phone" and event.cameo == "041"
    assert event.trigger.text == "had a telephone conversation"
    assert len(event.actor) == 2  # a reciprocal call lists both sides as actors
    assert len(events) == 1


def test_events_hyphenated_pair_of_parties_are_both_actors(pipeline: Pipeline) -> None:
    events = code(pipeline, "Qatar hosted the signing of the US-Taliban agreement of February 2020 in Doha.")
    agreement = one(events, "SUPPORT")  # concluding an agreement is SUPPORT (CAMEO 057)
    assert {a.country for a in agreement.actor} == {"USA", "AFG"}


def test_events_passive_with_agent_takes_the_agent_as_actor(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "The convoy was attacked by insurgents outside Kunduz."), "ASSAULT")
    assert event.actor and event.actor[0].sector == "REB"
    assert "convoy" not in names(event.actor)


def test_events_passive_without_agent_keeps_the_patient_as_recipient(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Two Afghan journalists were arrested in Kabul on Sunday."), "COERCE")
    assert event.actor == []
    assert event.recipient and event.recipient[0].country == "AFG"


def test_events_relative_clause_passive_makes_the_head_the_recipient(pipeline: Pipeline) -> None:
    events = code(pipeline, "The Pakistani envoy, who was denied a seat at the talks, held a news conference.")
    event = one(events, "REJECT")
    assert event.recipient and event.recipient[0].country == "PAK"


def test_events_coordinated_verbs_share_their_subject(pipeline: Pipeline) -> None:
    events = code(pipeline, "The British embassy condemned the killings and called for an inquiry.")
    accuse, request = one(events, "ACCUSE"), one(events, "REQUEST")
    assert accuse.actor and request.actor
    assert accuse.actor[0].country == request.actor[0].country == "GBR"


def test_events_coordinated_actors_are_one_event(pipeline: Pipeline) -> None:
    events = code(pipeline, "India and Pakistan signed a water treaty in Karachi.")
    event = one(events, "SUPPORT")
    assert {a.country for a in event.actor} == {"IND", "PAK"}


def test_events_control_chain_codes_the_complement_with_the_outer_subject(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Government troops moved to retake the district on Saturday."), "ASSAULT")
    assert event.trigger.text == "retake"
    assert event.actor and event.actor[0].sector == "MIL"


def test_events_call_on_x_to_do_y_is_a_request_to_x(pipeline: Pipeline) -> None:
    events = code(pipeline, "The UN envoy called on the warring parties to agree to a ceasefire.")
    request = one(events, "REQUEST")
    assert request.trigger.text.startswith("called")
    assert request.recipient, "the parties asked"
    requested = [e for e in events if e.modality == "requested"]
    assert requested and requested[0].type == "AGREE"


def test_events_statement_condemning_is_an_accusation_by_the_issuer(pipeline: Pipeline) -> None:
    events = code(pipeline, "The French embassy issued a statement condemning the attack on the hospital.")
    event = one(events, "ACCUSE")
    assert event.actor and event.actor[0].country == "FRA"


@pytest.mark.parametrize(("sentence", "etype"), [
    ("The aid agencies called for a ceasefire in the north.", "REQUEST"),
    ("Germany condemned the bombing of the market.", "ACCUSE"),
    ("The minister warned the rebels of a harsh response if they attacked the capital.", "THREATEN"),
    ("The rebels pledged to release all prisoners.", "AGREE"),
    ("Norway welcomed the agreement between the two sides.", "SUPPORT"),
    ("The president praised the mediators.", "SUPPORT"),
])
def test_events_speech_acts_that_are_events(pipeline: Pipeline, sentence: str, etype: str) -> None:
    assert etype in {e.type for e in code(pipeline, sentence)}


def test_events_a_warning_without_target_or_condition_is_no_threat(pipeline: Pipeline) -> None:
    events = code(pipeline, "Analysts warned that prices would rise sharply next year.")
    assert "THREATEN" not in {e.type for e in events}


def test_events_announced_future_withdrawal_is_concede_and_withdrawal_is_retreat(pipeline: Pipeline) -> None:
    future = code(pipeline, "Canada will withdraw its troops from Mali by the end of the year.")
    assert one(future, "CONCEDE").modality == "future"
    done = code(pipeline, "Canada withdrew its troops from Mali on Monday.")
    assert one(done, "RETREAT").modality == "asserted"


def test_events_announced_intent_to_cooperate_is_agree_and_to_fight_is_threaten(pipeline: Pipeline) -> None:
    assert "AGREE" in {e.type for e in code(pipeline, "Japan will provide emergency food aid to the refugees.")}
    assert "THREATEN" in {e.type for e in code(pipeline, "The farmers said they would blockade the port.")}


def test_events_must_under_a_reporting_verb_is_a_demand(pipeline: Pipeline) -> None:
    events = code(pipeline, "Britain said that Iran must release the detained sailors.")
    request = one(events, "REQUEST")
    assert request.actor and request.actor[0].country == "GBR"


@pytest.mark.parametrize(("sentence", "modality"), [
    ("The army did not attack the village.", "negated"),
    ("The rebels could attack the capital.", "hypothetical"),
    ("The army will attack the town next week.", "future"),
    ("The army attacked the town in 2015, the report said.", "historical"),
    ("The army attacked the town on Sunday.", "asserted"),
])
def test_events_modality(pipeline: Pipeline, sentence: str, modality: str) -> None:
    events = [e for e in code(pipeline, sentence) if e.type in ("ASSAULT", "THREATEN")]
    assert events and events[0].modality == modality


def test_events_attribution_names_the_reporting_source(pipeline: Pipeline) -> None:
    events = code(pipeline, "A senior Pakistani official said that the army had arrested three suspects.")
    event = one(events, "COERCE")
    assert event.attribution is not None and "official said" in event.attribution.text
    assert event.attribution.source is not None and event.attribution.source.country == "PAK"


def test_events_according_to_is_an_attribution(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Rebels shelled the airport, according to local police."), "ASSAULT")
    assert event.attribution is not None and event.attribution.text.startswith("according to")


def test_events_statements_that_report_no_act_are_not_coded(pipeline: Pipeline) -> None:
    assert code(pipeline, "The country was at a dangerous turning point, the envoy said.") == []
    assert code(pipeline, "The weather in Kabul was hot and dry this week.") == []


def test_events_one_action_described_twice_in_a_sentence_is_one_event(pipeline: Pipeline) -> None:
    events = code(pipeline, "The militants launched an attack on the checkpoint.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_events_never_come_from_page_furniture(pipeline: Pipeline) -> None:
    text = ("Rebels attack army post\n\nBy: Sample Desk\nPublished: 2021-08-09 10:00\n\n"
            "Read More: Troops attack rebel camp near the border\n\n"
            "Officials met in Doha on Monday to discuss the crisis, a mediator said.\n")
    record = pipeline.extract(text)
    assert {e.type for e in record.events} == {"CONSULT"}
    # The masking, not only the final filter: the coder itself never saw the furniture.
    (doc,) = list(pipeline.docs([record.article]))
    assert doc._.events and not any(record.article.in_boilerplate(e.trigger.start, e.trigger.end)
                                    for e in doc._.events)


def test_events_have_ids_offsets_and_codes_per_the_contract(pipeline: Pipeline) -> None:
    record = pipeline.extract("Police arrested two protesters in Lahore on Friday.", published=PUBLISHED)
    (event,) = record.events
    text = record.article.text
    assert event.id == f"{record.article.id}-1"
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text
    assert text[event.sentence.start:event.sentence.end] == event.sentence.text
    assert isinstance(event.cameo, str) and event.quad_class in (1, 2, 3, 4)
    assert 0.0 < event.confidence <= 1.0


@pytest.mark.parametrize("sentence", [
    "It is the only safe place left in the province.",
    "Many people were left behind at the gate.",
    "People are asking what happens after the last plane leaves.",
    "Families were calling relatives across the country for news.",
    "Amina Rahimi, a coordinator with the Valley Aid Collective, visited the camp.",
])
def test_events_look_alikes_are_not_coded_as_their_lemma(pipeline: Pipeline, sentence: str) -> None:
    types = {e.type for e in code(pipeline, sentence)}
    assert not types & {"RETREAT", "REQUEST", "AID"}, types


@pytest.mark.xfail(reason="the small model hangs the gerund on the main verb here, so its coordination with the "
                          "event noun is not in the parse (the rule itself is tested on a hand-built Doc)", strict=True)
def test_events_act_coordinated_with_an_event_noun_shares_its_actor(pipeline: Pipeline) -> None:
    events = code(pipeline, "Officials kept their plans despite the rebel capture on Sunday of Hodeidah, a busy port, "
                            "and then breaking through in two other towns, the paper reported.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 2 and all(e.actor and e.actor[0].sector == "REB" for e in assaults)


def test_events_recipient_is_the_owner_of_what_is_acted_on(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Nepal rejected India's proposal for joint border patrols."), "REJECT")
    assert [a.country for a in event.recipient] == ["IND"]


def test_events_recipient_of_a_demand_is_the_subject_of_what_is_demanded(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Norway demanded that Iran release the detained aid workers."), "REQUEST")
    assert [a.country for a in event.recipient] == ["IRN"]
    threat = one(code(pipeline, "Armenia threatened to cut ties with Turkey over the blockade."), "THREATEN")
    assert "TUR" in {a.country for a in threat.recipient}


def test_events_a_stage_that_fails_costs_its_article_not_the_batch(pipeline: Pipeline,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.errors import InputError
    from eventwire.extractors.events import EventCoder
    from eventwire.ingest.text import read_text

    original = EventCoder.events

    def flaky(self: EventCoder, doc):  # type: ignore[no-untyped-def]
        if "explode" in doc.text:
            raise RuntimeError("stage bug")
        return original(self, doc)

    monkeypatch.setattr(EventCoder, "events", flaky)
    articles = [read_text("Police arrested two men in Lahore.", "ok-1.txt"),
                read_text("This one will explode in the coder.", "bad.txt"),
                read_text("Rebels attacked a base near Herat.", "ok-2.txt")]
    results = list(pipeline.records(articles))
    assert [type(r).__name__ for r in results] == ["ArticleRecord", "InputError", "ArticleRecord"]
    failure = results[1]
    assert isinstance(failure, InputError) and failure.code == "E112"
    assert "bad.txt" in failure.message and "eventwire_events" in failure.message


def test_events_article_actors_leave_out_title_words_and_documents(pipeline: Pipeline) -> None:
    record = pipeline.extract("Chief of Army Staff General Adil Varan and the Secretary of State met in Doha on "
                              "Monday, according to a statement issued by the defence ministry.",
                              published=PUBLISHED)
    names_found = {a.name for a in record.actors}
    assert "Army" not in names_found and "State" not in names_found
    assert not any(n.lower().endswith("statement") for n in names_found)
    (event,) = [e for e in record.events if e.type == "CONSULT"]
    assert event.attribution is not None and event.attribution.text.endswith("defence ministry")


def countries(actors: list) -> set[str]:  # type: ignore[type-arg]
    return {a.country for a in actors if a.country}


def test_events_common_noun_with_a_nationality_is_an_actor(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Pakistani army engineers destroyed three bridges near the border."), "ASSAULT")
    assert countries(event.actor) == {"PAK"}


def test_events_group_of_members_acts_as_the_members(pipeline: Pipeline) -> None:
    events = code(pipeline, "A delegation of Egyptian diplomats met Afghan officials in Doha on Monday.")
    assert events and countries(events[0].actor) == {"EGY"}


def test_events_it_in_a_reported_clause_is_the_reporting_state(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Germany said on Friday it had suspended development aid to Afghanistan."), "SANCTION")
    assert countries(event.actor) == {"DEU"} and countries(event.recipient) == {"AFG"}


def test_events_actor_placed_in_a_country_takes_its_country(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Protesters in Kabul blocked the main road on Sunday."), "PROTEST")
    assert countries(event.actor) == {"AFG"}


def test_events_between_two_parties_names_both_recipients(pipeline: Pipeline) -> None:
    events = code(pipeline, "Qatar hosted talks on Saturday between the Taliban and Afghanistan.")
    assert events and {"AFG"} <= countries(events[0].recipient), [(e.type, e.recipient) for e in events]


def test_events_be_opposed_is_the_subjects_stance(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Pakistan is opposed to Indian mediation in the dispute."), "REJECT")
    assert countries(event.actor) == {"PAK"}


def test_events_coordinated_nationalities_are_one_actor_each(pipeline: Pipeline) -> None:
    events = code(pipeline, "Senior Afghan and Pakistani officials agreed on Monday to reopen the border.")
    assert events and countries(events[0].actor) == {"AFG", "PAK"}


def test_events_description_with_its_own_country_is_not_the_earlier_leader(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Putin offered to negotiate with the president of Ukraine."), "AGREE")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"UKR"}


def test_events_one_act_told_twice_in_a_sentence_is_one_event() -> None:
    from eventwire.pipeline import Pipeline
    from eventwire.types import Article, ArticleRecord

    pipeline = Pipeline()
    twice = next(pipeline.records([Article(
        text="Government troops shelled the rebels and bombarded the rebels near Homs on Monday.", source="a",
        published="2021-08-10")]))
    two_acts = next(pipeline.records([Article(
        text="Government troops shelled the rebels on Monday and the rebels attacked the troops on Tuesday.",
        source="b", published="2021-08-10")]))
    assert isinstance(twice, ArticleRecord) and isinstance(two_acts, ArticleRecord)
    assert [e.type for e in twice.events] == ["ASSAULT"]
    assert [e.type for e in two_acts.events] == ["ASSAULT", "ASSAULT"]


def test_events_a_promise_to_fight_is_a_threat_and_a_promise_not_to_is_none(pipeline: Pipeline) -> None:
    assert one(code(pipeline, "The militia swore to attack the garrison."), "THREATEN").cameo == "138"
    assert "THREATEN" not in {e.type for e in code(pipeline, "The militia vowed not to attack the garrison.")}


@pytest.mark.parametrize(("sentence", "cameo"), [
    ("Hungary will not accept the refugee quota.", "120"),
    ("The government will not release the prisoners.", "1243"),
    ("Lebanon will not meet the delegation.", "125"),
])
def test_events_cooperation_refused_in_so_many_words_is_a_rejection(pipeline: Pipeline, sentence: str,
                                                                    cameo: str) -> None:
    event = one(code(pipeline, sentence), "REJECT")
    assert event.cameo == cameo and event.modality == "asserted"


def test_events_cooperation_merely_not_done_keeps_its_type(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "Rebel commanders did not sign the truce on Friday."), "SUPPORT")
    assert event.modality == "negated"


def test_events_an_act_announced_unless_something_happens_is_a_threat(pipeline: Pipeline) -> None:
    events = code(pipeline, "Ghana said it will withdraw its peacekeepers from Liberia unless the factions agree "
                            "to a ceasefire.")
    assert one(events, "THREATEN").trigger.text.startswith("withdraw")


def test_events_willingness_is_agree_and_a_coming_withdrawal_concede(pipeline: Pipeline) -> None:
    assert one(code(pipeline, "The rebels said they are ready to pull back their fighters."), "AGREE").cameo == "0356"
    assert one(code(pipeline, "The rebels said they would free the hostages next week."), "AGREE").cameo == "035"
    assert one(code(pipeline, "The rebels freed the hostages on Sunday."), "RETREAT").cameo == "0841"


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Nurses staged a walkout at the hospital on Monday.", "PROTEST"),  # "staged": the small model's lemma is "stag"
    ("Iraq expelled the weapons inspectors of the United Nations.", "SANCTION"),
    ("Government troops fired mortar rounds at the rebel camp.", "ASSAULT"),
    ("Police placed the opposition leader under house arrest.", "COERCE"),
    ("The mayor was put under investigation for bribery.", "ACCUSE"),
    ("Militiamen drove out thousands of farmers from the valley.", "ASSAULT"),
    ("Jordan reopened its border with Syria on Sunday.", "RETREAT"),
    ("The president reneged on his pledge to hold a referendum.", "REJECT"),
    ("Police searched the offices of the opposition party.", "COERCE"),
    ("Gunmen set fire to a police station in the north.", "ASSAULT"),
    ("Rebels laid down their arms on Friday.", "RETREAT"),
    ("Tens of thousands took to the streets of the capital.", "PROTEST"),
    ("Dockers went on strike in the port on Monday.", "PROTEST"),
    ("The government closed the border with its neighbour.", "COERCE"),
    ("The army launched air and artillery strikes on rebel positions near the town.", "ASSAULT"),  # coordinated
    ("Police stormed a protest camp outside the city.", "ASSAULT"),
    ("Police fired teargas to break up the protest.", "ASSAULT"),
    ("The militants used civilians as human shields.", "ASSAULT"),
    ("The government declared a state of siege in the province.", "COERCE"),
    ("The army intensified its bombardment of the rebel-held district.", "ASSAULT"),
    ("The military declared martial law in the south.", "COERCE"),
    ("Clashes between police and protesters left three people dead in the capital.", "ASSAULT"),
    ("Hundreds of political prisoners have been released in the capital.", "RETREAT"),  # passive
    ("UN sanctions against Iran were lifted in January.", "RETREAT"),  # passive object of "lift sanctions"
    ("The president announced a weeklong cease-fire with the rebels.", "RETREAT"),  # "cease-fire" split in three
    ("The two navies launched joint war games in the Gulf.", "COOPERATE"),
    ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali.", "AID"),
    ("The first NATO peacekeeping troops have arrived in Bosnia.", "AID"),
    ("The army deployed troops along the border.", "MOBILIZE"),
    ("A court found the former mayor guilty of fraud.", "SANCTION"),
    ("The government refuted the report on the killings.", "REJECT"),
    ("The dockers ended their strike on Friday.", "CONCEDE"),
])
def test_events_verb_families_of_each_type(pipeline: Pipeline, sentence: str, etype: str) -> None:
    assert [e.type for e in code(pipeline, sentence)][:1] == [etype]


def test_events_travel_for_talks_is_a_meeting(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "The two foreign ministers flew to Geneva on Monday for negotiations."), "CONSULT")
    assert event.trigger.text.startswith("flew") and event.actor


def test_events_a_repeated_demand_asks_for_its_content(pipeline: Pipeline) -> None:
    events = code(pipeline, "The union repeated its demand that the government raise wages and lift the ban.")
    assert events[0].type == "REQUEST" and events[0].trigger.text == "repeated its demand"
    assert all(e.modality == "requested" for e in events[1:])


def test_events_an_order_to_act_is_a_demand_and_what_is_ordered_is_requested(pipeline: Pipeline) -> None:
    events = code(pipeline, "The junta ordered the newspaper to suspend publication.")
    assert one(events, "REQUEST").trigger.text == "ordered"
    assert one(events, "COERCE").modality == "requested"
    assert one(code(pipeline, "The president ordered an investigation into the killings."), "ACCUSE")


def test_events_going_on_is_no_strike(pipeline: Pipeline) -> None:
    assert code(pipeline, "The talks will go on next week.") == []


def test_events_a_decision_taken_is_the_act(pipeline: Pipeline) -> None:
    assert one(code(pipeline, "The court decided to allow the candidate to run in the election."), "CONCEDE")


def test_events_meeting_with_force_is_no_meeting_and_retaliation_promised_is_a_threat(pipeline: Pipeline) -> None:
    assert "CONSULT" not in {e.type for e in code(pipeline, "The president warned that any attack would be met "
                                                            "with force.")}
    assert code(pipeline, "The minister said his country would retaliate if attacked.")[0].type == "THREATEN"
    assert one(code(pipeline, "Talks between the two governments resumed in Cairo on Monday."), "CONSULT").actor


@pytest.mark.parametrize(("sentence", "cameo", "quad"), [
    # CAMEO 01 public statements: PLOVER has no statement type, the code keeps them statements (quad class 1)
    ("A spokesman for the ministry declined to comment on the report.", "011", 1),
    ("The governor denied charges that his office had hidden the audit.", "016", 1),
    ("The agency rejected allegations of bias in its hiring.", "016", 1),
    ("The envoy expressed concern about the rising prices of grain.", "012", 1),
    ("The mayor expressed condolences to the families of the miners.", "018", 1),
    # an option being weighed is CAMEO 014, not the act weighed
    ("The cabinet is considering sending food aid to the island.", "014", 1),
    # a ceasefire violated is CAMEO 196 (material conflict), not a verbal defiance
    ("The militia violated the ceasefire twice on Sunday.", "196", 4),
    # observers deployed are protection (CAMEO 074), not a show of force
    ("The bloc deployed election observers to the capital.", "074", 2),
])
def test_events_statement_option_and_ceasefire_codes(pipeline: Pipeline, sentence: str, cameo: str,
                                                      quad: int) -> None:
    events = code(pipeline, sentence)
    assert [(e.cameo, e.quad_class) for e in events] == [(cameo, quad)], \
        [(e.type, e.cameo, e.trigger.text) for e in events]


def test_events_refused_act_keeps_its_refusal_code_when_it_is_no_comment(pipeline: Pipeline) -> None:
    event = one(code(pipeline, "The rebels refused to leave the town."), "REJECT")
    assert event.cameo != "011"
