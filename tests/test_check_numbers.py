"""The numbers rule: values, not strings, on both sides of a zh→en pair."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transflow.check.rules import BY_ID, Context, Unit
from transflow.text.numbers import compare, en_numbers, en_word_value, zh_numbers, zh_numeral_value

rule = BY_ID["numbers"].func


def finding(source: str, english: str) -> str | None:
    return rule(Unit(source, english), Context())


GOOD = [
    ("设法购进口罩18510只", "bought 18,510 masks"),
    ("设法购进口罩18510只", "bought 18510 masks"),
    ("设法购进口罩１８５１０只", "bought 18,510 masks"),  # full-width digits
    ("为曲江30万群众筑起防线", "a line of defence for Qujiang's 300,000 people"),
    ("为曲江30万群众筑起防线", "a line of defence for 300 thousand people"),
    ("为曲江30万群众筑起防线", "a line of defence for 0.3 million people"),
    ("投资1.5亿元", "an investment of 150 million yuan"),
    ("7000多名党员志愿者", "more than 7,000 Party volunteers"),
    ("山歌20余首", "more than 20 songs"),
    ("近20万份宣传画", "nearly 200,000 posters"),
    ("增长3.5%", "grew by 3.5 percent"),
    ("全区所有企业实现100%复工复产", "100% of firms have resumed work"),
    ("全区1月31日就设立11个小组", "By January 31 the district had set up 11 groups"),
    ("全区1月31日就设立11个小组", "By Jan. 31 the district had set up 11 groups"),
    ("全区1月31日就设立11个小组", "By 31 January the district had set up 11 groups"),
    ("全区1月31日就设立11个小组", "By the 31st of January the district had set up eleven groups"),
    ("2020年1月31日", "January 31, 2020"),
    ("从除夕至2月24日", "from New Year's Eve to February 24"),
    ("3月份", "in March"),
    ("完成3条高速公路的设置", "set up on three expressways"),
    ("两条国道", "two national highways"),
    ("十二个组", "12 groups"),
    ("二十五人", "twenty-five people"),
    ("四大难题", "four major problems"),
    ("三百二十五万人", "three million two hundred and fifty thousand people"),
    ("冲锋在防疫一线", "at the front line of epidemic prevention"),
    ("先行一步", "moved a step ahead"),
    ("一次大考", "a major test"),
    ("复工复产第一线", "the front line of the restart"),
    ("一级应急响应", "a level-one emergency response"),
    ("一级应急响应", "a first-level emergency response"),
    ("年初三起仅用2天时间", "from the third day of the New Year it took only two days"),
    ("从大年三十开始", "from New Year's Eve"),
    ("从正月初二开始", "from the second day of the first lunar month"),
    ("两手都要硬,两战都要赢", "Both hands must be strong, both battles must be won"),
    ("取得了十分好的效果", "with very good results"),
    ("车辆不下千辆", "no fewer than a thousand vehicles"),
    ("春风送暖万物苏", "the spring wind revives everything"),
    ("新冠肺炎疫情", "the COVID-19 epidemic"),
    ("一家合金公司", "an alloy company"),
    ("深化“三服务”", "deepened the “three services”"),
    ("深化“三服务”", "deepened the service drive"),
    ("3至5人", "3-5 people"),
    ("嗓子沙哑了5天", "was hoarse for five days"),
    ("曲江是病例先发地", "Qujiang is where one of the first cases appeared"),
    ("三成企业复工", "30% of firms are back at work"),
    ("24小时值班", "on 24-hour duty"),
    ("持续半年", "for six months"),
    ("三天两头上门走访", "visited all the time"),
    ("千方百计购进口罩", "bought masks by every possible means"),
    ("两周内完成", "done within 14 days"),
    ("全区3月19日就设立99个小组", "the district 99 March 19 groups"),  # month-first wins an ambiguous read
    ("全区7月27日就设立17个小组", "the district set up 17 July 27 groups"),
]

BAD = [
    ("设法购进口罩18510只", "bought 18,150 masks", "18510"),
    ("设法购进口罩18510只", "bought masks", "18510"),
    ("为曲江30万群众筑起防线", "a line of defence for 30,000 people", "30万"),
    ("投资1.5亿元", "an investment of 15 million yuan", "1.5亿"),
    ("7000多名党员志愿者", "more than 700 Party volunteers", "7000多"),
    ("全区1月31日就设立11个小组", "By January 13 the district had set up 11 groups", "1月31日"),
    ("全区1月31日就设立11个小组", "By January 31 the district had set up 12 groups", "11"),
    ("从除夕至2月24日", "from New Year's Eve to March 24", "2月24日"),
    ("完成3条高速公路的设置", "set up on four expressways", "3"),
    ("两条国道", "three national highways", "两"),
    ("十二个组", "21 groups", "十二"),
    ("冲锋在防疫一线", "charging at the front line for 3 days", "3"),
    ("安全有了保障", "Safety is guaranteed for 968 staff", "968"),
    ("增长3.5%", "grew by 35 percent", "3.5%"),
]


@pytest.mark.parametrize(("source", "english"), GOOD)
def test_correct_translations_have_no_number_finding(source, english):
    assert finding(source, english) is None


@pytest.mark.parametrize(("source", "english", "named"), BAD)
def test_wrong_or_missing_numbers_are_found_and_named(source, english, named):
    message = finding(source, english)
    assert message is not None
    assert named in message or named in english


def test_message_says_which_side_is_wrong():
    missing, extra = compare("设法购进口罩18510只", "bought 18,150 masks")
    assert missing == ["18510"]
    assert extra == ["18,150"]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十二", 12), ("二十", 20), ("二十五", 25), ("一百零五", 105), ("三千", 3000), ("两万", 20000),
     ("三十万", 300000), ("一亿五千万", 150000000), ("十", 10), ("两", 2), ("零", 0)],
)  # fmt: skip
def test_chinese_numerals(numeral, value):
    assert zh_numeral_value(numeral) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [("one", 1), ("twelve", 12), ("twenty-five", 25), ("three hundred", 300), ("three hundred thousand", 300000),
     ("one million two hundred thousand", 1200000), ("two thousand and five", 2005)],
)  # fmt: skip
def test_english_number_words(words, value):
    assert en_word_value(words) == value


def test_dates_are_calendar_values_not_loose_numbers():
    assert ("date", 1, 31) in zh_numbers("全区1月31日就设立").hard
    assert ("date", 1, 31) in en_numbers("On Jan. 31 the district").hard
    assert 31.0 not in en_numbers("On Jan. 31 the district").hard


def test_soft_numbers_explain_but_never_accuse():
    zh = zh_numbers("冲锋在防疫一线,先行一步")
    assert not zh.hard and 1.0 in zh.soft
    en = en_numbers("one of the first teams, both sides")
    assert not en.hard and {1.0, 2.0} <= set(en.soft)


def test_numbers_are_counted_so_a_changed_repeat_is_caught():
    source = "完成1条高速公路、8条国道共1个出入口的设置"
    assert finding(source, "set up 1 checkpoint on 1 expressway and 8 national highways") is None
    assert finding(source, "set up one checkpoint on 1 expressway and 8 national highways") is None
    assert finding(source, "set up 6 checkpoints on 1 expressway and 8 national highways") is not None


def _chinese(n: int) -> str:
    """An independent writer of Chinese numerals below 10,000 (for the property test)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + digits[d] + unit
            zero = False
        else:
            zero = bool(out)
    return out


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=9999))
def test_chinese_numeral_round_trip(n):
    assert zh_numeral_value(_chinese(n)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=10**7), st.sampled_from(["只", "名", "家", "个"]))
def test_any_amount_matches_its_grouped_english_and_not_a_neighbour(n, measure):
    source = f"该区购进口罩{n}{measure}并分发给企业。"
    assert finding(source, f"The district bought {n:,} masks and gave them out.") is None
    assert finding(source, f"The district bought {n + 1:,} masks and gave them out.") is not None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_wan_multiplier_equals_its_english_forms(n):
    source = f"为{n}万群众筑起防线"
    assert finding(source, f"for {n * 10000:,} people") is None
    assert finding(source, f"for {n * 10} thousand people") is None
    assert finding(source, f"for {n:,} people") is not None
