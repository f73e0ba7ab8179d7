"""The shared vocabulary tables: read once, checked, and the only copy of each word list."""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

import pytest
from tests.conftest import ROOT

from eventwire import ontology, vocab
from eventwire.errors import EventwireError

EXTRACTORS = ROOT / "src" / "eventwire" / "extractors"
# The knowledge base reads role words too (a country form followed by one names that country's part).
KB = ROOT / "src" / "eventwire" / "kb"

# Dependency labels are the parser's, not words: lists of them may repeat.
DEP_LABELS = {
    "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case", "cc", "ccomp",
    "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj", "expl", "flat", "intj", "mark", "meta",
    "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "obl", "obl:tmod", "nmod:tmod", "oprd", "parataxis",
    "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "tmod", "xcomp",
}  # fmt: skip
# A word list may share this many words with another list of a different module or with a table.
SHARED_AT_MOST = 2
# Lists (module.NAME) or tables that share more words than that, and why they are different concepts.
# Prepositions and quantity words are small closed classes: lists local to one rule overlap by necessity.
DIFFERENT_CONCEPTS: dict[tuple[str, str], str] = {
    ("event_arguments._COLLECTIVE_NOUNS", "actor"):
        "nouns that count or gather an actor (a group of, a crowd of), not roles",
    ("event_arguments._COLLECTIVE_NOUNS", "normalise._VAGUE_COUNTS"): "counted actors vs vague counts of time units",
    ("normalise._TIME_PREPS", "rules._YEAR_PREPS"): "before a clock time vs before a bare year: two timex rules",
    ("normalise._UPCOMING_BOUNDS", "rules._YEAR_PREPS"): "ahead-bounds vs before a bare year: two timex rules",
    ("coref._STOP", "preposition"): "function words ignored when comparing names, not argument prepositions",
    ("coref._STOP", "normalise._TIME_PREPS"): "function words ignored in names vs words before a clock time",
    ("coref._STOP", "rules._YEAR_PREPS"): "function words ignored in names vs words before a bare year",
    ("normalise._TIME_PREPS", "preposition"): "words that make a clock time a date: local to one timex rule",
    ("rules._YEAR_PREPS", "preposition"): "words that make a bare year a date: local to one timex rule",
    ("places._ACTOR_VERBS", "light"): "acts a capital's government does (order, send) vs verbs carrying event nouns",
}


# -- the tables ------------------------------------------------------------------------------------------


def test_vocab_every_table_loads_with_every_role_used() -> None:
    for name, roles in vocab.ROLES.items():
        assert vocab.words(name), name
        for role in roles:
            assert vocab.words(name, role=role), (name, role)
            assert vocab.words(name, role=role) <= vocab.words(name)


def test_vocab_speech_roles_say_what_the_extractors_need() -> None:
    assert "say" in vocab.words("speech", role="attribution")
    assert vocab.words("speech", role="attribution") <= vocab.words("speech", role="quote_cue")
    assert {"urge", "call", "demand"} <= vocab.words("speech", role="request")
    assert "fear" in vocab.words("speech", role="quote_cue") - vocab.words("speech", role="attribution")
    assert vocab.words("speech", role="quote_only") == {"continue", "go"}


def test_vocab_sector_words_map_role_words_to_known_sectors() -> None:
    sectors = vocab.sector_words()
    assert (sectors["troops"], sectors["embassy"], sectors["police"], sectors["taliban"]) == ("MIL", "DIP", "COP",
                                                                                             "REB")
    assert set(sectors.values()) <= set(ontology.sectors())
    assert "white" not in sectors  # "White House" is the GOV word, not "white"
    assert "force" not in sectors  # "by force" names no actor


def test_vocab_statement_nouns_are_one_list_for_every_module() -> None:
    statements = vocab.words("statement", role="statement")
    assert {"statement", "communique", "tweet", "interview", "report"} <= statements
    assert "press" not in statements  # "the press" is the journalists, not a statement
    assert statements <= vocab.words("statement")


def test_vocab_tables_are_read_once() -> None:
    assert vocab.table("speech") is vocab.table("speech")
    assert vocab.sector_words() is vocab.sector_words()


def test_vocab_unknown_table_or_role_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no vocabulary table"):
        vocab.words("adverbs")
    with pytest.raises(KeyError, match="has no role"):
        vocab.words("speech", role="whisper")


HEADER = "lemma,sector,title,generic,country_part,country_only,protester,body,modifier_only\n"
GOOD = ("# a comment\n" + HEADER + "troops,MIL,,,x,,,,\nenvoy,DIP,x,x,,,,,\nhead,,x,,,,,,\narmed,MIL,,,x,x,,,\n"
        "rioter,CVL,,,,,x,,\n")


def test_vocab_a_good_table_parses() -> None:
    table = vocab.parse_table("actor", GOOD, "mine.csv")
    assert table.sectors == {"troops": "MIL", "envoy": "DIP", "head": "", "armed": "MIL", "rioter": "CVL"}
    assert table.roles["protester"] == {"rioter"}
    assert table.roles["title"] == {"envoy", "head"}
    assert table.roles["country_part"] == {"troops", "armed"} and table.roles["country_only"] == {"armed"}


def test_vocab_modifier_only_words_tell_a_body_words_sector_but_make_no_mention() -> None:
    assert vocab.modifier_sectors()["aid"] == "NGO" and "aid" not in vocab.sector_words()
    assert "agency" in vocab.body_words() and vocab.modifier_sectors()["spy"] == "SPY"


def test_vocab_country_only_words_are_no_sector_words_of_a_mention() -> None:
    assert vocab.country_part_sectors()["armed"] == "MIL" and vocab.country_part_sectors()["army"] == "MIL"
    assert "armed" not in vocab.sector_words() and vocab.sector_words()["army"] == "MIL"


@pytest.mark.parametrize(("text", "reason"), [
    ("lemma,sector,title\ntroops,MIL,\n", "the columns are lemma,sector,title"),
    (HEADER + "Troops,MIL,,,,,,,\n", "'Troops' is not a lower-case single word"),
    (HEADER + "white house,GOV,,,,,,,\n", "'white house' is not a lower-case single word"),
    (HEADER + "troops,MIL,,,,,,,\ntroops,MIL,,,,,,,\n", "line 3: 'troops' is listed twice"),
    (HEADER + "troops,ARMY,,,,,,,\n", "'ARMY' is not a PLOVER sector"),
    (HEADER + "envoy,DIP,yes,,,,,,\n", "a role cell holds 'yes'"),
    (HEADER + "head,,,,,,,,\n", "'head' has no role and no sector"),
    (HEADER + "head,,x\n", "line 2 has 3 cells, not 9"),
    (HEADER + "air,,,,x,,,,\n", "'air' names a country's part but has no sector"),
    (HEADER + "air,MIL,,,,x,,,\n", "'air' is country_only but not country_part"),
    (HEADER + "aid,,,,,,,x,\n", "'aid' is a body or modifier word but has no sector"),
    ("# only a comment\n", "it has no header"),
])
def test_vocab_a_bad_table_is_e007_naming_the_file(text: str, reason: str) -> None:
    with pytest.raises(EventwireError) as caught:
        vocab.parse_table("actor", text, "my/actor.csv")
    assert caught.value.code == "E007"
    assert str(caught.value).startswith("E007 my/actor.csv: vocabulary table is invalid: ")
    assert reason in caught.value.message


def test_vocab_shipped_tables_pass_the_checks_again_from_their_text() -> None:
    from importlib.resources import files

    for name in vocab.ROLES:
        text = files("eventwire.vocab").joinpath(f"{name}.csv").read_text(encoding="utf-8")
        assert vocab.parse_table(name, text, name) == vocab.table(name)


# -- no word list written twice --------------------------------------------------------------------------


def word_lists(source: str, module: str) -> dict[str, set[str]]:
    """The module-level word lists written out in `source`: every set, list, tuple or dict literal of strings
    (dict keys and values) in a top-level assignment, also inside a union ("vocab.words(...) | {...}").
    Lists of dependency labels, and of upper-case names (types, entity labels), are not words."""
    found: dict[str, set[str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        else:
            continue
        strings = {n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                   and not any(isinstance(p, ast.Call) for p in _parents_of(value, n))}
        if len(strings) < 3 or strings <= DEP_LABELS or any(s != s.lower() for s in strings):
            continue
        found[f"{module}.{name}"] = strings
    return found


def _parents_of(root: ast.AST, target: ast.AST) -> list[ast.AST]:
    """The nodes between `root` and `target` (call arguments such as vocab.words("speech") are no words)."""
    path: list[ast.AST] = []

    def walk(node: ast.AST) -> bool:
        if node is target:
            return True
        for child in ast.iter_child_nodes(node):
            if walk(child):
                path.append(node)
                return True
        return False

    walk(root)
    return path


def extractor_word_lists() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted([*EXTRACTORS.rglob("*.py"), *KB.glob("*.py")]):
        found.update(word_lists(path.read_text(encoding="utf-8"), path.stem))
    return found


def repeated(lists: dict[str, set[str]]) -> list[str]:
    """Each pair of lists from different modules, or a list and a vocabulary table, sharing too many words."""
    problems = []
    for (a, words_a), (b, words_b) in combinations(sorted(lists.items()), 2):
        shared = words_a & words_b
        if a.split(".")[0] != b.split(".")[0] and len(shared) > SHARED_AT_MOST and (a, b) not in DIFFERENT_CONCEPTS:
            problems.append(f"{a} and {b} share {sorted(shared)}")
    for name, words in sorted(lists.items()):
        for table in vocab.ROLES:
            shared = words & vocab.words(table)
            if len(shared) > SHARED_AT_MOST and (name, table) not in DIFFERENT_CONCEPTS:
                problems.append(f"{name} repeats the {table} table: {sorted(shared)}")
    return problems


def test_vocab_the_walker_finds_the_word_lists_left_in_the_modules() -> None:
    lists = extractor_word_lists()
    # Lists local to one rule stay where they are; the walker must see them, or the next test proves nothing.
    for name in ("events._PLACE_NOUNS", "event_arguments._COLLECTIVE_NOUNS", "coref._STOP", "events._PROTEST_VERBS",
                 "places._ACTOR_VERBS"):
        assert name in lists, name
    assert len(lists) >= 10
    assert "coref._MENTION_DEPS" not in lists  # dependency labels
    assert not word_lists('_TYPES = {"CONSULT", "SUPPORT", "AID"}\n', "m")  # PLOVER type names are no words
    assert "actors.SECTOR_WORDS" not in lists  # read from the table now
    assert "approve" in lists["places._ACTOR_VERBS"] and "say" not in lists["places._ACTOR_VERBS"]


def test_vocab_no_word_list_is_written_out_twice() -> None:
    assert repeated(extractor_word_lists()) == []


def test_vocab_exceptions_are_still_needed() -> None:
    lists = {**extractor_word_lists(), **{table: set(vocab.words(table)) for table in vocab.ROLES}}
    for a, b in DIFFERENT_CONCEPTS:
        assert len(lists[a] & lists[b]) > SHARED_AT_MOST, (a, b)


def test_vocab_a_list_copied_into_a_module_is_caught(tmp_path: Path) -> None:
    copied = 'from eventwire import vocab\nMY_SPEECH = {"say", "tell", "announce", "mumble"}\n' \
             'OTHER = vocab.words("speech") | {"bark", "meow", "moo"}\n'
    lists = word_lists(copied, "mine")
    assert lists == {"mine.MY_SPEECH": {"say", "tell", "announce", "mumble"}, "mine.OTHER": {"bark", "meow", "moo"}}
    assert repeated(lists) == ["mine.MY_SPEECH repeats the speech table: ['announce', 'say', 'tell']"]


def test_vocab_two_modules_sharing_a_list_are_caught() -> None:
    lists = {**word_lists('A = {"alpha", "beta", "gamma", "delta"}\n', "one"),
             **word_lists('B = {"gamma", "delta", "beta"}\nC = ("alpha", "beta", "gamma")\n', "two")}
    assert repeated(lists) == ["one.A and two.B share ['beta', 'delta', 'gamma']",
                               "one.A and two.C share ['alpha', 'beta', 'gamma']"]
