"""Load a suite's own checks by path (``plugins = ["checks"]``), with the public decorator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from zhqa.config import ConfigFileError
from zhqa.schemas.config import SuiteConfig

_LOADED: set[Path] = set()


def _import_file(path: Path, name: str) -> None:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ConfigFileError(f"plugins: cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


def load_plugins(config: SuiteConfig) -> None:
    """Import every plugin path of the config once; their decorators register the checks."""
    for entry in config.plugins:
        path = config.resolve(entry).resolve()
        if path in _LOADED:
            continue
        if path.is_dir():
            files = sorted(
                p for p in path.glob("*.py") if not p.name.startswith("_") or p.name == "__init__.py"
            )
        elif path.is_file():
            files = [path]
        elif path.with_suffix(".py").is_file():
            files = [path.with_suffix(".py")]
        else:
            raise ConfigFileError(f"plugins: {entry!r} not found (looked in {path})")
        for f in files:
            name = f"zhqa_suite_{path.name}_{f.stem}".replace("-", "_").replace(".", "_")
            try:
                _import_file(f, name)
            except ConfigFileError:
                raise
            except Exception as e:
                raise ConfigFileError(f"plugins: cannot load {f}: {type(e).__name__}: {e}") from None
        _LOADED.add(path)
