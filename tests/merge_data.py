"""Test data for the merge tests: the article plus a hostile paragraph, segmented, then partly translated.

Entries are filled by position with polib and saved with ``save_catalog``: reviewed, reviewed with a
translator comment, fuzzy draft, empty, in turn. Texts carry HTML/XML/Markdown specials and CJK quotes,
so every renderer's escaping is exercised on source, translation and comment alike.
"""

from __future__ import annotations

from pathlib import Path

from transflow.po.catalog import load_catalog, save_catalog
from transflow.project.config import load_config
from transflow.segment.run import segment
from transflow.text.article import read_article

#: Appended to the article: markup, entities, both quote styles, CJK corner quotes, Markdown specials.
HOSTILE = '测试<script>alert("zh")</script>与&amp;符号"引号"和\'单引号\'「直角」*星*|竖线|。第二句“好”！'
GLOSSARY = [
    ("曲江区", "Qujiang District", "a district of Shaoguan"),
    ("韶关", "Shaoguan", ""),
    ("复工复产", "resumption of work & production", "<official> term"),
]


def translation(i: int, msgid: str) -> str:
    if "<script>" in msgid:
        return f'Test {i}: <script>alert("en")</script> & &amp; "double" \'single\' 「corner」 *star* |pipe|.'
    return f"Sentence {i} in English & more."


def make_project(project: Path) -> dict[str, tuple[str, str, str]]:
    """Segment the article (plus HOSTILE) and fill the catalog; returns msgid -> (state, msgstr, comment)."""
    src = project / "source" / "qujiang.txt"
    src.write_text(src.read_text("utf-8").rstrip("\n") + "\n" + HOSTILE + "\n", "utf-8")
    config = load_config(project)
    segment(config)
    po_path = config.po_path("qujiang", "en")
    po = load_catalog(po_path)
    states: dict[str, tuple[str, str, str]] = {}
    for i, entry in enumerate(e for e in po if not e.obsolete):
        kind = "untranslated" if i % 4 == 3 else ("draft" if i % 4 == 2 else "reviewed")
        if "<script>" in entry.msgid:
            kind = "reviewed"
        if kind != "untranslated":
            entry.msgstr = translation(i, entry.msgid)
        if kind == "draft":
            entry.fuzzy = True
        comment = f'Note {i}: <em>&amp;</em> “quoted” "straight"' if i % 4 == 1 or "<script>" in entry.msgid else ""
        entry.tcomment = comment
        states[entry.msgid] = (kind, entry.msgstr, comment)
    save_catalog(po, po_path)
    return states


def paragraphs(project: Path):
    return read_article(project / "source" / "qujiang.txt")


def reviewed_pairs(states: dict[str, tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(msgid, msgstr) for msgid, (kind, msgstr, _) in states.items() if kind == "reviewed"]
