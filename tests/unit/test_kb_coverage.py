"""The knowledge base covers what a reader of world news needs (issue 10, point 2): heads of state and government
and foreign and defence ministers with their dated roles, major armed groups and IGOs; a person outside every
period the table gives them keeps their country and takes no office."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.kb import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(("name", "on", "country", "role_word"), [
    ("Theresa May", "2018-01-01", "GBR", "Prime Minister"),
    ("Friedrich Merz", "2025-08-01", "DEU", "Chancellor"),
    ("Shinzo Abe", "2015-01-01", "JPN", "Prime Minister"),
    ("Masoud Pezeshkian", "2025-01-01", "IRN", "President"),
    ("Claudia Sheinbaum", "2025-01-01", "MEX", "President"),
    ("Nawaz Sharif", "2015-01-01", "PAK", "Prime Minister"),
    ("Jacinda Ardern", "2020-01-01", "NZL", "Prime Minister"),
    ("Kaja Kallas", "2022-02-01", "EST", "Prime Minister"),
    ("Antonio Tajani", "2023-06-01", "ITA", "Foreign Minister"),
    ("Guido Crosetto", "2023-06-01", "ITA", "Defence Minister"),
    ("Radosław Sikorski", "2024-06-01", "POL", "Foreign Minister"),
    ("Penny Wong", "2023-01-01", "AUS", "Foreign Minister"),
    ("Richard Marles", "2023-01-01", "AUS", "Defence Minister"),
    ("Mélanie Joly", "2023-01-01", "CAN", "Foreign Minister"),
    ("Naledi Pandor", "2022-01-01", "ZAF", "Foreign Minister"),
    ("Mauro Vieira", "2024-01-01", "BRA", "Foreign Minister"),
    ("Park Jin", "2023-01-01", "KOR", "Foreign Minister"),
    ("Ayman Safadi", "2021-01-01", "JOR", "Foreign Minister"),
    ("Retno Marsudi", "2021-01-01", "IDN", "Foreign Minister"),
    ("Nobuo Kishi", "2021-01-01", "JPN", "Defence Minister"),
])
def test_kb_coverage_heads_and_ministers_resolve_with_their_dated_role(
        kb: KnowledgeBase, name: str, on: str, country: str, role_word: str) -> None:
    entry = kb.lookup(name, date.fromisoformat(on))
    assert entry is not None, name
    assert entry.country == country
    assert entry.sector == "GOV"
    assert entry.role is not None and role_word in entry.role
    assert entry.valid_on(date.fromisoformat(on))
    assert entry.source


def test_kb_coverage_a_minister_who_changed_office_takes_the_office_of_the_day(kb: KnowledgeBase) -> None:
    payne = kb.lookup("Marise Payne", date(2017, 1, 1))
    assert payne is not None and payne.role is not None and "Defence" in payne.role
    payne = kb.lookup("Marise Payne", date(2020, 1, 1))
    assert payne is not None and payne.role is not None and "Foreign" in payne.role
    kallas = kb.lookup("Kaja Kallas", date(2025, 2, 1))
    assert kallas is not None and kallas.country == "IGO"


@pytest.mark.parametrize(("name", "country"), [
    ("Lashkar-e-Jhangvi", "PAK"), ("Jaish al-Adl", "IRN"), ("Oromo Liberation Army", "ETH"),
    ("Kachin Independence Army", "MMR"), ("KNU", "MMR"), ("ULFA", "IND"), ("Hurras al-Din", "SYR"),
])
def test_kb_coverage_armed_groups_resolve_with_their_country(kb: KnowledgeBase, name: str, country: str) -> None:
    entry = kb.lookup(name, date(2021, 8, 9))
    assert entry is not None and entry.kind == "group"
    assert (entry.country, entry.sector) == (country, "REB")


@pytest.mark.parametrize(("name", "on"), [("Boris Johnson", date(2024, 3, 1)), ("Nawaz Sharif", date(2010, 1, 1))])
def test_kb_coverage_a_person_outside_every_office_keeps_the_country_and_takes_no_role(
        kb: KnowledgeBase, name: str, on: date) -> None:
    entry = kb.lookup(name, on)
    assert entry is not None and entry.country in ("GBR", "PAK")
    assert (entry.sector, entry.role) == (None, None)
    assert kb.lookup(name) is not None and kb.lookup(name).role is not None  # undated: the latest row, as before
