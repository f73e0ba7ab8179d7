"""The CLI end to end with spaCy's blank English pipeline (no model load)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PAGE_TEXT
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE_TEXT, encoding="utf-8")
    (folder / "plain.txt").write_text("Negotiators met in Doha on Tuesday, a mediator said.\n", encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps({"text": "Flights resumed on Tuesday, officials said.",
                                                   "published": "2021-08-17"}) + "\n{broken\n", encoding="utf-8")
    return folder


def test_cli_extract_writes_one_record_per_article(tmp_path: Path, blank_config_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE_TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), "--config", str(blank_config_path)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["schema"] == 1
    assert record["article"]["text"] == PAGE_TEXT
    assert record["article"]["published"] == "2021-08-17T09:15:00"
    assert record["events"] == [] and record["quotes"] == []


def test_cli_extract_goes_on_after_a_bad_input_and_exits_1(tmp_path: Path, blank_config_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE_TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(page),
                                 "--config", str(blank_config_path)])
    assert result.exit_code == 1
    assert "E101" in result.stderr and "nope.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_cli_usage_errors_exit_2(tmp_path: Path, blank_config_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE_TEXT, encoding="utf-8")
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    bad_date = runner.invoke(app, ["extract", str(page), "--published", "August", "--config",
                                   str(blank_config_path)])
    assert bad_date.exit_code == 2 and "E110" in bad_date.stderr
    assert runner.invoke(app, ["extract", str(page), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(page), "--config", str(tmp_path / "none.toml")]).exit_code == 2


def test_cli_ingest_is_idempotent_and_records_failures(tmp_path: Path, blank_config_path: Path) -> None:
    corpus, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--config", str(blank_config_path)])
    assert first.exit_code == 1, first.output
    assert "3 added, 0 already stored, 1 failed" in first.stdout
    assert "E104" in first.stderr and "wire.jsonl" in first.stderr
    second = runner.invoke(app, ["ingest", str(corpus / "page.txt"), str(corpus / "plain.txt"), "--db", str(db),
                                 "--config", str(blank_config_path)])
    assert second.exit_code == 0
    assert "0 added, 2 already stored, 0 failed" in second.stdout


def test_cli_export_jsonl_matches_extract(tmp_path: Path, blank_config_path: Path) -> None:
    page, db = tmp_path / "page.txt", tmp_path / "s.duckdb"
    page.write_text(PAGE_TEXT, encoding="utf-8")
    runner.invoke(app, ["ingest", str(page), "--db", str(db), "--config", str(blank_config_path)])
    exported = runner.invoke(app, ["export", "--format", "jsonl", "--db", str(db)])
    extracted = runner.invoke(app, ["extract", str(page), "--config", str(blank_config_path)])
    assert exported.exit_code == 0
    assert json.loads(exported.stdout) == json.loads(extracted.stdout)
    csv_out = runner.invoke(app, ["export", "--format", "csv", "--table", "articles", "--db", str(db)])
    assert csv_out.stdout.startswith("id,source,title,")
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "E202" in missing.stderr


def test_cli_demo_ingests_the_sample_corpus_and_summarises(tmp_path: Path, blank_config_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--config", str(blank_config_path)])
    assert result.exit_code == 0, result.output
    assert "articles added" in result.stdout and "Events by PLOVER type" in result.stdout
    assert "Top actors" in result.stdout and "Page furniture found" in result.stdout
    kept = tmp_path / "demo.duckdb"
    assert runner.invoke(app, ["demo", "--db", str(kept), "--config", str(blank_config_path)]).exit_code == 0
    again = runner.invoke(app, ["demo", "--db", str(kept), "--config", str(blank_config_path)])
    assert again.exit_code == 2 and "E301" in again.stderr


def test_cli_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("eventwire ")


def test_cli_ingest_killed_midway_resumes_without_loss_or_duplicates(tmp_path: Path, blank_config_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    import duckdb

    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(300):
        (corpus / f"{i:03d}.txt").write_text(f"Report {i}: negotiators met in Doha on day {i}, a mediator said.\n",
                                             encoding="utf-8")
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "ingest", str(corpus), "--db", str(db),
           "--config", str(blank_config_path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall()
    con.close()
    assert rows == [(300, 300)]


def test_cli_ingest_records_a_failure_once_however_often_it_is_rerun(tmp_path: Path, blank_config_path: Path) -> None:
    from eventwire.store import open_store

    corpus, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    for _ in range(3):
        result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--config", str(blank_config_path)])
        assert result.exit_code == 1 and "E104" in result.stderr
    with open_store(db, read_only=True) as store:
        (failure,) = store.errors()
    assert failure.code == "E104" and failure.occurrences == 3 and "wire.jsonl" in failure.source


def test_cli_ingest_says_published_was_not_applied_and_replace_applies_it(tmp_path: Path,
                                                                        blank_config_path: Path) -> None:
    from eventwire.store import open_store

    corpus, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    args = ["--db", str(db), "--config", str(blank_config_path)]
    page, plain = str(corpus / "page.txt"), str(corpus / "plain.txt")
    assert runner.invoke(app, ["ingest", page, plain, *args]).exit_code == 0
    again = runner.invoke(app, ["ingest", page, plain, "--published", "2021-01-05", *args])
    assert again.exit_code == 0
    assert ("0 added, 2 already stored (--published not applied; pass --replace to re-extract), 0 failed"
            in again.stdout)
    with open_store(db, read_only=True) as store:
        assert [a.published for a in store.articles().items] == ["2021-08-17T09:15:00", None]
    replaced = runner.invoke(app, ["ingest", page, plain, "--published", "2021-01-05", "--replace", *args])
    assert replaced.exit_code == 0, replaced.output
    assert "0 added, 2 replaced, 0 already stored, 0 failed" in replaced.stdout
    with open_store(db, read_only=True) as store:
        articles = store.articles().items
        assert [a.published for a in articles] == ["2021-01-05", "2021-01-05"]
        assert [a.source for a in articles] == [page, plain]  # ingest order kept
        assert store.count("articles") == 2
    plain_rerun = runner.invoke(app, ["ingest", page, *args])
    assert "0 added, 1 already stored, 0 failed" in plain_rerun.stdout  # no note without --published
