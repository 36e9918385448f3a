"""The repo's own CI wiring: tox envs, the committed gate baseline, the pre-commit hooks."""

from __future__ import annotations

import configparser
import re

from tests.conftest import ROOT
from zhqa.engine.baseline import Baseline


def _tox() -> configparser.ConfigParser:
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(ROOT / "tox.ini", encoding="utf-8")
    return cp


def test_tox_envs():
    cp = _tox()
    for env in ("tests", "lint", "type", "gate", "report", "spark"):
        assert cp.has_section(f"testenv:{env}"), env
    assert "tests" in cp["tox"]["env_list"] and "lint" in cp["tox"]["env_list"]
    assert "--baseline zhqa-baseline.json" in cp["testenv:gate"]["commands"]
    assert "reports/index.html" in cp["testenv:report"]["commands"]
    assert "mypy zhqa" in cp["testenv:type"]["commands"]


def test_the_gate_baseline_is_committed_and_current(zhqa_cli):
    """`tox -e gate` runs exactly this; when checks change, regenerate the baseline."""
    accepted = Baseline.load(ROOT / "zhqa-baseline.json")
    assert len(accepted) > 0
    r = zhqa_cli("check", "seeds", "--baseline", "zhqa-baseline.json", "--no-progress", cwd=ROOT)
    assert r.returncode == 0, (
        "the seed gate fails on findings outside zhqa-baseline.json; if the checks changed on purpose, "
        "regenerate it with: zhqa baseline seeds --output zhqa-baseline.json\n" + r.stdout.decode()[-3000:]
    )


def test_pre_commit_hooks():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)$", text, re.M)
    assert ids == ["zhqa", "zhqa-all"]
    assert text.count("entry: zhqa check --no-progress") == 2
    files = re.compile(re.search(r"^  files: (.+)$", text, re.M).group(1))
    exclude = re.compile(re.search(r"^  exclude: (.+)$", text, re.M).group(1))

    def picked(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert picked("seeds/page-001.txt") and picked("corpus/news.jsonl.gz") and picked("data/a.parquet")
    assert not picked("README.md") and not picked("corpus/SOURCE.md") and not picked("zhqa-baseline.json")
    assert not picked("checks/house.py")
