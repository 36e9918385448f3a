"""Apply fixes: group edits, skip conflicts, re-run until stable, never lose text.

A fix is one edit plus optional ``also`` edits applied together (all or none).
Conflicting fixes wait for the next pass; :func:`fix_document` re-runs the checks
until no applicable fix is left (at most ``MAX_PASSES``) and names the codes that
did not converge.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from zhqa.schemas.document import Document, InvalidBytes
from zhqa.schemas.finding import Finding, Hit

Edit = tuple[int, int, str]
MAX_PASSES = 10


def edits_of(item: Hit | Finding) -> list[Edit]:
    """The edits a finding's fix makes (empty without a fix)."""
    fix = item.fix
    if fix is None:
        return []
    start = fix.start if fix.start is not None else item.start
    end = fix.end if fix.end is not None else item.end
    return [(start, end, fix.replacement)] + [(e.start, e.end, e.replacement) for e in fix.also or []]


def applicable(item: Hit | Finding, unsafe: bool) -> bool:
    if item.fix is None or item.fix.applicability == "display":
        return False
    return unsafe or item.fix.applicability == "safe"


class _Taken:
    """Edited intervals of this pass (disjoint, sorted); says whether a new edit conflicts.

    Edits conflict when they overlap, or when an insertion touches another edit
    (the order of the two would be ambiguous).
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []

    def conflicts(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, start)
        for s, e in self._spans[max(0, i - 1) : i + 1]:
            if (
                (start < e and s < end)
                or (start == end and s <= start <= e)
                or (s == e and start <= s <= end)
            ):
                return True
        return False

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end))


def apply_groups(text: str, groups: Sequence[list[Edit]]) -> tuple[str, list[int], list[Edit]]:
    """Apply every group of edits that conflicts with none taken before it.

    Returns the new text, the indexes of the groups applied, and the edits made.
    """
    taken = _Taken()
    done: list[int] = []
    made: list[Edit] = []
    order = sorted(range(len(groups)), key=lambda g: min((e[0], e[1]) for e in groups[g]))
    for g in order:
        group = sorted(set(groups[g]))
        if any(e[0] < 0 or e[1] > len(text) or e[0] > e[1] for e in group):
            continue
        if any(taken.conflicts(s, e) for s, e, _ in group) or _self_overlap(group):
            continue
        for s, e, _ in group:
            taken.add(s, e)
        done.append(g)
        made.extend(group)
    made.sort(key=lambda e: (e[0], e[1]))
    parts: list[str] = []
    pos = 0
    for s, e, repl in made:
        parts.append(text[pos:s])
        parts.append(repl)
        pos = e
    parts.append(text[pos:])
    return "".join(parts), done, made


def _self_overlap(group: list[Edit]) -> bool:
    return any(a[1] > b[0] or (a[0] == a[1] == b[0]) for a, b in itertools.pairwise(group))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], list[Edit]]:
    """Apply single edits that do not conflict; returns the text, edits applied, edits skipped."""
    edits = list(dict.fromkeys(edits))
    new, done, made = apply_groups(text, [[e] for e in edits])
    skipped = [e for i, e in enumerate(edits) if i not in set(done)]
    return new, made, skipped


def apply_fixes(text: str, items: Iterable[Hit | Finding], unsafe: bool = False) -> str:
    """The text with every applicable, non-conflicting fix of ``items`` applied (one pass)."""
    groups = [edits_of(it) for it in items if applicable(it, unsafe)]
    return apply_groups(text, [g for g in groups if g])[0]


def shift(offset: int, made: Sequence[Edit]) -> int | None:
    """Where ``offset`` moved after ``made`` (sorted edits); None if an edit replaced it."""
    delta = 0
    for s, e, repl in made:
        if e <= offset and not (s == e == offset):
            delta += len(repl) - (e - s)
        elif s <= offset < e:
            return None
        else:
            break
    return offset + delta


@dataclass
class FixOutcome:
    """What fixing one document did and left."""

    text: str
    changed: bool
    applied: Counter[str] = field(default_factory=Counter)
    remaining: list[Finding] = field(default_factory=list)
    unconverged: list[str] = field(default_factory=list)
    passes: int = 0


def fix_document(
    plan: object, doc: Document, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixOutcome:
    """Run the plan's document checks and apply their fixes until stable."""
    from zhqa.checks.runner import Plan, run_document

    assert isinstance(plan, Plan)
    current = doc
    applied: Counter[str] = Counter()
    findings = run_document(plan, current).findings
    passes = 0
    while passes < max_passes:
        fixable = [f for f in findings if applicable(f, unsafe)]
        if not fixable:
            break
        groups = [edits_of(f) for f in fixable]
        new_text, done, made = apply_groups(current.text, groups)
        if not done or new_text == current.text:
            break
        passes += 1
        applied.update(fixable[i].code for i in done)
        current = current.model_copy(
            update={"text": new_text, "invalid_bytes": _moved(current.invalid_bytes, made)}
        )
        findings = run_document(plan, current).findings
    unconverged = sorted({f.code for f in findings if applicable(f, unsafe)}) if passes >= max_passes else []
    return FixOutcome(current.text, current.text != doc.text, applied, findings, unconverged, passes)


def _moved(invalid: list[InvalidBytes], made: Sequence[Edit]) -> list[InvalidBytes]:
    out = []
    for inv in invalid:
        pos = shift(inv.char_offset, made)
        if pos is not None:
            out.append(inv.model_copy(update={"char_offset": pos}))
    return out
