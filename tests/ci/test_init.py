"""``zhqa init``: a scaffolded suite project passes out of the box and gates on its own checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LAYOUT = {
    "pyproject.toml",
    "tox.ini",
    "README.md",
    ".gitignore",
    "schemas/corpus.py",
    "checks/house_style.py",
    "seeds/sample.txt",
    "reports/.gitkeep",
    "tests/test_suite.py",
}
CUSTOM = '''
from zhqa.checks import Bad, Good, check
from zhqa.schemas import Hit


@check(
    code="X950",
    name="future-year",
    severity="error",
    family="numeric",
    examples=[Bad("2099年，新馆开放。"), Good("2024年，新馆开放。")],
)
def future_year(doc):
    """A year after 2030 in a news text.

    ## Why is this bad?
    News reports what happened; a far-future year is a typo.
    """
    import re

    for m in re.finditer(r"20[3-9]\\d年", doc.text):
        yield Hit(start=m.start(), end=m.end(), message=f"{m.group()} is in the future")
'''


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run([*args], cwd=cwd, capture_output=True, text=True, timeout=900, env=env)


@pytest.fixture
def project(zhqa_cli, tmp_path: Path) -> Path:
    r = zhqa_cli("init", "news-suite", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "news-suite"


def test_init_scaffolds_the_suite_layout(project):
    files = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert files == LAYOUT
    assert "news-suite" in (project / "README.md").read_text(encoding="utf-8")
    tox = (project / "tox.ini").read_text(encoding="utf-8")
    assert "[testenv:gate]" in tox and "[testenv:report]" in tox and "{{" not in tox


def test_a_fresh_project_passes_its_gate_and_tests(project):
    gate = _run(sys.executable, "-m", "zhqa", "check", "--no-progress", cwd=project)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    tests = _run(sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", cwd=project)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    items = _run(sys.executable, "-m", "pytest", "--zhqa", "-q", "-p", "no:randomly", cwd=project)
    assert items.returncode == 0 and "passed" in items.stdout, items.stdout


def test_a_custom_check_and_a_defective_seed_fail_the_gate(project):
    (project / "checks" / "dates.py").write_text(CUSTOM, encoding="utf-8")
    (project / "seeds" / "page-002.txt").write_text("2099年，新馆开放。\n", encoding="utf-8")
    gate = _run(sys.executable, "-m", "zhqa", "check", "--no-progress", cwd=project)
    assert gate.returncode == 1, gate.stdout + gate.stderr
    assert "X950 error  2099年 is in the future" in gate.stdout
    assert "Gate: FAILED — X950: 1 error (max 0)" in gate.stdout
    # the custom check's own examples run in the suite's generic example test
    tests = _run(sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-k", "X950", cwd=project)
    assert tests.returncode == 0 and "2 passed" in tests.stdout, tests.stdout
    listed = _run(sys.executable, "-m", "zhqa", "list-checks", cwd=project)
    assert "X950  future-year" in listed.stdout and "X901  placeholder-text" in listed.stdout


def test_init_refuses_to_overwrite(zhqa_cli, project):
    r = zhqa_cli("init", str(project))
    assert r.returncode == 2 and "already exists" in r.stderr.decode()
    assert zhqa_cli("init", str(project), "--force").returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("ZHQA_TOX_TESTS") or shutil.which("tox") is None,
    reason="runs tox (creates virtualenvs, installs from PyPI): set ZHQA_TOX_TESTS=1",
)
def test_tox_run_of_a_fresh_project(project):
    r = _run("tox", "-q", cwd=project)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (project / "seeds" / "page-002.txt").write_text("此处待补\n", encoding="utf-8")
    r = _run("tox", "-q", "-e", "gate", cwd=project)
    assert r.returncode == 1 and "X901" in r.stdout
