"""Segmentation rules (DESIGN.md "Segmentation conventions"), each with its own examples, plus properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transflow.text import zh
from transflow.text.split import split_paragraph, split_spans, strip_paragraph


@pytest.mark.parametrize(
    "line, expected",
    [
        # 1. surrounding whitespace, BOM, CR and U+3000 indentation are not content
        ("\ufeff\u3000\u3000今天下雨。\r", ["今天下雨。"]),
        ("  \t\u00a0 ", []),
        ("他来了。  她走了。", ["他来了。", "她走了。"]),
        ("他 来了。她 走了。", ["他 来了。", "她 走了。"]),
        # 2. terminators and clusters
        ("真的吗？！不会吧！！！好。", ["真的吗？！", "不会吧！！！", "好。"]),
        ("。！？", ["。！？"]),
        # 3. closers stay with the cluster, stacked closers too, a terminator after closers joins
        ("他说：“好。”她笑了。", ["他说：“好。”", "她笑了。"]),
        ("（见附件。）下一句。", ["（见附件。）", "下一句。"]),
        ("书名是《加油！》。然后呢？", ["书名是《加油！》。", "然后呢？"]),
        ("他说：“‘快走！’”大家都跑了。", ["他说：“‘快走！’”", "大家都跑了。"]),
        ('他说:"安全第一。"然后走了。', ['他说:"安全第一。"', "然后走了。"]),
        # 4. a comma-like mark after cluster and closers keeps the sentence going
        ("“体温正常，请进。”，他说道。", ["“体温正常，请进。”，他说道。"]),
        ("“快来！”、“快走！”，喊声此起彼伏。", ["“快来！”、“快走！”，喊声此起彼伏。"]),
        ("“体温正常，请进。”在门口，他说。", ["“体温正常，请进。”", "在门口，他说。"]),
        # 5. half-width ! ? only before CJK text or a CJK opening mark; '.' never breaks
        ("真的吗?我不信。", ["真的吗?", "我不信。"]),
        ("他喊Hello! World然后走了。", ["他喊Hello! World然后走了。"]),
        ("好!“走吧。”", ["好!", "“走吧。”"]),
        ("增长3.5%，日期2020.1.31，见www.example.com。", ["增长3.5%，日期2020.1.31，见www.example.com。"]),
        ("1.坚持人民至上。2.坚持生命至上。", ["1.坚持人民至上。", "2.坚持生命至上。"]),
        ("他说 It works. Really. 然后笑了。", ["他说 It works. Really. 然后笑了。"]),
        # 6. ellipsis breaks before a new sentence; not before a comma; not inside a quotation
        ("一直到深夜……第二天又开始了。", ["一直到深夜……", "第二天又开始了。"]),
        ("等等……，然后呢。", ["等等……，然后呢。"]),
        ("“早发现，早隔离，方法最有效……”从正月初二开始唱响。", ["“早发现，早隔离，方法最有效……”从正月初二开始唱响。"]),
        ("他说：“我……我不知道。”", ["他说：“我……我不知道。”"]),
        # 7. no break at ；：, commas or dashes; unterminated paragraphs are one segment
        ("第一；第二：第三——第四", ["第一；第二：第三——第四"]),
        ("●唐音唐忠祥", ["●唐音唐忠祥"]),
        ("工人在生产线上忙碌。唐忠祥摄", ["工人在生产线上忙碌。", "唐忠祥摄"]),
        # nothing breaks inside a book title
        ("他读了《加油！武汉》这本书。", ["他读了《加油！武汉》这本书。"]),
        # stray marks join a neighbour: no segment is only punctuation
        ("好。 ）", ["好。 ）"]),
        ("“……”他沉默了。", ["“……”他沉默了。"]),
    ],
)
def test_rules(line: str, expected: list[str]) -> None:
    assert split_paragraph(line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        # ？” / ！” closing a quoted title or question right after a word: the sentence goes on
        ("她报名参加了“谁来守护河流？”志愿活动，每周去一次。", ["她报名参加了“谁来守护河流？”志愿活动，每周去一次。"]),
        ("展览名叫“原来如此！”展期一个月。", ["展览名叫“原来如此！”展期一个月。"]),
        (
            "最近总有人问我「该学哪门语言？」才发现大家都很焦虑。",
            ["最近总有人问我「该学哪门语言？」才发现大家都很焦虑。"],
        ),
        # ... but after a comma or colon the quotation is speech, and the next sentence starts after it
        ("他回了一句，“绝对不行！”他随后离开了会场。", ["他回了一句，“绝对不行！”", "他随后离开了会场。"]),
        ("她说：“我们赢了！”全场欢呼起来。", ["她说：“我们赢了！”", "全场欢呼起来。"]),
        ("他大声问“这是谁的错？”大家都不说话。", ["他大声问“这是谁的错？”", "大家都不说话。"]),
        # a short attribution after a closing quote stays in the quotation's sentence
        ("“你今天去学校吗？”妈妈问道。我点了点头。", ["“你今天去学校吗？”妈妈问道。", "我点了点头。"]),
        ("“水位还在上涨。”王红梅说。", ["“水位还在上涨。”王红梅说。"]),
        ("“路修好了，菜也好卖了。”村民李大山告诉记者。", ["“路修好了，菜也好卖了。”村民李大山告诉记者。"]),
        (
            "“我们准备了三个方案。”市交通局副局长在昨天的发布会上表示。",
            ["“我们准备了三个方案。”市交通局副局长在昨天的发布会上表示。"],
        ),
        ('"明年还会再来。"一位游客说', ['"明年还会再来。"一位游客说']),
        ("“下雨了。”老陈说。“快收衣服。”他又说。", ["“下雨了。”老陈说。", "“快收衣服。”他又说。"]),
        # not an attribution: a comma, a new quotation, a verb that only looks like one, or a long clause
        ("“下雨了。”在屋里，他说。", ["“下雨了。”", "在屋里，他说。"]),
        ("“下雨了。”他说：“快收衣服。”", ["“下雨了。”", "他说：“快收衣服。”"]),
        ("“下雨了。”其实大家早就知道。", ["“下雨了。”", "其实大家早就知道。"]),
        # an ellipsis inside a clause does not break; at the end of a clause before a new sentence it does
        ("主队又进一球，而比赛……的下半场才刚开始。", ["主队又进一球，而比赛……的下半场才刚开始。"]),
        ("货架上有苹果、梨……等十几种水果。", ["货架上有苹果、梨……等十几种水果。"]),
        ("雨一直下……的确没人想出门。", ["雨一直下……", "的确没人想出门。"]),
        (
            "店里人挤人，抢购、排队、断货…… 如果想买到，得早点来。",
            ["店里人挤人，抢购、排队、断货……", "如果想买到，得早点来。"],
        ),
        # three or more dots after Chinese text are an ellipsis, with the same rules; other dots never break
        ("他等了很久......终于来了。", ["他等了很久......", "终于来了。"]),
        ("他犹豫了......，然后走了。", ["他犹豫了......，然后走了。"]),
        ("他用英语说 wait... 然后笑了。", ["他用英语说 wait... 然后笑了。"]),
        # a quotation left open (it goes on in the next paragraph) still holds its pauses
        ("“我先说明一下……明天照常上课。", ["“我先说明一下……明天照常上课。"]),
        # a half-width ? between characters of a transliterated name is the name dot; a real ? still breaks
        ("主演是约翰?保罗?琼斯，他很受欢迎。", ["主演是约翰?保罗?琼斯，他很受欢迎。"]),
        ("城市该如何面对老龄化?届时专家会给出答案。", ["城市该如何面对老龄化?", "届时专家会给出答案。"]),
        ("你去过哪里?我去过西安。", ["你去过哪里?", "我去过西安。"]),
        # closers after a stop stay with it, half-width and mixed marks too
        ("他说：“这就是故事的结局。'”第二天他走了。", ["他说：“这就是故事的结局。'”", "第二天他走了。"]),
        ("她说：‘我不去了。'然后关上了门。", ["她说：‘我不去了。'", "然后关上了门。"]),
        ('他说：“我们会回来的。" 大家鼓起掌来。', ['他说：“我们会回来的。"', "大家鼓起掌来。"]),
        ("她说：'我不去了。'然后关上了门。", ["她说：'我不去了。'", "然后关上了门。"]),
        # ?" followed by Chinese text breaks after the quote, whichever mark opened it
        ('她问："你饿吗?"我摇了摇头。', ['她问："你饿吗?"', "我摇了摇头。"]),
        ('她问：“你饿吗?"我摇了摇头。', ['她问：“你饿吗?"', "我摇了摇头。"]),
        # a straight quote after a stop that a curly one closes later opens the next sentence
        (
            '“好的，”他说，然后就走了。"我们明天见。后天也行。”',
            ["“好的，”他说，然后就走了。", '"我们明天见。', "后天也行。”"],
        ),
        # an apostrophe in embedded English is no quotation mark
        ("他读了Trump's book。然后睡了。", ["他读了Trump's book。", "然后睡了。"]),
    ],
)
def test_real_news_rules(line: str, expected: list[str]) -> None:
    """Rules real news taught us (DESIGN.md rule 8), in sentences of our own."""
    assert split_paragraph(line) == expected


def test_attribution_length_limit() -> None:
    """Up to ATTRIBUTION_MAX characters an attribution joins its quotation; a longer clause is a sentence."""
    speaker = "在河边钓鱼的几位老人"
    for size, joined in ((zh.ATTRIBUTION_MAX, True), (zh.ATTRIBUTION_MAX + 1, False)):
        clause = (speaker * 10)[: size - 1] + "说"
        line = f"“鱼越来越少了。”{clause}。"
        assert split_paragraph(line) == ([line] if joined else ["“鱼越来越少了。”", clause + "。"])


def test_rule_tables_carry_their_reasons() -> None:
    """Each real-news rule is data in zh.py with the reason beside it, not a hidden branch."""
    source = Path(zh.__file__).read_text("utf-8")
    for table in ("SPEECH_VERBS", "ATTRIBUTION_MAX", "TITLE_TERMINATORS", "ELLIPSIS_CONTINUERS", "NAME_CHARACTERS"):
        assert f"\n{table} = " in source
        comment = source.split(f"\n{table} = ")[0].rsplit("\n\n", 1)[-1]
        assert "#:" in comment and len(comment) > 60, table
    assert "说" in zh.SPEECH_VERBS and "知道" not in zh.SPEECH_VERBS


def test_article_sentences_rejoin_and_known_breaks() -> None:
    from conftest import ARTICLE

    lines = ARTICLE.read_text("utf-8").splitlines()
    quote = lines[lines.index(next(x for x in lines if x.startswith("“体温正常")))]
    assert split_paragraph(quote)[0] == "“体温正常,请进。”"
    for line in lines:
        text = strip_paragraph(line)
        spans = split_spans(text)
        assert text[spans[0][0] : spans[-1][1]] == text if text else spans == []


PUNCT = "。！？!?….,，、；;：:“”‘’「」《》（）()\"' \u3000"
#: Pieces that exercise every rule: speech verbs, particles after an ellipsis, name characters around a ?.
PIECES = list(PUNCT) + list("我们他好的了abc12德林等") + ["问道", "说。", "……的", "?德"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=40)


@given(texts)
def test_property_segments_nonempty_stripped_rejoin_deterministic(line: str) -> None:
    text = strip_paragraph(line)
    spans = split_spans(text)
    segments = [text[a:b] for a, b in spans]
    for seg in segments:
        assert seg and seg == seg.strip(zh.EDGE_SPACE)
    if text:
        # rejoining with the whitespace between segments gives the stripped paragraph back exactly
        rebuilt = segments[0]
        for (_, prev_end), (start, _end), seg in zip(spans, spans[1:], segments[1:]):
            gap = text[prev_end:start]
            assert gap.strip(zh.EDGE_SPACE) == ""
            rebuilt += gap + seg
        assert rebuilt == text
        assert len(segments) == 1 or not any(zh.is_punctuation_only(s) for s in segments)
    assert split_spans(text) == spans


def test_a_paragraph_met_again_splits_the_same_and_callers_cannot_spoil_it() -> None:
    """Splits are kept per distinct paragraph; each caller still gets its own list."""
    text = "湖边的新桥今天通车。附近居民说：“以后上班快多了！”车流量预计增加三成。"
    first = split_spans(text)
    first.append((0, 1))
    assert split_spans(text) == first[:-1] == [(0, 10), (10, 26), (26, 36)]
