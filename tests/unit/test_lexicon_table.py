"""The trigger lexicon agrees with the CAMEO table, row by row, or says why it does not."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from eventwire import ontology

# Roots whose codes have no PLOVER type: PLOVER dropped public statements (01) and appeals (02); the root 08
# itself is split between CONCEDE and RETREAT by its subcodes.
UNTYPED = {"01", "02"}
UNTYPED_CODES = {"08"}


def lexicon_rows() -> list[dict[str, str]]:
    text = files("eventwire.extractors").joinpath("lexicon.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [{key: (value or "") for key, value in row.items()} for row in csv.DictReader(lines)]


def test_lexicon_table_has_the_columns_and_hundreds_of_rows() -> None:
    rows = lexicon_rows()
    assert len(rows) > 500
    assert set(rows[0]) == {"pos", "lemma", "with", "type", "mode", "cameo", "type_note"}


def test_lexicon_every_row_has_the_cameo_type_or_says_why_not() -> None:
    codes = ontology.cameo_codes()
    notes = 0
    for row in lexicon_rows():
        code = codes[row["cameo"]]
        if row["type"] == code.plover_type:
            assert not row["type_note"], f"{row}: a note on a row that agrees with the CAMEO table"
        else:
            assert len(row["type_note"]) > 20, f"{row}: CAMEO {code.code} is {code.plover_type}; say why it differs"
            notes += 1
    assert 0 < notes < 100  # the documented exceptions exist, and stay exceptions


def test_lexicon_every_row_names_a_known_type_mode_and_code() -> None:
    types = ontology.plover_types()
    for row in lexicon_rows():
        assert row["pos"] in ("verb", "noun"), row
        assert row["lemma"] == row["lemma"].strip().lower() and row["lemma"], row
        assert row["type"] in types, row
        assert not row["mode"] or row["mode"] in types[row["type"]].modes, row
        assert row["cameo"] in ontology.cameo_codes(), row


def test_lexicon_has_no_duplicate_entries() -> None:
    keys = [(row["pos"], row["lemma"], row["with"]) for row in lexicon_rows()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(("pos", "lemma", "with_word", "expected"), [
    ("verb", "reach", "deal", "SUPPORT"),        # finalising an agreement (CAMEO 057)
    ("verb", "lift", "blockade", "RETREAT"),     # easing a blockade is done, not promised (0872)
    ("verb", "blockade", "", "COERCE"),          # a blockade restricts movement (191)
    ("verb", "loot", "", "ASSAULT"),             # plunder in a conflict destroys property (1712)
    ("verb", "allow", "access", "RETREAT"),      # admitting humanitarian access (0863)
])
def test_lexicon_fixed_rows_follow_the_cameo_table(pos: str, lemma: str, with_word: str, expected: str) -> None:
    (row,) = [r for r in lexicon_rows() if (r["pos"], r["lemma"], r["with"]) == (pos, lemma, with_word)]
    assert row["type"] == expected == ontology.cameo(row["cameo"]).plover_type


def test_cameo_every_code_has_a_valid_type_and_quad_class() -> None:
    codes = ontology.cameo_codes()
    assert len(codes) > 300
    for code, entry in codes.items():
        assert entry.quad_class == ontology.root_quad_class(code), code
        if entry.root in UNTYPED or code in UNTYPED_CODES:
            assert entry.plover_type is None, code
            continue
        assert entry.plover_type in ontology.PLOVER_TYPES, code
        assert entry.plover_mode is None or entry.plover_mode in ontology.plover_type(entry.plover_type).modes, code


def test_lexicon_the_coders_own_codes_agree_with_the_cameo_table() -> None:
    """Besides the lexicon rows, the coder picks codes itself (intent, threats, demands, a coming withdrawal):
    each of those codes has, in the CAMEO table, the type the coder gives it."""
    from eventwire.ontology import tiebreaks as events

    chosen = [("AGREE", code) for code in events.INTENT_CAMEO.values()]
    chosen += [("THREATEN", code) for code in events.THREAT_CAMEO.values()]
    chosen += [("THREATEN", "130"), ("AGREE", "030"), ("REQUEST", "100")]
    for etype, code in chosen:
        assert ontology.cameo(code).plover_type == etype, (etype, code)
    # The one deliberate difference, said where it is made: a withdrawal still to come is CONCEDE with 0356.
    assert ontology.cameo(events.COMING_WITHDRAWAL).plover_type == "AGREE"


def test_lexicon_the_coders_refusals_threats_and_concessions_agree_with_the_cameo_table() -> None:
    """The codes of a refusal, an ultimatum and a coming concession: REJECT and THREATEN as in the CAMEO table; a
    concession still to come is CONCEDE with an intent-to-yield code (035x), which the table types AGREE."""
    from eventwire.ontology import tiebreaks

    for code in [*tiebreaks.REFUSAL_CAMEO.values(), *tiebreaks.REFUSED_RETREAT.values(), tiebreaks.REFUSED_AGREEMENT]:
        assert ontology.cameo(code).plover_type == "REJECT", code
    assert ontology.cameo(tiebreaks.ULTIMATUM).plover_type == "THREATEN"
    for code in tiebreaks.COMING_CONCESSION.values():
        assert code.startswith("035") and ontology.cameo(code).plover_type == "AGREE", code


@pytest.mark.parametrize(("args", "expected"), [
    (("RETREAT", "withdraw", "0874", True, False, False), ("CONCEDE", "0356")),   # "will withdraw"
    (("RETREAT", "withdraw", "0874", True, True, True), ("AGREE", "0356")),       # "is willing to withdraw"
    (("RETREAT", "release", "0841", True, True, False), ("AGREE", "035")),        # "will free the hostages"
    (("CONCEDE", None, "081", True, True, False), ("AGREE", "035")),              # "will lift the ban"
    (("ASSAULT", None, "190", True, True, False), ("THREATEN", "138")),           # "will attack"
    (("ASSAULT", None, "190", False, False, False), ("ASSAULT", "190")),          # "attacked"
])
def test_tiebreaks_announced_offered_and_done(args: tuple[str, str | None, str, bool, bool, bool],
                                              expected: tuple[str, str]) -> None:
    from eventwire.ontology.tiebreaks import announced

    etype, mode, code, ahead, intended, offered = args
    got = announced(etype, mode, code, ahead=ahead, intended=intended, offered=offered)
    assert (got[0], got[2]) == expected


def test_tiebreaks_refusals_ultimatums_and_promises_of_force() -> None:
    from eventwire.ontology.tiebreaks import promised, refused, ultimatum

    assert refused("AGREE", None, "030")[::2] == ("REJECT", "120")
    assert refused("SUPPORT", None, "057")[::2] == ("REJECT", "127")
    assert refused("RETREAT", "release", "0841")[::2] == ("REJECT", "1243")
    assert refused("ASSAULT", None, "190") == ("ASSAULT", None, "190")  # not attacking is no refusal
    assert ultimatum("RETREAT", "withdraw", "0874")[::2] == ("THREATEN", "139")
    assert ultimatum("SANCTION", None, "161")[::2] == ("THREATEN", "131")
    assert promised("ASSAULT") == ("THREATEN", "violence", "138")
    assert promised("AID") is None
