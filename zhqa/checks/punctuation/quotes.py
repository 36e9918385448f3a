"""P203 ascii-quotes: straight quotes used as quotation marks in Chinese text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhqa.checks.punctuation._context import fix, hit, latin_of
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit
from zhqa.text.chars import HANZI_CHAR, inside, is_cjk_ctx, left_char, right_char

_ALNUM = re.compile(r"[0-9A-Za-z]")
_BEFORE_OPEN = ":：，,、（(【《“‘—"
_FULL = {'"': ("“", "”"), "'": ("‘", "’")}
_FIXES = {rep: Fix(replacement=rep) for rep in "“”‘’"}  # frozen: shared
_MESSAGES = {rep: f"straight {q} as a quotation mark; use {rep!r}" for q in _FULL for rep in _FULL[q]}


def _candidates(text: str, q: str, latin: list[tuple[int, int]]) -> Iterator[list[int]]:
    """Quote offsets per line, without inch/feet marks, apostrophes and URL characters."""
    line: list[int] = []
    end = -1  # the current line ends here; a quote past it starts the next line
    i = text.find(q)
    while i >= 0:
        if i > end:
            if line:
                yield line
            line = []
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if not ((latin and inside(latin, i)) or (_ALNUM.match(before) and (_ALNUM.match(after) or q == "'"))):
            line.append(i)  # else: inside a URL; don't / players' / 5'
        i = text.find(q, i + 1)
    if line:
        yield line


def _drop_inches(text: str, line: list[int]) -> list[int]:
    """With an odd count, the last quote right after a digit is an inch mark (`6.1"`)."""
    if len(line) % 2:
        for k in range(len(line) - 1, -1, -1):
            if text[line[k] - 1 : line[k]].isdigit():
                return line[:k] + line[k + 1 :]
    return line


def _in_cjk(text: str, a: int, b: int) -> bool:
    return (  # the first CJK edge decides: the others are not looked at
        is_cjk_ctx(left_char(text, a))
        or is_cjk_ctx(right_char(text, a + 1))
        or is_cjk_ctx(left_char(text, b))
        or is_cjk_ctx(right_char(text, b + 1))
        or bool(HANZI_CHAR.search(text, a, b))
    )


@check(
    code="P203",
    name="ascii-quotes",
    severity="warning",
    fix="always",
    examples=[
        Bad('支持"链主"企业开展认定。', fixed="支持“链主”企业开展认定。"),
        Bad("所谓'含金量'就是认可度。", fixed="所谓‘含金量’就是认可度。"),
        Bad('他说:"好', fixed="他说:“好", unsafe=True, why="unpaired: the direction is a guess"),
        Good('屏幕为6.1"，重量200克。', why="inches after digits"),
        Good('He said "don\'t" twice.', why="English text and apostrophes"),
    ],
)
def ascii_quotes(doc: Document) -> Iterator[Hit]:
    """Straight `"` / `'` used as quotation marks in CJK context.

    ## Why is this bad?
    GB/T 15834 uses `“ ”` and `‘ ’`; straight quotes come from ASCII keyboards
    or normalisation and lose the open/close distinction.

    ## Fix safety
    Quotes are paired in order within a paragraph: a pair becomes `“…”` (safe).
    A quote left over has a guessed direction (unsafe).
    """
    text = doc.text
    if '"' not in text and "'" not in text:
        return
    latin = latin_of(text)
    for q in ('"', "'"):
        opener, closer = _FULL[q]
        for found in _candidates(text, q, latin):
            line = _drop_inches(text, found)
            for a, b in zip(line[0::2], line[1::2], strict=False):
                if _in_cjk(text, a, b):
                    for i, rep in ((a, opener), (b, closer)):
                        yield hit(i, i + 1, _MESSAGES[rep], _FIXES[rep])
            if len(line) % 2 and q == '"':
                i = line[-1]
                if is_cjk_ctx(left_char(text, i)) or is_cjk_ctx(right_char(text, i + 1)):
                    prev = text[i - 1 : i]
                    rep = opener if not prev.strip() or prev in _BEFORE_OPEN else closer
                    yield hit(i, i + 1, f"unpaired straight {q} in Chinese text", fix(rep, "unsafe"))
