"""Argos Translate model packages: list, install (from a checked ``.argosmodel`` file or the online index), remove.

A ``.argosmodel`` is a zip archive that argostranslate would unpack as it is into its packages folder, so a
bad or hostile file could write anywhere or fill the disk. Every archive is checked first (one top-level
folder, ``metadata.json`` with language codes, a ``model/`` folder, relative member paths, no links, a
bounded size), unpacked into a staging folder next to the packages folder and only then renamed into
place, so a failed install leaves the packages folder exactly as it was.

The packages folder is the one argostranslate uses (``ARGOS_PACKAGES_DIR``, its ``settings.json``, or
``$XDG_DATA_HOME/argos-translate/packages``); it is worked out here without importing argostranslate,
which keeps :func:`model_available` cheap for ``transflow run``. argostranslate's own installer is not
called: it imports ``argostranslate.translate`` (seconds, hundreds of MB) only to clear a cache, and
extracts without any of these checks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from transflow.po import langs
from transflow.project.errors import InputError, TransflowError

#: Largest unpacked package accepted (real Argos models are 50-400 MB).
MAX_UNPACKED = 4 * 1024**3
MAX_MEMBERS = 10_000
CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?$")
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def _setting(key: str) -> str | None:
    """An argostranslate setting: environment first, then its settings.json (as argostranslate does)."""
    if os.environ.get(key) is not None:
        return os.environ[key]
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    try:
        value = json.loads((config_home / "argos-translate" / "settings.json").read_text("utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def packages_dir() -> Path:
    """The folder argostranslate installs packages into and reads them from."""
    configured = _setting("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured)
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "argos-translate" / "packages"


@dataclass(frozen=True)
class ModelPackage:
    """An installed package as read from its ``metadata.json``."""

    name: str
    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


def _read_package(path: Path) -> ModelPackage | None:
    try:
        meta = json.loads((path / "metadata.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(meta, dict)
        or not isinstance(meta.get("from_code"), str)
        or not isinstance(meta.get("to_code"), str)
    ):
        return None
    return ModelPackage(
        name=path.name,
        path=path,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        version=str(meta.get("package_version", "")),
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def installed() -> list[ModelPackage]:
    """Installed translation packages, by name; folders without valid metadata are left out."""
    root = packages_dir()
    if not root.is_dir():
        return []
    found = (_read_package(p) for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith("."))
    return [p for p in found if p is not None and (p.path / "model").is_dir()]


def find_package(from_code: str, to_code: str) -> ModelPackage | None:
    """The installed package for a language pair (the newest version if several), or None."""
    matches = [p for p in installed() if p.from_code == langs.argos(from_code) and p.to_code == langs.argos(to_code)]
    return max(matches, key=lambda p: _version_key(p.version)) if matches else None


def _version_key(version: str) -> tuple:
    return tuple(int(x) if x.isdigit() else 0 for x in re.split(r"[._-]", version))


def model_available(from_code: str, to_code: str) -> bool:
    """Whether a model for the pair is installed. Reads folders only; imports nothing heavy."""
    return find_package(from_code, to_code) is not None


def install_hint(from_code: str, to_code: str) -> str:
    pair = f"{langs.argos(from_code)} {langs.argos(to_code)}"
    return (
        f"install one with: transflow models install {pair}  (online), or "
        f"transflow models install translate-{pair.replace(' ', '_')}.argosmodel  (a downloaded file)"
    )


# -- checking an archive ---------------------------------------------------------------------------------


def check_archive(path: Path) -> tuple[str, dict]:
    """Validate a ``.argosmodel``; returns its top-level folder name and metadata, or raises InputError."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; give a .argosmodel file or a language pair such as 'zh en'")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            top = _check_members(path, infos)
            try:
                raw = zf.read(f"{top}/metadata.json")
            except KeyError:
                raise InputError(f"{path}: no {top}/metadata.json; this is not an Argos model package") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{path}: not a valid zip archive ({exc}); download the .argosmodel again") from None
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: {top}/metadata.json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: {top}/metadata.json must be a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not CODE.match(meta[key]):
            raise InputError(f"{path}: {top}/metadata.json has no valid {key!r} (a language code such as 'zh')")
    if meta.get("type", "translate") != "translate":
        raise InputError(f"{path}: package type {meta.get('type')!r} is not a translation model")
    if not any(i.filename.startswith(f"{top}/model/") and not i.is_dir() for i in infos):
        raise InputError(f"{path}: no {top}/model/ folder with a CTranslate2 model in it")
    return top, meta


def _check_members(path: Path, infos: list[zipfile.ZipInfo]) -> str:
    if not infos:
        raise InputError(f"{path}: empty archive")
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{path}: {len(infos)} members is more than a model package has ({MAX_MEMBERS} at most)")
    tops: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or "\\" in name or re.match(r"^[A-Za-z]:", name) or ".." in parts or not parts:
            raise InputError(f"{path}: member {name!r} would be written outside the packages folder; refusing it")
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            what = "a symbolic link" if kind == stat.S_IFLNK else "not a plain file"
            raise InputError(f"{path}: member {name!r} is {what}; refusing the archive")
        if len(parts) == 1 and not info.is_dir():
            raise InputError(f"{path}: file {name!r} is outside a package folder; a package is one top-level folder")
        tops.add(parts[0])
        total += info.file_size
    if len(tops) != 1 or next(iter(tops)) in (".", ""):
        raise InputError(f"{path}: {len(tops)} top-level entries; a package is exactly one top-level folder")
    if total > MAX_UNPACKED:
        raise InputError(f"{path}: unpacks to {total / 1e9:.1f} GB, more than {MAX_UNPACKED / 1e9:.1f} GB allowed")
    return tops.pop()


def _extract(path: Path, top: str, staging: Path) -> None:
    """Unpack member by member, counting real bytes (a zip can lie about sizes)."""
    budget = MAX_UNPACKED
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            target = staging.joinpath(*PurePosixPath(info.filename).parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                while chunk := src.read(1 << 20):
                    budget -= len(chunk)
                    if budget < 0:
                        raise InputError(f"{path}: unpacks to more than {MAX_UNPACKED / 1e9:.1f} GB; refusing it")
                    dst.write(chunk)


def install_file(path: Path) -> ModelPackage:
    """Check and install a ``.argosmodel``; an existing package of the same name is replaced."""
    path = Path(path)
    top, _meta = check_archive(path)
    root = packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".transflow-install-", dir=root.parent))
    try:
        try:
            _extract(path, top, staging)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise InputError(f"{path}: cannot unpack ({exc}); download the .argosmodel again") from None
        final = root / top
        old = None
        if final.exists():
            old = staging / ".previous"
            os.replace(final, old)
        try:
            os.replace(staging / top, final)
        except OSError:
            if old is not None:
                os.replace(old, final)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package = _read_package(final)
    if package is None:  # pragma: no cover - check_archive read the same metadata
        raise TransflowError(f"{final}: installed package has unreadable metadata")
    return package


def install_pair(from_code: str, to_code: str, timeout: float = 20.0) -> ModelPackage:
    """Download the pair's package from the Argos index, then check and install it like a file."""
    import urllib.error
    import urllib.request

    index_url = (_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX).rstrip("/") + "/index.json"
    src, tgt = langs.argos(from_code), langs.argos(to_code)
    offline = (
        f"cannot reach the Argos package index at {index_url} ({{reason}}); offline, download "
        f"translate-{src}_{tgt}-*.argosmodel elsewhere and run: transflow models install FILE.argosmodel"
    )
    try:
        with urllib.request.urlopen(index_url, timeout=timeout) as response:
            index = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(offline.format(reason=getattr(exc, "reason", exc))) from None
    entries = [e for e in index if isinstance(e, dict) and e.get("from_code") == src and e.get("to_code") == tgt]
    if not entries:
        raise InputError(f"the Argos index has no {src}->{tgt} package; install a .argosmodel file instead")
    entry = max(entries, key=lambda e: _version_key(str(e.get("package_version", ""))))
    links = [link for link in entry.get("links", []) if isinstance(link, str) and link.startswith("https://")]
    if not links:
        raise InputError(f"the Argos index entry for {src}->{tgt} has no https download link")
    with tempfile.TemporaryDirectory(prefix="transflow-download-") as tmp:
        target = Path(tmp) / f"translate-{src}_{tgt}.argosmodel"
        try:
            with urllib.request.urlopen(links[0], timeout=timeout) as response, open(target, "wb") as out:
                shutil.copyfileobj(response, out)
        except (urllib.error.URLError, OSError) as exc:
            raise InputError(
                offline.format(reason=getattr(exc, "reason", exc)).replace("package index", "download")
            ) from None
        return install_file(target)


def remove(name: str) -> ModelPackage:
    """Remove an installed package by folder name (as ``models list`` shows) or by pair (``zh-en``)."""
    packages = installed()
    chosen = [p for p in packages if p.name == name]
    if not chosen and re.match(r"^[a-z]{2,3}[-_ ][a-z]{2,3}$", name):
        src, tgt = re.split(r"[-_ ]", name)
        chosen = [p for p in packages if p.from_code == src and p.to_code == tgt]
    if not chosen:
        names = ", ".join(p.name for p in packages) or "none installed"
        raise InputError(f"no installed model named {name!r} (installed: {names}); see transflow models list")
    for package in chosen:
        shutil.rmtree(package.path)
    return chosen[0]
