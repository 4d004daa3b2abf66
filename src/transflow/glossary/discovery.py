"""Term discovery: names and recurring words and phrases not yet in the glossary, with evidence.

A translator reviews the proposals and keeps the good ones: ``transflow terms --format csv`` appends
to ``glossary.csv``; names come with their English filled in (news-style pinyin: 唐忠祥 = Tang
Zhongxiang, 丹霞山 = Danxia Mountain), other rows with the English left for the translator. Proposals
are ranked recurring names first (the story's subject: a place named eight times), then multi-character
words and phrases by TF-IDF weight and frequency, then names seen once; common words (low IDF in
jieba's corpus) and parts of glossary terms are left out.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from transflow.glossary.table import load_glossary, use_as_user_dictionary
from transflow.project.config import Config
from transflow.text import zh
from transflow.text.article import read_article

#: Words and phrases must recur this often to be proposed (names once suffice).
MIN_COUNT = 2
#: Longest phrase, in jieba words, that discovery builds from adjacent words.
MAX_PHRASE_WORDS = 3
#: Output formats of ``transflow terms``.
FORMATS = ("text", "csv")


@dataclass(frozen=True)
class Proposal:
    zh: str
    kind: str  # person, place, organization, foreign name, term, phrase
    count: int
    example: str
    en: str = ""  # a name's romanization (empty for terms, organisations and foreign names)


def _is_han_word(word: str) -> bool:
    return len(word) >= 2 and all(zh.is_han(ch) for ch in word)


def propose(config: Config, docs: list[str] | None = None, top: int = 30) -> list[Proposal]:
    """Up to ``top`` proposals across the given documents (default: all)."""
    from transflow.text import words
    from transflow.text.names import named

    articles = [read_article(path, config.source_encoding) for _, path in config.documents(docs)]
    sentences = [s for paragraphs in articles for par in paragraphs for s in par.segments]
    glossary = load_glossary(config)
    use_as_user_dictionary(glossary)
    known = {t.zh for t in glossary}
    english = {t.zh: t.en for t in glossary if t.en}
    text = "\n".join(sentences)

    def fresh(word: str) -> bool:
        return word not in known and not any(word in k for k in known)

    def whole(word: str) -> bool:
        """False for fragments: 旗飘扬 in 党旗飘扬, where 党旗 is the real word jieba cut through."""
        freq = words.freq(word)
        for at in range(len(text)):
            at = text.find(word, at)
            if at < 0:
                return True
            if at and words.freq(text[at - 1] + word[0]) > 5 * max(freq, 1):
                return False
        return True

    def example(word: str) -> str:
        return next(s for s in sentences if word in s)

    found: dict[str, Proposal] = {}
    for sentence in sentences:
        for name in named(sentence, english):
            if fresh(name.zh) and name.zh not in found:
                found[name.zh] = Proposal(name.zh, name.kind, text.count(name.zh), example(name.zh), name.en or "")
    names = sorted(found.values(), key=lambda p: (-p.count, p.zh))
    recurring = [p for p in names if p.count >= MIN_COUNT]
    once = [p for p in names if p.count < MIN_COUNT]

    import jieba.analyse

    idf = jieba.analyse.default_tfidf.idf_freq
    median = jieba.analyse.default_tfidf.median_idf
    tokens = [words.cut(s) for s in sentences]
    counts: Counter[str] = Counter()
    for cut in tokens:
        for n in range(2, MAX_PHRASE_WORDS + 1):
            for i in range(len(cut) - n + 1):
                gram = cut[i : i + n]
                if all(_is_han_word(w) for w in gram):
                    counts["".join(gram)] += 1
    weights = dict(jieba.analyse.extract_tags(text, topK=300, withWeight=True))
    scored: list[tuple[float, Proposal]] = []
    for word, weight in weights.items():
        count = text.count(word)
        if _is_han_word(word) and count >= MIN_COUNT and fresh(word) and word not in found and whole(word):
            if idf.get(word, median) >= median:
                scored.append((weight * count, Proposal(word, "term", count, example(word))))
    for phrase, count in counts.items():
        if count >= MIN_COUNT + 1 and fresh(phrase) and phrase not in found and len(phrase) <= 8:
            scored.append((0.05 * count * len(phrase), Proposal(phrase, "phrase", count, example(phrase))))
    scored.sort(key=lambda item: (-item[0], item[1].zh))
    seen = set(found)
    picked: list[Proposal] = []
    for _, proposal in scored:
        if proposal.zh not in seen and not any(proposal.zh in w.zh for w in picked):
            seen.add(proposal.zh)
            picked.append(proposal)
    return (recurring + picked + once)[:top]


def to_text(proposals: list[Proposal]) -> str:
    lines = [f"{p.zh}\t{p.en}\t{p.kind}\t{p.count}\t{p.example}" for p in proposals]
    return "\n".join(lines) + ("\n" if lines else "")


def to_csv(proposals: list[Proposal]) -> str:
    """Rows ``zh,en,note`` (no header) that append cleanly to glossary.csv; names come with their English."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for p in proposals:
        writer.writerow([p.zh, p.en, f"proposed {p.kind}, {p.count}x; e.g. {p.example}"])
    return out.getvalue()
