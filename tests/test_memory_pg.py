"""The PostgreSQL memory on its own: its two query plans, the trigram threshold, and big imports.

These share the private server the conftest starts (``pg``); without PostgreSQL they are skipped, unless
``TRANSFLOW_REQUIRE_POSTGRES=1`` (CI) makes that a failure.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from memory_data import REPLACEMENTS, exhaustive, sentences, spread_edits, tmx

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
