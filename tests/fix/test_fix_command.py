"""``zhqa fix``: copies in the same formats, nothing overwritten unless asked, nothing lost."""

from __future__ import annotations

import gzip
import json

import pytest


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "page.txt").write_text("\ufeff本报讯 会议召开。", encoding="utf-8")
    (d / "sub" / "clean.txt").write_text("干净的文本。", encoding="utf-8")
    (d / "r.jsonl").write_text(
        '{"id": "a", "text": "\\ufeff第一条。", "meta": {"k": [1, 2]}}\n'
        "{not json\n"
        '{"id": "b", "text": "第二条。"}\n',
        encoding="utf-8",
    )
    (d / "g.jsonl.gz").write_bytes(gzip.compress('{"text": "\\ufeff压缩的。"}\n'.encode()))
    (d / "arr.json").write_text(
        json.dumps([{"id": "x", "text": "\ufeff数组。"}], ensure_ascii=False), encoding="utf-8"
    )
    (d / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x01")
    return d


def test_fix_writes_same_paths_and_formats(zhqa_cli, corpus, tmp_path):
    r = zhqa_cli("fix", "corpus", "--output", "out", "--jobs", "2")
    assert r.returncode in (0, 1), r.stderr
    out = tmp_path / "out"
    assert (out / "page.txt").read_text(encoding="utf-8") == "本报讯 会议召开。"
    assert (out / "sub" / "clean.txt").read_text(encoding="utf-8") == "干净的文本。"
    lines = (out / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {"id": "a", "text": "第一条。", "meta": {"k": [1, 2]}}
    assert lines[1] == "{not json", "an unparseable record is copied as it was"
    assert lines[2] == '{"id": "b", "text": "第二条。"}', "an unchanged record keeps its bytes"
    assert json.loads(gzip.decompress((out / "g.jsonl.gz").read_bytes())) == {"text": "压缩的。"}
    assert json.loads((out / "arr.json").read_text(encoding="utf-8")) == [{"id": "x", "text": "数组。"}]
    assert (out / "pic.png").read_bytes() == (corpus / "pic.png").read_bytes(), "unreadable files are copied"
    report = r.stdout.decode()
    assert "Applied: E102×4" in report and "S501×1" in report
    assert not list(out.rglob("*.tmp"))


def test_inputs_are_untouched_without_in_place(zhqa_cli, corpus):
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    zhqa_cli("fix", "corpus", "--output", "out")
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_output_folder_is_not_overwritten_unless_forced(zhqa_cli, corpus, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "page.txt").write_text("keep me", encoding="utf-8")
    r = zhqa_cli("fix", "corpus", "--output", "out")
    assert r.returncode == 2 and b"--force" in r.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == "keep me"
    assert zhqa_cli("fix", "corpus", "--output", "out", "--force").returncode in (0, 1)
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == "本报讯 会议召开。"


def test_in_place_replaces_inputs(zhqa_cli, corpus):
    r = zhqa_cli("fix", "corpus", "--in-place")
    assert r.returncode in (0, 1), r.stderr
    assert (corpus / "page.txt").read_text(encoding="utf-8") == "本报讯 会议召开。"
    assert not list(corpus.rglob("*.tmp"))


def test_diff_prints_and_writes_nothing(zhqa_cli, corpus, tmp_path):
    r = zhqa_cli("fix", "corpus", "--diff")
    assert "-\ufeff本报讯 会议召开。" in r.stdout.decode() and "+本报讯 会议召开。" in r.stdout.decode()
    assert (corpus / "page.txt").read_text(encoding="utf-8").startswith("\ufeff")
    assert not (tmp_path / "out").exists()


def test_fix_needs_a_destination(zhqa_cli, corpus):
    r = zhqa_cli("fix", "corpus")
    assert r.returncode == 2 and b"--output" in r.stderr


def test_output_equal_to_input_folder_is_refused(zhqa_cli, corpus):
    r = zhqa_cli("fix", "corpus", "--output", "corpus", "--force")
    assert r.returncode == 2 and b"--in-place" in r.stderr


def test_parquet_keeps_other_columns(zhqa_cli, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table({"id": ["a", "b"], "text": ["\ufeff甲。", "乙。"], "n": [1, 2]}), tmp_path / "t.parquet"
    )
    r = zhqa_cli("fix", "t.parquet", "--output", "out")
    assert r.returncode in (0, 1), r.stderr
    assert pq.read_table(tmp_path / "out" / "t.parquet").to_pylist() == [
        {"id": "a", "text": "甲。", "n": 1},
        {"id": "b", "text": "乙。", "n": 2},
    ]


def test_written_files_get_normal_permissions(zhqa_cli, corpus, tmp_path):
    import os
    import stat

    (corpus / "page.txt").chmod(0o640)
    zhqa_cli("fix", "corpus", "--output", "out")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "out" / "sub" / "clean.txt").stat().st_mode) == 0o666 & ~mask
    zhqa_cli("fix", "corpus", "--in-place")
    assert stat.S_IMODE((corpus / "page.txt").stat().st_mode) == 0o640, "in-place keeps the file's mode"
