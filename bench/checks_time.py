"""CPU time of each selected check on ready documents (no reading, stats or spooling).

As the engine's workers do: per batch of 256 documents, the corpus checks' map step
first, then every document check in catalogue order on each document (bound once, as
``Plan.bound`` gives them), so a shared cached computation is charged to the first check
that asks for it. Process CPU time less the clock's own cost per reading, the least of
``--repeat`` runs, so the figures hold on a busy machine.

    python bench/checks_time.py --data bench/data/news-10mb.jsonl --select P
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE / "data" / "news-10mb.jsonl")
    ap.add_argument("--select", default=None, help="code prefixes, comma-separated")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    from zhqa.checks.runner import Plan
    from zhqa.schemas.config import SuiteConfig
    from zhqa.schemas.document import Document

    with args.data.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    plan = Plan.build(SuiteConfig(), select=args.select.split(",") if args.select else None)
    warm = [Document(id="w", source="b", text=t) for t in texts[:50]]
    bound = plan.bound()  # options and config bound once, as the engine calls the checks
    for _, call in bound:
        for d in warm:
            list(call(d))
    clock = time.process_time
    t0 = clock()
    for _ in range(100_000):
        clock()
    tick = (clock() - t0) / 100_000  # what one reading of the clock adds to a measured span
    rows: list[tuple[str, float, int]] = []
    for _ in range(args.repeat):
        docs = [Document(id=str(i), source="b", text=t) for i, t in enumerate(texts)]
        cpu = {c.code: 0.0 for c in plan.document_checks} | {c.code + " map": 0.0 for c in plan.corpus_checks}
        hits = dict.fromkeys(cpu, 0)
        for i in range(0, len(docs), 256):  # as the engine's workers do: a batch's corpus maps first,
            batch = docs[i : i + 256]  # then every check on each document (shared caches warm)
            for chk in plan.corpus_checks:
                opts, t0 = plan.options[chk.code], clock()
                many = getattr(chk, "map_many", None)
                out = many(batch, opts) if many is not None else [list(chk.map(d, opts)) for d in batch]
                cpu[chk.code + " map"] += clock() - t0
                hits[chk.code + " map"] += sum(len(p) for p in out)
            for d in batch:
                for chk, call in bound:
                    t0 = clock()
                    hits[chk.code] += sum(1 for _ in call(d))
                    cpu[chk.code] += clock() - t0 - tick
        rows += [(code, cpu[code], hits[code]) for code in cpu]
    total: dict[str, list[float]] = {}
    for code, cpu, n in rows:  # the least of the repeats: the one least disturbed
        total[code] = [min(total.get(code, [cpu])[0], cpu), n]
    whole = sum(v[0] for v in total.values())
    print(f"{len(texts)} documents, {mb:.1f} MB; checks: {whole:.2f} CPU s = {mb / whole:.2f} MB/s\n")
    print("| check | CPU s | share | MB/s alone | items |")
    print("|---|---|---|---|---|")
    for code, (cpu, n) in sorted(total.items(), key=lambda kv: -kv[1][0]):
        print(f"| {code} | {cpu:.3f} | {cpu / whole:.1%} | {mb / cpu if cpu else float('inf'):.1f} | {n} |")


if __name__ == "__main__":
    main()
