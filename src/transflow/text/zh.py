"""Chinese language rules as data.

Like Translate Toolkit's ``lang/zh.py``, the segmenter reads these tables instead of hard-coding
characters in ``if`` chains, so a rule change is a one-line data change with a test beside it.
"""

from __future__ import annotations

import re

#: Full-width sentence terminators: always end a sentence (a run of them is one cluster).
TERMINATORS = frozenset("。！？｡")
#: Half-width terminators: end a sentence only when CJK text or a CJK opening mark follows.
HALF_TERMINATORS = frozenset("!?")
#: Ellipsis characters: end a sentence only when a new sentence follows directly.
ELLIPSIS = frozenset("…⋯")
#: Closing marks that stay with the sentence they close (straight ``"`` is handled by state).
CLOSERS = frozenset("”’」』）)》〉】］]〕〗")
#: Opening marks, paired with their closers; used to track quotation depth.
PAIRS = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "《": "》",
    "〈": "〉",
    "【": "】",
    "［": "］",
    "[": "]",
    "〔": "〕",
    "〖": "〗",
}
OPENERS = frozenset(PAIRS)
#: Inside these (book and article titles) nothing ever breaks: 《加油！武汉》 is one title.
NO_BREAK_INSIDE = frozenset("《〈")
#: Comma-like marks: after a terminator and its closers, one of these means the sentence goes on.
COMMA_LIKE = frozenset("，,、；;：:")
#: The straight double quote opens and closes by turns.
STRAIGHT_QUOTE = '"'
#: Whitespace that is never content at the edges of a paragraph or between sentences.
EDGE_SPACE = " \t\r\n\f\v\u00a0\u3000\ufeff\u2002\u2003\u2009\u200b"


#: Han characters (CJK unified ideographs): extension A, the basic block, compatibility ideographs, and
#: the supplementary planes (extensions B to F and compatibility supplement), as (first, last) code points.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
#: The basic block alone: the characters of ordinary modern text (a legacy decoding gone wrong yields rare ones).
COMMON_HAN = (0x4E00, 0x9FFF)
#: A run of Han characters.
HAN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES) + "]+")
#: Punctuation every Chinese article uses; with common Han and ASCII, what plausible Chinese text is made of.
COMMON_PUNCTUATION = frozenset("。，、；：？！“”‘’（）《》…—")
#: A run of full-width and CJK punctuation, none of which belongs in English text (curly quotes and … do).
CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u30fb]+")
#: Chinese mark -> its English form (full-width ASCII forms U+FF01..U+FF5E fold by NFKC instead).
TO_ENGLISH = {
    "。": ".",
    "｡": ".",
    "．": ".",
    "，": ",",
    "、": ",",
    "；": ";",
    "：": ":",
    "！": "!",
    "？": "?",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "《": '"',
    "》": '"',
    "〈": '"',
    "〉": '"',
    "【": "[",
    "】": "]",
    "〔": "(",
    "〕": ")",
    "〖": "[",
    "〗": "]",
    "（": "(",
    "）": ")",
    "——": "—",
    "……": "...",
    "…": "...",
    "～": "~",
    "・": "·",
    "\u3000": " ",
}


def is_han(ch: str) -> bool:
    """True for a Han character (any of :data:`HAN_RANGES`)."""
    return HAN.match(ch) is not None


def is_common_han(ch: str) -> bool:
    """True for a Han character of the basic block (U+4E00..U+9FFF)."""
    return COMMON_HAN[0] <= ord(ch) <= COMMON_HAN[1]


def is_cjk(ch: str) -> bool:
    """True for CJK text: Han, kana, Hangul, bopomofo, or a CJK symbol/full-width form."""
    o = ord(ch)
    return (
        is_han(ch)
        or 0x3040 <= o <= 0x30FF  # kana
        or 0xAC00 <= o <= 0xD7AF  # Hangul
        or 0x3100 <= o <= 0x312F  # bopomofo
        or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or ch in "“‘"
    )


def is_punctuation_only(text: str) -> bool:
    """True when a text has no letter, digit or Han character: it cannot stand as a segment."""
    return not any(ch.isalnum() for ch in text)
