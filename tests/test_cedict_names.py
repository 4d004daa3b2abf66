"""CC-CEDICT beside jieba: common words are no names, and names whose English is not their pinyin get it."""

from __future__ import annotations

import pytest

from transflow.text.cedict import english_name, parse_names
from transflow.text.names import named
from transflow.text.romanize import romanize


def _notes(sentence: str) -> list[str]:
    return [n.note for n in named(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "这里的风景非常美丽。",  # jieba's dictionary tags 美丽 "beautiful" as a place
        "暴雨波及三个县。",  # 波及 "to spread to", tagged as a place
        "他对着麦克风讲话。",  # 麦克风 "microphone", tagged as a person
    ],
)
def test_words_the_dictionary_knows_only_in_lower_case_are_no_names(sentence: str) -> None:
    assert _notes(sentence) == []


def test_foreign_places_take_their_english_not_pinyin() -> None:
    assert _notes("代表团访问了长崎和梵蒂冈。") == ["长崎 = Nagasaki (place)", "梵蒂冈 = Vatican City (place)"]
    # abroad, a city or a state is named without the Chinese generic part
    assert romanize("孟菲斯市", "place") == "Memphis" and romanize("爱荷华州", "place") == "Iowa"


def test_chinese_places_keep_the_pinyin_rules() -> None:
    # the dictionary's "Fujian" or "Mt Huang" is the pinyin again: our generic parts and spelling stay
    assert romanize("福建省", "place") == "Fujian Province"
    assert romanize("黄山", "place") == "Huangshan"
    assert romanize("福州", "place") == "Fuzhou"  # 州 after one character is part of a city's name
    assert romanize("马坝镇", "place") == "Maba Town"


def test_well_known_people_are_people_with_their_conventional_english() -> None:
    assert _notes("孙中山先生的故居在翠亨村。")[0] == "孙中山 = Sun Yat-sen (person)"  # not a mountain
    assert _notes("李嘉诚出席了晚宴。") == ["李嘉诚 = Li Ka-shing (person)"]
    assert romanize("唐忠祥", "person") == "Tang Zhongxiang"  # everyone else: pinyin


def test_a_transliterated_surname_is_not_its_most_famous_bearer() -> None:
    notes = _notes("解说员拜伦在直播中道歉。")
    assert not any("George" in note for note in notes)


def test_a_japanese_name_is_given_name_first_and_never_pinyin() -> None:
    assert romanize("安倍晋三", "person") == "Shinzo Abe"
    assert romanize("山本和雄", "person") is None  # unknown: look it up, no Chinese reading
    # two Chinese surnames first: a Hong Kong married woman's name, in the dictionary's order
    assert romanize("陈方安生", "person") == "Anson Chan"


def test_glosses_are_cut_to_the_name() -> None:
    assert english_name("Springfield (Illinois)") == "Springfield"
    assert english_name("Linfen prefecture-level city in Shanxi") == "Linfen"
    assert english_name("Sir Tom Fairweather (1901-1980), shipping magnate") == "Tom Fairweather"
    assert english_name("Garze or Kandze") == "Garze"
    assert english_name("surname Bai") == "" and english_name("to walk slowly") == ""


def test_parse_names_reads_case_life_dates_and_common_senses() -> None:
    text = (
        "# a made-up dictionary in CC-CEDICT's format\n"
        "高橋 高桥 [Gao1 qiao2] /Gaoqiao town in Sichuan/\n"
        "高橋 高桥 [gao1 qiao2] /a tall bridge/\n"
        "陳大文 陈大文 [Chen2 Da4 wen2] /Chan Tai-man (1950-), Hong Kong actor/\n"
        "走走 走走 [zou3 zou5] /to take a stroll/\n"
    )
    table = parse_names(text)
    assert table["高桥"] == (True, "Gaoqiao", "")
    assert table["陈大文"] == (False, "Chan Tai-man", "person")
    assert table["走走"] == (True, "", "")


def test_a_foreign_city_that_looks_chinese_is_a_place_and_a_foreign_surname_a_foreign_name() -> None:
    assert _notes("他来自邓迪。") == ["邓迪 = Dundee (place)"]  # not Deng Di (person)
    assert _notes("约翰逊说，这是好消息。") == ["约翰逊 (foreign name)"]  # the dictionary's "(name)"
    assert _notes("马克在会上发言。") == ["马克 (foreign name)"]  # not Ma Ke


def test_places_abroad_that_jieba_and_the_dictionary_agree_on_take_their_english() -> None:
    assert _notes("他在格拉斯哥和爱丁堡住过。") == ["格拉斯哥 = Glasgow (place)", "爱丁堡 = Edinburgh (place)"]


@pytest.mark.parametrize("sentence", ["我们热烈祝贺大会召开。", "施工时要确保安全。", "从公布之日起施行。"])
def test_phrases_jieba_lists_as_rare_places_are_no_places(sentence: str) -> None:
    assert _notes(sentence) == []


def test_the_glossary_keeps_a_name_the_dictionary_knows_as_a_word() -> None:
    assert _notes("记者高峰报道。") == []  # 高峰 "peak": a word, unless the team says otherwise
    assert [n.note for n in named("记者高峰报道。", {"高峰": "Gao Feng"})] == ["高峰 = Gao Feng (person)"]
