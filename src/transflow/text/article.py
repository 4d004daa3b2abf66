"""Reading articles: decoding with clear errors, paragraphs with line numbers, roles and sentences."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from transflow.project.errors import InputError
from transflow.project.files import read_input
from transflow.text import zh
from transflow.text.markdown import MarkdownSource, parse_markdown, split_markdown
from transflow.text.roles import BODY, detect_roles, shape_role
from transflow.text.split import split_spans, strip_paragraph

#: Line ends as editors count them: CRLF, LF, or a lone CR (old Mac files).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Control characters have no place in an article (tab aside); they would corrupt catalogs and pages.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: cp1252 punctuation decoded as Latin-1 (a common slip in news pipelines): the C1 control characters it
#: leaves behind stand for these marks, so they are repaired, with a warning, instead of losing the article.
CP1252_MOJIBAKE = {"\x91": "‘", "\x92": "’", "\x93": "“", "\x94": "”", "\x85": "…"}
_MOJIBAKE = re.compile("[" + "".join(CP1252_MOJIBAKE) + "]")
#: The option that removes any other control character (named in the error, documented in README).
STRIP_OPTION = "--strip-control"
#: How this process reads sources; the CLI sets it from --strip-control so every stage reads alike.
READING = {"strip_control": False}
#: A paragraph longer than this is not prose but a broken file (a missing line end, a data dump).
MAX_PARAGRAPH = 200_000
#: Legacy Chinese encodings tried only to tell the user what the file probably is.
LEGACY_ENCODINGS = ("gb18030", "big5")
#: Source files read as Markdown (CommonMark + GFM tables); every other source is plain text.
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Paragraph:
    """One non-empty source line: its 1-based line number, position among paragraphs, role, sentences.

    ``spans`` are the splitter's ``(start, end)`` offsets of the sentences in ``text``; the merge keeps the
    source's own spacing between sentences from them instead of searching for each sentence again.
    """

    line: int
    index: int
    text: str
    role: str
    segments: tuple[str, ...]
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def gaps(self) -> tuple[str, ...]:
        """The exact text between consecutive sentences (``gaps[k]`` sits between sentence k and k+1)."""
        return tuple(self.text[a[1] : b[0]] for a, b in zip(self.spans, self.spans[1:]))


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
                f"{path}:{line}: not UTF-8 (looks like {legacy.upper()}); convert it, pass --encoding {legacy} "
                f'or set source_encoding = "{legacy}" in transflow.toml'
            ) from None
        raise InputError(f"{path}:{line}: not UTF-8 text (truncated or binary); sources must be UTF-8") from None


def _plausibility(text: str) -> float:
    """Share of characters a Chinese article is made of; a wrong legacy decoding yields symbols and Greek."""
    good = sum(1 for ch in text if zh.is_common_han(ch) or ch.isascii() or ch in zh.COMMON_PUNCTUATION)
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


def _where(text: str, offset: int) -> str:
    """``line:column`` of an offset, both 1-based, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def _summary(found: list[re.Match], how: Callable[[str], str]) -> str:
    """``3 control characters (U+0093 → “, U+0094 → ”)``: how many, and each kind once."""
    kinds = ", ".join(how(ch) for ch in sorted({m.group() for m in found}))
    return f"{len(found)} control {'character' if len(found) == 1 else 'characters'} ({kinds})"


def clean_text(text: str, path: Path | str, strip_control: bool = False) -> tuple[str, list[str]]:
    """Repair cp1252 mojibake; with ``strip_control`` remove every other control character.

    Returns the text and one warning line per kind of change (naming where the first one is), so a
    document gets one line however many stray bytes it has. Pure: the caller decides where warnings go.
    """
    warnings: list[str] = []
    found = list(_MOJIBAKE.finditer(text))
    if found:
        what = _summary(found, lambda ch: f"U+{ord(ch):04X} → {CP1252_MOJIBAKE[ch]}")
        warnings.append(f"{path}:{_where(text, found[0].start())}: repaired {what}: cp1252 punctuation read as Latin-1")
        text = _MOJIBAKE.sub(lambda m: CP1252_MOJIBAKE[m.group()], text)
    if strip_control:
        found = list(CONTROL.finditer(text))
        if found:
            what = _summary(found, lambda ch: f"U+{ord(ch):04X}")
            warnings.append(f"{path}:{_where(text, found[0].start())}: removed {what} as {STRIP_OPTION} asks")
            text = CONTROL.sub("", text)
    return text, warnings


def check_text(text: str, path: Path | str) -> None:
    """Refuse control characters and absurdly long lines, naming line and column."""
    bad = CONTROL.search(text)
    if bad:
        raise InputError(
            f"{path}:{_where(text, bad.start())}: control character U+{ord(bad.group()):04X} in the text; "
            f"remove it, or pass {STRIP_OPTION} to drop control characters"
        )
    for n, line in enumerate(LINE_BREAK.split(text), start=1):
        if len(line) > MAX_PARAGRAPH:
            raise InputError(
                f"{path}:{n}: a paragraph of {len(line):,} characters (limit {MAX_PARAGRAPH:,}); "
                "is a line end missing? Split it into paragraphs, one per line"
            )


def _to_stderr(message: str) -> None:
    print(f"transflow: warning: {message}", file=sys.stderr)


def parse_article(text: str) -> list[Paragraph]:
    """Paragraphs of an article: one per non-empty line, with roles and sentences."""
    lines = [(n, strip_paragraph(raw)) for n, raw in enumerate(LINE_BREAK.split(text), start=1)]
    kept = [(n, t) for n, t in lines if t]
    roles = detect_roles([t for _, t in kept])
    out = []
    for i, ((n, t), role) in enumerate(zip(kept, roles), start=1):
        spans = tuple(split_spans(t))
        out.append(Paragraph(line=n, index=i, text=t, role=role, segments=tuple(t[a:b] for a, b in spans), spans=spans))
    return out


def markdown_paragraphs(source: MarkdownSource) -> list[Paragraph]:
    """Paragraphs of a Markdown source: one per unit, roles from the structure, sentences whole in markup.

    A plain paragraph may still be a byline, a photo caption or a subheading by its shape (imported news
    pages set those as paragraphs); structure decides everything else.
    """
    out = []
    for i, u in enumerate(source.units, start=1):
        spans = tuple(split_markdown(u.text))
        role = shape_role(u.text) if u.role == BODY else u.role
        out.append(Paragraph(u.line, i, u.text, role, tuple(u.text[a:b] for a, b in spans), spans))
    return out


def read_text(
    path: Path,
    encoding: str | None = None,
    strip_control: bool | None = None,
    warn: Callable[[str], None] = _to_stderr,
) -> str:
    """A source file's text, decoded, repaired and checked; repairs are reported through ``warn``.

    ``strip_control`` defaults to how this process reads sources (``READING``, set by the CLI).
    """
    text = decode_source(read_input(path), path, encoding)
    strip = READING["strip_control"] if strip_control is None else strip_control
    text, warnings = clean_text(text, path, strip)
    check_text(text, path)
    for line in warnings:
        warn(line)
    return text


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def read_source(
    path: Path, encoding: str | None = None, strip_control: bool | None = None, warn: Callable[[str], None] = _to_stderr
) -> tuple[list[Paragraph], MarkdownSource | None]:
    """Paragraphs of one source file, and for Markdown the parsed document (skeleton, units, front matter)."""
    text = read_text(path, encoding, strip_control, warn)
    if is_markdown(path):
        source = parse_markdown(text)
        return markdown_paragraphs(source), source
    return parse_article(text), None


def read_article(
    path: Path, encoding: str | None = None, strip_control: bool | None = None, warn: Callable[[str], None] = _to_stderr
) -> list[Paragraph]:
    """Read and parse one source file: plain text (one paragraph per line) or Markdown."""
    return read_source(path, encoding, strip_control, warn)[0]
