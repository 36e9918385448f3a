"""E108: traditional characters in simplified text, found with OpenCC t2s (phrase-aware)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.encoding._scan import TRIGGER_BIT, kinds
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit, Metric

# Characters t2s changes only inside some phrases and that are rare in simplified text
# (TSPhrases: 甦醒→苏醒, 瞭解→了解). Common ones (么 坏 覆 俱 藉 沈) would send most
# sentences through OpenCC; their phrases hold another traditional character anyway.
_PHRASE_ONLY = "甦瞭衹"
_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
_HANZI_RUN = re.compile(_HANZI.pattern + "+")  # counted by runs: far fewer match objects
_ENDS = "。！？!?\n"
_SENT_END = re.compile(f"[{_ENDS}]")
_GAP = re.compile("[\u3400-\u9fff]{1,2}")  # unchanged hanzi a run may span: 聯盟號 is one run


_NONE = Metric(name="traditional_share", value=0.0)  # frozen: one instance for every clean document


class ScriptOptions(BaseModel):
    """Options of E108 (`[tool.zhqa.options.E108]`)."""

    model_config = ConfigDict(extra="forbid")

    allow: list[str] = Field(
        default_factory=list,
        description="words or names written in traditional characters on purpose (e.g. a brand)",
    )
    weak: str = Field(
        default="沈於哩乾著甦藉彷覆么俱坏衹霑",
        description="characters that are also correct simplified (surnames 沈/於, 乾隆, 著作): "
        "reported only in a sentence with another traditional character",
    )


@cache
def _converter() -> Any:
    import opencc  # lazy: a compiled extension, only needed by this check

    return opencc.OpenCC("t2s")


@cache
def trigger_chars() -> str:
    """Every character t2s may change: alone (converted one by one) or inside a phrase."""
    try:
        conv = _converter()
    except ImportError:  # E108 reports the missing package itself
        return ""
    chars = [chr(cp) for cp in range(0x3400, 0xA000)]
    out = conv.convert("\n".join(chars)).split("\n")
    return "".join(sorted({a for a, b in zip(chars, out, strict=True) if a != b} | set(_PHRASE_ONLY)))


@cache
def _trigger() -> re.Pattern[str]:
    return re.compile(f"[{trigger_chars()}]")


def _sentence(text: str, i: int, lo: int = 0) -> tuple[int, int]:
    """The sentence around ``i``; its start is searched back to ``lo`` only (an end mark at or
    after ``lo``, or none before ``i``: one search per ending mark must not rescan the text)."""
    start = max(text.rfind(c, lo, i) for c in _ENDS) + 1  # 0 when no sentence ends before i
    m = _SENT_END.search(text, i)
    return start, (m.end() if m else len(text))


def _changes(sent: str, opts: ScriptOptions) -> list[tuple[int, int, str]]:
    """Runs ``(start, end, simplified)`` t2s changes in one sentence, after the allowlists."""
    conv = _converter().convert(sent)
    if len(conv) != len(sent):
        return []
    masked = [False] * len(sent)
    for word in opts.allow:
        for m in re.finditer(re.escape(word), sent):
            masked[m.start() : m.end()] = [True] * (m.end() - m.start())
    diff = [
        i
        for i, (a, b) in enumerate(zip(sent, conv, strict=True))
        if a != b and not masked[i] and b <= "\uffff" and not "\uf900" <= a <= "\ufaff"
    ]
    if all(sent[i] in opts.weak for i in diff):
        return []
    runs: list[tuple[int, int]] = []
    for i in diff:
        last = runs[-1][1] if runs else -1
        if last == i or (last >= 0 and _GAP.fullmatch(sent, last, i) and sent[last:i] == conv[last:i]):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return [(s, e, conv[s:e]) for s, e in runs]


@check(
    code="E108",
    name="traditional-characters",
    severity="warning",
    fix="always",
    options=ScriptOptions,
    examples=[
        Bad(
            "联盟MS-22自哈萨克斯坦拜科努尔航天发射场發射升空。",
            fixed="联盟MS-22自哈萨克斯坦拜科努尔航天发射场发射升空。",
            unsafe=True,
        ),
        Bad("理发店的师傅说，他的頭髮太长了。", fixed="理发店的师傅说，他的头发太长了。", unsafe=True),
        Good("乾隆皇帝的著作颇丰，沈阳的於先生收藏了一部。", why="correct simplified in context"),
        Good("他們發射了衛星。", config={"script": "traditional"}, why="traditional text is not checked"),
        Good("品牌名為「臺灣啤酒」。", options={"allow": ["品牌名為「臺灣啤酒」"]}, why="allowlisted"),
    ],
)
def traditional_characters(
    doc: Document, options: ScriptOptions, config: SuiteConfig
) -> Iterator[Hit | Metric]:
    """Traditional characters in simplified text (`script = "simplified"`), grouped by run.

    Each sentence holding a candidate is converted with OpenCC t2s, which knows phrases
    (`乾隆` and `著作` stay, `頭髮` becomes `头发`), and compared character by character.
    The document metric `traditional_share` is the share of hanzi that t2s changes.

    ## Why is this bad?
    Mixed scripts split the vocabulary of a corpus (`發射` and `发射` count as
    different words), and traditional characters in mainland text are usually pasted
    from another source without conversion.

    ## Fix safety
    The t2s conversion is offered as an unsafe fix: a quoted name may be meant as written.

    ## Known limits
    Characters that are also correct simplified (`沈`, `於` as surnames) are reported
    only next to another traditional character in the sentence; conversions whose
    target is a rare supplementary-plane character, and compatibility ideographs
    (E109), are not reported. Add names to `allow`.
    """
    if config.script != "simplified":
        return
    text = doc.text
    trig = _trigger()
    first = trig.search(text) if kinds(text) & TRIGGER_BIT else None
    if first is None:
        yield _NONE
        return
    changed, seen_end = 0, -1
    for m in trig.finditer(text, first.start()):
        if m.start() < seen_end:
            continue
        start, seen_end = _sentence(text, m.start(), max(seen_end - 1, 0))  # text[seen_end - 1] ends one
        for s, e, simp in _changes(text[start:seen_end], options):
            changed += e - s
            yield Hit(
                start=start + s,
                end=start + e,
                message=f"traditional {text[start + s : start + e]!r} in simplified text (t2s: {simp!r})",
                fix=Fix(replacement=simp, applicability="unsafe", title="convert to simplified (OpenCC t2s)"),
            )
    hanzi = sum(map(len, _HANZI_RUN.findall(text))) if changed else 1  # = len(_HANZI.findall(text))
    yield Metric(name="traditional_share", value=round(changed / max(hanzi, 1), 6))
