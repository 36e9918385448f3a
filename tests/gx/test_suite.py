"""The expectation suite from [tool.zhqa.expectations]: defaults, overrides, extras, export."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from zhqa.config import ConfigFileError, from_dict
from zhqa.reports.expectations import suite_spec


def _by_column(spec: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in spec["expectations"]:
        out.setdefault(e["kwargs"].get("column", ""), []).append(e)
    return out


def test_defaults_cover_ids_nulls_hanzi_halfwidth_clusters_and_mean_length():
    spec = suite_spec(from_dict({}))
    types = {(e["type"], e["kwargs"].get("column")) for e in spec["expectations"]}
    assert ("expect_column_values_to_be_unique", "doc_id") in types
    assert ("expect_column_values_to_not_be_null", "characters") in types
    assert ("expect_column_mean_to_be_between", "characters") in types
    cols = _by_column(spec)
    (hanzi,) = cols["hanzi_share"]
    assert hanzi["kwargs"] == {"column": "hanzi_share", "min_value": 0.5, "mostly": 0.95}
    (half,) = cols["halfwidth_per_1000"]
    assert half["kwargs"]["max_value"] == 1 and half["kwargs"]["mostly"] < 1
    assert cols["duplicate_cluster_size"][0]["kwargs"]["max_value"] == 5
    assert "traditional_share" in cols  # script = "simplified" by default
    labels = [e["meta"]["zhqa"] for e in spec["expectations"]]
    assert len(labels) == len(set(labels)), "labels name expectations in gate reasons: keep them unique"


def test_config_overrides_drops_and_extends():
    spec = suite_spec(
        from_dict(
            {
                "script": "any",
                "expectations": {
                    "suite_name": "news",
                    "max_duplicate_cluster_size": 2,
                    "columns": {"hanzi_share": {"min": 0.7}, "halfwidth_per_1000": {}},
                    "mean": {"paragraphs": {"min": 3}},
                    "extra": [
                        {
                            "type": "expect_column_max_to_be_between",
                            "kwargs": {"column": "title_length", "max_value": 64},
                        }
                    ],
                },
            }
        )
    )
    cols = _by_column(spec)
    assert spec["name"] == "news"
    assert cols["hanzi_share"][0]["kwargs"] == {"column": "hanzi_share", "min_value": 0.7}
    assert "halfwidth_per_1000" not in cols and "traditional_share" not in cols
    assert cols["duplicate_cluster_size"][0]["kwargs"]["max_value"] == 2
    assert cols["paragraphs"][0]["type"] == "expect_column_mean_to_be_between"
    assert cols["title_length"][0]["meta"]["zhqa"].startswith("expect_column_max_to_be_between(")


def test_defaults_off_leaves_only_what_the_config_says():
    spec = suite_spec(from_dict({"expectations": {"defaults": False, "columns": {"paragraphs": {"min": 1}}}}))
    assert [e["kwargs"] for e in spec["expectations"]] == [{"column": "paragraphs", "min_value": 1}]


@pytest.mark.parametrize(
    ("bad", "key"),
    [
        ({"colums": {}}, "expectations.colums"),
        ({"columns": {"hanzi_share": {"mostly": 1.5}}}, "mostly"),
        ({"columns": {"hanzi_share": {"min": 0.9, "max": 0.1}}}, "hanzi_share"),
        ({"extra": [{"type": "not_an_expectation"}]}, "type"),
    ],
)
def test_a_bad_expectations_table_is_a_config_error_naming_the_key(bad, key):
    with pytest.raises(ConfigFileError, match=key):
        from_dict({"expectations": bad})


def test_gx_suite_exports_a_suite_gx_can_load(tmp_path, zhqa_cli):
    gx = pytest.importorskip("great_expectations")
    (tmp_path / "zhqa.toml").write_text("[expectations.columns.hanzi_share]\nmin = 0.8\nmostly = 0.9\n")
    out = tmp_path / "suite.json"
    proc = zhqa_cli("gx-suite", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    suite = gx.get_context(mode="ephemeral").suites.add(gx.ExpectationSuite(**data))  # as README says
    assert (
        len(suite.expectations) == len(data["expectations"]) == len(suite_spec(from_dict({}))["expectations"])
    )
    hanzi = [e for e in data["expectations"] if e["kwargs"].get("column") == "hanzi_share"]
    assert hanzi[0]["kwargs"] == {"column": "hanzi_share", "min_value": 0.8, "mostly": 0.9}


def test_without_great_expectations_the_commands_exit_2_with_the_install_hint(tmp_path):
    code = (
        "import sys; sys.modules['great_expectations'] = None\n"
        "from zhqa.cli import main\n"
        "sys.exit(main(sys.argv[1:]))"
    )
    for args in (["gx-suite"], ["check", "--select", "E101", "--gx", "--report-dir", str(tmp_path / "r")]):
        (tmp_path / "seeds").mkdir(exist_ok=True)
        (tmp_path / "seeds" / "a.txt").write_text("正文。", encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path
        )
        assert proc.returncode == 2, proc.stderr
        assert "pip install 'zhqa[gx]'" in proc.stderr and "Traceback" not in proc.stderr
