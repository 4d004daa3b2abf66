"""English sentence splitting for news: rules as tables, one pure function over a paragraph.

A sentence ends at ``.``, ``?``, ``!`` or an ellipsis (with any closing quotes and brackets after it) when
whitespace follows and the next word starts a sentence: a capital letter, a digit, or an opening quote
or bracket before one. The tables below say where that is wrong in news English:

- a title before a name never ends a sentence (``Mr. Li``, ``Dr. Wang``, ``Gen. Smith``);
- a month before a day (``Jan. 31``), ``No. 3``, ``p. 12`` do not end one before a number;
- an abbreviation that may end a sentence (``U.S.``, ``Inc.``, ``a.m.``) ends one only when a word that
  usually opens a sentence follows (``... in the U.S. The talks ...``), not before a name
  (``the U.S. Senate``);
- a single capital initial (``J. K. Rowling``, ``Xi J. Ping``) never ends a sentence;
- decimals, versions and URLs have no whitespace after the dot, so they never break;
- ``"Is it?" he asked.`` does not break: a lower-case word follows the question.

Segments are spans of the stripped paragraph: joining them with the whitespace between gives it back.
"""

from __future__ import annotations

import re

#: Titles and words that are always followed by a name or a number: never the end of a sentence.
TITLES = frozenset(
    "mr mrs ms messrs dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det "
    "rev fr hon amb st mt ft ave blvd vs v cf approx dept est fig figs vol vols ed eds op".split()
)
#: Followed by a number they do not end a sentence (``Jan. 31``, ``No. 7``, ``p. 3``, ``art. 5``).
BEFORE_NUMBERS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos p pp art arts sec para ch".split())
#: Abbreviations that may also end a sentence; then a sentence opener (below) follows.
MAY_END = frozenset(
    "u.s u.k u.n e.u u.s.a p.r.c d.c a.m p.m inc co corp ltd llc plc jr sr bros etc al e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
#: Words that commonly open an English news sentence: after a MAY_END abbreviation they mean a new sentence.
OPENERS = frozenset(
    "the a an he she it they we i you this that these those there his her its their our but and so yet "
    "in on at as if when while after before since although though however meanwhile also still then now "
    "some many most one two three several both all no not according last earlier later what who why how "
    "for by with from under over during despite mr mrs ms dr".split()
)
TERMINATORS = ".?!…"
#: Closing marks that stay with the sentence they close.
CLOSERS = "\"'”’)]}»"
#: Marks that may open the next sentence before its first letter.
OPENING = "\"'“‘([{«"

_END = re.compile(rf"(?:\.\.\.|[{re.escape(TERMINATORS)}])+[{re.escape(CLOSERS)}]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT = re.compile(rf"\s+([{re.escape(OPENING)}]*)(\S+)")
EDGE_SPACE = " \t\r\n\u00a0\u3000\ufeff"


def _breaks_after(text: str, end: int, mark: str) -> bool:
    """Whether a sentence ends at ``text[:end]``, whose last terminator run is ``mark``."""
    nxt = _NEXT.match(text, end)
    if not nxt:
        return False
    opener, word = nxt.group(1), nxt.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or (opener and first.isalpha())):
        return False  # '"Is it?" he asked.', 'wait... and then'
    if mark != ".":
        return True
    before = _WORD_BEFORE.search(text[: end - (len(text[:end]) - len(text[:end].rstrip(CLOSERS)))])
    if not before:
        return True
    abbrev = before.group(1).lower()
    bare = word.strip(CLOSERS + ",;:").lower()
    if abbrev in TITLES:
        return False
    if abbrev in BEFORE_NUMBERS and first.isdigit():
        return False
    if len(abbrev) == 1 and abbrev.isalpha() and before.group(1).isupper():
        return False  # an initial: 'J. K. Rowling'
    if abbrev in MAY_END or ("." in abbrev and len(abbrev) <= 6):
        return bare in OPENERS
    return True


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one stripped English paragraph."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        mark = "." if match.group().rstrip(CLOSERS).endswith(".") and not match.group().startswith("...") else "!"
        if _breaks_after(text, end, mark):
            spans.append((start, end))
            nxt = _NEXT.match(text, end)
            start = nxt.start(1) if nxt else end
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def split_english(paragraph: str) -> list[str]:
    """The sentences of one English paragraph (edge whitespace removed)."""
    text = paragraph.strip(EDGE_SPACE)
    return [text[a:b] for a, b in split_spans(text)]
