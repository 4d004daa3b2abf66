"""What both number readers share: the :class:`Numbers` a sentence says, and codes that contain digits.

A *code* is a token that mixes Latin letters and digits (G20, COVID-19, 5G, 6500QL, MH370, iPhone7): it
names something, it is not a quantity. Codes are compared as whole tokens (copied into a translation
as they are), and their digits may explain a number on the other side (G20 = the Group of 20). A
number glued to a currency, a fiscal-year mark or a unit (RMB2, US$3, FY2020, 500m, 60mg, £2.8bn) is
not a code: it is read as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transflow.text.number_tables import (
    CURRENCY_PREFIXES,
    CURRENCY_SIGNS,
    EN_PREFIXES,
    EN_SCALE_SUFFIXES,
    UNIT_SUFFIXES,
)

Key = float | tuple

#: Full-width digits and marks folded to ASCII before parsing (１８５１０ -> 18510, ３．５％ -> 3.5%).
FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULLWIDTH_ANY = re.compile("[０-９．％]")
DIGIT = re.compile(r"\d")


def ascii_digits(text: str) -> str:
    return text.translate(FULLWIDTH) if _FULLWIDTH_ANY.search(text) else text


@dataclass
class Numbers:
    """What one side of a translation says in numbers.

    ``hard``: keys the other side must carry, counted; ``soft``: every key this side can account for
    (hard ones, soft ones, and what they *explain*: a date explains its month); ``also``: other keys
    that satisfy a hard key when the other side has them (an 11th day is satisfied by "the 11th").
    Plain dicts: this runs for every entry."""

    hard: dict[Key, int] = field(default_factory=dict)
    soft: dict[Key, int] = field(default_factory=dict)
    text: dict[Key, str] = field(default_factory=dict)  # key -> the text it first came from (for messages)
    also: dict[Key, set] = field(default_factory=dict)
    digits: set = field(default_factory=set)  # hard keys written at least once in digits (not 三, 两)
    words: dict[Key, int] = field(default_factory=dict)  # how often each key is a numeral in words, hard or soft

    def add(
        self, key: Key, text: str, hard: bool = True, also: tuple = (), explains: tuple = (), word: bool = False
    ) -> None:
        if word:
            self.words[key] = self.words.get(key, 0) + 1
        if hard:
            self.hard[key] = self.hard.get(key, 0) + 1
            if not word:
                self.digits.add(key)
        self.soft[key] = self.soft.get(key, 0) + 1
        for other in explains:
            self.soft[other] = self.soft.get(other, 0) + 1
        if also:
            self.also.setdefault(key, set()).update(also)
        if key not in self.text:
            self.text[key] = text

    def merge_soft(self, other: Numbers) -> None:
        """Everything ``other`` says, as soft keys (a gloss in brackets may explain, never demand)."""
        for key, n in other.soft.items():
            self.soft[key] = self.soft.get(key, 0) + n


def key(value: float) -> float:
    return round(value, 3)


def blank(text: str, match: re.Match | tuple[int, int]) -> str:
    start, end = match.span() if isinstance(match, re.Match) else match
    return text[:start] + " " * (end - start) + text[end:]


# --- codes and glued numbers -----------------------------------------------------------------------------
#: An ASCII token that may mix letters and digits (the letters around a number glued to it).
_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_PREFIXED = re.compile(
    r"(" + "|".join(re.escape(p) for p in sorted(EN_PREFIXES, key=len, reverse=True)) + r")(\.?)(\d[\d,.]*)([A-Za-z]*)"
)
_NUMBER_SUFFIX = re.compile(r"\d[\d,]*(?:\.\d+)?([A-Za-z/]+)")
_WORD_DASH_NUMBER = re.compile(r"[a-z]{3,}-\d[\d,.]*(?:-[a-z]+)*[a-z]*")
_NUMBER_DASH_WORD = re.compile(r"\d[\d,.]*(?:[A-Za-z/]*)(?:-[A-Za-z\d]+)+")
_TIMES = re.compile(r"\d+x\d+[A-Za-z]*")
_DIGIT_RUN = re.compile(r"\d+")


def unit_suffix(suffix: str) -> bool:
    """A unit or scale glued to a number: km, kg, ft, bn, am; one letter only in lower case (5g, not 5G)."""
    if len(suffix) == 1:
        return suffix in UNIT_SUFFIXES or suffix in EN_SCALE_SUFFIXES
    low = suffix.lower()
    return low in UNIT_SUFFIXES or low in EN_SCALE_SUFFIXES


def mask_codes(text: str, out: Numbers, hard: bool = True) -> str:
    """Record the codes of ``text`` in ``out`` and blank them; unglue numbers from prefixes.

    Returns the text with codes blanked, currency prefixes replaced by ``$`` (RMB2 -> `   $2`), other
    prefixes (FY, No.) blanked, and ``4x200`` split, all at the same offsets. ``hard``: the codes must be
    carried over (a Chinese source's G20); an English code may render Chinese words (新冠肺炎 = COVID-19).
    """
    if not _HAS_LETTER.search(text) or not DIGIT.search(text):
        return text
    for m in list(_TOKEN.finditer(text)):
        token = m.group(0)
        if not (_HAS_LETTER.search(token) and DIGIT.search(token)):
            continue
        start = m.start()
        prefixed = _PREFIXED.fullmatch(token)
        if prefixed and (not prefixed.group(4) or unit_suffix(prefixed.group(4))):
            size = len(prefixed.group(1)) + len(prefixed.group(2))
            fill = " " * (size - 1) + ("$" if prefixed.group(1) in CURRENCY_PREFIXES else " ")
            text = text[:start] + fill + text[start + size :]
            continue
        suffixed = _NUMBER_SUFFIX.fullmatch(token)
        plural = suffixed and len(suffixed.group(1)) > 1 and suffixed.group(1).islower()  # the 76ers, 1080p
        if (suffixed and (unit_suffix(suffixed.group(1)) or plural)) or _WORD_DASH_NUMBER.fullmatch(token):
            if not suffixed:  # mid-2015, tons-150: the word is not part of the number
                dash = token.index("-")
                text = blank(text, (start, start + dash + 1))
            continue
        if _NUMBER_DASH_WORD.fullmatch(token) and not token[0].isalpha():
            continue  # 15-year-old, 200-metre: a number and the word it qualifies
        if _TIMES.fullmatch(token):
            text = text[: start + token.index("x")] + " " + text[start + token.index("x") + 1 :]
            continue
        values = tuple(key(float(d)) for d in _DIGIT_RUN.findall(token))
        code = ("code", token.upper().replace("-", "").replace(".", ""))
        # A Chinese code's digits explain an English number (G20 = the Group of 20); an English code's
        # digits do not stand in for a Chinese number (7元 is not in "iPhone7").
        out.add(code, token, hard=hard, also=values, explains=values if hard else ())
        text = blank(text, m)
    return text


def has_currency(text: str, start: int) -> bool:
    """A currency sign right before ``start`` (spaces allowed): "$3", "£ 40", "US$3" after masking."""
    before = text[:start].rstrip()
    return bool(before) and before[-1] in CURRENCY_SIGNS
