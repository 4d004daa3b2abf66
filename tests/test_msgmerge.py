"""po/msgmerge.py directly: what a catalog keeps when its template changes (GNU msgmerge as the oracle)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

from transflow.po.catalog import render_catalog
from transflow.po.msgmerge import merge_entries, nearest
from transflow.po.progress import DRAFT, REVIEWED, UNTRANSLATED, state


def entry(msgid: str, msgstr: str = "", fuzzy: bool = False, note: str = "", comment: str = "") -> polib.POEntry:
    e = polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=note, comment=comment)
    e.fuzzy = fuzzy
    return e


def template(*msgids: str) -> list[polib.POEntry]:
    return [polib.POEntry(msgid=m, comment=f"body, paragraph {n}") for n, m in enumerate(msgids, start=1)]


OLD = [
    entry("水库今年蓄水三千万立方米。", "The reservoir stored 30 million cubic metres this year.", note="checked"),
    entry("农民开始春耕。", "Farmers began spring ploughing.", fuzzy=True),
    entry("天气预报说明天有雨。"),
    entry("新的学校将在九月开学。", "The new school opens in September."),
]


def by_id(entries: list[polib.POEntry]) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in entries}


def test_unchanged_sentences_keep_translation_state_and_comments():
    merged = by_id(merge_entries(OLD, template(*(e.msgid for e in OLD))))
    kept = merged["水库今年蓄水三千万立方米。"]
    assert state(kept) == REVIEWED and kept.tcomment == "checked" and not kept.previous_msgid
    assert kept.comment == "body, paragraph 1"  # extracted comments come from the new template
    assert state(merged["农民开始春耕。"]) == DRAFT
    assert state(merged["天气预报说明天有雨。"]) == UNTRANSLATED
    assert not any(e.obsolete for e in merged.values())


def test_an_edited_sentence_inherits_the_nearest_translation_as_fuzzy():
    edited = "水库今年蓄水四千万立方米。"  # one character changed
    merged = merge_entries(OLD, template(edited, "农民开始春耕。", "天气预报说明天有雨。", "新的学校将在九月开学。"))
    new = by_id(merged)[edited]
    assert new.msgstr == OLD[0].msgstr and new.fuzzy and state(new) == DRAFT
    assert new.previous_msgid == "水库今年蓄水三千万立方米。" and new.tcomment == "checked"
    assert "水库今年蓄水三千万立方米。" not in by_id(merged)  # used up: not kept as obsolete too


def test_a_sentence_too_different_starts_empty():
    merged = by_id(merge_entries(OLD[:1], template("港口吞吐量创新高。")))
    assert state(merged["港口吞吐量创新高。"]) == UNTRANSLATED
    assert merged["水库今年蓄水三千万立方米。"].obsolete  # its translation is kept, obsolete


def test_removed_sentences_become_obsolete_only_if_translated_and_come_back_alive():
    shorter = merge_entries(OLD, template("农民开始春耕。"))
    obsolete = [e.msgid for e in shorter if e.obsolete]
    assert obsolete == ["水库今年蓄水三千万立方米。", "新的学校将在九月开学。"]  # the empty one is simply gone
    assert [e.msgid for e in shorter[:1]] == ["农民开始春耕。"]  # live entries first, obsolete at the end
    again = by_id(merge_entries(shorter, template("新的学校将在九月开学。", "农民开始春耕。")))
    back = again["新的学校将在九月开学。"]
    assert not back.obsolete and state(back) == REVIEWED and back.msgstr == "The new school opens in September."
    assert again["水库今年蓄水三千万立方米。"].obsolete


def test_moved_paragraphs_change_no_state():
    order = [e.msgid for e in OLD][::-1]
    merged = merge_entries(OLD, template(*order))
    assert [e.msgid for e in merged] == order
    before = {e.msgid: (e.msgstr, state(e), e.tcomment) for e in OLD}
    assert {e.msgid: (e.msgstr, state(e), e.tcomment) for e in merged} == before
    assert not any(e.previous_msgid for e in merged)


def test_nearest_prefers_the_most_similar_and_the_first_on_a_tie():
    candidates = [entry("会议在北京举行。", "a"), entry("会议在上海举行。", "b"), entry("完全不同的句子呢", "c")]
    assert nearest("会议在上海举行了。", candidates).msgstr == "b"
    assert nearest("会议在广州举行。", candidates).msgstr == "a"  # 北京 and 上海 are equally far: first wins
    assert nearest("港口吞吐量创新高。", candidates) is None


def _po(entries: list[polib.POEntry]) -> str:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    po.extend(entries)
    return render_catalog(po)


def test_states_agree_with_gnu_msgmerge(tmp_path: Path):
    new = template("水库今年蓄水四千万立方米。", "农民开始春耕。", "天气预报说明天有雨。", "港口吞吐量创新高。")
    (tmp_path / "old.po").write_text(_po(OLD), "utf-8")
    (tmp_path / "new.pot").write_text(_po(new), "utf-8")
    out = subprocess.run(
        [
            "msgmerge",
            "--no-wrap",
            "--previous",
            "--quiet",
            "-o",
            "-",
            str(tmp_path / "old.po"),
            str(tmp_path / "new.pot"),
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    gnu = polib.pofile(out)
    ours = merge_entries(OLD, new)
    assert _summary(ours) == _summary(gnu)


def _summary(entries) -> set[tuple]:
    return {(e.msgid, e.msgstr, state(e), bool(e.obsolete), e.previous_msgid or "") for e in entries}
