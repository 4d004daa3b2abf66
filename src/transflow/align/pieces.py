"""Dividing the English of one bead among its Chinese sentences, so nothing is lost or said twice.

A catalog holds one translation per Chinese sentence, and ``merge`` joins a paragraph's translations with
one space. So the English of a bead with several Chinese sentences (2–1, 2–2, 3–1) is cut at single
spaces into as many pieces as there are Chinese sentences: joined again with one space, the pieces are
the English text exactly. Cuts go where the English itself pauses, nearest the point the Chinese lengths
predict: between English sentences first, then after a clause mark, then at any space.
"""

from __future__ import annotations

import re

#: Places to cut, best first: (pattern matching the space to cut at, penalty in characters of distance).
CUT_KINDS = (
    (re.compile(r"(?<=[.?!\"”’)])\s"), 0.0),  # between sentences
    (re.compile(r"(?<=[,;:])\s|\s(?=[—–-]{1,2}\s)|(?<=\s[—–])\s"), 0.15),  # after a clause mark, around a dash
    (re.compile(r"\s(?=(?:and|but|while|which|who|as|after|before|because|although)\s)"), 0.25),
    (re.compile(r"\s"), 0.5),  # any space
)


def _candidates(text: str) -> dict[int, float]:
    found: dict[int, float] = {}
    for pattern, penalty in CUT_KINDS:
        for match in pattern.finditer(text):
            if match.group() == " ":
                found.setdefault(match.start(), penalty)
    return found


def divide(english: str, weights: list[float]) -> tuple[list[str], bool]:
    """Cut ``english`` into ``len(weights)`` pieces proportional to the weights (the Chinese lengths).

    Returns the pieces and whether every cut fell between English sentences. Joining the pieces with one
    space gives ``english`` back; a piece may be empty only when the text has too few spaces to cut.
    """
    count = len(weights)
    if count <= 1:
        return [english], True
    candidates = _candidates(english)
    total = sum(weights) or float(count)
    cuts: list[int] = []
    clean = True
    acc = 0.0
    for w in weights[:-1]:
        acc += w
        target = len(english) * acc / total
        usable = [p for p in candidates if not cuts or p > cuts[-1]]
        if not usable:
            break
        best = min(usable, key=lambda p: abs(p - target) / max(len(english), 1) + candidates[p])
        clean &= candidates[best] == 0.0
        cuts.append(best)
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(english[start:cut])
        start = cut + 1
    pieces.append(english[start:])
    pieces += [""] * (count - len(pieces))
    return pieces, clean and len(cuts) == count - 1
