"""NFKC with whitespace folded: the comparison form the duplication checks hash.

``folded(text)`` equals ``re.sub(r"\\s+", " ", unicodedata.normalize("NFKC", text)).strip()``
and is much faster on Chinese text: full-width ASCII (``，：（）！？``, the usual reason
Chinese text is not already NFKC) is first replaced by its NFKC form, a single ASCII
character (:func:`narrowed`: ``str.replace``, no per-character Python), so the full
decomposition and recomposition runs only when something else needs it;
``" ".join(s.split())`` folds the whitespace (``\\s`` and ``str.split`` agree on every
code point).

``folds(text)`` gives the folded form of a document and of each of its paragraphs
(:func:`zhqa.text.paragraphs.paragraphs`) at once: one narrowing and one NFKC test for
the whole text, then each line folded. D301, D303, D304, D305 and D306 share it through
a small cache.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

from zhqa.text.paragraphs import _SPACE, paragraphs

_WIDE = re.compile("[\uff01-\uff5e]")  # full-width ASCII: NFKC maps each to one ASCII character
# the full-width forms Chinese text uses most, replaced without a regex callback
_COMMON = tuple((w, chr(ord(w) - 0xFEE0)) for w in "，（）：；")
# spaces paragraphs() trims that str.split does not drop (U+FEFF): texts with one take
# the paragraph-by-paragraph path
_ODD = tuple(c for c in _SPACE if not c.isspace())
_CACHE_CHARS = 1_000_000  # a few engine batches (256,000 characters each)


def _narrow(m: re.Match[str]) -> str:
    return chr(ord(m.group()) - 0xFEE0)


def narrowed(text: str) -> str:
    """Full-width ASCII (U+FF01-U+FF5E) replaced by ASCII, one character for one."""
    text = _narrow_common(text)
    return _WIDE.sub(_narrow, text) if _WIDE.search(text) else text


def _narrow_common(text: str) -> str:
    for wide, narrow in _COMMON:
        text = text.replace(wide, narrow)  # one scan when absent (an `in` test first: two when present)
    return text


def _narrow_nfkc(text: str) -> tuple[str, str]:
    """``narrowed(text)`` and its NFKC; in the common case one NFKC test, no regex scan."""
    narrow = _narrow_common(text)
    if unicodedata.is_normalized("NFKC", narrow):
        return narrow, narrow  # so no full-width form is left (none is NFKC)
    if _WIDE.search(narrow):  # (the common forms are gone already: narrowed() less its first step)
        narrow = _WIDE.sub(_narrow, narrow)
    return narrow, _nfkc(narrow)


def _nfkc(text: str) -> str:
    """NFKC, sentence by sentence ("。" is a normalisation boundary: a starter no
    composition involves), so only the sentences that need it pay ~100 ns a character."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return "。".join(
        s if unicodedata.is_normalized("NFKC", s) else unicodedata.normalize("NFKC", s)
        for s in text.split("。")
    )


@lru_cache(maxsize=256)
def folded(text: str) -> str:
    """NFKC, every whitespace run folded to one space, trimmed."""
    return " ".join(_narrow_nfkc(text)[1].split())


class Folds(NamedTuple):
    """``folded`` of a whole text and of each of its paragraphs, in order."""

    whole: str
    paragraphs: tuple[str, ...]
    plain: bool = False  # each paragraph is a whole line, and NFKC changed nothing


def _folds(text: str) -> Folds:
    narrow, nfkc = _narrow_nfkc(text)  # narrowing keeps offsets: paragraph spans apply
    if _ODD[0] in text if len(_ODD) == 1 else any(map(text.__contains__, _ODD)):  # rare: one by one
        keys = tuple(" ".join(_nfkc(narrow[p.start : p.end]).split()) for p in paragraphs(text))
        return Folds(" ".join(nfkc.split()), keys)
    # NFKC never makes a line break nor changes anything across one (nor across the spaces
    # paragraphs() trims), so a paragraph's NFKC is its line's, less spaces str.split drops
    whole = " ".join(nfkc.split())
    keys = tuple(filter(None, nfkc.split("\n")))
    if " ".join(keys) == whole:  # the common case: every line is already folded
        return Folds(whole, keys, plain=nfkc is narrow)
    lines = narrow.split("\n")
    out = []
    for line, nfkc_line in zip(lines, lines if nfkc is narrow else nfkc.split("\n"), strict=True):
        key = " ".join(nfkc_line.split())
        if key or line.strip(_SPACE):  # a paragraph as paragraphs() sees it (U+2003 is one)
            out.append(key)
    return Folds(whole, tuple(out))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of ``text`` (as :func:`paragraphs` gives them),
    read off the lines when :func:`folds` found them plain."""
    if not folds(text).plain:
        return [(p.start, p.end) for p in paragraphs(text)]
    out = []
    pos = 0
    for line in text.split("\n"):
        if line:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_recent: OrderedDict[str, Folds] = OrderedDict()
_recent_chars = 0


def folds(text: str) -> Folds:
    """:class:`Folds` of ``text``; the latest results are kept (about a million characters)."""
    global _recent_chars
    got = _recent.get(text)
    if got is None:
        got = _folds(text)
        if len(text) + 64 <= _CACHE_CHARS:
            _recent[text] = got
            _recent_chars += len(text) + 64
            while _recent_chars > _CACHE_CHARS:  # drop the oldest
                _recent_chars -= len(_recent.popitem(last=False)[0]) + 64
    return got
