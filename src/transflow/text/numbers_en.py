"""Numbers in an English sentence (see :mod:`transflow.text.numbers`)."""

from __future__ import annotations

import re

from transflow.text.number_read import DIGIT, Numbers, ascii_digits, blank, has_currency, key, mask_codes
from transflow.text.number_tables import (
    EN_FRACTIONS,
    EN_MAY_BEFORE,
    EN_MONTH_NAMES,
    EN_SCALE_SUFFIXES,
    EN_SCALES,
    EN_SOFT,
    EN_TENS,
    EN_UNITS,
    MONTHS,
)

_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_ORD = r"(?:st|nd|rd|th)?"
#: "January 31" is tried before "31 January", so "17 July 27" reads as 17 and July 27.
_EN_DATES = (
    re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}){_ORD}\b(?!\s*(?:%|percent|per cent|[.,:]\d))"),
    re.compile(rf"\b(?:the\s+)?(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}(?![a-z])"),
)
#: A month name alone (May only where it cannot be the verb or a name), or an abbreviation with its dot.
_EN_MONTH = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\."
    rf"|\b(?i:{'|'.join(EN_MAY_BEFORE)})\s+(May)\b"
    r"|\b(May)(?=,?\s+\d)"
)
_EN_MONTH_NAMES = re.compile("|".join(EN_MONTH_NAMES))
_EN_DECADE = re.compile(r"(?<![\w.])(1[5-9]|20)?'?(\d0)s\b")
#: Clock times: 9:00, 10.42pm, 7.50 a.m. (minutes are numbers too, unless :00).
_EN_TIME = re.compile(r"(?<![\w.,:])(\d{1,2})(?::(\d{2}(?:\.\d+)?)|\.(\d{2})(?=\s*(?:am|pm|a\.m\.|p\.m\.)))")
#: Agency-style clock times: 0900 GMT, 1430 local time.
_EN_WIRE_TIME = re.compile(
    r"(?<![\w.,])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|BST|UTC|ET|EST|EDT|CET|local|hours|hrs)\b)"
)
_EN_AMOUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?([A-Za-z/]+)?"
    r"(?:[\s-]*(hundred|thousand|million|billion|trillion|bln|mln|bn|mn|tn)\b)?(?![A-Za-z\d])"
)
_EN_SPACED_CLOCK = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
#: A season or fiscal year across two calendar years: 2019-20 (= 2019 and 2020).
_EN_SEASON = re.compile(r"(?<![\w.,])((?:19|20)\d\d)[-–/](\d\d)(?![\d\w])")
_EN_FRACTION_DIGITS = re.compile(r"(?<![\w.,/])(\d{1,2})/(\d{1,2})(?![\d/])")
_WORD_NUMBER = "|".join(sorted([*EN_UNITS, *EN_TENS], key=len, reverse=True))
_UNIT_WORD = "|".join(k for k in EN_UNITS if 0 < EN_UNITS[k] < 10)
_NUMBER_WORD = rf"(?:{_WORD_NUMBER})(?:-(?:{_UNIT_WORD}))?"
_SCALE_WORD = "(?:hundred|thousand|million|billion|trillion)"
#: Number words are matched in the lower-cased text (case-insensitive alternations are slow).
_EN_WORDS = re.compile(rf"\b{_NUMBER_WORD}(?:[\s-]+{_SCALE_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})?)*\b")
#: "two decades" = 20 years, "three centuries"; "half a million" = 500,000.
_EN_SPANS = re.compile(rf"\b({_NUMBER_WORD}|\d+)[\s-]+(decades?|centur(?:y|ies))\b")
_EN_ONE_IN = re.compile(rf"\b(one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?({_NUMBER_WORD}|\d+)\b")
_EN_HALF = re.compile(r"\bhalf\s+(?:a|one)\s+(million|billion|thousand|dozen)\b")
_EN_SOFT_WORDS = re.compile(rf"\b({'|'.join(EN_SOFT)})\b(?:[\s-]+(hundred|thousand|million|billion)\b)?")
_EN_FRACTION_WORDS = re.compile(
    rf"\b(?:(a|an|one|{_WORD_NUMBER})[\s-]+)?({'|'.join(sorted(EN_FRACTIONS, key=len, reverse=True))})\b"
)
_TOKEN = re.compile(r"[a-z]+")
NUMBER_WORDS = frozenset([*EN_UNITS, *EN_TENS, *EN_SCALES])
MONTH_WORDS = frozenset(MONTHS)
_WORD_SPLIT = re.compile(r"[\s-]+")
_SPAN_YEARS = {"decade": 10, "decades": 10, "century": 100, "centuries": 100}


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


def _word_or_digits(text: str) -> float | None:
    return float(text) if text.isdigit() else en_word_value(text)


def _dates(text: str, low: str, out: Numbers) -> tuple[str, str]:
    text = _EN_MONTH_NAMES.sub(lambda m: " " * len(m.group()), text)
    for month_first, pattern in zip((True, False), _EN_DATES, strict=True):
        for m in list(pattern.finditer(text)):
            month, day = (m.group(1), m.group(2)) if month_first else (m.group(2), m.group(1))
            if 1 <= int(day) <= 31:
                number = MONTHS[month.lower()]
                out.add(("date", number, int(day)), m.group(0), also=(("day", int(day)),),
                        explains=(("day", int(day)), ("month", number)))  # fmt: skip
                text, low = blank(text, m), blank(low, m)
    for m in _EN_MONTH.finditer(text):
        name = next(g for g in m.groups() if g)
        out.add(("month", MONTHS[name.lower()]), m.group(0))
    return text, low


def _clock(text: str, low: str, out: Numbers) -> tuple[str, str]:
    for m in list(_EN_WIRE_TIME.finditer(text)):
        hour, minutes = int(m.group(1)), int(m.group(2))
        other = hour - 12 if hour > 12 else hour + 12
        out.add(key(hour), m.group(0), also=(key(other),), explains=(key(other),))
        if minutes:
            out.add(key(minutes), m.group(2))
        text, low = blank(text, m), blank(low, m)
    for m in list(_EN_TIME.finditer(text)):
        hour, minutes = int(m.group(1)), m.group(2) or m.group(3)
        after = text[m.end() : m.end() + 6].lstrip().lower()
        other = hour + 12 if after.startswith(("pm", "p.m")) or hour < 12 else hour - 12
        if m.group(2) and "." in m.group(2):  # 3:51.943, a race time; a source may have lost its colon
            whole = key(float(f"{hour}{minutes}"))
            out.add(key(hour), m.group(0), also=(whole,), explains=(whole,))
            out.add(key(float(minutes)), minutes, also=(whole,), explains=(whole,))
            text, low = blank(text, m), blank(low, m)
            continue
        out.add(key(hour), m.group(0), also=(key(other),), explains=(key(other),))
        if float(minutes):
            out.add(key(float(minutes)), minutes)
        text, low = blank(text, m), blank(low, m)
    return text, low


def _amounts(text: str, low: str, out: Numbers) -> str:
    for m in list(_EN_AMOUNT.finditer(text)):
        whole, frac, suffix, scale = m.groups()
        value = float(whole.replace(",", "") + (frac or ""))
        suffix = (suffix or "").lower()
        if scale:
            value *= EN_SCALES.get(scale.lower()) or EN_SCALE_SUFFIXES[scale.lower()]
        elif suffix in EN_SCALE_SUFFIXES and (len(suffix) > 1 or has_currency(text, m.start())):
            value *= EN_SCALE_SUFFIXES[suffix]
        elif suffix == "m" and has_currency(text, m.start()):
            value *= 1e6
        elif suffix == "m":  # 500m is metres; "35m posts" is millions
            out.add(key(value), m.group(0), also=(key(value * 1e6),), explains=(key(value * 1e6),))
            low = blank(low, m)
            continue
        if not suffix and _EN_SPACED_CLOCK.match(text, m.end()):
            suffix = "pm" if "p" in text[m.end() : m.end() + 4].lower() else "am"  # 8 p.m.
        if suffix in ("pm", "am"):
            other = value + 12 if suffix == "pm" else value
            out.add(key(value), m.group(0), also=(key(other),), explains=(key(other),))
        elif value == 0:
            out.add(0.0, m.group(0), hard=False)  # a score (2-0) or "zero": it only explains
        else:
            out.add(key(value), m.group(0))
        low = blank(low, m)
    return low


def _words(low: str, present: set[str], out: Numbers) -> str:
    if present & {"decade", "decades", "century", "centuries"}:
        for m in list(_EN_SPANS.finditer(low)):
            count = _word_or_digits(m.group(1))
            if count is not None:
                years = count * _SPAN_YEARS[m.group(2)]
                out.add(key(years), m.group(0), also=(key(count),), explains=(key(count),))
                low = blank(low, m)
    if "in" in present or "out" in present:
        for m in list(_EN_ONE_IN.finditer(low)):
            part, whole = _word_or_digits(m.group(1)), _word_or_digits(m.group(2))
            if part and whole:
                parts = (key(part), key(whole))
                out.add(key(part / whole), m.group(0), also=(key(100 * part / whole),) + parts, explains=parts)
                low = blank(low, m)
    if "half" in present:
        for m in list(_EN_HALF.finditer(low)):
            out.add(key(0.5 * EN_SCALES.get(m.group(1), 12)), m.group(0))
            low = blank(low, m)
    if present & NUMBER_WORDS:
        for m in list(_EN_WORDS.finditer(low)):
            value = en_word_value(m.group(0))
            if value is None:
                continue
            # "one" alone is a pronoun as often as a number ("one of the", "no one"): it only explains.
            out.add(key(value), m.group(0), hard=m.group(0) not in ("one", "zero"), word=True)
    if present & set(EN_FRACTIONS):
        for m in _EN_FRACTION_WORDS.finditer(low):
            count = EN_UNITS.get(m.group(1) or "a", 1)
            out.add(key(count / EN_FRACTIONS[m.group(2)]), m.group(0), hard=False)
    if present.intersection(EN_SOFT):
        for m in _EN_SOFT_WORDS.finditer(low):
            value = EN_SOFT[m.group(1)] * EN_SCALES.get(m.group(2) or "", 1)
            out.add(key(value), m.group(0), hard=bool(m.group(2)) and m.group(1) in ("a", "an", "one"))
    return low


def en_numbers(text: str) -> Numbers:
    """Numbers in an English sentence."""
    out = Numbers()
    text = ascii_digits(text)
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: keep offsets aligned
        low = "".join(ch.lower()[:1] or ch for ch in text)
    present = set(_TOKEN.findall(low))
    digits = DIGIT.search(text) is not None
    if digits:
        text = mask_codes(text, out, hard=False)
        for m in list(_EN_DECADE.finditer(text)):
            century, decade = m.group(1), int(m.group(2))
            if century:
                out.add(("decade", int(century) * 100 + decade), m.group(0), also=(("decade", decade),))
            else:
                ages = (("decade", 1900 + decade), ("decade", 2000 + decade), key(decade))  # the '90s; in their 20s
                out.add(("decade", decade), m.group(0), also=ages, explains=(key(decade),))
            text, low = blank(text, m), blank(low, m)
    if present & MONTH_WORDS:
        text, low = _dates(text, low, out)
    if digits:
        text, low = _clock(text, low, out)
        for m in list(_EN_SEASON.finditer(text)):
            first, last = int(m.group(1)), int(m.group(1)[:2] + m.group(2))
            out.add(key(first), m.group(1))
            out.add(key(last), m.group(0), also=(key(last % 100),), explains=(key(last % 100),))
            text, low = blank(text, m), blank(low, m)
        for m in list(_EN_FRACTION_DIGITS.finditer(text)):
            a, b = int(m.group(1)), int(m.group(2))
            if b:
                parts = (key(a), key(b)) + ((("date", a, b),) if a <= 12 and b <= 31 else ())  # 9/11
                out.add(key(a / b), m.group(0), also=parts, explains=parts)
                text, low = blank(text, m), blank(low, m)
        low = _amounts(text, low, out)
    _words(low, present, out)
    return out
