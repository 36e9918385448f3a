"""Fixtures for the report formats: real runs of the local engine on the seed and on hostile input."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED
from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.local import LocalEngine
from zhqa.reports import writer

# what an attacker would put in a corpus: text, record ids and file names
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script>", "<!--"]
HOSTILE_NAME = '"><img src=x onerror=alert(1)>.txt'


def run(paths: list[Path | str], config: dict[str, Any] | None = None, cwd: Path | None = None) -> Any:
    """A finished local run (RunResult) over paths, one job, so tests see a fixed order."""
    plan = Plan.build(from_dict(config or {}))
    return LocalEngine(plan, jobs=1).run([str(p) for p in paths])


def render(res: Any, fmt: str) -> str:
    buf = io.StringIO()
    writer(fmt)(res, buf)
    return buf.getvalue()


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A folder holding a copy of the seed page."""
    d = tmp_path / "seeds"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    return d


@pytest.fixture
def seed_run(seed_dir: Path) -> Iterator[Any]:
    res = run([seed_dir])
    yield res
    res.close()


def write_hostile(root: Path) -> Path:
    """A corpus whose text, record ids and file name carry HTML/script payloads."""
    root.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": "r1", "text": "标题<script>alert(1)</script>正文,继续。"},
        {"id": '"><img src=x onerror=alert(1)>', "text": '他说"><img src=x onerror=alert(1)>然后,离开了。'},
        {"id": "r3", "text": "结尾</script><!--注释-->还有,内容。"},
        {"text": "没有编号的记录,也有问题。"},
    ]
    with open(root / "hostile.jsonl", "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (root / HOSTILE_NAME).write_text(
        "页面,文字<script>alert(1)</script>\n第二行,</script>结束\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def hostile_run(tmp_path: Path) -> Iterator[Any]:
    res = run([write_hostile(tmp_path / "hostile")])
    yield res
    res.close()


@pytest.fixture
def report_of() -> Callable[[Any, str], str]:
    return render


@pytest.fixture(scope="session")
def sogouca_run() -> Iterator[Any]:
    """The SogouCA sample (real 2012 web news, damaged: mojibake, U+FFFD, full-width digits)."""
    from tests.conftest import CORPORA

    path = CORPORA / "defects-sogouca" / "sogouca_smarty_decoded.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    res = run([path])
    yield res
    res.close()
