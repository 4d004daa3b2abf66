"""``transflow import``: a saved news page (or a URL, online) -> ``source/<doc>.md`` with front matter.

The Markdown written is plain: the headline and the story's facts in YAML front matter (``title``,
``author``, ``date``, ``source_url``, ``site``: what the credit line of every output shows), then one
paragraph per body paragraph, escaped so that nothing in the story's text reads as Markdown.
An existing source is never replaced without ``force``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from transflow.ingest.decode import decode_page
from transflow.ingest.extract import Article, extract_article
from transflow.project.config import DOC_NAME, Config, check_doc_name
from transflow.project.errors import InputError
from transflow.project.files import atomic_write
from transflow.text.markdown import escape_markdown

#: Largest page read (a saved page with inline images can be large; beyond this it is not a page).
MAX_PAGE = 50_000_000
#: Fewer characters of body text than this is not an article (an error page, a bare link list).
MIN_ARTICLE = 20
URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class ImportReport:
    path: Path
    title: str
    paragraphs: int
    characters: int
    encoding: str


def article_markdown(article: Article) -> str:
    """The source document: front matter with the fields present, then the escaped paragraphs."""
    meta = {
        key: value
        for key, value in (
            ("title", article.title),
            ("author", article.author),
            ("date", article.date),
            ("source_url", article.url),
            ("site", article.site),
        )
        if value
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000, default_style=None)
    body = "\n\n".join(escape_markdown(p) for p in article.paragraphs)
    return f"---\n{front}---\n\n{body}\n"


def default_name(page: str) -> str:
    """A document name from the page's file name or the last part of its URL."""
    stem = Path(re.sub(r"[?#].*$", "", page.rstrip("/"))).stem
    name = re.sub(r"[^\w.+-]+", "-", stem).strip("-.") or "article"
    return name if DOC_NAME.match(name) else "article"


def read_page(page: str) -> tuple[bytes, str]:
    """The page's bytes and its address (a URL's own; a file has none)."""
    if URL.match(page):
        import trafilatura

        downloaded = trafilatura.fetch_url(page, decode=False)
        data = getattr(downloaded, "data", None)
        if not data:
            raise InputError(f"{page}: could not download the page (offline, or the server refused)")
        return data, page
    path = Path(page)
    try:
        if path.stat().st_size > MAX_PAGE:
            raise InputError(f"{page}: {path.stat().st_size:,} bytes is too large for a news page")
        return path.read_bytes(), ""
    except OSError as exc:
        raise InputError(f"{page}: cannot read ({exc.strerror or exc})") from None


def import_page(config: Config, page: str, name: str | None = None, force: bool = False) -> ImportReport:
    """Extract the article of ``page`` into ``source/<name>.md``; returns what was kept."""
    doc = check_doc_name(name or default_name(page), page)
    target = config.source_dir / f"{doc}.md"
    others = [p for p in (config.source_dir / f"{doc}.txt",) if p.exists()]
    if others:
        raise InputError(f"{others[0]}: a source named {doc!r} exists; choose another name with --name")
    if target.exists() and not force:
        raise InputError(f"{target}: exists; pass --force to replace it, or --name to import under another name")
    raw, url = read_page(page)
    if not raw.strip():
        raise InputError(f"{page}: empty file; save the whole page (HTML) and import that")
    html, encoding = decode_page(raw)
    try:
        article = extract_article(html, url)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken pages
        raise InputError(f"{page}: not a readable HTML page ({type(exc).__name__})") from None
    if article is None or sum(len(p) for p in article.paragraphs) < MIN_ARTICLE:
        raise InputError(f"{page}: no article text found (is it a news article page?)")
    atomic_write(target, article_markdown(article))
    chars = sum(len(p) for p in article.paragraphs)
    return ImportReport(target, article.title, len(article.paragraphs), chars, encoding)
