"""Readers: ids, offsets, formats, compression, decoding and bad records."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma

import pytest
import zstandard

from zhqa.io import InputError, UsageError, discover, read_input
from zhqa.io.decode import decode_file, decode_with
from zhqa.schemas.config import SuiteConfig

CFG = SuiteConfig()


def docs_of(path, cfg=CFG):
    out = []
    for inp in discover([str(path)]):
        out.extend(read_input(inp, cfg))
    return out


def test_txt_doc_id_is_relative_to_the_path_argument(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "p.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "a" / "z.md").write_text("其他。", encoding="utf-8")
    docs = docs_of(tmp_path / "a")
    assert [d.id for d in docs] == ["b/p.txt", "z.md"]
    assert docs[0].source == f"{tmp_path / 'a'}/b/p.txt"
    assert docs_of(tmp_path / "a" / "z.md")[0].id == "z.md"


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path):
    for name in ["b.txt", "a.txt", ".hidden.txt", "c/d.txt", ".git/x.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("字", encoding="utf-8")
    assert [i.rel for i in discover([str(tmp_path)])] == ["a.txt", "b.txt", "c/d.txt"]


def test_jsonl_ids_fall_back_to_path_and_line(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text('{"id": "x1", "text": "甲"}\n\n{"text": "乙"}\n{"id": 7, "text": "丙"}\n', encoding="utf-8")
    assert [d.id for d in docs_of(p)] == ["x1", "r.jsonl:3", "7"]


def test_malformed_jsonl_line_becomes_a_problem_record(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text('{"text": "甲"}\n{"text": "乙",\n{"id": "n", "title": "无正文"}\n', encoding="utf-8")
    docs = docs_of(p)
    assert len(docs) == 3
    assert docs[1].id == "r.jsonl:2" and "invalid JSON" in docs[1].problems[0].message
    assert docs[2].problems[0].field == "text" and docs[2].problems[0].message == "field required"


@pytest.mark.parametrize("value", [42, ["a"], None, {"deep": {"x": 1}}])
def test_text_of_the_wrong_type_is_a_problem(tmp_path, value):
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"id": "a", "text": value}) + "\n", encoding="utf-8")
    (doc,) = docs_of(p)
    assert doc.text == "" and doc.problems[0].field == "text"


def test_lone_surrogate_is_replaced_and_reported(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text('{"text": "甲\\ud800乙"}\n', encoding="utf-8")
    (doc,) = docs_of(p)
    assert doc.text == "甲\ufffd乙"
    assert "surrogate" in doc.problems[0].message


def test_invalid_utf8_in_a_jsonl_line_is_anchored_on_its_replacement(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_bytes(b'{"text": "\xe7\x94\xb2\xff\xe4\xb9\x99"}\n')
    (doc,) = docs_of(p)
    assert doc.text == "甲\ufffd乙"
    assert doc.invalid_bytes[0].char_offset == 1 and doc.invalid_bytes[0].byte_offset == 13


def test_json_array_rows(tmp_path):
    p = tmp_path / "r.json"
    p.write_text(
        json.dumps([{"text": "甲"}, {"id": "b", "text": "乙"}], ensure_ascii=False), encoding="utf-8"
    )
    assert [d.id for d in docs_of(p)] == ["r.json:1", "b"]


def test_invalid_json_file_is_an_input_error(tmp_path):
    p = tmp_path / "r.json"
    p.write_text("[{", encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        docs_of(p)


def test_parquet_rows(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    p = tmp_path / "r.parquet"
    pq.write_table(pa.table({"id": ["a", None], "text": ["甲。", "乙。"]}), p)
    assert [(d.id, d.text) for d in docs_of(p)] == [("a", "甲。"), ("r.parquet:2", "乙。")]


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
        (".zst", lambda b: zstandard.ZstdCompressor().compress(b)),
    ],
)
def test_compressed_jsonl(tmp_path, suffix, compress):
    p = tmp_path / f"r.jsonl{suffix}"
    p.write_bytes(compress('{"text": "压缩"}\n{"text": "文件"}\n'.encode()))
    assert [d.text for d in docs_of(p)] == ["压缩", "文件"]
    assert docs_of(p)[1].id == f"r.jsonl{suffix}:2"


def test_decompression_limit_is_a_clear_error(tmp_path):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"0" * 2_000_000))
    cfg = SuiteConfig.model_validate({"limits": {"max_decompressed_bytes": 1_000_000}})
    with pytest.raises(InputError, match="max_decompressed_bytes"):
        docs_of(p, cfg)


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        discover([str(tmp_path / "nope")])


def test_unsupported_file_is_reported_not_dropped(tmp_path):
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inp,) = discover([str(tmp_path)])
    with pytest.raises(InputError, match="unsupported file type"):
        list(read_input(inp, CFG))


def test_decode_matches_python_replace_and_records_offsets():
    data = "新闻".encode() + b"\xff\xfe" + "稿件".encode() + b"\xe4\xb8"
    d = decode_with(data)
    assert d.text == data.decode("utf-8", "replace")
    assert [(i.char_offset, i.byte_offset) for i in d.invalid] == [(2, 6), (3, 7), (6, 14)]


def test_gb18030_file_is_decoded_as_gb18030():
    text = "本报讯 青海海东规范化发展劳务品牌，带动就业二十二万人次。" * 3
    d = decode_file(text.encode("gb18030"))
    assert d.encoding == "gb18030" and d.text == text and not d.invalid


def test_mostly_utf8_file_stays_utf8():
    data = ("正文内容很多。" * 50).encode() + b"\xff"
    d = decode_file(data)
    assert d.encoding == "utf-8" and len(d.invalid) == 1
