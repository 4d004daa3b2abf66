"""Glossary: CSV and TBX parsing, bad rows, jieba user dictionary, notes in the PO, term discovery."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from transflow.glossary.table import GlossaryTerm, find_terms, parse_csv, parse_tbx
from transflow.po.catalog import load_catalog
from transflow.project.errors import InputError

from conftest import REPO, snapshot

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <descrip type="definition">policy slogan of 2020</descrip>
   <langSec xml:lang="zh"><termSec><term>复工复产</term></termSec></langSec>
   <langSec xml:lang="en"><termSec><term>resumption of work and production</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>"""
TBX_V2 = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="t1"><note>checkpoint network</note>
  <langSet xml:lang="zh-CN"><tig><term>防疫检查站</term></tig></langSet>
  <langSet xml:lang="en-US"><ntig><termGrp><term>epidemic checkpoint</term></termGrp></ntig></langSet>
 </termEntry>
 <termEntry id="t2"><langSet xml:lang="zh"><tig><term>网格员</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>grid worker</term></tig></langSet></termEntry>
</body></text></martif>"""


def test_csv_parsing_and_bad_rows() -> None:
    terms = parse_csv('zh,en,note\n曲江区,Qujiang District,"a district, of Shaoguan"\n韶关,Shaoguan\n\n马坝,,\n')
    assert terms[0] == GlossaryTerm("曲江区", "Qujiang District", "a district, of Shaoguan")
    assert terms[1] == GlossaryTerm("韶关", "Shaoguan", "") and terms[2].en == ""
    with pytest.raises(InputError, match=r"g.csv:3: expected 2 or 3 columns"):
        parse_csv("zh,en,note\n韶关,Shaoguan\n一,two,three,four\n", "g.csv")
    with pytest.raises(InputError, match=r"g.csv:2: the Chinese term"):
        parse_csv("zh,en,note\n,Shaoguan\n", "g.csv")
    with pytest.raises(InputError, match=r"g.csv:3: 韶关 already has the English 'Shaoguan' \(line 2\)"):
        parse_csv("zh,en\n韶关,Shaoguan\n韶关,Shao Guan\n", "g.csv")


def test_tbx_both_versions() -> None:
    assert parse_tbx(TBX.encode(), "a.tbx") == [
        GlossaryTerm("复工复产", "resumption of work and production", "policy slogan of 2020")
    ]
    assert [(t.zh, t.en, t.note) for t in parse_tbx(TBX_V2.encode(), "b.tbx")] == [
        ("防疫检查站", "epidemic checkpoint", "checkpoint network"),
        ("网格员", "grid worker", ""),
    ]
    with pytest.raises(InputError, match="not well-formed"):
        parse_tbx(b"<martif><text>", "c.tbx")
    with pytest.raises(InputError, match="unsafe XML"):
        parse_tbx(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "d.tbx")


def test_find_terms_leftmost_longest_and_pending_terms() -> None:
    terms = [
        GlossaryTerm("疫情防控", "epidemic prevention and control"),
        GlossaryTerm("区疫情防控指挥部", "district headquarters"),
        GlossaryTerm("马坝", ""),
    ]
    found = find_terms("该区疫情防控指挥部说，疫情防控要做好，马坝也是。", terms)
    assert [t.zh for t in found] == ["区疫情防控指挥部", "疫情防控"]


def test_user_dictionary_keeps_terms_whole() -> None:
    code = (
        "import jieba; jieba.setLogLevel(60)\n"
        "from transflow.glossary.table import GlossaryTerm, use_as_user_dictionary\n"
        "s = '全区所有企业实现复工复产，联防联控'\n"
        "before = jieba.lcut(s)\n"
        "use_as_user_dictionary([GlossaryTerm('复工复产', 'x'), GlossaryTerm('联防联控', 'y')])\n"
        "after = jieba.lcut(s)\n"
        "assert '复工复产' not in before, before\n"
        "assert '复工复产' in after and '联防联控' in after, after\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_segment_notes_and_glossary_change_updates_notes_only(project: Path, cli) -> None:
    (project / "glossary.csv").write_text("zh,en,note\n曲江区,Qujiang District,district of Shaoguan\n", "utf-8")
    cli("segment")
    po_path = project / "locale/en/LC_MESSAGES/qujiang.po"
    po = load_catalog(po_path)
    title = po[0]
    assert "glossary: 曲江区 = Qujiang District (district of Shaoguan)" in title.comment
    assert "曲江区 (place)" not in title.comment  # not repeated as a bare name
    title.msgstr = "Qujiang District fights the epidemic"
    from transflow.po.catalog import save_catalog

    save_catalog(po, po_path)
    (project / "glossary.csv").write_text("zh,en,note\n曲江区,Qujiang District,\n复工,return to work,\n", "utf-8")
    cli("segment")
    after = load_catalog(po_path)
    assert after[0].msgstr == "Qujiang District fights the epidemic"
    assert "glossary: 曲江区 = Qujiang District" in after[0].comment and "(district" not in after[0].comment
    assert [e.msgid for e in after] == [e.msgid for e in po]
    assert [e.msgstr for e in after][1:] == [e.msgstr for e in po][1:]


def test_glossary_import_and_bad_file(project: Path, cli, tmp_path: Path) -> None:
    (project / "glossary.csv").write_text("zh,en,note\n网格员,grid worker,\n", "utf-8")
    tbx = tmp_path / "t.tbx"
    tbx.write_text(TBX_V2, "utf-8")
    result = cli("glossary", "import", str(tbx))
    assert result.exit_code == 0 and "1 term(s) added, 1 already present" in result.stderr
    assert (project / "glossary.csv").read_text("utf-8").splitlines()[
        -1
    ] == "防疫检查站,epidemic checkpoint,checkpoint network"
    (project / "glossary.csv").write_text("zh,en,note\n网格员,grid worker,\n坏行\n", "utf-8")
    before = snapshot(project)
    bad = cli("segment")
    assert bad.exit_code == 2 and "glossary.csv:3:" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert snapshot(project) == before


def test_terms_proposes_names_and_skips_noise(project: Path, cli) -> None:
    (project / "glossary.csv").write_text((REPO / "glossary.csv").read_text("utf-8"), "utf-8")
    result = cli("terms", "--top", "40")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    proposed = {r[0]: r[2] for r in rows}
    english = {r[0]: r[1] for r in rows}
    for name in ("廖英", "古志超", "陈桥辉", "周炳康", "罗海俊"):
        assert proposed.get(name) == "person"
    assert english["罗海俊"] == "Luo Haijun" and english["周炳康"] == "Zhou Bingkang"
    for noise in ("曲江区", "韶关", "宣传单", "张贴", "旗飘扬", "任常务"):
        assert noise not in proposed
    assert all(int(r[3]) >= 1 and r[0] in r[4] for r in rows)
    csv_out = cli("terms", "--top", "5", "--format", "csv").stdout
    glossary = project / "glossary.csv"
    glossary.write_text(glossary.read_text("utf-8") + csv_out, "utf-8")
    assert cli("segment").exit_code == 0  # appended proposals keep the glossary valid


DANXIA = """丹霞山迎来赏秋高峰
国庆假期，丹霞山景区每天接待游客超过两万人次。
“这几天每天早上6点就有人排队等着上山看日出。”景区工作人员黄美玲说。
丹霞山是世界自然遗产，也是韶关文旅的一张名片。
为了让游客玩得开心，文旅部门在丹霞山增开了接驳车。
丹霞山脚下的夏富村，村民开起了民宿。
作为粤北的南大门，仁化县把丹霞山当作发展旅游的龙头。
不少游客说，丹霞山的红色砂岩让人难忘。
下午，记者在丹霞山长老峰看到，上山的游客依然很多。
丹霞山管委会主任邓建伟表示，景区将继续做好服务。
"""


def test_terms_put_the_story_subject_first_and_leave_motion_and_metaphor_out(project: Path, cli) -> None:
    (project / "source" / "danxia.txt").write_text(DANXIA, "utf-8")
    result = cli("terms", "danxia", "--top", "30")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][:3] == ["丹霞山", "Danxia Mountain", "place"] and int(rows[0][3]) == 9
    proposed = {r[0]: (r[1], r[2]) for r in rows}
    assert proposed["黄美玲"] == ("Huang Meiling", "person")
    assert proposed["邓建伟"] == ("Deng Jianwei", "person")
    assert proposed["仁化县"] == ("Renhua County", "place")
    for noise in ("上山", "南大门", "文旅"):
        assert proposed.get(noise, ("", ""))[1] not in ("person", "place")
    csv_rows = cli("terms", "danxia", "--top", "3", "--format", "csv").stdout.splitlines()
    assert csv_rows[0].startswith('丹霞山,Danxia Mountain,"proposed place, 9x;')
