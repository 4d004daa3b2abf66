"""Paragraph roles: sentence punctuation or several sentences make body text, never a headline."""

from __future__ import annotations

import pytest

from transflow.text.article import parse_article
from transflow.text.roles import BODY, BYLINE, CAPTION, HEADING, TITLE, detect_roles


@pytest.mark.parametrize(
    "paragraph",
    [
        "“你也来了?”他笑着问,“那我们一起走!”",  # half-width marks, a quotation: body, not a kicker
        "孩子们齐声喊:放学了!",
        "这是真的?",
        "以后还办吗？",
        "“走吧！”",
        "他来了。她走了",  # two sentences, the second without a stop
        "等一等……",
    ],
)
def test_sentence_punctuation_or_several_sentences_is_body(paragraph: str) -> None:
    # first (the title slot) and in the middle (the heading slot): body text either way
    assert detect_roles([paragraph, "正文第一句。"])[0] == BODY
    assert detect_roles(["新闻标题", paragraph])[1] == BODY


def test_headlines_bylines_and_captions_keep_their_roles() -> None:
    roles = detect_roles(["河湾村 修路记", "●文/本报记者 林晓", "村民在新路上散步。林晓摄", "一条路的变化", "正文。"])
    assert roles == [TITLE, BYLINE, CAPTION, HEADING, BODY]


def test_roles_reach_the_article_paragraphs() -> None:
    pars = parse_article("新村新貌\n“真的通车了?”老人问,“那我明天就进城!”\n一条路的变化\n")
    assert [p.role for p in pars] == [TITLE, BODY, HEADING]


def test_a_one_word_kicker_does_not_make_a_headline_two_sentences() -> None:
    assert detect_roles(["快讯！河湾村公路今天通车", "正文。"])[0] == TITLE
    assert detect_roles(["标题", "原标题：刚刚！新规出台", "正文。"])[1] == HEADING
    assert detect_roles(["标题", "新修的公路通车了！村民的菜卖出去了", "正文。"])[1] == BODY  # two sentences
