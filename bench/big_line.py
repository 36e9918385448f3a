"""A 200 MB single-line text file through ``zhqa check``: time and peak RSS.

By default the document is over limits.max_document_chars (a clear input error,
no OOM); ``--raise-limit`` lifts the limit so every check runs on the one line.

    python bench/big_line.py [--raise-limit] [--size-mb 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stream_rss import measure

LINE = "本报讯 今年以来,全市新增城镇就业岗位1.2万个,其中制造业占比较高;记者从会上获悉,相关工作正在推进!"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=200)
    ap.add_argument("--raise-limit", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        chunk = (LINE * 2000).encode()
        with path.open("wb") as f:
            for _ in range(args.size_mb * 1024 * 1024 // len(chunk) + 1):
                f.write(chunk)
        cmd = [
            sys.executable,
            "-m",
            "zhqa",
            "check",
            str(path),
            "--no-progress",
            "--jobs",
            "1",
            "--format",
            "json",
            "--output",
            str(Path(tmp) / "out.json"),
        ]
        if args.raise_limit:
            (Path(tmp) / "zhqa.toml").write_text("[limits]\nmax_document_chars = 500_000_000\n")
            cmd += ["--config", str(Path(tmp) / "zhqa.toml")]
        wall, rc, _, tree_mb = measure(cmd)
        size = path.stat().st_size / 1024 / 1024
    print("| input | limit | wall s | exit | peak RSS MB |\n|---|---|---|---|---|")
    limit = "raised" if args.raise_limit else "default"
    print(f"| {size:.0f} MB, one line | {limit} | {wall:.1f} | {rc} | {tree_mb} |")


if __name__ == "__main__":
    main()
