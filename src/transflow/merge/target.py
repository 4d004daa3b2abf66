"""The translated article alone (``--layout target``): what a newsroom publishes, in the source's structure.

A Markdown source is written back through its skeleton (:func:`transflow.text.markdown.rebuild`): every
heading, list, quote, table, link, image, code block and front matter field stays where it was, and only
the prose units are replaced by their translations. A heading's anchor changes with its words, so a
heading that links inside the document point at keeps its old anchor (see :func:`keep_anchors`). A
plain-text source gives one paragraph per line, or Markdown and HTML with headings from the roles.
Sentences without a reviewed translation show the source, marked; ``--min-translated`` refuses a
document that is not finished.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from itertools import groupby
from urllib.parse import unquote

from transflow import __version__
from transflow.merge.document import DRAFT, UNTRANSLATED, Aligned, Block, join_target
from transflow.merge.html import bcp47, esc
from transflow.merge.text import md_escape
from transflow.po.langs import display_name as language_name
from transflow.text.markdown import (
    HEADING_ID,
    MarkdownSource,
    heading_slugs,
    parser,
    plain_inline,
    rebuild,
    split_front_matter,
)
from transflow.text.roles import BYLINE, CAPTION, HEADING, RELATED, TITLE

#: The anchor :func:`keep_anchors` adds to a translated heading.
ANCHOR_OPEN = re.compile(r'<a id="([^"<>]*)">')
MARKERS = {DRAFT: "draft", UNTRANSLATED: "untranslated"}
#: Link destinations that point inside the document: ``](#anchor`` in Markdown, ``href="#anchor"`` in HTML.
LOCAL_LINK = re.compile(r"(\]\(\s*<?#|href=[\"']#)([^)\s>\"']+)")


def marked(block: Block, style: str, escape: Callable[[str, bool], str] = lambda text, first: text) -> str:
    """A paragraph's target text; runs of drafts or untranslated source sentences are marked.

    ``style``: ``txt`` brackets a run (``[untranslated: 原文。]``), ``md`` puts an emphasised label before
    it (``*[untranslated]* 原文。``), ``plain`` leaves it unmarked (a YAML title, an HTML page marks by class).
    ``escape(text, opens_line)`` is applied to each run's text (Markdown built from plain text).
    """
    pieces = []
    for state, run in groupby(block.sentences, key=lambda s: s.state):
        text = escape(join_target([s.target for s in run]), not pieces and not (style == "md" and state in MARKERS))
        if state in MARKERS and style == "txt":
            text = f"[{MARKERS[state]}: {text}]"
        elif state in MARKERS and style == "md":
            text = f"*\\[{MARKERS[state]}\\]* {text}"
        pieces.append(text)
    return join_target(pieces)


def keep_anchors(source: MarkdownSource, replacements: list[str]) -> list[str]:
    """Translated headings that in-document links point at keep their old anchor, as an inline HTML anchor.

    ``## 背景`` becomes ``## Background <a id="背景"></a>``: ``[见上文](#背景)`` still lands on it on any
    renderer (GitHub, VitePress, a static site), whatever its own slug rules, and the links themselves are
    left exactly as the source has them. Headings with an explicit id keep it and need nothing.
    """
    linked = {unquote(m.group(2)) for m in LOCAL_LINK.finditer(source.text)}
    if not linked:
        return replacements
    index = {id(u): k for k, u in enumerate(source.units)}
    before = heading_slugs([h.text for h in source.headings])
    new_text = [replacements[index[id(h.unit)]] if h.unit is not None else h.text for h in source.headings]
    after = heading_slugs(new_text)
    out = list(replacements)
    for heading, old, new in zip(source.headings, before, after):
        if heading.unit is not None and not heading.explicit and old in linked and old != new:
            k = index[id(heading.unit)]
            out[k] = f'{out[k]} <a id="{html.escape(old, quote=True)}"></a>'
    return out


def target_markdown(aligned: Aligned, source: MarkdownSource | None, with_credit: bool = True) -> str:
    """The English article as Markdown: the source's own skeleton, or headings from roles for plain text."""
    if source is None:
        return _markdown_from_roles(aligned)
    replacements = [marked(b, "plain" if u.front else "md") for u, b in zip(source.units, aligned.blocks, strict=True)]
    text = rebuild(source, keep_anchors(source, replacements))
    credit = aligned.credit
    if with_credit and credit is not None and credit.is_news:
        text = text.rstrip("\r\n") + "\n\n" + f"*{md_escape(credit.line())}*\n"
    return text


def _markdown_from_roles(aligned: Aligned) -> str:
    lines = []
    for block in aligned.blocks:
        text = marked(block, "md", lambda t, first: md_escape(t, line_start=first))
        prefix = {TITLE: "# ", HEADING: "## "}.get(block.role, "")
        text = f"*{text}*" if block.role in (BYLINE, CAPTION) else text
        lines += [prefix + text, ""]
    return "\n".join(lines)


def target_text(aligned: Aligned, source: MarkdownSource | None = None) -> str:
    """Plain text: one paragraph per line, marked runs in brackets, the credit last (Markdown made plain)."""
    plain = (lambda text, first: plain_inline(text)) if source is not None else (lambda text, first: text)
    lines = [marked(b, "txt", plain) for b in aligned.blocks]
    if aligned.credit is not None:
        lines.append(aligned.credit.line())
    return "\n".join(lines) + "\n"


ARTICLE_CSS = """
:root{--ink:#1b1b1b;--paper:#fbfaf7;--muted:#67625a;--rule:#e2ddd3;--accent:#a3161a;--untr:#f0ede7}
html{background:var(--paper);color:var(--ink)}
body{margin:0 auto;max-width:42rem;padding:1.5rem 1.5rem 3rem;
font:1.125rem/1.7 Charter,"Bitstream Charter",Georgia,"Liberation Serif","DejaVu Serif",serif}
header{border-top:.35rem solid var(--accent);padding-top:1rem;margin-bottom:1.5rem}
h1{font-size:2.1rem;line-height:1.25;margin:.2rem 0 .6rem}h2{font-size:1.35rem;margin:2rem 0 .6rem}
a{color:var(--accent)}img{max-width:100%}
.credit,.byline,.caption,footer{font:.88rem/1.5 system-ui,"Segoe UI",Arial,sans-serif;color:var(--muted)}
.caption{border-left:3px solid var(--rule);padding-left:.7rem}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}
pre{overflow:auto;background:#f2efe9;padding:.8rem;font-size:.9rem}
table{border-collapse:collapse}th,td{border-bottom:1px solid var(--rule);padding:.3rem .7rem .3rem 0;text-align:left}
.untranslated,em.untr{background:var(--untr);color:var(--muted)}
footer{margin-top:3rem;border-top:1px solid var(--rule);padding-top:.6rem}
"""
#: No script at all on the article page: nothing may load, nothing may run.
ARTICLE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _html_block(block: Block, lang: str) -> str:
    parts = []
    for state, run in groupby(block.sentences, key=lambda s: s.state):
        text = esc(join_target([s.target for s in run]))
        if state in MARKERS:
            src = f' lang="{bcp47(lang)}"' if state == UNTRANSLATED else ""
            text = f'<span class="{state}"{src} title="{MARKERS[state]}">{text}</span>'
        parts.append(text)
    body = " ".join(parts)
    if block.role == TITLE:
        return f"<h1>{body}</h1>"
    if block.role == HEADING:
        return f"<h2>{body}</h2>"
    cls = {BYLINE: "byline", CAPTION: "caption", RELATED: "related"}.get(block.role)
    return f'<p class="{cls}">{body}</p>' if cls else f"<p>{body}</p>"


def _markdown_body(markdown: str) -> str:
    """Render the English Markdown; raw HTML blocks (badges, layout) are left out, inline HTML shown as text.

    Headings get the ids links point at: an explicit ``{#id}`` (taken out of the visible text), else the
    GitHub anchor of the heading's words, so ``[see](#background)`` lands on the page as in the document.
    """
    _, _, skip = split_front_matter(markdown)
    md = parser()
    tokens = [t for t in md.parse(markdown[skip:]) if t.type != "html_block"]
    heads = [i for i, t in enumerate(tokens) if t.type == "heading_open"]
    explicit: dict[int, str] = {}
    for i in heads:
        inline = tokens[i + 1]
        m = HEADING_ID.search(inline.content)
        if m and inline.children and inline.children[-1].type == "text":
            explicit[i] = re.sub(r"^[\s%{#/*]+|[\s%}*/]+$", "", m.group())
            last = inline.children[-1]
            last.content = HEADING_ID.sub("", last.content)
    for i in heads:
        children = tokens[i + 1].children or []
        kept = []
        for k, c in enumerate(children):
            m = ANCHOR_OPEN.fullmatch(c.content) if c.type == "html_inline" else None
            if m and k + 1 < len(children) and children[k + 1].content == "</a>":
                explicit.setdefault(i, html.unescape(m.group(1)))
            elif not (c.content == "</a>" and k and ANCHOR_OPEN.fullmatch(children[k - 1].content)):
                kept.append(c)
        if kept and kept[-1].type == "text":
            kept[-1].content = kept[-1].content.rstrip()
        tokens[i + 1].children = kept
    for child in (c for t in tokens for c in (t.children or []) if c.type == "html_inline"):
        child.type = "text"  # shown, escaped, never run
    slugs = heading_slugs([tokens[i + 1].content for i in heads])
    for i, anchor in zip(heads, slugs):
        tokens[i].attrSet("id", explicit.get(i, anchor))
    return md.renderer.render(tokens, md.options, {})


def target_html(aligned: Aligned, source: MarkdownSource | None) -> str:
    """A clean, self-contained English article page: no script, nothing fetched (strict CSP)."""
    title = ""
    if source is None:
        body = "\n".join(_html_block(b, aligned.source_lang) for b in aligned.blocks)
        first = next((b for b in aligned.blocks if b.role == TITLE), None)
        page_title = marked(first, "plain") if first else aligned.doc
    else:
        body = _markdown_body(target_markdown(aligned, source, with_credit=False))
        front = next((b for u, b in zip(source.units, aligned.blocks) if u.front), None)
        page_title = marked(front, "plain") if front else aligned.doc
        title = f"<h1>{esc(page_title)}</h1>\n" if front else ""
        if not front and aligned.title is not None and aligned.title.role == TITLE:
            page_title = marked(aligned.title, "plain")
    c = aligned.counts
    credit = f'<p class="credit">{_credit_html(aligned)}</p>\n' if aligned.credit else ""
    status = f"{c.shown} reviewed ({c.reviewed} of {c.total} sentences)"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{bcp47(aligned.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(ARTICLE_CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="transflow {__version__}">\n'
        f"<title>{esc(page_title)}</title>\n<style>{ARTICLE_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n{title}{credit}</header>\n<article>\n{body}\n</article>\n"
        f"<footer>{esc(language_name(aligned.lang))} translation of {esc(aligned.doc)} · {esc(status)} · "
        f"made with transflow {esc(__version__)}</footer>\n</body>\n</html>\n"
    )


def _credit_html(aligned: Aligned) -> str:
    credit = aligned.credit
    parts = [esc(x) for x in (credit.site, credit.author, credit.date) if x]
    if credit.url:
        safe = credit.url if re.match(r"https?://", credit.url) else ""
        parts.append(f'<a href="{esc(safe)}">{esc(credit.url)}</a>' if safe else esc(credit.url))
    return "Source: " + " · ".join(parts)


def render_target(aligned: Aligned, fmt: str, source: MarkdownSource | None) -> str:
    """The translated article in one format (pure)."""
    if fmt == "md":
        return target_markdown(aligned, source)
    if fmt == "txt":
        return target_text(aligned, source)
    return target_html(aligned, source)


def bilingual_markdown(aligned: Aligned, source: MarkdownSource) -> str:
    """A Markdown source in its own structure, each unit showing the Chinese, a line break, the English.

    Headings stay headings, list items list items, table cells cells (``<br>`` breaks inside all of them);
    the front matter title reads ``中文 / English``. The Chinese of every unit is exactly the source's.
    """
    replacements = []
    for unit, block in zip(source.units, aligned.blocks, strict=True):
        english = marked(block, "plain" if unit.front else "md")
        replacements.append(f"{block.zh} / {english}" if unit.front else f"{block.zh}<br>{english}")
    text = rebuild(source, replacements)
    credit = aligned.credit
    if credit is not None and credit.is_news:
        text = text.rstrip("\r\n") + "\n\n" + f"*{md_escape(credit.line())}*\n"
    return text
