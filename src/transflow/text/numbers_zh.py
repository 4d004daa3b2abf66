"""Numbers in a Chinese sentence (see :mod:`transflow.text.numbers`)."""

from __future__ import annotations

import re

from transflow.text.number_read import DIGIT, Numbers, ascii_digits, blank, key, mask_codes
from transflow.text.number_tables import (
    MEASURE_WORDS,
    ZH_CODE_AFTER_HAO,
    ZH_DIGITS,
    ZH_IDIOMS,
    ZH_KIND_AFTER,
    ZH_MULTIPLIERS,
    ZH_NAMES,
    ZH_NOT_MONTH_BEFORE,
    ZH_SECTIONS,
    ZH_SOFT_WORDS,
    ZH_SPANS,
    ZH_UNIT_AFTER_MULTIPLIER,
    ZH_UNITS,
    ZH_VAGUE_AFTER,
    ZH_VAGUE_BEFORE,
    ZH_WEEKDAY,
)
from transflow.text.numbers_en import en_numbers

_HAN = "\u3400-\u9fff"
#: Translated Chinese often spaces digits from characters (2019 年 4 月 3 日, 4000 万): the spaces go.
_ZH_SPACE = re.compile(rf"(?<=[\d%.])[ \u00a0\u3000]+(?=[{_HAN}%])|(?<=[{_HAN}])[ \u00a0\u3000]+(?=\d)")
#: A Latin gloss in brackets ((Representation of the People Act 1983)): its numbers only explain.
_ZH_GLOSS = re.compile(rf"[(（]([^()（）{_HAN}]*[A-Za-z][^()（）{_HAN}]*)[)）]")
_ZH_IDIOM = re.compile("|".join(sorted(ZH_IDIOMS, key=len, reverse=True)))
_NUM = "零〇一二两三四五六七八九十"
_ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
_ZH_CENTURY = re.compile(rf"(上)?(?:(\d{{1,2}}|[{_NUM}]+)世纪)?(?<!\d)(1[5-9]|20)?(\d0|[{_NUM}]+十)年代")
_ZH_CENTURY_ONLY = re.compile(rf"(\d{{1,2}}|[{_NUM}]+)世纪")
_ZH_DATE = re.compile(r"(?<![\d.])(?:(\d{4})年)?(\d{1,2})月份?(?:(\d{1,2})(?:[日号]|(?=[-~～至到]\d{1,2}[日号])))?")
_ZH_MONTH_RANGE = re.compile(r"(?<![\d.])(\d{1,2})月?[-~～至到](\d{1,2})月份?(?![\d日号])")
_ZH_DAY = re.compile(r"(?<![\d.])(\d{1,2})[日号](?!本)")
_ZH_WORD_DATE = re.compile(
    rf"(?<![{ZH_NOT_MONTH_BEFORE}])([一二三四五六七八九十]{{1,3}})月份?(?:([一二三四五六七八九十]{{1,3}})[日号])?"
)
_ZH_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")
_ZH_TWO_DIGITS_UNIT = re.compile("(.*?)([一二两三四五六七八九])([一二三四五六七八九])([十百千万亿]+)")
_ZH_COLON_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2})[:：](\d{2})(?![\d:])")
_ZH_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})[点时](?:(\d{1,2})分|半)?(?![\d钟])")
_ZH_RACE = re.compile(r"(?<![\d.])(?:(\d{1,2})分)?(\d{1,2})秒(\d{1,3})")
_ZH_DOTTED = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:[·・](\d{{1,2}})|\.(\d{{1,2}})(?=[”\"」{_HAN}])(?![万亿千百]))(?![\d.%])"
)
_ZH_GE_YI = re.compile(r"(?<![\d.])(\d+)个(亿|万)")
_ZH_PERCENT_WORDS = re.compile(rf"百分之([{_NUM}百点]+)")
_ZH_FRACTION = re.compile(rf"(\d+|[{_NUM}百]+)分之(\d+|[{_NUM}点]+)")
_ARABIC = r"\d+(?:,\d{3})+(?!\d)|\d+"
_ZH_AMOUNT = re.compile(rf"(?<![\d.])({_ARABIC})(\.\d+)?([多余]?)(万亿|千万|百万|亿|万|千|百)?([多余]?)(%)?(?!\d)")
_ZH_WORDS = re.compile(rf"(第|初)?([{_ZH_NUMERAL}]+)")
_ZH_WEEKDAY = re.compile(ZH_WEEKDAY)
_ZH_NAMES = re.compile("|".join(sorted(map(re.escape, ZH_NAMES), key=len, reverse=True)))
_ZH_RANGE_END = re.compile(rf"[到至~～-]([{_ZH_NUMERAL}]+)")
_ZH_SOFT = re.compile("[" + "".join(ZH_SOFT_WORDS) + "]")


def zh_numeral_value(text: str) -> float | None:
    """The value of a Chinese numeral (十二 -> 12, 二十五 -> 25, 一百零五 -> 105, 三十万 -> 300000, 亿 -> 1e8)."""
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
            if ch == "万":
                wan = ((section + digit) or 1) * 10_000
            else:
                total = ((total + wan + section + digit) or 1) * 100_000_000
                wan = 0
            section = digit = 0
            seen = True
        else:
            return None
    return float(total + wan + section + digit) if seen else None


def _value(text: str) -> float | None:
    """Arabic digits or a Chinese numeral, with 点 as the decimal point (三点五 = 3.5)."""
    if text.replace(".", "", 1).isdigit():
        return float(text)
    whole, _, frac = text.partition("点")
    value = zh_numeral_value(whole)
    if value is None or not frac:
        return value
    digits = "".join(str(ZH_DIGITS.get(ch, "")) for ch in frac)
    return value + float("0." + digits) if digits else value


def _calendar(text: str, out: Numbers, digits: bool) -> str:
    if "世纪" in text or "年代" in text:
        text = _decades(text, out)
    if "年" in text:
        for m in list(_ZH_YEAR.finditer(text)):
            out.add(key(float("".join(str(ZH_DIGITS[ch]) for ch in m.group(1)))), m.group(0))
            text = blank(text, m)
    if "月" in text:
        text = _months(text, out, digits)
    if digits and ("日" in text or "号" in text):
        for m in list(_ZH_DAY.finditer(text)):
            day = int(m.group(1))
            after = text[m.end() : m.end() + 2]
            if not after.startswith(ZH_CODE_AFTER_HAO) and 1 <= day <= 31:
                out.add(("day", day), m.group(0), also=(key(day),), explains=(key(day),))
                text = blank(text, m)
    return text


def _decades(text: str, out: Numbers) -> str:
    """20世纪90年代 = 1990年代 = the 1990s, 上世纪五十年代 = the 1950s, 80年代 = the '80s, 21世纪 = the 21st century."""
    for m in list(_ZH_CENTURY.finditer(text)):
        last, century, hundreds, decade = m.group(1), m.group(2), m.group(3), _value(m.group(4))
        century_value = _value(century) if century else (20 if last else None)
        if hundreds:
            century_value = int(hundreds) + 1
        if decade is None or decade >= 100:
            continue
        short = ("decade", int(decade))
        if century_value:
            full = ("decade", int((century_value - 1) * 100 + decade))
            out.add(full, m.group(0), also=(short,))
        else:
            out.add(short, m.group(0), also=(("decade", 1900 + int(decade)), ("decade", 2000 + int(decade))))
        text = blank(text, m)
    for m in list(_ZH_CENTURY_ONLY.finditer(text)):
        value = _value(m.group(1))
        if value:
            decade = ("decade", int(value - 1) * 100)  # 21世纪初 = the early 2000s
            out.add(("century", int(value)), m.group(0), also=(key(value), decade), explains=(key(value), decade))
            text = blank(text, m)
    return text


def _months(text: str, out: Numbers, digits: bool) -> str:
    """2019年4月3日, 4月份, 1-7月份, 十二月一号, 三月 (not 前三月, the first three months)."""
    for m in list(_ZH_MONTH_RANGE.finditer(text)) if digits else ():  # 1-7月份 = January to July, 6至8月 = June-August
        first, last = int(m.group(1)), int(m.group(2))
        if 1 <= first <= 12 and 1 <= last <= 12:
            _add_date(out, first, None, m.group(0))
            _add_date(out, last, None, m.group(0))
            text = blank(text, m)
    for m in list(_ZH_DATE.finditer(text)) if digits else ():
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12 or (day and not 1 <= int(day) <= 31):
            continue  # not a calendar date: its parts are read as plain numbers below
        if year:
            out.add(key(float(year)), year)
        _add_date(out, month, int(day) if day else None, m.group(0))
        text = blank(text, m)
    for m in list(_ZH_WORD_DATE.finditer(text)):
        month, day = _value(m.group(1)), _value(m.group(2)) if m.group(2) else None
        if month and 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            _add_date(out, int(month), int(day) if day else None, m.group(0))
            text = blank(text, m)
    return text


def _add_date(out: Numbers, month: int, day: int | None, text: str) -> None:
    if day:
        out.add(("date", month, day), text, explains=(("day", day), ("month", month), key(day)))
    else:
        out.add(("month", month), text)


def _times(text: str, out: Numbers) -> str:
    for m in list(_ZH_RACE.finditer(text)):
        minutes, seconds, frac = m.groups()
        if minutes:
            out.add(key(float(minutes)), minutes)
        out.add(key(float(f"{seconds}.{frac}")), m.group(0))
        text = blank(text, m)
    for m in [*_ZH_CLOCK.finditer(text), *_ZH_COLON_CLOCK.finditer(text)]:
        hour, minutes = int(m.group(1)), m.group(2)
        other = hour - 12 if hour > 12 else hour + 12
        out.add(key(hour), m.group(0), also=(key(other),), explains=(key(other),))
        if minutes and int(minutes):
            out.add(key(float(minutes)), minutes)
        text = blank(text, m)
    for m in list(_ZH_DOTTED.finditer(text)):
        month, day = int(m.group(1)), int(m.group(2) or m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            date = ("date", month, day)  # 7.19洪灾, “8·11”汇改: an event named by its date
            out.add(key(float(f"{month}.{day}")), m.group(0), also=(date,), explains=(date,))
            text = blank(text, m)
    return text


def _amounts(text: str, out: Numbers) -> str:
    for m in list(_ZH_GE_YI.finditer(text)):  # 4个亿 = 400 million; 20个亿元以上项目 = 20 projects over 100m
        count, mult = float(m.group(1)), ZH_MULTIPLIERS[m.group(2)]
        out.add(key(count * mult), m.group(0), also=(key(count), key(mult)), explains=(key(count), key(mult)))
        text = blank(text, m)
    for m in list(_ZH_AMOUNT.finditer(text)):
        whole, frac, _, mult, _, pct = m.groups()
        value = float(whole.replace(",", "") + (frac or ""))
        if mult and text.startswith(ZH_UNIT_AFTER_MULTIPLIER, m.end(4)):
            mult = None  # 10千米 = 10 km
            end = m.start(4)
        else:
            end = m.end()
        value *= ZH_MULTIPLIERS.get(mult or "", 1)
        also = (key(value / 100),) if pct else ()
        if not frac and 1900 <= value < 2100 and text.startswith(("年", "财年"), end):
            also = (key(value % 100),)  # 2018财年 = FY18
        out.add(key(value), text[m.start() : end].strip(), also=also, explains=also)
        text = blank(text, (m.start(), end))
    for m in list(_ZH_PERCENT_WORDS.finditer(text)):
        value = _value(m.group(1))
        if value is not None:
            out.add(key(value), m.group(0), also=(key(value / 100),), explains=(key(value / 100),))
            text = blank(text, m)
    for m in list(_ZH_FRACTION.finditer(text)):
        whole, part = _value(m.group(1)), _value(m.group(2))
        if whole and part is not None:
            pct = key(100 * part / whole)
            out.add(key(part / whole), m.group(0), also=(pct, key(round(pct))), explains=(key(whole), key(part)))
            text = blank(text, m)
    return text


def _vague(text: str, start: int, end: int, run: str) -> bool:
    """几十年, 数百, 上千, 十几, 一两, 三四, 十一二: an approximate amount, which English may render freely."""
    if (start and text[start - 1] in ZH_VAGUE_BEFORE) or (text[end : end + 1] and text[end] in ZH_VAGUE_AFTER):
        return True
    return _two_guesses(run) is not None


def _two_guesses(run: str) -> tuple[str, str] | None:
    """一两 = one or two, 十一二 = eleven or twelve, 三四十 = thirty or forty: two bare digits side by side
    stand for an approximate amount; its two readings."""
    if len(run) >= 2 and run[-1] in ZH_DIGITS and run[-2] in ZH_DIGITS and run[-2] not in "零〇":
        return run[:-1], run[:-2] + run[-1]
    m = _ZH_TWO_DIGITS_UNIT.fullmatch(run)
    if m:
        return m.group(1) + m.group(2) + m.group(4), m.group(1) + m.group(3) + m.group(4)
    return None


def _words(text: str, out: Numbers) -> None:
    for m in _ZH_WORDS.finditer(text):
        prefix, run = m.group(1), m.group(2)
        if run == "一":  # 一 is "a", "one", 一线, 一步 ...: it only ever explains
            out.add(1.0, m.group(0), hard=False)
            continue
        guesses = _two_guesses(run)
        for guess in guesses or ():
            value = zh_numeral_value(guess)
            if value is not None:
                out.add(key(value), m.group(0), hard=False)
        value = zh_numeral_value(run)
        if value is None or guesses:
            continue
        after = text[m.end() : m.end() + 4]
        ranged = _ZH_RANGE_END.match(after)
        if ranged and ranged.group(1)[-1] in ZH_SECTIONS:  # 三到十万 = 30,000 to 100,000
            out.add(key(value * ZH_SECTIONS[ranged.group(1)[-1]]), m.group(0), hard=False)
        counts = after[:1] in MEASURE_WORDS or after[:2] in MEASURE_WORDS or after[:3] in MEASURE_WORDS
        if counts and run in "一两" and any(text.startswith(span, m.start()) for span in ZH_SPANS):
            counts = False  # 两周 may be "14 days"
        hard = (
            counts
            and not prefix
            and run not in ("一", "万", "千", "百", "亿")
            and run[0] not in "万千百亿"
            and not _vague(text, m.start(2), m.end(2), run)
            and not after.startswith(ZH_KIND_AFTER)
        )
        out.add(key(value), m.group(0), hard=hard, word=True)
        if after.startswith("成"):  # 三成 = 30 percent
            out.add(key(value * 10), m.group(0) + "成", hard=False)
    for span, values in ZH_SPANS.items():
        if span in text:
            for value in values:
                out.add(key(value), span, hard=False)
    for m in _ZH_SOFT.finditer(text):
        value = ZH_SOFT_WORDS[m.group()]
        out.add(key(value), m.group(), hard=False, word=value >= 2)  # 双 may be a changed "two"; 半, 首 not


def zh_numbers(text: str) -> Numbers:
    """Numbers in a Chinese sentence."""
    out = Numbers()
    text = ascii_digits(text)
    text = _ZH_IDIOM.sub(lambda m: " " * len(m.group()), text)
    text = _ZH_WEEKDAY.sub(lambda m: " " * len(m.group()), text)
    for m in list(_ZH_NAMES.finditer(text)):
        values = tuple(v if isinstance(v, tuple) else key(v) for v in ZH_NAMES[m.group()])
        out.add(("name", m.group()), m.group(), hard=False, explains=values)
        text = blank(text, m)
    if DIGIT.search(text):
        text = _ZH_SPACE.sub("", text)
        for m in list(_ZH_GLOSS.finditer(text)):
            out.merge_soft(en_numbers(m.group(1)))
            text = blank(text, m)
        text = mask_codes(text, out)
        text = _calendar(text, out, digits=True)
        text = _times(text, out)
        text = _amounts(text, out)
    else:
        text = _calendar(text, out, digits=False)
        text = _amounts(text, out)
    _words(text, out)
    return out
