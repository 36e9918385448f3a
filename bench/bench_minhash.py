"""D302 near-duplicate detection, end to end, against datasketch and rensa on the same input.

Generates N Chinese paragraphs (~180 characters, random clauses of NTREX zho-CN and
CMRC 2018), of which a share are planted near-duplicates (a random original with
~3% of its characters replaced). Each method runs in its own process (peak RSS is
per method) on the same texts, shingles (character 5-grams of the text without
whitespace and punctuation) and number of permutations, and reports docs/s,
peak RSS, the corpus-phase memory extrapolated to 1 M documents, recall of the
planted pairs, and pairs reported below the threshold.

    python bench/bench_minhash.py --docs 200000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CORPORA = HERE.parent.parent / "shared" / "corpora"
SOURCES = ["ntrex128-zh/ntrex128_zho-CN.jsonl", "cmrc2018/cmrc2018_wiki.jsonl"]
_CLAUSE = re.compile(r"[^，。！？；：“”\s]{4,40}")


def clauses() -> list[str]:
    out: set[str] = set()
    for name in SOURCES:
        for line in (CORPORA / name).open(encoding="utf-8"):
            out.update(_CLAUSE.findall(json.loads(line)["text"]))
    return sorted(out)


def corpus(n: int, dup_share: float, change: float, seed: int) -> tuple[list[str], list[tuple[int, int]]]:
    """``n`` texts and the planted pairs ``(original, copy)``."""
    rng = random.Random(seed)
    pool = clauses()
    hanzi = [c for c in "".join(pool[:3000]) if "\u4e00" <= c <= "\u9fff"]
    texts: list[str] = []
    planted: list[tuple[int, int]] = []
    for i in range(n):
        if i > 10 and rng.random() < dup_share:
            j = rng.randrange(i)
            while any(p[1] == j for p in planted[-1:]):
                j = rng.randrange(i)
            chars = list(texts[j])
            for k in rng.sample(range(len(chars)), max(1, round(len(chars) * change))):
                chars[k] = rng.choice(hanzi)
            texts.append("".join(chars))
            planted.append((j, i))
            continue
        parts: list[str] = []
        size = 0
        while size < 170:
            c = rng.choice(pool)
            parts.append(c)
            size += len(c) + 1
        texts.append("，".join(parts) + "。")
    return texts, planted


def _fold() -> dict[int, int | None]:
    """zhqa's content filter as a str.translate table (drops spaces and punctuation, folds width/case)."""
    from zhqa.text.shingles import _table

    table = _table().tolist()
    return {cp: (v or None) for cp, v in enumerate(table) if v != cp}


def shingle_sets(texts: list[str], n: int) -> list[set[str]]:
    """Plain-Python shingles, the same characters zhqa shingles (what datasketch and rensa are fed)."""
    fold = _fold()
    out = []
    for t in texts:
        s = t.translate(fold)
        out.append({s[i : i + n] for i in range(len(s) - n + 1)})
    return out


def run_zhqa(texts: list[str], args: argparse.Namespace) -> tuple[set[tuple[int, int]], dict]:
    from zhqa.checks.duplication import minhash as mh
    from zhqa.checks.duplication.near import matches

    params = mh.Params(n=args.n, num_perm=args.perm, threshold=args.threshold)
    t0 = time.perf_counter()
    sk = mh.concat([mh.sketch(texts[i : i + args.batch], params) for i in range(0, len(texts), args.batch)])
    t1 = time.perf_counter()
    found = matches(sk, params, 50)
    t2 = time.perf_counter()
    extra = {
        "map_s": t1 - t0,
        "reduce_s": t2 - t1,
        "held_bytes_per_doc": sum(col.nbytes for col in sk) / len(texts),
        "bands": "x".join(map(str, params.banding())),
        "verified_pairs": {(m.partner, m.row) for m in found if not m.template},
    }
    return {(m.first, m.row) for m in found if not m.template}, extra


def run_datasketch(texts: list[str], args: argparse.Namespace) -> tuple[set[tuple[int, int]], dict]:
    from datasketch import MinHash, MinHashLSH

    from zhqa.checks.duplication.minhash import choose_bands

    t0 = time.perf_counter()
    sets = shingle_sets(texts, args.n)
    t1 = time.perf_counter()
    sigs = MinHash.bulk([[s.encode("utf-8") for s in ss] for ss in sets], num_perm=args.perm)
    lsh = MinHashLSH(num_perm=args.perm, params=choose_bands(args.threshold, args.perm))
    found = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            found.add((j, i))
        lsh.insert(i, m)
    return found, {"shingle_s": t1 - t0, "bands": "x".join(map(str, choose_bands(args.threshold, args.perm)))}


def _rensa_bands(args: argparse.Namespace) -> int:
    from zhqa.checks.duplication.minhash import choose_bands

    bands, _ = choose_bands(args.threshold, args.perm)
    while args.perm % bands:  # rensa needs bands dividing num_perm
        bands += 1
    return bands


def run_rensa(texts: list[str], args: argparse.Namespace) -> tuple[set[tuple[int, int]], dict]:
    from rensa import RMinHash, RMinHashLSH

    t0 = time.perf_counter()
    sets = shingle_sets(texts, args.n)
    t1 = time.perf_counter()
    bands = _rensa_bands(args)
    lsh = RMinHashLSH(threshold=args.threshold, num_perm=args.perm, num_bands=bands)
    found = set()
    for i, ss in enumerate(sets):
        m = RMinHash(num_perm=args.perm, seed=42)
        m.update(list(ss))
        for j in lsh.query(m):
            found.add((j, i))
        lsh.insert(i, m)
    return found, {"shingle_s": t1 - t0, "bands": f"{bands}x{args.perm // bands}"}


def run_rensa_matrix(texts: list[str], args: argparse.Namespace) -> tuple[set[tuple[int, int]], dict]:
    """rensa's bulk path fed with zhqa's vectorised shingle hashes; it gives flags, not pairs."""
    import numpy as np
    from rensa import RMinHash, RMinHashLSH

    from zhqa.text.shingles import content_codes, shingle_hashes

    t0 = time.perf_counter()
    bands = _rensa_bands(args)
    lsh = RMinHashLSH(threshold=args.threshold, num_perm=args.perm, num_bands=bands)
    flags: list[bool] = []
    for i in range(0, len(texts), args.batch):
        sh = shingle_hashes(content_codes(texts[i : i + args.batch]), args.n)
        offsets = np.concatenate(([0], np.cumsum(sh.counts))).astype(np.uint64)
        digests = RMinHash.digest_matrix_from_flat_token_hashes(
            sh.hashes.astype(np.uint64), offsets, args.perm, 42
        )
        flags.extend(lsh.insert_matrix_and_query_duplicate_flags(digests, start_key=i))
    t1 = time.perf_counter()
    flagged = {i for i, f in enumerate(flags) if f}
    return {(i, i) for i in flagged}, {
        "shingle_s": 0.0,
        "bands": f"{bands}x{args.perm // bands}",
        "flags": t1 - t0,
    }


METHODS = {
    "zhqa": run_zhqa,
    "datasketch": run_datasketch,
    "rensa": run_rensa,
    "rensa-matrix": run_rensa_matrix,
}
WARM = {
    "zhqa": "zhqa.checks.duplication.near",
    "datasketch": "datasketch",
    "rensa": "rensa",
    "rensa-matrix": "rensa",
}


def child(args: argparse.Namespace) -> None:
    import importlib

    texts, planted = corpus(args.docs, args.dup_share, args.change, args.seed)
    importlib.import_module(WARM[args.method])
    importlib.import_module("numpy")
    METHODS[args.method](texts[:50], args)  # imports and lookup tables, outside the timing
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    found, extra = METHODS[args.method](texts, args)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sets = shingle_sets(texts, args.n)

    def jac(a: int, b: int) -> float:
        return len(sets[a] & sets[b]) / max(1, len(sets[a] | sets[b]))

    sims = [jac(a, b) for a, b in planted]
    above = [p for p, s in zip(planted, sims, strict=True) if s >= args.threshold]
    if args.method == "rensa-matrix":  # flags only: a planted pair counts when its copy is flagged
        flagged = {a for a, _ in found}
        hit = [p for p in planted if p[1] in flagged]
        hit_above = [p for p in above if p[1] in flagged]
        below = -1
    else:
        clusters = _clusters(found)
        hit = [p for p in planted if clusters.get(p[0], p[0]) == clusters.get(p[1], p[1])]
        hit_above = [p for p in above if clusters.get(p[0], p[0]) == clusters.get(p[1], p[1])]
        below = sum(1 for a, b in extra.pop("verified_pairs", found) if jac(a, b) < args.threshold)
    out = {
        "method": args.method,
        "docs": args.docs,
        "seconds": secs,
        "docs_per_s": args.docs / secs,
        "docs_per_cpu_s": args.docs / cpu,
        "peak_rss_mb": peak,
        "corpus_phase_mb": peak - base,
        "rss_1m_mb": (peak - base) * 1_000_000 / args.docs,
        "planted": len(planted),
        "planted_above": len(above),
        "recall_all": len(hit) / max(1, len(planted)),
        "recall_above": len(hit_above) / max(1, len(above)),
        "reported_pairs": len(found),
        "below_threshold": below,
        **extra,
    }
    print(json.dumps(out))


def _clusters(pairs: set[tuple[int, int]]) -> dict[int, int]:
    from zhqa.checks.duplication.minhash import components

    return components(sorted(pairs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200_000)
    ap.add_argument("--dup-share", type=float, default=0.10)
    ap.add_argument(
        "--change", type=float, default=0.03, help="share of characters replaced in a planted copy"
    )
    ap.add_argument(
        "--threshold", type=float, default=0.6, help="0.6: every planted copy (J 0.67-0.87) is above it"
    )
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--batch", type=int, default=4096)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--methods", default="zhqa,rensa,rensa-matrix,datasketch")
    ap.add_argument("--method", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.method:
        child(args)
        return
    rows = []
    for method in args.methods.split(","):
        cmd = [sys.executable, __file__, "--method", method] + [
            f"--{k.replace('_', '-')}={v}" for k, v in vars(args).items() if k not in ("method", "methods")
        ]
        rows.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    print(
        f"{args.docs} docs, {args.dup_share:.0%} planted copies with {args.change:.0%} of characters changed, "
        f"{args.n}-gram shingles, {args.perm} permutations, threshold {args.threshold}\n"
    )
    print(
        "| method | docs/s (wall) | docs/CPU-s | s | peak RSS MB | corpus phase MB | → 1 M docs MB | bands×rows "
        "| recall (all planted) | recall (planted J ≥ t) | reported pairs | pairs J < t |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['method']} | {r['docs_per_s']:,.0f} | {r['docs_per_cpu_s']:,.0f} | {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} "
            f"| {r['corpus_phase_mb']:.0f} | {r['rss_1m_mb']:.0f} | {r['bands']} | {r['recall_all']:.1%} "
            f"| {r['recall_above']:.1%} ({r['planted_above']}/{r['planted']}) "
            f"| {'flags only' if r['below_threshold'] < 0 else r['reported_pairs']} "
            f"| {'n/a' if r['below_threshold'] < 0 else r['below_threshold']} |"
        )
    for r in rows:
        if "map_s" in r:
            print(
                f"\nzhqa: map {r['map_s']:.2f} s, reduce {r['reduce_s']:.2f} s; the corpus phase holds "
                f"{r['held_bytes_per_doc']:.0f} bytes per document (band keys + shingle hashes + 3 keys)"
            )
        elif r.get("shingle_s"):
            print(f"{r['method']}: of which plain-Python shingling {r['shingle_s']:.2f} s")


if __name__ == "__main__":
    main()
