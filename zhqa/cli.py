"""The command line: parse arguments, run a command, map errors to exit code 2.

Exit codes: 0 gate passed, 1 gate failed, 2 usage error or unreadable input,
130/143 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Sequence

from zhqa import __version__

# Each module in zhqa.commands has ``add_parser(subparsers)``; its parser sets ``func``.
COMMANDS = ["check", "catalogue", "gx_suite", "fix", "baseline", "init", "parse"]


class UsageFailure(Exception):
    """A usage error to report in one line (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhqa", description="A quality gate for Chinese text corpora.")
    parser.add_argument("--version", action="version", version=f"zhqa {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"zhqa.commands.{name}").add_parser(sub)
    return parser


class Terminated(BaseException):
    """SIGTERM arrived; unwinds like KeyboardInterrupt so partial outputs are removed."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    from zhqa.checks.runner import ConfigError
    from zhqa.config import ConfigFileError
    from zhqa.io.errors import InputError, UsageError

    signal.signal(signal.SIGTERM, _on_sigterm)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except (UsageError, UsageFailure, ConfigFileError, ConfigError, InputError) as e:
        print(f"zhqa: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhqa: interrupted; no partial output was left", file=sys.stderr)
        return 130
    except Terminated:
        print("zhqa: terminated; no partial output was left", file=sys.stderr)
        return 143
    except BrokenPipeError:
        return 0
    except SystemExit:
        raise
    except Exception as e:
        if args.debug:
            raise
        print(
            f"zhqa: internal error: {type(e).__name__}: {e} (rerun with --debug for details)", file=sys.stderr
        )
        return 2


def run() -> None:
    """Console-script entry point (interrupts while starting up exit cleanly too)."""
    try:
        code = main()
    except KeyboardInterrupt:
        print("zhqa: interrupted", file=sys.stderr)
        code = 130
    except Terminated:
        print("zhqa: terminated", file=sys.stderr)
        code = 143
    sys.exit(code)
