"""`eventwire kb`: listing, checking the shipped data, and checking a user's own file."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
HEADER = "name,aliases,kind,country,sector,role,valid_from,valid_to,source\n"


def test_cli_kb_lists_entries_one_per_line() -> None:
    result = runner.invoke(app, ["kb"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) > 100 and all(len(row) == 6 for row in rows)
    assert any(row[0] == "Afghanistan" and row[2] == "AFG" for row in rows)


def test_cli_kb_check_passes_on_the_shipped_data() -> None:
    result = runner.invoke(app, ["kb", "--check"])
    assert result.exit_code == 0, result.output
    assert "0 problems" in result.stderr


def test_cli_kb_user_file_is_listed_and_wins(tmp_path: Path) -> None:
    user = tmp_path / "mine.csv"
    user.write_text(HEADER + "Ann Doe,Governor Doe,person,AFG,GOV,Governor,2031-01-01,,my notes\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "--file", str(user)])
    assert result.exit_code == 0, result.output
    assert "Ann Doe\tperson\tAFG\tGOV\tGovernor\t2031-01-01.." in result.stdout


def test_cli_kb_check_reports_problems_in_a_user_file_and_exits_1(tmp_path: Path) -> None:
    user = tmp_path / "bad.csv"
    user.write_text(HEADER + "Ann Doe,,person,XXQ,WIZ,,2031-02-01,2031-01-01,\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "--check", "--file", str(user)])
    assert result.exit_code == 1
    for words in ("unknown country code 'XXQ'", "invalid sector 'WIZ'", "valid_from is after valid_to", "no source"):
        assert words in result.stdout


def test_cli_kb_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["kb", "--file", str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "E005" in result.stderr


def test_cli_kb_file_comes_from_the_config_key(tmp_path: Path) -> None:
    user = tmp_path / "mine.csv"
    user.write_text(HEADER + "Ann Doe,,person,AFG,GOV,,,,my notes\n", encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(f'[kb]\nextra = "{user.as_posix()}"\n', encoding="utf-8")
    result = runner.invoke(app, ["kb", "--config", str(config)])
    assert result.exit_code == 0 and "Ann Doe\tperson\tAFG" in result.stdout
