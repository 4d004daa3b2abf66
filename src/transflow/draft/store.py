"""What both memory backends share: the public API, exact and batched fuzzy lookups, statistics.

A backend (SQLite file or PostgreSQL server) supplies the storage primitives — a write transaction, the
unit insert, the fuzzy candidates — and this class turns them into the operations the stages and the CLI
use. Scores never come from the database: candidates are scored here, with the same exact scorer
(:mod:`transflow.draft.fuzzy`), so both backends rank and score the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from transflow.draft.fuzzy import DEFAULT_MIN, Match, best_of, sort_key
from transflow.po.langs import primary

Row = tuple[str, str, str]  # (source, target, origin)


@lru_cache(maxsize=256)
def lang_key(code: str) -> str:
    """Compare languages by their main part, lower-case: ``en-US``, ``en_us`` and ``EN`` are all ``en``."""
    return primary(code)


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Store(ABC):
    """The translation memory API; each backend implements the abstract storage primitives."""

    backend = ""
    mark = "?"  # the driver's parameter placeholder

    # -- primitives (per backend) -----------------------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager:
        """A write transaction: everything written inside it commits together or not at all."""

    @abstractmethod
    def _execute(self, sql: str, params: tuple = ()):
        """Run one statement (placeholders in the driver's style); returns the driver's cursor."""

    @abstractmethod
    def _insert(self, rows: Iterable[tuple[str, str, str, str, str]]) -> int:
        """Insert or replace ``(src_lang, tgt_lang, source, target, origin)`` rows inside a transaction."""

    @abstractmethod
    def _fuzzy(self, queries: list[str], pair: tuple[str, str], minimum: int, limit: int) -> list[list[Match]]:
        """Each query's matches of at least ``minimum`` percent from the backend's index, best first."""

    @abstractmethod
    def _size(self) -> int:
        """Bytes the memory occupies (for ``memory stats``)."""

    @abstractmethod
    def location(self) -> str:
        """Where the memory lives, for messages (a URL never shows its password)."""

    @abstractmethod
    def close(self) -> None:
        """Release the file or connection."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sql(self, text: str) -> str:
        return text if self.mark == "?" else text.replace("?", self.mark)

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        return list(self._execute(self.sql(sql), params))

    # -- reviewed units ---------------------------------------------------------------------------------

    def stamp(self, origin: str) -> str | None:
        found = self.rows("SELECT stamp FROM origins WHERE origin = ?", (origin,))
        return found[0][0] if found else None

    def replace_origin(self, origin: str, stamp: str, src_lang: str, pairs: dict[str, list[tuple[str, str]]]) -> int:
        """Replace everything one origin contributed; ``pairs`` maps target language -> [(source, target)]."""
        rows = [(lang_key(src_lang), lang_key(tgt), s, t, origin) for tgt, items in pairs.items() for s, t in items]
        with self.transaction():
            self._execute(self.sql("DELETE FROM units WHERE origin = ?"), (origin,))
            count = self._insert(rows)
            self._set_stamp(origin, stamp)
        return count

    def _set_stamp(self, origin: str, stamp: str) -> None:
        self._execute(self.sql("DELETE FROM origins WHERE origin = ?"), (origin,))
        self._execute(self.sql("INSERT INTO origins VALUES (?, ?)"), (origin, stamp))

    def add_pairs(self, pairs: Iterable[tuple[str, str, str]], src_lang: str, tgt_lang: str) -> int:
        """Add (or update) ``(source, target, origin)`` pairs in one transaction; returns how many were given.

        The batch entry point for importers (TMX, aligned documents): a pair already stored with the same
        source and origin gets the new target; nothing else is removed.
        """
        src, tgt = lang_key(src_lang), lang_key(tgt_lang)
        with self.transaction():
            return self._insert((src, tgt, s, t, o) for s, t, o in pairs)

    def drop_origins(self, prefix: str, keep: set[str]) -> None:
        """Forget origins with ``prefix`` that are not in ``keep`` (catalogs deleted since last time)."""
        gone = [o for (o,) in self.rows("SELECT origin FROM origins") if o.startswith(prefix) and o not in keep]
        if not gone:
            return
        with self.transaction():
            for origin in gone:
                self._execute(self.sql("DELETE FROM units WHERE origin = ?"), (origin,))
                self._execute(self.sql("DELETE FROM origins WHERE origin = ?"), (origin,))

    # -- lookups ----------------------------------------------------------------------------------------

    def lookup(self, source: str, src_lang: str, tgt_lang: str, fuzzy: bool = True) -> Match | None:
        """The best reviewed translation of ``source``: exact if there is one, else the closest >= 75%."""
        found = self.search([source], src_lang, tgt_lang, DEFAULT_MIN if fuzzy else 100)
        return found[0][0] if found[0] else None

    def search(
        self, queries: list[str], src_lang: str, tgt_lang: str, minimum: int = DEFAULT_MIN, limit: int = 1
    ) -> list[list[Match]]:
        """The ``limit`` best matches of each query (>= ``minimum`` percent), best first, in one batch.

        Exact matches come from the index on the source text; with ``limit`` 1 they settle a query. The
        rest go to the backend's fuzzy search, which returns what an exhaustive scan would.
        """
        pair = (lang_key(src_lang), lang_key(tgt_lang))
        exact = self._exact(list(dict.fromkeys(q for q in queries if q)), pair)
        answers: dict[str, list[Match]] = {}
        for query in dict.fromkeys(queries):
            if query in exact and (limit == 1 or minimum >= 100):
                answers[query] = exact[query][:limit]
            elif minimum >= 100 or not query:
                answers[query] = exact.get(query, [])[:limit]
        rest = [q for q in dict.fromkeys(queries) if q not in answers]
        for chunk in chunks(rest, 64):
            for query, found in zip(chunk, self._fuzzy(chunk, pair, minimum, limit), strict=True):
                answers[query] = found
        return [answers[q] for q in queries]

    def _exact(self, queries: list[str], pair: tuple[str, str]) -> dict[str, list[Match]]:
        out: dict[str, list[Match]] = {}
        for chunk in chunks(queries, 500):
            marks = ",".join("?" * len(chunk))
            for source, target, origin in self.rows(
                f"SELECT source, target, origin FROM units WHERE src_lang = ? AND tgt_lang = ? AND source IN ({marks})",
                (*pair, *chunk),
            ):
                out.setdefault(source, []).append(Match(target, 1.0, origin, source))
        return {k: sorted(v, key=sort_key) for k, v in out.items()}

    def band_scan(self, query: str, pair: tuple[str, str], band: tuple[int, int], minimum: int, limit: int):
        """Score every unit whose length is in ``band`` (short queries, where no filter can prune)."""
        rows = self.rows(
            "SELECT source, target, origin FROM units WHERE src_lang = ? AND tgt_lang = ? "
            "AND length(source) BETWEEN ? AND ?",
            (*pair, *band),
        )
        return best_of(query, rows, minimum, limit)

    # -- machine output cache ---------------------------------------------------------------------------

    def cached(self, model: str, sources: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in chunks(list(dict.fromkeys(sources)), 500):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT source, target FROM mt WHERE model = ? AND source IN ({marks})"
            out.update(self.rows(sql, (model, *chunk)))
        return out

    def store(self, model: str, pairs: dict[str, str]) -> None:
        with self.transaction():
            for source, target in pairs.items():
                self._execute(self.sql("DELETE FROM mt WHERE model = ? AND source = ?"), (model, source))
                self._execute(self.sql("INSERT INTO mt VALUES (?, ?, ?)"), (model, source, target))

    # -- whole memory -----------------------------------------------------------------------------------

    def units(self) -> Iterator[tuple[str, str, str, str, str]]:
        """Every unit as ``(src_lang, tgt_lang, source, target, origin)``, in a stable order (for export)."""
        yield from self._execute(
            "SELECT src_lang, tgt_lang, source, target, origin FROM units ORDER BY src_lang, tgt_lang, id"
        )

    def stats(self) -> dict:
        pairs = {
            f"{src}-{tgt}": n
            for src, tgt, n in self.rows(
                "SELECT src_lang, tgt_lang, count(*) FROM units GROUP BY src_lang, tgt_lang ORDER BY 1, 2"
            )
        }
        (mt,) = self.rows("SELECT count(*) FROM mt")[0]
        return {
            "backend": self.backend,
            "units": sum(pairs.values()),
            "pairs": pairs,
            "mt": mt,
            "size_bytes": self._size(),
            "location": self.location(),
        }


class NoMemory:
    """Stands in when the memory cannot be reached and the model can do the work alone (``draft``).

    A null object of the operations ``draft`` uses: it remembers nothing and finds nothing.
    """

    backend = "none"

    def __init__(self, reason: str):
        self.reason = reason

    def stamp(self, origin: str) -> str | None:
        return None

    def replace_origin(self, origin, stamp, src_lang, pairs) -> int:
        return 0

    def drop_origins(self, prefix, keep) -> None:
        return None

    def search(self, queries, src_lang, tgt_lang, minimum=DEFAULT_MIN, limit=1) -> list[list[Match]]:
        return [[] for _ in queries]

    def cached(self, model, sources) -> dict[str, str]:
        return {}

    def store(self, model, pairs) -> None:
        return None

    def close(self) -> None:
        return None

    def __enter__(self) -> NoMemory:
        return self

    def __exit__(self, *exc) -> None:
        return None


def redact(url: str) -> str:
    """The URL without its password, for messages (``postgresql://ana@db:5432/tm``)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        if parts.username:
            netloc = f"{parts.username}@{netloc}"
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return "<memory URL>"
