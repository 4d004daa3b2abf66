"""Names in English letters (news style), the `names` check rule, and pinyin readings chosen per word."""

from __future__ import annotations

from pathlib import Path

import pytest

from transflow.check.rules import BY_ID, Context, Unit
from transflow.text.names import Name, named
from transflow.text.names_en import missing_names, unspelt
from transflow.text.romanize import is_foreign, join, key, person, place, romanize, spelt_in, tone_readings

POLYPHONES = Path(__file__).resolve().parent / "data" / "polyphones.tsv"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("王建军", "Wang Jianjun"),  # given name joined, capitalised once
        ("刘洋", "Liu Yang"),
        ("欧阳晓峰", "Ouyang Xiaofeng"),  # compound surnames
        ("司马南", "Sima Nan"),
        ("诸葛明亮", "Zhuge Mingliang"),
        ("尉迟敬德", "Yuchi Jingde"),
        ("单小红", "Shan Xiaohong"),  # surname readings, not dictionary readings
        ("曾志伟", "Zeng Zhiwei"),
        ("解红梅", "Xie Hongmei"),
        ("仇建国", "Qiu Jianguo"),
        ("朴光洙", "Piao Guangzhu"),
        ("查海生", "Zha Haisheng"),
        ("区家明", "Ou Jiaming"),
        ("乐嘉", "Yue Jia"),
        ("覃美玲", "Qin Meiling"),
        ("张嘉恩", "Zhang Jia'en"),  # apostrophe where a syllable starts with a vowel
        ("吕晓东", "Lü Xiaodong"),
    ],
)
def test_person_names_news_style(zh: str, en: str) -> None:
    assert person(zh) == en
    assert romanize(zh, "person") == en


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("石桥镇", "Shiqiao Town"),
        ("东湖街道", "Donghu Subdistrict"),
        ("南山区", "Nanshan District"),
        ("湖南省", "Hunan Province"),
        ("长安村", "Chang'an Village"),  # the generic part in English, apostrophe in the name
        ("沛县", "Peixian County"),  # a one-character name keeps its 县 in the pinyin
        ("黄山", "Huangshan"),  # a feature after a one-character name stays part of the name
        ("武夷山", "Wuyi Mountain"),
        ("广西壮族自治区", "Guangxi Zhuang Autonomous Region"),
        ("香港", "Hong Kong"),  # exonyms
        ("德国", "Germany"),
        ("重庆", "Chongqing"),  # read as a word: 重 is chong here
    ],
)
def test_place_names_with_their_generic_part(zh: str, en: str) -> None:
    assert place(zh) == en


def test_glossary_wins_over_pinyin() -> None:
    known = {"石桥": "Stone Bridge", "韩江": "Han River"}
    assert place("石桥镇", known) == "Stone Bridge Town"
    assert romanize("韩江", "place", known) == "Han River"
    notes = [n.note for n in named("记者赵大勇在石桥镇采访。", {"赵大勇": "Chiu Tai-yung"})]
    assert notes == ["赵大勇 = Chiu Tai-yung (person)", "石桥镇 = Shiqiao Town (place)"]


def test_foreign_names_are_marked_not_romanized() -> None:
    for name in ("普拉特", "斯密特", "安娜·卡列尼娜", "埃尔多安"):
        assert is_foreign(name), name
        assert romanize(name, "person") is None
    for name in ("王建军", "罗海俊", "金海"):
        assert not is_foreign(name), name
    notes = [n.note for n in named("英国首相斯塔默在伦敦会见了张小明。")]
    assert "斯塔默 (foreign name)" in notes and "张小明 = Zhang Xiaoming (person)" in notes
    assert named("工厂的安保人员在门口值班。") == []  # a common word spelt with the same characters
    # a transliterated place gets no pinyin: its English when jieba and CC-CEDICT agree it is a place
    notes = [n.note for n in named("哥斯达黎加的撒哈拉沙漠")]
    assert notes == ["哥斯达黎加 = Costa Rica (place)", "撒哈拉沙漠 = Sahara Desert (place)"]


def test_join_and_key() -> None:
    assert join(["xi", "an"]) == "Xi'an" and join(["ping", "an"]) == "Ping'an" and join(["bei", "jing"]) == "Beijing"
    assert key("Xi'an") == key("XIAN") == key("Xi an") == key("xi-an")
    assert key("Lü") == key("Lu") and spelt_in("Lü Bin", "LYU BIN") and spelt_in("Lü Bin", "Lu Bin")
    assert spelt_in("Lan Yuefeng", "said Lan Yuefeng")
    assert spelt_in("He Lixin", "Town head He Li-xin said") and spelt_in("He Lixin", "HE LIXIN:")
    assert spelt_in("He Lixin", "He Lixin's office") and spelt_in("Xi'an", "Xi’an’s walls")
    assert not spelt_in("He Lixin", "He Lixing said") and not spelt_in("Xi'an", "Xiangtan")


def test_names_rule_reports_a_changed_given_name_and_stays_quiet_on_good_english() -> None:
    rule = BY_ID["names"].func
    source = "村支书李志清介绍，今年村里种了三百亩茶叶。"
    assert "李志清 = Li Zhiqing, not Li Zhiqiang" in rule(
        Unit(source, "Li Zhiqiang, the village Party secretary, said 300 mu of tea was planted."), Context()
    )
    for good in (
        "Li Zhiqing, the village Party secretary, said 300 mu of tea was planted this year.",
        "LI ZHI-QING, village Party chief: 300 mu of tea this year.",  # case, hyphen
        "The village Party secretary said 300 mu of tea was planted this year.",  # a title instead
        "He said 300 mu of tea was planted this year.",  # a pronoun
    ):
        assert rule(Unit(source, good), Context()) is None, good
    # Mr. Surname: fine once the full name is in the catalog, reported when it never is
    later = Unit("李志清还说，茶叶销路很好。", "Mr. Li also said the tea sold well.")
    assert rule(later, Context(seen="Li Zhiqing said so.")) is None
    assert "only “Li” here" in rule(later, Context(seen=""))
    # Hong Kong and Taiwan spellings of the given name are not ours to judge
    assert rule(Unit("李家成表示支持。", "Li Ka-shing expressed support."), Context()) is None
    # only English catalogs
    assert rule(Unit(source, "Li Zhiqiang a dit."), Context(lang="fr")) is None


def test_two_people_with_one_surname_are_not_confused() -> None:
    source = "教练王大伟说，队员王小兵进步很快。"
    assert missing_names(source, "Coach Wang Dawei said player Wang Xiaobing improved quickly.") == []


def test_a_name_cut_short_by_the_tokenizer_is_not_blamed_on_the_english() -> None:
    short = [Name("周海", "person", "Zhou Hai")]  # as if jieba had kept only two characters of 周海波
    assert missing_names("周海波说。", "Zhou Haibo said.", found=short) == []
    assert missing_names("周海波说。", "Zhou Haig said.", found=short) == ["周海 = Zhou Hai, not Zhou Haig"]


def test_unspelt_names_for_drafts() -> None:
    source = "副镇长陈晓光在石桥镇检查工作。"
    assert [n.zh for n in unspelt(source, "Deputy mayor Chen checked work in the town.")] == ["陈晓光", "石桥镇"]
    assert unspelt(source, "Deputy town head Chen Xiaoguang inspected work in Shiqiao.") == []


def test_readings_are_chosen_per_word() -> None:
    readings = tone_readings("区长长期在银行工作，重新开始A股。")
    assert readings[:4] == ["qū", "zhǎng", "cháng", "qī"]
    assert readings[5:7] == ["yín", "háng"] and readings[10:12] == ["chóng", "xīn"]
    assert readings[9] is None and readings[14] is None  # ， and A have no reading


def _polyphone_score() -> tuple[int, int, list[str]]:
    """Polyphonic characters of the list read right (the syllable; a neutral tone may carry its citation tone)."""
    from pypinyin.pinyin_dict import pinyin_dict

    from transflow.text.romanize import _plain

    right = total = 0
    wrong = []
    for line in POLYPHONES.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, want = line.split("\t")
        for ch, got, exp in zip(word, tone_readings(word), want.split(), strict=True):
            if "," not in pinyin_dict.get(ord(ch), ""):
                continue  # one reading only: nothing to choose
            total += 1
            neutral = _plain(exp) == exp
            if got == exp or (neutral and _plain(got) == exp):
                right += 1
            else:
                wrong.append(f"{word}:{ch} {got} (want {exp})")
    return right, total, wrong


def test_polyphonic_characters_read_right_in_common_words() -> None:
    right, total, wrong = _polyphone_score()
    assert total >= 100 and right / total >= 0.95, wrong


def test_worked_example_names_are_spelt_as_its_english(project: Path, cli) -> None:
    """The six people of the article: the romanization in the notes is how the reviewed English spells them."""
    from transflow.po.catalog import load_catalog

    from conftest import REPO

    assert cli("segment").exit_code == 0
    english = {e.msgid: e.msgstr for e in load_catalog(REPO / "locale" / "en" / "LC_MESSAGES" / "qujiang.po")}
    spelt = {}
    for entry in load_catalog(project / "locale" / "qujiang.pot"):
        for line in entry.comment.splitlines():
            if line.startswith("names: "):
                for note in line[7:].split(", "):
                    if note.endswith("(person)") and " = " in note:
                        zh, en = note[: -len(" (person)")].split(" = ")
                        spelt[zh] = en in english[entry.msgid]
    people = ("廖英", "古志超", "陈桥辉", "周炳康", "罗海俊", "唐忠祥")
    assert all(spelt[zh] for zh in people), spelt


def test_check_reads_names_from_the_notes_and_reports_a_misspelt_one(project: Path, cli) -> None:
    from transflow.po.catalog import save_catalog

    from conftest import segmented_catalog

    text = "镇长何立新说，石桥镇今年修了三条路。\n何立新还说，明年再修两条。\n"
    po_path, po = segmented_catalog(project, cli, "town", text)
    first, second = list(po)
    assert "names: 何立新 = He Lixin (person)" in first.comment
    first.msgstr = "Town head He Lixing said Shiqiao Town built three roads this year."
    second.msgstr = "Mr. He added that two more would follow next year."
    save_catalog(po, po_path)
    report = cli("check", "town", "--format", "json")
    import json

    findings = [f for f in json.loads(report.stdout)["findings"] if f["rule"] == "names"]
    assert [f["message"] for f in findings] == ["name: 何立新 = He Lixin, not He Lixing"]
    first.msgstr = first.msgstr.replace("Lixing", "Lixin")  # Mr. He is fine once the full name is there
    save_catalog(po, po_path)
    assert not [
        f for f in json.loads(cli("check", "town", "--format", "json").stdout)["findings"] if f["rule"] == "names"
    ]


def test_never_given_characters_and_western_given_names_get_no_pinyin() -> None:
    # 尔 and 普 spell sounds (-r, p-); Chinese parents do not give them: no pinyin for such a "person"
    for sentence in ("记者吉和尔报道。", "警方在莫尔日附近发现了车辆。"):
        assert not [n for n in named(sentence) if n.kind == "person"], sentence
    for name in ("罗杰", "海伦", "艾伦"):  # Roger, Helen, Alan: read as Luo Jie, Hai Lun, Ai Lun they mislead
        assert is_foreign(name) and romanize(name, "person") is None
    for name in ("罗海俊", "艾力", "海燕"):  # Chinese names with the same characters stay Chinese
        assert not is_foreign(name), name
