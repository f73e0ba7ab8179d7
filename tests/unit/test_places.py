"""Places on hand-built Docs (no model): the gazetteer, finding toponyms, resolving them, locating events."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from tests.conftest import spaces_for

from eventwire.extractors.places import (
    Mention,
    event_location,
    find_mentions,
    find_places,
    resolve_mentions,
    state_abbreviations,
)
from eventwire.kb.gazetteer import gazetteer, km
from eventwire.nlp import register_extensions
from eventwire.types import Article, Boilerplate, Event, Place, Span

NLP = spacy.blank("en")


def parse(rows: list[tuple[str, str, int, str, str]], article_text: str | None = None,
          boilerplate: list[Boilerplate] | None = None) -> Doc:
    """A Doc from (word, lemma, head index, dep, entity IOB tag) rows; one sentence."""
    words = [r[0] for r in rows]
    spaces = spaces_for(words)
    doc = Doc(NLP.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
              deps=[r[3] for r in rows], ents=[r[4] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1))
    register_extensions()
    doc._.article = Article(text=article_text or doc.text, source="test", boilerplate=boilerplate or [])
    return doc


def event(doc: Doc, trigger: str, quad_class: int = 4) -> Event:
    start = doc.text.index(trigger)
    end = start + len(trigger)
    return Event(id="t-1", type="ASSAULT", trigger=Span(trigger, start, end), sentence=Span(doc.text, 0, len(doc.text)),
                 quad_class=quad_class)


X = "O"  # outside any entity
# "Rebels attacked the base in Kunduz ."
ATTACK_IN = [("Rebels", "rebel", 1, "nsubj", X), ("attacked", "attack", 1, "ROOT", X), ("the", "the", 3, "det", X),
             ("base", "base", 1, "dobj", X), ("in", "in", 1, "prep", X), ("Kunduz", "Kunduz", 4, "pobj", "B-GPE"),
             (".", ".", 1, "punct", X)]
# "The capture of Kunduz alarmed Kabul ."  (the tagger calls Kunduz a person)
CAPTURE_OF = [("The", "the", 1, "det", X), ("capture", "capture", 4, "nsubj", X), ("of", "of", 1, "prep", X),
              ("Kunduz", "Kunduz", 2, "pobj", "B-PERSON"), ("alarmed", "alarm", 4, "ROOT", X),
              ("Kabul", "Kabul", 4, "dobj", "B-GPE"), (".", ".", 4, "punct", X)]
# "Officials said in Kabul that rebels attacked the base ."
REPORTED = [("Officials", "official", 1, "nsubj", X), ("said", "say", 1, "ROOT", X), ("in", "in", 1, "prep", X),
            ("Kabul", "Kabul", 2, "pobj", "B-GPE"), ("that", "that", 6, "mark", X), ("rebels", "rebel", 6, "nsubj", X),
            ("attacked", "attack", 1, "ccomp", X), ("the", "the", 8, "det", X), ("base", "base", 6, "dobj", X),
            (".", ".", 1, "punct", X)]
# "Washington said it would respond ."
CAPITAL_SPEAKS = [("Washington", "Washington", 1, "nsubj", "B-GPE"), ("said", "say", 1, "ROOT", X),
                  ("it", "it", 4, "nsubj", X), ("would", "would", 4, "aux", X), ("respond", "respond", 1, "ccomp", X),
                  (".", ".", 1, "punct", X)]
# "Talks opened in Washington ."
CAPITAL_PLACE = [("Talks", "talk", 1, "nsubj", X), ("opened", "open", 1, "ROOT", X), ("in", "in", 1, "prep", X),
                 ("Washington", "Washington", 2, "pobj", "B-GPE"), (".", ".", 1, "punct", X)]
# "The US withdrawal began ."
US_WITHDRAWAL = [("The", "the", 2, "det", X), ("US", "US", 2, "nmod", "B-GPE"),
                 ("withdrawal", "withdrawal", 3, "nsubj", X), ("began", "begin", 3, "ROOT", X),
                 (".", ".", 3, "punct", X)]
# "Crowds gathered in Alexandria , Virginia ."
QUALIFIED = [("Crowds", "crowd", 1, "nsubj", X), ("gathered", "gather", 1, "ROOT", X), ("in", "in", 1, "prep", X),
             ("Alexandria", "Alexandria", 2, "pobj", "B-GPE"), (",", ",", 3, "punct", X),
             ("Virginia", "Virginia", 3, "appos", "B-GPE"), (".", ".", 1, "punct", X)]
# "Crowds gathered in Alexandria ."
BARE = [("Crowds", "crowd", 1, "nsubj", X), ("gathered", "gather", 1, "ROOT", X), ("in", "in", 1, "prep", X),
        ("Alexandria", "Alexandria", 2, "pobj", "B-GPE"), (".", ".", 1, "punct", X)]


def test_gazetteer_names_cities_countries_and_aliases() -> None:
    gaz = gazetteer()
    kabul = gaz.candidates("Kabul")[0]
    assert (kabul.feature, kabul.country) == ("city", "AFG")
    assert kabul.lat is not None and abs(kabul.lat - 34.5) < 0.5
    us = gaz.candidates("U.S.")[0]
    assert (us.feature, us.country) == ("country", "USA")
    assert gaz.candidates("Afghan") == []  # a demonym is a people, not a place


def test_gazetteer_country_point_lies_inside_the_country() -> None:
    gaz = gazetteer()
    for iso3, city in (("AFG", "Kandahar"), ("FRA", "Lyon"), ("ARG", "Cordoba")):
        country = gaz.country(iso3)
        assert country is not None and country.lat is not None and country.lon is not None
        near = [c for c in gaz.candidates(city) if c.country == iso3]
        assert near and near[0].lat is not None and near[0].lon is not None
        assert km(country.lat, country.lon, near[0].lat, near[0].lon) < 900, iso3


def test_places_person_entity_in_place_position_is_a_place() -> None:
    doc = parse(CAPTURE_OF)
    texts = [m.text for m in find_mentions(doc)]
    assert texts == ["Kunduz", "Kabul"]
    places = find_places(doc)
    assert [(p.text, p.country, p.feature) for p in places] == [("Kunduz", "AFG", "city"), ("Kabul", "AFG", "city")]
    assert doc.text[places[0].start:places[0].end] == "Kunduz"


def test_places_capital_speaking_is_an_actor() -> None:
    assert find_mentions(parse(CAPITAL_SPEAKS)) == []
    assert [m.text for m in find_mentions(parse(CAPITAL_PLACE))] == ["Washington"]


def test_places_qualifier_picks_the_candidate() -> None:
    qualified = find_places(parse(QUALIFIED))
    assert (qualified[0].text, qualified[0].country, qualified[0].admin1) == ("Alexandria", "USA", "Virginia")
    bare = find_places(parse(BARE))
    assert bare[0].country == "EGY"  # alone, the most populous reading wins


def test_places_metropolis_named_like_its_state_is_the_city() -> None:
    doc = parse([("Talks", "talk", 1, "nsubj", X), ("opened", "open", 1, "ROOT", X), ("in", "in", 1, "prep", X),
                 ("New", "New", 4, "compound", "B-GPE"), ("York", "York", 2, "pobj", "I-GPE"),
                 (".", ".", 1, "punct", X)])
    place = find_places(doc)[0]
    assert (place.text, place.feature, place.admin1) == ("New York", "city", "New York")


def test_places_resolve_skips_names_without_candidates() -> None:
    doc = parse(BARE)
    mentions = find_mentions(doc)
    mentions[0].text = "Qwxyzville"
    assert resolve_mentions(doc.text, mentions) == []


def test_event_location_prepositional_attachment() -> None:
    doc = parse(ATTACK_IN)
    places = find_places(doc)
    found = event_location(doc, event(doc, "attacked"), places)
    assert found is not None and found.text == "Kunduz"


def test_event_location_nominal_trigger_of_place() -> None:
    doc = parse(CAPTURE_OF)
    found = event_location(doc, event(doc, "capture"), find_places(doc))
    assert found is not None and found.text == "Kunduz"


def test_event_location_fronted_phrase_hung_on_the_subject() -> None:
    # "In Kabul , the envoy urged talks ." with "In Kabul" (mis)attached to the subject.
    doc = parse([("In", "in", 4, "prep", X), ("Kabul", "Kabul", 0, "pobj", "B-GPE"), (",", ",", 5, "punct", X),
                 ("the", "the", 4, "det", X), ("envoy", "envoy", 5, "nsubj", X), ("urged", "urge", 5, "ROOT", X),
                 ("talks", "talk", 5, "dobj", X), (".", ".", 5, "punct", X)])
    found = event_location(doc, event(doc, "talks", quad_class=1), find_places(doc))
    assert found is not None and found.text == "Kabul"


def test_event_location_not_from_the_reporting_clause() -> None:
    doc = parse(REPORTED)
    places = find_places(doc)
    assert [p.text for p in places] == ["Kabul"]
    assert event_location(doc, event(doc, "attacked"), places) is None


def test_event_location_country_modifier_is_no_scene() -> None:
    doc = parse(US_WITHDRAWAL)
    places = find_places(doc)
    assert [p.country for p in places] == ["USA"]
    assert event_location(doc, event(doc, "withdrawal", quad_class=2), places) is None


def test_event_location_falls_back_to_the_dateline() -> None:
    header = "KANDAHAR, May 3 (Sample Wire) —"
    rows = [("Rebels", "rebel", 1, "nsubj", X), ("attacked", "attack", 1, "ROOT", X), ("the", "the", 3, "det", X),
            ("base", "base", 1, "dobj", X), (".", ".", 1, "punct", X)]
    body = parse(rows)
    # The model sees the dateline blanked out; the article text keeps it.
    text = " " * (len(header) + 1) + body.text
    doc = Doc(NLP.vocab, words=[" " * len(header), *[t.text for t in body]],
              spaces=[True] + [bool(t.whitespace_) for t in body],
              heads=[0] + [t.head.i + 1 for t in body], deps=["dep"] + [t.dep_ for t in body],
              sent_starts=[True] + [False] * len(body))
    doc._.article = Article(text=header + " " + body.text, source="test",
                            boilerplate=[Boilerplate(0, len(header), "dateline")])
    assert doc.text == text
    places = find_places(doc)
    assert [(p.text, p.start, p.country) for p in places] == [("KANDAHAR", 0, "AFG")]
    found = event_location(doc, event(doc, "attacked"), places)
    assert isinstance(found, Place) and found.text == "KANDAHAR"


def test_gazetteer_country_point_from_our_table() -> None:
    usa = gazetteer().country("USA")
    assert usa is not None and usa.lat is not None and usa.lon is not None
    assert km(usa.lat, usa.lon, 39.8, -98.6) < 50  # the contiguous states' centre (country_points.csv)


def test_gazetteer_state_abbreviations() -> None:
    gaz = gazetteer()
    for form in ("Ga.", "GA", "W. Va.", "Kan."):
        state = gaz.state_abbreviation(form)
        assert state is not None and state.feature == "admin1", form
    assert gaz.state_abbreviation("Xx.") is None


def test_places_state_abbreviation_qualifies_and_is_a_place() -> None:
    text = "Talks opened in Athens, Ga. today"
    mentions = [Mention("Athens", text.index("Athens"), text.index("Athens") + 6)]
    mentions += state_abbreviations(text, mentions, gazetteer())
    places = resolve_mentions(text, mentions)
    assert [(p.text, p.feature, p.admin1) for p in places] == [("Athens", "city", "Georgia"),
                                                               ("Ga.", "admin1", "Georgia")]


def test_gazetteer_small_town_only_when_no_larger_namesake() -> None:
    gaz = gazetteer()
    assert all(c.population >= 15000 for c in gaz.candidates("Paris"))
    small = [c for c in gaz.candidates("Hyannis") if c.feature == "city"]
    assert small and small[0].population < 15000 and gaz.is_exact("Hyannis", small[0])


def test_places_small_town_needs_its_country_in_the_article() -> None:
    alone = "Fire hit Hyannis"
    found = resolve_mentions(alone, [Mention("Hyannis", 9, 16)])
    assert found == []
    text = "Fire hit Hyannis and Boston"
    found = resolve_mentions(text, [Mention("Hyannis", 9, 16), Mention("Boston", 21, 27)])
    assert [(p.text, p.country) for p in found] == [("Hyannis", "USA"), ("Boston", "USA")]
