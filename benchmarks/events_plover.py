"""Event coding benchmark: PLOVER event type, actor and recipient countries; optionally CAMEO quad class.

Usage:
    python benchmarks/events_plover.py --data ../shared/peers [--confliBERT ../shared/peers/ConfliBERT]
                                       [--limit N] [--show-errors K] [--dump-actors FILE]

Data (read at run time, never copied into the project):

- PLOVER gold standard records (--data: a folder holding PLOVER/PLOVER_GSR_CAMEO.txt, the PLOVER folder
  itself, or the file). A JSON array; the first record (event "DOCUMENT") is documentation and is skipped;
  the other 322 are one sentence each ("text") with one coded event: "event" (PLOVER 0.5 names, mapped to
  v2 by OLD_NAMES below), "eventText" (the trigger words, not necessarily contiguous), "source"/"target"
  (lists of {actorText, code, sector}; sometimes null, "" or a stray string, all read as "no actors").
  A few gold codes are CAMEO spellings of ISO codes and are normalised by GOLD_CODE_ALIASES; the CAMEO
  group codes IMG and ISM have no country and stay as they are (so they can only be missed).
- ConfliBERT cameo_class/train.tsv (--confliBERT: the file, its folder, or the ConfliBERT folder):
  ``sentence<TAB>label``, label 0..4, see CONFLIBERT_LABELS below.

Every sentence becomes one Article (``eventwire.ingest.text.read_text``); all of them go through one
``Pipeline().records(...)`` call (one model load, one ``nlp.pipe``), and each record is scored from its
``to_dict()`` form, i.e. from the output contract (docs/schema.md), not from internals.

Matching rule (choose_event): a gold sentence has one event, the record may have several. The event scored
is the predicted event whose trigger text shares the most words with the gold eventText (words compared
lowercase by their first 4 letters, a crude stem: "agreed" ~ "agreement"; function words such as "to",
"will", "said" never count), ties and no overlap at all -> the first predicted event. No predicted
event -> "no event", which is wrong for every metric below.

Metrics (the last stdout line is one JSON object; tables and progress go to stderr):

- type_accuracy: share of gold sentences whose chosen event has the gold (v2) type.
- type_macro_f1: per-type F1 over the PLOVER types, with precision = tp / sentences predicted as the type
  and recall = tp / gold sentences of the type ("no event" is a miss for the gold type and a false
  positive for none); macro average over the types present in the gold.
- coverage: share of sentences with at least one predicted event; events_per_sentence: mean count.
- actor_country_f1 / recipient_country_f1: micro F1 between, per sentence, the SET of gold source
  (resp. target) country codes and the set of the chosen event's actor (resp. recipient) "country" values;
  true positives = intersection sizes summed over sentences, false positives / negatives = the set
  differences summed. Gold actors with an empty code and predicted actors with no country are skipped.
- actor_not_thing_precision (over the PLOVER sentences): of ALL predicted actors and recipients of all events
  (not only the chosen one), the share whose mention is a person, organisation, group or state by this simple
  automatic rule (`is_agentive`): the mention is a personal pronoun; or the knowledge base knows its name or its
  text (eventwire.kb lookup); or the named entity that spaCy (the pinned en_core_web_sm, run on the sentence
  again) finds over the mention's last word is PERSON, ORG, GPE or NORP; or its last word is a role word of
  the vocabulary table vocab/actor.csv (a word with a sector: "troops", "minister", "rebels"). Anything else
  ("the agreement", "the Doha process", "cities") counts as a thing. The rule is generous to place names
  (a GPE such as a capital always passes), so it measures documents, processes and other things, not the
  place-versus-state distinction. actor_mentions is the number judged.
- with --confliBERT: quad_accuracy / quad_macro_f1 (macro over the five gold labels) / quad_n, where the
  prediction for a sentence is the quad_class of its highest-confidence event (ties: the first), mapped by
  PRED_TO_CONFLIBERT, except that an event with a CAMEO public-statement or appeal code (roots 01, 02) is
  label 0, as the label is defined (quad_macro_f1_by_quad_class: the same without that rule);
  quad_accuracy_events is the accuracy on the sentences whose gold label is 1-4 only.

--limit N takes N sentences of each data set spread evenly over it (the PLOVER file is ordered by type,
so its first N would cover only the first types); --show-errors K prints K mis-coded PLOVER sentences
(gold vs predicted) to stderr; --show-quad-errors K prints K ConfliBERT sentences with a wrong quad label and
all their events (type/CAMEO/quad/confidence/modality:trigger).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy

ROOT = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire import vocab  # noqa: E402
from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest.text import read_text  # noqa: E402
from eventwire.kb import KnowledgeBase, load_kb  # noqa: E402
from eventwire.nlp.loader import installed_model  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.types import Article  # noqa: E402

# The 16 PLOVER v2 event types (OUTPUT.md: events[].type).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER 0.5 names used by the gold file -> v2 names (peers/README.md).
OLD_NAMES: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                             "FIGHT": "ASSAULT"}
# Gold codes that are CAMEO spellings of ISO 3166-1 alpha-3 codes (the contract's country field is ISO).
GOLD_CODE_ALIASES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# ConfliBERT cameo_class labels ("PentaClass"; peers/ConfliBERT/SOURCE.md, label meaning from the sister
# annotation repo javierosorio/CAMEO_ConfliBERT):
#   label | meaning                                   | our counterpart
#   0     | make a statement (CAMEO roots 01 and 02)  | no event: PLOVER codes no "make statement" event
#   1     | verbal cooperation                        | quad_class 1
#   2     | material cooperation                      | quad_class 2
#   3     | verbal conflict                           | quad_class 3
#   4     | material conflict                         | quad_class 4
# So label 0 is correct when the record has no event, and, by the label's own definition, when the chosen
# event's CAMEO code is a public statement or an appeal (roots 01 and 02: "declined to comment" 011, "denied
# the charges" 016, "urged" 020), whatever PLOVER type carries it (PLOVER has no statement type and codes
# appeals as REQUEST; their CAMEO quad class is 1, which quad_macro_f1_by_quad_class keeps for comparison).
# A known mapping difference left as it is: ConfliBERT puts CAMEO 16 "reduce relations" in verbal conflict,
# our CAMEO table (like GDELT's quad class) in material conflict (4).
CONFLIBERT_LABELS: dict[str, str] = {
    "0": "make statement", "1": "verbal cooperation", "2": "material cooperation",
    "3": "verbal conflict", "4": "material conflict",
}
NO_EVENT = "-"  # the predicted label of a sentence with no event
# Our prediction -> ConfliBERT label: quad_class of the chosen event, or no event.
PRED_TO_CONFLIBERT: dict[int | None, str] = {None: "0", 1: "1", 2: "2", 3: "3", 4: "4"}
UNKNOWN_QUAD = "?"  # an event whose quad_class is missing or out of range: wrong for every label
STATEMENT_ROOTS = ("01", "02")  # CAMEO roots ConfliBERT's label 0 ("make a statement") stands for

# Words of a gold eventText that never identify the trigger.
_FUNCTION_WORDS_TEXT = (
    "a an the to of in on at for with from by up out over into against between about as and or but "
    "will would shall should can could may might must has have had been be is are was were did does do "
    "not no said says saying say quoted its his her their it"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+")

Event = Mapping[str, Any]


# --------------------------------------------------------------------------- pure scoring functions


def stems(text: str) -> set[str]:
    """Lowercase 4-letter prefixes of the content words of `text`."""
    return {w[:4] for w in (m.lower() for m in _WORD.findall(text)) if w not in _FUNCTION_WORDS}


def choose_event(events: Sequence[Event], gold_event_text: str) -> Event | None:
    """The predicted event to score against a gold event (see the module docstring).

    The event whose trigger shares the most stems with `gold_event_text`; the first event when none shares any;
    None when there are no events.
    """
    if not events:
        return None
    gold = stems(gold_event_text)
    best, best_overlap = events[0], 0
    for event in events:
        trigger = event.get("trigger") or {}
        overlap = len(gold & stems(str(trigger.get("text") or "")))
        if overlap > best_overlap:
            best, best_overlap = event, overlap
    return best


def choose_by_confidence(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event (ties: the first), None when there are none."""
    if not events:
        return None
    return max(events, key=lambda e: float(e.get("confidence") or 0.0))  # max keeps the first of equals


def quad_label(event: Event | None, statements: bool = True) -> str:
    """The ConfliBERT label our prediction stands for (PRED_TO_CONFLIBERT), UNKNOWN_QUAD when unmappable.

    With `statements`, an event whose CAMEO code has a STATEMENT_ROOTS root is label 0 (see CONFLIBERT_LABELS);
    without, every event goes by its quad_class alone."""
    if event is None:
        return PRED_TO_CONFLIBERT[None]
    if statements and str(event.get("cameo") or "")[:2] in STATEMENT_ROOTS:
        return PRED_TO_CONFLIBERT[None]
    quad = event.get("quad_class")
    if isinstance(quad, bool) or not isinstance(quad, int):
        return UNKNOWN_QUAD
    return PRED_TO_CONFLIBERT.get(quad, UNKNOWN_QUAD)


def gold_countries(actors: object) -> set[str]:
    """Country codes of gold actors (a list of {code}); anything but a list means none; empty codes skipped."""
    if not isinstance(actors, list):
        return set()
    codes = {str(a.get("code") or "").strip().upper() for a in actors if isinstance(a, dict)}
    return {GOLD_CODE_ALIASES.get(c, c) for c in codes if c}


def predicted_countries(actors: object) -> set[str]:
    """The `country` values of a list of contract ACTOR dicts, those without one skipped."""
    if not isinstance(actors, list):
        return set()
    return {str(a["country"]).upper() for a in actors if isinstance(a, dict) and a.get("country")}


@dataclass
class SetCounts:
    """Micro counts of set comparisons summed over items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], predicted: set[str]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def f1(self) -> float:
        return f1_from_counts(self.tp, self.fp, self.fn)


def f1_from_counts(tp: int, fp: int, fn: int) -> float:
    """F1 = 2tp / (2tp + fp + fn); 0.0 when there is nothing at all."""
    denominator = 2 * tp + fp + fn
    return 2 * tp / denominator if denominator else 0.0


def set_micro_f1(pairs: Iterable[tuple[set[str], set[str]]]) -> float:
    """Micro F1 over (gold set, predicted set) pairs: tp = intersection sizes summed over the pairs."""
    counts = SetCounts()
    for gold, predicted in pairs:
        counts.add(gold, predicted)
    return counts.f1


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int  # gold items of the label
    predicted: int  # items predicted as the label


def per_label_prf(pairs: Sequence[tuple[str, str]], labels: Iterable[str] = ()) -> dict[str, PRF]:
    """Precision, recall and F1 of every label in `labels`, the gold labels and the predicted labels.

    `pairs` are (gold, predicted); a predicted label no gold item has (e.g. NO_EVENT) only ever costs recall
    of the gold label it displaced, and gets a row of its own with zero scores.
    """
    gold_n = Counter(g for g, _ in pairs)
    pred_n = Counter(p for _, p in pairs)
    tp = Counter(g for g, p in pairs if g == p)
    table: dict[str, PRF] = {}
    for label in dict.fromkeys([*labels, *gold_n, *pred_n]):
        precision = tp[label] / pred_n[label] if pred_n[label] else 0.0
        recall = tp[label] / gold_n[label] if gold_n[label] else 0.0
        f1 = f1_from_counts(tp[label], pred_n[label] - tp[label], gold_n[label] - tp[label])
        table[label] = PRF(precision, recall, f1, gold_n[label], pred_n[label])
    return table


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Mean per-label F1 over the labels present in the gold; 0.0 for no pairs."""
    table = per_label_prf(pairs)
    gold_labels = {g for g, _ in pairs}
    return sum(table[label].f1 for label in gold_labels) / len(gold_labels) if gold_labels else 0.0


def accuracy(pairs: Sequence[tuple[str, str]]) -> float:
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def top_confusions(pairs: Sequence[tuple[str, str]], k: int = 15) -> list[tuple[tuple[str, str], int]]:
    """The k most frequent (gold, predicted) pairs with gold != predicted."""
    return Counter((g, p) for g, p in pairs if g != p).most_common(k)


_AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "who", "them", "him", "her", "us", "you"])


def is_agentive(actor: Mapping[str, Any], entity_labels: Mapping[int, str], kb: KnowledgeBase,
                role_words: frozenset[str]) -> bool:
    """Is a predicted actor a person, organisation, group or state by the documented rule (module docstring)?

    `entity_labels` maps character offsets of the sentence to the spaCy entity label over them.
    """
    text = str(actor.get("text") or "")
    words = _WORD.findall(text)
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if any(kb.lookup(str(form)) is not None for form in (actor.get("name"), text) if form):
        return True
    end = int(actor.get("end") or 0)
    last = words[-1]
    last_at = end - len(text) + text.rfind(last)
    if entity_labels.get(last_at) in _AGENT_ENTITIES:
        return True
    low = last.lower()
    return low in role_words or (low.endswith("s") and low[:-1] in role_words)


def agentive_precision(texts: Sequence[str], predicted: Sequence[Sequence[Event]]) -> tuple[float, int]:
    """(share of predicted actors and recipients that pass `is_agentive`, how many were judged)."""
    name = installed_model()
    if name is None:
        sys.exit("no spaCy model installed (eventwire.nlp.loader.DEFAULT_MODELS)")
    nlp = spacy.load(name, disable=["lemmatizer"])
    kb = load_kb()
    role_words = frozenset(word for word, sector in vocab.sector_words().items() if sector)
    good = total = 0
    for doc, events in zip(nlp.pipe(texts), predicted, strict=True):
        labels = {t.idx: t.ent_type_ for t in doc if t.ent_type_}
        for event in events:
            for actor in [*(event.get("actor") or []), *(event.get("recipient") or [])]:
                total += 1
                good += is_agentive(actor, labels, kb, role_words)
    return (round(good / total, 4) if total else 0.0), total


# --------------------------------------------------------------------------- data


@dataclass
class GoldSentence:
    id: str
    text: str
    type: str = ""  # PLOVER v2 type (PLOVER data) or ConfliBERT label
    event_text: str = ""
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)


def plover_path(data: Path) -> Path:
    for candidate in (data, data / "PLOVER" / "PLOVER_GSR_CAMEO.txt", data / "PLOVER_GSR_CAMEO.txt"):
        if candidate.is_file():
            return candidate
    sys.exit(f"no PLOVER_GSR_CAMEO.txt at or under {data}")


def conflibert_path(data: Path) -> Path:
    for candidate in (data, data / "train.tsv", data / "cameo_class" / "train.tsv"):
        if candidate.is_file():
            return candidate
    sys.exit(f"no cameo_class/train.tsv at or under {data}")


def read_plover(path: Path) -> list[GoldSentence]:
    records = json.loads(path.read_text(encoding="utf-8"))
    out: list[GoldSentence] = []
    for record in records:
        if record.get("event") == "DOCUMENT" or not str(record.get("text") or "").strip():
            continue
        event = str(record["event"]).strip().upper()
        out.append(GoldSentence(
            id=str(record.get("id") or f"plover-{len(out)}"),
            text=str(record["text"]),
            type=OLD_NAMES.get(event, event),
            event_text=str(record.get("eventText") or ""),
            actors=gold_countries(record.get("source")),
            recipients=gold_countries(record.get("target")),
        ))
    return out


def read_conflibert(path: Path) -> list[GoldSentence]:
    out: list[GoldSentence] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        sentence, _, label = line.rpartition("\t")
        label = label.strip()
        if label not in CONFLIBERT_LABELS or not sentence.strip():
            print(f"{path}:{number}: skipped (label {label!r})", file=sys.stderr)
            continue
        out.append(GoldSentence(id=f"confliBERT-{number}", text=sentence, type=label))
    return out


def spread(items: list[GoldSentence], limit: int | None) -> list[GoldSentence]:
    """`limit` items taken at even steps through `items` (all of them when limit is None or not smaller)."""
    if limit is None or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(max(limit, 0))]


def run_pipeline(sentences: Sequence[GoldSentence], articles: Sequence[Article]) -> tuple[list[list[Event]], int, int]:
    """The contract events of every sentence (its Article read by `read_text`; one Pipeline, one batch), the
    E112 count, the furniture count."""
    furniture = sum(1 for a in articles if a.boilerplate)
    events: list[list[Event]] = []
    failures = 0
    for sentence, result in zip(sentences, Pipeline().records(articles), strict=True):
        if isinstance(result, InputError):
            failures += 1
            print(f"{sentence.id}: {result}", file=sys.stderr)
            events.append([])
        else:
            events.append(list(result.to_dict().get("events") or []))
    return events, failures, furniture


# --------------------------------------------------------------------------- reports


def _type_of(event: Event | None) -> str:
    return NO_EVENT if event is None else str(event.get("type") or NO_EVENT)


def score_plover(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> dict[str, Any]:
    chosen = [choose_event(events, g.event_text) for g, events in zip(gold, predicted, strict=True)]
    pairs = [(g.type, _type_of(e)) for g, e in zip(gold, chosen, strict=True)]
    actor_f1 = set_micro_f1((g.actors, predicted_countries(e.get("actor") if e else None))
                            for g, e in zip(gold, chosen, strict=True))
    recipient_f1 = set_micro_f1((g.recipients, predicted_countries(e.get("recipient") if e else None))
                                for g, e in zip(gold, chosen, strict=True))
    n = len(gold)
    return {
        "type_accuracy": round(accuracy(pairs), 4),
        "type_macro_f1": round(macro_f1(pairs), 4),
        "actor_country_f1": round(actor_f1, 4),
        "recipient_country_f1": round(recipient_f1, 4),
        "coverage": round(sum(1 for events in predicted if events) / n, 4) if n else 0.0,
        "events_per_sentence": round(sum(len(events) for events in predicted) / n, 3) if n else 0.0,
        "n": n,
    }


def print_table(title: str, pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> None:
    table = per_label_prf(pairs, labels)
    print(f"\n{title}\n{'label':<22}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}", file=sys.stderr)
    for label, row in table.items():
        print(f"{label:<22}{row.support:>6}{row.predicted:>6}{row.precision:>8.3f}{row.recall:>8.3f}{row.f1:>8.3f}",
              file=sys.stderr)


def print_confusions(pairs: Sequence[tuple[str, str]]) -> None:
    print("\ntop confusions (gold -> predicted, '-' = no event)", file=sys.stderr)
    for (g, p), count in top_confusions(pairs):
        print(f"{count:>5}  {g} -> {p}", file=sys.stderr)


def print_errors(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]], k: int) -> None:
    shown = 0
    for g, events in zip(gold, predicted, strict=True):
        if shown >= k:
            break
        event = choose_event(events, g.event_text)
        if _type_of(event) == g.type:
            continue
        shown += 1
        trigger = ((event or {}).get("trigger") or {}).get("text")
        others = ", ".join(f"{e.get('type')}:{(e.get('trigger') or {}).get('text')!r}" for e in events) or "none"
        print(f"\n[{g.id}] gold {g.type} {g.event_text!r} | predicted {_type_of(event)} {trigger!r}"
              f" | all: {others}\n    {g.text}", file=sys.stderr)


def print_quad_errors(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]], k: int) -> None:
    """Print K ConfliBERT sentences whose quad label is wrong, with every event (type, CAMEO, quad, confidence,
    modality, trigger) so the errors can be grouped into classes."""
    shown = 0
    for g, events in zip(gold, predicted, strict=True):
        if shown >= k:
            break
        chosen = choose_by_confidence(events)
        label = quad_label(chosen)
        if label == g.type:
            continue
        shown += 1
        others = "; ".join(
            f"{e.get('type')}/{e.get('cameo')}/q{e.get('quad_class')}/{float(e.get('confidence') or 0):.2f}"
            f"/{e.get('modality')}:{(e.get('trigger') or {}).get('text')!r}" for e in events) or "none"
        print(f"\n[{g.id}] gold {g.type} | predicted {label} | {others}\n    {g.text}", file=sys.stderr)


def actor_misses(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]]) -> list[dict[str, Any]]:
    """Per sentence whose actor or recipient countries differ from the gold: gold and predicted sets, and the
    chosen event's actors and recipients (text, name, country) - the material to group misses by class."""
    rows: list[dict[str, Any]] = []
    for g, events in zip(gold, predicted, strict=True):
        event = choose_event(events, g.event_text) or {}
        pred_a = predicted_countries(event.get("actor"))
        pred_r = predicted_countries(event.get("recipient"))
        if pred_a == g.actors and pred_r == g.recipients:
            continue

        def brief(actors: object) -> list[str]:
            return [f"{a.get('text')!r}->{a.get('name')!r}/{a.get('country') or '-'}"
                    for a in (actors if isinstance(actors, list) else []) if isinstance(a, dict)]

        rows.append({
            "id": g.id, "text": g.text, "gold_type": g.type, "type": event.get("type"),
            "trigger": (event.get("trigger") or {}).get("text"),
            "gold_actor": sorted(g.actors), "pred_actor": sorted(pred_a), "actor": brief(event.get("actor")),
            "gold_recipient": sorted(g.recipients), "pred_recipient": sorted(pred_r),
            "recipient": brief(event.get("recipient")),
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "peers",
                        help="the peers folder, the PLOVER folder or PLOVER_GSR_CAMEO.txt itself")
    parser.add_argument("--confliBERT", dest="conflibert", type=Path, default=None,
                        help="ConfliBERT cameo_class/train.tsv, or a folder holding it (adds quad-class scores)")
    parser.add_argument("--limit", type=int, default=None, help="N sentences of each data set, spread evenly")
    parser.add_argument("--half", choices=("even", "odd"), default=None,
                        help="score only the even- or odd-numbered sentences of each data set (a held-back split)")
    parser.add_argument("--show-errors", type=int, default=0, metavar="K", help="print K mis-coded sentences")
    parser.add_argument("--show-quad-errors", type=int, default=0, metavar="K",
                        help="print K ConfliBERT sentences with a wrong quad label, with all their events")
    parser.add_argument("--dump-actors", type=Path, default=None, metavar="FILE",
                        help="write JSON Lines of the PLOVER sentences whose actor or recipient countries are"
                             " wrong (gold vs predicted, with the chosen event's actors); keep FILE outside the repo")
    args = parser.parse_args()

    started = time.perf_counter()
    plover = spread(read_plover(plover_path(args.data)), args.limit)
    quads = spread(read_conflibert(conflibert_path(args.conflibert)), args.limit) if args.conflibert else []
    if args.half is not None:
        keep = 0 if args.half == "even" else 1
        plover, quads = plover[keep::2], quads[keep::2]
    print(f"PLOVER: {len(plover)} sentences; ConfliBERT: {len(quads)} sentences", file=sys.stderr)

    articles: list[Article] = [read_text(s.text, s.id) for s in [*plover, *quads]]
    events, failures, furniture = run_pipeline([*plover, *quads], articles)
    seconds = time.perf_counter() - started
    plover_events, quad_events = events[: len(plover)], events[len(plover):]
    print(f"pipeline: {len(events)} sentences in {seconds:.2f} s (model load included); "
          f"{failures} failed (E112); {furniture} had header furniture found by read_text", file=sys.stderr)

    result = score_plover(plover, plover_events)
    texts = [a.text for a in articles[: len(plover)]]  # each sentence read once, above
    result["actor_not_thing_precision"], result["actor_mentions"] = agentive_precision(texts, plover_events)
    pairs = [(g.type, _type_of(choose_event(e, g.event_text))) for g, e in zip(plover, plover_events, strict=True)]
    print_table("PLOVER event type (gold v2 names)", pairs, PLOVER_TYPES)
    print_confusions(pairs)
    if args.show_errors:
        print_errors(plover, plover_events, args.show_errors)
    if args.dump_actors:
        with args.dump_actors.open("w", encoding="utf-8") as out:
            for row in actor_misses(plover, plover_events):
                out.write(json.dumps(row) + "\n")

    if quads:
        quad_pairs = [(g.type, quad_label(choose_by_confidence(e))) for g, e in zip(quads, quad_events, strict=True)]
        event_pairs = [(g, p) for g, p in quad_pairs if g != PRED_TO_CONFLIBERT[None]]
        labels = list(CONFLIBERT_LABELS)
        print_table("ConfliBERT quad class (0 = statement / no event; " + ", ".join(
            f"{k} {v}" for k, v in CONFLIBERT_LABELS.items()) + ")", quad_pairs, labels)
        print_confusions(quad_pairs)
        if args.show_quad_errors:
            print_quad_errors(quads, quad_events, args.show_quad_errors)
        result.update({
            "quad_accuracy": round(accuracy(quad_pairs), 4),
            "quad_macro_f1": round(macro_f1(quad_pairs), 4),
            "quad_macro_f1_by_quad_class": round(macro_f1(
                [(g.type, quad_label(choose_by_confidence(e), statements=False))
                 for g, e in zip(quads, quad_events, strict=True)]), 4),
            "quad_accuracy_events": round(accuracy(event_pairs), 4),
            "quad_coverage": round(sum(1 for e in quad_events if e) / len(quads), 4),
            "quad_n": len(quad_pairs),
        })
    result["failures"] = failures
    result["seconds"] = round(seconds, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
