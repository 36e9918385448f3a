"""Generate a Chinese news-like JSONL corpus of a given size, with a controlled defect rate.

Sentences come from ../shared/corpora (NTREX zho-CN and CMRC 2018), so the text is
real Chinese prose; defects are injected at a fixed rate per document:
ASCII punctuation between hanzi, doubled marks, control characters; and duplicates:
1% exact copies of the previous document, ``near_rate`` (default 1%) near copies of a
recent one with one sentence replaced (Jaccard about 0.7-0.95, so D302 has real work).

    python bench/corpus.py --size-mb 100 --out bench/data/news-100mb.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import deque
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
SOURCES = ["ntrex128-zh/ntrex128_zho-CN.jsonl", "cmrc2018/cmrc2018_wiki.jsonl"]
_SENT = re.compile(r"[^。！？]*[。！？]")


def sentences() -> list[str]:
    out: list[str] = []
    for name in SOURCES:
        path = CORPORA / name
        if not path.is_file():
            continue
        for line in path.open(encoding="utf-8"):
            text = json.loads(line)["text"]
            out.extend(s.strip() for s in _SENT.findall(text) if 8 <= len(s.strip()) <= 200)
    if not out:
        raise SystemExit(f"no source text under {CORPORA}")
    return out


def damage(text: str, rng: random.Random) -> str:
    """Inject one defect of a random kind."""
    kind = rng.randrange(4)
    if kind == 0:
        return text.replace("，", ",", 3)
    if kind == 1:
        return text.replace("。", "。。", 1)
    if kind == 2:
        i = rng.randrange(len(text))
        return text[:i] + "\x07" + text[i:]
    return text.replace("：", ":", 1).replace("（", "(", 1).replace("）", ")", 1)


def near_copy(text: str, pool: list[str], rng: random.Random) -> str:
    """``text`` with one of its sentences replaced by another sentence from ``pool``."""
    found = list(_SENT.finditer(text))
    if not found:
        return text + rng.choice(pool)
    m = rng.choice(found)
    return text[: m.start()] + rng.choice(pool) + text[m.end() :]


def generate(
    out: Path, size_mb: float, defect_rate: float = 0.1, seed: int = 1, near_rate: float = 0.01
) -> Path:
    rng = random.Random(seed)
    recent: deque[str] = deque(maxlen=2000)
    pool = sentences()
    target = int(size_mb * 1024 * 1024)
    written = 0
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        last = ""
        while written < target:
            paras = ["".join(rng.choices(pool, k=rng.randint(2, 5))) for _ in range(rng.randint(2, 6))]
            text = "\n\n".join(paras)
            if rng.random() < defect_rate:
                text = damage(text, rng)
            dup = rng.random()
            if last and dup < 0.01:
                text = last
            elif recent and dup < 0.01 + near_rate:
                text = near_copy(rng.choice(recent), pool, rng)
            last = text
            recent.append(text)
            line = json.dumps({"id": f"bench-{n}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=10)
    ap.add_argument("--defect-rate", type=float, default=0.1)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    out = args.out or HERE / "data" / f"news-{int(args.size_mb)}mb.jsonl"
    generate(out, args.size_mb, args.defect_rate)
    print(out)


if __name__ == "__main__":
    main()
