"""What an editor meets when publishing: private translator comments stay private in every output, a fuzzy
entry is called a machine draft only when a machine drafted it, and the page prints as it reads."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from transflow.cli import app

#: Our own article: a headline, then a paragraph of three sentences.
ARTICLE = "湖边图书馆开门\n湖边图书馆今天开门。第一天来了三百人。馆长说周末也开放。\n"
PRIVATE = "private: ask the desk whether 馆长 is director or curator"
REVIEWER = "reviewer: checked against the press release"
PUBLIC = "The library opened in 2024."


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """Segmented, then: one reviewed entry with public and private comments, one machine draft, one
    translation a person made fuzzy, one headline reviewed."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "lib.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "glossary.csv").write_text("zh,en,note\n图书馆,library,\n", "utf-8")
    run = CliRunner().invoke(app, ["-C", str(tmp_path), "segment"], catch_exceptions=False)
    assert run.exit_code == 0, run.stderr
    path = tmp_path / "locale" / "en" / "LC_MESSAGES" / "lib.po"
    po = polib.pofile(str(path))
    by = {e.msgid: e for e in po}
    by["湖边图书馆开门"].msgstr = "Lakeside library opens"
    by["湖边图书馆今天开门。"].msgstr = "The lakeside library opened today."
    by["湖边图书馆今天开门。"].tcomment = f"{PRIVATE}\n{PUBLIC}\n{REVIEWER}"
    by["第一天来了三百人。"].msgstr = "Three hundred people came on the first day."
    by["第一天来了三百人。"].flags.append("fuzzy")
    by["第一天来了三百人。"].tcomment = "transflow draft: argos translate-zh_en 1.9, 2026-01-01"
    by["馆长说周末也开放。"].msgstr = "The director said it would open at weekends too."
    by["馆长说周末也开放。"].flags.append("fuzzy")  # a person's translation, source edited since
    po.save()
    return tmp_path


def merge(root: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, ["-C", str(root), "merge", "--include-drafts", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return Path(result.stdout.strip())


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "tmx"])
def test_private_and_reviewer_comments_stay_out_of_every_output(published: Path, fmt: str) -> None:
    text = merge(published, "--format", fmt).read_text("utf-8")
    assert "ask the desk" not in text and "press release" not in text
    assert "private:" not in text and "reviewer:" not in text
    if fmt in ("html", "md", "tmx"):  # the formats that publish notes still publish the public one
        assert PUBLIC in text


def test_only_a_machine_draft_is_called_one(published: Path) -> None:
    page = merge(published).read_text("utf-8")
    assert page.count('title="Machine draft, not yet reviewed"') == 1
    assert page.count('title="Needs review: changed or marked fuzzy since it was translated"') == 1
    machine = page.index("Three hundred people")
    assert page.rfind("Machine draft", 0, machine) > page.rfind("Needs review", 0, machine)


#: CSS pixels across the printable width of A4 and US Letter portrait with 1 cm margins.
PAPER = {"A4": 718, "Letter": 741}
COLUMNS = "getComputedStyle(document.querySelector('.row.body')).gridTemplateColumns.split(' ').length"
HIDDEN = "getComputedStyle(document.querySelector('%s')).display"
TERM_AFTER = "getComputedStyle(document.querySelector('abbr.term'), '::after').content"


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_print_keeps_two_columns_and_drops_screen_only_hints(published: Path, browser, paper: str) -> None:
    path = merge(published)
    browser.open(path.as_uri(), width=PAPER[paper], height=1000)
    assert browser.js(COLUMNS) == 1  # on screen this width stacks the languages
    browser.send("Emulation.setEmulatedMedia", media="print")
    try:
        assert browser.js(COLUMNS) == 2
        assert browser.js(HIDDEN % ".legend li:last-child") == "none"  # "hover or focus a sentence ..."
        assert browser.js(HIDDEN % ".notes .back") == "none"
        assert "library" in browser.js(TERM_AFTER)  # the glossary English, inline on paper
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")


def test_print_with_the_glossary_table_leaves_terms_unannotated(published: Path, browser) -> None:
    path = merge(published, "--glossary")
    browser.open(path.as_uri(), width=PAPER["A4"], height=1000)
    browser.send("Emulation.setEmulatedMedia", media="print")
    try:
        assert browser.js(TERM_AFTER) in ("none", "normal")
        assert browser.js(HIDDEN % ".glossary") != "none"
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")
