"""``transflow stats``: translation progress per document and language.

Counts entries (total, reviewed, fuzzy, untranslated, obsolete), the size of the source in Han
characters and in words, and the size of the reviewed English in words. Chinese words come from
jieba, not from characters: counting 疫情防控 as four words (what ``pocount`` does) makes a Chinese
article look four times its size and every "words translated" figure meaningless. A token counts as a
word when it has a Han character or a letter or digit (punctuation and spaces are not words).

Percent reviewed is given by segments and by source words: a catalog whose long sentences are done is
further along than one whose headings are.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, fields
from functools import lru_cache

from transflow.po.catalog import load_catalog
from transflow.po.progress import DRAFT, REVIEWED, UNTRANSLATED, percent, state, translation
from transflow.project.config import Config
from transflow.project.locate import find_catalogs
from transflow.text.zh import HAN

EN_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
FORMATS = ("text", "json", "csv")


@dataclass
class Stats:
    doc: str
    lang: str
    file: str
    entries: int = 0
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    source_han: int = 0
    source_words: int = 0
    reviewed_source_words: int = 0
    english_words: int = 0

    @property
    def percent_segments(self) -> float:
        return percent(self.reviewed, self.entries)

    @property
    def percent_words(self) -> float:
        return percent(self.reviewed_source_words, self.source_words)

    def record(self) -> dict:
        return {**asdict(self), "percent_segments": self.percent_segments, "percent_words": self.percent_words}

    def add(self, other: Stats) -> None:
        for f in fields(self):
            if isinstance(getattr(self, f.name), int):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@lru_cache(maxsize=65536)
def source_words(text: str) -> int:
    """Words in a Chinese sentence by jieba, counting tokens with a Han character, letter or digit."""
    from transflow.text import words

    return sum(1 for token in words.cut(text) if any(ch.isalnum() for ch in token))


def han_count(text: str) -> int:
    return sum(len(run) for run in HAN.findall(text))


def english_words(text: str) -> int:
    return len(EN_WORD.findall(text))


def stats(config: Config, docs: list[str] | None = None, lang: str | None = None) -> list[Stats]:
    """One :class:`Stats` per catalog, in the order of :func:`~transflow.project.locate.find_catalogs`."""
    out = []
    for where in find_catalogs(config, docs, lang):
        row = Stats(where.doc, where.lang, where.shown)
        for entry in load_catalog(where.path):
            if not entry.msgid:
                continue
            if entry.obsolete:
                row.obsolete += 1
                continue
            words = source_words(entry.msgid)
            row.entries += 1
            row.source_han += han_count(entry.msgid)
            row.source_words += words
            kind = state(entry)
            row.untranslated += kind == UNTRANSLATED
            row.fuzzy += kind == DRAFT
            if kind == REVIEWED:
                row.reviewed += 1
                row.reviewed_source_words += words
                row.english_words += english_words(translation(entry))
        out.append(row)
    return out


def total(rows: list[Stats]) -> Stats:
    whole = Stats("(total)", "", "")
    for row in rows:
        whole.add(row)
    return whole


COLUMNS = ("doc", "lang", "entries", "reviewed", "fuzzy", "untranslated", "obsolete", "source_han",
           "source_words", "english_words", "percent_segments", "percent_words")  # fmt: skip


def render(rows: list[Stats], fmt: str = "text") -> str:
    """``text``: an aligned table with a total line; ``json``: ``{"version": 1, "catalogs": [...],
    "total": {...}}``; ``csv``: a header and one row per catalog (no total, so it sums cleanly)."""
    if fmt == "json":
        data = {"version": 1, "catalogs": [r.record() for r in rows], "total": total(rows).record()}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, "file"], extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row.record())
        return buf.getvalue()
    heads = ("doc", "lang", "entries", "reviewed", "fuzzy", "untransl.", "obsolete", "han", "zh words",
             "en words", "% segs", "% words")  # fmt: skip
    table = [heads] + [tuple(str(r.record()[c]) for c in COLUMNS) for r in [*rows, total(rows)]]
    widths = [max(len(line[i]) for line in table) for i in range(len(heads))]
    lines = []
    for n, line in enumerate(table):
        pairs = enumerate(zip(line, widths, strict=True))
        cells = [cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in pairs]
        lines.append("  ".join(cells).rstrip())
        if n == 0 or n == len(table) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
