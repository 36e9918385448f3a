"""Profile ``zhqa check`` in one process (``--jobs 1``) on a JSONL corpus; top entries by CPU time.

cProfile runs on process CPU time, not wall time, so the shares hold on a busy machine.

    python bench/profile_suite.py --data bench/data/news-10mb.jsonl --top 30
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def run_suite(data: Path, select: str | None) -> None:
    from zhqa.cli import main

    argv = ["check", str(data), "--no-progress", "--jobs", "1", "--format", "json", "--output", "/dev/null"]
    if select:
        argv += ["--select", select]
    main(argv)


def top(prof: cProfile.Profile, n: int) -> list[tuple[str, float, float]]:
    """(function, cumulative share, own share) of the n largest cumulative entries."""
    st = pstats.Stats(prof, stream=io.StringIO())
    total = st.total_tt or 1e-9
    rows = []
    for (file, line, name), (_cc, _nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        where = f"{Path(file).name}:{line}({name})" if line else name
        rows.append((where, ct / total, tt / total))
    rows.sort(key=lambda r: -r[1])
    return rows[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE / "data" / "news-10mb.jsonl")
    ap.add_argument("--select", default=None)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--own", action="store_true", help="sort by own time instead of cumulative")
    args = ap.parse_args()
    prof = cProfile.Profile(time.process_time)
    c0 = time.process_time()
    prof.enable()
    with contextlib.suppress(SystemExit):
        run_suite(args.data, args.select)
    prof.disable()
    cpu = time.process_time() - c0
    mb = args.data.stat().st_size / 1e6
    rows = top(prof, 10_000)
    if args.own:
        rows.sort(key=lambda r: -r[2])
    print(f"{mb:.1f} MB, {cpu:.1f} CPU s under the profiler ({mb / cpu:.2f} MB/s profiled)\n")
    print("| function | cumulative | own |")
    print("|---|---|---|")
    for where, cum, own in rows[: args.top]:
        print(f"| `{where}` | {cum:.1%} | {own:.1%} |")


if __name__ == "__main__":
    main()
