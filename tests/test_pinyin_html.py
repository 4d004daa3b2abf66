"""``merge --pinyin`` in a real headless Chromium: ruby pinyin, a toggle the CSP allows, names with English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transflow.merge.run import merge
from transflow.po.catalog import load_catalog, save_catalog
from transflow.project.config import load_config
from transflow.segment.run import segment

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium (installed by .ci/run)")

ARTICLE = "石桥镇新来了区长\n区长陈晓光长期在银行工作，他说要重新规划老街。\n游客<b>很多</b>&热闹。\n"


def _project(root: Path) -> Path:
    (root / "source").mkdir()
    (root / "source" / "town.txt").write_text(ARTICLE, "utf-8")
    config = load_config(root)
    segment(config)
    po = load_catalog(config.po_path("town", "en"))
    for i, entry in enumerate(po):
        entry.msgstr = f"English sentence {i}."
    save_catalog(po, config.po_path("town", "en"))
    return root


def test_pinyin_page_reads_per_word_toggles_and_marks_names(browser, tmp_path):
    config = load_config(_project(tmp_path))
    [path] = merge(config, pinyin=True, glossary=[("老街", "Old Street", "")])
    browser.open(path.as_uri(), width=1280, height=900)
    assert browser.problems() == []  # the toggle script runs under the page's strict CSP
    readings = browser.js("Array.from(document.querySelectorAll('#p2 .zh rt')).map(function(r){return r.textContent})")
    assert readings[:2] == ["qū", "zhǎng"] and "cháng" in readings and "háng" in readings and "chóng" in readings
    # the Chinese a reader copies is the source, exactly: <rt> is not part of the selection
    browser.js("(function(){var r=document.createRange();r.selectNodeContents(document.querySelector('#p2 .zh'));"
               "var s=getSelection();s.removeAllRanges();s.addRange(r);})()")  # fmt: skip
    assert browser.js("getSelection().toString()") == ARTICLE.splitlines()[1]
    assert browser.js("document.querySelector('#p3 .zh').textContent").startswith("游")  # escaped once
    rt = "getComputedStyle(document.querySelector('#p2 .zh rt')).display"
    shown = browser.js(rt)
    assert shown != "none"
    browser.js("document.querySelector('.pinyin-toggle').click()")
    assert browser.js(rt) == "none"
    assert browser.js("document.querySelector('.pinyin-toggle').getAttribute('aria-pressed')") == "false"
    browser.js("document.querySelector('.pinyin-toggle').click()")
    assert browser.js(rt) == shown
    # names are marked like glossary terms, their English shown on focus; the glossary term stays a term
    names = browser.js("Array.from(document.querySelectorAll('.zh abbr.name')).map(function(e){return e.dataset.en})")
    assert "Chen Xiaoguang" in names and "Shiqiao Town" in names
    browser.js("document.querySelector('abbr.name[data-en=\"Chen Xiaoguang\"]').focus()")
    after = "getComputedStyle(document.querySelector('abbr.name[data-en=\"Chen Xiaoguang\"]'), '::after').content"
    assert browser.js(after) == '"Chen Xiaoguang"'
    terms = browser.js("Array.from(document.querySelectorAll('.zh abbr.term:not(.name)')).map(e => e.dataset.en)")
    assert terms == ["Old Street"]
    assert browser.problems() == []


def test_pinyin_is_for_html_only_and_plain_pages_are_unchanged(cli, tmp_path):
    root = tmp_path / "town"
    root.mkdir()
    _project(root)
    bad = cli("merge", "--pinyin", "--format", "md", root=root)
    assert bad.exit_code == 2 and "--pinyin" in bad.stderr
    assert cli("merge", root=root).exit_code == 0
    page = (root / "build" / "town.en.html").read_text("utf-8")
    assert "<ruby>" not in page and "pinyin-toggle" not in page
