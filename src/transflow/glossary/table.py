"""The project glossary: approved English for Chinese terms, read from CSV (``zh,en,note``) or TBX.

The glossary feeds every stage: jieba's user dictionary (terms segment as whole words), ``#.`` notes
in the catalogs, the ``glossary`` check, draft comments, and the marks on the merged HTML page.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transflow.po.langs import primary
from transflow.project.config import Config
from transflow.project.errors import InputError
from transflow.project.files import atomic_write, read_input

HEADER = ["zh", "en", "note"]
#: Separates accepted alternatives in the English column: ``control|prevention and control``.
ALTERNATIVES = re.compile(r"[|;/]")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class GlossaryTerm:
    """One approved rendering; ``note`` is context for the translator (may be empty).

    A term with no English yet (a proposal from ``transflow terms`` appended to the CSV) still keeps
    jieba from splitting it, but no note or check asks for a rendering until someone approves one.
    """

    zh: str
    en: str
    note: str = ""

    @property
    def alternatives(self) -> tuple[str, ...]:
        """Every accepted English rendering; the first is the preferred one."""
        return tuple(alt.strip() for alt in ALTERNATIVES.split(self.en) if alt.strip())

    @property
    def shown(self) -> str:
        """The English as notes, messages and the page show it: ``control or prevention and control``."""
        return " or ".join(self.alternatives)


def parse_csv(text: str, where: str = "glossary.csv") -> list[GlossaryTerm]:
    """Parse ``zh,en,note`` rows (header optional); bad rows raise an error naming the line."""
    terms: list[GlossaryTerm] = []
    seen: dict[str, tuple[int, str]] = {}
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        for row in reader:
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if [c.strip().lower() for c in row[:3]] == HEADER[: len(row[:3])] and line == 1:
                continue
            if len(row) < 2 or len(row) > 3:
                raise InputError(f"{where}:{line}: expected 2 or 3 columns (zh,en,note), found {len(row)}")
            zh, en, note = (c.strip() for c in (row + [""])[:3])
            if not zh:
                raise InputError(f"{where}:{line}: the Chinese term (first column) is empty")
            if zh in seen and seen[zh][1] != en:
                raise InputError(f"{where}:{line}: {zh} already has the English {seen[zh][1]!r} (line {seen[zh][0]})")
            if zh not in seen:
                seen[zh] = (line, en)
                terms.append(GlossaryTerm(zh, en, note))
    except csv.Error as exc:
        raise InputError(f"{where}:{reader.line_num}: bad CSV ({exc})") from None
    return terms


def load_glossary(config: Config) -> list[GlossaryTerm]:
    """The project's glossary, or an empty list when the configured file does not exist."""
    path = config.glossary
    if path is None or not path.exists():
        return []
    try:
        text = read_input(path).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8; save the glossary as UTF-8 CSV") from None
    return parse_csv(text, str(path.relative_to(config.root) if path.is_relative_to(config.root) else path))


def glossary_digest(terms: list[GlossaryTerm]) -> str:
    return hashlib.sha256(repr([(t.zh, t.en, t.note) for t in terms]).encode()).hexdigest()[:16]


def as_terms(items: Iterable[object] | None) -> tuple[GlossaryTerm, ...]:
    """Glossary terms from ``GlossaryTerm``-like objects or ``(zh, en[, note])`` tuples, first one per term wins."""
    terms: dict[str, GlossaryTerm] = {}
    for item in items or ():
        if isinstance(item, tuple | list):
            zh, en, note = (list(item) + ["", ""])[:3]
        else:
            zh, en, note = item.zh, item.en, getattr(item, "note", "")
        zh = (zh or "").strip()
        if zh and zh not in terms:
            terms[zh] = GlossaryTerm(zh, (en or "").strip(), (note or "").strip())
    return tuple(terms.values())


def term_spans(text: str, terms: Iterable[object]) -> list[tuple[int, int, GlossaryTerm]]:
    """Approved terms in ``text`` as ``(start, end, term)``: leftmost-longest, non-overlapping.

    区疫情防控指挥部 wins over the 疫情防控 inside it: the longer term is the one a translator must use.
    """
    pattern, by_zh = _matcher(as_terms(terms))
    if pattern is None:
        return []
    return [(m.start(), m.end(), by_zh[m.group()]) for m in pattern.finditer(text)]


def find_terms(sentence: str, terms: Iterable[object]) -> list[GlossaryTerm]:
    """The approved terms a sentence contains, in order of first appearance, without repeats."""
    found: dict[str, GlossaryTerm] = {}
    for _, _, term in term_spans(sentence, terms):
        found.setdefault(term.zh, term)
    return list(found.values())


@lru_cache(maxsize=16)
def _matcher(terms: tuple[GlossaryTerm, ...]) -> tuple[re.Pattern | None, dict[str, GlossaryTerm]]:
    """One regex over all approved terms, longest first, so the C engine does leftmost-longest matching."""
    by_zh = {t.zh: t for t in terms if t.en}
    if not by_zh:
        return None, by_zh
    return re.compile("|".join(re.escape(zh) for zh in sorted(by_zh, key=lambda z: (-len(z), z)))), by_zh


@lru_cache(maxsize=4096)
def english_patterns(english: str) -> tuple[re.Pattern, ...]:
    """How an approved English may appear: any alternative (split by ``|``, ``;`` or ``/``), whole words,
    case-insensitive, with a plural or possessive ending."""
    return tuple(
        re.compile(rf"(?<!\w){re.escape(alt)}(?:s|es|'s|’s)?(?!\w)", re.I)
        for alt in GlossaryTerm("", english).alternatives
    )


def missing_terms(source: str, translation: str, terms: Iterable[object]) -> list[GlossaryTerm]:
    """Terms of the source whose approved English the translation does not use."""
    return [t for t in find_terms(source, terms) if not any(p.search(translation) for p in english_patterns(t.en))]


def use_as_user_dictionary(terms: list[GlossaryTerm]) -> None:
    """Make jieba keep every approved glossary term whole (names, word counts and discovery then agree)."""
    if not terms:
        return
    from transflow.text import words
    from transflow.text.names import find_names

    if any([words.add_term(term.zh, "gl") for term in terms if term.en]):
        find_names.cache_clear()


def parse_tbx(data: bytes, where: str) -> list[GlossaryTerm]:
    """Chinese–English pairs from a TBX file (``termEntry``/``langSet``/``tig|ntig``/``term``)."""
    if b"<!DOCTYPE" in data[:2048] and b"<!ENTITY" in data:
        raise InputError(f"{where}: TBX with entity declarations is refused (unsafe XML)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{where}:{exc.position[0]}: not well-formed XML ({exc})") from None
    terms: list[GlossaryTerm] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        sides: dict[str, str] = {}
        notes = [
            (e.text or "").strip() for e in entry if _local(e.tag) in ("descrip", "note") and (e.text or "").strip()
        ]
        for lang_set in entry:
            if _local(lang_set.tag) not in ("langSet", "langSec"):  # TBX 2 and TBX 3 (ISO 30042:2019)
                continue
            code = primary(lang_set.get(XML_LANG) or lang_set.get("lang") or "")  # zh-CN, en-US ...
            side = code if code in ("zh", "en") else None
            term = next((t for t in lang_set.iter() if _local(t.tag) == "term" and (t.text or "").strip()), None)
            if side and term is not None and side not in sides:
                sides[side] = term.text.strip()
        if "zh" in sides and "en" in sides:
            terms.append(GlossaryTerm(sides["zh"], sides["en"], "; ".join(notes)))
    if not terms:
        raise InputError(f"{where}: no Chinese–English term entries found (expected termEntry/langSet zh and en)")
    return terms


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass(frozen=True)
class TbxImport:
    """What ``glossary import`` did: terms added, terms already there, and conflicts (the glossary's term,
    kept, beside the file's differing English), each reported and none aborting the import."""

    added: int
    present: int
    conflicts: tuple[tuple[GlossaryTerm, GlossaryTerm], ...]


def import_tbx(config: Config, tbx: Path) -> TbxImport:
    """Add a TBX file's new terms to the glossary CSV; a term the glossary has with other English is kept."""
    incoming = parse_tbx(read_input(tbx), str(tbx))
    existing = load_glossary(config)
    known = {t.zh: t for t in existing}
    added: list[GlossaryTerm] = []
    present = 0
    conflicts: list[tuple[GlossaryTerm, GlossaryTerm]] = []
    for term in incoming:
        kept = known.get(term.zh)
        if kept is None:
            known[term.zh] = term
            added.append(term)
        elif kept.en == term.en:
            present += 1
        else:
            conflicts.append((kept, term))
    if added and config.glossary is not None:
        atomic_write(config.glossary, to_csv(existing + added))
    return TbxImport(len(added), present, tuple(conflicts))


def to_csv(terms: list[GlossaryTerm], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(HEADER)
    for t in terms:
        writer.writerow([t.zh, t.en, t.note])
    return out.getvalue()
