"""Roles dated by the event: the knowledge base's entry valid on the event's own date."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.types import Actor, Article, ArticleRecord

pytestmark = pytest.mark.model


def _actors(text: str, published: str | None) -> list[Actor]:
    record = next(Pipeline().records([Article(text=text, source="roles.txt", published=published)]))
    assert isinstance(record, ArticleRecord) and record.events
    return [a for e in record.events for a in [*e.actor, *e.recipient]]


def test_roles_a_past_event_takes_the_role_of_its_own_date() -> None:
    found = _actors("In February 2020, President Donald Trump signed an agreement with the Taliban in Doha.",
                    "2021-08-20")
    trump = next(a for a in found if a.name == "Donald Trump")
    taliban = next(a for a in found if a.name == "Taliban")
    assert trump.sector == "GOV" and "President" in (trump.role or "")
    assert taliban.sector == "REB"


def test_roles_an_event_without_its_own_date_takes_the_article_date() -> None:
    (taliban,) = [a for a in _actors("The Taliban attacked a checkpoint in Kunduz, officials said.", "2021-09-01")
                  if a.name == "Taliban"]
    assert taliban.sector == "GOV"


def test_roles_an_undated_article_assumes_no_role_for_an_actor_whose_role_changed() -> None:
    (taliban,) = [a for a in _actors("The Taliban attacked a checkpoint in Kunduz, officials said.", None)
                  if a.name == "Taliban"]
    assert taliban.country == "AFG" and taliban.sector is None
