"""The ``markup`` rule: a translation keeps the inline Markdown of its source.

A Markdown source's entries carry their markup (``**重要**``, ``[官网](https://…)``, `` `code` ``,
``![图](a.png)``). The translator rewrites the words around it; what must come through unchanged is what a
reader cannot see being lost: every link target, every inline code span, every image, and emphasis that
still opens and closes. Both sides are parsed with markdown-it (the parser that reads the sources), so a
``*`` that is punctuation and a ``*`` that opens emphasis are told apart as a renderer tells them.
Pure functions; the rule itself is a row in :mod:`transflow.check.rules`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

#: A delimiter run left as literal text: an emphasis or strikethrough that no longer closes. ``_`` only at
#: a word edge (``snake_case`` is not emphasis in CommonMark either).
STRAY = re.compile(r"\*+|~~|(?<![^\W_])_+|_+(?![^\W_])")
#: Cheap test before parsing: text without any of these characters has no markup to keep.
MARKUP_CHARS = re.compile(r"[`*_~\[\]<]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("strikethrough")


@dataclass(frozen=True)
class Markup:
    """What a piece of inline Markdown must keep: link targets, code spans, images, stray delimiters."""

    links: Counter
    code: Counter
    images: Counter
    stray: Counter


def markup_of(text: str) -> Markup:
    links: Counter = Counter()
    code: Counter = Counter()
    images: Counter = Counter()
    stray: Counter = Counter()
    if MARKUP_CHARS.search(text):
        for token in _parser().parseInline(text):
            for child in token.children or []:
                if child.type == "link_open":
                    links[child.attrGet("href")] += 1
                elif child.type == "code_inline":
                    code[child.content] += 1
                elif child.type == "image":
                    images[child.attrGet("src")] += 1
                elif child.type == "text":
                    stray.update(m.group()[:2] for m in STRAY.finditer(child.content))
    return Markup(links, code, images, stray)


def _diff(kind: str, source: Counter, translation: Counter) -> str | None:
    lost = source - translation
    added = translation - source
    if lost:
        return f"{kind} {next(iter(lost))!r} of the source is missing or altered"
    if added:
        return f"{kind} {next(iter(added))!r} is not in the source"
    return None


def markup_problem(source: str, translation: str) -> str | None:
    """What the translation lost, added or broke of the source's inline Markdown, or None."""
    if not MARKUP_CHARS.search(source) and not MARKUP_CHARS.search(translation):
        return None
    src, tgt = markup_of(source), markup_of(translation)
    for kind, a, b in (("link target", src.links, tgt.links), ("image", src.images, tgt.images)):
        problem = _diff(kind, a, b)
        if problem:
            return problem
    problem = _diff("code span", src.code, tgt.code)
    if problem:
        return problem
    extra = tgt.stray - src.stray
    if extra:
        return f"unbalanced emphasis: {next(iter(extra))!r} opens or closes nothing"
    return None


#: Parts of inline Markdown a translation copies verbatim: code spans, link and image destinations, autolinks.
VERBATIM = re.compile(
    r"(`+)[^`]+?\1|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)|<[a-z][\w+.-]*:[^<>\s]*>", re.I
)


def prose(source: str, translation: str) -> str:
    """The translation without what it rightly copies from a Markdown source (code, link targets).

    Chinese in ``[见上文](#背景)`` or in `` `配置` `` is not Chinese left untranslated.
    """
    if not MARKUP_CHARS.search(translation):
        return translation
    return VERBATIM.sub(lambda m: " " if m.group() in source else m.group(), translation)
