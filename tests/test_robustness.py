"""Hostile and odd inputs for every command that reads them: exit 2 with one line, or a correct result.

| input                         | expected                                                    |
|-------------------------------|-------------------------------------------------------------|
| empty file, blank lines only  | valid empty catalogs                                        |
| BOM, CRLF, lone CR            | BOM dropped; line numbers as an editor counts them          |
| GB18030 / GBK / Big5          | exit 2 naming the likely encoding; works with --encoding    |
| binary, NUL, truncated UTF-8  | exit 2 with file and line                                   |
| control characters            | exit 2 with file:line:column                                |
| a 50 MB single line           | exit 2 (no paragraph is that long), nothing written         |
| 20,000 paragraphs (100,000 by hand: 13 s) | one entry per distinct sentence, catalogs clean |
| 10,000-character sentence     | one segment, catalogs clean                                 |
| catalog syntax error          | exit 2 with file:line                                       |
| catalog with a non-UTF-8 charset header | exit 2 naming the header                          |
| duplicate msgids in a catalog | exit 2 naming the file                                      |
| PO saved by Poedit            | header order and X-Generator kept, no churn                 |
| plural / msgctxt entries added by hand | kept (as obsolete when not in the source), never dropped |
| Language header disagreeing with its folder | the folder wins for new entries; header kept as is |
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from transflow.po.catalog import load_catalog, render_catalog, save_catalog

from conftest import ARTICLE, assert_gettext_clean, snapshot

PO = "locale/en/LC_MESSAGES/qujiang.po"
ARTICLE_TEXT = ARTICLE.read_text("utf-8")

BAD_SOURCES = {
    "gbk": ("曲江区防疫。各级党组织和广大党员闻令而动。\n".encode("gbk"), "--encoding gb18030"),
    "big5": ("曲江區防疫。各級黨組織和廣大黨員聞令而動。\n".encode("big5"), "--encoding big5"),
    "binary": (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary"),
    "nul": ("第一段。\n第二\x00段。\n".encode(), "binary"),
    "truncated": ("第一段。\n第二段".encode()[:-2], ":2: not UTF-8"),
    "control": ("第一段。\n第二\x1b[31m段。\n".encode(), ":2:3: control character U+001B"),
    "huge-line": (("很长" * 26_000_000).encode(), "is a line end missing?"),
}


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_bad_sources_fail_cleanly_and_write_nothing(project: Path, cli, name: str) -> None:
    data, needle = BAD_SOURCES[name]
    (project / "source" / f"{name}.txt").write_bytes(data)
    cli("segment", "qujiang")
    before = snapshot(project)
    for args in (["segment"], ["split", str(project / "source" / f"{name}.txt")]):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
        assert f"{name}.txt" in result.stderr and needle in result.stderr, result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "name, data, expected",
    [
        (
            "bom-crlf",
            "\ufeff第一段。\r\n\r\n第二段。第三句。\r".encode(),
            [("第一段。", 1), ("第二段。", 3), ("第三句。", 3)],
        ),
        ("lone-cr", "甲。\r乙。\r丙。".encode(), [("甲。", 1), ("乙。", 2), ("丙。", 3)]),
        ("long-sentence", ("没有句号的长句" * 1500).encode(), [("没有句号的长句" * 1500, 1)]),
    ],
)
def test_odd_but_valid_sources(project: Path, cli, name: str, data: bytes, expected: list) -> None:
    (project / "source" / "qujiang.txt").unlink()
    (project / "source" / f"{name}.txt").write_bytes(data)
    assert cli("segment").exit_code == 0
    pot = project / "locale" / f"{name}.pot"
    assert_gettext_clean(pot)
    assert [(e.msgid, int(e.occurrences[0][1])) for e in load_catalog(pot)] == expected


def test_empty_documents_get_no_catalogs(project: Path, cli) -> None:
    (project / "source" / "empty.txt").write_bytes(b"")
    (project / "source" / "blank.txt").write_bytes(b"\n \n\t\n\xe3\x80\x80\n")
    result = cli("segment")
    assert result.exit_code == 0 and "empty has no text" in result.stderr and "blank has no text" in result.stderr
    assert sorted(p.name for p in (project / "locale").glob("*.pot")) == ["qujiang.pot"]


def test_many_paragraphs(project: Path, cli) -> None:
    lines = [f"第{i}段说明情况。大家都很好。" for i in range(20_000)]
    (project / "source" / "many.txt").write_text("\n".join(lines), "utf-8")
    assert cli("segment", "many").exit_code == 0
    po = load_catalog(project / "locale/en/LC_MESSAGES/many.po")
    assert len(po) == 20_001
    shared = po.find("大家都很好。")
    assert len(shared.occurrences) == 20_000 and "and 19997 more places" in shared.comment
    assert_gettext_clean(project / "locale/en/LC_MESSAGES/many.po")


def _write_po(project: Path, text: str) -> Path:
    path = project / PO
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: {lang}\\n"\n\n'


@pytest.mark.parametrize(
    "body, needle",
    [
        (HEADER.format(charset="GBK", lang="en"), "must be UTF-8"),
        (
            HEADER.format(charset="UTF-8", lang="en") + 'msgid "甲。"\nmsgstr "A."\n\nmsgid "甲。"\nmsgstr "B."\n',
            "qujiang.po",
        ),
        (HEADER.format(charset="UTF-8", lang="en") + 'msgid "甲。"\nmsgstr "A.\n', "qujiang.po:"),
    ],
)
def test_bad_catalogs(project: Path, cli, body: str, needle: str) -> None:
    _write_po(project, body)
    before = snapshot(project)
    result = cli("segment")
    assert result.exit_code == 2 and needle in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert snapshot(project) == before


def test_poedit_saved_catalog_and_hand_made_entries_are_kept(project: Path, cli) -> None:
    cli("segment")
    path = project / PO
    po = load_catalog(path)
    # what Poedit does on save: its own generator, a reordered header with its own fields
    meta = dict(po.metadata)
    meta["X-Generator"] = "Poedit 3.4.2"
    po.metadata = {"Project-Id-Version": meta.pop("Project-Id-Version"), "X-Poedit-SourceCharset": "UTF-8", **meta}
    po[0].msgstr = "Qujiang title"
    # a translator adds entries by hand: a plural entry and one with a context
    po.append(polib.POEntry(msgid="一个人", msgid_plural="{n}个人", msgstr_plural={0: "one person", 1: "{n} people"}))
    po.append(polib.POEntry(msgid="标题", msgctxt="menu", msgstr="Title"))
    save_catalog(po, path)
    assert_gettext_clean(path)
    assert cli("segment").exit_code == 0
    after = load_catalog(path)
    assert list(after.metadata)[:2] == ["Project-Id-Version", "X-Poedit-SourceCharset"]
    assert after.metadata["X-Generator"] == "Poedit 3.4.2"
    assert after[0].msgstr == "Qujiang title"
    plural = next(e for e in after if e.msgid == "一个人")
    assert plural.obsolete and plural.msgstr_plural == {0: "one person", 1: "{n} people"}
    ctx = next(e for e in after if e.msgid == "标题")
    assert ctx.obsolete and ctx.msgctxt == "menu" and ctx.msgstr == "Title"
    assert_gettext_clean(path)
    second = path.read_bytes()
    cli("segment")
    assert path.read_bytes() == second


def test_language_header_disagreeing_with_folder(project: Path, cli) -> None:
    cli("segment")
    path = project / PO
    po = load_catalog(path)
    po.metadata["Language"] = "fr"
    save_catalog(po, path)
    assert cli("segment").exit_code == 0
    assert load_catalog(path).metadata["Language"] == "fr"  # a person's header is never rewritten
    assert render_catalog(load_catalog(path)) == path.read_text("utf-8")


def test_translator_saving_during_segment_keeps_their_text(project: Path) -> None:
    """A translator saves qujiang.po after segment read it (while another document is being cut)."""
    from transflow.project.config import load_config
    from transflow.segment.run import segment

    config = load_config(project)
    segment(config, annotate=lambda s: [])
    (project / "source" / "zz-later.txt").write_text("另一篇文章。\n", "utf-8")
    (project / "source" / "qujiang.txt").write_text(ARTICLE_TEXT.replace("。", "。新句子。", 1), "utf-8")
    path = project / PO

    def translator_saves_meanwhile(sentence: str) -> list[str]:
        if sentence == "另一篇文章。":  # qujiang was planned already; its catalog changes under our feet
            po = load_catalog(path)
            po[0].msgstr = "Typed in Poedit during the run"
            save_catalog(po, path)
        return []

    segment(config, annotate=translator_saves_meanwhile)
    after = load_catalog(path)
    assert after[0].msgstr == "Typed in Poedit during the run"
    assert after.find("新句子。") is not None  # and the source change was merged too
    assert_gettext_clean(path)


def test_every_reading_command_fails_cleanly_on_a_broken_catalog(project: Path, cli) -> None:
    cli("segment")
    path = project / PO
    path.write_text(path.read_text("utf-8").replace('msgstr ""\n\n#.', 'msgstr "oops\n\n#.', 1), "utf-8")
    before = snapshot(project)
    for args in (["segment"], ["check"], ["stats"], ["merge"], ["draft", "--engine", "memory"]):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert len(result.stderr.strip().splitlines()) == 1 and "qujiang.po:" in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output
    assert snapshot(project) == before


def test_lone_surrogates_and_hostile_names(project: Path, cli) -> None:
    (project / "source" / "surrogate.txt").write_bytes("第一段。\n".encode() + b"\xed\xa0\x80\xe3\x80\x82\n")
    result = cli("segment", "surrogate")
    assert result.exit_code == 2 and "surrogate.txt:2: not UTF-8" in result.stderr
    (project / "source" / "surrogate.txt").unlink()
    outside = project.parent / "outside.txt"
    outside.write_text("外面的文章。\n", "utf-8")
    assert cli("segment", str(outside)).exit_code == 0  # a path is fine: its catalogs stay inside locale/
    assert (project / "locale" / "outside.pot").exists() and not (project.parent / "locale").exists()
    for name in ("../evil", "/etc/passwd", "a/b", ".hidden", "con sole"):
        bad = cli("segment", name)
        assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1
