"""The team memory: one PostgreSQL database shared by every translator's machine and CI (psycopg 3).

Fuzzy candidates come from PostgreSQL's own trigram machinery — ``pg_trgm`` with a GIN index on the
source text, the ``%`` operator at a low similarity threshold — and are scored by the same exact scorer
as the SQLite memory, so scores and ranking agree.

Why the threshold is 0.1 (:data:`TRGM_THRESHOLD`)
--------------------------------------------------
``%`` keeps a unit whose trigram *sets* have a Jaccard similarity ``|A∩B| / |A∪B|`` of at least the
threshold. Trigram overlap cannot *prove* completeness the way the bigram count filter does: a 75% match
may share next to no trigram (drop two characters of every five). What it does keep is the common case,
edits spread through a sentence at least 4 characters apart. pg_trgm pads each word, so a word of ``L``
characters has ``L + 1`` trigrams, and an edit destroys at most 3 of the query's ``U`` trigrams (2 for an
extra character) and brings at most 3 new ones (2 for a missing character). Substitutions are the worst
case: 75% lets one character in 4 change, so ``|A∩B| ≥ U - 3U/4`` while ``|A∪B| ≤ U + 3U/4``, a Jaccard of
at least ``1/7 ≈ 0.14`` (missing characters 4 apart: ``1/6``, extra ones: ``2/7``). Mixed edits, repeated
trigrams and short words shave a little off (the benchmark's hardest 76% queries sit at 0.139), hence
0.1 rather than 0.14; ``bench/bench_memory.py`` measures how often the best match equals the exhaustive
scan's, and a property test checks the bound through the real operator.

Two plans for one lookup
------------------------
Every trigram candidate costs a recheck of ``%`` in the heap (pg_trgm extracts the trigrams of both
strings again, ~45 µs for a Chinese sentence), so what matters is how many candidates reach the heap.
A short query has few trigrams, and 10% of them is one or two common ones (a year, 我们): tens of
thousands of candidates, most of the wrong length, so its length band is ANDed into the bitmap through
``units_len`` (:data:`NARROW`). A long query's band holds most of the memory: ANDing it reads most of
``units_len`` (~700,000 entries at a million units, 40 ms) to drop next to nothing, so the trigram scan
is fenced off with ``OFFSET 0`` and the band is checked on the few candidates (:data:`WIDE`). Which one
a band is comes from the planner's row estimates (:meth:`PgMemory.band_share`), no scan; the planner
itself cannot choose, since inside the batched statement it sees no query text to estimate ``%`` with.

A big import into a small memory rebuilds the lookup indexes
------------------------------------------------------------
Keeping the trigram index up to date row by row (through its pending list) is most of a big import's
time; building it once over the loaded table is cheaper (1,000,000 units through ``transflow memory
import``: 112 s -> 100 s; the build itself takes ~60 s of that on one core, PostgreSQL 15 builds a
GIN index in one process). So when an import of at least :data:`BATCH` rows has brought ten times as
many rows as the memory held before it (an empty or small memory), and this connection owns ``units``,
the indexes only lookups use
(:data:`LOOKUP_INDEXES`) are dropped inside the import's transaction and created again before it
commits; ``units_key``, which the upsert's ``ON CONFLICT`` needs, stays. DDL is transactional: an
import that fails or is interrupted rolls back to the old indexes. ``DROP INDEX`` holds the table's
``ACCESS EXCLUSIVE`` lock until commit, so a lookup from another session waits for the import to end
(it never sees a missing index); the lock is only taken if it comes within a second, else the import
keeps the row-by-row path (a lookup under way, or a second import, which would otherwise deadlock with
this one). An import into a big memory keeps the row-by-row path: a rebuild costs the whole table.

pg_trgm only sees characters the database's ``LC_CTYPE`` calls letters: a database created with the ``C``
locale ignores Chinese entirely, so opening one is refused with a message saying so. The schema is created
on first use under an advisory lock (two first users at once do not collide), with ``schema_version``
for later migrations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from transflow.draft.fuzzy import Match, best_of, length_band, min_shared
from transflow.draft.store import Store
from transflow.project.errors import InputError

SCHEMA_VERSION = 1
TRGM_THRESHOLD = 0.1
BATCH = 50_000  # rows per COPY
LOOKUP_INDEXES = ("units_trgm", "units_source", "units_len")  # rebuilt after a big import (see _insert)
BUILD_MEM = "256MB"  # maintenance_work_mem for that rebuild
LOCK_ID = 0x7472_616E  # "tran": serialises schema creation between first users
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)",
    """CREATE TABLE IF NOT EXISTS units (
        id bigserial PRIMARY KEY, src_lang text NOT NULL, tgt_lang text NOT NULL, source text NOT NULL,
        target text NOT NULL, origin text NOT NULL)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS units_key ON units (src_lang, tgt_lang, md5(source), origin)",
    "CREATE INDEX IF NOT EXISTS units_source ON units USING hash (source)",
    "CREATE INDEX IF NOT EXISTS units_origin ON units (origin)",
    "CREATE INDEX IF NOT EXISTS units_len ON units (src_lang, tgt_lang, length(source))",
    "CREATE INDEX IF NOT EXISTS units_trgm ON units USING gin (source gin_trgm_ops)",
    "CREATE TABLE IF NOT EXISTS origins (origin text PRIMARY KEY, stamp text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS mt (model text NOT NULL, source text NOT NULL, target text NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS mt_key ON mt (model, md5(source))",
    "CREATE INDEX IF NOT EXISTS mt_source ON mt USING hash (source)",
]
UPSERT = """
INSERT INTO units (src_lang, tgt_lang, source, target, origin)
SELECT DISTINCT ON (src_lang, tgt_lang, md5(source), origin) src_lang, tgt_lang, source, target, origin
FROM tm_stage ORDER BY src_lang, tgt_lang, md5(source), origin, seq DESC
ON CONFLICT (src_lang, tgt_lang, md5(source), origin) DO UPDATE SET target = EXCLUDED.target
"""
FUZZY = """
SELECT q.i, u.source, u.target, u.origin
FROM unnest(%s::text[], %s::int[], %s::int[]) WITH ORDINALITY AS q(text, low, high, i)
JOIN LATERAL ({}) u ON true
"""
#: A narrow length band: one bitmap scan ANDs the trigram index with ``units_len``, so the costly
#: similarity recheck only sees sentences of the right length (short queries, many trigram candidates).
NARROW = """SELECT source, target, origin FROM units
    WHERE source %% q.text AND src_lang = %s AND tgt_lang = %s AND length(source) BETWEEN q.low AND q.high"""
#: A wide band: ``OFFSET 0`` fences the trigram scan off from the length and language conditions, which
#: would otherwise have the planner read most of ``units_len`` into a bitmap to exclude next to nothing.
WIDE = """SELECT source, target, origin FROM (
    SELECT source, target, origin, src_lang, tgt_lang FROM units WHERE source %% q.text OFFSET 0) w
    WHERE src_lang = %s AND tgt_lang = %s AND length(source) BETWEEN q.low AND q.high"""
#: Share of a language pair's units above which a length band counts as wide (measured at 1,000,000
#: units: ANDing a band costs ~60 ns per unit in it, a recheck ~45 µs per trigram candidate).
WIDE_SHARE = 0.4


def _message(exc: Exception, url: str) -> str:
    """The driver's first line, with the password (should it appear) blanked."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    password = urlsplit(url).password
    return text.replace(password, "***") if password else text


class PgMemory(Store):
    """A memory in a PostgreSQL database (``memory = "postgresql://user@host:5432/db"``)."""

    backend = "postgresql"
    mark = "%s"

    def __init__(self, url: str):
        import psycopg

        from transflow.draft.store import redact

        self.url, self.shown = url, redact(url)
        self._shares: dict = {}  # band_share's cache: a pair's unit count, a band's share of them
        self._owns_trgm = False  # may this connection merge the GIN pending list (see _bulk)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise InputError(f"{self.shown}: cannot open the PostgreSQL memory ({_message(exc, url)})") from None
        try:
            self._schema()
        except psycopg.Error as exc:
            self.conn.close()
            raise InputError(f"{self.shown}: cannot set up the memory ({_message(exc, url)})") from None
        except InputError:
            self.conn.close()
            raise

    def _schema(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
            if not self.conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone():
                available = self.conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
                if not available.fetchone():
                    raise InputError(
                        f"{self.shown}: the server has no pg_trgm extension (install postgresql-contrib there)"
                    )
                self.conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            (grams,) = self.conn.execute("SELECT show_trgm('中文')").fetchone()
            if not grams:
                raise InputError(
                    f"{self.shown}: this database's LC_CTYPE hides Chinese from pg_trgm; "
                    "create it with a UTF-8 locale (CREATE DATABASE ... LOCALE 'C.UTF-8' TEMPLATE template0)"
                )
            for statement in SCHEMA:
                self.conn.execute(statement)
            if not self.conn.execute("SELECT version FROM schema_version").fetchone():
                self.conn.execute("INSERT INTO schema_version VALUES (%s)", (SCHEMA_VERSION,))
        self.conn.execute(f"SET pg_trgm.similarity_threshold = {TRGM_THRESHOLD}")

    def location(self) -> str:
        return self.shown

    def close(self) -> None:
        self.conn.close()

    def transaction(self):
        return self.conn.transaction()

    def _execute(self, sql: str, params: tuple = ()):
        return self.conn.execute(sql, params)

    def _size(self) -> int:
        (size,) = self.conn.execute(
            "SELECT sum(pg_total_relation_size(t)) FROM unnest(ARRAY['units', 'origins', 'mt']) AS t"
        ).fetchone()
        return int(size or 0)

    def _insert(self, rows: Iterable[tuple[str, str, str, str, str]]) -> int:
        """Stream rows into a staging table with COPY, then upsert them (last one wins), a batch at a time.

        One COPY per batch bounds what the driver buffers however large the import; the caller's
        transaction still makes the whole import all or nothing.
        """
        count, existing, tried, rebuild = 0, None, False, False
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute(
                "CREATE TEMP TABLE IF NOT EXISTS tm_stage (seq bigserial, src_lang text, tgt_lang text, "
                "source text, target text, origin text) ON COMMIT DROP"
            )
            batch: list[tuple] = []
            for row in rows:
                batch.append(row)
                if len(batch) < BATCH:
                    continue
                if not tried:  # a big import
                    if existing is None:
                        self._bulk(cur)
                        (existing,) = cur.execute("SELECT count(*) FROM units").fetchone()
                    if existing * 10 <= count + len(batch):  # the memory is small beside it: rebuild
                        tried, rebuild = True, self._drop_lookup_indexes(cur)
                count += self._upsert(cur, batch)
                batch = []
            if batch:
                count += self._upsert(cur, batch)
            if rebuild:
                cur.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEM}'")
                for statement in SCHEMA:
                    if any(f" {name} " in statement for name in LOOKUP_INDEXES):
                        cur.execute(statement)
            elif count >= BATCH and self._owns_trgm:
                cur.execute("SELECT gin_clean_pending_list('units_trgm'::regclass)")
            if count >= BATCH:  # a big import: fresh statistics for band_share (autovacuum may come later)
                cur.execute("ANALYZE units")
        return count

    def _drop_lookup_indexes(self, cur) -> bool:
        """Drop the indexes only lookups use, for a rebuild at the end of this import; False if we may not.

        Only the table's owner may, and only once the lock is ours within a second: a session that holds
        the table (a lookup under way, another import) keeps the incremental path rather than waiting on
        it (two imports upgrading their locks at once would deadlock).
        """
        import psycopg

        owner = "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = 'units'::regclass"
        if not cur.execute(owner).fetchone()[0]:
            return False
        (before,) = cur.execute("SELECT current_setting('lock_timeout')").fetchone()
        try:
            with self.conn.transaction():
                cur.execute("SELECT set_config('lock_timeout', '1s', true)")
                cur.execute("LOCK TABLE units IN ACCESS EXCLUSIVE MODE")
                cur.execute(f"DROP INDEX {', '.join(LOOKUP_INDEXES)}")
        except (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected):
            return False
        finally:
            cur.execute("SELECT set_config('lock_timeout', %s, true)", (before,))
        return True

    def _bulk(self, cur) -> None:
        """Settings for the rest of a big import's transaction (``SET LOCAL``: nothing outlives it).

        New rows reach the GIN index through its pending list, merged into the index each time it fills;
        merging fewer, larger lists with more memory halves a million-unit import. Readers scan the
        pending list on every lookup, so a larger one is only allowed where the import can merge it when
        done (``gin_clean_pending_list`` needs the index's owner).
        """
        cur.execute("SET LOCAL work_mem = '64MB'")
        (self._owns_trgm,) = cur.execute(
            "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = 'units_trgm'::regclass"
        ).fetchone()
        if self._owns_trgm:
            cur.execute("SET LOCAL gin_pending_list_limit = '64MB'")

    @staticmethod
    def _upsert(cur, batch: list[tuple]) -> int:
        cur.execute("TRUNCATE tm_stage")
        with cur.copy("COPY tm_stage (src_lang, tgt_lang, source, target, origin) FROM STDIN") as copy:
            for row in batch:
                copy.write_row(row)
        cur.execute(UPSERT)
        return len(batch)

    def units(self) -> Iterator[tuple[str, str, str, str, str]]:
        with self.conn.transaction(), self.conn.cursor(name="tm_export") as cur:
            cur.itersize = 5000
            cur.execute("SELECT src_lang, tgt_lang, source, target, origin FROM units ORDER BY src_lang, tgt_lang, id")
            yield from cur

    def _rows_estimate(self, where: str, params: tuple) -> float:
        """The planner's estimate of the units matching ``where`` (from the table's statistics, no scan)."""
        (plan,) = self.conn.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM units WHERE {where}", params).fetchone()
        return float(plan[0]["Plan"]["Plan Rows"])

    def band_share(self, pair: tuple[str, str], band: tuple[int, int]) -> float:
        """About what share of the pair's units has a length in ``band`` (cached per memory connection)."""
        if (pair, band) not in self._shares:
            if pair not in self._shares:
                self._shares[pair] = self._rows_estimate("src_lang = %s AND tgt_lang = %s", pair)
            rows = self._rows_estimate(
                "src_lang = %s AND tgt_lang = %s AND length(source) BETWEEN %s AND %s", (*pair, *band)
            )
            self._shares[pair, band] = rows / max(self._shares[pair], 1.0)
        return self._shares[pair, band]

    def _fuzzy(self, queries: list[str], pair: tuple[str, str], minimum: int, limit: int) -> list[list[Match]]:
        answers: list[list[Match]] = [[] for _ in queries]
        shapes: dict[str, list[tuple[int, str, tuple[int, int]]]] = {NARROW: [], WIDE: []}
        for i, query in enumerate(queries):
            band = length_band(len(query), minimum)
            if min_shared(len(query), minimum) <= 0:  # too short for any index: scan its length band
                answers[i] = self.band_scan(query, pair, band, minimum, limit)
            else:
                shapes[WIDE if self.band_share(pair, band) > WIDE_SHARE else NARROW].append((i, query, band))
        for inner, indexed in shapes.items():
            if not indexed:
                continue
            rows: dict[int, list] = {}
            found = self.conn.execute(
                FUZZY.format(inner),
                ([q for _, q, _ in indexed], [b[0] for *_, b in indexed], [b[1] for *_, b in indexed], *pair),
            )
            for n, source, target, origin in found:
                rows.setdefault(n, []).append((source, target, origin))
            for n, (i, query, _band) in enumerate(indexed, start=1):
                answers[i] = best_of(query, rows.get(n, []), minimum, limit)
        return answers
