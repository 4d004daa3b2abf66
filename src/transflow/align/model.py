"""The aligner's constants, as data: fitted or tuned on ``../shared/realtext/pairs.dev.jsonl``.

How they were found (``bench/bench_align.py --fit`` repeats the length fit):
- ``PER_HAN`` and ``PER_OTHER``: least squares of English non-space characters on the Chinese sentence's
  Han characters and its other non-space characters (digits, Latin words, punctuation), over all 3,419
  dev rows. Per set: newstest2017-zhen (Chinese original) 3.31 / 0.50, newstest2020-enzh (Chinese
  translation) 2.91 / 0.62; all rows 3.03 / 0.72. One Han character is about three English characters.
- ``RATIO_SCALE``: the spread of log(English length / expected length). Gale–Church's normal
  difference (variance per character: mean 5.5, median 2.1 on the dev rows) has tails far too light
  for real news, where translators condense and expand; a Laplace on the log ratio fits them.
- Bead costs (negative log prior odds) and the weights of numbers, names, anchors, dictionary words,
  punctuation and paragraph boundaries: a small grid by hand on every fourth dev document that
  ``bench/bench_align.py`` builds (clean; with omitted and merged English; re-paragraphed), scored by
  bead F1 with both kinds of splits and by omissions found; then checked on all documents and on each
  test set alone. The 1–0 cost is low (1.5, against 3.0 for 0–1): the evidence a true 1–1 link
  collects (numbers, names, dictionary words) keeps such links in place, so a cheap 1–0 finds omitted
  English without breaking clean documents (dev: clean bead F1 unchanged from 2.5 to 1.5).
"""

from __future__ import annotations

PER_HAN = 3.03
PER_OTHER = 0.72
#: The log of English length over expected length is Laplace-distributed around 0 with this scale over
#: the square root of the mean length (dev rows: mean absolute deviation 0.23 below 40 characters,
#: 0.16 at 80–150, 0.10 above 250), never narrower than the minimum.
RATIO_SCALE = 1.6
RATIO_SCALE_MIN = 0.08
RATIO_SCALE_REF = 0.15
#: Romanized Han runs shorter than this (``li``, ``wang``) match too many English words to be evidence.
MIN_NAME_CHARS = 4

#: Cost of each bead type before any evidence: (Chinese sentences, English sentences) -> cost.
BEAD_COST = {
    (1, 1): 0.0,
    (1, 0): 1.5,
    (0, 1): 3.0,
    (2, 1): 3.0,
    (1, 2): 2.8,
    (2, 2): 4.5,
    (1, 3): 5.5,
    (3, 1): 6.0,
}
#: A sentence left out on the other side costs this much per expected English character beyond the above.
SKIP_PER_CHAR = 0.01
#: Evidence, in cost units (negative log odds): subtracted per match, added per mismatch.
NUMBER_MATCH = 3.0
NUMBER_MISSING = 1.0  # a hard number on one side that the other side does not have
ANCHOR_MATCH = 3.0  # a Latin word or a glossary term found on both sides
NAME_MATCH = 3.0  # a romanized Han run found as a capitalized English word or pair
WORD_MATCH = 0.7  # a Chinese dictionary word whose English gloss is in the English (align extra)
EVIDENCE_CAP = 12.0  # no bead gains more than this from matches
PUNCT_MATCH = 0.5
PUNCT_MISMATCH = 1.0
#: A bead whose sentences come from two paragraphs of one side.
CROSS_PARAGRAPH = 3.0
#: A bead that ends a paragraph on both sides at once (paragraphs that follow each other).
PARAGRAPH_BOTH = 1.5
#: Temperature of the posterior that becomes a bead's score: higher spreads the scores out.
TEMPERATURE = 1.0
#: Below this score a link is written as fuzzy.
CONFIDENT = 0.8
#: The band of the dynamic programme around the diagonal: at least this many sentences, or this share.
BAND_MIN = 25
BAND_SHARE = 0.2
#: Paragraphs "follow" when no pair's length ratio is further than this from the expected (log).
PARAGRAPH_RATIO = 0.5
