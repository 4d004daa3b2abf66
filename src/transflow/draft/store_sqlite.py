"""The embedded memory: one SQLite file under ``.transflow/``, with a numbered-bigram index for fuzzy search.

The index is stored as posting lists (``postings``: key, segment, packed unit ids) written a segment at a
time — one segment per write transaction, so importing a million units writes a few million rows rather
than fifty million — and small segments are merged as they pile up. A lookup reads the posting lists of the
query's keys, counts keys per unit (numpy), keeps the units the q-gram lemma allows
(:mod:`transflow.draft.fuzzy`) and scores those exactly. Unit lengths are kept per insert batch
(``lengths``) so the count filter can use each candidate's own length band.

WAL mode and a long busy timeout let several processes read while one writes and queue writers instead of
failing with "database is locked"; every write starts with ``BEGIN IMMEDIATE`` so a reader never has to
upgrade to a writer mid-transaction (the case SQLite cannot wait out).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path

from transflow.draft.fuzzy import Match, batch_gram_keys, best_of, gram_keys, length_band, min_shared
from transflow.draft.store import Store, chunks
from transflow.project.errors import InputError

DB_FILE = ".transflow/memory.sqlite"
SCHEMA_VERSION = 2
BUSY_MS = 600_000  # a writer waits up to 10 minutes for another (a million-unit import takes about one)
MAX_SEGMENTS = 24  # a million-unit import makes 20: it is not merged again at once
BATCH = 50_000  # units per insert batch and index segment: bounds the import's memory
SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL, source TEXT NOT NULL,
    target TEXT NOT NULL, origin TEXT NOT NULL, UNIQUE (src_lang, tgt_lang, source, origin)
);
CREATE INDEX IF NOT EXISTS units_origin ON units (origin);
CREATE TABLE IF NOT EXISTS origins (origin TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mt (model TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (model, source));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS segments (seg INTEGER PRIMARY KEY, units INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings (seg INTEGER NOT NULL, key INTEGER NOT NULL, ids BLOB NOT NULL,
    PRIMARY KEY (seg, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lengths (first_id INTEGER PRIMARY KEY, lens BLOB NOT NULL);
"""


def heavy(keys: list[int], sizes: dict[int, int], need: int) -> tuple[int, set[int]]:
    """Which of a query's keys not to read: up to half of ``need``, the common ones (3× the median list).

    Common bigrams ("中国", "发展") have the longest posting lists and say the least; leaving a few out
    cuts the reading most, and the count filter stays exact by lowering the bar by as many.
    """
    if need < 4:
        return 0, set()
    by_size = sorted(keys, key=lambda k: -sizes.get(k, 0))
    median = sizes.get(by_size[len(by_size) // 2], 0)
    skipped = {k for k in by_size[: need // 2] if sizes.get(k, 0) > 3 * median}
    return len(skipped), skipped


class SqliteMemory(Store):
    """The project's memory file (created on first use; ``.transflow/`` is git-ignored)."""

    backend = "sqlite"

    def __init__(self, root: Path, path: Path | None = None):
        self.path = path or root / DB_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._depth = 0
        self._lengths = None  # (stamp, numpy array of unit lengths by id)
        try:
            self.db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -32768")  # 32 MB: big imports update the indexes in cache
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"{self.path}: translation memory is damaged ({exc}); delete the file to rebuild it"
            ) from None

    def _migrate(self) -> None:
        """Create the schema; a memory from before the index (no ``id`` column) is rebuilt into it.

        An up-to-date file is only read here, so opening it never waits for another process's import.
        """
        try:
            if self.db.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION,):
                return
        except sqlite3.OperationalError:  # no such table: a new or pre-index memory
            pass
        with self.transaction():
            columns = [row[1] for row in self.db.execute("PRAGMA table_info(units)")]
            old = []
            if columns and "id" not in columns:
                old = list(self.db.execute("SELECT src_lang, tgt_lang, source, target, origin FROM units"))
                self.db.execute("DROP TABLE units")
            for statement in SCHEMA.split(";"):  # not executescript: it would commit half-way
                if statement.strip():
                    self.db.execute(statement)
            if not list(self.db.execute("SELECT version FROM schema_version")):
                self.db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            if old:
                self._insert(old)

    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self):
        """One write transaction (nested calls join the outer one); rolled back on any error."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._depth = 0

    def _execute(self, sql: str, params: tuple = ()):
        return self.db.execute(sql, params)

    def _size(self) -> int:
        return sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())

    # -- writing --------------------------------------------------------------------------------------

    def _insert(self, rows: Iterable[tuple[str, str, str, str, str]]) -> int:
        """Insert rows in batches; each batch gets fresh ids, a length record and one index segment."""
        count = 0
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                count += self._insert_batch(batch)
                batch = []
        if batch:
            count += self._insert_batch(batch)
        if count:
            self._compact()
        return count

    def _next_ids(self, n: int) -> int:
        row = self.db.execute("SELECT value FROM counters WHERE name = 'unit'").fetchone()
        first = row[0] if row else 1
        self.db.execute("INSERT OR REPLACE INTO counters VALUES ('unit', ?)", (first + n,))
        return first

    def _insert_batch(self, batch: list[tuple]) -> int:
        import numpy as np

        # in index order, so the unique index is updated page by page; a stable sort keeps the last of
        # two equal units last, and the last one wins (INSERT OR REPLACE), as in the input
        batch.sort(key=itemgetter(0, 1, 2, 4))
        first = self._next_ids(len(batch))
        self.db.executemany(
            "INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?)",
            ((first + i, *row) for i, row in enumerate(batch)),
        )
        sources = [row[2] for row in batch]
        lens = np.fromiter((len(s) for s in sources), dtype=np.uint32, count=len(sources))
        self.db.execute("INSERT INTO lengths VALUES (?, ?)", (first, lens.tobytes()))
        keys, ids = batch_gram_keys(sources, first)
        self._write_segment(keys, ids, len(batch))
        return len(batch)

    def _write_segment(self, keys, ids, units: int) -> None:
        """One posting list per distinct key (equal keys arrive adjacent): unit ids as little-endian uint32."""
        import numpy as np

        cut = np.flatnonzero(np.diff(keys)) + 1
        starts = np.concatenate(([0], cut)).tolist()
        ends = np.concatenate((cut, [len(keys)])).tolist()
        seg = self.db.execute("INSERT INTO segments (units) VALUES (?)", (units,)).lastrowid
        raw = ids.astype("<u4").tobytes()
        key_list = keys[starts].tolist() if len(keys) else []
        self.db.executemany(
            "INSERT INTO postings VALUES (?, ?, ?)",
            ((seg, k, raw[4 * a : 4 * b]) for k, a, b in zip(key_list, starts, ends)),
        )

    def _compact(self) -> None:
        """Merge the smallest segments once there are too many (a lookup reads each segment's lists)."""
        sizes = list(self.db.execute("SELECT seg, units FROM segments ORDER BY units, seg"))
        if len(sizes) <= MAX_SEGMENTS:
            return
        small = [seg for seg, _ in sizes[: len(sizes) - MAX_SEGMENTS // 2]]  # the small ones: cheap to merge
        marks = ",".join("?" * len(small))
        rows = self.db.execute(f"SELECT key, ids FROM postings WHERE seg IN ({marks}) ORDER BY key", small)
        total = sum(units for seg, units in sizes if seg in set(small))
        seg = self.db.execute("INSERT INTO segments (units) VALUES (?)", (total,)).lastrowid
        merged: list[tuple[int, int, bytes]] = []
        current, parts = None, []
        for key, ids in rows:
            if key != current and parts:
                merged.append((seg, current, b"".join(parts)))
                parts = []
            current = key
            parts.append(ids)
        if parts:
            merged.append((seg, current, b"".join(parts)))
        self.db.execute(f"DELETE FROM postings WHERE seg IN ({marks})", small)
        self.db.execute(f"DELETE FROM segments WHERE seg IN ({marks})", small)
        self.db.executemany("INSERT INTO postings VALUES (?, ?, ?)", merged)

    # -- fuzzy search -------------------------------------------------------------------------------------

    def _unit_lengths(self):
        """Length of every unit by id (numpy), re-read only when a write added units since last time."""
        import numpy as np

        (stamp,) = self.db.execute("SELECT coalesce(max(first_id), 0) FROM lengths").fetchone()
        (top,) = self.db.execute("SELECT coalesce(max(value), 1) FROM counters WHERE name = 'unit'").fetchone()
        if self._lengths is None or self._lengths[0] != (stamp, top):
            lengths = np.full(top + 1, -1, dtype=np.int64)  # -1: no such unit
            for first, blob in self.db.execute("SELECT first_id, lens FROM lengths"):
                part = np.frombuffer(blob, dtype="<u4")
                lengths[first : first + len(part)] = part
            self._lengths = ((stamp, top), lengths)
        return self._lengths[1]

    def _fuzzy(self, queries: list[str], pair: tuple[str, str], minimum: int, limit: int) -> list[list[Match]]:
        own = not self.db.in_transaction
        if own:
            self.db.execute("BEGIN")  # one snapshot for the index and the units it points to
        try:
            lengths = self._unit_lengths()
            wanted = {q: gram_keys(q) for q in queries}
            segs = [seg for (seg,) in self.db.execute("SELECT seg FROM segments")]
            sizes = dict(self._postings(segs, {k for keys in wanted.values() for k in keys}, "sum(length(ids))"))
            skip = {q: heavy(keys, sizes, min_shared(len(q), minimum)) for q, keys in wanted.items()}
            lists: dict[int, list] = {}
            read = {k for q, keys in wanted.items() for k in keys if k not in skip[q][1]}
            for key, ids in self._postings(segs, read, "ids"):
                lists.setdefault(key, []).append(ids)
            return [self._one(q, wanted[q], skip[q], lists, lengths, pair, minimum, limit) for q in queries]
        finally:
            if own:
                self.db.execute("COMMIT")

    def _postings(self, segs: list[int], keys: set[int], what: str):
        """``(key, what)`` for the keys' posting lists in every segment (``what``: ids, or their size)."""
        group = " GROUP BY key" if what != "ids" else ""
        for chunk in chunks(sorted(keys), 400):
            yield from self.db.execute(
                f"SELECT key, {what} FROM postings WHERE seg IN ({','.join('?' * len(segs))}) "
                f"AND key IN ({','.join('?' * len(chunk))}){group}",
                (*segs, *chunk),
            )

    def _one(self, query, keys, skip, lists, lengths, pair, minimum, limit) -> list[Match]:
        """Count shared keys per unit, keep those that can reach ``minimum`` at their own length, score them.

        ``skip`` = (k, keys not read): the k most common keys of the query are not counted, so a unit is
        kept when it shares ``need - k`` of the others — it may share all k skipped ones, never more.
        """
        import numpy as np

        n = len(query)
        need_min = min_shared(n, minimum)
        low, high = length_band(n, minimum)
        if need_min <= 0:  # too short for the filter to prove anything: every unit of the length band
            units = np.flatnonzero((lengths >= low) & (lengths <= high))
        else:
            found = [np.frombuffer(blob, dtype="<u4") for k in keys if k not in skip[1] for blob in lists.get(k, ())]
            if not found:
                return []
            ids = np.concatenate(found)
            if len(ids) * 16 > len(lengths):  # many postings: counting by id beats sorting them
                counts_all = np.bincount(ids, minlength=len(lengths))
                units = np.flatnonzero(counts_all >= need_min - skip[0])
                counts = counts_all[units]
            else:
                units, counts = np.unique(ids, return_counts=True)
                keep = counts >= need_min - skip[0]
                units, counts = units[keep], counts[keep]
            m = lengths[np.minimum(units, len(lengths) - 1)]
            total = n + m
            need = 3 * (-(-minimum * total // 200)) - total - 1  # the lemma at each candidate's own length
            units = units[(m >= low) & (m <= high) & (counts >= need - skip[0])]
        rows = []
        for chunk in chunks(units.tolist(), 900):
            # ``+src_lang``: look units up by id; never let the planner scan the pair's whole index instead
            rows += self.db.execute(
                f"SELECT source, target, origin FROM units WHERE id IN ({','.join('?' * len(chunk))}) "
                "AND +src_lang = ? AND +tgt_lang = ?",
                (*chunk, *pair),
            )
        return best_of(query, rows, minimum, limit)
