"""Interruptions: SIGINT and SIGKILL at random moments never leave a broken catalog or lose a translation."""
# ruff: noqa: F811 - pytest fixtures imported from argos_fixture are parameters by design

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argos_fixture import argos_archive, argos_home, installed_model  # noqa: F401
from transflow.po.catalog import load_catalog, save_catalog

from conftest import ARTICLE

REPO = Path(__file__).resolve().parent.parent
DOCS = 16


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
        if path.name.endswith(".tmp"):  # a writer killed with SIGKILL; the next run clears these
            continue
        load_catalog(path)
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)
    after = translations(root)
    missing = set(before) - set(after)
    assert not missing, f"translations lost: {sorted(missing)[:3]}"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("command", ["segment", "draft", "merge"])
def test_interrupted_at_random_moments(busy_project: Path, command: str, sig: signal.Signals, request) -> None:
    if command == "draft":
        request.getfixturevalue("installed_model")  # a real (tiny) Argos model in this test's Argos home
        run(busy_project, "segment").check_returncode()  # the edited sentences are now empty entries
    rng = random.Random(f"{command}{sig}")
    before = translations(busy_project)
    for _ in range(2):
        proc = run(busy_project, command, wait=False)
        time.sleep(rng.uniform(0.3, 2.0))
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert "Traceback" not in err
        assert_intact(busy_project, before)
        for out in (busy_project / "build").glob("*.html"):
            assert out.read_text("utf-8").rstrip().endswith("</html>")
    assert run(busy_project, command).returncode == 0  # and a clean run afterwards finishes the job
    assert_intact(busy_project, before)
    assert not list(busy_project.rglob(".*.tmp")), "stale temp files were not cleared"


def test_ctrl_c_while_python_shuts_down_prints_no_traceback(tmp_path: Path) -> None:
    """Once a command is over, Python still joins worker threads before it exits; Ctrl-C there has nothing
    left to stop and must not print a traceback. A thread that outlives the command stands in for them."""
    script = tmp_path / "transflow"  # started under the program's own name, as the console script is
    script.write_text(
        "import sys, threading, time\n"
        "from transflow.cli import run\n"
        "threading.Thread(target=time.sleep, args=(3,)).start()\n"
        "run()\n",
        "utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, str(script), "--version"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    first = proc.stdout.readline()  # the command has answered; now Python waits for the thread
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert first.startswith("transflow")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert proc.returncode == 0
