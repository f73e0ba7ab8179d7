"""Shared fixtures. Unit tests never load the English model: they use spaCy's blank pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Config, load_config

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def blank_config(tmp_path: Path) -> Config:
    """A config whose model is spaCy's tokenizer-only English pipeline."""
    path = tmp_path / "blank.toml"
    path.write_text('[model]\nnames = ["blank:en"]\n', encoding="utf-8")
    return load_config(path)


@pytest.fixture
def blank_config_path(tmp_path: Path) -> Path:
    path = tmp_path / "blank.toml"
    path.write_text('[model]\nnames = ["blank:en"]\n[store]\nbatch_size = 2\n', encoding="utf-8")
    return path


def spaces_for(words: list[str]) -> list[bool]:
    """spaCy `spaces` for hand-built Docs: a space after each word but the last and before "." or ","."""
    spaces = [True] * len(words)
    spaces[-1] = False
    for i, word in enumerate(words[1:], start=1):
        if word in ".,":
            spaces[i - 1] = False
    return spaces


PAGE_TEXT = """Kabul airport evacuation resumes, officials say

By: Sample Desk
Published: 09:15 AM, 17 Aug, 2021
Soldiers and civilians at the airport
Caption: Evacuees wait at the airport in Kabul
Download the Sample News app for Android and iOS

KABUL, Aug 17 (Sample Wire) — Evacuation flights resumed on Tuesday after the runway was cleared, officials said.

Read More: Taliban enter the capital

The spokesman for a fictional relief group said on Twitter that food was running short.

Copyright © 2021 Sample News. All rights reserved.
"""
