"""The splitter's offsets travel with each paragraph to the merge; glossary spans are found once per sentence."""

from __future__ import annotations

import polib
from hypothesis import given
from hypothesis import strategies as st

from transflow.glossary.table import GlossaryTerm
from transflow.merge.document import align, glossary_marks, used_terms
from transflow.text import zh
from transflow.text.article import parse_article


def test_paragraph_keeps_the_source_spacing_between_sentences():
    [par] = parse_article("雨停了。  好。\u3000好。天晴了！\n")
    assert par.segments == ("雨停了。", "好。", "好。", "天晴了！")
    assert par.gaps == ("  ", "\u3000", "")
    assert [par.text[a:b] for a, b in par.spans] == list(par.segments)
    [block] = align("d", "en", [par], []).blocks
    assert block.gaps == par.gaps and block.zh == par.text


@given(st.text(alphabet=st.sampled_from(list('天晴雨。！？…“”" \u3000ab')), max_size=50))
def test_spans_and_gaps_rebuild_every_paragraph(text):
    for par in parse_article(text):
        assert len(par.spans) == len(par.segments) == len(par.gaps) + 1
        rebuilt = par.segments[0] + "".join(g + s for g, s in zip(par.gaps, par.segments[1:]))
        assert rebuilt == par.text
        assert all(g.strip(zh.EDGE_SPACE) == "" for g in par.gaps)


def test_glossary_marks_once_per_distinct_sentence_in_reading_order():
    pars = parse_article("河西区修了新桥。东湖公园开放。\n河西区修了新桥。\n")
    entries = [polib.POEntry(msgid=s, msgstr="") for s in ("河西区修了新桥。", "东湖公园开放。")]
    aligned = align("d", "en", pars, entries)
    terms = [GlossaryTerm("东湖公园", "East Lake Park"), GlossaryTerm("河西区", "Hexi District")]
    marks = glossary_marks(aligned, terms)
    assert list(marks) == ["河西区修了新桥。", "东湖公园开放。"]
    assert [(a, b, t.en) for a, b, t in marks["东湖公园开放。"]] == [(0, 4, "East Lake Park")]
    assert [t.zh for t in used_terms(marks)] == ["河西区", "东湖公园"]
    assert glossary_marks(aligned, []) == {}
