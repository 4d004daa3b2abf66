"""Names for the translator's notes: people, places and organisations found with jieba, noise filtered."""

from __future__ import annotations

import pytest

from transflow.text.names import find_names, named


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("该院院长廖英接到任务时，还沉浸在悲痛之中。", {"廖英": "person"}),  # unknown to jieba's dictionary
        ("正如曲江区委书记罗海俊所说。", {"罗海俊": "person"}),  # title + a name jieba splits (罗海 + 俊)
        ("“我们为企业提供了口罩。”张建国说。", {"张建国": "person"}),  # a dictionary name before a speech verb
        ("记者 李明 通讯员 王芳", {"李明": "person", "王芳": "person"}),
        ("马坝卫生院承担城区所有社区和马坝镇乡村的防控工作。", {"马坝卫生院": "organization", "马坝镇": "place"}),
        (
            "曲江区交通运输局局长周炳康从除夕至2月24日连续奋战。",
            {"曲江区交通运输局": "organization", "周炳康": "person"},
        ),
        ("深圳市南山区科技创新局局长张建国介绍。", {"深圳市南山区科技创新局": "organization", "张建国": "person"}),
        (
            "腾讯公司和大疆创新科技有限公司的员工已经返岗。",
            {"腾讯公司": "organization", "大疆创新科技有限公司": "organization"},
        ),
        ("1月21日傍晚，松山街道干部古志超听到消息。", {"松山街道": "place", "古志超": "person"}),
        ("村民张东红也来了。", {"张东红": "person"}),  # jieba cuts 张东 + 红: the name is taken whole
        ("镇长何立新说，路修好了。", {"何立新": "person"}),  # a title before, a speech verb after
        ("美国总统特朗普在华盛顿说。", {"特朗普": "foreign name", "华盛顿": "place", "美国": "place"}),
        ("克里梅茨在比赛中受伤。", {"克里梅茨": "foreign name"}),  # jieba cuts it 克里 + 梅茨
        ("丹霞山景区游客众多。", {"丹霞山": "place"}),  # tagged nr by jieba; 山 makes it a place
    ],
)
def test_names_found(sentence: str, expected: dict[str, str]) -> None:
    found = dict(find_names(sentence))
    for name, kind in expected.items():
        assert found.get(name) == kind, found


@pytest.mark.parametrize(
    "sentence, noise",
    [
        ("发放张贴了近20万份宣传画、宣传海报和宣传单等资料。", {"张贴", "宣传画", "宣传单"}),
        ("曲江充分发挥新时代文明实践中心的引领作用。", {"文明"}),
        ("区长任常务指挥长。", {"任常务"}),
        ("曲江区各级党组织和广大党员闻令而动。", {"闻令", "党组织"}),
        ("525名党员担任楼长。", {"楼长"}),
        ("乌石派出所所长、乐广高速乌石出口检查站临时党支部书记。", {"乌石派出所所长、乐广高速"}),
        ("老话说龙生龙，凤生凤。", {"龙生龙", "凤生凤"}),  # a saying
        ("游客一早就上山，山下是景区的南大门。", {"上山", "南大门"}),  # motion verb, metaphor
        ("文旅部门推出了新线路。", {"文旅"}),  # an abbreviation before 部门
        ("哥哥和妹妹在家里找东西。", {"哥哥", "东西"}),  # tagged ns by jieba
        ("医生查看后告诉老人不要担心。", {"查看后"}),  # title + a verb, not 查 + 看后
    ],
)
def test_noise_left_out(sentence: str, noise: set[str]) -> None:
    assert not noise & {name for name, _ in find_names(sentence)}


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("加拿大选手艾莉·范德维尔获得铜牌。", "艾莉·范德维尔"),  # 范 is a surname, but after a name dot
        ("市长本·胡琛说，报告很糟糕。", "本·胡琛"),  # 本 is a pronoun, 胡琛 looks Chinese: the dot joins them
        ("研究员玛丽·吕特在会上发言。", "玛丽·吕特"),  # 吕 is no transliteration character
        ("感谢埃莉诺、劳瑞和玛丽娅的帮助。", "劳瑞"),  # listed between foreign names: Laurie, not Lao Rui
        ("罗杰今天没有出现在排练现场。", "罗杰"),  # a common Western given name alone: Roger
        ("奥运冠军安妮·卢·雷顿曾是她的教练。", "安妮·卢·雷顿"),  # the title before it stays out
        ("他的妻子与莉萨·玛丽·贝克结婚。", "莉萨·玛丽·贝克"),  # jieba glues 与 "and" to 莉萨
        ("她见到了父亲，而莉娜·霍斯特从未来过这里。", "莉娜·霍斯特"),  # ... and 而 "whereas" to 莉娜
    ],
)
def test_foreign_names_that_look_chinese(sentence: str, name: str) -> None:
    found = {n.zh: n for n in named(sentence)}
    assert found[name].kind == "foreign name" and found[name].en is None, found
    assert not [n for n in found.values() if n.kind == "person"], found  # no fragment romanized as a person


def test_a_bracketed_latin_spelling_is_the_english() -> None:
    found = {n.zh: n for n in named("教练倪家豪（Noah Carter）表示满意。")}
    assert found["倪家豪"].note == "倪家豪 = Noah Carter (foreign name)"
    # a bracketed spelling that is the pinyin keeps the name a Chinese person's
    found = {n.zh: n for n in named("教练倪家豪（Ni Jiahao）表示满意。")}
    assert found["倪家豪"].note == "倪家豪 = Ni Jiahao (person)"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("小将钱衍含被评为最佳新人。", "钱衍含"),  # jieba: 钱衍 + 含 (a "verb" right before a verb)
        ("村里的刘东红前几天买了新车。", "刘东红"),  # jieba: 刘东 + 红前 (前 "before" belongs to 前几天)
        ("林德尚系上海大学教授。", "林德尚"),  # jieba: 林德 + 尚系 (系 "is")
    ],
)
def test_names_cut_short_by_jieba_are_taken_whole(sentence: str, expected: str) -> None:
    assert dict(find_names(sentence)).get(expected) == "person", find_names(sentence)


@pytest.mark.parametrize(
    "sentence, noise",
    [
        ("科室主任明确反对这个方案。", {"明确"}),  # a title, then a dictionary word (an adverb), not a name
        ("王先生和白娘子的故事家喻户晓。", {"白娘子", "王先生"}),  # surname + a word of address
        ("英国脱欧后，经济放缓。", {"欧后"}),  # 后 "after" ends no given name
        ("安妮和威廉一起到场。", {"和威廉"}),  # a conjunction glued to a name
        ("他在西米夫林镇的超市购物。", {"林镇"}),  # glued to a transliterated piece (米夫)
    ],
)
def test_words_and_fragments_are_no_person(sentence: str, noise: set[str]) -> None:
    persons = {n.zh for n in named(sentence) if n.kind == "person"}
    assert not noise & persons, persons
