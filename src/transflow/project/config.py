"""Project configuration: ``transflow.toml`` or ``[tool.transflow]`` in ``pyproject.toml``, else defaults.

Defaults make a bare folder with ``source/`` work with no configuration at all.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from transflow.project.errors import InputError

#: A document name: the stem of a source file. No path separators, no leading dot, no spaces.
DOC_NAME = re.compile(r"^[\w][\w.+-]*$")
#: A target language code as gettext writes it (en, en_GB, zh_Hant, sr@latin).
LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})?(?:@[A-Za-z]+)?$")
#: Every key ``transflow.toml`` may hold: a misspelt key would otherwise be ignored, quietly.
KNOWN_KEYS = frozenset(
    {
        "source_dir",
        "locale_dir",
        "output_dir",
        "source_language",
        "target_languages",
        "languages",
        "glossary",
        "ignore_checks",
        "memory",
        "source_encoding",
    }
)
#: What makes a folder a transflow project: its own configuration, or the default source or catalog folder.
PROJECT_MARKERS = ("transflow.toml", "source", "locale")


@dataclass(frozen=True)
class Config:
    """Where things are and which languages to produce; paths are absolute."""

    root: Path
    source_dir: Path
    locale_dir: Path
    output_dir: Path
    source_lang: str = "zh"
    target_langs: tuple[str, ...] = ("en",)
    glossary: Path | None = None
    ignore_checks: tuple[str, ...] = ()
    source_encoding: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def pot_path(self, doc: str) -> Path:
        return self.locale_dir / f"{doc}.pot"

    def po_path(self, doc: str, lang: str) -> Path:
        return self.locale_dir / lang / "LC_MESSAGES" / f"{doc}.po"

    def source_ref(self, doc_path: Path) -> str:
        """The path written in ``#:`` references: relative to the project root, with slashes."""
        try:
            return doc_path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return doc_path.name

    def documents(self, names: list[str] | None = None) -> list[tuple[str, Path]]:
        """The documents to work on: named ones (by stem or path), else every source in the source dir.

        Sources are ``*.txt`` (one paragraph per line) and ``*.md`` (Markdown); one name with both is refused.
        """
        if not names:
            if not self.source_dir.is_dir():
                raise InputError(f"{self.source_dir}: no source folder; create it and put articles (*.txt) in it")
            found = sorted(p for ext in SOURCE_SUFFIXES for p in self.source_dir.glob(f"*{ext}"))
            if not found:
                raise InputError(
                    f"no articles in {self.source_ref(self.source_dir)}/; put articles (*.txt or *.md) in it"
                )
            return _unique([(check_doc_name(p.stem, p), p) for p in sorted(found, key=lambda p: p.stem)])
        out = []
        for name in names:
            path = Path(name)
            if path.suffix in SOURCE_SUFFIXES and path.exists():
                out.append((check_doc_name(path.stem, path), path))
                continue
            check_doc_name(name, name)
            candidates = [self.source_dir / f"{name}{ext}" for ext in SOURCE_SUFFIXES]
            existing = [p for p in candidates if p.exists()]
            if not existing:
                raise InputError(f"{candidates[0]}: no such source document")
            out += _unique([(name, p) for p in existing])
        return out

    def check_lang(self, lang: str) -> str:
        if not LANG_CODE.match(lang):
            raise InputError(f"{lang!r} is not a language code (use e.g. en, en_GB)")
        return lang

    def langs(self, lang: str | None) -> list[str]:
        return [self.check_lang(lang)] if lang else list(self.target_langs)


#: Source file kinds: plain text first (the original format), then Markdown.
SOURCE_SUFFIXES = (".txt", ".md")


def _unique(docs: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """Refuse two sources with one name (``a.txt`` and ``a.md`` would share one catalog)."""
    seen: dict[str, Path] = {}
    for name, path in docs:
        if name in seen:
            raise InputError(f"{path}: {seen[name].name} has the same name; keep one source per document")
        seen[name] = path
    return docs


def check_doc_name(name: str, where: object) -> str:
    """Refuse names that could write outside ``locale/`` or ``build/`` or break ``#:`` references."""
    if not DOC_NAME.match(name) or name in (".", ".."):
        raise InputError(f"{where}: document name {name!r} must be letters, digits, '_', '-', '.' or '+'")
    return name


def _table(root: Path) -> tuple[dict, Path | None]:
    """The configuration table and the file it came from (None: no configuration, defaults only)."""
    own = root / "transflow.toml"
    try:
        if own.exists():
            return tomllib.loads(own.read_text("utf-8")), own
        project = root / "pyproject.toml"
        if project.exists():
            table = tomllib.loads(project.read_text("utf-8")).get("tool", {}).get("transflow")
            return (table, project) if table is not None else ({}, None)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{own if own.exists() else root / 'pyproject.toml'}: bad TOML ({exc})") from None
    return {}, None


def is_project(folder: Path) -> bool:
    """A transflow project: ``transflow.toml``, ``[tool.transflow]`` in ``pyproject.toml``, ``source/`` or
    ``locale/``. Commands refuse other folders rather than creating ``.transflow/`` in a mistyped one."""
    if any((folder / marker).exists() for marker in PROJECT_MARKERS):
        return True
    try:
        return _table(folder)[1] is not None
    except InputError:
        return True  # a broken [tool.transflow] is still ours: load_config reports it


def find_project(start: Path) -> Path | None:
    """The nearest project folder at or above ``start`` (a ``.po`` path given from a repository root)."""
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    return None


def open_project(folder: Path | None = None, paths: list[str] | tuple[str, ...] = ()) -> Config:
    """The project the CLI works on: ``-C folder``, else the current folder, else the project above the first
    ``.po`` file named on the command line. Never creates anything: a missing or foreign folder is an error."""
    if folder is not None:
        if not folder.is_dir():
            raise InputError(f"{folder}: no such project folder")
        if not is_project(folder):
            raise InputError(f"{folder}: not a transflow project ({_NOT_A_PROJECT})")
        return load_config(folder)
    here = Path.cwd()
    if is_project(here):
        return load_config(here)
    for name in paths:
        if name.endswith(".po") and Path(name).is_file():
            root = find_project(Path(name).resolve().parent)
            if root is not None:
                return load_config(root)
    raise InputError(f"{here}: not a transflow project ({_NOT_A_PROJECT}); run in the project or pass -C FOLDER")


_NOT_A_PROJECT = "no source/, locale/, transflow.toml or [tool.transflow] in pyproject.toml"


def repository_prefix(root: Path) -> str:
    """The project folder relative to its git repository's root, with a trailing slash ('' at the root or
    outside a repository): GitHub resolves annotation paths from the repository root."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            rel = root.relative_to(folder).as_posix()
            return "" if rel == "." else rel + "/"
    return ""


def load_config(root: Path | None = None) -> Config:
    """Read the project's configuration from ``root`` (default: the current folder)."""
    root = (root or Path.cwd()).resolve()
    table, source = _table(root)
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise InputError(f"{source}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    langs = table.get("target_languages", table.get("languages", ["en"]))
    if isinstance(langs, str):
        langs = [langs]
    glossary = table.get("glossary", "glossary.csv")
    config = Config(
        root=root,
        source_dir=root / table.get("source_dir", "source"),
        locale_dir=root / table.get("locale_dir", "locale"),
        output_dir=root / table.get("output_dir", "build"),
        source_lang=table.get("source_language", "zh"),
        target_langs=tuple(langs),
        glossary=root / glossary if glossary else None,
        ignore_checks=tuple(table.get("ignore_checks", ())),
        source_encoding=table.get("source_encoding") or None,
        extra=table,
    )
    for lang in config.target_langs:
        config.check_lang(lang)
    return config
