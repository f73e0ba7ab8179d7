"""The cluster metrics and the ECB+ reader of benchmarks/stories.py, on tiny inputs we write ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.stories import b_cubed, ceaf_e, conll, muc, pairwise, read_document

KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_identical_clusterings_score_one_on_every_metric() -> None:
    scores = conll(KEY, dict(KEY))
    assert scores["muc_f1"] == scores["b3_f1"] == scores["ceafe_f1"] == scores["conll_f1"] == 1.0
    assert pairwise(KEY, dict(KEY)) == (1.0, 1.0, 1.0)


def test_muc_counts_the_links_a_split_cluster_loses() -> None:
    response = {"a": 1, "b": 1, "c": 3, "d": 2, "e": 2}
    p, r, _ = muc(KEY, response)
    assert r == pytest.approx(2 / 3)  # key links 2 + 1, one lost
    assert p == 1.0


def test_b_cubed_of_all_singletons_has_full_precision_and_partial_recall() -> None:
    response = {m: m for m in KEY}
    p, r, _ = b_cubed(KEY, response)
    assert p == 1.0
    assert r == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)


def test_a_mention_missing_from_the_response_costs_recall_only() -> None:
    response = {"a": 1, "b": 1, "c": 1, "d": 2}
    p, r, _ = b_cubed(KEY, response)
    assert p == 1.0
    assert r == pytest.approx((3 * 1 + 1 / 2) / 5)


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    response = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}
    p, r, _ = ceaf_e(KEY, response)
    phi = 2 * 3 / (3 + 5)
    assert p == pytest.approx(phi)
    assert r == pytest.approx(phi / 2)


DOC = """<Document doc_name="7_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="1" number="0">Rebels</token>
<token t_id="4" sentence="1" number="1">shelled</token>
<token t_id="5" sentence="1" number="2">the</token>
<token t_id="6" sentence="1" number="3">town</token>
<token t_id="7" sentence="1" number="4">.</token>
<token t_id="8" sentence="2" number="0">The</token>
<token t_id="9" sentence="2" number="1">attack</token>
<token t_id="10" sentence="2" number="2">ended</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"  >
<token_anchor t_id="4"/>
</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"  >
<token_anchor t_id="9"/>
</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"  >
<token_anchor t_id="10"/>
</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="4" RELATED_TO="" TAG_DESCRIPTOR="t_shelling" instance_id="ACT1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="9" note="ACT1" >
  <source m_id="1" />
  <source m_id="2" />
  <target m_id="4" />
</CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_reader_drops_the_address_line_and_keeps_mention_clusters(tmp_path: Path) -> None:
    path = tmp_path / "7_1ecbplus.xml"
    path.write_text(DOC, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Rebels shelled the town.\nThe attack ended"
    assert doc.incident == "7/ecbplus"
    start, end = doc.token_span[4]
    assert doc.text[start:end] == "shelled"
    assert doc.gold[frozenset({4})] == doc.gold[frozenset({9})] == "ACT1"
    assert doc.gold[frozenset({10})] != "ACT1"  # a singleton of its own
