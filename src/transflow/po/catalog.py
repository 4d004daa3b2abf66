"""PO catalogs: reading with clear errors, and writing exactly what ``msgcat --no-wrap`` prints.

polib is the data model and the parser. Its writer wraps and splits lines differently from GNU gettext,
which Poedit and msgmerge follow, so the writer here is our own: a catalog written by transflow is
byte-identical to ``msgcat --no-wrap`` of itself and a PO editor's save changes only what it must.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import polib

from transflow.po.progress import has_translation
from transflow.project.errors import InputError
from transflow.project.files import atomic_write, read_input

#: GNU gettext breaks ``#:`` reference lines at this width even with ``--no-wrap``.
PAGE_WIDTH = 79
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


_NEEDS_ESCAPE = re.compile(r'[\\"\n\t\r\a\b\f\v]')


def escape(text: str) -> str:
    """Escape a string for a PO file the way gettext does."""
    return text.translate(_ESCAPE_TABLE) if _NEEDS_ESCAPE.search(text) else text


@lru_cache(maxsize=16384)
def _field(keyword: str, value: str, prefix: str = "") -> tuple[str, ...]:
    """Lines of one keyword field; multi-line values start with ``""`` and break after each ``\\n``.

    Laid out once per distinct string and process: a sentence recurs across the documents of a run.
    """
    pieces = value.split("\n")
    lines = [p + "\n" for p in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    if len(lines) <= 1:
        return (f'{prefix}{keyword} "{escape(value)}"',)
    cont = "#~ " if prefix.startswith("#~") else prefix
    return (f'{prefix}{keyword} ""', *(f'{cont}"{escape(line)}"' for line in lines))


def _comment_lines(mark: str, text: str) -> list[str]:
    return [f"{mark} {line}" if line else mark for line in text.split("\n")] if text else []


def _references(entry: polib.POEntry) -> list[str]:
    refs = [f"{path}:{line}" if line else path for path, line in entry.occurrences]
    out: list[str] = []
    current = "#:"
    for ref in refs:
        if current != "#:" and len(current) + 1 + len(ref) > PAGE_WIDTH:
            out.append(current)
            current = "#:"
        current += " " + ref
    if current != "#:":
        out.append(current)
    return out


def render_entry(entry: polib.POEntry) -> str:
    """One entry as gettext writes it (comments, flags, previous msgid, then the strings)."""
    lines = _comment_lines("#", entry.tcomment or "")
    obsolete = bool(entry.obsolete)
    if not obsolete:
        lines += _comment_lines("#.", entry.comment or "")
        lines += _references(entry)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    prev = "#~| " if obsolete else "#| "
    if not obsolete:
        if entry.previous_msgctxt:
            lines += _field("msgctxt", entry.previous_msgctxt, prev)
        if entry.previous_msgid:
            lines += _field("msgid", entry.previous_msgid, prev)
    pre = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        lines += _field("msgctxt", entry.msgctxt, pre)
    lines += _field("msgid", entry.msgid, pre)
    if entry.msgid_plural:
        lines += _field("msgid_plural", entry.msgid_plural, pre)
        for index in sorted(entry.msgstr_plural):
            lines += _field(f"msgstr[{index}]", entry.msgstr_plural[index], pre)
    else:
        lines += _field("msgstr", entry.msgstr, pre)
    return "\n".join(lines) + "\n"


def header_text(metadata: dict[str, str]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in metadata.items())


def render_catalog(po: polib.POFile, rendered: dict[int, tuple[polib.POEntry, str]] | None = None) -> str:
    """The whole catalog as ``msgcat --no-wrap`` prints it.

    ``rendered``: entries already rendered and their text, by ``id(entry)``, filled as entries are
    rendered; for catalogs that share entry objects not changed since (a template and its new catalogs,
    or one catalog rendered again with another date), so each entry is rendered once. The entry is kept
    with its text so its id cannot be reused by another object meanwhile.
    """
    head = _comment_lines("#", po.header or "")
    if po.metadata_is_fuzzy:
        head.append("#, fuzzy")
    head += [*_field("msgid", ""), *_field("msgstr", header_text(po.metadata))]
    blocks = ["\n".join(head) + "\n"]
    live = [e for e in po if not e.obsolete]
    dead = [e for e in po if e.obsolete and has_translation(e)]
    if rendered is None:
        blocks += [render_entry(e) for e in live + dead]
    else:
        for e in live + dead:
            done = rendered.get(id(e))
            if done is None:
                done = rendered[id(e)] = (e, render_entry(e))
            blocks.append(done[1])
    return "\n".join(blocks)


def save_catalog(po: polib.POFile, path: Path) -> bool:
    """Write a catalog atomically; returns whether any byte changed."""
    return atomic_write(path, render_catalog(po))


def load_catalog(path: Path, raw: bytes | None = None) -> polib.POFile:
    """Parse a PO/POT file (or its bytes, already read), with one-line errors naming file and line."""
    raw = read_input(path, "catalog") if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: catalog is not UTF-8; re-save it as UTF-8 in your PO editor") from None
    if "\x00" in text:
        raise InputError(f"{path}: catalog contains NUL bytes; it is not a PO file")
    _check_strings(text, path)
    hidden = text.translate(_HIDE) if _SEPARATORS.search(text) else text
    try:
        po = polib.pofile(hidden, wrapwidth=0, encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}:{_error_line(str(exc))}: {_error_text(str(exc))}; fix it in a PO editor") from None
    _check_duplicates(po, path)
    if hidden is not text:
        _restore(po)
    charset = po.metadata.get("Content-Type", "")
    if "charset=" in charset and charset.split("charset=")[-1].strip().lower() not in ("utf-8", "utf8", "charset"):
        raise InputError(f"{path}: header says {charset!r}; transflow catalogs must be UTF-8")
    return po


#: A keyword or continuation line of a PO file: the quoted string must be closed on the same line.
_STRING_LINE = re.compile(r'(?:#~\|? |#\| )?(?:msg(?:id|str|ctxt|id_plural)(?:\[\d+\])? )?"(?:[^"\\]|\\.)*"\s*')
_STARTS_STRING = re.compile(r'(?:#~\|? |#\| )?(?:msg(?:id|str|ctxt|id_plural)|")')


def _check_strings(text: str, path: Path) -> None:
    """polib forgives an unterminated string at the end of a file; msgfmt does not, and neither do we."""
    for number, line in enumerate(text.split("\n"), start=1):
        if _STARTS_STRING.match(line) and not _STRING_LINE.fullmatch(line):
            raise InputError(f"{path}:{number}: malformed string (unterminated quote?); fix it in a PO editor")


#: Characters Python's ``str.splitlines`` (which polib uses) takes for line ends but gettext does not.
_SEPARATORS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_HIDE = {ord(ch): 0xF0000 + i for i, ch in enumerate("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")}
_SHOW = {v: k for k, v in _HIDE.items()}


def _restore(po: polib.POFile) -> None:
    """Put back the characters hidden from polib's line splitting, in every text field."""

    def show(value):
        return value.translate(_SHOW) if isinstance(value, str) else value

    po.header = show(po.header)
    po.metadata = {show(k): show(v) for k, v in po.metadata.items()}
    for entry in po:
        for name in (
            "msgid",
            "msgstr",
            "msgctxt",
            "msgid_plural",
            "tcomment",
            "comment",
            "previous_msgid",
            "previous_msgctxt",
            "previous_msgid_plural",
        ):
            setattr(entry, name, show(getattr(entry, name, None)))
        entry.msgstr_plural = {k: show(v) for k, v in entry.msgstr_plural.items()}
        entry.occurrences = [(show(a), show(b)) for a, b in entry.occurrences]


def _unescape(text: str) -> str:
    """polib's unescape plus ``\\a``, which gettext writes for BEL and polib leaves as two characters."""
    return re.sub(r'\\(\\|n|t|r|v|b|f|a|")', lambda m: _UNESCAPES.get(m.group(1), m.group(1)), text)


_UNESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "a": "\a", "\\": "\\"}
polib.unescape = _unescape  # the parser looks the function up at call time


def _check_duplicates(po: polib.POFile, path: Path) -> None:
    """Two entries with one msgctxt and msgid (as polib's own check, but at the second entry's line:
    polib's message names no line)."""
    first: dict[tuple[str | None, str], int] = {}
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if key in first:
            raise InputError(
                f"{path}:{entry.linenum}: duplicate entry {_clip(entry.msgid)!r} (first at line {first[key]}); "
                "keep one of the two in a PO editor"
            )
        if not entry.obsolete:
            first[key] = entry.linenum


def _clip(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _error_line(message: str) -> str:
    match = re.search(r"line (\d+)", message)
    return match.group(1) if match else "1"


def _error_text(message: str) -> str:
    return message.split(" (line")[0].rstrip(":") or "syntax error"
