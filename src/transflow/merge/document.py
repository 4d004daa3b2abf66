"""Aligning an article with its catalog: each source sentence paired with the translation a reader may see.

This is the one model every output format renders (HTML, Markdown, text, TMX), so the rules of the
merge conventions live here once: reviewed translations only (drafts on request, marked), the source
sentence where there is no translation, the Chinese side exactly the source, the English side joined
with single spaces but never a space between two CJK characters. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polib

from transflow.glossary.table import GlossaryTerm, as_terms, term_spans  # noqa: F401 - as_terms re-exported
from transflow.po.progress import DRAFT, REVIEWED, UNTRANSLATED, Progress, state, translation
from transflow.text import zh
from transflow.text.article import Paragraph
from transflow.text.roles import TITLE

__all__ = ["DRAFT", "REVIEWED", "UNTRANSLATED", "Progress"]  # entry states, re-exported for the renderers
#: Translator-comment lines written by machines (draft engines), not people: never shown to readers.
MACHINE_NOTE = re.compile(r"^\s*(?:transflow\b|machine[ -]draft|draft(?:ed)?\s*(?:by|:)|argos\b)", re.IGNORECASE)
#: Translator-comment lines meant for the team, never for readers: ``# private: ...``, ``# reviewer: ...``.
PRIVATE_NOTE = re.compile(r"^\s*(?:private|reviewer)\s*:", re.IGNORECASE)
#: The comment the draft stage writes on a machine draft (``draft.run.MARK``); other fuzzy entries are a
#: person's translation whose source changed, or one marked for review: "needs review", not "machine draft".
DRAFT_COMMENT = re.compile(r"^\s*transflow draft:", re.MULTILINE)


#: A glossary entry (the Chinese term, its approved English, a note).
Term = GlossaryTerm


@dataclass(frozen=True)
class Sentence:
    """One source sentence and what the reader sees for it on the target side."""

    zh: str
    en: str | None  # None: no translation shown (untranslated, or a draft left out)
    state: str  # REVIEWED, DRAFT (shown only with include_drafts) or UNTRANSLATED
    note: str  # the translator's comment, shown with the translation ('' when none)
    key: str  # "3.2": paragraph 3, sentence 2; pairs the two sides in the HTML
    machine: bool = False  # a DRAFT the draft stage wrote (its comment says so), not a person's fuzzy entry

    @property
    def target(self) -> str:
        """The target-side text: the translation, or the source sentence when there is none."""
        return self.en if self.en is not None else self.zh


@dataclass(frozen=True)
class Block:
    """One paragraph: its sentences and the exact whitespace the source has between them."""

    index: int
    line: int
    role: str
    sentences: tuple[Sentence, ...]
    gaps: tuple[str, ...]  # gaps[k] sits between sentence k and k+1

    @property
    def zh(self) -> str:
        out = self.sentences[0].zh
        for gap, sentence in zip(self.gaps, self.sentences[1:], strict=True):
            out += gap + sentence.zh
        return out

    @property
    def en(self) -> str:
        return join_target([s.target for s in self.sentences])


@dataclass(frozen=True)
class Credit:
    """Where a story came from, as the front matter of an imported page records it."""

    site: str = ""
    author: str = ""
    date: str = ""
    url: str = ""

    @property
    def is_news(self) -> bool:
        """An imported story (it names its site or address), not just a blog post's author and date."""
        return bool(self.site or self.url)

    def line(self) -> str:
        """``Source: 大河网 · 张三 · 2020-01-02 · https://…`` (the parts present)."""
        return "Source: " + " · ".join(x for x in (self.site, self.author, self.date, self.url) if x)


def _field(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_field(v) for v in value if _field(v))
    if isinstance(value, dict) or value is None:
        return ""
    return " ".join(str(value).split())


def credit_from(meta: dict) -> Credit | None:
    """The credit of a document's front matter (``site``, ``author``, ``date``, ``source_url``), if any."""
    credit = Credit(
        _field(meta.get("site")), _field(meta.get("author")), _field(meta.get("date")), _field(meta.get("source_url"))
    )
    return credit if any((credit.site, credit.author, credit.date, credit.url)) else None


@dataclass(frozen=True)
class Aligned:
    """A whole article aligned with one language's catalog."""

    doc: str
    lang: str
    source_lang: str
    blocks: tuple[Block, ...]
    counts: Progress  # the state of the document's distinct sentences (as msgfmt --statistics counts them)
    include_drafts: bool
    revised: str = ""  # the catalog's PO-Revision-Date, for the colophon
    credit: Credit | None = None  # where the story came from (front matter), shown by every output
    markdown: bool = False  # the source is Markdown: sentences carry inline markup to render

    @property
    def title(self) -> Block | None:
        for block in self.blocks:
            if block.role == TITLE:
                return block
        return self.blocks[0] if self.blocks else None

    def pairs(self) -> list[tuple[str, str, str]]:
        """Distinct (source, reviewed translation, note) pairs in order: the translation memory."""
        seen: dict[str, tuple[str, str, str]] = {}
        for block in self.blocks:
            for s in block.sentences:
                if s.state == REVIEWED and s.zh not in seen:
                    seen[s.zh] = (s.zh, s.en or "", s.note)
        return list(seen.values())


def separator(before: str, after: str) -> str:
    """What goes between two target-side pieces: one space, but none at an edge or between two CJK
    characters (untranslated source sentences stay as Chinese is written)."""
    return "" if not before or not after or (zh.is_cjk(before[-1]) and zh.is_cjk(after[0])) else " "


def join_target(pieces: Sequence[str]) -> str:
    """Join target-side sentences with :func:`separator`."""
    out = ""
    for piece in pieces:
        out += separator(out, piece) + piece
    return out


def human_note(tcomment: str | None) -> str:
    """The translator's own comment lines for readers: no machine-draft provenance, no private lines."""
    lines = [
        line for line in (tcomment or "").split("\n") if not MACHINE_NOTE.match(line) and not PRIVATE_NOTE.match(line)
    ]
    return "\n".join(lines).strip()


def align(
    doc: str,
    lang: str,
    paragraphs: Iterable[Paragraph],
    entries: Iterable[polib.POEntry],
    include_drafts: bool = False,
    source_lang: str = "zh",
    revised: str = "",
    credit: Credit | None = None,
) -> Aligned:
    """Pair every source sentence with its catalog entry (by msgid; obsolete entries are ignored)."""
    by_msgid = {e.msgid: e for e in entries if not e.obsolete and e.msgctxt is None and not e.msgid_plural}
    blocks: list[Block] = []
    states: dict[str, str] = {}
    for par in paragraphs:
        sentences = []
        for k, text in enumerate(par.segments, start=1):
            entry = by_msgid.get(text)
            kind = state(entry)
            states.setdefault(text, kind)
            shown = kind == REVIEWED or (kind == DRAFT and include_drafts)
            sentences.append(
                Sentence(
                    zh=text,
                    en=translation(entry) if shown and entry is not None else None,
                    state=kind if shown else UNTRANSLATED,
                    note=human_note(entry.tcomment) if shown and entry is not None else "",
                    key=f"{par.index}.{k}",
                    machine=kind == DRAFT and entry is not None and bool(DRAFT_COMMENT.search(entry.tcomment or "")),
                )
            )
        blocks.append(Block(par.index, par.line, par.role, tuple(sentences), par.gaps))
    progress = Progress.of_states(states.values())
    return Aligned(doc, lang, source_lang, tuple(blocks), progress, include_drafts, revised, credit)


Marks = dict[str, list[tuple[int, int, Term]]]


def glossary_marks(aligned: Aligned, terms: Sequence[Term]) -> Marks:
    """Where the glossary's terms are in each distinct source sentence, in reading order: found once per
    sentence, then used both to mark the terms and to list the ones the article uses."""
    marks: Marks = {}
    if terms:
        for block in aligned.blocks:
            for s in block.sentences:
                if s.zh not in marks:
                    marks[s.zh] = term_spans(s.zh, terms)
    return marks


def used_terms(marks: Marks) -> list[Term]:
    """Glossary terms that occur in the article, in order of first occurrence."""
    found: dict[str, Term] = {}
    for spans in marks.values():
        for _, _, term in spans:
            found.setdefault(term.zh, term)
    return list(found.values())
