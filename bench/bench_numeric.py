"""Numeric family (N401-N414) throughput on >= 50 MB of Chinese news-like text, one core.

Prints a Markdown table: MB/s of UTF-8 text per CPU second (process time, so other load on the
machine does not count) for the whole family and for each check in run order (the checks
locate the sentences around their trigger words and scan a sentence's numbers once, so a
check that shares a sentence with an earlier one gets its numbers for free), plus the
findings per code.

    python bench/bench_numeric.py --size-mb 50          # generates bench/data/news-50mb.jsonl
    python bench/bench_numeric.py --data FILE.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from zhqa.checks import CATALOGUE  # noqa: E402
from zhqa.checks.numeric import _common, _triggers, parts, ranges  # noqa: E402
from zhqa.schemas.document import Document  # noqa: E402
from zhqa.schemas.finding import Hit  # noqa: E402

N_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("N4")]


def load(path: Path) -> list[Document]:
    with path.open(encoding="utf-8") as f:
        return [
            Document.from_text(json.loads(line)["text"], id=str(i))
            for i, line in enumerate(f)
            if line.strip()
        ]


def _clear() -> None:
    for f in (_common._located, _triggers.triggers, parts.all_wholes, ranges.all_ranges):
        f.cache_clear()


def run(docs: list[Document]) -> tuple[float, dict[str, float], Counter]:
    """The whole family, then each check in run order (document by document, as the runner does)."""
    counts: Counter = Counter()
    _clear()
    t0 = time.process_time()
    for doc in docs:
        for c in N_CHECKS:
            for h in c.evaluate(doc):
                if isinstance(h, Hit):
                    counts[c.code] += 1
    family = time.process_time() - t0
    _clear()
    per: dict[str, float] = dict.fromkeys((c.code for c in N_CHECKS), 0.0)
    for doc in docs:
        for c in N_CHECKS:
            t = time.process_time()
            for _ in c.evaluate(doc):
                pass
            per[c.code] += time.process_time() - t
    return family, per, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=50)
    ap.add_argument("--data", type=Path)
    args = ap.parse_args()
    path = args.data or HERE / "data" / f"news-{int(args.size_mb)}mb.jsonl"
    if not path.is_file():
        sys.path.insert(0, str(HERE))
        from corpus import generate  # type: ignore[import-not-found]

        generate(path, args.size_mb)
    docs = load(path)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    family, per, counts = run(docs)
    print(f"N family on `{path.name}`: {len(docs):,} documents, {mb:.1f} MB of text, one core\n")
    print("| stage | seconds | MB/s | findings |")
    print("|---|---:|---:|---:|")
    print(f"| **N401–N414 (all)** | {family:.2f} | **{mb / family:.1f}** | {sum(counts.values())} |")
    for code, sec in per.items():
        print(f"| {code} {CATALOGUE[code].name} | {sec:.3f} | {mb / max(sec, 1e-9):.0f} | {counts[code]} |")


if __name__ == "__main__":
    main()
