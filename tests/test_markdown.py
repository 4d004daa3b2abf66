"""Markdown sources: what becomes an entry, what stays skeleton, and writing the document back.

Fixtures are written here in our own words; the real Chinese Markdown documents in ../shared/realpages are
used too when they are present (they are not part of the repository).
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from transflow.merge.document import align, credit_from
from transflow.merge.run import load_document, merge
from transflow.merge.style import STRUCTURE_CSS
from transflow.merge.target import target_markdown
from transflow.project.config import load_config
from transflow.segment.run import segment
from transflow.text.article import markdown_paragraphs
from transflow.text.markdown import (
    markdown_structure,
    parse_markdown,
    rebuild,
    split_front_matter,
    split_markdown,
)

from conftest import assert_gettext_clean, snapshot

REPO = Path(__file__).resolve().parent.parent
SHARED = next((b / "shared" for b in (REPO.parent, REPO.parent.parent) if (b / "shared/realpages").is_dir()), None)
REAL_MARKDOWN = sorted((SHARED / "realpages/markdown").glob("*.md")) if SHARED else []

STORY = """---
title: 山区小学迎来新图书馆
author: 林晓
date: 2024-05-20
site: 山城日报
source_url: https://news.example.org/2024/library.html
tags: [教育, 乡村]
---

# 山区小学迎来新图书馆

## 捐赠经过 {#donation}

一家本地企业捐出了**三千册**图书。校长说：“孩子们[终于](https://example.org/a?x=1&y=2)有书读了！”

1. 第一批书在周一运到。
2. 志愿者用 `barcode-tool` 给每本书贴上条码。
   - 低年级的书放在下层。

> 这是我见过最安静的早晨。
> 一位老师这样写道。

| 年级 | 借阅量 |
|---|---:|
| 一年级 | 平均每周 `3 \\| 4` 本 |

![孩子们在读书](img/reading.jpg "图书馆")

```bash
echo "代码里的中文不翻译"
```

<div align="center">页面布局里的中文也不翻译</div>

    缩进代码 也不翻译

更多内容见[上文](#捐赠经过)与[捐赠](#donation)。
"""


def write_story(root: Path, text: str = STORY, name: str = "library") -> Path:
    (root / "source").mkdir(exist_ok=True)
    path = root / "source" / f"{name}.md"
    path.write_text(text, "utf-8")
    return path


def test_units_roles_and_skeleton():
    source = parse_markdown(STORY)
    pairs = [(u.text, u.role) for u in source.units]
    # the front matter title; the h1 repeating it is then a heading
    assert pairs[:2] == [("山区小学迎来新图书馆", "title"), ("山区小学迎来新图书馆", "heading")]
    units = dict(pairs[2:])
    assert units["捐赠经过"] == "heading"  # the explicit id is skeleton
    assert units["第一批书在周一运到。"] == "list"
    assert units["低年级的书放在下层。"] == "list"
    assert units["这是我见过最安静的早晨。一位老师这样写道。"] == "quote"  # soft-wrapped lines joined, no space
    assert units["平均每周 `3 \\| 4` 本"] == "table"  # the escaped pipe stays as written
    assert units["孩子们在读书"] == "caption"  # a lone image: its alt text only
    every = " ".join(units)
    for skeleton in ("echo", "页面布局", "缩进代码", "img/reading.jpg", "林晓", "山城日报", "{#donation}"):
        assert skeleton not in every
    assert source.meta["tags"] == ["教育", "乡村"]


def test_sentences_never_cut_inside_markup():
    text = "他说：“**第一句。第二句！**”然后走了。请看[说明。细节](https://a.example/x?q=1)。代码 `a。b` 完。"
    pieces = [text[a:b] for a, b in split_markdown(text)]
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    for piece in pieces:
        assert piece.count("**") % 2 == 0 and piece.count("`") % 2 == 0
        assert piece.count("[") == piece.count("]")


def test_identity_rebuild_keeps_structure():
    source = parse_markdown(STORY)
    out = rebuild(source, [u.text for u in source.units])
    assert markdown_structure(out) == markdown_structure(STORY)


@pytest.mark.skipif(not REAL_MARKDOWN, reason="shared real Markdown documents not present")
@pytest.mark.parametrize("path", REAL_MARKDOWN, ids=lambda p: p.name)
def test_real_documents_round_trip(path):
    text = path.read_text("utf-8")
    source = parse_markdown(text)
    paragraphs = markdown_paragraphs(source)
    assert paragraphs, "a Chinese document yields entries"
    out = rebuild(source, ["".join(p.segments) if not u.front else u.text for u, p in zip(source.units, paragraphs)])
    assert markdown_structure(out) == markdown_structure(text)
    # the whole merge path: every entry translated as itself, --layout target
    entries = [polib.POEntry(msgid=s, msgstr=s) for p in paragraphs for s in p.segments]
    aligned = align("doc", "en", paragraphs, entries, credit=credit_from(source.meta))
    target = target_markdown(aligned, source)
    assert aligned.counts.percent == 100 and markdown_structure(target) == markdown_structure(text)
    assert split_front_matter(target)[1].keys() == source.meta.keys()


PROSE = st.text(alphabet="春夏秋冬山水人。，！？abc 12", min_size=1, max_size=12).map(str.strip).filter(bool)
INLINE = st.one_of(
    PROSE,
    PROSE.map(lambda t: f"**{t}**"),
    PROSE.map(lambda t: f"[{t}](https://x.example/{len(t)})"),
    PROSE.map(lambda t: f"`{t}`"),
    PROSE.map(lambda t: f"![{t}](p{len(t)}.png)"),
)
LINE = st.lists(INLINE, min_size=1, max_size=4).map("".join)
BLOCK = st.one_of(
    LINE,
    LINE.map(lambda t: f"## {t}"),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
    LINE.map(lambda t: f"> {t}"),
    st.tuples(LINE, LINE).map(
        lambda c: f"| 甲 | 乙 |\n|---|---|\n| {c[0].replace('|', '')} | {c[1].replace('|', '')} |"
    ),
    PROSE.map(lambda t: f"```\n{t}\n```"),
)


@given(st.lists(BLOCK, min_size=1, max_size=6))
def test_property_identity_translation_keeps_rendered_structure(blocks):
    text = "\n\n".join(blocks) + "\n"
    source = parse_markdown(text)
    paragraphs = markdown_paragraphs(source)
    aligned = align("doc", "en", paragraphs, [polib.POEntry(msgid=s, msgstr=s) for p in paragraphs for s in p.segments])
    out = target_markdown(aligned, source)
    assert markdown_structure(out) == markdown_structure(text)
    assert [b.zh for b in aligned.blocks] == [u.text for u in source.units]  # the Chinese side is the source


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A project folder of its own (the ``cli`` fixture's project holds the plain-text article)."""
    root = tmp_path / "news"
    root.mkdir()
    return root


def fill(root: Path, translate) -> Path:
    po_path = root / "locale/en/LC_MESSAGES/library.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    po.save()
    return po_path


def test_segment_md_references_front_matter_and_idempotence(news):
    write_story(news)
    config = load_config(news)
    segment(config)
    pot = news / "locale/library.pot"
    po = polib.pofile(str(pot))
    title = po.find("山区小学迎来新图书馆")
    assert ("source/library.md", "2") in title.occurrences and ("source/library.md", "10") in title.occurrences
    assert po.find("一家本地企业捐出了**三千册**图书。").occurrences == [("source/library.md", "14")]
    assert_gettext_clean(pot)
    assert_gettext_clean(news / "locale/en/LC_MESSAGES/library.po")
    before = snapshot(news)
    segment(config)
    assert snapshot(news) == before


def test_target_markdown_full_translation(news, cli):
    write_story(news)
    cli("segment", root=news)
    fill(news, lambda zh: f"EN({zh})" if "](" not in zh and "`" not in zh else zh)
    result = cli("merge", "--layout", "target", "--format", "md", "--min-translated", "100", root=news)
    assert result.exit_code == 0, result.output
    out = (news / "build/library.en.md").read_text("utf-8")
    assert 'title: "EN(山区小学迎来新图书馆)"' in out and "tags: [教育, 乡村]" in out
    assert "## EN(捐赠经过) {#donation}" in out
    assert "# EN(山区小学迎来新图书馆)" in out and 'echo "代码里的中文不翻译"' in out
    assert "*Source: 山城日报 · 林晓 · 2024-05-20 · https://news.example.org/2024/library.html*" in out
    body = out[: out.rindex("*Source:")]
    assert markdown_structure(body) == markdown_structure(STORY)


def test_target_links_follow_translated_headings(news, cli):
    write_story(news)
    cli("segment", root=news)
    names = {"捐赠经过": "How the Books Came"}
    fill(news, lambda zh: names.get(zh, zh))
    cli("merge", "--layout", "target", "--format", "md", root=news)
    out = (news / "build/library.en.md").read_text("utf-8")
    # this heading has an explicit id, so links to it need nothing; a heading linked by its slug keeps it
    assert "(#donation)" in out
    text = "## 出发\n\n看[这里](#出发)。\n"
    write_story(news, text, "trip")
    cli("segment", "trip", root=news)
    po_path = news / "locale/en/LC_MESSAGES/trip.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    for e in po:
        e.msgstr = {"出发": "Setting Out", "看[这里](#出发)。": "See [here](#出发)."}[e.msgid]
    po.save()
    cli("merge", "trip", "--layout", "target", "--format", "md", root=news)
    out = (news / "build/trip.en.md").read_text("utf-8")
    assert out == '## Setting Out <a id="出发"></a>\n\nSee [here](#出发).\n'
    assert markdown_structure(out) == markdown_structure(text.replace("出发\n", '出发 <a id="出发"></a>\n', 1))
    cli("merge", "trip", "--layout", "target", "--format", "html", root=news)
    page = (news / "build/trip.en.html").read_text("utf-8")
    assert '<h2 id="出发">Setting Out</h2>' in page and 'href="#%E5%87%BA%E5%8F%91"' in page


def test_target_marks_untranslated_and_min_translated_refuses(news, cli):
    write_story(news)
    cli("segment", root=news)
    fill(news, lambda zh: "" if zh == "第一批书在周一运到。" else zh)
    refused = cli("merge", "--layout", "target", "--min-translated", "100", root=news)
    assert refused.exit_code == 1 and not (news / "build").exists()
    cli("merge", "--layout", "target", "--format", "md", root=news)
    assert "1. *\\[untranslated\\]* 第一批书在周一运到。" in (news / "build/library.en.md").read_text("utf-8")
    cli("merge", "--layout", "target", "--format", "txt", root=news)
    text = (news / "build/library.en.txt").read_text("utf-8")
    assert "[untranslated: 第一批书在周一运到。]" in text and "一家本地企业捐出了三千册图书。" in text


def test_target_html_is_a_clean_article(news, cli):
    write_story(news)
    cli("segment", root=news)
    fill(news, lambda zh: zh)
    cli("merge", "--layout", "target", root=news)
    page = (news / "build/library.en.html").read_text("utf-8")
    assert "<script" not in page and "default-src &#x27;none&#x27;" in page
    assert "<ol>" in page and "<blockquote>" in page and "<table>" in page and '<h2 id="donation">' in page
    assert "页面布局里的中文也不翻译" not in page  # HTML blocks are page furniture, left out
    assert page.count("山城日报") == 1  # the credit line, once


def test_target_of_plain_text_and_tmx_refused(project, cli):
    cli("segment")
    result = cli("merge", "--layout", "target", "--format", "tmx")
    assert result.exit_code == 2
    cli("merge", "--layout", "target", "--format", "txt")
    paragraphs = [line for line in (project / "source/qujiang.txt").read_text("utf-8").splitlines() if line.strip()]
    lines = (project / "build/qujiang.en.txt").read_text("utf-8").splitlines()
    assert len(lines) == len(paragraphs) and all(line.startswith("[untranslated: ") for line in lines)
    cli("merge")  # the bilingual page of a plain-text article gains no Markdown styles or credit
    page = (project / "build/qujiang.en.html").read_text("utf-8")
    assert STRUCTURE_CSS not in page and 'class="credit"' not in page


def test_bilingual_outputs_of_markdown_keep_source_and_credit(news, cli):
    write_story(news)
    cli("segment", root=news)
    cli("merge", "--format", "txt", root=news)
    text = (news / "build/library.en.txt").read_text("utf-8")
    config = load_config(news)
    aligned, source = load_document(config, "library", news / "source/library.md", "en", False)
    for unit in source.units:
        assert unit.text in text
    assert "Source: 山城日报" in text


def test_same_name_txt_and_md_refused(news, cli):
    write_story(news)
    (news / "source/library.txt").write_text("同名文章。\n", "utf-8")
    result = cli("segment", root=news)
    assert result.exit_code == 2 and "same name" in result.output


def test_merge_api_writes_target(news):
    write_story(news)
    config = load_config(news)
    segment(config)
    [path] = merge(config, fmt="md", layout="target")
    assert path.name == "library.en.md" and path.read_text("utf-8").startswith("---\ntitle: ")


def test_bilingual_markdown_of_markdown_keeps_structure(news, cli):
    write_story(news)
    cli("segment", root=news)
    fill(news, lambda zh: "Books for the school" if zh.startswith("一家本地") else "")
    cli("merge", "--format", "md", root=news)
    out = (news / "build/library.en.md").read_text("utf-8")
    assert "1. 第一批书在周一运到。<br>*\\[untranslated\\]* 第一批书在周一运到。" in out
    assert "一家本地企业捐出了**三千册**图书。" in out and "Books for the school" in out
    assert out.rstrip().endswith("*Source: 山城日报 · 林晓 · 2024-05-20 · https://news.example.org/2024/library.html*")
    assert blocks_of(out[: out.rindex("*Source:")]) == blocks_of(STORY)


def blocks_of(text: str) -> list[tuple]:
    """The block structure alone (the labels and line breaks the bilingual page adds are inline)."""
    inline = ("em_", "strong_", "s_", "link_", "image", "code_inline", "html_inline", "hardbreak")
    return [t for t in markdown_structure(text) if not t[0].startswith(inline)]


def test_bilingual_page_of_markdown_renders_inline_markup(news, cli):
    write_story(news)
    cli("segment", root=news)
    fill(
        news,
        lambda zh: (
            zh.replace("一家本地企业捐出了", "A local firm gave ").replace("图书。", "books.") if "**" in zh else ""
        ),
    )
    cli("merge", root=news)
    page = (news / "build/library.en.html").read_text("utf-8")
    assert (
        "一家本地企业捐出了<strong>三千册</strong>图书。" in page
        and "A local firm gave <strong>三千册</strong>books." in page
    )
    assert '<a href="https://example.org/a?x=1&amp;y=2">终于</a>' in page and "**" not in page
    assert 'class="row list' in page and 'class="row quote' in page and 'class="credit"' in page


def test_crlf_source_keeps_its_line_ends():
    crlf = STORY.replace("\n", "\r\n")
    source = parse_markdown(crlf)
    assert [(u.text, u.line) for u in source.units] == [(u.text, u.line) for u in parse_markdown(STORY).units]
    out = rebuild(source, ["Title" if u.front else u.text for u in source.units])
    assert out.startswith('---\r\ntitle: "Title"\r\nauthor: 林晓\r\n') and "\n" not in out.replace("\r\n", "")


@pytest.mark.skipif(not REAL_MARKDOWN, reason="shared real Markdown documents not present")
def test_real_documents_segment_twice_no_byte_changes(tmp_path):
    (tmp_path / "source").mkdir()
    for path in REAL_MARKDOWN:
        (tmp_path / "source" / path.name).write_bytes(path.read_bytes())  # names like antd-button.zh-CN.md
    config = load_config(tmp_path)
    report = segment(config)
    assert report.documents == len(REAL_MARKDOWN) and not report.empty
    for po in sorted((tmp_path / "locale").rglob("*.po*")):
        assert_gettext_clean(po)
    before = snapshot(tmp_path)
    (tmp_path / ".transflow/segment.json").unlink()  # no cache: the second run recomputes everything
    segment(config)
    assert snapshot(tmp_path) == before
