"""Translation memory: reviewed translations and machine output in one SQLite file under ``.transflow/``.

Three tables:
- ``units``: reviewed pairs (source, target) by language pair and origin — every catalog's translated,
  non-fuzzy entries (refreshed when the catalog file changes) and imported TMX files;
- ``origins``: which file each origin came from and the stamp it had, so unchanged catalogs are not re-read;
- ``mt``: machine output by model key and source sentence, so drafting the same sentence again is free.

Exact matches come straight from an index; close matches compare characters (``difflib``) against units
whose length could reach the threshold at all, which keeps the search cheap for newsroom-sized memories.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from transflow.po.langs import primary
from transflow.project.errors import InputError

DB_FILE = ".transflow/memory.sqlite"
FUZZY_MIN = 0.75
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    origin TEXT NOT NULL, PRIMARY KEY (src_lang, tgt_lang, source, origin)
);
CREATE INDEX IF NOT EXISTS units_len ON units (src_lang, tgt_lang, length(source));
CREATE TABLE IF NOT EXISTS origins (origin TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mt (model TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (model, source));
"""


@dataclass(frozen=True)
class Match:
    """A memory hit: the stored translation, its similarity (1.0 = exact) and where it came from."""

    target: str
    score: float
    origin: str
    source: str

    @property
    def percent(self) -> int:
        return int(self.score * 100)


def lang_key(code: str) -> str:
    """Compare languages by their main part, lower-case: ``en-US``, ``en_us`` and ``EN`` are all ``en``."""
    return primary(code)


def similarity(a: str, b: str) -> float:
    """Character similarity in [0, 1] (difflib ratio), with cheap upper bounds checked first."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_MIN or matcher.quick_ratio() < FUZZY_MIN:
        return 0.0
    return matcher.ratio()


class Memory:
    """The project's memory database (created on first use; ``.transflow/`` is git-ignored)."""

    def __init__(self, root: Path):
        self.path = root / DB_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"{self.path}: translation memory is damaged ({exc}); delete the file to rebuild it"
            ) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reviewed units ---------------------------------------------------------------------------------

    def stamp(self, origin: str) -> str | None:
        row = self.db.execute("SELECT stamp FROM origins WHERE origin = ?", (origin,)).fetchone()
        return row[0] if row else None

    def replace_origin(self, origin: str, stamp: str, src_lang: str, pairs: dict[str, list[tuple[str, str]]]) -> int:
        """Replace everything one origin contributed; ``pairs`` maps target language -> [(source, target)]."""
        with self.db:
            self.db.execute("DELETE FROM units WHERE origin = ?", (origin,))
            rows = [(lang_key(src_lang), lang_key(tgt), s, t, origin) for tgt, items in pairs.items() for s, t in items]
            self.db.executemany("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?)", rows)
            self.db.execute("INSERT OR REPLACE INTO origins VALUES (?, ?)", (origin, stamp))
        return len(rows)

    def drop_origins(self, prefix: str, keep: set[str]) -> None:
        """Forget origins with ``prefix`` that are not in ``keep`` (catalogs deleted since last time)."""
        gone = [o for (o,) in self.db.execute("SELECT origin FROM origins") if o.startswith(prefix) and o not in keep]
        with self.db:
            for origin in gone:
                self.db.execute("DELETE FROM units WHERE origin = ?", (origin,))
                self.db.execute("DELETE FROM origins WHERE origin = ?", (origin,))

    def lookup(self, source: str, src_lang: str, tgt_lang: str, fuzzy: bool = True) -> Match | None:
        """The best reviewed translation of ``source``: exact if there is one, else the closest >= 75%."""
        pair = (lang_key(src_lang), lang_key(tgt_lang))
        row = self.db.execute(
            "SELECT target, origin FROM units WHERE src_lang = ? AND tgt_lang = ? AND source = ? "
            "ORDER BY origin LIMIT 1",
            (*pair, source),
        ).fetchone()
        if row:
            return Match(row[0], 1.0, row[1], source)
        if not fuzzy or not source:
            return None
        # ratio = 2M/(a+b) <= 2*min(a,b)/(a+b): only lengths within this band can reach the threshold.
        low, high = len(source) * FUZZY_MIN / (2 - FUZZY_MIN), len(source) * (2 - FUZZY_MIN) / FUZZY_MIN
        best: Match | None = None
        for cand, target, origin in self.db.execute(
            "SELECT source, target, origin FROM units WHERE src_lang = ? AND tgt_lang = ? "
            "AND length(source) BETWEEN ? AND ? ORDER BY origin, source",
            (*pair, low, high),
        ):
            score = similarity(source, cand)
            if score >= FUZZY_MIN and (best is None or score > best.score):
                best = Match(target, score, origin, cand)
        return best

    # -- machine output cache ---------------------------------------------------------------------------

    def cached(self, model: str, sources: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        unique = list(dict.fromkeys(sources))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT source, target FROM mt WHERE model = ? AND source IN ({marks})", (model, *chunk)
            )
            out.update(dict(rows.fetchall()))
        return out

    def store(self, model: str, pairs: dict[str, str]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO mt VALUES (?, ?, ?)", [(model, s, t) for s, t in pairs.items()])


# -- TMX ------------------------------------------------------------------------------------------------


def read_tmx(path: Path, src_lang: str) -> dict[str, list[tuple[str, str]]]:
    """Translation units of a TMX file whose source side is ``src_lang``: target language -> pairs."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise InputError(f"{path}:{line}: not well-formed TMX ({exc.msg if hasattr(exc, 'msg') else exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    root = tree.getroot()
    if root.tag != "tmx" or root.find("body") is None:
        raise InputError(f"{path}: not a TMX file (expected <tmx> with a <body>)")
    want = lang_key(src_lang)
    pairs: dict[str, list[tuple[str, str]]] = {}
    for tu in root.iter("tu"):
        segs: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            lang = tuv.get(_XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if seg is not None and lang:
                text = "".join(seg.itertext()).strip()
                if text:
                    segs.setdefault(lang_key(lang), text)
        source = segs.pop(want, None)
        if source:
            for tgt, text in segs.items():
                pairs.setdefault(tgt, []).append((source, text))
    return pairs


def import_tmx(root: Path, path: Path, src_lang: str) -> int:
    """Import (or re-import) a TMX file into the project memory; returns the number of pairs stored."""
    pairs = read_tmx(path, src_lang)
    if not pairs:
        raise InputError(f"{path}: no translation units with a {src_lang!r} side; check the xml:lang codes")
    stat = path.stat()
    with Memory(root) as memory:
        return memory.replace_origin(f"tmx:{path.name}", f"{stat.st_size}-{stat.st_mtime_ns}", src_lang, pairs)
