"""Names in a Chinese sentence (people, places, organisations), found with jieba and filtered.

jieba's raw part-of-speech tags are noisy on news text: 宣传单, 张贴 and 文明 come out as person names.
The filters are tables: a person needs a surname and must be a word jieba's dictionary does not know
(or follow a title such as 书记); places and organisations are built from a proper noun plus a suffix.
"""

from __future__ import annotations

from functools import lru_cache

from transflow.text import words, zh

PERSON, PLACE, ORG = "person", "place", "organization"

#: Common Chinese surnames (single and compound); a person name starts with one of them.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
    "麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
) | {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯"}
#: Titles and roles that precede a person's name in news text (书记罗海俊, 所长陈桥辉).
TITLES = frozenset(
    "书记 副书记 局长 副局长 院长 副院长 所长 主任 副主任 干部 区长 副区长 市长 副市长 县长 镇长 省长 部长 厅长 主席 "
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
NOT_GIVEN_NAME = frozenset("的了在是和与及说所从到向对为被把将也都就而并等")
#: Characters that end verb phrases and titles (戴上, 楼长, 闻令) but almost never a given name.
NOT_NAME_END = frozenset("上下来去出进起了着过到长令们的地得个些员者家式性化")
#: Verbs that are part of institution names (科技创新局, 城市建设投资集团, 市场监督管理局).
ORG_NAME_VERBS = frozenset("创新 发展 建设 投资 开发 服务 管理 监督 检查 研究 治理 保障 规划 监管 运输 保护".split())
#: Verbs of speech: a dictionary name right before one is a person (张建国说, 李明表示).
SPEECH_VERBS = frozenset("说 表示 介绍 指出 认为 强调 透露 称 坦言 告诉 回忆 感慨".split())
#: A person name in jieba's dictionary is taken as one when it is this rare as a word (张建国: 13).
RARE_NAME_FREQ = 50
#: Tags of tokens that may sit inside an organisation name between the proper noun and the suffix.
ORG_INNER_TAGS = ("n", "ns", "nr", "nz", "nt", "vn", "j", "an", "l", "new", "gl")
PROPER_TAGS = ("ns", "nr", "nz", "nt", "nrt", "nrfg")
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
    unknown = (tag == "new" and word[-1] not in NOT_NAME_END) or (
        tag.startswith("nr") and (words.freq(word) < RARE_NAME_FREQ or nxt in SPEECH_VERBS)
    )
    return (unknown and len(word) <= 3) or (prev in TITLES and tag not in ("v", "d", "p"))


@lru_cache(maxsize=65536)
def find_names(sentence: str) -> tuple[tuple[str, str], ...]:
    """Names in a sentence as ``(name, kind)`` pairs, in order of first appearance, without repeats."""
    tokens = _tokens(sentence)
    found: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        word, tag = tokens[i]
        prev = _title(tokens[i - 1][0]) if i else None
        end, name, kind = _compound(tokens, i)
        if name:
            found.setdefault(name, kind)
            i = end
            continue
        if prev in TITLES and word[:1] in SURNAMES and len(word) <= 2 and i + 1 < len(tokens):
            joined = word + tokens[i + 1][0]
            given = tokens[i + 1][0]
            plausible = given not in NOT_GIVEN_NAME and (len(given) == 1 or not _known(given))
            if len(joined) == 3 and all(zh.is_han(c) for c in joined) and plausible:
                found.setdefault(joined, PERSON)
                i += 2
                continue
        if tag == "gl":  # a glossary term kept whole by the user dictionary: classify by its suffix
            kind = _kind_by_suffix(word) or (PERSON if word[:1] in SURNAMES and 2 <= len(word) <= 3 else None)
            if kind:
                found.setdefault(word, kind)
        elif _is_person(word, tag, prev, tokens[i + 1][0] if i + 1 < len(tokens) else None):
            found.setdefault(word, PERSON)
        elif tag == "ns" and len(word) >= 2 and word not in NOT_NAMES:
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
    return [(w, words.tag_of(w) or ("new" if len(w) > 1 else "x")) for w in words.cut(sentence)]


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
