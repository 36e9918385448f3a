"""JUnit XML, SARIF 2.1.0 and the Markdown summary: structure, locations, verdict."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator

from tests.conftest import SEED
from tests.reports.conftest import render, run, write_hostile
from zhqa.reports.common import families

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json"


@pytest.fixture
def mixed_run(tmp_path):
    """The seed page, the hostile corpus, and a record with a control character XML forbids."""
    root = write_hostile(tmp_path / "corpus")
    shutil.copy(SEED, root / SEED.name)
    (root / "bell.jsonl").write_text(
        json.dumps({"id": "bell", "text": "这是测试\x07文本,内容。"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    res = run([root])
    yield res
    res.close()


def test_junit_has_one_suite_per_family_and_one_case_per_document(mixed_run, tmp_path):
    from junitparser import JUnitXml

    path = tmp_path / "junit.xml"
    path.write_text(render(mixed_run, "junit"), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = {s.name: s for s in xml}
    fams = families(mixed_run)
    assert list(suites) == ["gate", *fams] and len(fams) == 5
    docs = mixed_run.summary.documents
    errors: dict[tuple[str, str], list] = defaultdict(list)
    found: dict[tuple[str, str], list] = defaultdict(list)
    for f in mixed_run.findings():
        found[(f.family, f.doc_id)].append(f)
        if f.severity.value == "error":
            errors[(f.family, f.doc_id)].append(f)
    for fam in fams:
        suite = suites[fam]
        assert suite.tests == docs
        assert suite.failures == sum(1 for key in errors if key[0] == fam)
        for case in suite:
            assert case.classname == f"zhqa.{fam}"
            failing = (fam, case.name) in errors
            assert (not case.is_passed) == failing
            if failing:
                listed = case.result[0].text.splitlines()
                assert len(listed) == len(found[(fam, case.name)])
                assert [line.split()[0] for line in listed] == [f.code for f in found[(fam, case.name)]]
    bell = next(c for c in suites["encoding"] if c.name == "bell")
    assert "\\x07" in bell.result[0].text
    gate = next(iter(suites["gate"]))
    assert gate.is_passed == mixed_run.summary.gate.passed
    assert xml.failures == sum(s.failures for s in suites.values())


def test_sarif_validates_and_points_at_lines_and_columns_in_the_files(mixed_run, tmp_path):
    log = json.loads(render(mixed_run, "sarif"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, errors[0].message
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= set(mixed_run.summary.by_code)
    findings = list(mixed_run.findings())
    assert len(run_["results"]) == len(findings)
    base = Path(unquote(run_["originalUriBaseIds"]["SRCROOT"]["uri"].removeprefix("file://")))
    checked_page = checked_record = 0
    for f, r in zip(findings, run_["results"], strict=True):
        assert r["ruleId"] == f.code and rules[r["ruleIndex"]]["id"] == f.code
        loc = r["locations"][0]
        assert loc["logicalLocations"][0]["name"] == f.doc_id
        phys = loc["physicalLocation"]
        art = phys["artifactLocation"]
        uri = unquote(art["uri"])
        src = Path(uri.removeprefix("file://")) if uri.startswith("file:") else base / uri
        assert src.resolve() == Path(f.source).resolve()
        lines = src.read_text(encoding="utf-8").split("\n")
        region = phys.get("region")
        if f.source.endswith(".txt"):
            assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
            text = "\n".join(lines)
            start = sum(len(x) + 1 for x in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
            end = sum(len(x) + 1 for x in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
            assert text[start:end] == text[f.start : f.end]
            for fix in r.get("fixes", []):
                (rep,) = fix["artifactChanges"][0]["replacements"]
                assert rep["insertedContent"]["text"] == f.fix.replacement
            checked_page += 1
        elif f.source.endswith(".jsonl"):
            record = json.loads(lines[region["startLine"] - 1])
            assert record.get("id", f"{Path(f.source).name}:{region['startLine']}") == f.doc_id
            checked_record += 1
    assert checked_page > 10 and checked_record > 3
    props = run_["properties"]["gate"]
    assert props["passed"] == mixed_run.summary.gate.passed
    assert props["reasons"] == mixed_run.summary.gate.reasons


def test_markdown_is_short_and_escapes_what_it_quotes(tmp_path):
    write_hostile(tmp_path / "c")
    (tmp_path / "c" / "bad|<i>x.jsonl.gz").write_bytes(b"not gzip at all")
    res = run([tmp_path / "c"])
    assert any(i.status == "error" for i in res.summary.inputs)
    md = render(res, "markdown")
    res.close()
    lines = md.splitlines()
    assert lines[0].startswith("## zhqa quality gate: ")
    assert len(lines) < 60
    assert "<i>" not in md and "bad\\|\\<i\\>x.jsonl.gz" in md
    for reason in res.summary.gate.reasons:
        assert reason.replace("<", "\\<").replace(">", "\\>").replace("|", "\\|") in md.replace("\\_", "_")


@pytest.mark.parametrize("fmt", ["html", "junit", "sarif", "markdown"])
def test_verdict_and_reasons_appear_in_every_format(seed_run, fmt):
    assert not seed_run.summary.gate.passed and seed_run.summary.gate.reasons
    out = render(seed_run, fmt)
    if fmt == "sarif":
        out = json.dumps(json.loads(out)["runs"][0]["properties"]["gate"], ensure_ascii=False)
    assert "failed" in out.lower()
    for reason in seed_run.summary.gate.reasons:
        assert reason in out


def test_cli_writes_every_rich_format_into_the_report_dir(zhqa_cli, tmp_path):
    shutil.copytree(SEED.parent, tmp_path / "seeds")
    done = zhqa_cli("check", "--no-progress", "-f", "html", "-f", "junit", "-f", "sarif", "-f", "markdown")
    assert done.returncode == 1, done.stderr.decode()
    out = tmp_path / "reports"
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "junit.xml", "report.sarif", "summary.md"]
    assert "Gate failed" in (out / "index.html").read_text(encoding="utf-8")


def test_real_damaged_corpus_gives_valid_sarif_and_junit(sogouca_run, tmp_path):
    from junitparser import JUnitXml

    log = json.loads(render(sogouca_run, "sarif"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert not list(Draft4Validator(schema).iter_errors(log))
    results = log["runs"][0]["results"]
    assert len(results) == sogouca_run.summary.findings > 1000
    # every record's region is its own line in the file
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results} <= set(
        range(1, 201)
    )
    path = tmp_path / "junit.xml"
    path.write_text(render(sogouca_run, "junit"), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    assert xml.tests == 1 + 5 * sogouca_run.summary.documents


def test_a_clean_run_passes_in_every_format(tmp_path):
    from junitparser import JUnitXml

    (tmp_path / "clean.txt").write_text(
        "今天天气很好，我们一起去公园散步，看到了许多盛开的鲜花。\n", encoding="utf-8"
    )
    res = run([tmp_path / "clean.txt"])
    assert res.summary.findings == 0, [f.code for f in res.findings()]
    page = render(res, "html")
    assert "Gate passed" in page and "No findings." in page
    assert "passed" in render(res, "markdown").splitlines()[0]
    log = json.loads(render(res, "sarif"))
    assert log["runs"][0]["results"] == [] and log["runs"][0]["properties"]["gate"]["passed"]
    (tmp_path / "junit.xml").write_text(render(res, "junit"), encoding="utf-8")
    xml = JUnitXml.fromfile(str(tmp_path / "junit.xml"))
    assert xml.failures == 0 and xml.tests == 1 + 5
    res.close()
