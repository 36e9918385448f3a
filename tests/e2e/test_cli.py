"""The command line end to end: exit codes 0/1/2, formats, accounting of every input."""

from __future__ import annotations

import gzip
import json
import shutil

from tests.conftest import ROOT, SEED
from zhqa.schemas.report import RunReport

DESIGN_FINDING_FIELDS = {
    "code",
    "name",
    "family",
    "severity",
    "doc_id",
    "source",
    "start",
    "end",
    "line",
    "column",
    "message",
    "excerpt",
    "fix",
    "related",
}


def test_check_without_arguments_checks_the_seeds(zhqa_cli, tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    r = zhqa_cli("check", "--no-progress")
    assert r.returncode in (0, 1), r.stderr
    out = r.stdout.decode()
    assert "1 document, 5,759 characters" in out
    assert "Gate:" in out


def test_check_without_seeds_folder_uses_the_bundled_seeds(zhqa_cli, tmp_path):
    r = zhqa_cli("check", "--format", "json")
    assert r.returncode in (0, 1), r.stderr
    report = RunReport.model_validate_json(r.stdout)
    assert report.summary.documents == 1 and report.summary.characters == 5759


def test_json_output_has_every_field_of_the_design(zhqa_cli, tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds")
    (tmp_path / "seeds" / "copy.txt").write_bytes(SEED.read_bytes() + b"\x07")
    r = zhqa_cli("check", "seeds", "--format", "json", "--output", "out.json")
    assert r.returncode == 1, r.stderr
    raw = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert set(raw) == {"tool", "summary", "findings"}
    assert raw["tool"] == {"name": "zhqa", "version": "0.1.0"}
    assert set(raw["summary"]) >= {
        "documents",
        "characters",
        "findings",
        "by_code",
        "by_severity",
        "gate",
        "inputs",
    }
    assert set(raw["summary"]["gate"]) == {"passed", "reasons"}
    assert set(raw["summary"]["inputs"][0]) == {"source", "documents", "status", "error"}
    assert raw["summary"]["inputs"][0]["source"] == "seeds/copy.txt"
    assert raw["findings"], "expected findings on the defective copy"
    for f in raw["findings"]:
        assert set(f) == DESIGN_FINDING_FIELDS
    report = RunReport.model_validate_json((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report.summary.gate.passed is False and report.summary.gate.reasons


def test_missing_path_exits_2_with_one_line(zhqa_cli):
    r = zhqa_cli("check", "does-not-exist")
    assert r.returncode == 2
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "does-not-exist" in err[0] and "Traceback" not in r.stderr.decode()


def test_bad_config_key_exits_2_naming_the_key(zhqa_cli, tmp_path):
    (tmp_path / "zhqa.toml").write_text('slect = ["E"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("字", encoding="utf-8")
    r = zhqa_cli("check", "a.txt")
    assert r.returncode == 2
    assert "slect" in r.stderr.decode() and len(r.stderr.decode().strip().splitlines()) == 1


def test_bad_config_value_exits_2(zhqa_cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.zhqa]\nmax_errors = "many"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("字", encoding="utf-8")
    r = zhqa_cli("check", "a.txt")
    assert r.returncode == 2 and "max_errors" in r.stderr.decode()


def test_unknown_format_exits_2(zhqa_cli, tmp_path):
    (tmp_path / "a.txt").write_text("字", encoding="utf-8")
    r = zhqa_cli("check", "a.txt", "--format", "yaml")
    assert r.returncode == 2 and "yaml" in r.stderr.decode()


def test_mixed_folder_accounts_for_every_file_and_record(zhqa_cli, tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (d / "legacy.txt").write_bytes("本报讯 青海海东规范化发展劳务品牌，带动就业。".encode("gb18030") * 4)
    (d / "records.jsonl").write_text(
        '{"id": "ok1", "text": "正常的记录。"}\n{"id": "bad", "text": \n{"id": "notext", "title": "无"}\n',
        encoding="utf-8",
    )
    (d / "valid.txt").write_text("有效的文本。", encoding="utf-8")
    r = zhqa_cli("check", "corpus", "--format", "json")
    assert r.returncode in (0, 1), r.stderr
    assert b"Traceback" not in r.stderr
    rep = RunReport.model_validate_json(r.stdout)
    inputs = {i.source: i for i in rep.summary.inputs}
    assert set(inputs) == {
        f"corpus/{n}" for n in ["empty.txt", "image.png", "legacy.txt", "records.jsonl", "valid.txt"]
    }
    assert inputs["corpus/image.png"].status == "error" and "unsupported" in inputs["corpus/image.png"].error
    assert (
        inputs["corpus/records.jsonl"].status == "partial" and inputs["corpus/records.jsonl"].documents == 3
    )
    assert inputs["corpus/legacy.txt"].status == "ok"
    assert rep.summary.documents == 1 + 1 + 3 + 1
    s501 = {f.doc_id: f.message for f in rep.findings if f.code == "S501"}
    assert set(s501) == {"records.jsonl:2", "notext"}
    assert "line 2" in s501["records.jsonl:2"] and "invalid JSON" in s501["records.jsonl:2"]
    assert "text: field required" in s501["notext"]


def test_stdin_jsonl(zhqa_cli):
    r = zhqa_cli("check", "-", "--format", "json", input='{"text": "甲\\u0007乙"}\n'.encode())
    rep = RunReport.model_validate_json(r.stdout)
    assert [f.code for f in rep.findings] == ["E103"] and rep.findings[0].doc_id == "<stdin>:1"


def test_select_and_ignore_prefixes(zhqa_cli, tmp_path):
    (tmp_path / "a.txt").write_text("\ufeff甲\x01乙\ufffd", encoding="utf-8")
    codes = lambda *a: sorted(  # noqa: E731
        {
            f.code
            for f in RunReport.model_validate_json(
                zhqa_cli("check", "a.txt", "--format", "json", *a).stdout
            ).findings
        }
    )
    assert codes() == ["E102", "E103", "E105"]
    assert codes("--select", "E102,E103") == ["E102", "E103"]
    assert codes("--ignore", "E10") == []
    assert codes("--select", "E", "--ignore", "E103") == ["E102", "E105"]


def test_compressed_input_and_jsonl_format(zhqa_cli, tmp_path):
    (tmp_path / "r.jsonl.gz").write_bytes(gzip.compress('{"text": "甲\\u0001"}\n'.encode()))
    r = zhqa_cli("check", "r.jsonl.gz", "--format", "jsonl")
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert lines[0]["code"] == "E103" and "summary" in lines[-1]


def test_explain_and_list_checks(zhqa_cli):
    r = zhqa_cli("explain", "E102")
    out = r.stdout.decode()
    assert (
        r.returncode == 0 and "byte-order-mark" in out and "Why is this bad?" in out and "Use instead" in out
    )
    assert zhqa_cli("explain", "Z999").returncode == 2
    listing = zhqa_cli("list-checks").stdout.decode()
    assert "E101" in listing and "D301" in listing


def test_import_zhqa_is_lean():
    import subprocess
    import sys

    code = "import sys, zhqa; print(sorted(m for m in sys.modules if m.split('.')[0] in {'great_expectations','pyarrow','pyspark','opencc','jinja2','pandas','numpy'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
