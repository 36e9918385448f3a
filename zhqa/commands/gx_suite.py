"""``zhqa gx-suite``: export the expectation suite zhqa validates, as a GX suite file.

The suite comes from ``[tool.zhqa.expectations]`` and zhqa's defaults; its
columns are those of the metrics table (``zhqa check --metrics FILE``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from zhqa.text.plural import plural


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "gx-suite", help="export the Great Expectations suite of this config (JSON)", description=__doc__
    )
    p.add_argument("--config", help="a zhqa.toml or pyproject.toml (default: the nearest one)")
    p.add_argument("--output", "-o", help="write the suite here (default: stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from zhqa.config import load_config
    from zhqa.reports.expectations import suite_spec
    from zhqa.reports.gx import export_suite

    suite = export_suite(suite_spec(load_config(args.config)))
    text = json.dumps(suite, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        from zhqa.io.atomic import atomic_write

        with atomic_write(args.output) as f:
            f.write(text)
        n = len(suite["expectations"])
        print(f"{n} {plural(n, 'expectation')} written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
