"""What several P checks share: ASCII marks in CJK context, found once per text.

P201 reports them, P209 counts them, and the metrics give the mixed-width
statistics; one cached scan serves all three.
"""

from __future__ import annotations

import re
from functools import lru_cache

from zhqa.schemas.finding import Applicability, Fix, Hit
from zhqa.text.chars import CJK_CTX, SPACES, inside, is_cjk_ctx, latin_spans, left_char, right_char

FULL = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULLWIDTH_MARKS = "，。；：？！（）"
_C = f"[{CJK_CTX}]"
_S = f"[{SPACES}]"
# A candidate mark with a CJK character at most two spaces away on either side.
_HALF_CTX = rf"(?<={_C}.)|(?<={_C}{_S}.)|(?<={_C}{_S}{_S}.)|(?={_S}{{0,2}}{_C})"
_HALF = re.compile(rf"[,.;:?!()](?:{_HALF_CTX})")  # the ASCII half of _EVENT, alone
PAUSE = "，。、；：！？"  # full-width pause marks: P206 doubles them, P208 finds them before Latin
# One scan for three checks (a character class costs ~3 ns a character however many checks
# ask): _HALF's matches, and every full-width pause mark followed by a pause mark, a letter
# or a space (P206's and P208's candidates).
_EVENT = re.compile(
    rf"[{PAUSE},.;:?!()](?:(?=[，。、；：A-Za-z ])(?<![,.;:?!()])|(?<=[,.;:?!()])(?:{_HALF_CTX}))"
)
_MARKS = frozenset(",.;:?!()")
_RUN = re.compile(r"[,.;:?!()][,.;:?!()]+")  # = {2,}, but searched twice as fast
_ALNUM = re.compile(r"[0-9A-Za-z]")
_TILDE = re.compile(rf"~(?:(?<=[0-9%A-Za-z{CJK_CTX}]~)|(?<=[0-9%A-Za-z{CJK_CTX}] ~))(?= ?[0-9])")
_LEFT_NUM = re.compile(r"[0-9][0-9.,]*%?[A-Za-z]{0,3} ?$")
_RIGHT_NUM = re.compile(r" ?[0-9][0-9.,]*%?[A-Za-z]{0,3}")


_VALIDATE_HIT = Hit.__pydantic_validator__.validate_python


def hit(start: int, end: int, message: str, fix: Fix | None = None) -> Hit:
    """``Hit(start=start, end=end, message=message, fix=fix)``: the same model, validated by its
    own validator, without the Python ``__init__`` frame (about a third cheaper per finding)."""
    if fix is None:
        return _VALIDATE_HIT({"start": start, "end": end, "message": message})
    return _VALIDATE_HIT({"start": start, "end": end, "message": message, "fix": fix})


@lru_cache(maxsize=64)
def fix(replacement: str, applicability: Applicability = "safe") -> Fix:
    """A shared fix (Fix is frozen): one instance per replacement serves every finding."""
    return Fix(replacement=replacement, applicability=applicability)


@lru_cache(maxsize=8)
def latin_of(text: str) -> list[tuple[int, int]]:
    """``latin_spans(text)``, computed once for all the P checks of a document (read-only)."""
    if "@" in text or ("/" in text and "://" in text) or ("w" in text and "www." in text):
        return latin_spans(text)
    return latin_spans(text) if "z" in text and "zh-" in text else []  # a letter first: memchr speed


def _keep(text: str, i: int, ch: str, latin: list[tuple[int, int]]) -> bool:
    if latin and inside(latin, i):
        return False
    if ch == ".":
        # a full stop follows Chinese; dot runs are ellipses (P204); `.cn`, `.5` are Latin
        if text[i - 1 : i] == "." or text[i + 1 : i + 2] == ".":
            return False
        return is_cjk_ctx(left_char(text, i)) and not _ALNUM.match(text, i + 1)
    return True


def _offsets(text: str, chars: str) -> list[int]:
    """Sorted offsets of ``chars`` in ``text`` (str.find: faster than a regex class for a few)."""
    out = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    return sorted(out)


def _pair_parens(text: str, fired: set[int], latin: list[tuple[int, int]]) -> set[int]:
    """A bracket pair is one unit: when one half is in CJK context, so is the other.

    A pair that belongs to a Latin run (`C/2022 E3 (ZTF)`: Latin before it, ASCII
    inside) is not reported even when a Chinese mark follows it.
    """
    out = set(fired)
    stack: list[int] = []
    end = -1  # the current line ends here: brackets pair within a line
    for i in _offsets(text, "()"):
        if i > end:
            stack.clear()
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
        if text[i] == "(":
            stack.append(i)
        elif stack:
            a, b = stack.pop(), i
            if not (a in fired or b in fired) or inside(latin, a) or inside(latin, b):
                continue
            if _ALNUM.match(left_char(text, a)) and text[a + 1 : b].isascii():
                out.difference_update((a, b))
            else:
                out.update((a, b))
    return out


def _beside_fired(text: str, fired: set[int], latin: list[tuple[int, int]]) -> set[int]:
    """Marks touching a reported mark share its context: `(约3000个)!` fixes the `!` too."""
    out: set[int] = set()
    for m in _RUN.finditer(text):
        span = range(m.start(), m.end())
        if any(i in fired for i in span) and "..." not in m.group():
            out.update(i for i in span if text[i] != "." and not (latin and inside(latin, i)))
    return out - fired


@lru_cache(maxsize=8)
def mark_events(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Offsets of ``_HALF``'s matches, and of the full-width pause marks followed by
    ``，。、；：``, an ASCII letter or a space, from one scan (read-only, cached)."""
    found = [m.start() for m in _EVENT.finditer(text)]
    if not found:
        return (), ()
    half = tuple([i for i in found if text[i] in _MARKS])
    if len(half) == len(found):
        return half, ()
    return half, tuple([i for i in found if text[i] not in _MARKS])


@lru_cache(maxsize=8)
def halfwidth_marks(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, mark) of every ASCII ``, . ; : ? ! ( )`` in CJK context, in text order."""
    found = mark_events(text)[0]
    if not found:
        return ()
    latin = latin_of(text)
    fired = set()
    parens = 0
    for i in found:
        ch = text[i]
        if (ch == "." or latin) and not _keep(text, i, ch, latin):
            continue
        fired.add(i)
        parens += ch in "()"
    if parens and parens != text.count("(") + text.count(")"):
        fired = _pair_parens(text, fired, latin)  # else every bracket fired: pairing adds nothing
    for i in fired:
        if text[i - 1 : i] in _MARKS or text[i + 1 : i + 2] in _MARKS:
            fired = fired | _beside_fired(text, fired, latin)  # a fired mark is part of a run
            break
    return tuple([(i, text[i]) for i in sorted(fired)])


@lru_cache(maxsize=8)
def tilde_ranges(text: str) -> tuple[int, ...]:
    """Offsets of ASCII ``~`` joining two numbers of a range in CJK context (``3%~5%``)."""
    if "~" not in text:
        return ()
    latin = latin_of(text)
    out = []
    for m in _TILDE.finditer(text):
        i = m.start()
        if latin and inside(latin, i):
            continue
        if is_cjk_ctx(text[i - 1 : i]):
            out.append(i)
            continue
        left = _LEFT_NUM.search(text, max(0, i - 24), i)
        right = _RIGHT_NUM.match(text, i + 1)
        before = left_char(text, left.start()) if left else ""
        after = right_char(text, right.end()) if right else ""
        if is_cjk_ctx(before) or is_cjk_ctx(after):
            out.append(i)
    return tuple(out)
