"""PO/POT header fields in Poedit's order, dates, and plural forms as data."""

from __future__ import annotations

import os
import time

from transflow import __version__
from transflow.po.langs import primary

GENERATOR = f"transflow {__version__}"
#: Poedit writes header fields in this order; new catalogs follow it so a save in Poedit moves nothing.
FIELD_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
    "X-Source-Language",
    "X-Generator",
)
#: Plural-Forms by language (gettext's table, the languages a newsroom is likely to target).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "ja": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    "zh": "nplurals=1; plural=0;",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}


def now() -> str:
    """The current time as gettext writes it; ``SOURCE_DATE_EPOCH`` makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", stamp)


def ordered(metadata: dict[str, str]) -> dict[str, str]:
    """Known fields in Poedit's order, then any others in the order they came."""
    known = {k: metadata[k] for k in FIELD_ORDER if k in metadata}
    rest = {k: v for k, v in metadata.items() if k not in known}
    if "X-Generator" in known:
        generator = known.pop("X-Generator")
        return {**known, **rest, "X-Generator": generator}
    return {**known, **rest}


def template_header(doc: str, source_lang: str, date: str) -> dict[str, str]:
    return {
        "Project-Id-Version": doc,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
        "X-Generator": GENERATOR,
    }


def catalog_header(doc: str, lang: str, source_lang: str, pot_date: str, date: str) -> dict[str, str]:
    return {
        "Project-Id-Version": doc,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": pot_date,
        "PO-Revision-Date": date,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(primary(lang), PLURAL_FORMS["en"]),
        "X-Source-Language": source_lang,
        "X-Generator": GENERATOR,
    }
