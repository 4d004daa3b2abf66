"""``transflow run``: segment -> draft (only when a model is installed and entries are empty) -> HTML."""
# ruff: noqa: F811 - pytest fixtures imported from argos_fixture are parameters by design

from __future__ import annotations

import shutil
from pathlib import Path

from argos_fixture import argos_archive, argos_home, installed_model  # noqa: F401
from transflow.po.catalog import load_catalog

from conftest import REPO, assert_gettext_clean

PO = Path("locale/en/LC_MESSAGES/qujiang.po")


def test_run_without_a_model_segments_and_merges(project: Path, cli, argos_home) -> None:
    result = cli("run")
    assert result.exit_code == 0, result.stderr
    html = project / "build" / "qujiang.en.html"
    assert result.stdout.strip() == str(html)
    page = html.read_text("utf-8")
    assert "0 reviewed" in page and "untranslated" in page
    assert all(not e.msgstr for e in load_catalog(project / PO))  # nothing drafted without a model


def test_run_drafts_when_a_model_is_installed(project: Path, cli, installed_model) -> None:
    result = cli("run", "--include-drafts")
    assert result.exit_code == 0, result.stderr
    assert "from the model" in result.stderr
    entries = list(load_catalog(project / PO))
    assert entries and all(e.msgstr and "fuzzy" in e.flags for e in entries)
    assert_gettext_clean(project / PO)
    assert "Qujiang" in (project / "build" / "qujiang.en.html").read_text("utf-8")
    again = cli("run")  # nothing empty: no drafting, HTML rebuilt
    assert again.exit_code == 0 and "from the model" not in again.stderr


def test_run_on_the_worked_example_gives_the_reviewed_page(tmp_path: Path, cli, argos_home) -> None:
    example = tmp_path / "example"
    example.mkdir()
    for part in ("source", "locale", "glossary.csv"):
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, example / part)
    result = cli("run", root=example)
    assert result.exit_code == 0, result.stderr
    page = (example / "build" / "qujiang.en.html").read_text("utf-8")
    assert "100% reviewed" in page and "By Tang Yin and Tang Zhongxiang" in page
    assert (example / PO).read_bytes() == (REPO / PO).read_bytes()  # the committed catalog is up to date
