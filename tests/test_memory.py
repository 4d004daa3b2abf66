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
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from argos_fixture import argos_archive, argos_home, installed_model  # noqa: F401
from pg_server import postgres_server
from transflow.draft.fuzzy import Match, batch_gram_keys, gram_keys, length_band, min_shared, score, sort_key
from transflow.draft.memory import open_memory
from transflow.project.config import load_config

REPO = Path(__file__).resolve().parent.parent
PG_DB = "tm"

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


@pytest.fixture(scope="session")
def pg():
    try:
        with postgres_server() as server:
            server.admin(f"CREATE DATABASE {PG_DB} OWNER translator")
            yield server
    except RuntimeError as exc:
        if os.environ.get("TRANSFLOW_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL required (TRANSFLOW_REQUIRE_POSTGRES=1) but {exc}")
        pytest.skip(str(exc))


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


def tmx(path: Path, pairs: list[tuple[str, str]], broken: bool = False) -> Path:
    units = "".join(
        f'<tu><tuv xml:lang="zh-CN"><seg>{escape(s)}</seg></tuv>'
        f'<tuv xml:lang="en-US"><seg>{escape(t)}</seg></tuv></tu>\n'
        for s, t in pairs
    )
    end = "<tu><tuv>" if broken else "</body></tmx>"
    path.write_text(f'<?xml version="1.0"?><tmx version="1.4"><header srclang="zh-CN"/><body>\n{units}{end}', "utf-8")
    return path


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


# -- PostgreSQL: the two plans and the trigram threshold ----------------------------------------------------------


@pytest.fixture(scope="module")
def pg_memory(pg):
    """A PostgreSQL memory of our recombined sentences plus a few short ones, with planner statistics."""
    from transflow.draft.store_pg import PgMemory

    pg.admin("DROP DATABASE IF EXISTS tm_plans")
    pg.admin("CREATE DATABASE tm_plans OWNER translator")
    stored = sentences(300, seed=5) + ["天气转晴", "明天多云", "港口吞吐量创新高"]
    rows = [(s, f"English {i}", "tmx:plans.tmx") for i, s in enumerate(stored)]
    with PgMemory(pg.url("tm_plans")) as memory:
        memory.add_pairs(rows, "zh", "en")
        memory.conn.execute("ANALYZE units")
        yield memory, rows


def test_pg_wide_and_narrow_length_bands_find_the_exhaustive_best(pg_memory, monkeypatch):
    from transflow.draft import store_pg

    memory, rows = pg_memory
    rng = random.Random(9)
    queries = [spread_edits(rng.choice(rows)[0], rng.choice((4, 5, 7)), rng) for _ in range(40)]
    queries += ["天气转阴", "港口吞吐量创下新高", "一句与记忆库毫无关系的话"]
    for share in (0.0, 1.0):  # every band wide (fenced trigram scan), then every band narrow (ANDed with length)
        monkeypatch.setattr(store_pg, "WIDE_SHARE", share)
        got = memory.search(queries, "zh", "en", 75, 2)
        assert got == [exhaustive(q, rows, 75, 2) for q in queries], share
    assert sum(bool(found) for found in got) >= 30


def test_pg_a_wide_band_never_reads_the_length_index(pg_memory):
    from transflow.draft.store_pg import FUZZY, WIDE, WIDE_SHARE

    memory, rows = pg_memory
    # the planner's estimates: every length is in (1, 1000), none in (5000, 6000)
    assert memory.band_share(("zh", "en"), (1, 1000)) > WIDE_SHARE > memory.band_share(("zh", "en"), (5000, 6000))
    with memory.transaction():
        memory.conn.execute("SET LOCAL enable_seqscan = off")  # as on a large memory: indexes look cheap
        plan = memory.conn.execute("EXPLAIN " + FUZZY.format(WIDE), (["天气转阴"], [3], [6], "zh", "en")).fetchall()
    text = "\n".join(line for (line,) in plan)
    assert "units_trgm" in text and "units_len" not in text, text


@given(st.data())
def test_pg_property_edits_four_apart_keep_the_best_match(pg_memory, data):
    """Edits (a changed, a missing or an extra character) at least four characters apart that keep a sentence
    at >= 75% leave it enough shared trigrams (the bound in store_pg's docstring): the memory still finds the
    exhaustive scan's best match."""
    from hypothesis import assume

    memory, rows = pg_memory
    chars = list(data.draw(st.sampled_from(rows))[0])
    out, at = [], data.draw(st.integers(0, 3))
    for i, char in enumerate(chars):
        if i == at:
            kind = data.draw(st.sampled_from("sdi"))
            new = data.draw(st.sampled_from(REPLACEMENTS))
            out += {"s": [new], "d": [], "i": [new, char]}[kind]
            at += data.draw(st.integers(4, 9))
        else:
            out.append(char)
    query = "".join(out)
    assume(fuzz.ratio(query, "".join(chars)) >= 75)
    [found] = memory.search([query], "zh", "en")
    assert found == exhaustive(query, rows, 75, 1)


def test_pg_big_import_merges_the_gin_pending_list_and_keeps_session_settings(pg, monkeypatch):
    from transflow.draft import store_pg

    monkeypatch.setattr(store_pg, "BATCH", 40)  # "big" from 40 rows on, so that the test stays small
    pg.admin("DROP DATABASE IF EXISTS tm_bulk")
    pg.admin("CREATE DATABASE tm_bulk OWNER translator")
    stored = sentences(150, seed=11)
    with store_pg.PgMemory(pg.url("tm_bulk")) as memory:
        (work_mem,) = memory.conn.execute("SHOW work_mem").fetchone()
        earlier = [(s, "Earlier", "tmx:earlier.tmx") for s in sentences(100, seed=12)]
        memory.add_pairs(earlier, "zh", "en")  # 150 rows beside 100: not ten times, so no index rebuild
        oids = index_oids(memory)
        rows = [(s, f"E{i}", "tmx:bulk.tmx") for i, s in enumerate(stored)]
        assert memory.add_pairs(rows, "zh", "en") == len(rows) > 3 * store_pg.BATCH
        assert index_oids(memory) == oids
        # the import merged its pending list into the index itself: nothing is left for readers to scan
        assert memory.conn.execute("SELECT gin_clean_pending_list('units_trgm'::regclass)").fetchone() == (0,)
        assert memory.conn.execute("SHOW work_mem").fetchone() == (work_mem,)  # SET LOCAL ended with the import
        query = spread_edits(stored[7], 6, random.Random(3))
        assert memory.search([query], "zh", "en") == [exhaustive(query, earlier + rows, 75, 1)]


def index_oids(memory) -> dict[str, int]:
    found = memory.conn.execute("SELECT indexrelid::regclass::text, indexrelid::int FROM pg_index")
    return {name: oid for name, oid in found if name.startswith("units_")}


@pytest.fixture
def pg_pair(pg, monkeypatch):
    """Two empty PostgreSQL memories, and imports that count as big from 40 rows on (the test stays small)."""
    from transflow.draft import store_pg

    monkeypatch.setattr(store_pg, "BATCH", 40)
    for db in ("tm_rebuilt", "tm_kept"):
        pg.admin(f"DROP DATABASE IF EXISTS {db}")
        pg.admin(f"CREATE DATABASE {db} OWNER translator")
    with store_pg.PgMemory(pg.url("tm_rebuilt")) as rebuilt, store_pg.PgMemory(pg.url("tm_kept")) as kept:
        yield rebuilt, kept


def test_pg_big_import_into_an_empty_memory_rebuilds_indexes_with_the_same_results(pg, pg_pair):
    """The rebuild path and the row-by-row path (taken when another session holds the table) store the same
    units and answer lookups alike; afterwards every index is there again."""
    import psycopg

    rebuilt, kept = pg_pair
    stored = sentences(260, seed=21)
    rows = [(s, f"Line {i}", f"tmx:set{i % 2}.tmx") for i, s in enumerate(stored)]
    rows += [(stored[3], "Line again", "tmx:set1.tmx")]  # the same source and origin twice: the last one wins
    before = {name: (index_oids(rebuilt)[name], index_oids(kept)[name]) for name in index_oids(rebuilt)}
    with psycopg.connect(pg.url("tm_kept"), autocommit=True) as reader, reader.transaction():
        reader.execute("SELECT count(*) FROM units")  # a lookup under way: the import may not lock it out
        assert kept.add_pairs(rows, "zh", "en") == len(rows)
    assert rebuilt.add_pairs(rows, "zh", "en") == len(rows)
    after_rebuilt, after_kept = index_oids(rebuilt), index_oids(kept)
    assert set(after_rebuilt) == set(after_kept) == set(before)  # units_trgm, units_source, units_len, ...
    assert {n for n in before if after_rebuilt[n] != before[n][0]} == {"units_trgm", "units_source", "units_len"}
    assert all(after_kept[n] == before[n][1] for n in before)  # not rebuilt: the reader held the table
    assert list(rebuilt.units()) == list(kept.units())
    rng = random.Random(22)
    queries = [spread_edits(rng.choice(stored), rng.choice((5, 7)), rng) for _ in range(25)] + [stored[3]]
    assert rebuilt.search(queries, "zh", "en", 75, 2) == kept.search(queries, "zh", "en", 75, 2)
    assert rebuilt.search([stored[3]], "zh", "en")[0][0].target == "Line again"
    assert rebuilt.conn.execute("SHOW maintenance_work_mem").fetchone() != ("256MB",)  # SET LOCAL ended


def test_pg_import_failing_after_the_indexes_were_dropped_leaves_memory_as_it_was(pg, pg_pair, project, cli):
    rebuilt, _ = pg_pair
    first = [(s, f"Old {i}", "tmx:first.tmx") for i, s in enumerate(sentences(20, seed=31))]
    rebuilt.add_pairs(first, "zh", "en")  # 20 rows: small, not big
    oids, units = index_oids(rebuilt), list(rebuilt.units())
    (project / "transflow.toml").write_text(f'memory = "{pg.url("tm_rebuilt")}"\n', "utf-8")
    pairs = [(s, "New") for s in sentences(400, seed=32)]  # 10 x 20 rows reached at row 200: indexes dropped
    result = cli("memory", "import", str(tmx(project / "late.tmx", pairs, broken=True)))
    assert result.exit_code == 2 and "not well-formed TMX" in result.stderr
    assert index_oids(rebuilt) == oids and list(rebuilt.units()) == units
    assert rebuilt.search([first[4][0]], "zh", "en")[0][0].target == "Old 4"
