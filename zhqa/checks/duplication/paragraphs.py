"""D303 / D304: paragraphs and blocks of paragraphs printed twice in one document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit, Related
from zhqa.text.lines import is_byline
from zhqa.text.normal import folds
from zhqa.text.paragraphs import Para, paragraphs

_A = "近年来，当地聚焦新就业群体急难愁盼问题，推出一系列服务举措。"
_B = "新就业群体只需轻点手机，就能快速找到所需服务的点位。"
_C = "解决住房问题，是回应新就业群体需求的重要着力点。"


class RepeatOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_chars: int = Field(8, ge=1, description="a single repeated paragraph counts from this length")


class Repeat(NamedTuple):
    """Paragraphs ``[at, at + size)`` repeat paragraphs ``[first, first + size)``."""

    at: int
    first: int
    size: int


_MAX_COPIES = 64  # copies of one paragraph that later ones are compared with


@lru_cache(maxsize=16)
def repeats(text: str) -> tuple[Repeat, ...]:
    """Each maximal run of paragraphs of ``text`` that repeats an earlier run (copies do not
    overlap), compared with the first _MAX_COPIES copies of its first paragraph.
    Cached: D303, D304 and D306 ask for the same document's."""
    keys = folds(text).paragraphs
    if len(set(keys)) == len(keys):
        return ()  # no paragraph occurs twice (the common case)
    seen: dict[str, list[int]] = {}
    out: list[Repeat] = []
    i = 0
    while i < len(keys):
        best = Repeat(i, -1, 0)
        for j in seen.get(keys[i], ()):
            size = 1
            while i + size < len(keys) and j + size < i and keys[j + size] == keys[i + size]:
                size += 1
            if size > best.size:
                best = Repeat(i, j, size)
        for k in range(i, i + max(best.size, 1)):
            first = seen.setdefault(keys[k], [])
            if len(first) < _MAX_COPIES:  # a paragraph printed thousands of times: work stays linear
                first.append(k)
        if best.size:
            out.append(best)
        i += max(best.size, 1)
    return tuple(out)


def _counts(p: Para, min_chars: int) -> bool:
    return len(p.text) >= min_chars and not is_byline(p.text)


def _removal(paras: tuple[Para, ...], r: Repeat) -> Fix:
    """Delete the repeat with the line breaks before it (a repeat never starts the text)."""
    start, end = paras[r.at - 1].end, paras[r.at + r.size - 1].end
    return Fix(replacement="", applicability="unsafe", title="delete the second copy", start=start, end=end)


def _found(doc: Document, found: tuple[Repeat, ...], min_chars: int, block: bool) -> Iterator[Hit]:
    paras = paragraphs(doc.text)
    for r in found:
        run = paras[r.at : r.at + r.size]
        if not any(_counts(p, min_chars) for p in run) or (r.size >= 2) is not block:
            continue
        first = paras[r.first : r.first + r.size]
        what = f"{r.size} paragraphs repeat" if block else "paragraph repeats"
        line = doc.text.count("\n", 0, first[0].start) + 1
        yield Hit(
            start=run[0].start,
            end=run[-1].end,
            message=f"{what} the text from line {line}",
            related=[Related(doc_id=doc.id, start=first[0].start, end=first[-1].end)],
            fix=_removal(paras, r),
        )


@check(
    code="D303",
    name="duplicate-paragraph",
    severity="error",
    options=RepeatOptions,
    fix="always",
    examples=[
        Bad(f"{_A}\n\n{_B}\n\n{_A}", fixed=f"{_A}\n\n{_B}", unsafe=True),
        Good("本报讯\n\n会议今天召开。\n\n本报讯\n\n会议明天闭幕。", why="short repeated lines"),
        Good("本报记者 赖志凯\n\n会议今天召开。\n\n本报记者 赖志凯", why="bylines"),
        Good(f"{_A}\n\n{_B}\n\n{_A}\n\n{_B}", why="a repeated block is D304"),
    ],
)
def duplicate_paragraph(doc: Document, options: RepeatOptions) -> Iterable[Hit]:
    """A paragraph (at least 8 characters) that repeats an earlier one in the same document.

    `related` points at the first copy.

    ## Why is this bad?
    A paragraph printed twice is a layout or merge slip; it skews counts and
    teaches a model to repeat itself.

    ## Fix safety
    The fix deletes the second copy; unsafe, since the second place may be the
    right one (the first copy may be the misplaced fragment).

    ## Known limits
    A repeat is compared with the first 64 copies of its paragraph only (a paragraph printed
    thousands of times in one text, such as a table's rows, costs linear time).
    """
    found = repeats(doc.text)
    return _found(doc, found, options.min_chars, block=False) if found else ()  # (no generator)


@check(
    code="D304",
    name="repeated-block",
    severity="error",
    options=RepeatOptions,
    fix="always",
    examples=[
        Bad(f"{_A}\n\n{_B}\n\n{_C}\n\n{_A}\n\n{_B}", fixed=f"{_A}\n\n{_B}\n\n{_C}", unsafe=True),
        Bad(
            f"{_A}\n{_B}\n{_A}\n{_B}\n{_C}",
            fixed=f"{_A}\n{_B}\n{_C}",
            unsafe=True,
            why="one line break between paragraphs",
        ),
        Good(f"{_A}\n\n{_B}\n\n{_C}", why="no repeat"),
        Good("本报讯\n图为会场\n正文一。\n本报讯\n图为会场", why="only short lines repeat"),
    ],
)
def repeated_block(doc: Document, options: RepeatOptions) -> Iterable[Hit]:
    """A run of two or more consecutive paragraphs repeated in the same document.

    One finding spans the whole repeat (instead of one D303 per paragraph);
    `related` points at the first copy.

    ## Why is this bad?
    Page extraction and merging print whole blocks twice; every character of
    the repeat is duplicated training text.

    ## Fix safety
    The fix deletes the second copy; unsafe, since the second place may be the
    right one.

    ## Known limits
    A block is compared with the blocks starting at the first 64 copies of its first
    paragraph only (linear time when one paragraph is printed thousands of times).
    """
    found = repeats(doc.text)
    return _found(doc, found, options.min_chars, block=True) if found else ()
