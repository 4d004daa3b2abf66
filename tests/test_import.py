"""``transflow import``: saved news pages in their real encodings and layouts -> Markdown sources.

The pages here are small ones written for these tests (our own story text); the real pages in
../shared/realpages are measured too when present (bench/bench_import.py reports the same figures).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from transflow.ingest.decode import decode_page
from transflow.ingest.extract import strip_site
from transflow.text.article import read_article

REPO = Path(__file__).resolve().parent.parent
SHARED = next((b / "shared" for b in (REPO.parent, REPO.parent.parent) if (b / "shared/realpages").is_dir()), None)

STORY = [
    "本报讯 今年春天，清水河镇的三百多户果农第一次通过网络直播把自家种的苹果卖到了外省，销量比去年同期增长了一倍多。",
    "镇农业服务中心的负责人介绍，镇里从去年冬天开始组织培训，请来电商企业的讲师，手把手教果农拍视频、写介绍、回答买家的提问。",
    "六十二岁的果农王秀兰说，她原来担心自己学不会，后来发现只要把果园里的真实情况讲清楚，买家就愿意下单，现在每天都能发出几十箱。",
    "为了解决运输难题，镇里还和两家快递公司签订了协议，在村口设立了集中收发点，果农摘下的苹果当天就能装车运往城市。",
    "负责人表示，下一步将引导果农统一包装标准，注册地理标志商标，让清水河苹果的名声越来越响。",
]
HEADLINE = "清水河镇果农直播卖苹果"


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def article_div(paragraphs=STORY) -> str:
    return '<div class="article">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


FURNITURE = (
    '<div class="nav"><a href="/">首页</a> <a href="/x">国内</a></div>'
    '<div style="display:none">隐藏的分享文字不应出现在正文里</div>'
)
TAIL = (
    "<p>【责任编辑：赵小明】</p>"
    '<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">另一条新闻的标题</a></li></ul></div>'
    '<div class="footer">Copyright © 2024 某某网 版权所有</div>'
)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    root = tmp_path / "newsroom"
    (root / "source").mkdir(parents=True)
    return root


def run_import(cli, root: Path, *args: str):
    return cli("import", *args, root=root)


def front_and_body(path: Path) -> tuple[dict, str]:
    text = path.read_text("utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_gb2312_table_layout_with_an_early_script_charset(newsroom, cli, tmp_path):
    # an archive toolbar's <script charset="utf-8"> comes before the page's own meta; 镕 is GBK, not GB2312
    story = [*STORY[:2], "副镇长朱镕说，明年还要再办三期培训班。", *STORY[2:]]
    html = page(
        '<script src="toolbar.js" charset="utf-8"></script>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{HEADLINE}--山城新闻网</title>",
        FURNITURE
        + f'<table><tr><td class="title">{HEADLINE}</td></tr>'
        + "<tr><td>"
        + "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>" for p in story)
        + "</td></tr></table>"
        + TAIL,
    )
    saved = tmp_path / "gb.html"
    saved.write_bytes(html.encode("gb18030"))
    result = run_import(cli, newsroom, str(saved), "--name", "apples")
    assert result.exit_code == 0, result.output
    assert f"{len(story)} paragraph(s)" in result.output and "gb18030" in result.output
    meta, body = front_and_body(newsroom / "source/apples.md")
    assert meta["title"] == HEADLINE
    assert [p for p in body.split("\n") if p] == story  # paragraphs kept apart, indents and furniture gone


def test_utf8_bytes_win_over_a_lying_meta_and_big5_reads(tmp_path):
    text = page('<meta charset="gb2312"><title>標題</title>', article_div())
    assert decode_page(text.encode("utf-8")) == (text, "utf-8")
    big5 = page('<meta charset="big5"><title>蘋果</title>', "<p>果農第一次透過網路直播賣蘋果。</p>")
    decoded, encoding = decode_page(big5.encode("big5"))
    assert decoded == big5 and encoding == "big5hkscs"


def test_site_suffixes_cut_from_titles():
    assert strip_site("果农直播卖苹果--大河网") == "果农直播卖苹果"
    assert strip_site("果農直播賣蘋果 | 聯合新聞網") == "果農直播賣蘋果"
    assert strip_site("果農直播賣蘋果 | 地方 | 中央社 CNA") == "果農直播賣蘋果"
    assert strip_site("专家谈SARS-CoV-2变异_科技_澎湃新闻-The Paper") == "专家谈SARS-CoV-2变异"


def test_hidden_text_comments_and_related_lists_left_out(newsroom, cli, tmp_path):
    html = page(
        f'<meta charset="utf-8"><title>{HEADLINE} | 山城新闻网</title><style>.hide_me{{display:none;}}</style>',
        FURNITURE + f"<h1>{HEADLINE}</h1>" + article_div() + '<div class="hide_me">下载客户端看更多</div>' + TAIL,
    )
    saved = tmp_path / "story.html"
    saved.write_text(html, "utf-8")
    assert run_import(cli, newsroom, str(saved)).exit_code == 0
    meta, body = front_and_body(newsroom / "source/story.md")
    assert meta["title"] == HEADLINE
    for furniture in ("隐藏", "下载客户端", "责任编辑", "相关新闻", "另一条", "版权所有", "首页"):
        assert furniture not in body
    assert read_article(newsroom / "source/story.md")[0].text == HEADLINE  # the title is the first entry


def test_no_overwrite_without_force_and_no_article_is_one_line(newsroom, cli, tmp_path):
    saved = tmp_path / "story.html"
    saved.write_text(page(f"<title>{HEADLINE}</title>", article_div()), "utf-8")
    assert run_import(cli, newsroom, str(saved)).exit_code == 0
    (newsroom / "source/story.md").write_text("编辑改过的稿子。\n", "utf-8")
    again = run_import(cli, newsroom, str(saved))
    assert again.exit_code == 2 and "--force" in again.output and len(again.output.strip().splitlines()) == 1
    assert (newsroom / "source/story.md").read_text("utf-8") == "编辑改过的稿子。\n"
    assert run_import(cli, newsroom, str(saved), "--force").exit_code == 0
    assert HEADLINE in (newsroom / "source/story.md").read_text("utf-8")
    empty = tmp_path / "empty.html"
    empty.write_text(page("<title>空页面</title>", "<div><a href='/'>首页</a></div>"), "utf-8")
    result = run_import(cli, newsroom, str(empty))
    assert result.exit_code == 2 and "no article" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(SHARED is None, reason="shared real pages not present")
def test_real_pages_meet_the_goals():
    sys.path.insert(0, str(REPO / "bench"))
    from bench_import import han_f1

    from transflow.ingest.extract import extract_article

    folder = SHARED / "realpages/html"
    scores, exact = [], 0
    for gold in sorted(folder.glob("*.gold.txt")):
        headline, _, body = gold.read_text("utf-8").partition("\n")
        html, _ = decode_page((folder / gold.name.replace(".gold.txt", ".html")).read_bytes())
        article = extract_article(html)
        scores.append(han_f1("\n".join(article.paragraphs), body))
        exact += article.title == headline
    assert sum(scores) / len(scores) >= 0.95 and exact / len(scores) >= 0.85


@given(st.text(alphabet="中文字*_`[]<>~&#;|!-+=.)1 \\", min_size=1, max_size=30).filter(lambda t: t.strip()))
def test_property_escaped_prose_renders_as_itself(text):
    from transflow.text.markdown import escape_markdown, parser

    tokens = parser().parse(escape_markdown(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    shown = "".join(c.content for c in tokens[1].children)
    assert shown == " ".join(text.split())
