"""Names in a Chinese sentence (people, places, organisations, foreign names), found with jieba and filtered.

jieba's raw part-of-speech tags are noisy on news text: 宣传单, 张贴 and 文明 come out as person names,
上山 (a verb of motion) and 南大门 (a metaphor) as places, 丹霞山 as a person. The filters are tables: a
person needs a surname and must be a word jieba's dictionary does not know (or follow a title such as
书记); places and organisations are built from a proper noun plus a suffix; names spelt in
transliteration characters (特朗普, 柯林·德·鲁蒂斯) are foreign. :func:`named` adds each name's English
(the glossary's, else :mod:`transflow.text.romanize`); :func:`missing_names` and :func:`unspelt` compare
it with an English translation, for the ``names`` check and for machine drafts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transflow.text import romanize, words, zh
from transflow.text.romanize import EXONYMS, FOREIGN_MARKERS, NAME_DOTS, TRANSLIT, is_foreign

PERSON, PLACE, ORG, FOREIGN = "person", "place", "organization", "foreign name"

#: Common Chinese surnames (single and compound); a person name starts with one of them.
SURNAMES = frozenset(
    "习王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
    "麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
) | {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯"}
#: Titles and roles that precede a person's name in news text (书记罗海俊, 所长陈桥辉).
TITLES = frozenset(
    "工作人员 负责人 书记 副书记 局长 副局长 院长 副院长 所长 主任 副主任 干部 区长 副区长 市长 副市长 "
    "县长 镇长 省长 部长 厅长 主席 "
    "委员 记者 通讯员 经理 董事长 总经理 校长 队长 站长 村民 市民 医生 护士 教授 老师 总裁 主管 民警 支书 组长".split()
)
#: Suffixes that make a preceding proper noun a place (曲江+区, 松山+街道).
PLACE_SUFFIXES = frozenset(
    "省 市 县 区 镇 乡 村 街道 社区 州 盟 旗 开发区 新区 高速 高速公路 国道 路 街 大道 机场 港".split()
)
#: Suffixes that make a preceding proper-noun phrase an organisation (马坝+卫生院, 曲江区+交通运输局).
ORG_SUFFIXES = frozenset(
    "公司 有限公司 集团 局 卫生院 医院 派出所 协会 学会 委员会 委 政府 法院 检察院 银行 大学 学院 中学 小学 学校 "
    "中心 研究所 研究院 报社 电视台 厂 合作社 基金会 办公室 工作组 指挥部".split()
)
#: Words jieba tags as names that are not names in news text.
NOT_NAMES = frozenset("上门 南站 中省 驻区 施策 卫健 党组织 卫生院 安全网 本报讯 促发展 红马甲 严格执行 权威".split())
#: Single characters that follow a name but are never part of one (所说, 的, 在 ...).
NOT_GIVEN_NAME = frozenset("的了在是和与及说所从到向对为被把将也都就而并等后前里内外")
#: Characters that end verb phrases and titles (戴上, 楼长, 闻令) but almost never a given name.
NOT_NAME_END = frozenset(
    "上下来去出进起了着过到长令们的地得个些员者家式性化"
    "是在则您我你他她吗呢吧啊和与及说某向以近将姓从对被把为于"  # function words jieba glues to a name: 杜丽以
    "书传感鼠社奖雨规暴术郡核箱途裔人神准共"  # nouns that end words jieba tags as names (白皮书, 施暴, 原山人)
)
#: Surnames that are far more often ordinary words (万人, 时才, 高管, 谷歌): a two-character unknown word
#: starting with one is a person only with more evidence (a title before it, a speech verb after it).
WEAK_SURNAMES = frozenset(
    "万余时段高安花龙胡许季文和明华海南原强权谷颜全成党金白石马牛曾应于区单向乐位查尚封卜车米满武沙甘常惠易尤"
)
#: Verbs of motion and what they reach (上山, 进村, 下楼): jieba tags some of these as places.
MOTION_VERBS = frozenset("上下进出回到去来登返")
MOTION_GOALS = frozenset("山楼门岸街车船路坡岗台场乡城村岛")
#: Directions: a direction plus a common noun is a figure of speech (南大门 "southern gateway"), not a place.
DIRECTIONS = frozenset("东南西北中")
#: Nouns after which a two-character unknown word is an abbreviation, not a person (文旅部门, 文旅产业).
HEAD_NOUNS = frozenset("部门 产业 行业 企业 项目 市场 资源 融合 消费 工作 领域 系统 机构 单位 品牌".split())
#: Verbs that are part of institution names (科技创新局, 城市建设投资集团, 市场监督管理局).
ORG_NAME_VERBS = frozenset("创新 发展 建设 投资 开发 服务 管理 监督 检查 研究 治理 保障 规划 监管 运输 保护".split())
#: Verbs of speech: a dictionary name right before one is a person (张建国说, 李明表示).
SPEECH_VERBS = frozenset("说 表示 介绍 指出 认为 强调 透露 称 坦言 告诉 回忆 感慨".split())
#: A person name in jieba's dictionary is taken as one when it is this rare as a word (张建国: 13).
RARE_NAME_FREQ = 50
#: Tags of tokens that may sit inside an organisation name between the proper noun and the suffix.
ORG_INNER_TAGS = ("n", "ns", "nr", "nz", "nt", "vn", "j", "an", "l", "new", "gl")
PROPER_TAGS = ("ns", "nr", "nz", "nt", "nrt", "nrfg")
#: Tags of a single character that may end a given name jieba cut off (张东+红, 艾衍+含).
GIVEN_CHAR_TAGS = ("a", "ag", "n", "ng", "x", "nr", "vg", "tg")
#: Tags of the pieces a transliterated name is cut into (unknown words included).
FOREIGN_TAGS = ("ns", "nr", "nrt", "nrfg", "nz", "new", "x")
MAX_ORG_LEN = 16


def _known(word: str) -> bool:
    return words.freq(word) > 0


def _title(word: str) -> str | None:
    """The title a token is or ends with (区委书记 -> 书记), else None."""
    for size in (3, 2):
        if word[-size:] in TITLES:
            return word[-size:]
    return None


def _is_person(word: str, tag: str, prev: str | None, nxt: str | None = None) -> bool:
    if not 2 <= len(word) <= 4 or word in NOT_NAMES:
        return False
    if not (word[0] in SURNAMES or word[:2] in SURNAMES):
        return False
    if word[-1] in NOT_NAME_END or (nxt in HEAD_NOUNS or nxt in ORG_SUFFIXES) and tag == "new":
        return False
    if len(word) == 3 and word[0] == word[2]:  # 龙生龙: a saying, not a name
        return False
    spoken = nxt in SPEECH_VERBS
    # 曾任, 查看后, 位置图: a surname that is usually a word, starting a word jieba knows
    weak = word[0] in WEAK_SURNAMES and not spoken and (len(word) == 2 or words.freq(word[:2]) > RARE_NAME_FREQ)
    freq = words.freq(word)
    unknown = not weak and (
        tag == "new"
        or (tag.startswith("nr") and (freq < RARE_NAME_FREQ or (spoken and freq < 4 * RARE_NAME_FREQ) or tag == "nrfg"))
    )
    return (unknown and len(word) <= 3) or (prev in TITLES and tag not in ("v", "d", "p"))


def _not_a_place(word: str) -> bool:
    """Words jieba tags as places that are not: 上山 (a verb of motion), 南大门 (a metaphor), 哥哥, 东西."""
    if word in NOT_NAMES or word[0] == word[1] or all(c in DIRECTIONS for c in word):
        return True
    if word not in EXONYMS and any(word.startswith(e) and not romanize.generic(word) for e in _EXONYM_HEADS):
        return True  # 欧洲各国, 英国皇家: a place and more, not a name of its own
    if word[0] in MOTION_VERBS and word[1:] in MOTION_GOALS:
        return True
    rest = word[1:]
    return word[0] in DIRECTIONS and len(rest) >= 2 and words.tag_of(rest) == "n"


_EXONYM_HEADS = tuple(EXONYMS)


def _foreign(tokens: list[tuple[str, str]], i: int) -> tuple[int, str]:
    """A name spelt in transliteration characters starting at token ``i`` (克里+梅茨, 柯林·德·鲁蒂斯)."""
    j, end, text = i, i, ""
    while j < len(tokens):
        w, t = tokens[j]
        dot = len(w) == 1 and w in NAME_DOTS and text
        after_dot = j > i and tokens[j - 1][0] in NAME_DOTS  # 格蕾塔·通+贝里: any tag after the dot
        if not dot and not (all(c in TRANSLIT for c in w) and (t in FOREIGN_TAGS or after_dot)):
            if text and len(w) == 2 and w[0] in TRANSLIT and w[1] in NOT_GIVEN_NAME:  # 斯塔+默在: 默 is the name's
                text += w[0]
                end = j + 1
            break
        j += 1
        if not dot:
            text, end = "".join(tok for tok, _ in tokens[i:j]), j
    # two characters of a common word (安保, tagged nr by jieba) need a telling character to be foreign
    unsure = len(text) == 2 and not set(text) & FOREIGN_MARKERS and words.freq(text) >= RARE_NAME_FREQ
    if len(text) >= 2 and text not in EXONYMS and is_foreign(text) and not unsure:
        return end, text
    return i, ""


@lru_cache(maxsize=65536)
def find_names(sentence: str) -> tuple[tuple[str, str], ...]:
    """Names in a sentence as ``(name, kind)`` pairs, in order of first appearance, without repeats."""
    tokens = _tokens(sentence)
    found: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        word, tag = tokens[i]
        prev = _title(tokens[i - 1][0]) if i else None
        end, name = _foreign(tokens, i) if word[0] in TRANSLIT and tag in FOREIGN_TAGS else (i, "")
        if name:
            found.setdefault(name, FOREIGN)
            i = end
            continue
        end, name, kind = _compound(tokens, i)
        if name:
            found.setdefault(name, kind)
            i = end
            continue
        spoken = i + 2 < len(tokens) and tokens[i + 2][0] in SPEECH_VERBS and len(word) == 1  # 黄+美玲+说
        verb = len(word) == 2 and tag in ("v", "vn", "d", "p", "c", "f")  # 医生+查看+后: a verb, not 查 + 看后
        if (prev in TITLES or spoken) and word[:1] in SURNAMES and len(word) <= 2 and i + 1 < len(tokens) and not verb:
            joined = word + tokens[i + 1][0]
            given = tokens[i + 1][0]
            said = i + 2 < len(tokens) and tokens[i + 2][0] in SPEECH_VERBS
            plausible = given not in NOT_GIVEN_NAME and (
                len(given) == 1 or not _known(given) or words.tag_of(given) == "nr" or (prev in TITLES and said)
            )  # 镇长+何+立新+说: a title before and a speech verb after make a known word a given name
            if len(joined) == 3 and all(zh.is_han(c) for c in joined) and plausible:
                found.setdefault(joined, PERSON)
                i += 2
                continue
        if tag == "gl":  # a glossary term kept whole by the user dictionary: classify by its suffix
            kind = _kind_by_suffix(word) or (PERSON if word[:1] in SURNAMES and 2 <= len(word) <= 3 else None)
            if kind:
                found.setdefault(word, kind)
        elif (tag.startswith(PROPER_TAGS) or tag == "new") and len(word) >= 3 and romanize.generic(word):
            # 丹霞山 (tagged nr), 夏富村 (unknown to jieba): a proper noun with a place's generic part
            found.setdefault(word, PLACE)
        elif _is_person(word, tag, prev, tokens[i + 1][0] if i + 1 < len(tokens) else None):
            # jieba's dictionary knows many foreign names (舒马赫, 霍兰德): a given part spelt for its sounds
            spelt = tag.startswith("nr") and len(word) >= 3 and all(c in TRANSLIT for c in word[1:])
            nxt, nxt_tag = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
            if (
                tag == "new"
                and len(word) == len(nxt) + 1 == 2
                and "\u4e00" <= nxt <= "\u9fff"
                and nxt_tag in GIVEN_CHAR_TAGS
            ):
                if nxt not in NOT_GIVEN_NAME and nxt not in NOT_NAME_END:  # 张东+红: jieba cut the name short
                    word, i = word + nxt, i + 1
            found.setdefault(word, FOREIGN if spelt else PERSON)
        elif tag == "ns" and len(word) >= 2 and not _not_a_place(word):
            found.setdefault(word, PLACE)
        i += 1
    return tuple(found.items())


def _kind_by_suffix(word: str) -> str | None:
    for size in (3, 2, 1):
        if word[-size:] in ORG_SUFFIXES:
            return ORG
        if word[-size:] in PLACE_SUFFIXES:
            return PLACE
    return None


def _tokens(sentence: str) -> list[tuple[str, str]]:
    """Words with dictionary tags; words the dictionary lacks (found by jieba's HMM) are tagged ``new``.

    jieba's own posseg tagger runs a 256-state HMM over every run of single characters and costs eight
    times as much as plain ``cut``, whose 4-state HMM finds the same unknown words (廖英, 唐忠祥). The
    person rules below need only "dictionary tag, or unknown".
    """
    return [(w, tag or ("new" if len(w) > 1 else "x")) for w, tag in words.cut_tagged(sentence)]


def _compound(tokens: list[tuple[str, str]], i: int) -> tuple[int, str, str]:
    """A place or organisation that starts at token ``i``: proper noun, inner words, then a suffix."""
    word, tag = tokens[i]
    if not (tag.startswith(PROPER_TAGS) or tag == "new") or word in NOT_NAMES or len(word) < 2:
        return i, "", ""
    best = (i, "", "")
    text = word
    depth = 0
    for j in range(i + 1, len(tokens)):
        w, t = tokens[j]
        depth += w in "(（"
        depth -= w in ")）"
        text += w
        if len(text) > MAX_ORG_LEN or depth < 0:
            break
        head = next((w[:k] for k in (1, 2, 3) if w[:k] in ORG_SUFFIXES and w[k:] in TITLES), None)
        if head and depth == 0:  # jieba glues suffix and title: 交通运输+局局长
            return j + 1, text[: len(text) - len(w) + len(head)], ORG
        if w in ORG_SUFFIXES and depth == 0:
            best = (j + 1, text, ORG)
        elif w in PLACE_SUFFIXES and depth == 0 and (j == i + 1 or len(w) > 1):
            best = (j + 1, text, PLACE)
        elif not (t.startswith(ORG_INNER_TAGS) or w in "()（）" or w in PLACE_SUFFIXES or w in ORG_NAME_VERBS):
            break
    return best


@dataclass(frozen=True)
class Name:
    """A name in a sentence with its kind and its English (``None``: look it up, e.g. a foreign name)."""

    zh: str
    kind: str
    en: str | None

    @property
    def note(self) -> str:
        """As in the ``#. names:`` note: ``唐忠祥 = Tang Zhongxiang (person)``, ``特朗普 (foreign name)``."""
        return f"{self.zh} = {self.en} ({self.kind})" if self.en else f"{self.zh} ({self.kind})"


def named(sentence: str, known: dict[str, str] | None = None) -> list[Name]:
    """The names of a sentence with their English: the glossary's (``known``) first, else romanized."""
    out = []
    for name, kind in find_names(sentence):
        en = (known or {}).get(name) or (romanize.romanize(name, kind, known) if kind in (PERSON, PLACE) else None)
        if kind in (PERSON, PLACE) and en is None and is_foreign(name):
            kind = FOREIGN  # found as a person or place, spelt for its sounds: 雷布尔
        out.append(Name(name, kind, en))
    return out


#: Titles and honorifics an English translation may put before a bare surname (Mr. Tang, Dr. Li).
EN_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor madam".split())
_EN_WORD = re.compile(r"[A-Za-zÀ-ɏ]+(?:[-'’‐][A-Za-zÀ-ɏ]+)*")


def _given_after(surname: str, translation: str) -> list[str]:
    """The capitalised words right after each ``surname`` in an English text ("Tang Zhongxing" -> Zhongxing)."""
    found = []
    for m in re.finditer(rf"\b{re.escape(surname)}\b", translation, flags=re.IGNORECASE):
        nxt = _EN_WORD.match(translation, m.end() + 1) if translation[m.end() : m.end() + 1] == " " else None
        found.append(nxt.group(0) if nxt and nxt.group(0)[:1].isupper() else "")
    return found


#: One name of a ``names:`` note: ``唐忠祥 = Tang Zhongxiang (person)`` or ``特朗普 (foreign name)``.
_NOTE_NAME = re.compile(rf"(\S+?)(?: = (.+?))? \(({PERSON}|{PLACE}|{ORG}|{FOREIGN})\)(?:, |$)")


#: segment's first note of an entry (``body, paragraph 3``): the notes are ours, names line or not.
_POSITION_NOTE = re.compile(r"^[a-z]+, paragraph \d+")


def from_notes(notes: str) -> list[Name] | None:
    """The names a catalog entry's ``#. names:`` note lists; ``None`` when the entry has no transflow notes.

    ``check`` reads names here instead of running jieba again: segment wrote them, glossary English
    included. An entry with notes but no ``names:`` line has no names (an empty list).
    """
    lines = notes.splitlines()
    for line in lines:
        if line.startswith("names: "):
            return [Name(m.group(1), m.group(3), m.group(2)) for m in _NOTE_NAME.finditer(line[7:])]
    return [] if any(_POSITION_NOTE.match(line) for line in lines) else None


def _other_given(written: str, given: str, surname: str, others: set[str]) -> bool:
    """Whether an English given name (in key form) is another name than ``given`` (in key form).

    Not when it belongs to another person of the same surname in the sentence, or is ``given`` plus more
    syllables (Zhang Donghong for 张东: jieba cut the name short). Hyphenated Hong Kong and Taiwan
    spellings are left out by the caller.
    """
    rest = written[len(given) :] if written.startswith(given) else ""
    longer = len(rest) >= 2 and any(v in rest for v in "aeiouv")  # Donghong for Dong; not Lixing for Lixin
    return written != given and romanize.key(surname) + written not in others and not longer


def missing_names(
    source: str, translation: str, known: dict[str, str] | None = None, seen: str = "", found: list[Name] | None = None
) -> list[str]:
    """Messages for the Chinese person names of ``source`` whose English is wrong in ``translation``.

    Compared in :func:`romanize.key` form (no case, spaces, hyphens, apostrophes). Quiet where a
    professional may differ: a surname alone (Mr. Tang) once the full name is in ``seen`` (the
    catalog's English), a name rendered as a pronoun or a title (the surname is absent),
    and Hong Kong or Taiwan spellings (a hyphenated given name: Li Ka-shing). Reported: a given name
    that differs after the right surname (Tang Zhongxing for 唐忠祥), or a surname alone whose full
    name the catalog never gives. ``found``: the names, when already known (from the notes).
    """
    out = []
    found = named(source, known) if found is None else found
    others = {romanize.key(n.en) for n in found if n.en}
    for name in found:
        if name.kind != PERSON or not name.en or romanize.spelt_in(name.en, translation):
            continue
        surname, _, given = name.en.partition(" ")
        if not given:
            continue
        after = _given_after(surname, translation)
        if not after:
            continue  # rendered as a pronoun or a title, or spelt another way: not ours to judge
        wrong = [
            w
            for w in after
            if w and "-" not in w and _other_given(romanize.key(w), romanize.key(given), surname, others)
        ]
        if wrong:
            out.append(f"{name.zh} = {name.en}, not {surname} {wrong[0]}")
        elif "" in after and not romanize.spelt_in(name.en, seen):
            out.append(f"{name.zh} = {name.en} (only “{surname}” here, and the full name nowhere in the catalog)")
    return out


def unspelt(source: str, translation: str, known: dict[str, str] | None = None) -> list[Name]:
    """Person and place names of ``source`` whose English is nowhere in ``translation`` (for machine drafts).

    A place counts as spelt when its proper part is there (Maba for 马坝镇 = Maba Town).
    """
    out = []
    for name in named(source, known):
        if name.kind not in (PERSON, PLACE) or not name.en:
            continue
        split = romanize.generic(name.zh) if name.kind == PLACE else None
        forms = [name.en] + ([name.en.rsplit(" ", 1)[0]] if split and " " in name.en else [])
        if not any(romanize.spelt_in(form, translation) for form in forms):
            out.append(name)
    return out
