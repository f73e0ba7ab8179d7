"""Tests for the actor knowledge base (eventwire.kb)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.kb import KBEntry, KnowledgeBase, load_kb

AUG_1 = date(2021, 8, 1)
AUG_20 = date(2021, 8, 20)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _get(kb: KnowledgeBase, text: str, on: date | None = None) -> KBEntry:
    entry = kb.lookup(text, on)
    assert entry is not None, text
    return entry


@pytest.mark.parametrize(
    "text", ["US", "U.S.", "USA", "the US", "the United States", "United States of America", "America", "Us"]
)
def test_kb_us_aliases_resolve_to_usa(kb: KnowledgeBase, text: str) -> None:
    entry = _get(kb, text)
    assert (entry.country, entry.kind, entry.sector) == ("USA", "country", None)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Britain", "GBR"), ("UK", "GBR"), ("Russia", "RUS"), ("Iran", "IRN"), ("Syria", "SYR"),
     ("South Korea", "KOR"), ("North Korea", "PRK"), ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Congo", "COG"),
     ("DR Congo", "COD"), ("Kosovo", "XKX"), ("Palestine", "PSE"), ("Taiwan", "TWN"), ("Turkey", "TUR"),
     ("Türkiye", "TUR")],
)
def test_kb_country_aliases(kb: KnowledgeBase, text: str, code: str) -> None:
    assert _get(kb, text).country == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Pakistani", "PAK"), ("Afghan", "AFG"), ("American", "USA"), ("British", "GBR"), ("Chinese", "CHN"),
     ("Russian", "RUS"), ("Qatari", "QAT")],
)
def test_kb_demonyms(kb: KnowledgeBase, text: str, code: str) -> None:
    entry = _get(kb, text)
    assert (entry.country, entry.kind) == (code, "country")


@pytest.mark.parametrize(("text", "code"), [("Afghans", "AFG"), ("Americans", "USA"), ("Pakistanis", "PAK")])
def test_kb_plural_demonyms(kb: KnowledgeBase, text: str, code: str) -> None:
    entry = _get(kb, text)
    assert (entry.country, entry.kind) == (code, "country")


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [("Washington", "USA", "GOV"), ("the White House", "USA", "GOV"), ("The White House", "USA", "GOV"),
     ("the Pentagon", "USA", "MIL"), ("the State Department", "USA", "GOV"), ("Rawalpindi", "PAK", "MIL"),
     ("the Kremlin", "RUS", "GOV"), ("Downing Street", "GBR", "GOV"), ("Islamabad", "PAK", "GOV"),
     ("the Élysée", "FRA", "GOV"), ("Kabul", "AFG", "GOV")],
)
def test_kb_metonyms(kb: KnowledgeBase, text: str, code: str, sector: str) -> None:
    entry = _get(kb, text)
    assert (entry.country, entry.sector, entry.role) == (code, sector, "metonym")


def test_kb_possessive(kb: KnowledgeBase) -> None:
    assert _get(kb, "Pakistan's").country == "PAK"
    assert _get(kb, "Kabul’s").country == "AFG"
    assert _get(kb, "the Taliban’s", AUG_1).name == "Taliban"


def test_kb_taliban_changes_sector_on_2021_08_15(kb: KnowledgeBase) -> None:
    before, after = _get(kb, "Taliban", AUG_1), _get(kb, "the Taliban", AUG_20)
    assert (before.country, before.sector) == ("AFG", "REB")
    assert (after.country, after.sector) == ("AFG", "GOV")
    assert _get(kb, "Taliban", date(2021, 8, 14)).sector == "REB"
    assert _get(kb, "Taliban", date(2021, 8, 15)).sector == "GOV"
    # Without a date the latest entry wins.
    assert _get(kb, "Taliban").sector == "GOV"


def test_kb_people_roles_are_date_bounded(kb: KnowledgeBase) -> None:
    assert _get(kb, "Baradar", AUG_1).sector == "REB"
    assert _get(kb, "Baradar", AUG_20).sector == "GOV"
    assert _get(kb, "Trump", date(2020, 6, 1)).role == "President of the United States (first term)"
    assert _get(kb, "Biden", AUG_1).sector == "GOV"
    pompeo = _get(kb, "Mike Pompeo", date(2020, 2, 29))
    assert (pompeo.country, pompeo.sector, pompeo.valid_to) == ("USA", "GOV", date(2021, 1, 20))


def test_kb_un_security_council_is_igo(kb: KnowledgeBase) -> None:
    for text in ("UN Security Council", "the UN Security Council", "United Nations Security Council", "UNSC"):
        entry = _get(kb, text)
        assert (entry.name, entry.country, entry.kind) == ("UN Security Council", "IGO", "organization")


def test_kb_organisations(kb: KnowledgeBase) -> None:
    assert (_get(kb, "ICC").country, _get(kb, "ICC").sector) == ("IGO", "JUD")
    assert _get(kb, "Amnesty International").country == "NGO"
    assert (_get(kb, "ISPR").country, _get(kb, "ISPR").sector) == ("PAK", "MIL")
    assert (_get(kb, "ISI").country, _get(kb, "ISI").sector) == ("PAK", "SPY")
    assert (_get(kb, "al-Qaeda").country, _get(kb, "al Qaida").sector) == ("UNK", "REB")
    assert (_get(kb, "TTP").country, _get(kb, "Pakistani Taliban").sector) == ("PAK", "REB")


def test_kb_coas_is_bajwa(kb: KnowledgeBase) -> None:
    entry = _get(kb, "COAS", AUG_1)
    assert (entry.name, entry.kind, entry.country, entry.sector) == ("Qamar Javed Bajwa", "person", "PAK", "MIL")


def test_kb_sector_words_after_a_country(kb: KnowledgeBase) -> None:
    embassy = _get(kb, "British Embassy")
    assert (embassy.country, embassy.sector) == ("GBR", "DIP")
    assert (_get(kb, "Indian police").country, _get(kb, "Indian police").sector) == ("IND", "COP")
    assert kb.lookup("Pakistani cricket") is None


def test_kb_unknown_is_none(kb: KnowledgeBase) -> None:
    assert kb.lookup("Farida Noori") is None
    assert kb.lookup("") is None


def test_kb_country_of(kb: KnowledgeBase) -> None:
    assert kb.country_of("Pakistani") == "PAK"
    assert kb.country_of("Islamabad") == "PAK"
    assert kb.country_of("Kremlin") == "RUS"
    assert kb.country_of("Brussels") == "BEL"  # ambiguous capital: only country_of resolves it
    assert kb.lookup("Brussels") is None
    assert kb.country_of("Kingston") is None  # Jamaica or Norfolk Island
    assert kb.country_of("Narnia") is None


def test_kb_find_in_spans(kb: KnowledgeBase) -> None:
    text = "Pakistani Ambassador to the United Nations, Munir Akram"
    found = kb.find_in(text, AUG_1)
    assert [(text[start:end], entry.name) for start, end, entry in found] == [
        ("Pakistani", "Pakistan"),
        ("United Nations", "United Nations"),
        ("Munir Akram", "Munir Akram"),
    ]
    assert [(start, end) for start, end, _ in found] == [(0, 9), (28, 42), (44, 55)]
    assert [entry.country for _, _, entry in found] == ["PAK", "IGO", "PAK"]


def test_kb_find_in_longest_match_first(kb: KnowledgeBase) -> None:
    text = "The UN Security Council met as US Central Command and the Pakistani Taliban spoke."
    found = [(text[start:end], entry.name) for start, end, entry in kb.find_in(text, AUG_1)]
    assert found == [
        ("UN Security Council", "UN Security Council"),
        ("US Central Command", "US Central Command"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
    ]


def test_kb_find_in_whole_words_only(kb: KnowledgeBase) -> None:
    text = "A USB stick from Russia; Russian diplomats told us about a turkey in Chadian hands. MUSIC."
    found = [(text[start:end], entry.country) for start, end, entry in kb.find_in(text)]
    assert found == [("Russia", "RUS"), ("Russian", "RUS"), ("Chadian", "TCD")]


def test_kb_find_in_dots_possessives_and_dates(kb: KnowledgeBase) -> None:
    text = "U.S. and Taliban’s envoys met in Doha; the Taliban's spokesman and Afghans spoke."
    found = kb.find_in(text, AUG_20)
    assert [text[start:end] for start, end, _ in found] == ["U.S.", "Taliban", "Doha", "Taliban", "Afghans"]
    assert found[1][2].sector == "GOV"


def test_kb_check_shipped_data_is_clean(kb: KnowledgeBase) -> None:
    assert kb.check() == []


def test_kb_shipped_counts(kb: KnowledgeBase) -> None:
    kinds = [entry.kind for entry in kb.entries()]
    countries = {entry.country for entry in kb.entries() if entry.kind == "country" and entry.role is None}
    assert len(countries) >= 250
    assert kinds.count("person") >= 100
    assert kinds.count("organization") + kinds.count("group") >= 100


def test_kb_check_reports_problems(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "name,aliases,kind,country,sector,valid_from,valid_to,source\n"
        "Bad Actor,,group,XYZ,FOO,2021-01-01,2020-01-01,test\n"
        "Twice,,group,AFG,REB,2020-01-01,2021-06-01,test\n"
        "Twice,,group,AFG,GOV,2021-05-01,,test\n"
        "Clash One,Shared Alias,group,AFG,REB,,,test\n"
        "Clash Two,Shared Alias,group,PAK,REB,,,test\n",
        encoding="utf-8",
    )
    problems = "\n".join(load_kb(extra).check())
    assert "unknown country code 'XYZ'" in problems
    assert "invalid sector 'FOO'" in problems
    assert "valid_from is after valid_to" in problems
    assert "overlapping windows for 'Twice'" in problems
    assert "'shared alias' names both" in problems


def test_kb_user_extra_file_overrides_and_extends(tmp_path: Path) -> None:
    extra = tmp_path / "people.csv"
    extra.write_text(
        "name,aliases,country,sector,role,valid_from,valid_to,source\n"
        "Munir Akram,Ambassador Akram,PAK,GOV,Test override,2019-12-01,,my notes\n"
        "Farida Noori,Noori,AFG,CVL,Aid worker,,,my notes\n"
        "Ashraf Ghani,Ghani,AFG,CVL,former President,2021-08-16,,my notes\n",
        encoding="utf-8",
    )
    user = load_kb(extra)
    assert (_get(user, "Munir Akram").sector, _get(user, "Ambassador Akram").role) == ("GOV", "Test override")
    assert _get(user, "Noori").country == "AFG"
    # The user's rows replace every shipped row of that name, in every period.
    assert _get(user, "Ghani", AUG_20).sector == "CVL"
    # Before the user's only row, no shipped presidency remains: the person takes no office that day.
    assert (_get(user, "Ghani", AUG_1).sector, _get(user, "Ghani", AUG_1).role) == (None, None)
    assert _get(user, "Munir Akram").source == "my notes"
    # The shipped, cached knowledge base is untouched.
    assert _get(load_kb(), "Munir Akram").sector == "DIP"
    assert load_kb().lookup("Noori") is None
    assert user.check() == []


def test_kb_load_is_cached() -> None:
    assert load_kb() is load_kb()


@pytest.mark.parametrize(
    ("text", "on", "country", "role"),
    [
        ("Angela Merkel", date(2010, 6, 1), "DEU", "Chancellor of Germany"),
        ("Obama", date(2012, 1, 1), "USA", "President of the United States"),
        ("Putin", date(2005, 1, 1), "RUS", "President of Russia"),
        ("Putin", date(2010, 1, 1), "RUS", "Prime Minister of Russia"),
        ("Medvedev", date(2010, 1, 1), "RUS", "President of Russia"),
        ("Erdogan", date(2010, 1, 1), "TUR", "Prime Minister of Turkey"),
        ("Erdoğan", date(2020, 1, 1), "TUR", "President of Turkey"),
        ("Zelensky", date(2022, 3, 1), "UKR", "President of Ukraine"),
        ("Lula", date(2005, 1, 1), "BRA", "President of Brazil (first two terms)"),
        ("Lula", date(2024, 1, 1), "BRA", "President of Brazil (third term)"),
        ("Hamid Karzai", date(2010, 1, 1), "AFG", "President of Afghanistan"),
    ],
)
def test_kb_heads_of_government_by_date(kb: KnowledgeBase, text: str, on: date, country: str, role: str) -> None:
    entry = _get(kb, text, on)
    assert (entry.country, entry.sector, entry.role) == (country, "GOV", role)
    assert entry.valid_on(on)


@pytest.mark.parametrize(
    ("text", "outside"),
    [("Angela Merkel", date(2023, 1, 1)), ("Obama", date(2005, 1, 1)), ("Bashar al-Assad", date(2025, 6, 1))],
)
def test_kb_heads_of_government_outside_their_term(kb: KnowledgeBase, text: str, outside: date) -> None:
    entry = _get(kb, text, outside)
    assert not entry.valid_on(outside)  # still the person (latest row), but not in office that day
    assert (entry.sector, entry.role) == (None, None)


def test_kb_netanyahu_in_opposition_between_terms(kb: KnowledgeBase) -> None:
    assert _get(kb, "Netanyahu", date(2015, 1, 1)).role == "Prime Minister of Israel"
    assert _get(kb, "Netanyahu", date(2022, 1, 1)).sector == "PTY"


def test_kb_armed_groups_and_igos(kb: KnowledgeBase) -> None:
    assert _get(kb, "HTS", date(2020, 1, 1)).sector == "REB"
    assert _get(kb, "HTS", date(2024, 12, 20)).sector == "GOV"
    assert _get(kb, "Hemedti", date(2024, 1, 1)).sector == "REB"
    assert _get(kb, "ECOWAS").country == "IGO"
    assert _get(kb, "IRGC").country == "IRN"


def test_kb_find_in_leaders(kb: KnowledgeBase) -> None:
    text = "Chancellor Merkel met Macron and Erdogan in Berlin."
    codes = [entry.country for _, _, entry in kb.find_in(text, date(2018, 1, 1))]
    assert codes[:3] == ["DEU", "FRA", "TUR"]


@pytest.mark.parametrize("text", ["us", "who", "un"])
def test_kb_a_capitals_only_name_is_no_lower_case_word(kb: KnowledgeBase, text: str) -> None:
    # "us" and "who" are pronouns: only "US" and "WHO" (any capital) name the United States and the WHO.
    assert kb.lookup(text) is None


@pytest.mark.parametrize("text", ["Al-Qaeda", "AL-QAEDA", "al Qaeda", "Al Qaeda", "al-qaeda"])
def test_kb_lookup_ignores_case_and_hyphens(kb: KnowledgeBase, text: str) -> None:
    assert _get(kb, text).name == "al-Qaeda"


def test_kb_find_in_matches_a_lower_case_name_written_with_capitals(kb: KnowledgeBase) -> None:
    found = [(s, e, entry.name) for s, e, entry in kb.find_in("Fighters of Al-Qaeda met us in May.")]
    assert found == [(12, 20, "al-Qaeda")]


@pytest.mark.parametrize(("text", "on", "code", "sector"), [
    ("Levy Mwanawasa", date(2005, 6, 1), "ZMB", "GOV"),  # heads of state since 2001, by country
    ("Colin Powell", date(2003, 2, 5), "USA", "GOV"),  # foreign and defence ministers of the most-reported states
    ("Donald Rumsfeld", date(2003, 3, 20), "USA", "MIL"),
    ("Joschka Fischer", date(2003, 1, 1), "DEU", "GOV"),
    ("Kofi Annan", date(2003, 1, 1), "IGO", "GOV"),
    ("European Community", date(1990, 1, 1), "IGO", "GOV"),  # IGOs, including the ones that came before today's
    ("Revolutionary United Front", date(2000, 5, 1), "SLE", "REB"),  # major armed groups
])
def test_kb_knows_office_holders_igos_and_armed_groups_by_category(
        kb: KnowledgeBase, text: str, on: date, code: str, sector: str) -> None:
    entry = kb.lookup(text, on)
    assert entry is not None and (entry.country, entry.sector) == (code, sector)
