"""Decoding saved news pages, which often lie about their encoding.

Order of trust: the bytes themselves (valid UTF-8 is UTF-8, whatever a ``<meta>`` says: browsers save
pages as UTF-8 and keep the old tag), then the page's own ``<meta>`` charset (never a ``charset=`` on a
``<script>``, which archive toolbars insert before the page's head), then a guess between the Chinese
legacy encodings. GB2312 and GBK are read as GB18030, their superset, so a character outside GB2312 does
not break the page; a byte sequence that is still invalid becomes one replacement character, not a
failed import.
"""

from __future__ import annotations

import codecs
import re

#: Declared charsets read as a superset that decodes every page the declared one does.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs"}
#: ``<meta charset=X>`` or ``<meta http-equiv="Content-Type" content="text/html; charset=X">``.
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
#: How far into the page a ``<meta>`` charset is looked for (browsers look at the first 1024 bytes; saved
#: and archived pages push it further down).
META_WINDOW = 65536
#: Legacy encodings tried, in order, when nothing else decides.
FALLBACKS = ("gb18030", "big5hkscs")


def declared_charset(raw: bytes) -> str | None:
    """The charset a page's own ``<meta>`` declares, normalised; None when absent or unknown."""
    for m in META_CHARSET.finditer(raw[:META_WINDOW]):
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        return SUPERSETS.get(name, name)
    return None


def _han_share(text: str) -> float:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    bad = text.count("\ufffd") + sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    return (han - 10 * bad) / max(len(text), 1)


def decode_page(raw: bytes) -> tuple[str, str]:
    """(text, encoding used) of a saved page."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", "replace"), "utf-8"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(raw)
    if declared and declared not in ("utf-8", "utf8"):
        return raw.decode(declared, "replace"), declared
    best = max(FALLBACKS, key=lambda enc: _han_share(raw.decode(enc, "replace")))
    return raw.decode(best, "replace"), best
