"""Translation memory: reviewed translations and machine output, in a SQLite file or a shared PostgreSQL.

Three kinds of content, on either backend:
- ``units``: reviewed pairs (source, target) by language pair and origin — every catalog's translated,
  non-fuzzy entries (refreshed when the catalog file changes), imported TMX files and aligned documents;
- ``origins``: which file each origin came from and the stamp it had, so unchanged catalogs are not re-read;
- ``mt``: machine output by model key and source sentence, so drafting the same sentence again is free.

Which backend: ``memory = "postgresql://user@host/db"`` in ``transflow.toml`` (or ``[tool.transflow]``),
overridden by the ``TRANSFLOW_MEMORY`` environment variable; without either, ``.transflow/memory.sqlite``.
Both give the same results: candidates come from each backend's index, scores from one exact scorer
(:mod:`transflow.draft.fuzzy`).
"""

from __future__ import annotations

import os
from pathlib import Path

from transflow.draft.fuzzy import DEFAULT_MIN, Match
from transflow.draft.store import NoMemory, Store, lang_key, redact
from transflow.draft.store_sqlite import DB_FILE, SqliteMemory
from transflow.draft.tmx_io import read_tmx, write_tmx
from transflow.project.config import Config
from transflow.project.errors import InputError

__all__ = [
    "DB_FILE",
    "DEFAULT_MIN",
    "Match",
    "Memory",
    "NoMemory",
    "Store",
    "export_tmx",
    "import_tmx",
    "lang_key",
    "memory_url",
    "open_memory",
    "redact",
]

ENV = "TRANSFLOW_MEMORY"
PG_SCHEMES = ("postgresql", "postgres")


def Memory(root: Path) -> SqliteMemory:  # noqa: N802 - kept as the name callers know
    """The project's embedded SQLite memory (``.transflow/memory.sqlite``)."""
    return SqliteMemory(root)


def memory_url(config: Config) -> str:
    """Where the memory lives: ``TRANSFLOW_MEMORY``, else ``memory`` in the configuration, else ``""``."""
    value = os.environ.get(ENV) or config.extra.get("memory") or ""
    if not isinstance(value, str):
        raise InputError(f"memory = {value!r}: expected a string (postgresql://user@host:5432/db or a file path)")
    return value.strip()


def open_memory(config: Config) -> Store:
    """Open (and on first use create) the configured memory; an unreachable one is an :class:`InputError`."""
    url = memory_url(config)
    if url.split(":", 1)[0].lower() in PG_SCHEMES:
        from transflow.draft.store_pg import PgMemory

        return PgMemory(url)
    if url:
        path = Path(url.removeprefix("sqlite://"))
        return SqliteMemory(config.root, path if path.is_absolute() else config.root / path)
    return SqliteMemory(config.root)


def import_tmx(config: Config, path: Path) -> int:
    """Import (or re-import) a TMX file; returns the number of pairs stored. All or nothing.

    Units without an origin of their own (an ``x-origin`` prop, which our export writes) get
    ``tmx:<file name>``; re-importing that file first drops what it brought last time.
    """
    origin = f"tmx:{path.name}"
    src = lang_key(config.source_lang)
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    rows = ((src, tgt, s, t, own or origin) for tgt, s, t, own in read_tmx(path, config.source_lang))
    with open_memory(config) as memory, memory.transaction():
        memory._execute(memory.sql("DELETE FROM units WHERE origin = ?"), (origin,))
        count = memory._insert(rows)
        if not count:
            raise InputError(
                f"{path}: no translation units with a {config.source_lang!r} side; check the xml:lang codes"
            )
        memory._set_stamp(origin, f"{stat.st_size}-{stat.st_mtime_ns}")
    return count


def export_tmx(config: Config, path: Path) -> int:
    """Write every unit of the memory to a TMX 1.4 file (a backup, or a memory for CAT tools)."""
    with open_memory(config) as memory:
        return write_tmx(path, memory.units(), config.source_lang)
