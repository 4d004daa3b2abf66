"""Reading articles: decoding with clear errors, paragraphs with line numbers, roles and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from transflow.project.errors import InputError
from transflow.text.markdown import MarkdownSource, parse_markdown, split_markdown
from transflow.text.roles import BODY, detect_roles, shape_role
from transflow.text.split import split_spans, strip_paragraph

#: Line ends as editors count them: CRLF, LF, or a lone CR (old Mac files).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Control characters have no place in an article (tab aside); they would corrupt catalogs and pages.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A paragraph longer than this is not prose but a broken file (a missing line end, a data dump).
MAX_PARAGRAPH = 200_000
#: Legacy Chinese encodings tried only to tell the user what the file probably is.
LEGACY_ENCODINGS = ("gb18030", "big5")
#: Source files read as Markdown (CommonMark + GFM tables); every other source is plain text.
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Paragraph:
    """One non-empty source line: its 1-based line number, position among paragraphs, role, sentences."""

    line: int
    index: int
    text: str
    role: str
    segments: tuple[str, ...]


def decode_source(raw: bytes, path: Path | str, encoding: str | None = None) -> str:
    """Decode a source file; refuse binary and non-UTF-8 files with a hint, unless an encoding is given."""
    if b"\x00" in raw:
        raise InputError(f"{path}: binary file (NUL bytes); sources must be UTF-8 plain text")
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InputError(f"{path}:{line}: not valid {encoding}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        legacy = guess_legacy_encoding(raw)
        if legacy:
            raise InputError(
                f"{path}:{line}: not UTF-8 (looks like {legacy.upper()}); convert it or pass --encoding {legacy}"
            ) from None
        raise InputError(f"{path}:{line}: not UTF-8 text (truncated or binary); sources must be UTF-8") from None


def _plausibility(text: str) -> float:
    """Share of characters a Chinese article is made of; a wrong legacy decoding yields symbols and Greek."""
    good = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isascii() or ch in "。，、；：？！“”‘’（）《》…—")
    return good / max(len(text), 1)


def guess_legacy_encoding(raw: bytes) -> str | None:
    """GB18030 or Big5, whichever decodes to the more plausible Chinese text (both decode almost anything)."""
    scores = {}
    for legacy in LEGACY_ENCODINGS:
        try:
            scores[legacy] = _plausibility(raw.decode(legacy))
        except UnicodeDecodeError:
            continue
    return max(scores, key=scores.get) if scores else None


def check_text(text: str, path: Path | str) -> None:
    """Refuse control characters and absurdly long lines, naming line and column."""
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(
            f"{path}:{line}:{column}: control character U+{ord(bad.group()):04X} in the text; remove it and run again"
        )
    for n, line in enumerate(LINE_BREAK.split(text), start=1):
        if len(line) > MAX_PARAGRAPH:
            raise InputError(
                f"{path}:{n}: a paragraph of {len(line):,} characters (limit {MAX_PARAGRAPH:,}); "
                "is a line end missing? Split it into paragraphs, one per line"
            )


def parse_article(text: str) -> list[Paragraph]:
    """Paragraphs of an article: one per non-empty line, with roles and sentences."""
    lines = [(n, strip_paragraph(raw)) for n, raw in enumerate(LINE_BREAK.split(text), start=1)]
    kept = [(n, t) for n, t in lines if t]
    roles = detect_roles([t for _, t in kept])
    return [
        Paragraph(line=n, index=i, text=t, role=role, segments=tuple(t[a:b] for a, b in split_spans(t)))
        for i, ((n, t), role) in enumerate(zip(kept, roles), start=1)
    ]


def markdown_paragraphs(source: MarkdownSource) -> list[Paragraph]:
    """Paragraphs of a Markdown source: one per unit, roles from the structure, sentences whole in markup.

    A plain paragraph may still be a byline, a photo caption or a subheading by its shape (imported news
    pages set those as paragraphs); structure decides everything else.
    """
    return [
        Paragraph(
            u.line,
            i,
            u.text,
            shape_role(u.text) if u.role == BODY else u.role,
            tuple(u.text[a:b] for a, b in split_markdown(u.text)),
        )
        for i, u in enumerate(source.units, start=1)
    ]


def read_text(path: Path, encoding: str | None = None) -> str:
    """A source file's text, decoded and checked."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode_source(raw, path, encoding)
    check_text(text, path)
    return text


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def read_source(path: Path, encoding: str | None = None) -> tuple[list[Paragraph], MarkdownSource | None]:
    """Paragraphs of one source file, and for Markdown the parsed document (skeleton, units, front matter)."""
    text = read_text(path, encoding)
    if is_markdown(path):
        source = parse_markdown(text)
        return markdown_paragraphs(source), source
    return parse_article(text), None


def read_article(path: Path, encoding: str | None = None) -> list[Paragraph]:
    """Read and parse one source file: plain text (one paragraph per line) or Markdown."""
    return read_source(path, encoding)[0]
