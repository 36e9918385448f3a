"""Character-class counts of many texts at once (numpy, imported lazily), for ``text_stats``.

One lookup table over the BMP gives each code point a bit per class; a batch of texts is
encoded once to UTF-32 and the counts per text come from one histogram, about ten
times faster than one regex scan per class and text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from zhqa.text.chars import CJK_PUNCT, HANZI

if TYPE_CHECKING:
    import numpy as np

# bit k of the table: the class of stats.CLASSES[k] (same patterns as the regex path)
CLASSES = (r"\S", f"[{HANZI}]", f"[{CJK_PUNCT}]", r"[A-Za-z]", r"[0-9０-９]")
_MASK = [[(b >> k) & 1 for k in range(len(CLASSES))] for b in range(32)]  # class bits -> classes
_ASTRAL_HANZI = ((0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x30000, 0x323AF))  # as in chars.HANZI


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    import numpy as np

    bmp = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF)
    cps = np.frombuffer(bmp.encode("utf-32-le"), np.uint32)
    bits = np.zeros(0x10000, np.uint8)
    for k, pat in enumerate(CLASSES):
        for m in re.finditer(pat + "+", bmp):
            bits[cps[m.start() : m.end()]] |= np.uint8(1 << k)
    bits[0xD800:0xE000] = 1  # a lone surrogate is not a space
    return bits


def class_counts(texts: Sequence[str]) -> list[tuple[int, ...]]:
    """For each text: how many characters are non-space, hanzi, CJK punctuation, ASCII
    letters, digits (the classes of ``CLASSES``)."""
    import numpy as np

    if not texts:
        return []
    raw = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), np.uint32)
    bits = _table()[np.minimum(raw, 0xFFFF)]
    astral = raw > 0xFFFF
    if astral.any():
        hanzi = np.zeros(len(raw), bool)
        for lo, hi in _ASTRAL_HANZI:
            hanzi |= (raw >= lo) & (raw <= hi)
        bits = np.where(astral, np.where(hanzi, 3, 1), bits).astype(np.uint8)
    # one histogram of (text, class bits) pairs, then the texts' counts per class
    lens = np.fromiter(map(len, texts), np.int64, len(texts))
    key = np.repeat(np.arange(len(texts), dtype=np.int64) << 5, lens) + bits
    hist = np.bincount(key, minlength=len(texts) << 5).reshape(len(texts), 32)
    return [tuple(row) for row in (hist @ _MASK).tolist()]
