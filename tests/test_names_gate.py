"""find_names looks closely only at tokens some rule can act on; the rest are skipped unexamined.

The gate (``names._may_act``) must never change what is found: checked here against the same search
with the gate open, on the worked example and on sentences built from the rules' own tables.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transflow.text import names
from transflow.text.article import parse_article
from transflow.text.name_tables import ORG_SUFFIXES, PLACE_SUFFIXES, SPEECH_VERBS, SURNAMES, TITLES
from transflow.text.romanize import NAME_DOTS, TRANSLIT

from conftest import ARTICLE

#: Everyday words and marks between the names.
FILLER = "今天 我们 在 的 了 和 与 工作 发展 会议 上 表示 记者 2024年 3 ， 。 、 “ ” （ ） 从 到 一起 村民 企业".split()
PIECES = st.one_of(
    st.sampled_from(sorted(SURNAMES)),
    st.sampled_from(sorted(TITLES)),
    st.sampled_from(sorted(SPEECH_VERBS)),
    st.sampled_from(sorted(PLACE_SUFFIXES)),
    st.sampled_from(sorted(ORG_SUFFIXES)),
    st.sampled_from(sorted(TRANSLIT)),
    st.sampled_from(sorted(NAME_DOTS)),
    st.sampled_from("明 华 建国 志强 秀英 海 平 东 红 忠祥 丽".split()),
    st.sampled_from(FILLER),
)


def _both(sentence: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    gated = names.find_names.__wrapped__(sentence)
    with monkeypatch.context() as m:
        m.setattr(names, "_may_act", lambda word, tag: True)
        open_ = names.find_names.__wrapped__(sentence)
    return gated, open_


def test_gate_changes_nothing_on_the_worked_example(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [s for p in parse_article(ARTICLE.read_text("utf-8")) for s in p.segments]
    found = 0
    for sentence in sentences:
        gated, open_ = _both(sentence, monkeypatch)
        assert gated == open_, sentence
        found += len(gated)
    assert found >= 6  # the article's people and places are there to be found


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=25))
def test_gate_changes_nothing_on_sentences_made_of_the_rules_tables(pieces: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        gated, open_ = _both("".join(pieces), monkeypatch)
    assert gated == open_
