"""The segment stage end to end: catalogs, notes, msgmerge-style updates, idempotence, GNU oracles."""

from __future__ import annotations

from pathlib import Path

import polib

from transflow.po.catalog import load_catalog, save_catalog

from conftest import assert_gettext_clean, snapshot

PO = Path("locale/en/LC_MESSAGES/qujiang.po")
POT = Path("locale/qujiang.pot")


def entries(root: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in load_catalog(root / PO)}


def translate(root: Path, mapping: dict[str, str], fuzzy: bool = False, comment: str = "") -> None:
    po = load_catalog(root / PO)
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
            entry.flags = ["fuzzy"] if fuzzy else []
            entry.tcomment = comment
    save_catalog(po, root / PO)


def write_source(root: Path, lines: list[str]) -> None:
    (root / "source" / "qujiang.txt").write_text("\n".join(lines) + "\n", "utf-8")


def test_segment_writes_clean_catalogs_with_notes(project: Path, cli) -> None:
    result = cli("segment")
    assert result.exit_code == 0, result.stderr
    for path in (project / POT, project / PO):
        assert_gettext_clean(path)
    po = load_catalog(project / PO)
    assert po.metadata["Language"] == "en" and po.metadata["X-Source-Language"] == "zh"
    assert list(po.metadata)[-2:] == ["X-Source-Language", "X-Generator"]
    by_id = {e.msgid: e for e in po}
    title = by_id["曲江区 防疫打好“主动仗” 复工下好“先手棋”"]
    assert title.occurrences == [("source/qujiang.txt", "1")]
    assert "title, paragraph 1" in title.comment and "曲江区 = Qujiang District (place)" in title.comment
    byline = by_id["●唐音唐忠祥"]
    assert "byline" in byline.comment and "唐忠祥 = Tang Zhongxiang (person)" in byline.comment
    assert "caption, paragraph 2, sentence 2 of 2" in by_id["唐忠祥摄"].comment
    assert "heading" in by_id["精准施策"].comment
    teaser = next(e for e in po if e.msgid.startswith("本报讯"))
    assert "related" in teaser.comment
    names = "\n".join(e.comment for e in po)
    for noise in ("宣传单", "张贴", "文明", "宣传画"):
        assert f"{noise} (person)" not in names
    people = ("廖英 = Liao Ying (person)", "周炳康 = Zhou Bingkang (person)", "罗海俊 = Luo Haijun (person)")
    for name in (*people, "马坝卫生院 (organization)"):
        assert name in names


def test_second_run_changes_no_byte(project: Path, cli) -> None:
    cli("segment")
    before = snapshot(project / "locale")
    (project / ".transflow" / "segment.json").unlink()  # force real work, not the cache
    cli("segment")
    assert snapshot(project / "locale") == before
    cli("segment")
    assert snapshot(project / "locale") == before


def test_duplicate_sentence_is_one_entry_with_two_references(project: Path, cli) -> None:
    write_source(project, ["标题一", "同一句话。别的话。", "第三段。", "同一句话。"])
    cli("segment")
    dup = entries(project)["同一句话。"]
    assert dup.occurrences == [("source/qujiang.txt", "2"), ("source/qujiang.txt", "4")]
    assert_gettext_clean(project / PO)


def test_update_semantics(project: Path, cli) -> None:
    write_source(project, ["标题", "曲江区今天召开会议。会议决定了三件事。", "他们都很高兴。"])
    cli("segment")
    translate(
        project,
        {
            "曲江区今天召开会议。": "Qujiang District held a meeting today.",
            "会议决定了三件事。": "The meeting decided three things.",
            "他们都很高兴。": "They were all happy.",
        },
        comment="checked with the editor",
    )
    # edit one sentence, remove another, insert a paragraph at the top
    write_source(project, ["新的导语。", "标题", "曲江区今天召开了会议。会议决定了三件事。"])
    cli("segment")
    by_id = entries(project)
    edited = by_id["曲江区今天召开了会议。"]
    assert edited.msgstr == "Qujiang District held a meeting today."
    assert "fuzzy" in edited.flags and edited.previous_msgid == "曲江区今天召开会议。"
    assert edited.tcomment == "checked with the editor"
    kept = by_id["会议决定了三件事。"]
    assert kept.msgstr == "The meeting decided three things." and "fuzzy" not in kept.flags
    assert kept.occurrences == [("source/qujiang.txt", "3")]
    gone = by_id["他们都很高兴。"]
    assert gone.obsolete and gone.msgstr == "They were all happy."
    assert by_id["新的导语。"].msgstr == "" and "fuzzy" not in by_id["新的导语。"].flags
    assert_gettext_clean(project / PO)
    # the removed sentence comes back: revived with its translation and state
    write_source(project, ["标题", "曲江区今天召开了会议。会议决定了三件事。", "他们都很高兴。"])
    cli("segment")
    back = entries(project)["他们都很高兴。"]
    assert not back.obsolete and back.msgstr == "They were all happy." and "fuzzy" not in back.flags
    assert_gettext_clean(project / PO)


def test_inserting_and_moving_paragraphs_changes_no_state(project: Path, cli) -> None:
    cli("segment")
    po = load_catalog(project / PO)
    translated = {e.msgid: f"English {i}." for i, e in enumerate(po) if i % 2 == 0}
    translate(project, translated)
    lines = (project / "source" / "qujiang.txt").read_text("utf-8").splitlines()
    write_source(project, ["插入的新段落。"] + lines[10:] + lines[:10])
    cli("segment")
    after = entries(project)
    for msgid, text in translated.items():
        assert after[msgid].msgstr == text and not after[msgid].flags and not after[msgid].obsolete


def test_translator_edits_survive_and_dates_move_only_with_content(project: Path, cli) -> None:
    cli("segment")
    pot_date = load_catalog(project / POT).metadata["POT-Creation-Date"]
    po = load_catalog(project / PO)
    po.metadata["Last-Translator"] = "Li Hua <li@example.org>"
    po.metadata["X-Generator"] = "Poedit 3.4.2"
    po.header = "Translation of the Qujiang article."
    save_catalog(po, project / PO)
    cli("segment")
    again = load_catalog(project / PO)
    assert again.metadata["Last-Translator"] == "Li Hua <li@example.org>"
    assert again.metadata["X-Generator"] == "Poedit 3.4.2"
    assert again.header == "Translation of the Qujiang article."
    assert load_catalog(project / POT).metadata["POT-Creation-Date"] == pot_date


def test_other_languages_and_split_json(project: Path, cli) -> None:
    result = cli("segment", "--lang", "fr")
    assert result.exit_code == 0
    fr = load_catalog(project / "locale/fr/LC_MESSAGES/qujiang.po")
    assert fr.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert_gettext_clean(project / "locale/fr/LC_MESSAGES/qujiang.po")
    out = cli("split", str(project / "source/qujiang.txt"), "--json")
    import json

    records = [json.loads(x) for x in out.stdout.splitlines()]
    assert records[0] == {"line": 1, "role": "title", "segments": ["曲江区 防疫打好“主动仗” 复工下好“先手棋”"]}
    assert records[1]["role"] == "caption" and len(records[1]["segments"]) == 2
    plain = cli("split", str(project / "source/qujiang.txt"))
    assert plain.stdout.splitlines()[1:3] == ["金光(韶关)食品有限公司工人在生产线上忙碌。", "唐忠祥摄"]


def test_config_file_moves_folders(project: Path, cli) -> None:
    (project / "articles").mkdir()
    (project / "source" / "qujiang.txt").rename(project / "articles" / "a1.txt")
    (project / "transflow.toml").write_text(
        'source_dir = "articles"\nlocale_dir = "po"\ntarget_languages = ["en", "de"]\n'
    )
    assert cli("segment").exit_code == 0
    assert (project / "po/a1.pot").exists() and (project / "po/de/LC_MESSAGES/a1.po").exists()
    assert load_catalog(project / "po/en/LC_MESSAGES/a1.po")[0].occurrences == [("articles/a1.txt", "1")]
