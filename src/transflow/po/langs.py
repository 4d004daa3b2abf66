"""Language codes: gettext (``en_GB``, ``sr@latin``) ↔ BCP 47 (``en-GB``, ``sr-Latn``) ↔ Argos (``en``, ``zt``).

Catalogs are named by gettext codes; HTML ``lang`` attributes and TMX ``xml:lang`` want BCP 47; Argos model
packages use their own two-letter codes; TBX and TMX files from elsewhere arrive in any of these spellings.
Each conversion is here once, as tables and small pure functions, so no stage splits a code by hand.
"""

from __future__ import annotations

#: Display names of target languages a newsroom is likely to use; others show their code.
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "ja": "日本語", "ru": "Русский"}
#: gettext modifiers that are BCP 47 script subtags.
SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl"}
#: The script a bare code means in this project's documents: the Chinese source is simplified Chinese.
DEFAULT_SCRIPT = {"zh": "zh-Hans"}
#: gettext codes whose Argos code differs from the primary language.
ARGOS = {"zh_Hant": "zt", "zh_TW": "zt", "zh_HK": "zt", "pt_BR": "pb"}


def primary(code: str) -> str:
    """The primary language, lower-case, from any spelling: ``en_GB``, ``en-us``, ``EN``, ``sr@latin`` -> en, sr."""
    return code.replace("-", "_").split("@")[0].split("_")[0].lower()


def bcp47(code: str, default_script: bool = False) -> str:
    """A gettext code as a BCP 47 tag: en_GB -> en-GB, sr@latin -> sr-Latn.

    ``default_script``: name the script where a bare code is ambiguous (zh -> zh-Hans), as an HTML
    ``lang`` attribute should, so browsers pick simplified-Chinese fonts.
    """
    if default_script and code in DEFAULT_SCRIPT:
        return DEFAULT_SCRIPT[code]
    base, _, modifier = code.partition("@")
    tag = base.replace("_", "-")
    return f"{tag}-{SCRIPTS[modifier]}" if modifier in SCRIPTS else tag


def display_name(code: str) -> str:
    """English for en and en_GB alike; the code itself for a language not in :data:`NAMES`."""
    return NAMES.get(primary(code), code)


def argos(code: str) -> str:
    """The Argos package code for a gettext one (``en_GB`` -> ``en``, ``zh_TW`` -> ``zt``)."""
    return ARGOS.get(code, primary(code))


def same_language(a: str, b: str) -> bool:
    """Whether two codes, in any spelling, name the same primary language (en_GB and en-US do)."""
    return primary(a) == primary(b)
