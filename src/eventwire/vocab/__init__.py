"""The word lists the extractors share, one table per concept, read once and checked.

Each table is a CSV file beside this module: ``#`` comment lines (what the table is and what each role
means), a header, then one word a row. The first column is ``lemma``: the word, lower-case, one token, no
duplicates. The role columns hold ``x`` when the word has the role, else nothing; ``actor.csv`` also has a
``sector`` column (a PLOVER sector code from ``ontology/plover.toml`` or nothing). A row has at least one role
or a sector.

==============  =======================================================================================
table           roles
==============  =======================================================================================
``speech``      attribution, quote_cue, quote_only, request, stance, predicate, act, side
``intent``      future, plan, report, schedule, deadline, unvoiced
``statement``   statement, document, speech
``actor``       (sector), title, generic, country_part, country_only, protester, body, modifier_only
``light``       light, aspectual, carrier, issue, finding
``preposition`` recipient, noun_recipient, trigger_place, clause_place, place_name, time_bound, speech_object
``auxiliary``   future, hypothetical
``thing``       document, process, place, abstract
``mood``        condition, inversion, readiness, refusal, deliberation, denial, preparation
``determiner``  demonstrative, generic
``attitude``    holder
``territory``   taking, place_object
``action``      rallying, travel
==============  =======================================================================================

``words(table, role=None)`` gives the words of a table, or of one role; ``sector_words()`` the word -> sector
map. A table that breaks a rule raises E007 naming the file and the row. A word list used by one rule of one
module may stay in that module; ``tests/unit/test_vocab.py`` fails when a list is written out twice.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from eventwire import ontology
from eventwire.errors import EventwireError

__all__ = ["ROLES", "Table", "body_words", "country_part_sectors", "modifier_sectors", "parse_table", "sector_words",
           "table", "words"]

ROLES: dict[str, tuple[str, ...]] = {
    "speech": ("attribution", "quote_cue", "quote_only", "request", "stance", "predicate", "act", "side"),
    "intent": ("future", "plan", "report", "schedule", "deadline", "unvoiced"),
    "statement": ("statement", "document", "speech"),
    "actor": ("title", "generic", "country_part", "country_only", "protester", "body", "modifier_only"),
    "light": ("light", "aspectual", "carrier", "issue", "finding"),
    "preposition": ("recipient", "noun_recipient", "trigger_place", "clause_place", "place_name", "time_bound",
                    "speech_object"),
    "auxiliary": ("future", "hypothetical"),
    "thing": ("document", "process", "place", "abstract"),
    "mood": ("condition", "inversion", "readiness", "refusal", "deliberation", "denial", "preparation"),
    "determiner": ("demonstrative", "generic"),
    "attitude": ("holder",),
    "territory": ("taking", "place_object"),
    "action": ("rallying", "travel"),
}
"""Every table and its role columns, in file order."""

_ATTRIBUTES: dict[str, tuple[str, ...]] = {"actor": ("sector",)}
_MARK = "x"


@dataclass(frozen=True)
class Table:
    """A checked table: each word with its roles and its sector (empty when it has none)."""

    name: str
    roles: dict[str, frozenset[str]]
    sectors: dict[str, str]

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.sectors)


def _columns(name: str) -> list[str]:
    return ["lemma", *_ATTRIBUTES.get(name, ()), *ROLES[name]]


def parse_table(name: str, text: str, path: str) -> Table:
    """The table ``name`` (a key of ROLES) read from ``text``; E007 naming ``path`` when it breaks a rule."""

    def bad(reason: str) -> EventwireError:
        return EventwireError("E007", path=path, reason=reason)

    expected = _columns(name)
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise bad("it has no header")
    header = next(csv.reader([lines[0][1]]))
    if header != expected:
        raise bad(f"the columns are {','.join(header)}; expected {','.join(expected)}")
    known_sectors = set(ontology.sectors())
    members: dict[str, set[str]] = {role: set() for role in ROLES[name]}
    sectors: dict[str, str] = {}
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line)))
        if len(cells) != len(expected):
            raise bad(f"line {number} has {len(cells)} cells, not {len(expected)}")
        row = dict(zip(expected, cells, strict=True))
        word = row["lemma"]
        if not word or word != word.strip().lower() or any(c.isspace() for c in word):
            raise bad(f"line {number}: {word!r} is not a lower-case single word")
        if word in sectors:
            raise bad(f"line {number}: {word!r} is listed twice")
        sector = row.get("sector", "")
        if sector and sector not in known_sectors:
            raise bad(f"line {number}: {sector!r} is not a PLOVER sector")
        marks = {role: row[role] for role in ROLES[name]}
        odd = sorted(value for value in marks.values() if value not in ("", _MARK))
        if odd:
            raise bad(f"line {number}: a role cell holds {odd[0]!r}, not '{_MARK}' or nothing")
        if (marks.get("country_part") or marks.get("country_only")) and not sector:
            raise bad(f"line {number}: {word!r} names a country's part but has no sector")
        if (marks.get("body") or marks.get("modifier_only")) and not sector:
            raise bad(f"line {number}: {word!r} is a body or modifier word but has no sector")
        if marks.get("country_only") and not marks.get("country_part"):
            raise bad(f"line {number}: {word!r} is country_only but not country_part")
        if not sector and not any(marks.values()):
            raise bad(f"line {number}: {word!r} has no role" + (" and no sector" if "sector" in row else ""))
        sectors[word] = sector
        for role, value in marks.items():
            if value:
                members[role].add(word)
    return Table(name=name, roles={role: frozenset(found) for role, found in members.items()}, sectors=sectors)


@cache
def table(name: str) -> Table:
    """The shipped table ``name``, read and checked once (KeyError for an unknown table, E007 for a bad one)."""
    if name not in ROLES:
        raise KeyError(f"no vocabulary table {name!r} (known: {', '.join(ROLES)})")
    resource = files("eventwire.vocab").joinpath(f"{name}.csv")
    return parse_table(name, resource.read_text(encoding="utf-8"), f"eventwire/vocab/{name}.csv")



def words(name: str, role: str | None = None) -> frozenset[str]:
    """The words of table ``name``, or those with ``role`` (KeyError for an unknown table or role)."""
    found = table(name)
    if role is None:
        return found.words
    if role not in found.roles:
        raise KeyError(f"table {name!r} has no role {role!r} (known: {', '.join(ROLES[name])})")
    return found.roles[role]


@cache
def sector_words() -> dict[str, str]:
    """Role and group words -> PLOVER sector ("troops" MIL, "embassy" DIP, "police" COP)."""
    found = table("actor")
    only = found.roles["country_only"] | found.roles["modifier_only"]
    return {word: sector for word, sector in found.sectors.items() if sector and word not in only}


def modifier_sectors() -> dict[str, str]:
    """Words that, modifying a body word, tell its sector ("aid" NGO and "spy" SPY before "agency"): the
    sector words and the modifier-only ones."""
    found = table("actor")
    return {word: sector for word, sector in found.sectors.items()
            if sector and word not in found.roles["country_only"]}


def body_words() -> frozenset[str]:
    """Words for a body whose kind its modifiers tell ("agency")."""
    return table("actor").roles["body"]


def country_part_sectors() -> dict[str, str]:
    """Words that, right after a country form, name that country's part -> its sector ("army" MIL in
    "Pakistani army", "prime" GOV in "Pakistani prime minister")."""
    found = table("actor")
    return {word: found.sectors[word] for word in found.roles["country_part"]}
