"""``merge --pinyin``: pinyin over the Chinese for readers who are learning it, and names with their English.

Readings are chosen per word (jieba words, pypinyin's phrase dictionary: 区长 qū zhǎng, 长期 cháng qī)
by :func:`transflow.text.romanize.tone_readings`; each run of Han characters becomes one ``<ruby>``
with a ``<rt>`` per character, so the text itself is untouched (copying it gives the Chinese back: the
``<rt>`` cannot be selected). A button toggles the pinyin; its few lines of script are hashed into the
page's Content-Security-Policy like the rest, and without script the pinyin simply stays shown.
Names get the same mark as glossary terms, their romanization shown on hover or focus.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from transflow.text.names import Name, named
from transflow.text.romanize import tone_readings

#: Shows and hides the pinyin (a class on <html>), and keeps the button's pressed state for screen readers.
SCRIPT = (
    "(function(){var d=document,b=d.querySelector('.pinyin-toggle');if(!b)return;"
    "b.addEventListener('click',function(){var off=d.documentElement.classList.toggle('no-pinyin');"
    "b.setAttribute('aria-pressed',off?'false':'true');});})();"
)
CSS = (
    "ruby{ruby-position:over}rt{font-size:.5em;font-family:var(--en,sans-serif);color:#555;"
    "user-select:none;-webkit-user-select:none;letter-spacing:0}.pinyin .zh{line-height:2.4}"
    ".no-pinyin rt{display:none}.no-pinyin .zh{line-height:inherit}"
    ".pinyin-toggle{font:inherit;font-size:.85rem;padding:.2rem .7rem;border:1px solid currentColor;"
    "border-radius:1rem;background:transparent;color:inherit;cursor:pointer}"
    ".pinyin-toggle[aria-pressed=false]{opacity:.6}"
    "@media print{.pinyin-toggle{display:none}}"
)
BUTTON = '<button type="button" class="pinyin-toggle" aria-pressed="true">Pinyin 拼音</button>'
LEGEND = (
    '<li><abbr class="term name chip-term">人名</abbr> name: hover or focus for its English</li>'
    "<li>Pinyin over the Chinese: the button shows or hides it</li>"
)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class Reader:
    """What ``--pinyin`` adds to each Chinese sentence; ``known`` (the glossary) wins over romanization."""

    known: dict[str, str] = field(default_factory=dict)

    def readings(self, sentence: str) -> list[str | None]:
        return tone_readings(sentence)

    def name_spans(self, sentence: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, Name]]:
        """Each name's first occurrence that overlaps no glossary term, as ``(start, end, name)``."""
        spans = []
        for name in named(sentence, self.known):
            if not name.en:
                continue
            at = sentence.find(name.zh)
            while at >= 0:
                end = at + len(name.zh)
                if not any(at < b and a < end for a, b in taken + [(s, e) for s, e, _ in spans]):
                    spans.append((at, end, name))
                    break
                at = sentence.find(name.zh, at + 1)
        return sorted(spans, key=lambda span: span[0])


def ruby(text: str, readings: list[str | None]) -> str:
    """``text`` escaped, each run of characters with a reading wrapped in one ``<ruby>``."""
    out: list[str] = []
    run: list[str] = []
    for ch, reading in zip(text, readings):
        if reading:
            run.append(f"{_esc(ch)}<rt>{_esc(reading)}</rt>")
            continue
        if run:
            out.append("<ruby>" + "".join(run) + "</ruby>")
            run = []
        out.append(_esc(ch))
    if run:
        out.append("<ruby>" + "".join(run) + "</ruby>")
    return "".join(out)


def name_mark(name: Name, inner: str) -> str:
    """A name marked like a glossary term: its English on hover and focus."""
    return (
        f'<abbr class="term name" tabindex="0" title="{_esc(f"{name.en} ({name.kind})")}" '
        f'data-en="{_esc(name.en or "")}">{inner}</abbr>'
    )
