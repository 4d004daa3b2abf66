"""Names for the translator's notes: people, places and organisations found with jieba, noise filtered."""

from __future__ import annotations

import pytest

from transflow.text.names import find_names


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
