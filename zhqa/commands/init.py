"""``zhqa init DIR``: scaffold a suite project (schemas/ checks/ seeds/ reports/ tests/ tox.ini)."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path
from typing import Any

from zhqa.io.errors import UsageError


def add_parser(sub: Any) -> None:
    p = sub.add_parser("init", help="scaffold a suite project for a corpus", description=__doc__)
    p.add_argument("dir", metavar="DIR", help="folder to create (may exist if empty)")
    p.add_argument("--name", help="project name (default: the folder's name)")
    p.add_argument("--force", action="store_true", help="overwrite files that already exist")
    p.set_defaults(func=run)


def zhqa_requirement() -> str:
    """How the scaffold's tox installs zhqa: this source tree when zhqa runs from one, else PyPI."""
    from zhqa import __version__

    src = Path(__file__).resolve().parents[2]
    if (src / "pyproject.toml").is_file() and (src / "zhqa" / "__init__.py").is_file():
        return f"zhqa @ {src.as_uri()}"
    return f"zhqa=={__version__}"


def _templates() -> Any:
    return resources.files("zhqa") / "templates" / "init"


def _walk(node: Any, rel: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        name = child.name
        if name == "__pycache__":
            continue
        path = f"{rel}{name}"
        if child.is_dir():
            out += _walk(child, path + "/")
        else:
            out.append((path, child.read_text(encoding="utf-8")))
    return out


def render(name: str) -> list[tuple[str, str]]:
    """(relative path, text) of every scaffold file; ``*.tmpl`` lose the suffix and get filled in."""
    subs = {"{{name}}": name, "{{zhqa_requirement}}": zhqa_requirement()}
    out = []
    for rel, text in _walk(_templates()):
        if rel.endswith(".tmpl"):
            rel = rel[: -len(".tmpl")]
            for k, v in subs.items():
                text = text.replace(k, v)
        rel = "/".join("." + part[4:] if part.startswith("dot-") else part for part in rel.split("/"))
        out.append((rel, text))
    return out


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: exists and is not a folder")
    files = render(args.name or target.resolve().name)
    clash = [rel for rel, _ in files if (target / rel).exists()]
    if clash and not args.force:
        raise UsageError(f"{target}: {clash[0]} already exists (use --force to overwrite)")
    for rel, text in files:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    print(f"created a zhqa suite project in {target}/ ({len(files)} files)")
    print(f"next: cd {target} && zhqa check && tox")
    return 0
