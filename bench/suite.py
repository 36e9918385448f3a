"""The whole benchmark: zhqa's default suite end to end, each family alone, the peers, scaling.

One command (``bench/run`` or ``python -m bench``) prints one Markdown report:

1. the whole default suite on the main corpus (default 100 MB), ``--jobs 1`` and ``2``:
   wall time, CPU time, MB/s per core, peak RSS of the process tree;
2. each family alone (``--select E`` …) on the sample (the first 10 MB of the same
   generated stream), against its own target;
3. the peers on the same sample, with the ratio zhqa / peer (> 1: zhqa is faster);
4. scaling: the whole suite at 10 MB, 100 MB (and 1 GB with ``--scaling 10,100,1024``).

Every zhqa run is a separate process started in a temporary folder with no config above
it, so the built-in default suite runs (not this repository's seed suite). CPU seconds include the worker processes; on a busy machine
MB/s per CPU second is the figure to trust, wall time is reported with the load average.

    bench/run                       # 100 MB main corpus, 10 MB sample
    bench/run --size-mb 10 --skip-scaling
    bench/run --scaling 10,100,1024 # add the 1 GB point (about 10 minutes more)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402
from stream_rss import measure  # noqa: E402

FAMILIES = {  # family -> (selection, target MB/s on one core, from the family's issue)
    "E encoding": ("E", 30.0),
    "P punctuation": ("P", 20.0),
    "N numeric": ("N", 10.0),
    "D duplication": ("D", None),
    "S structure": ("S", None),
}
OUT = HERE / "out"
# runs start here: no zhqa.toml or pyproject.toml up the tree, so the built-in default suite runs
WORK = Path(tempfile.gettempdir()) / "zhqa-bench"


def data_file(size_mb: float, defect_rate: float) -> Path:
    """The generated corpus of this size (seed 1: a smaller one is a prefix of a larger one)."""
    tag = "" if defect_rate == 0.1 else f"-d{defect_rate:g}"
    path = HERE / "data" / f"news-{int(size_mb)}mb{tag}.jsonl"
    if not path.exists():
        print(f"generating {path} …", file=sys.stderr)
        generate(path, size_mb, defect_rate)
    return path


def mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "TOKENIZERS_PARALLELISM": "false"}


DOC_ONLY = "D301,D302,D305"  # the corpus checks: what is left is the document checks


def run_cli(data: Path, jobs: int, select: str | None = None, ignore: str | None = None) -> dict:
    """``zhqa check`` as a child process: wall, CPU (with workers), peak RSS, exit code."""
    OUT.mkdir(exist_ok=True)
    cmd = [sys.executable, "-m", "zhqa", "check", str(data), "--no-progress", "--jobs", str(jobs)]
    cmd += ["--format", "json", "--output", str(OUT / "suite.json")]
    if select:
        cmd += ["--select", select]
    if ignore:
        cmd += ["--ignore", ignore]
    la = load()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cwd = os.getcwd()
    WORK.mkdir(exist_ok=True)
    os.chdir(WORK)
    os.environ["PYTHONPATH"] = str(ROOT)
    try:
        wall, rc, main_mb, tree_mb = measure(cmd)
    finally:
        os.chdir(cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = json.loads((OUT / "suite.json").read_text())["summary"] if rc in (0, 1) else {}
    return {
        "wall": wall,
        "cpu": cpu,
        "rc": rc,
        "main_mb": main_mb,
        "tree_mb": tree_mb,
        "load": la,
        "findings": summary.get("findings"),
        "documents": summary.get("documents"),
    }


def run_child(kind: str, data: Path, timeout: float, **kw: str) -> dict:
    """A peer (or zhqa in-process) timed inside its own process; see bench/peers.py."""
    cmd = [sys.executable, str(HERE / "peers.py"), kind, str(data)]
    for k, v in kw.items():
        cmd += [f"--{k}", v]
    la = load()
    try:
        WORK.mkdir(exist_ok=True)
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_env(), cwd=WORK)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s", "load": la}
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail[:120], "load": la}
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["load"] = la
    return res


def suite_rows(data: Path, jobs_list: list[int]) -> tuple[list[str], dict[int, dict]]:
    size = mb(data)
    rows = [
        f"### Whole default suite, {size:.0f} MB JSONL ({data.name})\n",
        "| jobs | wall s | MB/s | MB/s per core (wall) | CPU s | MB/s per CPU s | "
        "speed-up vs 1 | peak RSS tree MB | findings | exit | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    res: dict[int, dict] = {}
    for jobs in jobs_list:
        r = res[jobs] = run_cli(data, jobs)
        speed = f"{res[1]['wall'] / r['wall']:.2f}×" if 1 in res and jobs != 1 else "–"
        rows.append(
            f"| {jobs} | {r['wall']:.1f} | {size / r['wall']:.2f} | {size / r['wall'] / jobs:.2f} | "
            f"{r['cpu']:.1f} | {size / r['cpu']:.2f} | {speed} | {r['tree_mb']} | {r['findings']} | "
            f"{r['rc']} | {r['load']} |"
        )
    return rows, res


def family_rows(sample: Path, timeout: float) -> tuple[list[str], dict[str, dict]]:
    size = mb(sample)
    rows = [
        f"### Each family alone, {size:.0f} MB sample, one process (imports excluded)\n",
        "End to end = the engine with `--select F` (reading, base stats, findings, corpus phase); "
        "checks only = the family's checks on ready documents, as the family benchmarks time them.\n",
        "| family | end to end CPU s | end to end MB/s | checks only MB/s | target MB/s | met (checks only) "
        "| findings | load |",
        "|---|---|---|---|---|---|---|---|",
    ]
    res: dict[str, dict] = {}
    for name, (sel, target) in [*FAMILIES.items(), ("whole suite", (None, 5.0))]:
        sel_kw = {"select": sel} if sel else {}
        r = res[sel or "all"] = run_child("zhqa", sample, timeout, **sel_kw)
        c = run_child("checks", sample, timeout, **sel_kw)
        if "error" in r or "error" in c:
            err = r.get("error") or c.get("error")
            rows.append(f"| {name} | – | – | – | {target or '–'} | – | {err} | {r['load']} |")
            continue
        rate, only = size / r["cpu"], size / c["cpu"]
        met = "–" if target is None else ("yes" if (only if sel else rate) >= target else "no")
        rows.append(
            f"| {name} | {r['cpu']:.2f} | {rate:.2f} | {only:.2f} | {target or '–'} | {met} | "
            f"{r['findings']} | {r['load']} |"
        )
    return rows, res


PEERS = [  # (peer child, what it does, zhqa selection it is compared with)
    ("autocorrect", "autocorrect-py `format` (punctuation/spacing lint+fix)", "P"),
    ("dj-punct", "data-juicer punctuation_normalization_mapper", "P"),
    ("dj-convert", "data-juicer chinese_convert_mapper (t2s)", "E108"),
    ("dj-dedup", "data-juicer document_deduplicator (md5)", "D301"),
    ("dj-minhash", "data-juicer document_minhash_deduplicator (char 5-grams, 128 perm)", "D302"),
    ("datasketch", "datasketch MinHash + MinHashLSH (char 5-grams, 128 perm)", "D302"),
    ("rensa", "rensa RMinHash + RMinHashLSH (char 5-grams, 128 perm)", "D302"),
]


def peer_rows(sample: Path, timeout: float, zhqa_by_sel: dict[str, dict]) -> list[str]:
    size = mb(sample)
    rows = [
        f"### Peers on the same {size:.0f} MB sample, one process (CPU time of the work, imports excluded)\n",
        "| peer | peer MB/s | peer docs/s | zhqa | zhqa MB/s | zhqa docs/s | zhqa / peer | load |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, what, sel in PEERS:
        z = zhqa_by_sel.get(sel) or run_child("zhqa", sample, timeout, select=sel)
        zhqa_by_sel[sel] = z
        p = run_child(kind, sample, timeout)
        if "error" in p or "error" in z:
            err = p.get("error") or z.get("error")
            rows.append(f"| {what} | – | – | `--select {sel}` | – | – | not run: {err} | {p['load']} |")
            continue
        zr, pr = size / z["cpu"], size / p["cpu"]
        rows.append(
            f"| {what} | {pr:.2f} | {p['docs'] / p['cpu']:.0f} | `--select {sel}` | {zr:.2f} | "
            f"{z['docs'] / z['cpu']:.0f} | {zr / pr:.1f}× | {p['load']} |"
        )
    return rows


def scaling_rows(sizes: list[float], jobs: int, known: dict[float, dict], defect_rate: float) -> list[str]:
    rows = [
        f"### Scaling, `--jobs {jobs}`: the whole default suite, and its document checks alone "
        f"(`--ignore {DOC_ONLY}`)\n",
        "| input MB | checks | wall s | CPU s | MB/s per CPU s | CPU s per MB | peak RSS main MB | "
        "peak RSS tree MB | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in sizes:
        data = data_file(s, defect_rate)
        size = mb(data)
        for what, ignore in (("all", None), ("document", DOC_ONLY)):
            r = (known.get(s) if ignore is None else None) or run_cli(data, jobs, ignore=ignore)
            rows.append(
                f"| {size:.0f} | {what} | {r['wall']:.1f} | {r['cpu']:.1f} | {size / r['cpu']:.2f} | "
                f"{r['cpu'] / size:.3f} | {r['main_mb']} | {r['tree_mb']} | {r['load']} |"
            )
    return rows


def _require_zhqa() -> None:
    """Stop at once when this Python cannot run zhqa (every row would be an error)."""
    probe = subprocess.run(
        [sys.executable, "-c", "import numpy, zhqa.checks, zhqa.cli"],
        capture_output=True,
        text=True,
        env=_env(),
    )
    if probe.returncode:
        last = (probe.stderr.strip().splitlines() or ["?"])[-1]
        sys.exit(
            f"bench: {sys.executable} cannot import zhqa ({last}); activate the venv or `pip install -e .[bench]`"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=100, help="main corpus (whole suite)")
    ap.add_argument("--sample-mb", type=float, default=10, help="families and peers")
    ap.add_argument("--defect-rate", type=float, default=0.1)
    ap.add_argument("--scaling", default="10,100", help="sizes in MB for the scaling table")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--timeout", type=float, default=300, help="per peer run, seconds")
    ap.add_argument("--out", type=Path, default=OUT / "run.md")
    args = ap.parse_args()
    _require_zhqa()
    t0 = time.perf_counter()
    data = data_file(args.size_mb, args.defect_rate)
    sample = data_file(args.sample_mb, args.defect_rate)
    jobs = [int(j) for j in args.jobs.split(",")]
    head = [
        f"## zhqa benchmark ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores, load {load()}, defect rate {args.defect_rate})\n"
    ]
    sections: list[list[str]] = [head]

    def show(rows: list[str]) -> None:
        sections.append(rows)
        print("\n".join(rows) + "\n", flush=True)

    print(head[0], flush=True)
    rows, whole = suite_rows(data, jobs)
    show(rows)
    rows, fam = family_rows(sample, args.timeout)
    show(rows)
    if not args.skip_peers:
        show(peer_rows(sample, args.timeout, fam))
    if not args.skip_scaling:
        sizes = [float(s) for s in args.scaling.split(",")]
        known = {round(args.size_mb): whole[max(jobs)]} if jobs else {}
        show(scaling_rows(sizes, max(jobs), {float(k): v for k, v in known.items()}, args.defect_rate))
    tail = f"Total bench time {time.perf_counter() - t0:.0f} s. Command: `{' '.join(sys.argv)}`"
    show([tail])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n\n".join("\n".join(s) for s in sections) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
