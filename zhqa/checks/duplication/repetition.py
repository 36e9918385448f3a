"""D306: repetitive text, measured as the share of characters in repeated character 10-grams."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.duplication.paragraphs import repeats
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Metric
from zhqa.text.paragraphs import paragraphs

if TYPE_CHECKING:
    import numpy as np

_PROSE = (
    "对于首都环卫工王进吉而言，过去的一年既有挑战，更有惊喜。2025年8月，北京怀柔发生暴雨，"
    "他和同事为支援灾区，踩着没过脚踝的泥浆进行清理，帮助老乡回到干净的家园。"
)


class RepetitionOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int = Field(10, ge=2, le=50, description="characters per n-gram")
    threshold: float = Field(0.3, gt=0, le=1, description="share of characters in repeated n-grams")
    min_chars: int = Field(100, ge=1, description="shorter texts get the metric but no finding")


def repetition_share(text: str, n: int = 10) -> float:
    """Gopher's duplicate n-gram character fraction, on characters: the share of characters
    (whitespace left out) inside repeats of an n-gram seen before, repeats not overlapping."""
    s = "".join(text.split())
    if len(s) < n:
        return 0.0
    seen: set[str] = set()
    repeated = i = 0
    # a position whose n-gram occurs once in the text is never a repeat and what it adds
    # to `seen` is never asked for again: only the other positions need a look
    for k in _maybe_repeated(s, n):
        if k < i:
            continue  # inside the last repeat
        gram = s[k : k + n]
        if gram in seen:
            repeated += n
            i = k + n
        else:
            seen.add(gram)
    return repeated / len(s)


def _maybe_repeated(s: str, n: int) -> list[int]:
    """The start of every n-gram of ``s`` that occurs twice, and maybe a few more (those
    whose 32-bit polynomial hash equals another's), in order. Empty in the common case."""
    import numpy as np

    h = _window_hashes(s, n)
    ordered = h.copy()
    ordered.sort()  # (np.sort's Python wrapper costs as much as sorting a short text)
    same = ordered[1:] == ordered[:-1]
    if not np.count_nonzero(same):  # (cheaper than same.any() on short arrays)
        return []
    twice = ordered[1:][same]  # the hashes seen more than once (sorted)
    at = np.searchsorted(twice, h)
    at[at == len(twice)] = 0
    return np.flatnonzero(twice[at] == h).tolist()


def _window_hashes(s: str, n: int) -> np.ndarray:
    """A 32-bit hash of every n-gram of ``s`` (``len(s) >= n >= 2``); equal n-grams, equal hashes.

    Text in the Basic Multilingual Plane (nearly all) is read as UTF-16 pairs of characters,
    one uint32 each (exact), so a window is a polynomial of n // 2 pairs (plus the pair that
    ends it when n is odd): half the vector operations of one code point at a time."""
    import numpy as np

    raw = s.encode("utf-16-le", "surrogatepass")
    if len(raw) != 2 * len(s):  # characters beyond the BMP take two UTF-16 units
        return _hashes(np.frombuffer(s.encode("utf-32-le", "surrogatepass"), np.uint32), n)
    pairs = np.ndarray((len(s) - 1,), np.uint32, raw, 0, (2,)).copy()  # s[i] | s[i + 1] << 16
    h = _hashes(pairs, n // 2, step=2)
    if n & 1:
        m = len(s) - n + 1
        h = h[:m] * _multipliers()[1]
        h += pairs[n - 2 : n - 2 + m]
    return h


def _hashes(codes: np.ndarray, n: int, step: int = 1) -> np.ndarray:
    """``sum(codes[i + step * j] * B ** (n - 1 - j) for j < n)`` mod 2**32 for every window i,
    by doubling (a k-gram's hash from two shorter grams' hashes): a few vector operations in
    all, where a (windows x n) matrix product costs n multiply-adds a window."""
    times = _multipliers()
    done, size = codes, 0  # hashes of each window's first `size` elements (none yet)
    grams, span = codes, 1  # hashes of `span`-grams, span = 1, 2, 4, ...
    k = n
    while True:
        if k & 1:
            if not size:
                done, size = grams, span
            else:  # append the span-gram that starts `size` elements in
                m = len(codes) - (size + span - 1) * step
                done = done[:m] * times[span]
                done += grams[size * step : size * step + m]
                size += span
        k >>= 1
        if not k:
            return done[: len(codes) - (n - 1) * step]
        m = len(grams) - span * step
        longer = grams[:m] * times[span]
        longer += grams[span * step : span * step + m]
        grams, span = longer, span * 2


@lru_cache(maxsize=1)
def _multipliers() -> dict[int, np.generic]:
    """B ** span mod 2**32 for the spans doubling uses (n <= 50 needs up to 32)."""
    import numpy as np

    return {1 << k: np.uint32(pow(1_000_003, 1 << k, 1 << 32)) for k in range(7)}


_NONE_ONLY = (Metric(name="repetition_share", value=0.0),)  # most texts' (built once: a model costs ~2 us)


def _without_repeated_paragraphs(text: str) -> str:
    """The text without the paragraphs that repeat earlier ones (D303/D304's)."""
    found = repeats(text)
    if not found and "\ufeff" not in text:
        return text  # the same characters outside whitespace as the paragraphs joined
    drop = {k for r in found for k in range(r.at, r.at + r.size)}
    return "\n".join(p.text for k, p in enumerate(paragraphs(text)) if k not in drop)


@check(
    code="D306",
    name="repetitive-ngrams",
    severity="warning",
    options=RepetitionOptions,
    examples=[
        Bad("欢迎光临本店，全场商品八折优惠！" * 12, why="a looping advertisement"),
        Bad(_PROSE + "太好了太好了太好了太好了太好了太好了" * 6, why="generated text stuck in a loop"),
        Good(_PROSE * 1, why="normal news prose"),
        Good(f"{_PROSE}\n\n{_PROSE}\n\n{_PROSE}", why="whole paragraphs repeated are D303/D304's"),
    ],
)
def repetitive_ngrams(doc: Document, options: RepetitionOptions) -> Iterable[Hit | Metric]:
    """A text whose share of characters inside repeated character 10-grams exceeds 0.3.

    The share (Gopher's duplicate n-gram character fraction, adapted to
    characters) is also emitted as the `repetition_share` metric. Whole
    paragraphs repeated in the document are left out first: they are D303/D304.

    ## Why is this bad?
    Looping text (spam, templated lists, generation stuck in a loop) teaches a
    model to repeat itself; normal prose repeats few 10-character sequences.

    ## Known limits
    Texts under 100 characters (whitespace left out) get the metric, not a finding.
    """
    text = _without_repeated_paragraphs(doc.text)
    share = repetition_share(text, options.n)
    if not share:
        return _NONE_ONLY  # (a tuple: no generator for the common case)
    metric = Metric(name="repetition_share", value=round(share, 4))
    if share > options.threshold and len("".join(text.split())) >= options.min_chars:
        msg = f"{share:.0%} of the characters are in repeated {options.n}-character sequences"
        return metric, Hit(start=0, end=len(doc.text), message=msg)
    return (metric,)
