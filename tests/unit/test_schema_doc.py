"""docs/schema.md documents every record and every field the code has, and nothing else."""

from __future__ import annotations

import dataclasses
import re
import typing

import pytest
from tests.conftest import ROOT

from eventwire import types as records
from eventwire.crossdoc import records as crossdoc
from eventwire.errors import Errors
from eventwire.store.base import IngestFailure
from eventwire.store.schema import TABLES
from eventwire.types import ArticleRecord, field_types, optional_of

DOC = ROOT / "docs" / "schema.md"
HEADING = re.compile(r"^#{2,3} `(\w+)`\s*$")
ROW = re.compile(r"^\| `(\w+)` \| ([^|]+) \|")


def _sections() -> dict[str, list[tuple[str, str]]]:
    """Record name -> (field, type) rows of the first table under its heading."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current: str | None = None
    in_table = False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            current, in_table = heading.group(1), False
            sections[current] = []
            continue
        if line.startswith("#"):
            current = None
            continue
        if current is None:
            continue
        row = ROW.match(line)
        if row and (in_table or not sections[current]):
            in_table = True
            sections[current].append((row.group(1), row.group(2).strip()))
        elif in_table and not line.startswith("|"):
            current = None  # only the first table of a section lists fields
    return sections


def _record_types() -> dict[str, type]:
    """Every record reachable from ArticleRecord, the store's own IngestFailure, and the records of the
    cross-article tables."""
    found: dict[str, type] = {}

    def walk(kind: type) -> None:
        found[kind.__name__] = kind
        for _, hint in field_types(kind):
            inner = optional_of(hint) or hint
            if typing.get_origin(inner) is list:
                (inner,) = typing.get_args(inner)
            if dataclasses.is_dataclass(inner) and isinstance(inner, type) and inner.__name__ not in found:
                walk(inner)

    walk(ArticleRecord)
    found[IngestFailure.__name__] = IngestFailure
    for kind in (crossdoc.ArticleSignature, crossdoc.Duplicate, crossdoc.LinkedEvent, crossdoc.EventMention,
                 crossdoc.Story, crossdoc.StoryArticle):
        walk(kind)
    return found


def test_schema_doc_has_a_section_for_every_record_and_no_other() -> None:
    assert sorted(_sections()) == sorted(_record_types())


@pytest.mark.parametrize("name", sorted(_record_types()))
def test_schema_doc_lists_the_fields_of_each_record_in_order(name: str) -> None:
    kind = _record_types()[name]
    documented = [field for field, _ in _sections()[name]]
    assert documented == [f.name for f in dataclasses.fields(kind)]


@pytest.mark.parametrize("name", sorted(_record_types()))
def test_schema_doc_says_null_exactly_where_a_field_may_be_null(name: str) -> None:
    kind = _record_types()[name]
    types = dict(_sections()[name])
    wrong = [f.name for f, hint in field_types(kind) if (optional_of(hint) is not None) != types[f.name].endswith(
        "or null")]
    assert wrong == []


def test_schema_doc_names_the_tables_and_the_warning_codes() -> None:
    text = DOC.read_text(encoding="utf-8")
    for table in TABLES:
        assert f"| `{table}` |" in text
    codes = [name for name in vars(Errors) if re.fullmatch(r"W\d{3}", name)]
    assert codes and all(f"| {code} |" in text for code in codes)
    assert records.SCHEMA_VERSION == 1 and "now `1`" in text


def test_schema_doc_is_what_the_readme_points_to() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/schema.md" in readme and "shared/spec" not in readme
