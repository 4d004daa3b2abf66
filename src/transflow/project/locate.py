"""Which catalogs a reporting command (check, stats) works on.

By default every ``locale/<lang>/LC_MESSAGES/*.po`` of the configured languages. Named documents
select their catalogs; a path to a ``.po`` file (what pre-commit passes) selects that file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transflow.project.config import Config, check_doc_name
from transflow.project.errors import InputError


@dataclass(frozen=True)
class Located:
    doc: str
    lang: str
    path: Path
    shown: str  # the path as reports show it: relative to the project root, with slashes


def _shown(config: Config, path: Path) -> str:
    try:
        return path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()


def _lang_of(path: Path) -> str:
    """locale/<lang>/LC_MESSAGES/<doc>.po -> lang; elsewhere the file's stem after a dot, else ''."""
    if path.parent.name == "LC_MESSAGES":
        return path.parent.parent.name
    return ""


def find_catalogs(config: Config, docs: list[str] | None = None, lang: str | None = None) -> list[Located]:
    """The catalogs to report on, in a stable order; InputError when a named one does not exist."""
    langs = config.langs(lang)
    out: list[Located] = []
    if not docs:
        for code in langs:
            for path in sorted((config.locale_dir / code / "LC_MESSAGES").glob("*.po")):
                out.append(Located(path.stem, code, path, _shown(config, path)))
        if not out:
            where = _shown(config, config.locale_dir)
            hint = f" --lang {lang}" if lang else ""
            raise InputError(f"{where}: no catalogs for {', '.join(langs)}; run `transflow segment{hint}` first")
        return out
    for name in docs:
        path = Path(name)
        if path.suffix == ".po":
            for candidate in (path, config.root / path):
                if candidate.is_file():
                    code = _lang_of(candidate) or lang or ""
                    out.append(Located(path.stem, code, candidate, _shown(config, candidate)))
                    break
            else:
                raise InputError(f"{name}: no such catalog")
            continue
        doc = check_doc_name(Path(name).stem if path.suffix == ".txt" else name, name)
        if not config.pot_path(doc).is_file() and not any(config.source_dir.glob(f"{doc}.*")):
            raise InputError(f"{name}: no such document (nothing by that name in {_shown(config, config.source_dir)}/)")
        for code in langs:
            po = config.po_path(doc, code)
            if not po.is_file():
                raise InputError(
                    f"{_shown(config, po)}: no catalog for {doc!r} in {code}; "
                    f"run `transflow segment {doc} --lang {code}` first"
                )
            out.append(Located(doc, code, po, _shown(config, po)))
    return out
