"""Reading articles: decoding with clear errors, paragraphs with line numbers, roles and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .roles import detect_roles
from .split import split_spans, strip_paragraph

#: Line ends as editors count them: CRLF, LF, or a lone CR (old Mac files).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Legacy Chinese encodings tried only to tell the user what the file probably is.
LEGACY_ENCODINGS = ("gb18030", "big5")


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
        for legacy in LEGACY_ENCODINGS:
            try:
                raw.decode(legacy)
            except UnicodeDecodeError:
                continue
            raise InputError(
                f"{path}:{line}: not UTF-8 (looks like {legacy.upper()}); convert it or pass --encoding {legacy}"
            ) from None
        raise InputError(f"{path}:{line}: not UTF-8 text (truncated or binary); sources must be UTF-8") from None


def parse_article(text: str) -> list[Paragraph]:
    """Paragraphs of an article: one per non-empty line, with roles and sentences."""
    lines = [(n, strip_paragraph(raw)) for n, raw in enumerate(LINE_BREAK.split(text), start=1)]
    kept = [(n, t) for n, t in lines if t]
    roles = detect_roles([t for _, t in kept])
    return [
        Paragraph(line=n, index=i, text=t, role=role, segments=tuple(t[a:b] for a, b in split_spans(t)))
        for i, ((n, t), role) in enumerate(zip(kept, roles), start=1)
    ]


def read_article(path: Path, encoding: str | None = None) -> list[Paragraph]:
    """Read and parse one source file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return parse_article(decode_source(raw, path, encoding))
