"""Fuzzy matching for the translation memory: the score, the q-gram keys and the count filter.

The score
---------
A fuzzy score is the character similarity of two sentences, ``2·ℓ / (n + m)`` where ``n`` and ``m`` are
their lengths and ``ℓ`` the length of their longest common subsequence: rapidfuzz's normalized Indel
similarity (``fuzz.ratio`` / 100). It is computed from integers (``ℓ``, ``n + m``), so thresholds and the
percentage shown in draft comments are exact, never off by a float rounding.

Why a count filter is safe (the q-gram lemma for Indel, q = 2)
--------------------------------------------------------------
Take a query ``a`` (``n`` characters) and a stored sentence ``b`` (``m`` characters) and fix one longest
common subsequence: ``ℓ`` characters of ``a`` matched in order to ``ℓ`` characters of ``b``. ``a`` has ``n - 1``
bigrams (one per position ``p``: characters ``p`` and ``p + 1``). The bigram at ``p`` reappears in ``b`` at a
matched position unless

* character ``p`` or ``p + 1`` of ``a`` is unmatched — each of the ``n - ℓ`` unmatched characters of ``a``
  spoils at most 2 bigrams (the one it starts and the one it ends), or
* both are matched but their partners in ``b`` are not adjacent — then at least one of the ``m - ℓ``
  unmatched characters of ``b`` sits between them, and each such character sits in one gap only.

So at least ``(n - 1) - 2(n - ℓ) - (m - ℓ) = 3ℓ - (n + m) - 1`` bigram *positions* of ``a`` survive, each at a
distinct position of ``b`` holding the same bigram: the two bigram multisets share at least that many.
Numbering repeated bigrams (the 2nd "中国" of a sentence is a different key from the 1st) turns the multiset
intersection into a plain set intersection, so the index may store each key once per sentence.

A similarity of at least ``p`` percent means ``200·ℓ ≥ p·(n + m)``, i.e. ``ℓ ≥ ⌈p·(n + m) / 200⌉``; and since
``ℓ ≤ min(n, m)`` the length must lie in the band ``⌈p·n / (200 - p)⌉ ≤ m ≤ ⌊(200 - p)·n / p⌋``. Every
sentence that can reach ``p`` therefore shares at least

    T(n) = min over m in the band of  3·⌈p·(n + m) / 200⌉ - (n + m) - 1

numbered bigrams with the query. Keeping the sentences that share ``≥ T(n)`` keys and scoring each of them
exactly loses nothing: the best match is the one an exhaustive scan finds. When ``T(n) ≤ 0`` (one-character
queries, or thresholds below about 67%) the filter proves nothing and the caller scans the length band.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

DEFAULT_MIN = 75  # percent
#: Bits of one character (Unicode needs 21) and of a bigram's occurrence number in its sentence.
CHAR_BITS, OCC_BITS = 21, 20


@dataclass(frozen=True)
class Match:
    """A memory hit: the stored translation, its similarity (1.0 = exact) and where it came from."""

    target: str
    score: float
    origin: str
    source: str

    @property
    def percent(self) -> int:
        """The whole percentage, rounded down (75.9% shows as 75%, never as a 76 it did not reach)."""
        return int(self.score * 100 + 1e-9)


def sort_key(match: Match) -> tuple:
    """The deterministic order of matches: best score first, then origin, then source (unique per pair)."""
    return (-match.score, match.origin, match.source, match.target)


def score(query: str, candidate: str, minimum: int = DEFAULT_MIN) -> float | None:
    """``2ℓ / (n + m)`` if it reaches ``minimum`` percent, else None (rapidfuzz stops early when it cannot)."""
    total = len(query) + len(candidate)
    if total == 0:
        return 1.0
    most = total * (100 - minimum) // 100  # 100·(total - d) ≥ minimum·total  ⟺  d ≤ total·(100 - minimum)/100
    distance = Indel.distance(query, candidate, score_cutoff=most)
    if distance > most:
        return None
    return (total - distance) / total


def length_band(n: int, minimum: int = DEFAULT_MIN) -> tuple[int, int]:
    """Lengths ``m`` a sentence needs to reach ``minimum`` percent against an ``n``-character query."""
    if minimum <= 0:
        return 0, 1 << 30
    return -(-minimum * n // (200 - minimum)), (200 - minimum) * n // minimum


@lru_cache(maxsize=4096)
def min_shared(n: int, minimum: int = DEFAULT_MIN) -> int:
    """``T(n)``: numbered bigrams every sentence reaching ``minimum`` percent shares with the query."""
    low, high = length_band(n, minimum)
    if high < low:
        return 1 << 30  # nothing can match
    best = None
    for m in range(max(low, 0), high + 1):
        total = n + m
        need = 3 * (-(-minimum * total // 200)) - total - 1
        best = need if best is None else min(best, need)  # not monotone in m (the ceiling): try each
    return best if best is not None else 0


def gram_keys(text: str) -> list[int]:
    """Numbered bigram keys of ``text``: (char1, char2, k) for the k-th occurrence of that bigram."""
    text = text.replace("\x00", " ")
    seen: dict[int, int] = {}
    keys = []
    for first, second in zip(text, text[1:]):
        pair = (ord(first) << CHAR_BITS) | ord(second)
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        keys.append((pair << OCC_BITS) | min(k, (1 << OCC_BITS) - 1))
    return keys


#: Bits of a sentence's number within one :func:`batch_gram_keys` call (so a batch holds up to 131,072).
BATCH_BITS = 17


def batch_gram_keys(texts: Sequence[str], first_id: int):
    """Keys and unit ids for many sentences at once (numpy), grouped so that equal keys are adjacent.

    Same keys as :func:`gram_keys` for unit ``first_id + i`` = ``texts[i]``, without a Python loop per
    character, so that importing a million sentences stays within seconds. One sort of (bigram, sentence)
    puts repeats of a bigram within a sentence next to each other, which numbers them; the order in which
    repeats get their numbers does not matter (the set of keys is the same).
    """
    import numpy as np

    if len(texts) > 1 << BATCH_BITS:
        raise ValueError(f"batch_gram_keys takes at most {1 << BATCH_BITS} texts at once")
    codes = np.frombuffer("\x00".join(t.replace("\x00", " ") for t in texts).encode("utf-32-le"), dtype=np.uint32)
    if len(codes) < 2:
        return np.zeros(0, np.uint64), np.zeros(0, np.uint32)
    sep = codes == 0
    keep = ~(sep[:-1] | sep[1:])
    owner = np.cumsum(sep, dtype=np.uint32)[:-1][keep]
    del sep
    comp = codes[:-1][keep].astype(np.uint64)  # in place from here on: a batch's arrays are the import's memory
    comp <<= np.uint64(CHAR_BITS)
    comp |= codes[1:][keep]
    comp <<= np.uint64(BATCH_BITS)
    comp |= owner
    del owner, keep, codes
    comp.sort()
    repeat = np.zeros(len(comp), dtype=bool)
    np.equal(comp[1:], comp[:-1], out=repeat[1:])
    ids = (comp & np.uint64((1 << BATCH_BITS) - 1)).astype(np.uint32)
    ids += np.uint32(first_id)
    keys = comp  # occurrence 0: sorted by key already
    keys >>= np.uint64(BATCH_BITS)
    keys <<= np.uint64(OCC_BITS)
    if not repeat.any():
        return keys, ids
    # the k-th repeat in a run of equal (bigram, sentence) is occurrence k; computed on the few repeats only
    where = np.flatnonzero(repeat)
    pos = np.arange(len(where))
    fresh = np.ones(len(where), dtype=bool)
    fresh[1:] = where[1:] != where[:-1] + 1
    occurrence = pos - np.maximum.accumulate(np.where(fresh, pos, 0)) + 1
    keys[where] |= np.minimum(occurrence, (1 << OCC_BITS) - 1).astype(np.uint64)
    order = where[np.argsort(keys[where], kind="stable")]  # the repeats: sorted among themselves, appended
    return np.concatenate((keys[~repeat], keys[order])), np.concatenate((ids[~repeat], ids[order]))


def best_of(query: str, rows: Iterable[tuple[str, str, str]], minimum: int, limit: int) -> list[Match]:
    """Score ``(source, target, origin)`` rows exactly; the ``limit`` best that reach ``minimum``."""
    found = []
    for source, target, origin in rows:
        value = score(query, source, minimum)
        if value is not None:
            found.append(Match(target, value, origin, source))
    found.sort(key=sort_key)
    return found[:limit]
