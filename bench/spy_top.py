"""Top entries of a py-spy ``--format raw`` profile: (function, cumulative share, own share).

py-spy record -r 200 -f raw -o /tmp/p.txt -- python -m zhqa check … --jobs 1
python bench/spy_top.py /tmp/p.txt --top 30
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(.*) \((.*?)(?::\d+)?\)$")


def frames(stack: str) -> list[str]:
    out = []
    for fr in stack.split(";"):
        m = _FRAME.match(fr)
        out.append(f"{m.group(1)} ({m.group(2).split('/')[-1]})" if m else fr)
    return out


def top(path: Path, by_check: bool = False) -> tuple[int, Counter[str], Counter[str]]:
    total = 0
    cum: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack:
            continue
        count = int(n)
        total += count
        fs = frames(stack)
        for f in set(fs):
            cum[f] += count
        own[fs[-1]] += count
    return total, cum, own


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profile", type=Path)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--own", action="store_true")
    args = ap.parse_args()
    total, cum, own = top(args.profile)
    order = own if args.own else cum
    print(f"{total} samples\n")
    print("| function | cumulative | own |")
    print("|---|---|---|")
    for f, _ in order.most_common(args.top):
        print(f"| `{f}` | {cum[f] / total:.1%} | {own[f] / total:.1%} |")


if __name__ == "__main__":
    main()
