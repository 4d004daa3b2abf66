"""The translation memory, one suite for both backends: the embedded SQLite file and a real PostgreSQL server.

PostgreSQL tests start a private server (tests/pg_server.py). Without PostgreSQL they are skipped, unless
``TRANSFLOW_REQUIRE_POSTGRES=1`` (CI) makes that a failure.
"""
# ruff: noqa: F811 - pytest fixtures imported from argos_fixture are parameters by design

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from argos_fixture import argos_archive, argos_home, installed_model  # noqa: F401
from memory_data import exhaustive, sentences, spread_edits, tmx
from transflow.draft.fuzzy import batch_gram_keys, gram_keys, length_band, min_shared, score
from transflow.draft.memory import open_memory
from transflow.project.config import load_config

from conftest import PG_DB

REPO = Path(__file__).resolve().parent.parent

# -- the count filter, on its own ----------------------------------------------------------------------------


@given(st.text("发展中国家的经济", min_size=1, max_size=30), st.text("发展中国家的经济", min_size=1, max_size=30))
def test_property_every_unit_above_the_threshold_passes_the_count_filter(a, b):
    for minimum in (70, 75, 90):
        value = score(a, b, minimum)
        assert (value is not None) == (fuzz.ratio(a, b) >= minimum - 1e-9)
        if value is None:
            continue
        assert value == pytest.approx(fuzz.ratio(a, b) / 100)
        low, high = length_band(len(a), minimum)
        assert low <= len(b) <= high
        shared = len(set(gram_keys(a)) & set(gram_keys(b)))
        assert shared >= min_shared(len(a), minimum)


@given(st.lists(st.text("中国发展ab", max_size=25), max_size=12), st.integers(1, 1 << 20))
def test_property_batch_keys_are_each_sentences_keys_grouped(texts, first):
    keys, ids = batch_gram_keys(texts, first)
    per_unit: dict[int, set[int]] = {}
    for key, unit in zip(keys.tolist(), ids.tolist()):
        per_unit.setdefault(unit, set()).add(key)
    assert len(keys) == sum(max(len(t) - 1, 0) for t in texts)  # each key once per sentence
    assert all(per_unit.get(first + i, set()) == set(gram_keys(t)) for i, t in enumerate(texts))
    runs = [k for i, k in enumerate(keys.tolist()) if i == 0 or k != keys[i - 1]]
    assert len(runs) == len(set(runs))  # equal keys adjacent: one posting list each


def test_the_lemma_is_tight_enough_to_prune():
    # a 50-character query: a unit needs 9 shared bigrams at 75% (the worst case: 30 characters, all in the query,
    # 3·30 - 80 - 1 = 9) and 31 at 90%
    assert (min_shared(50, 75), min_shared(50, 90), length_band(50, 75)) == (9, 31, (30, 83))
    assert min_shared(1, 75) <= 0  # one character: nothing to count, the caller scans the band


# -- both backends ----------------------------------------------------------------------------------------------


class Backend(str):
    """The backend's name, and how to empty it (as if on a new machine)."""

    reset: object


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, project):
    """The project, pointed at an empty memory of each kind (PostgreSQL through ``transflow.toml``)."""
    chosen = Backend(request.param)
    if request.param == "postgresql":
        server = request.getfixturevalue("pg")

        def reset():
            server.admin("DROP TABLE IF EXISTS units, origins, mt, schema_version CASCADE", db=PG_DB)

        (project / "transflow.toml").write_text(f'memory = "{server.url(PG_DB)}"\n', "utf-8")
    else:

        def reset():
            for path in (project / ".transflow").glob("memory.sqlite*"):
                path.unlink()

    reset()
    chosen.reset = reset
    return chosen


def stats(cli) -> dict:
    result = cli("memory", "stats", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_fuzzy_search_returns_what_an_exhaustive_scan_returns(backend, project):
    stored = sentences(400, seed=1)
    rows = [(s, f"English {i}", f"tmx:part{i % 3}.tmx") for i, s in enumerate(stored)]
    rng = random.Random(2)
    queries = [spread_edits(rng.choice(stored), rng.choice((5, 6, 8, 12)), rng) for _ in range(60)]
    queries += ["一句与记忆库毫无关系的话", "天气", rng.choice(stored)]
    with open_memory(load_config(project)) as memory:
        for start in range(0, len(rows), 12):  # many small writes: the SQLite index merges its segments
            memory.add_pairs(rows[start : start + 12], "zh", "en")
        # one origin replaced: its old units leave (their index entries go stale), new ones come in
        redone = [(s, f"Revised {i}") for i, (s, _, o) in enumerate(rows) if o == "tmx:part0.tmx" and i % 2]
        memory.replace_origin("tmx:part0.tmx", "v2", "zh", {"en": redone})
        rows = [r for r in rows if r[2] != "tmx:part0.tmx"] + [(s, t, "tmx:part0.tmx") for s, t in redone]
        got = memory.search(queries, "zh-CN", "en_US", 75, 3)
    close = 0
    for query, found in zip(queries, got):
        assert found == exhaustive(query, rows, 75, 3), query
        close += bool(found) and found[0].score < 0.9
    assert close >= 20  # the edits really were spread and the matches really were fuzzy


def test_lookup_command_text_json_and_file(backend, project, cli, tmp_path):
    pairs = [("区政府召开防汛工作会议，部署近期防汛工作。", "The district held a flood-control meeting.")]
    pairs.append(("区政府召开防汛工作会议。", "The district held a meeting."))
    assert cli("memory", "import", str(tmx(tmp_path / "old.tmx", pairs))).exit_code == 0
    query = "区政府召开防汛工作会议，安排近期防汛工作。"
    text = cli("memory", "lookup", query)
    assert text.exit_code == 0, text.stderr
    assert text.stdout.splitlines()[0].endswith("The district held a flood-control meeting.  (tmx:old.tmx)")
    as_json = json.loads(cli("memory", "lookup", query, "--format", "json", "--limit", "1").stdout)
    expected = int(fuzz.ratio(query, pairs[0][0]) + 1e-9)
    assert as_json["matches"] == [
        {"score": expected, "target": pairs[0][1], "origin": "tmx:old.tmx", "source": pairs[0][0]}
    ]
    listing = tmp_path / "queries.txt"
    listing.write_text(f"{query}\n今天天气很好\n{pairs[1][0]}\n", "utf-8")
    found = cli("memory", "lookup", "--file", str(listing), "--min", "70")
    lines = [json.loads(line) for line in found.stdout.splitlines()]
    assert [len(r["matches"]) for r in lines] == [2, 0, 2]
    exact = {"score": 100, "target": pairs[1][1], "origin": "tmx:old.tmx", "source": pairs[1][0]}
    assert lines[2]["matches"][0] == exact
    assert cli("memory", "lookup", query, "--min", "0").exit_code == 2


def test_import_export_round_trip_and_translate_toolkit(backend, project, cli, tmp_path):
    from translate.storage import tmx as toolkit

    pairs = [(s, f"Sentence <{i}> & co.") for i, s in enumerate(sentences(30, seed=3))]
    assert cli("memory", "import", str(tmx(tmp_path / "a.tmx", pairs))).exit_code == 0
    out = tmp_path / "backup.tmx"
    exported = cli("memory", "export", str(out))
    assert exported.exit_code == 0 and "30 translation unit(s) exported" in exported.stderr
    store = toolkit.tmxfile(out.read_bytes())
    assert sorted((u.source, u.target) for u in store.units) == sorted(pairs)
    assert stats(cli)["pairs"] == {"zh-en": 30}
    assert cli("memory", "import", str(out)).exit_code == 0  # the same units again: updated, not doubled
    assert stats(cli)["units"] == 30
    backend.reset()  # restore the backup on an empty memory
    assert stats(cli)["units"] == 0 and cli("memory", "import", str(out)).exit_code == 0
    again = tmp_path / "again.tmx"
    cli("memory", "export", str(again))
    assert again.read_bytes() == out.read_bytes()  # origins came back too (tmx:a.tmx, not tmx:backup.tmx)


def test_stats_and_broken_import_writes_nothing(backend, project, cli, tmp_path):
    empty = stats(cli)
    assert empty == {**empty, "backend": backend, "units": 0, "pairs": {}, "mt": 0}
    pairs = [(s, "x") for s in sentences(50, seed=4)]
    broken = cli("memory", "import", str(tmx(tmp_path / "cut.tmx", pairs, broken=True)))
    assert broken.exit_code == 2 and "not well-formed TMX" in broken.stderr
    assert stats(cli)["units"] == 0  # all or nothing: the 50 good units before the damage are not kept
    cli("memory", "import", str(tmx(tmp_path / "good.tmx", pairs)))
    with open_memory(load_config(project)) as memory:
        memory.store("argos-test", {"你好": "Hello"})
        memory.add_pairs([("你好", "Hi", "aligned:demo")], "zh", "de")
    got = stats(cli)
    assert (got["units"], got["pairs"], got["mt"]) == (51, {"zh-de": 1, "zh-en": 50}, 1)
    assert got["size_bytes"] > 0 and "s3cret" not in json.dumps(got)


def test_two_processes_importing_at_once_lose_nothing(backend, project, tmp_path):
    everything = sentences(2400, seed=5)
    files = [tmx(tmp_path / f"batch{i}.tmx", [(s, f"t{i}") for s in everything[i::2]]) for i in range(2)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "transflow.cli", "-C", str(project), "memory", "import", str(f)],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for f in files
    ]
    lookups = subprocess.run(
        [sys.executable, "-m", "transflow.cli", "-C", str(project), "memory", "lookup", everything[0]],
        capture_output=True,
        text=True,
        env=env,
    )
    errors = [proc.communicate()[1] for proc in runs]
    assert [proc.returncode for proc in runs] == [0, 0], errors
    assert lookups.returncode == 0 and "locked" not in lookups.stderr
    with open_memory(load_config(project)) as memory:
        assert memory.stats()["units"] == len(everything)
        assert [m[0].target for m in memory.search(everything[:2], "zh", "en")] == ["t0", "t1"]


# -- PostgreSQL faults ------------------------------------------------------------------------------------------


def test_unreachable_server_wrong_password_and_no_pg_trgm(pg, project, cli, tmp_path, monkeypatch):
    pairs = tmx(tmp_path / "a.tmx", [("测试句子", "A test")])
    down = f"postgresql://translator:{'s3cret-pw'}@127.0.0.1:1/tm"
    pg.admin("CREATE DATABASE locked_down OWNER postgres")  # the translator may connect, not create pg_trgm
    cases = {
        down: "postgresql://translator@127.0.0.1:1/tm: cannot open the PostgreSQL memory",
        pg.url(PG_DB, "wrong-password"): "password authentication failed",
        pg.url("locked_down"): "cannot set up the memory",
    }
    for url, says in cases.items():
        monkeypatch.setenv("TRANSFLOW_MEMORY", url)  # the environment wins over transflow.toml
        for args in (["memory", "import", str(pairs)], ["memory", "stats"], ["memory", "lookup", "测试"]):
            result = cli(*args)
            assert result.exit_code == 2 and says in result.stderr, (args, result.stderr)
            assert len(result.stderr.strip().splitlines()) == 1
            assert "s3cret" not in result.stderr and "wrong-password" not in result.stderr
    assert pg.admin("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", db="locked_down") == "0"


def test_model_drafts_without_an_unreachable_memory(pg, project, cli, installed_model, monkeypatch):
    from transflow.segment.run import segment

    segment(load_config(project), annotate=lambda sentence: [])
    monkeypatch.setenv("TRANSFLOW_MEMORY", "postgresql://translator:s3cret-pw@127.0.0.1:1/tm")
    only_memory = cli("draft", "--engine", "memory")
    assert only_memory.exit_code == 2 and "127.0.0.1:1/tm" in only_memory.stderr
    with_model = cli("draft")
    assert with_model.exit_code == 0, with_model.stderr
    assert "1 file(s) written (without the memory: postgresql://translator@127.0.0.1:1/tm" in with_model.stderr
    assert "s3cret" not in with_model.stderr + only_memory.stderr


def test_a_memory_from_before_the_index_is_carried_over(project):
    import sqlite3

    path = project / ".transflow" / "memory.sqlite"
    path.parent.mkdir()
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE units (src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL, source TEXT NOT NULL, "
        "target TEXT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (src_lang, tgt_lang, source, origin))"
    )
    row = ("zh", "en", "港口货物吞吐量再创新高", "Port throughput hit a record", "tmx:a")
    old.execute("INSERT INTO units VALUES (?, ?, ?, ?, ?)", row)
    old.commit()
    old.close()
    with open_memory(load_config(project)) as memory:
        [found] = memory.search(["港口货物吞吐量再创历史新高"], "zh", "en")
    assert found[0].target == "Port throughput hit a record" and found[0].origin == "tmx:a"
