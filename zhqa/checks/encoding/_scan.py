"""Fast paths shared by the E checks: one scan per document, then each check looks only if it must.

Almost every document holds none of the characters the encoding checks look for, and a
``re`` scan costs the same whether it finds them or not. So the distinct characters of
one union class (every check's trigger characters) are collected once per text (cached:
the checks of a document run one after another on the same ``str``), turned into one
int of class bits (:func:`kinds`), and a check whose bit is clear returns at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
INVISIBLE = "\u200b-\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069"
REPLACEMENT = "\ufffd"
RADICALS = "\u2e80-\u2ef3\u2f00-\u2fd5"  # CJK radicals supplement, Kangxi radicals
COMPAT_SUPPLEMENT = "\U0002f800-\U0002fa1f"  # astral: in the union through ASTRAL
LOOKALIKE = RADICALS + "\uf900-\ufaff"  # plus COMPAT_SUPPLEMENT
FULLWIDTH = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
LATIN = "\u00c0-\u00d6\u00d8-\u00fe"  # letters of Latin-1 mojibake; not · × °
ASTRAL = "\U00010000-\U0010ffff"  # Ext-B hanzi, emoji, compatibility supplement, planes 15-16
FILLER = "锟烫屯"  # 锟斤拷 烫烫烫 屯屯屯
LOST = "?"  # a lost GBK byte before a non-ASCII run (E106)


@cache
def unusable_bmp() -> str:
    """Class body of BMP code points E111 reports: private use, unassigned, noncharacters."""
    parts, start = [], None
    for cp in range(0x10001):
        bad = cp <= 0xFFFF and (
            unicodedata.category(chr(cp)) in ("Co", "Cn") or 0xFDD0 <= cp <= 0xFDEF or cp >= 0xFFFE
        )
        if bad and start is None:
            start = cp
        elif not bad and start is not None:
            parts.append(f"{chr(start)}-{chr(cp - 1)}")
            start = None
    return "".join(parts)


@cache
def union() -> re.Pattern[str]:
    from zhqa.checks.encoding import _gbk
    from zhqa.checks.encoding.script import trigger_chars

    body = CONTROL + INVISIBLE + REPLACEMENT + LOOKALIKE + FULLWIDTH + SPACES + LATIN + ASTRAL + FILLER + "?"
    body += unusable_bmp() + _gbk.ext_class() + re.escape(trigger_chars())
    return re.compile(f"[{body}]")


@lru_cache(maxsize=4)
def present(text: str) -> str:
    """The distinct characters of ``text`` any E check may care about, as one string."""
    return "".join(set(union().findall(text)))


# One bit per class body a check screens with: kinds(text) & bit says whether text holds one.
CONTROL_BIT, INVISIBLE_BIT, REPLACEMENT_BIT, LOOKALIKE_BIT = 1, 2, 4, 8
FULLWIDTH_BIT, SPACES_BIT, LATIN_BIT, FILLER_BIT, LOST_BIT = 16, 32, 64, 128, 256
SUSPECT_BIT, EXT_BIT, TRIGGER_BIT = 512, 1024, 2048
EXT2_BIT = 4096  # two distinct characters or more of EXT's class (what E106's pair scan needs)
_MEMO_MAX = 50_000  # distinct characters remembered (the union is large; real texts use few)
_KINDS: dict[str, int] = {}


@cache
def suspect_body() -> str:
    """E111's class: BMP private use, unassigned and noncharacters, and every astral character."""
    return unusable_bmp() + ASTRAL  # one str object: its hash is computed once


@cache
def bodies() -> dict[str, int]:
    """Each class body checks screen with, and its bit (every body is inside the union)."""
    from zhqa.checks.encoding import _gbk
    from zhqa.checks.encoding.script import trigger_chars

    pairs = [
        (CONTROL, CONTROL_BIT),
        (INVISIBLE, INVISIBLE_BIT),
        (REPLACEMENT, REPLACEMENT_BIT),
        (LOOKALIKE + COMPAT_SUPPLEMENT, LOOKALIKE_BIT),
        (FULLWIDTH, FULLWIDTH_BIT),
        (SPACES, SPACES_BIT),
        (LATIN, LATIN_BIT),
        (FILLER, FILLER_BIT),
        (LOST, LOST_BIT),
        (suspect_body(), SUSPECT_BIT),
        (_gbk.ext_class(), EXT_BIT),
        (trigger_chars(), TRIGGER_BIT),
    ]
    return {body: bit for body, bit in pairs if body}  # no trigger class without opencc


def _kind(ch: str) -> int:
    return sum(bit for body, bit in bodies().items() if _one(body).match(ch))


@lru_cache(maxsize=4)
def kinds(text: str) -> int:
    """The bits of the classes ``text`` holds a character of (0: none; most texts).

    One dictionary lookup per distinct character :func:`present` found, each character
    classified once per process; a check tests its bit instead of searching again.
    ``EXT2_BIT`` is not a class: it says the text holds two characters of EXT's class or more."""
    found = present(text)
    if not found:
        return 0
    memo, out, ext = _KINDS, 0, 0
    for ch in found:
        bits = memo.get(ch)
        if bits is None:
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            bits = memo[ch] = _kind(ch)
        out |= bits
        ext += bits & EXT_BIT
    return out | EXT2_BIT if ext >= 2 * EXT_BIT else out


def count(text: str, chars: str) -> int:
    """How many distinct characters of the class body ``chars`` ``text`` holds."""
    return len(_one(chars).findall(present(text)))


@cache
def _one(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{chars}]")


def has(text: str, chars: str) -> bool:
    """Whether ``text`` holds a character of the class body ``chars`` (which must be in the union)."""
    bit = bodies().get(chars)
    if bit is not None:
        return bool(kinds(text) & bit)
    found = present(text)
    return bool(found) and _one(chars).search(found) is not None


def runs(chars: str, text: str) -> Iterator[re.Match[str]]:
    """Maximal runs of characters of the class body ``chars`` in ``text``."""
    if not has(text, chars):
        return iter(())
    return _runs(chars).finditer(text)


@cache
def _runs(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{chars}]+")
