"""The actor network: who acts on whom, counted in linked events (one real-world event however many
reports tell of it), as a networkx graph written to GEXF or GraphML.

- A node is a canonical actor name, with its `country` and `sector` (the first its linked events give;
  "" when unknown, since GEXF and GraphML have no null) and `events`, how many linked events it takes
  part in.
- An edge runs from an actor to a recipient of a linked event. The parties of a symmetric type
  (`linking.symmetric_types`: "X met Y", "X and Y met") are joined pairwise, from the name first in
  alphabetical order. An edge holds `weight` (its linked events), `event_type` (the most frequent
  type, ties alphabetical; GEXF keeps `type` for itself), `types` ("ASSAULT:2 COERCE:1"),
  `first_date` and `last_date` (ISO days; "" when none is dated), `quad_1` .. `quad_4` (its linked
  events by quad class), `balance` (cooperation minus conflict over weight, from -1 to 1: quad
  classes 1-2 against 3-4) and `linked_events` (their ids, space-separated).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from eventwire.crossdoc.compare import merge_side
from eventwire.crossdoc.records import LinkedActor, LinkedEvent
from eventwire.errors import EventwireError
from eventwire.store.base import Store
from eventwire.types import from_dict


@dataclass(slots=True)
class NetworkFilter:
    """Which linked events: a date filter keeps only dated ones whose days meet it; `country` keeps those
    with an actor or recipient of that country (ISO alpha-3)."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    types: list[str] = field(default_factory=list)

    def matches(self, linked: LinkedEvent) -> bool:
        d = linked.date
        if self.since or self.until:
            if d is None or not d.earliest or not d.latest:
                return False
            if (self.since and d.latest < self.since) or (self.until and d.earliest > _end(self.until)):
                return False
        if self.country and self.country.upper() not in {a.country for a in [*linked.actor, *linked.recipient]}:
            return False
        return not self.types or linked.type in {t.upper() for t in self.types}


def _end(until: str) -> str:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD filter covers, as a string that compares right."""
    return until + "-99" * (2 - until.count("-"))


def _pairs(linked: LinkedEvent, symmetric: frozenset[str]) -> Iterator[tuple[LinkedActor, LinkedActor]]:
    if linked.type in symmetric:
        parties = sorted(merge_side(linked.actor, linked.recipient), key=lambda a: a.name)
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                yield a, b
        return
    seen: set[tuple[str, str]] = set()
    for a in linked.actor:
        for b in linked.recipient:
            if a.name != b.name and (a.name, b.name) not in seen:
                seen.add((a.name, b.name))
                yield a, b


def _days(linked: LinkedEvent) -> tuple[str, str] | None:
    d = linked.date
    if d is None or not d.earliest or not d.latest:
        return None
    return (d.latest if d.precision == "inferred" else d.earliest), d.latest


def build_network(linked_events: Iterable[LinkedEvent], symmetric: Iterable[str] = ()) -> nx.DiGraph:
    """The actor network of these linked events (module docstring); `graph.graph["linked_events"]` counts
    them."""
    sym = frozenset(symmetric)
    graph = nx.DiGraph()
    edges: dict[tuple[str, str], list[LinkedEvent]] = {}
    count = 0
    for linked in linked_events:
        count += 1
        for actor in merge_side(linked.actor, linked.recipient):
            if actor.name not in graph:
                graph.add_node(actor.name, country=actor.country or "", sector=actor.sector or "", events=0)
            node = graph.nodes[actor.name]
            node["events"] += 1
            node["country"] = node["country"] or actor.country or ""
            node["sector"] = node["sector"] or actor.sector or ""
        for a, b in _pairs(linked, sym):
            edges.setdefault((a.name, b.name), []).append(linked)
    for (source, target), events in sorted(edges.items()):
        graph.add_edge(source, target, **_edge(events))
    graph.graph["linked_events"] = count
    return graph


def _edge(events: list[LinkedEvent]) -> dict[str, Any]:
    types = Counter(e.type for e in events)
    quads = Counter(e.quad_class for e in events)
    days = [d for d in (_days(e) for e in events) if d]
    weight = len(events)
    return {
        "weight": weight,
        "event_type": min(types, key=lambda t: (-types[t], t)),
        "types": " ".join(f"{t}:{n}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        "first_date": min(d[0] for d in days) if days else "",
        "last_date": max(d[1] for d in days) if days else "",
        **{f"quad_{q}": quads.get(q, 0) for q in (1, 2, 3, 4)},
        "balance": round((quads.get(1, 0) + quads.get(2, 0) - quads.get(3, 0) - quads.get(4, 0)) / weight, 4),
        "linked_events": " ".join(sorted(e.id for e in events)),
    }


def store_network(store: Store, which: NetworkFilter, symmetric: Iterable[str] = ()) -> nx.DiGraph:
    """The actor network of a store's linked events that `which` keeps."""
    chosen = (from_dict(LinkedEvent, row) for batch in store.scan("linked_events") for row in batch.to_pylist())
    return build_network((e for e in chosen if which.matches(e)), symmetric)


def write_network(graph: nx.DiGraph, path: Path) -> None:
    """GEXF for a .gexf name, GraphML for .graphml (E306 for any other)."""
    suffix = path.suffix.lower()
    if suffix == ".gexf":
        nx.write_gexf(graph, path)
    elif suffix == ".graphml":
        nx.write_graphml(graph, path)
    else:
        raise EventwireError("E306", path=path)
