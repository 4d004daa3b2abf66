"""TMX in and out of the memory, streamed: a million-unit archive never sits in memory whole.

Reading uses ``iterparse`` and clears each ``<tu>`` once read; writing emits one ``<tu>`` at a time into a
temporary file that replaces the target only when complete. The exported file is TMX 1.4: it reads back
through our own import (origins kept in ``<prop type="x-origin">``) and through Translate Toolkit's
``translate.storage.tmx``.
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from transflow import __version__
from transflow.draft.store import lang_key
from transflow.project.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ORIGIN_PROP = "x-origin"


def read_tmx(path: Path, src_lang: str) -> Iterator[tuple[str, str, str, str | None]]:
    """``(target language, source, target, origin or None)`` for each unit with a ``src_lang`` side."""
    want = lang_key(src_lang)
    root = body = None
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if root is None:
                root = elem
                if elem.tag != "tmx":
                    raise InputError(f"{path}: not a TMX file (expected <tmx> with a <body>)")
            if event == "start":
                body = elem if elem.tag == "body" and body is None else body
                continue
            if elem.tag != "tu":
                continue
            yield from _unit(elem, want)
            elem.clear()
            if body is not None:
                body.clear()  # drop every finished unit: memory stays flat however long the file is
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise InputError(f"{path}:{line}: not well-formed TMX ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if body is None:
        raise InputError(f"{path}: not a TMX file (expected <tmx> with a <body>)")


def _unit(tu: ET.Element, want: str) -> Iterator[tuple[str, str, str, str | None]]:
    segs: dict[str, str] = {}
    origin = None
    for child in tu:
        if child.tag == "prop" and child.get("type") == ORIGIN_PROP and child.text:
            origin = child.text.strip()
        if child.tag != "tuv":
            continue
        lang = child.get(XML_LANG) or child.get("lang") or ""
        seg = child.find("seg")
        if seg is not None and lang:
            text = "".join(seg.itertext()).strip()
            if text:
                segs.setdefault(lang_key(lang), text)
    source = segs.pop(want, None)
    if source:
        for tgt, text in segs.items():
            yield tgt, source, text, origin


def tmx_lang(code: str) -> str:
    return code.replace("_", "-")


def write_tmx(path: Path, units: Iterable[tuple[str, str, str, str, str]], src_lang: str) -> int:
    """Write ``(src_lang, tgt_lang, source, target, origin)`` units as TMX 1.4; returns how many."""
    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="transflow" creationtoolversion={quoteattr(__version__)} segtype="sentence" '
        f'o-tmf="transflow" adminlang="en" srclang={quoteattr(tmx_lang(src_lang))} datatype="plaintext"/>\n'
        "  <body>\n"
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(header)
            for src, tgt, source, target, origin in units:
                out.write(
                    f'    <tu>\n      <prop type="{ORIGIN_PROP}">{_text(origin)}</prop>\n'
                    f"      <tuv xml:lang={quoteattr(tmx_lang(src))}><seg>{_text(source)}</seg></tuv>\n"
                    f"      <tuv xml:lang={quoteattr(tmx_lang(tgt))}><seg>{_text(target)}</seg></tuv>\n    </tu>\n"
                )
                count += 1
            out.write("  </body>\n</tmx>\n")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # an ordinary file, as if written directly (mkstemp makes it private)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _text(value: str) -> str:
    """XML text: escaped, with characters XML 1.0 cannot carry at all dropped."""
    clean = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 0x20) if not value.isprintable() else value
    return escape(clean)
