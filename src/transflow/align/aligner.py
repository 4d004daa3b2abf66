"""Sentence alignment by dynamic programming over beads, with a posterior score for every bead.

A bead links ``a`` consecutive Chinese sentences with ``b`` consecutive English ones (1–1, 1–0, 0–1,
2–1, 1–2, 2–2, and the rarer 1–3, 3–1). Its cost adds a prior for its type, Gale–Church's length cost
(or, for a sentence with nothing opposite, a cost per character), and evidence: numbers read by
value, Latin words and romanized names, glossary terms, question and exclamation marks and quotes,
and paragraph boundaries. The best path is found by Viterbi; a forward–backward pass over the same
costs gives each chosen bead its posterior probability, the ``score`` (1.0: no other alignment of these
sentences is plausible), which decides what is certain enough to become a translation.

Paragraphs first: when both versions have the same number of paragraphs and each pair is plausible
by length, every paragraph pair is aligned on its own; otherwise the whole document is aligned at once
and paragraph boundaries are only evidence (a bead that ends a paragraph on both sides gains, one that
spans two paragraphs of one side pays), which degrades gracefully when the English was re-paragraphed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from transflow.align import model
from transflow.align.features import Features, en_features, zh_features

BEADS = tuple(model.BEAD_COST)
INF = float("inf")


@dataclass(frozen=True)
class Bead:
    """Chinese sentence indices linked with English sentence indices (either may be empty)."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}–{len(self.en)}"


def length_cost(zh_len: float, en_len: float) -> float:
    """-log density of the length ratio: Laplace on log(English / expected), wider for short sentences.

    Real translators condense and expand: the ratio's tails are far heavier than Gale–Church's normal
    difference allows, which made one long free translation look like a merge (see model.py).
    """
    if zh_len <= 0 and en_len <= 0:
        return 0.0
    if zh_len <= 0 or en_len <= 0:
        return model.SKIP_PER_CHAR * (zh_len + en_len)
    scale = max(model.RATIO_SCALE_MIN, model.RATIO_SCALE / math.sqrt((zh_len + en_len) / 2))
    return abs(math.log(en_len / zh_len)) / scale + math.log(scale / model.RATIO_SCALE_REF)


def combine(features: Sequence[Features]) -> Features:
    """Several consecutive sentences of one side as one: lengths add, sets unite, concepts concatenate."""
    if len(features) == 1:
        return features[0]
    return Features(
        length=sum(f.length for f in features),
        numbers=frozenset().union(*(f.numbers for f in features)),
        hard=frozenset().union(*(f.hard for f in features)),
        anchors=frozenset().union(*(f.anchors for f in features)),
        names=frozenset().union(*(f.names for f in features)),
        punct=frozenset().union(*(f.punct for f in features)),
        concepts=tuple(c for f in features for c in f.concepts),
        stems=frozenset().union(*(f.stems for f in features)),
    )


def evidence_cost(z: Features | None, e: Features | None) -> float:
    """Matches lower the cost (up to a cap); numbers and marks found on one side only raise it."""
    if z is None or e is None:
        side = z or e
        return model.NUMBER_MISSING * len(side.hard) if side else 0.0
    cost = model.NUMBER_MISSING * (len(z.hard - e.numbers) + len(e.hard - z.numbers))
    gain = (
        model.NUMBER_MATCH * len(z.numbers & e.numbers)
        + model.ANCHOR_MATCH * len(z.anchors & e.anchors)
        + model.NAME_MATCH * len(z.names & e.names)
        + model.PUNCT_MATCH * len(z.punct & e.punct)
    )
    stems = e.stems
    gain += model.WORD_MATCH * sum(1 for c in z.concepts if not c.isdisjoint(stems))
    cost += model.PUNCT_MISMATCH * len(z.punct ^ e.punct)
    return cost - min(gain, model.EVIDENCE_CAP)


def bead_cost(z: Sequence[Features], e: Sequence[Features]) -> float:
    """The full cost of linking Chinese sentences ``z`` with English sentences ``e``."""
    zc, ec = (combine(z) if z else None), (combine(e) if e else None)
    return _cost(len(z), len(e), zc, ec)


def _cost(a: int, b: int, zc: Features | None, ec: Features | None) -> float:
    lengths = length_cost(zc.length if zc else 0.0, ec.length if ec else 0.0)
    return model.BEAD_COST[a, b] + lengths + evidence_cost(zc, ec)


def _ends(paragraph_of: Sequence[int]) -> list[bool]:
    """ends[k]: a paragraph ends right before sentence k (k = len means the end of the text)."""
    n = len(paragraph_of)
    return [k == n or (k > 0 and paragraph_of[k] != paragraph_of[k - 1]) for k in range(n + 1)]


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -INF:
        return -INF
    return top + math.log(sum(math.exp(v - top) for v in values))


def align_features(
    zf: Sequence[Features],
    ef: Sequence[Features],
    zh_par: Sequence[int] | None = None,
    en_par: Sequence[int] | None = None,
) -> list[Bead]:
    """The best beads for two sentence lists; ``*_par`` give each sentence's paragraph (evidence only)."""
    n, m = len(zf), len(ef)
    zh_par = zh_par or [0] * n
    en_par = en_par or [0] * m
    z_end, e_end = _ends(zh_par), _ends(en_par)
    width = max(model.BAND_MIN, int(model.BAND_SHARE * max(n, m))) + abs(n - m)

    def in_band(i: int, j: int) -> bool:
        return abs(j - (i * m / n if n else 0)) <= width

    spans = {b for a in model.BEAD_COST for b in a}
    zc = {(i, a): combine(zf[i : i + a]) for a in spans if a for i in range(n - a + 1)}
    ec = {(j, b): combine(ef[j : j + b]) for b in spans if b for j in range(m - b + 1)}
    costs: dict[tuple[int, int, int, int], float] = {}
    for i in range(n + 1):
        for j in range(m + 1):
            if not in_band(i, j):
                continue
            for a, b in BEADS:
                if i + a > n or j + b > m or not in_band(i + a, j + b):
                    continue
                cost = _cost(a, b, zc.get((i, a)), ec.get((j, b)))
                if a > 1 and zh_par[i] != zh_par[i + a - 1] or b > 1 and en_par[j] != en_par[j + b - 1]:
                    cost += model.CROSS_PARAGRAPH
                if (0 < i + a < n or 0 < j + b < m) and z_end[i + a] and e_end[j + b]:
                    cost -= model.PARAGRAPH_BOTH
                costs[i, j, a, b] = cost
    # Viterbi and forward in one pass (costs only go forward).
    best = {(0, 0): (0.0, None)}
    forward = {(0, 0): 0.0}
    incoming: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
    for key in costs:
        i, j, a, b = key
        incoming.setdefault((i + a, j + b), []).append(key)
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0) or (i, j) not in incoming:
                continue
            options, logs = [], []
            for key in incoming[i, j]:
                start = (key[0], key[1])
                if start in best:
                    options.append((best[start][0] + costs[key], key))
                    logs.append(forward[start] - costs[key] / model.TEMPERATURE)
            if options:
                best[i, j] = min(options)
                forward[i, j] = _logsumexp(logs)
    if (n, m) not in best:  # cannot happen with 1–0 and 0–1 beads inside the band; keep the text whole
        return [Bead(tuple(range(n)), tuple(range(m)), 0.0)]
    backward = {(n, m): 0.0}
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if (i, j) == (n, m):
                continue
            logs = [
                backward[i + a, j + b] - costs[i, j, a, b] / model.TEMPERATURE
                for a, b in BEADS
                if (i, j, a, b) in costs and (i + a, j + b) in backward
            ]
            if logs:
                backward[i, j] = _logsumexp(logs)
    total = forward[n, m]
    beads = []
    point = (n, m)
    while point != (0, 0):
        _, key = best[point]
        i, j, a, b = key
        posterior = forward[i, j] - costs[key] / model.TEMPERATURE + backward[i + a, j + b] - total
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), min(1.0, math.exp(posterior))))
        point = (i, j)
    beads.reverse()
    return beads


def _offset(beads: list[Bead], dz: int, de: int) -> list[Bead]:
    return [Bead(tuple(k + dz for k in b.zh), tuple(k + de for k in b.en), b.score) for b in beads]


def paragraphs_follow(zp: Sequence[Sequence[Features]], ep: Sequence[Sequence[Features]]) -> bool:
    """Both versions have the same paragraphs: as many, and each pair plausible by length."""
    if len(zp) != len(ep) or len(zp) < 2:
        return False
    for z, e in zip(zp, ep, strict=True):
        zl, el = sum(f.length for f in z), sum(f.length for f in e)
        if not zl or not el or abs(math.log(el / zl)) > model.PARAGRAPH_RATIO:
            return False
    return True


def align_paragraphs(
    zh_paragraphs: Sequence[Sequence[str]],
    en_paragraphs: Sequence[Sequence[str]],
    glossary: Sequence[tuple[str, str]] = (),
) -> list[Bead]:
    """Align a document given as paragraphs of sentences; indices count sentences over the document."""
    zp = [[zh_features(s, glossary) for s in par] for par in zh_paragraphs]
    ep = [[en_features(s) for s in par] for par in en_paragraphs]
    if paragraphs_follow(zp, ep):
        beads, dz, de = [], 0, 0
        for z, e in zip(zp, ep, strict=True):
            beads += _offset(align_features(z, e), dz, de)
            dz, de = dz + len(z), de + len(e)
        return beads
    zf = [f for par in zp for f in par]
    ef = [f for par in ep for f in par]
    zh_par = [k for k, par in enumerate(zp) for _ in par]
    en_par = [k for k, par in enumerate(ep) for _ in par]
    return align_features(zf, ef, zh_par, en_par)
