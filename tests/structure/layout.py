"""Lay corpus articles out as newspaper pages (kickers, bylines, captions, photo items).

Used by the round-trip and precision tests: the page text plus the articles the
parser should find in it. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

NAMES = [
    "赖志凯",
    "康功",
    "甘哲",
    "邢生祥",
    "吴锋忠",
    "余思民",
    "姜海波",
    "张萍",
    "计海新",
    "巴图尔江·玉苏甫",
]
_CLAUSE = re.compile(r"^([^，。！？（）()：]{4,14})，([^，。！？（）()：]{4,14})[，。]")


@dataclass
class Expected:
    kind: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None


_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）)]*")
_FIRST_CLAUSE = re.compile(r"^([^，。！？：；、“”（）《》「」]{4,16})[，：；]")


def segments(record: dict) -> list[str]:
    """The record's paragraphs; a text without paragraph breaks is cut into paragraphs of two sentences."""
    text = record["text"]
    if "\n\n" in text or "\n" in text.strip():
        return [s.strip() for s in re.split(r"\n+", text) if s.strip()]
    sentences = [m.group().strip() for m in _SENTENCE.finditer(text) if m.group().strip()]
    rest = text[sum(len(m.group()) for m in _SENTENCE.finditer(text)) :].strip()
    if rest:
        sentences.append(rest)
    return ["".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2)]


def with_subheadings(paras: list[str], rng: random.Random) -> list[str]:
    """Section subheadings inside the body: the first clause of a paragraph, printed above it.

    Sources other than NTREX have none of their own; a subheading goes before about one
    paragraph in three (never the first), when that paragraph opens with a 4–16-character clause.
    """
    out = list(paras[:1])
    for k, p in enumerate(paras[1:], 1):
        m = _FIRST_CLAUSE.match(p)
        if m and k % 3 == rng.randrange(3) and k < len(paras) - 1:
            out.append(m.group(1))
        out.append(p)
    return out


def headline(title: str) -> str:
    """Chinese headlines carry no final full stop."""
    return title.strip().rstrip("。")


def _news(rec: dict, rng: random.Random, subheads: bool = False) -> tuple[list[str], Expected]:
    paras = segments(rec)
    if subheads:
        paras = with_subheadings(paras, rng)
    exp = Expected("news", headline(rec["title"]))
    lines: list[str] = []
    m = _CLAUSE.match(paras[0])
    style = rng.choice(["plain", "kicker", "subtitle", "three"])
    if style in ("kicker", "three") and m:
        exp.kicker = f"{m.group(1)}，{m.group(2)}"
        lines.append(exp.kicker)
    lines.append(exp.title)
    if style in ("subtitle", "three"):
        exp.subtitle = "——" + rng.choice(["记者手记", "一线见闻", "来自基层的报道", "专家解读"])
        lines.append(exp.subtitle)
    where = rng.choice(["top", "dateline", "bottom", "none"])
    name = rng.choice(NAMES)
    if where == "top":
        exp.byline = f"本报记者 {name}"
        lines.append(exp.byline)
    body = list(paras)
    if where == "dateline":
        exp.byline = f"本报讯（记者{name}）"
        body[0] = exp.byline + body[0]
    exp.paragraphs = list(paras)
    if len(body) >= 6 and rng.random() < 0.3:
        body.insert(5, f"图为{paras[0][:20]}。 本报记者 {rng.choice(NAMES)} 摄")
    lines += body
    if where == "bottom":
        exp.byline = f"本报记者 {name}"
        lines.append(exp.byline)
    return lines, exp


def _photo(rec: dict, rng: random.Random) -> tuple[list[str], Expected] | None:
    paras = [p for p in segments(rec)[:2] if len(p) <= 200 and p[-1] in "。！？”"]
    if not paras:
        return None
    exp = Expected("photo", headline(rec["title"]), paragraphs=paras)
    credit = f"本报通讯员 {rng.choice(NAMES)} 摄"
    if rng.random() < 0.5:
        lines = [exp.title, *paras, f"图为{paras[0][:16]}。 {credit}"]
    else:
        lines = [exp.title, *paras, credit]
    exp.byline = credit
    return lines, exp


def page(records: list[dict], seed: int, subheads: bool = False) -> tuple[str, list[Expected]]:
    """One page from a few records: news stories, sometimes a photo item between them.

    ``subheads`` prints section subheadings inside the stories (:func:`with_subheadings`).
    """
    rng = random.Random(seed)
    out: list[str] = []
    expected: list[Expected] = []
    for i, rec in enumerate(records):
        made = _photo(rec, rng) if i and rng.random() < 0.25 else None
        lines, exp = made if made else _news(rec, rng, subheads)
        out += lines
        expected.append(exp)
    sep = rng.choice(["\n\n", "\n\n\n", "\n"])
    return sep.join(out) + "\n", expected


def clean(record: dict) -> bool:
    """An article that lays out unambiguously: a print-length title, every paragraph ends a sentence.

    NTREX segments are translated sentences; some lack a final mark or are
    subheadings, and on a page such a line reads as a headline (to people too).
    """
    from zhqa.text.lines import ends_sentence

    paras = segments(record)
    return len(headline(record["title"])) <= 40 and bool(paras) and all(ends_sentence(p) for p in paras)
