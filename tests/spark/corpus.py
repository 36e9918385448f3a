"""A mixed test corpus for engine parity: real Chinese text with every family of defect.

Records come from ../shared/corpora (NTREX, CMRC, ITN blurbs, OI-wiki before-texts);
planted on top: exact copies (D301), near-duplicate clusters and a chain A~B~C whose
ends are below the threshold (D302), template bulletins, a boilerplate paragraph in 8
documents (D305), broken records (S501), invalid UTF-8 in a JSON line (E101), and text
pages in UTF-8, GB18030 and with invalid bytes, a JSON array, a gzip file and Parquet.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from tests.conftest import CORPORA, SEED

SOURCES = [
    ("ntrex128-zh/ntrex128_zho-CN.jsonl", "text"),
    ("ntrex128-zh/ntrex128_zho-TW.jsonl", "text"),
    ("cmrc2018/cmrc2018_wiki.jsonl", "text"),
    ("defects-itn-zh/itn_zh_blurbs.jsonl", "text"),
    ("defects-oiwiki/oiwiki_punctuation_fixes.jsonl", "before"),
    ("defects-oiwiki/oiwiki_quote_style_changes.jsonl", "before"),
    ("defects-oiwiki/oiwiki_kangxi_fixes.jsonl", "before"),
]
NOTE = "本网站所刊登的各种新闻信息均为转载，版权归原作者所有，如有侵权请联系删除。"
TEMPLATE = "本市气象台今天发布天气预报：今天晴，最高气温{}度，最低气温{}度，空气质量良，适宜户外活动，请市民注意防晒补水。"
FILLER = (
    "近年来当地聚焦新就业群体急难愁盼问题推出一系列服务举措新就业群体只需轻点手机就能快速找到所需服务的点位"
)


def _records() -> list[dict]:
    out = []
    for name, field in SOURCES:
        path = CORPORA / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append({"id": rec["id"], "text": rec[field]})
    return out


def _replace(text: str, at: int, size: int, rng: random.Random) -> str:
    new = "".join(rng.choice(FILLER) for _ in range(size))
    return text[:at] + new + text[at + size :]


def chain(base: str, rng: random.Random) -> tuple[str, str, str]:
    """A, B, C: B is A with one stretch rewritten, C is B with another (A~B, B~C, not A~C)."""
    a = base
    b = _replace(a, len(a) // 4, len(a) // 18, rng)
    c = _replace(b, len(a) * 3 // 4, len(a) // 18, rng)
    return a, b, c


def build(root: Path) -> Path:
    """Write the corpus under ``root/corpus`` and return that folder."""
    rng = random.Random(12)
    recs = _records()
    long = [r for r in recs if 400 <= len(r["text"]) <= 1500]
    planted = []
    for k, r in enumerate(rng.sample(recs, 12)):  # exact copies, whitespace changed
        planted.append({"id": f"copy-{k}", "text": "  " + r["text"].replace("，", "， ") + "\n"})
    picks = rng.sample(long, 16)
    for k, r in enumerate(picks[:12]):  # clusters of 2-4 near copies
        for v in range(rng.randint(1, 3)):
            t = r["text"]
            planted.append({"id": f"near-{k}-{v}", "text": _replace(t, len(t) - 40, 12, rng)})
    for k, r in enumerate(picks[12:]):  # chains A~B~C
        a, b, c = chain(r["text"], rng)
        planted += [{"id": f"chain-{k}-a", "text": a}, {"id": f"chain-{k}-b", "text": b}]
        planted.append({"id": f"chain-{k}-c", "text": c})
    for k in range(4):
        planted.append({"id": f"weather-{k}", "text": TEMPLATE.format(20 + k, 10 + k)})
    for k, r in enumerate(rng.sample(recs, 8)):
        planted.append({"id": f"note-{k}", "text": r["text"] + "\n\n" + NOTE})
    rows = recs + planted
    rng.shuffle(rows)
    half = len(rows) // 2
    out = root / "corpus"
    (out / "records").mkdir(parents=True)
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in rows]
    bad = [
        b"",
        b'{"id": "broken", "text": "unterminated',
        b'["not", "an", "object"]',
        b'{"id": "no-text", "body": "x"}',
        b'{"id": "bad-bytes", "text": "\xe4\xbb\x8a\xe5\xa4\xa9\xff\xfe\xe4\xbc\x9a\xe8\xae\xae"}',
    ]
    (out / "records" / "a.jsonl").write_bytes(b"\n".join(lines[:half] + bad) + b"\n")
    (out / "records" / "b.jsonl").write_bytes(b"\n".join(lines[half:]) + b"\n")
    (out / "pages").mkdir()
    page = SEED.read_text(encoding="utf-8")
    (out / "pages" / "seed.txt").write_text(page, encoding="utf-8")
    (out / "pages" / "legacy-gb.txt").write_bytes(rows[5]["text"].encode("gb18030", "replace"))
    (out / "pages" / "broken.txt").write_bytes(rows[6]["text"].encode()[:-1] + b"\xc3(" + b"\n")
    (out / "other").mkdir()
    (out / "other" / "array.json").write_text(json.dumps(rows[:30], ensure_ascii=False), encoding="utf-8")
    with gzip.open(out / "other" / "zipped.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[30:60])
    (out / "other" / "cut.json").write_text('[{"id": "x", "text": "今天', encoding="utf-8")  # unreadable
    (out / "other" / "notes.csv").write_text("id,text\n", encoding="utf-8")  # unsupported
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows[60:90]), out / "other" / "table.parquet")
    except ImportError:
        pass
    return out
