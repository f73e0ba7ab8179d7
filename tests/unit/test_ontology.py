from __future__ import annotations

import csv
import tomllib
from importlib.resources import files

import pytest

from eventwire import ontology
from eventwire.ontology import (
    OLD_NAMES,
    PLOVER_TYPES,
    CameoCode,
    PloverType,
    cameo,
    cameo_codes,
    cameo_for,
    contexts,
    normalize_type,
    plover_type,
    plover_types,
    quad_class,
    root_quad_class,
    sectors,
)

EXPECTED_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


# The quad class of each CAMEO root, written out: 01-05 verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict, 14-20 material conflict (protest is done, not said).
ROOT_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3,
             "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}


def _root_rule(code: str) -> int:
    return ROOT_QUAD[code[:2]]


def test_ontology_has_all_sixteen_types_in_order() -> None:
    assert PLOVER_TYPES == EXPECTED_TYPES
    types = plover_types()
    assert tuple(types) == EXPECTED_TYPES
    for name, ptype in types.items():
        assert isinstance(ptype, PloverType)
        assert ptype.name == name
        assert ptype.quad_class in (1, 2, 3, 4)
        assert ptype.definition.endswith(".")
        assert ptype.definition.count(". ") == 0, f"{name}: definition should be one sentence"


def test_ontology_type_quad_classes_follow_plover_grouping() -> None:
    by_quad: dict[int, list[str]] = {}
    for ptype in plover_types().values():
        by_quad.setdefault(ptype.quad_class, []).append(ptype.name)
    assert by_quad == {
        1: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
        2: ["COOPERATE", "AID", "RETREAT"],
        3: ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
        4: ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
    }


def test_ontology_toml_has_no_extra_types_and_a_meta_table() -> None:
    data = tomllib.loads(files("eventwire.ontology").joinpath("plover.toml").read_text(encoding="utf-8"))
    assert set(data["types"]) == set(EXPECTED_TYPES)
    assert data["meta"]["written_by"] == "eventwire developers"
    assert "openeventdata/PLOVER" in data["meta"]["source"]


def test_ontology_type_defaults_point_at_codes_of_the_same_type() -> None:
    codes = cameo_codes()
    for ptype in plover_types().values():
        assert ptype.cameo in codes, ptype.name
        assert codes[ptype.cameo].plover_type == ptype.name


def test_ontology_mode_codes_exist_and_belong_to_their_type() -> None:
    codes = cameo_codes()
    for ptype in plover_types().values():
        for name, mode in ptype.modes.items():
            assert mode.name == name
            assert mode.definition
            if mode.cameo is not None:
                assert mode.cameo in codes, (ptype.name, name)
                assert codes[mode.cameo].plover_type == ptype.name, (ptype.name, name, mode.cameo)


def test_ontology_types_without_modes_are_the_verbal_and_cooperative_ones() -> None:
    no_modes = {name for name, ptype in plover_types().items() if not ptype.modes}
    assert no_modes == {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}


def test_ontology_every_cameo_quad_class_matches_its_root() -> None:
    for code, entry in cameo_codes().items():
        assert isinstance(entry, CameoCode)
        assert entry.quad_class == _root_rule(code), code
        assert quad_class(code, None) == entry.quad_class


@pytest.mark.parametrize("root", sorted(ROOT_QUAD))
def test_ontology_quad_class_follows_every_cameo_root(root: str) -> None:
    assert root_quad_class(root) == ROOT_QUAD[root]
    subcodes = [code for code in cameo_codes() if code.startswith(root)]
    assert len(subcodes) >= 2, root  # the root and at least one of its codes are in the table
    for code in subcodes:
        assert root_quad_class(code) == ROOT_QUAD[root], code
        assert cameo(code).quad_class == ROOT_QUAD[root], code


def test_ontology_protest_is_material_conflict() -> None:
    assert quad_class("141", None) == 4
    assert cameo("14").quad_class == 4
    assert plover_type("PROTEST").quad_class == 4


def test_ontology_cameo_codes_are_complete_and_well_formed() -> None:
    codes = cameo_codes()
    assert len(codes) == 313
    roots = [f"{n:02d}" for n in range(1, 21)]
    assert [c for c in codes if len(c) == 2] == roots
    for code, entry in codes.items():
        assert entry.code == code
        assert code.isdigit() and 2 <= len(code) <= 4
        assert code[:2] in roots
        if len(code) == 4:
            assert code[:3] in codes, f"{code} has no three-digit parent"
        assert entry.label and len(entry.label) <= 60


def test_ontology_codes_keep_leading_zeros() -> None:
    raw = files("eventwire.ontology").joinpath("cameo.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(raw.splitlines()))
    assert rows[0]["code"] == "01"
    assert {"010", "0211", "041", "0874", "1123"} <= {r["code"] for r in rows}
    assert "10" in cameo_codes() and "010" in cameo_codes()
    assert cameo("010").code == "010"
    assert cameo("0874").root == "08"
    assert all(isinstance(code, str) for code in cameo_codes())


def test_ontology_cameo_plover_fields_use_known_names() -> None:
    types = plover_types()
    known_contexts = set(contexts())
    for code, entry in cameo_codes().items():
        if entry.plover_type is None:
            assert entry.plover_mode is None, code
            continue
        assert entry.plover_type in PLOVER_TYPES, code
        if entry.plover_mode is not None:
            assert entry.plover_mode in types[entry.plover_type].modes, (code, entry.plover_mode)
        for context in entry.plover_contexts:
            assert context in known_contexts, (code, context)


def test_ontology_statements_and_appeals_have_no_plover_type() -> None:
    for code, entry in cameo_codes().items():
        if code[:2] in ("01", "02"):
            assert entry.plover_type is None, code
    assert sum(1 for e in cameo_codes().values() if e.plover_type is None) == 40


def test_ontology_spot_facts() -> None:
    phone = cameo("041")
    assert phone.plover_type == "CONSULT"
    assert phone.plover_mode == "phone"
    assert "phone" in plover_type("CONSULT").modes
    assert cameo("042").plover_mode == "visit"
    assert cameo("0874").plover_type == "RETREAT"
    assert cameo("0871").plover_mode == "ceasefire"
    assert cameo("080").plover_type == "CONCEDE"
    assert cameo("0831").plover_type == "CONCEDE"
    assert cameo("084").plover_type == "RETREAT"
    assert cameo("030").plover_type == "AGREE"
    assert cameo("036").plover_type == "AGREE"
    assert cameo("051").plover_type == "SUPPORT"
    assert cameo("057").plover_type == "SUPPORT"
    assert cameo("090").plover_type == "ACCUSE"
    assert cameo("090").plover_mode == "investigate"
    assert cameo("112").plover_type == "ACCUSE"
    assert cameo("1121").plover_contexts == ("crime", "corruption")
    assert cameo("100").plover_type == "REQUEST"
    assert cameo("125").plover_type == "REJECT"
    assert cameo("163").plover_type == "COERCE"
    assert cameo("1712").plover_type == "ASSAULT"
    assert cameo("191").plover_type == "COERCE"
    assert cameo("192").plover_type == "COERCE"
    assert cameo("201").plover_type == "ASSAULT"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("13", "THREATEN"), ("14", "PROTEST"), ("15", "MOBILIZE"), ("16", "SANCTION"), ("19", "ASSAULT"),
     ("20", "ASSAULT"), ("18", "ASSAULT"), ("04", "CONSULT"), ("06", "COOPERATE"), ("07", "AID")],
)  # fmt: skip
def test_ontology_root_families_map_to_one_type(prefix: str, expected: str) -> None:
    exceptions = {"163", "191", "192"}  # embargo -> COERCE; blockade and occupation -> COERCE
    for code, entry in cameo_codes().items():
        if code.startswith(prefix) and code not in exceptions:
            assert entry.plover_type == expected, code


def test_ontology_coerce_family_except_violent_codes() -> None:
    for code, entry in cameo_codes().items():
        if code.startswith("17") and code not in ("1712", "175"):
            assert entry.plover_type == "COERCE", code
    assert cameo("175").plover_type == "ASSAULT"


def test_ontology_cameo_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        cameo("999")
    with pytest.raises(KeyError):
        cameo("41")  # leading zero matters: "41" is not "041"


def test_ontology_plover_type_unknown_raises() -> None:
    with pytest.raises(KeyError):
        plover_type("FLY")
    assert plover_type("consult").name == "CONSULT"
    assert plover_type("DEMAND").name == "REQUEST"


def test_ontology_cameo_for_uses_mode_then_default() -> None:
    assert cameo_for("CONSULT", "phone") == "041"
    assert cameo_for("CONSULT") == "040"
    assert cameo_for("CONSULT", "multilateral") == "040"  # mode without a CAMEO code
    assert cameo_for("CONSULT", "no-such-mode") == "040"
    assert cameo_for("RETREAT", "release") == "0841"
    assert cameo_for("AGREE") == "030"
    assert cameo_for("ASSAULT") == "190"
    assert cameo_for("ASSAULT", "firearms") == "193"
    assert cameo_for("FIGHT") == "190"
    with pytest.raises(KeyError):
        cameo_for("NOPE")


def test_ontology_cameo_for_every_type_and_mode_is_a_known_code() -> None:
    codes = cameo_codes()
    for ptype in plover_types().values():
        assert cameo_for(ptype.name) in codes
        for mode in ptype.modes:
            assert cameo_for(ptype.name, mode) in codes


def test_ontology_quad_class_prefers_the_code_root() -> None:
    assert quad_class("041", "CONSULT") == 1
    assert quad_class("041", None) == 1
    assert quad_class("0874", None) == 2
    assert quad_class("112", None) == 3
    assert quad_class("145", "PROTEST") == 4
    assert quad_class("145", "ACCUSE") == 4  # the root wins over the type default (3)
    assert quad_class("190", None) == 4
    assert quad_class(None, "PROTEST") == 4
    assert quad_class(None, "CONCEDE") == 1
    assert quad_class("", "AID") == 2
    assert quad_class(None, "DEMAND") == 3
    assert quad_class(None, None) is None
    with pytest.raises(ValueError, match="CAMEO"):
        quad_class("21", None)
    with pytest.raises(ValueError, match="CAMEO"):
        quad_class("abc", None)


def test_ontology_normalize_type_maps_old_names() -> None:
    assert OLD_NAMES == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
    for old, new in OLD_NAMES.items():
        assert normalize_type(old) == new
        assert normalize_type(old.lower()) == new
    for name in PLOVER_TYPES:
        assert normalize_type(name) == name
    assert normalize_type(" assault ") == "ASSAULT"
    with pytest.raises(KeyError):
        normalize_type("CRIME")


def test_ontology_contexts_and_sectors() -> None:
    ctx = contexts()
    assert isinstance(ctx, tuple)
    assert {"diplomatic", "military", "economic", "humanitarian", "legal", "political_institutions"} <= set(ctx)
    assert len(ctx) == len(set(ctx))
    assert set(ontology.context_descriptions()) == set(ctx)
    sec = sectors()
    expected = {"GOV", "MIL", "REB", "COP", "JUD", "LEG", "PTY", "SPY", "DIP", "BUS", "MED", "REL", "CVL", "IGO"}
    for code in sorted(expected | {"NGO", "OPP", "JRN"}):
        assert code in sec, code
        assert sec[code]
    assert all(len(code) == 3 and code.isupper() for code in sec)


def test_ontology_loaders_are_cached() -> None:
    assert plover_types() is plover_types()
    assert cameo_codes() is cameo_codes()
    assert cameo("041") is cameo("041")
