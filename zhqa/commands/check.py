"""``zhqa check``: run the checks, write the reports, exit by the gate."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from zhqa.commands.common import add_run_args, default_paths, load, progress_wanted
from zhqa.io.errors import UsageError

STREAM_FORMATS = ("text", "json", "jsonl")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("check", help="check a corpus and exit by the gate", description=__doc__)
    add_run_args(p)
    p.add_argument(
        "--format",
        "-f",
        action="append",
        dest="formats",
        metavar="FMT",
        help="text|json|jsonl|html|junit|sarif|markdown (repeatable; default text)",
    )
    p.add_argument("--output", "-o", help="write the (single) non-HTML format to this file")
    p.add_argument("--report-dir", help="folder for the HTML report and other files (default: reports/)")
    p.add_argument("--baseline", help="only findings not in this baseline count for the gate")
    p.add_argument("--no-baseline", action="store_true", help="ignore the config's baseline")
    p.add_argument("--engine", choices=["local", "spark"], default="local")
    p.add_argument("--show", default="200", help="findings listed by the text format: a number or 'all'")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    p.add_argument(
        "--gx", action="store_true", help="validate the metrics table with Great Expectations (extra: gx)"
    )
    p.add_argument("--metrics", metavar="FILE", help="write the per-document metrics table (Parquet)")
    p.set_defaults(func=run)


def run_checks(args: argparse.Namespace) -> Any:
    """Build the plan and run it with the chosen engine; returns the engine's result."""
    from zhqa.checks.runner import Plan

    config = load(args)
    plan = Plan.build(config, select=args.select, ignore=args.ignore)
    paths = default_paths(args, config)
    if getattr(args, "engine", "local") == "spark":
        from zhqa.engine.spark import SparkEngine  # type: ignore[import-not-found]

        return SparkEngine(plan).run(paths)
    from zhqa.engine.local import LocalEngine
    from zhqa.plugins import record_validator

    try:
        validate = record_validator(config)
    except ValueError as e:
        raise UsageError(str(e)) from None
    engine = LocalEngine(plan, jobs=args.jobs, progress=progress_wanted(args), validate=validate)
    return engine.run(paths)


def _targets(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(format, file or None for stdout) for each requested format."""
    from zhqa.reports import FORMATS

    formats = list(dict.fromkeys(args.formats or ["text"]))
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt}: unknown format (choose from {', '.join(FORMATS)})")
    report_dir = Path(args.report_dir or "reports")
    files = [f for f in formats if f != "html"]
    if args.output and len(files) != 1:
        raise UsageError("--output needs exactly one non-HTML --format")
    out: list[tuple[str, str | None]] = []
    to_stdout = 0
    for fmt in formats:
        if fmt == "html":
            out.append((fmt, str(report_dir / FORMATS[fmt][1])))
        elif args.output:
            out.append((fmt, args.output))
        elif args.report_dir or (fmt not in STREAM_FORMATS):
            out.append((fmt, str(report_dir / FORMATS[fmt][1])))
        else:
            to_stdout += 1
            out.append((fmt, None))
    if to_stdout > 1:
        raise UsageError("several formats would go to stdout: add --report-dir or --output")
    return out


def _colour(args: argparse.Namespace) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def write_reports(args: argparse.Namespace, res: Any, targets: list[tuple[str, str | None]]) -> None:
    from zhqa.io.atomic import atomic_write
    from zhqa.reports import text as text_report
    from zhqa.reports import writer

    show = None if str(args.show).lower() == "all" else int(args.show)
    for fmt, dest in targets:
        write = writer(fmt)
        kwargs: dict[str, Any] = {}
        if fmt == "text":
            kwargs = {"colour": dest is None and _colour(args), "show": show}
        if dest is None:
            write(res, sys.stdout, **kwargs)
        else:
            res.extras.setdefault("written", {})[fmt] = dest
            with atomic_write(dest) as f:
                write(res, f, **kwargs)
    if all(dest is not None for _, dest in targets):
        text_report.write(res, sys.stdout, colour=_colour(args), show=0)
    for fmt, dest in targets:
        if dest is not None:
            print(f"{fmt} report: {dest}", file=sys.stderr if _stdout_used(targets) else sys.stdout)


def _stdout_used(targets: list[tuple[str, str | None]]) -> bool:
    """Whether a format writes to stdout (then notes go to stderr, keeping stdout parseable)."""
    return any(dest is None for _, dest in targets)


def run(args: argparse.Namespace) -> int:
    try:
        show_ok = str(args.show).lower() == "all" or int(args.show) >= 0
    except ValueError:
        show_ok = False
    if not show_ok:
        raise UsageError("--show takes a number or 'all'")
    targets = _targets(args)
    from zhqa.commands.baseline import apply_baseline, early_baseline

    accepted = early_baseline(args)
    res = run_checks(args)
    try:
        apply_baseline(args, res, accepted)
        if args.gx or args.metrics:
            from zhqa.reports.gx import attach

            attach(res, Path(args.report_dir or "reports"), args.metrics, gx=args.gx)
        write_reports(args, res, targets)
        return 0 if res.summary.gate.passed else 1
    finally:
        res.close()
