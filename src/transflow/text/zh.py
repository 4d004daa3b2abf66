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
#: Three or more half-width dots right after CJK text are an ellipsis typed with periods (translated news
#: writes 等了很久......终于); they follow the ellipsis rules. Other dots never break (3.5, U.S., URLs).
DOT_ELLIPSIS = r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])\.{3,}"
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
#: Quotation marks that open speech: an unclosed one runs to the end of the paragraph (a quotation that
#: goes on in the next paragraph), so a pause inside it (我先说明一下……明天照常上课) is no sentence end.
QUOTE_OPENERS = frozenset("“‘「『")
#: Inside these (book and article titles) nothing ever breaks: 《加油！武汉》 is one title.
NO_BREAK_INSIDE = frozenset("《〈")
#: Comma-like marks: after a terminator and its closers, one of these means the sentence goes on.
COMMA_LIKE = frozenset("，,、；;：:")
#: The straight double quote opens and closes by turns.
STRAIGHT_QUOTE = '"'
#: The straight single quote, too, unless it sits between two letters (an apostrophe: Trump's).
STRAIGHT_SINGLE = "'"
#: Closing quotation marks: a quotation closed by one of these may be followed by its attribution.
QUOTE_CLOSERS = frozenset("”’」』\"'")

# Rules that real news taught us (../shared/realtext/). Each is data with the reason beside it.

#: Speech verbs that end a short attribution after a closing quote. Real news keeps
#: “……。”张建国说。 in one row every time, and the translation is one sentence: "…," said Zhang Jianguo.
#: So a quotation closed by 。”/？”/！” stays one sentence with an attribution that follows it when that
#: attribution is short, has no comma, quotation or bracket, and ends with one of these and then 。 (or
#: ends the paragraph). Verbs that merely end in 道 are listed whole: 知道 is not a speech verb.
SPEECH_VERBS = (
    "说",
    "说道",
    "表示",
    "称",
    "声称",
    "指出",
    "介绍",
    "问",
    "问道",
    "反问",
    "反问道",
    "追问",
    "补充",
    "补充道",
    "写道",
    "答道",
    "回答",
    "回答道",
    "解释",
    "解释道",
    "强调",
    "透露",
    "坦言",
    "感叹",
    "感叹道",
    "感慨",
    "笑道",
    "喊道",
    "叹道",
    "回忆",
    "回忆道",
    "提到",
    "告诉记者",
    "告诉本报记者",
    "发文",
    "宣布",
)
#: Longest attribution, in characters before its 。: 市交通局副局长在昨天的发布会上表示 is 17; a clause of
#: 40 characters is already a sentence of its own.
ATTRIBUTION_MAX = 40
#: What an attribution never contains: a comma-like mark (在门口，他说。 is a new sentence), a quotation or
#: bracket (a new quotation), or another terminator.
ATTRIBUTION_STOP = frozenset("，,、；;：:“”‘’\"'「」『』（）()《》【】[]。！？!?…⋯")
#: A ？ or ！ that closes a quotation opened right after a word (加入了“谁的街道？”项目团队) ends a quoted
#: title or question inside the sentence, not the sentence: when text goes on after the quote, no break.
#: After a comma or colon (他回了一句，“绝对不行！”他随后……) the quotation is speech and the break stays.
TITLE_TERMINATORS = frozenset("？！?!")
#: ... and a quotation right after a speech verb (他大声问“这是谁的错？”) is speech, too, even without a colon.
SPEECH_INTRODUCERS = (*SPEECH_VERBS, "喊", "道")
#: An ellipsis followed by one of these is a pause inside a clause (而比赛……的上半场还剩1分钟): these
#: particles and words bind to what comes before and never open a sentence.
ELLIPSIS_CONTINUERS = ("的", "了", "等", "之类", "吗", "呢", "吧", "啊", "呀", "嘛", "们")
#: ... except where they begin a word that can open a sentence (的确, 了解, 等到).
ELLIPSIS_OPENING_WORDS = ("的确", "了解", "了不起", "等到", "等待", "等候")
#: Characters of transliterated foreign names. Real newswire writes the name dot · as a half-width ? when
#: an encoding step lost it (柯林?德?鲁蒂斯): a ? with such a character on both sides and no space is a name
#: dot, not a question mark (走了吗?我们 and 多少钱?老板 are questions: 吗, 钱, 老 are not name characters).
NAME_CHARACTERS = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦包保鲍贝本比彼毕宾波玻伯勃博布查察达戴丹黛道德登迪狄蒂丁杜顿多厄恩法范菲费芬丰佛弗伏福富"
    "盖甘冈戈哥格葛根贡古圭哈海汉翰豪赫亨洪胡华怀惠霍基吉加嘉贾简杰捷金津居卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒"
    "雷蕾黎里理利莉丽莲列林琳留柳卢鲁陆路露伦罗洛律马玛迈麦曼芒梅门蒙孟米密缅摩莫默姆穆纳娜乃奈南内妮尼涅宁纽努诺欧帕"
    "潘庞培佩彭皮普齐奇恰乔琴琼切丘让茹若瑞萨塞赛桑瑟森沙莎尚舍申圣施史舒斯丝松苏索塔泰坦汤唐特提汀图托娃瓦万旺威韦维"
    "温翁沃乌伍西希锡夏谢辛欣休雅娅亚扬杨耶叶伊英尤约泽扎詹珍朱兹佐尔茨"
)
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
