"""merge: every format reproduces the source exactly, shows only reviewed text, escapes once, refuses thresholds."""

from __future__ import annotations

import os
import re
import string
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from merge_data import HOSTILE, make_project, paragraphs, reviewed_pairs
from transflow.merge.document import align, join_target
from transflow.merge.run import merge
from transflow.merge.text import md_escape
from transflow.project.config import load_config
from transflow.text.article import parse_article

from conftest import snapshot

HAN_SPACE_HAN = re.compile(r"[\u4e00-\u9fff][ \u00a0][\u4e00-\u9fff]")


class SideReader(HTMLParser):
    """Collects the text of each element carrying ``data-p`` (one per paragraph side), note markers excluded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sides: dict[str, list[str]] = {"zh": [], "en": []}
        self.stack: list[str | None] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "br":
            return
        if "data-p" in attrs:
            self.stack.append(attrs["class"])
            self.sides[attrs["class"]].append("")
        else:
            self.stack.append(None)
        if tag == "sup" and "nref" in (attrs.get("class") or ""):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "sup" and self.skip:
            self.skip -= 1
        self.stack.pop()

    def handle_data(self, data):
        side = next((s for s in reversed(self.stack) if s), None)
        if side and not self.skip:
            self.sides[side][-1] += data


@pytest.fixture
def filled(project):
    return project, make_project(project)


def test_html_sides_reproduce_source_and_show_only_reviewed(filled):
    project, states = filled
    [path] = merge(load_config(project))
    assert path == project / "build" / "qujiang.en.html"
    reader = SideReader()
    reader.feed(path.read_text("utf-8"))
    pars = paragraphs(project)
    assert reader.sides["zh"] == [p.text for p in pars]
    for par, en in zip(pars, reader.sides["en"], strict=True):
        for s in par.segments:
            kind, msgstr, _ = states[s]
            assert (bool(msgstr) and msgstr in en) == (kind == "reviewed")  # drafts left out by default
        assert not HAN_SPACE_HAN.search(en.replace(par.text, ""))


def test_markdown_renders_to_the_exact_texts(filled):
    project, states = filled
    [path] = merge(load_config(project), fmt="md")
    tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text("utf-8"))
    cells, row = [], []
    for i, tok in enumerate(tokens):
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if row:  # the header row has th cells only
                cells.append(row)
        elif tok.type == "td_open":
            row.append("".join(c.content for c in tokens[i + 1].children if c.type in ("text", "code_inline")))
        inline_html = [c.content for c in (tok.children or []) if c.type == "html_inline"]
        assert set(inline_html) <= {"<sup>", "</sup>", "<sub>", "</sub>"}, inline_html  # no markup from the texts
    pars = paragraphs(project)
    assert [r[0] for r in cells] == [p.text for p in pars]
    for par, (_, en) in zip(pars, cells, strict=True):
        for s in par.segments:
            kind, msgstr, _ = states[s]
            assert (bool(msgstr) and msgstr in en) == (kind == "reviewed")
    hostile = next(r for r in cells if r[0] == HOSTILE)
    assert '<script>alert("en")</script> & &amp; "double"' in hostile[1]


def test_text_interleaves_exact_paragraphs(filled):
    project, states = filled
    [path] = merge(load_config(project), fmt="txt", include_drafts=True)
    lines = path.read_text("utf-8").split("\n")
    pars = paragraphs(project)
    for par in pars:
        at = lines.index(par.text)
        en = lines[at + 1]
        kinds = [states[s][0] for s in par.segments]
        for s in par.segments:
            kind, msgstr, _ = states[s]
            assert (s if kind == "untranslated" else msgstr) in en
        assert ("[draft: " in en) == ("draft" in kinds) and ("[untranslated: " in en) == ("untranslated" in kinds)


def test_tmx_read_back_by_translate_toolkit(filled):
    from translate.storage import tmx

    project, states = filled
    [path] = merge(load_config(project), fmt="tmx", include_drafts=True)  # drafts never enter the memory
    store = tmx.tmxfile(path.read_bytes())
    assert [(u.source, u.target) for u in store.units] == reviewed_pairs(states)
    root = ET.parse(path).getroot()
    header = root.find("header").attrib
    assert (root.get("version"), header["srclang"], header["segtype"], header["o-tmf"]) == (
        "1.4",
        "zh",
        "sentence",
        "PO",
    )
    assert {"creationtool", "adminlang", "datatype"} <= set(header)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {tuv.get(xml_lang) for tuv in root.iter("tuv")} == {"zh", "en"}


def test_min_translated_refuses_and_keeps_old_output(filled, cli):
    project, states = filled
    assert cli("merge").exit_code == 0
    before = snapshot(project / "build")
    os.utime(project / "build" / "qujiang.en.html", (1, 1))
    kinds = [k for k, _, _ in states.values()]
    percent = 100 * kinds.count("reviewed") / len(kinds)
    result = cli("merge", "--min-translated", f"{percent + 1:.0f}", "--include-drafts")
    assert result.exit_code == 1
    assert "below --min-translated" in result.stderr and "qujiang.po" in result.stderr
    assert snapshot(project / "build") == before
    assert (project / "build" / "qujiang.en.html").stat().st_mtime == 1
    ok = cli("merge", "--min-translated", f"{percent - 1:.0f}", "--format", "md", "-o", str(project / "x.md"))
    assert ok.exit_code == 0 and (project / "x.md").exists()


def test_cli_errors_are_one_line(project, cli):
    assert cli("merge").exit_code == 2  # no catalog yet
    cli("segment")
    bad = cli("merge", "--format", "pdf")
    assert bad.exit_code == 2 and "is not one of" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert cli("merge", "--layout", "diagonal").exit_code == 2
    assert not (project / "build").exists()


def test_merge_is_idempotent(filled):
    project, _ = filled
    config = load_config(project)
    [path] = merge(config, fmt="html", include_drafts=True)
    first = path.read_bytes()
    os.utime(path, (1, 1))
    merge(config, fmt="html", include_drafts=True)
    assert path.read_bytes() == first and path.stat().st_mtime == 1


CJK_TEXT = st.text(alphabet=st.sampled_from(list("曲江区防疫复工“”「」，。！？… ab1.!?")), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(CJK_TEXT, min_size=1, max_size=4), translate=st.lists(st.booleans(), min_size=8, max_size=8))
def test_untranslated_text_never_gains_space_between_han(lines, translate):
    pars = parse_article("\n".join(lines))
    entries = []
    for n, s in enumerate(dict.fromkeys(s for p in pars for s in p.segments)):
        entries.append(polib.POEntry(msgid=s, msgstr=f"S{n}." if translate[n % 8] else ""))
    aligned = align("d", "en", pars, entries)
    for par, block in zip(pars, aligned.blocks, strict=True):
        assert block.zh == par.text
        inner = [m.start() for s in par.segments for m in HAN_SPACE_HAN.finditer(s)]
        if not inner:
            assert not HAN_SPACE_HAN.search(block.en)


def test_join_target():
    assert join_target(["It rained.", "We stayed."]) == "It rained. We stayed."
    assert join_target(["曲江区。", "韶关。"]) == "曲江区。韶关。"
    assert join_target(["Done.", "韶关。", "Next."]) == "Done. 韶关。 Next."


def _inline_text(markdown: str, after: str) -> str:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    at = next(i for i, t in enumerate(tokens) if t.type == after)
    children = tokens[at + 1].children
    assert all(c.type == "text" for c in children), [c.type for c in children]
    return "".join(c.content for c in children)


PIECES = st.one_of(
    st.sampled_from(["&amp;", "&#x41;", "&copy", "<b>", "</i>", "<!--", "1.", "2)", "- ", "+ ", "# ", "> ", "==="]),
    st.sampled_from(["**", "__", "~~", "`", "$x$", "[a](b)", "![i](j)", ":smile:", "\\", "\\|", "|", "http://x.y"]),
    st.sampled_from(list(string.punctuation + "09 aZ曲江“”「」，。")),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs")),
)
TEXT = st.lists(PIECES, min_size=1, max_size=12).map("".join).map(lambda t: t.strip(" ")).filter(bool)


@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_markdown_escaping_renders_back_exactly(text):
    """CommonMark (markdown-it) reads every escaped text back as plain text, in a table cell and at a line start."""
    assert _inline_text(f"| a | b |\n|---|---|\n| {md_escape(text)} | x |\n", "td_open") == text
    assert _inline_text(md_escape(text, line_start=True) + "\n", "paragraph_open") == text


def test_glossary_terms_and_machine_notes():
    from dataclasses import dataclass

    from transflow.merge.document import as_terms, term_spans

    @dataclass
    class GlossaryTerm:
        zh: str
        en: str
        note: str

    terms = as_terms(
        [("曲江", "Qujiang", ""), GlossaryTerm("曲江区", "Qujiang District", "district"), ("韶关", "Shaoguan")]
    )
    spans = [
        (text, term.en)
        for a, b, term in term_spans("曲江区和曲江在韶关", terms)
        for text in ["曲江区和曲江在韶关"[a:b]]
    ]
    assert spans == [("曲江区", "Qujiang District"), ("曲江", "Qujiang"), ("韶关", "Shaoguan")]
    pars = parse_article("曲江区很好。韶关也好。")
    entries = [
        polib.POEntry(
            msgid="曲江区很好。", msgstr="Qujiang is fine.", tcomment="Machine draft: argos 1.9\nA human note."
        ),
        polib.POEntry(msgid="韶关也好。", msgstr="Shaoguan too.", tcomment="transflow draft argos zh-en 2026-01-01"),
    ]
    [block] = align("d", "en", pars, entries).blocks
    assert [s.note for s in block.sentences] == ["A human note.", ""]
    assert block.en == "Qujiang is fine. Shaoguan too."
