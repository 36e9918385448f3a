"""Fast paths shared by the E checks: one scan per document, then each check looks only if it must.

Almost every document holds none of the characters the encoding checks look for, and a
``re`` scan costs the same whether it finds them or not. So the distinct characters of
one union class (every check's trigger characters) are collected once per text (cached:
the checks of a document run one after another on the same ``str``) and a check whose
characters are absent returns at once.
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


def count(text: str, chars: str) -> int:
    """How many distinct characters of the class body ``chars`` ``text`` holds."""
    return len(_one(chars).findall(present(text)))


@cache
def _one(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{chars}]")


def has(text: str, chars: str) -> bool:
    """Whether ``text`` holds a character of the class body ``chars`` (which must be in the union)."""
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
