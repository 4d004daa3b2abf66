"""The English article page (``--layout target``) and the bilingual page of a Markdown source, in a real
headless Chromium: they load with no console error or CSP violation, run no script, and read as the article.
"""

from __future__ import annotations

import shutil

import polib
import pytest

from transflow.merge.run import merge
from transflow.project.config import load_config
from transflow.segment.run import segment

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium (installed by .ci/run)")

STORY = """---
title: 河边的新公园开放了
site: 城南晚报
author: 周雨
date: 2024-09-01
source_url: https://evening.example.cn/park.html
---

## 市民的反应

周末一早，公园里就来了**很多**散步的人。详情见[公园简介](#设施)。

## 设施

- 一条三公里长的步道。
- 两个儿童游乐场，其中一个为 `无障碍` 设计。

> 这里以前是一片荒地。

<script>alert("源文件里的脚本")</script>
"""
ENGLISH = {
    "河边的新公园开放了": "A new riverside park opens",
    "市民的反应": "What residents say",
    "周末一早，公园里就来了**很多**散步的人。": "Early at the weekend, **many** walkers came to the park.",
    "详情见[公园简介](#设施)。": "See the [park overview](#设施).",
    "设施": "Facilities",
    "一条三公里长的步道。": "A three-kilometre path.",
    "两个儿童游乐场，其中一个为 `无障碍` 设计。": "Two playgrounds, one designed `无障碍`.",
    "这里以前是一片荒地。": "This used to be wasteland.",
}


@pytest.fixture
def park(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "source/park.md").write_text(STORY, "utf-8")
    config = load_config(tmp_path)
    segment(config)
    po_path = config.po_path("park", "en")
    po = polib.pofile(str(po_path), wrapwidth=0)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    po.save()
    return config


def test_article_page_loads_clean_and_reads_as_the_article(browser, park):
    [path] = merge(park, layout="target", min_translated=100)
    browser.open(path.as_uri())
    assert browser.problems() == []
    assert browser.js("document.scripts.length") == 0
    assert browser.js("document.querySelector('header h1').textContent") == "A new riverside park opens"
    heads = browser.js(
        "Array.from(document.querySelectorAll('article h2')).map(function(h){return h.id+'|'+h.textContent})"
    )
    assert heads == ["what-residents-say|What residents say", "设施|Facilities"]  # the linked one keeps its anchor
    link = browser.js("document.querySelector('article a').getAttribute('href')")
    assert browser.js(f"document.getElementById(decodeURIComponent('{link[1:]}')).textContent") == "Facilities"
    assert browser.js("document.querySelectorAll('article li').length") == 2
    assert (
        browser.js("document.querySelector('article blockquote').textContent").strip() == "This used to be wasteland."
    )
    assert "源文件里的脚本" not in browser.js("document.body.textContent")
    assert "城南晚报" in browser.js("document.querySelector('.credit').textContent")


def test_bilingual_page_of_markdown_loads_clean(browser, park):
    [path] = merge(park)
    browser.open(path.as_uri())
    assert browser.problems() == []
    assert browser.js("document.querySelectorAll('.en strong').length") == 1
    assert browser.js("document.querySelector('.zh a').textContent") == "公园简介"
    assert browser.js("document.querySelectorAll('.row.list').length") == 2
