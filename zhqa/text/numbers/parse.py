"""Number values as :class:`~decimal.Decimal`: Arabic, Chinese numerals and mixed forms.

Never floats: ``16.4亿`` is exactly 1640000000. Accepted forms: ``1687``, ``1,687``,
``1.97万``, ``3.5亿``, ``10亿零817万``, ``两``, ``十二``, ``三千二百``, ``三千二`` (= 3200),
``一万五`` (= 15000), ``二〇二五`` (digit by digit), ``一万亿``, ``一点九七万``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2,
    "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
PLACES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(DIGITS) + "".join(PLACES) + "".join(BIG)
_ARABIC_CHARS = "0123456789.,０１２３４５６７８９．"
_ARABIC = set(_ARABIC_CHARS)


def parse_arabic(s: str) -> Decimal | None:
    """``1,687`` / ``3.5`` / full-width digits -> Decimal."""
    s = s.replace(",", "").replace("，", "").translate(_FULL)
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


_FULL = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _split_runs(s: str) -> list[Decimal | str] | None:
    """Tokens: Arabic runs as Decimal, Chinese characters as themselves."""
    out: list[Decimal | str] = []
    i = 0
    while i < len(s):
        if s[i] in _ARABIC:
            j = i
            while j < len(s) and s[j] in _ARABIC:
                j += 1
            v = parse_arabic(s[i:j])
            if v is None:
                return None
            out.append(v)
            i = j
        elif s[i] in DIGITS or s[i] in PLACES or s[i] in BIG or s[i] == "点":
            out.append(s[i])
            i += 1
        else:
            return None
    return out


def _digit(t: Decimal | str) -> Decimal | None:
    if isinstance(t, Decimal):
        return t
    return Decimal(DIGITS[t]) if t in DIGITS else None


def _section(toks: list[Decimal | str]) -> Decimal | None:
    """A number below 万: digits with 十/百/千 place words."""
    if not toks:
        return Decimal(0)
    if all(isinstance(t, str) and t in DIGITS for t in toks) and len(toks) > 1:
        if any(DIGITS[t] == 0 for t in toks[1:]) or toks[0] in ("〇", "零"):  # type: ignore[index]
            return Decimal("".join(str(DIGITS[t]) for t in toks))  # type: ignore[index]
        return None  # 三四 (an approximation), not one number
    total = Decimal(0)
    cur: Decimal | None = None
    last_place = 0
    zero_since = False
    for t in toks:
        if isinstance(t, str) and t in PLACES:
            p = PLACES[t]
            if last_place and p >= last_place:
                return None
            total += (cur if cur is not None else Decimal(1)) * p
            cur, last_place, zero_since = None, p, False
        else:
            d = _digit(t)
            if d is None or cur is not None:
                return None
            if d == 0 and isinstance(t, str):
                zero_since = True
                continue
            cur = d
    if cur is not None:
        if last_place >= 100 and not zero_since and isinstance(toks[-1], str) and toks[-2] in PLACES:
            cur = cur * last_place / 10  # 三千二 = 3200
        total += cur
    return total


def _decimal(toks: list[Decimal | str]) -> Decimal | None:
    """一点九七 -> 1.97: the integer part by place value, the fraction digit by digit."""
    i = toks.index("点")
    whole = _value(toks[:i]) if i else Decimal(0)
    frac = toks[i + 1 :]
    if whole is None or not frac or not all(isinstance(t, str) and t in DIGITS for t in frac):
        return None
    return whole + Decimal("0." + "".join(str(DIGITS[t]) for t in frac))  # type: ignore[index]


def _value(toks: list[Decimal | str]) -> Decimal | None:
    for big in ("亿", "万"):
        idx = [i for i, t in enumerate(toks) if t == big]
        if idx:
            i = idx[-1] if big == "亿" else idx[0]
            left, right = toks[:i], toks[i + 1 :]
            lv = _value(left) if left else Decimal(1)
            if lv is None:
                return None
            rv: Decimal | None
            if len(right) == 1 and isinstance(right[0], str) and right[0] in DIGITS and DIGITS[right[0]]:
                rv = Decimal(DIGITS[right[0]]) * BIG[big] / 10  # 一万五 = 15000
            else:
                rv = _value(right)
            if rv is None or rv >= BIG[big]:
                return None
            return lv * BIG[big] + rv
    if "点" in toks:
        return _decimal(toks)
    return _section(toks)


def parse_number(s: str) -> Decimal | None:
    """The value of a number written in Arabic, Chinese or mixed form; None if not a number."""
    if not s:
        return None
    if not s.strip(_ARABIC_CHARS):
        return parse_arabic(s)  # digits only: what _split_runs would give, without its loop
    toks = _split_runs(s)
    if not toks:
        return None
    if len(toks) == 1 and isinstance(toks[0], Decimal):
        return toks[0]
    v = _value(toks)
    if v is not None and v == v.to_integral_value():
        return Decimal(int(v))
    return v


def is_chinese(s: str) -> bool:
    """True when the number is written only with Chinese numeral characters."""
    return bool(s) and all(c in CN_CHARS for c in s)
