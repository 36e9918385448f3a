"""Apply fixes: sort the edits, skip overlaps, keep everything else of the text."""

from __future__ import annotations

from collections.abc import Iterable

from zhqa.schemas.finding import Finding, Hit

Edit = tuple[int, int, str]


def edit_of(item: Hit | Finding) -> Edit | None:
    """The edit a finding's fix makes, or None."""
    if item.fix is None:
        return None
    start = item.fix.start if item.fix.start is not None else item.start
    end = item.fix.end if item.fix.end is not None else item.end
    return start, end, item.fix.replacement


def applicable(item: Hit | Finding, unsafe: bool) -> bool:
    if item.fix is None or item.fix.applicability == "display":
        return False
    return unsafe or item.fix.applicability == "safe"


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], list[Edit]]:
    """Apply non-overlapping edits; returns the text, the edits applied and those skipped."""
    applied: list[Edit] = []
    skipped: list[Edit] = []
    last_end = -1
    for start, end, repl in sorted(set(edits), key=lambda e: (e[0], e[1], e[2])):
        if start < last_end or (start == last_end and applied and applied[-1][0] == applied[-1][1] == start):
            skipped.append((start, end, repl))
            continue
        applied.append((start, end, repl))
        last_end = end
    parts: list[str] = []
    pos = 0
    for start, end, repl in applied:
        parts.append(text[pos:start])
        parts.append(repl)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), applied, skipped


def apply_fixes(text: str, items: Iterable[Hit | Finding], unsafe: bool = False) -> str:
    """The text with every applicable fix of ``items`` applied (one pass)."""
    edits = [e for it in items if applicable(it, unsafe) and (e := edit_of(it)) is not None]
    return apply_edits(text, edits)[0]
