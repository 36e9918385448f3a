"""Long fuzz runs: each target of tests/adversarial/test_fuzz.py for N minutes (default 10).

    python bench/fuzz.py --minutes 10            # all targets, one after the other
    python bench/fuzz.py --minutes 10 --target page

Prints a Markdown table: target, minutes, examples run, failures. A failure
prints hypothesis' minimal example and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BATCH = 500
os.environ["ZHQA_FUZZ_EXAMPLES"] = str(BATCH)

from tests.adversarial import test_fuzz as t  # noqa: E402

TARGETS = {
    "checks": t.test_every_document_check_survives_and_stays_inside,
    "page": t.test_page_parser_keeps_every_character,
    "numbers": t.test_number_scanner_spans_are_inside,
    "decode": t.test_decoder_never_raises_and_matches_replace,
    "jsonl": t.test_jsonl_line_parser_never_raises,
}


def run(name: str, minutes: float) -> tuple[int, int]:
    fn = TARGETS[name]
    deadline = time.monotonic() + minutes * 60
    runs = failures = 0
    while time.monotonic() < deadline:
        try:
            fn()
        except Exception:
            failures += 1
            traceback.print_exc()
            break
        runs += 1
    return runs * BATCH, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--target", choices=sorted(TARGETS), action="append")
    args = ap.parse_args()
    rows = []
    for name in args.target or list(TARGETS):
        t0 = time.monotonic()
        examples, failures = run(name, args.minutes)
        rows.append((name, (time.monotonic() - t0) / 60, examples, failures))
        print(f"{name}: {examples} examples, {failures} failures", file=sys.stderr, flush=True)
    print("| target | minutes | examples | failures |\n|---|---|---|---|")
    for name, mins, ex, fails in rows:
        print(f"| {name} | {mins:.1f} | {ex:,} | {fails} |")
    return 1 if any(r[3] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
