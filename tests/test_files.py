"""project/files.py: atomic writes, stale temp files, reading inputs, directly (no CLI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transflow.project.errors import InputError
from transflow.project.files import TEMP_GLOB, atomic_write, read_input, remove_stale_temp_files


def test_atomic_write_writes_once_and_keeps_the_mode(tmp_path: Path):
    path = tmp_path / "deep" / "notes.csv"
    assert atomic_write(path, "词,word\n") is True
    assert path.read_bytes() == "词,word\n".encode()
    assert path.stat().st_mode & 0o777 == 0o644
    os.chmod(path, 0o600)
    stamp = path.stat().st_mtime_ns
    assert atomic_write(path, "词,word\n".encode()) is False  # same bytes: the file is not touched
    assert path.stat().st_mtime_ns == stamp
    assert atomic_write(path, "词,words\n") is True
    assert path.stat().st_mode & 0o777 == 0o600  # a rewrite keeps the permissions someone chose
    assert not list(tmp_path.rglob(TEMP_GLOB))


def test_a_failed_write_leaves_what_was_there_and_no_temp_file(tmp_path: Path):
    target = tmp_path / "report.html"
    target.mkdir()  # a folder where the file should go: the final rename fails
    (target / "inside.txt").write_text("someone's file")
    with pytest.raises(OSError):
        atomic_write(target, "<p>new</p>")
    assert (target / "inside.txt").read_text() == "someone's file"
    assert not list(tmp_path.rglob(TEMP_GLOB))


def test_stale_temp_files_are_removed_and_nothing_else(tmp_path: Path):
    (tmp_path / "en" / "LC_MESSAGES").mkdir(parents=True)
    stale = tmp_path / "en" / "LC_MESSAGES" / ".news.po.k3j9.tmp"
    stale.write_text("half a catalog")
    kept = [tmp_path / "en" / "LC_MESSAGES" / "news.po", tmp_path / "notes.tmp", tmp_path / ".hidden"]
    for path in kept:
        path.write_text("x")
    assert remove_stale_temp_files(tmp_path) == 1
    assert not stale.exists() and all(p.exists() for p in kept)
    assert remove_stale_temp_files(tmp_path / "missing") == 0


def test_read_input_names_the_file(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"\xe6\x96\xb0")
    assert read_input(tmp_path / "a.txt") == "新".encode()
    with pytest.raises(InputError, match=r"nope\.po: cannot read catalog \("):
        read_input(tmp_path / "nope.po", "catalog")
    with pytest.raises(InputError, match=r": cannot read \("):
        read_input(tmp_path)  # a folder
