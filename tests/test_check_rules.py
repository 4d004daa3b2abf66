"""Each rule of the table on its own: a good and a bad example, and the table itself."""

from __future__ import annotations

import math

import pytest

from transflow.check import rules as checks
from transflow.check.rules import BY_ID, RULES, Context, Glossary, Term, Unit


def run(rule_id: str, source: str, english: str, ctx: Context | None = None, **kw) -> str | None:
    return BY_ID[rule_id].func(Unit(source, english, **kw), ctx or Context())


def test_table_has_unique_ids_known_severities_and_descriptions():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {r.severity for r in RULES} <= {checks.ERROR, checks.WARNING}
    assert all(r.description and callable(r.func) for r in RULES)
    assert {"untranslated", "fuzzy", "numbers", "han", "cjk-punctuation", "end-punctuation", "brackets", "quotes",
            "whitespace", "same-as-source", "repetition", "length", "glossary", "number-words",
            "markup", "names"} == set(ids)  # fmt: skip


def test_untranslated_and_fuzzy():
    assert run("untranslated", "唐忠祥摄", "") is not None
    assert run("untranslated", "唐忠祥摄", "Photo by Tang Zhongxiang") is None
    assert run("fuzzy", "唐忠祥摄", "Photo by Tang Zhongxiang", fuzzy=True) is not None
    assert run("fuzzy", "唐忠祥摄", "Photo by Tang Zhongxiang") is None
    assert run("fuzzy", "唐忠祥摄", "", fuzzy=True) is None  # empty: that is untranslated, not fuzzy


@pytest.mark.parametrize(
    ("english", "bad"),
    [("Photo by Tang Zhongxiang", False), ("Photo by 唐忠祥", True), ("Qujiang 曲江 District", True),
     ("Café – naïve résumé", False)],
)  # fmt: skip
def test_han(english, bad):
    message = run("han", "唐忠祥摄", english)
    assert (message is not None) == bad
    if bad:
        assert any(ch in message for ch in "唐曲")


@pytest.mark.parametrize(
    ("english", "bad"),
    [("Workers are busy.", False), ("Workers are busy。", True), ("Workers, busy.", False),
     ("Workers，busy.", True), ("“Busy,” he said.", False), ("(Busy) workers…", False), ("《Busy》", True),
     ("Workers\u3000busy.", True)],
)  # fmt: skip
def test_cjk_punctuation(english, bad):
    assert (run("cjk-punctuation", "工人在忙碌。", english) is not None) == bad


@pytest.mark.parametrize(
    ("source", "english", "bad"),
    [("工人在忙碌。", "Workers are busy.", False),
     ("工人在忙碌。", "Workers are busy", True),
     ("工人在忙碌。", "Workers are busy!", True),
     ("请进！", "Come in!", False),
     ("请进！", "Come in.", False),  # English news tones an exclamation down
     ("请进！", "Come in?", True),
     ("真的吗？", "Really?", False),
     ("真的吗？！", "Really?!", False),
     ("真的吗？", "Really.", True),
     ("“体温正常,请进。”", "“Your temperature is normal, please come in.”", False),
     ("“体温正常,请进。”", "“Your temperature is normal, please come in”.", False),
     ("“体温正常,请进。”", "“Your temperature is normal, please come in”", True),
     ("最终累倒在工作岗位……", "until he collapsed at his post…", False),
     ("最终累倒在工作岗位……", "until he collapsed at his post...", False),
     ("最终累倒在工作岗位……", "until he collapsed at his post", True),
     ("精准施策", "Targeted measures", False),
     ("精准施策", "Targeted measures.", False),  # no role known: it may be a body sentence cut mid-way
     ("据介绍:", "According to the report.", False),  # a colon: the English may well end a sentence
     ("金光(韶关)食品有限公司", "Jinguang (Shaoguan) Food Co., Ltd.", False)],
)  # fmt: skip
def test_end_punctuation(source, english, bad):
    assert (run("end-punctuation", source, english) is not None) == bad


@pytest.mark.parametrize(
    ("source", "english", "bad"),
    [("各镇(街)", "every town (subdistrict)", False), ("各镇(街)", "every town (subdistrict", True),
     ("各镇(街)", "every town subdistrict)", True), ("各镇(街)", "every [town (subdistrict])", True),
     ("(党小组", "(Party groups", False)],
)  # fmt: skip
def test_brackets(source, english, bad):
    assert (run("brackets", source, english) is not None) == bad


@pytest.mark.parametrize(
    ("source", "english", "bad"),
    [("守好“南大门”", "guard the “south gate”", False), ("守好“南大门”", "guard the “south gate", True),
     ("守好“南大门”", 'guard the "south gate"', False), ("守好“南大门”", 'guard the "south gate', True),
     ("本报讯“我一直都想入党", "“I have always wanted to join", False),
     ("守好“南大门”", "guard Shaoguan’s south gate", False)],
)  # fmt: skip
def test_quotes(source, english, bad):
    assert (run("quotes", source, english) is not None) == bad


@pytest.mark.parametrize(
    ("english", "bad"),
    [("Workers are busy.", False), (" Workers are busy.", True), ("Workers are busy. ", True),
     ("Workers  are busy.", True), ("Workers\tare busy.", True)],
)  # fmt: skip
def test_whitespace(english, bad):
    assert (run("whitespace", "工人在忙碌。", english) is not None) == bad


def test_same_as_source():
    assert run("same-as-source", "工人在忙碌。", "工人在忙碌。") is not None
    assert run("same-as-source", "工人在忙碌。", "Workers are busy.") is None
    assert run("same-as-source", "LED", "LED") is None  # nothing Chinese to translate


@pytest.mark.parametrize(
    ("english", "bad"),
    [("Workers are very, very busy.", False), ("Workers are busy busy busy.", True),
     ("Workers are busy on the the line.", True), ("The line, the line, the line.", False),
     ("The line, the line, the line, the line, the line.", True),
     ("They set up checkpoints at the exits, set up checkpoints at the exits.", True),
     ("step by step, one by one, again and again", False), ("He had had enough.", False),
     ("Codes 1 1 2 3 5 8.", False)],
)  # fmt: skip
def test_repetition(english, bad):
    assert (run("repetition", "工人在忙碌。", english) is not None) == bad


def test_length_uses_the_catalogs_own_ratio():
    units = [Unit("曲江区各级党组织和广大党员闻令而动", "Party organizations at every level act on orders")] * 10
    median, spread = checks.length_stats(units)
    assert math.isclose(median, checks.length_ratio(units[0].source, units[0].translation))
    ctx = Context(length_median=median, length_spread=spread)
    source = "曲江区各级党组织和广大党员闻令而动逆行向前"
    assert run("length", source, "Party organizations at every level acted on orders and went ahead", ctx) is None
    assert "short" in run("length", source, "Party.", ctx)
    assert "long" in run("length", source, "Party organizations at every level acted on orders " * 6, ctx)
    assert run("length", "精准施策", "Targeted measures in every single corner of the district", ctx) is None  # short
    assert checks.length_stats(units[:3]) is None  # too few reviewed entries to know the usual


def test_glossary_terms_need_their_approved_english():
    terms = [Term("曲江区", "Qujiang District"), ("党支部", "Party branch", ""), ("网格员", "grid worker|grid officer")]
    gloss = Glossary.build(terms)
    ctx = Context(glossary=gloss)
    assert run("glossary", "曲江区成立了临时党支部", "Qujiang District set up temporary Party branches", ctx) is None
    message = run("glossary", "曲江区成立了临时党支部", "Qujiang set up temporary Party branches", ctx)
    assert "曲江区" in message and "Qujiang District" in message and "党支部" not in message
    assert run("glossary", "网格员进驻企业", "Grid officers were stationed in firms", ctx) is None
    assert run("glossary", "网格员进驻企业", "Staff were stationed in firms", ctx) is not None
    assert run("glossary", "网格员进驻企业", "Staff were stationed in firms", Context()) is None


# --- real-news phenomena (each sentence written for this test) ----------------------------------------------
@pytest.mark.parametrize(
    ("source", "english", "roles", "bad"),
    [("市场回暖", "Market recovers.", {"title"}, True),
     ("市场回暖", "Market recovers", {"title"}, False),
     ("本报记者 王芳", "By Wang Fang.", {"byline"}, True),
     ("记者在现场看到，工人们正在", "Our reporter saw workers at the site.", {"body"}, False),  # a row cut mid-way
     ("记者在现场看到，工人们正在", "Our reporter saw workers at the site.", set(), False),  # role unknown: no guess
     ("“我们会按时完工。”", "\"We will finish on time,\"", {"body"}, False),  # attribution follows: “…,” said X.
     ("他列出三条理由。", "He gave three reasons:", {"body"}, False),
     ("这不是巧合！", "This is no coincidence.", {"body"}, False),
     ("这是巧合吗？", "Is this a coincidence.", {"body"}, True)],
)  # fmt: skip
def test_end_punctuation_reads_the_paragraph_role(source, english, roles, bad):
    assert (run("end-punctuation", source, english, roles=frozenset(roles)) is not None) == bad


def test_roles_come_from_the_position_notes():
    from transflow.check.run import _roles

    notes = "caption, paragraph 2, sentence 1 of 2\nnames: 王芳 (person)\ntitle, paragraph 1"
    assert _roles(notes) == {"caption", "title"}
    assert _roles("names: 王芳 (person)") == frozenset() and _roles(None) == frozenset()


@pytest.mark.parametrize(
    ("source", "english", "bad"),
    [("他说：“这是我们的家。”", 'He said: "This is our home.', False),  # the quotation goes on in the next entry
     ("“我们很满意。”", 'We are very pleased," she said.', False),  # opened in an earlier entry
     ("校长说：“明年再建一栋楼。”", "“We will build one more next year,” the head said. “Then we rest.", False),
     ("球员的鞋子丢了。", 'The players" shoes and the coaches" bags were lost.', True),
     ("守好“北大门”", 'guard the "north gate', True)],
)  # fmt: skip
def test_quotations_spanning_entries_are_not_unbalanced(source, english, bad):
    assert (run("quotes", source, english) is not None) == bad


def test_a_straight_quote_for_an_apostrophe_is_named():
    assert "apostrophe" in run("quotes", "球员的鞋子丢了。", 'The players" shoes and the coaches" bags were lost.')


@pytest.mark.parametrize(
    ("english", "bad"),
    [('She shouted "help, help, help" and ran.', False),
     ("Growth was 6.5%, 6.5% and 6.7% in the three quarters.", False),
     ("Li Ming won. Li Ming said he was happy.", False),
     ("It rained in the valley in the valley all week.", True),
     ("The mayor said the the plan works.", True),
     ("The road was closed. was closed. was closed. was closed.", True),
     ("the new bridge, the new bridge, the new bridge, the new bridge, the new bridge", True)],
)  # fmt: skip
def test_deliberate_repetition_is_not_a_loop(english, bad):
    assert (run("repetition", "工人在忙碌。", english) is not None) == bad
