"""The actor network (eventwire.crossdoc.network): records built by hand, texts ours."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from eventwire.config import Config, load_config
from eventwire.crossdoc.network import NetworkFilter, build_network, store_network, write_network
from eventwire.crossdoc.records import LinkedActor, LinkedDate, LinkedEvent
from eventwire.crossdoc.stage import CrossDoc
from eventwire.errors import EventwireError
from eventwire.store import open_store
from eventwire.types import Actor, Article, ArticleRecord, Event, EventDate, Span

NORTH = Actor(text="Northland", name="Northland", kind="country", country="XNO", sector="GOV")
SOUTH = Actor(text="Southland", name="Southland", kind="country", country="XSO", sector="GOV")
REBELS = Actor(text="the rebels", name="Southern Front", kind="group", country="XSO", sector="REB")
TEXTS = [
    "Northland shelled border posts held by Southland troops on Monday, the defence ministry said. " * 2,
    "Artillery fire from Northland hit Southland positions along the border early on Monday. " * 2,
    "Witnesses described heavy shelling of the frontier posts by Northland forces on Monday. " * 2,
]


@pytest.fixture
def config() -> Config:
    return load_config()


def _report(text: str, outlet: str, events: list[tuple[str, int, Actor, Actor, str]]) -> ArticleRecord:
    article = Article(text=text, source=f"{outlet}.txt", outlet=outlet, published="2021-05-04",
                      published_from="input")
    return ArticleRecord(article=article, events=[
        Event(id=f"{article.id}-{i}", type=kind, trigger=Span("x", 0, 1), sentence=Span(text[:40], 0, 40),
              actor=[who], recipient=[whom], quad_class=quad, confidence=0.9,
              date=EventDate(value=day, precision="day"))
        for i, (kind, quad, who, whom, day) in enumerate(events)])


def _linked(i: int, kind: str, quad: int, actor: list[LinkedActor], recipient: list[LinkedActor],
            day: str) -> LinkedEvent:
    return LinkedEvent(id=f"e{i}", type=kind, modality="asserted", quad_class=quad, actor=actor, recipient=recipient,
                       date=LinkedDate(day, "day", day, day))


N, S, R = (LinkedActor(a.name, a.country, a.sector) for a in (NORTH, SOUTH, REBELS))


def test_network_edge_weights_count_linked_events_once_however_many_reports(tmp_path: Path, config: Config) -> None:
    reports = [_report(text, f"Outlet {i}", [("ASSAULT", 4, NORTH, SOUTH, "2021-05-03")])
               for i, text in enumerate(TEXTS)]
    reports.append(_report("Northland and Southland envoys met in a neutral capital on Tuesday to talk. " * 2,
                           "Outlet 9", [("CONSULT", 1, NORTH, SOUTH, "2021-05-04")]))
    with open_store(tmp_path / "n.duckdb") as store:
        store.add_records(reports)
        CrossDoc(store, config).add(reports)
        assert store.count("event_mentions") == 4 and store.count("linked_events") == 2
        graph = store_network(store, NetworkFilter(), config.get("linking.symmetric_types"))
    assert graph.graph["linked_events"] == 2
    # CONSULT is symmetric: its parties are joined from the first name in alphabetical order, which is Northland.
    edge = graph.edges["Northland", "Southland"]
    assert edge["weight"] == 2 and edge["types"] == "ASSAULT:1 CONSULT:1"
    assert (edge["quad_1"], edge["quad_4"], edge["balance"]) == (1, 1, 0.0)
    assert (edge["first_date"], edge["last_date"]) == ("2021-05-03", "2021-05-04")
    assert graph.nodes["Southland"]["country"] == "XSO" and graph.nodes["Northland"]["events"] == 2


def test_network_edges_run_from_actor_to_recipient_and_are_filtered(tmp_path: Path) -> None:
    events = [_linked(1, "ASSAULT", 4, [R], [S], "2021-05-01"), _linked(2, "AID", 2, [N], [R], "2021-06-10"),
              _linked(3, "ASSAULT", 4, [R], [S], "2021-06-12")]
    graph = build_network(events)
    assert sorted(graph.edges) == [("Northland", "Southern Front"), ("Southern Front", "Southland")]
    assert graph.edges["Southern Front", "Southland"]["weight"] == 2
    assert graph.edges["Southern Front", "Southland"]["balance"] == -1.0
    june = build_network(e for e in events if NetworkFilter(since="2021-06").matches(e))
    assert june.edges["Southern Front", "Southland"]["weight"] == 1
    northern = build_network(e for e in events if NetworkFilter(country="XNO").matches(e))
    assert sorted(northern.edges) == [("Northland", "Southern Front")]
    may = build_network(e for e in events if NetworkFilter(until="2021-05").matches(e))
    assert may.graph["linked_events"] == 1


@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_network_files_read_back_with_networkx(tmp_path: Path, suffix: str) -> None:
    graph = build_network([_linked(1, "ASSAULT", 4, [R], [S], "2021-05-01"), _linked(2, "AID", 2, [N], [R],
                                                                                    "2021-06-10")])
    path = tmp_path / f"net{suffix}"
    write_network(graph, path)
    back = nx.read_gexf(path) if suffix == ".gexf" else nx.read_graphml(path)
    assert sorted(back.edges) == sorted(graph.edges)
    edge = back.edges["Southern Front", "Southland"]
    assert float(edge["weight"]) == 1 and edge["event_type"] == "ASSAULT" and edge["first_date"] == "2021-05-01"
    assert back.nodes["Northland"]["country"] == "XNO"


def test_network_refuses_a_file_name_that_says_no_format(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as info:
        write_network(build_network([]), tmp_path / "net.json")
    assert info.value.code == "E306"


def test_network_command_writes_the_file(tmp_path: Path, config: Config) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    db = tmp_path / "n.duckdb"
    reports = [_report(TEXTS[0], "Outlet 0", [("ASSAULT", 4, NORTH, SOUTH, "2021-05-03")])]
    with open_store(db) as store:
        store.add_records(reports)
        CrossDoc(store, config).add(reports)
    out = tmp_path / "net.gexf"
    runner = CliRunner()
    result = runner.invoke(app, ["network", "--db", str(db), "--out", str(out), "--since", "2021-05"])
    assert result.exit_code == 0, result.output
    assert "2 actors, 1 edges, from 1 linked events" in result.stdout
    assert nx.read_gexf(out).number_of_edges() == 1
    again = runner.invoke(app, ["network", "--db", str(db), "--out", str(out)])
    assert again.exit_code == 2 and "E301" in again.stderr
    wrong = runner.invoke(app, ["network", "--db", str(db), "--out", str(tmp_path / "net.csv")])
    assert wrong.exit_code == 2 and "E306" in wrong.stderr
