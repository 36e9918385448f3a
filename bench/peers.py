"""One timed run in this process, for bench/suite.py: zhqa (a selection) or one peer tool.

Imports and a warm-up on a few documents stay outside the timing; the JSON line printed
last has CPU and wall seconds, the number of documents and what the tool found.

    python bench/peers.py zhqa bench/data/news-10mb.jsonl --select P
    python bench/peers.py datasketch bench/data/news-10mb.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

SHINGLE, PERM, THRESHOLD = 5, 128, 0.8  # D302's defaults


def texts_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def zhqa(path: Path, select: str | None) -> Callable[[list[str]], Any]:
    from zhqa.checks.runner import Plan
    from zhqa.engine.local import LocalEngine
    from zhqa.schemas.config import SuiteConfig

    plan = Plan.build(SuiteConfig(), select=select.split(",") if select else None)

    def run(texts: list[str]) -> Any:
        if len(texts) < 100:  # warm-up: through a small file
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
                f.writelines(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
            target = f.name
        else:
            target = str(path)
        res = LocalEngine(plan, jobs=1).run([target])
        n = sum(1 for _ in res.finding_payloads())
        res.close()
        return n

    return run


def checks(path: Path, select: str | None) -> Callable[[list[str]], Any]:
    """The selected checks alone on ready Documents: no reading, stats, findings or spooling
    (how the family benchmarks time a family)."""
    from zhqa.checks.runner import Plan, map_batch
    from zhqa.schemas.config import SuiteConfig
    from zhqa.schemas.document import Document
    from zhqa.schemas.finding import Hit

    plan = Plan.build(SuiteConfig(), select=select.split(",") if select else None)
    ready = [Document(id=str(i), source="b", text=t) for i, t in enumerate(texts_of(path))]

    def run(texts: list[str]) -> int:
        batch = ready if len(texts) == len(ready) else [Document(id="w", source="b", text=t) for t in texts]
        n = 0
        for doc in batch:
            for chk in plan.document_checks:
                n += sum(isinstance(h, Hit) for h in chk.evaluate(doc, plan.options[chk.code], plan.config))
        for i in range(0, len(batch), 256):
            map_batch(plan, batch[i : i + 256])
        return n

    return run


def autocorrect(_: Path, __: Any) -> Callable[[list[str]], Any]:
    import autocorrect_py

    return lambda texts: sum(autocorrect_py.format(t) != t for t in texts)


def dj_punct(_: Path, __: Any) -> Callable[[list[str]], Any]:
    from data_juicer.ops.mapper import PunctuationNormalizationMapper

    op = PunctuationNormalizationMapper()
    return lambda texts: _batched(op, texts)


def dj_convert(_: Path, __: Any) -> Callable[[list[str]], Any]:
    from data_juicer.ops.mapper import ChineseConvertMapper

    op = ChineseConvertMapper(mode="t2s")
    return lambda texts: _batched(op, texts)


def _batched(op: Any, texts: list[str], size: int = 1000) -> int:
    changed = 0
    for i in range(0, len(texts), size):
        out = op.process_batched({"text": texts[i : i + size]})["text"]
        changed += sum(a != b for a, b in zip(out, texts[i : i + size], strict=True))
    return changed


def _dedup(op: Any, key: str, texts: list[str]) -> int:
    from datasets import Dataset

    hashes = [op.compute_hash({"text": t})[key] for t in texts]
    ds = Dataset.from_dict({"text": texts, key: hashes})
    kept, _ = op.process(ds)
    return len(texts) - len(kept)


def dj_dedup(_: Path, __: Any) -> Callable[[list[str]], Any]:
    from data_juicer.ops.deduplicator import DocumentDeduplicator
    from data_juicer.utils.constant import HashKeys

    op = DocumentDeduplicator()
    return lambda texts: _dedup(op, HashKeys.hash, texts)


def dj_minhash(_: Path, __: Any) -> Callable[[list[str]], Any]:
    from data_juicer.ops.deduplicator import DocumentMinhashDeduplicator
    from data_juicer.utils.constant import HashKeys

    op = DocumentMinhashDeduplicator(
        tokenization="character",
        window_size=SHINGLE,
        num_permutations=PERM,
        jaccard_threshold=THRESHOLD,
        lowercase=False,
    )
    return lambda texts: _dedup(op, HashKeys.minhash, texts)


def _lsh(method: str) -> Callable[[Path, Any], Callable[[list[str]], Any]]:
    def make(_: Path, __: Any) -> Callable[[list[str]], Any]:
        import bench_minhash

        ns = argparse.Namespace(n=SHINGLE, perm=PERM, threshold=THRESHOLD)
        return lambda texts: len(bench_minhash.METHODS[method](texts, ns)[0])

    return make


KINDS: dict[str, Callable[[Path, Any], Callable[[list[str]], Any]]] = {
    "zhqa": zhqa,
    "checks": checks,
    "autocorrect": autocorrect,
    "dj-punct": dj_punct,
    "dj-convert": dj_convert,
    "dj-dedup": dj_dedup,
    "dj-minhash": dj_minhash,
    "datasketch": _lsh("datasketch"),
    "rensa": _lsh("rensa"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=sorted(KINDS))
    ap.add_argument("data", type=Path)
    ap.add_argument("--select")
    args = ap.parse_args()
    texts = texts_of(args.data)
    run = KINDS[args.kind](args.data, args.select)
    run(texts[:20])  # imports, tables, caches
    t0, c0 = time.perf_counter(), time.process_time()
    found = run(texts)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"kind": args.kind, "cpu": cpu, "wall": wall, "docs": len(texts), "findings": found}))


if __name__ == "__main__":
    main()
