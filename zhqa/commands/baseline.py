"""``zhqa baseline PATH... --output FILE``: accept today's findings; ``check --baseline`` gates new ones."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from zhqa.commands.common import add_run_args
from zhqa.io.errors import UsageError
from zhqa.text.plural import plural

DEFAULT_FILE = "zhqa-baseline.json"


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "baseline",
        help="record today's findings so the gate only fails on new ones",
        description=__doc__,
    )
    add_run_args(p)
    p.add_argument(
        "--output", "-o", help=f"baseline file to write (default: the config's baseline, else {DEFAULT_FILE})"
    )
    p.set_defaults(func=run, engine="local")


def _load(path: str | Path) -> Any:
    from zhqa.engine.baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as e:
        raise UsageError(str(e)) from None


def early_baseline(args: argparse.Namespace) -> Any:
    """The ``--baseline FILE`` of a check run, read before the run so a bad file fails fast."""
    return _load(args.baseline) if getattr(args, "baseline", None) else None


def apply_baseline(args: argparse.Namespace, res: Any, accepted: Any) -> Any:
    """Apply ``--baseline`` (or the config's ``baseline``) to a finished run; returns the outcome."""
    from zhqa.engine.baseline import apply

    if accepted is None and res.config.baseline and not getattr(args, "no_baseline", False):
        accepted = _load(res.config.resolve(res.config.baseline))
    if accepted is None:
        return None
    return apply(res, accepted)


def run(args: argparse.Namespace) -> int:
    from zhqa import __version__
    from zhqa.commands.check import run_checks
    from zhqa.engine.baseline import Baseline
    from zhqa.io.atomic import atomic_write

    res = run_checks(args)
    try:
        out = args.output or (str(res.config.resolve(res.config.baseline)) if res.config.baseline else None)
        out = out or DEFAULT_FILE
        b = Baseline.from_findings(res.findings())
        with atomic_write(out) as f:
            f.write(b.dump(__version__))
        bad = [i for i in res.summary.inputs if i.status == "error"]
        for i in bad:
            print(f"zhqa: warning: {i.source}: {i.error} (not in the baseline)")
        n, keys = len(b), len(b.counts)
        print(f"baseline: {n} {plural(n, 'finding')} ({keys} {plural(keys, 'fingerprint')}) written to {out}")
        return 0
    finally:
        res.close()
