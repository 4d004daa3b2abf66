"""Markdown and plain-text parallel documents, from the same aligned model as the HTML page.

Markdown is written for code-hosting sites (CommonMark + GFM tables): a two-column table, one row per
paragraph, so a pull request shows source and translation side by side. Every character that Markdown,
GFM or HTML could read as markup is backslash-escaped; CommonMark turns ``\\x`` back into ``x`` for any
ASCII punctuation, so the rendered cells are the source text exactly. Plain text interleaves paragraphs.
"""

from __future__ import annotations

import re
from itertools import groupby

from transflow.merge.document import DRAFT, UNTRANSLATED, Aligned, Block, join_target
from transflow.po.langs import display_name
from transflow.text.roles import BYLINE, CAPTION, HEADING, TITLE

#: ASCII characters with a meaning in inline Markdown, GFM (tables, strikethrough, math) or inline HTML;
#: ``:`` only before a word (GitHub's :emoji: codes).
MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&$!]|:(?=\w))")
#: What opens a block when it starts a line: headings, lists, quotes, thematic breaks, setext underlines.
MD_BLOCK_START = re.compile(r"^(?:[#>+=-]|\d+(?=[.)]))")
MARKERS = {DRAFT: "draft", UNTRANSLATED: "untranslated"}


def md_escape(text: str, line_start: bool = False) -> str:
    """Backslash-escape Markdown specials; newlines (never in a paragraph) become spaces.

    CommonMark turns a backslash before any ASCII punctuation back into the character, so the rendered
    text is exactly ``text``. ``line_start``: the text opens a line, so block markers are escaped too.
    """
    out = MD_INLINE.sub(r"\\\1", text.replace("\n", " "))
    if line_start:
        match = MD_BLOCK_START.match(out)
        if match:
            end = match.end()
            out = out[:end] + "\\" + out[end:] if match.group().isdigit() else "\\" + out
    return out


def _md_target(block: Block, notes: list[str]) -> str:
    """Target cell: escaped sentences, drafts and untranslated ones labelled, note numbers after theirs."""
    pieces = []
    for s in block.sentences:
        text = md_escape(s.target)
        if s.state in MARKERS:
            text = f"*\\[{MARKERS[s.state]}\\]* {text}"
        if s.note:
            notes.append(f"{md_escape(s.zh, line_start=True)} — {md_escape(s.note)}")
            text += f"<sup>\\[{len(notes)}\\]</sup>"
        pieces.append(text)
    return join_target(pieces)


def _styled(text: str, role: str) -> str:
    if role in (TITLE, HEADING):
        return f"**{text}**"
    if role in (BYLINE, CAPTION):
        return f"*{text}*"
    return text


def render_markdown(aligned: Aligned, source_ref: str = "", catalog_ref: str = "") -> str:
    """A GFM document: title heading, status line, then a two-column table (source | translation)."""
    c = aligned.counts
    title = aligned.title
    heading = md_escape(title.en if title else aligned.doc, line_start=True)
    lines = [f"# {heading}", ""]
    if title and title.en != title.zh:
        lines += [md_escape(title.zh, line_start=True), ""]
    drafts = "shown, marked *\\[draft\\]*" if aligned.include_drafts else "not shown"
    lines += [
        f"**{c.shown} reviewed** · {c.total} sentences: {c.reviewed} reviewed, {c.drafts} drafts ({drafts}), "
        f"{c.untranslated} untranslated (source shown, marked *\\[untranslated\\]*)",
        "",
        *([f"*{md_escape(aligned.credit.line())}*", ""] if aligned.credit is not None else []),
        f"| 中文 | {md_escape(display_name(aligned.lang))} |",
        "|---|---|",
    ]
    notes: list[str] = []
    for block in aligned.blocks:
        target = _md_target(block, notes)
        zh_cell = md_escape(block.zh)
        lines.append(f"| {_styled(zh_cell, block.role)} | {_styled(target, block.role)} |")
    if notes:
        lines += ["", "## Translator’s notes", ""] + [f"{n}. {text}" for n, text in enumerate(notes, start=1)]
    refs = " · ".join(md_escape(x) for x in (source_ref, catalog_ref) if x)
    if refs:
        lines += ["", f"<sub>{refs}</sub>"]
    return "\n".join(lines) + "\n"


def render_text(aligned: Aligned) -> str:
    """Plain text: each source paragraph exactly as in the source, its translation on the next line.

    Runs of drafts or untranslated sentences are bracketed once: ``[untranslated: 原文。原文。]``.
    """
    c = aligned.counts
    out = [
        f"{aligned.doc} ({aligned.source_lang} -> {aligned.lang}): {c.reviewed} reviewed, {c.drafts} drafts"
        f"{'' if aligned.include_drafts else ' (not shown)'}, {c.untranslated} untranslated of {c.total} sentences",
        "",
    ]
    if aligned.credit is not None:
        out[1:1] = [aligned.credit.line()]
    for block in aligned.blocks:
        pieces = []
        for state, run in groupby(block.sentences, key=lambda s: s.state):
            text = join_target([s.target for s in run])
            pieces.append(f"[{MARKERS[state]}: {text}]" if state in MARKERS else text)
        out += [block.zh, join_target(pieces), ""]
    notes = [(s.zh, s.note) for b in aligned.blocks for s in b.sentences if s.note]
    if notes:
        out += (
            ["Translator's notes:"] + [f"{n}. {zh_text}: {note}" for n, (zh_text, note) in enumerate(notes, 1)] + [""]
        )
    return "\n".join(out)
