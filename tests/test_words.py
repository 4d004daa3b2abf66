"""jieba's two backings (in memory, on disk) give the same words, tags and names."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ARTICLE, REPO

SCRIPT = """
import json, sys
from transflow.text import words
words.prefer_disk(sys.argv[1] == "disk")
if sys.argv[1] == "full":
    words.build_disk_dictionary()
from transflow.glossary.table import GlossaryTerm, use_as_user_dictionary
from transflow.text.names import find_names
from transflow.text.article import parse_article
use_as_user_dictionary([GlossaryTerm("复工复产", "resumption of work and production")])
sentences = [s for p in parse_article(open(sys.argv[2], encoding="utf-8").read()) for s in p.segments]
print(json.dumps({
    "backing": type(words.tokenizer().FREQ).__name__,
    "cuts": [words.cut(s) for s in sentences],
    "names": [find_names(s) for s in sentences],
}, ensure_ascii=False))
"""


def run(mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(ARTICLE)], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    return json.loads(out)


def test_disk_backing_matches_memory() -> None:
    full = run("full")  # also writes the disk dictionary if it is not there yet
    disk = run("disk")
    assert full["backing"] == "dict" and disk["backing"] == "DiskDictionary"
    assert disk["cuts"] == full["cuts"] and disk["names"] == full["names"]
    assert any("复工复产" in cut for cut in disk["cuts"])  # the user dictionary works on disk too
