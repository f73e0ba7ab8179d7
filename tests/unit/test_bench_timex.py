"""The readers and scoring functions of benchmarks/timex.py, on tiny files we write ourselves."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from benchmarks.timex import (
    Mention,
    detokenize,
    find_documents,
    pair,
    parse_dct,
    score,
)

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en">
<token number="0" sentence="0" t_id="1">Rebels</token>
<token number="1" sentence="0" t_id="2">strike</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">03</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2010</token>
<token number="6" sentence="2" t_id="7">They</token>
<token number="7" sentence="2" t_id="8">struck</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Sunday</token>
<token number="10" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2010-05-03">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2010-05-02"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="2011"/>
</Markables>
</Document>
"""

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>doc_one</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>Talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> after \
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT>
</TimeML>
"""

TE3INPUT = """<?xml version="1.0" ?>
<TimeML><DOCID>doc_one</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>Talks ended Thursday after two weeks.</TEXT>
</TimeML>
"""


def test_bench_timex_detokenize_offsets_point_at_tokens() -> None:
    text, offsets = detokenize([["Talks", "ended", "(", "again", ")", "."], ["May", "03", ",", "2010"]])
    assert text == "Talks ended (again).\nMay 03, 2010"
    assert [text[s:e] for s, e in offsets[1]] == ["May", "03", ",", "2010"]


def test_bench_timex_parse_dct_reads_iso_or_the_date_line() -> None:
    assert parse_dct("2009-02-03", "") == date(2009, 2, 3)
    assert parse_dct("03-02-2009", "February 03 , 2009") == date(2009, 2, 3)
    assert parse_dct("", "no date here") is None


def test_bench_timex_reads_cat_xml_without_the_dct_and_implicit_ends(tmp_path: Path) -> None:
    folder = tmp_path / "meantime-en" / "corpus_x"
    folder.mkdir(parents=True)
    (folder / "1_Test.xml").write_text(CAT, encoding="utf-8")
    (doc,) = find_documents(tmp_path)
    assert doc.corpus == "meantime" and doc.dct == date(2010, 5, 3)
    assert [(doc.text[m.start:m.end], m.value) for m in doc.gold] == [("Sunday", "2010-05-02")]
    assert [doc.text[s:e] for s, e in doc.ignore] == ["May 03, 2010"]


def test_bench_timex_pairs_timeml_gold_with_its_input_by_docid(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "input").mkdir()
    (tmp_path / "gold" / "doc_one_misspelt.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "input" / "doc_one.tml.TE3input").write_text(TE3INPUT, encoding="utf-8")
    (doc,) = find_documents(tmp_path)
    assert doc.corpus == "tempeval3" and doc.text == "Talks ended Thursday after two weeks."
    assert [(doc.text[m.start:m.end], m.value, m.type) for m in doc.gold] == [
        ("Thursday", "2013-03-21", "DATE"), ("two weeks", "P2W", "DURATION")]


def test_bench_timex_scores_strict_relaxed_and_value() -> None:
    gold = [Mention(0, 6, "2021-08-08"), Mention(10, 18, "P2W"), Mention(30, 34, "2020")]
    predicted = [Mention(0, 6, "2021-08-08"), Mention(8, 18, "P14D"), Mention(40, 44, "2019"),
                 Mention(50, 52, "PAST_REF")]
    counts = score(gold, predicted, ignore=[(49, 60)])
    assert (counts.gold, counts.predicted, counts.strict, counts.relaxed, counts.value) == (3, 3, 1, 2, 1)
    metrics = counts.metrics()
    assert metrics["value_accuracy"] == 0.5 and metrics["relaxed_f1"] == round(4 / 6, 4)


def test_bench_timex_pairs_one_to_one_by_largest_overlap() -> None:
    gold = [Mention(0, 10, "a"), Mention(12, 20, "b")]
    predicted = [Mention(5, 15, "x"), Mention(0, 8, "y")]
    assert [(g.value, p.value) for g, p in pair(gold, predicted)] == [("a", "y"), ("b", "x")]
