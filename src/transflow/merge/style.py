"""The stylesheet of the bilingual page, kept apart from the markup so each reads on its own.

Newspaper conventions: serif text, a red rule and kicker, headings that read as headings, a byline and a
photo caption that look like them. Side by side on wide screens, stacked on narrow ones, one language
under the other with ``layout-interleaved``; a print stylesheet keeps rows together and drops the chrome.
Paper has no hover: in print, side by side stays two columns even on A4/Letter portrait (narrower than the
screen breakpoint), hover hints and note back-links go, and a glossary term shows its English inline unless
the page carries the glossary table.
States never rely on colour alone: drafts are dotted-underlined, untranslated text is grey Chinese.
"""

from __future__ import annotations

CSS = """
:root{--ink:#1b1b1b;--paper:#fbfaf7;--muted:#67625a;--rule:#e2ddd3;--accent:#a3161a;--hl:#d3e4ff;
--draft:#fdf1d2;--draft-line:#b7791f;--untr:#f0ede7;--ok:#2f7d4f;
--zh:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","STSong","SimSun",serif;
--en:Charter,"Bitstream Charter",Georgia,"Liberation Serif","DejaVu Serif","Times New Roman",serif;
--ui:system-ui,-apple-system,"Segoe UI","Helvetica Neue",Arial,"Liberation Sans","Noto Sans CJK SC",sans-serif}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink)}
body{margin:0 auto;max-width:76rem;padding:0 2rem 3rem;font:1.0625rem/1.7 var(--en)}
[lang|="zh"]{font-family:var(--zh);line-height:1.85}
a{color:var(--accent)}
.masthead{border-top:.35rem solid var(--accent);padding-top:1rem;margin-bottom:1.25rem}
.edition{font:600 .75rem/1.4 var(--ui);letter-spacing:.12em;text-transform:uppercase;color:var(--accent);
margin:0 0 1rem;display:flex;gap:.75rem;flex-wrap:wrap}
.edition .pair{margin-left:auto;color:var(--muted);letter-spacing:.04em;text-transform:none;font-weight:500}
.row{display:grid;grid-template-columns:1fr 1fr;column-gap:3rem;align-items:start}
.row>*{margin:0;min-width:0}
.row.body,.row.related{margin:0 0 1.05rem}
.row.title{padding-bottom:1.1rem;border-bottom:1px solid var(--rule)}
h1{font-size:2.05rem;line-height:1.25;font-weight:700;letter-spacing:-.005em}
h1[lang|="zh"]{line-height:1.4;letter-spacing:.02em}
.row.heading{margin:2.2rem 0 .9rem}
h2{font-size:1.4rem;line-height:1.35;font-weight:700}
.row.kicker{margin:2.4rem 0 .15rem}
.row.kicker>*{font:700 .8rem/1.5 var(--ui);letter-spacing:.1em;text-transform:uppercase;color:var(--accent)}
.row.kicker>[lang|="zh"]{letter-spacing:.3em}
.row.kicker+.row.heading{margin-top:0}
.row.byline{margin:0 0 1.4rem}
.row.byline>*{font:600 .9rem/1.5 var(--ui);color:var(--muted)}
.row.caption{margin:0 0 1.5rem}
.row.caption>*{font:.88rem/1.55 var(--ui);color:var(--muted);border-left:3px solid var(--rule);
padding:.15rem 0 .15rem .7rem}
.related-rule{border:0;border-top:1px dashed var(--rule);margin:2.5rem 0 1rem}
.row.related>*{font-size:.92rem;color:var(--muted)}
.related-rule+.row.related>*{font:700 .8rem/1.5 var(--ui);letter-spacing:.1em;color:var(--accent)}
.colheads{font:600 .72rem/1 var(--ui);letter-spacing:.12em;text-transform:uppercase;color:var(--muted);
padding:.55rem 0;border-bottom:1px solid var(--rule);margin-bottom:1.4rem;position:sticky;top:0;
background:var(--paper);z-index:1}
.colheads>[lang]{font-family:var(--ui);line-height:1;letter-spacing:.3em}
.s{border-radius:2px}
.s:hover,.s:focus,.s.hl{background:var(--hl);box-shadow:0 0 0 2px var(--hl)}
.s:focus{outline:none}.s:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.s.draft{background:var(--draft);text-decoration:underline dotted var(--draft-line) 2px;text-underline-offset:.22em}
.s.untranslated{background:var(--untr);color:var(--muted)}
.s.draft.hl,.s.untranslated.hl,.s.draft:hover,.s.untranslated:hover{background:var(--hl)}
abbr.term{text-decoration:underline dotted var(--accent);text-underline-offset:.3em;cursor:help;position:relative}
abbr.term:hover::after,abbr.term:focus::after{content:attr(data-en);position:absolute;left:0;top:100%;z-index:2;
margin-top:.3rem;white-space:nowrap;font:500 .78rem/1.3 var(--ui);letter-spacing:0;background:var(--ink);
color:#fff;padding:.3rem .5rem;border-radius:3px}
abbr.term:focus{outline:2px solid var(--accent);outline-offset:1px}
.nref{font:600 .68rem/0 var(--ui);margin-left:.1em}.nref a{text-decoration:none;padding:0 .1em}
.status{font:.85rem/1.5 var(--ui);color:var(--muted);margin-top:1rem}
.status .counts{margin:0 0 .45rem}.status strong{color:var(--ink)}
.n-reviewed{color:var(--ok)}.n-draft{color:var(--draft-line)}
.bar{display:flex;height:.4rem;border-radius:.2rem;overflow:hidden;background:var(--untr);max-width:32rem}
.bar-reviewed{background:var(--ok)}.bar-draft{background:var(--draft-line)}.bar-untranslated{background:#cfc9bd}
.legend{list-style:none;padding:0;margin:.7rem 0 0;display:flex;flex-wrap:wrap;gap:.35rem 1.3rem;font-size:.8rem}
.chip{display:inline-block;padding:0 .4rem;border-radius:3px;font-weight:600;margin-right:.2rem}
.chip.reviewed{background:#e3f1e8;color:var(--ok)}
.chip.draft{background:var(--draft);text-decoration:underline dotted var(--draft-line) 2px}
.chip.untranslated{background:var(--untr)}
.chip-term{font-family:var(--zh);margin-right:.2rem}.chip-note{margin-right:.3rem;color:var(--accent)}
.notes,.glossary{margin-top:3rem;border-top:2px solid var(--ink);padding-top:.6rem;font:.92rem/1.6 var(--ui)}
.notes h2,.glossary h2{font:700 .8rem var(--ui);letter-spacing:.12em;text-transform:uppercase;margin:0 0 .8rem}
.notes ol{padding-left:1.4rem;max-width:46rem}.notes li{margin-bottom:.4rem}.notes .back{text-decoration:none}
.notes li:target{background:var(--hl)}
.glossary table{border-collapse:collapse;width:100%;max-width:52rem}
.glossary th,.glossary td{text-align:left;padding:.35rem .8rem .35rem 0;border-bottom:1px solid var(--rule);
vertical-align:top}
.glossary th{font-size:.72rem;letter-spacing:.1em;text-transform:uppercase;color:var(--muted)}
.colophon{margin-top:3rem;padding-top:.8rem;border-top:1px solid var(--rule);font:.75rem/1.5 var(--ui);
color:var(--muted)}
.layout-interleaved body{max-width:46rem}
.layout-interleaved .row{grid-template-columns:1fr}
.layout-interleaved .row>.en{margin-top:.35rem;padding-left:.9rem;border-left:2px solid var(--rule)}
.layout-interleaved .row.title>.en{border:0;padding:0}
.layout-interleaved .colheads{display:none}
@media (max-width:52rem){
body{padding:0 1.1rem 2rem}
.row{grid-template-columns:1fr}
.row>.en{margin-top:.35rem;padding-left:.9rem;border-left:2px solid var(--rule)}
.row.title>.en{border:0;padding:0}
h1{font-size:1.6rem}
.colheads{display:none}}
@media print{
html{background:#fff}body{max-width:none;padding:0;font-size:10.5pt}
.colheads,.legend li:last-child,.notes .back{display:none}
.row{grid-template-columns:1fr 1fr;column-gap:1.6rem;break-inside:avoid}.row.kicker,.row.heading{break-after:avoid}
.row>.en,.row.title>.en{margin-top:0;padding-left:0;border-left:0}
.s.hl,.s:hover{background:none;box-shadow:none}
.s.draft{background:none}.s.untranslated{background:none;color:#555}
abbr.term{text-decoration:none}
abbr.term::after,abbr.term:hover::after,abbr.term:focus::after{content:"（" attr(data-en) "）";position:static;
display:inline;margin:0;white-space:normal;background:none;color:var(--muted);padding:0;font:inherit;
font-size:.85em}
body:has(.glossary) abbr.term::after{content:none}
.nref a,a{color:inherit}
.masthead{border-top-width:2pt}}
"""

#: Added only for documents that need it (Markdown structure roles, a credit line), so the page of a plain
#: text article stays byte for byte what it was.
STRUCTURE_CSS = """.credit{font:.85rem/1.5 var(--ui);color:var(--muted);margin:.6rem 0 0}
.row.list>*{padding-left:1.1rem;position:relative}.row.list>*::before{content:"•";position:absolute;left:.2rem}
.row.quote>*{border-left:3px solid var(--rule);padding-left:.8rem;color:var(--muted)}
.row.table>*{font-size:.95rem;border-bottom:1px solid var(--rule)}
"""
