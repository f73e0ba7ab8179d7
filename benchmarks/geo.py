"""Geoparsing benchmark: toponym recognition F1 and resolution accuracy within 161 km, with a population baseline.

Usage:
    python benchmarks/geo.py --data ../shared/peers [--limit N] [--corpus lgl --corpus geovirus ...] [--half even|odd]

``--furniture-wrap N`` measures the plain-text reader instead (no pipeline): each article's paragraphs are
hard-wrapped at N columns (as TR-News-style text copied from a terminal or an e-mail is), read with
``eventwire.ingest.text.read_text``, and the JSON line gives the body characters (non-space, outside a dateline
opening the text) kept out of furniture spans, over all, and the number of lines marked furniture.

``--half even`` keeps each corpus's articles 0, 2, 4, ... (in file order), ``--half odd`` the others: tune on one
half, check that a change holds on the other.

Data (read at run time, never copied into the project); --data is a folder searched for these files:

- LGL (``lgl.xml``) and TR-News (``TR-News*.xml``): ``<article><text>`` with ``<toponym><start/><end/><phrase/>
  <gaztag geonameid=..><lat/><lon/>``; a toponym without ``gaztag`` has no coordinates. TR-News offsets start up to
  ten characters late in about 9% of cases: the phrase is looked up near the offset.
- GeoVirus (``GeoVirus.xml``): ``<article><text>`` with ``<location><name/><start/><end/><lat/><lon/>``; every offset
  is one character too far right, so spans are shifted left by one (and checked against the name).
- GeoWebNews (``GWN*.xml``): ``<toponym><extractedName/><type/><start/><end/><latitude/><longitude/>``; annotations
  with a negative offset (in the title) are skipped, and, as Gritta et al. score it, so are the types Non_Toponym,
  Literal_Expression and Non_Lit_Expression.

Every article goes through ``Pipeline().docs`` once (one model load), with the stages after ``eventwire_places``
switched off; the places scored are ``doc._.places``.

Metrics, per corpus and pooled (the last stdout line is one JSON object; tables go to stderr):

- toponym_p / toponym_r / toponym_f1: a predicted place and a gold toponym match when their spans overlap (each
  used once, in text order);
- acc_161km: over the matched gold toponyms that have coordinates, the share whose predicted point lies within
  161 km (100 miles) of the gold point, as Gritta et al. and Mordecai report it; a matched place without
  coordinates counts as wrong. acc_161km_e2e: the same hits over ALL gold toponyms with coordinates.
- mean_km / median_km: error distance over the matched gold toponyms with coordinates and a predicted point;
- population_acc_161km (and population_acc_161km_e2e): the same toponyms resolved by the baseline instead, the most
  populous gazetteer candidate of the predicted place's text (no candidate: wrong).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GWN_EXCLUDED = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}
CORPORA = ("lgl", "geovirus", "geowebnews", "trnews")


@dataclass
class Gold:
    name: str
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass
class Doc:
    corpus: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def _near(text: str, name: str, start: int, window: int) -> int:
    """The offset of `name` closest to `start` within `window` characters, else `start`."""
    if text[start:start + len(name)] == name:
        return start
    best = start
    for shift in range(1, window + 1):
        for pos in (start - shift, start + shift):
            if pos >= 0 and text[pos:pos + len(name)] == name:
                return pos
    return best


def read_lgl_like(path: Path, corpus: str, window: int) -> Iterator[Doc]:
    root = ET.parse(path).getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        doc = Doc(corpus, text)
        for top in article.iter("toponym"):
            start = int(top.findtext("start") or 0)
            end = int(top.findtext("end") or 0)
            phrase = top.findtext("phrase") or text[start:end]
            start = _near(text, phrase, start, window)
            gaz = top.find("gaztag")
            lat = _float(gaz.find("lat")) if gaz is not None else None
            lon = _float(gaz.find("lon")) if gaz is not None else None
            doc.gold.append(Gold(phrase, start, start + len(phrase), lat, lon))
        yield doc


def read_geovirus(path: Path) -> Iterator[Doc]:
    root = ET.parse(path).getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        doc = Doc("geovirus", text)
        for loc in article.iter("location"):
            name = loc.findtext("name") or ""
            start = int(loc.findtext("start") or 0) - 1  # the corpus's offsets are one character right
            start = _near(text, name, start, 2)
            doc.gold.append(Gold(name, start, start + len(name), _float(loc.find("lat")), _float(loc.find("lon"))))
        yield doc


def read_gwn(path: Path) -> Iterator[Doc]:
    root = ET.parse(path).getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        doc = Doc("geowebnews", text)
        for top in article.iter("toponym"):
            start = int(top.findtext("start") or -1)
            if start < 0 or (top.findtext("type") or "") in GWN_EXCLUDED:
                continue
            name = top.findtext("extractedName") or ""
            doc.gold.append(Gold(name, start, int(top.findtext("end") or start), _float(top.find("latitude")),
                                 _float(top.find("longitude"))))
        yield doc


def find_corpora(data: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    patterns = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml", "geowebnews": "GWN*.xml", "trnews": "TR-News*.xml"}
    for corpus, pattern in patterns.items():
        hits = sorted(data.rglob(pattern)) if data.is_dir() else ([data] if data.match(pattern) else [])
        if hits:
            found[corpus] = hits[0]
    return found


def read_corpus(corpus: str, path: Path) -> list[Doc]:
    if corpus == "lgl":
        return list(read_lgl_like(path, corpus, 0))
    if corpus == "trnews":
        return list(read_lgl_like(path, corpus, 10))
    if corpus == "geovirus":
        return list(read_geovirus(path))
    return list(read_gwn(path))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from eventwire.kb.gazetteer import km

    return km(lat1, lon1, lat2, lon2)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold_coords: int = 0
    matched_coords: int = 0
    hits: int = 0
    population_hits: int = 0
    errors: list[float] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "toponym_p": round(p, 4), "toponym_r": round(r, 4),
            "toponym_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "acc_161km": round(self.hits / self.matched_coords, 4) if self.matched_coords else 0.0,
            "acc_161km_e2e": round(self.hits / self.gold_coords, 4) if self.gold_coords else 0.0,
            "mean_km": round(statistics.fmean(self.errors), 1) if self.errors else None,
            "median_km": round(statistics.median(self.errors), 1) if self.errors else None,
            "population_acc_161km": round(self.population_hits / self.matched_coords, 4)
            if self.matched_coords else 0.0,
            "population_acc_161km_e2e": round(self.population_hits / self.gold_coords, 4) if self.gold_coords else 0.0,
            "n_gold": self.tp + self.fn, "n_gold_coords": self.gold_coords, "n_matched_coords": self.matched_coords,
        }


def score(doc: Doc, places: list[Any], tally: Tally) -> None:
    from eventwire.kb.gazetteer import gazetteer

    gaz = gazetteer()
    used: set[int] = set()
    for gold in doc.gold:
        has_coords = gold.lat is not None and gold.lon is not None
        tally.gold_coords += has_coords
        match = next((i for i, p in enumerate(places) if i not in used and p.start < gold.end and gold.start < p.end),
                     None)
        if match is None:
            tally.fn += 1
            continue
        used.add(match)
        tally.tp += 1
        if not has_coords or gold.lat is None or gold.lon is None:
            continue
        tally.matched_coords += 1
        place = places[match]
        if place.lat is not None and place.lon is not None:
            error = _km(gold.lat, gold.lon, place.lat, place.lon)
            tally.errors.append(error)
            tally.hits += error <= 161
        base = gaz.most_populous(place.text)
        if base is not None and base.lat is not None and base.lon is not None:
            tally.population_hits += _km(gold.lat, gold.lon, base.lat, base.lon) <= 161
    tally.fp += len(places) - len(used)


def furniture_kept(docs: list[Doc], width: int) -> dict[str, Any]:
    """Body characters the plain-text reader keeps out of furniture when each paragraph is wrapped at `width`."""
    import textwrap

    from eventwire.ingest.text import read_text

    kept = total = marked = 0
    by_corpus: dict[str, list[int]] = {}
    for doc in docs:
        text = "\n\n".join(textwrap.fill(p, width) for p in doc.text.split("\n") if p.strip())
        article = read_text(text, doc.corpus)
        spans = [b for b in article.boilerplate if not (b.kind == "dateline" and b.start == 0)]
        inside = bytearray(len(text))
        for b in spans:
            inside[b.start:b.end] = b"\x01" * (b.end - b.start)
        body = [i for i, ch in enumerate(text) if not ch.isspace()]
        counts = by_corpus.setdefault(doc.corpus, [0, 0])
        counts[0] += sum(1 for i in body if not inside[i])
        counts[1] += len(body)
        marked += len(spans)
    for k, n in by_corpus.values():
        kept, total = kept + k, total + n
    return {"furniture_wrap": width, "body_chars_kept": kept, "body_chars": total,
            "kept_share": round(kept / total, 5) if total else 0.0, "furniture_spans": marked,
            "corpora": {c: {"kept": k, "total": n} for c, (k, n) in by_corpus.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="only these corpora (repeatable)")
    ap.add_argument("--limit", type=int, default=0, help="first N articles of each corpus")
    ap.add_argument("--half", choices=("even", "odd"), help="only the even- or odd-numbered articles of each corpus")
    ap.add_argument("--furniture-wrap", type=int, default=0, metavar="N",
                    help="measure body text kept by the plain-text reader on articles wrapped at N columns")
    args = ap.parse_args(argv)

    from eventwire.pipeline import Pipeline
    from eventwire.types import Article

    corpora = find_corpora(args.data)
    if args.corpus:
        corpora = {k: v for k, v in corpora.items() if k in args.corpus}
    if not corpora:
        print(f"no geoparsing corpus under {args.data}", file=sys.stderr)
        return 2
    docs: list[Doc] = []
    for corpus, path in corpora.items():
        items = read_corpus(corpus, path)
        if args.half:
            items = items[0 if args.half == "even" else 1::2]
        docs += items[: args.limit] if args.limit else items
    if args.furniture_wrap:
        print(json.dumps(furniture_kept(docs, args.furniture_wrap)))
        return 0
    started = time.perf_counter()
    pipeline = Pipeline()
    tallies = {corpus: Tally() for corpus in corpora}
    articles = (Article(text=d.text, source=f"{d.corpus}:{i}") for i, d in enumerate(docs))
    # Only the stages places need: the event coder and the stages after it have nothing to add here.
    unneeded = [name for name in pipeline.nlp.pipe_names
                if name.startswith("eventwire_") and name not in ("eventwire_places", "eventwire_paragraphs")]
    with pipeline.nlp.select_pipes(disable=unneeded):
        for doc, parsed in zip(docs, pipeline.docs(articles), strict=True):
            score(doc, list(parsed._.places or []), tallies[doc.corpus])
    pooled = Tally()
    result: dict[str, Any] = {}
    for corpus, tally in tallies.items():
        metrics = tally.metrics()
        result[corpus] = metrics
        print(f"{corpus:11} {json.dumps(metrics)}", file=sys.stderr)
        for name in ("tp", "fp", "fn", "gold_coords", "matched_coords", "hits", "population_hits"):
            setattr(pooled, name, getattr(pooled, name) + getattr(tally, name))
        pooled.errors += tally.errors
    result = {**pooled.metrics(), "corpora": result, "articles": len(docs), "half": args.half or "all",
              "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
