"""Cost of a baseline: fingerprinting N findings and filtering a run through it.

    python bench/baseline_apply.py --findings 200000

Prints a Markdown table: build (from findings), dump+load (file), apply (re-count a run).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhqa.engine.baseline import Baseline, apply
from zhqa.engine.spool import Spool
from zhqa.schemas import Finding, SuiteConfig, Summary

TEXT = "推动产业链人才链融合,苏州打破技能人才评价壁垒,一证链通上下游企业。"


@dataclass
class _Run:
    config: SuiteConfig
    summary: Summary
    spools: list[Spool]
    extras: dict[str, Any] = field(default_factory=dict)


def findings(n: int) -> list[Finding]:
    out = []
    for i in range(n):
        k = i % (len(TEXT) - 8)
        out.append(
            Finding(
                code="P201",
                name="halfwidth-punctuation",
                family="punctuation",
                severity="error",
                doc_id=f"doc-{i // 50}",
                source="news.jsonl",
                start=k,
                end=k + 1,
                line=1,
                column=k + 1,
                message="ASCII ',' in Chinese text; use '，'",
                excerpt=TEXT[k : k + 8],
            )
        )
    return out


def run(n: int) -> list[tuple[str, float]]:
    fs = findings(n)
    t0 = time.perf_counter()
    b = Baseline.from_findings(fs)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "b.json"
        path.write_text(b.dump("bench"), encoding="utf-8")
        size = path.stat().st_size
        b = Baseline.load(path)
    t2 = time.perf_counter()
    spool = Spool()
    for i, f in enumerate(fs):
        spool.add((i, f.start, f.end, f.code, f.message), f.model_dump_json())
    res = _Run(SuiteConfig(), Summary(findings=n), [spool])
    t3 = time.perf_counter()
    out = apply(res, b)
    t4 = time.perf_counter()
    assert out.new == 0 and out.baselined == n
    return [
        ("build from findings", t1 - t0),
        (f"dump + load ({size / 1e6:.1f} MB)", t2 - t1),
        ("apply to the run", t4 - t3),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--findings", type=int, default=200_000)
    n = ap.parse_args().findings
    print(f"| step ({n:,} findings) | seconds | findings/s |\n|---|---:|---:|")
    for name, secs in run(n):
        print(f"| {name} | {secs:.2f} | {n / secs:,.0f} |")


if __name__ == "__main__":
    main()
