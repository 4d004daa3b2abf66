"""Shared test data for the translation memory: news-like sentences recombined from our own clauses, edits
spread through them, the exhaustive oracle, and small TMX files."""

from __future__ import annotations

import random
from pathlib import Path
from xml.sax.saxutils import escape

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from transflow.draft.fuzzy import Match, sort_key

#: Our own news-like clauses; sentences are recombined from them so that many share whole phrases.
CLAUSES = [
    "市政府今天上午召开新闻发布会",
    "介绍了今年前三季度的经济运行情况",
    "全市地区生产总值同比增长百分之六点二",
    "工业投资增速明显加快",
    "消费市场持续回暖",
    "据气象部门预计",
    "本周末将有一次较强的降雨过程",
    "请市民注意出行安全",
    "新建的跨江大桥预计明年年底通车",
    "届时两岸往来时间将缩短一半",
    "这家企业的工人正在生产线上忙碌",
    "订单已经排到了明年三月",
    "省教育厅近日发布通知",
    "要求各地中小学减轻学生课业负担",
    "记者从交通运输部获悉",
    "春运期间全国铁路预计发送旅客四亿人次",
    "当地农民合作社今年种植了两千亩水稻",
    "亩产比去年提高了一成",
]
REPLACEMENTS = (
    "的了在是有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但"
    "质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品"
    "式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战"
    "先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证"
    "改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节"
    "话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深"
    "难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛"
    "亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)


def sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        picked = rng.sample(CLAUSES, rng.randint(2, 3))
        text = "，".join(picked) + "。"
        if rng.random() < 0.5:  # a changed figure or name somewhere, as in real follow-up stories
            i = rng.randrange(len(text) - 1)
            text = text[:i] + rng.choice(REPLACEMENTS) + text[i + 1 :]
        out.append(text)
    return list(dict.fromkeys(out))


def spread_edits(text: str, every: int, rng: random.Random) -> str:
    """Replace one character in every ``every``: edits spread through the whole sentence (worst case for q-grams)."""
    chars = list(text)
    for i in range(rng.randrange(every), len(chars), every):
        chars[i] = rng.choice(REPLACEMENTS)
    return "".join(chars)


def exhaustive(query: str, rows: list[tuple[str, str, str]], minimum: int, limit: int) -> list[Match]:
    """The oracle: rapidfuzz over every unit, nothing skipped, the documented tie-break; 2ℓ/(n+m) as a fraction."""
    total = {s: len(query) + len(s) for s, _, _ in rows}
    found = [
        Match(t, (total[s] - Indel.distance(query, s)) / total[s], o, s)
        for s, t, o in rows
        if fuzz.ratio(query, s) >= minimum - 1e-9
    ]
    return sorted(found, key=sort_key)[:limit]


def tmx(path: Path, pairs: list[tuple[str, str]], broken: bool = False) -> Path:
    units = "".join(
        f'<tu><tuv xml:lang="zh-CN"><seg>{escape(s)}</seg></tuv>'
        f'<tuv xml:lang="en-US"><seg>{escape(t)}</seg></tuv></tu>\n'
        for s, t in pairs
    )
    end = "<tu><tuv>" if broken else "</body></tmx>"
    path.write_text(f'<?xml version="1.0"?><tmx version="1.4"><header srclang="zh-CN"/><body>\n{units}{end}', "utf-8")
    return path
