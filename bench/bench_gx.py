"""Cost of the metrics table and the GX validation (``zhqa check --gx``) on a generated corpus.

    python bench/bench_gx.py --size-mb 20

Runs the local engine once with the duplication and encoding checks (the metrics
table needs a run), then times each step of ``--gx`` separately; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=20)
    ap.add_argument("--select", default="D301,E101")
    args = ap.parse_args()
    from zhqa.checks import CATALOGUE  # noqa: F401
    from zhqa.checks.runner import Plan
    from zhqa.config import from_dict
    from zhqa.engine.local import LocalEngine
    from zhqa.reports import gx, metrics
    from zhqa.reports.expectations import suite_spec

    tmp = Path(tempfile.mkdtemp(prefix="zhqa-bench-gx-"))
    data = tmp / "corpus.jsonl"
    subprocess.run(
        [sys.executable, str(HERE / "corpus.py"), "--size-mb", str(args.size_mb), "--out", str(data)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    config = from_dict({})
    res = LocalEngine(Plan.build(config, select=args.select.split(",")), jobs=2).run([str(data)])
    steps: list[tuple[str, float]] = []

    def timed(name, fn):
        t = time.perf_counter()
        out = fn()
        steps.append((name, time.perf_counter() - t))
        return out

    rows = timed("metrics rows (from run)", lambda: metrics.rows(res))
    table = timed("to pandas", lambda: metrics.to_pandas(rows))
    timed("write parquet", lambda: metrics.write_parquet(rows, tmp / "metrics.parquet"))
    timed("import great_expectations", gx._gx)
    spec = suite_spec(config)
    timed("validate, no docs", lambda: gx.validate(table, spec))
    timed("validate + offline Data Docs", lambda: gx.validate(table, spec, tmp / "gx"))
    size = sum(p.stat().st_size for p in (tmp / "gx").rglob("*") if p.is_file())
    print(
        f"{len(rows):,} documents, {args.size_mb} MB, parquet {(tmp / 'metrics.parquet').stat().st_size / 1e6:.2f} MB, "
        f"Data Docs {size / 1e6:.1f} MB\n"
    )
    print("| step | seconds |\n| --- | ---: |")
    for name, s in steps:
        print(f"| {name} | {s:.2f} |")
    res.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
