"""What the aligner compares between a Chinese and an English sentence, computed once per sentence.

Length (Chinese characters weighted as :mod:`transflow.align.model` says), numbers read by value
(:mod:`transflow.text.numbers`: 30万 = 300,000), anchors (Latin words kept in the Chinese, names and
places by their romanization, glossary terms by their approved English) and the punctuation that
survives translation (``？``/``?``, ``！``/``!``, quotes). Pure functions; pypinyin is imported lazily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transflow.align import model
from transflow.align.lexicon import en_stems, zh_concepts
from transflow.text.numbers import en_numbers, zh_numbers
from transflow.text.romanize import syllables

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACE = re.compile(r"\s")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'&-]*[A-Za-z0-9]|[A-Za-z]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
#: Punctuation classes that a translation keeps: (name, Chinese marks, English marks).
PUNCTUATION = (("question", "？?", "?"), ("exclamation", "！!", "!"), ("quote", '“”「」『』"', '“”"'))
#: Latin words in Chinese text that say nothing about which English sentence it is.
LATIN_STOP = frozenset("a an the of and in on to for at by is".split())


@dataclass(frozen=True)
class Features:
    """One sentence as the aligner sees it."""

    length: float  # in English characters expected (Chinese side) or counted (English side)
    numbers: frozenset  # every number read, by value
    hard: frozenset  # numbers the other side must carry
    anchors: frozenset[str]  # Chinese side: Latin words and glossary English; English side: words, word pairs
    names: frozenset[str]  # Chinese side: romanized Han runs; English side: capitalized words and pairs
    punct: frozenset[str]
    concepts: tuple[frozenset[str], ...] = ()  # Chinese side: dictionary words as English gloss stems
    stems: frozenset[str] = frozenset()  # English side: stems of its content words


def romanize(text: str) -> list[str]:
    """Toneless pinyin, one syllable per Han character, as the notes spell names (ü written u, as English does)."""
    return [s.replace("ü", "u").lower() for s in syllables(text)]


def zh_length(text: str) -> float:
    han = len(_HAN.findall(text))
    other = len(_SPACE.sub("", text)) - han
    return model.PER_HAN * han + model.PER_OTHER * other


def en_length(text: str) -> float:
    return float(len(_SPACE.sub("", text)))


def _punct(text: str, side: int) -> frozenset[str]:
    return frozenset(name for name, *marks in PUNCTUATION if any(ch in text for ch in marks[side]))


def _name_forms(syllables: list[str]) -> Iterable[str]:
    """How a run of 2–4 Han characters may be written in English: 'tang zhongxiang', 'qujiang'."""
    n = len(syllables)
    for size in (2, 3, 4):
        for start in range(0, n - size + 1):
            piece = syllables[start : start + size]
            yield "".join(piece)
            if size >= 3:
                yield piece[0] + " " + "".join(piece[1:])  # surname + given name
            if size == 4:
                yield "".join(piece[:2]) + " " + "".join(piece[2:])


def zh_features(text: str, glossary: Iterable[tuple[str, str]] = ()) -> Features:
    """Features of a Chinese sentence; ``glossary`` is (Chinese term, approved English) pairs."""
    nums = zh_numbers(text)
    anchors = {w.lower() for w in _LATIN_WORD.findall(text) if w.lower() not in LATIN_STOP}
    names: set[str] = set()
    for run in _HAN_RUN.findall(text):
        syllables = romanize(run)
        if len(syllables) == len(run):
            names.update(form for form in _name_forms(syllables) if len(form) >= model.MIN_NAME_CHARS)
    for zh, en in glossary:
        if zh in text:
            words = [w.lower() for w in _LATIN_WORD.findall(en)]
            if words:
                anchors.add(" ".join(words[:2]))
    return Features(
        zh_length(text),
        frozenset(nums.soft),
        frozenset(nums.hard),
        frozenset(anchors),
        frozenset(names),
        _punct(text, 0),
        concepts=zh_concepts(text),
    )


def en_features(text: str) -> Features:
    """Features of an English sentence: its words and capitalized-word pairs are what anchors can find."""
    nums = en_numbers(text)
    words = _LATIN_WORD.findall(text)
    lower = [w.lower() for w in words]
    found = set(lower)
    found.update(a + " " + b for a, b in zip(lower, lower[1:]))  # two-word glossary terms
    caps = [w.lower() for w in words if w[0].isupper()]
    names = set(caps)
    names.update(a + " " + b for a, b in zip(caps, caps[1:]))
    names.update(a + b for a, b in zip(caps, caps[1:]))
    return Features(
        en_length(text),
        frozenset(nums.soft),
        frozenset(nums.hard),
        frozenset(found),
        frozenset(names),
        _punct(text, 1),
        stems=en_stems(text),
    )
