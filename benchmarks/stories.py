"""Stories and cross-document event coreference on ECB+ (test topics 36-40).

Usage:
    python benchmarks/stories.py --data ../shared/peers [--half even|odd] [--orders 5] [--show-stories]

Data (read at run time, never copied into the project): `--data` is a folder holding
`ecbplus-test/ECB+/<topic>/*.xml` and `ecbplus-test/ECBplus_coreference_sentences.csv` (or the ecbplus-test
folder itself); see its SOURCE.md. Every document is `<token t_id sentence number>` elements, ACTION_*
markables anchored on token ids and CROSS_DOC_COREF relations whose `note` is the cross-document instance.

Input: each document's text is rebuilt from its tokens (benchmarks.timex.detokenize: one sentence a line); a
first sentence that is a URL (the ECB+ documents start with their page's address, the ECB ones do not) is
left out, so neither the address nor its mere presence tells the system anything. No file name, topic or
sub-topic is given. The documents carry no publication date, and the benchmark gives none: a date the header
finder reads off a "Posted: ..." line is dropped too (`published = None` for every article). The stories stage
compares an undated article only with undated stories (and those take no dated article), so with every
document undated every document is compared with every story; keeping the header dates of some ECB+ documents
would split dated from undated documents before any comparison, which says more about the corpus than about
the stage. Articles go through `Pipeline` once, then `CrossDoc.add` (duplicates, linking, stories) on a fresh
temporary store in one batch. Stories are incremental, so the ingest order matters: the documents are
shuffled with `random.Random(seed)`, seeds 0 .. --orders-1; the headline figures are those of seed 0, with
the mean and minimum over the orders beside them.

1. Document clusters. Gold: the two incidents of each topic, ECB documents (`*ecb.xml`) apart from ECB+ ones
   (`*ecbplus.xml`). Predicted: eventwire's stories. Scores:
   - B³ (Bagga & Baldwin 1998): for each document d, P(d) = |S(d) ∩ G(d)| / |S(d)|, R(d) = |S(d) ∩ G(d)| /
     |G(d)| (S: its predicted cluster, G: its gold one); P and R are the means over documents, F1 their
     harmonic mean.
   - pairwise: over unordered pairs of documents, P = pairs together in both / pairs together in the
     prediction, R = pairs together in both / pairs together in the gold.
   Baseline, same texts, same run: TF-IDF (scikit-learn TfidfVectorizer, English stop words, sublinear tf,
   fitted on these documents, i.e. transductively) and average-linkage agglomerative clustering on cosine
   distance, cut at a FIXED similarity of TFIDF_SIMILARITY (0.25, set before looking at these data: distance
   0.75); and, as an ORACLE UPPER BOUND only, the same clustering cut at its best similarity on these data
   (0.05 .. 0.95 by 0.05), labelled so.
2. Cross-document event coreference, on the validated sentences only (ECBplus_coreference_sentences.csv).
   Gold mentions: ACTION_* markables (not NEG_ACTION_*) whose first token is in a validated sentence, as sets
   of token ids; cluster: the `note` of the CROSS_DOC_COREF relation naming it, else its INTRA_DOC_COREF
   relation (within the document), else a singleton. System mentions: eventwire's events whose trigger lies
   in a validated sentence, as the token ids their trigger span overlaps; cluster: their linked event (an
   event of a duplicate article, never linked, is a singleton). A system mention is the gold mention sharing a
   token with it (one-to-one, in document order); any other is a mention of its own (spurious), which costs
   precision; an unfound gold mention costs recall. Metrics over the key K (gold clusters) and response R:
   - MUC (Vilain et al. 1995): R = Σ_k (|k| - |p(k)|) / Σ_k (|k| - 1), p(k) the parts of k cut by the
     response (a mention absent from the response is a part of its own); P the same with K and R swapped.
   - B³: as above, over mentions; a mention absent from the other side has an empty cluster there (scores 0).
   - CEAF-e (Luo 2005): φ(k, r) = 2|k ∩ r| / (|k| + |r|), the best one-to-one alignment of key and response
     clusters (scipy linear_sum_assignment) giving Φ; R = Φ / |K|, P = Φ / |R|.
   conll_f1 = the mean of the three F1 (Pradhan et al. 2014). Singletons are kept on both sides.
   Baseline in the same run: the SAME system mentions clustered by the lemma of their trigger's head (spaCy,
   the pipeline's own parse) within each PREDICTED story (eventwire's, so the baseline differs from the system
   only in how mentions are linked). For reference, the lemma baseline on GOLD mentions within GOLD document
   clusters is also reported (`lemma_gold_conll_f1`): the literature's strong baseline, not comparable (it is
   given the mentions and the incidents).

--half even|odd keeps the even topics (36, 38, 40) or the odd ones (37, 39); default all. Tables go to stderr;
the last stdout line is one JSON object: docs, stories, gold_clusters, b3_p/r/f1, pairwise_p/r/f1, b3_f1_mean and
b3_f1_min over the orders, tfidf_b3_f1 (fixed threshold), tfidf_pairwise_f1, tfidf_oracle_b3_f1 and its
threshold, gold_mentions, system_mentions, matched_mentions, muc_f1, b3_mention_f1, ceafe_f1, conll_f1,
lemma_conll_f1, lemma_gold_conll_f1, seconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))  # its sibling timex.py, when imported as benchmarks.stories too
try:
    import eventwire  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from eventwire.config import load_config  # noqa: E402
from eventwire.crossdoc.stage import CrossDoc  # noqa: E402
from eventwire.ingest.text import read_text  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.store import open_store  # noqa: E402
from eventwire.types import Article, ArticleRecord  # noqa: E402
from timex import detokenize  # noqa: E402

TOPICS = (36, 37, 38, 39, 40)
TFIDF_SIMILARITY = 0.25
_TOKEN = re.compile(r'<token t_id="(\d+)" sentence="(\d+)" number="\d+">(.*?)</token>', re.S)
_MARKABLE = re.compile(r'<(ACTION_[A-Z]+) m_id="(\d+)"\s*>(.*?)</\1>', re.S)
_ANCHOR = re.compile(r'<token_anchor t_id="(\d+)"\s*/>')
_RELATION = re.compile(r'<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"(?: note="([^"]*)")?\s*>(.*?)</\1>', re.S)
_SOURCE = re.compile(r'<source m_id="(\d+)"\s*/>')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}

Cluster = Hashable
Mention = tuple[str, frozenset[int]]  # (document, token ids)
Assignment = Mapping[Any, Any]  # item -> its cluster


@dataclass
class Document:
    name: str  # "36_1ecb"
    topic: int
    incident: str  # "36/ecb" or "36/ecbplus": the gold document cluster
    text: str
    token_span: dict[int, tuple[int, int]]  # t_id -> (start, end) in text
    token_sentence: dict[int, int]
    gold: dict[frozenset[int], Cluster] = field(default_factory=dict)  # ACTION mention -> its gold cluster


def _unescape(text: str) -> str:
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def read_document(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    sentences: dict[int, list[tuple[int, str]]] = {}
    for t_id, sentence, word in _TOKEN.findall(raw):
        sentences.setdefault(int(sentence), []).append((int(t_id), _unescape(word)))
    numbers = sorted(sentences)
    if numbers and sentences[numbers[0]][0][1].lower().startswith("http"):
        numbers = numbers[1:]  # the page's address: not text (see the module docstring)
    text, offsets = detokenize([[w for _, w in sentences[n]] for n in numbers])
    token_span: dict[int, tuple[int, int]] = {}
    token_sentence: dict[int, int] = {}
    for n, spans in zip(numbers, offsets, strict=True):
        for (t_id, _), span in zip(sentences[n], spans, strict=True):
            token_span[t_id] = span
            token_sentence[t_id] = n
    name = path.stem
    topic = int(name.split("_")[0])
    doc = Document(name, topic, f"{topic}/{'ecbplus' if name.endswith('ecbplus') else 'ecb'}", text,
                   token_span, token_sentence)
    mentions = {m_id: frozenset(int(t) for t in _ANCHOR.findall(body))
                for _, m_id, body in _MARKABLE.findall(raw)}
    for kind, r_id, note, body in _RELATION.findall(raw):
        cluster = note if kind == "CROSS_DOC_COREF" else f"{name}/{r_id}"
        for m_id in _SOURCE.findall(body):
            if mentions.get(m_id):
                doc.gold.setdefault(mentions[m_id], cluster)
    for m_id, tokens in mentions.items():
        if tokens:
            doc.gold.setdefault(tokens, f"{name}/m{m_id}")
    return doc


def find_data(data: Path) -> Path:
    for candidate in (data, data / "ecbplus-test"):
        if (candidate / "ECB+").is_dir():
            return candidate
    raise SystemExit(f"no ECB+ folder under {data}")


def read_validated(path: Path) -> set[tuple[str, int]]:
    """(document name, sentence number) of the sentences validated for coreference."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {(f"{row[0]}_{row[1]}", int(row[2])) for row in rows[1:] if row and row[0].isdigit()}


# --------------------------------------------------------------------------- cluster metrics (pure)


def clusters_of(assignment: Assignment) -> list[set[Any]]:
    groups: dict[Cluster, set[Any]] = {}
    for item, cluster in assignment.items():
        groups.setdefault(cluster, set()).add(item)
    return list(groups.values())


def _prf(num_p: float, den_p: float, num_r: float, den_r: float) -> tuple[float, float, float]:
    p = num_p / den_p if den_p else 0.0
    r = num_r / den_r if den_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(key: Assignment, response: Assignment) -> tuple[float, float, float]:
    """B³ P, R, F1; an item absent from one side has an empty cluster there."""
    def side(a: Assignment, b: Assignment) -> float:
        a_groups = {id(g): g for g in clusters_of(a)}
        b_of = {item: g for g in clusters_of(b) for item in g}
        a_of = {item: g for g in a_groups.values() for item in g}
        return sum(len(a_of[m] & b_of.get(m, set())) / len(a_of[m]) for m in a)

    return _prf(side(response, key), len(response), side(key, response), len(key))


def muc(key: Assignment, response: Assignment) -> tuple[float, float, float]:
    def side(a: Assignment, b: Assignment) -> tuple[int, int]:
        num = den = 0
        for group in clusters_of(a):
            parts = {b.get(m, ("alone", m)) for m in group}
            num += len(group) - len(parts)
            den += len(group) - 1
        return num, den

    rn, rd = side(key, response)
    pn, pd = side(response, key)
    return _prf(pn, pd, rn, rd)


def ceaf_e(key: Assignment, response: Assignment) -> tuple[float, float, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    k_groups, r_groups = clusters_of(key), clusters_of(response)
    if not k_groups or not r_groups:
        return 0.0, 0.0, 0.0
    phi = np.zeros((len(k_groups), len(r_groups)))
    r_index = {m: j for j, g in enumerate(r_groups) for m in g}
    for i, g in enumerate(k_groups):
        for m in g:
            j = r_index.get(m)
            if j is not None:
                phi[i, j] += 1
    sizes = np.add.outer(np.array([len(g) for g in k_groups]), np.array([len(g) for g in r_groups]))
    phi = 2 * phi / sizes
    rows, cols = linear_sum_assignment(phi, maximize=True)
    total = float(phi[rows, cols].sum())
    return _prf(total, len(r_groups), total, len(k_groups))


def pairwise(key: Assignment, response: Assignment) -> tuple[float, float, float]:
    items = sorted(key, key=str)
    both = in_key = in_response = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            k = key[a] == key[b]
            r = response[a] == response[b]
            both += k and r
            in_key += k
            in_response += r
    return _prf(both, in_response, both, in_key)


def conll(key: Assignment, response: Assignment) -> dict[str, float]:
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}
    out = {f"{name}_{part}": round(value[i], 4) for name, value in scores.items()
           for i, part in enumerate(("p", "r", "f1"))}
    out["conll_f1"] = round(sum(v[2] for v in scores.values()) / 3, 4)
    return out


# --------------------------------------------------------------------------- system and baselines


@dataclass
class SystemMention:
    doc: str
    tokens: frozenset[int]
    event_id: str
    lemma: str


def run_pipeline(docs: Sequence[Document]) -> tuple[list[ArticleRecord], list[list[SystemMention]]]:
    """Records of the documents (in `docs` order, dates dropped) and each one's events as mentions."""
    pipeline = Pipeline()
    articles: list[Article] = []
    for doc in docs:
        article = read_text(doc.text, f"document-{len(articles) + 1}")
        article.published, article.published_from = None, "none"
        articles.append(article)
    records: list[ArticleRecord] = []
    mentions: list[list[SystemMention]] = []
    for doc, parsed in zip(docs, pipeline.docs(articles), strict=True):
        record = pipeline.record(parsed)
        records.append(record)
        found = []
        for event in record.events:
            start, end = event.trigger.start, event.trigger.end
            tokens = frozenset(t for t, (a, b) in doc.token_span.items() if a < end and start < b)
            span = parsed.char_span(start, end, alignment_mode="expand")
            lemma = (span.root.lemma_ if span is not None and len(span) else event.trigger.text).lower()
            if tokens:
                found.append(SystemMention(doc.name, tokens, event.id, lemma))
        mentions.append(found)
    return records, mentions


def run_stories(records: Sequence[ArticleRecord], order: Sequence[int]) -> tuple[dict[str, str], dict[str, str]]:
    """Story of each article and linked event of each event, the records ingested in `order`."""
    config = load_config()
    batch = [records[i] for i in order]
    with tempfile.TemporaryDirectory(prefix="eventwire-stories-") as tmp, \
            open_store(Path(tmp) / "stories.duckdb") as store:
        store.add_records(batch)
        CrossDoc(store, config).add(batch)
        ids = [r.article.id for r in batch]
        story = {m.article_id: m.story_id for m in store.lookup("story_articles", "article_id", ids)}
        linked = {m.event_id: m.linked_event_id for m in store.lookup("event_mentions", "article_id", ids)}
    return story, linked


def tfidf_clusters(texts: Sequence[str], similarity: float) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=1.0 - similarity)
    return [int(x) for x in model.fit_predict(matrix)]


def match_mentions(doc: Document, system: Sequence[SystemMention], validated: set[tuple[str, int]]
                   ) -> tuple[dict[Mention, Cluster], list[tuple[Mention, SystemMention]]]:
    """Gold mentions of the validated sentences and their clusters; each system mention of those sentences
    with the mention it stands for (a gold one when they share a token, else its own)."""
    def kept(tokens: frozenset[int]) -> bool:
        first = min(tokens)
        return first in doc.token_sentence and (doc.name, doc.token_sentence[first]) in validated

    gold = {(doc.name, tokens): cluster for tokens, cluster in doc.gold.items() if kept(tokens)}
    free = sorted(gold, key=lambda m: min(m[1]))
    pairs = []
    for mention in sorted(system, key=lambda m: min(m.tokens)):
        if not kept(mention.tokens):
            continue
        twin = next((g for g in free if g[1] & mention.tokens), None)
        if twin is not None:
            free.remove(twin)
            pairs.append((twin, mention))
        else:
            pairs.append(((doc.name, mention.tokens), mention))
    return gold, pairs


def gold_lemma(doc: Document, tokens: frozenset[int], lemmas: Mapping[tuple[int, int], str]) -> str:
    return lemmas.get(doc.token_span[min(tokens)], "") if min(tokens) in doc.token_span else ""


def table(rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)), file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "peers")
    parser.add_argument("--half", choices=("even", "odd"), default=None)
    parser.add_argument("--orders", type=int, default=5, help="ingest orders (seeds 0..N-1) for the stories")
    parser.add_argument("--show-stories", action="store_true", help="print each story's documents (stderr)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    folder = find_data(args.data)
    topics = [t for t in TOPICS if args.half is None or (t % 2 == 0) == (args.half == "even")]
    docs = [read_document(p) for t in topics for p in sorted((folder / "ECB+" / str(t)).glob("*.xml"))]
    validated = read_validated(folder / "ECBplus_coreference_sentences.csv")
    print(f"{len(docs)} documents, topics {topics}", file=sys.stderr)
    records, system = run_pipeline(docs)
    gold_docs = {d.name: d.incident for d in docs}
    by_article = {r.article.id: d.name for r, d in zip(records, docs, strict=True)}

    results: list[tuple[float, float, float, float, float, float, int]] = []
    story_of: dict[str, str] = {}
    linked: dict[str, str] = {}
    for seed in range(max(1, args.orders)):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        stories, links = run_stories(records, order)
        predicted = {by_article[a]: s for a, s in stories.items()}
        results.append((*b_cubed(gold_docs, predicted), *pairwise(gold_docs, predicted), len(set(predicted.values()))))
        if seed == 0:
            story_of, linked = predicted, links
    b3p, b3r, b3f, pwp, pwr, pwf, n_stories = results[0]
    if args.show_stories:
        for sid in sorted(set(story_of.values())):
            print(sid, sorted(n for n, s in story_of.items() if s == sid), file=sys.stderr)

    texts = [d.text for d in docs]
    fixed = tfidf_clusters(texts, TFIDF_SIMILARITY)
    tfidf = {d.name: c for d, c in zip(docs, fixed, strict=True)}
    t_b3, t_pw = b_cubed(gold_docs, tfidf), pairwise(gold_docs, tfidf)
    sweep = []
    for step in range(1, 20):
        sim = round(step * 0.05, 2)
        cut = {d.name: c for d, c in zip(docs, tfidf_clusters(texts, sim), strict=True)}
        sweep.append((b_cubed(gold_docs, cut)[2], sim))
    oracle_f1, oracle_sim = max(sweep)

    # Event coreference.
    key: dict[Mention, Cluster] = {}
    response: dict[Mention, Cluster] = {}
    lemma_response: dict[Mention, Cluster] = {}
    lemma_gold: dict[Mention, Cluster] = {}
    matched = n_system = 0
    for doc, found in zip(docs, system, strict=True):
        gold, pairs = match_mentions(doc, found, validated)
        key.update(gold)
        for mention, sm in pairs:
            n_system += 1
            matched += mention in gold
            response[mention] = linked.get(sm.event_id, ("event", sm.event_id))
            lemma_response[mention] = (story_of.get(doc.name), sm.lemma)
    lemmas = gold_token_lemmas(docs)
    for doc in docs:
        for mention in (m for m in key if m[0] == doc.name):
            lemma_gold[mention] = (doc.incident, gold_lemma(doc, mention[1], lemmas[doc.name]))
    system_scores = conll(key, response)
    lemma_scores = conll(key, lemma_response)
    lemma_gold_scores = conll(key, lemma_gold)

    print("\nDocument clusters (B³ / pairwise)", file=sys.stderr)
    rows: list[tuple[str, ...]] = [("system", "P", "R", "F1", "pairwise P", "R", "F1", "clusters")]
    rows.append(("eventwire stories (order 0)", *(f"{x:.3f}" for x in (b3p, b3r, b3f, pwp, pwr, pwf)), str(n_stories)))
    rows.append((f"TF-IDF avg-link, fixed sim {TFIDF_SIMILARITY}", *(f"{x:.3f}" for x in (*t_b3, *t_pw)),
                 str(len(set(fixed)))))
    rows.append((f"TF-IDF ORACLE sim {oracle_sim} (upper bound)", "", "", f"{oracle_f1:.3f}", "", "", "", ""))
    table(rows)
    f1s = [r[2] for r in results]
    print(f"stories B³ F1 over {len(results)} orders: mean {sum(f1s) / len(f1s):.3f}, min {min(f1s):.3f}; "
          f"gold clusters {len(set(gold_docs.values()))}", file=sys.stderr)
    print(f"\nEvent coreference (validated sentences): {len(key)} gold mentions, {n_system} system mentions, "
          f"{matched} matched", file=sys.stderr)
    rows = [("system", "MUC F1", "B³ F1", "CEAF-e F1", "CoNLL F1")]
    for name, s in (("eventwire linked events", system_scores), ("same lemma in predicted story", lemma_scores),
                    ("same lemma, gold mentions+docs (ref.)", lemma_gold_scores)):
        rows.append((name, *(f"{s[k]:.3f}" for k in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1"))))
    table(rows)
    out = {"docs": len(docs), "topics": topics, "stories": n_stories, "gold_clusters": len(set(gold_docs.values())),
           "b3_p": round(b3p, 4), "b3_r": round(b3r, 4), "b3_f1": round(b3f, 4),
           "pairwise_p": round(pwp, 4), "pairwise_r": round(pwr, 4), "pairwise_f1": round(pwf, 4),
           "b3_f1_mean": round(sum(f1s) / len(f1s), 4), "b3_f1_min": round(min(f1s), 4), "orders": len(results),
           "tfidf_similarity": TFIDF_SIMILARITY, "tfidf_b3_f1": round(t_b3[2], 4),
           "tfidf_pairwise_f1": round(t_pw[2], 4),
           "tfidf_oracle_b3_f1": round(oracle_f1, 4), "tfidf_oracle_similarity": oracle_sim,
           "gold_mentions": len(key), "system_mentions": n_system, "matched_mentions": matched,
           "muc_f1": system_scores["muc_f1"], "b3_mention_f1": system_scores["b3_f1"],
           "ceafe_f1": system_scores["ceafe_f1"], "conll_f1": system_scores["conll_f1"],
           "lemma_conll_f1": lemma_scores["conll_f1"], "lemma_gold_conll_f1": lemma_gold_scores["conll_f1"],
           "seconds": round(time.perf_counter() - t0, 1)}
    print(json.dumps(out))


def gold_token_lemmas(docs: Sequence[Document]) -> dict[str, dict[tuple[int, int], str]]:
    """Each document's token lemmas by (start, end), from the pinned spaCy model run on its text."""
    import spacy

    from eventwire.nlp.loader import installed_model

    nlp = spacy.load(installed_model() or "en_core_web_sm", disable=["ner"])
    out: dict[str, dict[tuple[int, int], str]] = {}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        out[doc.name] = {(t.idx, t.idx + len(t.text)): t.lemma_.lower() for t in parsed}
    return out


if __name__ == "__main__":
    main()
