"""The bilingual HTML page: one self-contained file a newsroom can open, mail, print or archive.

Everything is inline (CSS, a six-line script whose hash the Content-Security-Policy names) and nothing is
fetched, so the page works offline and cannot leak a reader's visit. Without the script everything is
still readable: the script only adds highlighting of a sentence's counterpart on the other side.
Every piece of text passes through :func:`esc` exactly once, at the point where it enters the markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Callable, Sequence

from transflow import __version__
from transflow.merge import pinyin
from transflow.merge.document import (
    DRAFT,
    REVIEWED,
    UNTRANSLATED,
    Aligned,
    Block,
    Marks,
    Sentence,
    Term,
    glossary_marks,
    separator,
    used_terms,
)
from transflow.merge.pinyin import Reader
from transflow.merge.style import CSS, STRUCTURE_CSS
from transflow.po import langs
from transflow.po.langs import display_name
from transflow.text.names import Name
from transflow.text.roles import BYLINE, CAPTION, HEADING, RELATED, TITLE

LAYOUTS = ("side-by-side", "interleaved")
NEEDS_REVIEW = "needs-review"  # a fuzzy entry that is not a machine draft (see document.DRAFT_COMMENT)
#: Renders one sentence's text as HTML: plain escaping, or inline Markdown for Markdown sources.
Inline = Callable[[str], str]
#: Roles that Markdown structure gives (list item, quoted paragraph, table cell), styled as such.
STRUCTURE_CLASSES = {"list": "list", "quote": "quote", "table": "table"}
STATE_TITLES = {
    DRAFT: "Machine draft, not yet reviewed",
    NEEDS_REVIEW: "Needs review: changed or marked fuzzy since it was translated",
    UNTRANSLATED: "Not yet translated: the source sentence is shown",
}
#: Highlights a sentence's counterpart on hover or focus. Pure enhancement; its hash goes into the CSP.
SCRIPT = (
    "(function(){var d=document;function h(e,on){var t=e.target.closest&&e.target.closest('[data-s]');"
    "if(!t)return;d.querySelectorAll('[data-s=\"'+t.getAttribute('data-s')+'\"]').forEach(function(n){"
    "n.classList.toggle('hl',on);});}"
    "['mouseover','focusin'].forEach(function(k){d.addEventListener(k,function(e){h(e,true);});});"
    "['mouseout','focusout'].forEach(function(k){d.addEventListener(k,function(e){h(e,false);});});})();"
)


def markdown_inline(text: str) -> str:
    """Inline Markdown of a Markdown source as HTML: links, emphasis, code; raw HTML shown as text."""
    from transflow.text.markdown import parser

    md = parser()
    md.options["html"] = False
    return md.renderInline(text)


def esc(text: str) -> str:
    """Escape text for HTML content and double-quoted attributes (``& < > " '``)."""
    return html.escape(text, quote=True)


def bcp47(code: str) -> str:
    """A gettext language code as an HTML ``lang`` value: zh -> zh-Hans, en_GB -> en-GB, sr@latin -> sr-Latn."""
    return langs.bcp47(code, default_script=True)


def script_hash(script: str = SCRIPT) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def csp(script: str = SCRIPT) -> str:
    """Nothing may load from anywhere: no fonts, images, frames, connections; only our own inline code."""
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


class Notes:
    """Numbers translator comments in reading order; one number per distinct sentence."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str]] = []
        self.by_source: dict[str, int] = {}

    def ref(self, sentence: Sentence) -> str:
        if not sentence.note:
            return ""
        number = self.by_source.get(sentence.zh)
        anchor = ""
        if number is None:
            number = self.by_source[sentence.zh] = len(self.items) + 1
            self.items.append((number, sentence.note))
            anchor = f' id="nref-{number}"'
        return f'<sup class="nref"><a href="#note-{number}"{anchor} aria-label="Note {number}">{number}</a></sup>'


def zh_sentence(sentence: Sentence, marks: Marks, inline: Inline = esc, reader: Reader | None = None) -> str:
    """A source sentence with its glossary terms marked (approved English on hover and focus).

    A Markdown sentence (``inline`` renders it) shows its links, emphasis and code instead of term marks.
    With a ``reader`` (``--pinyin``): pinyin over the characters and names marked with their English.
    """
    if inline is not esc:
        return f'<span class="s" data-s="{sentence.key}" tabindex="0">{inline(sentence.zh)}</span>'
    text = sentence.zh
    readings = reader.readings(text) if reader else None

    def piece(start: int, end: int) -> str:
        return esc(text[start:end]) if readings is None else pinyin.ruby(text[start:end], readings[start:end])

    spans: list[tuple[int, int, object]] = list(marks.get(text, ()))
    if reader:
        spans = sorted(spans + reader.name_spans(text, [(a, b) for a, b, _ in spans]), key=lambda sp: sp[0])
    out, pos = [], 0
    for start, end, mark in spans:
        out.append(piece(pos, start))
        if isinstance(mark, Name):
            out.append(pinyin.name_mark(mark, piece(start, end)))
        else:
            title = mark.shown + (f" ({mark.note})" if mark.note else "")
            out.append(
                f'<abbr class="term" tabindex="0" title="{esc(title)}" data-en="{esc(mark.shown)}">'
                f"{piece(start, end)}</abbr>"
            )
        pos = end
    out.append(piece(pos, len(text)))
    return f'<span class="s" data-s="{sentence.key}" tabindex="0">{"".join(out)}</span>'


def en_sentence(sentence: Sentence, source_lang: str, notes: Notes, inline: Inline = esc) -> str:
    if sentence.state == REVIEWED:
        text = inline(sentence.target)
        return f'<span class="s" data-s="{sentence.key}" tabindex="0">{text}</span>{notes.ref(sentence)}'
    attrs = f' lang="{bcp47(source_lang)}"' if sentence.en is None else ""
    return (
        f'<span class="s {sentence.state}" data-s="{sentence.key}" tabindex="0"{attrs} '
        f'title="{esc(STATE_TITLES[state_label(sentence)])}">{inline(sentence.target)}</span>{notes.ref(sentence)}'
    )


def state_label(sentence: Sentence) -> str:
    """The state a reader is told: a fuzzy entry is a machine draft only when the draft stage wrote it."""
    return NEEDS_REVIEW if sentence.state == DRAFT and not sentence.machine else sentence.state


def zh_text(block: Block, marks: Marks, inline: Inline = esc, reader: Reader | None = None) -> str:
    parts = [zh_sentence(block.sentences[0], marks, inline, reader)]
    for gap, sentence in zip(block.gaps, block.sentences[1:], strict=True):
        parts.append(esc(gap) + zh_sentence(sentence, marks, inline, reader))
    return "".join(parts)


def en_text(block: Block, source_lang: str, notes: Notes, inline: Inline = esc) -> str:
    """Target sentences, each in its own element, spaced as :func:`~transflow.merge.document.join_target` does."""
    out, previous = [], ""
    for sentence in block.sentences:
        out.append(separator(previous, sentence.target) + en_sentence(sentence, source_lang, notes, inline))
        previous = sentence.target
    return "".join(out)


def tag_for(block: Block, next_role: str | None) -> tuple[str, str]:
    """Element and class for a paragraph; a heading directly above another heading is its kicker."""
    if block.role == TITLE:
        return "h1", "title"
    if block.role == HEADING:
        return ("p", "kicker") if next_role == HEADING else ("h2", "heading")
    return "p", {BYLINE: "byline", CAPTION: "caption", RELATED: "related"}.get(
        block.role, STRUCTURE_CLASSES.get(block.role, "body")
    )


def row(
    block: Block,
    next_role: str | None,
    aligned: Aligned,
    marks: Marks,
    notes: Notes,
    reader: Reader | None = None,
) -> str:
    tag, cls = tag_for(block, next_role)
    inline = markdown_inline if aligned.markdown else esc
    src, tgt = bcp47(aligned.source_lang), bcp47(aligned.lang)
    states = {s.state for s in block.sentences}
    mark = " has-untranslated" if UNTRANSLATED in states else (" has-draft" if DRAFT in states else "")
    return (
        f'<div class="row {cls}{mark}" id="p{block.index}" data-line="{block.line}">'
        f'<{tag} class="zh" lang="{src}" data-p="{block.index}">{zh_text(block, marks, inline, reader)}</{tag}>'
        f'<{tag} class="en" lang="{tgt}" data-p="{block.index}">'
        f"{en_text(block, aligned.source_lang, notes, inline)}</{tag}>"
        "</div>"
    )


def status(aligned: Aligned, has_terms: bool, has_notes: bool, reader: Reader | None = None) -> str:
    """Counts, a progress bar and the legend: what an editor checks before publishing."""
    c = aligned.counts
    total = c.total or 1
    bar = "".join(
        f'<span class="bar-{name}" style="width:{100 * n / total:.2f}%"></span>'
        for name, n in (("reviewed", c.reviewed), ("draft", c.drafts), ("untranslated", c.untranslated))
        if n
    )
    drafts_note = "shown, marked" if aligned.include_drafts else "not shown"
    legend = ['<li><span class="chip reviewed">Reviewed</span> translation checked by a person</li>']
    if c.drafts:
        if aligned.include_drafts:
            legend.append('<li><span class="chip draft">Draft</span> machine draft or needs review, not reviewed</li>')
        else:
            legend.append("<li>Drafts awaiting review are left out (merge with --include-drafts to see them)</li>")
    legend.append('<li><span class="chip untranslated" lang="zh-Hans">原文</span> untranslated: source shown</li>')
    if has_terms:
        legend.append(
            '<li><abbr class="term chip-term">术语</abbr> glossary term: hover or focus for the approved English</li>'
        )
    if has_notes:
        legend.append('<li><sup class="nref chip-note">1</sup> translator’s note, listed at the end</li>')
    if reader:
        legend.append(pinyin.LEGEND)
    legend.append("<li>Hover or focus a sentence to see its counterpart</li>")
    return (
        '<section class="status" aria-label="Translation status">'
        f'<p class="counts"><strong>{c.shown} reviewed</strong> · {c.total} sentences: '
        f'<span class="n-reviewed">{c.reviewed} reviewed</span>, <span class="n-draft">{c.drafts} drafts '
        f"({drafts_note})</span>, "
        f'<span class="n-untranslated">{c.untranslated} untranslated</span></p>'
        f'<div class="bar" role="img" aria-label="{c.reviewed} of {c.total} sentences reviewed">{bar}</div>'
        f'<ul class="legend">{"".join(legend)}</ul>{pinyin.BUTTON if reader else ""}</section>'
    )


def notes_section(notes: Notes) -> str:
    if not notes.items:
        return ""
    items = "".join(
        f'<li id="note-{n}"><span lang="en">{"<br>".join(esc(line) for line in text.split(chr(10)))}</span> '
        f'<a class="back" href="#nref-{n}" aria-label="Back to the text">↩</a></li>'
        for n, text in notes.items
    )
    heading = '<h2 id="notes-h">Translator’s notes</h2>'
    return f'<section class="notes" aria-labelledby="notes-h">{heading}<ol>{items}</ol></section>'


def glossary_section(terms: Sequence[Term], source_lang: str, lang: str) -> str:
    if not terms:
        return ""
    rows = "".join(
        f'<tr><td lang="{bcp47(source_lang)}">{esc(t.zh)}</td><td lang="{bcp47(lang)}">{esc(t.shown)}</td>'
        f"<td>{esc(t.note)}</td></tr>"
        for t in terms
    )
    return (
        '<section class="glossary" aria-labelledby="glossary-h"><h2 id="glossary-h">Glossary</h2>'
        '<table><thead><tr><th scope="col">中文</th><th scope="col">Approved English</th><th scope="col">Note</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def render_html(
    aligned: Aligned,
    layout: str = "side-by-side",
    terms: Sequence[Term] = (),
    glossary_table: bool = False,
    source_ref: str = "",
    catalog_ref: str = "",
    reader: Reader | None = None,
) -> str:
    """The whole page for one document and language; with a ``reader``, pinyin and names (``--pinyin``)."""
    script = SCRIPT + (pinyin.SCRIPT if reader else "")
    title_block = aligned.title
    marks = glossary_marks(aligned, terms)
    notes = Notes()
    rows = []
    blocks = aligned.blocks
    for i, block in enumerate(blocks):
        next_role = blocks[i + 1].role if i + 1 < len(blocks) else None
        if i and block.role == RELATED and blocks[i - 1].role != RELATED:
            rows.append('<hr class="related-rule">')
        rows.append(row(block, next_role, aligned, marks, notes, reader))
    head_rows, body_rows = (
        (rows[:1], rows[1:])
        if title_block is not None and title_block.role == TITLE and blocks[0] is title_block
        else ([], rows)
    )
    page_title = (
        " · ".join(dict.fromkeys(x for x in (title_block.en, title_block.zh) if x)) if title_block else aligned.doc
    )
    lang_name = display_name(aligned.lang)
    structured = aligned.credit is not None or any(b.role in STRUCTURE_CLASSES for b in blocks)
    extra_css = STRUCTURE_CSS if structured else ""
    found = used_terms(marks)
    colophon = " · ".join(
        esc(x)
        for x in (
            f"Source: {source_ref}" if source_ref else "",
            f"Translation: {catalog_ref}" if catalog_ref else "",
            f"revised {aligned.revised}" if aligned.revised else "",
            f"made with transflow {__version__}",
        )
        if x
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{bcp47(aligned.lang)}" class="layout-{esc(layout)}{" pinyin" if reader else ""}">\n<head>\n'
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{esc(csp(script))}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="transflow {__version__}">\n'
        f"<title>{esc(page_title)}</title>\n<style>{CSS}{extra_css}{pinyin.CSS if reader else ''}</style>\n"
        "</head>\n<body>\n"
        '<header class="masthead">\n'
        f'<p class="edition"><span>Bilingual edition</span> <span lang="zh-Hans">中英对照</span>'
        f'<span class="pair"><span lang="zh-Hans">中文</span> → {esc(lang_name)}</span></p>\n'
        + "".join(head_rows)
        + "\n"
        + (f'<p class="credit">{esc(aligned.credit.line())}</p>\n' if aligned.credit is not None else "")
        + status(aligned, bool(found), any(s.note for b in blocks for s in b.sentences), reader)
        + "\n</header>\n<main>\n"
        '<div class="row colheads" aria-hidden="true"><div lang="zh-Hans">中文原文</div>'
        f"<div>{esc(lang_name)}</div></div>\n<article>\n"
        + "\n".join(body_rows)
        + "\n</article>\n"
        + notes_section(notes)
        + (glossary_section(found, aligned.source_lang, aligned.lang) if glossary_table else "")
        + f'\n</main>\n<footer class="colophon">{colophon}</footer>\n<script>{script}</script>\n</body>\n</html>\n'
    )
