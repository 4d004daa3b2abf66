"""Post-editing of English machine drafts: no Chinese (full-width) punctuation left, tidy spacing.

Models trained on Chinese news often copy 。，“” through, or leave a full-width ！ at the end; a
translator would fix each by hand. The rules are a table: each mark maps to its English form and says
whether it wants a space after it (before the next word) and whether it opens (wants a space before).
"""

from __future__ import annotations

import re
import unicodedata

from transflow.text import zh

#: Chinese mark -> English replacement (the table lives in text/zh); full-width ASCII forms fold by NFKC below.
PUNCT = zh.TO_ENGLISH
_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(PUNCT, key=len, reverse=True)))
#: After these a following word gets a space ("a,b" -> "a, b"); digits need care (3.5, 1,000, 10:30).
SPACE_AFTER = ",;:!?)]"
OPENERS = "(["
_FULLWIDTH = re.compile("[\uff01-\uff5e]")


def _fullwidth_to_ascii(text: str) -> str:
    return _FULLWIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def postedit(text: str) -> str:
    """English-ready draft text: Chinese punctuation mapped, full-width forms folded, spaces normalised."""
    text = _PATTERN.sub(lambda m: PUNCT[m.group(0)], text)
    text = _fullwidth_to_ascii(text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" +([,.;:!?)\]])", r"\1", text)  # no space before closing marks
    text = re.sub(r"([(\[]) +", r"\1", text)  # nor after opening ones
    text = re.sub(rf"([{re.escape(SPACE_AFTER)}])(?=[^\W\d_])", r"\1 ", text)
    text = re.sub(r"([,;:!?])(?=\d)(?<![\d][,:])", r"\1 ", text)  # "a,3" -> "a, 3" but keep 1,000 and 10:30
    text = re.sub(r"\.(?=[^\W\d_])(?<=[^\W\d_]{3}\.)", ". ", text)  # "word.Next" -> "word. Next"; U.S. stays
    text = re.sub(rf"(?<=[^\W_])([{re.escape(OPENERS)}])", r" \1", text)  # "word(" -> "word ("
    return _space_quotes(text)


def _space_quotes(text: str) -> str:
    """Straight double quotes alternate open/close: a space outside each, none inside."""
    if text.count('"') % 2:
        return text
    out: list[str] = []
    parts = text.split('"')
    for i, part in enumerate(parts):
        if i % 2 == 1:  # inside a quotation
            part = part.strip()
        out.append(part)
    rebuilt = ""
    for i, part in enumerate(out):
        if i == 0:
            rebuilt = part
            continue
        opening = i % 2 == 1
        if opening:
            if rebuilt and not rebuilt.endswith((" ", "(", "[")):
                rebuilt += " "
            rebuilt += '"' + part
        else:
            rebuilt += '"'
            if part and part[0] not in " ,.;:!?)]":
                rebuilt += " "
            rebuilt += part
    return rebuilt


def has_fullwidth(text: str) -> bool:
    """True if any Chinese/full-width punctuation is left (the draft check uses it too)."""
    return bool(_FULLWIDTH.search(text)) or any(ch in PUNCT for ch in text if len(ch) == 1)
