"""PLOVER v2 and CAMEO reference data: event types, modes, contexts, sector codes and CAMEO codes.

Two data files sit beside this module and are read once, on first use:

``plover.toml``
    The 16 PLOVER v2 event types (definition, default quad class, default CAMEO code, modes), the PLOVER
    contexts and the actor sector codes.
``cameo.csv``
    Every CAMEO 1.1b3 event code (``code,label,quad_class,plover_type,plover_mode,plover_context``), with
    the PLOVER type, mode and context(s) it corresponds to. Codes are zero-padded strings ("010", "0874");
    several contexts are joined with ``;``. Codes that PLOVER dropped (roots 01 and 02) and the ambiguous
    root 08 have no PLOVER type.

Both files were written by the eventwire developers from public facts: the names and correspondences come
from the PLOVER project (Open Event Data Alliance), the NGEC structured codebook and agents list, and the
CAMEO 1.1b3 code numbers; see ``[meta]`` in ``plover.toml``. All labels, definitions and descriptions are
our own wording, not text copied from those projects.

To extend the data, edit the files (keep our own wording and record any new source in ``[meta]``):

* a new mode: add ``[types.TYPE.modes.NAME]`` with ``definition`` and, if a CAMEO code matches, ``cameo``;
* a new context or sector: add a ``name = "description"`` line under ``[contexts]`` or ``[sectors]``;
* a new CAMEO code: add a row to ``cameo.csv``; its quad class must follow the root rule (01-05 -> 1,
  06-08 -> 2, 09-13 -> 3, 14-20 -> 4) and its type and mode must exist in ``plover.toml``.

``tests/unit/test_ontology.py`` checks these rules.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
    "OLD_NAMES",
    "PLOVER_TYPES",
    "CameoCode",
    "Mode",
    "PloverType",
    "cameo",
    "cameo_codes",
    "cameo_for",
    "context_descriptions",
    "contexts",
    "normalize_type",
    "plover_type",
    "plover_types",
    "quad_class",
    "root_quad_class",
    "sectors",
]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The PLOVER v2 event types, in quad-class order."""

OLD_NAMES: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
"""Type names from earlier PLOVER drafts and the types that replaced them."""

QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode: how (or, for THREATEN, what) within an event type."""

    name: str
    definition: str
    cameo: str | None


@dataclass(frozen=True)
class PloverType:
    """A PLOVER v2 event type with its default quad class and CAMEO code."""

    name: str
    definition: str
    quad_class: int
    cameo: str
    modes: dict[str, Mode]


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code and the PLOVER type/mode/context(s) it corresponds to (None where there is none)."""

    code: str
    label: str
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        """The two-digit root ("cue category"), e.g. "04" for "041"."""
        return self.code[:2]

    @property
    def plover_contexts(self) -> tuple[str, ...]:
        """``plover_context`` split into its contexts (empty when there is none)."""
        if not self.plover_context:
            return ()
        return tuple(part.strip() for part in self.plover_context.split(";") if part.strip())


def _read_text(name: str) -> str:
    return files("eventwire.ontology").joinpath(name).read_text(encoding="utf-8")


@cache
def _plover_data() -> dict[str, Any]:
    return tomllib.loads(_read_text("plover.toml"))


def _str_table(key: str) -> dict[str, str]:
    table = _plover_data()[key]
    return {str(name): str(text) for name, text in table.items()}


@cache
def plover_types() -> dict[str, PloverType]:
    """All 16 PLOVER types by name, in ``PLOVER_TYPES`` order."""
    raw: dict[str, Any] = _plover_data()["types"]
    result: dict[str, PloverType] = {}
    for name in PLOVER_TYPES:
        entry = raw[name]
        modes = {
            str(mode_name): Mode(
                name=str(mode_name),
                definition=str(mode["definition"]),
                cameo=str(mode["cameo"]) if "cameo" in mode else None,
            )
            for mode_name, mode in entry.get("modes", {}).items()
        }
        result[name] = PloverType(
            name=name,
            definition=str(entry["definition"]),
            quad_class=int(entry["quad_class"]),
            cameo=str(entry["cameo"]),
            modes=modes,
        )
    return result


def plover_type(name: str) -> PloverType:
    """The PLOVER type called ``name`` (old names such as DEMAND are accepted); KeyError if unknown."""
    return plover_types()[normalize_type(name)]


def normalize_type(name: str) -> str:
    """The current PLOVER v2 name for ``name``: upper-cased, old names mapped; KeyError if unknown."""
    key = name.strip().upper()
    key = OLD_NAMES.get(key, key)
    if key not in PLOVER_TYPES:
        raise KeyError(name)
    return key


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code by its zero-padded string, in file order (root, then its subcodes)."""
    reader = csv.DictReader(io.StringIO(_read_text("cameo.csv")))
    result: dict[str, CameoCode] = {}
    for row in reader:
        code = row["code"].strip()
        result[code] = CameoCode(
            code=code,
            label=row["label"].strip(),
            quad_class=int(row["quad_class"]),
            plover_type=_blank_to_none(row["plover_type"]),
            plover_mode=_blank_to_none(row["plover_mode"]),
            plover_context=_blank_to_none(row["plover_context"]),
        )
    return result


def cameo(code: str) -> CameoCode:
    """The CAMEO code ``code`` (a zero-padded string such as "041"); KeyError if unknown."""
    return cameo_codes()[code.strip()]


def root_quad_class(cameo_code: str) -> int:
    """The quad class given by a CAMEO code's root: 01-05 verbal cooperation (1), 06-08 material cooperation
    (2), 09-13 verbal conflict (3), 14-20 material conflict (4). Protest (14) is done, not said: material.

    Raises ValueError when ``cameo_code`` is not a CAMEO-shaped code (2-4 digits, root 01-20).
    """
    code = cameo_code.strip()
    if not (2 <= len(code) <= 4 and code.isascii() and code.isdigit()):
        raise ValueError(f"not a CAMEO code: {cameo_code!r}")
    root = int(code[:2])
    if root < 1 or root > 20:
        raise ValueError(f"not a CAMEO code: {cameo_code!r}")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def quad_class(cameo_code: str | None, plover_type: str | None) -> int | None:
    """The quad class: from the CAMEO code's root when one is given, else the PLOVER type's default.

    Returns None when neither is given. Raises ValueError for a malformed CAMEO code and KeyError for an
    unknown type.
    """
    if cameo_code is not None and cameo_code.strip():
        return root_quad_class(cameo_code)
    if plover_type is not None and plover_type.strip():
        return plover_types()[normalize_type(plover_type)].quad_class
    return None


def cameo_for(plover_type: str, mode: str | None = None) -> str:
    """The CAMEO code for a PLOVER type: the mode's code when the mode is known and has one, else the
    type's default code. KeyError for an unknown type; an unknown mode falls back to the default."""
    ptype = plover_types()[normalize_type(plover_type)]
    if mode is not None:
        found = ptype.modes.get(mode.strip().lower())
        if found is not None and found.cameo is not None:
            return found.cameo
    return ptype.cameo


@cache
def contexts() -> tuple[str, ...]:
    """The PLOVER context names."""
    return tuple(_str_table("contexts"))


@cache
def context_descriptions() -> dict[str, str]:
    """Each PLOVER context with our one-line description."""
    return _str_table("contexts")


@cache
def sectors() -> dict[str, str]:
    """Actor sector codes (GOV, MIL, REB, ...) with our one-line descriptions."""
    return _str_table("sectors")
