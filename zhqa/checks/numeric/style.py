"""N406/N410/N414: numeral style — mixed Chinese/Arabic counts, 二 vs 两, digits with place words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from zhqa.checks.numeric._common import COUNT_UNITS, fmt, hit, sentences_with
from zhqa.checks.numeric._triggers import CN_ITEM as _CN_ITEM
from zhqa.checks.numeric._triggers import COUNT_UNIT as _UNITS
from zhqa.checks.numeric._triggers import count_items, place_words
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit
from zhqa.text.numbers import Num

_CN_COUNT = re.compile(
    rf"[二三四五六七八九十两百千万](?:{'|'.join(sorted(COUNT_UNITS, key=len, reverse=True))})"
)
_ARABIC = re.compile(r"[0-9０-９]")
_CN_CHARS = frozenset("〇零一二两三四五六七八九十百千万亿")  # what a Chinese numeral is written with
_AR_ITEM = re.compile(rf"[0-9０-９十百千万亿](?:{_UNITS})(?=[、，,；;。！？!?）)”]|$)")
# _AR_ITEM where a sentence may end in the whole text (before trimmed spaces or a newline): a
# text without it has no sentence with _AR_ITEM.
_AR_IN_TEXT = re.compile(rf"[0-9０-９十百千万亿](?:{_UNITS})(?=[、，,；;。！？!?）)”\s\ufeff]|$)")
_SEPS = "、，,；;"
_FIXED = re.compile(
    r"一人一|二人转|三番五次|四面八方|五湖四海|三心二意|十全十美|七上八下|两全其美|十四五|十五五"
)
_END = re.compile(r"^(?:[、，,；;。！？!?）)”]|$)")


def _item_counts(text: str) -> list[int]:
    """The _CN_ITEM matches where a count of 2 or more may end an item: not a lone 一."""
    return [p for p in count_items(text) if text[p] != "一" or text[p - 1 : p] in _CN_CHARS]


def _count(n: Num, text: str, base: int) -> bool:
    if n.ordinal or n.percent or n.approx or n.unit not in COUNT_UNITS:
        return False
    return bool(_END.match(text[n.end - base : n.end - base + 1]))


@check(
    code="N406",
    name="mixed-numeral-style",
    severity="warning",
    examples=[
        Bad("全县已培育省级名匠二人、省级工匠9人，县级储备人才50人。"),
        Good("全县已培育省级名匠2人、省级工匠9人，县级储备人才50人。"),
        Good("他仅一个多月就拿到钥匙，实施“一人一策”，服务8人。", why="fixed expressions"),
    ],
)
def mixed_numeral_style(doc: Document) -> Iterator[Hit]:
    """Parallel counts in one sentence written in both Chinese and Arabic numerals.

    Counts are parallel when they share a classifier and each ends its list item
    (`省级名匠二人、省级工匠9人`).

    ## Why is this bad?
    GB/T 15835-2011 asks for one style within a context; mixed styles in one list read
    as a conversion error and break numeric extraction.

    ## Known limits
    `一` (an article as much as a number), `两` outside a `、` list, fixed expressions
    (`一人一策`, `十四五`) and ordinals are not counts.
    """
    text = doc.text
    at = _item_counts(text)
    if not at or _AR_IN_TEXT.search(text) is None:
        return  # a Chinese count and an Arabic one must both end an item
    for s in sentences_with(text, _CN_ITEM, at=at):
        if not (_CN_COUNT.search(s.text) and _ARABIC.search(s.text) and _AR_ITEM.search(s.text)):
            continue
        counts = [n for n in s.nums if _count(n, s.text, s.start)]
        for a, b in pairwise(counts):
            if a.unit != b.unit or a.chinese == b.chinese:
                continue
            cn = a if a.chinese else b
            gap = s.between(a.end, b.start)
            if cn.value < 2 or len(gap) > 30 or not any(c in gap for c in _SEPS):
                continue
            if cn.text == "两" and "、" not in gap:
                continue
            if _FIXED.search(text, max(0, cn.start - 3), cn.end + 3):
                continue
            other = b if cn is a else a
            yield hit(
                doc, cn.start, cn.end, f"{fmt(cn)} in Chinese numerals beside {fmt(other)} in digits", [other]
            )


_ER = re.compile(r"二(?=[个本家只件条张辆台座所项天岁栋头匹棵把杯碗双块份间])")
_ER_BEFORE = set("一二三四五六七八九十百千万零〇两第初周星礼拜期每半唯独数之")
_ER_AFTER = re.compile(r"..?[院大线科曲手级松]")
_PAIR = re.compile(r"、(?P<b>[一二三四五六七八九])(?P<u>个|名|人|次|天|年|家|项|种|位|条|岁)(?!级|等|届)")
_ORDER = "一二三四五六七八九"


@check(
    code="N410",
    name="numeral-usage",
    severity="info",
    fix="always",
    examples=[
        Bad("他买了二本书。", fixed="他买了两本书。"),
        Bad("每天工作三、四个小时。", fixed="每天工作三四个小时。"),
        Good("二人合作完成，获一、二等奖，第二个项目，独一无二，二手车。"),
    ],
)
def numeral_usage(doc: Document) -> Iterator[Hit]:
    """Use of `二` before an ordinary classifier (`二个` → `两个`), or approximate numbers split by `、` (`三、四个`).

    ## Why is this bad?
    GB/T 15835-2011 5.2.1: adjacent numerals that make an approximation take no
    `、` (`三四个`); before a classifier the count 2 is `两` in standard usage.

    ## References
    GB/T 15835-2011, 5.2.1.
    """
    text = doc.text
    if "二" in text:
        for m in _ER.finditer(text):
            i = m.start()
            if text[i - 1 : i] in _ER_BEFORE or _ER_AFTER.match(text, i + 1):
                continue
            yield hit(
                doc,
                m.start(),
                m.start() + 1,
                f"二{text[i + 1]}: use 两 before a classifier",
                fix=Fix(replacement="两"),
            )
    if "、" in text:
        for m in _PAIR.finditer(text):
            i = m.start()
            a = text[i - 1 : i]
            if i < 1 or a not in _ORDER or text[i - 2 : i - 1] in ("第", "周", "期", "、"):
                continue
            if _ORDER.index(m.group("b")) == _ORDER.index(a) + 1:
                pos = m.start()
                yield hit(
                    doc,
                    i - 1,
                    m.end(),
                    f"{a}{m.group()}: an approximation takes no 、",
                    fix=Fix(replacement="", start=pos, end=pos + 1),
                )


_DIGIT_PLACE = re.compile(r"[0-9]+[十百千]")
_PLACE_DIGIT = re.compile(r"[十百千]零?[0-9]+")
_SI = set("米克瓦伏卡帕焦赫兆比分字节")
_CN_DIGIT = set("一二三四五六七八九两")


def _places(text: str, at: list[int]) -> Iterator[tuple[int, int]]:
    """The spans of _DIGIT_PLACE and _PLACE_DIGIT matches that are not SI prefixes or codes, from
    the place words next to a digit at ``at``."""
    for p in at:
        if "0" <= text[p - 1 : p] <= "9":  # _DIGIT_PLACE: the digit run before the place word
            i = p - 1
            while i and "0" <= text[i - 1] <= "9":
                i -= 1
            m = _DIGIT_PLACE.match(text, i)
            before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]  # type: ignore[union-attr]
            if not (before.isascii() and (before.isalnum() or before == ".")) and after not in _SI:
                yield m.start(), m.end()  # type: ignore[union-attr]
        m = _PLACE_DIGIT.match(text, p)
        if m and text[p - 1 : p] in _CN_DIGIT and not text[m.end() : m.end() + 1].isdigit():
            yield p - 1, m.end()


@check(
    code="N414",
    name="digits-with-place-words",
    severity="warning",
    examples=[
        Bad("酒庄年需玉米3千吨。"),
        Bad("共有一百08人参加。"),
        Good("酒庄年需玉米3000吨，跑了3千米，扩建至1.2万平方米，10亿零817万元，百分之五。"),
    ],
)
def digits_with_place_words(doc: Document) -> Iterator[Hit]:
    """Arabic digits mixed with the place words 十/百/千 (`3千`, `1百零8`, `一百08`).

    ## Why is this bad?
    GB/T 15835-2011 5.3: digits combine only with 万 and 亿 (`1.2万`); `3千` must be
    `3000` or `三千`.

    ## Known limits
    SI prefixes (`3千米`, `5千克`, `千瓦`) and `百分之` are not place words.

    ## References
    GB/T 15835-2011, 5.3.
    """
    text = doc.text
    at = place_words(text)
    if not at:
        return  # no place word next to a digit (most texts)
    for start, end in sorted(_places(text, at)):
        yield hit(doc, start, end, f"{text[start:end]}: digits mixed with the place word 十/百/千")
