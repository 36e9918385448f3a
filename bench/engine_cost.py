"""The engine's own cost: end-to-end CPU (main process and workers apart) minus checks-only CPU.

Each run is a fresh child process: imports and a warm-up stay outside the timing, then
``LocalEngine.run`` on the file and the findings read back as the JSON report does. Process
CPU time (user + sys; workers' through RUSAGE_CHILDREN), so the figures hold on a busy
machine; wall time is printed with the load average.

    python bench/engine_cost.py --data bench/data/news-10mb.jsonl --jobs 1,2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def child(data: Path, jobs: int, select: str | None) -> None:
    sys.path.append(str(HERE.parent))  # after PYTHONPATH: another checkout can be measured
    from zhqa.checks.runner import Plan
    from zhqa.engine.local import LocalEngine
    from zhqa.schemas.config import SuiteConfig

    plan = Plan.build(SuiteConfig(), select=select.split(",") if select else None)
    warm = Path(os.environ.get("TMPDIR", "/tmp")) / f"zhqa-engine-cost-{os.getpid()}.jsonl"
    with data.open("rb") as f, warm.open("wb") as w:
        w.writelines(f.readline() for _ in range(50))
    res = LocalEngine(plan, jobs=1).run([str(warm)])
    sum(1 for _ in res.finding_payloads())
    res.close()
    warm.unlink()
    t0, m0, c0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    res = LocalEngine(plan, jobs=jobs).run([str(data)])
    with open(os.devnull, "w", encoding="utf-8") as out:
        for p in res.finding_payloads():
            out.write(p)
    res.close()
    wall = time.perf_counter() - t0
    main = _cpu(resource.RUSAGE_SELF) - m0
    workers = _cpu(resource.RUSAGE_CHILDREN) - c0
    print(
        json.dumps(
            {"jobs": jobs, "wall": wall, "main": main, "workers": workers, "findings": res.summary.findings}
        )
    )


def checks_child(data: Path, select: str | None) -> None:
    """The checks alone on ready documents (as bench/peers.py ``checks``), imports from sys.path."""
    sys.path.append(str(HERE.parent))
    from zhqa.checks.runner import Plan, map_batch
    from zhqa.schemas.config import SuiteConfig
    from zhqa.schemas.document import Document

    plan = Plan.build(SuiteConfig(), select=select.split(",") if select else None)
    with data.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    for doc in [Document(id="w", source="b", text=t) for t in texts[:20]]:  # imports, tables, caches
        for chk in plan.document_checks:
            list(chk.evaluate(doc, plan.options[chk.code], plan.config))
    ready = [Document(id=str(i), source="b", text=t) for i, t in enumerate(texts)]
    c0 = time.process_time()
    for doc in ready:
        for chk in plan.document_checks:
            list(chk.evaluate(doc, plan.options[chk.code], plan.config))
    for i in range(0, len(ready), 256):
        map_batch(plan, ready[i : i + 256])
    print(json.dumps({"cpu": time.process_time() - c0}))


def _run(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE / "data" / "news-10mb.jsonl")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--select", default=None)
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--no-checks", action="store_true", help="skip the checks-only run")
    ap.add_argument("--checks-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.checks_child:
        checks_child(args.data, args.select)
        return
    if args.child is not None:
        child(args.data, args.child, args.select)
        return
    sel = ["--select", args.select] if args.select else []
    mb = args.data.stat().st_size / 1e6
    only = None
    if not args.no_checks:
        only = _run([__file__, "--data", str(args.data), "--checks-child", *sel])["cpu"]
        print(f"checks only: {only:.2f} CPU s ({mb / only:.2f} MB/s), load {os.getloadavg()[0]:.1f}\n")
    print("| jobs | wall s | main CPU s | workers CPU s | total CPU s | engine CPU s per 10 MB | load |")
    print("|---|---|---|---|---|---|---|")
    for jobs in [int(j) for j in args.jobs.split(",")]:
        la = os.getloadavg()[0]
        r = _run([__file__, "--data", str(args.data), "--child", str(jobs), *sel])
        total = r["main"] + r["workers"]
        eng = f"{(total - only) * 10 / mb:.2f}" if only is not None else "–"
        print(
            f"| {jobs} | {r['wall']:.1f} | {r['main']:.2f} | {r['workers']:.2f} | {total:.2f} | {eng} | {la:.1f} |"
        )


if __name__ == "__main__":
    main()
