"""Chinese-aware sentence splitting: pure functions over one paragraph.

The rules live in :mod:`transflow.text.zh` as tables; this module only walks the text. Segments are spans of
the stripped paragraph, so joining them with the whitespace between them gives the paragraph back.
"""

from __future__ import annotations

import re

from transflow.text import zh


def strip_paragraph(line: str) -> str:
    """Remove what is never content: edge whitespace, U+3000 indentation, CR and a BOM."""
    return line.strip(zh.EDGE_SPACE)


def _has_later(text: str, ch: str, start: int) -> bool:
    return text.find(ch, start) != -1


#: Every character the walk must look at; everything else (most of a Chinese text) is skipped at C speed.
_SPECIAL = re.compile(
    "[" + re.escape("".join(zh.TERMINATORS | zh.HALF_TERMINATORS | zh.ELLIPSIS | zh.CLOSERS | zh.OPENERS)) + '"]'
)
_CLUSTER = re.compile("[" + re.escape("".join(zh.TERMINATORS | zh.HALF_TERMINATORS | zh.ELLIPSIS | zh.CLOSERS)) + '"]*')


def _cut_points(text: str) -> list[int]:
    """Offsets where one sentence ends and the next may begin (before any whitespace)."""
    cuts: list[int] = []
    stack: list[str] = []  # closers we expect, innermost last
    straight_open = False
    n = len(text)
    pos = 0
    while True:
        match = _SPECIAL.search(text, pos)
        if match is None:
            return cuts
        i = match.start()
        ch = text[i]
        if ch in zh.TERMINATORS or ch in zh.HALF_TERMINATORS or ch in zh.ELLIPSIS:
            strong = half = closed = False
            j = i
            end = _CLUSTER.match(text, i).end()
            while j < end:
                c = text[j]
                if c in zh.TERMINATORS:
                    strong = True
                elif c in zh.HALF_TERMINATORS:
                    half = True
                elif c in zh.CLOSERS:
                    closed = True
                    if c in stack:
                        del stack[len(stack) - 1 - stack[::-1].index(c) :]
                elif c == zh.STRAIGHT_QUOTE:
                    if not straight_open:
                        break  # an opening straight quote starts the next sentence
                    straight_open = False
                    closed = True
                j += 1
            k = j
            while k < n and text[k] in zh.EDGE_SPACE:
                k += 1
            if k < n and _breaks(text[k], strong, half, closed, stack, straight_open):
                cuts.append(j)
            pos = j
            continue
        if ch in zh.OPENERS and _has_later(text, zh.PAIRS[ch], i + 1):
            stack.append(zh.PAIRS[ch])
        elif ch in zh.CLOSERS and ch in stack:
            del stack[len(stack) - 1 - stack[::-1].index(ch) :]
        elif ch == zh.STRAIGHT_QUOTE:
            straight_open = not straight_open and _has_later(text, zh.STRAIGHT_QUOTE, i + 1)
        pos = i + 1


def _breaks(nxt: str, strong: bool, half: bool, closed: bool, stack: list[str], straight_open: bool) -> bool:
    """Decide whether a terminator cluster ends the sentence, given the next non-space character."""
    if nxt in zh.COMMA_LIKE or nxt in zh.CLOSERS:
        return False
    if any(zh.PAIRS[o] in stack for o in zh.NO_BREAK_INSIDE):
        return False
    if strong:
        return True
    if half:
        return zh.is_cjk(nxt) or (nxt in zh.OPENERS and zh.is_cjk(nxt))
    # ellipsis only: a pause inside a quotation, or before the quote closes, is not a sentence end
    return not closed and not stack and not straight_open


def split_spans(text: str) -> list[tuple[int, int]]:
    """Split a stripped paragraph into ``(start, end)`` spans of sentences, whitespace excluded."""
    if not text:
        return []
    bounds = [0, *_cut_points(text), len(text)]
    spans: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(zh.EDGE_SPACE))
        trail = len(piece.rstrip(zh.EDGE_SPACE))
        if trail <= lead:
            continue
        start, end = a + lead, a + trail
        if spans and zh.is_punctuation_only(text[start:end]):
            spans[-1] = (spans[-1][0], end)  # stray marks stay with the sentence before them
        elif spans and zh.is_punctuation_only(text[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)  # a leading run of marks joins the first real sentence
        else:
            spans.append((start, end))
    return spans


def split_paragraph(line: str) -> list[str]:
    """The sentences of one paragraph line, in order; empty for a blank line."""
    text = strip_paragraph(line)
    return [text[a:b] for a, b in split_spans(text)]
