"""Chinese names in English letters, news style, and pinyin with tone marks for readers.

Translators need the written English form of a name, not the dictionary reading of its characters:
单 is a surname read Shan (not dan), 曾 Zeng (not ceng); 马坝镇 is "Maba Town" (the generic part in
English); 西安 is "Xi'an" (the apostrophe keeps xi-an from reading as xian). All of that is data here,
as tables; the functions are pure. pypinyin (with its phrase dictionary, 0.2 s to import) is loaded on
first use only, so commands that never romanize never pay for it.

Public functions:

* :func:`person` — ``唐忠祥`` → ``Tang Zhongxiang``; compound surnames (欧阳修 → Ouyang Xiu).
* :func:`place` — ``曲江区`` → ``Qujiang District``; exonyms (香港 → Hong Kong, 美国 → United States).
* :func:`romanize` — either, by kind; ``None`` for names transliterated from another language.
* :func:`is_foreign` — 特朗普, 克里梅茨, 柯林·德·鲁蒂斯: spelled in their own language, not in pinyin.
* :func:`key` — the form names are compared in (no case, spaces, hyphens, apostrophes, tone marks).
* :func:`tone_readings` — one tone-marked reading per character, chosen per word (区长 qū zhǎng).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from transflow.text import cedict
from transflow.text.name_tables import SURNAMES

#: Surnames whose reading as a surname differs from the character's usual reading, and compound surnames.
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou", "乐": "yue",
    "覃": "qin", "盖": "ge", "缪": "miao", "种": "chong", "员": "yun", "召": "shao", "晟": "cheng", "繁": "po",
    "燕": "yan", "纪": "ji", "任": "ren", "华": "hua", "冼": "xian", "过": "guo", "长孙": "zhangsun",
    "欧阳": "ouyang", "尉迟": "yuchi", "司马": "sima", "诸葛": "zhuge", "上官": "shangguan", "东方": "dongfang",
    "皇甫": "huangfu", "公孙": "gongsun", "慕容": "murong", "令狐": "linghu", "夏侯": "xiahou", "司徒": "situ",
    "端木": "duanmu", "宇文": "yuwen", "澹台": "tantai", "万俟": "moqi", "轩辕": "xuanyuan", "呼延": "huyan",
}  # fmt: skip

#: Generic parts of Chinese place names and their English, longest first when matched.
#: ``True``: an administrative unit, kept in English even after a one-character name (沛县 → Peixian County);
#: ``False``: a natural feature or a street, which then stays part of the name (黄山 → Huangshan).
PLACE_GENERICS: dict[str, tuple[str, bool]] = {
    "特别行政区": ("Special Administrative Region", True), "自治区": ("Autonomous Region", True),
    "自治州": ("Autonomous Prefecture", True), "自治县": ("Autonomous County", True),
    "经济开发区": ("Economic Development Zone", True), "高新区": ("High-tech Zone", True),
    "开发区": ("Development Zone", True), "新区": ("New Area", True), "街道": ("Subdistrict", True),
    "地区": ("Region", False), "社区": ("Community", True), "省": ("Province", True), "市": ("City", True),
    "县": ("County", True), "区": ("District", True), "镇": ("Town", True), "乡": ("Township", True),
    "村": ("Village", True), "州": ("Prefecture", False), "盟": ("League", True), "旗": ("Banner", True),
    "高速公路": ("Expressway", False), "高速": ("Expressway", False), "机场": ("Airport", False),
    "大道": ("Avenue", False), "路": ("Road", False), "街": ("Street", False), "大桥": ("Bridge", False),
    "桥": ("Bridge", False), "公园": ("Park", False), "广场": ("Square", False), "景区": ("Scenic Area", False),
    "水库": ("Reservoir", False), "山": ("Mountain", False), "湖": ("Lake", False), "河": ("River", False),
    "岛": ("Island", False), "沙漠": ("Desert", False), "港": ("Port", False), "寺": ("Temple", False),
}  # fmt: skip

#: Generic parts a foreign place is named without in English (孟菲斯市 Memphis, 爱荷华州 Iowa).
BARE_ABROAD = frozenset({"市", "州"})

#: Ethnic groups named in autonomous regions, prefectures and counties (广西壮族自治区 = Guangxi Zhuang ...).
ETHNIC = {
    "维吾尔": "Uygur", "壮族": "Zhuang", "回族": "Hui", "藏族": "Tibetan", "蒙古族": "Mongolian", "苗族": "Miao",
    "土家族": "Tujia", "彝族": "Yi", "侗族": "Dong", "瑶族": "Yao", "布依族": "Bouyei", "朝鲜族": "Korean",
    "满族": "Manchu", "黎族": "Li", "白族": "Bai", "傣族": "Dai", "哈尼族": "Hani", "哈萨克": "Kazak",
    "羌族": "Qiang", "畲族": "She", "水族": "Shui", "仡佬族": "Gelao", "土族": "Tu", "纳西族": "Naxi",
}  # fmt: skip

#: Places whose English is not their pinyin: mainland exonyms kept by convention, and foreign countries,
#: regions and cities that Chinese news writes in characters.
EXONYMS = {
    "香港": "Hong Kong", "澳门": "Macao", "西藏": "Tibet", "内蒙古": "Inner Mongolia", "陕西": "Shaanxi",
    "陕西省": "Shaanxi Province", "哈尔滨": "Harbin", "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot", "拉萨": "Lhasa",
    "喀什": "Kashgar", "珠江": "Pearl River", "长江": "Yangtze River", "黄河": "Yellow River", "台湾": "Taiwan",
    "中国": "China", "美国": "United States", "英国": "Britain", "法国": "France", "德国": "Germany",
    "日本": "Japan", "韩国": "South Korea", "朝鲜": "North Korea", "俄罗斯": "Russia", "印度": "India",
    "意大利": "Italy", "西班牙": "Spain", "加拿大": "Canada", "澳大利亚": "Australia", "巴西": "Brazil",
    "墨西哥": "Mexico", "埃及": "Egypt", "以色列": "Israel", "伊朗": "Iran", "伊拉克": "Iraq", "叙利亚": "Syria",
    "土耳其": "Turkey", "乌克兰": "Ukraine", "波兰": "Poland", "荷兰": "Netherlands", "比利时": "Belgium",
    "瑞士": "Switzerland", "瑞典": "Sweden", "挪威": "Norway", "芬兰": "Finland", "丹麦": "Denmark",
    "希腊": "Greece", "葡萄牙": "Portugal", "奥地利": "Austria", "新加坡": "Singapore", "马来西亚": "Malaysia",
    "泰国": "Thailand", "越南": "Vietnam", "菲律宾": "Philippines", "印度尼西亚": "Indonesia", "印尼": "Indonesia",
    "巴基斯坦": "Pakistan", "阿富汗": "Afghanistan", "沙特": "Saudi Arabia", "南非": "South Africa",
    "新西兰": "New Zealand", "阿根廷": "Argentina", "智利": "Chile", "欧洲": "Europe", "亚洲": "Asia",
    "非洲": "Africa", "美洲": "the Americas", "欧盟": "European Union", "中东": "Middle East", "北约": "NATO",
    "联合国": "United Nations", "东京": "Tokyo", "纽约": "New York", "伦敦": "London", "巴黎": "Paris",
    "莫斯科": "Moscow", "华盛顿": "Washington", "首尔": "Seoul", "柏林": "Berlin", "旧金山": "San Francisco",
    "洛杉矶": "Los Angeles", "悉尼": "Sydney", "加州": "California", "朝鲜半岛": "Korean Peninsula",
    "委内瑞拉": "Venezuela", "斐济": "Fiji",
    "白宫": "White House", "五角大楼": "Pentagon", "克里姆林宫": "Kremlin", "唐宁街": "Downing Street",
}  # fmt: skip

#: Characters Chinese uses to spell foreign names (Xinhua's transliteration tables); those that almost
#: never occur in a Chinese given name; and those that do, often (华, 英, 海: 金海 is Jin Hai).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕波伯勃博布查达戴丹德登迪蒂丁东杜多厄恩尔法凡菲费芬丰夫弗福盖甘冈高戈格"
    "贡古哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷蕾里利莉丽连列林琳卢鲁路伦罗洛"
    "马玛麦曼芒梅蒙米密姆莫默穆纳娜奈南内尼妮涅纽努诺帕潘庞佩彭皮珀普齐奇恰乔切琴丘萨塞桑瑟森沙莎尚什施斯松"
    "苏索塔泰坦特滕提图托瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨娃丝黛琪莎朱唐汤森肖杰"
    "格曼理仕逊廷宁士歇伽顿倍娅佛修根瑞道拜舒史夏文易白申岑考略沃黎撒通富哥敏斐济委第"
)
FOREIGN_MARKERS = frozenset("斯蒂普尔茨夫娃娜莱蕾姆奥维耶瓦兹弗赫埃萨戈索科迪尼丝黛琪莎乔亚纳伊逊廷歇伽顿娅佛格森")
CHINESE_GIVEN = frozenset("华英海林丽莉杰明金安东丹波兰琳雅玛瑞德康凯伦连辛宁芬丰洪雷贝宝敏济")
#: Characters of transliteration that Chinese parents practically never give a child (尔 -r, 普 p-, 茨 -ts,
#: 各 in 方济各 Francis): a "given name" holding one is a foreign name cut short or a word (莫尔日,
#: 蒙蒂生), never a Chinese person's name. Not 斯: it ends foreign names (-s) but starts some given names.
NEVER_GIVEN = frozenset("尔普茨姆兹弗赫埃蒂耶歇伽罕沃瑟各")
#: Common Western given names in their usual Chinese forms that read like a Chinese surname and given name
#: (罗杰 Roger, 马丁 Martin, 海伦 Helen): alone in a sentence they are foreign names, not Luo Jie or Ma Ding.
WESTERN_GIVEN = frozenset(
    "罗杰 马丁 马克 马修 海伦 艾伦 艾米 艾玛 戴维 路易 劳拉 雷蒙 罗宾 汤姆 汤米 安妮 苏珊 苏菲 朱迪 温迪 莫莉 乔治 "
    "林恩 柯林 梅根 罗兰 罗素 米歇尔 鲍勃 唐纳德 伊万 康妮 黛安 黛博拉 凯特 凯伦 爱德华 威廉 亨利 查理 查尔斯".split()
)
#: The name dot (·, and the stand-ins seen in real text) joins the parts of a transliterated name.
NAME_DOTS = "·•‧・.?"
#: The real name dots only (``.`` and ``?`` above stand in for one only between transliteration characters).
TRUE_DOTS = NAME_DOTS[:4]

_VOWEL_START = re.compile(r"^[aoe]")
_TONE_FOLD = str.maketrans({"ü": "u", "v": "u"})


def is_foreign(name: str) -> bool:
    """A name transliterated from another language (特朗普, 克里梅茨, 柯林·德·鲁蒂斯)."""
    if any(dot in name for dot in TRUE_DOTS) or name in WESTERN_GIVEN:
        return True
    chars = [c for c in name if c not in NAME_DOTS]
    if len(chars) < 2 or not all(c in TRANSLIT for c in chars):
        return False
    return any(c in FOREIGN_MARKERS for c in chars) or not any(c in CHINESE_GIVEN for c in chars[1:])


@lru_cache(maxsize=1)
def _pypinyin():
    """pypinyin's converter and styles, imported on first use (its phrase dictionary takes 0.2 s)."""
    from pypinyin import Style, pinyin

    return pinyin, Style


def preload() -> None:
    """Load pypinyin and CC-CEDICT now (a parent process does this once before forking workers that romanize)."""
    _pypinyin()[0](["中"])
    cedict.names()


def _plain(reading: str) -> str:
    """A tone-marked syllable without its tone (keeping ü): lǚ → lü, zhǎng → zhang."""
    decomposed = unicodedata.normalize("NFD", reading)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0304\u030c"))


@lru_cache(maxsize=65536)
def syllables(word: str) -> tuple[str, ...]:
    """Toneless syllables of a Chinese word, read as one word (重庆 chong qing, 银行 yin hang)."""
    pinyin, style = _pypinyin()
    return tuple(_plain(item[0]) for item in pinyin([word], style=style.TONE, errors="ignore"))


def join(parts: tuple[str, ...] | list[str]) -> str:
    """Syllables written as one word, capitalised once, with ``'`` where a syllable boundary is ambiguous."""
    out = ""
    for part in parts:
        out += ("'" if out and _VOWEL_START.match(part) else "") + part
    return out[:1].upper() + out[1:]


#: English generic words that may open a Chinese place's gloss: "Mt Huang" (黄山), "Lake Tai" (太湖).
_EN_GENERIC = re.compile(r"^(?:Mt\.?|Mount|Lake|River|the)\s+", re.IGNORECASE)


def exonym(name: str, pinyin: str | None = None) -> str | None:
    """A name's English where it is not its pinyin: our table (香港 Hong Kong, 陕西 Shaanxi), else CC-CEDICT's
    proper-noun English (太平洋 Pacific Ocean, 长崎 Nagasaki, 孙中山 Sun Yat-sen). ``pinyin``: the romanization
    to compare with (a person's ``Surname Givenname``); CC-CEDICT's "Fuzhou" for 福州 is no exonym."""
    if name in EXONYMS:
        return EXONYMS[name]
    english = cedict.proper_english(name)
    if not english:
        return None
    read = key(pinyin or join(syllables(name)))
    # a person's English is compared whole (Li Ka-shing is not Li Jiacheng); a place's by its first word:
    # "Fujian" for 福建省, "Zhejiang Province in east China", "Xiamen or Amoy" are the pinyin, and our
    # rules write those (with the generic part in English)
    spelt = key(english if pinyin else _EN_GENERIC.sub("", english).split(" ")[0])
    return None if spelt.startswith(read) or read.startswith(spelt) else english


def person(name: str) -> str:
    """A Chinese person's name, news style: ``Surname Givenname`` (唐忠祥 → Tang Zhongxiang)."""
    cut = 2 if name[:2] in SURNAME_READINGS or (len(name) == 4 and name[:2] in _COMPOUND) else 1
    surname, given = name[:cut], name[cut:]
    family = SURNAME_READINGS.get(surname) or "".join(syllables(surname))
    return join([family]) + (" " + join(syllables(given)) if given else "")


_COMPOUND = frozenset(k for k in SURNAME_READINGS if len(k) == 2)


def _japanese(name: str) -> bool:
    """Four characters with no Chinese compound surname: a Japanese name (安倍晋三, 岸田文雄); not when the
    first two are both Chinese surnames, a Hong Kong married woman's two surnames (陈方安生 Anson Chan)."""
    return len(name) == 4 and name[:2] not in _COMPOUND and not (name[0] in SURNAMES and name[1] in SURNAMES)


def _given_first(english: str) -> str:
    """A Japanese name as English news writes it, given name first: "Abe Shinzo" -> Shinzo Abe."""
    parts = english.split(" ")
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 else english


def generic(name: str) -> tuple[str, str, str] | None:
    """(proper part, generic part, its English) of a place name, or None when it has no generic part."""
    for size in (5, 4, 3, 2, 1):
        head, tail = name[:-size], name[-size:]
        if tail in PLACE_GENERICS and head:
            english, admin = PLACE_GENERICS[tail]
            if len(head) >= 2 or admin:
                return head, tail, english
            return None
    return None


def place(name: str, known: dict[str, str] | None = None) -> str:
    """A Chinese place name with its generic part in English (马坝镇 → Maba Town, 沛县 → Peixian County).

    ``known`` maps names to approved English (the glossary): it wins for the whole name and for its proper
    part (马坝 = Maba makes 马坝镇 "Maba Town" whatever pinyin says).
    """
    known = known or {}
    if name in known:
        return known[name]
    whole = exonym(name)
    if whole:
        return whole
    split = generic(name)
    if split is None:
        return join(syllables(name))
    head, tail, english = split
    peoples = []
    while tail.startswith("自治") and any(head.endswith(e) and len(head) > len(e) for e in ETHNIC):
        ethnic = next(e for e in ETHNIC if head.endswith(e) and len(head) > len(e))
        peoples.insert(0, ETHNIC[ethnic])
        head = head[: -len(ethnic)]
    if peoples:  # 湘西土家族苗族自治州: Xiangxi Tujia and Miao Autonomous Prefecture
        english = " and ".join(peoples) + " " + english
    foreign = head not in known and exonym(head)
    if foreign and tail in BARE_ABROAD:  # 孟菲斯市 Memphis, 爱荷华州 Iowa: not "Memphis City"
        return foreign
    if head in known or foreign:
        proper = known.get(head) or foreign
    else:
        proper = join(syllables(name if len(head) == 1 else head)) or head  # 沛县: Peixian County; A1 as is
    return f"{proper} {english}"


def romanize(name: str, kind: str, known: dict[str, str] | None = None) -> str | None:
    """The English of a person or place name; ``None`` for a foreign name or another kind (organisations)."""
    if known and name in known:
        return known[name]
    if kind == "place":
        split = generic(name)
        head = split[0] if split else name
        foreign = head not in (known or {}) and not exonym(head) and is_foreign(head)
        return None if foreign and not exonym(name) else place(name, known)
    if kind == "person" and not is_foreign(name):
        pinyin = person(name)
        if all(c in TRANSLIT for c in name):  # 拜伦: CC-CEDICT's "George Byron" is one Byron of many
            return pinyin
        english = exonym(name, pinyin)
        if _japanese(name):  # 安倍晋三: read in Japanese, not in pinyin
            return _given_first(english) if english else None
        return english or pinyin
    return None


def key(text: str) -> str:
    """Text as names are compared: lower case, no tone marks, spaces, hyphens, apostrophes (Xi'an = xian)."""
    plain = _plain(text.lower()).translate(_TONE_FOLD)
    return re.sub(r"[\s\-‐‑–'’`.]+", "", plain)


def _loose(text: str) -> str:
    """Text for :func:`spelt_in`: lower case, no tone marks, hyphens or apostrophes; spaces kept as boundaries."""
    plain = re.sub(r"['’]s\b", " ", _plain(text.lower()).translate(_TONE_FOLD))  # Tang's: Tang
    return re.sub(r"[\-‐‑–'’`.]+", "", plain)


def spelt_in(name: str, text: str) -> bool:
    """Whether ``text`` spells ``name`` as whole words, ignoring case, spaces, hyphens and apostrophes.

    "He Lixin" is in "He Li-xin said" and "HE LIXIN", not in "He Lixing" (Lixing is another given name).
    """
    text = _loose(text)
    forms = [name] + ([name.replace("ü", "yu").replace("Ü", "Yu")] if "ü" in name.lower() else [])  # Lü, Lyu
    for form in forms:
        letters = key(form)
        pattern = r"(?<![a-z])" + r"\s*".join(map(re.escape, letters)) + r"(?![a-z])"
        if letters and re.search(pattern, text):
            return True
    return False


def tone_readings(text: str, cut=None) -> list[str | None]:
    """One tone-marked pinyin reading per character of ``text`` (``None`` where a character is not Han).

    Readings are chosen per word: ``cut`` (jieba's, by default) splits the text into words and pypinyin's
    phrase dictionary reads each word as a whole, so 长 is zhǎng in 区长 and cháng in 长期.
    """
    pinyin, style = _pypinyin()
    if cut is None:
        from transflow.text.words import cut
    out: list[str | None] = []
    for word in cut(text):
        if all(_is_han(c) for c in word):
            readings = [item[0] for item in pinyin([word], style=style.TONE, errors="ignore")]
            if len(readings) == len(word):
                out.extend(readings)
                continue
        out.extend(pinyin(c, style=style.TONE)[0][0] if _is_han(c) else None for c in word)
    return out


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
