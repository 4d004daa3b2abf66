"""jieba, loaded once and shared: word cutting, dictionary frequencies and part-of-speech tags.

Loading jieba's dictionary (a 580,000-entry dict) costs about a second. A cold run over many
documents pays it once; a re-run that touches one changed article should not. So there are two
backings for the same tokenizer:

* ``full`` — jieba's own in-memory dictionary, for runs with real work to do;
* ``disk`` — the same dictionary in an SQLite file (built once, beside jieba's own cache), looked up
  word by word, for runs that cut only a few sentences. Results are identical; only the cost differs.
"""

from __future__ import annotations

import logging
import marshal
import os
import sqlite3
import tempfile
from collections.abc import Iterator, MutableMapping
from functools import lru_cache
from math import log
from pathlib import Path

_MODE = {"lazy": False}

#: jieba logs "Building prefix dict from the default dictionary ...", "Loading model cost ..." through its own
#: stderr handler whenever a dictionary is loaded: noise on a user's terminal and in CI logs. Its import
#: resets the logger's level, so the logger is disabled outright, here, before any jieba import or load
#: (every path to jieba's dictionary, jieba.analyse included, goes through this module).
logging.getLogger("jieba").disabled = True


def prefer_disk(flag: bool) -> None:
    """Ask for the disk backing (before the first use) when only a few sentences will be cut."""
    _MODE["lazy"] = flag


def _source() -> Path:
    import jieba

    return Path(jieba.__file__).with_name("dict.txt")


def _cache_path(suffix: str) -> Path:
    """A file of ours beside jieba's cache, named for the dict.txt it was built from (a new one, a new file)."""
    stat = _source().stat()
    return Path(tempfile.gettempdir()) / f"transflow-jieba-{stat.st_size}-{int(stat.st_mtime)}{suffix}"


def _db_path() -> Path:
    return _cache_path(".sqlite")


class DiskDictionary(MutableMapping):
    """A read-mostly mapping over an SQLite table; additions (the user dictionary) stay in memory."""

    def __init__(self, path: Path, column: str) -> None:
        self._path = path
        self._pid = -1
        self._query = f"SELECT {column} FROM words WHERE word = ?"
        self._overlay: dict[str, object] = {}
        self._memo: dict[str, object] = {}

    def get(self, key, default=None):
        if key in self._overlay:
            return self._overlay[key]
        if key not in self._memo:
            row = self._connection().execute(self._query, (key,)).fetchone()
            self._memo[key] = row[0] if row else None
        value = self._memo[key]
        return default if value is None else value

    def _connection(self) -> sqlite3.Connection:
        """One read-only connection per process: an SQLite connection must not cross a fork."""
        if self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key, value) -> None:
        self._overlay[key] = value

    def __delitem__(self, key) -> None:
        self._overlay.pop(key, None)

    def __iter__(self) -> Iterator[str]:  # pragma: no cover - jieba never iterates its dictionary
        return iter(self._overlay)

    def __len__(self) -> int:  # pragma: no cover
        return len(self._overlay)


@lru_cache(maxsize=1)
def _loaded():
    """(tokenizer, tags): jieba's default tokenizer in memory, or one backed by the SQLite file."""
    import jieba

    jieba.setLogLevel(60)
    db_path = _db_path()
    if _MODE["lazy"] and db_path.exists():
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ = DiskDictionary(db_path, "freq")
        tokenizer.total = tokenizer.FREQ.get("")
        tokenizer.initialized = True
        return tokenizer, DiskDictionary(db_path, "tag")
    return jieba.dt, _dictionary(jieba.dt)


def _dictionary(tok) -> dict[str, str]:
    """Initialise ``tok`` and return the tag table, both read from one file of ours when it is there.

    jieba's word frequencies (its cache) and the tags (parsed from dict.txt) cost about 0.3 s each, before
    any work can start. Marshalled together, with the tags keyed by the frequencies' own strings, both
    load in the time of the first and hold each word once. The file is written after the first load of
    jieba's default dictionary, before anything (a glossary term) is added to it.
    """
    import jieba

    path = _cache_path(".marshal")
    with tok.lock:
        fresh = not tok.initialized and tok.dictionary == jieba.DEFAULT_DICT and not tok.cache_file
        if fresh:
            try:
                tok.FREQ, tok.total, tags = marshal.loads(path.read_bytes())
                tok.initialized = True
                return tags
            except (OSError, ValueError, EOFError, TypeError):
                pass
    _initialize(tok)
    tags = _tag_table()
    if fresh:
        _write_dictionary(path, tok, tags)
    return tags


def _write_dictionary(path: Path, tok, tags: dict[str, str]) -> None:
    """The frequencies and tags in one marshal file, each word and tag one shared string (atomic rename)."""
    words = dict(zip(tok.FREQ, tok.FREQ))
    kinds: dict[str, str] = {}
    shared = {words.get(w, w): kinds.setdefault(t, t) for w, t in tags.items()}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(marshal.dumps((tok.FREQ, tok.total, shared)))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _initialize(tok) -> None:
    """jieba's own initialisation, reading its dictionary cache in one piece when it has one.

    jieba unmarshals its cache (``jieba.cache`` in the temp folder, for the default dictionary) straight
    from the open file, which reads it in small pieces: 0.7 s, against 0.2 s for the same bytes read at
    once. Same file, same data; in any other case (no cache yet, another dictionary) jieba does it.
    """
    import jieba

    with tok.lock:
        if tok.initialized:
            return
        default = tok.dictionary == jieba.DEFAULT_DICT and not tok.cache_file
        cache = Path(tok.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
        if default and not jieba.DICT_WRITING:
            try:
                tok.FREQ, tok.total = marshal.loads(cache.read_bytes())
                tok.initialized = True
                return
            except (OSError, ValueError, EOFError, TypeError):
                pass
    tok.check_initialized()


def _tag_table() -> dict[str, str]:
    """Word -> part-of-speech tag from jieba's dict.txt (jieba.posseg rebuilds this at every import)."""
    table: dict[str, str] = {}
    with _source().open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                table[parts[0]] = parts[2]
    return table


def build_disk_dictionary() -> None:
    """Write the SQLite backing from the loaded dictionary, once (atomic rename; racing writers are fine)."""
    db_path = _db_path()
    if db_path.exists():
        return
    tokenizer, tags = _loaded()
    if not isinstance(tags, dict):
        return
    tmp = db_path.with_suffix(f".{os.getpid()}.tmp")
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER, tag TEXT) WITHOUT ROWID")
        rows = ((w, f, tags.get(w)) for w, f in tokenizer.FREQ.items() if w not in tokenizer.user_word_tag_tab)
        db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?, ?)", rows)
        db.execute("INSERT OR REPLACE INTO words VALUES ('', ?, NULL)", (tokenizer.total,))
        db.commit()
        db.close()
        os.replace(tmp, db_path)
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)


def tokenizer():
    return _loaded()[0]


def tag_of(word: str) -> str | None:
    """The tag of a word: a user-dictionary tag first, then jieba's dictionary."""
    tok, tags = _loaded()
    return tok.user_word_tag_tab.get(word) or tags.get(word)


#: Cuts of runs of Chinese text (jieba's own blocks, between punctuation), keyed by the run. jieba cuts
#: each run on its own, so a clause met again (a dateline, a place, a slogan in another sentence) is
#: cut once. Emptied when the user dictionary changes, and when it grows past its bound.
_CUTS: dict[str, tuple[str, ...]] = {}
MAX_CUTS = 200_000


def cut(text: str) -> list[str]:
    """jieba's accurate-mode cut with its HMM, as ``jieba.cut`` gives it, each block cut once per process.

    jieba splits a text at every character outside its word pattern (punctuation, spaces) and cuts the
    blocks independently; cutting a block alone gives the words it gives inside any text.
    """
    tok = tokenizer()

    def make(block: str) -> tuple[str, ...]:
        return _cut_block(tok, block) if _is_word_run(block) else tuple(tok.cut(block))

    out: list[str] = []
    for block in _blocks(text):
        if block:
            out += _remembered(_CUTS, block, make)
    return out


def _remembered(table: dict, block: str, make):
    """``table[block]``, made once per process; a full table is emptied (a bound on a long run's memory)."""
    found = table.get(block)
    if found is None:
        if len(table) >= MAX_CUTS:
            table.clear()
        found = table[block] = make(block)
    return found


def _is_word_run(block: str) -> bool:
    import jieba

    return bool(jieba.re_han_default.match(block))


def _cut_block(tok, block: str) -> tuple[str, ...]:
    """jieba's accurate cut with its HMM of one run of word characters, computed as ``Tokenizer.cut`` does.

    jieba looks each dictionary prefix up twice (building the graph of words, then scoring it) and runs
    its HMM again on every run of characters the dictionary leaves single. Here each prefix is looked up
    once, with the same arithmetic in the same order (so the same best path, ties included), and a run met
    again (a name in another clause) is taken from a table: a third less work, the same words.
    """
    freq = tok.FREQ
    n = len(block)
    logtotal = log(tok.total)
    graph: list[list[tuple[float, int]]] = []  # per start: (log frequency, end) of each dictionary word
    for k in range(n):
        ends = []
        i, frag = k, block[k]
        while i < n:
            f = freq.get(frag)
            if f is None:  # no dictionary word starts with this
                break
            if f:
                ends.append((log(f), i))
            i += 1
            frag = block[k : i + 1]
        graph.append(ends or [(log(freq.get(block[k]) or 1), k)])
    route: list[tuple[float, int]] = [(0, 0)] * (n + 1)
    for idx in range(n - 1, -1, -1):
        route[idx] = max((lf - logtotal + route[x + 1][0], x) for lf, x in graph[idx])
    out: list[str] = []
    buf = ""
    x = 0
    while x < n:
        y = route[x][1] + 1
        if y - x == 1:
            buf += block[x]
        else:
            if buf:
                out += _single_run(freq, buf)
                buf = ""
            out.append(block[x:y])
        x = y
    if buf:
        out += _single_run(freq, buf)
    return tuple(out)


#: HMM cuts of runs of characters the dictionary left single (unknown names, mostly), keyed by the run.
_HMM: dict[str, tuple[str, ...]] = {}


def _single_run(freq, buf: str) -> tuple[str, ...]:
    """What jieba makes of a run of single characters: the characters if one or a dictionary word, else what
    its HMM finds (the run cut once per process)."""
    if len(buf) == 1 or freq.get(buf):
        return tuple(buf)
    found = _HMM.get(buf)
    if found is None:
        from jieba import finalseg

        if len(_HMM) >= MAX_CUTS:
            _HMM.clear()
        found = _HMM[buf] = tuple(finalseg.cut(buf))
    return found


#: The same blocks' words with their tags (:func:`tag_of`), for callers that want both.
_TAGGED: dict[str, tuple[tuple[str, str | None], ...]] = {}


def cut_tagged(text: str) -> list[tuple[str, str | None]]:
    """:func:`cut` with each word's :func:`tag_of`, looked up once per block and process."""
    out: list[tuple[str, str | None]] = []
    for block in _blocks(text):
        if block:
            out += _remembered(_TAGGED, block, lambda b: tuple((w, tag_of(w)) for w in cut(b)))
    return out


def _blocks(text: str) -> list[str]:
    import jieba

    return jieba.re_han_default.split(text)


def freq(word: str) -> int:
    return tokenizer().FREQ.get(word) or 0


def add_term(word: str, tag: str) -> bool:
    """Keep ``word`` whole in every later cut; False if it already was."""
    tok = tokenizer()
    if tok.user_word_tag_tab.get(word) == tag:
        return False
    tok.add_word(word, tag=tag)
    tok.suggest_freq(word, tune=True)
    _CUTS.clear()  # a block may now cut differently, a word have another tag
    _TAGGED.clear()
    _HMM.clear()
    return True
