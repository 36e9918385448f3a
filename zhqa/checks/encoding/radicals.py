"""E109: radicals and compatibility ideographs that stand in for ordinary hanzi."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources

from zhqa.checks.encoding._scan import COMPAT_SUPPLEMENT, LOOKALIKE, LOOKALIKE_BIT, RADICALS, kinds
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit

_LOOKALIKE_BODY = LOOKALIKE + COMPAT_SUPPLEMENT
_LOOKALIKE = re.compile(f"[{_LOOKALIKE_BODY}]")
_RADICAL = re.compile(f"[{RADICALS}]")
_HANZI = re.compile("[\u3400-\u9fff\U00020000-\U0003134f]")
# The 12 unified ideographs inside the compatibility block: ordinary characters.
UNIFIED_IN_COMPAT = frozenset("\ufa0e\ufa0f\ufa11\ufa13\ufa14\ufa1f\ufa21\ufa23\ufa24\ufa27\ufa28\ufa29")


@cache
def equivalents() -> dict[str, str]:
    """Radical/stroke -> unified ideograph, from the shipped EquivalentUnifiedIdeograph table."""
    text = resources.files("zhqa").joinpath("data", "equivalent_unified_ideograph.tsv").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {chr(int(a, 16)): chr(int(b, 16)) for a, b in pairs}


def unified(ch: str) -> str | None:
    """The unified ideograph ``ch`` stands for, if one is known."""
    if _RADICAL.match(ch):
        return equivalents().get(ch)
    nfc = unicodedata.normalize("NFC", ch)
    return nfc if nfc != ch else None


def _is_radical_list(line: str) -> bool:
    """A line that lists radicals on purpose: mostly radicals, few ordinary hanzi."""
    radicals = len(_RADICAL.findall(line))
    return radicals >= 3 and radicals >= len(_HANZI.findall(line))


@check(
    code="E109",
    name="radical-or-compatibility-ideograph",
    severity="error",
    fix="sometimes",
    examples=[
        Bad(
            "这是⼀个和 Splay ⼀样的数据结构",
            fixed="这是一个和 Splay 一样的数据结构",
            why="Kangxi ⼀ from PDF",
        ),
        Bad("对整棵树按子树大小进⾏剖分", fixed="对整棵树按子树大小进行剖分"),
        Bad("⻩河流域", fixed="黄河流域", why="CJK radicals supplement (NFKC misses it)"),
        Bad("\uf9e1白的诗", fixed="李白的诗", why="compatibility ideograph U+F9E1"),
        Good("部首表：⼀ ⼁ ⼂ ⼃ ⼄ ⼅", why="a radical table lists radicals on purpose"),
        Good("\ufa11崎站与\ufa0e字", why="U+FA11 and U+FA0E are unified ideographs"),
    ],
)
def radical_or_compatibility_ideograph(doc: Document) -> Iterator[Hit]:
    """Kangxi radicals, CJK radicals-supplement characters and compatibility ideographs used as text.

    ## Why is this bad?
    `⼀` (U+2F00) looks exactly like `一` (U+4E00) but is another character: search,
    tokenisers and deduplication miss it. They come from PDF extraction and old
    fonts. The fix is the unified ideograph from Unicode's EquivalentUnifiedIdeograph
    table (NFKC maps the Kangxi block but only 2 of the supplement's 115) or the
    canonical (NFC) mapping of the compatibility ideograph.

    ## Fix safety
    The replacement is always safe; U+2E80 (CJK RADICAL REPEAT) has no unified
    equivalent, so it is reported without a fix.

    ## Known limits
    Lines that list radicals on purpose (more radicals than hanzi) are skipped.
    """
    text = doc.text
    if not kinds(text) & LOOKALIKE_BIT:
        return
    lists: dict[int, bool] = {}
    for m in _LOOKALIKE.finditer(text):
        ch = m.group()
        if ch in UNIFIED_IN_COMPAT or unicodedata.category(ch) == "Cn":
            continue
        if _RADICAL.match(ch):
            ls = text.rfind("\n", 0, m.start()) + 1
            if ls not in lists:
                le = text.find("\n", m.end())
                lists[ls] = _is_radical_list(text[ls : le if le >= 0 else len(text)])
            if lists[ls]:
                continue
        target = unified(ch)
        kind = "radical" if _RADICAL.match(ch) else "compatibility ideograph"
        name = unicodedata.name(ch, f"U+{ord(ch):04X}")
        if target is None:
            yield Hit(start=m.start(), end=m.end(), message=f"{kind} {ch} ({name}) used as text")
            continue
        yield Hit(
            start=m.start(),
            end=m.end(),
            message=f"{kind} {ch} (U+{ord(ch):04X}) used as text; the ideograph is {target} (U+{ord(target):04X})",
            fix=Fix(replacement=target, title=f"use the unified ideograph {target}"),
        )
