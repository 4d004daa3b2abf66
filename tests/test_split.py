"""Segmentation rules (DESIGN.md "Segmentation conventions"), each with its own examples, plus properties."""

from __future__ import annotations

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
texts = st.text(alphabet=st.sampled_from(list(PUNCT) + list("我们他好的了abc12")), max_size=60) | st.text(max_size=40)


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
