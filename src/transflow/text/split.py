"""Chinese-aware sentence splitting: pure functions over one paragraph.

The rules live in :mod:`transflow.text.zh` as tables; this module only walks the text. Segments are spans of
the stripped paragraph, so joining them with the whitespace between them gives the paragraph back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transflow.text import zh


def strip_paragraph(line: str) -> str:
    """Remove what is never content: edge whitespace, U+3000 indentation, CR and a BOM."""
    return line.strip(zh.EDGE_SPACE)


def _has_later(text: str, ch: str, start: int) -> bool:
    return text.find(ch, start) != -1


#: Every character the walk must look at; everything else (most of a Chinese text) is skipped at C speed.
_SPECIAL = re.compile(
    "["
    + re.escape("".join(zh.TERMINATORS | zh.HALF_TERMINATORS | zh.ELLIPSIS | zh.CLOSERS | zh.OPENERS))
    + re.escape(zh.STRAIGHT_QUOTE + zh.STRAIGHT_SINGLE)
    + "]|"
    + zh.DOT_ELLIPSIS
)
_CLUSTER = re.compile(
    "(?:["
    + re.escape("".join(zh.TERMINATORS | zh.HALF_TERMINATORS | zh.ELLIPSIS | zh.CLOSERS))
    + re.escape(zh.STRAIGHT_QUOTE + zh.STRAIGHT_SINGLE)
    + r"]|\.{3,})*"
)
_PAUSES = zh.ELLIPSIS | {"."}
#: The longest run after a closing quote that may be an attribution (its end is checked separately).
_ATTRIBUTION = re.compile("[^" + re.escape("".join(zh.ATTRIBUTION_STOP)) + f"]{{1,{zh.ATTRIBUTION_MAX}}}")


class _Quotes:
    """Open brackets and quotations while walking a paragraph: the closers expected, innermost last.

    Each open mark remembers whether it was opened right after a word (an embedded title or term) rather
    than after punctuation or at the start (speech). Straight quotes open and close by turns.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[tuple[str, bool]] = []
        self.straight = {zh.STRAIGHT_QUOTE: False, zh.STRAIGHT_SINGLE: False}

    def open(self, i: int) -> None:
        ch = self.text[i]
        if ch in zh.QUOTE_OPENERS or _has_later(self.text, zh.PAIRS[ch], i + 1):
            before = self.text[i - 1] if i else ""
            embedded = before.isalnum() and not self.text.endswith(zh.SPEECH_INTRODUCERS, 0, i)
            self.stack.append((zh.PAIRS[ch], embedded))

    def close(self, closer: str) -> bool | None:
        """Close the innermost ``closer`` (and anything left open inside it); whether it was embedded."""
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == closer:
                embedded = self.stack[n][1]
                del self.stack[n:]
                return embedded
        return None

    def expects(self, closer: str) -> bool:
        return any(c == closer for c, _ in self.stack)

    def toggle(self, i: int) -> None:
        """A straight quote outside a cluster: opens if another follows, closes an open one."""
        ch = self.text[i]
        if ch == zh.STRAIGHT_SINGLE and _is_apostrophe(self.text, i):
            return
        self.straight[ch] = not self.straight[ch] and _has_later(self.text, ch, i + 1)

    def closes_straight(self, i: int) -> bool:
        """In a cluster after a terminator: does the straight quote at ``i`` close a quotation?

        It closes its own open kind, or a curly quotation opened with “ or ‘ (mixed marks: 结局。'” and
        “……。" both occur in real news), or, with no partner later in the paragraph (straight or curly), a
        quotation opened before it, in an earlier paragraph. Otherwise it opens the next sentence (走了。"我们
        明天见。” opens with " and closes with ”).
        """
        ch = self.text[i]
        curly = "”" if ch == zh.STRAIGHT_QUOTE else "’"
        if self.straight[ch]:
            self.straight[ch] = False
            return True
        if self.expects(curly):
            self.close(curly)
            return True
        return not _has_later(self.text, ch, i + 1) and not _has_later(self.text, curly, i + 1)

    def inside(self, marks: frozenset[str]) -> bool:
        return any(zh.PAIRS[o] == c for c, _ in self.stack for o in marks)

    @property
    def open_any(self) -> bool:
        return bool(self.stack) or any(self.straight.values())


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and text[i + 1].isalpha()


def _is_name_dot(text: str, i: int) -> bool:
    """A half-width ? between two characters of a transliterated name stands for the name dot ·."""
    return 0 < i < len(text) - 1 and text[i - 1] in zh.NAME_CHARACTERS and text[i + 1] in zh.NAME_CHARACTERS


def _is_attribution(text: str, k: int) -> bool:
    """Is ``text[k:]`` a short attribution (张建国说。) that ends the paragraph or its sentence with 。?"""
    match = _ATTRIBUTION.match(text, k)
    if match is None:
        return False
    end = match.end()
    if end < len(text) and text[end] != "。":
        return False
    return text[k:end].rstrip(zh.EDGE_SPACE).endswith(zh.SPEECH_VERBS)


def _continues_clause(text: str, k: int) -> bool:
    """After an ellipsis: does the text go on with a particle that binds to what came before?"""
    return text.startswith(zh.ELLIPSIS_CONTINUERS, k) and not text.startswith(zh.ELLIPSIS_OPENING_WORDS, k)


def _cut_points(text: str) -> list[int]:
    """Offsets where one sentence ends and the next may begin (before any whitespace)."""
    cuts: list[int] = []
    quotes = _Quotes(text)
    n = len(text)
    pos = 0
    while True:
        match = _SPECIAL.search(text, pos)
        if match is None:
            return cuts
        i = match.start()
        ch = text[i]
        if ch == "?" and _is_name_dot(text, i):
            pos = i + 1
            continue
        if ch in zh.TERMINATORS or ch in zh.HALF_TERMINATORS or ch in _PAUSES:
            strong = half = closed = quoted = False
            titled = None  # a quotation closed here: opened after a word (True) or not (False)
            only_titles = True
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
                    embedded = quotes.close(c)
                    if c in zh.QUOTE_CLOSERS:
                        quoted = True
                        titled = embedded if titled is None else titled
                elif c in _PAUSES:
                    pass
                elif not quotes.closes_straight(j):
                    break  # an opening straight quote starts the next sentence
                else:
                    closed = quoted = True
                if c in zh.TERMINATORS or c in zh.HALF_TERMINATORS or c in _PAUSES:
                    only_titles = only_titles and c in zh.TITLE_TERMINATORS
                j += 1
            k = j
            while k < n and text[k] in zh.EDGE_SPACE:
                k += 1
            if k < n and _breaks(text, k, strong, half, closed, quotes):
                if quoted and (strong or half) and _is_attribution(text, k):
                    pass  # “……。”张建国说。 is one sentence
                elif titled and only_titles and text[k].isalnum():
                    pass  # 加入了“谁的街道？”项目团队 is one sentence
                else:
                    cuts.append(j)
            pos = j
            continue
        if ch in zh.OPENERS:
            quotes.open(i)
        elif ch in zh.CLOSERS:
            quotes.close(ch)
        else:
            quotes.toggle(i)
        pos = i + 1


def _breaks(text: str, k: int, strong: bool, half: bool, closed: bool, quotes: _Quotes) -> bool:
    """Decide whether a terminator cluster ends the sentence, given the text after it (from ``k``)."""
    nxt = text[k]
    if nxt in zh.COMMA_LIKE or nxt in zh.CLOSERS:
        return False
    if quotes.inside(zh.NO_BREAK_INSIDE):
        return False
    if strong:
        return True
    if half:
        return zh.is_cjk(nxt) or (nxt in zh.OPENERS and zh.is_cjk(nxt))
    # ellipsis only: a pause inside a quotation, before the quote closes, or inside a clause is no sentence end
    return not closed and not quotes.open_any and not _continues_clause(text, k)


def split_spans(text: str) -> list[tuple[int, int]]:
    """Split a stripped paragraph into ``(start, end)`` spans of sentences, whitespace excluded."""
    return list(_spans(text))


#: Distinct paragraphs whose split one process keeps (a few MB at most).
MAX_SPLIT_CACHE = 8192


@lru_cache(maxsize=MAX_SPLIT_CACHE)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`split_spans`, once per distinct paragraph and process (it is a function of the text alone).

    An archive repeats paragraphs: datelines, boilerplate, the unchanged paragraphs of a revised story;
    a segment run over it splits each once (role detection asks again for short lines: also free).
    """
    if not text:
        return ()
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
    return tuple(spans)


def split_paragraph(line: str) -> list[str]:
    """The sentences of one paragraph line, in order; empty for a blank line."""
    text = strip_paragraph(line)
    return [text[a:b] for a, b in split_spans(text)]
