"""Roles dated by the event, not by the article.

An actor's sector and role in the knowledge base can change with time: the Taliban are a rebel group (REB)
until 2021-08-14 and the government (GOV) from 2021-08-15; Donald Trump is President (GOV) from 2017 to 2021,
then a party leader (PTY). Mentions are resolved against the article's publication date; an event told in
that article may be older ("the February 2020 deal signed by Trump"), so each actor of an event takes the
knowledge base's entry valid on the event's own date when it has one, else the article's. Without either
date, an actor whose entries disagree keeps its name and country but no sector or role: none is assumed; so does a
person on a day outside every period the table gives them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from eventwire.kb import KBEntry
from eventwire.nlp.extensions import kb_of
from eventwire.types import Actor, EventDate

_KINDS = ("person", "organization", "group")


def role_day(when: EventDate | None, published: date | None) -> date | None:
    """The day an event's roles are read on: the first day of its own date (a day, a month or a year), else
    the publication day, else None."""
    if when is not None and when.value and not when.inferred:
        start = {"day": when.value[:10], "month": when.value[:7] + "-01", "year": when.value[:4] + "-01-01"}
        try:
            return date.fromisoformat(start[when.precision])
        except (KeyError, ValueError):  # a range or an unknown precision: no day of its own
            pass
    return published


def dated(doc: Doc, actor: Actor, day: date | None, published: date | None) -> Actor:
    """`actor` (resolved on the `published` day) with the sector and role the knowledge base gives its
    canonical name on `day`; unchanged when both days fall in the same entry's period."""
    if actor.kind not in _KINDS:
        return actor
    kb = kb_of(doc)
    entries = [e for e in kb.candidates(actor.name) if e.name == actor.name]
    if not entries:
        return actor
    if day is None:
        if len({(e.sector, e.role) for e in entries}) > 1:
            return replace(actor, sector=None, role=None)
        return actor
    entry = _valid(entries, day)
    if entry is None:
        if actor.kind != "person":
            return actor
        # A person in none of their periods that day ("Boris Johnson" in 2009, before any office the table
        # knows): no sector or role from the table; a title the text gives stays.
        from_table = {(e.sector, e.role) for e in entries}
        return replace(actor, sector=None if any(actor.sector == s for s, _ in from_table) else actor.sector,
                       role=None if any(actor.role == r for _, r in from_table) else actor.role)
    if published is not None and entry == _valid(entries, published) and entry.sector == actor.sector:
        return actor  # already resolved on a day of that entry (a pair like "US-Taliban" is resolved undated)
    return replace(actor, sector=entry.sector, role=entry.role or actor.role, country=entry.country or actor.country)


def _valid(entries: list[KBEntry], day: date) -> KBEntry | None:
    current = [e for e in entries if e.valid_on(day)]
    return max(current, key=lambda e: e.valid_from or date.min) if current else None


__all__ = ["dated", "role_day"]
