"""The HTML page in a real headless Chromium: loads clean, reads back exactly, aligns, stacks, is not blank.

One browser for the module; each test opens pages in it.
"""

from __future__ import annotations

import base64
import re
import shutil

import pytest

from merge_data import GLOSSARY, HOSTILE, make_project, paragraphs
from transflow.merge.run import merge
from transflow.project.config import load_config

from chromium import luminance_stats

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium (installed by .ci/run)")

#: Text of each side's paragraphs as a reader's copy-paste would get it: note markers left out.
READ_SIDE = """Array.from(document.querySelectorAll('[data-p].%s')).map(function(el){
  var c = el.cloneNode(true); c.querySelectorAll('.nref').forEach(function(n){n.remove();}); return c.textContent;})"""


@pytest.fixture
def page(project):
    states = make_project(project)
    config = load_config(project)
    [path] = merge(config, glossary=GLOSSARY, glossary_table=True)
    return project, states, path


def expected_english(par, states) -> tuple[str | None, list[str]]:
    """The whole English paragraph when every sentence is reviewed, else the pieces it must show in order."""
    pieces = [states[s][1] if states[s][0] == "reviewed" else s for s in par.segments]
    whole = " ".join(pieces) if all(states[s][0] == "reviewed" for s in par.segments) else None
    return whole, pieces


def test_page_reads_back_exactly_and_loads_clean(browser, page):
    project, states, path = page
    browser.open(path.as_uri())
    assert browser.problems() == []
    pars = paragraphs(project)
    assert browser.js(READ_SIDE % "zh") == [p.text for p in pars]
    english = browser.js(READ_SIDE % "en")
    assert len(english) == len(pars)
    for par, text in zip(pars, english, strict=True):
        whole, pieces = expected_english(par, states)
        if whole is not None:
            assert text == whole
        pos = 0
        for piece in pieces:  # in order, nothing dropped
            pos = text.index(piece, pos) + len(piece)
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text.replace(par.text, ""))
    # escaped exactly once: the hostile texts are text, not markup; our one script is the only script
    assert browser.js("document.scripts.length") == 1
    assert HOSTILE in browser.js("document.body.textContent")
    assert browser.js("document.querySelectorAll('article b, article em, article script').length") == 0
    notes = browser.js(
        "Array.from(document.querySelectorAll('.notes li > span')).map(function(e){return e.textContent})"
    )
    assert notes == list(dict.fromkeys(c for k, _, c in states.values() if c and k == "reviewed"))
    langs = browser.js(
        "Array.from(document.querySelectorAll('[data-p]')).map(function(e){return e.className+'|'+e.lang})"
    )
    assert set(langs) == {"zh|zh-Hans", "en|en"}
    untranslated = browser.js(
        "Array.from(document.querySelectorAll('.en .s.untranslated')).map(function(e){return e.lang})"
    )
    assert untranslated and set(untranslated) == {"zh-Hans"}
    assert browser.js("document.querySelectorAll('.en .s.draft').length") == 0  # drafts left out by default
    counts = browser.js("document.querySelector('.status .counts').textContent")
    kinds = [k for k, _, _ in states.values()]
    assert f"{kinds.count('reviewed')} reviewed" in counts and f"{kinds.count('draft')} drafts" in counts
    assert browser.js("document.title").startswith("Sentence 0 in English")


def test_alignment_highlight_glossary_and_layout(browser, page):
    project, states, path = page
    browser.open(path.as_uri(), width=1280, height=900)
    # hovering an English sentence highlights its Chinese counterpart (and only that one)
    box = browser.js(
        "(function(){var r=document.querySelector('.en [data-s=\"3.2\"]').getBoundingClientRect();"
        "return [r.left+r.width/2, r.top+r.height/2];})()"
    )
    browser.mouse_to(*box)
    assert browser.js("Array.from(document.querySelectorAll('.hl')).map(function(e){return e.dataset.s})") == [
        "3.2",
        "3.2",
    ]
    assert (
        browser.js("getComputedStyle(document.querySelector('.zh [data-s=\"3.2\"]')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )
    # keyboard focus does the same
    browser.js("document.querySelector('.zh [data-s=\"6.1\"]').focus()")
    assert "hl" in browser.js("document.querySelector('.en [data-s=\"6.1\"]').className")
    # glossary terms: marked in the Chinese text, approved English on focus, table at the end
    terms = browser.js("Array.from(document.querySelectorAll('.zh abbr.term')).map(function(e){return e.textContent})")
    assert set(terms) == {"曲江区", "韶关", "复工复产"}
    browser.js("document.querySelector('.zh abbr.term').focus()")
    shown = browser.js("getComputedStyle(document.querySelector('.zh abbr.term'), '::after').content")
    assert shown == '"Qujiang District"'
    table = browser.js("Array.from(document.querySelectorAll('.glossary td')).map(function(e){return e.textContent})")
    assert table[:3] == list(GLOSSARY[0]) and "<official> term" in table
    # side by side when wide, stacked when narrow
    rows = (
        "(function(){var z=document.querySelector('#p3 .zh').getBoundingClientRect(),"
        "e=document.querySelector('#p3 .en').getBoundingClientRect();return [z.top,z.bottom,e.top,e.left,z.left];})()"
    )
    z_top, _, e_top, e_left, z_left = browser.js(rows)
    assert abs(z_top - e_top) < 1 and e_left > z_left
    png = base64.b64decode(
        browser.send("Page.captureScreenshot", format="png", clip=dict(x=0, y=0, width=1280, height=900, scale=0.25))[
            "data"
        ]
    )
    mean, variance, levels = luminance_stats(png)
    assert variance > 200 and levels > 20, (mean, variance, levels)
    browser.viewport(420, 900)
    _, z_bottom, e_top, _, _ = browser.js(rows)
    assert e_top >= z_bottom
    assert browser.problems() == []


def test_interleaved_layout_and_drafts(browser, project):
    states = make_project(project)
    config = load_config(project)
    [path] = merge(config, layout="interleaved", include_drafts=True, output=project / "out.html")
    browser.open(path.as_uri(), width=1280, height=900)
    assert browser.problems() == []
    z_bottom, e_top = browser.js(
        "(function(){var z=document.querySelector('#p3 .zh').getBoundingClientRect(),"
        "e=document.querySelector('#p3 .en').getBoundingClientRect();return [z.bottom,e.top];})()"
    )
    assert e_top >= z_bottom
    drafts = browser.js("Array.from(document.querySelectorAll('.en .s.draft')).map(function(e){return e.textContent})")
    assert drafts == [states[s][1] for p in paragraphs(project) for s in p.segments if states[s][0] == "draft"]
    assert browser.js("document.querySelector('.legend').textContent").count("Draft") == 1


def test_driver_sees_console_errors(browser, tmp_path):
    """The no-console-errors assertions above mean something: a page that logs an error is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><title>x</title><script>console.error('boom')</script>", "utf-8")
    browser.open(bad.as_uri())
    assert any("boom" in p for p in browser.problems())
