"""Structure family (S501-S509) and the page parser: throughput on generated news text.

Records: every S check on each JSONL record (record mode, default record schema).
Pages: the same records laid out 8 to a page (title, byline, paragraphs, a photo
caption), parsed with ``parse_page`` and checked. One process, one core.

    python bench/bench_structure.py --size-mb 10     # generates bench/data/news-10mb.jsonl if absent
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.corpus import generate  # noqa: E402
from zhqa.checks import CATALOGUE  # noqa: E402
from zhqa.io.records import document_from_record  # noqa: E402
from zhqa.schemas.document import Document  # noqa: E402
from zhqa.schemas.record import cached_validator  # noqa: E402
from zhqa.text.page import parse_page  # noqa: E402
from zhqa.text.page_flow import analyse  # noqa: E402

S_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("S5")]


def pages(records: list[dict], per_page: int = 8) -> list[str]:
    out = []
    for n in range(0, len(records), per_page):
        lines = []
        for k, rec in enumerate(records[n : n + per_page]):
            lines += [f"第{n + k}号新闻标题", "本报记者 赖志凯", rec["text"]]
            if k % 3 == 2:
                lines.append("图为现场。 本报通讯员 姜海波 摄")
        out.append("\n\n".join(lines))
    return out


def timed(fn, items) -> tuple[float, int]:
    t0 = time.process_time()
    n = sum(fn(x) for x in items)
    return time.process_time() - t0, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size-mb", type=float, default=10)
    ap.add_argument("--data", type=Path)
    args = ap.parse_args()
    data = args.data or HERE / "data" / f"news-{args.size_mb:g}mb.jsonl"
    if not data.exists():
        generate(data, args.size_mb)
    records = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    validate = cached_validator(None, ".", "text", "id")
    docs = [
        document_from_record(r, rel="b", line=i, source="b", validate=validate)
        for i, r in enumerate(records, 1)
    ]
    texts = pages(records)

    def check(doc: Document) -> int:
        return sum(1 for c in S_CHECKS for _ in c.run(doc))

    rows = [
        ("validate records (default schema)", *timed(lambda r: len(validate(r)), records)),
        ("S501-S509 on records", *timed(check, docs)),
        (
            "parse_page (pages of 8 articles)",
            *timed(lambda t: len(parse_page.__wrapped__(t).articles), texts),
        ),
    ]
    analyse.cache_clear()
    parse_page.cache_clear()
    rows.append(
        ("S501-S509 on pages (one parse each)", *timed(lambda t: check(Document.from_text(t)), texts))
    )
    print(f"{len(records):,} records, {mb:.1f} MB of UTF-8 text, {len(texts):,} pages\n")
    print("| step | CPU s | MB/s | count |")
    print("|---|---:|---:|---:|")
    for name, secs, n in rows:
        print(f"| {name} | {secs:.2f} | {mb / secs:.1f} | {n:,} |")


if __name__ == "__main__":
    main()
