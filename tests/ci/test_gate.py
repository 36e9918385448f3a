"""Gate configuration: max errors overall, per code, per family, warnings, promotion."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from zhqa.checks.registry import CATALOGUE
from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.gate import evaluate
from zhqa.schemas import Hit, InputStatus, Severity


def _gate(cfg: dict, errors: dict, findings: dict | None = None, families: dict | None = None, warnings=0):
    return evaluate(
        from_dict(cfg),
        Counter(errors),
        Counter(findings if findings is not None else errors),
        Counter(families or {}),
        warnings,
        [InputStatus(source="a.txt")],
    )


def test_no_errors_passes_and_every_error_code_is_a_reason_by_default():
    assert _gate({}, {}).passed
    g = _gate({}, {"P201": 3, "S503": 1})
    assert not g.passed and g.reasons == ["P201: 3 errors (max 0)", "S503: 1 error (max 0)"]


def test_max_errors_overall():
    assert _gate({"max_errors": 4}, {"P201": 3, "S503": 1}).passed
    g = _gate({"max_errors": 3}, {"P201": 3, "S503": 1})
    assert g.reasons == ["4 errors in all (max 3)"]


def test_max_count_per_code_and_prefix():
    cfg = {"max_errors": 100, "max_count": {"P201": 2}}
    assert _gate(cfg, {"P201": 2}).passed
    assert _gate(cfg, {"P201": 3}).reasons == ["P201: 3 findings (max 2)"]
    prefix = {"max_errors": 100, "max_count": {"P2": 3}}
    assert _gate(prefix, {"P201": 2, "P203": 2}).reasons == ["P2: 4 findings (max 3)"]
    # max_count counts warnings too (findings, not errors)
    assert not _gate(cfg, {}, findings={"P201": 5}).passed


def test_max_family():
    cfg = {"max_errors": 100, "max_family": {"punctuation": 1}}
    assert _gate(cfg, {"P201": 1}, families={"punctuation": 1}).passed
    g = _gate(cfg, {"P201": 2}, families={"punctuation": 2, "structure": 9})
    assert g.reasons == ["punctuation: 2 errors (max 1)"]


def test_max_warnings():
    assert _gate({"max_warnings": 2}, {}, warnings=2).passed
    assert _gate({"max_warnings": 2}, {}, warnings=3).reasons == ["3 warnings (max 2)"]
    assert _gate({}, {}, warnings=1000).passed, "warnings alone never fail without max_warnings"


def test_a_count_of_one_reads_in_the_singular():
    assert _gate({"max_warnings": 0}, {}, warnings=1).reasons == ["1 warning (max 0)"]
    assert _gate({"max_errors": 100, "max_count": {"P2": 0}}, {"P201": 1}).reasons == [
        "P2: 1 finding (max 0)"
    ]
    fam = _gate(
        {"max_errors": 100, "max_family": {"punctuation": 0}}, {"P201": 1}, families={"punctuation": 1}
    )
    assert fam.reasons == ["punctuation: 1 error (max 0)"]


def test_unreadable_input_fails_unless_allowed():
    bad = [InputStatus(source="x.bin", status="error", error="unsupported")]
    assert not evaluate(from_dict({}), Counter(), Counter(), Counter(), 0, bad).passed
    assert evaluate(from_dict({"fail_on_input_error": False}), Counter(), Counter(), Counter(), 0, bad).passed


@pytest.mark.parametrize(
    ("promote", "promoted"),
    [(False, False), (True, True), (["S"], True), (["S5"], True), (["P2"], False)],
)
def test_promote_warnings(promote, promoted):
    chk = next(iter(CATALOGUE.values()))
    plan = Plan.build(from_dict({"promote_warnings": promote}))
    code_check = type("C", (), {"code": "S599", "severity": Severity.warning})()
    hit = Hit(start=0, end=1, message="m")
    assert plan.severity(code_check, hit) is (Severity.error if promoted else Severity.warning)
    assert plan.severity(chk, hit.model_copy(update={"severity": Severity.info})) is Severity.info


def test_bad_gate_config_is_one_line_exit_2(zhqa_cli, tmp_path):
    (tmp_path / "zhqa.toml").write_text("max_family = { punctuation = -1 }\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    r = zhqa_cli("check", "a.txt", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and "max_family: Value error, punctuation" in err and err.count("\n") == 1
    (tmp_path / "zhqa.toml").write_text("max_family = { punct = 1 }\n", encoding="utf-8")
    r = zhqa_cli("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "'punct' is not a family" in r.stderr.decode()


def test_gate_verdict_and_reasons_in_text_json_and_jsonl(zhqa_cli, tmp_path):
    (tmp_path / "zhqa.toml").write_text('select = ["E101"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("正文".encode() + b"\xff" + "。\n".encode())
    text = zhqa_cli("check", "a.txt", "--no-progress", cwd=tmp_path)
    assert text.returncode == 1 and "Gate: FAILED — E101: 1 error (max 0)" in text.stdout.decode()
    js = zhqa_cli("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert json.loads(js.stdout)["summary"]["gate"] == {
        "passed": False,
        "reasons": ["E101: 1 error (max 0)"],
    }
    jl = zhqa_cli("check", "a.txt", "--format", "jsonl", cwd=tmp_path)
    last = json.loads(jl.stdout.decode().strip().splitlines()[-1])
    assert last["summary"]["gate"]["reasons"] == ["E101: 1 error (max 0)"]
