"""Temporal expressions: span F1 (strict and relaxed) and value accuracy, eventwire against dateparser.

Usage:
    python benchmarks/timex.py --data ../shared/peers [--limit N] [--show-errors K] [--no-dateparser]

Data (read at run time, never copied into the project); --data is the peers folder, one corpus folder, or
one file:

- MEANTIME English (meantime-en/, CAT XML, ``intra_cross-doc_annotation/corpus_*/*.xml``): the text is a
  list of ``<token t_id sentence>``; each ``<TIMEX3 type value>`` names its tokens by ``<token_anchor>``.
  The text is rebuilt from the tokens (one sentence a line, no space before closing punctuation), so
  offsets are those of the rebuilt text. Sentence 0 is the title, sentence 1 the date line. The
  document creation time (DCT) is the TIMEX3 with ``functionInDocument="CREATION_TIME"``; two files have
  none and one writes its value ``03-02-2009``: then the DCT is read from the date line's own words
  ("February 03 , 2009"). The DCT's mention is not scored (a system given the publication date gets
  it for free) and predictions on it are ignored; TIMEX3 elements without tokens (implicit interval
  ends) are not mentions and are skipped. MEANTIME annotates temporal expressions in the title and the
  first five sentences only (sentences 0-5: no file has a TIMEX3 beyond sentence 5, while later
  sentences are full of dates), so the whole text is processed but predictions after sentence 5 are
  not scored.
- TempEval-3 platinum (tempeval3-format-sample/): gold ``te3-platinum/*.tml`` (inline ``<TIMEX3>`` in
  ``<TEXT>``) paired by DOCID with the raw ``TE3-platinum-test/*.tml.TE3input`` (what a system receives;
  one gold file is spelled ``sarcozy`` in some copies, hence pairing by DOCID, not by name). The text
  scored is the TE3input's TEXT; the DCT is its ``<DCT><TIMEX3 value>``.

Every document becomes an Article with the DCT as its publication date; all go through one
``Pipeline().records(...)`` call and are scored from ``to_dict()["timexes"]`` (the output contract).
dateparser is scored the same way in the same run: ``dateparser.search.search_dates`` over the same text,
relative to the DCT and preferring the past; each hit's value at dateparser's own precision
(``DateDataParser.get_date_data(...).period``: day, week, month, year or time), see ``dateparser_timexes``.

Metrics (last stdout line: one JSON object; tables go to stderr). Gold and predicted mentions are paired
one to one, largest overlap first.

- strict_f1: F1 of mentions whose span is exactly the gold span.
- relaxed_f1: F1 of mentions that overlap a gold mention (TempEval-3's relaxed match).
- value_accuracy: of the relaxed matches, the share whose value equals the gold value (TempEval-3's
  attribute accuracy); value_f1: F1 counting only relaxed matches with the right value;
  type_accuracy likewise for the type.
- the same with a ``dateparser_`` prefix, and every metric per corpus with a ``meantime_`` or
  ``tempeval3_`` prefix. The unprefixed figures pool all documents read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.errors import InputError  # noqa: E402
from eventwire.extractors.time.normalise import dateparser_value  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.types import Article  # noqa: E402


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: str
    type: str = ""
    text: str = ""


@dataclass
class Document:
    id: str
    corpus: str
    text: str
    dct: date
    gold: list[Mention] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)  # spans whose predictions are not scored


# --------------------------------------------------------------------------- reading MEANTIME

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'re", "'ve", "'ll", "'d",
                    "'m", "'", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "£", "€", "#"}
MEANTIME_ANNOTATED_SENTENCES = 6  # the title, the date line and four more: see the module docstring
_DATE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d")


def detokenize(sentences: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Text from tokenised sentences (one a line) and each token's (start, end) in it."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    length = 0
    for number, tokens in enumerate(sentences):
        if number:
            parts.append("\n")
            length += 1
        spans: list[tuple[int, int]] = []
        quote_open = False
        glue = True
        for token in tokens:
            is_quote = token in ('"', "``", "''")
            space = not glue and token not in _NO_SPACE_BEFORE and not (is_quote and quote_open)
            if space:
                parts.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
            glue = token in _NO_SPACE_AFTER or (is_quote and not quote_open)
            if is_quote:
                quote_open = not quote_open
        offsets.append(spans)
    return "".join(parts), offsets


def parse_dct(value: str, words: str) -> date | None:
    """The DCT from an ISO value, else from the date line's words ("February 03 , 2009")."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    cleaned = re.sub(r"\s+,", ",", words.strip())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def read_meantime(path: Path) -> Document | None:
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        by_sentence.setdefault(int(token.get("sentence") or 0), []).append((token.get("t_id") or "", token.text or ""))
    numbers = sorted(by_sentence)
    text, offsets = detokenize([[w for _, w in by_sentence[n]] for n in numbers])
    where: dict[str, tuple[int, int, int]] = {}  # t_id -> (start, end, sentence)
    for n, spans in zip(numbers, offsets, strict=True):
        for (t_id, _), (start, end) in zip(by_sentence[n], spans, strict=True):
            where[t_id] = (start, end, n)
    mentions: list[tuple[Mention, bool, set[int]]] = []
    for timex in root.iter("TIMEX3"):
        ids = [a.get("t_id") or "" for a in timex.findall("token_anchor")]
        ids = [i for i in ids if i in where]
        if not ids:
            continue  # an implicit interval end, not a mention
        start = min(where[i][0] for i in ids)
        end = max(where[i][1] for i in ids)
        mention = Mention(start, end, (timex.get("value") or "").strip(), timex.get("type") or "", text[start:end])
        mentions.append((mention, timex.get("functionInDocument") == "CREATION_TIME", {where[i][2] for i in ids}))
    dct_mentions = [m for m, creation, _ in mentions if creation]
    if not dct_mentions and len(numbers) > 1:
        # No CREATION_TIME: the date line (the second sentence) is the DCT.
        dct_mentions = [m for m, _, sentences in mentions if sentences == {numbers[1]}]
    if not dct_mentions:
        return None
    dct_mention = dct_mentions[0]
    dct = parse_dct(dct_mention.value, dct_mention.text)
    if dct is None:
        return None
    ignore = [(m.start, m.end) for m in dct_mentions]
    gold = [m for m, _, _ in mentions if (m.start, m.end) not in ignore]
    if len(numbers) > MEANTIME_ANNOTATED_SENTENCES:
        ignore.append((offsets[MEANTIME_ANNOTATED_SENTENCES][0][0], len(text)))
    return Document(id=path.stem, corpus="meantime", text=text, dct=dct, gold=gold, ignore=ignore)


# --------------------------------------------------------------------------- reading TimeML


def _inline(element: ET.Element, tag: str) -> tuple[str, list[tuple[int, int, ET.Element]]]:
    """The text of `element` with markup removed, and the (start, end, element) of every `tag` inside."""
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == tag:
            found.append((start, length, node))

    walk(element)
    return "".join(parts), found


def _docid(root: ET.Element) -> str:
    return (root.findtext("DOCID") or "").strip()


def read_timeml(gold_path: Path, input_path: Path | None) -> Document | None:
    gold_root = ET.parse(gold_path).getroot()
    text_node = gold_root.find("TEXT")
    dct_node = gold_root.find("DCT/TIMEX3")
    if text_node is None or dct_node is None:
        return None
    gold_text, timexes = _inline(text_node, "TIMEX3")
    text = gold_text
    if input_path is not None:
        input_root = ET.parse(input_path).getroot()
        input_text = input_root.find("TEXT")
        if input_text is not None and (input_text.text or "") == gold_text:
            text = input_text.text or ""
        input_dct = input_root.find("DCT/TIMEX3")
        dct_node = input_dct if input_dct is not None else dct_node
    dct = parse_dct(dct_node.get("value") or "", dct_node.text or "")
    if dct is None:
        return None
    gold = [Mention(s, e, (node.get("value") or "").strip(), node.get("type") or "", text[s:e])
            for s, e, node in timexes]
    return Document(id=_docid(gold_root) or gold_path.stem, corpus="tempeval3", text=text, dct=dct, gold=gold)


# --------------------------------------------------------------------------- finding the data


def find_documents(data: Path) -> list[Document]:
    """Every MEANTIME and TempEval-3 document at or under `data` (see the module docstring)."""
    files = [data] if data.is_file() else sorted(p for p in data.rglob("*") if p.is_file())
    docs: list[Document] = []
    inputs: dict[str, Path] = {}
    for path in files:
        if path.name.endswith(".TE3input"):
            try:
                inputs[_docid(ET.parse(path).getroot())] = path
            except ET.ParseError:
                continue
    for path in files:
        if path.suffix == ".xml" and "meantime" in str(path).lower() and path.name != "MEANTIME_NWR.xsd":
            try:
                doc = read_meantime(path)
            except ET.ParseError:
                continue
        elif path.suffix == ".tml":
            try:
                root = ET.parse(path).getroot()
            except ET.ParseError:
                continue
            doc = read_timeml(path, inputs.get(_docid(root)))
        else:
            continue
        if doc is not None:
            docs.append(doc)
    return docs


def spread(items: list[Document], limit: int | None) -> list[Document]:
    if limit is None or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(max(limit, 0))]


# --------------------------------------------------------------------------- systems


def eventwire_timexes(docs: Sequence[Document]) -> tuple[list[list[Mention]], int]:
    """Our timexes of every document (one Pipeline, one batch), and the number of failed documents."""
    articles = [Article(text=d.text, source=d.id, published=d.dct.isoformat(), published_from="input") for d in docs]
    out: list[list[Mention]] = []
    failures = 0
    for doc, result in zip(docs, Pipeline().records(articles), strict=True):
        if isinstance(result, InputError):
            failures += 1
            print(f"{doc.id}: {result}", file=sys.stderr)
            out.append([])
            continue
        out.append([Mention(int(t["start"]), int(t["end"]), str(t["value"]), str(t["type"]), str(t["text"]))
                    for t in result.to_dict()["timexes"]])
    return out, failures


def dateparser_timexes(doc: Document) -> list[Mention]:
    """dateparser's search_dates over the text, relative to the DCT and preferring the past.

    Each hit is located after the previous one; its value is dateparser's reading of the hit at the
    precision dateparser reports for it.
    """
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RELATIVE_BASE": datetime(doc.dct.year, doc.dct.month, doc.dct.day),
                                "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    try:
        hits = search_dates(doc.text, languages=["en"], settings=settings) or []
    except (ValueError, TypeError, OverflowError):
        return []
    out: list[Mention] = []
    cursor = 0
    for phrase, when in hits:
        start = doc.text.find(phrase, cursor)
        if start < 0:
            start = doc.text.find(phrase)
            if start < 0:
                continue
        end = start + len(phrase)
        cursor = end
        reading = dateparser_value(phrase, doc.dct)
        if reading is not None:
            kind, value = reading
        else:
            kind, value = "DATE", when.date().isoformat()
        out.append(Mention(start, end, value, kind, phrase))
    return out


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.type += other.type

    def metrics(self) -> dict[str, float]:
        return {
            "strict_f1": round(f1(self.strict, self.predicted, self.gold), 4),
            "relaxed_f1": round(f1(self.relaxed, self.predicted, self.gold), 4),
            "relaxed_precision": round(self.relaxed / self.predicted, 4) if self.predicted else 0.0,
            "relaxed_recall": round(self.relaxed / self.gold, 4) if self.gold else 0.0,
            "value_accuracy": round(self.value / self.relaxed, 4) if self.relaxed else 0.0,
            "value_f1": round(f1(self.value, self.predicted, self.gold), 4),
            "type_accuracy": round(self.type / self.relaxed, 4) if self.relaxed else 0.0,
        }


def f1(tp: int, predicted: int, gold: int) -> float:
    """F1 = 2tp / (predicted + gold); 0.0 when there is nothing at all."""
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def same_value(gold: str, predicted: str) -> bool:
    return gold.strip().upper() == predicted.strip().upper()


def pair(gold: Sequence[Mention], predicted: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """One-to-one pairs of overlapping mentions, largest overlap first."""
    candidates = sorted(((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
                         if overlap(g, p) > 0), key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Mention, Mention]] = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return sorted(pairs, key=lambda x: x[0].start)


def score(gold: Sequence[Mention], predicted: Sequence[Mention], ignore: Iterable[tuple[int, int]] = ()) -> Counts:
    """Counts of one document; predictions overlapping an `ignore` span do not count."""
    skip = list(ignore)
    predicted = [p for p in predicted if not any(p.start < e and s < p.end for s, e in skip)]
    pairs = pair(gold, predicted)
    return Counts(
        gold=len(gold), predicted=len(predicted),
        strict=sum(1 for g, p in pairs if (g.start, g.end) == (p.start, p.end)),
        relaxed=len(pairs),
        value=sum(1 for g, p in pairs if same_value(g.value, p.value)),
        type=sum(1 for g, p in pairs if g.type.upper() == p.type.upper()),
    )


def score_all(docs: Sequence[Document], predicted: Sequence[Sequence[Mention]]) -> dict[str, Counts]:
    """Counts pooled over all documents ("all") and per corpus."""
    totals: dict[str, Counts] = {"all": Counts()}
    for doc, mentions in zip(docs, predicted, strict=True):
        counts = score(doc.gold, mentions, doc.ignore)
        totals["all"].add(counts)
        totals.setdefault(doc.corpus, Counts()).add(counts)
    return totals


def flat(totals: dict[str, Counts], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for corpus, counts in totals.items():
        lead = "" if corpus == "all" else f"{corpus}_"
        for key, value in counts.metrics().items():
            out[f"{prefix}{lead}{key}"] = value
    return out


def print_table(name: str, totals: dict[str, Counts]) -> None:
    print(f"\n{name}\n{'corpus':<12}{'gold':>6}{'pred':>6}{'strict':>8}{'relaxed':>8}{'value':>8}{'val.F1':>8}",
          file=sys.stderr)
    for corpus, counts in totals.items():
        m = counts.metrics()
        print(f"{corpus:<12}{counts.gold:>6}{counts.predicted:>6}{m['strict_f1']:>8.3f}{m['relaxed_f1']:>8.3f}"
              f"{m['value_accuracy']:>8.3f}{m['value_f1']:>8.3f}", file=sys.stderr)


def print_errors(docs: Sequence[Document], predicted: Sequence[Sequence[Mention]], k: int) -> None:
    shown = 0
    for doc, mentions in zip(docs, predicted, strict=True):
        kept = [p for p in mentions if not any(p.start < e and s < p.end for s, e in doc.ignore)]
        paired = pair(doc.gold, kept)
        matched_g = {id(g) for g, _ in paired}
        matched_p = {id(p) for _, p in paired}
        lines = [f"  value  {g.text!r} gold {g.value} got {p.value}" for g, p in paired
                 if not same_value(g.value, p.value)]
        lines += [f"  missed {g.text!r} = {g.value}" for g in doc.gold if id(g) not in matched_g]
        lines += [f"  extra  {p.text!r} = {p.value}" for p in kept if id(p) not in matched_p]
        if lines and shown < k:
            shown += 1
            print(f"\n[{doc.corpus} {doc.id} DCT {doc.dct}]", file=sys.stderr)
            print("\n".join(lines), file=sys.stderr)


def iter_dateparser(docs: Sequence[Document]) -> Iterator[list[Mention]]:
    for doc in docs:
        yield dateparser_timexes(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "peers",
                        help="the peers folder, a corpus folder (meantime-en, tempeval3-format-sample) or one file")
    parser.add_argument("--limit", type=int, default=None, help="N documents, spread evenly")
    parser.add_argument("--show-errors", type=int, default=0, metavar="K", help="print the errors of K documents")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    args = parser.parse_args()

    docs = spread(find_documents(args.data), args.limit)
    if not docs:
        sys.exit(f"no MEANTIME or TempEval-3 documents at or under {args.data}")
    corpora = sorted({d.corpus for d in docs})
    print(f"{len(docs)} documents ({', '.join(corpora)}), {sum(len(d.gold) for d in docs)} gold timexes",
          file=sys.stderr)

    started = time.perf_counter()
    ours, failures = eventwire_timexes(docs)
    seconds = time.perf_counter() - started
    totals = score_all(docs, ours)
    print_table(f"eventwire ({seconds:.1f} s, model load included)", totals)
    result: dict[str, Any] = flat(totals)
    if args.show_errors:
        print_errors(docs, ours, args.show_errors)

    if not args.no_dateparser:
        started = time.perf_counter()
        theirs = list(iter_dateparser(docs))
        dp_seconds = time.perf_counter() - started
        dp_totals = score_all(docs, theirs)
        print_table(f"dateparser.search_dates ({dp_seconds:.1f} s)", dp_totals)
        result.update(flat(dp_totals, "dateparser_"))
        result["dateparser_seconds"] = round(dp_seconds, 2)
    result["n_docs"] = len(docs)
    result["n_gold"] = totals["all"].gold
    result["failures"] = failures
    result["seconds"] = round(seconds, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
