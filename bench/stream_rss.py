"""Stream a generated JSONL corpus (default 1 GB) through ``zhqa check``; report time and peak RSS.

Peak RSS is sampled from /proc for the whole process tree (main + workers), and
reported for the main process and for the tree as a sum.

    python bench/stream_rss.py --size-mb 1024 --jobs 2
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import HERE, generate


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def measure(cmd: list[str]) -> tuple[float, int, int, int]:
    """Wall time, exit code, peak RSS (MB) of the main process and of the whole tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_main = peak_tree = 0
    while proc.poll() is None:
        main = _rss_kb(proc.pid)
        tree = main + sum(_rss_kb(c) for c in _children(proc.pid))
        peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.read().decode())
    return wall, proc.returncode, peak_main // 1024, peak_tree // 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=1024)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--select", default=None)
    ap.add_argument("--data", type=Path, help="a JSONL file to use instead of the generated corpus")
    args = ap.parse_args()
    data = args.data or HERE / "data" / f"news-{int(args.size_mb)}mb.jsonl"
    if not data.exists():
        generate(data, args.size_mb)
    size = data.stat().st_size / 1024 / 1024
    out = HERE / "out" / "stream.json"
    out.parent.mkdir(exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "zhqa",
        "check",
        str(data),
        "--no-progress",
        "--jobs",
        str(args.jobs),
        "--format",
        "json",
        "--output",
        str(out),
    ]
    if args.select:
        cmd += ["--select", args.select]
    wall, rc, main_mb, tree_mb = measure(cmd)
    print("| input | jobs | wall s | MB/s | exit | peak RSS main MB | peak RSS tree MB |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {size:.0f} MB JSONL | {args.jobs} | {wall:.1f} | {size / wall:.2f} | {rc} | {main_mb} | {tree_mb} |"
    )


if __name__ == "__main__":
    main()
