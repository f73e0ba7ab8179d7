"""One shipped default config (``default.toml``), validated; user files override only what they set."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError

ENV_VAR = "EVENTWIRE_CONFIG"


def _defaults() -> dict[str, Any]:
    raw = resources.files("eventwire").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _merge(base: dict[str, Any], over: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        name = f"{prefix}{key}"
        if key not in base:
            raise EventwireError("E003", key=name, known=", ".join(sorted(base)))
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise EventwireError("E004", key=name, expected="a table", value=value)
            out[key] = _merge(base[key], value, prefix=f"{name}.")
            continue
        expected = type(base[key])
        ok = isinstance(value, expected) or (expected is float and isinstance(value, int))
        if not ok or (isinstance(value, bool) and expected is not bool):
            raise EventwireError("E004", key=name, expected=expected.__name__, value=value)
        out[key] = value
    return out


@dataclass(frozen=True)
class Config:
    """The validated configuration. ``data`` mirrors default.toml's tables."""

    data: dict[str, Any]

    def get(self, dotted: str) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            node = node[part]
        return node


def load_config(path: str | Path | None = None) -> Config:
    """The defaults, overridden by `path` (or $EVENTWIRE_CONFIG when `path` is None)."""
    data = _defaults()
    chosen = path if path is not None else os.environ.get(ENV_VAR)
    if chosen:
        try:
            user = tomllib.loads(Path(chosen).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise EventwireError("E002", path=chosen, reason=exc) from exc
        data = _merge(data, user)
    return Config(data)
