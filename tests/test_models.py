"""``transflow models``: install a checked .argosmodel, list, remove; hostile or broken archives are refused."""
# ruff: noqa: F811 - pytest fixtures imported from argos_fixture are parameters by design

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from argos_fixture import argos_archive, argos_home, installed_model  # noqa: F401
from transflow.draft import models

from conftest import snapshot

SRC = Path(__file__).resolve().parent.parent / "src"


def rebuild(original: Path, target: Path, edit) -> Path:
    """Copy an archive member by member, letting ``edit(name, data)`` rename, change or drop members."""
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            out = edit(info.filename, src.read(info))
            if out is not None:
                dst.writestr(out[0], out[1])
    return target


def test_install_list_remove(cli, argos_home, argos_archive):
    empty = cli("models", "list")
    assert empty.exit_code == 0 and "no models installed" in empty.stderr

    result = cli("models", "install", str(argos_archive))
    assert result.exit_code == 0, result.stderr
    assert "installed translate-zh_en-copy (zh->en 1.0)" in result.stderr
    package = argos_home / "translate-zh_en-copy"
    assert (package / "model" / "model.bin").is_file() and (package / "sentencepiece.model").is_file()
    assert cli("models", "list").stdout == "translate-zh_en-copy\tzh->en\t1.0\n"
    assert models.model_available("zh", "en") and models.model_available("zh", "en_GB")
    assert not models.model_available("zh", "fr")

    again = cli("models", "install", str(argos_archive))  # reinstalling replaces it cleanly
    assert again.exit_code == 0
    assert sorted(p.name for p in argos_home.iterdir()) == ["translate-zh_en-copy"]
    assert [p.name for p in argos_home.parent.iterdir() if p.name.startswith(".transflow")] == []

    gone = cli("models", "remove", "zh-en")
    assert gone.exit_code == 0 and "removed translate-zh_en-copy" in gone.stderr
    assert not package.exists() and not models.model_available("zh", "en")
    missing = cli("models", "remove", "translate-zh_en-copy")
    assert missing.exit_code == 2 and "no installed model named" in missing.stderr


BAD = {
    "zip-slip": lambda n, d: (n.replace("translate-zh_en-copy/README.md", "translate-zh_en-copy/../../evil.txt"), d),
    "absolute": lambda n, d: ("/tmp/evil.txt" if n.endswith("README.md") else n, d),
    "no-metadata": lambda n, d: None if n.endswith("metadata.json") else (n, d),
    "no-to-code": lambda n, d: (n, json.dumps({"from_code": "zh"}).encode()) if n.endswith("metadata.json") else (n, d),
    "bad-json": lambda n, d: (n, b"{not json") if n.endswith("metadata.json") else (n, d),
    "no-model": lambda n, d: None if "/model/" in n else (n, d),
    "two-tops": lambda n, d: (n.replace("translate-zh_en-copy/README.md", "other/README.md"), d),
    "loose-file": lambda n, d: (n.replace("translate-zh_en-copy/README.md", "README.md"), d),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_archives_are_refused_and_change_nothing(cli, installed_model, argos_archive, tmp_path, case):
    before = snapshot(installed_model.path.parent)
    bad = rebuild(argos_archive, tmp_path / f"{case}.argosmodel", BAD[case])
    result = cli("models", "install", str(bad))
    assert result.exit_code == 2, result.stdout + result.stderr
    assert str(bad) in result.stderr and result.stderr.count("\n") == 1
    assert snapshot(installed_model.path.parent) == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def test_symlink_member_is_refused(cli, argos_home, argos_archive, tmp_path):
    bad = tmp_path / "link.argosmodel"
    with zipfile.ZipFile(argos_archive) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        link = zipfile.ZipInfo("translate-zh_en-copy/model/escape")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        dst.writestr(link, "/etc/passwd")
    result = cli("models", "install", str(bad))
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert list(argos_home.iterdir()) == []


def test_not_a_zip_and_missing_file(cli, argos_home, tmp_path):
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"this is not a zip archive")
    result = cli("models", "install", str(junk))
    assert result.exit_code == 2 and "not a valid zip archive" in result.stderr
    nothing = cli("models", "install", str(tmp_path / "absent.argosmodel"))
    assert nothing.exit_code == 2 and "no such file" in nothing.stderr
    assert list(argos_home.iterdir()) == []


def test_size_bound(cli, argos_home, argos_archive, monkeypatch):
    monkeypatch.setattr(models, "MAX_UNPACKED", 1000)
    result = cli("models", "install", str(argos_archive))
    assert result.exit_code == 2 and "GB allowed" in result.stderr
    assert list(argos_home.iterdir()) == []


def test_pair_install_offline_says_how_to_install_a_file(cli, argos_home, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    result = cli("models", "install", "zh", "en")
    assert result.exit_code == 2
    assert "cannot reach the Argos package index" in result.stderr
    assert "transflow models install FILE.argosmodel" in result.stderr
    assert list(argos_home.iterdir()) == []


def test_packages_dir_follows_argos_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert models.packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "elsewhere")}))
    assert models.packages_dir() == tmp_path / "elsewhere"


def test_model_available_imports_nothing_heavy(tmp_path):
    code = (
        "import sys, transflow.cli, transflow.draft.run\n"
        "from transflow.draft.models import model_available\n"
        "assert model_available('zh', 'en') is False\n"
        "heavy = [m for m in ('ctranslate2', 'sentencepiece', 'argostranslate', 'torch') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "ARGOS_PACKAGES_DIR": str(tmp_path / "none")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert not (tmp_path / "none").exists()
