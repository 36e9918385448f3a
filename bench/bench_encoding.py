"""Encoding family (E101-E112) throughput on one core, on >= 50 MB of Chinese news-like text.

Prints a Markdown table: seconds and MB/s (UTF-8 bytes of text) per check and for the whole
family, on the generated corpus as is and with encoding defects injected into a share of
documents (mojibake, traditional characters, radicals, full-width digits, invisibles), so the
slow paths are exercised too.

    python bench/bench_encoding.py --size-mb 50           # generates bench/data/news-50mb.jsonl
    python bench/bench_encoding.py --data FILE.jsonl --defect-rate 0.05
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from zhqa.checks import CATALOGUE  # noqa: E402
from zhqa.checks.registry import DocumentCheck  # noqa: E402
from zhqa.config import from_dict  # noqa: E402
from zhqa.schemas.document import Document  # noqa: E402
from zhqa.schemas.finding import Hit  # noqa: E402

E_CHECKS = [
    c for code, c in sorted(CATALOGUE.items()) if code.startswith("E1") and isinstance(c, DocumentCheck)
]


def load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def inject(text: str, rng: random.Random) -> str:
    """One encoding defect of a random kind, made the way it happens (real mis-decoding)."""
    kind = rng.randrange(6)
    cut = rng.randrange(max(1, len(text) - 40))
    part = text[cut : cut + 30]
    if kind == 0:
        bad = part.encode("utf-8").decode("gbk", "replace")
    elif kind == 1:
        bad = part.encode("utf-8").decode("cp1252", "replace")
    elif kind == 2:
        import opencc

        bad = opencc.OpenCC("s2t").convert(part)
    elif kind == 3:
        bad = part.replace("一", "\u2f00").replace("大", "\u2f24")
    elif kind == 4:
        bad = part.translate({cp: cp + 0xFEE0 for cp in range(0x30, 0x3A)}) + "２０２４"
    else:
        bad = part[:5] + "\u200b" + part[5:]
    return text[:cut] + bad + text[cut + 30 :]


def time_checks(docs: list[Document]) -> tuple[dict[str, float], Counter, float]:
    """Run the family document by document, as the engine does.

    The family's CPU time is measured on a pass without per-check timers; a second pass
    attributes time to each check (its timers add overhead, so its sum is larger).
    """
    cfg = from_dict({})
    opts = {c.code: c.options() for c in E_CHECKS}
    secs = dict.fromkeys((c.code for c in E_CHECKS), 0.0)
    counts: Counter = Counter()
    for chk in E_CHECKS:  # warm-up: lazy tables (opencc, GBK classes) are built once per process
        list(chk.evaluate(Document.from_text("预热"), opts[chk.code], cfg))
    clock = time.process_time  # CPU time of this process: one core, robust to a busy machine
    start = clock()
    for doc in docs:
        for chk in E_CHECKS:
            for out in chk.evaluate(doc, opts[chk.code], cfg):
                counts[chk.code] += isinstance(out, Hit)
    total = clock() - start
    for doc in docs:
        for chk in E_CHECKS:
            t0 = clock()
            list(chk.evaluate(doc, opts[chk.code], cfg))
            secs[chk.code] += clock() - t0
    return secs, counts, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=50)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--defect-rate", type=float, default=0.05)
    args = ap.parse_args()
    data = args.data or HERE / "data" / f"news-{int(args.size_mb)}mb.jsonl"
    if not data.exists():
        cmd = [sys.executable, str(HERE / "corpus.py"), "--size-mb", str(args.size_mb), "--out", str(data)]
        subprocess.run(cmd, check=True)
    texts = load(data)
    rng = random.Random(7)
    damaged = [inject(t, rng) if rng.random() < args.defect_rate else t for t in texts]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"## Encoding family E101-E112 ({data.name}, {len(texts)} docs, {mb:.1f} MB, one core)\n")
    print(
        f"| check | as generated: s | MB/s | findings | {args.defect_rate:.0%} docs damaged: s | MB/s | findings |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    runs = []
    for corpus in (texts, damaged):
        docs = [Document.from_text(t, id=str(i)) for i, t in enumerate(corpus)]
        runs.append(time_checks(docs))
    (s1, c1, t1), (s2, c2, t2) = runs
    for chk in E_CHECKS:
        k = chk.code
        print(
            f"| {k} {chk.name} | {s1[k]:.2f} | {mb / s1[k]:.0f} | {c1[k]} | {s2[k]:.2f} | {mb / s2[k]:.0f} | {c2[k]} |"
        )
    n1, n2 = sum(c1.values()), sum(c2.values())
    print(f"| **E family** | {t1:.2f} | **{mb / t1:.1f}** | {n1} | {t2:.2f} | **{mb / t2:.1f}** | {n2} |")
    print(
        "\nCPU seconds of one process (`time.process_time`). Per-check rows come from a second pass"
        " with a timer around each call; the first check of a document pays for the shared scan"
        " (zhqa/checks/encoding/_scan.py)."
    )


if __name__ == "__main__":
    main()
