"""Fuzzing with hypothesis: PO write/read round trip, and merge reproducing the source in every format.

Run longer by hand: ``HYPOTHESIS_PROFILE=long python3 -m pytest tests -k property``.
"""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from transflow.merge.document import align
from transflow.merge.html import render_html
from transflow.merge.text import render_text
from transflow.po.catalog import load_catalog, render_catalog
from transflow.text.article import parse_article

#: Characters that stress a PO writer: quotes, backslashes, tabs, newlines, CR, CJK, and escapes.
TRICKY = (
    list('"\\\t\n\r\a\b\f\v') + list("曲江“”‘’「」。，！？ab #:|~") + ["\\n", "\\t", '\\"', "%s", "\u3000", "\u00a0"]
)
po_text = st.lists(st.sampled_from(TRICKY), max_size=30).map("".join) | st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


#: Translator comments as people write them: lines of text (polib, the parser, trims each comment line and
#: treats form feeds and other Unicode line separators as line ends, so those are not fair game).
comment_text = st.lists(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"), max_size=20).map(
        str.strip
    ),
    max_size=3,
).map(lambda lines: "\n".join(line for line in lines if line))


def _catalog(entries: list[tuple[str, str, str]]) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    seen = set()
    for msgid, msgstr, comment in entries:
        if msgid and msgid not in seen:
            seen.add(msgid)
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=comment))
    return po


@given(st.lists(st.tuples(po_text, po_text, comment_text), min_size=1, max_size=6))
def test_property_po_round_trip_is_exact(entries) -> None:
    po = _catalog(entries)
    text = render_catalog(po)
    back = load_catalog(Path("random.po"), text.encode("utf-8"))
    assert [(e.msgid, e.msgstr, e.tcomment) for e in back] == [(e.msgid, e.msgstr, e.tcomment) for e in po]
    assert render_catalog(back) == text  # writing what we read changes nothing


#: What GNU gettext accepts in a message: no control characters but tab and newline (it refuses \x04, the
#: context separator of MO files, and warns on the rest); transflow's sources never contain them either.
gettext_text = st.lists(st.sampled_from([c for c in TRICKY if c not in "\r\a\b\f\v"]), max_size=30).map(
    "".join
) | st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=30)


@settings(max_examples=40)
@given(st.lists(st.tuples(gettext_text, gettext_text, st.just("")), min_size=1, max_size=4))
def test_property_po_matches_msgcat(tmp_path_factory, entries) -> None:
    """The GNU oracle on random catalogs (fewer examples: each one runs msgcat)."""
    path = Path(tmp_path_factory.mktemp("po")) / "x.po"
    path.write_text(render_catalog(_catalog(entries)), "utf-8")
    out = subprocess.run(["msgcat", "--no-wrap", str(path)], capture_output=True, check=True).stdout
    if len(_catalog(entries)):  # msgcat prints nothing for a catalog with only a header
        assert out == path.read_bytes()


class ChineseSide(HTMLParser):
    """The text of every element marked lang="zh-Hans" with data-p (one per paragraph), notes excluded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.depth = 0
        self.stack: list[bool] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        opens = "data-p" in attrs and attrs.get("lang") == "zh-Hans"
        if tag in ("br", "meta", "link", "img", "hr", "input", "col"):
            return
        self.stack.append(opens)
        if opens:
            self.paragraphs.append("")
        if tag == "sup":
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "sup" and self.skip:
            self.skip -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if any(self.stack) and not self.skip:
            self.paragraphs[-1] += data


PIECES = list("曲江区防疫复工“”\"「」（）《》，。！？…!?. ab1<>&'") + ["&amp;", "<script>", "\u3000"]
ARTICLE_TEXT = st.lists(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), min_size=1, max_size=5).map(
    "\n".join
)


@given(ARTICLE_TEXT, st.lists(st.booleans(), min_size=6, max_size=6))
def test_property_merge_chinese_side_equals_source(text: str, translated: list[bool]) -> None:
    pars = parse_article(text)
    sentences = list(dict.fromkeys(s for p in pars for s in p.segments))
    entries = [
        polib.POEntry(msgid=s, msgstr=f"<b>T{n}</b> & “x”." if translated[n % 6] else "")
        for n, s in enumerate(sentences)
    ]
    aligned = align("doc", "en", pars, entries)
    side = ChineseSide()
    side.feed(render_html(aligned))
    assert side.paragraphs == [p.text for p in pars]
    plain = render_text(aligned).split("\n")
    for par in pars:
        assert par.text in plain or any(line.endswith(par.text) or par.text in line for line in plain)
