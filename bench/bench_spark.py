"""The Spark engine (local[2]) against the local engine (2 processes) on the same JSONL corpus.

Each engine runs in its own process on the full default check set, with findings
and metrics streamed to spools as ``zhqa check`` does. Reports wall time, MB/s,
documents/s, whether the sorted findings are identical, the peak RSS of the whole
process tree (driver JVM + Python workers, sampled every second), the mean 1-minute
load average during the run and, for Spark, the wall time of each phase. The corpus comes from
``bench/corpus.py`` (generated if missing; ``bench/data`` is git-ignored).

    python bench/bench_spark.py --size-mb 1024
    python bench/bench_spark.py --size-mb 50 --size-mb 200      # scaling
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

RUN = """
import hashlib, json, sys, time
from zhqa.checks import CATALOGUE
from zhqa.checks.runner import Plan
from zhqa.schemas.config import SuiteConfig
engine, path = sys.argv[1], sys.argv[2]
plan = Plan.build(SuiteConfig())
t0 = time.perf_counter()
if engine == "spark":
    from zhqa.engine.spark import SparkEngine
    eng = SparkEngine(plan)
    import os, threading
    def watch(st, path):  # active stages' progress, every 30 s (ZHQA_BENCH_PROGRESS)
        while True:
            rows = [f"{i.stageId} {i.name.split(' at ')[0]} {i.numCompletedTasks}/{i.numTasks}"
                    for i in map(st.getStageInfo, st.getActiveStageIds()) if i]
            with open(path, "a") as f:
                f.write(time.strftime("%H:%M:%S ") + "; ".join(rows) + "\\n")
            time.sleep(30)
    if os.environ.get("ZHQA_BENCH_PROGRESS"):
        args = (eng.spark.sparkContext.statusTracker(), os.environ["ZHQA_BENCH_PROGRESS"])
        threading.Thread(target=watch, args=args, daemon=True).start()
else:
    from zhqa.engine.local import LocalEngine
    eng = LocalEngine(plan, jobs=2)
t1 = time.perf_counter()
res = eng.run([path])
h = hashlib.sha256()
n = 0
for payload in res.finding_payloads():
    h.update(payload.encode()); n += 1
t2 = time.perf_counter()
print(json.dumps({"startup": t1 - t0, "run": t2 - t1, "docs": res.summary.documents,
                  "findings": n, "digest": h.hexdigest(), "phases": res.extras.get("timings", {})}))
"""


def corpus(size_mb: int) -> Path:
    path = HERE / "data" / f"news-{size_mb}mb.jsonl"
    if not path.is_file():
        subprocess.run([sys.executable, str(HERE / "corpus.py"), "--size-mb", str(size_mb)], check=True)
    return path


def _tree_rss(proc: Any) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def measure(engine: str, path: Path) -> dict[str, Any]:
    import psutil

    env = {**os.environ, "ZHQA_SPARK_MASTER": "local[2]"}
    env.setdefault("ZHQA_SPARK_DRIVER_MEMORY", "4g")
    cmd = [sys.executable, "-c", RUN, engine, str(path)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = psutil.Popen(cmd, env=env, stdout=out, stderr=err, text=True)
        peak, loads = 0, []
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc))
            loads.append(os.getloadavg()[0])
            time.sleep(1.0)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"{engine} failed:\n{err.read()[-3000:]}")
        got = json.loads(out.read().strip().splitlines()[-1])
    got["peak_mb"] = peak / 2**20
    got["load"] = sum(loads) / max(len(loads), 1)
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, action="append", help="corpus size(s); default 1024")
    ap.add_argument("--engines", default="spark,local")
    args = ap.parse_args()
    head = "| MB | engine | docs | findings | start s | run s | MB/s | docs/s | same findings | digest | peak RSS MB | load |"
    print(head)
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|", flush=True)
    for size in args.size_mb or [1024]:
        path = corpus(size)
        mb = path.stat().st_size / 2**20
        got = {e: measure(e, path) for e in args.engines.split(",")}
        digests = {r["digest"] for r in got.values()}
        for e, r in got.items():
            print(
                f"| {mb:.0f} | {e} | {r['docs']:,} | {r['findings']:,} | {r['startup']:.1f} | {r['run']:.1f}"
                f" | {mb / r['run']:.2f} | {r['docs'] / r['run']:.0f} | {len(digests) == 1} | {r['digest'][:12]}"
                f" | {r['peak_mb']:.0f} | {r['load']:.1f} |",
                flush=True,
            )
        for e, r in got.items():
            if r["phases"]:
                print(
                    f"\n{size} MB {e} phases (wall s): "
                    + ", ".join(f"{k} {v:.1f}" for k, v in r["phases"].items())
                )


if __name__ == "__main__":
    main()
