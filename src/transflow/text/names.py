"""Names in a Chinese sentence (people, places, organisations, foreign names), found with jieba and filtered.

jieba's raw part-of-speech tags are noisy on news text: 宣传单, 张贴 and 文明 come out as person names,
上山 (a verb of motion) and 南大门 (a metaphor) as places, 丹霞山 as a person. The filters are tables
(:mod:`transflow.text.name_tables`): a person needs a surname and must be a word jieba's dictionary does
not know (or follow a title such as 书记), and a given name a Chinese parent would give; places and
organisations are built from a proper noun plus a suffix; names spelt in transliteration characters
(特朗普, 柯林·德·鲁蒂斯) are foreign. CC-CEDICT (:mod:`transflow.text.cedict`) vetoes common words and
knows well-known people and places. :func:`named` adds each name's English (the glossary's, else
:mod:`transflow.text.romanize`); :mod:`transflow.text.names_en` compares it with an English translation,
for the ``names`` check and for machine drafts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transflow.text import cedict, romanize, words, zh
from transflow.text.name_tables import (
    ADDRESS_TERMS,
    CONJUNCTIONS,
    DIRECTIONS,
    FOREIGN_LEAD,
    FOREIGN_TAIL,
    HEAD_NOUNS,
    LIST_JOINERS,
    MOTION_GOALS,
    MOTION_VERBS,
    NOT_GIVEN_NAME,
    NOT_NAME_END,
    NOT_NAMES,
    ORG_NAME_VERBS,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    SPEECH_VERBS,
    SURNAMES,
    TITLES,
    WEAK_SURNAMES,
)
from transflow.text.romanize import (
    EXONYMS,
    FOREIGN_MARKERS,
    NAME_DOTS,
    NEVER_GIVEN,
    TRANSLIT,
    TRUE_DOTS,
    is_foreign,
    key,
)

PERSON, PLACE, ORG, FOREIGN = "person", "place", "organization", "foreign name"

#: A person name in jieba's dictionary is taken as one when it is this rare as a word (张建国: 13).
RARE_NAME_FREQ = 50
#: Tags of tokens that may sit inside an organisation name between the proper noun and the suffix.
ORG_INNER_TAGS = ("n", "ns", "nr", "nz", "nt", "vn", "j", "an", "l", "new", "gl")
PROPER_TAGS = ("ns", "nr", "nz", "nt", "nrt", "nrfg")
#: Tags of a single character that may end a given name jieba cut off (张东+红, 艾衍+含).
GIVEN_CHAR_TAGS = ("a", "ag", "n", "ng", "x", "nr", "vg", "tg", "zg")  # zg: rare characters (陈亦+暘)
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
    # 医生+明确+表示: after a title, a word the dictionary knows as something else is not a name
    titled = prev in TITLES and (tag.startswith("nr") or tag == "new" or freq < RARE_NAME_FREQ)
    return ((unknown and len(word) <= 3) or (titled and tag not in ("v", "d", "p"))) and _given_plausible(word)


def _given_plausible(word: str) -> bool:
    """Whether what follows the surname can be a Chinese given name (asked of candidates only: it costs)."""
    if any(c in NEVER_GIVEN for c in word[1:]):  # 吉和斯, 莫尔日: spelt for their sounds
        return False
    if len(word) == 3 and word[0] in CONJUNCTIONS and _known(word[1:]):  # 和+威廉
        return False
    return not (word[1:] in ADDRESS_TERMS or words.tag_of(word[1:]) == "nrt")  # 白+娘子; 蒙+太奇: a foreign tail


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


def _is_dot(word: str) -> bool:
    return len(word) == 1 and word in TRUE_DOTS


def _dotted(tokens: list[tuple[str, str]], j: int) -> bool:
    """Whether a name dot follows token ``j``, or follows one transliterated piece after it (莫罕+达斯+·)."""
    nxt = tokens[j + 1][0] if j + 1 < len(tokens) else ""
    if _is_dot(nxt):
        return True
    after = tokens[j + 2][0] if j + 2 < len(tokens) else ""
    return _is_dot(after) and bool(nxt) and all(c in TRANSLIT for c in nxt)


def _dot_piece(tokens: list[tuple[str, str]], j: int) -> bool:
    """A piece of a dotted foreign name whatever its characters (本·胡琛, 马克·吕特, 卡梅伦·范+德伯格).

    Right next to a name dot, a short Chinese word is part of the foreign name: a person's name, a tag
    for names or unknown to jieba, one character, or spelt in transliteration characters; not a place
    (中国·北京 is a dateline, not a name). Two tokens before the dot (莫罕+达斯+·) only an unknown or
    transliterated word spelt like one: 奥运冠军+玛莉+·, 的+安东+· are a title and a particle.
    """
    w, t = tokens[j]
    if not (1 <= len(w) <= 4 and all(zh.is_han(c) for c in w)) or w in EXONYMS:
        return False
    if (j and _is_dot(tokens[j - 1][0])) or (j + 1 < len(tokens) and _is_dot(tokens[j + 1][0])):
        return t in ("nr", "nrt", "nrfg", "new") or len(w) == 1 or all(c in TRANSLIT for c in w)
    return len(w) > 1 and w[0] in TRANSLIT and t in ("new", "nrt") and _dotted(tokens, j)


def _foreign(tokens: list[tuple[str, str]], i: int) -> tuple[int, str]:
    """A name spelt in transliteration characters starting at token ``i`` (克里+梅茨, 柯林·德·鲁蒂斯)."""
    j, end, text, dotted = i, i, "", False
    while j < len(tokens):
        w, t = tokens[j]
        dot = len(w) == 1 and w in NAME_DOTS and text
        after_dot = j > i and tokens[j - 1][0] in NAME_DOTS  # 格蕾塔·通+贝里: any tag after the dot
        piece = not dot and _dot_piece(tokens, j)
        if not dot and not piece and not (all(c in TRANSLIT for c in w) and (t in FOREIGN_TAGS or after_dot)):
            if text and len(w) == 2 and w[0] in TRANSLIT and w[1] in NOT_GIVEN_NAME:  # 斯塔+默在: 默 is the name's
                text += w[0]
                end = j + 1
            break
        j += 1
        dotted = dotted or bool(dot)
        if not dot:
            text, end = "".join(tok for tok, _ in tokens[i:j]), j
            if piece and len(w) >= 2 and w[-1] in FOREIGN_TAIL:  # 弗朗西斯·伊芙称: 称 is "said"
                text = text[:-1]
                break
    if dotted and tokens[i][1] == "new" and len(tokens[i][0]) >= 2 and text[0] in FOREIGN_LEAD:
        text = text[1:]  # 与莉萨·玛丽: jieba glued 与 "and" to the name
    # two characters of a common word (安保, tagged nr by jieba) need a telling character to be foreign
    unsure = len(text) == 2 and not set(text) & FOREIGN_MARKERS and words.freq(text) >= RARE_NAME_FREQ
    if len(text) >= 2 and text not in EXONYMS and (dotted or is_foreign(text)) and not unsure:
        return end, text
    return i, ""


@lru_cache(maxsize=65536)
def find_names(sentence: str) -> tuple[tuple[str, str], ...]:
    """Names in a sentence as ``(name, kind)`` pairs, in order of first appearance, without repeats."""
    tokens = _tokens(sentence)
    found: dict[str, str] = {}
    foreign_end = -1  # the token after the last foreign name: a name listed next to it may be foreign too
    dots = any(dot in sentence for dot in TRUE_DOTS)
    # tokens at most two before or one after a name dot (most sentences have none: no look around dots)
    near = {k for d, (w, _) in enumerate(tokens) if _is_dot(w) for k in (d - 2, d - 1, d + 1)} if dots else ()
    i = 0
    while i < len(tokens):
        word, tag = tokens[i]
        if i not in near and not _may_act(word, tag):
            i += 1
            continue
        prev = _title(tokens[i - 1][0]) if i else None
        spelt = word[0] in TRANSLIT and tag in FOREIGN_TAGS
        end, name = _foreign(tokens, i) if spelt or (i in near and _dot_piece(tokens, i)) else (i, "")
        if name:
            found.setdefault(name, FOREIGN)
            i = foreign_end = end
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
        if tag.startswith("nr") and len(word) >= 2 and cedict.is_person(word):
            # a well-known person (孙中山, not a mountain; 李嘉诚, however common); a foreign name when the
            # dictionary says so (约翰逊) or it is spelt wholly in transliteration characters (拜伦: a surname
            # the dictionary glosses by one famous bearer)
            foreign = all(c in TRANSLIT for c in word) or cedict.is_foreign_name(word)
            found.setdefault(word, FOREIGN if foreign else PERSON)
        elif tag == "gl":  # a glossary term kept whole by the user dictionary: classify by its suffix
            kind = _kind_by_suffix(word) or (PERSON if word[:1] in SURNAMES and 2 <= len(word) <= 3 else None)
            if kind:
                found.setdefault(word, kind)
        elif (tag.startswith(PROPER_TAGS) or tag == "new") and len(word) >= 3 and romanize.generic(word):
            # 丹霞山 (tagged nr), 夏富村 (unknown to jieba): a proper noun with a place's generic part
            found.setdefault(word, PLACE)
        elif _is_person(word, tag, prev, tokens[i + 1][0] if i + 1 < len(tokens) else None) and not (
            tag == "new" and "nrt" in (tokens[i - 1][1] if i else "", tokens[i + 1][1] if i + 1 < len(tokens) else "")
        ):  # 米夫+林镇, 吉和斯+瓦茨: glued to a transliterated piece, a part of a foreign name
            # jieba's dictionary knows many foreign names (舒马赫, 霍兰德): a given part spelt for its sounds
            spelt = tag.startswith("nr") and len(word) >= 3 and all(c in TRANSLIT for c in word[1:])
            rest = _cut_short(tokens, i) if tag == "new" and len(word) == 2 else ""
            if rest:
                word, i = word + rest, i + 1
            listed = i >= 2 and tokens[i - 1][0] in LIST_JOINERS and (foreign_end == i - 1 or tokens[i - 2][1] == "nrt")
            if listed and all(c in TRANSLIT for c in word):  # 西蒙、阿里、劳瑞: one of a list of foreign names
                spelt, foreign_end = True, i + 1
            found.setdefault(word, FOREIGN if spelt else PERSON)
        elif tag == "ns" and len(word) >= 2 and not _not_a_place(word):
            found.setdefault(word, PLACE)
        i += 1
    return tuple(found.items())


def _may_act(word: str, tag: str) -> bool:
    """Whether any rule of :func:`find_names` can act on a token; most tokens of news text (82%) cannot.

    Keep in step with the rules: a name starts at a proper noun, an unknown word or a glossary term, a
    word that starts with a surname, or a transliteration character (a dot's neighbours are seen anyway).
    """
    return (
        tag.startswith(PROPER_TAGS)
        or tag in ("new", "gl")
        or word[:1] in SURNAMES
        or word[:2] in SURNAMES
        or (word[0] in TRANSLIT and tag in FOREIGN_TAGS)
    )


def _cut_short(tokens: list[tuple[str, str]], i: int) -> str:
    """The last character of a name jieba cut short after two characters (张东+红, 艾衍+含+获得, 范德+尚系).

    The next token is one character that may end a given name; or a verb right before another verb (a
    name's character, not an action); or an unknown two-character word whose second character is a word
    that follows names (红+前, 尚+系 "is").
    """
    nxt, nxt_tag = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
    after_tag = tokens[i + 2][1] if i + 2 < len(tokens) else ""
    if nxt_tag == "new" and len(nxt) == 2 and nxt[1] in NOT_GIVEN_NAME:
        nxt = nxt[0]
    elif len(nxt) != 1 or not (nxt_tag in GIVEN_CHAR_TAGS or nxt_tag == "v" and after_tag in ("v", "p")):
        return ""
    if not zh.is_han(nxt) or nxt in NOT_GIVEN_NAME or nxt in NOT_NAME_END:
        return ""
    return nxt


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


#: A Latin spelling in brackets right after a name: 柏葛 (Lester Piggott), the writer's own gloss.
_GLOSS = r"\s*[(（]\s*([A-Z][A-Za-z.'’\- ]{1,60}?)\s*[)）]"


def _glossed(name: str, sentence: str) -> str | None:
    """The Latin spelling the sentence gives in brackets after ``name``, if any."""
    m = re.search(re.escape(name) + _GLOSS, sentence)
    return m.group(1) if m else None


#: jieba's dictionary holds phrases tagged as places at its lowest frequency (确保安全, 热烈祝贺, 之日起).
STRAY_PLACE_FREQ = 3


def _stray_place(word: str) -> bool:
    """A "place" only jieba's rarest dictionary entries vouch for: no generic part, unknown to CC-CEDICT."""
    return (
        words.tag_of(word) == "ns"
        and words.freq(word) <= STRAY_PLACE_FREQ
        and word not in cedict.names()
        and not romanize.generic(word)
    )


def named(sentence: str, known: dict[str, str] | None = None) -> list[Name]:
    """The names of a sentence with their English: the glossary's (``known``) first, else romanized.

    A person followed by a Latin spelling in brackets (倪家骏 (Nathan Adrian)) takes that spelling,
    as a foreign name unless it is the pinyin: translated news glosses foreign names so, and their
    Chinese form (which may look like a Chinese name) says nothing about the English.
    """
    out = []
    for name, kind in find_names(sentence):
        glossary = name in (known or {})  # the glossary wins: a name it lists is kept as found
        if not glossary and kind in (PERSON, PLACE) and cedict.common_only(name):
            continue  # jieba's tag says name, CC-CEDICT knows only a word: 美丽, 波及, 麦克风
        if not glossary and kind == PLACE and _stray_place(name):
            continue
        if kind == PERSON and not cedict.is_person(name) and romanize.exonym(name):
            kind = PLACE  # a proper noun CC-CEDICT knows, and no person's: 邓迪 is Dundee, not Deng Di
        elif kind == FOREIGN and words.tag_of(name) == "ns" and not cedict.is_person(name) and romanize.exonym(name):
            kind = PLACE  # jieba and CC-CEDICT agree it is a place abroad: 格拉斯哥 Glasgow, 巴哈马 Bahamas
        elif kind == PERSON and cedict.is_foreign_name(name):
            kind = FOREIGN  # 马克 Mark, 约翰逊 Johnson: a foreign name, however Chinese it looks
        en = (known or {}).get(name) or (romanize.romanize(name, kind, known) if kind in (PERSON, PLACE) else None)
        if kind in (PERSON, PLACE) and en is None and is_foreign(name):
            kind = FOREIGN  # found as a person or place, spelt for its sounds: 雷布尔
        gloss = _glossed(name, sentence) if kind in (PERSON, FOREIGN) and name not in (known or {}) else None
        if gloss and not (en and key(en) == key(gloss)):
            kind, en = FOREIGN, gloss
        out.append(Name(name, kind, en))
    return out


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
