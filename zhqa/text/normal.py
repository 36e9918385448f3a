"""NFKC with whitespace folded: the comparison form the duplication checks hash.

``folded(text)`` equals ``re.sub(r"\\s+", " ", unicodedata.normalize("NFKC", text)).strip()``
and is about three times faster on Chinese text: full-width ASCII (``，：（）！？``, the
usual reason Chinese text is not already NFKC) is first replaced by its NFKC form, which
is a single starter character, so the full decomposition and recomposition runs only
when something else needs it. Results are cached per string, so the checks that
compare the same paragraphs (D303, D304, D305, D306) normalise each one once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")
_WIDE = re.compile("[\uff01-\uff5e]")  # full-width ASCII: NFKC maps each to one ASCII character


def _narrow(m: re.Match[str]) -> str:
    return chr(ord(m.group()) - 0xFEE0)


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """NFKC, every whitespace run folded to one space, trimmed."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", _WIDE.sub(_narrow, text))
    return _WS.sub(" ", text).strip()
