"""pytest plugin: ``pytest --zhqa PATH`` collects corpus files as test items (opt-in)."""

from __future__ import annotations

from typing import Any


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("zhqa", "zhqa corpus checks")
    group.addoption("--zhqa", action="store_true", default=False, help="check corpus files with zhqa")
