"""DESIGN.md's layers: an import arrow only points down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "zhqa"
FORBIDDEN = {
    "schemas": {
        "checks",
        "engine",
        "io",
        "reports",
        "text",
        "cli",
        "commands",
        "pytest_plugin",
        "config",
        "plugins",
    },
    "text": {"checks", "engine", "io", "reports", "cli", "commands"},
    "checks": {"engine", "io", "reports", "cli", "commands"},
    "io": {"checks", "engine", "reports", "cli", "commands"},
    "reports": {"engine", "cli", "commands"},
    "engine": {"cli", "commands"},
}


def zhqa_imports(path: Path) -> set[str]:
    """Second components of every ``zhqa.X`` import in a module (incl. function-level ones)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for n in names:
            parts = n.split(".")
            if parts[0] == "zhqa" and len(parts) > 1:
                out.add(parts[1])
    return out


MODULES = [p for p in PKG.rglob("*.py") if p.relative_to(PKG).parts[0] in FORBIDDEN]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_imports_point_down(path):
    layer = path.relative_to(PKG).parts[0]
    bad = zhqa_imports(path) & FORBIDDEN[layer]
    assert not bad, f"{path.relative_to(PKG)} ({layer}) imports {sorted(bad)}"
