"""Record schemas: the default model, a pydantic model by path, a TOML table; S501 names the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhqa.checks import CATALOGUE
from zhqa.io.records import document_from_record
from zhqa.schemas.record import Record, load_record_model, make_validator, model_from_table


def s501(record: dict, model=Record) -> list[str]:
    doc = document_from_record(
        record, rel="r.jsonl", line=7, source="r.jsonl", validate=make_validator(model)
    )
    return [h.message for h in CATALOGUE["S501"].run(doc)]


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"id": "a", "text": "会议召开。", "date": "2025-02-30"}, "date"),
        ({"id": "a", "text": "会议召开。", "date": 20250301}, "date"),
        ({"id": "a", "text": "会议召开。", "title": ["标题"]}, "title"),
        ({"id": "a", "text": "会议召开。", "url": "www.example.com/a"}, "url"),
        ({"id": "a", "text": "会议召开。", "source": None, "url": "ftp:/x"}, "url"),
        ({"id": 1.5, "text": "会议召开。"}, "id"),
    ],
)
def test_default_schema_violations_name_the_field_and_the_record(record, field):
    (msg,) = s501(record)
    assert msg.startswith(f"record 7: {field}: ")


@pytest.mark.parametrize(
    "record",
    [
        {"id": "a", "text": "会议召开。"},
        {"id": 3, "text": "会议召开。", "title": None, "date": None, "source": "工人日报", "lang": "zh"},
        {"id": "a", "text": "会议召开。", "date": "2025年3月25日", "url": "https://example.com/a?b=1"},
        {"id": "a", "text": "会议召开。", "date": "2025-03-25T08:30:00+08:00"},
    ],
)
def test_default_schema_accepts_well_typed_records(record):
    assert s501(record) == []


def test_missing_text_is_reported_once():
    assert s501({"id": "a", "title": "无正文"}) == ["record 7: text: field required"]


def test_a_toml_schema_with_required_fields_and_date_formats(tmp_path):
    (tmp_path / "rs.toml").write_text(
        'extra = "forbid"\n[fields.id]\ntype = "str"\n[fields.text]\ntype = "str"\nrequired = true\n'
        '[fields.title]\ntype = "str"\nrequired = true\nmin_length = 2\n'
        '[fields.date]\ntype = "date"\nrequired = true\nformats = ["%Y年%m月%d日"]\n',
        encoding="utf-8",
    )
    model = load_record_model("rs.toml", tmp_path)
    assert s501({"id": "a", "text": "正文。", "title": "标题", "date": "2025年3月25日"}, model) == []
    msgs = s501({"id": "a", "text": "正文。", "title": "标", "date": "2025-03-25", "page": 5}, model)
    assert [m.split(":")[1].strip() for m in msgs] == ["title", "date", "page"]


def test_a_toml_schema_with_an_unknown_type_is_a_clear_error():
    with pytest.raises(ValueError, match=r"fields\.date\.type"):
        model_from_table({"fields": {"date": {"type": "datum"}}})


def test_a_pydantic_model_by_path_names_nested_field_paths(tmp_path):
    (tmp_path / "news.py").write_text(
        "from pydantic import BaseModel\nfrom zhqa.schemas.record import Record\n\n"
        "class Meta(BaseModel):\n    author: str\n\n"
        "class NewsRecord(Record):\n    meta: Meta\n    tags: list[str] = []\n",
        encoding="utf-8",
    )
    model = load_record_model("news.py:NewsRecord", tmp_path)
    msgs = s501({"id": "a", "text": "正文。", "meta": {"author": 3}, "tags": ["a", 2]}, model)
    assert [m.split(": ")[1] for m in msgs] == ["meta.author", "tags[1]"]


def _cli_run(zhqa_cli, tmp_path: Path, config: str, *args: str):
    lines = [
        {"id": "a", "text": "会议召开。", "date": "2025-03-25"},
        {"id": "b", "text": "会议召开。", "date": "昨天"},
        {"id": "c", "title": "没有正文"},
    ]
    (tmp_path / "r.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8"
    )
    (tmp_path / "zhqa.toml").write_text(config, encoding="utf-8")
    return zhqa_cli("check", "r.jsonl", "--select", "S501", "--format", "json", *args, cwd=tmp_path)


def test_cli_reports_every_bad_record_and_keeps_the_good_one(zhqa_cli, tmp_path):
    res = _cli_run(zhqa_cli, tmp_path, "[tool.zhqa]\n")
    assert res.returncode == 1
    report = json.loads(res.stdout)
    assert report["summary"]["documents"] == 3
    assert sorted((f["doc_id"], f["message"].split(": ")[1]) for f in report["findings"]) == [
        ("b", "date"),
        ("c", "text"),
    ]


def test_cli_uses_the_configured_record_schema(zhqa_cli, tmp_path):
    (tmp_path / "rs.toml").write_text('[fields.source]\ntype = "str"\nrequired = true\n', encoding="utf-8")
    res = _cli_run(zhqa_cli, tmp_path, '[tool.zhqa]\nrecord_schema = "rs.toml"\n')
    fields = sorted((f["doc_id"], f["message"].split(": ")[1]) for f in json.loads(res.stdout)["findings"])
    assert fields == [("a", "source"), ("b", "source"), ("c", "source"), ("c", "text")]


def test_cli_a_bad_record_schema_exits_2(zhqa_cli, tmp_path):
    res = _cli_run(zhqa_cli, tmp_path, '[tool.zhqa]\nrecord_schema = "missing.py:Model"\n')
    assert res.returncode == 2 and b"record_schema" in res.stderr
