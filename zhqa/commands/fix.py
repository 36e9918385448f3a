"""``zhqa fix``: write fixed copies (safe fixes; ``--unsafe-fixes`` for the rest), say what is left."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from zhqa.commands.common import add_run_args, default_paths, load
from zhqa.io.errors import UsageError
from zhqa.reports.base import count


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "fix", help="write fixed copies; never edits in place unless asked", description=__doc__
    )
    add_run_args(p)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", help="folder for the fixed copies (same relative paths and formats)")
    where.add_argument("--in-place", action="store_true", help="replace the inputs (atomically)")
    where.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")
    p.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply unsafe fixes (D303 D304 S503 S504 E108)"
    )
    p.add_argument("--force", action="store_true", help="overwrite files already in --output")
    p.set_defaults(func=run)


def _check_output(out: Path, paths: list[str], force: bool) -> None:
    resolved = out.resolve()
    for p in paths:
        if p == "-":
            raise UsageError("fix cannot read stdin; give files or folders")
        src = Path(p).resolve()
        folder = src if src.is_dir() else src.parent
        if resolved == folder:
            raise UsageError(f"--output {out} is the input folder: use --in-place to replace the inputs")
    if out.exists() and any(out.iterdir()) and not force:
        raise UsageError(f"--output {out} is not empty: use --force to overwrite files in it")


def run(args: argparse.Namespace) -> int:
    from zhqa.checks.runner import Plan
    from zhqa.engine.fixrun import FixRun

    if not (args.output or args.in_place or args.diff):
        raise UsageError("say where fixes go: --output DIR, --in-place or --diff")
    config = load(args)
    plan = Plan.build(config, select=args.select, ignore=args.ignore)
    paths = default_paths(args, config)
    out = Path(args.output) if args.output else None
    if out is not None:
        _check_output(out, paths, args.force)
    jobs = args.jobs or config.jobs or os.cpu_count() or 1
    report = FixRun(plan, unsafe=args.unsafe_fixes, jobs=jobs).run(
        paths, out, args.in_place, sys.stdout if args.diff else None
    )
    summarise(report, sys.stderr if args.diff else sys.stdout, args.unsafe_fixes)
    return 1 if report.errors_left else 0


def summarise(report: Any, out: Any, unsafe: bool) -> None:
    files = report.files
    docs = sum(f.documents for f in files)
    changed = sum(f.changed for f in files)
    out.write(f"Fixed {changed:,} of {count(docs, 'document')} in {count(len(files), 'file')}.\n")
    for f in files:
        if f.status in ("error", "copied"):
            out.write(f"  {f.source}: {f.status}" + (f" ({f.error})" if f.error else "") + "\n")
    if report.applied:
        out.write("Applied: " + "  ".join(f"{c}×{n}" for c, n in sorted(report.applied.items())) + "\n")
    else:
        out.write("Applied: nothing\n")
    if report.left:
        out.write("Left:\n")
        for (code, sev, reason), n in sorted(report.left.items()):
            out.write(f"  {code}×{n} ({sev}; {reason})\n")
    if report.unconverged:
        out.write("Did not converge in 10 passes: " + ", ".join(sorted(report.unconverged)) + "\n")
    if not unsafe and any("unsafe" in r for (_, _, r) in report.left):
        out.write("Unsafe fixes are available: rerun with --unsafe-fixes to apply them.\n")
