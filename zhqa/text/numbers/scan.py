"""Find the numbers of a text: value, tolerance interval, unit, kind and character span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from zhqa.text.numbers.parse import DIGITS, is_chinese, parse_number

_A = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
_CN = "〇零一二两三四五六七八九十百千万亿"
NUMBER = rf"{_A}(?:[十百千万亿]+(?:零?[0-9]+[十百千万亿]+)*)?|[{_CN}]+"
UNITS = sorted(
    [
        "个百分点",
        "百分点",
        "平方公里",
        "平方千米",
        "平方米",
        "立方米",
        "公里",
        "千米",
        "千克",
        "公斤",
        "公顷",
        "万元",
        "亿元",
        "美元",
        "欧元",
        "英镑",
        "港元",
        "日元",
        "元",
        "人次",
        "场次",
        "架次",
        "户次",
        "人",
        "名",
        "位",
        "个",
        "家",
        "户",
        "所",
        "座",
        "项",
        "件",
        "条",
        "只",
        "头",
        "辆",
        "台",
        "套",
        "次",
        "场",
        "亩",
        "吨",
        "米",
        "岁",
        "年",
        "月",
        "日",
        "天",
        "小时",
        "分钟",
        "秒",
        "倍",
        "篇",
        "部",
        "本",
        "张",
        "种",
        "类",
        "批",
        "支",
        "队",
        "处",
        "间",
        "栋",
        "幢",
        "层",
        "片",
        "块",
        "份",
        "笔",
        "起",
        "例",
        "株",
        "棵",
        "斤",
        "克",
        "度",
        "时",
        "号",
        "周",
        "届",
        "轮",
        "单",
        "款",
        "枚",
        "颗",
        "艘",
        "架",
        "门",
        "节",
        "首",
        "集",
        "床",
        "%",
        "％",
        "‰",
        "村",
        "镇",
        "县",
        "省",
        "市",
        "国",
        "所",
        "方",
        "大",
        "成",
        "分",
    ],
    key=len,
    reverse=True,
)
# The units as one alternation; the lookahead on their first characters only saves the engine
# from trying every alternative where no unit can start (it matches exactly the same).
UNIT = (
    "(?=["
    + "".join(sorted({re.escape(u[0]) for u in UNITS}))
    + "])(?:"
    + "|".join(map(re.escape, UNITS))
    + ")"
)
_UNIT = UNIT
# Candidates only: Chinese numerals count when a unit, 余/多 or a range mark follows (统一, 千万 do not);
# dates and clock times (2008年, 6月, 3日, 6时) are left to the date checks, which read them themselves.
# The numeral of a number (not 百分之…) as the scanner reads it: all of an Arabic or a Chinese run.
ARABIC_NUMERAL = rf"(?>{_A}(?:[十百千万亿]+(?:零?[0-9]+[十百千万亿]+)*)?)"
CHINESE_NUMERAL = rf"(?>[{_CN}]+)"
_CORE = re.compile(
    rf"百分之(?P<p>[{_CN}]+|{_A})"
    rf"|(?P<n>{ARABIC_NUMERAL}(?![年月日号时])"
    rf"|{CHINESE_NUMERAL}(?![年月日号时])(?=[余多来至到～~〜—–\-]|{_UNIT}))"
)
_TAIL = re.compile(
    rf"(?P<suf>余|多|来)?(?P<unit>{_UNIT})?(?P<suf2>多)?(?P<post>左右|上下|以上|以下|以内|许)?"
)
_PRE2 = ("约为", "大约", "将近", "接近", "超过", "不到", "不足")
_PRE1 = ("约", "近", "超", "逾")
HAS_NUMBER = re.compile(rf"[0-9０-９{_CN}]")
PERCENT = {"%", "％"}
_WIDE = Decimal("0.2")


@dataclass(slots=True)
class Num:
    """One number: ``[start, end)`` covers it with its markers and unit."""

    start: int
    end: int
    num_start: int
    num_end: int
    text: str
    value: Decimal
    lo: Decimal
    hi: Decimal | None  # None: unbounded above (超, 以上)
    unit: str
    chinese: bool
    approx: bool
    ordinal: bool
    percent: bool

    def disjoint(self, lo: Decimal, hi: Decimal | None) -> bool:
        """True when ``[lo, hi]`` cannot overlap this number's interval."""
        return (hi is not None and hi < self.lo) or (self.hi is not None and lo > self.hi)


def _ulp(text: str) -> Decimal:
    """Half the unit of the last written digit, scaled by 万/亿 (rounding tolerance)."""
    mult = Decimal(1)
    for ch, m in (("亿", 100_000_000), ("万", 10_000)):
        if text.endswith(ch):
            mult = Decimal(m)
            if text.endswith("万亿"):
                mult = Decimal(10**12)
            break
    core = text.rstrip("万亿").replace("．", ".")
    if "." in core and core.replace(".", "").replace(",", "").isdigit():
        return mult * Decimal(1).scaleb(-len(core.split(".")[1])) / 2
    return mult / 2 if mult > 1 else Decimal(0)


def _magnitude(value: Decimal, text: str) -> Decimal:
    """The step 余/多 add: 20余 -> 10, 300余 -> 100, 1.97万余 -> 100, 一个多 -> 1."""
    half = _ulp(text)
    if half:
        return half * 2
    n = int(value)
    step = 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return Decimal(step)


def _interval(value: Decimal, text: str, pre: str, suf: str, post: str) -> tuple[Decimal, Decimal | None]:
    half = _ulp(text)
    lo, hi = value - half, value + half
    if suf:
        lo, hi = value, value + _magnitude(value, text)
    hi_out: Decimal | None = hi
    if pre in ("超过", "超", "逾") or post == "以上":
        lo, hi_out = value, None
    elif pre in ("不到", "不足") or post in ("以下", "以内"):
        lo, hi_out = Decimal(0), value
    elif pre in ("近", "将近", "接近"):
        lo, hi_out = value * (1 - _WIDE), value
    elif pre in ("约", "大约", "约为") or post in ("左右", "上下", "许") or suf == "来":
        lo, hi_out = value * (1 - _WIDE), value * (1 + _WIDE)
    return lo, hi_out


def _latin(text: str, s: int, before: str) -> bool:
    """``COVID-19``, ``v2.0``, ``A380``: digits that belong to a Latin code."""
    if before and before.isascii() and (before.isalnum() or before in "_./:"):
        return True
    return before == "-" and s >= 2 and text[s - 2].isascii() and text[s - 2].isalpha()


_PRE_LAST = {p[-1] for p in _PRE2 + _PRE1}


def _pre(text: str, s: int) -> str:
    if not s or text[s - 1] not in _PRE_LAST:
        return ""
    two = text[s - 2 : s]
    if two in _PRE2:
        return two
    one = text[s - 1]
    return one if one in _PRE1 else ""


@lru_cache(maxsize=65536)
def _read(num: str, pre: str, suf: str, post: str) -> tuple[Decimal, Decimal, Decimal | None, bool] | None:
    value = parse_number(num)
    if value is None:
        return None
    lo, hi = _interval(value, num, pre, suf, post)
    return value, lo, hi, is_chinese(num)


def scan(text: str, base: int = 0) -> list[Num]:
    """Numbers in ``text`` (offsets shifted by ``base``), skipping Latin-bound codes like ``COVID-19``."""
    out: list[Num] = []
    tail = _TAIL.match
    for m in _CORE.finditer(text):
        grp = m.lastgroup or "n"
        s, e = m.span(grp)
        num = text[s:e]
        t = tail(text, e)
        suf, unit, suf2, post = t.groups()  # type: ignore[union-attr]
        unit, suf, post = unit or "", suf or suf2 or "", post or ""
        pct = grp == "p" or unit in PERCENT
        pre = _pre(text, m.start())
        read = _read(num, pre, suf, post)
        if read is None:
            continue
        value, lo, hi, chinese = read
        if chinese:
            if not (pre or suf or pct) and not any(c in DIGITS for c in num):
                continue  # 千万, 百姓: place words alone are not numbers
        elif (s and _latin(text, s, text[s - 1])) or (
            text[e : e + 1].isascii() and text[e : e + 1].isalpha()
        ):
            continue
        start = m.start() - len(pre)
        out.append(
            Num(
                base + start,
                base + t.end(),  # type: ignore[union-attr]
                base + s,
                base + e,
                num,
                value,
                lo,
                hi,
                "%" if pct else unit,
                chinese,
                bool(pre or suf or post),
                text[start - 1 : start] == "第",
                pct,
            )
        )
    return out
