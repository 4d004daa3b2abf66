"""Paragraph roles in a Chinese news article: title, heading, byline, caption, body, related.

Roles are told from the shape of a paragraph alone (tables below), so they are stable when paragraphs
move, and a translator sees in each entry's notes whether a line is a headline or running text.
"""

from __future__ import annotations

import re

from transflow.text import zh
from transflow.text.split import split_spans

TITLE, HEADING, BYLINE, CAPTION, BODY, RELATED = "title", "heading", "byline", "caption", "body", "related"

#: A line that opens the "related news" box at the end of a web article; it and all after it are teasers.
RELATED_MARKERS = ("新闻推荐", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "相关链接", "相关报道")
#: Marks and words that open a byline (●唐音唐忠祥, 本报记者 张三, 文/李四).
BYLINE_START = re.compile(r"^(?:[●■◆▲□○◎]|本报记者|记者|通讯员|文/|文／|文︱|撰文|作者[:：])")
#: A photo caption ends with the photographer's credit (唐忠祥摄, 新华社记者 X 摄, 供图).
CAPTION_END = re.compile(r"(?:摄|摄影|供图|图片来源[^。]*|[（(][^（()）]*(?:摄|供图)[）)])$")
#: Longest heading or byline, in characters; longer unterminated lines are body text.
MAX_HEADING = 30
MAX_TITLE = 60
MAX_CAPTION = 150
#: A headline may open with a one-word exclamation kicker (快讯！, 重磅！, 原标题：刚刚！): at most this many
#: characters after any label, ending in ！ or !. It does not make the headline two sentences.
MAX_KICKER = 4


def _ends_sentence(text: str) -> bool:
    """True when the paragraph ends with a terminator, full- or half-width (possibly followed by closers)."""
    end = text.rstrip("".join(zh.CLOSERS) + zh.STRAIGHT_QUOTE + zh.STRAIGHT_SINGLE)
    return bool(end) and (
        end[-1] in zh.TERMINATORS or end[-1] in zh.HALF_TERMINATORS or end[-1] in zh.ELLIPSIS or end.endswith("...")
    )


def _is_kicker(sentence: str) -> bool:
    word = re.split("[：:]", sentence)[-1]
    return len(word) <= MAX_KICKER + 1 and word[-1:] in "！!"


def _is_prose(text: str) -> bool:
    """Sentence punctuation at the end, or more than one sentence: running text (or a quotation), never a
    headline. “真的吗?”她反问道,“那我们明天再来!” is a quotation even though it is short."""
    if _ends_sentence(text):
        return True
    spans = split_spans(text)
    if spans and _is_kicker(text[spans[0][0] : spans[0][1]]):
        spans = spans[1:]
    return len(spans) > 1


def _role(text: str, index: int) -> str:
    if BYLINE_START.match(text) and len(text) <= MAX_HEADING and not _ends_sentence(text):
        return BYLINE
    if CAPTION_END.search(text) and len(text) <= MAX_CAPTION:
        return CAPTION
    prose = _is_prose(text)
    if index == 0 and len(text) <= MAX_TITLE and not prose:
        return TITLE
    if len(text) <= MAX_HEADING and not prose:
        return HEADING
    return BODY


def detect_roles(paragraphs: list[str]) -> list[str]:
    """The role of each stripped, non-empty paragraph of one article, in order."""
    roles: list[str] = []
    related = False
    for index, text in enumerate(paragraphs):
        if text.strip("：:").strip() in RELATED_MARKERS:
            related = True
        roles.append(RELATED if related else _role(text, index))
    return roles


def shape_role(text: str) -> str:
    """The role a paragraph's shape alone gives it inside an article (never the title, which is positional)."""
    return _role(text, 1)
