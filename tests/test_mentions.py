"""Names across an article: second references, glosses that hold throughout, names cut short, places inside
institutions' names; through segment's notes and the ``names`` check."""

from __future__ import annotations

import json
from pathlib import Path

from transflow.text.mentions import in_document
from transflow.text.names import FOREIGN, PERSON, Name, named


def _article(*sentences: str, heading: int | None = None) -> list[list[Name]]:
    """Each sentence's settled names; sentence number ``heading`` (0-based) is not body text."""
    return in_document([(s, named(s), k != heading) for k, s in enumerate(sentences)])


def _person(names: list[Name], zh: str) -> str | None:
    return next((n.en for n in names if n.zh == zh and n.kind == PERSON), None)


def test_second_reference_in_body_text_is_the_surname() -> None:
    first, later = _article("村支书刘秀英表示，新路通车后卖菜更方便。", "刘秀英说，明年村里还要建一座冷库。")
    assert _person(first, "刘秀英") == "Liu Xiuying"
    assert _person(later, "刘秀英") == "Liu"


def test_full_names_stay_when_two_people_share_a_surname() -> None:
    found = _article(
        "村支书刘秀英表示，新路通车后卖菜更方便。", "村主任刘建波也参加了会议。", "刘秀英说，明年村里还要建一座冷库。"
    )
    assert _person(found[2], "刘秀英") == "Liu Xiuying"


def test_a_heading_is_not_the_first_reference() -> None:
    heading, body, later = _article(
        "村支书刘秀英：冷库明年建成",
        "村支书刘秀英表示，新路通车后卖菜更方便。",
        "刘秀英说，明年村里还要建一座冷库。",
        heading=0,
    )
    assert _person(heading, "刘秀英") == "Liu Xiuying"
    assert _person(body, "刘秀英") == "Liu Xiuying"  # the first mention in the body gets the full name
    assert _person(later, "刘秀英") == "Liu"


def test_a_gloss_holds_for_the_whole_article() -> None:
    glossed, bare = _article("队医郝思文 (Hal Swanson) 说，球员的伤势并不严重。", "郝思文补充说，他下周就能归队。")
    assert [(n.kind, n.en) for n in glossed if n.zh == "郝思文"] == [(FOREIGN, "Hal Swanson")]
    assert [(n.kind, n.en) for n in bare if n.zh == "郝思文"] == [(FOREIGN, "Hal Swanson")]


def test_a_name_cut_short_in_one_sentence_is_completed_from_another() -> None:
    alone = named("镇长刘德明说，今年的稻谷收成比去年好。")
    assert _person(alone, "刘德") == "Liu De"  # the tokenizer alone cuts the name short here
    cut, whole = _article("镇长刘德明说，今年的稻谷收成比去年好。", "刘德明回乡任职已有三年。")
    assert _person(cut, "刘德明") == "Liu Deming" and _person(cut, "刘德") is None
    assert _person(whole, "刘德明") == "Liu"  # and the later mention is a second reference


def test_a_place_inside_an_institution_name_is_no_person() -> None:
    assert _person(named("其他巩田学生代表也发了言。"), "巩田") == "Gong Tian"  # alone, it looks like a person
    institution, later = _article("他在英国巩田大学读书。", "其他巩田学生代表也发了言。")
    assert _person(later, "巩田") is None


def test_segment_notes_and_check_follow_the_article(project: Path, cli) -> None:
    """The notes carry the second reference; the check accepts the surname alone there and still catches
    a given name misspelt at a later mention."""
    from transflow.po.catalog import save_catalog

    from conftest import segmented_catalog

    text = "村支书刘秀英表示，新路通车后卖菜更方便。\n刘秀英说，明年村里还要建一座冷库。\n"
    po_path, po = segmented_catalog(project, cli, "farm", text)
    first, second = list(po)
    assert "names: 刘秀英 = Liu Xiuying (person)" in first.comment.splitlines()
    assert "names: 刘秀英 = Liu (person)" in second.comment.splitlines()
    first.msgstr = "Liu Xiuying, the village party secretary, said the new road made selling vegetables easier."
    second.msgstr = "Liu said the village would build a cold store next year."
    save_catalog(po, po_path)

    def names_findings() -> list[str]:
        report = json.loads(cli("check", "farm", "--format", "json").stdout)
        return [f["message"] for f in report["findings"] if f["rule"] == "names"]

    assert names_findings() == []
    second.msgstr = "Liu Xiuyin said the village would build a cold store next year."
    save_catalog(po, po_path)
    assert names_findings() == ["name: 刘秀英 = Liu Xiuying, not Liu Xiuyin"]
