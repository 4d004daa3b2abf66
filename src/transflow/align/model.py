"""The aligner's constants, as data: fitted or tuned on ``../shared/realtext/pairs.dev.jsonl``.

How they were found (``bench/bench_align.py --fit`` repeats the length fit):
- ``PER_HAN`` and ``PER_OTHER``: least squares of English non-space characters on the Chinese sentence's
  Han characters and its other non-space characters (digits, Latin words, punctuation), over all 3,419
  dev rows. Per set: newstest2017-zhen (Chinese original) 3.31 / 0.50, newstest2020-enzh (Chinese
  translation) 2.91 / 0.62; all rows 3.03 / 0.72. One Han character is about three English characters.
- ``VARIANCE``: Gale–Church's variance per expected English character of the difference between the
  English length and the expected one. The dev rows give a mean of 5.5 and a median of 2.1 (heavy
  tails: translators condense and expand); 4.0 was best on the dev documents.
- Bead costs (negative log prior odds) and the weights of numbers, anchors, punctuation and paragraph
  boundaries were tuned by a small grid on the dev documents that ``bench/bench_align.py`` builds
  (clean, with omitted English sentences, with merged English sentences), checked on each test set
  separately so that neither set alone decides them.
"""

from __future__ import annotations

PER_HAN = 3.03
PER_OTHER = 0.72
VARIANCE = 4.0
#: Romanized Han runs shorter than this (``li``, ``wang``) match too many English words to be evidence.
MIN_NAME_CHARS = 4

#: Cost of each bead type before any evidence: (Chinese sentences, English sentences) -> cost.
BEAD_COST = {
    (1, 1): 0.0,
    (1, 0): 5.5,
    (0, 1): 5.5,
    (2, 1): 2.6,
    (1, 2): 2.4,
    (2, 2): 4.5,
    (1, 3): 5.5,
    (3, 1): 6.0,
}
#: A sentence left out on the other side costs this much per expected English character beyond the above.
SKIP_PER_CHAR = 0.01
#: Evidence, in cost units (negative log odds): subtracted per match, added per mismatch.
NUMBER_MATCH = 2.0
NUMBER_MISSING = 1.0  # a hard number on one side that the other side does not have
ANCHOR_MATCH = 2.0  # a Latin word or a glossary term found on both sides
NAME_MATCH = 1.5  # a romanized Han run found as a capitalized English word or pair
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
#: Paragraphs "follow" when each pair's Gale–Church delta (lengths of whole paragraphs) is below this.
PARAGRAPH_DELTA = 4.0
