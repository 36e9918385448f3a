"""Arguments and set-up shared by the commands that run checks (check, fix, baseline)."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from zhqa.schemas.config import SuiteConfig


def codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def add_run_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or - for stdin (default: ./seeds)"
    )
    p.add_argument("--select", type=codes, action="extend", help="only these codes or prefixes (E, P2, D303)")
    p.add_argument("--ignore", type=codes, action="extend", default=[], help="skip these codes or prefixes")
    p.add_argument("--config", help="a zhqa.toml or pyproject.toml (default: the nearest one)")
    p.add_argument("--text-field", help="record field holding the text (default: text)")
    p.add_argument("--id-field", help="record field holding the id (default: id)")
    p.add_argument("--jobs", "-j", type=int, help="worker processes (default: all cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def load(args: argparse.Namespace) -> SuiteConfig:
    """The config with command-line overrides applied, and the suite's plugins loaded."""
    from zhqa.checks import CATALOGUE  # noqa: F401  (registers the built-in checks)
    from zhqa.config import load_config
    from zhqa.plugins import load_plugins

    config = load_config(args.config)
    if args.text_field:
        config.text_field = args.text_field
    if args.id_field:
        config.id_field = args.id_field
    if args.jobs is not None and args.jobs < 1:
        from zhqa.io.errors import UsageError

        raise UsageError("--jobs must be at least 1")
    load_plugins(config)
    return config


def bundled_seeds() -> Path:
    return Path(str(resources.files("zhqa") / "seeds"))


def default_paths(args: argparse.Namespace, config: SuiteConfig) -> list[str]:
    """PATH arguments, else the config's paths, else ./seeds, else the bundled seeds."""
    if args.paths:
        return list(args.paths)
    if config.paths:
        return [str(config.resolve(p)) for p in config.paths]
    if Path("seeds").is_dir():
        return ["seeds"]
    return [str(bundled_seeds())]


def progress_wanted(args: argparse.Namespace) -> bool:
    return not args.no_progress and sys.stderr.isatty()
