"""Shared fixtures: the seed page, documents made from text, and a CLI runner."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "page-001.txt"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The text of seeds/page-001.txt."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text: str) -> Document:
    """The seed page as the txt reader names it."""
    return Document(id="page-001.txt", source="seeds/page-001.txt", text=seed_text)


@pytest.fixture
def make_doc() -> Callable[[str], Document]:
    return lambda text, **kw: Document.from_text(text, **kw)


@pytest.fixture
def run() -> Callable[..., list]:
    """Hits of one check (by code) on a text."""

    def _run(code: str, text: str) -> list:
        return CATALOGUE[code].run(Document.from_text(text))

    return _run


def corpus_records(name: str) -> list[dict]:
    """Records of a JSONL file under ../shared/corpora (skips the test when absent)."""
    path = CORPORA / name
    if not path.is_file():
        pytest.skip(f"{path} not available")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def zhqa_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run ``python -m zhqa ARGS`` in tmp_path (or ``cwd``); returns the completed process."""

    def _cli(*args: str, cwd: Path | None = None, input: bytes | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "zhqa", *args],
            cwd=cwd or tmp_path,
            input=input,
            capture_output=True,
            timeout=600,
        )

    return _cli
