"""P202 unbalanced-pair: paired marks that do not close within their paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from zhqa.checks.punctuation._context import hit
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Related, Severity

_OPENERS = "“‘《〈（【「『〔("
_CLOSERS = "”’》〉）】」』〕)"
_PARTNER = dict(zip(_CLOSERS, _OPENERS, strict=True))
_QUOTES = "“‘「『"
_WORD = re.compile(r"\w")  # a hanzi, letter or digit
_PAIR = re.compile(r"[“”‘’《》〈〉（）【】「」『』〔〕()]")
_FIRST = re.compile(r"[^\s\u3000]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_PAIR_OR_NL = re.compile(r"[“”‘’《》〈〉（）【】「」『』〔〕()\n]")
_NESTED = re.compile(r"“”|‘’|《》|〈〉|[（(][）)]|【】|「」|『』|〔〕")  # a pair with nothing between
_LETTER_QUOTE = re.compile(r"‘(?<=[A-Za-z]‘)[A-Za-z]")  # literal first: searched at memchr speed


_MATCH = {c: "（(" if c in "）)" else o for c, o in _PARTNER.items()}  # a closer's openers in _NESTED
_NORM = {"(": "（"}  # ASCII brackets pair with full-width ones
_WANT = {c: _NORM.get(o, o) for c, o in _PARTNER.items()}


def _reversed(closers_after: int, depth: int) -> bool:
    """`“…“`: a second opener while one is open, with too few closers left in the line to nest
    (``closers_after``: its closers from here to the line end; ``depth``: its openers open)."""
    return closers_after <= depth - 1


def _closers(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Offsets of each closing mark in ``text[start:end]`` (counted by bisect)."""
    out: dict[str, list[int]] = {}
    for m in _PAIR.finditer(text, start, end):
        out.setdefault(m.group(), []).append(m.start())
    return out


class _Line(NamedTuple):
    start: int
    end: int
    open: list[tuple[int, str]]  # openers left unclosed at the end of the line
    close: list[tuple[int, str]]  # closers with no opener in the line
    misnested: list[Hit]


def _line_ends(text: str) -> list[int]:
    """Line ``k`` ends at ``ends[k] + k`` (its line break) and starts at ``ends[k - 1] + k`` (C-level sums)."""
    return list(accumulate(map(len, text.split("\n"))))


def _line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line (``end`` at its line break)."""
    ends = _line_ends(text)
    return [((ends[k - 1] + k) if k else 0, e + k) for k, e in enumerate(ends)]


def _dirty(text: str) -> list[tuple[int, int]]:
    """Spans of the lines whose marks do not simply nest; only those can give findings.

    Each line's marks are reduced at C speed (adjacent matching pairs removed until none
    is left); a line with no mark left is one ``_scan`` passes without a finding, so the
    Python scan runs on the few others. ``‘`` between ASCII letters (skipped as an opener
    by ``_scan``) sends every line through the scan.
    """
    if "‘" in text and _LETTER_QUOTE.search(text):
        return _line_spans(text)
    seq = "".join(_PAIR_OR_NL.findall(text))
    removed, passes = 1, 0
    while removed and seq.strip("\n"):  # marks left (seq holds only marks and line breaks)
        if passes == 4:  # deep nesting: one pass per level would be quadratic; finish with a stack
            seq = _reduce(seq)
            break
        seq, removed = _NESTED.subn("", seq)
        passes += 1
    if not seq.strip("\n"):
        return []
    out, start = [], 0
    for rest in seq.rstrip("\n").split("\n"):  # a line of marks per line of text, to the last dirty one
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if rest:
            out.append((start, end))
        start = end + 1
    return out


def _reduce(seq: str) -> str:
    """``seq`` with adjacent pairs (_NESTED) removed until none is left, in one pass: no mark is
    both an opener and a closer, so every order of removals ends in this same string."""
    out: list[str] = []
    for c in seq:
        if out and out[-1] in _MATCH.get(c, ""):
            out.pop()
        else:
            out.append(c)
    return "".join(out)


def _scan(text: str, spans: list[tuple[int, int]]) -> list[_Line]:
    """Per line span: unclosed openers, unopened closers and mis-nested marks (lines with none are left out)."""
    lines: list[_Line] = []
    for start, end in spans:
        stack: list[tuple[int, str, str]] = []  # (offset, mark, normalised mark)
        close: list[tuple[int, str]] = []
        mis: list[Hit] = []
        crossed: dict[str, int] = {}  # closers still due for marks popped by a mis-nesting
        depth: dict[str, int] = {}  # normalised marks on the stack (no scan of the stack per mark)
        after: dict[str, list[int]] | None = None  # the line's closers, built at the first `“…“`
        for m in _PAIR.finditer(text, start, end):
            i, ch = m.start(), m.group()
            if ch in _QUOTES and stack and stack[-1][1] == ch:
                after = after if after is not None else _closers(text, start, end)
                closer = after.get(_CLOSERS[_OPENERS.index(ch)], [])
                if _reversed(len(closer) - bisect_left(closer, i), depth[ch]):
                    depth[stack.pop()[2]] -= 1
                    mis.append(hit(i, i + 1, f"reversed quotation mark {ch!r} closes a quotation"))
                    continue
            if ch in _OPENERS:
                if not (
                    ch == "‘" and _ASCII_LETTER.match(text, i + 1) and _ASCII_LETTER.match(text[i - 1 : i])
                ):
                    norm = _NORM.get(ch, ch)
                    stack.append((i, ch, norm))
                    depth[norm] = depth.get(norm, 0) + 1
            else:
                want = _WANT[ch]
                if stack and stack[-1][2] == want:
                    depth[stack.pop()[2]] -= 1
                elif ch == "’" and _ASCII_LETTER.match(text[i - 1 : i]):
                    continue  # an apostrophe: McDonald’s, players’
                elif depth.get(want):
                    inner = stack[-1]
                    while (top := stack.pop())[2] != want:
                        depth[top[2]] -= 1
                        crossed[top[2]] = crossed.get(top[2], 0) + 1  # its closer comes later: same defect
                    depth[want] -= 1
                    msg = f"mis-nested marks: {ch!r} closes before {inner[1]!r} (offset {inner[0]}) is closed"
                    mis.append(hit(i, i + 1, msg))
                elif crossed.get(want):
                    crossed[want] -= 1
                elif ch != ")":
                    close.append((i, ch))
        if stack or close or mis:
            lines.append(_Line(start, end, [(k, o) for k, o, _ in stack if o != "("], close, mis))
    return lines


@check(
    code="P202",
    name="unbalanced-pair",
    severity="error",
    examples=[
        Bad("他说：“我们明天出发。", why="the quotation never closes"),
        Bad("参观了《清明上河图（局部》）。", why="mis-nested book-title mark and bracket"),
        Bad("省级名匠马大学在此带领团队开展“大\n\n师带工匠、工匠带学徒”的梯次培养。", why="split quotation"),
        Good("“第一段话。\n\n“第二段话。\n\n“最后一段。”", why="GB/T 15834: open at each paragraph"),
        Good("他说：“‘链主’企业的证书最具‘含金量’。”", why="nested pairs close in order"),
        Good("McDonald’s 在华门店（约5000家）。", why="an apostrophe is not a quote"),
    ],
)
def unbalanced_pair(doc: Document) -> Iterator[Hit]:
    """Paired marks (`“” ‘’ 《》 〈〉 （） 【】 「」 『』 〔〕`) unmatched or mis-nested within a paragraph.

    ## Why is this bad?
    An unclosed quotation or bracket changes what the reader takes as quoted or
    parenthetical, and usually means text was cut or lines were broken.

    ## Known limits
    A quotation over several paragraphs is fine when each paragraph opens with `“`
    and only the last closes (GB/T 15834 4.1.3.4). A quotation split by a broken
    paragraph (`开展“大` / `师带工匠…”`) is one finding on the opening mark, with the
    closing mark as `related`; the broken paragraph itself is S503. ASCII `( )`
    pair with `（ ）` but are never reported alone (they are P201's or Latin).

    ## References
    GB/T 15834-2011, 4.1 (quotation marks), 4.9 (brackets), 4.15 (book-title marks).
    """
    text = doc.text
    spans = _dirty(text)
    if not spans:
        return
    pending: list[_Open] = []  # openers carried into later paragraphs
    for ln in _scan(text, spans):
        yield from ln.misnested
        for i, ch in ln.close:
            k = _last(pending, _PARTNER[ch])
            if k is None:
                yield hit(i, i + 1, f"closing {ch!r} without an opening mark in its paragraph")
            else:
                yield _carried(doc, pending.pop(k), i, ln.start)
        if not ln.open:
            continue
        nxt = _FIRST.search(text, ln.end)
        if nxt and nxt.group() == ln.open[0][1] and all(o in _QUOTES for _, o in ln.open):
            continue  # GB/T 15834: the next paragraph reopens the quotation
        last = text[ln.start : ln.end].rstrip().rstrip(_CLOSERS)[-1:]
        cut = bool(_WORD.match(last))  # stops on a bare character: the paragraph was broken
        for i, ch in ln.open:
            k = _last(pending, ch)  # at most one pending opener per mark
            if k is not None:
                old = pending.pop(k)
                yield _unclosed(old.pos, old.ch)
            pending.append(_Open(i, ch, cut, nxt.start() if nxt else -1))
    for p in pending:
        yield _unclosed(p.pos, p.ch)


def _last(pending: list[_Open], ch: str) -> int | None:
    """Index of the last pending opener ``ch`` (no generator: the list is mostly empty)."""
    for k in range(len(pending) - 1, -1, -1):
        if pending[k].ch == ch:
            return k
    return None


class _Open(NamedTuple):
    pos: int
    ch: str
    broken: bool  # its paragraph stops mid-word (no mark at the end)
    next_start: int  # where the next paragraph starts


def _unclosed(i: int, ch: str) -> Hit:
    return hit(i, i + 1, f"opening {ch!r} is not closed in its paragraph")


def _carried(doc: Document, op: _Open, close: int, close_para: int) -> Hit:
    related = [Related(doc_id=doc.id, start=close, end=close + 1)]
    if op.broken and close_para == op.next_start:
        msg = f"{op.ch!r} is closed only in the next paragraph: a paragraph break splits the pair"
        return Hit(start=op.pos, end=op.pos + 1, message=msg, related=related)
    if op.ch in _QUOTES:
        msg = (
            f"quotation opened with {op.ch!r} closes in a later paragraph without reopening "
            "at each paragraph (GB/T 15834 4.1.3.4)"
        )
        return Hit(start=op.pos, end=op.pos + 1, message=msg, related=related, severity=Severity.info)
    return Hit(
        start=op.pos,
        end=op.pos + 1,
        message=f"{op.ch!r} is closed only in a later paragraph",
        related=related,
    )
