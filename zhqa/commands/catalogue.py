"""``zhqa list-checks`` and ``zhqa explain CODE``: the catalogue, from the registry."""

from __future__ import annotations

import argparse
import json
from typing import Any

from zhqa.io.errors import UsageError


def add_parser(sub: Any) -> None:
    p = sub.add_parser("list-checks", help="the check catalogue (built-in and the suite's own)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--config", help="config whose plugins to load")
    p.set_defaults(func=list_checks)
    e = sub.add_parser("explain", help="what a check means, with its bad/good examples")
    e.add_argument("code")
    e.add_argument("--config", help="config whose plugins to load")
    e.set_defaults(func=explain)


def _load(args: argparse.Namespace) -> None:
    from zhqa.checks import CATALOGUE  # noqa: F401
    from zhqa.config import load_config
    from zhqa.plugins import load_plugins

    load_plugins(load_config(args.config))


def list_checks(args: argparse.Namespace) -> int:
    from zhqa.catalogue import table
    from zhqa.checks.registry import CATALOGUE

    _load(args)
    checks = [CATALOGUE[c] for c in sorted(CATALOGUE)]
    if args.format == "json":
        rows = [
            {
                "code": c.code,
                "name": c.name,
                "family": c.family,
                "severity": c.severity.value,
                "fix": c.fix,
                "kind": c.kind,
                "summary": c.summary,
            }
            for c in checks
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(table(checks), end="")
    return 0


def explain(args: argparse.Namespace) -> int:
    from zhqa.catalogue import explain as render
    from zhqa.checks._retired import RETIRED
    from zhqa.checks.registry import CATALOGUE

    _load(args)
    code = args.code.strip().upper()
    if code in RETIRED:
        print(f"{code} is retired: {RETIRED[code]}")
        return 0
    if code not in CATALOGUE:
        raise UsageError(f"unknown check code {args.code!r}; see zhqa list-checks")
    print(render(code), end="")
    return 0
