"""``transflow draft`` with a real (tiny, hand-wired) Argos package, the translation memory and interruptions."""
# ruff: noqa: F811 - pytest fixtures imported from argos_fixture are parameters by design

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from argos_fixture import argos_archive, argos_home, argos_prefixed_archive, installed_model  # noqa: F401
from transflow.draft.postedit import PUNCT, postedit
from transflow.draft.run import MARK, draft, empty_entries, is_machine_draft
from transflow.po.catalog import load_catalog, save_catalog
from transflow.project.config import load_config
from transflow.segment.run import segment

from conftest import assert_gettext_clean

REPO = Path(__file__).resolve().parent.parent
TITLE = "曲江区 防疫打好“主动仗” 复工下好“先手棋”"
CAPTION = "金光(韶关)食品有限公司工人在生产线上忙碌。"
CHINESE_MARKS = set("。，、；：！？“”‘’「」『』《》（）【】…\u3000")


def quick_segment(root: Path) -> None:
    """Segment without jieba's name notes (they play no part in drafting and cost seconds)."""
    segment(load_config(root), annotate=lambda sentence: [])


def po_path(root: Path, doc: str = "qujiang", lang: str = "en") -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / f"{doc}.po"


def live(path: Path) -> list[polib.POEntry]:
    return [e for e in load_catalog(path) if not e.obsolete]


def by_msgid(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in live(path)}


def test_draft_fills_every_empty_entry_with_a_marked_fuzzy_draft(cli, project, installed_model):
    quick_segment(project)
    result = cli("draft")
    assert result.exit_code == 0, result.stderr
    entries = live(po_path(project))
    n = len(entries)
    summary = f"draft: 0 from memory (0 close), {n} from the model (0 cached), 0 skipped (already translated)"
    assert result.stderr == summary + "; 1 file(s) written\n"
    got = {e.msgid: e for e in entries}
    assert got[TITLE].msgstr == 'Qujiang区 防疫打好 "主动仗" 复工下好 "先手棋"'
    assert got[CAPTION].msgstr == "金光 (Shaoguan) 食品有限公司工人在生产线上忙碌."
    for entry in entries:
        assert entry.msgstr and "fuzzy" in entry.flags and is_machine_draft(entry)
        assert entry.tcomment.startswith(f"{MARK} argos translate-zh_en-copy 1.0 (zh->en), 2026-01-01, h=")
        assert not CHINESE_MARKS & set(entry.msgstr) and "  " not in entry.msgstr
        assert not any("\uff01" <= ch <= "\uff5e" for ch in entry.msgstr)
        assert ("曲江" in entry.msgid) == ("Qujiang" in entry.msgstr) and "曲江" not in entry.msgstr
    assert_gettext_clean(po_path(project))


def test_rerun_changes_nothing_and_the_cache_makes_model_output_free(cli, project, installed_model):
    quick_segment(project)
    assert cli("draft").exit_code == 0
    path = po_path(project)
    first = path.read_bytes()
    again = cli("draft")
    assert again.exit_code == 0 and path.read_bytes() == first
    assert "0 from the model" in again.stderr and f"{len(live(path))} skipped" in again.stderr

    po = load_catalog(path)  # empty every entry again: the re-run is served from the cache
    for entry in po:
        entry.msgstr, entry.tcomment, entry.flags = "", "", []
    save_catalog(po, path)
    cfg = load_config(project)
    assert empty_entries(cfg) == len(live(path))
    report = draft(cfg)
    assert report.cached == report.from_model == len(live(path))
    assert path.read_bytes() == first


def test_people_come_first_and_redraft_replaces_only_untouched_drafts(cli, project, installed_model, tmp_path):
    quick_segment(project)
    path = po_path(project)
    po = load_catalog(path)
    typed, unsure = po[2], po[3]
    typed.msgstr = "Translated by a person."
    unsure.msgstr, unsure.flags = "A person's draft, not sure yet.", ["fuzzy"]
    save_catalog(po, path)
    assert cli("draft").exit_code == 0
    po = load_catalog(path)
    edited = po[5]
    edited.msgstr = edited.msgstr + " (edited by a person)"  # still fuzzy, comment kept: but no longer ours
    save_catalog(po, path)
    people = {e.msgid: (e.msgstr, e.tcomment, e.flags) for e in (po[2], po[3], po[5])}
    untouched_draft = po[6]

    tmx = tmp_path / "archive.tmx"  # exact memory matches for all four sentences
    units = "".join(
        f'<tu><tuv xml:lang="zh-CN"><seg>{e.msgid}</seg></tuv>'
        f'<tuv xml:lang="en-US"><seg>From the archive {i}.</seg></tuv></tu>'
        for i, e in enumerate((po[2], po[3], po[5], po[6]))
    )
    tmx.write_text(
        f'<?xml version="1.0"?><tmx version="1.4"><header srclang="zh-CN"/><body>{units}</body></tmx>', "utf-8"
    )
    imported = cli("memory", "import", str(tmx))
    assert imported.exit_code == 0 and "4 translation unit(s) imported" in imported.stderr

    plain = cli("draft")
    assert plain.exit_code == 0 and "0 file(s) written" in plain.stderr
    redo = cli("draft", "--redraft")
    assert redo.exit_code == 0 and "1 from memory" in redo.stderr
    after = by_msgid(path)
    for msgid, state in people.items():
        assert (after[msgid].msgstr, after[msgid].tcomment, after[msgid].flags) == state
    replaced = after[untouched_draft.msgid]
    assert replaced.msgstr == "From the archive 3."
    assert replaced.tcomment.startswith(f"{MARK} memory exact 100% (tmx:archive.tmx), 2026-01-01, h=")
    assert replaced.flags == ["fuzzy"] and is_machine_draft(replaced)
    assert_gettext_clean(path)


def test_memory_exact_and_close_matches_from_reviewed_catalogs(cli, project):
    variant = CAPTION.replace("忙碌", "工作")
    (project / "source" / "older.txt").write_text(f"{TITLE}\n{variant}\n", "utf-8")
    quick_segment(project)
    older = po_path(project, "older")
    po = load_catalog(older)
    for entry in po:
        entry.msgstr = {TITLE: "Qujiang fights the epidemic", variant: "Workers at the Jinguang food plant."}[
            entry.msgid
        ]
    po[0].flags = []
    save_catalog(po, older)

    result = cli("draft", "qujiang", "--engine", "memory")  # no model installed: memory only
    assert result.exit_code == 0, result.stderr
    n = len(live(po_path(project)))
    assert result.stderr.startswith("draft: 2 from memory (1 close), 0 from the model (0 cached), 0 skipped")
    assert f"{n - 2} left empty (no memory match)" in result.stderr
    got = by_msgid(po_path(project))
    assert got[TITLE].msgstr == "Qujiang fights the epidemic"
    assert got[TITLE].tcomment.startswith(f"{MARK} memory exact 100% (catalog:en/older)")
    score = int(fuzz.ratio(CAPTION, variant) + 1e-9)  # character similarity (Indel), as the comment shows it
    assert score >= 75
    assert got[CAPTION].msgstr == "Workers at the Jinguang food plant."
    assert got[CAPTION].tcomment.startswith(f"{MARK} memory close {score}% (catalog:en/older)")
    assert all("fuzzy" in got[m].flags for m in (TITLE, CAPTION))
    assert sum(1 for e in got.values() if not e.msgstr) == n - 2
    assert_gettext_clean(po_path(project))
    assert (project / ".transflow" / "memory.sqlite").is_file()


def test_bad_tmx_and_missing_model(cli, project, argos_home, tmp_path):
    quick_segment(project)
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", "utf-8")
    result = cli("memory", "import", str(bad))
    assert result.exit_code == 2 and "bad.tmx:1:" in result.stderr and "not well-formed TMX" in result.stderr
    before = po_path(project).read_bytes()
    nomodel = cli("draft")
    assert nomodel.exit_code == 2
    assert "no Argos model for zh->en" in nomodel.stderr and "transflow models install zh en" in nomodel.stderr
    assert po_path(project).read_bytes() == before
    report = draft(load_config(project), skip_missing=True)  # what `transflow run` does: no model, no error
    assert report.missing == ["en"] and report.unmatched == len(live(po_path(project))) and report.from_model == 0
    assert po_path(project).read_bytes() == before


def test_target_prefix_is_given_to_the_decoder_and_dropped(cli, project, argos_home, argos_prefixed_archive):
    assert cli("models", "install", str(argos_prefixed_archive)).exit_code == 0
    quick_segment(project)
    assert cli("draft").exit_code == 0
    got = by_msgid(po_path(project))
    assert got[TITLE].msgstr == 'Qujiang区 防疫打好 "主动仗" 复工下好 "先手棋"'
    assert got[CAPTION].msgstr == "金光 (Shaoguan) 食品有限公司工人在生产线上忙碌."
    assert not any("__en__" in e.msgstr for e in got.values())


def test_options_beam_and_device(cli, project, installed_model):
    import ctranslate2

    quick_segment(project)
    for bad in (["--device", "tpu"], ["--beam", "0"], ["--engine", "deepl"]):
        result = cli("draft", *bad)
        assert result.exit_code == 2 and bad[0] in result.stderr
    if not ctranslate2.get_cuda_device_count():
        result = cli("draft", "--device", "cuda")
        assert result.exit_code == 2 and "CTranslate2 sees no CUDA device" in result.stderr
    beam = cli("draft", "--beam", "3")
    assert beam.exit_code == 0 and "(0 cached)" in beam.stderr
    assert by_msgid(po_path(project))[TITLE].msgstr == 'Qujiang区 防疫打好 "主动仗" 复工下好 "先手棋"'


def test_a_save_during_drafting_is_never_overwritten(project, installed_model):
    quick_segment(project)
    cfg = load_config(project)
    path = po_path(project)
    seen: dict[str, str] = {}

    def translator_saves(done: int, total: int) -> None:
        if done == 8 and not seen:  # two batches are on disk; a translator saves in Poedit now
            po = load_catalog(path)
            empty = [e for e in po if not e.msgstr and not e.obsolete]
            drafted = [e for e in po if e.msgstr]
            assert len(drafted) >= 8 and empty
            empty[-1].msgstr = "Typed while the drafts were coming in."
            drafted[0].msgstr, drafted[0].flags = "Checked and corrected.", []
            save_catalog(po, path)
            seen.update(typed=empty[-1].msgid, confirmed=drafted[0].msgid)

    report = draft(cfg, chunk=4, progress=translator_saves)
    got = by_msgid(path)
    assert got[seen["typed"]].msgstr == "Typed while the drafts were coming in."
    assert got[seen["typed"]].flags == [] and not got[seen["typed"]].tcomment
    assert got[seen["confirmed"]].msgstr == "Checked and corrected." and got[seen["confirmed"]].flags == []
    others = [e for m, e in got.items() if m not in seen.values()]
    assert all(is_machine_draft(e) for e in others)
    assert report.conflicts == 1
    assert_gettext_clean(path)


INTERRUPTIBLE = """
import sys
from pathlib import Path
from transflow.project.config import load_config
from transflow.draft.run import draft

def progress(done, total):
    print("progress", done, total, flush=True)

report = draft(load_config(Path(sys.argv[1])), chunk=4, progress=progress)
print(report.summary(), flush=True)
sys.exit(130 if report.interrupted else 0)
"""


def test_ctrl_c_keeps_finished_drafts_and_leaves_valid_catalogs(project, installed_model):
    sys.path.insert(0, str(REPO / "bench"))
    from corpus import make_corpus

    make_corpus(project, count=20, seed=1)
    quick_segment(project)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTIBLE, str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    done = 0
    for line in proc.stdout:
        if line.startswith("progress"):
            done, total = map(int, line.split()[1:])
            if done >= 12:
                proc.send_signal(signal.SIGINT)
                break
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted; finished drafts kept" in out
    catalogs = sorted((project / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
    drafted = total_entries = 0
    for path in catalogs:
        assert_gettext_clean(path)
        for entry in live(path):
            total_entries += 1
            if entry.msgstr:
                assert is_machine_draft(entry)
                drafted += 1
    assert 12 <= drafted < total_entries and done < total
    report = draft(load_config(project))  # a second run does only the rest
    assert report.skipped == drafted and report.from_model == total_entries - drafted
    assert all(e.msgstr for path in catalogs for e in live(path))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("ab1 .,\"'") + ["。", "，", "！", "？", "“", "”", "（", "）", "：", "　", "Ａ", "……"])
    ).map("".join)
)
def test_postedit_leaves_no_chinese_punctuation_and_is_stable(text):
    once = postedit(text)
    assert not any(ch in PUNCT for ch in once) and not any("\uff01" <= ch <= "\uff5e" for ch in once)
    assert once == once.strip() and "  " not in once
    assert postedit(once) == once


def test_postedit_examples():
    assert postedit("他说：“走吧！”然后离开了。") == '他说: "走吧!" 然后离开了.'
    assert postedit("GDP grew 3.5%，up from 1,000 at 10:30。") == "GDP grew 3.5%, up from 1,000 at 10:30."
    assert postedit("（Xinhua）Qujiang，Shaoguan、and  more……") == "(Xinhua) Qujiang, Shaoguan, and more..."
    assert postedit("The U.S. said ＯＫ？") == "The U.S. said OK?"


def test_draft_notes_an_approved_rendering_it_does_not_use(cli, project, installed_model):
    (project / "glossary.csv").write_text(
        "zh,en,note\n韶关,Shaoguan,\n复工,return to work,\n主动仗,proactive battle,\n", "utf-8"
    )
    quick_segment(project)
    assert cli("draft").exit_code == 0
    caption = by_msgid(po_path(project))[CAPTION]
    assert "Shaoguan" in caption.msgstr and "transflow glossary:" not in caption.tcomment
    title = by_msgid(po_path(project))[TITLE]
    lines = title.tcomment.split("\n")
    # the copy model renders 韶关 as Shaoguan (no note) but leaves 复工 and 主动仗 in Chinese
    assert lines[1:] == [
        "transflow glossary: use 主动仗 = proactive battle (approved; the draft does not)",
        "transflow glossary: use 复工 = return to work (approved; the draft does not)",
    ]
    assert is_machine_draft(title)
    assert cli("draft", "--redraft").exit_code == 0  # our lines are replaced, not piled up
    assert by_msgid(po_path(project))[TITLE].tcomment.count("transflow glossary:") == 2
    assert_gettext_clean(po_path(project))


def test_draft_notes_a_name_it_does_not_spell(cli, project, installed_model):
    (project / "glossary.csv").write_text("zh,en,note\n", "utf-8")
    quick_segment(project)
    assert cli("draft").exit_code == 0
    entries = by_msgid(po_path(project))
    secretary = next(e for msgid, e in entries.items() if "罗海俊" in msgid)
    # the copy model leaves the Chinese in place, so the romanized name is missing from its draft
    assert "transflow names: the draft does not spell" in secretary.tcomment
    assert "罗海俊 = Luo Haijun" in secretary.tcomment
    assert cli("draft", "--redraft").exit_code == 0  # replaced on a redraft, not piled up
    again = next(e for msgid, e in by_msgid(po_path(project)).items() if "罗海俊" in msgid)
    assert again.tcomment.count("transflow names:") == 1
    assert_gettext_clean(po_path(project))
