"""Tables for reading numbers in Chinese and English news (data for :mod:`transflow.text.numbers`).

Every entry records a phenomenon seen in professional translations of real news: the readers stay
generic, and a new case is a new row here.
"""

from __future__ import annotations

# --- Chinese -----------------------------------------------------------------------------------------
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_SECTIONS = {"万": 10_000, "亿": 100_000_000}
#: Multipliers after Arabic digits (30万, 1.5亿, 3千, 2万亿).
ZH_MULTIPLIERS = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
#: 千 and 百 before these are part of a unit, not a multiplier: 10千米 = 10 km, 5千克 = 5 kg, 3千瓦 = 3 kW.
ZH_UNIT_AFTER_MULTIPLIER = ("米", "克", "瓦", "卡", "伏", "帕", "焦", "赫", "字节", "兆")
#: Measure words: a Chinese numeral before one of these counts something and must be translated.
#: Left out on purpose: 分 (十分 "very"), 起 (年初三起 "from the third day"), 日/号 (dates), 线, 步, 道.
MEASURE_WORDS = frozenset(
    "个 名 条 家 位 支 件 项 所 座 天 年 岁 人 批 辆 台 份 首 部 张 场 轮 套 层 户 栋 届 周 倍 只 架 艘 种 类 "
    "组 处 亩 吨 元 大 期 篇 本 间 节 次 季 段 片 块 股 例 宗 笔 幅 棵 头 匹 颗 枚 箱 袋 瓶 斤 公斤 "
    "千克 公里 千米 米 平方米 小时 分钟 秒 万 亿".split()
)
#: Time spans an English writer may give in other units (半年 = six months, 一周 = seven days): soft values.
ZH_SPANS = {
    "半年": (6,), "半个月": (15, 2), "一周": (7,), "两周": (14, 2), "一年": (12,), "一个月": (30, 4), "半天": (12,),
    "十年": (10,), "百年": (100,), "千年": (1000,),
}  # fmt: skip
#: Words whose numerals count nothing: set phrases (三天两头 "all the time"), lexical words (三轮车
#: "tricycle", 唯一 "only", 七人制 "sevens"), and vague amounts (几十年 "decades", 数百 "hundreds").
ZH_IDIOMS = (
    "三天两头 一天到晚 五湖四海 四面八方 七上八下 一五一十 三番五次 千方百计 万无一失 一年四季 四通八达 "
    "千家万户 千军万马 万众一心 一心一意 三心二意 九牛一毛 十全十美 一清二楚 一干二净 接二连三 一举两得 "
    "一石二鸟 三三两两 千千万万 万水千山 九死一生 百里挑一 一针见血 八仙过海 三令五申 五花八门 "
    "技惊四座 判若两人 不二 独一无二 数一数二 成千上万 成百上千 千百万 唯一 统一 "
    "三轮车 二手 三角 四季 三明治 四分之一决赛 半决赛 "
    "一方面 另一方面 一些 一起 一直 一定 一般 一旦 一切"
).split()
#: Weekdays are names, not numbers (星期四 Thursday, 周一 Monday).
ZH_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
#: Names made of numerals, with the numbers an English rendering may show: 十三五 = the 13th Five-Year
#: Plan, 双11 = Singles Day (November 11), 九一八 = September 18.
ZH_NAMES = {
    "十二五": (12, 5), "十三五": (13, 5), "十四五": (14, 5), "十五五": (15, 5), "双十一": (11, ("date", 11, 11)),
    "双11": (11, ("date", 11, 11)), "双十二": (12, ("date", 12, 12)), "双12": (12, ("date", 12, 12)),
    "九一八": (("date", 9, 18),), "五一": (("date", 5, 1),), "十一黄金周": (("date", 10, 1),), "两会": (2,),
}  # fmt: skip
#: A Chinese numeral next to one of these is approximate ("几十家" dozens, "十几年", "数百名" hundreds):
#: it may stand for a number but need not.
ZH_VAGUE_BEFORE = "几数上近逾约"
ZH_VAGUE_AFTER = "几来"
#: After a numeral, these make it a kind, not a count: 七人制 "sevens", 三人组 "trio".
ZH_KIND_AFTER = ("人制", "人组", "连胜", "连冠")
#: Characters that say "two" or "one" without a numeral (双方 "both sides" / "the two", 首次 "first").
ZH_SOFT_WORDS = {"双": 2, "俩": 2, "首": 1, "单": 1, "半": 0.5, "独": 1}
#: A month name after these is a span or an order, not a month (前三月 "the first three months").
ZH_NOT_MONTH_BEFORE = "前后近头这那每个几数"
#: A "date" read from these is a code or a name: 长征五号 (Long March 5), 十号线 (Line 10).
ZH_CODE_AFTER_HAO = ("线", "楼", "院", "馆", "台", "机", "站", "文件", "令")

# --- English -----------------------------------------------------------------------------------------
EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Words that may render a number without being one (soft): 一个 "a", 两 "both", 第一 "first".
EN_SOFT = {
    "a": 1, "an": 1, "once": 1, "single": 1, "first": 1, "both": 2, "twice": 2, "double": 2, "pair": 2, "pairs": 2,
    "couple": 2, "second": 2, "duo": 2, "third": 3, "triple": 3, "trio": 3, "thrice": 3, "fourth": 4,
    "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "sevens": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "dozen": 12, "dozens": 12, "noon": 12, "midday": 12, "midnight": 12, "doubled": 2, "twofold": 2,
    "tripled": 3, "threefold": 3,
    "quadrupled": 4, "fourfold": 4, "fivefold": 5, "tenfold": 10, "half": 0.5, "fortnight": 14, "hundredth": 100,
    "decade": 10, "decades": 10,
    "century": 100, "centuries": 100, "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9,
}  # fmt: skip
#: Fractions written out: "a third", "two thirds", "one quarter".
EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
#: "May" is a month after these words or before a number; elsewhere it may be the verb or a name (Theresa May).
EN_MAY_BEFORE = (
    "in of since until till by from early late mid last next this through before after between and or to on during end"
).split()
#: Month words that are names here: the rocket Long March 5 is not March 5, the March for Life no month.
EN_MONTH_NAMES = ("Long March", "March Madness", "March for ")
#: Prefixes glued to a number that do not make it a code: RMB2 billion, KRW2.13, FY2020 (a fiscal
#: year), No.1. (US$3 needs none: the letters end at the currency sign.)
EN_PREFIXES = ("RMB", "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "KRW", "INR", "Rs", "FY", "No", "Q")
#: Those of them that name a currency (a glued "m" after them is a million: RMB40m).
CURRENCY_PREFIXES = frozenset(["RMB", "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "KRW", "INR", "Rs"])
CURRENCY_SIGNS = "$£€¥￥"
#: Suffixes glued to an English number that scale it: £2.8bn, £40m, $3k. "m" scales only after a currency.
EN_SCALE_SUFFIXES = {
    "bn": 1e9, "bln": 1e9, "b": 1e9, "billion": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "k": 1e3,
}  # fmt: skip
#: Unit suffixes glued to a number (in either language): 500m, 70g, 20ft, 60mg, 5G is not one of them.
UNIT_SUFFIXES = frozenset(
    "C F m km cm mm nm g kg mg t ft in mi mph kph kmh km/h ml l lb lbs oz ha sq w kw mw gw kwh mwh gwh v hz khz mhz "
    "ghz gb mb kb tb p c f s h hr hrs min sec yo am pm x st nd rd th bp pc pct".split()
)
