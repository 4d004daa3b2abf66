"""Shared fixtures: a throw-away translation project, the CLI runner, and the GNU gettext oracles."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from pg_server import postgres_server
from transflow.cli import app

#: Property tests: `ci` (the default) is derandomized, so CI is repeatable, and keeps the suite within minutes;
#: `HYPOTHESIS_PROFILE=long pytest -k property` by hand runs each property with thousands of random examples.
settings.register_profile(
    "ci", max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "qujiang.txt"


@pytest.fixture(autouse=True)
def _fixed_dates(monkeypatch):
    """Reproducible header dates in every test."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A bare project folder with the article in ``source/`` and no configuration."""
    (tmp_path / "source").mkdir()
    shutil.copy(ARTICLE, tmp_path / "source" / "qujiang.txt")
    return tmp_path


@pytest.fixture
def cli(project: Path):
    """Run ``transflow -C project ARGS``; returns the click Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, root: Path | None = None):
        return runner.invoke(app, ["-C", str(root or project), *args], catch_exceptions=False)

    return invoke


def assert_gettext_clean(path: Path) -> None:
    """The real GNU tools as oracles: msgcat --no-wrap reproduces the file byte for byte; msgfmt accepts it."""
    out = subprocess.run(["msgcat", "--no-wrap", str(path)], capture_output=True, check=True).stdout
    assert out == path.read_bytes(), f"{path} differs from msgcat --no-wrap output"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, check=True)


def segmented_catalog(project: Path, cli, doc: str, text: str) -> tuple[Path, object]:
    """Write ``source/<doc>.txt``, segment it, and return the English catalog's path and its polib file."""
    from transflow.po.catalog import load_catalog

    (project / "source" / f"{doc}.txt").write_text(text, "utf-8")
    assert cli("segment", doc).exit_code == 0
    po_path = project / "locale" / "en" / "LC_MESSAGES" / f"{doc}.po"
    return po_path, load_catalog(po_path)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes (transflow's own lock and cache in .transflow/ aside)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".transflow" not in p.relative_to(root).parts
    }


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """One headless Chromium for every page test of the session (starting one costs a second or two)."""
    from chromium import Chromium

    chrome = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield chrome
    chrome.close()


#: The database of the shared PostgreSQL server that the memory tests use.
PG_DB = "tm"


@pytest.fixture(scope="session")
def pg():
    try:
        with postgres_server() as server:
            server.admin(f"CREATE DATABASE {PG_DB} OWNER translator")
            yield server
    except RuntimeError as exc:
        if os.environ.get("TRANSFLOW_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL required (TRANSFLOW_REQUIRE_POSTGRES=1) but {exc}")
        pytest.skip(str(exc))
