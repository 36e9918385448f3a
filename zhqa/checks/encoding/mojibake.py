"""E106: text decoded with the wrong encoding (mojibake), repaired when the bytes round-trip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from zhqa.checks.encoding import _gbk
from zhqa.checks.encoding._scan import (
    EXT2_BIT,
    FILLER_BIT,
    LATIN_BIT,
    LOST_BIT,
    REPLACEMENT_BIT,
    kinds,
)
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit

# Debug fillers and double mis-decodes that carry no recoverable text.
_FILLER = re.compile("(?:锟斤拷)+|烫{3,}|屯{3,}|(?:烫屯|屯烫){2,}")
# UTF-8 read as Latin-1/cp1252: a lead byte (Â..ï) followed by a continuation byte as cp1252.
_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_LATIN_UTF8 = re.compile(f"[\u00c2-\u00ef][{_CONT}]")
# GB2312 bytes read as Latin-1: four or more high Latin-1 letters in a row (`ÖÐÎÄ`).
_LATIN_GBK = re.compile(
    "[\u00a1-\u00fe][\u00a1-\u00fe][\u00a1-\u00fe][\u00a1-\u00fe]+"
)  # {4,}, searched faster
_LAST_ASCII = re.compile("(?s).*[\x00-\x7f]")
_NON_ASCII = re.compile("[^\x00-\x7f]*")
_LOST = re.compile("\\?[^\x00-\x7f]{4}")


def _run_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-ASCII characters around ``[start, end)`` (at most 500 characters each way)."""
    lo = max(0, start - 500)
    left = _LAST_ASCII.match(text, lo, start)
    right = _NON_ASCII.match(text, end, end + 500)
    return (left.end() if left else lo), (right.end() if right else end)


def _triggers(text: str, pairs: bool, lost: bool) -> list[tuple[int, int]]:
    """Spans worth a second reading: two odd characters close together (``pairs``: the text holds
    two characters outside GB2312, as all mojibake does), or '?' before non-ASCII (``lost``)."""
    out = [m.span() for m in _gbk.pair_re().finditer(text)] if pairs else []
    if lost:
        out += [(m.start() + 1, m.end()) for m in _LOST.finditer(text)]
    return sorted(out)


def _gbk_hits(text: str, pairs: bool, lost: bool) -> Iterator[Hit]:
    done = -1
    for t_start, t_end in _triggers(text, pairs, lost):
        if t_start < done:
            continue
        start, end = _run_at(text, t_start, t_end)
        done = end
        run = text[start:end]
        alt = _gbk.reread(run, start > 0 and text[start - 1] in "?\ufffd")
        if alt is None:
            continue
        if alt.exact:
            s, e = start + alt.trim_start, end - alt.trim_end
            fix = Fix(replacement=alt.text, title="decode the bytes as UTF-8")
            yield Hit(start=s, end=e, message=f"mojibake ({alt.how}): reads {_short(alt.text)}", fix=fix)
        else:
            lost = start > 0 and text[start - 1] == "?"
            yield Hit(start=start - lost, end=end, message=f"mojibake ({alt.how}): reads {_short(alt.text)}")


def _short(s: str, n: int = 24) -> str:
    s = s.rstrip("\ufffd")  # the half character at the end of an out-of-phase run
    return repr(s if len(s) <= n else s[:n] + "…")


@cache
def _ftfy() -> Any:
    import ftfy  # lazy: only documents with Latin mojibake need it

    return ftfy


def _roundtrips(fixed: str, broken: str) -> bool:
    data = fixed.encode("utf-8")
    for enc in ("latin-1", "cp1252", "sloppy-windows-1252"):
        try:
            if data.decode(enc) == broken:
                return True
        except UnicodeDecodeError:
            continue
    return False


def _latin_hits(text: str) -> Iterator[Hit]:
    done = -1
    for m in _LATIN_UTF8.finditer(text):
        if m.start() < done:
            continue
        ls, le = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        le = len(text) if le < 0 else le
        done = le
        line = text[ls:le]
        ftfy = _ftfy()  # imported at the first candidate: most processes never need it
        if not ftfy.badness.is_bad(line):
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed == line:
            continue
        p = 0
        while p < min(len(line), len(fixed)) and line[p] == fixed[p]:
            p += 1
        s = 0
        while s < min(len(line), len(fixed)) - p and line[-1 - s] == fixed[-1 - s]:
            s += 1
        broken, repaired = line[p : len(line) - s], fixed[p : len(fixed) - s]
        if len(repaired) >= len(broken):  # not a multi-byte mis-decode (a lone C1 control is E103)
            continue
        safe = _roundtrips(repaired, broken)
        yield Hit(
            start=ls + p,
            end=ls + len(line) - s,
            message=f"mojibake (UTF-8 decoded as Latin-1/cp1252): reads {_short(repaired)}",
            fix=Fix(
                replacement=repaired,
                applicability="safe" if safe else "unsafe",
                title="decode the bytes as UTF-8",
            ),
        )
    for m in _LATIN_GBK.finditer(text):
        alt = _gbk.gbk_as_latin1(m.group())
        if alt is not None:
            fix = Fix(replacement=alt.text, title="decode the bytes as GBK")
            yield Hit(
                start=m.start(),
                end=m.end(),
                message=f"mojibake ({alt.how}): reads {_short(alt.text)}",
                fix=fix,
            )


def _mis(s: str, enc: str) -> str:
    """Real mis-decoding for the examples: UTF-8 bytes of ``s`` read as ``enc``."""
    return s.encode("utf-8").decode(enc)


@check(
    code="E106",
    name="mojibake",
    severity="error",
    fix="sometimes",
    examples=[
        Bad(f"新华社北京电 {_mis('全国人民代表大会', 'gb18030')}。", fixed="新华社北京电 全国人民代表大会。"),
        Bad(
            "新华社电 " + "国务院总理主持召开常务会议".encode().decode("gbk", "replace"), why="lossy: no fix"
        ),
        Bad("黄明说：锟斤拷锟斤拷，全国统一行动开始", why="U+FFFD written as UTF-8 and read as GBK: lost"),
        Bad("内存未初始化：烫烫烫烫烫烫", why="MSVC fill bytes 0xCC read as GBK"),
        Bad(f"标题：{_mis('简体中文', 'cp1252')}", fixed="标题：简体中文"),
        Bad("标题：" + "中文新闻".encode("gbk").decode("latin-1"), fixed="标题：中文新闻"),
        Bad(
            "今天上午，?"
            + "黄明：现在我宣布".encode("gbk")[1:-3].decode("gbk", "replace")
            + "?布，行动开始！",
            why="a lost GBK byte shifts the decoding out of phase",
        ),
        Good("卡拉OK厅里的café很受欢迎", why="ordinary Latin accents"),
        Good("他到过鄞州、鄱阳、亳州和邗江，也拜访了赟、喆、堃三位。", why="rare but genuine hanzi"),
        Good("火锅烫烫的，正好吃。", why="a genuine reduplication"),
    ],
)
def mojibake(doc: Document) -> Iterator[Hit]:
    """Text decoded with the wrong encoding: UTF-8 read as GBK/GB18030 or as Latin-1/cp1252, GBK read as Latin-1 or out of phase.

    A run is reported when re-reading its bytes another way gives plainly more
    plausible Chinese (far fewer rare hanzi, no private-use characters); `锟斤拷`
    and `烫烫烫`/`屯屯屯` fillers are reported as lost text. The Latin-1/cp1252
    family uses ftfy's encoding repair (never its width and quote fixes).

    ## Why is this bad?
    The text is unreadable and poisons vocabularies, language-model training and
    search; it comes from a tool that guessed the encoding wrongly.

    ## Fix safety
    When the reverse transcoding round-trips exactly, the repaired text is offered as
    a safe fix (ftfy repairs that do not round-trip are unsafe). Text behind `锟斤拷`,
    U+FFFD or a lost byte cannot be recovered: no fix.

    ## Known limits
    Runs shorter than four hanzi are not judged; mixed documents may give one finding
    per run between ASCII characters.
    """
    text = doc.text
    bits = kinds(text)
    if not bits & (FILLER_BIT | EXT2_BIT | LOST_BIT | LATIN_BIT):
        return  # no character any reading below starts from (`?` included)
    if bits & FILLER_BIT:
        for m in _FILLER.finditer(text):
            yield Hit(start=m.start(), end=m.end(), message=f"mojibake filler {_short(m.group())}: lost text")
    pairs = bool(bits & EXT2_BIT)  # two characters outside GB2312 or more
    # a run is re-read only after a lost byte ('?' or U+FFFD before it) or when its bytes look
    # like UTF-8 (:func:`_gbk.utf8_like`, which holds for the text if it holds for a run)
    if bits & (LOST_BIT | REPLACEMENT_BIT) or (pairs and _gbk.utf8_like(text)):
        yield from _gbk_hits(text, pairs, bool(bits & LOST_BIT))
    if bits & LATIN_BIT:
        yield from _latin_hits(text)
