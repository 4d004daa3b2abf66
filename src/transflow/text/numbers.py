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

Keys are floats rounded to 3 places for amounts, and tuples for other values: ``("date", 1, 31)``,
``("month", 2)``, ``("day", 11)``, ``("decade", 1990)``, ``("code", "G20")``. A key may be satisfied by
others (an 11th day by "the 11th" or by "September 11") and may explain others (a date explains its
month): real news says one thing in many forms (2019 年 4 月, RMB2 billion, £2.8bn, 10.42pm, two
decades, 20世纪90年代 = the 1990s, 三分之一 = one third), and every form is read, so that a value
changed in any of them is caught.

The readers live in :mod:`transflow.text.numbers_zh` and :mod:`transflow.text.numbers_en`, their
tables in :mod:`transflow.text.number_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from transflow.text.number_read import Key, Numbers
from transflow.text.numbers_en import en_numbers, en_word_value
from transflow.text.numbers_zh import zh_numbers, zh_numeral_value

__all__ = [
    "Difference",
    "Key",
    "Numbers",
    "compare",
    "difference",
    "en_numbers",
    "en_word_value",
    "zh_numbers",
    "zh_numeral_value",
]


@dataclass(frozen=True)
class Difference:
    """How two sides differ in numbers, each list naming the numbers as written.

    Numerals in words are apart from digits: a word left out (两人 rendered as "they", 这三篇 said again
    where the English says "three papers" once) or added ("two earthquakes, of magnitude 4.4 and 4.5")
    is often good English; a digit left out or added almost never is, and neither is a number changed
    (a word missing on one side and another added on the other).
    """

    missing: tuple[str, ...] = ()  # source numbers in digits (and dates, codes) not in the English
    missing_words: tuple[str, ...] = ()  # source numerals in words (三, 两) not in the English
    extra: tuple[str, ...] = ()  # English numbers in digits not in the source
    extra_words: tuple[str, ...] = ()  # English number words (three, twenty) not in the source
    unexplained: tuple[
        str, ...
    ] = ()  # source numerals in words, counting or not (两国, 双方), said less often in English

    @property
    def wrong(self) -> bool:
        """A reviewer fixes this nearly every time: a digit missing or added, or a number changed (an
        English number word added where a numeral of the source went unsaid: 两国 as "four countries")."""
        return bool(self.missing or self.extra or (self.extra_words and (self.missing_words or self.unexplained)))


def compare(source: str, translation: str) -> tuple[list[str], list[str]]:
    """Numbers of the source missing from the translation, and numbers of the translation not in the source.

    A source number in digits is counted: a source that says 1 twice needs two 1s (or ones) in the
    English, so a deleted repeat is caught too. An English number needs only to be somewhere in the
    source: a translator may repeat a number the source says once ("the two ... the two").
    """
    d = difference(source, translation)
    return [*d.missing, *d.missing_words], [*d.extra, *d.extra_words]


@lru_cache(maxsize=8)  # the numbers and number-words rules ask about the same entry one after the other
def difference(source: str, translation: str) -> Difference:
    """The :class:`Difference` in numbers between a Chinese source and its English translation."""
    zh, en = zh_numbers(source), en_numbers(translation)
    missing: list[str] = []
    words: list[str] = []
    for k, n in zh.hard.items():
        if zh.also.get(k, set()) & en.soft.keys():
            continue
        if k in zh.digits and n > en.soft.get(k, 0):
            missing.append(zh.text[k])
        elif k not in zh.digits and k not in en.soft:
            words.append(zh.text[k])
    extra = [k for k in en.hard if k not in zh.soft and not en.also.get(k, set()) & zh.soft.keys()]
    return Difference(
        tuple(missing),
        tuple(words),
        tuple(en.text[k] for k in extra if k in en.digits),
        tuple(en.text[k] for k in extra if k not in en.digits),
        tuple(zh.text[k] for k, n in zh.words.items() if n > en.soft.get(k, 0) and k != 1.0),
    )
