"""Punctuation family (P201-P210) vs autocorrect-py on the same >= 50 MB Chinese news text.

Prints a Markdown table: throughput of both on one core (MB/s of UTF-8 text), then where
their findings disagree on a sample of documents (counts by category).

    python bench/bench_punctuation.py --size-mb 50          # generates bench/data/news-50mb.jsonl
    python bench/bench_punctuation.py --data FILE.jsonl --sample-docs 3000
    python bench/bench_punctuation.py --checks-only --data bench/data/news-10mb.jsonl

``--checks-only``: CPU of each P check on ready documents, in run order (shared caches
as in a run), with the cost of the clock itself taken off, and of the whole family with
no clock per check (bench/checks_time.py reads the clock twice per check and document,
~1.3 us, about a quarter of this family's figure there).
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from zhqa.checks import CATALOGUE  # noqa: E402
from zhqa.schemas.document import Document  # noqa: E402
from zhqa.schemas.finding import Hit  # noqa: E402

P_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("P2")]
OPTIONS = {c.code: c.options() for c in P_CHECKS}  # validated once, as the engine's Plan does
ASCII_MARKS = set(",.;:?!()~")


def load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def run_p(doc: Document) -> list[tuple[str, Hit]]:
    return [(c.code, h) for c in P_CHECKS for h in c.evaluate(doc, OPTIONS[c.code]) if isinstance(h, Hit)]


def time_p(docs: list[Document]) -> tuple[float, float, Counter]:
    """Wall and CPU seconds of the whole P family over ``docs`` (one process, one core)."""
    counts: Counter = Counter()
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        for code, _ in run_p(doc):
            counts[code] += 1
    return time.perf_counter() - t0, time.process_time() - c0, counts


def per_check(texts: list[str], repeat: int = 3) -> tuple[dict[str, float], dict[str, int], float]:
    """Per check CPU seconds in run order (min of ``repeat``, clock cost removed), hits, family total."""
    from zhqa.checks.runner import Plan
    from zhqa.schemas.config import SuiteConfig

    calls = Plan.build(SuiteConfig(), select=["P"]).bound()
    clock = time.thread_time
    t0 = clock()
    for _ in range(100_000):
        clock()
    tick = (clock() - t0) / 100_000  # one clock read
    cpu: dict[str, float] = {}
    hits: dict[str, int] = {}
    family = float("inf")
    for _ in range(repeat):
        docs = [Document(id=str(i), source="b", text=t) for i, t in enumerate(texts)]
        acc = dict.fromkeys((c.code for c, _ in calls), 0.0)
        for d in docs:
            for c, f in calls:
                t0 = clock()
                n = sum(1 for h in f(d) if isinstance(h, Hit))
                acc[c.code] += clock() - t0 - tick
                hits[c.code] = hits.get(c.code, 0) + n
        for k, v in acc.items():
            cpu[k] = min(cpu.get(k, float("inf")), v)
        docs = [Document(id=str(i), source="b", text=t) for i, t in enumerate(texts)]
        t0 = clock()
        for d in docs:
            for _c, f in calls:
                for _h in f(d):
                    pass
        family = min(family, clock() - t0)
    return cpu, {k: v // repeat for k, v in hits.items()}, family


def print_per_check(data: Path, texts: list[str]) -> None:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cpu, hits, family = per_check(texts)
    print(f"## P checks on ready documents ({data.name}, {len(texts)} docs, {mb:.1f} MB)\n")
    print("| check | CPU s (run order) | hits |")
    print("|---|---:|---:|")
    for code, secs in cpu.items():
        print(f"| {code} | {secs:.3f} | {hits[code]} |")
    print(f"| sum | {sum(cpu.values()):.3f} | {sum(hits.values())} |")
    print(f"\nFamily, no clock per check: {family:.3f} CPU s = {mb / family:.1f} MB/s on one core")


def time_autocorrect(texts: list[str]) -> tuple[float, float, int]:
    import autocorrect_py

    changed = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        changed += autocorrect_py.format(text) != text
    return time.perf_counter() - t0, time.process_time() - c0, changed


def _kind(old: str, new: str) -> str:
    if not old.strip() and not new.strip():
        return "space inserted" if len(new) > len(old) else "space removed"
    if not old.strip() and new.strip() == "":
        return "space inserted"
    if not new.strip():
        return "space removed"
    if len(old) == len(new) == 1 and old in ASCII_MARKS:
        return f"{old} -> {new}"
    return "other rewrite"


def compare(texts: list[str]) -> tuple[Counter, Counter, dict[str, list[str]]]:
    """Per mark: both fixed it the same way / only autocorrect / only zhqa P (by category)."""
    import autocorrect_py

    agree: Counter = Counter()
    differ: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for text in texts:
        fixes = {}
        for code, h in run_p(Document.from_text(text)):
            if h.fix is not None and h.fix.applicability == "safe":
                fixes[h.start] = (code, text[h.start : h.end], h.fix.replacement)
        ac = autocorrect_py.format(text)
        seen = set()
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, ac, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            old, new = text[i1:i2], ac[j1:j2]
            mine = fixes.get(i1)
            if mine and mine[1] == old and mine[2] == new:
                agree[f"{mine[0]} {old} -> {new}"] += 1
                seen.add(i1)
            else:
                kind = (
                    "space inserted (hanzi|Latin/digit)"
                    if not old.strip() and new == " "
                    else _kind(old, new)
                )
                differ[f"autocorrect only: {kind}"] += 1
                examples.setdefault(f"autocorrect only: {kind}", []).append(
                    f"{text[max(0, i1 - 6) : i2 + 6]!r} -> {new!r}"
                )
        for i, (code, old, new) in fixes.items():
            if i not in seen:
                differ[f"zhqa only: {code} {old} -> {new}"] += 1
                examples.setdefault(f"zhqa only: {code} {old} -> {new}", []).append(
                    repr(text[max(0, i - 6) : i + 7])
                )
    return agree, differ, examples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=50)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--sample-docs", type=int, default=3000)
    ap.add_argument("--checks-only", action="store_true", help="only the per-check CPU table")
    args = ap.parse_args()
    data = args.data or HERE / "data" / f"news-{int(args.size_mb)}mb.jsonl"
    if not data.exists():
        subprocess.run(
            [sys.executable, str(HERE / "corpus.py"), "--size-mb", str(args.size_mb), "--out", str(data)],
            check=True,
        )
    texts = load(data)
    if args.checks_only:
        print_per_check(data, texts)
        return
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    docs = [Document.from_text(t, id=str(i)) for i, t in enumerate(texts)]
    p_secs, p_cpu, p_counts = time_p(docs)
    ac_secs, ac_cpu, ac_changed = time_autocorrect(texts)
    agree, differ, examples = compare(texts[: args.sample_docs])

    print(f"## Punctuation: zhqa P family vs autocorrect-py ({data.name}, {len(texts)} docs, {mb:.1f} MB)\n")
    print("| tool | wall s | CPU s | MB/s (wall) | MB/s (CPU, one core) | output |")
    print("|---|---:|---:|---:|---:|---|")
    found = ", ".join(f"{k} {v}" for k, v in sorted(p_counts.items()))
    print(
        f"| zhqa P201-P210 | {p_secs:.2f} | {p_cpu:.2f} | {mb / p_secs:.1f} | {mb / p_cpu:.1f} | findings: {found} |"
    )
    print(
        f"| autocorrect-py `format` | {ac_secs:.2f} | {ac_cpu:.2f} | {mb / ac_secs:.1f} | {mb / ac_cpu:.1f} "
        f"| {ac_changed} docs rewritten |"
    )
    print(f"\n### Where they agree and disagree (first {min(args.sample_docs, len(texts))} docs, per edit)\n")
    print("| category | edits | example |")
    print("|---|---:|---|")
    for k, v in agree.most_common():
        print(f"| both: {k} | {v} | |")
    for k, v in differ.most_common():
        ex = examples.get(k, [""])[0].replace("|", "\\|").replace("\\n", "⏎")
        print(f"| {k} | {v} | `{ex}` |")


if __name__ == "__main__":
    main()
