"""Pass 2 reads a plain JSONL document at its offset; every other input from its start: same findings."""

from __future__ import annotations

import gzip
import json
import random
from array import array

import zhqa.engine.local as local
from tests.engine.test_local import HANZI, run_json
from zhqa.engine.revisit import LineOffsets


def _corpus(tmp_path):
    """Copies across a plain file (with blank, bad and huge lines), a gzip file and a text file."""
    rng = random.Random(3)
    dup = "重复的文章内容，完全一样。\n第二段也一样，" + "".join(rng.choice(HANZI) for _ in range(60))
    lines = []
    for i in range(400):
        text = dup if i % 9 == 4 else "".join(rng.choice(HANZI) for _ in range(rng.randint(30, 300)))
        if i % 13 == 0:
            text = "第一行\n第二行, 有半角逗号\n" + text  # a document-check finding on line 2
        lines.append(json.dumps({"id": f"p{i}", "text": text}, ensure_ascii=False))
        if i % 17 == 0:
            lines.append("")  # a blank line: no document, but it moves every offset after it
        if i % 41 == 0:
            lines.append('{"id": "broken", "text": ')
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(50):
            f.write(json.dumps({"id": f"g{i}", "text": dup if i % 5 == 0 else HANZI[i : i + 80]}) + "\n")
    (tmp_path / "c.txt").write_text(dup, encoding="utf-8")
    return [str(tmp_path)]


def test_reading_at_offsets_gives_the_findings_of_reading_from_the_start(tmp_path, monkeypatch):
    paths = _corpus(tmp_path)
    seeking = run_json(paths, 1)
    report = json.loads(seeking)
    dups = [f for f in report["findings"] if f["code"] in ("D301", "D302")]
    assert {f["source"].rsplit("/", 1)[-1] for f in dups} >= {"a.jsonl", "b.jsonl.gz", "c.txt"}
    assert all(f["excerpt"] and f["line"] >= 1 for f in dups)
    monkeypatch.setattr(local, "seekable", lambda inp: False)  # every input read from its start
    assert run_json(paths, 1) == seeking
    assert run_json(paths, 2) == seeking


def test_line_offsets_spill_to_disk_and_read_back_any_document():
    offsets = LineOffsets()
    n = 3 * LineOffsets._FLUSH // 2 + 17  # spilled more than once, plus a tail still in memory
    for lo in range(0, n, 1000):  # batches, as pass 1 notes them
        seqs = range(lo, min(lo + 1000, n))
        offsets.add_many(
            array("q", [s + 1 if s % 5 else -1 for s in seqs]),
            array("q", [s * 1000 if s % 5 else -1 for s in seqs]),
        )
    assert offsets.count == n
    for seq in [*random.Random(1).sample(range(n), 500), 0, n - 1]:
        want = (seq + 1, seq * 1000) if seq % 5 else (-1, -1)
        assert offsets.get(seq) == want
    offsets.close()
