"""Markdown sources: which parts of a CommonMark + GFM document a translator sees, and where they sit.

A Markdown document is read as a *skeleton* plus *units*. A unit is one run of prose (a heading, a
paragraph, a list item's paragraph, a quoted paragraph, a table cell, the alt text of a lone image, the
front matter's ``title``) with its exact character span in the source. Everything outside the units (list
markers, ``>``, fences and their code, HTML blocks, table pipes, heading ids, front matter) is skeleton and
is copied through untouched, so writing the document back with every unit replaced by itself gives the
source again, and replacing units by translations gives the translated document in the same structure.

Inline markup stays in the unit as Markdown (``**重要**``, ``[官网](https://…)``, `` `code` ``): Poedit
shows it plainly, a translator edits around it as in any Markdown editor, and the ``markup`` check rule
refuses a reviewed translation that changes a link target, a code span, an image or the emphasis. A
sentence break never falls inside a code span, a link, an image or an emphasis run (they are merged back
into one segment), so every entry carries whole markup.

Parsing uses markdown-it-py (block structure, line maps); locating a unit in its lines is done here.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field

from transflow.text.roles import BODY, CAPTION, HEADING, TITLE
from transflow.text.split import split_spans
from transflow.text.zh import is_cjk

LIST, QUOTE, TABLE = "list", "quote", "table"
#: Front matter: a YAML block between ``---`` lines at the very top (Jekyll, Hugo, VitePress, dumi).
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
#: Heading-id syntaxes of site generators, kept with the skeleton (never translated, never in a msgid):
#: ``{#id}`` (Pandoc, VitePress, dumi), ``{/*id*/}`` (MDX), ``%{#id}%`` (Pinia docs).
HEADING_ID = re.compile(r"\s*(?:\{#[^{}\s]+\}|\{/\*[^{}]*?\*/\}|%\{#[^{}\s]+\}%)\s*$")
#: A lone image (possibly linked) as a whole paragraph: its alt text is the unit, the rest skeleton.
LONE_IMAGE = re.compile(r"^\[?!\[(?P<alt>(?:[^\[\]\\]|\\.)*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)(?:\]\([^()\s]*\))?$")
#: Text with nothing to translate from Chinese (code-like labels, English badges) stays skeleton.
HAN_OR_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af\U00020000-\U0002fa1f]")

#: Inline constructs a sentence break must not cut (found after escapes are masked).
PROTECTED = re.compile(
    r"""(?P<code>(`+)(?:.+?)(?<!`)\2(?!`))
    | !?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)|\[[^\]]*\])
    | <[A-Za-z][^<>\n]*> | </[A-Za-z][^<>\n]*>
    | \*\*(?=\S).+?(?<=\S)\*\* | __(?=\S).+?(?<=\S)__ | ~~(?=\S).+?(?<=\S)~~
    | (?<![\w*])\*(?=[^\s*]).+?(?<=[^\s*])\*(?![\w*]) | (?<![\w_])_(?=[^\s_]).+?(?<=[^\s_])_(?![\w_])
    """,
    re.VERBOSE,
)
#: The fence lines of VitePress/markdown-it-container blocks (``::: tip 标题``, ``:::``).
CONTAINER_FENCE = re.compile(r"^\s*:{3,}")
ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")


def parser():
    """CommonMark with GFM tables and strikethrough, as code-hosting sites render documents.

    markdown-it and PyYAML are imported when a Markdown source is read, so plain-text runs start as fast
    as before.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


@dataclass(frozen=True)
class Unit:
    """One translatable run: ``text`` is ``source[start:end]`` (front matter title: the YAML value)."""

    start: int
    end: int
    line: int  # 1-based line of the unit in the source file
    role: str
    text: str
    front: bool = False  # the front matter's title: written back as a YAML scalar


@dataclass(frozen=True)
class Heading:
    """A heading of the document: its inline text, its unit (None when not translated), explicit id or not."""

    text: str
    unit: Unit | None
    explicit: bool


@dataclass
class MarkdownSource:
    """A parsed Markdown document: its text, front matter fields, units in reading order, headings."""

    text: str
    meta: dict = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


def _mask_escapes(text: str) -> str:
    """Backslash escapes as two inert characters, so ``\\*`` or ``\\[`` opens no protected span."""
    return ESCAPED.sub("\x00\x00", text)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of code, links, images, HTML tags and emphasis runs in one unit of inline Markdown."""
    return [m.span() for m in PROTECTED.finditer(_mask_escapes(text))]


def split_markdown(text: str) -> list[tuple[int, int]]:
    """Sentence spans of inline Markdown: the Chinese rules, never breaking inside a protected span."""
    spans = split_spans(text)
    guard = protected_spans(text)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and any(a < out[-1][1] < b or a < start < b for a, b in guard):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


def _line(text: str, starts: list[int], n: int) -> str:
    """Line ``n`` (0-based) without its line end."""
    end = starts[n + 1] if n + 1 < len(starts) else len(text)
    return text[starts[n] : end].rstrip("\r\n")


def split_front_matter(text: str) -> tuple[str, dict, int]:
    """(front matter block, its fields, its length); a block that is not a YAML map is kept, its fields ignored."""
    m = FRONT_MATTER.match(text)
    if not m:
        return "", {}, 0
    import yaml

    try:
        meta = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError:
        meta = {}
    return m.group(), meta if isinstance(meta, dict) else {}, m.end()


def _front_title(text: str, block: str, meta: dict) -> Unit | None:
    """The ``title:`` line of the front matter, if its value is a one-line string worth translating."""
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    m = re.search(r"^title:[ \t]*(.*?)[ \t\r]*$", block, re.MULTILINE)
    if not m or not m.group(1) or m.group(1)[0] in "|>":
        return None
    line = block.count("\n", 0, m.start()) + 1
    offset = text.find(block)
    return Unit(offset + m.start(1), offset + m.end(1), line, TITLE, title.strip(), front=True)


def _inline_units(text: str, starts: list[int], first: int, content: str, role: str) -> list[Unit]:
    """Locate inline ``content`` (lines joined by ``\\n`` as markdown-it gives it) from source line ``first``.

    Lines that open or close a site generator's container (``::: tip``, ``:::``) are skeleton: they split
    the paragraph into separate units instead of being translated; so does a hard line break.
    """
    units: list[Unit] = []
    group: list[tuple[int, int, str]] = []  # (absolute start, absolute end, piece)

    def flush() -> None:
        if group:
            units.append(
                Unit(group[0][0], group[-1][1], _line_no(starts, group[0][0]), role, joined([g[2] for g in group]))
            )
            group.clear()

    pieces = content.split("\n")
    for k, piece in enumerate(pieces):
        line = _line(text, starts, first + k)
        pos = line.find(piece)
        if pos < 0:
            return []
        if CONTAINER_FENCE.match(piece):
            flush()
            continue
        hard = k + 1 < len(pieces) and (line.endswith("  ") or piece.endswith("\\"))
        piece = piece[:-1] if hard and piece.endswith("\\") else piece
        begin = starts[first + k] + pos + len(piece) - len(piece.lstrip())
        group.append((begin, begin + len(piece.strip()), piece))
        if hard:  # a hard line break keeps its line: each line is its own unit
            flush()
    flush()
    return units


def _line_no(starts: list[int], offset: int) -> int:
    """1-based line number of a character offset."""
    return bisect.bisect_right(starts, offset)


def joined(pieces: list[str]) -> str:
    """Soft-wrapped lines as one line: no space between two CJK characters, one space otherwise."""
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if out and not (is_cjk(out[-1]) and is_cjk(piece[0])):
            out += " "
        out += piece
    return out


def _table_cells(text: str, starts: list[int], n: int) -> list[Unit]:
    """The cells of one GFM table row line as units (raw text, escaped pipes kept as written)."""
    line = _line(text, starts, n)
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    edges = [-1] + bounds + [len(line)]
    units = []
    for a, b in zip(edges, edges[1:]):
        raw = line[a + 1 : b]
        cell = raw.strip()
        if not cell:
            continue
        pos = a + 1 + raw.find(cell)
        units.append(Unit(starts[n] + pos, starts[n] + pos + len(cell), n + 1, TABLE, cell))
    return units


def _trim_heading_id(unit: Unit) -> Unit:
    m = HEADING_ID.search(unit.text)
    if not m or unit.text[: m.start()].strip() == "":
        return unit
    kept = unit.text[: m.start()]
    return Unit(unit.start, unit.end - (len(unit.text) - len(kept)), unit.line, unit.role, kept)


def _lone_image(unit: Unit) -> Unit | None:
    """A paragraph that is only an image: its alt text as a caption unit (the URL stays skeleton)."""
    m = LONE_IMAGE.match(unit.text)
    if not m:
        return unit
    alt = m.group("alt")
    if not alt.strip():
        return None
    start = unit.start + m.start("alt")
    return Unit(start, start + len(alt), unit.line, CAPTION, alt)


def parse_markdown(text: str) -> MarkdownSource:
    """The units of a Markdown document, in reading order (front matter title first)."""
    block, meta, skip = split_front_matter(text)
    # the front matter lines become blank lines for markdown-it, so its line map stays the file's
    body = re.sub(r"[^\r\n]", "", text[:skip]) + text[skip:]
    starts = _line_starts(text)
    units: list[Unit] = []
    title_unit = _front_title(text, block, meta) if block else None
    if title_unit:
        units.append(title_unit)
    containers: list[str] = []
    headings: list[Heading] = []
    tokens = parser().parse(body)
    has_title = title_unit is not None
    pending_heading = ""
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            containers.append(LIST)
        elif tok.type == "blockquote_open":
            containers.append(QUOTE)
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif tok.type == "heading_open":
            pending_heading = TITLE if tok.tag == "h1" and not has_title else HEADING
            has_title = has_title or pending_heading == TITLE
        elif tok.type == "tr_open" and tok.map:
            units += _table_cells(text, starts, tok.map[0])
        elif tok.type == "inline" and tok.map and tokens[i - 1].type in ("paragraph_open", "heading_open"):
            role = pending_heading if tokens[i - 1].type == "heading_open" else (containers[-1] if containers else BODY)
            found = _inline_units(text, starts, tok.map[0], tok.content, role)
            if tokens[i - 1].type == "heading_open":
                found = [_trim_heading_id(u) for u in found]
                unit = found[0] if len(found) == 1 and HAN_OR_CJK.search(found[0].text) else None
                headings.append(Heading(tok.content, unit, bool(HEADING_ID.search(tok.content))))
            else:
                found = [_lone_image(u) for u in found]
            units += [u for u in found if u is not None]
    return MarkdownSource(text, meta, [u for u in units if HAN_OR_CJK.search(u.text)], headings)


def yaml_scalar(value: str) -> str:
    """A one-line YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def rebuild(source: MarkdownSource, replacements: list[str]) -> str:
    """The source with each unit's span replaced by the given text (one per unit, in order)."""
    out, pos = [], 0
    for unit, new in sorted(zip(source.units, replacements), key=lambda p: p[0].start):
        out.append(source.text[pos : unit.start])
        out.append(yaml_scalar(new) if unit.front else new.replace("\n", " "))
        pos = unit.end
    out.append(source.text[pos:])
    return "".join(out)


def markdown_structure(text: str) -> list[tuple]:
    """What a reader sees as a document's shape: block and inline tags with their nesting, link targets,
    image sources, code and HTML (the words themselves left out). Two documents with the same structure
    render to the same layout; used to prove that writing a document back keeps it intact."""
    _, _, skip = split_front_matter(text)
    out: list[tuple] = []

    def walk(tokens) -> None:
        for t in tokens:
            if t.type in ("text", "softbreak"):
                continue
            item: tuple = (t.type, t.tag, t.nesting)
            if t.type == "link_open":
                item += (t.attrGet("href"),)
            elif t.type == "image":
                item += (t.attrGet("src"),)
            elif t.type in ("code_inline", "fence", "code_block", "html_block", "html_inline"):
                item += (t.content,)
            out.append(item)
            walk(t.children or [])

    walk(parser().parse(text[skip:]))
    return out


#: What GitHub drops from a heading's text to make its anchor (all but letters, marks, digits, ``_ -``).
SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def plain_inline(text: str) -> str:
    """The visible text of inline Markdown (markup and link targets removed)."""
    tokens = parser().parseInline(text)
    return "".join(c.content for t in tokens for c in (t.children or []) if c.type in ("text", "code_inline"))


def slug(text: str) -> str:
    """GitHub's heading anchor for a heading's inline Markdown (before de-duplication)."""
    return SLUG_DROP.sub("", plain_inline(text).strip().lower()).replace(" ", "-")


def heading_slugs(headings: list[str]) -> list[str]:
    """Anchors of a document's headings in order, de-duplicated as GitHub does (``a``, ``a-1``, ``a-2``)."""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        base = slug(heading)
        n = seen.get(base, 0)
        out.append(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return out


#: Characters that could open inline markup in plain prose (code, emphasis, links, HTML, strikethrough).
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~]|&(?=#?\w+;))")
#: What opens a block when it starts a line: headings, quotes, lists, rules, setext underlines, tables.
BLOCK_START = re.compile(r"^(?:>|\||#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=]{2,}\s*$|\d{1,9}(?=[.)](?:\s|$)))")


def escape_markdown(text: str) -> str:
    """Plain prose as one Markdown paragraph that renders as exactly that text (CommonMark escapes)."""
    out = INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    m = BLOCK_START.match(out)
    if m:
        out = out[: m.end()] + "\\" + out[m.end() :] if m.group().isdigit() else "\\" + out
    return out
