"""TMX 1.4 translation memory: the reviewed sentence pairs, for CAT tools (Trados, memoQ, OmegaT, Poedit).

Only reviewed entries become translation units; drafts and gaps would poison a memory. Written with
``xml.etree`` so escaping is the XML library's business, and deterministic (no creation date) so a
re-run with the same catalog writes the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from transflow import __version__
from transflow.merge.document import Aligned
from transflow.po.langs import bcp47

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_tmx(aligned: Aligned) -> str:
    """One ``<tu>`` per distinct reviewed sentence, with the translator's comment as a ``<note>``."""
    src, tgt = bcp47(aligned.source_lang), bcp47(aligned.lang)  # RFC 4646 tags, as TMX 1.4 asks
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "transflow",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "PO",
            "adminlang": "en",
            "srclang": src,
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(root, "body")
    for zh_text, en_text, note in aligned.pairs():
        tu = ET.SubElement(body, "tu")
        ET.SubElement(tu, "prop", type="x-document").text = aligned.doc
        if note:
            ET.SubElement(tu, "note").text = note
        for lang, text in ((src, zh_text), (tgt, en_text)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = text
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
