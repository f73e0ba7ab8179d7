"""Quote and attribution benchmark on PolNeAR (brat standoff), with textacy's direct quotations as a baseline.

Usage:
    python benchmarks/quotes_polnear.py --data ../shared/peers [--limit N] [--half even|odd] [--show-errors K]

`--half even|odd` scores only the even- or odd-numbered articles (by their index in name order): develop on
one half and check that a change holds on the other.

`--data` is a folder holding polnear/test, the polnear folder, or its test folder (`text/*.txt` and
`attributions/<stem>_<annotator>.ann`, read at run time, never copied). An article annotated by several
annotators is scored against one of them, the first by annotator id, so every article counts once.

The baseline needs textacy (`pip install 'eventwire[bench]'`; it is a benchmark-only dependency). It runs
in whichever environment runs this script; without textacy the baseline figures are null. textacy 0.13
leaves spaCy, thinc and numpy as they are, so the project's own .venv can hold it.

Gold: every PolNeAR attribution relation (E line) with its Source, Cue and Content spans (any of them may
be missing; discontinuous spans are read as their pieces). PolNeAR marks indirect speech and non-speech
attributions (beliefs, plans, findings of polls) too; all of them count. A gold relation is *direct* when
its content, quotation marks aside, is all inside quotation marks, *mixed* when part of it is, else
*indirect*.

Predictions: `Pipeline().records(...)` on every article as plain text (one model load), scored from the
output contract's `quotes` (content, cue, speaker_span, speaker).

Metrics (tables to stderr; the last stdout line is one JSON object):

- per role (source = speaker_span, cue, content): exact P/R/F1 (a predicted span equals a gold span once
  both are trimmed of spaces, quotation marks and edge punctuation; one-to-one) and token-overlap P/R/F1
  (tokens of predicted spans that fall in gold spans of the role / all predicted tokens, and the other
  way round);
- quote_f1: a predicted quote is right when its content covers at least 0.3 of a gold content's tokens
  and its speaker span overlaps the gold source, or its speaker (span, name) names the gold source as
  whole words either way round; a gold relation without a source needs the content only. One-to-one,
  best pairs first. quote_precision / quote_recall too;
- direct_quote_f1 / mixed_quote_f1 / indirect_quote_f1: the same on the gold quotes of that kind, with the
  unmatched predictions of that kind as false positives;
- speaker_accuracy: of the predicted quotes whose content matched a gold content (with a source), the
  share whose speaker is right;
- textacy_*: textacy's `direct_quotations` on the same parse, scored the same way (its quotes are all
  direct).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest.text import read_text  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

TOKEN = re.compile(r"\w+", re.UNICODE)
MARKS = "“”\"«»„"
EDGE = " \t\r\n" + MARKS + ",.;:!?—–-‘’'"
ROLES = ("source", "cue", "content")
KINDS = ("direct", "mixed", "indirect")

Spans = list[tuple[int, int]]


@dataclass
class Relation:
    """One attribution: its spans per role (empty when absent) and the kind of its content."""

    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)
    kind: str = "indirect"


@dataclass
class Predicted:
    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    names: list[str]


@dataclass
class Document:
    stem: str
    text: str
    gold: list[Relation]


# -- reading the data --------------------------------------------------------------------------------------


def find_test_dir(data: Path) -> Path:
    for candidate in (data / "polnear" / "test", data / "test", data):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    sys.exit(f"no PolNeAR test folder (text/, attributions/) under {data}")


def parse_ann(content: str) -> list[Relation]:
    """The attribution relations of one brat standoff file."""
    spans: dict[str, Spans] = {}
    relations: list[Relation] = []
    for line in content.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = pieces
    for line in content.splitlines():
        parts = line.split("\t")
        if not line.startswith("E") or len(parts) < 2:
            continue
        rel = Relation()
        for arg in parts[1].split()[1:]:
            role, _, ref = arg.partition(":")
            key = role.rstrip("0123456789").lower()
            if key in ROLES and ref in spans:
                getattr(rel, key).extend(spans[ref])
        if rel.content:
            relations.append(rel)
    return relations


def kind_of(text: str, pieces: Spans) -> str:
    """direct: the content is all inside quotation marks; mixed: partly; indirect: not at all."""
    inside = outside = 0
    for start, end in pieces:
        depth = _quote_depth(text, start)
        for ch in text[start:end]:
            if ch in "“«„" or (ch == '"' and depth == 0):
                depth = 1
                continue
            if ch in "”»" or ch == '"':
                depth = 0
                continue
            if ch.isalnum():
                if depth:
                    inside += 1
                else:
                    outside += 1
    if inside and outside <= 0.1 * (inside + outside):
        return "direct"
    return "mixed" if inside else "indirect"


def _quote_depth(text: str, start: int) -> int:
    """1 when `start` is inside a quotation opened earlier in its paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    depth = 0
    for ch in text[line_start:start]:
        if ch in "“«„" or (ch == '"' and depth == 0):
            depth = 1
        elif ch in "”»" or ch == '"':
            depth = 0
    return depth


def load(test_dir: Path, limit: int | None) -> list[Document]:
    docs: list[Document] = []
    for txt in sorted((test_dir / "text").glob("*.txt")):
        anns = sorted((test_dir / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(anns[0].read_text(encoding="utf-8"))
        for rel in gold:
            rel.kind = kind_of(text, rel.content)
        docs.append(Document(txt.stem, text, gold))
    if limit:
        step = max(1, len(docs) // limit)
        docs = docs[::step][:limit]
    return docs


# -- scoring -----------------------------------------------------------------------------------------------


def tokens(text: str, pieces: Iterable[tuple[int, int]]) -> set[int]:
    return {m.start() + a for a, b in pieces for m in TOKEN.finditer(text[a:b])}


def trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and text[a] in EDGE:
        a += 1
    while b > a and text[b - 1] in EDGE:
        b -= 1
    return a, b


def bounds(pieces: Spans) -> tuple[int, int]:
    return min(a for a, _ in pieces), max(b for _, b in pieces)


def word_in(needle: str, hay: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle.lower()) + r"(?!\w)", hay.lower()) is not None


def speaker_ok(text: str, gold: Relation, pred: Predicted) -> bool:
    if not gold.source:
        return True
    if pred.source is not None and tokens(text, [pred.source]) & tokens(text, gold.source):
        return True
    gold_name = " ".join(text[a:b] for a, b in gold.source).strip()
    if gold_name.lower() in ("he", "she", "it", "they", "we", "i", "him", "her"):
        return False
    names = [n for n in pred.names if n.strip()]
    return any(word_in(gold_name, n) or (len(n) > 3 and word_in(n, gold_name)) for n in names)


@dataclass
class Counts:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    quote: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    speaker_right: int = 0
    speaker_seen: int = 0


def score_document(text: str, gold: Sequence[Relation], preds: Sequence[Predicted], scores: Scores,
                   errors: list[str] | None = None) -> None:
    for role in ROLES:
        gold_spans = {trim(text, bounds(getattr(g, role))) for g in gold if getattr(g, role)}
        pred_spans = {trim(text, s) for s in (getattr(p, role) for p in preds) if s is not None}
        hit = len(gold_spans & pred_spans)
        scores.exact[role].tp += hit
        scores.exact[role].fp += len(pred_spans) - hit
        scores.exact[role].fn += len(gold_spans) - hit
        gold_tokens = tokens(text, [s for g in gold for s in getattr(g, role)])
        pred_tokens = tokens(text, [s for p in preds for s in [getattr(p, role)] if s is not None])
        both = len(gold_tokens & pred_tokens)
        scores.overlap[role].tp += both
        scores.overlap[role].fp += len(pred_tokens) - both
        scores.overlap[role].fn += len(gold_tokens) - both
    pairs: list[tuple[bool, float, int, int]] = []
    for gi, g in enumerate(gold):
        g_tokens = tokens(text, g.content)
        if not g_tokens:
            continue
        for pi, p in enumerate(preds):
            cover = len(g_tokens & tokens(text, [p.content])) / len(g_tokens)
            if cover >= 0.3:
                pairs.append((speaker_ok(text, g, p), cover, gi, pi))
    # A gold content of several pieces (PolNeAR joins a quote and its continuation after "he said") may
    # be matched piece by piece: each further prediction inside another piece of a matched gold content,
    # with the right speaker, is neither a hit nor a false positive.
    for gi, g in enumerate(gold):
        if len(g.content) < 2:
            continue
        for pi, p in enumerate(preds):
            for piece in g.content:
                piece_tokens = tokens(text, [piece])
                if piece_tokens and len(piece_tokens & tokens(text, [p.content])) >= 0.5 * len(piece_tokens):
                    pairs.append((speaker_ok(text, g, p), 0.0, gi, pi))
    pairs.sort(key=lambda x: (-x[0], -x[1]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    extra_p: set[int] = set()
    content_matched: set[int] = set()
    for ok, _cover, gi, pi in pairs:
        if pi not in content_matched and gold[gi].source:
            content_matched.add(pi)
            scores.speaker_seen += 1
            scores.speaker_right += ok
        if not ok or pi in used_p:
            continue
        if gi in used_g:
            if len(gold[gi].content) > 1:
                extra_p.add(pi)
            continue
        used_g.add(gi)
        used_p.add(pi)
    used_p |= extra_p
    scores.quote.tp += len(used_g)
    scores.quote.fp += len(preds) - len(used_p)
    scores.quote.fn += len(gold) - len(used_g)
    for kind in KINDS:
        counts = scores.by_kind[kind]
        gold_k = [gi for gi, g in enumerate(gold) if g.kind == kind]
        counts.tp += sum(1 for gi in gold_k if gi in used_g)
        counts.fn += sum(1 for gi in gold_k if gi not in used_g)
        counts.fp += sum(1 for pi, p in enumerate(preds) if p.kind == kind and pi not in used_p)
    if errors is not None:
        for gi, g in enumerate(gold):
            if gi not in used_g:
                a, b = bounds(g.content)
                who = " ".join(text[x:y] for x, y in g.source) or "-"
                cue = " ".join(text[x:y] for x, y in g.cue) or "-"
                errors.append(f"MISS {g.kind:8} {who[:30]!r:34} [{cue[:24]}] {text[a:b][:90]!r}")
        for pi, p in enumerate(preds):
            if pi not in used_p:
                who = text[p.source[0]:p.source[1]] if p.source else "-"
                cue = text[p.cue[0]:p.cue[1]] if p.cue else "-"
                errors.append(f"FP   {p.kind:8} {who[:30]!r:34} [{cue[:24]}] {text[p.content[0]:p.content[1]][:90]!r}")


# -- predictions -------------------------------------------------------------------------------------------


def from_record(record: dict[str, Any]) -> list[Predicted]:
    out: list[Predicted] = []
    for q in record.get("quotes") or []:
        content = q.get("content") or {}
        cue = q.get("cue")
        span = q.get("speaker_span")
        speaker = q.get("speaker") or {}
        names = [str(speaker.get(k) or "") for k in ("name", "text")] + [str((span or {}).get("text") or "")]
        out.append(Predicted(
            kind=str(q.get("kind")), content=(int(content["start"]), int(content["end"])),
            cue=(int(cue["start"]), int(cue["end"])) if cue else None,
            source=(int(span["start"]), int(span["end"])) if span else None, names=names))
    return out


def textacy_quotes(nlp: Any, texts: list[str]) -> list[list[Predicted]] | None:
    """textacy's direct quotations on the model's own parse, or None when textacy is not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    out: list[list[Predicted]] = []
    names = [n for n in nlp.pipe_names if n.startswith("eventwire_")]
    with nlp.select_pipes(disable=names):
        for doc in nlp.pipe(texts):
            preds: list[Predicted] = []
            try:
                triples = list(direct_quotations(doc))
            except (ValueError, IndexError, AttributeError):  # textacy fails on a few odd parses
                triples = []
            for triple in triples:
                speaker = list(triple.speaker)
                cue = list(triple.cue)
                src = (min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker)) if speaker else None
                cue_span = (min(t.idx for t in cue), max(t.idx + len(t) for t in cue)) if cue else None
                content = triple.content
                preds.append(Predicted("direct", (content.start_char, content.end_char), cue_span, src,
                                       [doc.text[src[0]:src[1]]] if src else []))
            out.append(preds)
    return out


def summary(scores: Scores, prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    p, r, f = scores.quote.prf()
    out[f"{prefix}quote_f1"], out[f"{prefix}quote_precision"], out[f"{prefix}quote_recall"] = f, p, r
    for kind in KINDS:
        out[f"{prefix}{kind}_quote_f1"] = scores.by_kind[kind].prf()[2]
    out[f"{prefix}speaker_accuracy"] = scores.speaker_right / scores.speaker_seen if scores.speaker_seen else 0.0
    for role in ROLES:
        out[f"{prefix}{role}_exact_f1"] = scores.exact[role].prf()[2]
        out[f"{prefix}{role}_overlap_f1"] = scores.overlap[role].prf()[2]
    return {k: round(v, 4) for k, v in out.items()}


def table(scores: Scores, title: str) -> str:
    lines = [title, f"  {'role':8} {'exact P/R/F1':24} {'token-overlap P/R/F1':24}"]
    for role in ROLES:
        e, o = scores.exact[role].prf(), scores.overlap[role].prf()
        lines.append(f"  {role:8} {e[0]:.3f}/{e[1]:.3f}/{e[2]:.3f}          {o[0]:.3f}/{o[1]:.3f}/{o[2]:.3f}")
    p, r, f = scores.quote.prf()
    lines.append(f"  quotes   P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {scores.quote.tp:.0f}, fp {scores.quote.fp:.0f}, "
                 f"fn {scores.quote.fn:.0f})")
    for kind in KINDS:
        c = scores.by_kind[kind]
        kp, kr, kf = c.prf()
        lines.append(f"    {kind:8} P {kp:.3f} R {kr:.3f} F1 {kf:.3f}  (gold {c.tp + c.fn:.0f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--half", choices=("even", "odd"), default=None,
                    help="score only the even- or odd-numbered articles (a held-back split)")
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args(argv)
    docs = load(find_test_dir(args.data), args.limit)
    if args.half is not None:
        docs = docs[(0 if args.half == "even" else 1)::2]
    pipeline = Pipeline()
    articles = [read_text(d.text, d.stem) for d in docs]
    ours = Scores()
    errors: list[str] = []
    for doc, record in zip(docs, pipeline.records(articles), strict=True):
        if isinstance(record, InputError):
            print(f"failed: {record}", file=sys.stderr)
            preds: list[Predicted] = []
        else:
            preds = from_record(record.to_dict())
        score_document(doc.text, doc.gold, preds, ours, errors if args.show_errors else None)
    base = textacy_quotes(pipeline.nlp, [d.text for d in docs])
    theirs = Scores()
    if base is not None:
        for doc, preds in zip(docs, base, strict=True):
            score_document(doc.text, doc.gold, preds, theirs)
    print(f"PolNeAR test: {len(docs)} articles, {sum(len(d.gold) for d in docs)} gold attributions", file=sys.stderr)
    print(table(ours, "eventwire"), file=sys.stderr)
    if base is not None:
        print(table(theirs, "textacy direct_quotations (baseline)"), file=sys.stderr)
    else:
        print("textacy is not installed: pip install 'eventwire[bench]' for the baseline", file=sys.stderr)
    for line in errors[: args.show_errors]:
        print(line, file=sys.stderr)
    result: dict[str, float | int | str | None] = dict(summary(ours))
    if base is not None:
        result.update(summary(theirs, "textacy_"))
    else:
        result["textacy_quote_f1"] = None
    result["articles"] = len(docs)
    result["half"] = args.half
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
