"""What GBK mojibake looks like: the character classes and the re-readings E106 tries.

Genuine simplified text is ~99% GB2312 level-1 hanzi (the 3,755 common ones); text
decoded from the wrong bytes is not. UTF-8 read as GBK lands in GBK's extension rows
(`鍙戝睍`); GBK decoded one byte out of phase lands anywhere in the code table, a third
of it in level 2, the user-defined rows (private use) and kana/box rows.

Trigger: two "odd" characters (not level 1) close together in a document that holds
characters outside GB2312, or '?' (a lost byte) before a non-ASCII run. Proof: a
re-reading of the same bytes that is clearly more plausible Chinese, judged by the
share and the frequency rank of common hanzi (zhqa/data/common_hanzi.txt).
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Ranges where odd characters live: hanzi (BMP), kana, Hangul, box drawing, private use.
_SCAN = ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xAC00, 0xD7AF), (0x2500, 0x257F), (0xE000, 0xF8FF))


def _rows(first: int, last: int) -> frozenset[str]:
    out = set()
    for lead in range(first, last + 1):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes((lead, trail)).decode("gb2312"))
    return frozenset(out)


@cache
def level1() -> frozenset[str]:
    """The 3,755 GB2312 level-1 hanzi (rows 0xB0–0xD7)."""
    return _rows(0xB0, 0xD7)


@cache
def gb2312() -> frozenset[str]:
    """Every character of GB2312 (rows 0xA1–0xF7)."""
    return _rows(0xA1, 0xF7)


def _class_without(common: frozenset[str]) -> str:
    parts, start = [], None
    for lo, hi in _SCAN:
        for cp in range(lo, hi + 2):
            inside = cp <= hi and chr(cp) not in common
            if inside and start is None:
                start = cp
            elif not inside and start is not None:
                parts.append(_esc(start) if start == cp - 1 else f"{_esc(start)}-{_esc(cp - 1)}")
                start = None
    return "".join(parts)


@cache
def odd_class() -> str:
    """A regex class body of the odd characters (the scanned ranges minus GB2312 level 1)."""
    return _class_without(level1())


@cache
def ext_class() -> str:
    """A regex class body of the scanned ranges minus all of GB2312: where UTF-8-as-GBK lands."""
    return _class_without(gb2312())


def _esc(cp: int) -> str:
    return chr(cp)  # literal: no scanned code point is special in a class, and it compiles faster


@cache
def odd_re() -> re.Pattern[str]:
    return re.compile(f"[{odd_class()}]")


@cache
def pair_re() -> re.Pattern[str]:
    """Two odd characters with at most three others (no newline) between them."""
    return re.compile(f"[{odd_class()}][^{odd_class()}\\n]{{0,3}}[{odd_class()}]")


_COUNTED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u2500-\u257f\ue000-\uf8ff]")
# Non-ASCII characters a plausible reading may hold besides hanzi: common punctuation,
# full-width digits and letters, spaces. Anything else (ⅦⅧ ⑴ ¤ ...) counts against it.
_NEUTRAL = re.compile(
    "[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u3003\u3008-\u3011\uff01-\uff5e\ufffd]"
)


@cache
def ranks() -> dict[str, int]:
    """Frequency rank of the 3,000 most frequent hanzi (zhqa/data/common_hanzi.txt, from jieba)."""
    text = resources.files("zhqa").joinpath("data", "common_hanzi.txt").read_text("utf-8")
    return {ch: i for i, ch in enumerate(text.splitlines()[1].strip())}


@cache
def common() -> frozenset[str]:
    return frozenset(ranks())


def rarity(text: str) -> tuple[float, int]:
    """Mean frequency rank (0 = most frequent, 1 = beyond the top 3,000) of the non-neutral characters."""
    rank = ranks()
    vals = [min(rank.get(c, 3000), 3000) for c in text if c >= "\x80" and not _NEUTRAL.match(c)]
    return (sum(vals) / len(vals) / 3000 if vals else 1.0), len(vals)


def plausibility(text: str) -> tuple[float, int]:
    """Share of common hanzi among the counted characters (hanzi, kana, Hangul, box, PUA), and that count."""
    top = common()
    hits = sum(c in top for c in _COUNTED.findall(text))
    total = sum(c >= "\x80" for c in text) - len(_NEUTRAL.findall(text))
    return (hits / total if total > 0 else 0.0), total


@dataclass(frozen=True)
class Reading:
    """A more plausible reading of a run: what it says, how, and whether it round-trips."""

    text: str
    how: str
    exact: bool
    trim_start: int = 0  # characters of the run left out of the re-read span
    trim_end: int = 0


def _strict_prefix(run: str, a: int) -> tuple[int, str]:
    """The longest ``run[a:b]`` whose GB18030 bytes decode strictly as UTF-8, and that text."""
    dec = codecs.getincrementaldecoder("utf-8")()
    out: list[str] = []
    best = (a, "")
    for i in range(a, len(run)):
        try:
            out.append(dec.decode(run[i].encode("gb18030")))
        except (UnicodeError, UnicodeDecodeError):
            break
        if not dec.getstate()[0]:
            best = (i + 1, "".join(out))
    return best


def as_utf8(run: str) -> Reading | None:
    """The run was UTF-8 decoded as GBK/GB18030: re-encode and read as UTF-8.

    Exact (a safe fix) when most of the run decodes strictly; the run may start with
    a genuine character or half of one (up to two are skipped) and end in genuine
    text (left out of the span). Lossy decodes (U+FFFD inside) are re-read whole.
    """
    if "\ufffd" not in run:
        a, b, text = 0, 0, ""
        for skip in range(3):
            end, dec = _strict_prefix(run, skip)
            if end - skip > b - a:
                a, b, text = skip, end, dec
        if b - a >= 3 and (b - a) * 2 >= len(run):
            return Reading(text, "UTF-8 decoded as GBK", True, a, len(run) - b)
    data = run.replace("\ufffd", "?").encode("gb18030", "replace")
    alt = data.decode("utf-8", "replace")
    _, m = plausibility(alt)
    if alt.count("\ufffd") > m:
        return None
    return Reading(alt, "UTF-8 decoded as GBK", False)


def shifted(run: str) -> Reading | None:
    """The run is GBK decoded one byte out of phase (a lost byte before it): drop one byte."""
    try:
        data = run.encode("gb18030")
    except UnicodeEncodeError:
        return None
    alt = data[1:].decode("gb18030", "replace")
    if alt.count("\ufffd") * 5 > len(alt):
        return None
    return Reading(alt, "GBK decoded out of phase after a lost byte", False)


def better(run: str, alt: Reading) -> bool:
    """The re-reading is plainly Chinese where the run is not: many more common hanzi or far fewer odd ones.

    A strict UTF-8 decode is structural evidence already, so it needs less plausibility.
    """
    part = run[alt.trim_start : len(run) - alt.trim_end]
    p, n = plausibility(part)
    q, m = plausibility(alt.text)
    if n < 3 or m < 2 or q < (0.6 if alt.exact else 0.8):
        return False
    return q - p >= 0.3 or oddness(part) - oddness(alt.text) >= 0.3


def oddness(text: str) -> float:
    """Share of odd characters (not GB2312 level 1) among the counted ones."""
    n = len(_COUNTED.findall(text))
    return len(odd_re().findall(text)) / n if n else 0.0


def reread(run: str, lost_byte: bool) -> Reading | None:
    """The first re-reading of ``run`` that is clearly better, if any.

    The out-of-phase reading is tried only after a trace of a lost byte ('?' or
    U+FFFD just before the run) and must not produce ASCII, which GB2312 text lacks.
    """
    if _UTF8_PAIR.search(run.encode("gb18030", "replace")):
        alt = as_utf8(run)
        if alt is not None and better(run, alt):
            return alt
    if lost_byte:
        alt = shifted(run)
        if alt is None or _ASCII.search(alt.text):
            return None
        r, n = rarity(run)
        q, m = rarity(alt.text)
        if n >= 2 and m >= 2 and r - q >= 0.15:
            return alt
    return None


_ASCII = re.compile("[\x00-\x7f]")
# Two UTF-8 three-byte sequences in a row: cheap evidence worth a full UTF-8 re-reading.
_UTF8_PAIR = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]{2}){2}")
# each byte as H (a UTF-8 lead of three, E0-EF), C (a continuation, 80-BF) or x: the pair is HCCHCC
_SHAPES = bytes.maketrans(
    bytes(range(256)), bytes(b"xHC"[(0xE0 <= b <= 0xEF) + 2 * (0x80 <= b <= 0xBF)] for b in range(256))
)


@cache
def lead3_re() -> re.Pattern[str]:
    """Characters whose GB18030 bytes are a UTF-8 lead of three (E0-EF) then a continuation (80-BF).

    Every ``_UTF8_PAIR`` holds the bytes of one: six bytes in those ranges start on a lead byte
    (its character is one) or on a trail byte E0-EF (the third character is one)."""
    chars = []
    for lead in range(0xE0, 0xF0):
        for trail in range(0x80, 0xC0):
            with contextlib.suppress(UnicodeDecodeError):
                ch = bytes((lead, trail)).decode("gb18030")
                if ch.encode("gb18030") == bytes((lead, trail)):
                    chars.append(ch)
    return re.compile(f"[{''.join(chars)}]")


def utf8_like(text: str) -> bool:
    """Whether ``text``'s GB18030 bytes hold ``_UTF8_PAIR`` (what :func:`reread` needs of a run).

    A run's bytes are a slice of its text's (GB18030 encodes one character at a time), so
    a text without them has no run to re-read as UTF-8. A text with no :func:`lead3_re`
    character has none; else the bytes are mapped to their shapes and searched as a string
    (the regex is several times slower on whole texts)."""
    if lead3_re().search(text) is None:
        return False
    return b"HCCHCC" in text.encode("gb18030", "replace").translate(_SHAPES)


def gbk_as_latin1(run: str) -> Reading | None:
    """A run of Latin-1 letters that is GBK/GB2312 bytes read as Latin-1 (`ÖÐÎÄ` for 中文)."""
    try:
        alt = run.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    q, m = plausibility(alt)
    if m < 2 or m < len(alt) * 0.6 or q < 0.8:
        return None
    return Reading(alt, "GBK decoded as Latin-1", True)
