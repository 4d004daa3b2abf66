"""Interruptions: SIGINT and SIGKILL at random moments never leave a broken catalog or lose a translation."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from transflow.catalog import load_catalog, save_catalog

from conftest import ARTICLE

REPO = Path(__file__).resolve().parent.parent
DOCS = 24


@pytest.fixture
def busy_project(tmp_path: Path) -> Path:
    """Many documents, each with a translated catalog, so a run takes long enough to be interrupted."""
    sys.path.insert(0, str(REPO / "bench"))
    from corpus import make_corpus

    make_corpus(tmp_path, DOCS, seed=7)
    (tmp_path / "source" / "qujiang.txt").write_text(ARTICLE.read_text("utf-8"), "utf-8")
    run(tmp_path, "segment").check_returncode()
    for po_path in (tmp_path / "locale/en/LC_MESSAGES").glob("*.po"):
        po = load_catalog(po_path)
        for i, entry in enumerate(po):
            entry.msgstr = f"Translation {i} of {po_path.stem}."
        save_catalog(po, po_path)
    # change every source a little, so the next run has real work to do in every document
    for src in (tmp_path / "source").glob("*.txt"):
        src.write_text(src.read_text("utf-8").replace("。", "。补充一句。", 1), "utf-8")
    return tmp_path


def run(root: Path, *args: str, wait: bool = True):
    cmd = [sys.executable, "-m", "transflow.cli", "-C", str(root), *args]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    if wait:
        return subprocess.run(cmd, capture_output=True, env=env, text=True)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)


def translations(root: Path) -> dict[tuple[str, str], str]:
    out = {}
    for po_path in sorted((root / "locale/en/LC_MESSAGES").glob("*.po")):
        for entry in load_catalog(po_path):
            if entry.msgstr:
                out[(po_path.stem, entry.msgstr)] = entry.msgstr
    return out


def assert_intact(root: Path, before: dict) -> None:
    for path in sorted(root.glob("locale/**/*.po*")):
        assert not path.name.endswith(".tmp"), f"temp file left behind: {path}"
        load_catalog(path)
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)
    after = translations(root)
    missing = set(before) - set(after)
    assert not missing, f"translations lost: {sorted(missing)[:3]}"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_segment_interrupted_at_random_moments(busy_project: Path, sig: signal.Signals) -> None:
    rng = random.Random(sig)
    before = translations(busy_project)
    for _ in range(3):
        proc = run(busy_project, "segment", wait=False)
        time.sleep(rng.uniform(0.3, 2.5))
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert "Traceback" not in err
        assert_intact(busy_project, before)
    assert run(busy_project, "segment").returncode == 0  # and a clean run afterwards finishes the job
    assert_intact(busy_project, before)
