"""One meaning of "reviewed" and of "percent": stats, check and merge agree, through the CLI and directly."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from transflow.po.catalog import load_catalog, save_catalog
from transflow.po.progress import DRAFT, REVIEWED, UNTRANSLATED, Progress, percent, state

#: Three sentences of our own; the first two get a reviewed translation, the third stays empty.
NEWS = "图书馆周末延长开放时间。读者可以在网上预约座位。馆长表示将增加儿童读物。\n"
ENGLISH = {
    "图书馆周末延长开放时间。": "The library stays open longer at weekends.",
    "读者可以在网上预约座位。": "Readers can book seats online.",
}
PO = Path("locale/en/LC_MESSAGES/news.po")


@pytest.fixture
def small(tmp_path: Path, cli) -> Path:
    root = tmp_path / "small"
    (root / "source").mkdir(parents=True)
    (root / "source" / "news.txt").write_text(NEWS, "utf-8")
    assert cli("segment", root=root).exit_code == 0
    po = load_catalog(root / PO)
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, "")
    save_catalog(po, root / PO)
    return root


def test_two_of_three_reviewed_passes_and_fails_the_same_threshold_everywhere(small, cli, tmp_path):
    out = tmp_path / "out.md"
    # 2/3 = 66.666...%, shown as 66.7%: a threshold of 66.7 passes in both gates ...
    assert cli("check", "--min-translated", "66.7", root=small).exit_code == 0
    assert cli("merge", "--min-translated", "66.7", "--format", "md", "-o", str(out), root=small).exit_code == 0
    assert "**66.7% reviewed**" in out.read_text("utf-8")  # the page shows the figure the gate compared
    # ... and 66.8 fails in both, each naming the same figure.
    check = cli("check", "--min-translated", "66.8", root=small)
    merge = cli("merge", "--min-translated", "66.8", root=small)
    assert check.exit_code == merge.exit_code == 1
    assert "66.7% translated, below --min-translated 66.8%" in check.stdout
    assert "is 66.7% reviewed (2/3), below --min-translated 66.8%" in merge.stderr
    stats = json.loads(cli("stats", "--format", "json", root=small).stdout)
    assert stats["catalogs"][0]["percent_segments"] == 66.7


def test_complete_means_complete(small, cli):
    """``--min-translated 100`` refuses a catalog with one entry left, however large the catalog."""
    assert cli("check", "--min-translated", "100", root=small).exit_code == 1
    assert cli("merge", "--min-translated", "100", root=small).exit_code == 1
    assert percent(1999, 2000) == 99.9 and percent(1, 2000) == 0.1


def _add_plural(project: Path, forms: dict[int, str]) -> None:
    po = load_catalog(project / PO)
    po.append(polib.POEntry(msgid="借出一本书", msgid_plural="借出%d本书", msgstr_plural=forms))
    save_catalog(po, project / PO)


def test_a_translated_plural_entry_is_reviewed_in_stats_and_check(small, cli):
    _add_plural(small, {0: "one book lent", 1: "%d books lent"})
    stats = json.loads(cli("stats", "--format", "json", root=small).stdout)["catalogs"][0]
    result = cli("check", "--format", "json", "--min-translated", "50", root=small)
    report = json.loads(result.stdout)
    catalog = report["catalogs"][0]
    assert stats["reviewed"] == catalog["reviewed"] == 3 and stats["untranslated"] == catalog["untranslated"] == 1
    assert not any(f["rule"] == "untranslated" and f["source"] == "借出一本书" for f in report["findings"])
    assert stats["percent_segments"] == catalog["percent_translated"] == 75.0


def test_a_plural_entry_with_an_empty_form_is_untranslated_everywhere(small, cli):
    _add_plural(small, {0: "one book lent", 1: ""})
    stats = json.loads(cli("stats", "--format", "json", root=small).stdout)["catalogs"][0]
    report = json.loads(cli("check", "--format", "json", "--min-translated", "10", root=small).stdout)
    assert stats["untranslated"] == report["catalogs"][0]["untranslated"] == 2
    assert any(f["rule"] == "untranslated" and f["source"] == "借出一本书" for f in report["findings"])


def test_state_of_entries():
    assert state(None) == UNTRANSLATED
    assert state(polib.POEntry(msgid="天气晴。", msgstr="")) == UNTRANSLATED
    assert state(polib.POEntry(msgid="天气晴。", msgstr="Sunny.")) == REVIEWED
    draft = polib.POEntry(msgid="天气晴。", msgstr="Sunny.")
    draft.fuzzy = True
    assert state(draft) == DRAFT and draft.flags == ["fuzzy"]
    plural = polib.POEntry(msgid="一只猫", msgid_plural="%d只猫", msgstr_plural={0: "a cat", 1: "%d cats"})
    assert state(plural) == REVIEWED
    plural.msgstr_plural[1] = ""
    assert state(plural) == UNTRANSLATED
    obsolete = polib.POEntry(msgid="旧句子。", msgstr="Old.", obsolete=True)
    assert Progress.of_entries([obsolete, polib.POEntry(msgid="", msgstr="header")]).total == 0


def test_drafts_count_only_when_allowed():
    progress = Progress(reviewed=1, drafts=1, untranslated=2)
    assert progress.percent == 25.0 and progress.shown == "25%"
    allowed = Progress(1, 1, 2, drafts_done=True)
    assert allowed.percent == 50.0 and allowed.meets(50) and not progress.meets(50)
    assert Progress().percent == 100.0 and Progress().meets(100)


@given(st.integers(0, 5000), st.integers(1, 5000), st.floats(0, 100))
def test_percent_is_one_figure_that_the_gate_compares(done, total, threshold):
    done = min(done, total)
    progress = Progress(reviewed=done, untranslated=total - done)
    shown = float(progress.shown.rstrip("%"))
    assert shown == progress.percent and round(shown, 1) == shown
    assert progress.meets(threshold) == (shown >= threshold)
    assert abs(shown - 100 * done / total) <= 0.05 + 1e-9 or done in (1, total - 1)
    assert (shown == 100) == (done == total) and (shown == 0) == (done == 0)
