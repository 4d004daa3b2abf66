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


# --- forms real news uses (each sentence written for this test) ---------------------------------------------
NEWS_GOOD = [
    # spaced digits in translated Chinese
    ("该市于 2021 年 6 月 5 日启用新馆", "The city opened its new hall on June 5, 2021."),
    ("项目投资 2500 万元", "The project cost 25 million yuan."),
    ("销量在 8 月份回升", "Sales recovered in August."),
    # months and dates in Chinese numerals; lunar days only explain
    ("展会十一月三号开幕", "The fair opens on November 3."),
    ("八月份雨水偏多", "August was wetter than usual."),
    ("工厂三月停工", "The factory stopped work in March."),
    ("正月初五开市", "The market reopens after the Spring Festival."),
    ("1-5月份利润增长", "Profits grew from January to May."),
    ("9日上午签约", "The deal was signed on the morning of March 9."),
    ("9日上午签约", "The deal was signed on the morning of the 9th."),
    # numbers glued to currencies, fiscal years, clock times and units
    ("营收达到30亿元", "Revenue reached RMB3 billion."),
    ("售价为4.5亿英镑", "It sold for £450m."),
    ("售价为4.5亿英镑", "It sold for £0.45bn."),
    ("每股5美元", "US$5 a share"),
    ("2022财年利润", "profit in FY2022"),
    ("2022财年利润", "profit in FY22"),
    ("上午8点40分出发", "They left at 8.40am."),
    ("16时开始", "It starts at 4pm."),
    ("下午4点开始", "It starts at 4 p.m."),
    ("跑了12千米", "ran 12 km"),
    ("体重60千克", "weighs 60kg"),
    ("装机30千瓦", "30 kW installed"),
    ("5万人参加", "50,000 people took part"),
    ("3个亿的项目", "a project worth 300 million"),
    ("超过 2800 万个帖子", "more than 28m posts"),
    # names and codes with digits are not quantities
    ("我国正在建设6G网络", "China is building 6G networks."),
    ("长征七号火箭升空", "The Long March 7 rocket lifted off."),
    ("G7峰会开幕", "The G7 summit opened."),
    ("A股上涨", "A-shares rose."),
    ("型号为3200XL的设备", "the 3200XL unit"),
    ("加盟费城76人队", "joined the Philadelphia 76ers"),
    # vague and implied numbers neither demanded nor extra
    ("几十年来", "for decades"),
    ("数百名志愿者", "hundreds of volunteers"),
    ("双方同意", "The two sides agreed."),
    ("一方面要发展", "On the one hand we must grow."),
    ("上千名游客", "thousands of tourists"),
    ("十几个村", "a dozen or so villages"),
    ("他十一二岁时", "when he was 11 or 12"),
    ("三到五万元", "30,000 to 50,000 yuan"),
    # fractions, ordinals, ranges, percentages in words, decades and centuries
    ("三分之一的居民", "one third of the residents"),
    ("三分之一的居民", "a third of the residents"),
    ("五分之一的学校", "one in five schools"),
    ("第三次会议", "the third meeting"),
    ("第三次会议", "the 3rd meeting"),
    ("增长5.2-5.4%", "growth of 5.2-5.4%"),
    ("百分之五的增幅", "a rise of five percent"),
    ("百分之五的增幅", "a 5% rise"),
    ("20世纪80年代", "the 1980s"),
    ("1970 年代的音乐", "music of the 1970s"),
    ("上世纪八十年代", "in the '80s"),
    ("二十年来", "for two decades"),
    ("21世纪初", "the early 2000s"),
    ("他们都才20多岁", "they were all in their 20s"),
    # words that only look like numbers
    ("星期三举行", "held on Wednesday"),
    ("七人制橄榄球", "rugby sevens"),
    ("前三轮谈判", "the previous three rounds of talks"),
    ("十一万一千元", "111,000 yuan"),
    ("成绩为3分51秒943", "in a time of 3:51.943"),
    ("在“3.15”晚会上", "at the March 15 gala"),
    ("比赛从5月15-18日举行", "The games run May 15-18."),
    ("“十四五”规划开局", "the first year of the 14th Five-Year Plan"),
    ("双11促销", "the Singles Day sales"),
    ("纪念“9·11”事件", "remembering the 9/11 attacks"),
    ("产量增长了4倍", "output grew fourfold"),
    ("气温降到零下8度", "temperatures fell to minus 8C"),
    ("会议于14时30分开始", "The meeting began at 1430 GMT."),
    ("筹集了5百万美元", "raised $5 million"),
    ("影响3千万人", "affects 30 million people"),
    ("来了三四十人", "dozens of people came"),
    ("来了三四十人", "30 or 40 people came"),
    ("晚上20:00开幕", "The show opens at 8 p.m."),
    ("中午12点集合", "They gather at noon."),
    ("2023/24赛季", "the 2023-24 season"),
    ("亏损8亿美元", "a loss of $0.8 bln"),
]

NEWS_BAD = [
    ("该市于 2021 年 6 月 5 日启用新馆", "The city opened its new hall on June 15, 2021.", "6月5日"),
    ("营收达到30亿元", "Revenue reached RMB2 billion.", "30亿"),
    ("售价为4.5亿英镑", "It sold for £45m.", "4.5亿"),
    ("展会十一月三号开幕", "The fair opens on October 3.", "十一月三号"),
    ("工厂三月停工", "The factory stopped work in May.", "三月"),
    ("跑了12千米", "ran 12,000 km", "12"),
    ("20世纪80年代", "the 1880s", "1880s"),
    ("1970 年代的音乐", "music of the 1990s", "1970年代"),
    ("上午8点40分出发", "They left at 8.45am.", "40"),
    ("三分之一的居民", "a quarter of the residents", "三分之一"),
    ("2022财年利润", "profit in FY2021", "2022"),
    ("G7峰会开幕", "The G8 summit opened.", "G7"),
    ("增长5.2-5.4%", "growth of 5.2-5.6%", "5.4%"),
    ("我国正在建设3D打印工厂", "China is building 8D printing plants.", "3D"),
    ("每股5美元", "US$6 a share", "5"),
    ("1-5月份利润增长", "Profits grew from January to June.", "June"),
]


@pytest.mark.parametrize(("source", "english"), NEWS_GOOD)
def test_news_forms_of_a_number_match(source, english):
    assert finding(source, english) is None


@pytest.mark.parametrize(("source", "english", "named"), NEWS_BAD)
def test_a_number_changed_in_any_news_form_is_caught(source, english, named):
    message = finding(source, english)
    assert message is not None
    assert named in message


def test_a_numeral_in_words_left_out_is_a_warning_not_an_error():
    words = BY_ID["number-words"]
    unit = Unit("两名警察被停职", "The officers were suspended.")
    assert rule(unit, Context()) is None
    assert words.severity == "warning" and "两" in words.func(unit, Context())
    changed = Unit("两名警察被停职", "Three officers were suspended.")
    assert "两" in rule(changed, Context()) and words.func(changed, Context()) is None  # one finding, the error


def test_a_digit_left_out_is_still_an_error():
    assert "39" in finding("设有39个窗口", "with ticket windows")
