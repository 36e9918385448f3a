"""Hostile inputs, generated at test time: zhqa exits 0/1/2, never a traceback, loses nothing."""

from __future__ import annotations

import gzip
import json
import os
import random
import zlib

import pytest

from zhqa.schemas.report import RunReport


def check(zhqa_cli, *args, cwd=None):
    r = zhqa_cli("check", *args, "--format", "json", "--no-progress", cwd=cwd)
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode in (0, 1, 2), err
    assert "Traceback" not in err, err
    if r.returncode == 2:
        assert len(err.strip().splitlines()) == 1, err
        return None, err
    return RunReport.model_validate_json(r.stdout), err


def accounted(report, files: dict[str, int]) -> None:
    """Every file is in summary.inputs, with the expected number of documents."""
    got = {i.source: i.documents for i in report.summary.inputs}
    assert got == files
    assert report.summary.documents == sum(files.values())


def test_empty_files_of_every_format(zhqa_cli, tmp_path):
    for name in ["e.txt", "e.md", "e.jsonl", "e.json", "e.parquet", "e.txt.gz"]:
        (tmp_path / "c" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "c" / name).write_bytes(b"")
    report, _ = check(zhqa_cli, "c")
    st = {i.source: (i.status, i.documents) for i in report.summary.inputs}
    assert st["c/e.txt"] == ("ok", 1) and st["c/e.md"] == ("ok", 1) and st["c/e.jsonl"] == ("ok", 0)
    assert st["c/e.json"][0] == "error" and st["c/e.parquet"][0] == "error"
    assert st["c/e.txt.gz"] == ("ok", 1), "an empty .gz reads as empty text"


def test_binary_and_nul_bytes(zhqa_cli, tmp_path):
    rng = random.Random(3)
    d = tmp_path / "c"
    d.mkdir()
    (d / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(5000)))
    (d / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(20000)))
    (d / "random.jsonl").write_bytes(bytes(rng.randrange(256) for _ in range(20000)))
    (d / "nul.txt").write_bytes("正文\x00\x00内容。".encode())
    report, _ = check(zhqa_cli, "c")
    inputs = {i.source: i for i in report.summary.inputs}
    assert inputs["c/img.png"].status == "error"
    assert inputs["c/random.txt"].documents == 1
    assert inputs["c/random.jsonl"].status in ("partial", "ok")
    codes = {(f.doc_id, f.code) for f in report.findings}
    assert ("nul.txt", "E103") in codes


def test_broken_json_values(zhqa_cli, tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        '{"id": "s", "text": "甲\\ud800乙"}',
        '{"id": "n", "text": 5}',
        '{"id": "l", "text": ["a"]}',
        '{"id": "z", "text": null}',
        '{"id": "o", "text": {"x": {"y": {"z": 1}}}}',
        '{"id": "d", "text": ' + deep + "}",
        deep,
        "[1, 2]",
        '"just a string"',
    ]
    (tmp_path / "r.jsonl").write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"id": "u", "text": "\xff\xfe"}\n'
    )
    report, _ = check(zhqa_cli, "r.jsonl")
    accounted(report, {"r.jsonl": 10})
    s501 = {f.doc_id for f in report.findings if f.code == "S501"}
    assert {"s", "n", "l", "z", "o", "r.jsonl:6", "r.jsonl:7", "r.jsonl:8", "r.jsonl:9"} <= s501
    assert any(f.code == "E101" and f.doc_id == "u" for f in report.findings)


def test_truncated_jsonl(zhqa_cli, tmp_path):
    (tmp_path / "t.jsonl").write_text(
        '{"id": "a", "text": "完整。"}\n{"id": "b", "text": "被截', encoding="utf-8"
    )
    report, _ = check(zhqa_cli, "t.jsonl")
    assert report.summary.inputs[0].status == "partial" and report.summary.documents == 2
    assert [f.doc_id for f in report.findings if f.code == "S501"] == ["t.jsonl:2"]


def test_odd_file_names(zhqa_cli, tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    names = ["with space.txt", "new\nline.txt", "中文 名.txt", "quote'\"<>&.txt", "-dash.txt"]
    for n in names:
        (d / n).write_text("正文。", encoding="utf-8")
    report, _ = check(zhqa_cli, "c")
    assert sorted(i.source for i in report.summary.inputs) == sorted(f"c/{n}" for n in names)
    dup = [f for f in report.findings if f.code == "D301"]
    assert len(dup) == len(names) - 1


def test_symlink_loop_and_broken_link(zhqa_cli, tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "ok.txt").write_text("正文。", encoding="utf-8")
    os.symlink("loop.txt", d / "loop.txt")
    os.symlink("missing.txt", d / "broken.txt")
    os.symlink(".", d / "self")  # a directory loop: not followed
    report, _ = check(zhqa_cli, "c")
    inputs = {i.source: i for i in report.summary.inputs}
    assert inputs["c/loop.txt"].status == "error" and "loop" in inputs["c/loop.txt"].error
    assert inputs["c/broken.txt"].status == "error"
    assert inputs["c/ok.txt"].status == "ok"


def test_unreadable_file(tmp_path, monkeypatch):
    """Permission denied is an input error (root ignores chmod, so the denial is simulated)."""
    from zhqa.checks.runner import Plan
    from zhqa.config import from_dict
    from zhqa.engine.local import LocalEngine

    (tmp_path / "secret.txt").write_text("秘密。", encoding="utf-8")
    (tmp_path / "open.txt").write_text("公开。", encoding="utf-8")
    real_open = open

    def deny(path, *a, **kw):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr("builtins.open", deny)
    res = LocalEngine(Plan.build(from_dict({})), jobs=1).run([str(tmp_path)])
    st = {i.source.rsplit("/", 1)[-1]: (i.status, i.error) for i in res.summary.inputs}
    assert st["secret.txt"] == ("error", "permission denied") and st["open.txt"][0] == "ok"
    assert res.summary.gate.passed is False and "unreadable" in res.summary.gate.reasons[-1]
    res.close()


def _bomb(path, gib: int) -> None:
    """A small .gz whose members expand to ``gib`` GiB of zeros."""
    member = gzip.compress(b"0" * (64 << 20), compresslevel=9)
    with open(path, "wb") as f:
        for _ in range(gib * 16):
            f.write(member)


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz"])
def test_gzip_bomb_stops_at_the_limit(zhqa_cli, tmp_path, name):
    _bomb(tmp_path / name, 10)
    assert (tmp_path / name).stat().st_size < 20 << 20
    (tmp_path / "zhqa.toml").write_text("[limits]\nmax_decompressed_bytes = 300_000_000\n", encoding="utf-8")
    report, _ = check(zhqa_cli, name)
    (inp,) = report.summary.inputs
    if name.startswith("bomb.txt"):
        assert inp.status == "error" and "limits.max_document_chars" in inp.error
    else:
        assert inp.status == "error" and "limits.max_decompressed_bytes" in inp.error


def test_many_tiny_files(zhqa_cli, tmp_path):
    d = tmp_path / "many"
    n = 100_000
    for i in range(0, n, 1000):
        sub = d / f"{i // 1000:03d}"
        sub.mkdir(parents=True)
        for j in range(1000):
            (sub / f"{j:03d}.txt").write_bytes(f"第{i + j}号文件。".encode())
    report, _ = check(zhqa_cli, "many", "--select", "E")
    assert report.summary.documents == n and len(report.summary.inputs) == n
    assert all(i.status == "ok" and i.documents == 1 for i in report.summary.inputs)


def test_big_single_line_is_a_clear_error_by_default(zhqa_cli, tmp_path):
    line = ("这是一行没有换行的很长的文本，" * 1000).encode()
    with open(tmp_path / "big.txt", "wb") as f:
        for _ in range(200 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    report, _ = check(zhqa_cli, "big.txt")
    (inp,) = report.summary.inputs
    assert inp.status == "error" and "max_document_chars" in inp.error


def test_same_input_gives_byte_identical_json(zhqa_cli, tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    rng = random.Random(5)
    with open(d / "r.jsonl", "w", encoding="utf-8") as f:
        for i in range(300):
            text = "".join(rng.choice("甲乙丙丁，。,;\x01\ufffd") for _ in range(60))
            f.write(json.dumps({"id": str(i % 250), "text": text}, ensure_ascii=False) + "\n")
    outs = {zhqa_cli("check", "c", "--format", "json", "--jobs", str(j)).stdout for j in (1, 2, 2)}
    assert len(outs) == 1
    assert zlib.crc32(next(iter(outs)))
