"""P204 ellipses, P205 dashes and ranges, P206 repeated marks, P210 interpunct variants."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from zhqa.checks.punctuation._context import fix, hit, latin_of, mark_events, tilde_ranges
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit
from zhqa.text.chars import HANZI, in_cjk_context

# a leading character class lets the regex engine skip text fast; the lookbehinds pick the run
_ELLIPSIS = re.compile(
    r"[.。·・．⋯…](?:(?<=\.)\.{2,}|(?<=。)。{2,}|(?<=·)·{2,}|(?<=・)・{2,}|(?<=．)．{2,}|(?<=[⋯…])[⋯…]*)"
)
_ALNUM = re.compile(r"[0-9A-Za-z]")


# Pre-filters: whether the text holds a key of the check (`...`, `--`, ...). A one-character
# `in` runs at memchr speed and a longer key costs a few times more, so a key's first
# character is tested first; an or-chain costs no generator per document.
def _has_ellipsis(text: str) -> bool:
    return (
        "…" in text
        or "⋯" in text
        or ("." in text and "..." in text)
        or _stops(text)
        or ("·" in text and "···" in text)
        or ("・" in text and "・・・" in text)
        or ("．" in text and "．．．" in text)
    )


# `in` finds a character by its low byte with memchr; for U+2500 (low byte 0, as in every ASCII
# character of a UCS-2 string) it falls back to a loop slower than the regex engine's literal search
_BOX_RULE = re.compile("─").search


def _stops(text: str) -> bool:
    """``"。。。" in text``, from the shared mark scan: every `。。` is one of its candidates."""
    pause = mark_events(text)[1]  # empty for most texts (the scan is P201's, cached)
    return bool(pause) and any(text.startswith("。。。", i) for i in pause)


def _has_dash(text: str) -> bool:
    return (
        "~" in text
        or "―" in text
        or ("-" in text and "--" in text)
        or ("－" in text and "－－" in text)
        or (_BOX_RULE(text) is not None and "──" in text)
    )


def _has_variant(text: str) -> bool:
    return "・" in text or "•" in text or "‧" in text or "．" in text or "⋅" in text


@check(
    code="P204",
    name="nonstandard-ellipsis",
    severity="warning",
    fix="always",
    examples=[
        Bad("他沉默了...然后离开。", fixed="他沉默了……然后离开。"),
        Bad("他沉默了。。。", fixed="他沉默了……"),
        Bad("等等…", fixed="等等……"),
        Good("他沉默了……然后离开。", why="the standard six-dot ellipsis"),
        Good("Wait... what?", why="English text"),
    ],
)
def nonstandard_ellipsis(doc: Document) -> Iterator[Hit]:
    """Nonstandard ellipses in CJK context: `...`, `。。。`, `······`, a single `…`.

    ## Why is this bad?
    GB/T 15834 writes the ellipsis as two `…` (six dots, `……`); other forms come
    from ASCII typing, OCR or half-finished conversions.

    ## Fix safety
    The run is replaced by `……`; the meaning is unchanged, so the fix is safe.

    ## References
    GB/T 15834-2011, 4.11.
    """
    text = doc.text
    if not _has_ellipsis(text):
        return  # most texts stop here
    latin = latin_of(text)
    for m in _ELLIPSIS.finditer(text):
        run, i, j = m.group(), m.start(), m.end()
        if run[0] == "…" and len(run) % 2 == 0:
            continue
        if run[0] == "." and (_ALNUM.match(text[i - 1 : i]) or _ALNUM.match(text, j)):
            continue  # English (`Wait...`) or a numeric span (`1...10`)
        if in_cjk_context(text, i, j, latin):
            yield hit(i, j, f"nonstandard ellipsis {run!r}; use '……'", fix("……"))


_DASHES = "-－─―"
_DASH = re.compile(r"[-－─―](?:(?<=-)-|(?<=－)－|(?<=─)─|(?<=―)―?)(?![-－─―])")


@check(
    code="P205",
    name="nonstandard-dash-or-range",
    severity="warning",
    fix="always",
    examples=[
        Bad("国家级非物质文化遗产--洮砚制作", fixed="国家级非物质文化遗产——洮砚制作"),
        Bad("国家级非物质文化遗产――洮砚制作", fixed="国家级非物质文化遗产——洮砚制作"),
        Bad("使鲜花快递的破损率降低3%~5%。", fixed="使鲜花快递的破损率降低3%～5%。"),
        Good("1949—1986年，北京—上海航线", why="a single dash joins spans (GB/T 15834 4.13)"),
        Good("运行 zhqa --help 查看，电话010-12345678", why="command options and phone numbers"),
    ],
)
def nonstandard_dash_or_range(doc: Document) -> Iterator[Hit]:
    """Dash look-alikes (`--`, `－－`, `──`, `―`) or an ASCII `~` range, in CJK context.

    ## Why is this bad?
    The Chinese dash is `——` (two U+2014) and a range takes `～`; the look-alikes
    come from ASCII typing, box-drawing characters or GB2312 decoders (U+2015).

    ## Fix safety
    `--`, `－－`, `──`, `――` become `——`; a single `―` becomes `—`; `~` becomes `～`.
    All are safe: the mark keeps its role.

    ## References
    GB/T 15834-2011, 4.10 (dash), 4.13 (connector `～`).
    """
    text = doc.text
    if not _has_dash(text):
        return
    latin = latin_of(text)
    for m in _DASH.finditer(text):
        i, j = m.start(), m.end()
        if text[i - 1 : i] in _DASHES and i > 0:
            continue  # part of a longer rule (`-----`)
        if _ALNUM.match(text[i - 1 : i]) or _ALNUM.match(text, j) or not in_cjk_context(text, i, j, latin):
            continue
        rep = "—" if m.group() == "―" else "——"
        yield hit(i, j, f"{m.group()!r} used as a dash; use {rep!r}", fix(rep))
    for i in tilde_ranges(text):
        yield hit(i, i + 1, "ASCII '~' in a numeric range; use '～'", fix("～"))


_REPEAT = re.compile(r"[，。、；：][，。、；：]+")  # = {2,}, but searched twice as fast
_PAUSE = frozenset("，。、；：")


@check(
    code="P206",
    name="repeated-punctuation",
    severity="error",
    fix="always",
    examples=[
        Bad("会议结束，，代表们陆续离场。", fixed="会议结束，代表们陆续离场。"),
        Bad("他说自己已经尽力了，。", fixed="他说自己已经尽力了。", unsafe=True),
        Good("这是真的吗？！", why="emphasis is allowed by the standard"),
        Good("他沉默了。。。", why="an ellipsis: P204 reports it, not P206"),
    ],
)
def repeated_punctuation(doc: Document) -> Iterator[Hit]:
    """Doubled or clashing pause marks, such as `，，` `。。` `，。` `、，`.

    ## Why is this bad?
    GB/T 15834 puts one mark per pause; doubles are typing, OCR or merge slips.

    ## Fix safety
    Identical marks collapse to one (safe); clashing marks keep the last (unsafe).
    """
    text = doc.text
    end = 0  # runs do not overlap: a candidate inside the last run is part of it
    for i in mark_events(text)[1]:  # a run starts at one of these (one scan with P201, P208)
        if i < end or text[i] not in _PAUSE or text[i + 1] not in _PAUSE:
            continue  # before a letter or a space (P208's), or after `！？`
        m = _REPEAT.match(text, i)
        assert m is not None  # two pause marks in a row always start a run
        run, end = m.group(), m.end()
        if len(run) > 2 and set(run) == {"。"}:
            continue
        same = len(set(run)) == 1
        yield hit(m.start(), end, f"repeated mark {run!r}", fix(run[-1], "safe" if same else "unsafe"))


_VARIANT = re.compile(rf"[・•‧．⋅](?:(?<=[{HANZI}].)(?=[{HANZI}])|(?<=[0-9][・•‧⋅])(?=[0-9]))")
_KANA = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff]")


def _kana_line(text: str, i: int, nl: list[int], kana: list[int]) -> bool:
    """Whether the line holding ``i`` has kana (line breaks ``nl`` and kana offsets, bisected)."""
    k = bisect_left(nl, i)
    start, end = nl[k - 1] + 1 if k else 0, nl[k] if k < len(nl) else len(text)
    j = bisect_left(kana, start)
    return j < len(kana) and kana[j] < end


@check(
    code="P210",
    name="interpunct-variant",
    severity="warning",
    fix="always",
    examples=[
        Bad("外卖骑手巴图尔江・玉苏甫说", fixed="外卖骑手巴图尔江·玉苏甫说"),
        Bad("纪念“一二•九”运动", fixed="纪念“一二·九”运动"),
        Good("• 第一项内容", why="a bullet at line start"),
        Good("アニメ・マンガの展示", why="Japanese text uses ・"),
    ],
)
def interpunct_variant(doc: Document) -> Iterator[Hit]:
    """Interpunct look-alikes (`・` `•` `‧` `．` `⋅`) separating foreign names or dates.

    ## Why is this bad?
    GB/T 15834 separates parts of foreign names and month/day dates with `·`
    (U+00B7); look-alikes break name matching and search.

    ## Fix safety
    The look-alike is replaced by U+00B7 (safe). Japanese lines (kana) are skipped.

    ## References
    GB/T 15834-2011, 4.14.
    """
    text = doc.text
    if not _has_variant(text):
        return
    kana = [k.start() for k in _KANA.finditer(text)] if _KANA.search(text) else []
    nl = [k.start() for k in re.finditer("\n", text)] if kana else []
    for m in _VARIANT.finditer(text):
        i = m.start()
        if kana and _kana_line(text, i, nl, kana):
            continue
        yield hit(i, i + 1, f"{m.group()!r} (U+{ord(m.group()):04X}) as a separator; use '·'", fix("·"))
