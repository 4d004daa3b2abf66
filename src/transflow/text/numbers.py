"""Numbers in a Chinese sentence and in its English translation, as comparable values.

The ``numbers`` check compares values, not strings: 18510 = 18,510; 30万 = 300,000 = 300 thousand;
1.5亿 = 150 million; 7000多名 = more than 7,000; 1月31日 = January 31 = Jan. 31 = 31 January;
三条 = three; 十二 = 12.

Each side yields two sets of keys. *Hard* numbers are ones a translation must carry: Arabic digits,
dates, and Chinese numerals that count something (a numeral before a measure word: 三条, 四个, 两名).
*Soft* numbers may stand for a number but need not: 一 ("a", "one", 一线 "front line", 一步 "a step"),
numerals in idioms and lunar dates (年初三, 大年三十, 两手都要硬), 第一 "first"; in English "one", "a
dozen", ordinal words, "both", "twice". A hard source number missing from both English sets, or a hard
English number in neither Chinese set, is a finding; soft numbers only ever explain, never accuse.
That keeps the rule quiet on idiomatic, correct translations while every changed digit is caught.

Keys are floats rounded to 3 places for amounts, and tuples for calendar values: ``("date", 1, 31)``,
``("month", 2)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Key = float | tuple

#: Full-width digits and marks folded to ASCII before parsing (１８５１０ -> 18510, ３．５％ -> 3.5%).
FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULLWIDTH_ANY = re.compile("[０-９．％]")
_DIGIT = re.compile(r"\d")


def _ascii_digits(text: str) -> str:
    return text.translate(FULLWIDTH) if _FULLWIDTH_ANY.search(text) else text


# --- Chinese -----------------------------------------------------------------------------------------
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_SECTIONS = {"万": 10_000, "亿": 100_000_000}
#: Multipliers after Arabic digits (30万, 1.5亿, 3千, 2万亿).
ZH_MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
#: Measure words: a Chinese numeral before one of these counts something and must be translated.
#: Left out on purpose: 分 (十分 "very"), 起 (年初三起 "from the third day"), 日/号 (dates), 线, 步, 道.
MEASURE_WORDS = frozenset(
    "个 名 条 家 位 支 件 项 所 座 天 年 岁 人 批 辆 台 份 首 部 张 场 轮 套 层 户 栋 届 周 倍 只 架 艘 种 类 "
    "组 处 亩 吨 元 大 期 篇 本 间 节 次 季 段 片 块 股 例 宗 笔 幅 棵 头 匹 颗 座 所 枚 箱 袋 瓶 斤 公斤 "
    "千克 公里 千米 米 平方米 小时 分钟 秒 万 亿".split()
)
#: Time spans an English writer may give in other units (半年 = six months, 一周 = seven days): soft values.
ZH_SPANS = {
    "半年": (6,), "半个月": (15, 2), "一周": (7,), "两周": (14, 2), "一年": (12,), "一个月": (30, 4), "半天": (12,),
}  # fmt: skip
#: Set phrases whose numerals count nothing (三天两头 "all the time", 四通八达 "in every direction").
ZH_IDIOMS = (
    "三天两头 一天到晚 五湖四海 四面八方 七上八下 一五一十 三番五次 千方百计 万无一失 一年四季 四通八达 "
    "千家万户 千军万马 万众一心 一心一意 三心二意 九牛一毛 十全十美 一清二楚 一干二净 接二连三 一举两得 "
    "一石二鸟 三三两两 千千万万 万水千山 九死一生 百里挑一 一针见血 八仙过海 三令五申 五花八门"
).split()
_ZH_IDIOM = re.compile("|".join(ZH_IDIOMS))
_ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"\d+(?:,\d{3})+(?!\d)|\d+"
_ZH_DATE = re.compile(r"(?<![\d.])(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?")
_ZH_AMOUNT = re.compile(
    rf"(?<![A-Za-z\d.])(?<![A-Za-z]-)({_ARABIC})(\.\d+)?\s*([多余]?)\s*(万亿|亿|万|千|百)?\s*([多余]?)(%)?(?![A-Za-z])"
)
_ZH_WORDS = re.compile(rf"(第|初)?([{_ZH_NUMERAL}]+)")


def zh_numeral_value(text: str) -> float | None:
    """The value of a Chinese numeral (十二 -> 12, 二十五 -> 25, 一百零五 -> 105, 三十万 -> 300000)."""
    total = wan = section = digit = 0  # total: the 亿 part; wan: the 万 part below it
    seen = False
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
            seen = True
        elif ch in ZH_UNITS:
            section += (digit or 1) * ZH_UNITS[ch]
            digit = 0
            seen = True
        elif ch in ZH_SECTIONS:
            if not seen:
                return None
            if ch == "万":
                wan = (section + digit) * 10_000
            else:
                total = (total + wan + section + digit) * 100_000_000
                wan = 0
            section = digit = 0
        else:
            return None
    return float(total + wan + section + digit)


@dataclass
class Numbers:
    """What one side of a translation says in numbers: how often each key occurs, and how often as a
    hard number (one the other side must carry). Plain dicts: this runs for every entry."""

    hard: dict[Key, int] = field(default_factory=dict)
    soft: dict[Key, int] = field(default_factory=dict)  # every occurrence, hard or soft
    text: dict[Key, str] = field(default_factory=dict)  # key -> the text it first came from (for messages)

    def add(self, key: Key, text: str, hard: bool = True) -> None:
        if hard:
            self.hard[key] = self.hard.get(key, 0) + 1
        self.soft[key] = self.soft.get(key, 0) + 1
        if key not in self.text:
            self.text[key] = text


def _key(value: float) -> float:
    return round(value, 3)


def _blank(text: str, match: re.Match) -> str:
    start, end = match.span()
    return text[:start] + " " * (end - start) + text[end:]


def zh_numbers(text: str) -> Numbers:
    """Numbers in a Chinese sentence."""
    out = Numbers()
    text = _ascii_digits(text)
    digits = _DIGIT.search(text) is not None
    for m in list(_ZH_DATE.finditer(text)) if digits else ():
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12 or (day and not 1 <= int(day) <= 31):
            continue  # not a calendar date: its parts are read as plain numbers below
        if year:
            out.add(_key(float(year)), year)
        if day:
            out.add(("date", month, int(day)), m.group(0))
        else:
            out.add(("month", month), m.group(0))
        text = _blank(text, m)
    for m in list(_ZH_AMOUNT.finditer(text)) if digits else ():
        whole, frac, _, mult, _, pct = m.groups()
        value = float(whole.replace(",", "") + (frac or ""))
        value *= ZH_MULTIPLIERS.get(mult or "", 1)
        out.add(_key(value), m.group(0).strip())
        text = _blank(text, m)
    text = _ZH_IDIOM.sub(lambda m: " " * len(m.group()), text)
    for m in _ZH_WORDS.finditer(text):
        prefix, run = m.group(1), m.group(2)
        if run == "一":  # 一 is "a", "one", 一线, 一步 ...: it only ever explains
            out.add(1.0, m.group(0), hard=False)
            continue
        value = zh_numeral_value(run)
        if value is None:
            continue
        after = text[m.end() : m.end() + 4]
        counts = after[:1] in MEASURE_WORDS or after[:2] in MEASURE_WORDS or after[:3] in MEASURE_WORDS
        if counts and run in "一两" and any(text.startswith(span, m.start()) for span in ZH_SPANS):
            counts = False  # 两周 may be "14 days"
        hard = counts and not prefix and run not in ("一", "万", "千", "百", "亿") and run[0] not in "万千百亿"
        out.add(_key(value), m.group(0), hard=hard)
        if after.startswith("成"):  # 三成 = 30 percent
            out.add(_key(value * 10), m.group(0) + "成", hard=False)
    for span, values in ZH_SPANS.items():
        if span in text:
            for value in values:
                out.add(_key(value), span, hard=False)
    return out


# --- English -----------------------------------------------------------------------------------------
EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Words that may render a number without being one (soft): 一个 "a", 两 "both", 第一 "first".
EN_SOFT = {
    "a": 1, "an": 1, "once": 1, "single": 1, "first": 1, "both": 2, "twice": 2, "double": 2, "pair": 2,
    "couple": 2, "second": 2, "third": 3, "triple": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "dozen": 12, "half": 0.5, "fortnight": 14, "hundredth": 100,
}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_ORD = r"(?:st|nd|rd|th)?"
#: "January 31" is tried before "31 January", so "17 July 27" reads as 17 and July 27.
_EN_DATES = (
    re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}){_ORD}\b(?!\s*(?:%|percent|per cent|[.,]\d))"),
    re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}(?![a-z])"),
)
#: A month name alone; May is left out (the modal verb).
_EN_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December)\b")
_EN_AMOUNT = re.compile(
    r"(?<![\w.,])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(st|nd|rd|th|s)?"
    r"(?:[\s-]*(hundred|thousand|million|billion|trillion)\b)?(?![A-Za-z\d])"
)
_WORD_NUMBER = "|".join(sorted([*EN_UNITS, *EN_TENS], key=len, reverse=True))
_UNIT_WORD = "|".join(k for k in EN_UNITS if 0 < EN_UNITS[k] < 10)
_NUMBER_WORD = rf"(?:{_WORD_NUMBER})(?:-(?:{_UNIT_WORD}))?"
_SCALE_WORD = "(?:hundred|thousand|million|billion|trillion)"
#: Number words are matched in the lower-cased text (case-insensitive alternations are slow).
_EN_WORDS = re.compile(rf"\b{_NUMBER_WORD}(?:[\s-]+{_SCALE_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})?)*\b")
_EN_SOFT_WORDS = re.compile(rf"\b({'|'.join(EN_SOFT)})\b(?:[\s-]+(hundred|thousand|million|billion)\b)?")
#: Cheap pre-checks: the regexes above only run on a sentence that has one of their words.
_TOKEN = re.compile(r"[a-z]+")
NUMBER_WORDS = frozenset([*EN_UNITS, *EN_TENS, *EN_SCALES])
MONTH_WORDS = frozenset(MONTHS)


_WORD_SPLIT = re.compile(r"[\s-]+")


def en_word_value(words: str) -> float | None:
    """The value of English number words: "twenty-five" -> 25, "three hundred thousand" -> 300000."""
    total = current = 0.0
    seen = False
    for word in _WORD_SPLIT.split(words.lower()):
        if word in ("", "and"):
            continue
        if word in EN_UNITS:
            current += EN_UNITS[word]
        elif word in EN_TENS:
            current += EN_TENS[word]
        elif word in EN_SCALES:
            scale = EN_SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def en_numbers(text: str) -> Numbers:
    """Numbers in an English sentence."""
    out = Numbers()
    text = _ascii_digits(text)
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: keep offsets aligned
        low = "".join(ch.lower()[:1] or ch for ch in text)
    present = set(_TOKEN.findall(low))
    if present & MONTH_WORDS:
        for month_first, pattern in zip((True, False), _EN_DATES, strict=True):
            for m in list(pattern.finditer(text)):
                month, day = (m.group(1), m.group(2)) if month_first else (m.group(2), m.group(1))
                if 1 <= int(day) <= 31:
                    out.add(("date", MONTHS[month.lower()], int(day)), m.group(0))
                    text, low = _blank(text, m), _blank(low, m)
        for m in _EN_MONTH.finditer(text):
            out.add(("month", MONTHS[m.group(1).lower()]), m.group(0))
    if _DIGIT.search(text):
        for m in list(_EN_AMOUNT.finditer(text)):
            whole, frac, _suffix, scale = m.groups()
            value = float(whole.replace(",", "") + (frac or "")) * EN_SCALES.get((scale or "").lower(), 1)
            out.add(_key(value), m.group(0))
            low = _blank(low, m)
    if present & NUMBER_WORDS:
        for m in list(_EN_WORDS.finditer(low)):
            value = en_word_value(m.group(0))
            if value is None:
                continue
            # "one" alone is a pronoun as often as a number ("one of the", "no one"): it only explains.
            out.add(_key(value), m.group(0), hard=m.group(0) != "one")
            low = _blank(low, m)
    if present.intersection(EN_SOFT):
        for m in _EN_SOFT_WORDS.finditer(low):
            value = EN_SOFT[m.group(1)] * EN_SCALES.get(m.group(2) or "", 1)
            out.add(_key(value), m.group(0), hard=bool(m.group(2)))
    return out


def compare(source: str, translation: str) -> tuple[list[str], list[str]]:
    """Numbers of the source missing from the translation, and numbers of the translation not in the source.

    Counted as multisets: a source that says 1 twice needs two 1s (or ones) in the English, so a
    changed repeat is caught too.
    """
    zh, en = zh_numbers(source), en_numbers(translation)
    missing = [zh.text[k] for k, n in zh.hard.items() if n > en.soft.get(k, 0) and not _date_covers(k, en.soft)]
    extra = [en.text[k] for k, n in en.hard.items() if n > zh.soft.get(k, 0) and not _date_covers(k, zh.soft)]
    return missing, extra


def _date_covers(key: Key, keys: dict) -> bool:
    """A month alone is matched by a full date in the same month."""
    if isinstance(key, tuple) and key[0] == "month":
        return any(isinstance(k, tuple) and k[0] == "date" and k[1] == key[1] for k in keys)
    return False
