"""Decode-level encoding checks: invalid bytes, BOM, controls, U+FFFD, legacy encodings."""

from __future__ import annotations

from collections.abc import Iterator

from zhqa.checks.encoding._scan import CONTROL, CONTROL_BIT, kinds, runs
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit
from zhqa.text.plural import plural


@check(
    code="E101",
    name="invalid-utf8",
    severity="error",
    examples=[
        Bad(raw="新闻".encode() + b"\xff" + "稿件".encode(), why="0xFF is never UTF-8"),
        Good(raw="新闻稿件".encode(), why="valid UTF-8"),
    ],
)
def invalid_utf8(doc: Document) -> Iterator[Hit]:
    """Bytes that are not valid UTF-8; each became one U+FFFD at decode time.

    ## Why is this bad?
    The original characters are lost: whatever tool wrote the file truncated or
    mixed encodings. The byte offset says where to look in the raw file.

    ## Known limits
    A document built from text (not bytes) carries no decode record, so only
    readers' decodes are reported; U+FFFD already present in the text is E105.
    """
    for inv in doc.invalid_bytes:
        yield Hit(
            start=inv.char_offset,
            end=min(inv.char_offset + 1, len(doc.text)),
            message=f"{inv.length} invalid UTF-8 {plural(inv.length, 'byte')} at byte offset {inv.byte_offset}, decoded as U+FFFD",
        )


@check(
    code="E102",
    name="byte-order-mark",
    severity="warning",
    fix="always",
    examples=[
        Bad("\ufeff本报讯 近日，会议召开。", fixed="本报讯 近日，会议召开。"),
        Good("本报讯 近日，会议召开。", why="no BOM"),
    ],
)
def byte_order_mark(doc: Document) -> Iterator[Hit]:
    """A byte-order mark (U+FEFF) at the start of a file or record.

    ## Why is this bad?
    UTF-8 needs no BOM; it ends up as an invisible first character of the text,
    breaks exact matching of the first word and is counted as content.

    ## Fix safety
    Removing a leading BOM is always safe.
    """
    if doc.text.startswith("\ufeff"):
        yield Hit(
            start=0,
            end=1,
            message="byte-order mark U+FEFF at the start of the text",
            fix=Fix(replacement="", title="remove the byte-order mark"),
        )


@check(
    code="E103",
    name="control-character",
    severity="error",
    examples=[
        Bad("记者从会上获悉\x08，今年将新增岗位。"),
        Bad("全文如下：\x00\x00第一条"),
        Good("第一段。\n\n第二段\t（完）\r\n", why="tabs and newlines are allowed"),
    ],
)
def control_character(doc: Document) -> Iterator[Hit]:
    """C0/C1 control characters other than tab, newline and carriage return; DEL.

    ## Why is this bad?
    Controls are never text: they come from binary junk, broken conversions or
    terminal escapes, and they break JSON, XML and tokenisers downstream.

    ## Known limits
    No fix is offered: a control may stand for a lost character.
    """
    if not kinds(doc.text) & CONTROL_BIT:
        return
    for m in runs(CONTROL, doc.text):
        codes = " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group()))
        yield Hit(start=m.start(), end=m.end(), message=f"control character {codes} in text")


@check(
    code="E105",
    name="replacement-character",
    severity="error",
    examples=[
        Bad("黄明\ufffd现在我宣布", why="a lossy decode happened upstream"),
        Good("黄明：现在我宣布", why="no U+FFFD"),
    ],
)
def replacement_character(doc: Document) -> Iterator[Hit]:
    """U+FFFD in the text: a lossy decode happened before the corpus reached us.

    ## Why is this bad?
    Each U+FFFD is a character that cannot be recovered; counts tell how much
    of a document was lost. Invalid bytes decoded by zhqa itself are E101.
    """
    if "\ufffd" not in doc.text:
        return
    own = {inv.char_offset for inv in doc.invalid_bytes}
    for m in runs("\ufffd", doc.text):
        starts = [i for i in range(m.start(), m.end()) if i not in own]
        if not starts:
            continue
        n = len(starts)
        yield Hit(
            start=starts[0],
            end=starts[-1] + 1,
            message=f"{n} replacement {plural(n, 'character')} U+FFFD: text lost upstream",
        )


_NAMES = {"gb18030": "GB18030 (GBK)", "gbk": "GBK", "big5": "Big5"}


@check(
    code="E107",
    name="legacy-encoding",
    severity="error",
    examples=[
        Bad(raw="本报讯 全国缉枪制爆统一销毁行动今天开始。".encode("gbk"), why="a GBK file"),
        Bad(raw="搭載俄羅斯與美國太空人的聯盟號發射升空。".encode("big5"), why="a Big5 file"),
        Good(raw="本报讯 全国缉枪制爆统一销毁行动今天开始。".encode(), why="UTF-8"),
    ],
)
def legacy_encoding(doc: Document) -> Iterator[Hit]:
    """A whole file in a legacy Chinese encoding (GB18030/GBK or Big5) instead of UTF-8.

    The file is decoded in that encoding (GBK files as GB18030, its superset, never
    GB2312) and checked as decoded; this finding is reported once, naming the encoding.

    ## Why is this bad?
    Tools that assume UTF-8 turn such files into U+FFFD or mojibake; a corpus should
    hold one encoding. Convert the file to UTF-8 (`iconv -f GB18030 -t UTF-8`).

    ## Known limits
    Only files read as bytes (`.txt`) carry their encoding; JSON records are UTF-8 by
    definition, so mis-decoded text inside them is E106.
    """
    if doc.encoding.lower().replace("-", "") in ("utf8", "ascii"):
        return
    name = _NAMES.get(doc.encoding.lower(), doc.encoding)
    yield Hit(
        start=0,
        end=min(1, len(doc.text)),
        message=f"file is encoded in {name}, not UTF-8; checked as decoded from {name}",
    )
