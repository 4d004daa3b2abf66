"""The article of a news page: headline, byline facts and body paragraphs, without the page around them.

trafilatura finds the body (precision mode: on Chinese portals its default keeps comment threads, footers
and "recommended" lists). Before it runs, elements a browser would not show (inline ``display:none``,
classes the page's own stylesheet hides) are removed; after it, lines that are page furniture rather than
story (copyright and reprint notices, QR-code promotions, date/source rows, "keywords" rows) are dropped,
and a list that opens with a "related news" or comments heading ends the body. Each of these is a table
below, with the reason. The headline is the page's visible headline (an ``<h1>`` or a title-classed
element) when the ``<title>`` starts with it; otherwise the ``<title>`` with the site name cut off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Lines that are page furniture, not story (each seen on real Chinese news pages).
FURNITURE = tuple(
    re.compile(p)
    for p in (
        r"版权所有|Copyright|All Rights Reserved",  # site footers
        r"不得轉載|不得转载|未经授权|非經授權",  # reprint notices
        r"二维码|二維碼|公众号|公眾號|官方微信",  # QR-code and WeChat promotions
        r"举报(?:电话|邮箱)|舉報",  # complaint hotlines
        r"^請繼續下滑閱讀$|^请继续下滑阅读$|^字号$|^首页$|^>\s*\S+$",  # widgets and breadcrumbs
        r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:来源|來源|（|\(|$)",  # date rows
        r"^关键词\s*>>|^關鍵字|^标签[:：]|^Tags?:",  # keyword rows
        r"^[(（]本文来自.*[)）]$",  # app promotions set as a paragraph
        # CMS editor footers (【责任编辑：X】, (责编：X)); an editor credit in the story's own words stays
        r"^(?:【\s*(?:责任编辑|責任編輯|编辑|編輯|责编)\s*[:：].*】|[(（]\s*责编\s*[:：].*[)）]|(?:责任编辑|責任編輯)\s*[:：].*)$",
        r"^更新）$|^更新\)$",  # the tail of a split timestamp
    )
)
#: A promotion glued to the end of the last paragraph: cut it off the line.
TRAILING_PROMO = re.compile(r"[(（]本文来自[^()（）]*(?:APP|App|客户端)[)）]\s*$")
#: A line that opens a related-news list or the comments: it and everything after it are not the story.
END_MARKERS = re.compile(
    r"^(?:推荐新闻|推荐阅读|推薦閱讀|相关推荐|相關推薦|相关新闻|相關新聞|相关阅读|延伸阅读|延伸閱讀|"
    r"理论新闻精选|热门推荐|猜你喜欢|网友评论|最热评论|最新评论|评论\(\d+\)|查看全部.*评论)[:：]?\s*"
)
#: A site or channel name after a separator at the end of a ``<title>`` (``…--大河网``, ``… | 聯合新聞網``,
#: ``…_凤凰网资讯_凤凰网``); a hyphen inside a word (``SARS-CoV-2``) is not a separator. At most 30 characters.
SITE_TAIL = re.compile(r"\s*(?:--|——|—|_|\||｜|–|(?<![A-Za-z0-9])-|-(?![A-Za-z0-9]))\s*[^|｜_—–]{1,30}?\s*$")
#: Below this share of the default extraction's text, precision mode is taken to have lost the story.
PRECISION_FLOOR = 0.4
#: Longest headline taken from an element (longer ones are a summary or a whole block).
MAX_HEADLINE = 120
#: Elements that may hold the visible headline.
HEADLINE_XPATH = "//h1|//h2|//*[contains(@class,'title') or contains(@id,'title') or contains(@class,'headline')]"
#: Labels in front of an author name (``作者：``, ``记者``) and editor credits that are not authors.
AUTHOR_LABEL = re.compile(r"^(?:作者|文|记者|記者|撰文)\s*[:：/]?\s*")
NOT_AUTHOR = re.compile(r"责任编辑|責任編輯|^编辑|^編輯")
#: Site names that trafilatura takes from copyright lines (``www.x.com,版权所有``).
SITE_NOISE = re.compile(r"[,，\s]*(?:版权所有|版權所有|Copyright.*)$")


@dataclass
class Article:
    """What import keeps of a page."""

    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    url: str = ""
    paragraphs: list[str] = field(default_factory=list)


def hidden_classes(tree) -> set[str]:
    """Class names the page's own ``<style>`` sets to ``display:none`` (``.hide_word{display:none}``)."""
    names: set[str] = set()
    for style in tree.xpath("//style"):
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style.text or ""):
            if re.search(r"display\s*:\s*none", body):
                names.update(re.findall(r"^\s*\.([\w-]+)\s*$", selectors.replace(",", "\n"), re.MULTILINE))
    return names


def strip_hidden(tree) -> None:
    """Remove what a browser would not show: inline ``display:none`` and hidden classes."""
    classes = hidden_classes(tree)
    for el in tree.xpath("//*[@style or @class or @hidden]"):
        style = (el.get("style") or "").replace(" ", "").lower()
        own = set((el.get("class") or "").split())
        if "display:none" in style or "visibility:hidden" in style or own & classes or el.get("hidden") is not None:
            if el.getparent() is not None:
                el.drop_tree()


#: Table parts that a layout table is made of; retagged as blocks, so its paragraphs stay paragraphs.
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def unwrap_layout_tables(tree) -> None:
    """Old pages lay the whole page out with tables; a table holding paragraphs is layout, not data.

    trafilatura reads table cells as one row of text; as blocks, the cell's paragraphs stay paragraphs.
    """
    for table in tree.xpath("//table[.//p]"):
        for el in [table, *table.iter(*TABLE_PARTS)]:
            el.tag = "div"


#: Inline formatting that trafilatura would set on lines of their own (``<u>`` inside a sentence).
INLINE_TAGS = ("u", "b", "strong", "em", "i", "font", "span", "small", "big", "ins", "mark")


def flatten_inline(tree) -> None:
    """Keep the words of inline formatting, drop the tags, so a sentence is not cut into lines."""
    for el in list(tree.iter(*INLINE_TAGS)):
        if el.getparent() is not None:
            el.drop_tag()


def clean_lines(text: str) -> list[str]:
    """Body lines without page furniture, up to the first related-news or comments heading."""
    out = []
    for raw in text.splitlines():
        line = " ".join(raw.replace("\u3000", " ").replace("\xa0", " ").split())
        if not line:
            continue
        if END_MARKERS.match(line) and out:
            break
        line = TRAILING_PROMO.sub("", line).strip()
        if re.search(r"\w", line) and not any(p.search(line) for p in FURNITURE):  # not an empty table row
            out.append(line)
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def headline(tree, titles: list[str]) -> str:
    """The page's visible headline, found inside its ``<title>``; else the ``<title>`` without the site name.

    A visible candidate (``<h1>``, ``<h2>``, a title-classed element) counts when the ``<title>`` contains
    it and it is at least half of what is left of the ``<title>`` once site names are cut, so a logo
    or channel name (``新华网``) never wins over the story. Without any ``<title>``, the first ``<h1>``.
    """
    titles = [_norm(t) for t in titles if _norm(t)]
    texts = [_norm(el.text_content()) for el in tree.xpath(HEADLINE_XPATH)]
    texts = [t for t in texts if 2 <= len(t) <= MAX_HEADLINE]
    if not titles:
        return next((_norm(el.text_content()) for el in tree.xpath("//h1") if _norm(el.text_content())), "")
    for title in titles:
        rest = strip_site(title)
        found = [t for t in texts if t in title and len(t) >= min(len(rest), max(4, len(rest) // 2))]
        if found:
            return max(found, key=len)
    return strip_site(titles[0])


def strip_site(title: str) -> str:
    """Cut site and channel names off the end of a ``<title>`` (``标题-新华网``, ``标题 | 政治 | 中央社 CNA``)."""
    while True:
        m = SITE_TAIL.search(title)
        if not m or len(title[: m.start()].strip()) < 4:
            return title.strip()
        title = title[: m.start()]


def _author(value: str | None) -> str:
    value = _norm(value or "")
    if not value or NOT_AUTHOR.search(value):
        return ""
    return AUTHOR_LABEL.sub("", value)


def extract_article(html: str, url: str = "") -> Article | None:
    """The article of a page, or None when the page has no article text."""
    import lxml.html
    import trafilatura

    tree = lxml.html.fromstring(html)
    titles = [
        " ".join(tree.xpath("//title//text()")),
        *tree.xpath("//meta[@property='og:title']/@content"),
    ]
    strip_hidden(tree)
    unwrap_layout_tables(tree)
    flatten_inline(tree)
    page = lxml.html.tostring(tree, encoding="unicode")
    doc = trafilatura.bare_extraction(page, url=url or None, with_metadata=True, favor_precision=True)
    paragraphs = clean_lines(doc.text or "") if doc is not None else []
    fuller = trafilatura.extract(page, url=url or None)  # precision mode may, rarely, drop most of a story
    fallback = clean_lines(fuller or "")
    if sum(map(len, paragraphs)) < PRECISION_FLOOR * sum(map(len, fallback)):
        paragraphs = fallback
    if not paragraphs:
        return None
    meta_title = _norm(getattr(doc, "title", "") or "") if doc is not None else ""
    title = headline(tree, [*titles, meta_title])
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]

    def field(name: str) -> str:
        return _norm(str(getattr(doc, name, "") or "")) if doc is not None else ""

    return Article(
        title=title,
        author=_author(field("author")),
        date=field("date"),
        site=SITE_NOISE.sub("", field("sitename")),
        url=url or field("url"),
        paragraphs=paragraphs,
    )
