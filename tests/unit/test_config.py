from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.errors import EventwireError


def test_config_defaults_are_shipped() -> None:
    config = load_config()
    assert config.get("store.path") == "eventwire.duckdb"
    assert config.get("model.names")[0] == "en_core_web_sm"


def test_config_user_file_overrides_only_what_it_sets(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[ingest]\nurl_timeout = 3\n", encoding="utf-8")
    config = load_config(path)
    assert config.get("ingest.url_timeout") == 3
    assert config.get("ingest.url_max_bytes") == 10_000_000


def test_config_env_var_names_the_user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[store]\npath = "x.duckdb"\n', encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_CONFIG", str(path))
    assert load_config().get("store.path") == "x.duckdb"


@pytest.mark.parametrize(("body", "code"), [
    ("[store]\npathh = 'x'\n", "E003"),
    ("[store]\nbatch_size = 'many'\n", "E004"),
    ("[store\n", "E002"),
])
def test_config_bad_files_give_numbered_errors(tmp_path: Path, body: str, code: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        load_config(path)
    assert info.value.code == code
